"""Directions (chỉ đạo) from the secretariat to organizations: their states, the government's
four categories for following up an assigned task, due dates as people give them, the words
that acknowledge one, and which reminders are due. Pure: every function takes ``today`` or
``now``; nothing reads the clock.

A direction goes to one or more organizations; each organization (a *target*) acknowledges
it and reports its result on its own, so states and categories belong to targets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.core.text import fold_for_matching


class DirectionState(StrEnum):
    DRAFT = "draft"  # being written by a secretariat member; nobody else sees it
    OPEN = "open"  # given: delivered, followed up until each organization is done
    CLOSED = "closed"  # closed by the secretariat, with a reason
    WITHDRAWN = "withdrawn"  # taken back: counted nowhere


class Progress(StrEnum):
    """How far one organization has got with a direction."""

    NEW = "new"  # given, not acknowledged
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Result(StrEnum):
    """A result as a leader reports it (a button, a reply, the weekly report's answer)."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


class Category(StrEnum):
    """The categories of following up assigned tasks: done on time, done late; not done and
    still within time, not done and overdue."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN_IN_TIME = "open_in_time"
    OPEN_OVERDUE = "open_overdue"


CATEGORIES = tuple(Category)


def category(progress: Progress, due: date | None, done_on: date | None, today: date) -> Category:
    """The category of one organization's direction on ``today``. Without a due date nothing
    is late. ``done_on``: the day it was reported done (local)."""
    if progress is Progress.DONE:
        late = due is not None and done_on is not None and done_on > due
        return Category.DONE_LATE if late else Category.DONE_ON_TIME
    if due is not None and today > due:
        return Category.OPEN_OVERDUE
    return Category.OPEN_IN_TIME


def after_result(progress: Progress, result: Result) -> Progress:
    """The progress a reported result leaves: "not started" still says it was received."""
    match result:
        case Result.DONE:
            return Progress.DONE
        case Result.IN_PROGRESS:
            return Progress.IN_PROGRESS
    return Progress.ACKNOWLEDGED if progress is Progress.NEW else progress


# --- what people write ----------------------------------------------------------------------------

_ACK = frozenset(
    {
        "đã nhận", "da nhan", "nhận", "nhan", "đã nhận được", "nhận được", "rõ", "ro", "đã rõ",
        "da ro", "ok", "oke", "okay", "được", "duoc", "đã biết", "biết rồi", "tiếp thu",
        "đã tiếp thu", "nhất trí", "vâng", "vang", "dạ", "dạ rõ", "dạ nhận", "dạ đã nhận",
        "đã nhận chỉ đạo", "nhận chỉ đạo", "rõ rồi", "đồng ý", "thống nhất", "received",
        "noted", "got it", "acknowledged",
    }
)  # fmt: skip
_TRAILING = ("ạ", "a", "nhé", "nha", "anh", "chị", "rồi", "ạ.")

# The beginning of a result: the state it names, and the rest is the note. Longer phrases
# first, so that "chưa xong" is not read as "chưa".
_RESULT_PHRASES: tuple[tuple[str, Result | None], ...] = (
    ("chưa xong", None),  # not finished: started or not? asked back
    ("chưa hoàn thành", None),
    ("chưa thực hiện xong", None),
    ("đã thực hiện xong", Result.DONE),
    ("đã hoàn thành", Result.DONE),
    ("hoàn thành", Result.DONE),
    ("đã làm xong", Result.DONE),
    ("làm xong", Result.DONE),
    ("đã xong", Result.DONE),
    ("xong rồi", Result.DONE),
    ("xong", Result.DONE),
    ("done", Result.DONE),
    ("completed", Result.DONE),
    ("đang thực hiện", Result.IN_PROGRESS),
    ("đang triển khai", Result.IN_PROGRESS),
    ("đang làm", Result.IN_PROGRESS),
    ("đang", Result.IN_PROGRESS),
    ("in progress", Result.IN_PROGRESS),
    ("chưa thực hiện", Result.NOT_STARTED),
    ("chưa triển khai", Result.NOT_STARTED),
    ("chưa bắt đầu", Result.NOT_STARTED),
    ("chưa làm", Result.NOT_STARTED),
    ("chưa", Result.NOT_STARTED),
    ("not started", Result.NOT_STARTED),
)
_POLITE = ("dạ", "vâng", "thưa")


def reads_as_acknowledgement(text: str) -> bool:
    """ "đã nhận", "rõ", "ok ạ"…: a reply that says the direction was received."""
    words = re.sub(r"[.!?,;:]+", " ", fold_for_matching(text)).split()
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    return " ".join(words) in _ACK


@dataclass(frozen=True)
class ReadResult:
    result: Result
    note: str  # what followed the state, as typed ("" when nothing did)


def read_result(text: str) -> ReadResult | None:
    """A result as a leader types it: the state first, then, after a comma, colon or dash,
    an optional note ("đang làm, đã họp 3 thôn"). None when the state cannot be told for
    certain, and the person is asked: a question ("xong chưa?"), a state run on into other
    words ("đang họp", "hoàn thành 80%"), "chưa xong" (begun or not?)."""
    if "?" in text:
        return None
    # Single-spaced NFC: folding it keeps its length, so the note is cut at the same place.
    stripped = " ".join(unicodedata.normalize("NFC", text).split())
    folded = fold_for_matching(stripped)
    if len(folded) != len(stripped):
        stripped = folded  # a letter folding changes in length (none in Vietnamese)
    for polite in _POLITE:
        if folded.startswith(polite + " ") or folded.startswith(polite + ","):
            cut = len(polite)
            stripped, folded = stripped[cut:].lstrip(" ,"), folded[cut:].lstrip(" ,")
    for phrase, result in _RESULT_PHRASES:
        if not folded.startswith(phrase) or folded[len(phrase) : len(phrase) + 1].isalnum():
            continue
        rest = folded[len(phrase) :].strip()
        if result is None:
            return None
        if not rest or rest.strip(" .!") in _TRAILING:
            return ReadResult(result, "")
        if rest[0] in _SEPARATORS:
            return ReadResult(result, stripped[len(phrase) :].strip().lstrip(_SEPARATORS).strip())
        return None  # the state runs on into other words: not told for certain
    return None


_SEPARATORS = ",.:;-–—"


_DUE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$")
NO_DUE_WORDS = frozenset({"không", "khong", "không có", "không hạn", "none", "no", "-"})


class DueProblem(StrEnum):
    UNREAD = "unread"  # not a day and month
    NO_SUCH_DAY = "no_such_day"  # 31/02
    PAST = "past"


def read_due(text: str, today: date) -> date | DueProblem:
    """A due date typed as ``dd/mm`` (this year, or next year in the last weeks of a year for
    a day early in the next) or ``dd/mm/yyyy``. A day already past is refused, not moved."""
    match = _DUE.match(fold_for_matching(text).removeprefix("ngày ").strip())
    if match is None:
        return DueProblem.UNREAD
    day, month, year_text = int(match[1]), int(match[2]), match[3]
    year = today.year if year_text is None else int(year_text)
    if year < 100:
        year += 2000
    try:
        due = date(year, month, day)
    except ValueError:
        return DueProblem.NO_SUCH_DAY
    if year_text is None and due < today and (today - due).days > 180:
        try:
            due = date(year + 1, month, day)  # "05/01" written on 28/12
        except ValueError:
            return DueProblem.NO_SUCH_DAY
    if due < today:
        return DueProblem.PAST
    return due


def end_of_week(today: date) -> date:
    """ "Cuối tuần này": Friday, the last working day; on a weekend, its Sunday."""
    friday = today + timedelta(days=4 - today.weekday())
    return friday if today <= friday else today + timedelta(days=6 - today.weekday())


def next_working_day(day: date) -> date:
    following = day + timedelta(days=1)
    while following.weekday() >= 5:
        following += timedelta(days=1)
    return following


# --- reminders ------------------------------------------------------------------------------------


class Reminder(StrEnum):
    UNACKNOWLEDGED = "unacked"  # not acknowledged after one working day
    DUE_TOMORROW = "due"
    OVERDUE = "overdue"


MORNING_HOUR = 8  # reminders about dates go out from 08:00 local


def reminders_due(
    progress: Progress, given_at: datetime, due: date | None, now: datetime
) -> tuple[Reminder, ...]:
    """The reminders one organization's open direction calls for at ``now`` (both local
    times). Each is claimed once in the ledger; this says only whether it is due."""
    if progress is Progress.DONE:
        return ()
    found: list[Reminder] = []
    today, morning = now.date(), now.hour >= MORNING_HOUR
    if progress is Progress.NEW:
        one_day = datetime.combine(next_working_day(given_at.date()), given_at.timetz())
        if now >= one_day.replace(tzinfo=now.tzinfo):
            found.append(Reminder.UNACKNOWLEDGED)
    if due is not None and morning:
        # Given the day before it is due, the direction itself says so.
        if today == due - timedelta(days=1) and given_at.date() < today:
            found.append(Reminder.DUE_TOMORROW)
        if today > due:
            found.append(Reminder.OVERDUE)
    return tuple(found)


# --- the picture the secretariat reads ------------------------------------------------------------


@dataclass(frozen=True)
class TargetLine:
    """One organization's side of a direction."""

    organization: str
    code: str
    progress: Progress
    done_on: date | None = None
    note: str | None = None  # the latest note it reported

    def category(self, due: date | None, today: date) -> Category:
        return category(self.progress, due, self.done_on, today)


