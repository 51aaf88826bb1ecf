"""``extract(text)``: the stages composed, and nothing else."""

from __future__ import annotations

import functools
import hashlib

from app.extract.actors import find_actor_mentions, load_gazetteer
from app.extract.coreference import group_nouns, pronouns
from app.extract.document import read_document
from app.extract.events import build_events
from app.extract.sentences import split_sentences
from app.extract.types import Event, Extraction


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_id(fp: str, event: Event) -> str:
    first = event.excerpts[0]
    return excerpt_id(fp, first.start, first.end, event.date)


def excerpt_id(fp: str, start: int, end: int, date: str) -> str:
    """``event_id`` from its parts: the document, the first excerpt's span and the date."""
    return hashlib.sha256(f"{fp}:{start}:{end}:{date}".encode()).hexdigest()[:16]


def extract(text: str) -> Extraction:
    """Parse ``text`` and return its dated events, sorted by date then position."""
    document = read_document(text)
    sentences = split_sentences(document)
    gazetteer = load_gazetteer()
    mentions = pronouns(text, sentences, find_actor_mentions(text, gazetteer, document.body_start))
    mentions = group_nouns(text, sentences, mentions)
    fp = fingerprint(text)
    events = build_events(document, sentences, mentions, gazetteer.state_of, functools.partial(excerpt_id, fp))
    return Extraction(document=document, fingerprint=fp, events=tuple(sorted(events, key=lambda e: (e.first, e.excerpts[0].start))))
