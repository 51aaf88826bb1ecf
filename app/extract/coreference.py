"""Mentions that point back at an actor named elsewhere in the document.

Surnames and lone given names resolve to a full name found in the text;
"the junta" resolves to an organisation introduced in apposition; bare
"police", "troops", "the authorities" resolve to the document's dominant
state; a sentence-initial "He"/"She" resolves to the last person named in the
previous sentence outside an apposition. When there is nothing to resolve to
(no person in the previous sentence, no attributed or dominant state) nothing
is guessed, and "the country" is never resolved.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re

from app.extract.gazetteer import Found
from app.extract.persons import NOT_NAME_TOKENS, PARTICLE, is_possessive
from app.extract.prefilter import lower_matches
from app.extract.scan import matches_around, occurrences
from app.extract.types import Actor, ActorMention, Sentence

_FORCES = re.compile(
    r"\b(?:(?:the|its|government|security|armed|police)\s+)?(?:police(?:\s+officers)?|security\s+forces|army|"
    r"government\s+forces|authorities|government|troops|soldiers)\b",
    re.IGNORECASE,
)
_APPOSED = re.compile(r"\b(junta|regime|government|group|militia|movement|alliance|coalition)\s*,\s+(?:the\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"[\"“‘']?(He|She)\b")
_GROUP_NOUN = re.compile(r"\b[Tt]he\s+(?:armed\s+|militant\s+|rebel\s+|insurgent\s+)?(group|militia|movement|organi[sz]ation)\b")
_GROUP_KINDS = {"group": ("armed_group",), "militia": ("armed_group",), "movement": ("armed_group", "organisation")}
_IN_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:of|to|for)\s+$")
_PARTICLE_PREFIX = re.compile(rf"^{PARTICLE}-")


@functools.lru_cache(maxsize=4096)
def name_keys(name: str) -> frozenset[str]:
    """The words by which a multi-word name may be referred to alone: first, last, last without "al-"."""
    words = name.split()
    if len(words) < 2:
        return frozenset()
    return frozenset({words[0], words[-1], _PARTICLE_PREFIX.sub("", words[-1])})


def _occurrences(text: str, word: str, start: int, end: int) -> list[int]:
    """Start offsets of ``word`` as a whole word ("Smith" not in "Smithson" or "al-Smith")."""
    out: list[int] = []
    at = text.find(word, start, end)
    while at >= 0:
        stop = at + len(word)
        before = text[at - 1] if at > 0 else " "
        after = text[stop] if stop < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            out.append(at)
        at = text.find(word, stop, end)
    return out


_FIRST = operator.itemgetter(0)


def surnames(text: str, found: list[Found], start: int, end: int) -> list[Found]:
    """Surname (or lone given name) mentions resolved to a full name in the document:
    the last person so named before the mention, else the first after it."""
    keys: dict[str, list[tuple[int, Actor]]] = {}
    for s, _, a in sorted((f for f in found if f[2].kind == "person"), key=lambda f: f[0]):
        for key in name_keys(a.name):
            if key != a.name and key not in NOT_NAME_TOKENS:
                keys.setdefault(key, []).append((s, a))
    extra: list[Found] = []
    for key, candidates in keys.items():
        for at in _occurrences(text, key, start, end):
            before = bisect.bisect_left(candidates, at, key=_FIRST)  # candidates are in reading order
            extra.append((at, at + len(key), candidates[max(before - 1, 0)][1]))
    return sorted(extra, key=lambda f: f[0])


def dominant_state(found: list[Found]) -> Actor | None:
    """The state named most often, if named at least twice and twice as often as any other."""
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    for _, _, a in found:
        if a.kind == "state":
            counts[a.name] = counts.get(a.name, 0) + 1
            first.setdefault(a.name, a)
    ranked = sorted(counts.values(), reverse=True) + [0]
    if ranked[0] < 2 or ranked[0] < 2 * ranked[1]:
        return None
    return first[max(counts, key=counts.__getitem__)]


def _owner_before(found: list[Found], ends: list[int], pos: int) -> Actor | None:
    """The state (or group) named right before ``pos`` ("Kenyan police"), if any."""
    i = bisect.bisect_right(ends, pos) - 1
    if i >= 0 and pos - 3 <= ends[i] <= pos and found[i][2].kind in ("state", "organisation", "armed_group"):
        return found[i][2]
    return None


_FORCE_NOUNS = ("police", "army", "authorities", "government", "troops", "soldiers", "security forces")


def _force_matches(text: str, lower: str, start: int, end: int) -> list[re.Match[str]]:
    """``_FORCES`` matches, searched only around the nouns it needs (found by string search
    in ``lower``, the lower-cased text)."""
    seen: dict[int, re.Match[str]] = {}
    for noun in _FORCE_NOUNS:
        at = lower.find(noun, start, end)
        while at >= 0:
            m = _FORCES.search(text, max(start, at - 25), min(end, at + len(noun) + 9))
            while m is not None and m.end() <= at:
                m = _FORCES.search(text, m.end(), min(end, at + len(noun) + 9))
            if m is not None and m.start() <= at:
                seen.setdefault(m.start(), m)
            at = lower.find(noun, at + len(noun), end)
    return [seen[k] for k in sorted(seen)]


def forces(text: str, found: list[Found], start: int, end: int, lower: str | None = None) -> list[Found]:
    """Bare "police", "troops", "the authorities" resolve to the last attributed forces
    ("US troops ... the troops"), else to a clearly dominant state; otherwise nothing.
    ``lower``, if given, is ``text.lower()``."""
    ordered = sorted(found, key=operator.itemgetter(1))
    ends = [e for _, e, _ in ordered]
    last: Actor | None = None
    fallback = dominant_state(found)
    out: list[Found] = []
    for m in _force_matches(text, text.lower() if lower is None else lower, start, end):
        owner = _owner_before(ordered, ends, m.start())
        if owner is not None:
            last = owner if owner.kind == "state" else last
            continue
        prefix = text[max(start, m.start() - 3) : m.start()].strip()
        state = last or fallback
        if state is not None and not is_possessive(prefix):
            out.append((m.start(), m.end(), state))
    return out


def apposed_names(text: str, found: list[Found], start: int, end: int) -> list[Found]:
    """"its military junta, the National Council ..." makes later "the junta" that council."""
    extra: list[Found] = []
    for s, _, actor in found:
        if actor.kind not in ("organisation", "armed_group"):
            continue
        noun = _APPOSED.search(text, max(start, s - 30), s) if text.rfind(",", max(start, s - 30), s) >= 0 else None
        if noun is None or actor.kind not in ("organisation", "armed_group"):
            continue
        extra += [(start + a, start + b, actor) for a, b in _references(text[start:end], noun.group(1))]
    return extra


def _references(window: str, noun: str) -> list[tuple[int, int]]:
    """Spans of "the junta", "its military junta" in ``window``: where the case-sensitive
    pattern matches the lower-cased text (see ``prefilter.lower_matches``), searched around
    each "junta"."""
    source = rf"\b(?:(?:the|a|an|its|military)\s+)+{noun.lower()}\b"
    lower = window.lower()
    if not lower_matches(window, lower):
        return [m.span() for m in re.finditer(source, window, re.IGNORECASE)]
    keys = occurrences(lower, noun.lower())
    return [m.span() for m in matches_around(re.compile(source), lower, keys, 0, len(lower))]


def everywhere(text: str, people: list[Found], start: int, end: int) -> list[Found]:
    """Each detected multi-word person name at every place it occurs."""
    out = list(people)
    for actor in {a.name: a for _, _, a in people if " " in a.name}.values():
        out += [(at, at + len(actor.name), actor) for at in _occurrences(text, actor.name, start, end)]
    return sorted(out, key=lambda f: (f[0], f[0] - f[1]))


def promote(found: list[Found]) -> list[Found]:
    """A one-word titled name ("Colonel Smith") becomes the full name seen elsewhere."""
    full = {a.name: a for _, _, a in found if a.kind == "person" and " " in a.name}
    out: list[Found] = []
    for s, e, a in found:
        if a.kind == "person" and " " not in a.name:
            a = next((f for n, f in full.items() if a.name in name_keys(n)), a)
        out.append((s, e, a))
    return out


def without_overlaps(found: list[Found], kept_before: list[Found] | None = None) -> list[Found]:
    """Earlier entries win over later ones that overlap them.

    ``kept_before`` (sorted, non-overlapping: an earlier result) comes first, as if prepended
    to ``found``, without being checked again."""
    kept: list[Found] = list(kept_before or ())
    starts: list[int] = [f[0] for f in kept]
    for s, e, a in found:
        i = bisect.bisect_left(starts, s)
        if (i > 0 and kept[i - 1][1] > s) or (i < len(kept) and kept[i][0] < e):
            continue
        starts.insert(i, s)
        kept.insert(i, (s, e, a))
    return kept


def _antecedent(text: str, candidates: list[ActorMention]) -> Actor | None:
    """The last person named outside an apposition ("X, the brother of Y": X, not Y)."""
    persons = [m for m in candidates if m.actor.kind == "person"]
    heads = [m for m in persons if not _IN_APPOSITION.search(text, max(0, m.start - 50), m.start)]
    return heads[-1].actor if heads else None


def group_nouns(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    """"the group" ("the militia", "the armed movement", "the organisation") names the group
    named last before it, in its own sentence or the two before, when exactly one group of
    that kind is named there; otherwise it stays unresolved."""
    starts = [m.start for m in mentions]
    extra: list[ActorMention] = []
    for i, sent in enumerate(sentences):
        for match in _GROUP_NOUN.finditer(sent.text):
            at = sent.start + match.start()
            window_start = sentences[max(0, i - 2)].start
            kinds = _GROUP_KINDS.get(match.group(1).lower(), ("organisation", "armed_group"))
            lo, hi = bisect.bisect_left(starts, window_start), bisect.bisect_left(starts, at)
            named = {m.actor.name: m.actor for m in mentions[lo:hi] if m.actor.kind in kinds}
            if len(named) == 1:
                extra.append(ActorMention(at, sent.start + match.end(), match.group(), next(iter(named.values()))))
    return tuple(sorted(mentions + tuple(extra), key=lambda m: m.start))


def pronouns(
    text: str, sentences: tuple[Sentence, ...], mentions: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    """A sentence-initial "He"/"She" names the last person named in the previous sentence
    (outside an apposition); with no person there, it stays unresolved."""
    starts = [m.start for m in mentions]
    extra: list[ActorMention] = []
    for prev, sent in zip(sentences, sentences[1:]):
        match = _PRONOUN.match(sent.text)
        if match is None:
            continue
        lo, hi = bisect.bisect_left(starts, prev.start), bisect.bisect_left(starts, prev.end)
        actor = _antecedent(text, list(mentions[lo:hi]))
        if actor is not None:
            s = sent.start + match.start(1)
            extra.append(ActorMention(s, s + len(match.group(1)), match.group(1), actor))
    return tuple(sorted(mentions + tuple(extra), key=lambda m: m.start))


_COMPASS = re.compile(r"(?<=\bthe )(North|South)\b(?![ -]?[A-Z])(?!['’]s? [a-z]+ [A-Z])")


def compass_names(text: str, found: list[Found], start: int, end: int) -> list[Found]:
    """"the North" / "the South" name the one state called "North …" / "South …" the text
    names ("North Korea ... the North fired"); with none or several, they stay unresolved."""
    if "the North" not in text and "the South" not in text:
        return []
    states: dict[str, set[Actor]] = {"North": set(), "South": set()}
    for _, _, actor in found:
        word = actor.name.split(" ", 1)[0]
        if actor.kind == "state" and word in states:
            states[word].add(actor)
    out: list[Found] = []
    for m in _COMPASS.finditer(text, start, end):
        named = states[m.group(1)]
        if len(named) == 1:
            out.append((m.start(), m.end(), next(iter(named))))
    return out
