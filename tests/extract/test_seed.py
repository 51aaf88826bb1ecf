"""The seed article (seeds/documents/000_...): the acceptance events."""

from pathlib import Path

import pytest

from app.extract.pipeline import extract

SEED = Path(__file__).resolve().parents[2] / "seeds" / "documents" / "000_8281e6deb047d395.txt"


@pytest.fixture(scope="module")
def by_date() -> dict[str, list]:  # type: ignore[type-arg]
    text = SEED.read_text(encoding="utf-8")
    out: dict[str, list] = {}  # type: ignore[type-arg]
    for e in extract(text).events:
        assert all(text[x.start : x.end] == x.text for x in e.excerpts)
        out.setdefault(e.date, []).append(e)
    return out


def actor_names(event) -> set[str]:  # type: ignore[no-untyped-def]
    return {a.name for a in event.actors}


@pytest.mark.parametrize(
    ("date", "words", "actors"),
    [
        ("2022-03-07", "visa", {"Ukraine"}),
        ("2022-03-08", "arrival", {"Ukraine", "Volodymyr Zelensky", "International Legion"}),
        ("2022-03-09", "citizenship", {"Ukraine", "Yevhen Yenin"}),
        ("2022-03-11", "go-ahead", {"Vladimir Putin", "Russia", "Sergei Shoigu"}),
    ],
)
def test_acceptance_events(by_date, date: str, words: str, actors: set[str]) -> None:  # type: ignore[no-untyped-def]
    (event,) = by_date[date]
    assert event.precision == "day"
    assert any(words in x.text for x in event.excerpts)
    assert actors <= actor_names(event)


def test_go_ahead_is_dated_by_the_dateline(by_date) -> None:  # type: ignore[no-untyped-def]
    (event,) = by_date["2022-03-11"]
    assert (event.date_method, event.date_phrase) == ("dateline", "has given")


def test_no_background_or_undated_events(by_date) -> None:  # type: ignore[no-untyped-def]
    assert set(by_date) == {"2022-03-07", "2022-03-08", "2022-03-09", "2022-03-11"}
    texts = [x.text for events in by_date.values() for e in events for x in e.excerpts[:1]]
    assert not any("has been supporting" in t for t in texts)
