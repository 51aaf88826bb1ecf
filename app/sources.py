"""Finding document files and reading them as text, with a clear reason when that fails."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")


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
    return html_document(text) if path.suffix.lower() in HTML_SUFFIXES else text


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())


def html_document(page: str) -> str:
    """A web page as Dateline's front-matter text: its metadata, a blank line, the article's paragraphs.

    The article text is taken out of the page by trafilatura; the stored text is
    this plain rendering, so excerpt offsets point into what the reader sees.
    """
    import trafilatura

    found = trafilatura.bare_extraction(page, with_metadata=True)
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not body:
        raise BadDocument("no article text found in this HTML page")
    title = _one_line(getattr(found, "title", None))
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    header = {
        "title": title,
        "date": _one_line(getattr(found, "date", None)),
        "source": _one_line(getattr(found, "sitename", None) or getattr(found, "hostname", None)),
        "url": _one_line(getattr(found, "url", None)),
    }
    front = "".join(f"{key}: {value}\n" for key, value in header.items() if value)
    return (front + "\n" if front else "") + "\n\n".join(lines) + "\n"
