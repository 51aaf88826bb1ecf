"""Literal names compiled into one trie-shaped regex, and the gazetteers built on it.

Names and sentences made up for these tests.
"""

import re

import pytest

from app.extract.gazetteer import build_gazetteer
from app.extract.places import build_places
from app.extract.trie import trie_pattern

WHOLE = r"(?!\w)"


def found(names: list[str], text: str, *, after_first: str = "", at_end: str = WHOLE) -> list[str]:
    return trie_pattern((n, after_first, at_end) for n in names).findall(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blue River Dam opened", ["Blue River Dam"]),
        ("Blue River flooded", ["Blue River"]),
        ("Blue Rivers flooded", ["Blue"]),  # the longest name that ends a word
        ("Bluebell Road", []),
        ("Red Hill and Blue met", ["Red Hill", "Blue"]),
    ],
)
def test_longest_name_that_ends_a_word(text: str, expected: list[str]) -> None:
    assert found(["Blue", "Blue River", "Blue River Dam", "Red Hill"], text) == expected


def test_assertion_after_the_first_character() -> None:
    not_glued = r"(?<![\w-].)"
    assert found(["Ash"], "Ash and Rowan-Ash and xAsh", after_first=not_glued) == ["Ash"]


def test_names_with_special_characters_are_literal() -> None:
    assert found(["A.B.", "C+D"], "A.B. met C+D and AxBx") == ["A.B.", "C+D"]


def test_no_names_match_nothing() -> None:
    pattern = trie_pattern([])
    assert pattern.search("anything") is None
    assert isinstance(pattern, re.Pattern)


GAZETTEER = build_gazetteer(
    [
        {"name": "Northland", "kind": "state", "aliases": ["Northern", "the Northern Palace", "government of Northland"]},
        {"name": "Tovar Front", "kind": "armed_group", "aliases": ["al-Tovar"]},
    ]
)


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("The Northern army and the Northern Palace replied.", 0, None, ["Northern", "the Northern Palace"]),
        ("The government of Northland and al-Tovar spoke; bal-Tovar did not.", 0, None,
         ["government of Northland", "al-Tovar"]),
        ("Tovar Front fighters and Tovar Fronts", 0, None, ["Tovar Front"]),
        ("near the Northern Palace", 5, 21, ["Northern"]),  # the window cuts the longer name
        ("near the Northern Palace", 0, 15, []),  # ... or the only one
    ],
)
def test_gazetteer_names(text: str, start: int, end: int | None, expected: list[str]) -> None:
    assert [alias for _, _, alias in GAZETTEER.names_in(text, start, end)] == expected


def test_place_names_by_window() -> None:
    places = build_places([{"name": "Port Tarn", "kind": "city", "country": "Northland", "aliases": ["Tarn"]}])
    text = "Ships left Port Tarn for Tarn Bay and Tarnish."
    assert [p.name for _, _, p in places.find(text)] == ["Port Tarn", "Port Tarn"]
    assert [text[s:e] for s, e, _ in places.find(text, 0, 18)] == []
