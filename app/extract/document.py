"""Read a raw document: header or front matter, publication date, paragraphs.

The original text is kept whole in ``Document.text`` so that every later
offset points back into exactly what the user supplied.
"""

from __future__ import annotations

import datetime as dt
import re

from app.extract.types import Document, Span

NO_DATE_WARNING = "no publication date: relative dates left unresolved"

_DATELINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*")
_FRONT_KEY = re.compile(r"(title|date|published|source|url)\s*:\s*(.*)", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A wire-service dateline opening the story: a place in capitals, optionally a region, a
# month and day, and the agency in parentheses, then a dash ("KYIV, Ukraine, March 3 (AP) -").
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*"
    rf"(?:\s*,?\s*{_MONTH_ABBR}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?)?"
    r"(?:\s*\([A-Z][\w .&'’/-]{0,40}\))?"
    r"\s*[-–—]{1,2}\s+"
)


def _parse_iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[dict[str, str], int] | None:
    """Leading ``key: value`` lines ended by a blank line, or None."""
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if not line:
            return (fields, end + 1) if fields else None
        match = _FRONT_KEY.fullmatch(line)
        if match is None:
            return None
        fields[match.group(1).lower()] = match.group(2).strip()
        pos = end + 1
    return (fields, len(text)) if fields else None


def split_paragraphs(text: str, start: int) -> tuple[Span, ...]:
    """Spans of the non-blank stretches of ``text[start:]`` split on blank lines."""
    spans: list[Span] = []
    pos = start
    for match in _BLANK_LINE.finditer(text, start):
        spans.append(Span(pos, match.start()))
        pos = match.end()
    spans.append(Span(pos, len(text)))
    return tuple(_trim(text, s) for s in spans if text[s.start : s.end].strip())


def _trim(text: str, span: Span) -> Span:
    chunk = text[span.start : span.end]
    lead = len(chunk) - len(chunk.lstrip())
    return Span(span.start + lead, span.start + len(chunk.rstrip()))


def skip_wire_dateline(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """The paragraphs with a wire dateline cut from the first one: it names where and when the
    story was filed, not what happened, so no event is dated or titled by it."""
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    match = _WIRE_DATELINE.match(text, first.start, first.end)
    if match is None or match.end() >= first.end:
        return paragraphs
    return (Span(match.end(), first.end), *paragraphs[1:])


HEADLINE_LENGTH = 100
_FIRST_SENTENCE = re.compile(r"(?s)(.+?[.!?])(?=\s+[\"“‘']?[A-Z0-9]|\s*$)")


def headline(document: Document) -> str | None:
    """A title for a document that has none: its lead sentence, cut at a word before
    ``HEADLINE_LENGTH`` characters ("…" marks the cut); None for an empty body."""
    if not document.paragraphs:
        return None
    first = document.paragraphs[0]
    lead = document.text[first.start : first.end]
    match = _FIRST_SENTENCE.match(lead)
    sentence = " ".join((match.group(1) if match else lead).split()).rstrip(".")
    if len(sentence) <= HEADLINE_LENGTH:
        return sentence
    return sentence[: HEADLINE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def read_document(text: str) -> Document:
    """Parse ``text`` (dateline or front-matter format, or plain) into a Document."""
    title = source = url = None
    published: dt.date | None = None
    body_start = 0
    dateline = _DATELINE.match(text)
    front = None if dateline else _front_matter(text)
    if dateline:
        published = _parse_iso(dateline.group(1))
        body_start = dateline.end()
    elif front:
        fields, body_start = front
        published = _parse_iso(fields.get("date") or fields.get("published") or "")
        title, source, url = fields.get("title"), fields.get("source"), fields.get("url")
    warnings = () if published else (NO_DATE_WARNING,)
    return Document(
        text=text,
        body_start=body_start,
        published=published,
        title=title,
        source=source,
        url=url,
        paragraphs=skip_wire_dateline(text, split_paragraphs(text, body_start)),
        warnings=warnings,
    )
