"""Actors: a gazetteer of known names, titled persons, organisations, coreference.

The gazetteer (``seeds/actors.json``) is a JSON list of ``{"name", "kind",
"affiliation", "aliases"}``. States may also carry ``"capitals"`` (a capital
after a locative preposition is a place, not an actor) and ``"match_name":
false`` when the bare name is too ambiguous to match ("Jordan", "Chad").
Matching is case-sensitive: names are capitalised, common words are not.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import app
from app.extract.types import Actor, ActorKind, ActorMention

LOCATIVE = re.compile(
    r"(?:\b(?:in|into|to|from|near|at|outside|around|across|toward|towards|through|of|via|over|inside|on)\s+)$",
    re.IGNORECASE,
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}][\w'’.-]*"
_PARTICLE = r"(?:al|el|ad|ash|as|bin|ibn|de|da|van|von|der|du|di|dos|del|la|le|Bin|Abu|Abd|Abdul)"
NAME_RUN = re.compile(rf"(?<![\w-])(?:{_TOKEN}|{_PARTICLE}-{_TOKEN})(?:\s+(?:{_PARTICLE}[\s-])?{_TOKEN})*")

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


@dataclass(frozen=True)
class Gazetteer:
    """Known actors with one compiled pattern over all their names."""

    actors: tuple[Actor, ...]
    by_alias: dict[str, Actor]
    capitals: frozenset[str]
    pattern: re.Pattern[str]

    def lookup(self, name: str) -> Actor | None:
        return self.by_alias.get(name)

    def state_of(self, actor: Actor) -> Actor | None:
        """The state a known official acts for (gazetteer persons only)."""
        if actor.kind != "person" or not actor.aliases or not actor.affiliation:
            return None
        state = self.by_alias.get(actor.affiliation)
        return state if state is not None and state.kind == "state" else None


def _entry_names(entry: dict[str, object]) -> list[str]:
    aliases = [str(a) for a in entry.get("aliases") or []]  # type: ignore[attr-defined]
    own = [str(entry["name"])] if entry.get("match_name", True) else []
    return own + aliases


def build_gazetteer(entries: list[dict[str, object]]) -> Gazetteer:
    """A Gazetteer from already-parsed JSON entries."""
    actors: list[Actor] = []
    by_alias: dict[str, Actor] = {}
    capitals: set[str] = set()
    for entry in entries:
        names = _entry_names(entry)
        kind: ActorKind = entry.get("kind", "unknown")  # type: ignore[assignment]
        affiliation = entry.get("affiliation")
        actor = Actor(str(entry["name"]), kind, str(affiliation) if affiliation else None, tuple(names))
        actors.append(actor)
        for name in names:
            by_alias.setdefault(name, actor)
        capitals.update(str(c) for c in entry.get("capitals") or [])  # type: ignore[attr-defined]
    alternatives = "|".join(re.escape(n) for n in sorted(by_alias, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])")
    return Gazetteer(tuple(actors), by_alias, frozenset(capitals), pattern)


def default_gazetteer_path() -> Path:
    """The installed copy (``app/_seeds``) if present, else the repository's ``seeds/``."""
    installed = Path(app.__file__).parent / "_seeds" / "actors.json"
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "seeds" / "actors.json"


@functools.lru_cache(maxsize=4)
def _load_cached(path: Path) -> Gazetteer:
    return build_gazetteer(json.loads(path.read_text(encoding="utf-8")))


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load (once per path) the gazetteer JSON; default: the project's ``seeds/actors.json``."""
    return _load_cached(Path(path) if path else default_gazetteer_path())


