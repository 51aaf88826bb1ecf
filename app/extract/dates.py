"""Time expressions in English news text, found and resolved against the publication date.

Resolution follows the annotation guideline (shared corpus README) and lives in
``resolve``: explicit day+month takes the reference year unless that lands
after the reference date; weekdays in past-tense text are the most recent such
day strictly before it; relative words count from the reference date. Month
names must be capitalised so that the verb "may" and the noun "march" never
read as dates.
"""

from __future__ import annotations

import datetime as dt
import re

from app.extract import resolve as rv
from app.extract.prefilter import contains_any, lower_matches, needles_of
from app.extract.resolve import MONTHS, WEEKDAYS, Handler, Resolved, week_start, weekday_before

__all__ = ["MONTHS", "WEEKDAYS", "find_time_mentions", "iso_at_precision", "week_start", "weekday_before"]
from app.extract.types import Precision, TimeMention

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ANY_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s+at\s+(?:dawn|dusk|noon|midnight))?"
_PREP = (
    r"(?:(?:(?:until|till|since|by|from)\s+)?(?:early|late|earlier|later)\s+(?:on\s+)?|(?:on\s+)?the\s+(?:night|morning|evening|afternoon)\s+of\s+"
    r"|(?:in\s+)?the\s+(?:early|small)\s+hours\s+of\s+"
    r"|(?:on|since|by|from|until|till|last|this|past|between)\s+)?"
)
_NUM = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_YEAR_LEAD = r"(?:in|since|during|until|till|by|of|from|before|after|through|around|circa|a|an|the|early|late|mid|end\s+of|start\s+of)"
_COUNT_NOUN = r"(?:people|persons|troops|soldiers|civilians|men|women|children|fighters|police|officers|rockets|missiles|shells|tonnes|tons|km|kilometres|kilometers|miles|metres|meters|dollars|euros|votes|refugees|troops|deaths|casualties|residents|homes|houses|prisoners|hostages|[a-z]+s\s+(?:were|have|had|are))\b"

PATTERNS: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(rx), handler)
    for rx, handler in [
        (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", rv.on_iso),
        (rf"\b(?i:{_PREP})(?:(?:between|from)\s+)?(?P<d1>{_DAY})\s*(?:-|–|and|to|until)\s*(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon>{_ANY_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b", rv.on_day_range),
        (rf"\b(?i:{_PREP})(?:(?:between|from)\s+)?(?P<mon>{_ANY_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|and|to|until)\s*(?P<d2>{_DAY})(?!\d)(?:,?\s+(?P<year>{_YEAR}))?\b", rv.on_day_range),
        (rf"\b(?i:{_PREP})(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY})(?:\s+of)?\s+(?P<mon>{_ANY_MONTH})(?![a-z])(?:,?\s+(?P<year>{_YEAR})\b)?{_PART}", rv.on_day_month),
        (rf"\b(?i:{_PREP})(?:{_WEEKDAY},?\s+)?(?P<mon>{_ANY_MONTH})\s+(?P<day>{_DAY})(?![\d:]|,\d)\b(?:,?\s+(?P<year>{_YEAR})\b)?{_PART}", rv.on_day_month),
        (rf"\b(?i:{_PREP})(?:(?:in|of)\s+)?(?:(?i:early|mid-?|late)\s*)?(?P<mon>{_FULL_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})\b", rv.on_month_year),
        (rf"\b(?i:in|since|during|until|till|by|last|this|early|late|mid-?|of|from)\s+(?:(?i:early|mid-?|late)\s*)?(?P<mon>{_FULL_MONTH})\b(?!\s+\d)", rv.on_month_only),
        (rf"\b(?i:{_YEAR_LEAD})\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<year>{_YEAR})\b(?!,\d|%|s\b|-\d|\s+{_COUNT_NOUN})", rv.on_year_only),
        (rf"(?<![\d,.$£€])\b(?P<year>{_YEAR})(?=['’]s\b)", rv.on_year_only),
        (rf"\b(?P<prep>(?i:{_PREP}))(?P<wd>{_WEEKDAY})\s*(?:\s(?:and|to|until|through)\s|-|–)\s*(?P<wd2>{_WEEKDAY})\b", rv.on_weekday_pair),
        (rf"\b(?P<prep>(?i:{_PREP}|next\s+))(?P<wd>{_WEEKDAY})\b{_PART}", rv.on_weekday),
        (r"\b(?P<word>(?i:yesterday|last\s+night|today|tonight|overnight|this\s+(?:morning|afternoon|evening)|earlier\s+today|tomorrow))\b(?:\s+(?:morning|afternoon|evening|night))?", rv.on_day_word),
        (r"\b(?:(?i:early|late|mid-?)\s*)?(?P<word>(?i:(?:last|this|next|past|over\s+the|the)\s+(?:(?:preceding|previous)\s+)?weekend|(?:earlier\s+)?this\s+week|(?:last|next)\s+week|(?:earlier\s+)?this\s+(?:month|year)|earlier\s+in\s+the\s+(?:week|month|year)|(?:last|next)\s+(?:month|year)))\b", rv.on_period_word),
        (rf"\b(?P<n>{_NUM}|\d{{1,2}})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", rv.on_ago),
        (rf"\b(?i:(?:on\s+)?the\s+(?P<dir>following|next|previous)\s+day|the\s+day\s+(?P<dir2>after|before)"
         rf"|(?P<n>{_NUM})\s+days?\s+(?P<dir3>later|earlier)"
         rf"|(?:(?:later|earlier)\s+)?(?:on\s+)?(?:that|the\s+same)\s+(?:day|night|evening|morning|afternoon))\b", rv.on_day_shift),
    ]
)


