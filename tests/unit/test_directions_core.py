"""Directions as the core decides them: categories, what people write, due dates, reminders
and the picture a digest shows. No clock is read: every test passes its day."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.core.directions import (
    Category,
    DirectionLine,
    DirectionState,
    DueProblem,
    Progress,
    ReadResult,
    Reminder,
    Result,
    TargetLine,
    after_result,
    category,
    end_of_week,
    next_working_day,
    numbers_in,
    picture,
    read_due,
    read_result,
    reads_as_acknowledgement,
    reminders_due,
)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DUE = date(2026, 11, 27)  # a Friday


@pytest.mark.parametrize(
    ("progress", "done_on", "today", "expected"),
    [
        (Progress.DONE, date(2026, 11, 27), date(2026, 12, 1), Category.DONE_ON_TIME),
        (Progress.DONE, date(2026, 11, 28), date(2026, 12, 1), Category.DONE_LATE),
        (Progress.IN_PROGRESS, None, date(2026, 11, 27), Category.OPEN_IN_TIME),
        (Progress.NEW, None, date(2026, 11, 28), Category.OPEN_OVERDUE),
    ],
)
def test_the_four_categories_of_following_up(
    progress: Progress, done_on: date | None, today: date, expected: Category
) -> None:
    assert category(progress, DUE, done_on, today) is expected


def test_without_a_due_date_nothing_is_late() -> None:
    assert category(Progress.NEW, None, None, date(2030, 1, 1)) is Category.OPEN_IN_TIME
    assert category(Progress.DONE, None, date(2030, 1, 1), date(2030, 1, 1)) is (
        Category.DONE_ON_TIME
    )


def test_not_started_still_says_the_direction_was_received() -> None:
    assert after_result(Progress.NEW, Result.NOT_STARTED) is Progress.ACKNOWLEDGED
    assert after_result(Progress.IN_PROGRESS, Result.NOT_STARTED) is Progress.IN_PROGRESS
    assert after_result(Progress.NEW, Result.DONE) is Progress.DONE


@pytest.mark.parametrize("text", ["đã nhận", "Đã nhận ạ", "rõ", "OK", "ok nhé", "Dạ nhận"])
def test_acknowledgements_as_people_write_them(text: str) -> None:
    assert reads_as_acknowledgement(text)


@pytest.mark.parametrize("text", ["không rõ", "nhận được gì?", "đã nhận 3 hộ", "xong"])
def test_other_replies_are_not_acknowledgements(text: str) -> None:
    assert not reads_as_acknowledgement(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xong", ReadResult(Result.DONE, "")),
        ("Đã xong, đã họp 3 thôn", ReadResult(Result.DONE, "đã họp 3 thôn")),
        ("dạ đã hoàn thành ạ", ReadResult(Result.DONE, "")),
        ("Đang thực hiện: 2/5 xã", ReadResult(Result.IN_PROGRESS, "2/5 xã")),
        ("chưa làm - vì mưa bão", ReadResult(Result.NOT_STARTED, "vì mưa bão")),
        ("đang  làm,  đã họp   3 thôn", ReadResult(Result.IN_PROGRESS, "đã họp 3 thôn")),
        (unicodedata.normalize("NFD", "Đã hoàn thành."), ReadResult(Result.DONE, "")),
    ],
)
def test_a_result_is_its_state_first_then_its_note(text: str, expected: ReadResult) -> None:
    assert read_result(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "chưa xong",
        "chưa hoàn thành",
        "hôm qua xong",
        "xongxuôi",
        "Xong chưa anh?",
        "Đang họp, lát em xem",
        "Chưa nhận được file",
        "Hoàn thành 80%",
    ],
)
def test_a_result_whose_state_cannot_be_told_is_none(text: str) -> None:
    assert read_result(text) is None


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("15/12", date(2026, 12, 1), date(2026, 12, 15)),
        ("ngày 4/12/2026", date(2026, 12, 1), date(2026, 12, 4)),
        ("05/01", date(2026, 12, 28), date(2027, 1, 5)),  # early next year, written in December
        ("30/11", date(2026, 12, 1), DueProblem.PAST),
        ("31/02", date(2026, 12, 1), DueProblem.NO_SUCH_DAY),
        ("tuần sau", date(2026, 12, 1), DueProblem.UNREAD),
    ],
)
def test_due_dates_as_people_type_them(text: str, today: date, expected: object) -> None:
    assert read_due(text, today) == expected


def test_the_end_of_the_week_is_friday_and_on_a_weekend_its_sunday() -> None:
    assert end_of_week(date(2026, 11, 23)) == date(2026, 11, 27)
    assert end_of_week(date(2026, 11, 27)) == date(2026, 11, 27)
    assert end_of_week(date(2026, 11, 28)) == date(2026, 11, 29)


def test_the_next_working_day_skips_the_weekend() -> None:
    assert next_working_day(date(2026, 11, 27)) == date(2026, 11, 30)


def local(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=TZ)


def test_unacknowledged_is_due_one_working_day_after_it_was_given() -> None:
    given = local(27, 15)  # Friday afternoon: one working day later is Monday afternoon
    assert reminders_due(Progress.NEW, given, None, local(30, 14)) == ()
    assert reminders_due(Progress.NEW, given, None, local(30, 15)) == (Reminder.UNACKNOWLEDGED,)
    assert reminders_due(Progress.ACKNOWLEDGED, given, None, local(30, 15)) == ()


def test_due_tomorrow_and_overdue_from_the_morning() -> None:
    given = local(23, 9)
    assert reminders_due(Progress.ACKNOWLEDGED, given, DUE, local(26, 7)) == ()
    assert reminders_due(Progress.ACKNOWLEDGED, given, DUE, local(26, 8)) == (
        Reminder.DUE_TOMORROW,
    )
    assert reminders_due(Progress.ACKNOWLEDGED, given, DUE, local(27, 20)) == ()
    assert reminders_due(Progress.ACKNOWLEDGED, given, DUE, local(28, 8)) == (Reminder.OVERDUE,)
    assert reminders_due(Progress.DONE, given, DUE, local(28, 8)) == ()


def test_a_direction_given_the_day_before_it_is_due_is_not_reminded_as_due_tomorrow() -> None:
    assert reminders_due(Progress.ACKNOWLEDGED, local(26, 7), DUE, local(26, 9)) == ()


def line(number: int, given: date, state: DirectionState, *targets: TargetLine) -> DirectionLine:
    return DirectionLine(number, "Rà soát", given, "Thư", DUE, state, targets)


def test_the_picture_counts_what_is_open_and_what_was_done_in_the_period() -> None:
    first, last, today = date(2026, 11, 23), date(2026, 11, 29), date(2026, 11, 30)
    done_before = TargetLine("Đoàn", "doan", Progress.DONE, date(2026, 11, 20))
    done_late = TargetLine("Hội ND", "hnd", Progress.DONE, date(2026, 11, 28))
    open_ = TargetLine("Hội PN", "hpn", Progress.IN_PROGRESS)
    lines = [
        line(1, date(2026, 11, 16), DirectionState.OPEN, done_before, done_late, open_),
        line(2, date(2026, 11, 24), DirectionState.WITHDRAWN, open_),
        line(3, date(2026, 11, 25), DirectionState.CLOSED, open_),
    ]

    found = picture(lines, first, last, today)

    assert found.counts == {
        Category.DONE_ON_TIME: 0,
        Category.DONE_LATE: 1,
        Category.OPEN_IN_TIME: 0,
        Category.OPEN_OVERDUE: 1,
    }
    assert [d.number for d in found.given] == [2, 3]
    assert [d.number for d in found.open] == [1]


def test_a_reply_names_a_direction_only_with_its_word() -> None:
    assert numbers_in("📌 CHỈ ĐẠO #12 — MTTQ xã") == [12]
    assert numbers_in("⏰ Hội ND chưa báo nhận chỉ đạo #3: …") == [3]
    assert numbers_in("Tuần #48, 3 tổ chức") == []
