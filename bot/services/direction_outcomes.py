"""What the directions' use cases answer, for the views to put into words.

Besides the answers to the person who acted, some outcomes are messages for other chats
(the direction posted in the group and sent to each leader, the notices about it); those are
rendered when they are claimed in the ledger, and sent from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.core.directions import DirectionLine, Reminder, Result
from bot.services.outcomes import Outcome, Who


@dataclass(frozen=True)
class Choice:
    """An organization offered for a direction, and whether it is chosen."""

    organization_id: int
    name: str
    chosen: bool = False


# --- giving a direction ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChooseTargets(Outcome):
    who: Who
    language: str
    draft: int  # the draft direction's id
    options: tuple[Choice, ...]
    problem: str | None = None  # catalogue key: why "continue" was refused


@dataclass(frozen=True)
class AskDirectionText(Outcome):
    who: Who
    language: str
    draft: int
    organizations: tuple[str, ...]
    begun: bool = False  # some of the text is in: more may follow, or "done"
    problem: str | None = None  # catalogue key: the last message was not taken


@dataclass(frozen=True)
class AskDue(Outcome):
    """When is it due? Buttons for the usual answers, or a day typed as dd/mm."""

    who: Who
    language: str
    direction: int
    end_of_week: date
    next_deadline: date | None
    problem: str | None = None  # catalogue key of why a typed day was refused
    changing: int | None = None  # the number of a direction whose due date is changed


@dataclass(frozen=True)
class ReviewDirection(Outcome):
    who: Who
    language: str
    draft: int
    organizations: tuple[str, ...]
    text: str
    files: int
    due: date | None


@dataclass(frozen=True)
class DirectionGiven(Outcome):
    """The direction is given: it goes out from the ledger (``outbox``: deliver now)."""

    language: str
    number: int
    organizations: tuple[str, ...]
    due: date | None
    outbox: bool = True


@dataclass(frozen=True)
class GiveRefused(Outcome):
    """A leader wrote /chidao with a text: only the secretariat gives directions."""

    language: str


@dataclass(frozen=True)
class DirectionDropped(Outcome):
    """The draft (or the change being asked) is abandoned."""

    language: str


# --- the direction, as delivered and as listed ----------------------------------------------------


@dataclass(frozen=True)
class DirectionPost(Outcome):
    """A direction as its organizations receive it: in the group (mentioning the leaders)
    or in private, with the buttons to acknowledge it and to report the result."""

    language: str
    direction: int  # id, for the buttons
    number: int
    group: str
    given_by: str
    text: str
    due: date | None
    addressed: tuple[tuple[str, tuple[Who, ...]], ...]  # each organization and its leaders
    files: int = 0  # photos and documents, sent after it
    other_files: int = 0  # voice notes and videos kept with it, not sent again


@dataclass(frozen=True)
class DirectionNotice(Outcome):
    """A change to a direction or a step of an organization, for whom it concerns: the
    secretariat member who gave it (acknowledged, done), the organizations (a new due date,
    closed, withdrawn), or a reminder."""

    language: str
    number: int
    kind: str  # "acknowledged", "done", "due", "closed", "withdrawn", or a Reminder
    organization: str = ""
    by: str = ""
    due: date | None = None
    text: str = ""  # the direction's text (for a reminder), a reason, a result's note
    mentions: tuple[Who, ...] = ()  # in the group: the leaders it is for
    direction: int = 0  # id, for a reminder's buttons
    reminder: Reminder | None = None


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    kind: str  # "given", "acknowledged", "result", "due", "closed", "withdrawn"
    who: str
    organization: str = ""
    value: str | None = None  # a result, a due date (ISO)
    text: str | None = None


@dataclass(frozen=True)
class DirectionList(Outcome):
    """ "/chidao" alone: the open directions (the group's, or a leader's organizations')."""

    who: Who
    language: str
    group: str
    lines: tuple[DirectionLine, ...]
    today: date
    secretariat: bool
    choose: ChooseTargets | None = None  # the secretariat: organizations for a new one


@dataclass(frozen=True)
class DirectionDetail(Outcome):
    """ "/chidao 12": one direction with its organizations and its history."""

    who: Who
    language: str
    direction: int
    line: DirectionLine
    history: tuple[HistoryEntry, ...]
    timezone: ZoneInfo
    today: date
    manage: bool  # the secretariat: change the due date, close, withdraw
    follow: bool  # a leader of an addressed organization: acknowledge, report


@dataclass(frozen=True)
class NoSuchDirection(Outcome):
    language: str
    number: int


@dataclass(frozen=True)
class DirectionNotOpen(Outcome):
    """A direction already closed or withdrawn: nothing more can be done with it."""

    language: str
    number: int
    state: str


# --- acknowledging and reporting ------------------------------------------------------------------


@dataclass(frozen=True)
class Acknowledged(Outcome):
    language: str
    number: int
    organizations: tuple[str, ...]
    already: bool = False
    outbox: bool = True  # the giver's notice


@dataclass(frozen=True)
class NotAddressed(Outcome):
    """The person leads no organization the direction is for."""

    language: str
    number: int
    button: bool = False


@dataclass(frozen=True)
class ChooseResultOrganization(Outcome):
    who: Who
    language: str
    direction: int
    number: int
    options: tuple[Choice, ...]


@dataclass(frozen=True)
class ChooseResult(Outcome):
    who: Who
    language: str
    direction: int
    number: int
    organization_id: int
    organization: str


@dataclass(frozen=True)
class AskResultNote(Outcome):
    who: Who
    language: str
    direction: int
    number: int
    organization: str
    result: Result


@dataclass(frozen=True)
class ResultRecorded(Outcome):
    language: str
    number: int
    organization: str
    result: Result
    note: str
    outbox: bool = True  # the giver's notice when done


@dataclass(frozen=True)
class ReplyUnclear(Outcome):
    """A reply to a direction that says neither "received" nor a result: asked back."""

    who: Who
    language: str
    direction: int
    number: int


@dataclass(frozen=True)
class FileKept(Outcome):
    """A photo or document kept with an organization's result."""

    language: str
    number: int
    organization: str


# --- managing -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AskCloseReason(Outcome):
    who: Who
    language: str
    direction: int
    number: int
    kind: str  # "closed" or "withdrawn"


@dataclass(frozen=True)
class DirectionChanged(Outcome):
    """Due date changed, closed or withdrawn; the organizations are told (``outbox``)."""

    language: str
    number: int
    kind: str  # "due", "closed", "withdrawn"
    due: date | None = None
    reason: str = ""
    organizations: tuple[str, ...] = field(default_factory=tuple)
    outbox: bool = True
