"""The HTML pages: timeline, event permalink, document view."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app import store
from app.views import EventView, ExcerptView
from app.web import formatting
from app.web.deps import QueryDep, SessionDep, SettingsDep, TemplatesDep
from app.web.highlight import Mark, context, highlight, locate
from app.web.htmx import render
from app.web.links import timeline_href

router = APIRouter(default_response_class=HTMLResponse)


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


def place_excerpts(text: str, events: Sequence[EventView]) -> tuple[list[Mark], list[ExcerptView]]:
    """Marks for the excerpts found in ``text``, and the ones that could not be found."""
    marks: list[Mark] = []
    lost: list[ExcerptView] = []
    for event in events:
        for excerpt in event.excerpts:
            span = locate(text, excerpt.start, excerpt.end, excerpt.text)
            if span is None:
                lost.append(excerpt)
            else:
                marks.append(Mark(span[0], span[1], event.id))
    return marks, lost


@router.get("/", name="timeline")
@router.get("/events", name="events")
def timeline(
    request: Request, session: SessionDep, settings: SettingsDep, templates: TemplatesDep, query: QueryDep
) -> HTMLResponse:
    """The timeline, or only its results region for an htmx request."""
    page = store.list_events(session, query, limit=settings.page_size)
    values = {
        "query": query,
        "page": page,
        "days": group_by_day(page.events),
        "total": store.count_events(session, query),
        "actors": store.actor_counts(session, query),
    }
    return render(request, templates, "timeline.html", values, push_url=timeline_href(query))


@router.get("/events/{event_id}", name="event_page")
def event_page(request: Request, event_id: str, session: SessionDep, templates: TemplatesDep) -> HTMLResponse:
    """The permalink: one event, its explained date and its excerpts in their paragraphs."""
    event = store.get_event(session, event_id)
    document = store.get_document(session, event.document.id)
    marks, lost = place_excerpts(document.text, [event])
    values = {
        "event": event,
        "document": document,
        "paragraphs": context(document.text, marks, document.body_start),
        "lost": lost,
        "permalink": str(request.url_for("event_page", event_id=event.id)),
        "description": _description(event),
    }
    return templates.TemplateResponse(request, "event.html", values)


def _description(event: EventView) -> str:
    quoted = " … ".join(e.text for e in event.excerpts)
    return formatting.shorten(f"{formatting.event_date(event)}: “{quoted}”" if quoted else event.title, 280)


@router.get("/documents/{document_id}", name="document_page")
def document_page(
    request: Request, document_id: str, session: SessionDep, templates: TemplatesDep
) -> HTMLResponse:
    """The full source text with every event's excerpts marked and linked."""
    document = store.get_document(session, document_id)
    marks, lost = place_excerpts(document.text, document.events)
    start = min([document.body_start, *(m.start for m in marks)])
    values = {
        "document": document,
        "paragraphs": highlight(document.text, marks, start),
        "events_by_id": {e.id: e for e in document.events},
        "lost": lost,
    }
    return templates.TemplateResponse(request, "document.html", values)
