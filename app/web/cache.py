"""A response cache for the read-only pages, valid until the data changes.

Every page is a pure function of its URL (and the htmx headers) and of the
data, so a rendered response can be served again until the next write. The
data's version is read on every request with one statement of two index-only
lookups (the newest ``events.updated_at`` and ``documents.ingested_at``); a
write of any kind changes one of them, so a cached page never outlives the
data it shows.
Exports stream and are never cached.

It is a plain ASGI middleware: a hit answers without routing, dependency
injection or template rendering, which is most of a page's cost.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.counts import version_statement

CACHED_PREFIXES = ("/events/", "/actors/", "/documents/", "/api/events", "/api/v1/events", "/api/v1/actors")
CACHED_PATHS = ("/", "/events", "/overview")
VARYING_HEADERS = (b"host", b"hx-request", b"hx-target", b"hx-boosted", b"hx-history-restore-request")
MAX_BODY = 2_000_000


@dataclass(frozen=True)
class Stored:
    version: tuple[object, ...]
    start: Message
    body: bytes


class DataVersion:
    """Reads the data's version on a connection of its own, held open between requests.

    A hit must cost far less than a render, so the check skips the pool and
    statement building: one prepared query on a raw DBAPI connection (in
    autocommit on PostgreSQL, so it never sits idle in a transaction). A
    connection that fails is dropped and the read retried once on a new one.
    With ``max_age`` seconds, a version read that recently is trusted without
    asking again: pages may then lag a write by up to that long.
    """

    def __init__(self, engine: Engine, *, max_age: float = 0.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.sql = str(version_statement().compile(dialect=engine.dialect))
        self.engine = engine
        self.connection: Any = None
        self.max_age = max_age
        self.clock = clock
        self.last: tuple[float, tuple[object, ...]] | None = None

    def __call__(self) -> tuple[object, ...]:
        now = self.clock()
        if self.last is not None and now - self.last[0] < self.max_age:
            return self.last[1]
        try:
            version = self._read()
        except self.engine.dialect.loaded_dbapi.Error:
            self.close()
            version = self._read()
        self.last = (now, version)
        return version

    def _read(self) -> tuple[object, ...]:
        if self.connection is None:
            self.connection = self._connect()
        cursor = self.connection.cursor()
        try:
            cursor.execute(self.sql)
            return tuple(cursor.fetchone())
        finally:
            cursor.close()

    def _connect(self) -> Any:
        connection = self.engine.raw_connection()
        connection.rollback()
        if self.engine.dialect.name == "postgresql":
            connection.driver_connection.autocommit = True  # type: ignore[union-attr]
        return connection

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.invalidate()
            finally:
                self.connection = None


def cacheable(scope: Scope) -> bool:
    path: str = scope["path"]
    if scope["method"] != "GET" or "." in path.rsplit("/", 1)[-1]:
        return False
    return path in CACHED_PATHS or path.startswith(CACHED_PREFIXES)


def cache_key(scope: Scope) -> tuple[object, ...]:
    headers = dict(scope["headers"])
    return (scope["path"], scope["query_string"], *(headers.get(name) for name in VARYING_HEADERS))


def _with_header(start: Message, state: bytes) -> Message:
    """A copy of a response start carrying ``X-Cache: hit|miss`` (the stored one stays untouched)."""
    return {**start, "headers": [*start.get("headers", []), (b"x-cache", state)]}


class ResponseCache:
    def __init__(self, app: ASGIApp, *, version: Callable[[], tuple[object, ...]], size: int = 512) -> None:
        self.app = app
        self.version = version
        self.size = size
        self.entries: OrderedDict[tuple[object, ...], Stored] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.size <= 0 or not cacheable(scope):
            await self.app(scope, receive, send)
            return
        key, version = cache_key(scope), self.version()
        stored = self.entries.get(key)
        if stored is not None and stored.version == version:
            self.entries.move_to_end(key)
            await send(_with_header(stored.start, b"hit"))
            await send({"type": "http.response.body", "body": stored.body})
            return
        await self.app(scope, receive, self._recording(key, version, send))

    def _recording(self, key: tuple[object, ...], version: tuple[object, ...], send: Send) -> Send:
        start: Message = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                message = _with_header(message, b"miss")
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self._keep(key, Stored(version, start, b"".join(chunks)))
            await send(message)

        return record

    def _keep(self, key: tuple[object, ...], stored: Stored) -> None:
        if len(stored.body) > MAX_BODY:
            return
        self.entries[key] = stored
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)
