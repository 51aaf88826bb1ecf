"""What the event stage needs to know about each sentence, computed once per document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from app.extract import classify as cl
from app.extract import lexicon as lx
from app.extract.dates import find_time_mentions
from app.extract.types import Actor, ActorMention, Document, Sentence, TimeMention

_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<src>[^,.;:]+)", re.IGNORECASE)
_NAME_DATE = re.compile(r"(?i:the)\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


class SentInfo(NamedTuple):
    """One sentence with its quotation-free text (also lower-cased and as words), usable dates
    and actors. (A named tuple, not a frozen dataclass: one is built per sentence, and a frozen
    dataclass sets each of its ten fields through a call.)"""

    sentence: Sentence
    plain: str
    times: tuple[TimeMention, ...]
    mentions: tuple[ActorMention, ...]
    quote: bool
    reaction: bool
    narrative: bool
    all_mentions: tuple[ActorMention, ...]
    words: tuple[str, ...]
    lower: str

    @property
    def actors(self) -> list[Actor]:
        return [m.actor for m in self.mentions]

    @property
    def names(self) -> set[str]:
        return {m.actor.name for m in self.mentions}


@dataclass(frozen=True)
class Context:
    document: Document
    quotes: tuple[tuple[int, int], ...]
    plain: str
    infos: tuple[SentInfo, ...]
    state_of: Callable[[Actor], Actor | None]


def blank_quotes(document: Document) -> tuple[tuple[tuple[int, int], ...], str]:
    """The double-quoted ranges of each paragraph and the text with them blanked (same length).

    An unclosed quotation ends with its paragraph."""
    text = document.text
    quoted = [p for p in document.paragraphs if text.find('"', p.start, p.end) >= 0 or text.find("“", p.start, p.end) >= 0]
    ranges = tuple(r for p in quoted for r in cl.quoted_ranges(text, p.start, p.end))
    pieces: list[str] = []
    done = 0
    for s, e in ranges:
        pieces += (text[done:s], " " * (e - s))
        done = e
    pieces.append(text[done:])
    return ranges, "".join(pieces)


def _usable(document: Document, plain: str, m: TimeMention) -> bool:
    """A resolved date outside quotations, not after publication, not part of a name ("the 9 May Square")."""
    ref, text = document.published, document.text
    if m.first is None or plain[m.start : m.end] != text[m.start : m.end]:
        return False
    if ref is not None and m.first > ref:
        return False
    named = m.method == "explicit" and _NAME_DATE.search(text, max(0, m.start - 4), m.start)
    return not (named and _NAME_AFTER.match(text, m.end))


def _sources(ptext: str, offset: int) -> list[tuple[int, int]]:
    """Spans of attribution sources ("according to AP"): claimants, not actors."""
    if "ccording" not in ptext:
        return []
    return [(offset + m.start("src"), offset + m.end("src")) for m in _ACCORDING.finditer(ptext)]


_PERFECT_AUX = frozenset({"has", "have", "i've", "we've", "they've", "you've", "i’ve", "we’ve", "they’ve", "you’ve"})


def has_perfect_aux(ws: list[str] | tuple[str, ...]) -> bool:
    """Whether the words hold a perfect auxiliary, before trying the present-perfect regex."""
    return not _PERFECT_AUX.isdisjoint(ws)


def _outside(ranges: list[tuple[int, int]], m: ActorMention) -> bool:
    return not any(s <= m.start and m.end <= e for s, e in ranges)


def _own(plain: str, sent: Sentence, quoted: bool, mentions: tuple[ActorMention, ...], sources: list[tuple[int, int]]) -> tuple[ActorMention, ...]:
    """The mentions outside quotations and attribution sources (``quoted``: the sentence has a quotation)."""
    return tuple(
        m
        for m in mentions
        if (not (quoted or m.end > sent.end) or plain[m.start : m.end] == m.text) and (not sources or _outside(sources, m))
    )


def sentence_infos(
    document: Document, sentences: tuple[Sentence, ...], mentions: tuple[ActorMention, ...], plain: str
) -> tuple[SentInfo, ...]:
    """Per-sentence facts, from one pass of the date finder over the whole body, one
    lower-casing of the whole text and one classification of its distinct words."""
    times = find_time_mentions(document.text[document.body_start :], document.published, offset=document.body_start)
    t_starts = [t.start for t in times]
    m_starts = [m.start for m in mentions]
    lower = plain.lower()
    aligned = len(lower) == len(plain)  # no character lower-cased into several: offsets agree
    lows = [lower[s.start : s.end] if aligned else plain[s.start : s.end].lower() for s in sentences]
    if aligned:
        words = [tuple(ws) for ws in lx.lower_words_of_spans(lower, [(s.start, s.end) for s in sentences])]
    else:
        words = [tuple(lx.lower_words(low)) for low in lows]
    past, reactions = lx.past_and_reaction_words(set().union(*words))
    out: list[SentInfo] = []
    for sent, low, ws in zip(sentences, lows, words):
        ptext = plain[sent.start : sent.end]
        lo, hi = bisect.bisect_left(t_starts, sent.start), bisect.bisect_left(t_starts, sent.end)
        usable = tuple(t for t in times[lo:hi] if t.end <= sent.end and _usable(document, plain, t)) if lo < hi else ()
        lo, hi = bisect.bisect_left(m_starts, sent.start), bisect.bisect_left(m_starts, sent.end)
        own = _own(plain, sent, ptext != sent.text, mentions[lo:hi], _sources(ptext, sent.start)) if lo < hi else ()
        narrative = not past.isdisjoint(ws) or (has_perfect_aux(ws) and bool(cl.PRESENT_PERFECT.search(ptext, low)))
        quote = cl.has_quotation_mark(sent.text) and cl.is_mostly_quote(sent.text)
        reaction = not reactions.isdisjoint(ws) and lx.reaction_first(ws, reactions)
        out.append(SentInfo(sent, ptext, usable, own, quote, reaction, narrative, mentions[lo:hi], ws, low))
    return tuple(out)


def build_context(
    document: Document,
    sentences: tuple[Sentence, ...],
    mentions: tuple[ActorMention, ...],
    state_of: Callable[[Actor], Actor | None],
) -> Context:
    quotes, plain = blank_quotes(document)
    return Context(document, quotes, plain, sentence_infos(document, sentences, mentions, plain), state_of)

