"""Plain functions that build extraction results and databases for tests.

The texts here are written for these tests; none is taken from a real article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.bulk import BulkReport, import_acled

from app.db import transaction
from app.extract import types as x
from app.ingest import save_extraction

ALPHA = x.Actor("Alphaland", "state", None, ("Alphan",))
BETA = x.Actor("Betaland", "state", None)
GENERAL = x.Actor("Dana Okafor", "person", "Alphaland")


def make_event(
    text: str,
    sentence: str,
    day: dt.date,
    *,
    actors: tuple[x.Actor, ...] = (ALPHA,),
    precision: x.Precision = "day",
    last: dt.date | None = None,
) -> x.Event:
    start = text.index(sentence)
    excerpt = x.Excerpt(start, start + len(sentence), sentence)
    iso = {"day": day.isoformat(), "week": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}
    return x.Event(
        id=hashlib.sha256(f"{text}:{start}:{iso[precision]}".encode()).hexdigest()[:16],
        date=iso[precision],
        first=day,
        last=last or day,
        precision=precision,
        title=sentence.rstrip("."),
        type="Strategic developments",
        actors=actors,
        excerpts=(excerpt,),
        date_phrase=day.strftime("%d %B"),
        date_method="explicit",
    )


def make_extraction(text: str, events: list[x.Event], published: dt.date | None = None) -> x.Extraction:
    document = x.Document(text=text, body_start=0, published=published, title=text.split(".")[0])
    return x.Extraction(document, hashlib.sha256(text.encode()).hexdigest(), tuple(events))


def store(factory: sessionmaker[Session], path: str, extraction: x.Extraction) -> None:
    with transaction(factory) as session:
        save_extraction(session, path, extraction)


def daily_events(factory: sessionmaker[Session], count: int, *, start: dt.date = dt.date(2021, 1, 1)) -> None:
    """Store ``count`` single-event documents, one per day from ``start``."""
    for i in range(count):
        day = start + dt.timedelta(days=i)
        sentence = f"Alphan troops took hill {i} on {day:%d %B %Y}."
        store(factory, f"doc{i}.txt", make_extraction(sentence, [make_event(sentence, sentence, day)]))


ACLED_DATA = Path(__file__).parent / "data" / "acled"


def engine_of(factory: sessionmaker[Session]) -> Engine:
    engine: Engine = factory.kw["bind"]
    return engine


def import_sample(factory: sessionmaker[Session], name: str) -> BulkReport:
    """Import one of the invented ACLED files in tests/data/acled."""
    return import_acled(engine_of(factory), ACLED_DATA / name)
