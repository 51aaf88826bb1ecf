"""The export formats by URL suffix, and the alternate links every timeline page offers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from app.exports import acled_csv, atom, csv_, geo, ics, timelinejs
from app.exports.base import Writer
from app.query import TimelineQuery, to_params


@dataclass(frozen=True)
class Format:
    suffix: str
    label: str
    media_type: str
    write: Writer
    download: bool
    newest_first: bool = False

    @property
    def mime(self) -> str:
        return self.media_type.split(";")[0]


FORMATS = {
    f.suffix: f
    for f in (
        Format("csv", "Spreadsheet (CSV)", csv_.MEDIA_TYPE, csv_.write, download=True),
        Format("geojson", "Map (GeoJSON)", geo.MEDIA_TYPE, geo.write, download=True),
        Format("ics", "Calendar (iCalendar)", ics.MEDIA_TYPE, ics.write, download=False),
        Format("atom", "Feed (Atom)", atom.MEDIA_TYPE, atom.write, download=False, newest_first=True),
        Format("timeline.json", "TimelineJS (JSON)", timelinejs.MEDIA_TYPE, timelinejs.write, download=False),
        Format("acled.csv", "ACLED columns (CSV)", acled_csv.MEDIA_TYPE, acled_csv.write, download=True),
    )
}


def export_query(query: TimelineQuery, fmt: Format) -> TimelineQuery:
    """The query an export runs: the whole view (no page cursor); feeds newest first."""
    query = query.without_cursor()
    return replace(query, sort="desc") if fmt.newest_first else query


def export_href(query: TimelineQuery, suffix: str) -> str:
    params = to_params(query.without_cursor())
    return f"/events.{suffix}" + (f"?{urlencode(params)}" if params else "")


def export_links(query: TimelineQuery) -> list[tuple[str, str, str]]:
    """``(label, href, mime type)`` of every export of the view, for ``<link rel=alternate>`` and menus."""
    links = [(f.label, export_href(query, f.suffix), f.mime) for f in FORMATS.values()]
    params = to_params(query.without_cursor())
    links.append(("JSON API", "/api/v1/events" + (f"?{urlencode(params)}" if params else ""), "application/json"))
    return links