_Found = tuple[int, int, Actor]
_POSSESSIVE = re.compile(r"['’]s$")
_ACRONYM = re.compile(
    rf"(?P<long>[{_UPPER}][\w'’-]*(?:\s+(?:of|for|and|the|de|on|[{_UPPER}][\w'’-]*))*)\s+\((?P<acr>[A-Z][A-Za-z]{{1,7}})\)"
)
_ORG_RUN = re.compile(rf"(?<![\w-])(?:[{_UPPER}][\w'’&-]*|\d+)(?:\s+(?:(?:of|for|and|on|the)\s+)*[{_UPPER}][\w'’&-]*)+")
_GROUP = re.compile(
    r"\b(?:(?P<dem>[A-Z][a-z]+)\s+)?(?P<noun>protesters|protestors|demonstrators|militants|insurgents|rebels|gunmen|separatists|jihadists|militiamen|militias?)\b"
)
_APPOSITION = re.compile(r",\s+(?:a|an|the|another|\d{1,3},)\s|\s+(?:said|says|told|added|stated|wrote)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|according\s+to)\s+$")
_LAST_WORD = re.compile(r"([A-Za-z-]+)\s+$")


def _clean(token: str) -> str:
    return _POSSESSIVE.sub("", token).rstrip(".,") if not re.fullmatch(r"[A-Z]\.", token) else token


def _state_of(gaz: Gazetteer, token: str) -> Actor | None:
    actor = gaz.lookup(_clean(token))
    return actor if actor and actor.kind == "state" else None


def _gazetteer_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[_Found]:
    found = []
    for m in gaz.pattern.finditer(text, start, end):
        if m.group() in gaz.capitals and LOCATIVE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "fighting in Kabul": a place, not the government
        actor = gaz.lookup(m.group())
        if actor is not None:
            found.append((m.start(), m.end(), actor))
    return found


_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]")
HEAD_TITLES = TITLE_WORDS - frozenset(
    "vice prime deputy first foreign defence defense interior finance justice police army military state interim acting former opposition rebel field".split()
)


def _is_namelike(token: str) -> bool:
    """Names have lower-case letters ("CNN" is not a person's name) unless an initial."""
    return any(c.islower() for c in token) or bool(re.fullmatch(r"[A-Z]\.", token))


def _is_title(token: str) -> bool:
    return _clean(token).lower() in TITLE_WORDS


def _titled_person(text: str, gaz: Gazetteer, m: re.Match[str]) -> _Found | None:
    """A person named in a capitalised run: after a title inside it, or a role word/said before it."""
    tokens = [(t.start(), t.end()) for t in re.finditer(r"\S+", m.group())]
    titles = [i for i, (s, e) in enumerate(tokens) if _is_title(m.group()[s:e])]
    name_from = titles[-1] + 1 if titles else 0
    names = tokens[name_from:]
    owned = [i for i, (s, e) in enumerate(names[:-1]) if _POSSESSIVE.search(m.group()[s:e])]
    names = names[owned[-1] + 1 :] if owned else names
    if _ACRONYM_AFTER.match(text, m.end()) or not all(_is_namelike(m.group()[s:e]) for s, e in names):
        return None
    if not names or any(_clean(m.group()[s:e]) in NOT_NAME_TOKENS for s, e in names):
        return None
    start, end = m.start() + names[0][0], m.start() + names[-1][1]
    name = _clean(text[start:end])
    end = start + len(name)
    if not name or gaz.lookup(name) is not None or any(w in ORG_HEADS for w in name.split()):
        return None
    affiliation = _affiliation(text, gaz, m, tokens[: titles[0]] if titles else [])
    if titles or _role_before(text, m.start()) or len(names) >= 2 and _named_by_context(text, m):
        return start, end, Actor(name, "person", affiliation)
    return None


def _role_before(text: str, start: int) -> bool:
    word = _LAST_WORD.search(text, max(0, start - 30), start)
    return bool(word) and word.group(1).lower() in ROLE_NOUNS | TITLE_WORDS  # type: ignore[union-attr]


def _named_by_context(text: str, m: re.Match[str]) -> bool:
    return bool(_APPOSITION.match(text, m.end()) or _SAID_BEFORE.search(text, max(0, m.start() - 20), m.start()))


def _affiliation(text: str, gaz: Gazetteer, m: re.Match[str], before: list[tuple[int, int]]) -> str | None:
    for s, e in before:
        state = _state_of(gaz, m.group()[s:e])
        if state:
            return state.name
    window = text[max(0, m.start() - 40) : m.start()]
    states = [gaz.lookup(g.group()) for g in gaz.pattern.finditer(window)]
    states = [a for a in states if a and a.kind == "state"]
    return states[-1].name if states and _role_before(text, m.start()) else None


