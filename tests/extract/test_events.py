"""Events from sentences: what counts, how it is dated, merged and titled.

Example articles written for this project (published Friday 2022-03-11).
"""

import pytest

from app.extract.pipeline import extract

HEAD = " date 2022-03-11 "


def events(body: str) -> list[tuple[str, str, str]]:
    return [(e.date, e.precision, e.date_method) for e in extract(HEAD + body).events]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rebels have captured the airport.", [("2022-03-11", "day", "dateline")]),
        # a present-perfect report of a present-perfect action: the action is the event
        ("A rebel leader has said that his fighters have withdrawn from the town.", [("2022-03-11", "day", "dateline")]),
        ("On Tuesday, artillery shelled the port.", [("2022-03-08", "day", "weekday")]),
        ("Police arrested 12 people yesterday.", [("2022-03-10", "day", "relative")]),
        ("The army seized the town in a 2014 coup.", [("2014", "year", "explicit")]),
        ("Troops landed on Monday, reaching the capital on Wednesday.", [("2022-03-07", "day", "weekday"), ("2022-03-09", "day", "weekday")]),
        ("The civil war broke out in March 2011.", [("2011-03", "month", "explicit")]),  # a dated outbreak
        ("LAGOS, Mar 10 (Example News) - Gunmen seized a bus on Tuesday.", [("2022-03-08", "day", "weekday")]),  # not the filing date
        # an aside about the subject is dated apart from the clause around it
        ("The truce, agreed on 2 March, collapsed on Monday.", [("2022-03-02", "day", "explicit"), ("2022-03-07", "day", "weekday")]),
        ("The talks, held on Tuesday, ended without a deal on Wednesday.", [("2022-03-09", "day", "weekday")]),
        # what is reported is dated by its own date, not by the day it was reported on
        ("Police said on Monday that they had arrested two men on Saturday.", [("2022-03-05", "day", "weekday")]),
        ("Troops killed six raiders last week near the dam, an officer said on Monday.", [("2022-02-28", "week", "relative")]),
        # a date inside a past relative clause dates what the relative clause tells
        ("Police have detained a man over a raid that killed two guards last week, officials said on Thursday.",
         [("2022-02-28", "week", "relative"), ("2022-03-10", "day", "weekday")]),
        # "since <date>, when ...": the when-clause happened then; the running comparison is no event
        ("The raid was the deadliest since May 2019, when a bomb killed six.", [("2019-05", "month", "explicit")]),
        # so does a since-clause with a verb of its own
        ("The shelling on Monday was the heaviest since rebels seized the airport on 2 March.",
         [("2022-03-02", "day", "explicit"), ("2022-03-07", "day", "weekday")]),
        ("On Sunday, the navy test-fired a cruise missile.", [("2022-03-06", "day", "weekday")]),  # a prefixed verb
        ("Pirates hijacked a tanker on Monday.", [("2022-03-07", "day", "weekday")]),
        ("The kidnappers had taken the convoy in mid-January.", [("2022-01", "month", "explicit")]),  # a participle
        ("Last week the crew regained control of the ferry.", [("2022-02-28", "week", "relative")]),
        # a reaction word after the event does not make the sentence a reaction
        ("Troops captured the town on Monday and urged the rebels to surrender.", [("2022-03-07", "day", "weekday")]),
        ("The ceasefire, which took effect on Sunday, broke down within hours.", [("2022-03-06", "day", "weekday")]),
        # an after-phrase with its own date tells what came before the clause's event
        ("Rebels withdrew on Tuesday after the army shelled the town on Monday.",
         [("2022-03-07", "day", "weekday"), ("2022-03-08", "day", "weekday")]),
        ("Peru recalled its ambassador on Monday and cancelled joint drills.", [("2022-03-07", "day", "weekday")]),
        # a coordinated clause opening with its own date is another event
        ("Troops took the port on Monday, and on Tuesday rebels shelled the airport.",
         [("2022-03-07", "day", "weekday"), ("2022-03-08", "day", "weekday")]),
        ("Few returned home since the 2014 invasion.", [("2014", "year", "explicit")]),  # a dated event noun
        # verbs joined by "and" between two dates are two events
        ("The colonel was arrested in 2015 and extradited to Kenya in March 2016.",
         [("2015", "year", "explicit"), ("2016-03", "month", "explicit")]),
        ("A fire set on Monday destroyed the depot.", [("2022-03-07", "day", "weekday")]),
        # a closing date after an apposition; a list of names between the verb and the date
        ("Rebels captured Gao, the largest town of the north, in January.", [("2022-01", "month", "explicit")]),
        ("The junta obtained the resignations of the president, the premier and the cabinet in January.",
         [("2022-01", "month", "explicit")]),
        # a fronted after-phrase with its own date
        ("After seizing the port in May 2020, the rebels took the airport in June.",
         [("2020-05", "month", "explicit"), ("2021-06", "month", "explicit")]),
        ("Clashes erupted on Friday and continued until Sunday.", [("2022-03-04", "day", "weekday")]),  # one event going on
        ("Officials closed the inquiry earlier this week but announced Thursday they would appeal.", [("2022-03-10", "day", "weekday")]),
    ],
)
def test_dated_events(body: str, expected: list[tuple[str, str, str]]) -> None:
    assert events(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The government has been supporting the militias for years.",  # ongoing state
        "Soldiers shelled the village and fled.",  # simple past, no date (rule 8)
        "The ministers will meet on Thursday to sign the accord.",  # planned
        "The envoy is scheduled to arrive next week.",
        "The talks scheduled for Monday were postponed.",  # the date of a plan, not of the postponement
        "The vote due on 3 March was cancelled.",
        '"We attacked them on Monday," a commander said.',  # a quotation
        "The UN condemned the strike on Tuesday.",  # a reaction
        "Almost 3,000 civilians have died since 2015.",  # running total
        "The agency said 60,000 people had fled since 24 February.",  # a running total since a day
        "There have been no reports of casualties.",
        "The war in the south dragged on through 2021.",  # a state of conflict, not its outbreak
        "It was the fourth coup since the adoption of the constitution in 1932.",  # a since-phrase starts a span
    ],
)
def test_not_events(body: str) -> None:
    assert events(body) == []


