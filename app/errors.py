"""Domain errors raised by the library and mapped to responses in one place."""

from __future__ import annotations


class NotFound(LookupError):
    """The thing asked for does not exist."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"No {what} with id {key!r}.")
        self.what = what
        self.key = key


class InvalidQuery(ValueError):
    """A query parameter could not be understood; says which and why."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


class Gone(LookupError):
    """The thing asked for existed once and was removed; ``reason`` says why."""

    def __init__(self, what: str, key: str, reason: str) -> None:
        super().__init__(f"The {what} {key!r} is no longer available: {reason}")
        self.what = what
        self.key = key
        self.reason = reason
