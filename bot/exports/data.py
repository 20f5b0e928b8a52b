"""What the export files show: one period's digest, and rows over a range of periods."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.config import GroupConfig
from bot.core.answers import AnswerKind
from bot.core.digest import Digest
from bot.core.directions import DirectionLine, Picture
from bot.core.plans import PlanPicture
from bot.core.questionnaire import Question
from bot.core.rollup import RollUp
from bot.i18n import plain


@dataclass(frozen=True)
class Switch:
    """The response plan's situation switched, on ``day`` (the group's)."""

    day: date
    old: int
    new: int


@dataclass(frozen=True)
class PeriodReport:
    """One period of one group, as of ``at`` (the document's date)."""

    group: GroupConfig
    digest: Digest
    first_day: date
    last_day: date
    holiday: bool = False  # a period the secretariat or the config declared without reporting
    # What the secretariat wrote for the report when it asked for it; None: left to fill in
    # under the headings.
    assessment: str | None = None  # "Đánh giá chung"
    plan_ahead: str | None = None  # "Phương hướng, nhiệm vụ tuần tới"
    rollup: RollUp | None = None  # a province's: its communes for the same week
    directions: Picture | None = None  # None: the group has given none
    plan: PlanPicture | None = None  # the response plan as it stands; None: the group has none
    switches: tuple[Switch, ...] = ()  # the plan's situation switched in the period

    @property
    def at(self) -> datetime:
        return self.digest.at


@dataclass(frozen=True)
class DirectionStep:
    """One step in a direction's history: who did what, when, with what words."""

    number: int  # the direction's
    at: datetime
    kind: str  # "given", "acknowledged", "result", "result:report", "note", "due", ...
    organization: str = ""
    who: str = ""
    value: str | None = None  # a Result's value, or a new due date (ISO)
    text: str | None = None  # a note, a reason


@dataclass(frozen=True)
class PlanRow:
    """A unit carrying a task of the response plan, as it stands."""

    level: int  # the task's situation
    label: str  # "2.B.3"
    content: str
    unit: str  # the unit's name
    state: str  # "not_started", "in_progress", "done"
    note: str | None = None  # the latest
    reported_at: datetime | None = None  # last reported on (even "no change")


@dataclass(frozen=True)
class PlanStep:
    """One step in the response plan's history."""

    at: datetime
    kind: str  # "imported", "level", "progress"
    subject: str = ""  # a task's label ("1.2"), or the situation switched to
    unit: str = ""
    who: str = ""
    value: str | None = None  # a progress's state; a switch's "1>2"
    text: str | None = None  # a note; the imported file's name
    source: str = ""  # a progress's: "report" (the weekly report), "tasks" (/nhiemvu)


@dataclass(frozen=True)
class History:
    """Several periods of one group, oldest first (spreadsheets, charts, /history)."""

    group: GroupConfig
    reports: tuple[PeriodReport, ...]
    # The spreadsheet's: the directions given up to the last period, as they stand, and
    # every step of theirs.
    directions: tuple[DirectionLine, ...] = ()
    direction_steps: tuple[DirectionStep, ...] = ()
    # The group's response plan: each unit's every active task as it stands, and every step
    # of its history; both empty: the group has no plan.
    plan_rows: tuple[PlanRow, ...] = ()
    plan_steps: tuple[PlanStep, ...] = ()


def unit_label(question: Question, lang: str) -> str:
    """The unit a figure is counted in; money is in đồng."""
    if question.unit:
        return question.unit
    return plain("doc.dong", lang) if question.kind is AnswerKind.MONEY else ""
