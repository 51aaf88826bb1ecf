"""Case-insensitive regexes ruled out by a substring test: the needles read from a pattern,
and searches that agree with the plain regex.

Patterns and sentences made up for these tests.
"""

import re
import sys

import pytest

from app.extract.prefilter import FOLD_ONTO_ASCII, lower_matches, prefiltered
from app.extract.regex_facts import lower_case_only, needles_of


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"\b(?:flood\w*|storm)\b", {"flood", "storm"}),
        (r"\bheavy\s+rain\b", {"heavy"}),  # the longest of the words a match must contain
        (r"\b(?:hail|sleet)\s+(?:fell|hit)", {"hail", "sleet"}),
        (r"\bwind(?:s|y)?\b", {"wind"}),
        (r"(?:dry\s+)?spell", {"spell"}),  # an optional word is no needle
        (r"(?-i:Monsoon)", {"monsoon"}),  # needles are lower-case, whatever the case rule
        (r"(?:fog)+", {"fog"}),
        (r"\b(?:frost\w*|frosty|thaw)\b", {"frost", "thaw"}),  # "frosty" holds "frost": no needle of its own
    ],
)
def test_needles(pattern: str, needles: set[str]) -> None:
    assert needles_of(pattern, re.IGNORECASE) == needles


@pytest.mark.parametrize("pattern", [r"\d+\s+\w+", r"(?:rain)?\w+", r"(?:snow|\w+)", r"[a-z]+"])
def test_no_needles_when_no_word_is_required(pattern: str) -> None:
    assert needles_of(pattern, re.IGNORECASE) is None


@pytest.mark.parametrize(
    "text",
    [
        "A STORM hit the coast.",
        "Floods closed the road.",
        "The weather was calm.",
        "Storms, then floodwater.",
        "",
    ],
)
def test_search_agrees_with_the_regex(text: str) -> None:
    source = r"\b(?:flood\w*|storm)\b"
    rule = prefiltered(source, re.IGNORECASE)
    expected = re.search(source, text, re.IGNORECASE)
    found = rule.search(text, text.lower())
    assert (found and found.span()) == (expected and expected.span())


def test_non_ascii_text_is_left_to_the_regex() -> None:
    rule = prefiltered(r"\bdrift\b", re.IGNORECASE)
    assert rule.search("ice drıft", "ice drıft") is not None  # the dotless ı folds onto i
    assert rule.search("ice drift") is not None
    assert rule.search("ice flow") is None


@pytest.mark.parametrize(
    ("pattern", "lower_case"),
    [
        (r"\b(?:will|shall)\s+\w+", True),
        (r"[a-z]+ed\b", True),
        (r"\bSunday\b", False),  # an upper-case letter
        (r"(?-i:may)\b", False),  # a part that keeps case
        (r"(\w)\1", False),  # a back-reference
    ],
)
def test_lower_case_only(pattern: str, lower_case: bool) -> None:
    assert lower_case_only(pattern, re.IGNORECASE) is lower_case


@pytest.mark.parametrize(
    "text",
    ["The ferry WILL sail at noon.", "They Shall Return", "Nobody will.", "Ferries sailed.", "ıt wıll raın"],
)
def test_lower_case_twin_returns_the_original_match(text: str) -> None:
    source = r"\b(?:will|shall)\s+(?P<verb>\w+)"
    rule = prefiltered(source, re.IGNORECASE)
    assert rule.lowered is not None
    expected = re.search(source, text, re.IGNORECASE)
    found = rule.search(text, text.lower())
    assert (found and (found.span(), found["verb"])) == (expected and (expected.span(), expected["verb"]))


def test_fold_onto_ascii_lists_every_such_character() -> None:
    every = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert set(re.findall(r"[a-z]", every, re.IGNORECASE)) == set(FOLD_ONTO_ASCII)


@pytest.mark.parametrize(
    ("text", "usable"),
    [("Plain text.", True), ("Café crème — “quoted”", True), ("Kelvin \u212a", False), ("dotless ı", False)],
)
def test_lower_matches(text: str, usable: bool) -> None:
    assert lower_matches(text, text.lower()) is usable
