"""The timeline's query grammar: the query string is the only UI state.

``parse_query`` turns request parameters into a typed ``TimelineQuery``; the
page, its htmx fragment, the JSON twin and every export go through it, and
``to_params`` writes the canonical query string back.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from app.errors import InvalidQuery
from app.extract.types import EVENT_TYPES

Params = dict[str, list[str]]
Sort = Literal["asc", "desc"]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DOCUMENT_ID = re.compile(r"^[0-9a-f]{16}$")
PRECISIONS = ("day", "week", "month", "year")
MAX_VALUES = 50
MAX_TEXT = 200
_BAD_CURSOR = "is not a page position this site made; start again from the first page"


@dataclass(frozen=True)
class Cursor:
    """Keyset position: the ``seq`` of the last event already shown (see models.sequence_key)."""

    seq: int

    def encode(self) -> str:
        return base64.urlsafe_b64encode(str(self.seq).encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise InvalidQuery("cursor", _BAD_CURSOR) from None
        if not raw.isdigit() or len(raw) > 19:
            raise InvalidQuery("cursor", _BAD_CURSOR)
        return cls(int(raw))


@dataclass(frozen=True)
class TimelineQuery:
    actors: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    types: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    min_sources: int | None = None
    since: dt.datetime | None = None
    sort: Sort = "asc"
    cursor: Cursor | None = None

    def without_cursor(self) -> TimelineQuery:
        return replace(self, cursor=None)

    @property
    def is_filtered(self) -> bool:
        return self.without_cursor() != TimelineQuery(sort=self.sort)


def _values(params: Params, name: str) -> list[str]:
    values = [v.strip() for v in params.get(name, []) if v.strip()]
    if len(values) > MAX_VALUES:
        raise InvalidQuery(name, f"at most {MAX_VALUES} values can be combined")
    return values


def _one(params: Params, name: str) -> str | None:
    values = _values(params, name)
    if len(values) > 1:
        raise InvalidQuery(name, "may be given only once")
    return values[0] if values else None


def _date(params: Params, name: str) -> dt.date | None:
    value = _one(params, name)
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidQuery(name, f"{value!r} is not a date; use YYYY-MM-DD, for example 2022-03-07") from None


def _timestamp(params: Params, name: str) -> dt.datetime | None:
    value = _one(params, name)
    if value is None:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidQuery(name, f"{value!r} is not an ISO timestamp, for example 2022-03-11T08:00:00Z") from None
    return stamp.astimezone(dt.timezone.utc).replace(tzinfo=None) if stamp.tzinfo else stamp


def _matching(params: Params, name: str, pattern: re.Pattern[str], what: str) -> tuple[str, ...]:
    values = [v.lower() for v in _values(params, name)]
    for value in values:
        if not pattern.match(value):
            raise InvalidQuery(name, f"{value!r} is not {what}")
    return tuple(sorted(set(values)))


def _choices(params: Params, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    values = _values(params, name)
    for value in values:
        if value not in allowed:
            raise InvalidQuery(name, f"{value!r} is not one of: {', '.join(allowed)}")
    return tuple(v for v in allowed if v in values)


def _text(params: Params, name: str) -> str | None:
    value = _one(params, name)
    if value is not None and len(value) > MAX_TEXT:
        raise InvalidQuery(name, f"is longer than {MAX_TEXT} characters")
    return value


def _free_texts(params: Params, name: str) -> tuple[str, ...]:
    """Repeatable free-text values (place names, sides), in canonical (sorted) order."""
    values = _values(params, name)
    if any(len(v) > MAX_TEXT for v in values):
        raise InvalidQuery(name, f"is longer than {MAX_TEXT} characters")
    return tuple(sorted(set(values)))


def _sort(params: Params) -> Sort:
    value = _one(params, "sort") or "asc"
    if value not in ("asc", "desc"):
        raise InvalidQuery("sort", f"{value!r} is not asc (oldest first) or desc (newest first)")
    return "desc" if value == "desc" else "asc"


def _min_sources(params: Params) -> int | None:
    value = _one(params, "min_sources")
    if value is None:
        return None
    if not value.isdigit() or not 1 <= int(value) <= 1000:
        raise InvalidQuery("min_sources", f"{value!r} is not a whole number from 1 to 1000")
    return int(value) if int(value) > 1 else None


def parse_query(items: Iterable[tuple[str, str]]) -> TimelineQuery:
    """Parse query-string pairs; raise ``InvalidQuery`` naming the bad parameter."""
    params: Params = {}
    for key, value in items:
        params.setdefault(key, []).append(value)
    date_from, date_to = _date(params, "from"), _date(params, "to")
    if date_from and date_to and date_from > date_to:
        raise InvalidQuery("from", f"{date_from} is after to={date_to}; swap them")
    cursor_token = _one(params, "cursor")
    return TimelineQuery(
        actors=_matching(params, "actor", _SLUG, "an actor id (lowercase letters, digits and hyphens)"),
        date_from=date_from,
        date_to=date_to,
        q=_text(params, "q"),
        types=_choices(params, "type", EVENT_TYPES),
        places=_free_texts(params, "place"),
        precisions=_choices(params, "precision", PRECISIONS),
        documents=_matching(params, "document", _DOCUMENT_ID, "a document id (16 hexadecimal digits)"),
        sides=_free_texts(params, "side"),
        min_sources=_min_sources(params),
        since=_timestamp(params, "since"),
        sort=_sort(params),
        cursor=Cursor.decode(cursor_token) if cursor_token else None,
    )


def to_params(query: TimelineQuery) -> list[tuple[str, str]]:
    """The canonical, ordered query-string pairs for ``query``."""
    pairs: list[tuple[str, str]] = [("q", query.q)] if query.q else []
    pairs += [("actor", slug) for slug in query.actors]
    pairs += [("side", side) for side in query.sides]
    pairs += [("type", t) for t in query.types]
    pairs += [("place", p) for p in query.places]
    pairs += [("precision", p) for p in query.precisions]
    pairs += [("document", d) for d in query.documents]
    if query.date_from:
        pairs.append(("from", query.date_from.isoformat()))
    if query.date_to:
        pairs.append(("to", query.date_to.isoformat()))
    if query.min_sources:
        pairs.append(("min_sources", str(query.min_sources)))
    if query.since:
        pairs.append(("since", query.since.isoformat()))
    if query.sort != "asc":
        pairs.append(("sort", query.sort))
    if query.cursor:
        pairs.append(("cursor", query.cursor.encode()))
    return pairs
