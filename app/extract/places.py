"""Places: a small gazetteer of countries, cities and regions (``seeds/places.json``).

Each entry is ``{"name", "kind": "country"|"city"|"region", "country", "lat",
"lon", "aliases": [], "ambiguous"?: true}``. ``ambiguous`` names ("Jordan",
"Georgia", "Chad") are places only after a locative preposition ("in Chad").

An event's places are the canonical names of the places named in its
sentences, in reading order, with two exceptions:

* a place name inside a longer actor name is not a place ("Luhansk People's
  Republic" names a group; "Kenyan Ministry of Health" no place);
* a name that is the whole of an actor mention (a country or capital used as
  an actor: "Moscow said", "Ukraine lifted ...") is a place only after a
  locative preposition ("in Ukraine", "to Moscow"), or, for a city, when no
  verb or possessive follows it ("rebels seized Kyiv").
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import app
from app.extract.gazetteer import LOCATIVE
from app.extract.trie import trie_pattern
from app.extract.types import Sentence

if TYPE_CHECKING:
    from app.extract.context import Context


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: str
    lat: float | None
    lon: float | None
    ambiguous: bool = False


@dataclass(frozen=True)
class PlaceGazetteer:
    """Places filed by alias and by the first word of each alias, longest first; every alias
    of a capitalised first word is compiled into one trie-shaped regex (``trie``)."""

    places: tuple[Place, ...]
    by_alias: dict[str, Place]
    by_first: dict[str, tuple[str, ...]]
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    reach: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [(a, _NOT_GLUED, _WHOLE_WORD if a == w else _WHOLE) for w, al in self.by_first.items() if _CAPITAL.match(w) for a in al]
        object.__setattr__(self, "pattern", trie_pattern(names))
        object.__setattr__(self, "reach", max(map(len, self.by_alias), default=0) + 1)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Place]]:
        """(start, end, place) for each place name in ``text[start:end]``, longest at each position."""
        end = len(text) if end is None else end
        out: list[tuple[int, int, Place]] = []
        stop = end + self.reach  # a name starting before ``end``, and the character after it, lie before
        matches = self.pattern.finditer(text, start, stop)
        match = next(matches, None)
        while match is not None and match.start() < end:
            s, e = match.span()
            if e > end:  # the longest name runs past ``end``: the longest that does not, if any
                alias = self._alias_before(text, s, end)
                e = s + 1 if alias is None else s + len(alias)
                matches = self.pattern.finditer(text, e, stop)  # go on from where a search would
                if alias is None:
                    match = next(matches, None)
                    continue
            out.append((s, e, self.by_alias[text[s:e]]))
            match = next(matches, None)
        return out

    def _alias_before(self, text: str, pos: int, end: int) -> str | None:
        word = _FIRST_WORD.match(text, pos, end).group()  # type: ignore[union-attr]
        for alias in self.by_first.get(word, ()):
            stop = pos + len(alias)
            if stop <= end and text.startswith(alias, pos) and not (stop < len(text) and text[stop].isalnum()):
                return alias
        return None


_CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ0-9]")  # every place name is capitalised
_FIRST_WORD = re.compile(r"\w+")
_NOT_GLUED = r"(?<![\w-].)"  # after a name's first character: nothing glued before it
_WHOLE_WORD = r"(?!\w)"
_WHOLE = r"(?![^\W_])"  # only a name's first word must be whole: "_" may follow the name


@functools.lru_cache(maxsize=1)
def default_places_path() -> Path:
    installed = Path(app.__file__).parent / "_seeds" / "places.json"
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "seeds" / "places.json"


def build_places(entries: list[dict[str, object]]) -> PlaceGazetteer:
    places: list[Place] = []
    by_alias: dict[str, Place] = {}
    for e in entries:
        lat, lon = e.get("lat"), e.get("lon")
        place = Place(str(e["name"]), str(e["kind"]), str(e.get("country") or e["name"]),
                      float(lat) if lat is not None else None, float(lon) if lon is not None else None,  # type: ignore[arg-type]
                      bool(e.get("ambiguous", False)))
        places.append(place)
        for alias in [place.name, *(str(a) for a in e.get("aliases") or [])]:  # type: ignore[attr-defined]
            by_alias.setdefault(alias, place)
    index: dict[str, list[str]] = {}
    for alias in by_alias:
        first = re.match(r"\w+", alias)
        if first:
            index.setdefault(first.group(), []).append(alias)
    by_first = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}
    return PlaceGazetteer(tuple(places), by_alias, by_first)


@functools.lru_cache(maxsize=4)
def _load_cached(path: Path) -> PlaceGazetteer:
    return build_places(json.loads(path.read_text(encoding="utf-8")))


def load_places(path: Path | None = None) -> PlaceGazetteer:
    """Load (once per path) the places JSON; default: the project's ``seeds/places.json``."""
    return _load_cached(Path(path)) if path else _load_default()


@functools.cache
def _load_default() -> PlaceGazetteer:
    return _load_cached(default_places_path())  # one lookup: called for each event


def place_coordinates(name: str) -> tuple[float, float] | None:
    """(lat, lon) of a place by canonical name or alias, or None when unknown or without coordinates."""
    place = load_places().by_alias.get(name)
    if place is None or place.lat is None or place.lon is None:
        return None
    return place.lat, place.lon


_ACTING = re.compile(r"(?:['’]s\b|\s+(?:has|have|had|is|was|will|would|did|does|[a-z]+ed|[a-z]+s)\b)")


def _counts(text: str, s: int, e: int, place: Place, actor_spans: Sequence[tuple[int, int]]) -> bool:
    locative = bool(LOCATIVE.search(text, max(0, s - 12), s))
    for a, b in actor_spans:
        if a <= s and e <= b and (a, b) != (s, e):
            return False  # inside a longer actor name
        if (a, b) == (s, e) and not locative and (place.kind != "city" or _ACTING.match(text, e)):
            return False  # the place is acting: "Moscow said", "Ukraine lifted", "Moscow's envoy"
    return locative or not place.ambiguous


def places_in(ctx: Context, sentences: Sequence[Sentence]) -> tuple[str, ...]:
    """Canonical names of the places named in ``sentences`` (see the module docstring)."""
    gaz = load_places()
    text = ctx.document.text
    seen: dict[str, None] = {}
    for sent in sentences:
        spans = [(m.start, m.end) for m in ctx.infos[sent.index].all_mentions]
        for s, e, place in gaz.find(text, sent.start, sent.end):
            if _counts(text, s, e, place, spans):
                seen.setdefault(place.name, None)
    return tuple(seen)
