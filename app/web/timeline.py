"""The timeline page, its htmx fragments, and the counts and histogram that go with it.

One template, three renderings of it: the full page; the ``results`` block
when a filter changes; the ``more`` block (further days to append) when
infinite scroll asks for the next page into ``#timeline-list``. Facets and the
histogram are server-rendered on the full page while the whole collection is
small (their cost grows with it, whatever the filter), and otherwise load as
their own fragment (``/overview``), with a link to it for readers without
JavaScript.
"""

from __future__ import annotations

import itertools
import re
from contextlib import nullcontext
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from app import facets, store
from app.budget import OutOfTime, time_limit
from app.errors import InvalidQuery, NotFound
from app.query import TimelineQuery
from app.views import EventView, Page
from app.web import formatting, links
from app.web.deps import QueryDep, SessionDep, SettingsDep, TemplatesDep
from app.web.htmx import render, wants_fragment

router = APIRouter(default_response_class=HTMLResponse)
_EVENT_ID = re.compile(r"^[0-9a-f]{16}$")
LIST_ID = "timeline-list"
FULL_COUNT_SHARE = 0.6  # of the overview's time budget, for counting every match before sampling


@dataclass(frozen=True)
class Day:
    """Consecutive events that share a displayed date (a day, week, month or year)."""

    label: str
    datetime: str
    events: tuple[EventView, ...]


def group_by_day(events: Iterable[EventView]) -> tuple[Day, ...]:
    runs = itertools.groupby(events, key=lambda e: (e.precision, e.first_day))
    days = []
    for _, run in runs:
        group = tuple(run)
        days.append(Day(formatting.event_date(group[0]), formatting.datetime_attr(group[0]), group))
    return tuple(days)


async def get_focus(request: Request) -> str | None:
    """``focus=<event id>``: open the timeline at that event (checked here, not in the grammar)."""
    values = [v.strip() for v in request.query_params.getlist("focus") if v.strip()]
    if len(values) > 1:
        raise InvalidQuery("focus", "may be given only once")
    if values and not _EVENT_ID.match(values[0]):
        raise InvalidQuery("focus", f"{values[0]!r} is not an event id (16 hexadecimal digits)")
    return values[0] if values else None


FocusDep = Annotated[str | None, Depends(get_focus)]


def _focus_query(session: Session, query: TimelineQuery, focus: str | None) -> TimelineQuery:
    if focus is None or query.cursor is not None:
        return query
    try:
        event = store.get_event(session, focus)
    except NotFound:
        raise InvalidQuery("focus", f"no event has the id {focus!r}") from None
    return replace(query, cursor=links.just_before(event.seq, query))


def _block(request: Request) -> str:
    return "more" if wants_fragment(request) and request.headers.get("hx-target") == LIST_ID else "results"


def results_values(
    session: Session, query: TimelineQuery, *, limit: int, block: str = "results", seconds: float | None = None
) -> dict[str, Any]:
    """What the results component shows (shared by the timeline and actor pages).

    With ``seconds``, a list that cannot be read in time (a search whose words are
    common and whose other filters are rare) is given up for a note asking to refine it.
    """
    try:
        with time_limit(session, seconds) if seconds else nullcontext():
            return _results(session, query, limit=limit, block=block)
    except OutOfTime:
        session.rollback()
        empty = Page((), None)
        return {"query": query, "page": empty, "days": (), "continued": False, "too_slow": True,
                "total": facets.Total(0, False, unknown=True), "before": None}  # fmt: skip


def _results(session: Session, query: TimelineQuery, *, limit: int, block: str) -> dict[str, Any]:
    page = store.list_events(session, query, limit=limit)
    values: dict[str, Any] = {"query": query, "page": page, "days": group_by_day(page.events), "too_slow": False}
    if block == "more":
        continued = bool(page.events and query.cursor and page.events[0].first_day.toordinal() == query.cursor.seq >> 32)
        return values | {"continued": continued}
    if query.cursor is None:
        before = None  # the first page: nothing comes before it
    elif page.events:
        before = store.previous_page(session, query, page.events[0].seq, limit=limit)
    else:
        before = store.PageStart(None)
    return values | {"total": facets.total(session, query), "before": before}


@router.get("/", name="timeline")
@router.get("/events", name="events")
def timeline(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    query: QueryDep,
    focus: FocusDep,
) -> HTMLResponse:
    """The timeline, or only its results (or its next page) for an htmx request."""
    query = _focus_query(session, query, focus)
    block = _block(request)
    values = results_values(session, query, limit=settings.page_size, block=block, seconds=settings.list_seconds)
    values |= {"focus": focus}
    if not wants_fragment(request):
        small = facets.total(session, TimelineQuery()).small
        values |= {
            "facets": facets.facets(session, query) if small else None,
            "histogram": facets.histogram(session, query) if small else None,
        }
    push_url = None if block == "more" else links.timeline_href(query) if focus is None else None
    return render(request, templates, "timeline.html", values, block=block, push_url=push_url)


@router.get("/overview", name="overview")
def overview(
    request: Request, session: SessionDep, settings: SettingsDep, templates: TemplatesDep, query: QueryDep
) -> HTMLResponse:
    """Facet counts and the date histogram for the current filter (a fragment, or a page without JS).

    The whole answer stays within ``settings.overview_seconds``: counting
    every match gets most of it; past that the facets count only the first
    ``facets.CAP`` matching events (and say so) in the rest, and the histogram
    asks for a narrower filter.
    """
    query = query.without_cursor()
    values: dict[str, Any] = {"query": query, "total": facets.total(session, query), "too_slow": False, "sampled": None}
    try:
        with time_limit(session, settings.overview_seconds * FULL_COUNT_SHARE):
            values["histogram"] = facets.histogram(session, query)
            values["facets"] = facets.facets(session, query)
    except OutOfTime:
        session.rollback()
        values |= {"facets": (), "too_slow": True}
        values.setdefault("histogram", facets.Histogram("day", ()))
        values |= _sampled_facets(session, query, settings.overview_seconds * (1 - FULL_COUNT_SHARE))
    return render(request, templates, "overview.html", values, block="overview")


def _sampled_facets(session: Session, query: TimelineQuery, seconds: float) -> dict[str, Any]:
    """Facet counts over the first ``facets.CAP`` matching events, when counting all of them took too long."""
    try:
        with time_limit(session, seconds):
            return {"facets": facets.facets(session, query, sample=facets.CAP), "sampled": facets.CAP}
    except OutOfTime:
        session.rollback()
        return {}
