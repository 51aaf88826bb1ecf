"""The actor gazetteer: known names looked up token by token.

The gazetteer (``seeds/actors.json``) is a JSON list of ``{"name", "kind",
"affiliation", "aliases"}``. States may also carry ``"capitals"`` (a capital
after a locative preposition is a place, not an actor) and ``"match_name":
false`` when the bare name is too ambiguous to match ("Jordan", "Chad").
Matching is case-sensitive: names are capitalised, common words are not.

Every alias is filed under its first word, longest first. An alias is looked
for only where its first word can start one: a capitalised word not glued to
the word before it, "the" before a capitalised word ("the Kremlin"), or one of
the few other lower-case first words ("al-", "government of"), not glued
either. The aliases of capitalised words are compiled into one trie-shaped
regex (``trie``), so one scan of a text finds them all; the others are tried
(with a second such regex) only where string search finds their first word.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import app
from app.extract.trie import Name, trie_pattern
from app.extract.types import Actor, ActorKind

Found = tuple[int, int, Actor]

LOCATIVE = re.compile(
    r"(?:\b(?:in|into|to|from|near|at|outside|around|across|toward|towards|through|of|via|over|inside|on)\s+)$",
    re.IGNORECASE,
)
WORD = re.compile(r"(?<![\w-])\w+")
CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ0-9]\w*")
_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ0-9]")
_FIRST_WORD = re.compile(r"\w+")
_NOT_GLUED = r"(?<![\w-].)"  # placed after a name's first character: nothing glued before it
_WHOLE = r"(?!\w)"
_THE_CAPITAL = re.compile(r"the (?=[A-ZÀ-ÖØ-Þ0-9])")


@dataclass(frozen=True)
class Gazetteer:
    """Known actors, filed by alias and by the first word of each alias."""

    actors: tuple[Actor, ...]
    by_alias: dict[str, Actor]
    capitals: frozenset[str]
    by_first: dict[str, tuple[str, ...]]
    upper: re.Pattern[str] = field(init=False, repr=False, compare=False)
    lower: re.Pattern[str] = field(init=False, repr=False, compare=False)
    lower_leads: tuple[str, ...] = field(init=False, repr=False, compare=False)
    reach: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        upper: list[Name] = []
        lower: list[Name] = []
        for word, aliases in self.by_first.items():
            (upper if _CAPITAL.match(word) else lower).extend(_findable(word, aliases))
        leads = {alias[: len(_FIRST_WORD.match(alias).group()) + 1] for alias, _, _ in lower}  # type: ignore[union-attr]
        object.__setattr__(self, "upper", trie_pattern(upper))
        object.__setattr__(self, "lower", trie_pattern(lower))
        object.__setattr__(self, "lower_leads", tuple(sorted(leads)))
        object.__setattr__(self, "reach", max(map(len, self.by_alias), default=0) + 1)

    def lookup(self, name: str) -> Actor | None:
        return self.by_alias.get(name)

    def state_of(self, actor: Actor) -> Actor | None:
        """The state a known official acts for (gazetteer persons only)."""
        if actor.kind != "person" or not actor.aliases or not actor.affiliation:
            return None
        state = self.by_alias.get(actor.affiliation)
        return state if state is not None and state.kind == "state" else None

    def names_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, alias) of every known name in ``text[start:end]``, longest at each place."""
        end = len(text) if end is None else end
        out: list[tuple[int, int, str]] = []
        lower = self._lower_names(text, start, end)
        # A name that starts before ``end``, with the character after it, lies before ``stop``:
        # searching no further finds the same names.
        stop = end + self.reach
        matches = self.upper.finditer(text, start, stop)
        upper = next(matches, None)  # always the last match ``matches`` gave
        pos, i = start, 0
        while True:
            while i < len(lower) and lower[i][0] < pos:
                i += 1
            if upper is not None and upper.start() < pos:
                if pos != upper.end():  # not where ``matches`` goes on from: search again from ``pos``
                    matches = self.upper.finditer(text, pos, stop)
                upper = next(matches, None)
            if i < len(lower) and (upper is None or lower[i][0] < upper.start()):
                s, e = lower[i]
            elif upper is not None:
                s, e = upper.span()
            else:
                break
            if s >= end:
                break
            if e + 2 > end:  # at the end of the window: the longest name that fits in it, if any
                alias = self._alias_before(text, s, end)
                if alias is None:
                    pos = s + 1
                    continue
                e = s + len(alias)
            out.append((s, e, text[s:e]))
            pos = e
        return out

    def _lower_names(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The longest lower-case-first alias at each place in ``text[start:end]`` where one may
        start, found by string search for the few words that start them."""
        places: set[int] = set()
        for lead in self.lower_leads:
            if lead == "the ":  # frequent: tried only before a capitalised word (see ``_findable``)
                places.update(m.start() for m in _THE_CAPITAL.finditer(text, start, end))
                continue
            at = text.find(lead, start, end)
            while at >= 0:
                places.add(at)
                at = text.find(lead, at + 1, end)
        match = self.lower.match
        return [m.span() for at in sorted(places) if (m := match(text, at))]

    def _alias_before(self, text: str, pos: int, end: int) -> str | None:
        """The longest alias at ``pos`` that stops by ``end``, if what starts it ends before ``end``
        (the lower-case word and the character after it; "the" and a capital)."""
        word = _FIRST_WORD.match(text, pos).group()  # type: ignore[union-attr]
        lead = 0 if _CAPITAL.match(word) else len(word) + 1 + (word == "the")
        return self._alias_at(text, pos, end, self.by_first.get(word, ())) if pos + lead <= end else None

    @staticmethod
    def _alias_at(text: str, pos: int, end: int, aliases: tuple[str, ...]) -> str | None:
        for alias in aliases:
            stop = pos + len(alias)
            if stop <= end and text.startswith(alias, pos) and not (stop < len(text) and _is_word_char(text[stop])):
                return alias
        return None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Found]:
        """Known actors in ``text[start:end]``; a capital after "in", "to", ... is a place."""
        found: list[Found] = []
        for s, e, alias in self.names_in(text, start, end):
            if alias in self.capitals and LOCATIVE.search(text, max(0, s - 12), s):
                continue  # "fighting in Kabul": a place, not the government
            found.append((s, e, self.by_alias[alias]))
        return found


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _entry_names(entry: dict[str, object]) -> list[str]:
    aliases = [str(a) for a in entry.get("aliases") or []]  # type: ignore[attr-defined]
    own = [str(entry["name"])] if entry.get("match_name", True) else []
    return own + aliases


def _by_first_word(aliases: list[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for alias in aliases:
        first = re.match(r"\w+", alias)
        if first is not None:
            index.setdefault(first.group(), []).append(alias)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


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
    return Gazetteer(tuple(actors), by_alias, frozenset(capitals), _by_first_word(list(by_alias)))


def _findable(word: str, aliases: tuple[str, ...]) -> list[Name]:
    """The aliases filed under ``word`` as trie names, with where they may start (see the module
    docstring). A lower-case word alone is found only where another of its aliases could start."""
    if word == "the":
        return [(a, "(?=he [A-ZÀ-ÖØ-Þ0-9])", _WHOLE) for a in aliases]
    if _CAPITAL.match(word):
        return [(a, _NOT_GLUED, _WHOLE) for a in aliases]
    if word[0].isupper():
        return []  # a capital letter that does not start a capitalised word
    follows = "".join(sorted({a[len(word)] for a in aliases if len(a) > len(word)}))
    alone = f"(?=[{re.escape(follows)}])"
    return [(a, _NOT_GLUED, _WHOLE if a != word else alone) for a in aliases if a != word or follows]


@functools.lru_cache(maxsize=1)
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
