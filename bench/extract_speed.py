"""Print extraction throughput (articles/s, one core) beside dateparser's ``search_dates``.

The dev corpus and the seed article are repeated until there are at least
``--documents`` texts (default 1,000). ``dateparser`` is a bench-only
dependency and is imported only here. It is much slower, so it runs on a
sample (``--sample`` texts, default 10) and its rate is extrapolated; it is
timed twice: as most callers write it (``search_dates(text)``, which detects
the language first) and told the language (``languages=["en"]``).

Usage: .venv/bin/python bench/extract_speed.py [--documents N] [--sample N]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.extract.pipeline import extract  # noqa: E402


def corpus_texts() -> list[str]:
    paths = sorted((ROOT / "seeds" / "documents").glob("*.txt")) + sorted((ROOT.parent / "shared" / "corpus" / "dev").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def rate(fn: Callable[[str], object], texts: list[str]) -> float:
    """Texts per second for ``fn`` over ``texts`` (garbage collection paused while timing)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for text in texts:
            fn(text)
        return len(texts) / (time.perf_counter() - start)
    finally:
        gc.enable()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--sample", type=int, default=10)
    args = ap.parse_args()
    base = corpus_texts()
    texts = (base * (args.documents // len(base) + 1))[: max(args.documents, len(base))]
    extract(texts[0])  # load the gazetteers once
    ours = rate(extract, texts)
    print(f"dateline extract: {len(texts)} articles, {ours:,.0f} articles/s")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser not installed: no comparison")
        return
    sample = texts[: args.sample]
    search_dates(sample[0], languages=["en"])
    for label, fn in [
        ("search_dates(text)", lambda t: search_dates(t)),
        ('search_dates(text, languages=["en"])', lambda t: search_dates(t, languages=["en"])),
    ]:
        theirs = rate(fn, sample)
        print(f"dateparser {label}: {len(sample)} articles, {theirs:,.1f} articles/s; dateline is {ours / theirs:,.0f}x faster")


if __name__ == "__main__":
    main()
