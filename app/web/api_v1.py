"""``/api/v1``: the timeline's JSON API, same query grammar as the pages, documented in OpenAPI.

The parameters declared on each route are there for the schema; the values are
parsed once, by ``app.query.parse_query``, like every other view.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, Field
from sqlalchemy import or_, select

from app import models, store
from app.errors import NotFound
from app.exports.base import source_names
from app.exports.stream import ExportEvent, iter_batches, load_events
from app.permalinks import resolve_event
from app.query import Cursor, TimelineQuery, parse_query
from app.web.deps import SessionDep, SettingsDep

router = APIRouter(prefix="/api/v1", tags=["api v1"])
MAX_LIMIT = 500


class Actor(BaseModel):
    slug: str = Field(description="Actor id, used in ?actor=")
    name: str
    kind: str = Field(description="state, armed_group, person, …; for ACLED actors their actor type (inter code)")
    affiliation: str | None = None
    role: str | None = Field(None, description="How the source named it, e.g. ACLED's actor1 / assoc_actor_1")


class Excerpt(BaseModel):
    text: str = Field(description="The exact source words")
    start: int = Field(description="Character offset of the excerpt in its document's text")
    end: int
    document_id: str | None = Field(description="The document quoted; null for a dataset record (e.g. ACLED notes)")


class DocumentRef(BaseModel):
    id: str
    title: str
    url: str | None = Field(description="The original article, when known")
    source: str | None = None
    published: dt.date | None = None


class Event(BaseModel):
    id: str = Field(description="Stable public id (16 hex digits)")
    url: str = Field(description="The event's permalink page")
    date: str = Field(description="ISO date at its precision: YYYY-MM-DD, YYYY-MM or YYYY (a week by its first day)")
    first_day: dt.date
    last_day: dt.date
    precision: str = Field(description="day, week, month or year")
    title: str
    type: str = Field(description="One of ACLED's six event types")
    sub_event_type: str | None = None
    modality: str = Field(description="fact, claim, plan or denial")
    claimant: str | None = None
    date_phrase: str = Field(description="The words the date was read from")
    date_method: str
    actors: list[Actor]
    places: list[str]
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    excerpts: list[Excerpt]
    documents: list[DocumentRef] = Field(description="Every document that reports the event")
    sources: list[str] = Field(description="Who reported it (publications, or ACLED's sources)")
    source_count: int = Field(description="Number of independent sources (corroboration)")
    origin: str = Field(description="extracted (from documents), acled (imported) or synthetic (demo data)")
    external_id: str | None = Field(None, description="The id in the dataset it came from (ACLED event_id_cnty)")
    created_at: dt.datetime
    updated_at: dt.datetime = Field(description="Last change; what ?since= compares with")


class EventPage(BaseModel):
    events: list[Event]
    next: str | None = Field(description="Pass as ?cursor= for the following page; null on the last page")


class ActorCount(BaseModel):
    slug: str
    name: str
    kind: str
    affiliation: str | None = None
    events: int = Field(description="Events of this actor under the other filters")


class ActorList(BaseModel):
    actors: list[ActorCount]


class Document(DocumentRef):
    text: str = Field(description="The stored text that every excerpt offset points into")
    body_start: int
    warnings: list[str]
    events: list[Event] = Field(description="Events quoting this document, in timeline order")


class ErrorBody(BaseModel):
    param: str | None = None
    message: str


class Error(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, object]] = {400: {"model": Error, "description": "A parameter could not be understood"}}


def timeline_query(
    request: Request,
    q: Annotated[str | None, Query(description="Words that must all occur (title, excerpts, actors, places)")] = None,
    actor: Annotated[list[str], Query(description="Actor id; repeat for any of several")] = [],  # noqa: B006
    type: Annotated[list[str], Query(description="Event type; repeat for any of several")] = [],  # noqa: B006
    place: Annotated[list[str], Query(description="Place name; repeat for any of several")] = [],  # noqa: B006
    precision: Annotated[list[str], Query(description="day, week, month or year; repeatable")] = [],  # noqa: B006
    document: Annotated[list[str], Query(description="Document id; repeatable")] = [],  # noqa: B006
    from_: Annotated[str | None, Query(alias="from", description="Events overlapping on or after YYYY-MM-DD")] = None,
    to: Annotated[str | None, Query(description="Events overlapping on or before YYYY-MM-DD")] = None,
    since: Annotated[str | None, Query(description="Only events added or changed since this ISO timestamp")] = None,
    sort: Annotated[str | None, Query(description="asc (oldest first, default) or desc")] = None,
    cursor: Annotated[str | None, Query(description="The `next` value of the previous page")] = None,
) -> TimelineQuery:
    """The documented parameters; the values are parsed by ``parse_query`` (a bad one is a 400)."""
    return parse_query(request.query_params.multi_items())


TimelineQueryDep = Annotated[TimelineQuery, Depends(timeline_query)]


def event_out(request: Request, event: ExportEvent) -> Event:
    ids = dict.fromkeys([event.document_id, *(x.document_id for x in event.excerpts)])
    docs = [event.documents[i] for i in ids if i and i in event.documents]
    sources = source_names(event)
    return Event(
        id=event.id, url=str(request.url_for("event_page", event_id=event.id)), date=event.date,
        first_day=event.first_day, last_day=event.last_day, precision=event.precision, title=event.title,
        type=event.type, sub_event_type=event.sub_event_type, modality=event.modality, claimant=event.claimant,
        date_phrase=event.date_phrase, date_method=event.date_method,
        actors=[Actor(slug=a.slug, name=a.name, kind=a.kind, affiliation=a.affiliation, role=a.role) for a in event.actors],
        places=list(event.places), location=event.location, latitude=event.latitude, longitude=event.longitude,
        fatalities=event.fatalities,
        excerpts=[Excerpt(text=x.text, start=x.start, end=x.end, document_id=x.document_id) for x in event.excerpts],
        documents=[DocumentRef(id=d.id, title=d.title, url=d.url, source=d.source, published=d.published) for d in docs],
        sources=sources, source_count=len(sources), origin=event.origin, external_id=event.external_id,
        created_at=event.created_at, updated_at=event.updated_at,
    )  # fmt: skip


@router.get("/events", name="api_v1_events", response_model=EventPage, responses=ERRORS)
def events(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    query: TimelineQueryDep,
    limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description="Events per page")] = None,
) -> EventPage:
    """One page of the timeline; follow ``next`` (as ``cursor``) for the rest."""
    size = limit or settings.page_size
    batch = next(iter_batches(session, query, batch_size=size + 1), [])
    shown = batch[:size]
    more = len(batch) > size and shown
    return EventPage(events=[event_out(request, e) for e in shown], next=Cursor(shown[-1].seq).encode() if more else None)


@router.get(
    "/events/{event_id}", name="api_v1_event", response_model=Event,
    responses={404: {"model": Error}, 301: {"description": "Merged into another event"}, 410: {"model": Error, "description": "Deleted"}},
)  # fmt: skip
def event(
    request: Request, session: SessionDep, event_id: Annotated[str, Path(description="The event's id")]
) -> Event | JSONResponse | RedirectResponse:
    """One event; a merged event's id redirects (301) to the survivor, a deleted one answers 410."""
    found = load_events(session, models.Event.id == event_id)
    if found:
        return event_out(request, found[0])
    gone = resolve_event(session, event_id)
    if gone is not None and gone.target:
        return RedirectResponse(str(request.url_for("api_v1_event", event_id=gone.target)), status_code=301)
    if gone is not None:
        return JSONResponse({"error": {"message": gone.reason}}, status_code=410)
    raise NotFound("event", event_id)


