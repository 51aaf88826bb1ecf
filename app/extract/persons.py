"""Persons the gazetteer does not know.

A capitalised run of words is a person when a title stands inside it
("Deputy Interior Minister Jane Roe"), a role noun or a say-verb stands
before it ("journalist Jane Roe", "said Jane Roe"), or an apposition or a
say-verb follows a two-word name ("Jane Roe, a lawyer, ..."). Organisations,
acronyms and generic groups are found in ``organisations``.
"""

from __future__ import annotations

import functools
import re

from app.extract.gazetteer import Found, Gazetteer
from app.extract.types import Actor

_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}][\w'’.-]*"
PARTICLE = r"(?:al|el|ad|ash|as|bin|ibn|de|da|van|von|der|du|di|dos|del|la|le|Bin|Abu|Abd|Abdul)"
_LOWER_PARTICLES = ("al", "el", "ad", "ash", "as", "bin", "ibn", "de", "da", "van", "von", "der", "du", "di", "dos", "del", "la", "le")
# A capitalised run of words: ``(?<![\w-])(?:TOKEN|PARTICLE-TOKEN)(?:\s+(?:PARTICLE[\s-])?TOKEN)*``,
# written to start at its first capital (after "al-" in "al-Sadr") so that the regex engine
# skips to capitals instead of trying every position; ``_runs`` moves the start back.
_AFTER_PARTICLE = "|".join(
    rf"(?<=(?<![\w-])(?:{'|'.join(p for p in _LOWER_PARTICLES if len(p) == n)})-.)" for n in (2, 3)
)
NAME_RUN = re.compile(rf"[{_UPPER}](?:(?<![\w-].)|{_AFTER_PARTICLE})[\w'’.-]*(?:\s+(?:{PARTICLE}[\s-])?{_TOKEN})*")

TITLE_WORDS = frozenset(
    """president vice prime minister deputy first foreign defence defense interior finance justice
    secretary secretary-general general gen. lieutenant lt. colonel col. major major-general
    lieutenant-general brigadier brigadier-general captain capt. commander admiral sergeant sgt.
    ambassador envoy spokesman spokeswoman spokesperson chief head governor mayor king queen prince
    princess senator sen. representative rep. chairman chairwoman director leader cleric commissioner
    president-elect police army military state interim acting former opposition rebel field marshal
    emir sultan ayatollah pope archbishop bishop judge prosecutor attorney undersecretary
    minister-president premier chancellor""".split()
) | frozenset("gen lt col maj capt sgt cpl pvt brig adm cmdr gov sen rep supt insp".split())  # abbreviations, read without their dot
ROLE_NOUNS = frozenset(
    """hostage activist resident driver man woman boy girl reporter journalist poet scholar writer
    official analyst cleric leader spokesman spokeswoman spokesperson commander president minister
    rebel militant soldier lawyer professor politician businessman correspondent officer negotiator
    mediator diplomat photographer student doctor suspect citizen national teenager worker
    blogger expert researcher economist farmer priest imam candidate warlord dictator strongman lawmaker
    legislator witness survivor victim prisoner detainee captive villager gunman fighter""".split()
)
ORG_HEADS = frozenset(
    """Ministry Department Council Party Army Front Movement Coalition Committee Commission Agency
    Institute Center Centre Brigade Brigades Battalion Forces Guard Union League Organization
    Organisation Service Police Office Court Parliament Assembly Bank Corps Alliance Authority
    Government Navy Times Post News Agency Network University School Airport Games Observatory Foundation
    Association Society Bureau Directorate Secretariat Tribunal Mission Programme Program Fund""".split()
)
NOT_NAME_TOKENS = frozenset(
    """The A An In On At As By For From Of To With And But Or If When While After Before Since During
    Despite Meanwhile However Although Though Also Earlier Later Today Yesterday Reports According
    This That These Those It Its He She They We I His Her Their Our There Here Some Many Most Both
    Other Another Such Two Three One Mr Mrs Ms Dr Sir Lord Saint St Street Road Square Roundabout
    Palace Province District City Island Islands Sea Ocean Peninsula River Mountain Operation
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Shia Sunni Shiite Islamic Islamist Christian
    Muslim Jewish Arab Western Eastern Northern Southern Central North South East West Forest Valley
    Lake Desert Mountains Hills Camp Base Bridge Border Strip Bay Gulf Coast Region County Hospital
    Market Mosque Church Prison Stadium Highway Port Harbour Canal Dam Village Town Airport""".split()
)
_APPOSITION = re.compile(
    r",\s+(?:a|an|the|another|\d{1,3},)\s|\s+(?:said|says|told|added|stated|wrote|announced|declared|denied|confirmed|insisted)\b"
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|according\s+to)\s+$")
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]")


