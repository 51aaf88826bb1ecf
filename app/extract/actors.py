"""Actors: the gazetteer first, then names it does not know, then references back.

This module composes the stages; see ``gazetteer`` (known names),
``persons`` (titled persons), ``organisations`` (organisations, groups,
acronyms) and ``coreference`` (surnames, pronouns, "the junta", bare "troops").
"""

from __future__ import annotations

import re

from app.extract.coreference import (
    apposed_names,
    compass_names,
    everywhere,
    forces,
    promote,
    surnames,
    without_overlaps,
)
from app.extract.gazetteer import Found, Gazetteer, build_gazetteer, default_gazetteer_path, load_gazetteer
from app.extract.organisations import acronyms, group_mentions, org_mentions
from app.extract.persons import person_mentions
from app.extract.types import ActorMention

# A state's name that opens a company's, a medium's or a school's name ("Malaysia Airlines",
# "Ukraine International Airlines", "Russia Today") is not the state.
_COMPANY_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:Airlines|Airways|Air|Bank|Railways?|Post|Telecom|Today|Times|News|Television|TV|"
    r"Radio|Broadcasting|Company|Corporation|Corp|University|Institute|Museum|Cup|Olympic)\b"
)

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
    found = [f for f in gazetteer.find(text, start, end) if f[2].kind != "state" or not _COMPANY_AFTER.match(text, f[1])]
    people = promote(person_mentions(text, gazetteer, start, end))
    # ``found`` stays sorted and non-overlapping: each step adds only what does not overlap it.
    found = without_overlaps(everywhere(text, people, start, end), found)
    found = without_overlaps(org_mentions(text, gazetteer, start, end), found)
    named = acronyms(text, found, start, end)
    found = [f for f in found if not any(s < f[1] and f[0] < e for s, e, _ in named)]
    found = without_overlaps(named + _unnamed(text, group_mentions(text, gazetteer, start, end, lower), found + named), found)
    found = without_overlaps(surnames(text, found, start, end), found)
    found = without_overlaps(apposed_names(text, found, start, end), found)
    found = without_overlaps(forces(text, found, start, end, lower), found)
    found = without_overlaps(compass_names(text, found, start, end), found)
    return tuple(ActorMention(s, e, text[s:e], a) for s, e, a in found)


def _unnamed(text: str, groups: list[Found], named: list[Found]) -> list[Found]:
    """Generic group nouns not qualifying a named group right before them ("Hamas militants",
    "CPJP rebels": the named group is the actor)."""
    ends = {e for _, e, a in named if a.kind in ("organisation", "armed_group")}
    return [g for g in groups if not (g[0] - 1 in ends and text[g[0] - 1] == " ")]
