"""What a reporting or membership action resulted in, for a view to put into words.

Outcomes speak of organizations, periods, questions and answers, never of Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.digest import Digest
from bot.core.directions import Picture
from bot.core.periods import PeriodKey
from bot.core.plans import PlanPicture
from bot.core.questionnaire import Question
from bot.core.rollup import RollUp
from bot.core.status import ReportStatus


@dataclass(frozen=True)
class Who:
    """The person the bot is talking to (mentioned in group prompts)."""

    user_id: int
    name: str


@dataclass(frozen=True)
class ReportContext:
    """Which report a message is about, and how to word things for its group."""

    report_id: int
    organization: str
    group: str
    period: PeriodKey
    deadline_at: datetime
    timezone: ZoneInfo
    language: str
    who: Who


@dataclass(frozen=True)
class Shown:
    """An answer as the person gave it, for a view to word in the reader's language (a
    figure regrouped with its unit, a yes or a no)."""

    text: str
    value: str | None  # the figure read from it, "yes"/"no", or None for a text


@dataclass(frozen=True)
class Item:
    """One question of a report with its answer."""

    question: Question
    display: Shown | None  # None: not answered (or skipped, when ``skipped``)
    skipped: bool = False


@dataclass(frozen=True)
class Audience:
    """How to word a group's messages."""

    group: str
    language: str
    timezone: ZoneInfo
    mentions: bool  # mention leaders (they get a notification) or only name organizations


@dataclass(frozen=True)
class Owing:
    """An organization that is asked or reminded, with the leaders to mention."""

    name: str
    leaders: tuple[Who, ...]


class Outcome:
    """Base of every outcome."""


@dataclass(frozen=True)
class Duplicate(Outcome):
    """The update was handled before: nothing changes, nothing is said."""


@dataclass(frozen=True)
class Ignored(Outcome):
    """Not addressed to the bot's conversations (e.g. a reply nobody asked for)."""


@dataclass(frozen=True)
class NotConfigured(Outcome):
    pass


@dataclass(frozen=True)
class NotMember(Outcome):
    language: str


@dataclass(frozen=True)
class NotLeader(Outcome):
    language: str


@dataclass(frozen=True)
class SecretariatOnly(Outcome):
    language: str


@dataclass(frozen=True)
class NoConversation(Outcome):
    language: str


@dataclass(frozen=True)
class StaleButton(Outcome):
    language: str


@dataclass(frozen=True)
class UseButtons(Outcome):
    """Text came while the bot waits for a button press."""

    language: str


@dataclass(frozen=True)
class ChooseOrganization(Outcome):
    who: Who
    language: str
    options: tuple[tuple[int, str], ...]  # (organization id, label)


@dataclass(frozen=True)
class ChoosePeriod(Outcome):
    who: Who
    language: str
    organization: str
    organization_id: int
    options: tuple[tuple[PeriodKey, bool], ...]  # (period, overdue)


@dataclass(frozen=True)
class Ask(Outcome):
    context: ReportContext
    question: Question
    number: int
    total: int
    problem: str | None = None  # catalogue key of why the last answer was refused
    current: Shown | None = None  # the answer being changed, if any
    prompt_id: int | None = None  # the prompt as stored, to record which message showed it


@dataclass(frozen=True)
class ConfirmFigure(Outcome):
    """A figure the bot is not sure of, or that looks wrong: is it what the person meant?"""

    context: ReportContext
    question: Question
    display: Shown  # the figure as the bot read it
    code: str  # why it asks (a catalogue key)
    bound: Shown | None = None  # the limit or earlier figure it was compared with
    prompt_id: int | None = None


@dataclass(frozen=True)
class MoreText(Outcome):
    """The first message of a text answer is saved: more may follow, or 'done'."""

    context: ReportContext
    question: Question
    prompt_id: int | None = None


@dataclass(frozen=True)
class Received(Outcome):
    """One more part of an answer, or an attachment, is saved: acknowledged quietly."""


@dataclass(frozen=True)
class Review(Outcome):
    context: ReportContext
    items: tuple[Item, ...]
    attachments: int
    submitted_at: datetime | None = None  # set: the report was submitted, offer changes
    prompt_id: int | None = None


@dataclass(frozen=True)
class Corrected(Outcome):
    """A message written before the question now waiting changed an earlier answer; the
    question now waiting is shown again (``then``)."""

    context: ReportContext
    question: Question
    old: Shown | None
    new: Shown | None
    then: Outcome


@dataclass(frozen=True)
class NotYourQuestion(Outcome):
    """A reply in a group to a question the bot put to somebody else: recorded for nobody."""

    language: str
    addressee: Who


@dataclass(frozen=True)
class Submitted(Outcome):
    context: ReportContext
    status: ReportStatus
    submitted_at: datetime
    figures: tuple[Item, ...]
    attachments: int
    again: bool = False  # the receipt of a report submitted before (pressed or delivered again)


@dataclass(frozen=True)
class Changed(Outcome):
    context: ReportContext
    question: Question
    old: Shown | None
    new: Shown | None


@dataclass(frozen=True)
class Kept(Outcome):
    language: str


@dataclass(frozen=True)
class Cancelled(Outcome):
    language: str
    answered: int
    total: int


@dataclass(frozen=True)
class NothingToCancel(Outcome):
    language: str


@dataclass(frozen=True)
class EditApplied(Outcome):
    context: ReportContext
    question: Question
    display: Shown | None
    submitted: bool


