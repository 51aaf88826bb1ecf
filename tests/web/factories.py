"""Plain functions that put controlled rows in a test database.

The texts are written for these tests (not taken from the corpus) so every
offset, date and overlap is known.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from sqlalchemy.orm import Session

from app import models

RIVERTON = """RIVERTON, 14 May 2031 (Example Wire)

Militia fighters shelled the river port of Calder on Monday, local officials said.

Government troops retook the Ashford bridge on 12 May after a week of fighting
around the crossing, the defence ministry said.

In April the Northern Front announced a ceasefire, which it later denied.

The militia was formed in 2030 from two smaller groups."""

HOSTILE = """<b>Header</b>

Witnesses wrote <script>alert(1)</script> on the wall & left.

A second paragraph with "quotes" and 'apostrophes'."""


def event_id(number: int) -> str:
    """Event ids look like real ones: 16 hex digits spread over the whole range."""
    return hashlib.sha256(str(number).encode()).hexdigest()[:16]


def add_document(
    session: Session, *, id: str, text: str, title: str | None, published: dt.date | None,
    body_start: int = 0, url: str | None = None, source: str | None = None, warnings: str = "",
) -> models.Document:
    document = models.Document(
        id=id, fingerprint=id * 4, path=f"docs/{id}.txt", title=title, source=source, url=url,
        published=published, body_start=body_start, text=text, warnings=warnings,
    )
    session.add(document)
    return document


def add_actor(
    session: Session, *, slug: str, name: str, kind: str = "armed_group", affiliation: str | None = None,
    aliases: Sequence[str] = (),
) -> models.Actor:
    actor = models.Actor(slug=slug, name=name, kind=kind, affiliation=affiliation)
    actor.aliases = [models.ActorAlias(alias=alias) for alias in aliases]
    session.add(actor)
    session.flush()
    return actor


def add_event(
    session: Session, document: models.Document, *, number: int, day: dt.date, title: str,
    precision: str = "day", last: dt.date | None = None, actors: Sequence[models.Actor] = (),
    quotes: Sequence[str] = (), type: str = "Battles", phrase: str = "", method: str = "explicit",
    modality: str = "fact", claimant: str | None = None, places: Sequence[str] = (), origin: str = "extracted",
) -> models.Event:
    """An event whose excerpts are the given substrings of the document text."""
    date = {"year": day.strftime("%Y"), "month": day.strftime("%Y-%m")}.get(precision, day.isoformat())
    event = models.Event(
        seq=models.sequence_key(day, event_id(number)), id=event_id(number), document_id=document.id, date=date, first_day=day, last_day=last or day,
        precision=precision, title=title, type=type, date_phrase=phrase, date_method=method,
        modality=modality, claimant=claimant, search_text="\n".join([title, *quotes, *(a.name for a in actors)]), origin=origin,
    )
    for position, place in enumerate(places):
        event.place_links.append(models.EventPlace(place=place, position=position))
    for position, actor in enumerate(actors):
        event.actor_links.append(models.EventActor(actor_id=actor.id, position=position))
    for position, quote in enumerate(quotes):
        start = document.text.index(quote)
        event.excerpts.append(models.Excerpt(position=position, start=start, end=start + len(quote), text=quote, document_id=document.id))
    session.add(event)
    return event


def seed_riverton(session: Session) -> None:
    """One article, three actors, six events at every precision, two overlapping excerpts."""
    doc = add_document(
        session, id="d0c0000000000001", text=RIVERTON, title="Fighting near Calder",
        published=dt.date(2031, 5, 14), body_start=RIVERTON.index("Militia"),
        url="https://example.org/calder", source="Example Wire", warnings="dateline guessed",
    )
    militia = add_actor(session, slug="militia", name="The Militia")
    army = add_actor(session, slug="government-forces", name="Government forces", kind="state")
    front = add_actor(session, slug="northern-front", name="Northern Front")
    add_event(session, doc, number=1, day=dt.date(2030, 1, 1), last=dt.date(2030, 12, 31), precision="year",
              title="Militia formed", actors=[militia], quotes=["The militia was formed in 2030"],
              type="Strategic developments", phrase="in 2030")
    add_event(session, doc, number=2, day=dt.date(2031, 4, 1), last=dt.date(2031, 4, 30), precision="month",
              title="Northern Front announces ceasefire", actors=[front], modality="claim",
              claimant="Northern Front", quotes=["In April the Northern Front announced a ceasefire"],
              type="Strategic developments", phrase="In April", method="relative")
    add_event(session, doc, number=3, day=dt.date(2031, 5, 5), last=dt.date(2031, 5, 11), precision="week",
              title="Fighting around Ashford bridge", actors=[army, militia],
              quotes=["after a week of fighting\naround the crossing"], phrase="a week")
    add_event(session, doc, number=4, day=dt.date(2031, 5, 12), title="Government troops retake Ashford bridge",
              actors=[army], quotes=["Government troops retook the Ashford bridge on 12 May"], phrase="on 12 May")
    add_event(session, doc, number=5, day=dt.date(2031, 5, 12), title="Militia shells Calder port",
              actors=[militia], quotes=["Militia fighters shelled the river port of Calder on Monday"],
              type="Explosions/Remote violence", phrase="on Monday", method="weekday")
    add_event(session, doc, number=6, day=dt.date(2031, 5, 13), title="Officials report shelling",
              quotes=["the river port of Calder on Monday, local officials said"],
              type="Explosions/Remote violence", method="dateline")


def seed_hostile(session: Session) -> None:
    """A document whose text and title try to inject markup."""
    doc = add_document(session, id="d0c0000000000002", text=HOSTILE, title="<i>Hostile</i> & co",
                       published=None, url="javascript:alert(1)")
    add_event(session, doc, number=100, day=dt.date(2031, 6, 1), title="<script>alert(2)</script>",
              quotes=["<script>alert(1)</script>"], type="Riots")


def seed_many(session: Session, count: int) -> None:
    """``count`` events, a few per day, for paging."""
    doc = add_document(session, id="d0c0000000000003", text="Nothing but a filler text.", title="Filler",
                       published=dt.date(2032, 1, 1))
    for n in range(count):
        add_event(session, doc, number=1000 + n, day=dt.date(2031, 7, 1) + dt.timedelta(days=n // 3),
                  title=f"Filler event {n}")


def seed_sides(session: Session) -> None:
    """Two sides, places, aliases, a synthetic event and an ACLED one (no document)."""
    doc = add_document(session, id="d0c0000000000004", text=SIDES, title="Border report",
                       published=dt.date(2033, 3, 10))
    north = add_actor(session, slug="north-army", name="North Army", kind="state", affiliation="North",
                      aliases=["the northern army", "NA"])
    rebels = add_actor(session, slug="hill-rebels", name="Hill Rebels", affiliation="South")
    add_event(session, doc, number=200, day=dt.date(2033, 3, 1), title="North Army crosses the border",
              actors=[north], quotes=["The North Army crossed the border at Tarn"], places=["Tarn"])
    add_event(session, doc, number=201, day=dt.date(2033, 3, 2), title="Hill Rebels ambush a convoy near Tarn",
              actors=[rebels], quotes=["Hill Rebels ambushed a convoy"], places=["Tarn"])
    add_event(session, doc, number=202, day=dt.date(2033, 3, 3), title="Shelling of Vell",
              actors=[north, rebels], quotes=["Both sides shelled Vell"], places=["Vell"], type="Explosions/Remote violence")
    add_event(session, doc, number=203, day=dt.date(2033, 3, 4), title="Made-up demonstration event",
              quotes=["Both sides shelled Vell"], origin="synthetic", type="Protests")
    acled = models.Event(
        seq=models.sequence_key(dt.date(2033, 3, 5), event_id(204)), id=event_id(204), document_id=None,
        origin="acled", external_id="ACL204", date="2033-03-05", first_day=dt.date(2033, 3, 5),
        last_day=dt.date(2033, 3, 5), precision="day", title="Clashes near Vell", type="Battles",
        date_method="acled", sources="Local monitor\nRegional paper", search_text="Clashes near Vell", fatalities=3,
    )
    acled.actor_links.append(models.EventActor(actor_id=north.id, position=0))
    session.add(acled)


SIDES = """The North Army crossed the border at Tarn on 1 March.

Hill Rebels ambushed a convoy the next day. Both sides shelled Vell."""