# Which patterns can match around which key words. Every pattern needs a month name, a
# weekday, a four-digit year or a relative word ("ago", "week", "yesterday"); the patterns run only in windows around those keys
# (found with plain string search), never over the whole text.
_MONTH_KEYS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = tuple(name for name in MONTHS if len(name) > 3)
_WEEKDAY_KEYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELATIVE_KEYS = ("yesterday", "today", "tonight", "tomorrow", "overnight", "night", "morning", "afternoon",
                  "evening", "week", "month", "year", "ago")
# Days counted from the date just before ("the following day", "two days later").
_SHIFT_KEYS = ("following day", "next day", "previous day", "day after", "day before", "days later", "day later",
               "days earlier", "day earlier", "that day", "same day", "that night", "that evening", "that morning",
               "that afternoon")
_BY_KEY = {"month": (1, 2, 3, 4, 5, 6), "year": (0, 7, 8), "weekday": (9, 10), "relative": (11, 12, 13), "shift": (14,)}
_KIND = {i: kind for kind, patterns in _BY_KEY.items() for i in patterns}
_KEYS = {"month": _MONTH_KEYS, "year": (), "weekday": _WEEKDAY_KEYS, "relative": _RELATIVE_KEYS, "shift": _SHIFT_KEYS}


def _window_needles(i: int) -> frozenset[str] | None:
    """Words one of which each match of pattern ``i`` contains (see ``prefilter``), if a window
    may lack them: a window around a key that holds one of them always has it."""
    needles = needles_of(PATTERNS[i][0].pattern, PATTERNS[i][0].flags)
    keys = _KEYS[_KIND[i]]
    if needles is None or (keys and all(any(n in key.lower() for n in needles) for key in keys)):
        return None
    return needles


_NEEDLES = tuple(_window_needles(i) for i in range(len(PATTERNS)))
# A weekday pair ("Monday to Wednesday") holds two weekday keys, neither followed by a
# lower-case letter: a window around a single weekday holds no pair.
_MIN_KEYS = {9: 2}
# Month and weekday keys in one scan: all are capitalised, so no two occurrences overlap.
_NAMED_KEY = re.compile("|".join(_MONTH_KEYS + _WEEKDAY_KEYS))
_REACH = 45


def _literal_hits(text: str, keys: tuple[str, ...]) -> list[int]:
    """Offsets of each key (found by string search)."""
    hits: list[int] = []
    for key in keys:
        at = text.find(key)
        while at >= 0:
            hits.append(at)
            at = text.find(key, at + len(key))
    return hits


