"""``/events.acled.csv``: the view in ACLED's 31-column order, filled where Dateline has the data.

Events imported from ACLED come back with their own ``event_id_cnty``; events
extracted from documents use their Dateline id. Actor type codes (inter1/2) come
from the actor's kind; ``timestamp`` is when Dateline last changed the event.
"""

from __future__ import annotations

import calendar
import csv
import io
from collections.abc import Iterable, Iterator

from app.acled import COLUMNS, KIND_CODES
from app.exports.base import Links, excerpt_text, source_names
from app.exports.stream import ExportActor, ExportEvent

MEDIA_TYPE = "text/csv; charset=utf-8"
TIME_PRECISION = {"day": "1", "week": "2", "month": "3", "year": "3"}
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
FLUSH_EVERY = 500


def _sides(actors: tuple[ExportActor, ...]) -> dict[str, list[ExportActor]]:
    sides: dict[str, list[ExportActor]] = {role: [] for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")}
    unplaced = [a for a in actors if a.role not in sides]
    for actor in actors:
        if actor.role in sides:
            sides[actor.role].append(actor)
    for actor in unplaced:  # extracted events: first actor is actor1, the next actor2, the rest associated
        role = "actor1" if not sides["actor1"] else "actor2" if not sides["actor2"] else "assoc_actor_2"
        sides[role].append(actor)
    return sides


def row(event: ExportEvent) -> list[object]:
    sides = _sides(event.actors)
    names = {role: "; ".join(a.name for a in found) for role, found in sides.items()}
    inter = {side: KIND_CODES.get(sides[f"actor{side}"][0].kind, "") if sides[f"actor{side}"] else "" for side in "12"}
    codes = sorted(c for c in inter.values() if c)
    interaction = "".join(codes) if len(codes) == 2 else (codes[0] + "0" if codes else "")
    values = {
        "event_id_cnty": event.external_id or event.id,
        "event_date": event.first_day.isoformat(),
        "year": event.first_day.year,
        "time_precision": TIME_PRECISION.get(event.precision, "3"),
        "disorder_type": DISORDER.get(event.type, "Political violence"),
        "event_type": event.type,
        "sub_event_type": event.sub_event_type or "",
        **names,
        "inter1": inter["1"],
        "inter2": inter["2"],
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if inter["2"] == "7" else "",
        "location": event.location or (event.places[0] if event.places else ""),
        "latitude": "" if event.latitude is None else event.latitude,
        "longitude": "" if event.longitude is None else event.longitude,
        "source": "; ".join(source_names(event)),
        "notes": excerpt_text(event, " "),
        "fatalities": "" if event.fatalities is None else event.fatalities,
        "timestamp": calendar.timegm(event.updated_at.timetuple()),
    }
    return [values.get(column, "") for column in COLUMNS]


def write(events: Iterable[ExportEvent], links: Links) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for n, event in enumerate(events, 1):
        writer.writerow(row(event))
        if n % FLUSH_EVERY == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
