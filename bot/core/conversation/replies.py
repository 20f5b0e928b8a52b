"""What a turn of the conversation stores (effects) and says (replies)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.core.conversation.state import Draft, Given, State

# --- effects: what to store -----------------------------------------------------------------


class Effect:
    """Base of every change to the stored report."""


@dataclass(frozen=True)
class Put(Effect):
    """The answer to ``key`` is this message's (any earlier answer is replaced; after
    submission the change is kept in the revision history)."""

    key: str
    text: str
    value: str | None
    message_id: int | None


@dataclass(frozen=True)
class Append(Effect):
    """One more message of a text answer."""

    key: str
    text: str
    message_id: int


@dataclass(frozen=True)
class PutSkip(Effect):
    key: str


@dataclass(frozen=True)
class Attach(Effect):
    """Keep the attachment with the report, filed under ``key`` (the question waiting)."""

    key: str | None


@dataclass(frozen=True)
class SubmitReport(Effect):
    pass


# --- what to say ----------------------------------------------------------------------------


class Say:
    """Base of every reply the conversation gives."""


@dataclass(frozen=True)
class Ask(Say):
    key: str
    problem: str | None = None  # catalogue key of why the last answer was refused
    current: Given | None = None  # the answer being changed


@dataclass(frozen=True)
class AskMore(Say):
    """The first message of a text answer is saved: more may follow, or 'done'."""

    key: str


@dataclass(frozen=True)
class AskFigure(Say):
    """Is this figure what the person meant?"""

    key: str
    text: str
    value: str
    reason: str
    bound: Decimal | None = None  # the limit or earlier figure it was compared with
    replacing: Given | None = None  # the answer it would replace


@dataclass(frozen=True)
class ShowReview(Say):
    pass


@dataclass(frozen=True)
class Received(Say):
    """Saved; acknowledged quietly."""


@dataclass(frozen=True)
class Corrected(Say):
    """An earlier answer changed; the question now waiting is shown again (``then``)."""

    key: str
    old: Given | None
    new: Given
    then: Say


@dataclass(frozen=True)
class Changed(Say):
    """An answer of a submitted report changed; the conversation ends."""

    key: str
    old: Given | None
    new: Given


@dataclass(frozen=True)
class Submitted(Say):
    pass


@dataclass(frozen=True)
class Kept(Say):
    pass


@dataclass(frozen=True)
class Cancelled(Say):
    answered: int
    total: int


@dataclass(frozen=True)
class Stale(Say):
    """A button the conversation no longer waits for."""


@dataclass(frozen=True)
class UseButtons(Say):
    """Text came while the bot waits for a button press (an organization, a period)."""


@dataclass(frozen=True)
class NoReport(Say):
    """Nothing is being reported that this could belong to."""


@dataclass(frozen=True)
class Decision:
    state: State | None  # None: the conversation ends
    say: Say
    effects: tuple[Effect, ...] = ()
    draft: Draft | None = None  # the draft as the effects leave it: what the reply shows
