"""Sentences -> dated events: date choice, clause splitting, merging, elaboration.

An event comes from a sentence that states a past occurrence with a
resolvable date of its own (explicit, weekday or relative), or from an
undated present perfect of an action ("has invaded"), dated by the
publication date (guideline rule 6). Undated simple past is never dated by
guesswork (rule 8): such a sentence joins a dated event as an excerpt when it
elaborates it (``attach``), or, when it continues one in the same paragraph with
an action of its own, becomes an event with that event's date (rule 7,
``inherit``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from app.extract import classify as cl
from app.extract import lexicon as lx
from app.extract import subclauses as sc
from app.extract.attach import Draft, attach, merge
from app.extract.context import Context, SentInfo, build_context, has_perfect_aux
from app.extract.describe import Identify, to_event
from app.extract.inherit import inherit
from app.extract.prefilter import prefiltered
from app.extract.types import Actor, ActorMention, Document, Event, Sentence, TimeMention

_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# A participle clause (", killing two"), a semicolon or a coordinated clause opening with a
# date (", and on 25 October ...") starts another clause; prepositions in -ing do not.
_CLAUSE_BREAK = re.compile(
    r",\s+(?=\w+ing\b)(?!(?:including|according|during|excluding|regarding|concerning|following|notwithstanding)\b)"
    r"|;\s+|,\s+(?:and|but|while)\s+(?=(?:on|in|at|last|early|late|earlier|later)\s)"
)
_VAGUE = prefiltered(r"\b(?:in\s+recent\s+(?:days|weeks|months|years)|for\s+(?:years|decades|months)|over\s+the\s+(?:past|last))\b", re.I)
_WINDOW = 60
_CLAUSE_PUNCT = re.compile(r"[,;](?!\d)")


def is_possessive_at(text: str, end: int) -> bool:
    return text[end : end + 2] in ("'s", "’s")


_REPORTED_ON = re.compile(r"\b(?:said|says|told\s+\w+|stated|announced|reported|confirmed|added|claimed)\s+$", re.IGNORECASE)


def _choose(ms: list[TimeMention], text: str, end: int) -> tuple[TimeMention, bool] | None:
    """The mention that dates a clause ending at ``end``: own dates before possessive
    back-references, the date of what happened before the date it was reported on ("said on
    Monday that ... on Saturday", "... last week, an officer said on Monday"), finest first."""
    own = [m for m in ms if not is_possessive_at(text, m.end)]
    pool = own or ms
    if not pool:
        return None
    last = max(m.start for m in pool)
    return min(pool, key=lambda m: (_demoted(text, m, last, end), _RANK[m.precision], m.start)), not own


def _demoted(text: str, m: TimeMention, last: int, end: int) -> bool:
    """Whether ``m`` dates only the report of the clause's event: a report date followed by a
    later date, or one in a closing attribution (", an officer said on Monday.")."""
    if not _reported_on(text, m):
        return False
    return m.start < last or (_TRAILING.fullmatch(text, m.end, end) is not None and "," in text[max(0, m.start - 60) : m.start])


_TRAILING = re.compile(r"[\s.\"'”’)]*")


def _reported_on(text: str, m: TimeMention) -> bool:
    """Whether ``m`` dates a report ("said on Monday")."""
    return _REPORTED_ON.search(text, max(0, m.start - 30), m.start) is not None


def _clause_around(plain: str, start: int, end: int) -> str:
    """The comma-bounded clause holding ``plain[start:end]``; for a fronted date
    ("In 2014, ...") the clause after it, for a closing one after an apposition ("captured
    Sanaa, the capital, in September.") the clause before that."""
    cuts = [m.start() for m in _CLAUSE_PUNCT.finditer(plain)]
    before = [c + 1 for c in cuts if c < start]
    a = max(before, default=0)
    after = [c for c in cuts if c >= end]
    b = after[0] if after else len(plain)
    if len(plain[a:b].split()) - len(plain[start:end].split()) <= 1:
        if len(after) > 0:
            b = after[1] if len(after) > 1 else len(plain)
        elif before:
            a = before[-3] if len(before) > 2 else 0
    return plain[max(a, start - _WINDOW) : min(b, end + _WINDOW)]


def _coarse_ok(plain: str, lower: str, m: TimeMention, offset: int, when: bool = False, opening: int | None = None) -> bool:
    """Month/week/year dates count only beside an eventive verb or event noun in their own
    clause, not negated, and not as the start of a period ("have died since 2007",
    "the third coup since 1990"): "since" dates a span, not an occurrence. ``lower`` is
    ``plain.lower()``. The clause is the one between commas around the date, or, when a list
    splits it ("obtained the resignations of X, Y and Z in January"), the draft's clause up to
    the date (from ``opening``, a document offset)."""
    window = _clause_around(plain, m.start - offset, m.end - offset)
    if opening is not None and not lx.conflict_predicate(window.replace(m.text, " ")):
        window = plain[max(opening - offset, m.start - offset - 2 * _WINDOW) : m.end - offset]
    if when:  # "the worst since 2014, when a blast killed three": the when-clause is dated by it
        return lx.conflict_predicate(plain[m.end - offset :])
    if cl.CUMULATIVE.search(plain, lower) or (m.text.lower().startswith("since") and not _names_event_after(lower, m.end - offset)):
        return False
    if _in_since_phrase(lower, m.start - offset):
        return False
    return lx.conflict_predicate(window.replace(m.text, " ")) and not cl.NEGATION.search(window)


def _in_since_phrase(lower: str, start: int) -> bool:
    """Whether the date at ``start`` closes a since-phrase with no verb of its own ("the
    fourteenth coup since the adoption of the constitution in 1932"): it starts a span."""
    before = lower[max(0, start - _WINDOW) : start]
    k = before.rfind(" since ")
    return k >= 0 and "," not in before[k:] and not lx.has_past(lx.lower_words(before[k:])[1:])


def _names_event_after(lower: str, end: int) -> bool:
    """Whether the word after a year names what happened then ("since the 2011 uprising")."""
    word = _NEXT_WORD.match(lower, end)
    return word is not None and (word[1] in lx.EVENT_NOUN_FORMS or word[1] in lx.CONFLICT_STATES)


_NEXT_WORD = re.compile(r"\s+([a-z-]+)")


def _clauses(sent: Sentence, times: tuple[TimeMention, ...] = ()) -> list[tuple[int, int]]:
    """The sentence's clauses; with ``times``, verbs joined by "and" between two dates are
    clauses of their own ("was arrested in 2005 and transferred to The Hague in March 2006")."""
    cuts = [sent.start] + [sent.start + m.start() for m in _CLAUSE_BREAK.finditer(sent.text)] + [sent.end]
    if len(times) > 1 and " and " in sent.text:
        cuts = sorted(set(cuts + _dated_conjuncts(sent, times)))
    return list(zip(cuts, cuts[1:]))


# Verbs that carry on the event before them ("erupted on Friday and continued until Sunday").
_GOING_ON = frozenset("continued lasted persisted remained stayed went".split())
_AND_VERB = re.compile(r"\s+and\s+(?:then\s+|later\s+)?(?:was\s+|were\s+|had\s+)?(?P<verb>[a-z]+)\b")


def _dated_conjuncts(sent: Sentence, times: tuple[TimeMention, ...]) -> list[int]:
    """Where "and" joins a past verb between two dates of the sentence."""
    starts = [m.start for m in times]
    cuts = []
    for m in _AND_VERB.finditer(sent.text):
        at = sent.start + m.start()
        verb = m["verb"]
        if lx.is_past(verb) and verb not in _GOING_ON and any(s < at for s in starts) and any(s > at for s in starts):
            cuts.append(at)
    return cuts


def _dated_drafts(ctx: Context, info: SentInfo) -> list[Draft]:
    if info.quote or info.reaction or not info.narrative or not info.times:
        return []
    if not (lx.has_say(info.words) or lx.conflict_in(info.lower, info.words)):
        return []
    drafts = [d for a, b in _clauses(info.sentence, info.times) for d in _clause_drafts(ctx, info, a, b)]
    return sorted(drafts, key=lambda d: d.phrase_span or d.clause)


def _clause_drafts(ctx: Context, info: SentInfo, a: int, b: int) -> list[Draft]:
    """The drafts of the clause ``a``..``b``: its own date's, and those of its parts that carry
    a date of their own (``subclauses``)."""
    text, sent = ctx.document.text, info.sentence
    inside = [m for m in info.times if a <= m.start < b]
    if not inside:
        return []
    parts = sc.asides(sent, a, b)
    main = [m for m in inside if not any(s <= m.start < e for s, e in parts)]
    relatives = sc.relatives(sent, a, b)
    outside = [m for m in main if not any(s <= m.start < e for s, e in relatives)]
    if outside and len(outside) < len(main):  # the clause keeps a date of its own
        main, parts = outside, parts + relatives
    whens = sc.whens(text, main, b)
    main = [m for m in main if m not in whens]
    own = _draft(ctx, info, sc.since_clause(text, relatives, main) or (a, b), main)
    drafts = [own] if own else []
    drafts += [d for m, e in whens.items() if (d := _draft(ctx, info, (m.end, e), [m], when=True))]
    dated: set[TimeMention] = set()
    # a part that tells itself ("following a blast last week") before one that needs what it is
    # about ("a blast that wounded 13 last week"): each date dates one part
    for s, e in sorted(parts, key=lambda p: sc.told_from(text, p[0]) is None):
        dates = [m for m in inside if s <= m.start < e and m not in dated]
        # a part names an event of its own; when the clause around it has none, what the part
        # is about may be it ("The ceasefire, which took effect on Sunday, ...")
        if dates and lx.conflict_predicate(text[s if own else a : e]):
            draft = _draft(ctx, info, (sc.told_from(text, s) or a, e), dates)
            drafts += [draft] if draft else []
            dated.update(dates if draft else ())
    return drafts


# A date something was planned for ("talks scheduled for Monday", "a vote due on 3 May")
# dates no occurrence.
_PLANNED_FOR = re.compile(r"\b(?:scheduled|planned|set|slated|due|expected)\s+(?:for|on)\s+(?:the\s+)?$", re.IGNORECASE)
_PLANNED = re.compile(r"\b(?:scheduled|planned|slated|due|expected)\s+$", re.IGNORECASE)


def _planned(text: str, m: TimeMention) -> bool:
    before = text[max(0, m.start - 30) : m.start]
    return bool(_PLANNED_FOR.search(before) or (_PLANNED.search(before) and m.text[:3].lower() in ("on ", "for")))


def _draft(ctx: Context, info: SentInfo, clause: tuple[int, int], times: list[TimeMention], when: bool = False) -> Draft | None:
    """The draft a clause's best date gives, if that date may date an event there."""
    sent, plain, text = info.sentence, info.plain, ctx.document.text
    chosen = _choose([m for m in times if not _planned(text, m)], text, clause[1])
    if chosen is None:
        return None
    m, possessive = chosen
    a = clause[0]
    if m.precision != "day" and not _coarse_ok(plain, info.lower, m, sent.start, when, clause[0]):
        return None
    if m.text[:5].lower() == "since" and cl.CUMULATIVE.search(plain, info.lower):
        return None  # "677,000 people had fled since 24 February": a running total
    if cl.FUTURE.search(plain[a - sent.start : m.end - sent.start], info.lower[a - sent.start : m.end - sent.start]):
        return None
    return Draft(sent, clause, m.first, m.last, m.precision, m.method, m.text,  # type: ignore[arg-type]
                 (m.start, m.end), possessive, [sent])


def _perfect_draft(ctx: Context, info: SentInfo, lead: bool) -> Draft | None:
    """An undated present perfect of an action: the publication date (rule 6).

    Outside the lead sentence the participle must name an action ("has seized", not "has been")."""
    ref, plain, sent = ctx.document.published, info.plain, info.sentence
    if ref is None or info.quote or info.reaction or not has_perfect_aux(info.words) or _VAGUE.search(plain, info.lower):
        return None
    match = cl.present_perfect_action(plain, info.lower)
    if match is None or cl.FUTURE.search(plain, info.lower):
        return None
    rest = plain[match.end() :].split(",")[0]
    if cl.SAY.fullmatch(match["verb"]) or not (lead or cl.eventive_verb(match["verb"], rest)):
        return None
    phrase = re.sub(r"\s+", " ", match.group())
    return Draft(sent, (sent.start, sent.end), ref, ref, "day", "dateline", phrase, None, False, [sent])


def _no_state(actor: Actor) -> Actor | None:
    return None


def _no_id(start: int, end: int, date: str) -> str:
    return ""


def drafts_of(ctx: Context) -> list[Draft]:
    """Every sentence's dated clauses, or its dateline-dated present perfect."""
    drafts: list[Draft] = []
    for info in ctx.infos:
        dated = _dated_drafts(ctx, info)
        perfect = None if dated else _perfect_draft(ctx, info, lead=info.sentence.index == 0)
        drafts += dated or ([perfect] if perfect else [])
    return drafts


def build_events(
    document: Document,
    sentences: tuple[Sentence, ...],
    mentions: tuple[ActorMention, ...],
    state_of: Callable[[Actor], Actor | None] = _no_state,
    identify: Identify = _no_id,
) -> tuple[Event, ...]:
    """Dated events of a document, in reading order.

    ``state_of`` names the state a known official acts for (``Gazetteer.state_of``);
    ``identify`` gives an event's id from its first excerpt's span and its date (the
    pipeline's ``excerpt_id``; empty ids without it).
    """
    ctx = build_context(document, sentences, mentions, state_of)
    drafts = merge(ctx, drafts_of(ctx))
    attach(ctx, drafts)
    drafts += inherit(ctx, drafts)
    events: list[Event] = []
    taken: set[str] = set()
    for draft in drafts:
        event = to_event(ctx, draft, identify)
        if event.id and event.id in taken:  # two clauses of one sentence on one date: the clause tells them apart
            event = replace(event, id=identify(draft.clause[0], draft.clause[1], event.date))
        taken.add(event.id)
        events.append(event)
    return tuple(events)

