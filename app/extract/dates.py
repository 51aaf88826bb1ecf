"""Time expressions in English news text, resolved against the publication date.

Resolution follows the annotation guideline (shared corpus README): explicit
day+month takes the reference year unless that lands after the reference date;
weekdays in past-tense text are the most recent such day strictly before it;
relative words count from the reference date. Month names must be capitalised
so that the verb "may" and the noun "march" never read as dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.extract.types import DateMethod, Precision, TimeMention

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

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ANY_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s+at\s+(?:dawn|dusk|noon|midnight))?"
_PREP = r"(?:(?:early|late|earlier|later)\s+(?:on\s+)?|(?:on|since|by|from|until|till|last|this|past)\s+)?"
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


@dataclass(frozen=True)
class _Resolved:
    first: dt.date
    last: dt.date
    precision: Precision
    method: DateMethod


_Handler = Callable[[re.Match[str], dt.date | None, bool], _Resolved | None]


def _day(d: dt.date, method: DateMethod) -> _Resolved:
    return _Resolved(d, d, "day", method)


def _month_span(year: int, month: int, method: DateMethod) -> _Resolved:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return _Resolved(first, nxt - dt.timedelta(days=1), "month", method)


def _year_span(year: int, method: DateMethod) -> _Resolved:
    return _Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", method)


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


def _explicit_day(month: int, day: int, year: str | None, ref: dt.date | None) -> _Resolved | None:
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


def _iso(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(d, "explicit") if d else None


def _day_month(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    return _explicit_day(_month_number(m["mon"]), _day_number(m["day"]), m["year"], ref)


def _day_range(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    month = _month_number(m["mon"])
    a = _explicit_day(month, _day_number(m["d1"]), m["year"], ref)
    b = _explicit_day(month, _day_number(m["d2"]), m["year"], ref)
    if a is None or b is None or b.first < a.first:
        return None
    return _Resolved(a.first, b.first, "day", "explicit")


def _month_year(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    return _month_span(int(m["year"]), _month_number(m["mon"]), "explicit")


def _month_only(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    if ref is None:
        return None
    month = _month_number(m["mon"])
    year = ref.year + (1 if future and month < ref.month else 0)
    if not future and month > ref.month:
        year -= 1
    return _month_span(year, month, "explicit")


def _year_only(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    return _year_span(int(m["year"]), "explicit")


def _weekday(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    if ref is None:
        return None
    ahead = future or (m["prep"] or "").strip().lower() == "next"
    return _day(weekday_before(ref, WEEKDAYS[m["wd"]], ahead), "weekday")


def _weekday_pair(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    if ref is None:
        return None
    a = weekday_before(ref, WEEKDAYS[m["wd"]], future)
    b = weekday_before(ref, WEEKDAYS[m["wd2"]], future)
    return _Resolved(min(a, b), max(a, b), "day", "weekday") if a != b else _day(a, "weekday")


_DAY_WORDS = {
    "yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "overnight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0,
    "tomorrow": 1,
}


def _day_word(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    if ref is None:
        return None
    key = re.sub(r"\s+", " ", m["word"].lower())
    return _day(ref + dt.timedelta(days=_DAY_WORDS[key]), "relative")


def _period_word(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    if ref is None:
        return None
    return _relative_period(re.sub(r"\s+", " ", m["word"].lower()), ref)


def _relative_period(word: str, ref: dt.date) -> _Resolved | None:
    monday = week_start(ref)
    one = dt.timedelta(days=1)
    if word.endswith("weekend"):
        saturday = weekday_before(ref, 5) if word != "next weekend" else weekday_before(ref, 5, True)
        return _Resolved(saturday, saturday + one, "week", "relative")
    if word == "last week":
        return _Resolved(monday - 7 * one, monday - one, "week", "relative")
    if word == "earlier this week":
        return _Resolved(monday, max(monday, ref - one), "week", "relative")
    if word == "this week":
        return _Resolved(monday, ref, "week", "relative")
    if word == "next week":
        return _Resolved(monday + 7 * one, monday + 13 * one, "week", "relative")
    if word == "last month":
        prev = ref.replace(day=1) - one
        return _month_span(prev.year, prev.month, "relative")
    if word in ("this month", "earlier this month"):
        return _month_span(ref.year, ref.month, "relative")
    if word == "next month":
        return _month_span(ref.year + (ref.month == 12), ref.month % 12 + 1, "relative")
    offset = {"last year": -1, "this year": 0, "earlier this year": 0, "next year": 1}[word]
    return _year_span(ref.year + offset, "relative")


def _ago(m: re.Match[str], ref: dt.date | None, future: bool) -> _Resolved | None:
    if ref is None:
        return None
    n = NUMBER_WORDS.get(m["n"].lower()) or int(m["n"])
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return _day(ref - dt.timedelta(days=n), "relative")
    if unit == "week":
        monday = week_start(ref - dt.timedelta(weeks=n))
        return _Resolved(monday, monday + dt.timedelta(days=6), "week", "relative")
    if unit == "month":
        month0 = ref.year * 12 + ref.month - 1 - n
        return _month_span(month0 // 12, month0 % 12 + 1, "relative")
    return _year_span(ref.year - n, "relative")


_YEAR_LEAD = r"(?:in|since|during|until|till|by|of|from|before|after|through|around|circa|a|an|the|early|late|mid|end\s+of|start\s+of)"
_COUNT_NOUN = r"(?:people|persons|troops|soldiers|civilians|men|women|children|fighters|police|officers|rockets|missiles|shells|tonnes|tons|km|kilometres|kilometers|miles|metres|meters|dollars|euros|votes|refugees|troops|deaths|casualties|residents|homes|houses|prisoners|hostages|[a-z]+s\s+(?:were|have|had|are))\b"

PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple(
    (re.compile(rx), handler)
    for rx, handler in [
        (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _iso),
        (rf"\b(?:(?:between|from)\s+)?(?P<d1>{_DAY})\s*(?:-|–|and|to|until)\s*(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon>{_ANY_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b", _day_range),
        (rf"\b(?:(?:between|from)\s+)?(?P<mon>{_ANY_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|and|to|until)\s*(?P<d2>{_DAY})(?!\d)(?:,?\s+(?P<year>{_YEAR}))?\b", _day_range),
        (rf"\b(?i:{_PREP})(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<mon>{_ANY_MONTH})(?![a-z])(?:,?\s+(?P<year>{_YEAR})\b)?{_PART}", _day_month),
        (rf"\b(?i:{_PREP})(?:{_WEEKDAY},?\s+)?(?P<mon>{_ANY_MONTH})\s+(?P<day>{_DAY})(?![\d:])\b(?:,?\s+(?P<year>{_YEAR})\b)?{_PART}", _day_month),
        (rf"\b(?i:{_PREP})(?:(?:in|of)\s+)?(?:(?i:early|mid-?|late)\s*)?(?P<mon>{_FULL_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})\b", _month_year),
        (rf"\b(?i:in|since|during|until|till|by|last|this|early|late|mid-?|of|from)\s+(?:(?i:early|mid-?|late)\s*)?(?P<mon>{_FULL_MONTH})\b(?!\s+\d)", _month_only),
        (rf"\b(?i:{_YEAR_LEAD})\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<year>{_YEAR})\b(?!,\d|%|s\b|-\d|\s+{_COUNT_NOUN})", _year_only),
        (rf"(?<![\d,.$£€])\b(?P<year>{_YEAR})(?=['’]s\b)", _year_only),
        (rf"\b(?P<prep>(?i:{_PREP}))(?P<wd>{_WEEKDAY})\s+and\s+(?P<wd2>{_WEEKDAY})\b", _weekday_pair),
        (rf"\b(?P<prep>(?i:{_PREP}|next\s+))(?P<wd>{_WEEKDAY})\b{_PART}", _weekday),
        (r"\b(?P<word>(?i:yesterday|last\s+night|today|tonight|overnight|this\s+(?:morning|afternoon|evening)|earlier\s+today|tomorrow))\b(?:\s+(?:morning|afternoon|evening|night))?", _day_word),
        (r"\b(?P<word>(?i:(?:last|this|next|past|over\s+the|the)\s+weekend|(?:earlier\s+)?this\s+week|(?:last|next)\s+week|(?:earlier\s+)?this\s+(?:month|year)|(?:last|next)\s+(?:month|year)))\b", _period_word),
        (rf"\b(?P<n>{_NUM}|\d{{1,2}})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", _ago),
    ]
)


# Cheap test that a text can hold a time expression at all, before running every pattern.
_ANY_CUE = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|night|week|month|year|ago|today|tomorrow",
    re.IGNORECASE,
)


def _candidates(text: str, ref: dt.date | None, future: bool) -> list[tuple[re.Match[str], _Resolved | None]]:
    found: list[tuple[re.Match[str], _Resolved | None]] = []
    if not _ANY_CUE.search(text):
        return found
    for pattern, handler in PATTERNS:
        for match in pattern.finditer(text):
            found.append((match, handler(match, ref, future)))
    return found


def _phrase_end(text: str, start: int, end: int) -> int:
    """Trim trailing spaces and commas a pattern may have swallowed."""
    while end > start and text[end - 1] in " ,":
        end -= 1
    return end


_DETERMINER = re.compile(r"(?i:an?|the)\s+(?=\d)")


def _phrase_start(text: str, start: int) -> int:
    """Skip a determiner before a bare year ("a 2001 coup" names 2001)."""
    match = _DETERMINER.match(text, start)
    return match.end() if match else start


def find_time_mentions(
    text: str, ref: dt.date | None, *, offset: int = 0, future: bool = False
) -> tuple[TimeMention, ...]:
    """Time expressions in ``text`` resolved against ``ref``, in reading order.

    Overlapping matches keep the longest. ``offset`` is added to every position
    (pass the sentence's start to get document offsets). With no ``ref``,
    expressions that need it come back with ``first``/``last`` None.
    """
    chosen: list[tuple[int, int, _Resolved | None, str]] = []
    by_length = sorted(_candidates(text, ref, future), key=lambda c: (c[0].start() - c[0].end(), c[0].start()))
    for match, resolved in by_length:
        start, end = match.start(), _phrase_end(text, match.start(), match.end())
        if any(start < e and s < end for s, e, _, _ in chosen):
            continue
        start = _phrase_start(text, start)
        chosen.append((start, end, resolved, match.re.pattern))
    chosen.sort()
    return tuple(_mention(text, s, e, r, offset) for s, e, r, _ in chosen)


def _mention(text: str, start: int, end: int, resolved: _Resolved | None, offset: int) -> TimeMention:
    if resolved is None:
        return TimeMention(offset + start, offset + end, text[start:end], None, None, "day", "relative")
    return TimeMention(
        offset + start,
        offset + end,
        text[start:end],
        resolved.first,
        resolved.last,
        resolved.precision,
        resolved.method,
    )


def iso_at_precision(first: dt.date, precision: Precision) -> str:
    """``YYYY-MM-DD`` for day and week, ``YYYY-MM`` for month, ``YYYY`` for year."""
    if precision == "month":
        return first.strftime("%Y-%m")
    if precision == "year":
        return str(first.year)
    return first.isoformat()
