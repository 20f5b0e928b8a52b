"""The digest of a period: who reported and how, the figures summed with the change from the
period before, the proposals gathered, who is overdue. A pure function of the reports.

The same content serves the Monday digest (the period just closed) and /summary (any
period, the current one "so far").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from bot.core.answers import AnswerKind
from bot.core.periods import PeriodKey, require_aware
from bot.core.questionnaire import Question
from bot.core.status import ReportStatus, report_status

NUMERIC = (AnswerKind.COUNT, AnswerKind.NUMBER, AnswerKind.MONEY)


@dataclass(frozen=True)
class StoredAnswer:
    text: str
    value: str | None
    skipped: bool = False


@dataclass(frozen=True)
class ReportFacts:
    """One organization's report for one period, as stored."""

    submitted_at: datetime | None
    excused: bool
    answers: Mapping[str, StoredAnswer]


@dataclass(frozen=True)
class OrganizationFacts:
    code: str
    name: str
    leaders: tuple[tuple[int, str], ...]  # (user id, name)
    questions: tuple[Question, ...]
    report: ReportFacts | None  # None: nothing started
    previous: ReportFacts | None = None  # the same organization, the period before


@dataclass(frozen=True)
class OrganizationLine:
    code: str
    name: str
    leaders: tuple[tuple[int, str], ...]
    status: ReportStatus
    submitted_at: datetime | None
    answers: tuple[tuple[Question, StoredAnswer], ...]  # submitted answers, template order


@dataclass(frozen=True)
class Total:
    question: Question
    total: Decimal
    reporting: int  # organizations whose figure is in the total
    previous: Decimal | None  # the period before, all its figures; None: there were none
    # Like with like: the change is over the organizations that gave the figure both
    # periods, so that one organization reporting late does not read as a rise or a fall.
    compared: int = 0  # how many gave it both periods
    compared_now: Decimal = Decimal(0)  # their figures this period
    compared_before: Decimal = Decimal(0)  # and the period before
    reporting_before: int = 0  # organizations whose figure is in ``previous``
    # Lũy kế: the submitted figures since the digest's ``since`` week, this one included.
    cumulative: Decimal | None = None

    @property
    def change(self) -> Decimal | None:
        """The change over the organizations that reported both periods; None if none did."""
        return self.compared_now - self.compared_before if self.compared else None

    @property
    def compares_all(self) -> bool:
        """Every organization counted either period is in the comparison."""
        return self.compared == self.reporting == self.reporting_before


@dataclass(frozen=True)
class Proposal:
    organization: str
    question: Question
    text: str


@dataclass(frozen=True)
class Digest:
    period: PeriodKey
    deadline_at: datetime
    at: datetime  # as seen at this instant
    lines: tuple[OrganizationLine, ...]
    totals: tuple[Total, ...]
    proposals: tuple[Proposal, ...]
    since: PeriodKey | None = None  # the first week of the cumulative figures, if counted

    @property
    def expected(self) -> int:
        """Organizations that owe a report (the excused do not)."""
        return sum(1 for line in self.lines if line.status is not ReportStatus.EXCUSED)

    @property
    def submitted(self) -> int:
        return sum(1 for line in self.lines if line.submitted_at is not None)

    @property
    def overdue(self) -> tuple[OrganizationLine, ...]:
        return tuple(line for line in self.lines if line.status is ReportStatus.MISSING)

    @property
    def closed(self) -> bool:
        return self.at > self.deadline_at


def accumulate(digest: Digest, since: PeriodKey, earlier: Mapping[str, Decimal]) -> Digest:
    """``digest`` with each total's cumulative figure: ``earlier`` holds the submitted
    figures of the weeks from ``since`` up to the digest's, by question key."""
    totals = tuple(
        replace(total, cumulative=earlier.get(total.question.key, Decimal(0)) + total.total)
        for total in digest.totals
    )
    return replace(digest, totals=totals, since=since)


def build_digest(
    period: PeriodKey,
    deadline_at: datetime,
    organizations: Sequence[OrganizationFacts],
    now: datetime,
) -> Digest:
    require_aware(now)
    lines = [_line(org, deadline_at, now) for org in organizations]
    return Digest(
        period=period,
        deadline_at=deadline_at,
        at=now,
        lines=tuple(lines),
        totals=_totals(organizations),
        proposals=tuple(
            Proposal(org.name, question, answer.text)
            for org, line in zip(organizations, lines, strict=True)
            for question, answer in line.answers
            if question.proposals and answer.text.strip()
        ),
    )


def _line(org: OrganizationFacts, deadline_at: datetime, now: datetime) -> OrganizationLine:
    report = org.report
    submitted_at = report.submitted_at if report else None
    status = report_status(
        submitted_at=submitted_at,
        deadline_at=deadline_at,
        now=now,
        excused=bool(report and report.excused),
    )
    answers: tuple[tuple[Question, StoredAnswer], ...] = ()
    if report is not None and submitted_at is not None:
        answers = tuple(
            (q, report.answers[q.key])
            for q in org.questions
            if q.key in report.answers and not report.answers[q.key].skipped
        )
    return OrganizationLine(org.code, org.name, org.leaders, status, submitted_at, answers)


def _figure(report: ReportFacts | None, key: str) -> Decimal | None:
    """A submitted figure; drafts do not count."""
    if report is None or report.submitted_at is None:
        return None
    answer = report.answers.get(key)
    if answer is None or answer.skipped or answer.value is None:
        return None
    return Decimal(answer.value)


def _totals(organizations: Sequence[OrganizationFacts]) -> tuple[Total, ...]:
    questions: dict[str, Question] = {}
    for org in organizations:
        for question in org.questions:
            if question.kind in NUMERIC:
                questions.setdefault(question.key, question)
    totals = []
    for key, question in questions.items():
        pairs = [(_figure(o.report, key), _figure(o.previous, key)) for o in organizations]
        now_figures = [now for now, _ in pairs if now is not None]
        before = [then for _, then in pairs if then is not None]
        if not now_figures and not before:
            continue
        both = [(now, then) for now, then in pairs if now is not None and then is not None]
        totals.append(
            Total(
                question,
                sum(now_figures, Decimal(0)),
                len(now_figures),
                sum(before, Decimal(0)) if before else None,
                compared=len(both),
                compared_now=sum((now for now, _ in both), Decimal(0)),
                compared_before=sum((then for _, then in both), Decimal(0)),
                reporting_before=len(before),
            )
        )
    return tuple(totals)
