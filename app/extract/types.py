"""The values the extraction pipeline passes between its stages.

Every offset is a character offset into the document's full decoded text
(``Document.text``), so ``text[start:end]`` always gives back the span's words.

Sentences, time mentions and actor mentions are built by the dozen for each
document, so they fill their fields in one step (``init=False`` and their own
``__init__``): a frozen dataclass's generated ``__init__`` sets each field
through a separate ``object.__setattr__`` call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "week", "month", "year"]
DateMethod = Literal["explicit", "relative", "weekday", "inherited", "dateline"]
Modality = Literal["fact", "claim", "plan", "denial"]
EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]
ActorKind = Literal["person", "state", "organisation", "armed_group", "unknown"]

EVENT_TYPES: tuple[EventType, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A parsed document: the original text kept whole, plus what its header said."""

    text: str
    body_start: int
    published: dt.date | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    paragraphs: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, init=False)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int

    def __init__(self, start: int, end: int, text: str, paragraph: int, index: int) -> None:
        self.__dict__.update(start=start, end=end, text=text, paragraph=paragraph, index=index)


@dataclass(frozen=True, init=False)
class TimeMention:
    """A time expression resolved against the document date.

    ``start``/``end`` locate the phrase; ``first``/``last`` bound the period it
    names (equal for a day); both are None when it cannot be resolved (a
    relative expression in a document with no date).
    """

    start: int
    end: int
    text: str
    first: dt.date | None
    last: dt.date | None
    precision: Precision
    method: DateMethod

    def __init__(
        self, start: int, end: int, text: str, first: dt.date | None, last: dt.date | None, precision: Precision, method: DateMethod
    ) -> None:
        self.__dict__.update(start=start, end=end, text=text, first=first, last=last, precision=precision, method=method)


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, init=False)
class ActorMention:
    start: int
    end: int
    text: str
    actor: Actor

    def __init__(self, start: int, end: int, text: str, actor: Actor) -> None:
        self.__dict__.update(start=start, end=end, text=text, actor=actor)


@dataclass(frozen=True)
class Excerpt:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Event:
    """One dated timeline event and the evidence it came from.

    ``date`` is the ISO form at its precision (``YYYY-MM-DD``, ``YYYY-MM``,
    ``YYYY``; a week is given by its first day). ``first``/``last`` bound it.
    """

    id: str
    date: str
    first: dt.date
    last: dt.date
    precision: Precision
    title: str
    type: EventType
    actors: tuple[Actor, ...]
    excerpts: tuple[Excerpt, ...]
    date_phrase: str
    date_method: DateMethod
    modality: Modality = "fact"
    claimant: str | None = None
    places: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Extraction:
    """What the pipeline returns for one document."""

    document: Document
    fingerprint: str
    events: tuple[Event, ...]
