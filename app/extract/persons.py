"""Actors the gazetteer does not know: titled persons, organisations, groups, acronyms.

A capitalised run of words is a person when a title stands inside it
("Deputy Interior Minister Jane Roe"), a role noun or a say-verb stands
before it ("journalist Jane Roe", "said Jane Roe"), or an apposition or a
say-verb follows a two-word name ("Jane Roe, a lawyer, ..."). A run ending
in an organisation head ("Ministry of Health", "... Party") is an
organisation; a state name before it is its affiliation.
"""

from __future__ import annotations

import functools
import re

from app.extract.gazetteer import Found, Gazetteer
from app.extract.types import Actor, ActorKind

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}][\w'’.-]*"
PARTICLE = r"(?:al|el|ad|ash|as|bin|ibn|de|da|van|von|der|du|di|dos|del|la|le|Bin|Abu|Abd|Abdul)"
NAME_RUN = re.compile(rf"(?<![\w-])(?:{_TOKEN}|{PARTICLE}-{_TOKEN})(?:\s+(?:{PARTICLE}[\s-])?{_TOKEN})*")
SINGLE_TOKEN = re.compile(rf"(?<![\w-])(?:{PARTICLE}-)?{_TOKEN}")

TITLE_WORDS = frozenset(
    """president vice prime minister deputy first foreign defence defense interior finance justice
    secretary secretary-general general gen. lieutenant lt. colonel col. major major-general
    lieutenant-general brigadier brigadier-general captain capt. commander admiral sergeant sgt.
    ambassador envoy spokesman spokeswoman spokesperson chief head governor mayor king queen prince
    princess senator sen. representative rep. chairman chairwoman director leader cleric commissioner
    president-elect police army military state interim acting former opposition rebel field marshal
    emir sultan ayatollah pope archbishop bishop judge prosecutor attorney undersecretary
    minister-president premier chancellor""".split()
)
ROLE_NOUNS = frozenset(
    """hostage activist resident driver man woman boy girl reporter journalist poet scholar writer
    official analyst cleric leader spokesman spokeswoman spokesperson commander president minister
    rebel militant soldier lawyer professor politician businessman correspondent officer negotiator
    mediator diplomat photographer student doctor suspect citizen national teenager worker
    blogger expert researcher economist farmer priest imam candidate""".split()
)
ORG_HEADS = frozenset(
    """Ministry Department Council Party Army Front Movement Coalition Committee Commission Agency
    Institute Center Centre Brigade Brigades Battalion Forces Guard Union League Organization
    Organisation Service Police Office Court Parliament Assembly Bank Corps Alliance Authority
    Government Navy Times Post News Agency Network University School Airport Games""".split()
)
MEDIA_ORG_HEADS = frozenset({"Times", "Post", "News", "Network", "Games", "University", "School", "Airport"})
NOT_NAME_TOKENS = frozenset(
    """The A An In On At As By For From Of To With And But Or If When While After Before Since During
    Despite Meanwhile However Although Though Also Earlier Later Today Yesterday Reports According
    This That These Those It Its He She They We I His Her Their Our There Here Some Many Most Both
    Other Another Such Two Three One Mr Mrs Ms Dr Sir Lord Saint St Street Road Square Roundabout
    Palace Province District City Island Islands Sea Ocean Peninsula River Mountain Operation
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Shia Sunni Shiite Islamic Islamist Christian
    Muslim Jewish Arab Western Eastern Northern Southern Central North South East West""".split()
)
HEAD_TITLES = TITLE_WORDS - frozenset(
    "vice prime deputy first foreign defence defense interior finance justice police army military state interim acting former opposition rebel field".split()
)

_ACRONYM = re.compile(
    rf"(?P<long>[{_UPPER}][\w'’-]*(?:\s+(?:of|for|and|the|de|on|[{_UPPER}][\w'’-]*))*)\s+\((?P<acr>[A-Z][A-Za-z]{{1,7}})\)"
)
_ORG_RUN = re.compile(rf"(?<![\w-])(?:[{_UPPER}][\w'’&-]*|\d+)(?:\s+(?:(?:of|for|and|on|the)\s+)*[{_UPPER}][\w'’&-]*)+")
_APPOSITION = re.compile(r",\s+(?:a|an|the|another|\d{1,3},)\s|\s+(?:said|says|told|added|stated|wrote)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|according\s+to)\s+$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]")
_SPACE_SPLIT = re.compile(r"\S+")


def clean(token: str) -> str:
    """A token without a possessive 's or trailing punctuation ("Kenya's," -> "Kenya"); initials kept."""
    if len(token) == 2 and token[1] == "." and token[0].isupper():
        return token
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    return token.rstrip(".,")


def is_possessive(token: str) -> bool:
    return token.endswith(("'s", "’s"))


def state_named(gaz: Gazetteer, token: str) -> Actor | None:
    actor = gaz.lookup(clean(token))
    return actor if actor and actor.kind == "state" else None


def _is_namelike(token: str) -> bool:
    """Names have lower-case letters ("CNN" is not a person's name) unless an initial."""
    return any(c.islower() for c in token) or (len(token) == 2 and token[1] == "." and token[0].isupper())


_ROLE_WORDS = ROLE_NOUNS | TITLE_WORDS


def _role_before(text: str, start: int) -> bool:
    """Whether the word just before ``start`` (a comma allowed) is a role or a title: "journalist"."""
    before = text[max(0, start - 30) : start]
    if not before[-1:].isspace():
        return False
    words = before.rstrip().rstrip(",").rsplit(None, 1)
    return bool(words) and words[-1].lower() in _ROLE_WORDS


def _named_by_context(text: str, m: re.Match[str]) -> bool:
    return bool(_APPOSITION.match(text, m.end()) or _SAID_BEFORE.search(text, max(0, m.start() - 20), m.start()))


@functools.lru_cache(maxsize=65536)
def _is_title(token: str) -> bool:
    return clean(token).lower() in TITLE_WORDS


@functools.lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    """Whether a word may stand in a person's name: name-like and not a known non-name."""
    return _is_namelike(word) and clean(word) not in NOT_NAME_TOKENS


@functools.lru_cache(maxsize=65536)
def _lone_candidate(token: str) -> bool:
    """Word-level checks of a one-word run (``token`` already cleaned)."""
    return not (token in NOT_NAME_TOKENS or token.lower() in TITLE_WORDS or not _is_namelike(token))


def _name_tokens(run: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The run's tokens after its last title and last possessive; and the title positions."""
    tokens = [(t.start(), t.end()) for t in _SPACE_SPLIT.finditer(run)]
    titles = [i for i, (s, e) in enumerate(tokens) if _is_title(run[s:e])]
    names = tokens[titles[-1] + 1 :] if titles else tokens
    owned = [i for i, (s, e) in enumerate(names[:-1]) if is_possessive(run[s:e])]
    return (names[owned[-1] + 1 :] if owned else names), titles


def _lone_name(text: str, gaz: Gazetteer, m: re.Match[str]) -> bool:
    """Whether a one-word run may be a person: a name-like unknown word after a role word."""
    token = clean(m.group())
    if not _lone_candidate(token) or gaz.lookup(token):
        return False
    return _role_before(text, m.start())


def titled_person(text: str, gaz: Gazetteer, m: re.Match[str]) -> Found | None:
    """A person named in a capitalised run: after a title inside it, or a role word/said before it."""
    run = m.group()
    if " " not in run and not _lone_name(text, gaz, m):
        return None  # the common case: a capitalised word alone, with no role word before it
    names, titles = _name_tokens(run)
    if not names or _ACRONYM_AFTER.match(text, m.end()):
        return None
    words = [run[s:e] for s, e in names]
    if not all(map(_name_word, words)):
        return None
    start = m.start() + names[0][0]
    name = clean(text[start : m.start() + names[-1][1]])
    if not name or gaz.lookup(name) is not None or any(w in ORG_HEADS for w in name.split()):
        return None
    if titles or _role_before(text, m.start()) or (len(names) >= 2 and _named_by_context(text, m)):
        before = _tokens_before(run, titles[0]) if titles else []
        return start, start + len(name), Actor(name, "person", _affiliation(text, gaz, m, before))
    return None


def _tokens_before(run: str, stop: int) -> list[tuple[int, int]]:
    return [(t.start(), t.end()) for t in _SPACE_SPLIT.finditer(run)][:stop]


def _affiliation(text: str, gaz: Gazetteer, m: re.Match[str], before: list[tuple[int, int]]) -> str | None:
    """The state in a person's title ("Kenya's Interior Minister"), or named just before a role word."""
    for s, e in before:
        state = state_named(gaz, m.group()[s:e])
        if state:
            return state.name
    if not _role_before(text, m.start()):
        return None
    states = [a for _, _, a in gaz.find(text, max(0, m.start() - 40), m.start()) if a.kind == "state"]
    return states[-1].name if states else None


def person_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[Found]:
    return [p for m in NAME_RUN.finditer(text, start, end) if (p := titled_person(text, gaz, m))]


def _org_from_run(gaz: Gazetteer, m: re.Match[str]) -> Found | None:
    words = m.group().split()
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
    return [o for m in _ORG_RUN.finditer(text, start, end) if (o := _org_from_run(gaz, m))]


_GROUP_NOUNS = ("protesters", "protestors", "demonstrators", "militants", "insurgents", "rebels", "gunmen",
                "separatists", "jihadists", "militiamen", "militias", "militia")
_MEMBERS_OF = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?[A-Z]")
_DEMONYM_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _group_nouns(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, noun) of each generic group noun as a whole word (found by string search)."""
    hits: list[tuple[int, str]] = []
    for noun in _GROUP_NOUNS + tuple(n.capitalize() for n in _GROUP_NOUNS):
        at = text.find(noun, start, end)
        while at >= 0:
            stop = at + len(noun)
            if (at == 0 or not text[at - 1].isalnum()) and (stop >= len(text) or not text[stop].isalnum()):
                hits.append((at, noun))
            at = text.find(noun, stop, end)
    return sorted(hits)


def group_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[Found]:
    """Generic groups: "protesters", "Syrian rebels" (with the state as affiliation)."""
    found: list[Found] = []
    for at, word in _group_nouns(text, start, end):
        if _MEMBERS_OF.match(text, at + len(word)):
            continue  # "rebels of the FARC" are the FARC's members: the named group is the actor
        noun = word.lower().replace("protestors", "protesters")
        dem = _DEMONYM_BEFORE.search(text, max(0, at - 25), at)
        state = state_named(gaz, dem.group(1)) if dem else None
        name = f"{noun.capitalize()} ({state.name})" if state else noun.capitalize()
        kind: ActorKind = "unknown" if noun in ("protesters", "demonstrators") else "armed_group"
        found.append((at, at + len(word), Actor(name, kind, state.name if state else None)))
    return found


def acronyms(text: str, found: list[Found], start: int, end: int) -> list[Found]:
    """``Long Name (LN)``: later bare ``LN`` mentions name the same actor."""
    extra: list[Found] = []
    if " (" not in text:
        return extra
    for m in _ACRONYM.finditer(text, start, end):
        owner = next((a for s, e, a in found if s <= m.end("long") <= e + 1 and e > m.start("long")), None)
        if owner is None:
            continue
        for ref in re.finditer(rf"(?<![\w-]){re.escape(m['acr'])}(?![\w])", text[start:end]):
            extra.append((start + ref.start(), start + ref.end(), owner))
    return extra
