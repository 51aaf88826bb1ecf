"""Typed SQLAlchemy models: documents, events, actors and what links them.

Events are keyed by ``seq``, a 64-bit integer whose order is timeline order
(the first day's ordinal in the high bits, the public id's first 32 bits in
the low ones; see ``sequence_key``). Every list is read in ``seq`` order, so
keyset pages, per-actor and per-place ranges and full-text hits all walk one
index in date order. ``id`` is the stable public identifier used in URLs.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base

SeqType = BigInteger().with_variant(Integer(), "sqlite")  # INTEGER PRIMARY KEY is SQLite's rowid


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def sequence_key(first_day: dt.date, event_id: str) -> int:
    """Timeline-ordered integer key for an event (day first, then id)."""
    return (first_day.toordinal() << 32) | int(event_id[:8], 16)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    body_start: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    warnings: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(12), default="extracted")
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    events: Mapped[list[Event]] = relationship(back_populates="document", cascade="all, delete-orphan")


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    affiliation: Mapped[str | None] = mapped_column(Text)

    aliases: Mapped[list[ActorAlias]] = relationship(back_populates="actor", cascade="all, delete-orphan")


class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


# Events that last more than a day, keyed in timeline order with their end:
# a date filter finds those that begin before its ``from`` and run into it here.
SPANS_WHERE = "last_day > first_day"
# Only extracted events and excerpts have a document; bulk-imported rows stay out of these indexes.
HAS_DOCUMENT = "document_id IS NOT NULL"


def _document_index(name: str) -> Index:
    return Index(name, "document_id", sqlite_where=text(HAS_DOCUMENT), postgresql_where=text(HAS_DOCUMENT))


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index(
            "ix_events_spans",
            "seq",
            "last_day",
            sqlite_where=text(SPANS_WHERE),
            postgresql_where=text(SPANS_WHERE),
        ),
        _document_index("ix_events_document_id"),
    )

    seq: Mapped[int] = mapped_column(SeqType, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(16), unique=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    origin: Mapped[str] = mapped_column(String(12), default="extracted")
    date: Mapped[str] = mapped_column(String(10))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(5), index=True)
    title: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(40), index=True)
    sub_event_type: Mapped[str | None] = mapped_column(Text)
    date_phrase: Mapped[str] = mapped_column(Text, default="")
    date_method: Mapped[str] = mapped_column(String(10))
    modality: Mapped[str] = mapped_column(String(10), default="fact")
    claimant: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    fatalities: Mapped[int | None] = mapped_column(Integer)
    sources: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    # The source's own version of the record (ACLED's ``timestamp``): a re-import
    # replaces the event only with a newer one (see ``app.bulk``).
    source_version: Mapped[int | None] = mapped_column(BigInteger)

    document: Mapped[Document | None] = relationship(back_populates="events")
    excerpts: Mapped[list[Excerpt]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Excerpt.position"
    )
    actor_links: Mapped[list[EventActor]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventActor.position"
    )
    place_links: Mapped[list[EventPlace]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventPlace.position"
    )


class EventActor(Base):
    """An event's actor; ``role`` is how the source named it (e.g. ACLED's actor1)."""

    __tablename__ = "event_actors"
    __table_args__ = (Index("ix_event_actors_actor_seq", "actor_id", "event_seq"),)

    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str | None] = mapped_column(String(20))

    event: Mapped[Event] = relationship(back_populates="actor_links")
    actor: Mapped[Actor] = relationship()


class EventPlace(Base):
    __tablename__ = "event_places"
    __table_args__ = (Index("ix_event_places_place_seq", "place", "event_seq"),)

    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq", ondelete="CASCADE"), primary_key=True)
    place: Mapped[str] = mapped_column(String(200), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    event: Mapped[Event] = relationship(back_populates="place_links")


class Excerpt(Base):
    __tablename__ = "excerpts"
    # The unique (event_seq, position) index also serves lookups by event.
    __table_args__ = (UniqueConstraint("event_seq", "position"), _document_index("ix_excerpts_document_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq", ondelete="CASCADE"))
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="excerpts")


class EventRedirect(Base):
    """A permalink whose event was merged into another: answers 301 to ``target_id``."""

    __tablename__ = "event_redirects"

    old_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    target_id: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class EventTombstone(Base):
    """A permalink whose event is gone: answers 410 with ``reason``."""

    __tablename__ = "event_tombstones"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    deleted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class FacetCount(Base):
    """How many events of one day (or month) have one facet value: precomputed totals.

    ``grain`` 0 rows count the events that begin on day ``day`` (an ordinal), grain 1
    rows the events that begin in the month starting on ``day``. ``facet`` is
    ``all`` (value ``""``), ``actor`` (slug), ``side``, ``type``, ``place``,
    ``precision`` or ``document`` (id). Rebuilt by ``app.counts.rebuild`` and used
    only while ``CountStamp`` says they match the data (see ``app.counts``).
    """

    __tablename__ = "facet_counts"

    grain: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    facet: Mapped[str] = mapped_column(String(10), primary_key=True)
    day: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[str] = mapped_column(String(200), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class CountStamp(Base):
    """The data version the facet counts were built at (one row): counts of any other version are not used."""

    __tablename__ = "count_stamps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    events_version: Mapped[dt.datetime | None] = mapped_column(DateTime)
    documents_version: Mapped[dt.datetime | None] = mapped_column(DateTime)
