"""Parts of a clause with a date of their own. Example sentences written for this project."""

import datetime as dt

from app.extract import subclauses as sc
from app.extract.dates import find_time_mentions
from app.extract.types import Sentence


def sentence(text: str) -> Sentence:
    return Sentence(0, len(text), text, 0, 0)


def spans_of(text: str, found: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in found]


def test_an_aside_needs_a_comma_after_it() -> None:
    text = "The truce, agreed on 2 March, collapsed on Monday."
    assert spans_of(text, sc.asides(sentence(text), 0, len(text))) == [" agreed on 2 March"]
    ending = "Rebels took the road, held by nobody."
    assert sc.asides(sentence(ending), 0, len(ending)) == []


def test_relative_since_and_after_parts() -> None:
    text = "Police held a man over a raid that killed two guards last week after the army shelled the town on Monday"
    assert spans_of(text, sc.relatives(sentence(text), 0, len(text))) == [
        "that killed two guards last week after the army shelled the town on Monday",
        "after the army shelled the town on Monday",
    ]
    present = "They reached the town that lies on the river on Monday"
    assert sc.relatives(sentence(present), 0, len(present)) == []  # a present relative clause is no past event
    since_date = "It was the worst since May"
    assert sc.relatives(sentence(since_date), 0, len(since_date)) == []  # a since-date alone tells no event


def test_a_since_clause_tells_itself_and_a_relative_needs_its_head() -> None:
    text = "the worst since rebels seized the airport"
    assert text[sc.told_from(text, text.index("since")) :] == "rebels seized the airport"
    assert sc.told_from("that killed two", 0) is None


def test_a_when_clause_after_a_date() -> None:
    text = "The raid was the deadliest since May 2019, when a bomb killed six."
    times = find_time_mentions(text, dt.date(2022, 3, 11))
    ((mention, end),) = sc.whens(text, times, len(text)).items()
    assert (mention.text, text[mention.end : end]) == ("since May 2019", ", when a bomb killed six.")
