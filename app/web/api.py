"""JSON twins of the pages, same query grammar, plus the health check."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from app import store
from app.views import EventView
from app.web.deps import QueryDep, SessionDep, SettingsDep

router = APIRouter()


def event_json(request: Request, event: EventView) -> dict[str, Any]:
    return {
        "id": event.id,
        "document": event.document.id if event.document else None,
        "origin": event.origin,
        "date": event.date,
        "precision": event.precision,
        "title": event.title,
        "type": event.type,
        "actors": [
            {"name": a.name, "kind": a.kind, "affiliation": a.affiliation, "slug": a.slug} for a in event.actors
        ],
        "excerpts": [{"start": e.start, "end": e.end, "text": e.text} for e in event.excerpts],
        "url": str(request.url_for("event_page", event_id=event.id)),
    }


@router.get("/api/events", name="api_events")
def api_events(request: Request, session: SessionDep, settings: SettingsDep, query: QueryDep) -> dict[str, Any]:
    """One page of events, oldest first; pass ``next`` back as ``cursor`` for the following page."""
    page = store.list_events(session, query, limit=settings.page_size)
    return {"events": [event_json(request, e) for e in page.events], "next": page.next_cursor}


@router.get("/api/events/{event_id}", name="api_event")
def api_event(request: Request, event_id: str, session: SessionDep) -> dict[str, Any]:
    return event_json(request, store.get_event(session, event_id))


@router.get("/healthz", name="healthz")
def healthz(session: SessionDep) -> JSONResponse:
    try:
        answers = store.database_answers(session)
    except SQLAlchemyError:
        answers = False
    if answers:
        return JSONResponse({"status": "ok"})
    return JSONResponse({"status": "unavailable"}, status_code=503)
