"""What every export format shares: its writer signature and the URLs it links to."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from app.exports.stream import ExportEvent
from app.query import TimelineQuery


@dataclass(frozen=True)
class Links:
    """Absolute URLs for an export: ``base`` is the site root without a trailing slash."""

    base: str
    query: TimelineQuery = TimelineQuery()
    self_href: str = ""

    def permalink(self, event_id: str) -> str:
        return f"{self.base}/events/{event_id}"

    def document(self, document_id: str) -> str:
        return f"{self.base}/documents/{document_id}"


Writer = Callable[[Iterable[ExportEvent], Links], Iterator[str]]


def excerpt_text(event: ExportEvent, separator: str = "\n\n") -> str:
    """The event's excerpts, in order, as one text."""
    return separator.join(x.text for x in event.excerpts)


def source_names(event: ExportEvent) -> list[str]:
    """Where the event was reported: the stored sources, else its documents' names."""
    if event.sources:
        return list(event.sources)
    ids = dict.fromkeys([event.document_id, *(x.document_id for x in event.excerpts)])
    docs = [event.documents[i] for i in ids if i and i in event.documents]
    return [d.source or d.title for d in docs]
