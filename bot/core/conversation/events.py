"""Everything a person can do in a report conversation."""

from __future__ import annotations

from dataclasses import dataclass

# --- events: what the person did --------------------------------------------------------------


class Event:
    """Base of everything a person can do in the conversation."""


@dataclass(frozen=True)
class Open(Event):
    """Begin the report (``draft``) or continue it where it stands."""


@dataclass(frozen=True)
class Typed(Event):
    """A message for the question waiting."""

    text: str
    message_id: int


@dataclass(frozen=True)
class TypedEarlier(Event):
    """A message for an earlier question of the report: written before the question now
    waiting was shown, or a reply to the earlier question."""

    key: str
    text: str
    message_id: int


@dataclass(frozen=True)
class TypedMaybeAgain(Event):
    """A message when the bot does not know whether the question waiting had been shown:
    ``previous`` is the value the person's message before it answered, if any."""

    text: str
    message_id: int
    previous: str | None


@dataclass(frozen=True)
class WrittenBefore(Event):
    """A message written before the report's first question was shown."""


@dataclass(frozen=True)
class ForOtherReport(Event):
    """A reply to a question of another report of the person's."""


@dataclass(frozen=True)
class Attached(Event):
    """A photo, document, voice note or video, perhaps with a caption."""

    caption: str | None
    message_id: int


@dataclass(frozen=True)
class Unsupported(Event):
    """A sticker or anything else that cannot be an answer."""


@dataclass(frozen=True)
class Redelivered(Event):
    """An update handled before came again: show what the conversation waits for."""


@dataclass(frozen=True)
class Cancel(Event):
    """/cancel: stop asking; the draft stays."""


@dataclass(frozen=True)
class Pressed(Event):
    """A button under one of the report's messages."""

    report_id: int


@dataclass(frozen=True)
class Skip(Pressed):
    key: str


@dataclass(frozen=True)
class Finish(Pressed):
    """'Done' after a text answer given in one or more messages."""

    key: str


@dataclass(frozen=True)
class FigureAnswer(Pressed):
    """'Đúng' (the figure asked about is the answer) or 'Nhập lại'."""

    key: str
    accepted: bool


@dataclass(frozen=True)
class Submit(Pressed):
    pass


@dataclass(frozen=True)
class Change(Pressed):
    """Pick an answer to change, from the review or after submission."""

    key: str


@dataclass(frozen=True)
class Keep(Pressed):
    """Keep the submitted report as it is."""


@dataclass(frozen=True)
class Chose(Pressed):
    """One of the choices under a question answered by choosing (how far a task has got)."""

    key: str
    value: str
