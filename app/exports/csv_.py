"""``/events.csv``: one row per event, spreadsheet-friendly (UTF-8 with a header row)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from app.exports.base import Links, excerpt_text, source_names
from app.exports.stream import ExportEvent

MEDIA_TYPE = "text/csv; charset=utf-8"
COLUMNS = (
    "id", "date", "precision", "first_day", "last_day", "title", "type", "sub_event_type", "actors",
    "actor_ids", "places", "location", "latitude", "longitude", "fatalities", "modality", "claimant",
    "date_phrase", "excerpt", "document", "document_title", "document_url", "sources", "source_count",
    "origin", "external_id", "updated_at", "permalink",
)  # fmt: skip
FLUSH_EVERY = 500


def row(event: ExportEvent, links: Links) -> list[object]:
    doc = event.document
    sources = source_names(event)
    return [
        event.id, event.date, event.precision, event.first_day.isoformat(), event.last_day.isoformat(),
        event.title, event.type, event.sub_event_type or "", ";".join(a.name for a in event.actors),
        ";".join(a.slug for a in event.actors), ";".join(event.places), event.location or "",
        "" if event.latitude is None else event.latitude, "" if event.longitude is None else event.longitude,
        "" if event.fatalities is None else event.fatalities, event.modality, event.claimant or "",
        event.date_phrase, excerpt_text(event), doc.id if doc else "", doc.title if doc else "",
        (doc.url or "") if doc else "", ";".join(sources), len(sources), event.origin, event.external_id or "",
        event.updated_at.isoformat(timespec="seconds"), links.permalink(event.id),
    ]  # fmt: skip


def write(events: Iterable[ExportEvent], links: Links) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for n, event in enumerate(events, 1):
        writer.writerow(row(event, links))
        if n % FLUSH_EVERY == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
