"""The other HTML pages: event permalink, document view, actor page and about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from app import store
from app.errors import Gone, NotFound
from app.permalinks import resolve_event
from app.views import EventView, ExcerptView
from app.web import citation, formatting
from app.web.deps import QueryDep, SessionDep, SettingsDep, TemplatesDep
from app.web.highlight import Mark, context, highlight, locate
from app.web.htmx import render
from app.web.timeline import results_values

router = APIRouter(default_response_class=HTMLResponse)


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


def description(event: EventView) -> str:
    """What a shared link previews: date, type, actors, then the quoted source words."""
    actors = ", ".join(a.name for a in event.actors)
    head = f"{formatting.event_date(event)} · {event.type}{f' · {actors}' if actors else ''}"
    quoted = " … ".join(e.text for e in event.excerpts)
    source = event.document.title if event.document else "ACLED"
    return formatting.shorten(f"{head}: “{quoted}” ({source})" if quoted else f"{head}: {event.title} ({source})", 280)


def moved_event(request: Request, session: Session, event_id: str) -> RedirectResponse:
    """A merged event's permalink moves (301) to the survivor; a removed one is 410 with the reason."""
    resolution = resolve_event(session, event_id)
    if resolution is None:
        raise NotFound("event", event_id)
    if resolution.target is None:
        raise Gone("event", event_id, resolution.reason or "it was removed")
    target = request.url_for("event_page", event_id=resolution.target)
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"{target}{query}", status_code=301)


@router.get("/events/{event_id}", name="event_page")
def event_page(
    request: Request, event_id: str, session: SessionDep, templates: TemplatesDep, query: QueryDep
) -> Response:
    """The permalink: one event, its explained date, its excerpts in their paragraphs, and how to cite it.

    It accepts the timeline's query string, so "previous" and "next" stay within that filter.
    """
    try:
        event = store.get_event(session, event_id)
    except NotFound:
        return moved_event(request, session, event_id)
    query = query.without_cursor()
    document = store.get_document(session, event.document.id) if event.document else None
    marks, lost = place_excerpts(document.text, [event]) if document else ([], list(event.excerpts))
    permalink = str(request.url_for("event_page", event_id=event.id))
    today = dt.date.today()
    earlier, later = store.neighbours(session, query, event.seq)
    values = {
        "event": event,
        "document": document,
        "paragraphs": context(document.text, marks, document.body_start) if document else (),
        "lost": lost,
        "permalink": permalink,
        "description": description(event),
        "query": query,
        "earlier": earlier,
        "later": later,
        "citation": citation.plain_text(event, permalink, today),
        "bibtex": citation.bibtex(event, permalink, today),
    }
    return templates.TemplateResponse(request, "event.html", values)


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


@router.get("/actors/{slug}", name="actor_page")
def actor_page(
    request: Request, slug: str, session: SessionDep, settings: SettingsDep, templates: TemplatesDep, query: QueryDep
) -> HTMLResponse:
    """An actor: its names in the documents, its number of events, and its own timeline."""
    detail = store.get_actor_detail(session, slug)
    query = replace(query, actors=(slug,))
    values = results_values(session, query, limit=settings.page_size, seconds=settings.list_seconds)
    values |= {"detail": detail, "focus": None}
    return render(request, templates, "actor.html", values)


@router.get("/about", name="about")
def about(request: Request, templates: TemplatesDep) -> HTMLResponse:
    """How Dateline reads articles (``about.html`` is written with the extraction)."""
    template = templates.env.select_template(["about.html", "_about_pending.html"])
    return templates.TemplateResponse(request, template.name or "_about_pending.html", {})
