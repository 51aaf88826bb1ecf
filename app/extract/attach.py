"""Which sentences belong to one event: restatements merge, elaborations attach.

An undated sentence attaches to an event only when it elaborates it: it
follows one of the event's sentences directly in the same paragraph (or opens
the second paragraph after a lead event), it is narrative (past tense or
present perfect, not a present-tense state), and it shares an actor with the
event or opens with a back-reference ("He", "They", "The attack") or refers to
an occurrence already told ("died in the blast"). Sharing
only a state counts for the lead's second paragraph alone: in an article
about one country nearly every sentence names it. A quotation attaches only
when its speaker is one of the event's actors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from app.extract import classify as cl
from app.extract.context import Context, SentInfo
from app.extract.types import DateMethod, Precision, Sentence

BACK_REFERENCE = re.compile(r"[\"“]?(?:He|She|It|They|This|These|Those|His|Her|Its|Their|The\s+(?![A-Z])[a-z-]+)\b")

# A definite reference to an occurrence already told ("also died in the attack").
DEFINITE_EVENT = re.compile(
    r"\b(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:attack|blast|bombing|explosion|strike|raid|ambush|clash|clashes"
    r"|fighting|shelling|incident|assault)\b"
)


@dataclass
class Draft:
    """An event being assembled (mutable while sentences are merged into it)."""

    sentence: Sentence
    clause: tuple[int, int]
    first: dt.date
    last: dt.date
    precision: Precision
    method: DateMethod
    phrase: str
    phrase_span: tuple[int, int] | None
    possessive: bool = False
    excerpts: list[Sentence] = field(default_factory=list)


def names(ctx: Context, sents: list[Sentence]) -> set[str]:
    return {n for s in sents for n in ctx.infos[s.index].names}


def _same_event(ctx: Context, a: Draft, b: Draft) -> bool:
    """Whether ``b`` restates ``a``: same period, and adjacent, close with a shared actor and
    the same kind of event, or a possessive back-reference ("Friday's strike")."""
    if (a.first, a.last, a.precision) != (b.first, b.last, b.precision) or a.sentence == b.sentence:
        return False
    if a.possessive or b.possessive:
        return True
    gap = b.sentence.paragraph - a.excerpts[-1].paragraph
    if gap == 0 and b.sentence.index - a.excerpts[-1].index == 1:
        return True
    theirs = ctx.infos[b.sentence.index].names
    if gap > 2 or not (bool(names(ctx, a.excerpts) & theirs) or not theirs):
        return False
    # a restatement tells the same kind of event; present perfects dated by publication
    # ("has invaded", "have been arrested") elaborate the lead they follow whatever their kind
    return "dateline" in (a.method, b.method) or _kind(ctx, a) == _kind(ctx, b)


def _kind(ctx: Context, draft: Draft) -> str:
    info = ctx.infos[draft.sentence.index]
    return cl.event_type(info.plain, info.lower)


def merge(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    kept: list[Draft] = []
    for draft in drafts:
        home = next((k for k in kept if _same_event(ctx, k, draft)), None)
        if home is None:
            kept.append(draft)
        elif draft.sentence not in home.excerpts:
            home.excerpts.append(draft.sentence)
            if home.possessive and not draft.possessive:
                home.sentence, home.clause, home.phrase = draft.sentence, draft.clause, draft.phrase
                home.phrase_span, home.possessive = draft.phrase_span, False
    return kept


def _shared(ctx: Context, info: SentInfo, draft: Draft, *, states: bool) -> bool:
    """Whether the sentence names an actor of the event; a state counts only with ``states``
    (in an article about one country nearly every sentence names it)."""
    mine = {a.name for a in info.actors if states or a.kind != "state"}
    return bool(mine & names(ctx, draft.excerpts))


def elaborates(ctx: Context, info: SentInfo, draft: Draft, *, lead: bool = False) -> bool:
    """Whether an undated sentence says more about ``draft`` (see the module docstring)."""
    if not info.narrative or info.reaction:
        return False
    shared = _shared(ctx, info, draft, states=lead)
    if info.quote:
        return shared
    return shared or bool(BACK_REFERENCE.match(info.sentence.text) or DEFINITE_EVENT.search(info.lower))


def _neighbour(ctx: Context, owner: dict[int, Draft], sent: Sentence) -> tuple[Draft | None, bool]:
    """The event of the sentence just before, or of the lead when ``sent`` opens paragraph 1
    (then True: the second paragraph of a news report elaborates its lead)."""
    prev = ctx.infos[sent.index - 1].sentence if sent.index > 0 else None
    if prev is not None and prev.paragraph == sent.paragraph:
        return owner.get(prev.index), False
    if sent.paragraph == 1 and prev is not None:
        lead = [d for d in owner.values() if d.sentence.paragraph == 0]
        return (max(lead, key=lambda d: d.sentence.index) if lead else None), True
    return None, False


def attach(ctx: Context, drafts: list[Draft]) -> None:
    """Add each undated sentence to the event it elaborates, if any (in place)."""
    owner = {s.index: d for d in drafts for s in d.excerpts}
    for info in ctx.infos:
        sent = info.sentence
        if sent.index in owner:
            continue
        home, lead = _neighbour(ctx, owner, sent)
        if home is not None and elaborates(ctx, info, home, lead=lead):
            home.excerpts.append(sent)
            home.excerpts.sort(key=lambda s: s.index)
            owner[sent.index] = home
