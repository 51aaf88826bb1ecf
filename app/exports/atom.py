"""``/events.atom``: an Atom feed of the view, newest first, one entry per event.

feedgen builds the feed head and each entry; entries are serialised one at a
time so the feed streams. Entry ids are permalinks, stable across rebuilds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from urllib.parse import urlencode

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

from app.exports.base import Links, excerpt_text, source_names
from app.exports.stream import ExportEvent
from app.query import to_params

MEDIA_TYPE = "application/atom+xml; charset=utf-8"


def _utc(stamp: dt.datetime) -> dt.datetime:
    return stamp.replace(tzinfo=dt.timezone.utc)


def head(links: Links) -> str:
    params = urlencode(to_params(links.query))
    feed = FeedGenerator()
    feed.id(links.self_href or f"{links.base}/events.atom")
    feed.title("Dateline timeline" + (" (filtered)" if links.query.is_filtered else ""))
    feed.author({"name": "Dateline"})
    feed.link(href=f"{links.base}/events" + (f"?{params}" if params else ""), rel="alternate", type="text/html")
    feed.link(href=links.self_href or f"{links.base}/events.atom", rel="self")
    feed.updated(dt.datetime.now(dt.timezone.utc))
    xml = feed.atom_str(pretty=False).decode("utf-8")
    return xml[: xml.rindex("</feed>")]



def entry_xml(event: ExportEvent, links: Links) -> str:
    item = FeedEntry()
    item.id(links.permalink(event.id))
    item.title(f"{event.date}: {event.title}")
    item.link(href=links.permalink(event.id), rel="alternate", type="text/html")
    item.published(_utc(event.created_at))
    item.updated(_utc(event.updated_at))
    sources = source_names(event)
    summary = excerpt_text(event) + (f"\n\nSources: {'; '.join(sources)}" if sources else "")
    item.content(summary or event.title, type="text")
    item.category(term=event.type)
    for actor in event.actors:
        item.category(term=actor.slug, label=actor.name)
    return etree.tostring(item.atom_entry(), encoding="unicode")


def write(events: Iterable[ExportEvent], links: Links) -> Iterator[str]:
    yield head(links)
    for event in events:
        yield entry_xml(event, links)
    yield "</feed>\n"