def test_a_sentence_referring_back_to_the_attack_attaches_to_it() -> None:
    body = "Gunmen killed nine people in Gao on Monday. Two Malian soldiers also died in the attack."
    (event,) = extract(HEAD + body).events
    assert len(event.excerpts) == 2


def test_same_day_events_of_different_kinds_stay_apart_and_restatements_merge() -> None:
    apart = "On Monday, Chilean troops shelled the port.\n\nAlso on Monday, Chile signed a border accord with Peru."
    assert len(extract(HEAD + apart).events) == 2
    restated = "On Monday, Chilean troops shelled the port.\n\nThe shelling by Chilean troops on Monday killed four."
    assert len(extract(HEAD + restated).events) == 1


def test_elaboration_attaches_instead_of_duplicating() -> None:
    body = "On Monday, rebels attacked the base. The rebels also burned trucks. They killed two guards."
    (event,) = extract(HEAD + body).events
    assert len(event.excerpts) == 3
    assert event.type == "Battles"


@pytest.mark.parametrize(
    ("body", "attached"),
    [
        # background in the present tense: not part of the event
        ("On Monday, rebels attacked the base. There are about 300 rebels in the hills.", False),
        # no shared actor and no back-reference
        ("On Monday, rebels attacked the base. Two guards died.", False),
        # a definite back-reference in the past tense
        ("On Monday, rebels attacked the base. The assault lasted two hours.", True),
        # a quotation by someone who is not an actor of the event
        ('On Monday, Kenyan police raided the camp. "It was chaos," a neighbour said.', False),
        # not adjacent: a present-tense sentence breaks the chain
        ("On Monday, rebels attacked the base. The base is old. The rebels burned trucks.", False),
    ],
)
def test_which_sentences_attach(body: str, attached: bool) -> None:
    (event,) = extract(HEAD + body).events
    assert (len(event.excerpts) > 1) is attached


def test_second_paragraph_elaborates_the_lead() -> None:
    body = "Rebels have captured the airport.\n\nThe rebels entered the terminal at dawn."
    (event,) = extract(HEAD + body).events
    assert len(event.excerpts) == 2
    assert event.date_phrase == "have captured"


def test_possessive_date_points_back_to_the_event() -> None:
    body = "Rockets struck the depot on Friday.\n\nAid was halted after Friday's rocket strike."
    (event,) = extract(HEAD + body).events
    assert len(event.excerpts) == 2


def test_title_drops_the_date_phrase() -> None:
    (event,) = extract(HEAD + "On 2 March, the council imposed a curfew.").events
    assert event.title == "The council imposed a curfew"
    assert event.date_phrase == "On 2 March"


@pytest.mark.parametrize(
    "attribution", [", an army spokesman said.", ", a spokesman said on Monday.", ", says a local official.", ", the army said in a statement."]
)
def test_title_drops_a_closing_attribution(attribution: str) -> None:
    (event,) = extract(HEAD + "Gunmen burned a school on Tuesday" + attribution).events
    assert event.title == "Gunmen burned a school"


