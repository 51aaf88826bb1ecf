"""A small reader for the HTML the app serves, on the standard library's parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"meta", "link", "input", "br", "img", "hr", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    parents: tuple[str, ...] = field(default=())


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parents=tuple(e.tag for e in self.open))
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data


def parse(html: str) -> list[Element]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.elements


def find(html: str, tag: str, **attrs: str) -> list[Element]:
    return [e for e in parse(html) if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]


def meta(html: str, key: str) -> str:
    """The content of ``<meta property=key>`` or ``<meta name=key>``."""
    for element in find(html, "meta"):
        if key in (element.attrs.get("property"), element.attrs.get("name")):
            return element.attrs.get("content", "")
    raise AssertionError(f"no meta {key}")


def event_ids(html: str) -> list[str]:
    """Ids of the events listed on a timeline page, in order."""
    return [e.attrs["id"][3:] for e in find(html, "li") if "event" in e.attrs.get("class", "").split()]


def day_headings(html: str) -> list[str]:
    return [" ".join(e.text.split()) for e in find(html, "h3") if e.attrs.get("class") == "day-heading"]