@router.get("/actors", name="api_v1_actors", response_model=ActorList, responses=ERRORS)
def actors(session: SessionDep, query: TimelineQueryDep) -> ActorList:
    """Every actor with its number of events under the query's other filters, most frequent first."""
    counts = store.actor_counts(session, query)
    return ActorList(actors=[ActorCount(**vars(c.actor), events=c.count) for c in counts])


@router.get("/documents/{document_id}", name="api_v1_document", response_model=Document, responses={404: {"model": Error}})
def document(
    request: Request, session: SessionDep, document_id: Annotated[str, Path(description="The document's id")]
) -> Document:
    """A source document: its text and every event that quotes it."""
    doc = session.get(models.Document, document_id)
    if doc is None:
        raise NotFound("document", document_id)
    quoting = select(models.Excerpt.event_seq).where(models.Excerpt.document_id == document_id)
    found = load_events(session, or_(models.Event.document_id == document_id, models.Event.seq.in_(quoting)))
    ref = store.document_ref(doc)
    return Document(
        id=doc.id, title=ref.title, url=doc.url, source=doc.source, published=doc.published, text=doc.text,
        body_start=doc.body_start, warnings=[w for w in doc.warnings.split("\n") if w],
        events=[event_out(request, e) for e in found],
    )  # fmt: skip