def _named_hits(text: str) -> tuple[list[int], list[int]]:
    """Month names and abbreviations, found by their first three letters ("Mayor" is no month),
    and weekday names not followed by a lower-case letter."""
    months: list[int] = []
    weekdays: list[int] = []
    for m in _NAMED_KEY.finditer(text):
        at, stop = m.span()
        nxt = text[stop : stop + 1]
        if stop - at == 3:
            if not nxt.islower() or text.startswith(_MONTH_NAMES, at):
                months.append(at)
        elif not nxt.islower():
            weekdays.append(at)
    return months, weekdays


def _year_hits(text: str) -> list[int]:
    """Four-digit numbers from 1800 to 2099 standing alone (found by string search)."""
    hits = []
    for century in ("18", "19", "20"):
        at = text.find(century)
        while at >= 0:
            rest = text[at + 2 : at + 4]
            if len(rest) == 2 and rest.isdecimal() and not text[at - 1 : at].isdigit() and not text[at + 4 : at + 5].isdigit():
                hits.append(at)
            at = text.find(century, at + 1)
    return hits


def _key_hits(text: str, lower: str) -> dict[str, list[int]]:
    months, weekdays = _named_hits(text)
    return {"month": months, "year": _year_hits(text), "weekday": weekdays, "relative": _literal_hits(lower, _RELATIVE_KEYS),
            "shift": _literal_hits(lower, _SHIFT_KEYS)}


def _windows(text: str, hits: list[int]) -> list[tuple[int, int, int]]:
    """Merged spans reaching ``_REACH`` characters either side of each hit, widened to whole
    words, with the number of hits in each."""
    merged: list[tuple[int, int, int]] = []
    for hit in sorted(hits):
        lo = text.rfind(" ", 0, max(0, hit - _REACH)) + 1
        hi = text.find(" ", hit + _REACH)
        hi = len(text) if hi < 0 else hi
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi), merged[-1][2] + 1)
        else:
            merged.append((lo, hi, 1))
    return merged


def _candidates(text: str, ref: dt.date | None, future: bool) -> list[tuple[re.Match[str], Resolved | None]]:
    lower = text.lower()
    caseless = lower_matches(text, lower)
    windows = {kind: _windows(text, hits) for kind, hits in _key_hits(text, lower).items() if hits}
    found: list[tuple[re.Match[str], Resolved | None]] = []
    for i, (pattern, handler) in enumerate(PATTERNS):
        needles = _NEEDLES[i] if caseless else None
        for lo, hi, keys in windows.get(_KIND[i], ()):
            if keys < _MIN_KEYS.get(i, 1) or (needles and not contains_any(lower[lo:hi], needles)):
                continue  # no match can lie in this window
            for match in pattern.finditer(text, lo, hi):
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
    chosen: list[tuple[int, int, Resolved | None, str]] = []
    by_length = sorted(_candidates(text, ref, future), key=lambda c: (c[0].start() - c[0].end(), c[0].start()))
    for match, resolved in by_length:
        start, end = match.start(), _phrase_end(text, match.start(), match.end())
        if any(start < e and s < end for s, e, _, _ in chosen):
            continue
        start = _phrase_start(text, start)
        chosen.append((start, end, resolved, match.re.pattern))
    chosen.sort()
    return tuple(_mention(text, s, e, r, offset) for s, e, r in _anchored(text, chosen))


_SHIFT = PATTERNS[14][0].pattern
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _anchored(text: str, chosen: list[tuple[int, int, Resolved | None, str]]) -> list[tuple[int, int, Resolved | None]]:
    """Each mention resolved; a day shift ("the following day") counted from the day named just
    before it in its paragraph, and dropped when there is none."""
    out: list[tuple[int, int, Resolved | None]] = []
    anchor: tuple[int, Resolved] | None = None
    for start, end, resolved, pattern in chosen:
        if pattern == _SHIFT:
            shift = rv.day_shift(text[start:end])
            if anchor is None or shift is None or _PARAGRAPH_BREAK.search(text, anchor[0], start):
                continue
            day = anchor[1].first + dt.timedelta(days=shift)
            resolved = Resolved(day, day, "day", "relative")
        if resolved is not None and resolved.precision == "day":
            anchor = (end, resolved)
        out.append((start, end, resolved))
    return out


def _mention(text: str, start: int, end: int, resolved: Resolved | None, offset: int) -> TimeMention:
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
