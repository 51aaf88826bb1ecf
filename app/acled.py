"""ACLED's CSV export format: its columns, and one row read into a Dateline event.

Both the current 31-column export and older ones (no ``disorder_type``,
``civilian_targeting`` or ``tags``; numeric ``inter1``) are read; dates may be
``15 March 2022`` or ``2022-03-15``. ``read_rows`` yields an ``AcledRow`` or a
``BadRow`` (with its line number) for every record, so one bad line never stops
an import. Writing them to the database is ``app.bulk``'s job.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from app.query import EVENT_TYPES

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1")
PRECISIONS = {"1": "day", "2": "week", "3": "month"}
# ACLED's actor type codes (inter1/inter2) kept as the actor's kind; newer exports spell them out.
INTER_KINDS = {
    "1": "state", "2": "rebel_group", "3": "political_militia", "4": "identity_militia",
    "5": "rioters", "6": "protesters", "7": "civilians", "8": "external_force",
}  # fmt: skip
INTER_NAMES = {
    "state forces": "1", "rebel group": "2", "political militia": "3", "identity militia": "4",
    "rioters": "5", "protesters": "6", "civilians": "7", "external/other forces": "8",
}  # fmt: skip
KIND_CODES = {kind: code for code, kind in INTER_KINDS.items()} | {"armed_group": "2", "person": "", "organisation": ""}
ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")


class AcledFormatError(ValueError):
    """The file is not an ACLED export at all (e.g. required columns are missing)."""


@dataclass(frozen=True)
class AcledActor:
    name: str
    role: str
    kind: str


@dataclass(frozen=True)
class AcledRow:
    """One ACLED record mapped onto Dateline's event fields."""

    line: int
    external_id: str
    first_day: dt.date
    last_day: dt.date
    date: str
    precision: str
    type: str
    sub_event_type: str | None
    actors: tuple[AcledActor, ...]
    location: str | None
    places: tuple[str, ...]
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    sources: tuple[str, ...]
    notes: str

    def event_id(self, namespace: str = "acled") -> str:
        return hashlib.sha256(f"{namespace}:{self.external_id}".encode()).hexdigest()[:16]

    @property
    def title(self) -> str:
        """A headline built from the record: what, who (against whom), where."""
        names = [a.name for a in self.actors if a.role in ("actor1", "actor2")]
        what = self.sub_event_type or self.type
        who = " vs ".join(names)
        return f"{what}: {who}" + (f" in {self.location}" if self.location else "") if who else what

    @property
    def search_text(self) -> str:
        return "\n".join([self.title, self.notes, *(a.name for a in self.actors), *self.places])


@dataclass(frozen=True)
class BadRow:
    line: int
    message: str


def event_date(value: str) -> dt.date:
    """``15 March 2022``, ``15-March-2022`` or ``2022-03-15``."""
    value = value.strip()
    if len(value) == 10 and value[4] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date like 15 March 2022 or 2022-03-15")


def period(day: dt.date, precision: str) -> tuple[dt.date, dt.date, str]:
    """First day, last day and ISO label of the period ACLED's precision allows."""
    if precision == "week":
        first = day - dt.timedelta(days=day.weekday())
        return first, first + dt.timedelta(days=6), first.isoformat()
    if precision == "month":
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1), first.isoformat()[:7]
    return day, day, day.isoformat()


def inter_kind(value: str) -> str:
    code = value.strip()
    code = INTER_NAMES.get(code.lower(), code)
    return INTER_KINDS.get(code, "unknown")


def _names(value: str) -> list[str]:
    return [n.strip() for n in value.split(";") if n.strip()]


def _actors(record: dict[str, str]) -> tuple[AcledActor, ...]:
    found: dict[str, AcledActor] = {}
    for role in ROLES:
        side = "1" if role.endswith("1") else "2"
        kind = inter_kind(record.get(f"inter{side}") or "") if role.startswith("actor") else "unknown"
        for name in _names(record.get(role) or ""):
            found.setdefault(name.lower(), AcledActor(name, role, kind))
    return tuple(found.values())


def _number(record: dict[str, str], name: str, kind: Callable[[str], float | int]) -> float | int | None:
    value = (record.get(name) or "").strip()
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a number") from None


def map_row(record: dict[str, str], line: int) -> AcledRow:
    """One CSV record as an ``AcledRow``; raises ``ValueError`` saying what is wrong."""
    external_id = (record.get("event_id_cnty") or "").strip()
    if not external_id or len(external_id) > 64:
        raise ValueError("event_id_cnty is empty" if not external_id else "event_id_cnty is too long")
    event_type = (record.get("event_type") or "").strip()
    if event_type not in EVENT_TYPES:
        raise ValueError(f"event_type {event_type!r} is not one of ACLED's six event types")
    precision = PRECISIONS.get((record.get("time_precision") or "1").strip() or "1")
    if precision is None:
        raise ValueError(f"time_precision {record.get('time_precision')!r} is not 1, 2 or 3")
    first, last, date = period(event_date(record.get("event_date") or ""), precision)
    latitude, longitude = _number(record, "latitude", float), _number(record, "longitude", float)
    if latitude is not None and not -90 <= latitude <= 90 or longitude is not None and not -180 <= longitude <= 180:
        raise ValueError(f"latitude/longitude {latitude}, {longitude} are off the globe")
    actors = _actors(record)
    if not any(a.role == "actor1" for a in actors):
        raise ValueError("actor1 is empty")
    location = (record.get("location") or "").strip() or None
    country = (record.get("country") or "").strip()
    fatalities = _number(record, "fatalities", int)
    return AcledRow(
        line=line,
        external_id=external_id,
        first_day=first,
        last_day=last,
        date=date,
        precision=precision,
        type=event_type,
        sub_event_type=(record.get("sub_event_type") or "").strip() or None,
        actors=actors,
        location=location,
        places=tuple(dict.fromkeys(p for p in (location, country) if p)),
        latitude=latitude,
        longitude=longitude,
        fatalities=None if fatalities is None else int(fatalities),
        sources=tuple(_names(record.get("source") or "")),
        notes=(record.get("notes") or "").strip(),
    )


def _counted(lines: Iterable[str], seen: list[int]) -> Iterator[str]:
    for line in lines:
        seen[0] += len(line)
        yield line


def read_rows(stream: TextIO, progress: Callable[[int], None] | None = None) -> Iterator[AcledRow | BadRow]:
    """Every record of an ACLED CSV export; ``progress`` gets the characters read so far."""
    seen = [0]
    reader = csv.DictReader(_counted(stream, seen))
    header = [h.strip().lower() for h in reader.fieldnames or ()]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise AcledFormatError(f"not an ACLED export: missing column(s) {', '.join(missing)}")
    reader.fieldnames = header
    line = reader.line_num + 1
    for record in reader:
        try:
            if None in record:
                raise ValueError(f"{len(header) + len(record[None])} fields where the header has {len(header)}")  # type: ignore[index]
            yield map_row(record, line)
        except ValueError as exc:
            yield BadRow(line, str(exc))
        line = reader.line_num + 1
        if progress:
            progress(seen[0])


def open_export(path: Path) -> TextIO:
    return path.open(encoding="utf-8-sig", newline="")
