"""Scale benchmark: a large timeline, served from one core, loaded from the other.

Builds (once) a database of N synthetic events with ``dateline demo-data``,
starts the app under uvicorn pinned to core 0, drives it with wrk pinned to
core 1, and prints each figure beside its target (issue 6). Also prints the
raw-SQL time of each list query (the floor), the page/floor ratio, the query
plans, import and re-import times, and the server's peak memory while it
streams a CSV export of everything.

    python bench/scale.py --events 1000000            # SQLite
    python bench/scale.py --events 1000000 --postgres postgresql+psycopg://u:p@127.0.0.1/postgres

Results are appended to bench/RESULTS.md with the machine they ran on.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import models, store  # noqa: E402
from app.query import Cursor, parse_query  # noqa: E402

BIN = Path(sys.executable).parent
LUA = ROOT / "bench" / "wrk_report.lua"
RESULTS = ROOT / "bench" / "RESULTS.md"
TARGET_RPS, TARGET_P95, TARGET_PAGE_P95 = 1500, 20.0, 100.0


@dataclass
class Load:
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int


def run(cmd: list[str], env: dict[str, str] | None = None, cpu: int | None = None) -> subprocess.CompletedProcess[str]:
    if cpu is not None and shutil.which("taskset"):
        cmd = ["taskset", "-c", str(cpu), *cmd]
    return subprocess.run(cmd, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=True)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    run(cmd, env, cpu=0)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_dataset(url: str, events: int) -> float | None:
    """Bring the database to the latest migration, then fill it with ``events`` synthetic events
    unless it holds that many already; the seconds the filling took, or None."""
    env = {"DATELINE_DATABASE_URL": url}
    run([str(BIN / "dateline"), "migrate"], env)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            have = conn.scalar(text("SELECT count(*) FROM events"))
    except Exception:
        have = None
    finally:
        engine.dispose()
    if have == events:
        return None
    print(f"building {events:,} synthetic events …", flush=True)
    return timed([str(BIN / "dateline"), "demo-data", "--events", str(events)], env)


def pick_terms(url: str, total: int) -> tuple[str, str]:
    """A term in about 80% of events and a rare one, found from the data itself."""
    engine = create_engine(url)
    with engine.connect() as conn:
        sample = [r[0] for r in conn.execute(select(models.Event.search_text).limit(2000))]
    engine.dispose()
    counts: dict[str, int] = {}
    for body in sample:
        for word in set(re.findall(r"[a-z]{4,}", body.lower())):
            counts[word] = counts.get(word, 0) + 1
    common = min(counts, key=lambda w: abs(counts[w] / len(sample) - 0.8))
    rare = min((w for w in counts if counts[w] >= 1), key=lambda w: (counts[w], w))
    return common, rare


def scenarios(url: str, total: int) -> dict[str, str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        actor = conn.execute(
            select(models.Actor.slug).join(models.EventActor, models.EventActor.actor_id == models.Actor.id)
            .group_by(models.Actor.slug).order_by(text("count(*) DESC")).limit(1).offset(5)
        ).scalar_one()
        first, last = conn.execute(select(text("min(first_day), max(first_day)")).select_from(models.Event)).one()
        seqs = conn.execute(select(models.Event.seq).order_by(models.Event.seq).offset(int(total * 0.9)).limit(1)).scalar_one()
    engine.dispose()
    middle = _as_date(first) + (_as_date(last) - _as_date(first)) / 2
    month = (middle.replace(day=1).isoformat(), (middle.replace(day=28)).isoformat())
    common, rare = pick_terms(url, total)
    return {
        "none": "",
        "one actor": f"actor={actor}",
        "one month": f"from={month[0]}&to={month[1]}",
        "one type": "type=Battles",
        "actor + month": f"actor={actor}&from={month[0]}&to={month[1]}",
        f"text (common: {common})": f"q={common}",
        f"text (rare: {rare})": f"q={rare}",
        "deep cursor (90%)": f"cursor={Cursor(seqs).encode()}",
    }


def _as_date(value: object):  # type: ignore[no-untyped-def]
    import datetime as dt

    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def wrk(url: str, seconds: int, headers: dict[str, str], *, warmup: int = 2) -> Load:
    """Load ``url`` for ``seconds`` after ``warmup`` seconds of the same load that are not counted
    (a cold server's first requests fill SQLite's and the response cache, which is not steady state)."""
    cmd = ["wrk", "-t1", "-c4", "--latency", "-s", str(LUA)]
    for key, value in headers.items():
        cmd += ["-H", f"{key}: {value}"]
    if warmup:
        run([*cmd, f"-d{warmup}s", url], cpu=1)
    out = run([*cmd, f"-d{seconds}s", url], cpu=1).stdout
    match = re.search(r"RESULT rps=([\d.]+) p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) requests=\d+ errors=(\d+)", out)
    if not match:
        raise RuntimeError(out)
    rps, p50, p95, p99, errors = match.groups()
    return Load(float(rps), float(p50), float(p95), float(p99), int(errors))


def floor_ms(db_url: str, query_string: str) -> tuple[float, str]:
    """Median time of the list query's SQL alone (as the app builds it, run on the driver directly), and its plan.

    A date range whose earlier-starting events are read apart is two statements: both are timed
    (the app reads the second only when the first leaves the page short) and both plans shown.
    """
    from app.db import make_engine, make_sessionmaker

    query = parse_query(urllib.parse.parse_qsl(query_string))
    engine = make_engine(db_url)
    with make_sessionmaker(engine)() as session:
        statements = [_bound(stmt.limit(51), engine) for stmt in store.page_selects(query, store.planning(session, query))]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        plan = " ‖ ".join(_plan(cursor, engine.dialect.name, sql, params) for sql, params in statements)
        times = []
        for _ in range(20):
            start = time.perf_counter()
            for sql, params in statements:
                cursor.execute(sql, params)
                cursor.fetchall()
            times.append((time.perf_counter() - start) * 1000)
        raw.rollback()
    finally:
        raw.close()
        engine.dispose()
    return statistics.median(times), plan


def _bound(stmt, engine):  # type: ignore[no-untyped-def]
    """SQL text and driver parameters of ``stmt``, as the app would send them."""
    compiled = stmt.compile(dialect=engine.dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.params
    params = tuple(values[name] for name in compiled.positiontup) if compiled.positional else values
    return str(compiled), params


def _plan(cursor, dialect: str, sql: str, params) -> str:  # type: ignore[no-untyped-def]
    if dialect == "sqlite":
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " | ".join(row[3] for row in cursor.fetchall())
    cursor.execute("EXPLAIN " + sql, params)
    return " | ".join(row[0].strip() for row in cursor.fetchall() if "Scan" in row[0] or "Index" in row[0])


class Server:
    def __init__(self, db_url: str, *, cache: bool = True, version_seconds: float = 0.0) -> None:
        self.port = free_port()
        env = {**os.environ, "DATELINE_DATABASE_URL": db_url, "DATELINE_CACHE_SIZE": "512" if cache else "0",
               "DATELINE_VERSION_SECONDS": str(version_seconds)}
        cmd = [str(BIN / "uvicorn"), "--factory", "app.main:create_app_from_env", "--port", str(self.port),
               "--no-access-log", "--log-level", "warning"]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        self.proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def memory_mb(self, field: str) -> float:
        """A memory figure of the server from /proc (taskset execs uvicorn, so the pid is the same):
        VmHWM is peak resident memory, RssAnon the private memory resident now."""
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        return int(re.search(rf"{field}:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def mark(ok: bool) -> str:
    return "met" if ok else "NOT met"


def list_benchmarks(server: Server, db_url: str, cases: dict[str, str], seconds: int, lines: list[str]) -> None:
    """Per filter: the list fragment, the full page, and the overview fragment (facets + histogram) that
    the page loads beside it on a large collection; the page's target applies to page and overview together."""
    lines.append(
        f"| list fragment (50 events) | req/s (target ≥ {TARGET_RPS}) | p95 ms (≤ {TARGET_P95:g}) | SQL floor ms | page/floor "
        f"| full page p95 ms | overview p95 ms | page + overview p95 (≤ {TARGET_PAGE_P95:g}) | plan |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for name, qs in cases.items():
        path = f"{server.base}/events?{qs}"
        frag = wrk(path, seconds, {"HX-Request": "true"})
        page = wrk(path, max(3, seconds // 2), {})
        overview = wrk(f"{server.base}/overview?{qs}", max(3, seconds // 2), {"HX-Request": "true"})
        floor, plan = floor_ms(db_url, qs)
        ratio = frag.p50 / floor if floor else float("nan")
        both = page.p95 + overview.p95 if _answered(page) and _answered(overview) else float("inf")
        lines.append(
            f"| {name} | {frag.rps:,.0f} ({mark(frag.rps >= TARGET_RPS)}) | {frag.p95:.1f} ({mark(frag.p95 <= TARGET_P95)}) "
            f"| {floor:.2f} | {ratio:.1f}× | {_p95(page)} | {_p95(overview)} | {both:.1f} ({mark(both <= TARGET_PAGE_P95)}) | {plan} |"
        )
        print(lines[-1], flush=True)


def _answered(load: Load) -> bool:
    """wrk gives up on a request after 2 s; a run where none came back in time reports no latency."""
    return load.rps > 0 and load.p95 > 0


def _p95(load: Load) -> str:
    return f"{load.p95:.1f}" if _answered(load) else "no answer within 2 s"


def export_memory(server: Server, lines: list[str]) -> None:
    """Stream the CSV of everything. Peak RSS counts the database file pages SQLite reads through
    mmap (the OS page cache, shared and reclaimable); the server's own memory is its private
    resident memory (RssAnon), sampled while the export runs."""
    start = time.perf_counter()
    size, private = 0, server.memory_mb("RssAnon")
    before, sampled = private, time.perf_counter()
    with urllib.request.urlopen(server.base + "/events.csv", timeout=600) as response:
        while chunk := response.read(1 << 16):
            size += len(chunk)
            if time.perf_counter() - sampled > 0.2:
                private, sampled = max(private, server.memory_mb("RssAnon")), time.perf_counter()
    lines.append(f"- CSV export of everything: {size / 1e6:,.0f} MB in {time.perf_counter() - start:.1f} s; "
                 f"server private memory {before:.0f} MB before, peak {private:.0f} MB during; "
                 f"peak RSS {server.memory_mb('VmHWM'):.0f} MB (with the mmap-read database file pages)")
    print(lines[-1], flush=True)


def import_benchmark(events: int, workdir: Path, lines: list[str]) -> None:
    csv_path = workdir / "sample.csv"
    run([str(BIN / "dateline"), "acled-sample", "--rows", str(events), str(csv_path)])
    env = {"DATELINE_DATABASE_URL": f"sqlite:///{workdir / 'import.db'}"}
    run([str(BIN / "dateline"), "migrate"], env)
    first = timed([str(BIN / "dateline"), "import-acled", str(csv_path)], env)
    again = timed([str(BIN / "dateline"), "import-acled", str(csv_path)], env)
    lines.append(f"- import of {events:,} ACLED rows: {first:.1f} s (target ≤ 30 s: {mark(first <= 30)}); "
                 f"re-import {again:.1f} s (target ≤ 15 s: {mark(again <= 15)})")
    print(lines[-1], flush=True)


def machine() -> str:
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per fragment scenario")
    parser.add_argument("--db", type=Path, default=None, help="SQLite file to build or reuse")
    parser.add_argument("--postgres", default=None, help="admin URL of a PostgreSQL server to run the list benchmarks on too")
    parser.add_argument("--skip-sqlite", action="store_true", help="with --postgres: only the PostgreSQL list benchmarks")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--version-seconds", type=float, default=0.0,
                        help="DATELINE_VERSION_SECONDS for the cached runs (0: the version is read on every request)")
    parser.add_argument("--only", default=None, help="run only the scenarios whose name contains this text")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed (apt-get install wrk)")
    workdir = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    db = args.db or ROOT / "bench" / "data" / f"scale-{args.events}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{db}"
    lines = [f"## {time.strftime('%Y-%m-%d %H:%M')} — {args.events:,} events", "", f"Machine: {machine()}", ""]
    backends = []
    if not (args.skip_sqlite and args.postgres):
        built = build_dataset(db_url, args.events)
        if built is not None:
            lines.append(f"- demo-data for {args.events:,} events: {built:.1f} s")
        backends.append(("SQLite", db_url))
    if args.postgres:
        backends.append(("PostgreSQL", prepare_postgres(args.postgres, args.events, lines)))
    for label, url in backends:
        cases = {name: q for name, q in scenarios(url, args.events).items() if args.only is None or args.only in name}
        for cache in (False, True):
            trusted = f", version trusted for {args.version_seconds:g} s" if cache and args.version_seconds else ""
            lines += ["", f"### {label}, response cache {'on (repeated requests are hits)' if cache else 'off (every request renders)'}{trusted}", ""]
            server = Server(url, cache=cache, version_seconds=args.version_seconds if cache else 0.0)
            try:
                list_benchmarks(server, url, cases, args.seconds, lines)
                if label == "SQLite" and not cache and not args.skip_export:
                    export_memory(server, lines)
            finally:
                server.stop()
    if not args.skip_import:
        import_benchmark(args.events, workdir, lines)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n\n")
    print(f"\nappended to {RESULTS.relative_to(ROOT)}")
    return 0


def prepare_postgres(admin_url: str, events: int, lines: list[str]) -> str:
    from sqlalchemy.engine import make_url

    name = f"dateline_bench_{events}"
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    built = build_dataset(url, events)
    if built is not None:
        lines.append(f"- demo-data into PostgreSQL: {built:.1f} s")
    return url


if __name__ == "__main__":
    raise SystemExit(main())
