"""Time expressions resolved against a reference date (R = Friday 2022-03-11 unless stated).

Example sentences written for this project, following the annotation guideline's rules.
"""

import datetime as dt

import pytest

from app.extract.dates import find_time_mentions, iso_at_precision

R = dt.date(2022, 3, 11)

# (sentence, phrase, first, last, precision, method)
CASES = [
    ("On 9 March, the ministry acted.", "On 9 March", "2022-03-09", "2022-03-09", "day", "explicit"),
    ("Talks collapsed March 7.", "March 7", "2022-03-07", "2022-03-07", "day", "explicit"),
    ("They met Tuesday, March 8, in Lviv.", "Tuesday, March 8", "2022-03-08", "2022-03-08", "day", "explicit"),
    ("Shelling resumed on Mar. 7 near the port.", "on Mar. 7", "2022-03-07", "2022-03-07", "day", "explicit"),
    ("The 7th of March saw heavy fighting.", "7th of March", "2022-03-07", "2022-03-07", "day", "explicit"),
    ("The truce was signed on 2 June 2019.", "on 2 June 2019", "2019-06-02", "2019-06-02", "day", "explicit"),
    ("A raid on December 20 killed four.", "on December 20", "2021-12-20", "2021-12-20", "day", "explicit"),
    ("The decree dated 2022-03-05 was published.", "2022-03-05", "2022-03-05", "2022-03-05", "day", "explicit"),
    ("Gunmen struck last Wednesday.", "last Wednesday", "2022-03-09", "2022-03-09", "day", "weekday"),
    ("Police said this Wednesday it had ended.", "this Wednesday", "2022-03-09", "2022-03-09", "day", "weekday"),
    ("Drones hit the depot on Saturday morning.", "on Saturday morning", "2022-03-05", "2022-03-05", "day", "weekday"),
    ("The convoy was ambushed late on Tuesday.", "late on Tuesday", "2022-03-08", "2022-03-08", "day", "weekday"),
    ("The convoy was ambushed on Friday.", "on Friday", "2022-03-04", "2022-03-04", "day", "weekday"),
    ("Rockets were fired overnight.", "overnight", "2022-03-11", "2022-03-11", "day", "relative"),
    ("The mayor resigned yesterday.", "yesterday", "2022-03-10", "2022-03-10", "day", "relative"),
    ("A curfew was imposed last night.", "last night", "2022-03-10", "2022-03-10", "day", "relative"),
    ("Troops withdrew last week.", "last week", "2022-02-28", "2022-03-06", "week", "relative"),
    ("Earlier this week the border closed.", "Earlier this week", "2022-03-07", "2022-03-10", "week", "relative"),
    ("Sanctions were imposed last month.", "last month", "2022-02-01", "2022-02-28", "month", "relative"),
    ("Parliament voted earlier this month.", "earlier this month", "2022-03-01", "2022-03-31", "month", "relative"),
    ("The ceasefire broke down last year.", "last year", "2021-01-01", "2021-12-31", "year", "relative"),
    ("The bridge was destroyed three days ago.", "three days ago", "2022-03-08", "2022-03-08", "day", "relative"),
    ("The offensive began in July.", "in July", "2021-07-01", "2021-07-31", "month", "explicit"),
    ("Elections were held in February.", "in February", "2022-02-01", "2022-02-28", "month", "explicit"),
    ("The city fell in February 2022.", "in February 2022", "2022-02-01", "2022-02-28", "month", "explicit"),
    ("Control passed to the army in December of 2007.", "in December of 2007", "2007-12-01", "2007-12-31", "month", "explicit"),
    ("The group was founded in 2019.", "in 2019", "2019-01-01", "2019-12-31", "year", "explicit"),
    ("He came to power in a 1999 coup.", "1999", "1999-01-01", "1999-12-31", "year", "explicit"),
    ("Strikes hit the city between 7 and 9 March.", "between 7 and 9 March", "2022-03-07", "2022-03-09", "day", "explicit"),
    ("Shelling continued March 7-9.", "March 7-9", "2022-03-07", "2022-03-09", "day", "explicit"),
    ("Envoys met on Tuesday and Wednesday.", "on Tuesday and Wednesday", "2022-03-08", "2022-03-09", "day", "weekday"),
    ("Between Monday and Wednesday, 40 died.", "Between Monday and Wednesday", "2022-03-07", "2022-03-09", "day", "weekday"),
    ("Protests spread over the weekend.", "over the weekend", "2022-03-05", "2022-03-06", "week", "relative"),
    ("Envoys met on Tuesday, 8 March, in Riga.", "on Tuesday, 8 March", "2022-03-08", "2022-03-08", "day", "explicit"),
    ("The accord was signed March 8, 2021, in Doha.", "March 8, 2021", "2021-03-08", "2021-03-08", "day", "explicit"),
    ("The siege began Sept. 3 last autumn.", "Sept. 3", "2021-09-03", "2021-09-03", "day", "explicit"),
    ("Shelling stopped on Feb 28.", "on Feb 28", "2022-02-28", "2022-02-28", "day", "explicit"),
    ("Snipers fired on the square Wednesday night.", "Wednesday night", "2022-03-09", "2022-03-09", "day", "weekday"),
    ("The port was mined early Thursday.", "early Thursday", "2022-03-10", "2022-03-10", "day", "weekday"),
    ("A convoy was hit today.", "today", "2022-03-11", "2022-03-11", "day", "relative"),
    ("Sirens sounded this morning.", "this morning", "2022-03-11", "2022-03-11", "day", "relative"),
    ("Two drones were downed tonight.", "tonight", "2022-03-11", "2022-03-11", "day", "relative"),
    ("The bridge was blown up two weeks ago.", "two weeks ago", "2022-02-21", "2022-02-27", "week", "relative"),
    ("The treaty lapsed a year ago.", "a year ago", "2021-01-01", "2021-12-31", "year", "relative"),
    ("Raids were reported the preceding weekend.", "the preceding weekend", "2022-03-05", "2022-03-06", "week", "relative"),
    ("Fighting raged 7-9 March near the dam.", "7-9 March", "2022-03-07", "2022-03-09", "day", "explicit"),
    ("Strikes continued from Monday to Wednesday.", "from Monday to Wednesday", "2022-03-07", "2022-03-09", "day", "weekday"),
    ("A truce held in early March.", "in early March", "2022-03-01", "2022-03-31", "month", "explicit"),
    ("Parliament met this week.", "this week", "2022-03-07", "2022-03-11", "week", "relative"),
    ("Gunmen stormed a jail on the night of 3 March.", "on the night of 3 March", "2022-03-03", "2022-03-03", "day", "explicit"),
    ("Troops pulled back late last month.", "late last month", "2022-02-01", "2022-02-28", "month", "relative"),
    ("Raids went on until March 7-9.", "until March 7-9", "2022-03-07", "2022-03-09", "day", "explicit"),
    ("The session lasted until early Tuesday.", "until early Tuesday", "2022-03-08", "2022-03-08", "day", "weekday"),
    ("Jets struck in the early hours of Saturday.", "in the early hours of Saturday", "2022-03-05", "2022-03-05", "day", "weekday"),
    ("Envoys arrived earlier in the week.", "earlier in the week", "2022-03-07", "2022-03-10", "week", "relative"),
    ("Earlier in the month, the port closed.", "Earlier in the month", "2022-03-01", "2022-03-31", "month", "relative"),
]


