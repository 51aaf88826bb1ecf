"""Sentences -> dated events: date choice, clause splitting, merging, elaboration.

An event comes from a sentence that states a past action with a resolvable
date of its own (explicit, weekday or relative), or from an undated present
perfect of an action ("has invaded"), dated by the publication date
(guideline rule 6). Undated simple past is never dated by guesswork (rule 8):
such sentences can only join a dated event as extra excerpts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.extract import classify as cl
from app.extract.dates import find_time_mentions, iso_at_precision
from app.extract.types import Actor, ActorMention, DateMethod, Document, Event, Excerpt, Precision, Sentence, TimeMention

PROTESTERS = Actor("Protesters", "unknown")
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_CLAUSE_BREAK = re.compile(r",\s+(?=\w+ing\b)|;\s+")
_VAGUE = re.compile(r"\b(?:in\s+recent\s+(?:days|weeks|months|years)|for\s+(?:years|decades|months)|over\s+the\s+(?:past|last))\b", re.I)
_NAME_DATE = re.compile(r"(?i:the)\s+$")
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<src>[^,.;:]+)", re.IGNORECASE)
_WINDOW = 60
_CLAUSE_PUNCT = re.compile(r"[,;](?!\d)")


@dataclass
class _Draft:
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


@dataclass(frozen=True)
class _Context:
    document: Document
    quotes: tuple[tuple[int, int], ...]
    mentions: tuple[ActorMention, ...]
    state_of: Callable[[Actor], Actor | None]


def _quotes(document: Document) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for para in document.paragraphs:
        chunk = document.text[para.start : para.end]
        out += [(para.start + s, para.start + e) for s, e in cl.quoted_ranges(chunk)]
    return tuple(out)


def _plain(ctx: _Context, sent: Sentence) -> str:
    return cl.unquoted(sent.text, list(ctx.quotes), sent.start)


def _is_possessive(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s")


def _usable(ctx: _Context, m: TimeMention) -> bool:
    text, ref = ctx.document.text, ctx.document.published
    if m.first is None or cl.inside(list(ctx.quotes), m.start, m.end):
        return False
    if ref is not None and m.first > ref:
        return False  # a future date: planned, not happened
    named = m.method == "explicit" and _NAME_DATE.search(text, max(0, m.start - 4), m.start)
    return not (named and re.match(r"\s+[A-Z][a-z]", text[m.end : m.end + 3]))


def _choose(ms: list[TimeMention], text: str) -> tuple[TimeMention, bool] | None:
    """The mention that dates a clause: own dates before possessive back-references, finest first."""
    own = [m for m in ms if not _is_possessive(text, m.end)]
    pool = own or ms
    if not pool:
        return None
    best = min(pool, key=lambda m: (_RANK[m.precision], m.start))
    return best, not own


def _clause_around(plain: str, start: int, end: int) -> str:
    """The comma-bounded clause holding ``plain[start:end]``; for a fronted date
    ("In 2014, ...") the clause after it."""
    cuts = [m.start() for m in _CLAUSE_PUNCT.finditer(plain)]
    a = max([c + 1 for c in cuts if c < start], default=0)
    after = [c for c in cuts if c >= end]
    b = after[0] if after else len(plain)
    if len(plain[a:b].split()) - len(plain[start:end].split()) <= 1 and len(after) > 0:
        b = after[1] if len(after) > 1 else len(plain)
    return plain[max(a, start - _WINDOW) : min(b, end + _WINDOW)]


def _coarse_ok(plain: str, m: TimeMention, offset: int) -> bool:
    """Month/week/year dates count only next to conflict or decision vocabulary in their
    own clause, not negated, and not as the start of a running total ("have died since 2007")."""
    window = _clause_around(plain, m.start - offset, m.end - offset)
    if cl.CUMULATIVE.search(plain) or (m.text.lower().startswith("since") and cl.PRESENT_PERFECT.search(plain)):
        return False
    return bool(cl.EVENT_WORDS.search(window)) and not cl.NEGATION.search(window)


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    cuts = [sent.start] + [sent.start + m.start() for m in _CLAUSE_BREAK.finditer(sent.text)] + [sent.end]
    return list(zip(cuts, cuts[1:]))


def _dated_drafts(ctx: _Context, sent: Sentence) -> list[_Draft]:
    plain = _plain(ctx, sent)
    if cl.is_mostly_quote(sent.text) or cl.REACTION.search(plain):
        return []
    if not (cl.PAST.search(plain) or cl.PRESENT_PERFECT.search(plain)):
        return []
    if not (cl.EVENT_WORDS.search(plain) or cl.SAY.search(plain)):
        return []
    found = find_time_mentions(sent.text, ctx.document.published, offset=sent.start)
    mentions = [m for m in found if _usable(ctx, m)]
    drafts = []
    for a, b in _clauses(sent):
        chosen = _choose([m for m in mentions if a <= m.start < b], ctx.document.text)
        if chosen is None:
            continue
        m, possessive = chosen
        if m.precision != "day" and not _coarse_ok(plain, m, sent.start):
            continue
        if cl.FUTURE.search(plain[a - sent.start : m.end - sent.start]):
            continue
        drafts.append(_Draft(sent, (a, b), m.first, m.last, m.precision, m.method, m.text,  # type: ignore[arg-type]
                             (m.start, m.end), possessive, [sent]))
    return drafts


def _perfect_draft(ctx: _Context, sent: Sentence, lead: bool) -> _Draft | None:
    """An undated present perfect of an action: the publication date (rule 6)."""
    ref = ctx.document.published
    plain = _plain(ctx, sent)
    if ref is None or cl.is_mostly_quote(sent.text) or cl.REACTION.search(plain) or _VAGUE.search(plain):
        return None
    match = cl.present_perfect_action(plain)
    if match is None or cl.FUTURE.search(plain):
        return None
    if cl.SAY.fullmatch(match["verb"]) or not (lead or cl.EVENT_WORDS.search(match["verb"])):
        return None
    span = (sent.start, sent.end)
    return _Draft(sent, span, ref, ref, "day", "dateline", "publication date", None, False, [sent])


def _actors_in(ctx: _Context, sent: Sentence) -> list[Actor]:
    sources = [(sent.start + m.start("src"), sent.start + m.end("src")) for m in _ACCORDING.finditer(sent.text)]
    out = []
    for m in ctx.mentions:
        if sent.start <= m.start < sent.end and not cl.inside(list(ctx.quotes) + sources, m.start, m.end):
            out.append(m.actor)
    return out


def _actors(ctx: _Context, draft: _Draft) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for sent in draft.excerpts:
        for actor in _actors_in(ctx, sent):
            seen.setdefault(actor.name, actor)
            state = ctx.state_of(actor)
            if state is not None:
                seen.setdefault(state.name, state)
    if cl.event_type(_plain(ctx, draft.sentence)) in ("Protests", "Riots") and not any(
        a.name.startswith("Protesters") for a in seen.values()
    ):
        seen["Protesters"] = PROTESTERS
    return tuple(seen.values())


def _names(ctx: _Context, sents: list[Sentence]) -> set[str]:
    return {a.name for s in sents for a in _actors_in(ctx, s)}


def _same_event(ctx: _Context, a: _Draft, b: _Draft) -> bool:
    """Whether ``b`` restates or elaborates ``a``: same period, and close or a back-reference."""
    if (a.first, a.last, a.precision) != (b.first, b.last, b.precision) or a.sentence == b.sentence:
        return False
    if a.possessive or b.possessive:
        return True  # "Friday's launch" points back at the event dated Friday
    gap = b.sentence.paragraph - a.excerpts[-1].paragraph
    if gap == 0 and b.sentence.index - a.excerpts[-1].index == 1:
        return True
    shared = _names(ctx, a.excerpts) & _names(ctx, [b.sentence])
    return gap <= 2 and (bool(shared) or not _names(ctx, [b.sentence]))


def _merge(ctx: _Context, drafts: list[_Draft]) -> list[_Draft]:
    kept: list[_Draft] = []
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


def _attach(ctx: _Context, drafts: list[_Draft], sentences: tuple[Sentence, ...]) -> None:
    """Undated sentences join the event they elaborate: the last one before them in their
    paragraph, else the first after it that shares an actor; the lead's event also takes
    the second paragraph when that paragraph has no event of its own."""
    used = {s.index for d in drafts for s in d.excerpts}
    for sent in sentences:
        if sent.index in used:
            continue
        same = [d for d in drafts if d.sentence.paragraph == sent.paragraph]
        before = [d for d in same if d.sentence.index < sent.index]
        after = [d for d in same if d.sentence.index == sent.index + 1 and _names(ctx, [sent]) & _names(ctx, d.excerpts)]
        lead = [d for d in drafts if d.sentence.paragraph == 0] if sent.paragraph == 1 and not same else []
        lead = [d for d in lead if _names(ctx, [sent]) & _names(ctx, d.excerpts)]
        home = (before[-1:] or after[:1] or lead[-1:] or [None])[0]
        if home is not None:
            home.excerpts.append(sent)
            home.excerpts.sort(key=lambda s: s.index)


def _title(ctx: _Context, draft: _Draft) -> str:
    text = ctx.document.text
    a, b = draft.clause
    clause = text[a:b]
    if draft.phrase_span and a <= draft.phrase_span[0] < b:
        s, e = draft.phrase_span
        e += 2 if _is_possessive(text, e) else 0
        e += 1 if text[e : e + 1] == "," else 0
        clause = text[a:s] + text[e:b]
    clause = _ACCORDING.sub("", clause, count=1)
    clause = re.sub(r"\s+", " ", clause).strip(" ,;:.-–—\"'“”")
    clause = re.sub(r"^(?:and|but|then|also|again|earlier|later|meanwhile)\b[ ,]*", "", clause, flags=re.I)
    clause = re.sub(r"\s+([,.;:])", r"\1", clause).strip(" ,;")
    if len(clause) > 120:
        clause = clause[:117].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
    return clause[:1].upper() + clause[1:]


def _claimant(ctx: _Context, sent: Sentence) -> str | None:
    match = _ACCORDING.search(sent.text)
    if match:
        return match["src"].strip()
    say = cl.SAY.search(_plain(ctx, sent))
    if say is None:
        return None
    speakers = [m for m in ctx.mentions if sent.start <= m.start < sent.start + say.start()]
    return speakers[-1].actor.name if speakers else None


def _to_event(ctx: _Context, draft: _Draft) -> Event:
    text = ctx.document.text
    lead_text = text[draft.sentence.start : draft.sentence.end]
    return Event(
        id="",
        date=iso_at_precision(draft.first, draft.precision),
        first=draft.first,
        last=draft.last,
        precision=draft.precision,
        title=_title(ctx, draft),
        type=cl.event_type(_plain(ctx, draft.sentence)),
        actors=_actors(ctx, draft),
        excerpts=tuple(Excerpt(s.start, s.end, s.text) for s in draft.excerpts),
        date_phrase=draft.phrase,
        date_method=draft.method,
        modality=cl.modality(cl.unquoted(lead_text, list(ctx.quotes), draft.sentence.start)),
        claimant=_claimant(ctx, draft.sentence),
    )


def _no_state(actor: Actor) -> Actor | None:
    return None


def build_events(
    document: Document,
    sentences: tuple[Sentence, ...],
    mentions: tuple[ActorMention, ...],
    state_of: Callable[[Actor], Actor | None] = _no_state,
) -> tuple[Event, ...]:
    """Dated events of a document, in reading order, with empty ids (the pipeline sets them).

    ``state_of`` names the state a known official acts for (``Gazetteer.state_of``).
    """
    ctx = _Context(document, _quotes(document), mentions, state_of)
    drafts: list[_Draft] = []
    for sent in sentences:
        dated = _dated_drafts(ctx, sent)
        perfect = None if dated else _perfect_draft(ctx, sent, lead=sent.index == 0)
        drafts += dated or ([perfect] if perfect else [])
    drafts = _merge(ctx, drafts)
    _attach(ctx, drafts, sentences)
    return tuple(_to_event(ctx, d) for d in drafts)
