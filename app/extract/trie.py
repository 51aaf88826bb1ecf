"""Many literal names compiled into one regex shaped like a trie.

A plain alternation of hundreds of names makes the regex engine try each of
them in turn at every position. In a trie the names share their prefixes, so
at each position the engine follows a single path; and because every top-level
branch opens with a literal character, the engine skips straight to the next
character that can begin a name instead of trying every position.

At each node the longer continuations are tried before a name that ends there,
so a match is the longest name whose end condition holds: what a lookup that
tries the longest alias first returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

Name = tuple[str, str, str]
"""A name, the assertion checked after its first character, the one checked after its last."""


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ends: set[str] = field(default_factory=set)

    def pattern(self) -> str:
        alternatives = [re.escape(ch) + child.pattern() for ch, child in sorted(self.children.items())]
        alternatives += sorted(self.ends)  # a name ending here is tried after every longer one
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"


def trie_pattern(names: Iterable[Name]) -> re.Pattern[str]:
    """One regex matching any of ``names`` (the longest whose end assertion holds); with no
    names, a regex that matches nothing."""
    roots: dict[tuple[str, str], _Node] = {}
    for name, after_first, at_end in names:
        node = roots.setdefault((name[0], after_first), _Node())
        for ch in name[1:]:
            node = node.children.setdefault(ch, _Node())
        node.ends.add(at_end)
    branches = [re.escape(first) + after_first + node.pattern() for (first, after_first), node in sorted(roots.items())]
    return re.compile("|".join(branches) or "(?!)")
