"""Places: the gazetteer file, coordinates, and which names count as an event's places.

Example sentences written for this project.
"""

import json

import pytest

from app.extract.pipeline import extract
from app.extract.places import default_places_path, load_places, place_coordinates

HEAD = " date 2022-03-11 "


def places_of(body: str) -> tuple[str, ...]:
    (event,) = extract(HEAD + body).events
    return event.places


def test_file_shape() -> None:
    entries = json.loads(default_places_path().read_text(encoding="utf-8"))
    assert len(entries) >= 300
    assert {e["kind"] for e in entries} == {"country", "city", "region"}
    for e in entries:
        assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180, e["name"]
        assert isinstance(e["aliases"], list) and e["country"]
    countries = {e["name"] for e in entries if e["kind"] == "country"}
    assert all(e["country"] in countries for e in entries), "every place's country is itself an entry"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Kyiv", (50.45, 30.52)), ("Kiev", (50.45, 30.52)), ("Atlantis", None)],
)
def test_place_coordinates(name: str, expected: tuple[float, float] | None) -> None:
    assert place_coordinates(name) == expected


def test_lookup_by_alias_gives_the_canonical_place() -> None:
    assert load_places().by_alias["Odessa"].name == "Odesa"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("On Monday, shells hit Kharkiv and Sumy.", ("Kharkiv", "Sumy")),
        ("On Monday, rebels attacked a base in Mali.", ("Mali",)),  # a country after "in" is a place
        ("On Monday, Mali expelled the envoy.", ()),  # a country acting is an actor, not a place
        ("On Monday, Moscow ordered a retreat.", ()),  # a capital as metonym
        ("On Monday, talks were held in Moscow.", ("Moscow",)),
        ("On Monday, the Luhansk People's Republic declared a curfew.", ()),  # inside an actor's name
        ("On Monday, Jordan Smith was arrested.", ()),  # ambiguous names need a locative preposition
        ("On Monday, gunmen attacked a convoy in Chad.", ("Chad",)),
    ],
)
def test_event_places(body: str, expected: tuple[str, ...]) -> None:
    assert places_of(body) == expected


def test_a_capital_as_object_is_a_place() -> None:
    assert places_of("Rebels have seized Kyiv.") == ("Kyiv",)
