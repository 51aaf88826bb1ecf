"""Corroboration: one event reported by several documents keeps one permalink and all its excerpts.

Two events are the same when they have the same date at the same precision,
share an actor, and their titles are alike (token-set similarity). The older
event survives; the newcomer's excerpts (each with its own document) and
sources move onto it, and the newcomer's id redirects there (301).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, cast, delete, distinct, func, insert, select, update
from sqlalchemy.orm import Session

from app import models
from app.permalinks import add_redirect

SIMILARITY = 0.5
_WORD = re.compile(r"\w+")
Event = models.Event


def tokens(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2}


def similarity(a: str, b: str) -> float:
    """Token-set similarity of two titles: shared words over the smaller set."""
    left, right = tokens(a), tokens(b)
    return len(left & right) / min(len(left), len(right)) if left and right else 0.0


def source_count() -> ColumnElement[int]:
    """An event's number of sources: distinct quoted documents, or its listed sources for dataset rows."""
    documents = (
        select(func.count(distinct(models.Excerpt.document_id)))
        .where(models.Excerpt.event_seq == Event.seq)
        .scalar_subquery()
    )
    lines = cast(func.length(Event.sources) - func.length(func.replace(Event.sources, "\n", "")) + 1, Integer)
    listed = case((Event.sources == "", 0), else_=lines)
    return case((Event.origin == "extracted", documents), else_=listed)


def min_sources_condition(n: int) -> ColumnElement[bool]:
    """For ``?min_sources=n``: events reported by at least ``n`` sources."""
    return source_count() >= n


def _actor_ids(session: Session, seq: int) -> set[int]:
    return set(session.scalars(select(models.EventActor.actor_id).where(models.EventActor.event_seq == seq)))


def find_twin(session: Session, event: Any) -> Any | None:
    """An existing event from another document that reports the same thing (a row of events), if any."""
    actors = _actor_ids(session, event.seq)
    if not actors:
        return None
    stmt = select(Event.seq, Event.id, Event.title, Event.sources, Event.search_text).where(
        and_(Event.date == event.date, Event.precision == event.precision, Event.seq != event.seq),
        Event.origin == "extracted",
        Event.document_id != event.document_id,
        Event.seq.in_(select(models.EventActor.event_seq).where(models.EventActor.actor_id.in_(actors))),
    )
    scored = [(similarity(event.title, other.title), -other.seq, other) for other in session.execute(stmt)]
    best = max(scored, default=None, key=lambda t: (t[0], t[1]))
    return best[2] if best and best[0] >= SIMILARITY else None


def merge_into(session: Session, newcomer: Any, survivor: Any) -> None:
    """Move the newcomer's evidence onto the survivor, delete it, and redirect its id (all in SQL)."""
    E, A, P = models.Excerpt, models.EventActor, models.EventPlace
    offset = (session.scalar(select(func.max(E.position)).where(E.event_seq == survivor.seq)) or 0) + 1
    texts = list(session.scalars(select(E.text).where(E.event_seq == newcomer.seq)))
    session.execute(update(E).where(E.event_seq == newcomer.seq).values(event_seq=survivor.seq, position=E.position + offset))
    have = _actor_ids(session, survivor.seq)
    for actor_id, role in session.execute(select(A.actor_id, A.role).where(A.event_seq == newcomer.seq).order_by(A.position)):
        if actor_id not in have:
            session.execute(insert(A).values(event_seq=survivor.seq, actor_id=actor_id, position=len(have), role=role))
            have.add(actor_id)
    places = set(session.scalars(select(P.place).where(P.event_seq == survivor.seq)))
    for place in session.scalars(select(P.place).where(P.event_seq == newcomer.seq).order_by(P.position)):
        if place not in places:
            session.execute(insert(P).values(event_seq=survivor.seq, place=place, position=len(places)))
            places.add(place)
    sources = [s for s in f"{survivor.sources}\n{newcomer.sources}".split("\n") if s]
    session.execute(
        update(Event)
        .where(Event.seq == survivor.seq)
        .values(sources="\n".join(dict.fromkeys(sources)), search_text="\n".join([survivor.search_text, *texts]), updated_at=models.utcnow())
    )
    session.execute(delete(Event).where(Event.seq == newcomer.seq))
    add_redirect(session, newcomer.id, survivor.id)


def corroborate(session: Session, events: list[models.Event]) -> int:
    """Merge each of ``events`` (just stored) into a twin from another document; returns how many merged.

    Works in SQL after a flush; the session's objects are expired afterwards.
    """
    session.flush()
    rows = [session.execute(select(Event).where(Event.seq == e.seq).with_only_columns(
        Event.seq, Event.id, Event.date, Event.precision, Event.title, Event.document_id, Event.sources
    )).one() for e in events]  # fmt: skip
    merged = 0
    for row in rows:
        twin = find_twin(session, row)
        if twin is not None:
            merge_into(session, row, twin)
            merged += 1
    if merged:
        session.flush()
        session.expire_all()
    return merged
