"""Undated sentences that continue a dated event with an event of their own (guideline rule 7).

An undated sentence that elaborates an event joins it as an excerpt (``attach``).
One that joins no event becomes an event of its own, dated like the event it
continues, when all of these hold:

* the sentence just before it, in the same paragraph, belongs to that event;
* it has no date of its own and is narrative, in the simple past (a present
  perfect is dated by publication, or not at all);
* it states an action of its own: a verb of a counted class in a past form
  (``lexicon.past_action``) and an actor named outside quotations;
* it is not a quotation, a reaction, a report ("officials said"), a denial, a
  plan or a future, negated, a running total or a habit.

Its date method is "inherited" and its date phrase that of the event it
continues; a later sentence may in turn continue it.
"""

from __future__ import annotations

from app.extract import classify as cl
from app.extract import lexicon as lx
from app.extract.attach import Draft
from app.extract.context import Context, SentInfo, has_perfect_aux

_NOT_AN_OCCURRENCE = (cl.FUTURE, cl.NEGATION, cl.DENIAL, cl.CUMULATIVE, cl.HABITUAL)


def inherit(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """New events, in reading order, for the undated sentences that continue an event of
    ``drafts`` (or one of these new events) with an action of their own."""
    owner = {s.index: d for d in drafts for s in d.excerpts}
    new: list[Draft] = []
    for prev, info in zip(ctx.infos, ctx.infos[1:]):
        sent = info.sentence
        before = owner.get(prev.sentence.index)
        if before is None or sent.index in owner or prev.sentence.paragraph != sent.paragraph or not continues(info):
            continue
        draft = Draft(sent, (sent.start, sent.end), before.first, before.last, before.precision, "inherited", before.phrase, None, False, [sent])
        owner[sent.index] = draft
        new.append(draft)
    return new


def continues(info: SentInfo) -> bool:
    """Whether an undated sentence states an action of its own (see the module docstring)."""
    if info.times or info.quote or info.reaction or not info.narrative or not info.mentions:
        return False
    if lx.has_say(info.words) or has_perfect_aux(info.words) or not lx.past_action(info.words):
        return False
    return not any(cue.search(info.plain, info.lower) for cue in _NOT_AN_OCCURRENCE)
