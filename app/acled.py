"""ACLED's CSV export format: its columns, and one row read into a Dateline event.

Both the current 31-column export and older ones (no ``disorder_type``,
``civilian_targeting`` or ``tags``; numeric ``inter1``) are read; dates may be
``15 March 2022`` or ``2022-03-15``. ``read_rows`` yields an ``AcledRow`` or a
``BadRow`` (with its line number) for every record, so one bad line never stops
an import. Writing them to the database is ``app.bulk``'s job.

Speed: records are read with ``csv.reader`` into plain lists (``read_records``)
and mapped by column position (``Layout.map``); dates, actor names and actor
objects repeat a lot, so they are parsed once and cached. ``app.bulk`` maps a
record only when the database does not already hold it at the same ACLED
``timestamp``, so a re-import mostly just reads ids and timestamps.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
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


@dataclass(frozen=True, slots=True)
class AcledActor:
    name: str
    role: str
    kind: str


@dataclass(slots=True)
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
    timestamp: int | None = None  # ACLED's last-modified time (epoch seconds), when the export has it

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
        return self.texts()[1]

    def texts(self) -> tuple[str, str]:
        """``(title, search_text)`` computed together."""
        title = self.title
        return title, "\n".join([title, self.notes, *(a.name for a in self.actors), *self.places])


@dataclass(frozen=True)
class BadRow:
    line: int
    message: str


MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}  # fmt: skip


@lru_cache(maxsize=16384)
def event_date(value: str) -> dt.date:
    """``15 March 2022``, ``15-March-2022`` or ``2022-03-15``."""
    value = value.strip()
    if len(value) == 10 and value[4] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    parts = value.replace("-", " ").split()
    if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit() and parts[1].lower() in MONTHS:
        try:
            return dt.date(int(parts[2]), MONTHS[parts[1].lower()], int(parts[0]))
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date like 15 March 2022 or 2022-03-15")


@lru_cache(maxsize=16384)
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


@lru_cache(maxsize=256)
def inter_kind(value: str) -> str:
    code = value.strip()
    code = INTER_NAMES.get(code.lower(), code)
    return INTER_KINDS.get(code, "unknown")


@lru_cache(maxsize=65536)
def _names(value: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in value.split(";") if n.strip())


@lru_cache(maxsize=65536)
def _actor(name: str, role: str, kind: str) -> AcledActor:
    return AcledActor(name, role, kind)


def _number(value: str, name: str, kind: Callable[[str], float | int]) -> float | int | None:
    value = value.strip()
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a number") from None


class Layout:
    """Where each column is in a file's records; maps a record (a list of strings) to an ``AcledRow``.

    Columns the file lacks point just past its last column, where ``fields``
    carries an extra empty string (see ``read_records``).
    """

    def __init__(self, header: Sequence[str]) -> None:
        self.header = [h.strip().lower() for h in header]
        missing = [c for c in REQUIRED if c not in self.header]
        if missing:
            raise AcledFormatError(f"not an ACLED export: missing column(s) {', '.join(missing)}")
        position = {name: i for i, name in reversed(list(enumerate(self.header)))}
        self.width = len(self.header)
        self.at = {name: position.get(name, self.width) for name in COLUMNS}
        self.id_at, self.timestamp_at = self.at["event_id_cnty"], self.at["timestamp"]
        self.actor_at = tuple((role, self.at[role], self.at["inter1" if role.endswith("1") else "inter2"] if role.startswith("actor") else None) for role in ROLES)

    def fit(self, fields: list[str]) -> list[str]:
        """``fields`` padded to the header's width plus one empty string; ``ValueError`` if there are too many."""
        if len(fields) > self.width:
            raise ValueError(f"{len(fields)} fields where the header has {self.width}")
        if len(fields) < self.width:
            fields += [""] * (self.width - len(fields))
        fields.append("")
        return fields

    def timestamp(self, fields: list[str]) -> int | None:
        value = fields[self.timestamp_at].strip()
        return int(value) if value.isdigit() else None

    def map(self, f: list[str], line: int) -> AcledRow:
        """One fitted record as an ``AcledRow``; raises ``ValueError`` saying what is wrong."""
        at = self.at
        external_id = f[at["event_id_cnty"]].strip()
        if not external_id or len(external_id) > 64:
            raise ValueError("event_id_cnty is empty" if not external_id else "event_id_cnty is too long")
        event_type = f[at["event_type"]].strip()
        if event_type not in EVENT_TYPES:
            raise ValueError(f"event_type {event_type!r} is not one of ACLED's six event types")
        raw_precision = f[at["time_precision"]]
        precision = PRECISIONS.get(raw_precision.strip() or "1")
        if precision is None:
            raise ValueError(f"time_precision {raw_precision!r} is not 1, 2 or 3")
        first, last, date = period(event_date(f[at["event_date"]]), precision)
        latitude, longitude = _number(f[at["latitude"]], "latitude", float), _number(f[at["longitude"]], "longitude", float)
        if latitude is not None and not -90 <= latitude <= 90 or longitude is not None and not -180 <= longitude <= 180:
            raise ValueError(f"latitude/longitude {latitude}, {longitude} are off the globe")
        found: dict[str, AcledActor] = {}
        for role, name_at, inter_at in self.actor_at:
            value = f[name_at]
            if value:
                kind = inter_kind(f[inter_at]) if inter_at is not None else "unknown"
                for name in _names(value):
                    key = name.lower()
                    if key not in found:
                        found[key] = _actor(name, role, kind)
        actors = tuple(found.values())
        if not actors or actors[0].role != "actor1":
            raise ValueError("actor1 is empty")
        location = f[at["location"]].strip() or None
        country = f[at["country"]].strip()
        fatalities = _number(f[at["fatalities"]], "fatalities", int)
        places = (location, country) if location and country and location != country else (location or country,) if location or country else ()
        return AcledRow(
            line,
            external_id,
            first,
            last,
            date,
            precision,
            event_type,
            f[at["sub_event_type"]].strip() or None,
            actors,
            location,
            places,
            latitude,
            longitude,
            None if fatalities is None else int(fatalities),
            _names(f[at["source"]]),
            f[at["notes"]].strip(),
            self.timestamp(f),
        )


