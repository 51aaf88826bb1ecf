import datetime as dt

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app import store
from app.errors import NotFound
from app.query import TimelineQuery, parse_query
from app.views import EventView
from tests.factories import ALPHA, BETA, GENERAL, daily_events, make_event, make_extraction
from tests.factories import store as put

TEXT = (
    "Alphan forces crossed the river on 3 May. Betaland closed its border on 5 May. "
    "Dana Okafor resigned on 6 May. The ministry reviewed its budget during May."
)


@pytest.fixture
def may(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    events = [
        make_event(TEXT, "Alphan forces crossed the river on 3 May.", dt.date(2023, 5, 3)),
        make_event(TEXT, "Betaland closed its border on 5 May.", dt.date(2023, 5, 5), actors=(BETA,)),
        make_event(TEXT, "Dana Okafor resigned on 6 May.", dt.date(2023, 5, 6), actors=(GENERAL, ALPHA)),
        make_event(
            TEXT,
            "The ministry reviewed its budget during May.",
            dt.date(2023, 5, 1),
            actors=(BETA,),
            precision="month",
            last=dt.date(2023, 5, 31),
        ),
    ]
    put(factory, "may.txt", make_extraction(TEXT, events, dt.date(2023, 5, 7)))
    return factory


def titles(factory: sessionmaker[Session], query: TimelineQuery) -> list[str]:
    with factory() as session:
        return [e.title for e in store.list_events(session, query).events]


def test_timeline_is_chronological_with_month_events_at_month_start(may: sessionmaker[Session]) -> None:
    assert titles(may, TimelineQuery()) == [
        "The ministry reviewed its budget during May",
        "Alphan forces crossed the river on 3 May",
        "Betaland closed its border on 5 May",
        "Dana Okafor resigned on 6 May",
    ]


def test_actor_filter_is_or_within_the_facet(may: sessionmaker[Session]) -> None:
    assert len(titles(may, parse_query([("actor", "dana-okafor")]))) == 1
    assert len(titles(may, parse_query([("actor", "dana-okafor"), ("actor", "betaland")]))) == 3


def test_date_range_keeps_events_whose_period_overlaps_it(may: sessionmaker[Session]) -> None:
    result = titles(may, parse_query([("from", "2023-05-04"), ("to", "2023-05-05")]))
    assert result == ["The ministry reviewed its budget during May", "Betaland closed its border on 5 May"]


def test_actor_counts_ignore_the_actor_filter_but_follow_dates(may: sessionmaker[Session]) -> None:
    query = parse_query([("actor", "alphaland"), ("from", "2023-05-04")])
    with may() as session:
        counts = {c.actor.slug: c.count for c in store.actor_counts(session, query)}
    assert counts == {"alphaland": 1, "betaland": 2, "dana-okafor": 1}


def test_selected_actor_with_no_events_stays_listed(may: sessionmaker[Session]) -> None:
    query = parse_query([("actor", "dana-okafor"), ("to", "2023-05-04")])
    with may() as session:
        counts = {c.actor.slug: c.count for c in store.actor_counts(session, query)}
    assert counts["dana-okafor"] == 0


def walk_pages(factory: sessionmaker[Session], pairs: list[tuple[str, str]], *, limit: int) -> list[EventView]:
    """Every event of the query, following each page's cursor to the end."""
    seen: list[EventView] = []
    query = parse_query(pairs)
    with factory() as session:
        while True:
            page = store.list_events(session, query, limit=limit)
            seen.extend(page.events)
            if page.next_cursor is None:
                return seen
            query = parse_query([*pairs, ("cursor", page.next_cursor)])


def test_keyset_pages_cover_everything_once(factory: sessionmaker[Session]) -> None:
    daily_events(factory, 7)
    seen = [e.id for e in walk_pages(factory, [], limit=3)]
    assert len(seen) == len(set(seen)) == 7


def test_event_and_document_lookups(may: sessionmaker[Session]) -> None:
    with may() as session:
        event = store.list_events(session, TimelineQuery()).events[1]
        assert store.get_event(session, event.id) == event
        doc = store.get_document(session, event.document.id)
        assert doc.text == TEXT and len(doc.events) == 4
        assert TEXT[event.excerpts[0].start : event.excerpts[0].end] == event.excerpts[0].text
        with pytest.raises(NotFound):
            store.get_event(session, "0" * 16)
        with pytest.raises(NotFound):
            store.get_document(session, "missing")


def test_search_matches_every_word_and_survives_syntax_characters(may: sessionmaker[Session]) -> None:
    assert titles(may, parse_query([("q", "border")])) == ["Betaland closed its border on 5 May"]
    assert titles(may, parse_query([("q", "closed BORDER")])) == ["Betaland closed its border on 5 May"]
    assert titles(may, parse_query([("q", "border river")])) == []
    for hostile in ['"', "border AND", "NEAR(border", "*", "border OR river", "'); --"]:
        titles(may, parse_query([("q", hostile)]))


def test_search_finds_actor_names(may: sessionmaker[Session]) -> None:
    assert titles(may, parse_query([("q", "okafor")])) == ["Dana Okafor resigned on 6 May"]


def test_type_precision_and_sort_filters(may: sessionmaker[Session]) -> None:
    assert titles(may, parse_query([("precision", "month")])) == ["The ministry reviewed its budget during May"]
    assert titles(may, parse_query([("type", "Battles")])) == []
    newest_first = titles(may, parse_query([("sort", "desc")]))
    assert newest_first == list(reversed(titles(may, TimelineQuery())))


def test_descending_pages_cover_everything_once(factory: sessionmaker[Session]) -> None:
    daily_events(factory, 5)
    seen = [e.first_day for e in walk_pages(factory, [("sort", "desc")], limit=2)]
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 5


def test_min_sources_keeps_only_corroborated_events(may: sessionmaker[Session]) -> None:
    assert len(titles(may, parse_query([("min_sources", "1")]))) == 4
    assert titles(may, parse_query([("min_sources", "2")])) == []


def test_search_finds_words_written_like_markup(factory: sessionmaker[Session]) -> None:
    text = "A post reading <script>alert(1)</script> appeared on the ministry site on 3 May."
    put(factory, "post.txt", make_extraction(text, [make_event(text, text, dt.date(2023, 5, 3))]))
    assert titles(factory, parse_query([("q", "alert")])) == [text.rstrip(".")]


def test_a_year_long_event_overlaps_a_range_starting_months_later(factory: sessionmaker[Session]) -> None:
    text = "The blockade lasted through 2023. Troops crossed the river on 3 November 2023."
    events = [
        make_event(text, "The blockade lasted through 2023.", dt.date(2023, 1, 1), precision="year", last=dt.date(2023, 12, 31)),
        make_event(text, "Troops crossed the river on 3 November 2023.", dt.date(2023, 11, 3)),
    ]
    put(factory, "year.txt", make_extraction(text, events))
    found = titles(factory, parse_query([("from", "2023-11-02"), ("to", "2023-11-30")]))
    assert found == ["The blockade lasted through 2023", "Troops crossed the river on 3 November 2023"]
    assert titles(factory, parse_query([("from", "2024-01-01")])) == []


def test_search_splits_words_at_punctuation_on_every_backend(factory: sessionmaker[Session]) -> None:
    text = "An air/drone strike hit the depot, said monitor.example.org on 3 May."
    put(factory, "strike.txt", make_extraction(text, [make_event(text, text, dt.date(2023, 5, 3))]))
    for q in ("drone", "air drone", "Air/drone", "monitor", "example"):
        assert len(titles(factory, parse_query([("q", q)]))) == 1, q


@pytest.fixture
def spans(factory: sessionmaker[Session]) -> sessionmaker[Session]:
    """Day events through March 2023 beside a month, a week and a year that run into its middle."""
    sentences = [(f"Alphan troops took hill {d} on {d} March.", dt.date(2023, 3, d), "day", None) for d in range(1, 21)]
    sentences += [
        ("Talks went on through March.", dt.date(2023, 3, 1), "month", dt.date(2023, 3, 31)),
        ("Shelling went on all week.", dt.date(2023, 3, 6), "week", dt.date(2023, 3, 12)),
        ("The blockade lasted through 2023.", dt.date(2023, 1, 1), "year", dt.date(2023, 12, 31)),
        ("A truce held for two days.", dt.date(2023, 3, 8), "day", dt.date(2023, 3, 9)),
    ]
    for n, (sentence, day, precision, last) in enumerate(sentences):
        event = make_event(sentence, sentence, day, precision=precision, last=last)
        put(factory, f"span{n}.txt", make_extraction(sentence, [event]))
    return factory


@pytest.mark.parametrize("sort", ["asc", "desc"])
@pytest.mark.parametrize("limit", [1, 2, 50])
def test_events_running_into_the_range_are_paged_in_order_with_the_rest(
    spans: sessionmaker[Session], sort: str, limit: int
) -> None:
    pairs = [("from", "2023-03-09"), ("to", "2023-03-11"), ("sort", sort)]
    expected = [
        "The blockade lasted through 2023",
        "Talks went on through March",
        "Shelling went on all week",
        "A truce held for two days",
        "Alphan troops took hill 9 on 9 March",
        "Alphan troops took hill 10 on 10 March",
        "Alphan troops took hill 11 on 11 March",
    ]
    seen = [e.title for e in walk_pages(spans, pairs, limit=limit)]
    assert seen == (expected if sort == "asc" else expected[::-1])
    actor_pairs = [*pairs, ("actor", "alphaland")]
    assert [e.title for e in walk_pages(spans, actor_pairs, limit=limit)] == seen


def test_a_page_before_events_running_into_the_range_leads_back_to_them(spans: sessionmaker[Session]) -> None:
    pairs = [("from", "2023-03-09"), ("to", "2023-03-11")]
    with spans() as session:
        first = store.list_events(session, parse_query(pairs), limit=3)
        second = store.list_events(session, parse_query([*pairs, ("cursor", first.next_cursor or "")]), limit=3)
        start = store.previous_page(session, parse_query(pairs), second.events[0].seq, limit=3)
    assert [e.title for e in second.events][0] == "A truce held for two days"
    assert start is not None and start.cursor is None


def test_overlap_finds_the_earliest_event_running_into_from(spans: sessionmaker[Session]) -> None:
    with spans() as session:
        found = store.overlap(session, dt.date(2023, 3, 9))
        assert found.first is not None
        assert store.load_views(session, [found.first])[0].title == "The blockade lasted through 2023"
        assert store.overlap(session, dt.date(2023, 1, 1)).first is None
        assert store.overlap(session, None).first is None


def test_what_a_transaction_remembers_is_forgotten_when_it_ends(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        assert store.overlap(session, dt.date(2023, 3, 9)).first is None
        session.commit()
        text = "Talks went on through March."
        event = make_event(text, text, dt.date(2023, 3, 1), precision="month", last=dt.date(2023, 3, 31))
        put(factory, "talks.txt", make_extraction(text, [event]))
        assert store.overlap(session, dt.date(2023, 3, 9)).first is not None
