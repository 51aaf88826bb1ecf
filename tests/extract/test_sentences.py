"""Sentence splitting. Examples written for this project."""

import pytest

from app.extract.document import read_document
from app.extract.sentences import split_sentences

CASES = [
    ("Gen. Smith arrived. He left.", ["Gen. Smith arrived.", "He left."]),
    ("The U.S. envoy spoke on Mar. 3 in Kyiv. Talks failed.", ["The U.S. envoy spoke on Mar. 3 in Kyiv.", "Talks failed."]),
    ('"We will stay," he said. The army left.', ['"We will stay," he said.', "The army left."]),
    ("It began at 2 a.m. and lasted hours. J. Doe fled.", ["It began at 2 a.m. and lasted hours.", "J. Doe fled."]),
    ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split(text: str, expected: list[str]) -> None:
    doc = read_document(text)
    sentences = split_sentences(doc)
    assert [s.text for s in sentences] == expected
    assert all(doc.text[s.start : s.end] == s.text for s in sentences)


def test_paragraph_numbers() -> None:
    doc = read_document(" date 2020-01-01 One. Two.\n\nThree.")
    assert [(s.text, s.paragraph, s.index) for s in split_sentences(doc)] == [("One.", 0, 0), ("Two.", 0, 1), ("Three.", 1, 2)]
