"""Timeline URLs, always written through ``query.to_params`` so links are canonical.

``focus`` is not part of the query grammar: it only says where a page opens,
so it is added here, after the canonical parameters, and read by the route.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from urllib.parse import quote, urlencode

from app.query import Cursor, TimelineQuery, to_params

TIMELINE_PATH = "/"


def query_string(query: TimelineQuery) -> str:
    """The canonical query string of ``query``'s filters (no page position), without ``?``."""
    return urlencode(to_params(query.without_cursor()))


def _with(path: str, params: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def timeline_href(query: TimelineQuery) -> str:
    return _with(TIMELINE_PATH, to_params(query))


def next_href(query: TimelineQuery, cursor: str) -> str:
    return timeline_href(replace(query, cursor=Cursor.decode(cursor)))


def page_href(query: TimelineQuery, cursor: Cursor | None) -> str:
    return timeline_href(replace(query, cursor=cursor))


def range_href(query: TimelineQuery, start: dt.date, end: dt.date) -> str:
    """The first page of ``query`` narrowed to the days ``start``..``end``."""
    return timeline_href(replace(query, date_from=start, date_to=end, cursor=None))


def overview_href(query: TimelineQuery) -> str:
    return _with("/overview", to_params(query.without_cursor()))


def actor_href(slug: str) -> str:
    return f"/actors/{quote(slug)}"


def event_href(event_id: str, query: TimelineQuery | None = None) -> str:
    """An event page; with the timeline's filters, so its previous/next links follow them."""
    params = to_params(query.without_cursor()) if query else []
    return _with(f"/events/{event_id}", params)


def focus_href(event_id: str, query: TimelineQuery | None = None) -> str:
    """The (filtered) timeline opened at ``event_id`` and scrolled to it, also without JavaScript."""
    params = to_params(query.without_cursor()) if query else []
    return f"{_with(TIMELINE_PATH, [*params, ('focus', event_id)])}#ev-{event_id}"


def just_before(seq: int, query: TimelineQuery) -> Cursor:
    """The keyset position immediately before ``seq`` in ``query``'s order: a page from there opens on it."""
    return Cursor(seq + 1 if query.sort == "desc" else seq - 1)


def side_href(side: str) -> str:
    return timeline_href(TimelineQuery(sides=(side,)))