def clean(token: str) -> str:
    """A token without a possessive 's or trailing punctuation ("Kenya's," -> "Kenya"); initials kept."""
    if len(token) == 2 and token[1] == "." and token[0].isupper():
        return token
    if token.endswith(("'s", "’s")):
        token = token[:-2]
    return token.rstrip(".,")


_POSSESSIVE = ("'s", "’s")


def is_possessive(token: str) -> bool:
    return token.endswith(_POSSESSIVE)


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


def _named_by_context(text: str, start: int, end: int) -> bool:
    return bool(_APPOSITION.match(text, end) or _SAID_BEFORE.search(text, max(0, start - 20), start))


@functools.lru_cache(maxsize=65536)
def _is_title(token: str) -> bool:
    return clean(token).lower() in TITLE_WORDS


@functools.lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    """Whether a word may stand in a person's name: name-like and not a known non-name."""
    return _is_namelike(word) and clean(word) not in NOT_NAME_TOKENS


_TITLE, _NAME, _OTHER = "title", "name", "other"


@functools.lru_cache(maxsize=65536)
def _word_kind(word: str) -> str:
    """A title word, a word that may stand in a name, or neither."""
    return _TITLE if _is_title(word) else _NAME if _name_word(word) else _OTHER


@functools.lru_cache(maxsize=65536)
def _lone_token(word: str) -> str | None:
    """A one-word run, cleaned, if it may be a person's name."""
    token = clean(word)
    return None if token in NOT_NAME_TOKENS or token.lower() in TITLE_WORDS or not _is_namelike(token) else token


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each capitalised run in ``text[start:end]`` (see ``NAME_RUN``)."""
    out: list[tuple[int, int]] = []
    for m in NAME_RUN.finditer(text, start, end):
        s = m.start()
        if text[s - 1 : s] == "-":  # "al-Sadr": the run starts at its particle
            s -= 1
            while s > 0 and text[s - 1].isalpha():
                s -= 1
            if s < start:  # its particle lies before ``start``: look again from the next character
                return out + _runs(text, m.start() + 1, end)
        out.append((s, m.end()))
    return out


# A run after an organisation's head and "of"/"for" ("Observatory for Human Rights") is the
# tail of the organisation's name, not a person.
_NAME_TAIL = re.compile(r"(?P<head>[A-Z][\w'’-]*)\s+(?:for|of)\s+(?:the\s+)?$")


def titled_person(text: str, gaz: Gazetteer, start: int, end: int) -> Found | None:
    """A person named in the capitalised run ``text[start:end]``: after a title inside it, or a
    role word/said before it. A run after "the" names a place or a thing ("the Sambisa Forest")."""
    run = text[start:end]
    if " " not in run:  # the common case: a capitalised word alone, with no role word before it
        token = _lone_token(run)
        if token is None or gaz.lookup(token) or not _role_before(text, start):
            return None
    if text[max(0, start - 4) : start] == "the ":
        return None
    tail = _NAME_TAIL.search(text, max(0, start - 40), start)
    if tail is not None and tail["head"] in ORG_HEADS:
        return None
    tokens = run.split()
    first = _name_start(tokens)
    if first is None or first == len(tokens) or _ACRONYM_AFTER.match(text, end):
        return None
    rest = run.split(None, first)[-1] if first else run  # the run from its first name word on
    at = start + len(run) - len(rest)
    name = clean(rest)
    if not name or gaz.lookup(name) is not None or any(w in ORG_HEADS for w in name.split()):
        return None
    titles = [i for i, t in enumerate(tokens[:first]) if _is_title(t)]
    if titles or _role_before(text, start) or (len(tokens) - first >= 2 and _named_by_context(text, start, end)):
        return at, at + len(name), Actor(name, "person", _affiliation(text, gaz, start, tokens[: titles[0]] if titles else []))
    return None


def _name_start(tokens: list[str]) -> int | None:
    """Where the name begins in a run's tokens: after its last title and its last possessive
    before the final word ("Kenya's Interior Minister Jane Roe"); None if a word of the name
    cannot be part of one ("The", "CNN")."""
    first = len(tokens)
    while first > 0:
        token = tokens[first - 1]
        kind = _word_kind(token)
        if kind is _TITLE or (first < len(tokens) and token.endswith(_POSSESSIVE)):
            break
        if kind is not _NAME:
            return None
        first -= 1
    return first


def _affiliation(text: str, gaz: Gazetteer, start: int, before: list[str]) -> str | None:
    """The state in a person's title ("Kenya's Interior Minister"), or named just before a role word."""
    for token in before:
        state = state_named(gaz, token)
        if state:
            return state.name
    if not _role_before(text, start):
        return None
    states = [a for _, _, a in gaz.find(text, max(0, start - 40), start) if a.kind == "state"]
    return states[-1].name if states else None


def person_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[Found]:
    return [p for s, e in _runs(text, start, end) if (p := titled_person(text, gaz, s, e))]
