"""``/events.ics``: one all-day VEVENT per event, its permalink as URL (RFC 5545)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import icalendar

from app.exports.base import Links, excerpt_text, source_names
from app.exports.stream import ExportEvent

MEDIA_TYPE = "text/calendar; charset=utf-8"
HEADER = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dateline//Timeline export//EN\r\nCALSCALE:GREGORIAN\r\n"
FOOTER = "END:VCALENDAR\r\n"


def vevent(event: ExportEvent, links: Links) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", f"{event.id}@dateline")
    item.add("dtstamp", event.updated_at.replace(tzinfo=dt.timezone.utc))
    item.add("dtstart", event.first_day)
    item.add("dtend", event.last_day + dt.timedelta(days=1))  # exclusive end of an all-day event
    item.add("summary", event.title)
    sources = source_names(event)
    lines = [excerpt_text(event), f"Sources: {'; '.join(sources)}" if sources else "", links.permalink(event.id)]
    item.add("description", "\n\n".join(line for line in lines if line))
    item.add("url", links.permalink(event.id))
    item.add("categories", [event.type])
    if event.location or event.places:
        item.add("location", event.location or event.places[0])
    if event.latitude is not None and event.longitude is not None:
        item.add("geo", (event.latitude, event.longitude))
    return item


def write(events: Iterable[ExportEvent], links: Links) -> Iterator[str]:
    yield HEADER
    for event in events:
        yield vevent(event, links).to_ical().decode("utf-8")
    yield FOOTER
