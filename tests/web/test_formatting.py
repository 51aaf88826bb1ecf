"""Dates read at their precision; no month is shown as its first day."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.views import DocumentRef, EventView
from app.web.formatting import datetime_attr, event_date, plural, web_url

EVENT = EventView(
    id="0" * 16, seq=0, date="", first_day=dt.date(2022, 3, 7), last_day=dt.date(2022, 3, 7), precision="day",
    title="t", type="Battles", date_phrase="", date_method="explicit", modality="fact", claimant=None,
    places=(), document=DocumentRef("d", "d", "d", None, None), actors=(), excerpts=(),
)


@pytest.mark.parametrize(
    ("precision", "first", "label", "attr"),
    [
        ("day", dt.date(2022, 3, 7), "7 March 2022", "2022-03-07"),
        ("week", dt.date(2022, 3, 7), "week of 7 March 2022", "2022-W10"),
        ("month", dt.date(2022, 3, 1), "March 2022", "2022-03"),
        ("year", dt.date(2022, 1, 1), "2022", "2022"),
    ],
)
def test_date_at_its_precision(precision: str, first: dt.date, label: str, attr: str) -> None:
    event = dataclasses.replace(EVENT, precision=precision, first_day=first)
    assert (event_date(event), datetime_attr(event)) == (label, attr)


def test_plural() -> None:
    assert [plural(n, "event") for n in (0, 1, 4)] == ["0 events", "1 event", "4 events"]


def test_only_web_addresses_become_links() -> None:
    assert web_url("https://example.org/a") == "https://example.org/a"
    assert web_url("javascript:alert(1)") is None and web_url(None) is None
