"""How dates, counts and methods read on the page (Jinja filters)."""

from __future__ import annotations

import datetime as dt
import hashlib

from app.views import EventView

METHODS = {
    "explicit": "written out in full in the text",
    "relative": "a relative expression, counted from the publication date",
    "weekday": "a day of the week, resolved against the publication date",
    "inherited": "carried over from an earlier date in the same passage",
    "dateline": "no date in the sentence, which reports in the present perfect what has just happened; the article's own date was used",
}

MODALITIES = {
    "claim": "Claimed",
    "plan": "Planned or announced",
    "denial": "Denied",
}


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def event_date(event: EventView) -> str:
    """The date at its precision: '7 March 2022', 'week of 7 March 2022', 'March 2022', '2022'."""
    day = event.first_day
    if event.precision == "year":
        return str(day.year)
    if event.precision == "month":
        return f"{day:%B %Y}"
    if event.precision == "week":
        return f"week of {long_date(day)}"
    return long_date(day)


def datetime_attr(event: EventView) -> str:
    """A valid HTML ``datetime`` value at the event's precision."""
    day = event.first_day
    if event.precision == "year":
        return f"{day.year:04d}"
    if event.precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if event.precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def method_text(method: str) -> str:
    return METHODS.get(method, method)


def modality_text(modality: str) -> str:
    return MODALITIES.get(modality, modality.capitalize())


def shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def web_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, so a document header cannot smuggle in ``javascript:``."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def dom_id(value: str, prefix: str = "f") -> str:
    """A stable element id for any text (facet options keep focus across refreshes)."""
    return f"{prefix}-{hashlib.sha1(value.encode(), usedforsecurity=False).hexdigest()[:10]}"


def today() -> dt.date:
    return dt.date.today()
