"""read_document: header formats, paragraphs, offsets. Examples written for this project."""

import datetime as dt

import pytest

from app.extract.document import HEADLINE_LENGTH, NO_DATE_WARNING, headline, read_document


def test_dateline_header_body_on_same_line() -> None:
    text = " date 2021-05-04 Rebels shelled the town.\n\nA second paragraph."
    doc = read_document(text)
    assert doc.published == dt.date(2021, 5, 4)
    assert text[doc.body_start :].startswith("Rebels shelled")
    assert [text[p.start : p.end] for p in doc.paragraphs] == ["Rebels shelled the town.", "A second paragraph."]
    assert doc.text == text and doc.warnings == ()


def test_front_matter() -> None:
    text = "title: Clashes\npublished: 2020-01-02\nsource: Wire\nurl: http://x\n\nBody here.\n"
    doc = read_document(text)
    assert (doc.title, doc.source, doc.url, doc.published) == ("Clashes", "Wire", "http://x", dt.date(2020, 1, 2))
    assert text[doc.paragraphs[0].start : doc.paragraphs[0].end] == "Body here."


def test_no_header_warns() -> None:
    doc = read_document("Troops crossed the border.\n\n\nMore text.")
    assert doc.body_start == 0 and doc.published is None
    assert doc.warnings == (NO_DATE_WARNING,)
    assert len(doc.paragraphs) == 2


@pytest.mark.parametrize(
    ("lead", "story"),
    [
        ("KYIV, Ukraine (AP) — ", "Drones struck a depot on Tuesday."),
        ("LAGOS, Nov 3 (Example News) - ", "Gunmen seized a bus on Sunday."),
        ("PORT MORESBY, Papua New Guinea, Sept. 9, 2022 -- ", "Police made arrests."),
        ("WASHINGTON — ", "The Senate voted on Friday."),
    ],
)
def test_a_wire_dateline_is_left_out_of_the_first_paragraph(lead: str, story: str) -> None:
    text = f" date 2022-11-04 {lead}{story}\n\nMore text."
    doc = read_document(text)
    first = doc.paragraphs[0]
    assert text[first.start : first.end] == story
    assert text[doc.body_start :].startswith(lead)  # the document itself is kept whole


@pytest.mark.parametrize(
    "story",
    ["NATO troops crossed the border on Monday.", "UNITED forces - a coalition of militias - advanced.", "US officials said so."],
)
def test_capitals_that_open_a_sentence_are_not_a_dateline(story: str) -> None:
    text = f" date 2022-11-04 {story}"
    doc = read_document(text)
    assert text[doc.paragraphs[0].start : doc.paragraphs[0].end] == story


def test_a_document_without_a_title_is_headed_by_its_lead_sentence() -> None:
    short = read_document(" date 2022-11-04 Rebels took the ridge on Monday. Talks failed.")
    assert headline(short) == "Rebels took the ridge on Monday"
    long_lead = "Government forces and allied militias pushed north along the coast road on Monday, " * 3
    cut = headline(read_document(f" date 2022-11-04 {long_lead.strip()}"))
    assert cut is not None and cut.endswith("…") and len(cut) <= HEADLINE_LENGTH
    assert long_lead.startswith(cut[:-1])
    assert headline(read_document(" date 2022-11-04 ")) is None