@pytest.mark.parametrize(("sentence", "phrase", "first", "last", "precision", "method"), CASES)
def test_resolution(sentence: str, phrase: str, first: str, last: str, precision: str, method: str) -> None:
    (m,) = find_time_mentions(sentence, R)
    assert (m.text, str(m.first), str(m.last), m.precision, m.method) == (phrase, first, last, precision, method)
    assert sentence[m.start : m.end] == m.text


NON_DATES = [
    "Officials may decide to leave.",
    "Thousands march through the capital.",
    "The march ended peacefully.",
    "The hotline runs 24/7.",
    "About 2,000 troops and 350 tanks were seen.",
    "They counted 2000 soldiers at the base.",
    "Casualties may rise.",
    "In May 2,000 people fled.",  # "May 2" followed by a thousands separator is a number
    "Memorials recall the 9/11 attacks.",
    "The army was purged in the 1990s.",
    "Units march in step.",
]


@pytest.mark.parametrize("sentence", NON_DATES)
def test_not_a_date(sentence: str) -> None:
    assert find_time_mentions(sentence, R) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops crossed on 3 March. The following day they took the airport.", "2022-03-04"),
        ("Troops crossed on 3 March. On the next day they took the airport.", "2022-03-04"),
        ("The bridge fell on Monday. Two days later the town surrendered.", "2022-03-09"),
        ("The town surrendered on 9 March, a day after the bridge fell.", None),  # "a day after" is no shift phrase
        ("The vote was held on 6 March; the day before, polls closed early.", "2022-03-05"),
        ("Envoys met on 4 March. Three days earlier, talks had failed.", "2022-03-01"),
        ("Rebels struck on 3 March. Later that day, troops retook the post.", "2022-03-03"),
        ("Rebels struck on 3 March. That night, gunmen burned the market.", "2022-03-03"),
        ("Rebels struck on 3 March. On the same day, the port closed.", "2022-03-03"),
    ],
)
def test_day_shifts_count_from_the_day_named_before(text: str, expected: str | None) -> None:
    mentions = find_time_mentions(text, R)
    shifted = [str(m.first) for m in mentions[1:]]
    assert shifted == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text",
    [
        "Two days later the town surrendered.",  # nothing to count from
        "The bridge fell on Monday.\n\nThe following day the town surrendered.",  # another paragraph
    ],
)
def test_a_day_shift_without_a_day_before_it_in_its_paragraph_is_no_date(text: str) -> None:
    assert [m.text for m in find_time_mentions(text, R) if "day" in m.text.lower() and "Monday" not in m.text] == []


