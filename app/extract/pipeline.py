"""``extract(text)``: the stages composed, and nothing else."""

from __future__ import annotations

import dataclasses
import hashlib

from app.extract.actors import find_actor_mentions, load_gazetteer
from app.extract.coreference import pronouns
from app.extract.document import read_document
from app.extract.events import build_events
from app.extract.sentences import split_sentences
from app.extract.types import Event, Extraction


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_id(fp: str, event: Event) -> str:
    first = event.excerpts[0]
    return hashlib.sha256(f"{fp}:{first.start}:{first.end}:{event.date}".encode()).hexdigest()[:16]


def extract(text: str) -> Extraction:
    """Parse ``text`` and return its dated events, sorted by date then position."""
    document = read_document(text)
    sentences = split_sentences(document)
    gazetteer = load_gazetteer()
    mentions = pronouns(text, sentences, find_actor_mentions(text, gazetteer, document.body_start))
    fp = fingerprint(text)
    events = sorted(build_events(document, sentences, mentions, gazetteer.state_of), key=lambda e: (e.first, e.excerpts[0].start))
    with_ids = tuple(dataclasses.replace(e, id=event_id(fp, e)) for e in events)
    return Extraction(document=document, fingerprint=fp, events=with_ids)
