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
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, TextIO

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


class AcledActor(NamedTuple):
    """One actor of a record (a named tuple: hashed and compared in C, so rows can be cached by their actors)."""

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
        what, who = self.sub_event_type or self.type, _sides(self.actors)
        return f"{what}: {who}" + (f" in {self.location}" if self.location else "") if who else what

    @property
    def search_text(self) -> str:
        return self.texts()[1]

    def texts(self) -> tuple[str, str]:
        """``(title, search_text)`` computed together: search text is the title, notes, actor names and places, a line each."""
        title = self.title
        return title, "\n".join((title, self.notes, _lines(self.actors), *self.places))


@lru_cache(maxsize=65536)
def _sides(actors: tuple[AcledActor, ...]) -> str:
    return " vs ".join(a.name for a in actors if a.role in ("actor1", "actor2"))


@lru_cache(maxsize=65536)
def _lines(actors: tuple[AcledActor, ...]) -> str:
    return "\n".join(a.name for a in actors)


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


def _number(value: str, name: str, kind: Callable[[str], float | int]) -> float | int | None:
    value = value.strip()
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a number") from None


@lru_cache(maxsize=16384)
def _when(event_date_value: str, precision_value: str) -> tuple[dt.date, dt.date, str, str]:
    """First day, last day, ISO label and precision of a record's ``event_date`` and ``time_precision``."""
    precision = PRECISIONS.get(precision_value.strip() or "1")
    if precision is None:
        raise ValueError(f"time_precision {precision_value!r} is not 1, 2 or 3")
    return (*period(event_date(event_date_value), precision), precision)


@lru_cache(maxsize=65536)
def _coordinates(latitude_value: str, longitude_value: str) -> tuple[float | None, float | None]:
    latitude, longitude = _number(latitude_value, "latitude", float), _number(longitude_value, "longitude", float)
    if latitude is not None and not -90 <= latitude <= 90 or longitude is not None and not -180 <= longitude <= 180:
        raise ValueError(f"latitude/longitude {latitude}, {longitude} are off the globe")
    return latitude, longitude


@lru_cache(maxsize=65536)
def _actors(actor1: str, assoc1: str, inter1: str, actor2: str, assoc2: str, inter2: str) -> tuple[AcledActor, ...]:
    """The record's actors in ``ROLES`` order, each name once (the first role it appears in)."""
    found: dict[str, AcledActor] = {}
    for role, value, kind in (
        ("actor1", actor1, inter_kind(inter1)), ("assoc_actor_1", assoc1, "unknown"),
        ("actor2", actor2, inter_kind(inter2)), ("assoc_actor_2", assoc2, "unknown"),
    ):  # fmt: skip
        for name in _names(value) if value else ():
            found.setdefault(name.lower(), AcledActor(name, role, kind))
    actors = tuple(found.values())
    if not actors or actors[0].role != "actor1":
        raise ValueError("actor1 is empty")
    return actors


@lru_cache(maxsize=65536)
def _places(location_value: str, country_value: str) -> tuple[str | None, tuple[str, ...]]:
    location, country = location_value.strip() or None, country_value.strip()
    if location and country and location != country:
        return location, (location, country)
    return location, (location or country,) if location or country else ()


@lru_cache(maxsize=1024)
def _fatalities(value: str) -> int | None:
    number = _number(value, "fatalities", int)
    return None if number is None else int(number)


# The columns ``Layout.map`` reads, in the order it unpacks them.
_MAPPED = (
    "event_id_cnty", "event_type", "event_date", "time_precision", "latitude", "longitude", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "location", "country", "fatalities",
    "sub_event_type", "source", "notes", "timestamp",
)  # fmt: skip


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
        self._mapped = itemgetter(*(self.at[name] for name in _MAPPED))

    def fit(self, fields: list[str]) -> list[str]:
        """``fields`` padded to the header's width plus one empty string; ``ValueError`` if there are too many."""
        if len(fields) > self.width:
            raise ValueError(f"{len(fields)} fields where the header has {self.width}")
        if len(fields) < self.width:
            fields += [""] * (self.width - len(fields))
        fields.append("")
        return fields

    def timestamp(self, fields: list[str]) -> int | None:
        return timestamp_value(fields[self.timestamp_at])

    def map(self, f: list[str], line: int) -> AcledRow:
        """One fitted record as an ``AcledRow``; raises ``ValueError`` saying what is wrong.

        Every part but the id and the notes repeats across records, so each is
        parsed by a cached function of the raw strings.
        """
        (raw_id, raw_type, raw_date, raw_precision, raw_latitude, raw_longitude, actor1, assoc1, inter1, actor2,
         assoc2, inter2, raw_location, country, raw_fatalities, sub_event_type, source, notes, raw_timestamp) = self._mapped(f)  # fmt: skip
        external_id = raw_id.strip()
        if not external_id or len(external_id) > 64:
            raise ValueError("event_id_cnty is empty" if not external_id else "event_id_cnty is too long")
        event_type = raw_type.strip()
        if event_type not in EVENT_TYPES:
            raise ValueError(f"event_type {event_type!r} is not one of ACLED's six event types")
        first, last, date, precision = _when(raw_date, raw_precision)
        latitude, longitude = _coordinates(raw_latitude, raw_longitude)
        actors = _actors(actor1, assoc1, inter1, actor2, assoc2, inter2)
        location, places = _places(raw_location, country)
        return AcledRow(
            line, external_id, first, last, date, precision, event_type, sub_event_type.strip() or None, actors,
            location, places, latitude, longitude, _fatalities(raw_fatalities), _names(source), notes.strip(),
            timestamp_value(raw_timestamp),
        )  # fmt: skip


def timestamp_value(value: str) -> int | None:
    """ACLED's ``timestamp`` column: epoch seconds, or None when empty or not a number."""
    value = value.strip()
    return int(value) if value.isdecimal() else None


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
        width = layout.width
        for fields in reader:
            if len(fields) == width:  # the usual record, fitted in place (see Layout.fit)
                fields.append("")
                yield line, fields
            elif fields:  # DictReader skipped blank lines too
                try:
                    yield line, layout.fit(fields)
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
