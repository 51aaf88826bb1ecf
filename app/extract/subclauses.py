"""Parts of a clause that carry a date of their own.

A date inside such a part dates what that part tells, not the clause around it,
when the clause keeps a date of its own (``events``):

* an aside about the subject set off by commas ("The truce, agreed on 2 March,
  collapsed on Monday");
* a past relative clause ("a raid that killed two guards last week");
* a since-clause with a verb ("the heaviest since rebels seized the airport on 2 March");
* an after/following/before phrase that tells an event ("following a failed coup
  on Friday night");
* a when-clause after a date ("since May 2019, when a bomb killed six").

Spans are document offsets.
"""

from __future__ import annotations

import re

from app.extract import lexicon as lx
from app.extract.types import Sentence, TimeMention

# A clause set off by commas inside another, about its subject: a relative clause or a
# participle phrase ("The truce, agreed on 2 March, collapsed on Monday").
_ASIDE = re.compile(r",\s+(?P<lead>[a-z]+)\b[^,;()]{0,80}?(?=,)")


def asides(sent: Sentence, a: int, b: int) -> list[tuple[int, int]]:
    """Document spans of the asides in the clause ``a``..``b`` (which must go on after them)."""
    base = sent.start
    return [
        (base + m.start() + 1, base + m.end())
        for m in _ASIDE.finditer(sent.text, a - base, b - base)
        if base + m.end() + 1 < b and (m["lead"] in ("who", "which") or lx.is_past(m["lead"]))
    ]


# A restrictive relative clause in the past ("a blast that wounded 13 people last week"),
# up to the next comma: a date inside it dates what it tells, not the clause around it.
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?P<verb>[a-z]+)\b[^,;]*")


_SINCE = re.compile(r"\bsince\s+[^,;]+")


# Words opening a phrase that tells what came before or beside the clause's event; the
# first letter may be capitalised at the start of a sentence.
_BEFORE_WORDS = ("after", "following", "before", "amid", "despite")
_BEFORE_ALTERNATIVES = "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in _BEFORE_WORDS)
_TELLS_ITSELF = re.compile(rf"(?:since|{_BEFORE_ALTERNATIVES})\s+")


def told_from(text: str, start: int) -> int | None:
    """Where a since/after/following span starting at ``start`` tells its own event (after its
    preposition); None for a relative clause, which needs what it is about."""
    opening = _TELLS_ITSELF.match(text, start)
    return opening.end() if opening else None


def since_clause(text: str, spans: list[tuple[int, int]], times: list[TimeMention]) -> tuple[int, int] | None:
    """The since- or despite-clause holding all of ``times``, from where it tells its event
    ("the worst since the war began in July 2006" -> "the war began in July 2006", "despite
    being ousted in 2011" -> "being ousted in 2011"), if there is one: the clause around such a
    part is a comparison or a state, not the event. (The date of an after-span that holds all
    the clause's dates may date the clause too: "troops withdrew after rebels shelled the town
    on Monday".)"""
    for s, e in spans:
        opening = _DATES_ITSELF.match(text, s)
        if opening is not None and times and all(s <= m.start < e for m in times):
            return opening.end(), e
    return None


_DATES_ITSELF = re.compile(r"(?:since|[Dd]espite)\s+")


def relatives(sent: Sentence, a: int, b: int) -> list[tuple[int, int]]:
    """Document spans of the past relative clauses, of since-clauses with a past verb ("since
    the president took office on 20 January") and of after/following/before phrases that tell
    an event, in the clause ``a``..``b``."""
    base, text = sent.start, sent.text
    spans = [
        (base + m.start(), min(b, base + m.end()))
        for m in _RELATIVE.finditer(text, a - base, b - base)
        if lx.is_past(m["verb"])
    ] if ("that" in text or "which" in text or "who" in text) else []
    if "since" in text:
        spans += [
            (base + m.start(), min(b, base + m.end()))
            for m in _SINCE.finditer(text, a - base, b - base)
            if lx.has_past(lx.lower_words(m.group().lower())[1:])
        ]
    if not any(w[1:] in text for w in _BEFORE_WORDS):
        return spans
    for m in _AFTER.finditer(text, a - base, b - base):
        ws = lx.lower_words(m.group().lower())[1:]
        if lx.has_past(ws) or not lx.EVENT_NOUN_FORMS.isdisjoint(ws) or not lx.EVENT_VERB_FORMS.isdisjoint(ws):
            spans.append((base + m.start(), min(b, base + m.end())))
    return spans


# What came before the clause's event, as a clause or a noun phrase ("after the army shelled
# the town on Monday", "following a failed coup on Friday night"), up to the next comma.
_AFTER = re.compile(rf"\b(?:{_BEFORE_ALTERNATIVES})\s+[^,;]+")


_WHEN = re.compile(r",\s+when\s+[^,;]*")


def whens(text: str, times: list[TimeMention], end: int) -> dict[TimeMention, int]:
    """Dates followed by a when-clause ("in March 2014, when a blast killed three"), each with
    where its clause ends."""
    out = {}
    for m in times:
        when = _WHEN.match(text, m.end, end)
        if when is not None:
            out[m] = when.end()
    return out
