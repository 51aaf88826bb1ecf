import datetime as dt

import pytest

from app.errors import InvalidQuery
from app.query import Cursor, TimelineQuery, parse_query, to_params


def test_empty_query_is_unfiltered() -> None:
    query = parse_query([])
    assert query == TimelineQuery()
    assert not query.is_filtered


def test_actors_are_repeatable_deduplicated_and_sorted() -> None:
    query = parse_query([("actor", "ukraine"), ("actor", "russia"), ("actor", "ukraine")])
    assert query.actors == ("russia", "ukraine")


def test_dates_parse_and_round_trip_in_canonical_order() -> None:
    pairs = [("to", "2022-03-09"), ("actor", "russia"), ("from", "2022-03-07")]
    query = parse_query(pairs)
    assert query.date_from == dt.date(2022, 3, 7)
    assert to_params(query) == [("actor", "russia"), ("from", "2022-03-07"), ("to", "2022-03-09")]


def test_blank_values_are_ignored_like_an_empty_form_field() -> None:
    assert parse_query([("from", ""), ("to", " "), ("actor", "")]) == TimelineQuery()


@pytest.mark.parametrize(
    ("pairs", "param"),
    [
        ([("from", "07/03/2022")], "from"),
        ([("to", "2022-02-30")], "to"),
        ([("from", "2022-3-7")], "from"),
        ([("from", "2022-03-09"), ("to", "2022-03-07")], "from"),
        ([("from", "2022-03-07"), ("from", "2022-03-08")], "from"),
        ([("actor", "Robert'); DROP TABLE events;--")], "actor"),
        ([("cursor", "not-a-cursor")], "cursor"),
    ],
)
def test_bad_parameters_name_the_parameter(pairs: list[tuple[str, str]], param: str) -> None:
    with pytest.raises(InvalidQuery) as info:
        parse_query(pairs)
    assert info.value.param == param
    assert info.value.message


def test_cursor_round_trips() -> None:
    cursor = Cursor(738222 << 32 | 0x01234567)
    assert Cursor.decode(cursor.encode()) == cursor
    assert parse_query([("cursor", cursor.encode())]).cursor == cursor


def test_every_filter_round_trips_in_canonical_order() -> None:
    pairs = [
        ("sort", "desc"), ("precision", "month"), ("precision", "day"), ("type", "Protests"), ("type", "Battles"),
        ("place", "Kharkiv"), ("document", "0123456789ABCDEF"), ("since", "2022-03-11T08:00:00Z"), ("q", "visa"),
    ]
    query = parse_query(pairs)
    assert query.precisions == ("day", "month") and query.types == ("Battles", "Protests")
    assert query.since == dt.datetime(2022, 3, 11, 8, 0)
    assert to_params(query) == [
        ("q", "visa"), ("type", "Battles"), ("type", "Protests"), ("place", "Kharkiv"), ("precision", "day"),
        ("precision", "month"), ("document", "0123456789abcdef"), ("since", "2022-03-11T08:00:00"), ("sort", "desc"),
    ]
    assert parse_query(to_params(query)) == query


@pytest.mark.parametrize(
    ("pairs", "param"),
    [
        ([("type", "Skirmish")], "type"),
        ([("precision", "hour")], "precision"),
        ([("sort", "sideways")], "sort"),
        ([("since", "yesterday")], "since"),
        ([("q", "x" * 201)], "q"),
        ([("document", "../../etc")], "document"),
    ],
)
def test_bad_filter_values_name_the_parameter(pairs: list[tuple[str, str]], param: str) -> None:
    with pytest.raises(InvalidQuery) as info:
        parse_query(pairs)
    assert info.value.param == param


def test_sides_are_repeatable_sorted_and_written_after_actors() -> None:
    query = parse_query([("side", "South"), ("actor", "militia"), ("side", "North"), ("side", "South")])
    assert query.sides == ("North", "South") and query.is_filtered
    assert to_params(query) == [("actor", "militia"), ("side", "North"), ("side", "South")]


def test_overlong_side_names_the_parameter() -> None:
    with pytest.raises(InvalidQuery) as error:
        parse_query([("side", "x" * 201)])
    assert error.value.param == "side"


def test_min_sources_round_trips_and_one_means_no_filter() -> None:
    assert parse_query([("min_sources", "2")]).min_sources == 2
    assert to_params(parse_query([("min_sources", "3")])) == [("min_sources", "3")]
    assert parse_query([("min_sources", "1")]).min_sources is None


@pytest.mark.parametrize("value", ["0", "-1", "two", "1001", "2.5"])
def test_bad_min_sources_is_named(value: str) -> None:
    with pytest.raises(InvalidQuery) as info:
        parse_query([("min_sources", value)])
    assert info.value.param == "min_sources"