STANDARD = Layout(COLUMNS)


def map_row(record: dict[str, str], line: int) -> AcledRow:
    """One CSV record (a dict by column name) as an ``AcledRow``; raises ``ValueError`` saying what is wrong."""
    return STANDARD.map([record.get(c) or "" for c in COLUMNS] + [""], line)


def _counted(lines: Iterable[str], seen: list[int]) -> Iterator[str]:
    for line in lines:
        seen[0] += len(line)
        yield line


def read_records(
    stream: TextIO, progress: Callable[[int], None] | None = None
) -> tuple[Layout, Iterator[tuple[int, list[str]] | BadRow]]:
    """The file's ``Layout`` and its records as ``(line, fitted fields)``, or ``BadRow`` for a malformed one.

    ``progress`` gets the characters read so far, once per record.
    """
    seen = [0]
    reader = csv.reader(_counted(stream, seen) if progress else stream)
    layout = Layout(next(reader, []))

    def records() -> Iterator[tuple[int, list[str]] | BadRow]:
        line = reader.line_num + 1
        fit = layout.fit
        for fields in reader:
            if fields:  # DictReader skipped blank lines too
                try:
                    yield line, fit(fields)
                except ValueError as exc:
                    yield BadRow(line, str(exc))
            line = reader.line_num + 1
            if progress:
                progress(seen[0])

    return layout, records()


def read_rows(stream: TextIO, progress: Callable[[int], None] | None = None) -> Iterator[AcledRow | BadRow]:
    """Every record of an ACLED CSV export; ``progress`` gets the characters read so far."""
    layout, records = read_records(stream, progress)
    for record in records:
        if isinstance(record, BadRow):
            yield record
            continue
        try:
            yield layout.map(record[1], record[0])
        except ValueError as exc:
            yield BadRow(record[0], str(exc))


def open_export(path: Path) -> TextIO:
    return path.open(encoding="utf-8-sig", newline="")
