"""A progress bar on a terminal, occasional plain lines otherwise (logs, pipes)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30
PLAIN_EVERY = 5.0  # seconds between lines when not on a terminal


class Progress:
    """``update(done, items)``: ``done`` is a fraction 0..1, ``items`` what has been processed so far."""

    def __init__(self, label: str, unit: str, stream: TextIO | None = None) -> None:
        self.label, self.unit = label, unit
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.start = self.last = time.monotonic()

    def rate(self, items: int) -> float:
        return items / max(time.monotonic() - self.start, 1e-9)

    def update(self, done: float, items: int) -> None:
        now = time.monotonic()
        if self.tty and now - self.last >= 0.1:
            filled = int(WIDTH * min(done, 1.0))
            bar = "#" * filled + "-" * (WIDTH - filled)
            self.stream.write(f"\r{self.label} [{bar}] {done:4.0%} {items:,} {self.unit} {self.rate(items):,.0f} {self.unit}/s ")
            self.stream.flush()
            self.last = now
        elif not self.tty and now - self.last >= PLAIN_EVERY:
            self.stream.write(f"{self.label}: {done:.0%}, {items:,} {self.unit} ({self.rate(items):,.0f} {self.unit}/s)\n")
            self.last = now

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
