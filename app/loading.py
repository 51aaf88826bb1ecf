"""Turning a list of event keys into ``EventView``s with a fixed handful of queries.

Pages of the timeline show 50 events with their actors, places, excerpts and
source documents. Reading them through the ORM builds thousands of objects per
page; these plain Core queries (events with their documents, then one per linked
table, all keyed by ``seq``) build the views directly, without the documents'
full text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, select
from sqlalchemy.orm import Session

from app import models
from app.views import ActorView, DocumentRef, EventView, ExcerptView

_E = models.Event
_D = models.Document
_EVENT_COLUMNS = (
    _E.seq, _E.id, _E.date, _E.first_day, _E.last_day, _E.precision, _E.title, _E.type, _E.date_phrase,
    _E.date_method, _E.modality, _E.claimant, _E.document_id, _E.origin, _E.location, _E.latitude,
    _E.longitude, _E.fatalities, _E.sources, _E.updated_at,
    _D.title.label("document_title"), _D.path.label("document_path"), _D.published, _D.url,
)  # fmt: skip


def _keys() -> BindParameter[list[int]]:
    return bindparam("seqs", expanding=True)


# Built once: a page load only binds its keys (no statement building or cache-key work per request).
_EVENTS = select(*_EVENT_COLUMNS).outerjoin(_D, _D.id == _E.document_id).where(_E.seq.in_(_keys()))
_ACTORS = (
    select(
        models.EventActor.event_seq, models.Actor.slug, models.Actor.name, models.Actor.kind,
        models.Actor.affiliation, models.EventActor.role,
    )
    .join(models.Actor, models.Actor.id == models.EventActor.actor_id)
    .where(models.EventActor.event_seq.in_(_keys()))
    .order_by(models.EventActor.event_seq, models.EventActor.position)
)  # fmt: skip
_EXCERPTS = (
    select(models.Excerpt.event_seq, models.Excerpt.start, models.Excerpt.end, models.Excerpt.text, models.Excerpt.document_id)
    .where(models.Excerpt.event_seq.in_(_keys()))
    .order_by(models.Excerpt.event_seq, models.Excerpt.position)
)
_PLACES = (
    select(models.EventPlace.event_seq, models.EventPlace.place)
    .where(models.EventPlace.event_seq.in_(_keys()))
    .order_by(models.EventPlace.event_seq, models.EventPlace.position)
)


@dataclass(frozen=True)
class Linked:
    """What links to a batch of events, by key: actor rows (slug, name, kind, affiliation, role),
    excerpt rows (start, end, text, document id) and place names, each in its stored order."""

    actors: dict[int, list[Any]]
    excerpts: dict[int, list[Any]]
    places: dict[int, list[Any]]


def _grouped(session: Session, stmt: Select[Any], seqs: Sequence[int]) -> dict[int, list[Any]]:
    """Rows of ``stmt`` for these keys, grouped by their first column (the event's ``seq``)."""
    found: dict[int, list[Any]] = defaultdict(list)
    for seq, *rest in session.execute(stmt, {"seqs": list(seqs)}):
        found[seq].append(rest)
    return found


def linked(session: Session, seqs: Sequence[int]) -> Linked:
    """The actors, excerpts and places of these events: one query each."""
    return Linked(_grouped(session, _ACTORS, seqs), _grouped(session, _EXCERPTS, seqs), _grouped(session, _PLACES, seqs))


def document_title(title: str | None, path: str) -> str:
    return title or path.replace("\\", "/").rsplit("/", 1)[-1]


def _document(row: Any) -> DocumentRef | None:
    if row.document_id is None:
        return None
    return DocumentRef(row.document_id, document_title(row.document_title, row.document_path), row.document_path, row.published, row.url)


def load_views(session: Session, seqs: Sequence[int]) -> tuple[EventView, ...]:
    """The events with these keys, as views, in the order given."""
    if not seqs:
        return ()
    rows = {row.seq: row for row in session.execute(_EVENTS, {"seqs": list(seqs)})}
    links = linked(session, seqs)
    actors, excerpts, places = links.actors, links.excerpts, links.places
    return tuple(
        EventView(
            id=r.id, seq=r.seq, date=r.date, first_day=r.first_day, last_day=r.last_day, precision=r.precision,
            title=r.title, type=r.type, date_phrase=r.date_phrase, date_method=r.date_method, modality=r.modality,
            claimant=r.claimant, places=tuple(name for (name,) in places.get(s, ())), document=_document(r),
            actors=tuple(ActorView(*a[:4]) for a in actors.get(s, ())),
            excerpts=tuple(ExcerptView(*x[:3]) for x in excerpts.get(s, ())), origin=r.origin,
            location=r.location, latitude=r.latitude, longitude=r.longitude, fatalities=r.fatalities,
            sources=tuple(x for x in r.sources.split("\n") if x), updated_at=r.updated_at,
        )  # fmt: skip
        for s in seqs
        if (r := rows.get(s)) is not None
    )