@dataclass(frozen=True)
class EditRefused(Outcome):
    context: ReportContext
    question: Question
    problem: str


@dataclass(frozen=True)
class OrganizationStatus:
    organization: str
    period: PeriodKey
    state: str  # "not_started", "draft", "submitted", "excused"
    answered: int = 0
    total: int = 0
    submitted_at: datetime | None = None
    status: ReportStatus | None = None
    deadline_at: datetime | None = None


@dataclass(frozen=True)
class StatusReport(Outcome):
    language: str
    timezone: ZoneInfo
    lines: tuple[OrganizationStatus, ...] = field(default_factory=tuple)


# --- membership --------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """A message for another chat than the one the action came from (e.g. the secretariat).

    ``fallback_chat_id``: where to post instead if the private chat cannot be reached.
    """

    chat_id: int
    private: bool
    outcome: Outcome
    fallback_chat_id: int | None = None


@dataclass(frozen=True)
class ButtonRefused(Outcome):
    """A button press by someone who may not make that choice: a short notice, no change."""

    language: str
    reason: str  # catalogue key


@dataclass(frozen=True)
class ChooseJoin(Outcome):
    who: Who
    language: str
    options: tuple[tuple[int, str], ...]  # (organization id, label)


@dataclass(frozen=True)
class JoinNothingLeft(Outcome):
    """The person already reports for every organization they could ask for."""

    language: str


@dataclass(frozen=True)
class JoinPending(Outcome):
    language: str
    organization: str


@dataclass(frozen=True)
class JoinRequested(Outcome):
    """The request is stored and the secretariat told."""

    language: str
    organization: str
    deliveries: tuple[Delivery, ...]


@dataclass(frozen=True)
class JoinNotice(Outcome):
    """What the secretariat sees: who asks to report for which organization."""

    language: str
    request_id: int
    who: Who
    organization: str
    group: str


@dataclass(frozen=True)
class JoinDecided(Outcome):
    """For the secretariat member who pressed Approve or Reject."""

    language: str
    approved: bool
    who: Who
    organization: str
    decided_by: str
    deliveries: tuple[Delivery, ...]


@dataclass(frozen=True)
class JoinAlreadyDecided(Outcome):
    language: str
    approved: bool
    decided_by: str


@dataclass(frozen=True)
class JoinAnswer(Outcome):
    """For the person who asked: the secretariat's decision."""

    language: str
    approved: bool
    who: Who
    organization: str


@dataclass(frozen=True)
class RosterPerson:
    name: str
    user_id: int
    started_private: bool  # pressed Start: the bot can message them in private
    joined: bool = False  # joined with /join (not listed in the config)
    blocked: bool = False  # blocked the bot since: it cannot message them in private


@dataclass(frozen=True)
class RosterGroup:
    name: str
    secretariat: tuple[RosterPerson, ...]
    organizations: tuple[tuple[str, tuple[RosterPerson, ...]], ...]
    pending: tuple[tuple[str, str], ...]  # (person, organization) waiting for a decision


@dataclass(frozen=True)
class Roster(Outcome):
    language: str
    groups: tuple[RosterGroup, ...]


@dataclass(frozen=True)
class ChooseRemoval(Outcome):
    who: Who
    language: str
    options: tuple[tuple[int, str], ...]  # (membership id, "person — organization")


@dataclass(frozen=True)
class NothingToRemove(Outcome):
    language: str


@dataclass(frozen=True)
class MemberRemoved(Outcome):
    language: str
    person: str
    organization: str
    deliveries: tuple[Delivery, ...]


@dataclass(frozen=True)
class RemovedNotice(Outcome):
    """For the person removed, in private."""

    language: str
    organization: str


# --- the weekly cycle ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChartReady(Outcome):
    """/chart, and the chart after the digest: a PNG with its caption."""

    png: bytes
    caption: str  # Telegram HTML


@dataclass(frozen=True)
class Summary(Outcome):
    """/summary: the digest of a period as it stands, in the digest's own words."""

    audience: Audience
    digest: Digest
    leaders_of: dict[str, tuple[Who, ...]]
    rollup: RollUp | None = None  # a parent group's: its children for the same week
    directions: Picture | None = None  # the "Chỉ đạo" section
    plan: PlanPicture | None = None  # the response plan's section


@dataclass(frozen=True)
class RollUpSummary(Outcome):
    """/summary communes: a parent group's picture of its children for a week."""

    audience: Audience
    rollup: RollUp


@dataclass(frozen=True)
class NoChildren(Outcome):
    """/summary communes in a group no other group names as its parent."""

    language: str


@dataclass(frozen=True)
class BadPeriod(Outcome):
    language: str
    given: str


@dataclass(frozen=True)
class NoSuchPeriod(Outcome):
    """A week outside the group's life: before the bot looked after it, or still to come."""

    language: str
    given: PeriodKey
    first: PeriodKey
    current: PeriodKey


@dataclass(frozen=True)
class ChooseSkip(Outcome):
    who: Who
    language: str
    period: PeriodKey
    options: tuple[tuple[int, str], ...]  # (organization id, name) that may be excused


@dataclass(frozen=True)
class PeriodSkipped(Outcome):
    language: str
    period: PeriodKey
    by: str


@dataclass(frozen=True)
class Excused(Outcome):
    language: str
    period: PeriodKey
    organization: str
    by: str
