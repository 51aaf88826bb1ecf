"""Split document text into paragraphs of plain-text segments with excerpt marks.

Nothing here produces markup: a segment is ``(text, event_ids)`` and the
template escapes the text and decides how to mark it. Overlapping excerpts
simply cut the text into more segments, so the markup can never interleave.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


@dataclass(frozen=True)
class Mark:
    """One excerpt of one event: ``text[start:end]``."""

    start: int
    end: int
    event_id: str


@dataclass(frozen=True)
class Segment:
    text: str
    event_ids: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    """Events whose first mark in the text begins here (they get the ``id``)."""


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    segments: tuple[Segment, ...]


def paragraph_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph of ``text[start:]``: blank lines separate them."""
    spans: list[tuple[int, int]] = []
    position = start
    for gap in _BLANK_LINE.finditer(text, start):
        spans.append((position, gap.start()))
        position = gap.end()
    spans.append((position, len(text)))
    return [_strip(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


def locate(text: str, start: int, end: int, quoted: str) -> tuple[int, int] | None:
    """Where an excerpt really is: its offsets if they hold, else its first occurrence."""
    if 0 <= start < end <= len(text) and text[start:end] == quoted:
        return start, end
    found = text.find(quoted) if quoted else -1
    return (found, found + len(quoted)) if found >= 0 else None


def segments(text: str, start: int, end: int, marks: Iterable[Mark], anchored: set[str]) -> tuple[Segment, ...]:
    """Cut ``text[start:end]`` at every mark boundary; each piece lists the events covering it.

    ``anchored`` holds events already given an anchor; it is updated in place so
    each event gets exactly one, at its first mark.
    """
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *(max(m.start, start) for m in inside), *(min(m.end, end) for m in inside)})
    pieces: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        covering = tuple(dict.fromkeys(m.event_id for m in inside if m.start <= a and m.end >= b))
        anchors = tuple(e for e in covering if e not in anchored)
        anchored.update(anchors)
        pieces.append(Segment(text[a:b], covering, anchors))
    return tuple(pieces)


def _sorted(marks: Iterable[Mark]) -> list[Mark]:
    return sorted(marks, key=lambda m: (m.start, -m.end, m.event_id))


def highlight(text: str, marks: Sequence[Mark], start: int = 0) -> tuple[Paragraph, ...]:
    """Every paragraph of ``text[start:]``, cut into segments by ``marks``."""
    ordered, anchored = _sorted(marks), set[str]()
    return tuple(
        Paragraph(a, b, segments(text, a, b, ordered, anchored)) for a, b in paragraph_spans(text, start)
    )


def context(text: str, marks: Sequence[Mark], start: int = 0) -> tuple[Paragraph, ...]:
    """Only the paragraphs of ``text[start:]`` that contain part of a mark, each with its marks shown."""
    if not marks:
        return ()
    start = min([start, *(m.start for m in marks)])
    touched = [
        (a, b) for a, b in paragraph_spans(text, start) if any(m.start < b and m.end > a for m in marks)
    ]
    ordered, anchored = _sorted(marks), set[str]()
    return tuple(Paragraph(a, b, segments(text, a, b, ordered, anchored)) for a, b in touched)
