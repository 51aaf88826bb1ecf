"""Read-only shapes the store hands to the web layer (no ORM objects leak out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ActorView:
    slug: str
    name: str
    kind: str
    affiliation: str | None


@dataclass(frozen=True)
class ExcerptView:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DocumentRef:
    id: str
    title: str
    path: str
    published: dt.date | None
    url: str | None


@dataclass(frozen=True)
class EventView:
    id: str
    seq: int
    date: str
    first_day: dt.date
    last_day: dt.date
    precision: str
    title: str
    type: str
    date_phrase: str
    date_method: str
    modality: str
    claimant: str | None
    places: tuple[str, ...]
    document: DocumentRef | None
    actors: tuple[ActorView, ...]
    excerpts: tuple[ExcerptView, ...]
    origin: str = "extracted"
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    sources: tuple[str, ...] = ()
    updated_at: dt.datetime | None = None


@dataclass(frozen=True)
class Page:
    events: tuple[EventView, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class ActorCount:
    actor: ActorView
    count: int


@dataclass(frozen=True)
class DocumentView:
    ref: DocumentRef
    text: str
    body_start: int
    source: str | None
    warnings: tuple[str, ...]
    events: tuple[EventView, ...]
