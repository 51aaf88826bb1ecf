"""Finding document files and reading them as text, with a clear reason when that fails."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".md")


class BadDocument(Exception):
    """A file that cannot be read as a document; the message says why."""


def find_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and the document files found below each folder, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
        else:
            yield path


def read_document_text(path: Path) -> str:
    """The file's text, decoded as UTF-8; raises ``BadDocument`` otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadDocument("no such file") from None
    except IsADirectoryError:
        raise BadDocument("is a directory") from None
    except OSError as exc:
        raise BadDocument(f"unreadable: {exc.strerror or exc}") from None
    if b"\x00" in raw:
        raise BadDocument("binary file (contains NUL bytes), not a text document")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadDocument(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise BadDocument("empty document")
    return text
