"""Case-insensitive regexes made cheap with the lower-cased text.

Many cues are case-insensitive regexes searched over whole sentences
(``\\b(?:riot\\w*|loot\\w*|...)``). The regex engine can skip ahead only to a
literal first character, which a leading ``\\b`` and case-insensitivity both
prevent, so it tries a match at every position, comparing letters without
regard to case. What the pattern's parse tree guarantees (``regex_facts``)
makes them cheap:

* needles: every match contains one of a few words ("riot", "loot", ...); when
  the lower-cased text holds none of them there is nothing to search for;
* a lower-case twin: a pattern whose letters are all lower case matches a text
  case-insensitively exactly where it matches the lower-cased text
  case-sensitively, which the engine does much faster.

(Trying the regex only where string search finds the words a match must start
with was measured too: it is slower than the twin on sentences.) The matches
returned are always those of the original pattern on the original text. Both
need a lower-cased text that keeps every offset and the text to
have none of the four other letters that case-insensitive matching folds onto
ASCII ones (the dotless "ı" matches "i"): see ``lower_matches``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.extract.regex_facts import Needles, lower_case_only, needles_of

# The non-ASCII characters that match an ASCII letter case-insensitively.
FOLD_ONTO_ASCII = ("İ", "ı", "ſ", "\u212a")


@dataclass(frozen=True)
class Prefiltered:
    """A compiled regex with what makes it cheap (see the module docstring); each is None
    when the pattern does not allow it."""

    pattern: re.Pattern[str]
    needles: Needles | None = field(init=False)
    lowered: re.Pattern[str] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        source, flags = self.pattern.pattern, self.pattern.flags
        object.__setattr__(self, "needles", needles_of(source, flags))
        twin = flags & re.IGNORECASE and lower_case_only(source, flags)
        object.__setattr__(self, "lowered", re.compile(source, flags & ~re.IGNORECASE) if twin else None)

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

    def finditer(self, text: str, lower: str | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``; ``lower``, if given, must be ``text.lower()``."""
        if self.needles is None and self.lowered is None:
            return self.pattern.finditer(text)
        lower = text.lower() if lower is None else lower
        if not lower_matches(text, lower):
            return self.pattern.finditer(text)
        if self.needles is not None and not contains_any(lower, self.needles):
            return iter(())
        if self.lowered is not None:
            return (self.pattern.match(text, m.start()) for m in self.lowered.finditer(lower))  # type: ignore[misc]
        return self.pattern.finditer(text)


def prefiltered(pattern: str, flags: int = 0) -> Prefiltered:
    return Prefiltered(re.compile(pattern, flags))


def lower_matches(text: str, lower: str) -> bool:
    """Whether, for patterns whose letters are ASCII, matching ``text`` case-insensitively is
    matching ``lower`` (``text.lower()``) case-sensitively with the letters in lower case: the
    same length, and none of ``FOLD_ONTO_ASCII``."""
    return text.isascii() or (len(lower) == len(text) and not any(map(text.__contains__, FOLD_ONTO_ASCII)))


def contains_any(text: str, needles: Needles) -> bool:
    """Whether ``text`` contains one of ``needles``."""
    return any(map(text.__contains__, needles))
