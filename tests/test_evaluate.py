import json
from pathlib import Path

import pytest

from app.evaluate import Score, evaluate, score_document, summary

DEV_GOLD = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev" / "gold.json"


def gold(trigger: str, date: str, precision: str = "day", **extra: object) -> dict[str, object]:
    return {"trigger": trigger, "date": date, "precision": precision, "kind": "action",
            "summary": "s", "actors": ["Alphaland"], **extra}


def pred(text: str, date: str, precision: str = "day", actors: tuple[str, ...] = ("Alphaland",)) -> dict[str, object]:
    return {"date": date, "precision": precision, "title": text[:20],
            "actors": [{"name": a} for a in actors], "excerpts": [{"text": text}]}


def test_matching_dates_and_actors_are_counted() -> None:
    score = Score()
    golds = [gold("took the  bridge", "2023-06-04"), gold("shelled the port", "2023-06")]
    preds = [pred("Troops took the bridge on Sunday.", "2023-06-04"), pred("They shelled the port.", "2023-06-02")]
    score_document("a.txt", golds, preds, score)
    assert (score.gold, score.predicted, score.matched, score.dates_right) == (2, 2, 2, 1)
    assert score.precision == score.recall == 1.0 and score.date_accuracy == 0.5
    assert any(line.startswith("DATE") for line in score.report)


def test_misses_extras_and_missing_actors_are_reported() -> None:
    score = Score()
    golds = [gold("closed the border", "2023-06-01"), gold("took the bridge", "2023-06-04")]
    preds = [pred("Troops took the bridge.", "2023-06-04", actors=("Betaland",)), pred("Rain fell.", "2023-06-05")]
    score_document("b.txt", golds, preds, score)
    kinds = sorted(line.split()[0] for line in score.report)
    assert kinds == ["ACTORS", "EXTRA", "MISS"]
    assert score.actor_score == 0.0 and score.recall == 0.5


def test_a_day_inside_a_gold_window_counts() -> None:
    score = Score()
    score_document("c.txt", [gold("marched", "2023-06", "month", window=["2023-06-05", "2023-06-11"])],
                   [pred("They marched.", "2023-06-07")], score)
    assert score.dates_right == 1


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="the development corpus (../shared/corpus/dev) is not beside the repo")
def test_dev_corpus_evaluates_end_to_end() -> None:
    score = evaluate(DEV_GOLD)
    assert score.gold == sum(len(d["events"]) for d in json.loads(DEV_GOLD.read_text()))
    assert score.predicted > 0
    assert summary(score)[1].startswith("precision ")
