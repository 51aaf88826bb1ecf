"""``/events.timeline.json``: the TimelineJS 3 data format (``{"events": [...]}``).

TimelineJS renders ``text.text`` as HTML, so the excerpt is escaped first.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator

from app.exports.base import Links
from app.exports.stream import ExportEvent

MEDIA_TYPE = "application/json"


def slide(event: ExportEvent, links: Links) -> dict[str, object]:
    day = event.first_day
    start: dict[str, int] = {"year": day.year}
    if event.precision in ("day", "week", "month"):
        start["month"] = day.month
    if event.precision in ("day", "week"):
        start["day"] = day.day
    quotes = "".join(f"<blockquote>{html.escape(x.text)}</blockquote>" for x in event.excerpts)
    link = f'<p><a href="{html.escape(links.permalink(event.id))}">Source and context</a></p>'
    return {
        "start_date": start,
        "text": {"headline": html.escape(event.title), "text": quotes + link},
        "group": event.type,
        "unique_id": event.id,
    }


def write(events: Iterable[ExportEvent], links: Links) -> Iterator[str]:
    yield '{"events": ['
    separator = "\n"
    for event in events:
        yield separator + json.dumps(slide(event, links), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
