"""Search hits in plain text, as segments the template escapes one by one.

``hits`` returns ``(text, matched)`` pairs cut from the raw text; ``marked``
escapes each run and wraps the matched ones in ``<mark class="hit">`` (the
one place that writes markup around document text, always after escaping). The words are the same tokens the search engine was given
(``search.tokens``), matched as whole words, ignoring case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from app import search


@dataclass(frozen=True)
class Hit:
    text: str
    matched: bool


@lru_cache(maxsize=64)
def _pattern(q: str) -> re.Pattern[str] | None:
    words = sorted({w.casefold() for w in search.tokens(q)}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def hits(text: str, q: str | None) -> tuple[Hit, ...]:
    """``text`` cut into runs that do and do not match a word of ``q``."""
    pattern = _pattern(q) if q else None
    if pattern is None:
        return (Hit(text, False),)
    parts: list[Hit] = []
    position = 0
    for found in pattern.finditer(text):
        if found.start() > position:
            parts.append(Hit(text[position : found.start()], False))
        parts.append(Hit(found.group(), True))
        position = found.end()
    if position < len(text):
        parts.append(Hit(text[position:], False))
    return tuple(parts)


def marked(text: str, q: str | None) -> Markup:
    """``text`` escaped, with the words of ``q`` marked (a Jinja filter: ``title|marked(q)``)."""
    pattern = _pattern(q) if q else None
    if pattern is None:
        return escape(text)
    runs = []
    position = 0
    for found in pattern.finditer(text):
        runs.append(escape(text[position : found.start()]))
        runs.append(f'<mark class="hit">{escape(found.group())}</mark>')
        position = found.end()
    runs.append(escape(text[position:]))
    return Markup("".join(runs))
