"""Actors: the gazetteer first, then names it does not know, then references back.

This module composes the stages; see ``gazetteer`` (known names),
``persons`` (titled persons), ``organisations`` (organisations, groups,
acronyms) and ``coreference`` (surnames, pronouns, "the junta", bare "troops").
"""

from __future__ import annotations

from app.extract.coreference import (
    apposed_names,
    everywhere,
    forces,
    promote,
    surnames,
    without_overlaps,
)
from app.extract.gazetteer import Gazetteer, build_gazetteer, default_gazetteer_path, load_gazetteer
from app.extract.organisations import acronyms, group_mentions, org_mentions
from app.extract.persons import person_mentions
from app.extract.types import ActorMention

__all__ = ["Gazetteer", "build_gazetteer", "default_gazetteer_path", "find_actor_mentions", "load_gazetteer"]


def find_actor_mentions(text: str, gazetteer: Gazetteer, start: int = 0, end: int | None = None) -> tuple[ActorMention, ...]:
    """Actor mentions in ``text[start:end]``, in order, resolved to canonical actors.

    Known names come first, then titled or quoted persons, organisations,
    acronyms introduced in parentheses, generic groups (protesters, militants)
    and finally surnames of persons already named. A full name, once
    established anywhere in the text, is recognised at all its occurrences.
    """
    end = len(text) if end is None else end
    lower = text.lower()
    found = gazetteer.find(text, start, end)
    people = promote(person_mentions(text, gazetteer, start, end))
    # ``found`` stays sorted and non-overlapping: each step adds only what does not overlap it.
    found = without_overlaps(everywhere(text, people, start, end), found)
    found = without_overlaps(org_mentions(text, gazetteer, start, end), found)
    found = without_overlaps(acronyms(text, found, start, end) + group_mentions(text, gazetteer, start, end, lower), found)
    found = without_overlaps(surnames(text, found, start, end), found)
    found = without_overlaps(apposed_names(text, found, start, end), found)
    found = without_overlaps(forces(text, found, start, end, lower), found)
    return tuple(ActorMention(s, e, text[s:e], a) for s, e, a in found)
