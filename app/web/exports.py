"""``/events.csv``, ``/events.atom`` and the other exports: the timeline's URL grammar, streamed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from app.exports.base import Links
from app.exports.formats import FORMATS, Format, export_links, export_query
from app.exports.stream import iter_events
from app.query import TimelineQuery
from app.web.api_v1 import TimelineQueryDep

__all__ = ["export_links", "router"]

router = APIRouter(tags=["exports"])
CHUNK = 64 * 1024


def chunked(parts: Iterator[str], size: int = CHUNK) -> Iterator[bytes]:
    """Join small writes: each chunk a streaming response sends costs a thread hop."""
    pending: list[str] = []
    length = 0
    for part in parts:
        pending.append(part)
        length += len(part)
        if length >= size:
            yield "".join(pending).encode("utf-8")
            pending, length = [], 0
    if pending:
        yield "".join(pending).encode("utf-8")


def _route(fmt: Format) -> Callable[[Request, TimelineQuery], StreamingResponse]:
    def export(request: Request, query: TimelineQueryDep) -> StreamingResponse:
        query = export_query(query, fmt)
        links = Links(base=str(request.base_url).rstrip("/"), query=query, self_href=str(request.url))
        events = iter_events(request.app.state.sessionmaker, query)
        disposition = "attachment" if fmt.download else "inline"
        headers = {"Content-Disposition": f'{disposition}; filename="dateline-events.{fmt.suffix}"'}
        return StreamingResponse(chunked(fmt.write(events, links)), media_type=fmt.media_type, headers=headers)

    export.__doc__ = (
        f"Every event of the timeline view as {fmt.label}, streamed; takes the same query parameters as /events "
        "(q, actor, type, place, precision, document, from, to, since, sort)."
    )
    return export


for _fmt in FORMATS.values():
    router.add_api_route(
        f"/events.{_fmt.suffix}",
        _route(_fmt),
        methods=["GET"],
        name=f"export_{_fmt.suffix.replace('.', '_')}",
        response_class=StreamingResponse,
        responses={200: {"content": {_fmt.mime: {}}, "description": _fmt.label}},
    )
