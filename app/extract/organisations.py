"""Organisations, acronyms and generic groups the gazetteer does not know.

A capitalised run of words ending in an organisation head ("Ministry of
Health", "... Party") is an organisation; a state name before it is its
affiliation. ``Long Name (LN)`` makes later bare "LN" name the same actor.
"Protesters", "Syrian rebels" are generic groups.

Runs and acronyms are searched for only around what they need, a head word or
a parenthesised acronym, found by a quick scan (see ``scan``).
"""

from __future__ import annotations

import re

from app.extract.gazetteer import Found, Gazetteer
from app.extract.persons import _UPPER, ORG_HEADS, TITLE_WORDS, clean, is_possessive, state_named
from app.extract.scan import matches_around
from app.extract.trie import trie_pattern
from app.extract.types import Actor, ActorKind

MEDIA_ORG_HEADS = frozenset({"Times", "Post", "News", "Network", "Games", "University", "School", "Airport"})
HEAD_TITLES = TITLE_WORDS - frozenset(
    "vice prime deputy first foreign defence defense interior finance justice police army military state interim acting former opposition rebel field".split()
)

_ACRONYM = re.compile(
    rf"(?P<long>[{_UPPER}][\w'’-]*(?:\s+(?:of|for|and|the|de|on|[{_UPPER}][\w'’-]*))*)\s+\((?P<acr>[A-Z][A-Za-z]{{1,7}})\)"
)
_PARENTHESISED = re.compile(r"\([A-Z][A-Za-z]{1,7}\)")
_ORG_RUN = re.compile(rf"(?<![\w-])(?:[{_UPPER}][\w'’&-]*|\d+)(?:\s+(?:(?:of|for|and|on|the)\s+)*[{_UPPER}][\w'’&-]*)+")
# A head word as a whole token of a run, possibly possessive ("Council's").
_HEAD = trie_pattern((head, r"(?<![\w-].)", r"(?:['’]s)?(?![\w'’&-])") for head in ORG_HEADS)


_DATE_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December".split()
)


def _org_from_run(gaz: Gazetteer, m: re.Match[str]) -> Found | None:
    words = m.group().split()
    if not _DATE_WORDS.isdisjoint(words):  # "Police on Wednesday": the date is not in the name
        cut = next((i for i in range(1, len(words)) if words[i] in _DATE_WORDS and words[i - 1] in ("on", "in", "of")), None)
        words = words[: cut - 1] if cut is not None else words
    heads = [i for i, w in enumerate(words) if clean(w) in ORG_HEADS]
    if not heads or clean(words[heads[-1]]) in MEDIA_ORG_HEADS:
        return None
    first = 0
    affiliation = None
    while first < heads[0] and (state_named(gaz, words[first]) or words[first] == "The"):
        state = state_named(gaz, words[first])
        affiliation = state.name if state else affiliation
        first += 1
    last = heads[-1]
    while last + 1 < len(words) and clean(words[last + 1]).lower() not in HEAD_TITLES:
        last += 1
        if is_possessive(words[last]):
            break
    name = clean(" ".join(words[first : last + 1]))
    s = m.start() + m.group().index(words[first])
    if gaz.lookup(name) is None and len(name.split()) >= 2:
        return s, s + len(name), Actor(name, "organisation", affiliation)
    return None


def org_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[Found]:
    """Organisations: capitalised runs with a head noun ("Ministry of Foreign Affairs")."""
    heads = (h.start() for h in _HEAD.finditer(text, start, end))
    return [o for m in matches_around(_ORG_RUN, text, heads, start, end) if (o := _org_from_run(gaz, m))]


_GROUP_NOUNS = ("protesters", "protestors", "demonstrators", "militants", "insurgents", "rebels", "gunmen",
                "separatists", "jihadists", "militiamen", "militias", "militia", "pirates", "hijackers", "kidnappers")
