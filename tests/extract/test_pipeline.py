"""extract(): ids, ordering, offsets. Example texts written for this project."""

import hashlib

from app.extract.pipeline import extract

TEXT = (
    " date 2022-03-11 On Wednesday, rebels attacked a convoy. Militias have seized the bridge.\n\n"
    "On 2 March, the government imposed a curfew."
)


def test_fingerprint_and_ids() -> None:
    result = extract(TEXT)
    assert result.fingerprint == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    for e in result.events:
        ex = e.excerpts[0]
        assert e.id == hashlib.sha256(f"{result.fingerprint}:{ex.start}:{ex.end}:{e.date}".encode()).hexdigest()[:16]
    assert len({e.id for e in result.events}) == len(result.events)
    assert [e.id for e in extract(TEXT).events] == [e.id for e in result.events]


def test_two_clauses_of_one_sentence_on_one_day_get_their_own_stable_ids() -> None:
    text = " date 2022-03-11 Troops landed on Monday, reaching the capital on Monday evening."
    events = extract(text).events
    assert len(events) == 2 and len({e.id for e in events}) == 2
    assert [e.id for e in extract(text).events] == [e.id for e in events]


def test_sorted_and_offsets() -> None:
    result = extract(TEXT)
    assert [e.date for e in result.events] == ["2022-03-02", "2022-03-09", "2022-03-11"]
    for e in result.events:
        assert all(TEXT[x.start : x.end] == x.text for x in e.excerpts)


def test_no_date_document() -> None:
    result = extract("Rebels have seized the bridge. On Monday, troops attacked.")
    assert result.events == ()
    assert result.document.warnings


def test_extract_imports_no_web_stack() -> None:
    import sys

    assert not {"fastapi", "sqlalchemy", "starlette", "jinja2"} & {m.split(".")[0] for m in sys.modules if m.startswith("app.extract")}
