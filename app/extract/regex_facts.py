"""What a regex's parse tree guarantees about its matches (used by ``prefilter``).

The tree is the regex module's own (``re._parser``), so these facts are read
from the pattern as compiled and cannot drift from it.
"""

from __future__ import annotations

import re._parser as sre

Needles = frozenset[str]
Items = list[tuple[object, object]]

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def needles_of(pattern: str, flags: int = 0) -> Needles | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains, or None (also
    when one is shorter than three letters: "to" or "n" is in nearly every sentence)."""
    found = _contained(sre.parse(pattern, flags).data)
    if found is None or not all(n.isascii() and len(n) >= 3 for n in found):
        return None
    return _shortest(found)


def _shortest(needles: Needles) -> Needles:
    """``needles`` without those that hold another: a text with "battle" has "battl"."""
    return frozenset(n for n in needles if not any(m in n for m in needles if m != n))


def lower_case_only(pattern: str, flags: int = 0) -> bool:
    """Whether ``pattern`` names no upper-case or other cased non-ASCII letter, refers back to
    no group and changes no flag inside: then, compiled case-insensitively, it matches an
    ASCII text where, compiled case-sensitively, it matches the lower-cased text."""
    return _caseless(sre.parse(pattern, flags).data)


def _contained(items: Items) -> Needles | None:
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
        found = _contained_in(op, av)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _contained_in(op: object, av: object) -> Needles | None:
    if op is sre.BRANCH:
        return _union([_contained(branch.data) for branch in av[1]])  # type: ignore[index]
    body = _body(op, av)
    return None if body is None else _contained(body)


def _body(op: object, av: object) -> Items | None:
    """The items of a group, or of a repeat that must match at least once."""
    if op is sre.SUBPATTERN:
        return av[3].data  # type: ignore[index,no-any-return]
    if op is sre.ATOMIC_GROUP:
        return av.data  # type: ignore[attr-defined,no-any-return]
    if op in _REPEATS and av[0] >= 1:  # type: ignore[index]
        return av[2].data  # type: ignore[index,no-any-return]
    return None


def _union(alternatives: list[Needles | None]) -> Needles | None:
    if any(a is None for a in alternatives):
        return None
    return frozenset().union(*alternatives)  # type: ignore[arg-type]


def _plain_char(code: int) -> bool:
    ch = chr(code)
    return ch.lower() == ch if ch.isascii() else not ch.isalnum()


def _caseless(items: Items) -> bool:
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
