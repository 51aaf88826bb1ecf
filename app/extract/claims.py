"""Claims and modality: whether an event is stated as fact, claimed, denied or planned, and who
the sentence attributes it to (the claimant, kept apart from the actors)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.extract import classify as cl
from app.extract import lexicon as lx
from app.extract.attach import Draft
from app.extract.context import Context, SentInfo
from app.extract.prefilter import prefiltered
from app.extract.types import Modality

_ACCORDING = prefiltered(r"\baccording\s+to\s+(?P<src>(?:the\s+)?[^,.;:]+?)(?=\s*[,.;:]|\s+(?:on|in|at|,)\s|$)", re.IGNORECASE)
_REPORT_VERB = prefiltered(
    r"\b(?:said|says|told|stated|announced|claimed|claims|alleged|alleges|reported|reports|denied|denies|"
    r"insisted|confirmed|added|accused|warned|declared)\b",
    re.IGNORECASE,
)
# The speaker after an inverted report verb (", says a spokeswoman for the governor.").
_INVERTED = re.compile(
    r"\s+(?P<who>(?:the|a|an|[A-Z][\w'’.-]*)(?:\s+[\w'’.-]+){0,6}?)"
    r"(?:\s+(?:on|in|at|late|early)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,2})?[\s.,;:\"'”’]*$"
)
_INVERTING_VERBS = frozenset("said says added reported stated claimed".split())
# An apposition closing the text before a report verb ("Jane Roe, a spokeswoman, said").
_APPOSITION_TAIL = re.compile(r",\s+(?:a|an|the)\s+[^,]+,\s*$", re.IGNORECASE)
# Verbs that report only with a clause after them ("announced that ..."); with an object
# ("announced a ceasefire") they are the event itself.
_ACTING_VERBS = frozenset("announced declared confirmed".split())
_REPORTS_AFTER = re.compile(r"(?:\s+(?:on|late|early|in)\s+\w+)?\s*(?:that\b|[,:])")
_AUXILIARY_TAIL = re.compile(r"\s+(?:has|have|had)\s+$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)$", re.IGNORECASE)
_NOT_SPEAKER = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight it".split()
)
# A short subject right before the report verb, from the start of its clause ("The army denied").
_SUBJECT = re.compile(r"(?:^|[,;]\s*)((?:[Tt]he\s+|[Aa]n?\s+)?[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4})\s+$")
# Where another assertion starts: a contrast (", but ..."), or a comment on the claim (", a claim
# the army denied").
_CONTRAST = re.compile(
    r",\s+(?:but|while|whereas|although|though)\s+|,\s+(?:a|an)\s+(?:claim|allegation|accusation|charge|report)s?\b",
    re.IGNORECASE,
)
_CLAIM_VERB = prefiltered(r"\b(?:said|says|told|claimed|claims|alleged|alleges|reported|reports|insisted|accused)\b", re.IGNORECASE)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|an?|its|their|his|her)\s+$", re.IGNORECASE)


def _as_verb(matches: Iterator[re.Match[str]], plain: str) -> re.Match[str] | None:
    """The first match used as a verb, not as an adjective after a determiner ("the alleged attackers")."""
    return next((m for m in matches if not _DETERMINER_BEFORE.search(plain, max(0, m.start() - 8), m.start())), None)


def assertion(info: SentInfo, draft: Draft) -> tuple[int, int]:
    """Where in its sentence (offsets into ``info.plain``) the event is stated: its clause, cut
    at a contrastive ", but" or ", while" that opens another assertion before or after the
    date phrase ("X declared a truce on Friday, but rebels said ...")."""
    base = info.sentence.start
    a, b = draft.clause[0] - base, draft.clause[1] - base
    anchor = draft.phrase_span[0] - base if draft.phrase_span else a
    for match in _CONTRAST.finditer(info.plain, a, b):
        if match.end() <= anchor:
            a = match.end()
        elif match.start() >= anchor:
            return a, match.start()
    return a, b


def _scoped(info: SentInfo, scope: tuple[int, int] | None) -> tuple[int, str, str]:
    """The start, text and lower-cased text of ``scope`` (the whole sentence when None)."""
    a, b = scope or (0, len(info.plain))
    plain = info.plain[a:b]
    return a, plain, info.lower[a:b] if len(info.lower) == len(info.plain) else plain.lower()


def claimant(ctx: Context, info: SentInfo, scope: tuple[int, int] | None = None) -> str | None:
    """Who the sentence (within ``scope``) attributes its content to: "according to X", else the
    subject of a say/claim/deny verb as written ("Moscow", "the FSB"), kept apart from the actors."""
    a, plain, lower = _scoped(info, scope)
    match = _ACCORDING.search(plain, lower)
    if match:
        return match["src"].strip()
    say = _as_verb(_REPORT_VERB.finditer(plain, lower), plain)
    if say is None or (say.group().lower() in _ACTING_VERBS and not _REPORTS_AFTER.match(plain, say.end())):
        return None  # "declared a state of emergency": the declaration is the event, not a report
    before = _AUXILIARY_TAIL.sub(" ", plain[: say.start()])  # "The leader has said": the leader
    apposed = _APPOSITION_TAIL.search(before)
    if before.rstrip().endswith(",") and apposed is None and say.group().lower() in _INVERTING_VERBS:
        inverted = _INVERTED.match(plain, say.end())
        if inverted is not None and inverted["who"].split()[0].lower() not in _NOT_SPEAKER:
            return inverted["who"].rstrip(".,;:")
    if apposed is not None:  # the speaker is the name the apposition describes
        before = before[: apposed.start()] + " "
    return _speaker(ctx, info, a, before)


def _speaker(ctx: Context, info: SentInfo, a: int, before: str) -> str | None:
    """The subject written before a report verb (``before`` is the scope's text up to it, from
    offset ``a`` of the sentence): the subject of the verb's own clause, else the noun phrase
    from the first name in that clause ("The Islamic State of Iraq claimed")."""
    start, at = info.sentence.start + a, info.sentence.start + a + len(before.rstrip())
    clause_start = start + max(before.rfind(","), before.rfind(";"))
    at = min([t.start for t in info.times if max(start, clause_start) < t.start < at], default=at)  # "The army on Sunday said"
    before = before[: at - start] + " "
    speakers = [m for m in ctx.infos[info.sentence.index].mentions if start <= m.start and m.end <= at]
    own = [m for m in speakers if m.start > clause_start]
    subject = _SUBJECT.search(before)
    if subject is not None and not own:
        if _PASSIVE.search(subject.group(1)):
            return None  # "it was reported": nobody is named
        return subject.group(1)  # "..., an officer said": the subject of its own clause, not an earlier name
    if not speakers:
        return None
    m = own[0] if own else speakers[-1]
    text = ctx.document.text
    begin = m.start - 4 if text[max(0, m.start - 4) : m.start].lower() == "the " else m.start
    phrase = " ".join(text[begin:at].split())
    return phrase if 0 < len(phrase.split()) <= 6 and "," not in phrase else m.text


def modality(info: SentInfo, scope: tuple[int, int] | None = None) -> Modality:
    """denial / plan / claim (reportedly, according to, or an event reported after "X said") / fact,
    read within ``scope`` of the sentence."""
    _, plain, lower = _scoped(info, scope)
    found = cl.modality(plain, lower)
    if found != "fact":
        return found
    say = _as_verb(_CLAIM_VERB.finditer(plain, lower), plain)
    return "claim" if say and lx.past_predicates(plain[say.end() :]) else "fact"
