"""The stable JSON shape of an event, shared by ``dateline extract --json`` and the API."""

from __future__ import annotations

from app.extract import types as x


def event_json(event: x.Event, *, document: str) -> dict[str, object]:
    return {
        "id": event.id,
        "document": document,
        "date": event.date,
        "precision": event.precision,
        "title": event.title,
        "type": event.type,
        "actors": [{"name": a.name, "kind": a.kind, "affiliation": a.affiliation} for a in event.actors],
        "excerpts": [{"start": e.start, "end": e.end, "text": e.text} for e in event.excerpts],
        "date_phrase": event.date_phrase,
        "date_method": event.date_method,
        "modality": event.modality,
        "claimant": event.claimant,
    }