def test_including_does_not_open_a_clause_of_its_own() -> None:
    (event,) = extract(HEAD + "Shells killed nine people, including a doctor, on Monday.").events
    assert event.title == "Shells killed nine people, including a doctor"


def test_title_drops_an_opening_connective() -> None:
    (event,) = extract(HEAD + "However, troops shelled the port on Monday.").events
    assert event.title == "Troops shelled the port"


def test_a_since_clause_dating_the_sentence_titles_its_event() -> None:
    (event,) = extract(HEAD + "It was the heaviest shelling since the war began in July 2014.").events
    assert (event.date, event.title) == ("2014-07", "The war began")


def test_claiming_responsibility_is_not_a_closing_attribution() -> None:
    (event,) = extract(HEAD + "In a statement on Sunday, the group claimed responsibility for the bombing.").events
    assert event.title == "In a statement the group claimed responsibility for the bombing"


def test_an_after_phrase_with_its_own_date_is_titled_by_itself() -> None:
    body = "Police have detained 60 officers following a failed mutiny on Friday night, the minister said on Thursday."
    titles = {e.date: e.title for e in extract(HEAD + body).events}
    assert titles["2022-03-04"] == "A failed mutiny"


def test_a_main_clause_after_a_comma_is_no_closing_attribution() -> None:
    (event,) = extract(HEAD + "At a rally in Gao on Sunday, he said the army would withdraw.").events
    assert event.title == "At a rally in Gao he said the army would withdraw"


def test_a_date_in_nested_parts_dates_one_event() -> None:
    body = "Police have arrested two men following a blast that wounded nine people last week, officials said on Thursday."
    events = extract(HEAD + body).events
    assert [(e.date, e.title) for e in events] == [
        ("2022-02-28", "A blast that wounded nine people"),
        ("2022-03-10", "Police have arrested two men following a blast that wounded nine people last week"),
    ]


def test_a_despite_phrase_with_the_only_date_tells_the_event() -> None:
    (event,) = extract(HEAD + "The rebels still raid the valley despite being driven from its towns in 2019.").events
    assert (event.date, event.title) == ("2019", "Being driven from its towns")


def test_claimant_kept_apart_from_actors() -> None:
    (event,) = extract(HEAD + "According to Reuters, Kenyan police arrested two men on Monday.").events
    assert event.claimant == "Reuters"
    assert [a.name for a in event.actors] == ["Kenya"]
    assert event.modality == "claim"


@pytest.mark.parametrize(
    ("body", "etype"),
    [
        ("Missiles hit the airport on Monday.", "Explosions/Remote violence"),
        ("Troops clashed with insurgents on Monday.", "Battles"),
        ("Gunmen abducted 20 villagers on Monday.", "Violence against civilians"),
        ("Thousands protested against the decree on Monday.", "Protests"),
        ("Rioters looted shops on Monday.", "Riots"),
        ("The president declared martial law on Monday.", "Strategic developments"),
    ],
)
def test_event_type(body: str, etype: str) -> None:
    (event,) = extract(HEAD + body).events
    assert event.type == etype


@pytest.mark.parametrize(
    ("body", "method", "phrase"),
    [
        ("On 2 March, the council imposed a curfew.", "explicit", "On 2 March"),
        ("Police arrested 12 people yesterday.", "relative", "yesterday"),
        ("On Tuesday, artillery shelled the port.", "weekday", "On Tuesday"),
        ("Militias have seized the bridge.", "dateline", "have seized"),
        ("The army has reportedly shelled the depot.", "dateline", "has reportedly shelled"),
    ],
)
def test_date_method_and_phrase(body: str, method: str, phrase: str) -> None:
    (event,) = extract(HEAD + body).events
    assert (event.date_method, event.date_phrase) == (method, phrase)


@pytest.mark.parametrize(
    "body",
    [
        "Troops are due to withdraw on Thursday.",  # planned
        "Envoys will meet on Thursday.",
        "The talks are the fourth round since 2019.",  # "since" starts a span, it dates no occurrence
        "The minister visited a school on Monday.",  # not a counted class of event
        "The delegates met in a closed session on Monday.",
    ],
)
def test_more_non_events(body: str) -> None:
    assert events(body) == []


def test_armed_actor_as_subject_makes_an_event() -> None:
    assert events("On Monday, soldiers took the ridge.") == [("2022-03-07", "day", "weekday")]


def test_later_present_perfect_needs_a_counted_verb() -> None:
    body = "Rebels have captured the airport.\n\nThe mayor has found new offices."
    assert [e.date_phrase for e in extract(HEAD + body).events] == ["have captured"]
