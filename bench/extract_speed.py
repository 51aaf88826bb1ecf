"""Print extraction throughput (articles/s) over the seed and dev articles, one core."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extract.pipeline import extract  # noqa: E402


def main(rounds: int = 20) -> None:
    paths = sorted((ROOT / "seeds" / "documents").glob("*.txt")) + sorted((ROOT.parent / "shared" / "corpus" / "dev").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    extract(texts[0])  # warm the gazetteer cache
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            extract(text)
    elapsed = time.perf_counter() - start
    print(f"{rounds * len(texts)} articles in {elapsed:.2f}s: {rounds * len(texts) / elapsed:.0f} articles/s")


if __name__ == "__main__":
    main()
