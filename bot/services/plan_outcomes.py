"""What the response plan's use cases answer, for the views to put into words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.plans import PlanPicture
from bot.services.outcomes import Outcome, Who


@dataclass(frozen=True)
class ProblemLine:
    row: int
    column: str
    key: str  # catalogue key
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PlanRefused(Outcome):
    """The file is not imported; every problem found, by row and column."""

    language: str
    file_name: str
    problems: tuple[ProblemLine, ...]


@dataclass(frozen=True)
class PlanImported(Outcome):
    language: str
    file_name: str
    levels: tuple[tuple[int, str, int], ...]  # number, title, tasks in force
    kept: int
    added: int
    dropped: int
    level: int
    reset_from: int | None = None  # the situation in force before, gone from the new file


@dataclass(frozen=True)
class PlanShown(Outcome):
    """/kehoach: the plan the group has (if any), and for the secretariat in private, the
    file is asked for."""

    who: Who
    language: str
    group: str
    file_name: str | None
    imported_at: datetime | None
    levels: tuple[tuple[int, str, int], ...]
    level: int | None
    timezone: ZoneInfo
    asks_file: bool  # the bot waits for the file in this chat
    in_group: bool = False  # asked in the group: the file goes in private


@dataclass(frozen=True)
class NoPlan(Outcome):
    language: str


@dataclass(frozen=True)
class UnitTasks:
    unit: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class LevelShown(Outcome):
    """/tinhhuong: the situation in force and each unit's tasks at it; the secretariat
    may switch to another."""

    who: Who
    language: str
    plan: int
    level: int
    title: str
    since: datetime
    timezone: ZoneInfo
    units: tuple[UnitTasks, ...]
    levels: tuple[tuple[int, str], ...]  # every situation of the plan
    may_switch: bool


@dataclass(frozen=True)
class ConfirmLevel(Outcome):
    who: Who
    language: str
    plan: int
    level: int
    title: str
    current: int


@dataclass(frozen=True)
class NoSuchLevel(Outcome):
    language: str
    given: str
    levels: tuple[int, ...]


@dataclass(frozen=True)
class LevelSwitched(Outcome):
    """The switch is recorded and announced in the group (``outbox``: sent from the
    ledger); the reply to who switched it."""

    language: str
    old: int
    new: int
    title: str
    outbox: bool = True


@dataclass(frozen=True)
class LevelAnnouncement(Outcome):
    """In the group: the situation changed, and each unit's tasks at the new one."""

    language: str
    old: int
    new: int
    title: str
    by: str
    units: tuple[UnitTasks, ...]
    tasks: tuple[tuple[str, str], ...]  # label, content: the tasks in force


@dataclass(frozen=True)
class TaskItem:
    carrier: int
    label: str
    content: str
    unit: str
    state: str
    note: str | None = None
    stale: bool = False


@dataclass(frozen=True)
class TaskList(Outcome):
    """/nhiemvu: a unit's tasks at the situation in force (each a button to report on),
    or for the secretariat the plan's picture."""

    who: Who
    language: str
    level: int
    title: str
    items: tuple[TaskItem, ...]
    picture: PlanPicture | None = None  # the secretariat's view
    start: int = 0  # the first item shown ("Xem tiếp" shows the next ones)


@dataclass(frozen=True)
class TaskCard(Outcome):
    """One task of one unit, with its states to choose from."""

    who: Who
    language: str
    item: TaskItem


@dataclass(frozen=True)
class TaskRecorded(Outcome):
    """Progress recorded; a note may follow (typed, or none)."""

    who: Who
    language: str
    item: TaskItem
    asks_note: bool = True


@dataclass(frozen=True)
class NoTasks(Outcome):
    language: str
    level: int
