"""Undated sentences that continue a dated event with an action of their own inherit its date.

Example articles written for this project (published Friday 2022-03-11; "Tuesday" is
2022-03-08).
"""

import pytest

from app.extract.pipeline import extract
from app.extract.types import Event

HEAD = " date 2022-03-11 "
DATED = "On Tuesday, militia fighters shelled the port of Calder."


def events(body: str) -> list[Event]:
    return list(extract(HEAD + body).events)


def test_continuing_action_inherits_the_date() -> None:
    dated, inherited = events(DATED + " Kenyan police arrested two councillors at the harbour.")
    assert (dated.date, dated.date_method) == ("2022-03-08", "weekday")
    assert (inherited.date, inherited.precision, inherited.date_method) == ("2022-03-08", "day", "inherited")
    assert inherited.date_phrase == dated.date_phrase == "On Tuesday"
    assert [e.text for e in inherited.excerpts] == ["Kenyan police arrested two councillors at the harbour."]


def test_inherited_events_chain_within_the_paragraph() -> None:
    body = DATED + " Kenyan police arrested two councillors. Ugandan border guards closed the crossing."
    assert [(e.date, e.date_method) for e in events(body)] == [
        ("2022-03-08", "weekday"),
        ("2022-03-08", "inherited"),
        ("2022-03-08", "inherited"),
    ]


def test_coarse_dates_are_inherited_at_their_precision() -> None:
    body = "In March 2019, militia fighters seized the Calder airport. Kenyan police detained the airport director."
    assert [(e.date, e.precision, e.date_method) for e in events(body)] == [
        ("2019-03", "month", "explicit"),
        ("2019-03", "month", "inherited"),
    ]


def test_no_inheritance_across_paragraphs() -> None:
    assert [e.date_method for e in events(DATED + "\n\nKenyan police arrested two councillors at the harbour.")] == ["weekday"]


def test_no_inheritance_without_a_dated_event_before() -> None:
    assert [e.date_method for e in events("Kenyan police arrested two councillors. " + DATED)] == ["weekday"]


@pytest.mark.parametrize(
    "follow",
    [
        "Kenya condemned the militia that shelled the harbour.",  # a reaction
        "Kenyan officials believed the attack was meant to cut the supply route.",  # an opinion
        "Kenyan ships carry most of the region's grain.",  # a background state, present tense
        "Kenyan traders were the main buyers of its fish.",  # a background state, past tense
        "Kenyan police said they arrested two councillors.",  # a report
        '"We arrested two of them," a Kenyan police officer told reporters.',  # a quotation
        "Kenyan police never arrested the organisers.",  # negated
        "Kenyan police will question the men they arrested.",  # future
        "Kenyan police plan to question the men they detained.",  # planned
        "Kenyan police have arrested dozens of people.",  # a present perfect: dated by publication
        "A convoy was shelled at dawn.",  # no actor of its own
    ],
)
def test_no_inheritance_for_non_events(follow: str) -> None:
    methods = [e.date_method for e in events(DATED + " " + follow)]
    assert methods[0] == "weekday" and "inherited" not in methods


def test_same_event_elaboration_still_attaches() -> None:
    (event,) = events(DATED + " The militia also shelled two fishing boats.")
    assert event.date_method == "weekday"
    assert len(event.excerpts) == 2
