"""Word classes that decide what counts as an event. Example sentences written for this project."""

import pytest

from app.extract import lexicon as lx


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("attack", ["attack", "attacks", "attacked", "attacking"]),
        ("seize", ["seize", "seizes", "seized", "seizing"]),
        ("occupy", ["occupy", "occupies", "occupied", "occupying"]),
        ("ambush", ["ambush", "ambushes", "ambushed", "ambushing"]),
        ("ban+", ["ban", "bans", "banned", "banning"]),
        ("fight:fought:fought", ["fight", "fights", "fighted", "fighting", "fought", "fought"]),
    ],
)
def test_inflections_come_from_morphology(spec: str, expected: list[str]) -> None:
    assert lx.forms(spec) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gunmen abducted a teacher", True),  # verb of violence
        ("the council suspended the mayor", True),  # verb of decision
        ("the ministry lifted its entry requirement", True),
        ("the rebels surrendered their weapons", True),
        ("a strike on the depot", True),  # event noun
        ("after the ruling", True),
        ("officials called for calm", True),  # a call for action
        ("the region is under martial law", True),
        ("militiamen took the hill", True),  # an armed actor doing something
        ("the delegates met in a closed session", False),  # a verb form after a determiner is a modifier
        ("the minister visited a school", False),  # not a counted class
        ("the weather was cold", False),
        ("the insurgency began that spring", True),  # the outbreak of a state of conflict
        ("unrest has started again", True),
        ("the group began its armed insurgency", True),
        ("the rain began before the war", False),  # the war is not what began
        ("the war dragged on", False),  # the state itself is not an event
        ("the war that the treaty ended", True),  # "ended" is not an onset, but a treaty is an event noun
        ("a crisis over fuel prices", False),
    ],
)
def test_conflict_predicate(text: str, expected: bool) -> None:
    assert lx.conflict_predicate(text) is expected


def test_modifiers_count_when_asked() -> None:
    assert not lx.conflict_predicate("tactics against the invading column")
    assert lx.conflict_predicate("tactics against the invading column", modifiers=True)


@pytest.mark.parametrize(
    ("verb", "rest", "expected"),
    [
        ("shelled", "", True),
        ("been killed", "", True),
        ("found", "", False),
        ("begun", "raiding supply lines", True),  # aspectual: the complement decides
        ("begun", "selling souvenirs", False),
    ],
)
def test_event_participle(verb: str, rest: str, expected: bool) -> None:
    assert lx.event_participle(verb, rest) is expected


@pytest.mark.parametrize(
    ("text", "past", "say", "reaction"),
    [
        ("The envoy condemned the shelling.", True, False, True),
        ("Officials confirmed the figures.", True, True, False),
        ("There are many refugees in the camps.", False, False, False),
        ("The convoy returned at dawn.", True, False, False),
        ("Neighbours thanked the rescuers.", True, False, True),
    ],
)
def test_sentence_word_classes(text: str, past: bool, say: bool, reaction: bool) -> None:
    ws = lx.words(text)
    assert (lx.has_past(ws), lx.has_say(ws), lx.is_reaction(ws)) == (past, say, reaction)


def test_past_predicates_skip_states_and_reports() -> None:
    assert lx.past_predicates("He was there and said he had left; rebels burned the depot.") == ["left", "burned"]


@pytest.mark.parametrize(
    "text",
    [
        "the ferry left at noon. 'tis late - -well, the pier's lights-out began.",
        "a café opened; the baker’s oven cooled. then rain.",  # not ASCII: each span on its own
        "",
    ],
)
def test_words_of_spans_agree_with_words_of_each_slice(text: str) -> None:
    spans = [(0, len(text) // 2), (len(text) // 2, len(text)), (3, 3), (0, len(text))]
    assert lx.lower_words_of_spans(text, spans) == [lx.lower_words(text[s:e]) for s, e in spans]
