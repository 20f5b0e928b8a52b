"""The one reader of real time. Everything else receives ``now`` from a Clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FileClock:
    """The instant written in a file (ISO 8601 with an offset), read on every call: a drill or
    the crash test moves the clock of a running ``giaoban run`` from outside (set
    GIAOBAN_CLOCK_FILE). Never for production."""

    def __init__(self, path: Path) -> None:
        self._path = path

    def now(self) -> datetime:
        return _require_aware(datetime.fromisoformat(self._path.read_text("utf-8").strip()))


class FakeClock:
    """A clock that moves only when told to (tests, the offline demo)."""

    def __init__(self, start: datetime) -> None:
        self._now = _require_aware(start)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = _require_aware(instant)

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now


def _require_aware(instant: datetime) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("the clock needs an aware datetime")
    return instant.astimezone(UTC)
