"""A finished draft -> an Event: actors, title, type, modality, claimant, places."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.extract import classify as cl
from app.extract import lexicon as lx
from app.extract.attach import Draft
from app.extract.context import Context, SentInfo
from app.extract.dates import iso_at_precision
from app.extract.places import places_in
from app.extract.prefilter import prefiltered
from app.extract.types import Actor, Event, Excerpt, Modality

Identify = Callable[[int, int, str], str]
PROTESTERS = Actor("Protesters", "unknown")
_ACCORDING = prefiltered(r"\baccording\s+to\s+(?P<src>(?:the\s+)?[^,.;:]+?)(?=\s*[,.;:]|\s+(?:on|in|at|,)\s|$)", re.IGNORECASE)
_REPORT_VERB = prefiltered(
    r"\b(?:said|says|told|stated|announced|claimed|claims|alleged|alleges|reported|reports|denied|denies|"
    r"insisted|confirmed|added|accused|warned|declared)\b",
    re.IGNORECASE,
)
# A short subject right before the report verb, from the start of its clause ("The army denied").
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
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be)$", re.IGNORECASE)
_NOT_SPEAKER = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight it".split()
)
_SUBJECT = re.compile(r"(?:^|[,;]\s*)((?:[Tt]he\s+|[Aa]n?\s+)?[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,4})\s+$")
_ATTRIBUTION = prefiltered(r"\baccording\s+to\s+[^,.;:]+[,]?", re.IGNORECASE)
# A closing attribution (", an army spokesman said on Monday.", ", says a spokeswoman."): not part of a title.
_CLOSING = re.compile(
    r",\s+(?:(?:[\w'’.-]+\s+){0,6}?(?:said|says|reported|added|told\s+\w+)"
    r"(?:\s+(?:on|in|at|late|early|last|this|yesterday|today|tonight)\b(?:\s+[\w'’.-]+){0,3})?"
    r"|(?:said|says|added)\s+(?:the|a|an|[A-Z][\w'’.-]*)(?:\s+[\w'’.-]+){0,6})[\s.\"'”]*$"
)
_OPENING = re.compile(r"^(?:and|but|then|also|again|earlier|later|meanwhile|when|however|separately|instead)\b[ ,]*", re.IGNORECASE)
# Where another assertion starts: a contrast (", but ..."), or a comment on the claim (", a claim
# the army denied").
_CONTRAST = re.compile(
    r",\s+(?:but|while|whereas|although|though)\s+|,\s+(?:a|an)\s+(?:claim|allegation|accusation|charge|report)s?\b",
    re.IGNORECASE,
)
_CLAIM_VERB = prefiltered(r"\b(?:said|says|told|claimed|claims|alleged|alleges|reported|reports|insisted|accused)\b", re.IGNORECASE)


def _actors(ctx: Context, draft: Draft, etype: str) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for sent in draft.excerpts:
        for actor in ctx.infos[sent.index].actors:
            seen.setdefault(actor.name, actor)
            state = ctx.state_of(actor)
            if state is not None:
                seen.setdefault(state.name, state)
    if etype in ("Protests", "Riots") and not any(
        a.name.startswith("Protesters") for a in seen.values()
    ):
        seen["Protesters"] = PROTESTERS
    return tuple(seen.values())


def title(ctx: Context, draft: Draft) -> str:
    """The event's clause without its date phrase or attribution, capitalised, at most 120 characters."""
    text = ctx.document.text
    a, b = draft.clause
    closing = _CLOSING.search(text, a, b)
    b = closing.start() if closing is not None and closing.start() > a else b
    clause = text[a:b]
    if draft.phrase_span and a <= draft.phrase_span[0] < b:
        s, e = draft.phrase_span
        e += 2 if text[e : e + 2] in ("'s", "’s") else 0
        e += 1 if text[e : e + 1] == "," else 0
        clause = text[a:s] + text[e:b]
    attribution = _ATTRIBUTION.search(clause)
    if attribution is not None:
        clause = clause[: attribution.start()] + clause[attribution.end() :]
    clause = " ".join(clause.split()).strip(" ,;:.-–—\"'“”")
    clause = _OPENING.sub("", clause, count=1)
    for punct in ",.;:":  # spaces are single by now
        clause = clause.replace(" " + punct, punct)
    clause = clause.strip(" ,;")
    if len(clause) > 120:
        clause = clause[:117].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
    return clause[:1].upper() + clause[1:]


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
    say = _REPORT_VERB.search(plain, lower)
    if say is None or (say.group().lower() in _ACTING_VERBS and not _REPORTS_AFTER.match(plain, say.end())):
        return None  # "declared a state of emergency": the declaration is the event, not a report
    before = plain[: say.start()]
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
    speakers = [m for m in ctx.infos[info.sentence.index].mentions if start <= m.start and m.end <= at]
    clause_start = info.sentence.start + a + max(before.rfind(","), before.rfind(";"))
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
    say = _CLAIM_VERB.search(plain, lower)
    return "claim" if say and lx.past_predicates(plain[say.end() :]) else "fact"


def to_event(ctx: Context, draft: Draft, identify: Identify) -> Event:
    """The event of ``draft``; ``identify`` gives its id from its first excerpt's span and date."""
    info = ctx.infos[draft.sentence.index]
    scope = assertion(info, draft)
    etype = cl.event_type(info.plain, info.lower)
    date = iso_at_precision(draft.first, draft.precision)
    first = draft.excerpts[0]
    return Event(
        id=identify(first.start, first.end, date),
        date=date,
        first=draft.first,
        last=draft.last,
        precision=draft.precision,
        title=title(ctx, draft),
        type=etype,
        actors=_actors(ctx, draft, etype),
        excerpts=tuple(Excerpt(s.start, s.end, s.text) for s in draft.excerpts),
        date_phrase=draft.phrase,
        date_method=draft.method,
        modality=modality(info, scope),
        claimant=claimant(ctx, info, scope),
        places=places_in(ctx, draft.excerpts),
    )
