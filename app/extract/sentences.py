"""Split a document's paragraphs into sentences with character offsets."""

from __future__ import annotations

import re
import string

from app.extract.types import Document, Sentence

# Tokens that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col capt sgt maj cpl pte adm cmdr brig rep sen gov pres
    st jr sr mt ft no nos co corp inc ltd bros dept gov't est approx vs fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    u.s u.k u.n e.u a.m p.m i.e e.g""".split()
)

# End punctuation, optional closing quotes/brackets, whitespace, then a likely sentence start.
# ("[.!?][.!?]*", not "[.!?]+": a pattern that opens with a character class lets the regex
# engine skip ahead to the next such character instead of trying every position.)
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_TOKEN_CHARS = string.ascii_letters + "."


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` belongs to an abbreviation or an initial: the letters
    and full stops before it (within 12 characters), from the first letter, are one."""
    before = text[max(0, dot - 12) : dot]
    token = before[len(before.rstrip(_TOKEN_CHARS)) :].lstrip(".")
    if not token:
        return False
    if len(token) == 1 and token.isupper():
        return True  # an initial: "J. Smith"
    return token.lower() in ABBREVIATIONS


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in ``text[start:end]``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        spans.append((pos, match.end()))
        pos = match.end()
    spans.append((pos, end))
    return [span for s, e in spans if (span := _strip(text, s, e))]


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` without surrounding whitespace, or None if nothing else is left."""
    chunk = text[start:end]
    body = chunk.lstrip()
    if not body:
        return None
    start += len(chunk) - len(body)
    return start, start + len(body.rstrip())


def split_sentences(document: Document) -> tuple[Sentence, ...]:
    """All sentences of the document body, numbered in reading order."""
    out: list[Sentence] = []
    for number, para in enumerate(document.paragraphs):
        for s, e in sentence_spans(document.text, para.start, para.end):
            out.append(Sentence(s, e, document.text[s:e], number, len(out)))
    return tuple(out)
