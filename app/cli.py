"""The ``dateline`` command: thin wrappers around the library."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.config import Settings
from app.ingest import IngestResult
from app.sources import BadDocument, read_document_text

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from app.bulk import BulkReport

MAX_ERRORS = 50


def _cmd_extract(args: argparse.Namespace) -> int:
    from app.extract.pipeline import extract
    from app.serialize import event_json

    out: list[dict[str, object]] = []
    failed = 0
    for name in args.paths:
        try:
            text = read_document_text(Path(name))
        except BadDocument as exc:
            print(f"error: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        out.extend(event_json(event, document=name) for event in extract(text).events)
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for item in out:
            print(f"{item['date']:<10} {item['precision']:<5} {item['title']}  [{item['document']}]")
    return 1 if failed else 0


def _report(results: Sequence[IngestResult]) -> int:
    for result in results:
        if result.status == "failed":
            print(f"error: {result.path}: {result.error}", file=sys.stderr)
        else:
            print(f"{result.status:<9} {result.path} ({result.events} events)")
    counts = {s: sum(r.status == s for r in results) for s in ("new", "updated", "unchanged", "failed")}
    added = sum(r.events for r in results)
    print(", ".join(f"{n} {s}" for s, n in counts.items()) + f"; {added} events added")
    return 1 if counts["failed"] else 0


def _migrated_engine() -> Engine:
    from app.db import make_engine
    from app.migrate import upgrade
    settings = Settings.from_env()
    if settings.database_url.startswith("sqlite:///") and settings.database_url != "sqlite:///:memory:":
        Path(settings.database_url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    return make_engine(settings.database_url)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from app.db import make_sessionmaker
    from app.ingest import ingest_paths
    from app.progress import Progress

    engine = _migrated_engine()
    bar = Progress("ingest", "files")
    results = ingest_paths(make_sessionmaker(engine), [Path(p) for p in args.paths], progress=bar.update)
    bar.close()
    engine.dispose()
    if not results:
        print("error: no documents found in the given paths", file=sys.stderr)
        return 1
    return _report(results)


def _bulk_summary(report: BulkReport, seconds: float) -> None:
    for line, message in report.failed[:MAX_ERRORS]:
        print(f"error: line {line}: {message}", file=sys.stderr)
    if len(report.failed) > MAX_ERRORS:
        print(f"error: … and {len(report.failed) - MAX_ERRORS} more bad rows", file=sys.stderr)
    rate = report.rows / max(seconds, 1e-9)
    print(
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{len(report.failed)} bad rows skipped; {report.rows} rows in {seconds:.1f} s ({rate:,.0f} rows/s)"
    )


def _cmd_import_acled(args: argparse.Namespace) -> int:
    from app import counts
    from app.acled import AcledFormatError
    from app.bulk import import_acled
    from app.db import make_sessionmaker
    from app.progress import Progress

    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path}: no such file", file=sys.stderr)
        return 1
    engine = _migrated_engine()
    size, bar, started = max(path.stat().st_size, 1), Progress("import", "rows"), time.monotonic()
    rows = [0]

    def progress(chars: int) -> None:
        rows[0] += 1
        bar.update(chars / size, rows[0])

    try:
        report = import_acled(engine, path, progress=progress)
        counts.refresh(make_sessionmaker(engine))
    except (AcledFormatError, UnicodeDecodeError) as exc:
        print(f"error: {path}: {exc}", file=sys.stderr)
        return 1
    finally:
        bar.close()
        engine.dispose()
    _bulk_summary(report, time.monotonic() - started)
    return 1 if report.failed else 0


def _cmd_acled_sample(args: argparse.Namespace) -> int:
    from app.acled_generate import write_csv

    write_csv(Path(args.out), args.rows, seed=args.seed)
    print(f"wrote {args.rows} invented ACLED-shaped rows to {args.out}")
    return 0


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from app import counts
    from app.db import make_sessionmaker
    from app.demo import load_demo
    from app.progress import Progress

    engine = _migrated_engine()
    bar, started = Progress("demo-data", "events"), time.monotonic()
    try:
        report = load_demo(engine, args.events, seed=args.seed, progress=lambda n: bar.update(n / args.events, n))
        counts.refresh(make_sessionmaker(engine))
    finally:
        bar.close()
        engine.dispose()
    _bulk_summary(report, time.monotonic() - started)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from app.evaluate import evaluate, summary

    score = evaluate(Path(args.gold))
    for line in score.report if not args.quiet else []:
        print(line)
    print("\n".join(summary(score)))
    return 0


def _cmd_migrate(_args: argparse.Namespace) -> int:
    from app.migrate import upgrade

    upgrade(Settings.from_env().database_url)
    print("database is at the newest schema")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.main import create_app
    from app.setup import prepare_database

    settings = Settings.from_env()
    seeded = prepare_database(settings)
    if seeded:
        _report(seeded)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, proxy_headers=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline", description="News documents in, sourced timeline out.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print the events found in documents (no database)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print a JSON array, one object per event")
    p.set_defaults(func=_cmd_extract)
    p = sub.add_parser("ingest", help="extract documents (files or folders) into the database")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=_cmd_ingest)
    p = sub.add_parser("import-acled", help="import an ACLED CSV export (idempotent on event_id_cnty)")
    p.add_argument("file", metavar="FILE.csv")
    p.set_defaults(func=_cmd_import_acled)
    p = sub.add_parser("acled-sample", help="write an invented ACLED-shaped CSV for tests and benchmarks")
    p.add_argument("out", metavar="OUT.csv")
    p.add_argument("--rows", type=int, default=1000)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=_cmd_acled_sample)
    p = sub.add_parser("demo-data", help="fill the database with invented events (marked synthetic)")
    p.add_argument("--events", type=int, default=10_000, metavar="N")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=_cmd_demo_data)
    p = sub.add_parser("eval", help="score the extractor on a gold corpus and list every miss")
    p.add_argument("gold", metavar="GOLD.json")
    p.add_argument("--quiet", action="store_true", help="print the figures only")
    p.set_defaults(func=_cmd_eval)
    p = sub.add_parser("migrate", help="create or upgrade the database schema")
    p.set_defaults(func=_cmd_migrate)
    p = sub.add_parser("serve", help="migrate, load the seeds into an empty database, and serve")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
