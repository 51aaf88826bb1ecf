"""A finished draft -> an Event: actors, title, type, modality, claimant, places."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.extract import classify as cl
from app.extract.attach import Draft
from app.extract.claims import assertion, claimant, modality
from app.extract.context import Context
from app.extract.dates import iso_at_precision
from app.extract.places import places_in
from app.extract.prefilter import prefiltered
from app.extract.types import Actor, Event, Excerpt

Identify = Callable[[int, int, str], str]
PROTESTERS = Actor("Protesters", "unknown")
_ATTRIBUTION = prefiltered(r"\baccording\s+to\s+[^,.;:]+[,]?", re.IGNORECASE)
# A closing attribution (", an army spokesman said on Monday.", ", says a spokeswoman."): not part of a title.
_CLOSING = re.compile(
    r",\s+(?:(?:[\w'’.-]+\s+){0,6}?(?:said|says|reported|added|told\s+\w+)"
    r"(?:\s+(?:on|in|at|late|early|last|this|yesterday|today|tonight)\b(?:\s+[\w'’.-]+){0,3})?"
    r"|(?:said|says|added)\s+(?:the|a|an|[A-Z][\w'’.-]*)(?:\s+[\w'’.-]+){0,6})[\s.\"'”]*$"
)
_OPENING = re.compile(r"^(?:and|but|then|also|again|earlier|later|meanwhile|when|however|separately|instead)\b[ ,]*", re.IGNORECASE)


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
