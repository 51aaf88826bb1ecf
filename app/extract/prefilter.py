"""Case-insensitive regexes made cheap on lower-cased ASCII text.

Many cues are case-insensitive regexes searched over whole sentences
(``\\b(?:riot\\w*|loot\\w*|...)``). The regex engine can skip ahead only to a
literal first character, which a leading ``\\b`` and case-insensitivity both
prevent, so it tries a match at every position, comparing letters without
regard to case. Two things make them cheap, both read from the pattern's own
parse tree so that they cannot drift from it:

* needles: every match contains one of a few words ("riot", "loot", ...); when
  the lower-cased text holds none of them there is nothing to search for;
* a lower-case twin: a pattern whose letters are all lower case matches a text
  case-insensitively exactly where it matches the lower-cased text
  case-sensitively, which the engine does much faster. The match returned is
  still one of the original pattern on the original text.

Both are used only where lower-casing keeps every offset and the text has none
of the four other letters that case-insensitive matching folds onto ASCII ones
(the dotless "ı" matches "i"): see ``lower_matches``.
"""

from __future__ import annotations

import re
import re._parser as sre  # the regex module's own parser: the pattern's parse tree
from dataclasses import dataclass, field

Needles = frozenset[str]

# The non-ASCII characters that match an ASCII letter case-insensitively.
FOLD_ONTO_ASCII = ("İ", "ı", "ſ", "\u212a")

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@dataclass(frozen=True)
class Prefiltered:
    """A compiled regex, the lower-case strings one of which each of its matches contains
    (None when the pattern guarantees none), and its case-sensitive twin for lower-cased
    text (None unless the pattern is case-insensitive and has no upper-case letter)."""

    pattern: re.Pattern[str]
    needles: Needles | None = field(init=False)
    lowered: re.Pattern[str] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        source, flags = self.pattern.pattern, self.pattern.flags
        object.__setattr__(self, "needles", needles_of(source, flags))
        twin = re.compile(source, flags & ~re.IGNORECASE) if flags & re.IGNORECASE and lower_case_only(source, flags) else None
        object.__setattr__(self, "lowered", twin)

    def search(self, text: str, lower: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``; ``lower``, if given, must be ``text.lower()``."""
        if self.needles is None and self.lowered is None:
            return self.pattern.search(text)
        lower = text.lower() if lower is None else lower
        if not lower_matches(text, lower):
            return self.pattern.search(text)
        if self.needles is not None and not contains_any(lower, self.needles):
            return None
        if self.lowered is None:
            return self.pattern.search(text)
        found = self.lowered.search(lower)
        return None if found is None else self.pattern.match(text, found.start())


def lower_matches(text: str, lower: str) -> bool:
    """Whether, for patterns whose letters are ASCII, matching ``text`` case-insensitively is
    matching ``lower`` (``text.lower()``) case-sensitively with the letters in lower case: the
    same length, and none of ``FOLD_ONTO_ASCII``."""
    return text.isascii() or (len(lower) == len(text) and not any(map(text.__contains__, FOLD_ONTO_ASCII)))


def contains_any(text: str, needles: Needles, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` contains one of ``needles``."""
    end = len(text) if end is None else end
    for needle in needles:
        if text.find(needle, start, end) >= 0:
            return True
    return False


def prefiltered(pattern: str, flags: int = 0) -> Prefiltered:
    return Prefiltered(re.compile(pattern, flags))


def needles_of(pattern: str, flags: int = 0) -> Needles | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains, or None (also
    when one is shorter than three letters: "to" or "n" is in nearly every sentence)."""
    found = _sequence(sre.parse(pattern, flags).data)
    if found is None or not all(n.isascii() and len(n) >= 3 for n in found):
        return None
    return found


def _sequence(items: list[tuple[object, object]]) -> Needles | None:
    """The most selective needles among the items a match must go through in order."""
    options: list[Needles] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av).lower()  # type: ignore[arg-type]
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        found = _item(op, av)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _item(op: object, av: object) -> Needles | None:
    if op is sre.BRANCH:
        alternatives = [_sequence(branch.data) for branch in av[1]]  # type: ignore[index]
        if any(a is None for a in alternatives):
            return None
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    if op is sre.SUBPATTERN:
        return _sequence(av[3].data)  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _sequence(av.data)  # type: ignore[attr-defined]
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        return _sequence(av[2].data)  # type: ignore[index]
    return None


def lower_case_only(pattern: str, flags: int = 0) -> bool:
    """Whether ``pattern`` names no upper-case or other cased non-ASCII letter, refers back to
    no group and changes no flag inside: then, compiled case-insensitively, it matches an
    ASCII text where, compiled case-sensitively, it matches the lower-cased text."""
    return _caseless(sre.parse(pattern, flags).data)


def _plain_char(code: int) -> bool:
    ch = chr(code)
    return ch.lower() == ch if ch.isascii() else not ch.isalnum()


def _caseless(items: list[tuple[object, object]]) -> bool:
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            ok = _plain_char(av)  # type: ignore[arg-type]
        elif op is sre.IN:
            ok = all(_caseless_set_item(iop, iav) for iop, iav in av)  # type: ignore[attr-defined]
        elif op is sre.BRANCH:
            ok = all(_caseless(branch.data) for branch in av[1])  # type: ignore[index]
        elif op is sre.SUBPATTERN:
            ok = not av[1] and not av[2] and _caseless(av[3].data)  # type: ignore[index]
        elif op in _REPEATS:
            ok = _caseless(av[2].data)  # type: ignore[index]
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            ok = _caseless(av[1].data)  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            ok = _caseless(av.data)  # type: ignore[attr-defined]
        else:
            ok = op in (sre.AT, sre.ANY, sre.CATEGORY)
        if not ok:
            return False
    return True


def _caseless_set_item(op: object, av: object) -> bool:
    if op in (sre.LITERAL, sre.NOT_LITERAL):
        return _plain_char(av)  # type: ignore[arg-type]
    if op is sre.RANGE:
        low, high = av  # type: ignore[misc]
        return all(_plain_char(c) for c in range(low, high + 1))
    return op in (sre.NEGATE, sre.CATEGORY)
