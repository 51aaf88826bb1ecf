"""Resolution of matched time expressions against the reference (publication) date.

Each handler takes a pattern match, the reference date and whether the
sentence is about the future, and returns the period named (first, last,
precision, method) or None. The rules follow the annotation guideline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.extract.types import DateMethod, Precision
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
            ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
            ("September", "Sep", "Sept"), ("October", "Oct"), ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [("Monday", "Mon"), ("Tuesday", "Tue", "Tues"), ("Wednesday", "Wed"),
         ("Thursday", "Thu", "Thurs"), ("Friday", "Fri"), ("Saturday", "Sat"), ("Sunday", "Sun")]
    )
    for name in names
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}


@dataclass(frozen=True, init=False)
class Resolved:
    """The period a time expression names. (Its fields are filled in one step, as those of
    ``types.TimeMention``: one is built for each match.)"""

    first: dt.date
    last: dt.date
    precision: Precision
    method: DateMethod

    def __init__(self, first: dt.date, last: dt.date, precision: Precision, method: DateMethod) -> None:
        self.__dict__.update(first=first, last=last, precision=precision, method=method)


Handler = Callable[[re.Match[str], dt.date | None, bool], Resolved | None]


def _day(d: dt.date, method: DateMethod) -> Resolved:
    return Resolved(d, d, "day", method)


def _month_span(year: int, month: int, method: DateMethod) -> Resolved:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return Resolved(first, nxt - dt.timedelta(days=1), "month", method)


def _year_span(year: int, method: DateMethod) -> Resolved:
    return Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", method)


def _month_number(word: str) -> int:
    return MONTHS[word.rstrip(".")]


def _day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: dt.date) -> int:
    """R's year, or the year before when the date would fall after R (guideline rule 1)."""
    return ref.year - 1 if (month, day) > (ref.month, ref.day) else ref.year


def _explicit_day(month: int, day: int, year: str | None, ref: dt.date | None) -> Resolved | None:
    if year is None and ref is None:
        return None
    y = int(year) if year else _year_for(month, day, ref)  # type: ignore[arg-type]
    d = _safe_date(y, month, day)
    return _day(d, "explicit") if d else None


def weekday_before(ref: dt.date, weekday: int, future: bool = False) -> dt.date:
    """The most recent ``weekday`` strictly before ``ref`` (or strictly after, if future)."""
    if future:
        return ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    return ref - dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)


def week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def on_iso(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(d, "explicit") if d else None


def on_day_month(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    return _explicit_day(_month_number(m["mon"]), _day_number(m["day"]), m["year"], ref)


def on_day_range(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    month = _month_number(m["mon"])
    a = _explicit_day(month, _day_number(m["d1"]), m["year"], ref)
    b = _explicit_day(month, _day_number(m["d2"]), m["year"], ref)
    if a is None or b is None or b.first < a.first:
        return None
    return Resolved(a.first, b.first, "day", "explicit")


def on_month_year(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    return _month_span(int(m["year"]), _month_number(m["mon"]), "explicit")


def on_month_only(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    if ref is None:
        return None
    month = _month_number(m["mon"])
    year = ref.year + (1 if future and month < ref.month else 0)
    if not future and month > ref.month:
        year -= 1
    return _month_span(year, month, "explicit")


def on_year_only(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    return _year_span(int(m["year"]), "explicit")


def on_weekday(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    if ref is None:
        return None
    ahead = future or fold(m["prep"] or "").strip() == "next"
    return _day(weekday_before(ref, WEEKDAYS[m["wd"]], ahead), "weekday")


def on_weekday_pair(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    if ref is None:
        return None
    a = weekday_before(ref, WEEKDAYS[m["wd"]], future)
    b = weekday_before(ref, WEEKDAYS[m["wd2"]], future)
    return Resolved(min(a, b), max(a, b), "day", "weekday") if a != b else _day(a, "weekday")


_DAY_WORDS = {
    "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "overnight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
    "tomorrow": 1,
}


# Letters that case-insensitive matching takes for ASCII ones ("earlıer" matches "earlier").
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "K": "k", "İ": "i"})


def fold(words: str) -> str:
    """Matched words as the lower-case ASCII words they stand for, single-spaced."""
    return re.sub(r"\s+", " ", words.translate(_FOLD).lower().replace("\u0307", ""))


def on_day_word(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    shift = _DAY_WORDS.get(fold(m["word"]))
    if ref is None or shift is None:
        return None
    return _day(ref + dt.timedelta(days=shift), "relative")


def on_period_word(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    if ref is None:
        return None
    word = fold(m["word"])
    return _relative_period(word.replace("earlier in the", "earlier this") if word.startswith("earlier in") else word, ref)


def _relative_period(word: str, ref: dt.date) -> Resolved | None:
    monday = week_start(ref)
    one = dt.timedelta(days=1)
    if word.endswith("weekend"):
        saturday = weekday_before(ref, 5) if word != "next weekend" else weekday_before(ref, 5, True)
        return Resolved(saturday, saturday + one, "week", "relative")
    if word == "last week":
        return Resolved(monday - 7 * one, monday - one, "week", "relative")
    if word == "earlier this week":
        return Resolved(monday, max(monday, ref - one), "week", "relative")
    if word == "this week":
        return Resolved(monday, ref, "week", "relative")
    if word == "next week":
        return Resolved(monday + 7 * one, monday + 13 * one, "week", "relative")
    if word == "last month":
        prev = ref.replace(day=1) - one
        return _month_span(prev.year, prev.month, "relative")
    if word in ("this month", "earlier this month"):
        return _month_span(ref.year, ref.month, "relative")
    if word == "next month":
        return _month_span(ref.year + (ref.month == 12), ref.month % 12 + 1, "relative")
    offset = {"last year": -1, "this year": 0, "earlier this year": 0, "next year": 1}.get(word)
    return None if offset is None else _year_span(ref.year + offset, "relative")


def on_day_shift(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    """Resolved later, from the day named before it (``dates.find_time_mentions``)."""
    return None


_SHIFT_WORDS = re.compile(r"(?i)(following|next|after)|(previous|before)|(\w+)\s+days?\s+(later|earlier)|(that|same)\s+\w+$")


def day_shift(phrase: str) -> int | None:
    """How many days "the following day", "the day before", "two days later", "later that day"
    move: 1, -1, 2, 0."""
    m = _SHIFT_WORDS.search(phrase)
    if m is None:
        return None
    if m[5]:
        return 0
    if m[1] or m[2]:
        return 1 if m[1] else -1
    n = NUMBER_WORDS.get(fold(m[3])) or (int(m[3]) if m[3].isdecimal() and m[3].isascii() else None)
    return None if n is None else (n if fold(m[4]) == "later" else -n)


def on_ago(m: re.Match[str], ref: dt.date | None, future: bool) -> Resolved | None:
    if ref is None:
        return None
    n = NUMBER_WORDS.get(fold(m["n"])) or (int(m["n"]) if m["n"].isdecimal() and m["n"].isascii() else None)
    if n is None:
        return None
    unit = fold(m["unit"]).rstrip("s")
    if unit == "day":
        return _day(ref - dt.timedelta(days=n), "relative")
    if unit == "week":
        monday = week_start(ref - dt.timedelta(weeks=n))
        return Resolved(monday, monday + dt.timedelta(days=6), "week", "relative")
    if unit == "month":
        month0 = ref.year * 12 + ref.month - 1 - n
        return _month_span(month0 // 12, month0 % 12 + 1, "relative")
    return _year_span(ref.year - n, "relative")
