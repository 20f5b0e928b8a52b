from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.status import ReportStatus, report_status

DEADLINE = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # Friday 17:00 in Hồ Chí Minh City
SECOND = timedelta(seconds=1)


def test_a_report_submitted_at_the_deadline_is_on_time() -> None:
    status = report_status(submitted_at=DEADLINE, deadline_at=DEADLINE, now=DEADLINE + SECOND)
    assert status is ReportStatus.ON_TIME


def test_a_report_submitted_after_the_deadline_is_late() -> None:
    status = report_status(
        submitted_at=DEADLINE + SECOND, deadline_at=DEADLINE, now=DEADLINE + SECOND
    )
    assert status is ReportStatus.LATE


def test_no_report_before_the_deadline_is_pending_not_overdue() -> None:
    status = report_status(submitted_at=None, deadline_at=DEADLINE, now=DEADLINE)
    assert status is ReportStatus.PENDING
    assert not status.is_overdue


def test_no_report_after_the_deadline_is_missing() -> None:
    status = report_status(submitted_at=None, deadline_at=DEADLINE, now=DEADLINE + SECOND)
    assert status is ReportStatus.MISSING
    assert status.is_overdue


def test_an_excused_organization_without_a_report_is_excused_not_missing() -> None:
    status = report_status(
        submitted_at=None, deadline_at=DEADLINE, now=DEADLINE + timedelta(days=3), excused=True
    )
    assert status is ReportStatus.EXCUSED


def test_a_report_delivered_by_an_excused_organization_counts_as_delivered() -> None:
    status = report_status(
        submitted_at=DEADLINE - SECOND, deadline_at=DEADLINE, now=DEADLINE, excused=True
    )
    assert status is ReportStatus.ON_TIME


def test_status_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        report_status(submitted_at=None, deadline_at=DEADLINE, now=datetime(2026, 11, 27))
