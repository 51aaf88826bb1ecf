"""What an event id that no longer names an event answers: merged (301) or deleted (410)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import models

MAX_HOPS = 10


@dataclass(frozen=True)
class Resolution:
    """``target`` is the surviving event's id (answer 301), else ``reason`` says why it is gone (410)."""

    target: str | None = None
    reason: str | None = None


def resolve_event(session: Session, event_id: str) -> Resolution | None:
    """None when ``event_id`` is a live event or was never known; else where it went or why it is gone.

    Redirect chains (A merged into B, later B into C) are followed to the live end.
    """
    if session.scalar(select(models.Event.seq).where(models.Event.id == event_id)) is not None:
        return None
    current, hops = event_id, 0
    while hops < MAX_HOPS:
        target = session.scalar(select(models.EventRedirect.target_id).where(models.EventRedirect.old_id == current))
        if target is None:
            break
        current, hops = target, hops + 1
    if current != event_id and session.scalar(select(models.Event.seq).where(models.Event.id == current)) is not None:
        return Resolution(target=current)
    reason = session.scalar(select(models.EventTombstone.reason).where(models.EventTombstone.id == current))
    return Resolution(reason=reason) if reason is not None else None


def add_redirect(session: Session, old_id: str, target_id: str) -> None:
    session.merge(models.EventRedirect(old_id=old_id, target_id=target_id, created_at=models.utcnow()))
    tomb = session.get(models.EventTombstone, old_id)
    if tomb is not None:
        session.delete(tomb)


def add_tombstone(session: Session, event_id: str, reason: str) -> None:
    session.merge(models.EventTombstone(id=event_id, reason=reason, deleted_at=models.utcnow()))