def test_offset_and_no_reference() -> None:
    (m,) = find_time_mentions("Fighting on Monday.", None, offset=100)
    assert (m.start, m.text, m.first) == (109, "on Monday", None)
    (iso,) = find_time_mentions("Signed on 2 June 2019.", None)
    assert iso.first == dt.date(2019, 6, 2)


def test_week_level_expressions_bound_the_week() -> None:
    (m,) = find_time_mentions("Troops withdrew last week.", R)
    assert m.precision == "week"
    assert (m.first.weekday(), m.last.weekday(), (m.last - m.first).days) == (0, 6, 6)  # type: ignore[union-attr]


def test_next_weekday_points_forward() -> None:
    (m,) = find_time_mentions("They will meet next Thursday.", R)
    assert m.first == dt.date(2022, 3, 17)


@pytest.mark.parametrize(("precision", "expected"), [("day", "2022-03-07"), ("week", "2022-03-07"), ("month", "2022-03"), ("year", "2022")])
def test_iso_at_precision(precision: str, expected: str) -> None:
    assert iso_at_precision(dt.date(2022, 3, 7), precision) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["Troops withdrew earlıer thıs week.", "Shelling resumed yeſterday.", "The bridge fell ſeven days ago.",
     "Talks failed lasт week.", "Police arrived on 3 March. Two days laTer the town fell.", "It ended laſt year."],
)
def test_letters_that_match_ascii_only_when_case_is_ignored_never_break_resolution(text: str) -> None:
    for m in find_time_mentions(text, R):
        assert m.first is None or m.first <= R
