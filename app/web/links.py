"""Timeline URLs, always written through ``query.to_params`` so links are canonical."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from app.query import Cursor, TimelineQuery, to_params
from app.views import EventView

TIMELINE_PATH = "/"


def timeline_href(query: TimelineQuery) -> str:
    params = to_params(query)
    return f"{TIMELINE_PATH}?{urlencode(params)}" if params else TIMELINE_PATH


def next_href(query: TimelineQuery, cursor: str) -> str:
    return timeline_href(replace(query, cursor=Cursor.decode(cursor)))


def actor_href(slug: str) -> str:
    return timeline_href(TimelineQuery(actors=(slug,)))


def toggle_actor(query: TimelineQuery, slug: str) -> str:
    """The first page with ``slug`` added to or removed from the actor filter."""
    actors = set(query.actors) ^ {slug}
    return timeline_href(replace(query, actors=tuple(sorted(actors)), cursor=None))


def just_before(event: EventView) -> Cursor:
    """The keyset position immediately before ``event``: a page starting there opens on it."""
    return Cursor(event.seq - 1)


def focus_href(event: EventView) -> str:
    """The timeline page that opens on ``event``, scrolled to it."""
    return f"{timeline_href(TimelineQuery(cursor=just_before(event)))}#ev-{event.id}"
