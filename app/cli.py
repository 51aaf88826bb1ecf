"""The ``dateline`` command: thin wrappers around the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.config import Settings
from app.ingest import IngestResult
from app.sources import BadDocument, read_document_text


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


def _cmd_ingest(args: argparse.Namespace) -> int:
    from app.db import make_engine, make_sessionmaker
    from app.ingest import ingest_paths
    from app.migrate import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    results = ingest_paths(make_sessionmaker(engine), [Path(p) for p in args.paths])
    engine.dispose()
    if not results:
        print("error: no documents found in the given paths", file=sys.stderr)
        return 1
    return _report(results)


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
