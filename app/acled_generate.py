"""Invented, ACLED-shaped data for tests, benchmarks and demos (never real ACLED data).

Every country, place, actor and note is made up; the shapes follow ACLED's
export: its 31 columns, its six event types and their sub-event types, actor
type codes, time precision, fatalities, sources. Output is deterministic for a
seed.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from app.acled import COLUMNS

SUB_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Looting/property destruction"),
}
TYPE_WEIGHTS = (30, 30, 12, 15, 5, 8)
DISORDER = {"Protests": "Demonstrations", "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
COUNTRIES = (("Veloria", "VLR", 901, 12.0, 40.0), ("Ostmark", "OSM", 902, 48.0, 30.0), ("Sarnia", "SRN", 903, 4.0, 18.0))
SYLLABLES = ("kar", "bel", "ost", "vin", "dra", "mo", "len", "tur", "sal", "ka", "rin", "po", "zel", "an", "dor", "mi")
SOURCES = ("Veloria Daily", "Ostmark Wire", "Radio Sarnia", "Local monitor", "Regional Herald", "Field report")
NOTES = {
    "Battles": "On {date}, {a1} clashed with {a2} near {place} ({admin}). {fat} fatalities were reported.",
    "Explosions/Remote violence": "On {date}, {a1} shelled positions of {a2} in {place} ({admin}). {fat} reported killed.",
    "Violence against civilians": "On {date}, {a1} attacked civilians in {place} ({admin}). {fat} fatalities reported.",
    "Protests": "On {date}, {a1} gathered in {place} ({admin}) to protest rising prices.",
    "Riots": "On {date}, {a1} set tyres alight and clashed with {a2} in {place} ({admin}).",
    "Strategic developments": "On {date}, {a1} and {a2} announced a local agreement in {place} ({admin}).",
}


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class World:
    """Invented countries with regions, towns (with coordinates) and actors of every ACLED type."""

    def __init__(self, rng: random.Random) -> None:
        self.towns: list[tuple[str, str, str, str, float, float]] = []
        self.actors: dict[str, list[tuple[str, str]]] = {}
        for country, iso3, iso, lat, lon in COUNTRIES:
            admins = [_name(rng, 2) for _ in range(8)]
            for _ in range(60):
                town = _name(rng, rng.choice((2, 3)))
                self.towns.append((country, str(iso), rng.choice(admins), town, round(lat + rng.uniform(-3, 3), 4), round(lon + rng.uniform(-3, 3), 4)))
            self.actors[country] = [
                (f"Military Forces of {country}", "1"), (f"Police Forces of {country}", "1"),
                (f"{_name(rng, 2)} Liberation Front", "2"), (f"{_name(rng, 2)} Revolutionary Army", "2"),
                (f"{_name(rng, 2)} Militia", "3"), (f"{_name(rng, 2)} Ethnic Militia", "4"),
                (f"Rioters ({country})", "5"), (f"Protesters ({country})", "6"), (f"Civilians ({country})", "7"),
            ]  # fmt: skip


def _pick_actors(rng: random.Random, actors: list[tuple[str, str]], event_type: str) -> tuple[tuple[str, str], tuple[str, str]]:
    by_code = {code: [a for a in actors if a[1] == code] for code in "1234567"}
    armed = by_code["1"] + by_code["2"] + by_code["3"] + by_code["4"]
    if event_type == "Protests":
        return rng.choice(by_code["6"]), (rng.choice(by_code["1"]) if rng.random() < 0.2 else ("", ""))
    if event_type == "Riots":
        return rng.choice(by_code["5"]), rng.choice(by_code["1"])
    if event_type == "Violence against civilians":
        return rng.choice(armed), rng.choice(by_code["7"])
    first = rng.choice(armed)
    return first, rng.choice([a for a in armed if a != first])


def records(rows: int, *, seed: int = 1, start: dt.date = dt.date(2018, 1, 1), days: int = 2500) -> Iterator[dict[str, str]]:
    """``rows`` invented ACLED records as dicts keyed by ``COLUMNS``."""
    rng = random.Random(seed)
    world = World(rng)
    types = tuple(SUB_TYPES)
    for n in range(rows):
        country, iso, admin, town, lat, lon = rng.choice(world.towns)
        event_type = rng.choices(types, TYPE_WEIGHTS)[0]
        (a1, i1), (a2, i2) = _pick_actors(rng, world.actors[country], event_type)
        day = start + dt.timedelta(days=rng.randrange(days))
        fatalities = rng.choice((0, 0, 0, 1, 2, 3, 5, 12)) if event_type in types[:3] else 0
        assoc = rng.choice(world.actors[country])[0] if rng.random() < 0.1 else ""
        notes = NOTES[event_type].format(date=f"{day:%d %B %Y}", a1=a1, a2=a2 or "unidentified actors", place=town, admin=admin, fat=fatalities)
        inter = "".join(sorted(i for i in (i1, i2 or "0")))
        yield dict(zip(COLUMNS, (
            f"{country[:3].upper()}{n + 1}", day.isoformat(), str(day.year), rng.choices("123", (85, 10, 5))[0],
            DISORDER.get(event_type, "Political violence"), event_type, rng.choice(SUB_TYPES[event_type]),
            a1, assoc, i1, a2, "", i2, inter, "Civilian targeting" if i2 == "7" else "", iso, "Invented Region",
            country, admin, "", "", town, f"{lat}", f"{lon}", rng.choice("123"),
            "; ".join(rng.sample(SOURCES, rng.choice((1, 1, 2)))), "National", notes, str(fatalities), "",
            str(1_600_000_000 + n),
        )))  # fmt: skip


def write_csv(path: Path, rows: int, *, seed: int = 1, days: int = 2500) -> None:
    """Write an invented ACLED export of ``rows`` records to ``path``."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(records(rows, seed=seed, days=days))
