"""Print the scorer's JSON for the dev corpus (or given files): one object per event.

Usage: .venv/bin/python bench/dev_predictions.py [FILE...] > /tmp/pred.json
then:  python3 ../shared/eval/score.py ../shared/corpus/dev/gold.json /tmp/pred.json --verbose
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.extract.pipeline import extract  # noqa: E402

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


def predictions(paths: list[Path]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in paths:
        for e in extract(path.read_text(encoding="utf-8")).events:
            out.append({
                "id": e.id, "document": str(path), "date": e.date, "precision": e.precision,
                "title": e.title, "type": e.type,
                "actors": [{"name": a.name, "kind": a.kind, "affiliation": a.affiliation} for a in e.actors],
                "excerpts": [{"start": x.start, "end": x.end, "text": x.text} for x in e.excerpts],
                "date_phrase": e.date_phrase, "date_method": e.date_method,
                "modality": e.modality, "claimant": e.claimant, "places": list(e.places),
            })
    return out


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or sorted(DEV.glob("*.txt"))
    print(json.dumps(predictions(args), ensure_ascii=False, indent=1))
