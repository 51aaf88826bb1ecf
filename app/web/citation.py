"""How to cite an event: a plain-text reference and a BibTeX entry."""

from __future__ import annotations

import datetime as dt
import re

from app.views import EventView
from app.web import formatting

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&#_$^~])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _source(event: EventView) -> str:
    if event.document is None:
        via = "; ".join(event.sources)
        return f"ACLED{f' (sources: {via})' if via else ''}"
    doc = event.document
    published = f", {formatting.long_date(doc.published)}" if doc.published else ", undated"
    return f"“{doc.title}”{published}"


def _excerpt(event: EventView) -> str:
    return " … ".join(" ".join(e.text.split()) for e in event.excerpts)


def plain_text(event: EventView, permalink: str, accessed: dt.date) -> str:
    """A reference a reader can paste into notes or a report."""
    lines = [
        f"{event.title}. {formatting.event_date(event)}. Dateline event {event.id}.",
        f"Source: {_source(event)}.",
    ]
    if event.excerpts:
        lines.append(f"Excerpt: “{_excerpt(event)}”")
    lines.append(f"{permalink} (accessed {formatting.long_date(accessed)}).")
    return "\n".join(lines)


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), " ".join(text.split()))


def bibtex(event: EventView, permalink: str, accessed: dt.date) -> str:
    fields = {
        "title": event.title,
        "date": event.date,
        "howpublished": "Dateline",
        "url": permalink,
        "urldate": accessed.isoformat(),
        "note": f"Event {event.id}. Source: {_source(event)}."
        + (f" Excerpt: “{_excerpt(event)}”" if event.excerpts else ""),
    }
    body = ",\n".join(
        f"  {key} = {{{value if key in ('url', 'urldate', 'date') else _bibtex_escape(value)}}}"
        for key, value in fields.items()
    )
    return f"@misc{{dateline-{event.id},\n{body}\n}}"
