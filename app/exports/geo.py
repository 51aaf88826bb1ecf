"""``/events.geojson``: a FeatureCollection of the events that have coordinates.

Coordinates come from the event itself (ACLED rows carry them) or, failing
that, from its first place through the extractor's gazetteer when it offers
``app.extract.places.place_coordinates(name) -> (latitude, longitude) | None``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from app.exports.base import Links, excerpt_text, source_names
from app.exports.stream import ExportEvent

MEDIA_TYPE = "application/geo+json"
LatLon = tuple[float, float]


def _gazetteer() -> Callable[[str], object] | None:
    try:
        from app.extract.places import place_coordinates  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return place_coordinates  # type: ignore[no-any-return,unused-ignore]


@lru_cache(maxsize=4096)
def place_lat_lon(name: str) -> LatLon | None:
    """A place's (latitude, longitude) from the gazetteer, if it has one."""
    lookup = _gazetteer()
    found = lookup(name) if lookup else None
    if found is None:
        return None
    if hasattr(found, "latitude") and hasattr(found, "longitude"):
        return float(found.latitude), float(found.longitude)
    lat, lon = found  # type: ignore[misc]
    return float(lat), float(lon)


def coordinates(event: ExportEvent) -> LatLon | None:
    if event.latitude is not None and event.longitude is not None:
        return event.latitude, event.longitude
    for place in event.places[:1] or ((event.location,) if event.location else ()):
        return place_lat_lon(place)
    return None


def feature(event: ExportEvent, lat_lon: LatLon, links: Links) -> dict[str, object]:
    lat, lon = lat_lon
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "id": event.id,
            "date": event.date,
            "precision": event.precision,
            "title": event.title,
            "type": event.type,
            "sub_event_type": event.sub_event_type,
            "actors": [a.name for a in event.actors],
            "location": event.location or (event.places[0] if event.places else None),
            "fatalities": event.fatalities,
            "excerpt": excerpt_text(event),
            "sources": source_names(event),
            "origin": event.origin,
            "url": links.permalink(event.id),
        },
    }


def write(events: Iterable[ExportEvent], links: Links) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    separator = "\n"
    for event in events:
        lat_lon = coordinates(event)
        if lat_lon is not None:
            yield separator + json.dumps(feature(event, lat_lon, links), ensure_ascii=False)
            separator = ",\n"
    yield "\n]}\n"