@dataclass(frozen=True)
class DirectionLine:
    number: int
    text: str
    given_on: date
    given_by: str
    due: date | None
    state: DirectionState
    targets: tuple[TargetLine, ...]
    closed_on: date | None = None
    reason: str | None = None  # why it was closed

    @property
    def open(self) -> bool:
        return self.state is DirectionState.OPEN and any(
            t.progress is not Progress.DONE for t in self.targets
        )


@dataclass(frozen=True)
class Picture:
    """Directions as a period's digest shows them."""

    given: tuple[DirectionLine, ...]  # given within the period
    open: tuple[DirectionLine, ...]  # every direction still open
    counts: Mapping[Category, int] = field(default_factory=dict)
    today: date | None = None

    @property
    def empty(self) -> bool:
        return not self.given and not self.open and not any(self.counts.values())


def picture(lines: Iterable[DirectionLine], first: date, last: date, today: date) -> Picture:
    """The directions of a period from ``first`` to ``last`` (local days) as they stand on
    ``today``: those given in it, those open, and the four counts over every organization's
    direction that is open, or was done in the period or since (withdrawn ones count
    nowhere; a closed one counts what was done)."""
    ordered = sorted(lines, key=lambda d: d.number)
    given = tuple(d for d in ordered if first <= d.given_on <= last)
    still = tuple(d for d in ordered if d.open and d.given_on <= last)
    counts = dict.fromkeys(CATEGORIES, 0)
    for direction in ordered:
        if direction.state in (DirectionState.WITHDRAWN, DirectionState.DRAFT):
            continue
        if direction.given_on > last:
            continue
        for target in direction.targets:
            done = target.progress is Progress.DONE
            if done and (target.done_on is None or target.done_on < first):
                continue  # done before this period: its own period counted it
            if not done and direction.state is not DirectionState.OPEN:
                continue  # closed without being done
            counts[target.category(direction.due, today)] += 1
    return Picture(given, still, counts, today)


def numbers_in(text: str) -> Sequence[int]:
    """Direction numbers a message names: "chỉ đạo #12", "Direction #12"."""
    folded = fold_for_matching(text)
    return [int(n) for n in re.findall(r"(?:chỉ đạo|direction) #(\d{1,6})\b", folded)]