_MEMBERS_OF = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[A-Z]")
_DEMONYM_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _group_nouns(text: str, lower: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, noun) of each generic group noun, in lower case or capitalised, as a whole word
    (found by string search in ``lower``, the lower-cased text, or in ``text`` itself if their
    offsets differ)."""
    hits: list[tuple[int, str]] = []
    aligned = len(lower) == len(text)
    for noun in _GROUP_NOUNS if aligned else _GROUP_NOUNS + tuple(n.capitalize() for n in _GROUP_NOUNS):
        at = (lower if aligned else text).find(noun, start, end)
        while at >= 0:
            stop = at + len(noun)
            if (at == 0 or not text[at - 1].isalnum()) and (stop >= len(text) or not text[stop].isalnum()):
                word = text[at:stop]
                if word == noun or word == noun.capitalize():
                    hits.append((at, word))
            at = (lower if aligned else text).find(noun, stop, end)
    return sorted(hits)


def group_mentions(text: str, gaz: Gazetteer, start: int, end: int, lower: str | None = None) -> list[Found]:
    """Generic groups: "protesters", "Syrian rebels" (with the state as affiliation).
    ``lower``, if given, is ``text.lower()``."""
    found: list[Found] = []
    for at, word in _group_nouns(text, text.lower() if lower is None else lower, start, end):
        if _MEMBERS_OF.match(text, at + len(word)):
            continue  # "rebels of the FARC" are the FARC's members: the named group is the actor
        noun = word.lower().replace("protestors", "protesters")
        dem = _DEMONYM_BEFORE.search(text, max(0, at - 25), at)
        state = state_named(gaz, dem.group(1)) if dem else None
        name = f"{noun.capitalize()} ({state.name})" if state else noun.capitalize()
        kind: ActorKind = "unknown" if noun in ("protesters", "demonstrators") else "armed_group"
        found.append((at, at + len(word), Actor(name, kind, state.name if state else None)))
    return found


_ACRONYM_GLUE = frozenset({"of", "for", "and", "the", "de", "on"})


def defined_by_acronym(long: str, acr: str) -> str | None:
    """The tail of ``long`` whose capitalised words' initials spell ``acr`` ("... members of the
    Movement for Peace and Justice (MPJ)" -> "Movement for Peace and Justice"), or None."""
    words = long.split()
    letters = acr.upper()
    need = len(letters)
    for first in range(len(words) - 1, -1, -1):
        if words[first].lower() in _ACRONYM_GLUE:
            continue
        initials = "".join(w[0] for w in words[first:] if w.lower() not in _ACRONYM_GLUE).upper()
        if len(initials) == need:  # an acronym of the name in another language keeps its letters
            return " ".join(words[first:]) if sorted(initials) == sorted(letters) and need >= 2 else None
    return None


def acronyms(text: str, found: list[Found], start: int, end: int) -> list[Found]:
    """``Long Name (LN)``: later bare ``LN`` mentions name the same actor. A long name nobody
    found before is an organisation of its own when its initials spell the acronym."""
    extra: list[Found] = []
    if " (" not in text:
        return extra
    parens = (p.start() for p in _PARENTHESISED.finditer(text, start, end))
    window = text[start:end]
    for m in matches_around(_ACRONYM, text, parens, start, end):
        owner = next((a for s, e, a in found if s <= m.end("long") <= e + 1 and e > m.start("long")), None)
        name = defined_by_acronym(m["long"], m["acr"])
        if name is not None and (owner is None or owner.name != name and (owner.kind == "state" or owner.name.endswith(" " + name))):
            owner = Actor(name, "organisation")  # the name the acronym spells, not a state ending it or words before it
            extra.append((m.end("long") - len(name), m.end("long"), owner))
        if owner is None:
            continue
        acr = re.escape(m["acr"])
        for ref in re.finditer(rf"{acr}(?<![\w-]{acr})(?!\w)", window):  # the acronym, not glued to a word
            extra.append((start + ref.start(), start + ref.end(), owner))
    return sorted(extra, key=lambda f: f[0])
