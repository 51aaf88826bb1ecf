"""The actor gazetteer: known names looked up token by token.

The gazetteer (``seeds/actors.json``) is a JSON list of ``{"name", "kind",
"affiliation", "aliases"}``. States may also carry ``"capitals"`` (a capital
after a locative preposition is a place, not an actor) and ``"match_name":
false`` when the bare name is too ambiguous to match ("Jordan", "Chad").
Matching is case-sensitive: names are capitalised, common words are not.

Lookup is by first word: every alias is filed under its first word, longest
first, so one pass over the words of a text finds every known name (one big
alternation regex would try hundreds of alternatives at every position).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import app
from app.extract.types import Actor, ActorKind

Found = tuple[int, int, Actor]

LOCATIVE = re.compile(
    r"(?:\b(?:in|into|to|from|near|at|outside|around|across|toward|towards|through|of|via|over|inside|on)\s+)$",
    re.IGNORECASE,
)
WORD = re.compile(r"(?<![\w-])\w+")
CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ0-9]\w*")


@dataclass(frozen=True)
class Gazetteer:
    """Known actors, filed by alias and by the first word of each alias."""

    actors: tuple[Actor, ...]
    by_alias: dict[str, Actor]
    capitals: frozenset[str]
    by_first: dict[str, tuple[str, ...]]
    lower_leads: tuple[str, ...] = ()

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
        resume = start
        for pos, word in self._first_words(text, start, end):
            if pos < resume:
                continue
            aliases = self.by_first.get(word)
            alias = self._alias_at(text, pos, end, aliases) if aliases else None
            if alias is not None:
                out.append((pos, pos + len(alias), alias))
                resume = pos + len(alias)
        return out

    def _first_words(self, text: str, start: int, end: int) -> list[tuple[int, str]]:
        """Capitalised words that begin an alias, by regex ("the Kremlin" is tried from "Kremlin"),
        plus the few other lower-case first words ("al-", "government of") by string search.
        Words that begin no alias are left out: they cannot start a match."""
        words: list[tuple[int, str]] = []
        firsts, the = self.by_first, "the" in self.by_first
        for m in CAPITALISED.finditer(text, start, end):
            at = m.start()
            if the and at >= start + 4 and text[at - 4 : at] == "the ":
                words.append((at - 4, "the"))
            if m.group() in firsts:
                words.append((at, m.group()))
        for lead in self.lower_leads:
            at = text.find(lead, start, end)
            while at >= 0:
                if at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "-"):
                    words.append((at, lead[:-1]))
                at = text.find(lead, at + len(lead), end)
        return sorted(words) if self.lower_leads else words

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
    by_first = _by_first_word(list(by_alias))
    leads = {a[: len(w) + 1] for w, aliases in by_first.items() if w != "the" and not w[0].isupper() for a in aliases}
    return Gazetteer(tuple(actors), by_alias, frozenset(capitals), by_first, tuple(sorted(leads)))


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
