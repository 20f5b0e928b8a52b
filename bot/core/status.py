"""A report's status at a given instant."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from bot.core.periods import require_aware


class ReportStatus(StrEnum):
    PENDING = "pending"  # nothing submitted, deadline not yet passed
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # nothing submitted and the deadline has passed (quá hạn)
    EXCUSED = "excused"  # exempted for this period by the secretariat

    @property
    def is_overdue(self) -> bool:
        return self is ReportStatus.MISSING


def report_status(
    *,
    submitted_at: datetime | None,
    deadline_at: datetime,
    now: datetime,
    excused: bool = False,
) -> ReportStatus:
    """Status of one organization's report for one period, seen at ``now``.

    A submitted report keeps its on-time/late verdict even if it was also excused:
    what was actually delivered is what the secretariat wants to see.
    """
    require_aware(now)
    require_aware(deadline_at, "deadline_at")
    if submitted_at is not None:
        require_aware(submitted_at, "submitted_at")
        return ReportStatus.ON_TIME if submitted_at <= deadline_at else ReportStatus.LATE
    if excused:
        return ReportStatus.EXCUSED
    return ReportStatus.PENDING if now <= deadline_at else ReportStatus.MISSING