def _person_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[_Found]:
    return [p for m in NAME_RUN.finditer(text, start, end) if (p := _titled_person(text, gaz, m))]


def _org_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[_Found]:
    found = []
    for m in _ORG_RUN.finditer(text, start, end):
        words = m.group().split()
        heads = [i for i, w in enumerate(words) if _clean(w) in ORG_HEADS]
        if not heads or _clean(words[heads[-1]]) in MEDIA_ORG_HEADS:
            continue
        first = 0
        affiliation = None
        while first < heads[0] and (_state_of(gaz, words[first]) or words[first] == "The"):
            state = _state_of(gaz, words[first])
            affiliation = state.name if state else affiliation
            first += 1
        last = heads[-1]
        while last + 1 < len(words) and _clean(words[last + 1]).lower() not in HEAD_TITLES:
            last += 1
            if _POSSESSIVE.search(words[last]):
                break
        name = _clean(" ".join(words[first : last + 1]))
        s = m.start() + m.group().index(words[first])
        if gaz.lookup(name) is None and len(name.split()) >= 2:
            found.append((s, s + len(name), Actor(name, "organisation", affiliation)))
    return found


def _group_mentions(text: str, gaz: Gazetteer, start: int, end: int) -> list[_Found]:
    found = []
    for m in _GROUP.finditer(text, start, end):
        noun = m["noun"].lower().replace("protestors", "protesters")
        state = _state_of(gaz, m["dem"]) if m["dem"] else None
        name = f"{noun.capitalize()} ({state.name})" if state else noun.capitalize()
        kind: ActorKind = "unknown" if noun in ("protesters", "demonstrators") else "armed_group"
        found.append((m.start("noun"), m.end(), Actor(name, kind, state.name if state else None)))
    return found


def _acronyms(text: str, found: list[_Found], start: int, end: int) -> list[_Found]:
    """``Long Name (LN)``: later bare ``LN`` mentions name the same actor."""
    extra: list[_Found] = []
    for m in _ACRONYM.finditer(text, start, end):
        owner = next((a for s, e, a in found if s <= m.end("long") <= e + 1 and e > m.start("long")), None)
        if owner is None:
            continue
        for ref in re.finditer(rf"(?<![\w-]){re.escape(m['acr'])}(?![\w])", text[start:end]):
            extra.append((start + ref.start(), start + ref.end(), owner))
    return extra


def _single_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.start() + len(_clean(m.group())), _clean(m.group()))
        for m in re.finditer(rf"(?<![\w-])(?:{_PARTICLE}-)?{_TOKEN}", text[: end])
        if m.start() >= start
    ]


@functools.lru_cache(maxsize=4096)
def _name_keys(name: str) -> frozenset[str]:
    words = name.split()
    keys = {words[0], words[-1], re.sub(rf"^{_PARTICLE}-", "", words[-1])}
    return frozenset(keys) if len(words) > 1 else frozenset()


def _coreference(text: str, found: list[_Found], start: int, end: int) -> list[_Found]:
    """Surname (or lone given name) mentions resolved to a full name in the document."""
    persons = sorted((s, a) for s, _, a in found if a.kind == "person")
    extra: list[_Found] = []
    for s, e, token in _single_tokens(text, start, end):
        if token in NOT_NAME_TOKENS:
            continue
        candidates = [(ps, a) for ps, a in persons if token in _name_keys(a.name) and token != a.name]
        if candidates:
            before = [c for c in candidates if c[0] < s]
            extra.append((s, e, (before[-1] if before else candidates[0])[1]))
    return extra


_FORCES = re.compile(
    r"\b(?:(?:the|its|government|security|armed|police)\s+)?(?:police(?:\s+officers)?|security\s+forces|army|government\s+forces|authorities|government)\b",
    re.IGNORECASE,
)
_APPOSED = re.compile(r"\b(junta|regime|government|group|militia|movement|alliance|coalition)\s*,\s+(?:the\s+)?$", re.IGNORECASE)


