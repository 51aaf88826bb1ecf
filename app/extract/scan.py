"""Searching a regex only around the places its matches must contain.

Some scans look for a pattern every match of which contains a known word (an
organisation's head noun, a parenthesised acronym, "junta") and none of the
characters of ``BREAKS``. Rather than run the regex over the whole text, find
the words by a quick scan and search only from just after the last break before
each. No match spans a break, so a search started there finds exactly the
matches that a search over the whole text would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

BREAKS = ".,;()"


def matches_around(pattern: re.Pattern[str], text: str, keys: Iterable[int], start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text[start:end]`` (as ``finditer`` finds them) that contain
    one of ``keys`` (ascending offsets), each once. No match of ``pattern`` may hold a character
    of ``BREAKS``."""
    resume = start
    for key in keys:
        if key < resume:
            continue
        safe = max(text.rfind(ch, resume, key) for ch in BREAKS) + 1
        for m in pattern.finditer(text, max(resume, safe), end):
            if m.start() > key:
                break
            resume = m.end()
            if resume > key:
                yield m
                break


def occurrences(text: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Start offsets of ``word`` in ``text[start:end]``, overlapping ones included."""
    end = len(text) if end is None else end
    out: list[int] = []
    at = text.find(word, start, end)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1, end)
    return out
