"""Scoring the extractor against a gold corpus, with a report of every miss.

The matching rules follow the development corpus's guideline: a prediction
matches a gold event when one of its excerpts contains the gold trigger (or an
alternative trigger), compared case-insensitively with whitespace folded; each
gold event and each prediction is used once. Over matched pairs the date must
equal the gold date at the gold precision (a day or week inside a gold
``window`` also counts), and actor overlap is the share of gold actors whose
last word occurs in a predicted actor name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.extract.pipeline import extract
from app.serialize import event_json

Prediction = dict[str, Any]
Gold = dict[str, Any]
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    dates_right: int = 0
    actor_overlap: float = 0.0
    report: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.matched if self.matched else 0.0

    @property
    def actor_score(self) -> float:
        return self.actor_overlap / self.matched if self.matched else 0.0


def date_matches(gold: Gold, pred: Prediction) -> bool:
    if pred["date"] == gold["date"] and pred["precision"] == gold["precision"]:
        return True
    window = gold.get("window")
    if window and pred["precision"] in ("day", "week") and len(pred["date"]) == 10:
        return bool(window[0] <= pred["date"] <= window[1])
    return False


def actor_share(gold: Gold, pred: Prediction) -> float:
    wanted = gold.get("actors") or []
    names = [fold(a["name"]) for a in pred["actors"]]
    found = sum(any(fold(actor).split()[-1] in name for name in names) for actor in wanted)
    return found / len(wanted) if wanted else 1.0


def _find(gold: Gold, preds: Sequence[Prediction], used: set[int]) -> int | None:
    triggers = [fold(t) for t in [gold["trigger"], *gold.get("alt_triggers", [])]]
    for i, pred in enumerate(preds):
        texts = [fold(e["text"]) for e in pred["excerpts"]]
        if i not in used and any(t in x for t in triggers for x in texts):
            return i
    return None


def score_document(name: str, gold_events: Sequence[Gold], preds: Sequence[Prediction], score: Score) -> None:
    used: set[int] = set()
    score.predicted += len(preds)
    score.gold += len(gold_events)
    for gold in gold_events:
        hit = _find(gold, preds, used)
        if hit is None:
            score.report.append(f"MISS   {name}: {gold['date']} ({gold['kind']}) {gold['trigger']!r} — {gold['summary']}")
            continue
        used.add(hit)
        pred = preds[hit]
        score.matched += 1
        if date_matches(gold, pred):
            score.dates_right += 1
        else:
            score.report.append(
                f"DATE   {name}: gold {gold['date']}/{gold['precision']} got {pred['date']}/{pred['precision']}"
                f" from {pred.get('date_phrase')!r} ({pred.get('date_method')}) — {gold.get('note', gold['trigger'])}"
            )
        share = actor_share(gold, pred)
        score.actor_overlap += share
        if share < 1:
            got = ", ".join(a["name"] for a in pred["actors"]) or "none"
            score.report.append(f"ACTORS {name}: gold {', '.join(gold['actors'])}; got {got} — {gold['trigger']!r}")
    for i, pred in enumerate(preds):
        if i not in used:
            score.report.append(f"EXTRA  {name}: {pred['date']} {pred['title']!r}")


def evaluate(gold_path: Path, run: Callable[[Path], list[Prediction]] | None = None) -> Score:
    """Run the extractor over every file of a gold corpus and score it."""
    run = run or predict
    score = Score()
    for doc in json.loads(gold_path.read_text(encoding="utf-8")):
        score_document(doc["file"], doc["events"], run(gold_path.parent / doc["file"]), score)
    return score


def predict(path: Path) -> list[Prediction]:
    text = path.read_text(encoding="utf-8")
    return [event_json(event, document=str(path)) for event in extract(text).events]


def summary(score: Score) -> list[str]:
    return [
        f"gold {score.gold}  predicted {score.predicted}  matched {score.matched}",
        f"precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}",
        f"date accuracy {score.date_accuracy:.3f}  actor overlap {score.actor_score:.3f}",
    ]
