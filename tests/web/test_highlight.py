"""Splitting text into paragraphs and marked segments (examples written for these tests)."""

from __future__ import annotations

from app.web.highlight import Mark, Segment, context, highlight, locate, paragraph_spans

TEXT = "First para one.\n\n  Second para: alpha beta gamma.\n \nThird."


def texts(text: str) -> list[str]:
    return [text[a:b] for a, b in paragraph_spans(text)]


def test_paragraphs_are_split_on_blank_lines_and_trimmed() -> None:
    assert texts(TEXT) == ["First para one.", "Second para: alpha beta gamma.", "Third."]


def test_single_newlines_stay_inside_a_paragraph() -> None:
    assert texts("one\ntwo\n\nthree\r\n\r\nfour") == ["one\ntwo", "three", "four"]


def test_paragraphs_can_start_after_a_header() -> None:
    assert texts("header\n\nbody") == ["header", "body"]
    assert [TEXT[a:b] for a, b in paragraph_spans(TEXT, TEXT.index("Third"))] == ["Third."]


def test_one_mark_cuts_a_paragraph_in_three() -> None:
    start = TEXT.index("alpha")
    (_, second, _) = highlight(TEXT, [Mark(start, start + 5, "e1")])
    assert second.segments == (
        Segment("Second para: "),
        Segment("alpha", ("e1",), ("e1",)),
        Segment(" beta gamma."),
    )


def test_crossing_marks_never_interleave() -> None:
    a, b = TEXT.index("alpha"), TEXT.index("beta")
    marks = [Mark(a, b + 4, "e1"), Mark(b, TEXT.index("gamma") + 5, "e2")]
    segments = highlight(TEXT, marks)[1].segments
    assert [(s.text, s.event_ids, s.anchors) for s in segments] == [
        ("Second para: ", (), ()),
        ("alpha ", ("e1",), ("e1",)),
        ("beta", ("e1", "e2"), ("e2",)),
        (" gamma", ("e2",), ()),
        (".", (), ()),
    ]


def test_each_event_is_anchored_once() -> None:
    first, second = TEXT.index("First"), TEXT.index("Third")
    paragraphs = highlight(TEXT, [Mark(first, first + 5, "e1"), Mark(second, second + 5, "e1")])
    anchors = [s.anchors for p in paragraphs for s in p.segments if s.event_ids]
    assert anchors == [("e1",), ()]


def test_segments_rebuild_the_text_exactly() -> None:
    marks = [Mark(3, 30, "a"), Mark(10, 12, "b"), Mark(25, 45, "c")]
    for paragraph in highlight(TEXT, marks):
        assert "".join(s.text for s in paragraph.segments) == TEXT[paragraph.start:paragraph.end]


def test_context_keeps_only_paragraphs_with_marks() -> None:
    start = TEXT.index("Third")
    (paragraph,) = context(TEXT, [Mark(start, start + 5, "e1")])
    assert TEXT[paragraph.start:paragraph.end] == "Third."
    assert context(TEXT, []) == ()


def test_locate_trusts_offsets_then_falls_back_to_searching() -> None:
    start = TEXT.index("beta")
    assert locate(TEXT, start, start + 4, "beta") == (start, start + 4)
    assert locate(TEXT, 0, 4, "beta") == (start, start + 4)
    assert locate(TEXT, 0, 4, "absent") is None