def _main_state(found: list[_Found]) -> Actor | None:
    """The state mentioned most often (first mentioned on a tie): the document's country."""
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    for _, _, a in found:
        if a.kind == "state":
            counts[a.name] = counts.get(a.name, 0) + 1
            first.setdefault(a.name, a)
    return first[max(counts, key=lambda n: (counts[n], -list(first).index(n)))] if counts else None


def _forces(text: str, found: list[_Found], start: int, end: int) -> list[_Found]:
    """Unattributed "police", "troops", "the authorities": the document's country's forces.

    Only when no state or demonym stands right before them ("US troops" are already the US).
    """
    state = _main_state(found)
    if state is None:
        return []
    owned = {e for _, e, _ in found}
    out = []
    for m in _FORCES.finditer(text, start, end):
        prefix = text[max(start, m.start() - 3) : m.start()]
        if not any(e in range(m.start() - 3, m.start() + 1) for e in owned) and not _POSSESSIVE.search(prefix.strip()):
            out.append((m.start(), m.end(), state))
    return out


def _apposed_names(text: str, found: list[_Found], start: int, end: int) -> list[_Found]:
    """"its military junta, the National Council ..." makes later "the junta" that council."""
    extra: list[_Found] = []
    for s, _, actor in found:
        noun = _APPOSED.search(text, max(start, s - 30), s)
        if noun is None or actor.kind not in ("organisation", "armed_group"):
            continue
        refs = rf"\b(?:(?:the|a|an|its|military)\s+)+{noun.group(1)}\b"
        for ref in re.finditer(refs, text[start:end], re.IGNORECASE):
            extra.append((start + ref.start(), start + ref.end(), actor))
    return extra


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """Earlier entries win over later ones that overlap them."""
    kept: list[_Found] = []
    for s, e, a in found:
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, a))
    return sorted(kept, key=lambda f: f[0])


def _promote(found: list[_Found], gaz: Gazetteer) -> list[_Found]:
    """A person found by title whose name matches nothing in the gazetteer stays as found;
    a one-word titled name ("Colonel Smith") becomes the full name seen elsewhere."""
    full = {a.name: a for _, _, a in found if a.kind == "person" and " " in a.name}
    out = []
    for s, e, a in found:
        if a.kind == "person" and " " not in a.name:
            match = next((f for n, f in full.items() if a.name in _name_keys(n)), None)
            a = match or a
        out.append((s, e, a))
    return out


def find_actor_mentions(text: str, gazetteer: Gazetteer, start: int = 0, end: int | None = None) -> tuple[ActorMention, ...]:
    """Actor mentions in ``text[start:end]``, in order, resolved to canonical actors.

    Known names come first, then titled or quoted persons, organisations,
    acronyms introduced in parentheses, generic groups (protesters, militants)
    and finally surnames of persons already named. A full name, once
    established anywhere in the text, is recognised at all its occurrences.
    """
    end = len(text) if end is None else end
    found = _gazetteer_mentions(text, gazetteer, start, end)
    people = _promote(_person_mentions(text, gazetteer, start, end), gazetteer)
    found = _without_overlaps(found + _everywhere(text, people, start, end))
    found = _without_overlaps(found + _org_mentions(text, gazetteer, start, end))
    found = _without_overlaps(found + _acronyms(text, found, start, end) + _group_mentions(text, gazetteer, start, end))
    found = _without_overlaps(found + _coreference(text, found, start, end))
    found = _without_overlaps(found + _apposed_names(text, found, start, end))
    found = _without_overlaps(found + _forces(text, found, start, end))
    return tuple(ActorMention(s, e, text[s:e], a) for s, e, a in found)


def _everywhere(text: str, people: list[_Found], start: int, end: int) -> list[_Found]:
    """Each detected multi-word person name at every place it occurs."""
    out = list(people)
    for actor in {a.name: a for _, _, a in people if " " in a.name}.values():
        for m in re.finditer(rf"(?<![\w-]){re.escape(actor.name)}(?![\w])", text[start:end]):
            out.append((start + m.start(), start + m.end(), actor))
    return sorted(out, key=lambda f: (f[0], f[0] - f[1]))
