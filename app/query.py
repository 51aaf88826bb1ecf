"""The timeline's query grammar: the query string is the only UI state.

``parse_query`` turns request parameters into a typed ``TimelineQuery``; the
page, its htmx fragment and the JSON twin all go through it, and
``to_params`` writes the canonical query string back.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from app.errors import InvalidQuery

KNOWN_PARAMS = ("actor", "from", "to", "cursor")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EVENT_ID = re.compile(r"^[0-9a-f]{16}$")
MAX_ACTORS = 50


@dataclass(frozen=True)
class Cursor:
    """Keyset position: the sort key of the last event already shown."""

    first_day: dt.date
    event_id: str

    def encode(self) -> str:
        raw = f"{self.first_day.isoformat()}~{self.event_id}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            day, event_id = raw.split("~")
            cursor = cls(dt.date.fromisoformat(day), event_id)
        except (ValueError, binascii.Error, UnicodeDecodeError):
            raise InvalidQuery("cursor", "is not a page position this site made; start again from the first page") from None
        if not _EVENT_ID.match(cursor.event_id):
            raise InvalidQuery("cursor", "is not a page position this site made; start again from the first page")
        return cursor


@dataclass(frozen=True)
class TimelineQuery:
    actors: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    cursor: Cursor | None = None

    def without_cursor(self) -> TimelineQuery:
        return replace(self, cursor=None)

    @property
    def is_filtered(self) -> bool:
        return bool(self.actors or self.date_from or self.date_to)


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = [v for v in params.get(name, []) if v.strip()]
    if len(values) > 1:
        raise InvalidQuery(name, "may be given only once")
    return values[0].strip() if values else None


def _date(params: dict[str, list[str]], name: str) -> dt.date | None:
    value = _one(params, name)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _bad_date(name, value)
    except ValueError:
        return _bad_date(name, value)


def _bad_date(name: str, value: str) -> dt.date:
    raise InvalidQuery(name, f"{value!r} is not a date; use YYYY-MM-DD, for example 2022-03-07")


def _actors(params: dict[str, list[str]]) -> tuple[str, ...]:
    slugs = [v.strip().lower() for v in params.get("actor", []) if v.strip()]
    for slug in slugs:
        if not _SLUG.match(slug):
            raise InvalidQuery("actor", f"{slug!r} is not an actor id (lowercase letters, digits and hyphens)")
    if len(slugs) > MAX_ACTORS:
        raise InvalidQuery("actor", f"at most {MAX_ACTORS} actors can be combined")
    return tuple(sorted(set(slugs)))


def parse_query(items: Iterable[tuple[str, str]]) -> TimelineQuery:
    """Parse query-string pairs; raise ``InvalidQuery`` naming the bad parameter."""
    params: dict[str, list[str]] = {}
    for key, value in items:
        params.setdefault(key, []).append(value)
    date_from, date_to = _date(params, "from"), _date(params, "to")
    if date_from and date_to and date_from > date_to:
        raise InvalidQuery("from", f"{date_from} is after to={date_to}; swap them")
    cursor_token = _one(params, "cursor")
    return TimelineQuery(
        actors=_actors(params),
        date_from=date_from,
        date_to=date_to,
        cursor=Cursor.decode(cursor_token) if cursor_token else None,
    )


def to_params(query: TimelineQuery) -> list[tuple[str, str]]:
    """The canonical, ordered query-string pairs for ``query``."""
    pairs = [("actor", slug) for slug in query.actors]
    if query.date_from:
        pairs.append(("from", query.date_from.isoformat()))
    if query.date_to:
        pairs.append(("to", query.date_to.isoformat()))
    if query.cursor:
        pairs.append(("cursor", query.cursor.encode()))
    return pairs
