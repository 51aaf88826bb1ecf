"""Storing what the extractor found: one transaction per document."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from app import counts, models
from app.extract import types as x
from app.extract.document import headline
from app.corroborate import corroborate
from app.sources import BadDocument, find_documents, read_document_text

Status = Literal["new", "updated", "unchanged", "failed"]


@dataclass(frozen=True)
class IngestResult:
    path: str
    status: Status
    events: int = 0
    error: str | None = None


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"


def ingest_paths(
    factory: sessionmaker[Session], paths: Iterable[Path], *, progress: Callable[[float, int], None] | None = None
) -> list[IngestResult]:
    """Ingest files and folders (.txt, .md, .html); a bad file is reported and the rest still load.

    The facet counts are rebuilt once at the end (``app.counts``).
    """
    files = list(find_documents(paths))
    results = []
    for done, path in enumerate(files, 1):
        results.append(ingest_file(factory, path))
        if progress:
            progress(done / len(files), done)
    counts.refresh(factory)
    return results


def ingest_file(factory: sessionmaker[Session], path: Path) -> IngestResult:
    try:
        text = read_document_text(path)
    except BadDocument as exc:
        return IngestResult(str(path), "failed", error=str(exc))
    try:
        return ingest_text(factory, str(path), text)
    except Exception as exc:  # one bad document must not stop the batch
        return IngestResult(str(path), "failed", error=f"could not be stored: {exc}")


def ingest_text(factory: sessionmaker[Session], path: str, text: str) -> IngestResult:
    """Extract and store one document, atomically. Unchanged content is skipped."""
    from app.extract.pipeline import extract  # the extractor loads its gazetteer: only when extracting

    extraction = extract(text)
    with factory() as session, session.begin():
        if session.scalar(select(models.Document.id).where(models.Document.fingerprint == extraction.fingerprint)):
            return IngestResult(path, "unchanged")
        earlier = _earlier_events(session, path)
        replaced = session.execute(delete(models.Document).where(models.Document.path == path)).rowcount
        row = save_extraction(session, path, extraction)
        _forward_permalinks(session, earlier, list(row.events), path)
        merged = corroborate(session, list(row.events))
    return IngestResult(path, "updated" if replaced else "new", events=len(extraction.events) - merged)


def _earlier_events(session: Session, path: str) -> list[tuple[str, str, str]]:
    """(id, date, title) of the events the earlier version of ``path`` gave, before it is replaced."""
    stmt = (
        select(models.Event.id, models.Event.date, models.Event.title)
        .join(models.Document, models.Document.id == models.Event.document_id)
        .where(models.Document.path == path)
    )
    return [(row.id, row.date, row.title) for row in session.execute(stmt)]


def _forward_permalinks(session: Session, earlier: list[tuple[str, str, str]], events: list[models.Event], path: str) -> None:
    """A revised document keeps its events' links: the same event in the new version gets a redirect,
    an event the new version no longer reports gets a tombstone saying so."""
    from app.corroborate import SIMILARITY, similarity
    from app.permalinks import add_redirect, add_tombstone

    current = {e.id for e in events}
    for old_id, date, title in earlier:
        if old_id in current:
            continue
        same = [e for e in events if e.date == date and similarity(e.title, title) >= SIMILARITY]
        if same:
            add_redirect(session, old_id, same[0].id)
        else:
            when = models.utcnow().strftime("%d %B %Y")
            add_tombstone(session, old_id, f"This event was removed on {when}: its source document ({path}) was revised and no longer reports it.")


def save_extraction(session: Session, path: str, extraction: x.Extraction, *, origin: str = "extracted") -> models.Document:
    doc = extraction.document
    row = models.Document(
        id=extraction.fingerprint[:16],
        fingerprint=extraction.fingerprint,
        path=path,
        title=doc.title or headline(doc),
        source=doc.source,
        url=doc.url,
        published=doc.published,
        body_start=doc.body_start,
        text=doc.text,
        warnings="\n".join(doc.warnings),
        origin=origin,
    )
    session.add(row)
    actors: dict[str, models.Actor] = {}
    taken = _taken_keys(session, extraction.events)
    for event in extraction.events:
        row.events.append(_event_row(session, event, actors, row.id, origin, taken))
    session.flush()
    return row


def search_text(event: x.Event) -> str:
    """What full-text search looks in: title, excerpts, actor names and places."""
    parts = [event.title, *(e.text for e in event.excerpts), *(a.name for a in event.actors), *event.places]
    return "\n".join(parts)


def _taken_keys(session: Session, events: Sequence[x.Event]) -> set[int]:
    keys = [models.sequence_key(e.first, e.id) for e in events]
    return set(session.scalars(select(models.Event.seq).where(models.Event.seq.in_(keys)))) if keys else set()


def free_key(first_day: dt.date, event_id: str, taken: set[int]) -> int:
    """The event's timeline key, moved past any key already taken (a 32-bit id clash)."""
    key = models.sequence_key(first_day, event_id)
    while key in taken:
        key += 1
    taken.add(key)
    return key


def _event_row(
    session: Session, event: x.Event, actors: dict[str, models.Actor], document_id: str, origin: str, taken: set[int]
) -> models.Event:
    row = models.Event(
        seq=free_key(event.first, event.id, taken),
        id=event.id,
        origin=origin,
        date=event.date,
        first_day=event.first,
        last_day=event.last,
        precision=event.precision,
        title=event.title,
        type=event.type,
        date_phrase=event.date_phrase,
        date_method=event.date_method,
        modality=event.modality,
        claimant=event.claimant,
        location=event.places[0] if event.places else None,
        search_text=search_text(event),
    )
    row.excerpts = [
        models.Excerpt(position=i, start=e.start, end=e.end, text=e.text, document_id=document_id)
        for i, e in enumerate(event.excerpts)
    ]
    row.place_links = [models.EventPlace(place=p, position=i) for i, p in enumerate(dict.fromkeys(event.places))]
    seen: set[str] = set()
    for position, actor in enumerate(event.actors):
        actor_row = _actor_row(session, actor, actors)
        if actor_row.slug not in seen:
            seen.add(actor_row.slug)
            row.actor_links.append(models.EventActor(actor=actor_row, position=position))
    return row


def _actor_row(session: Session, actor: x.Actor, cache: dict[str, models.Actor]) -> models.Actor:
    slug = slugify(actor.name)
    if slug in cache:
        return cache[slug]
    row = session.scalar(select(models.Actor).where(models.Actor.slug == slug))
    if row is None:
        row = models.Actor(slug=slug, name=actor.name, kind=actor.kind, affiliation=actor.affiliation)
        session.add(row)
    known = {a.alias for a in row.aliases}
    for alias in actor.aliases:
        if alias not in known and alias != actor.name:
            row.aliases.append(models.ActorAlias(alias=alias))
            known.add(alias)
    cache[slug] = row
    return row
