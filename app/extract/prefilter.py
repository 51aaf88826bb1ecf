"""Case-insensitive regexes ruled out by a substring test before they run.

Many cues are case-insensitive regexes searched over whole sentences
(``\\b(?:riot\\w*|loot\\w*|...)``). The regex engine can skip ahead only to a
literal first character, which a leading ``\\b`` and case-insensitivity both
prevent, so it tries a match at every position. Yet every match of such a
pattern contains one of a few words ("riot", "loot", ...): when the lower-cased
text holds none of them, there is nothing to search for.

``Prefiltered`` reads those words (its ``needles``) from the pattern's own
parse tree, so they cannot drift from the pattern. The test is used only on
ASCII text: case-insensitive matching also folds a few other letters onto
ASCII ones (the dotless "ı" matches "i"), which lower-casing does not do.
"""

from __future__ import annotations

import re
import re._parser as sre  # the regex module's own parser: the pattern's parse tree
from dataclasses import dataclass, field

Needles = frozenset[str]

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@dataclass(frozen=True)
class Prefiltered:
    """A compiled regex and the lower-case strings one of which each of its matches contains
    (None when the pattern guarantees none)."""

    pattern: re.Pattern[str]
    needles: Needles | None = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "needles", needles_of(self.pattern.pattern, self.pattern.flags))

    def search(self, text: str, lower: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text)``; ``lower``, if given, must be ``text.lower()``."""
        if self.needles is not None and text.isascii():
            lower = text.lower() if lower is None else lower
            for needle in self.needles:
                if needle in lower:
                    break
            else:
                return None
        return self.pattern.search(text)


def prefiltered(pattern: str, flags: int = 0) -> Prefiltered:
    return Prefiltered(re.compile(pattern, flags))


def needles_of(pattern: str, flags: int = 0) -> Needles | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains, or None."""
    found = _sequence(sre.parse(pattern, flags).data)
    if found is None or not all(n.isascii() for n in found):
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
