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


def _actor_pools(actors: list[tuple[str, str]]) -> dict[str, tuple[tuple[str, str], ...]]:
    by_code = {code: tuple(a for a in actors if a[1] == code) for code in "1234567"}
    by_code["armed"] = by_code["1"] + by_code["2"] + by_code["3"] + by_code["4"]
    return by_code


def _pick_actors(rng: random.Random, pools: dict[str, tuple[tuple[str, str], ...]], event_type: str) -> tuple[tuple[str, str], tuple[str, str]]:
    choice = rng.choice
    if event_type == "Protests":
        return choice(pools["6"]), (choice(pools["1"]) if rng.random() < 0.2 else ("", ""))
    if event_type == "Riots":
        return choice(pools["5"]), choice(pools["1"])
    if event_type == "Violence against civilians":
        return choice(pools["armed"]), choice(pools["7"])
    armed = pools["armed"]
    first = choice(armed)
    second = choice(armed[:-1])  # any other armed actor, uniformly
    return first, (armed[-1] if second == first else second)


def record_lists(count: int, *, seed: int = 1, start: dt.date = dt.date(2018, 1, 1), days: int = 2500) -> Iterator[list[str]]:
    """``count`` invented ACLED records as lists of strings in ``COLUMNS`` order."""
    rng = random.Random(seed)
    world = World(rng)
    types = tuple(SUB_TYPES)
    pools = {country: _pick_pools for country, _pick_pools in ((c, _actor_pools(a)) for c, a in world.actors.items())}
    codes = {country: country[:3].upper() for country in world.actors}
    # The per-row work is mostly picking from small pools: draw indexes with one
    # random() each instead of choices()/sample(), and format dates once per day.
    day_strings = [((d := start + dt.timedelta(days=i)).isoformat(), str(d.year), f"{d:%d %B %Y}") for i in range(days)]
    type_table = [t for t, w in zip(types, TYPE_WEIGHTS) for _ in range(w)]
    precision_table = "1" * 85 + "2" * 10 + "3" * 5
    source_sets = [s for s in SOURCES] + [s for s in SOURCES] + [f"{a}; {b}" for a in SOURCES for b in SOURCES if a != b]
    single, pairs = len(SOURCES) * 2, len(SOURCES) * (len(SOURCES) - 1)
    fatality_choices = ("0", "0", "0", "1", "2", "3", "5", "12")
    towns, n_towns = world.towns, len(world.towns)
    random_ = rng.random
    for n in range(count):
        country, iso, admin, town, lat, lon = towns[int(random_() * n_towns)]
        event_type = type_table[int(random_() * 100)]
        (a1, i1), (a2, i2) = _pick_actors(rng, pools[country], event_type)
        day, year, long_day = day_strings[int(random_() * days)]
        fatalities = fatality_choices[int(random_() * 8)] if event_type in types[:3] else "0"
        assoc = world.actors[country][int(random_() * 9)][0] if random_() < 0.1 else ""
        notes = NOTES[event_type].format(date=long_day, a1=a1, a2=a2 or "unidentified actors", place=town, admin=admin, fat=fatalities)
        subs = SUB_TYPES[event_type]
        sources = source_sets[int(random_() * single)] if random_() < 2 / 3 else source_sets[single + int(random_() * pairs)]
        yield [
            f"{codes[country]}{n + 1}", day, year, precision_table[int(random_() * 100)],
            DISORDER.get(event_type, "Political violence"), event_type, subs[int(random_() * len(subs))],
            a1, assoc, i1, a2, "", i2, "".join(sorted((i1, i2 or "0"))), "Civilian targeting" if i2 == "7" else "",
            iso, "Invented Region", country, admin, "", "", town, str(lat), str(lon), "123"[int(random_() * 3)],
            sources, "National", notes, fatalities, "", str(1_600_000_000 + n),
        ]  # fmt: skip


def records(count: int, *, seed: int = 1, start: dt.date = dt.date(2018, 1, 1), days: int = 2500) -> Iterator[dict[str, str]]:
    """``count`` invented ACLED records as dicts keyed by ``COLUMNS``."""
    for values in record_lists(count, seed=seed, start=start, days=days):
        yield dict(zip(COLUMNS, values))


def write_csv(path: Path, rows: int, *, seed: int = 1, days: int = 2500) -> None:
    """Write an invented ACLED export of ``rows`` records to ``path``."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(record_lists(rows, seed=seed, days=days))
