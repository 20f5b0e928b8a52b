"""Every view is platform-neutral data: rendered as plain text with numbered choices, each
fits one message of a platform without buttons (2,000 characters), and keeps its words.

The samples below name every kind of outcome; a new kind without a sample fails the first
test, so no view can be added that was never rendered.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.answers import AnswerKind
from bot.core.digest import OrganizationFacts, ReportFacts, StoredAnswer, build_digest
from bot.core.periods import PeriodKey
from bot.core.questionnaire import Question
from bot.core.rollup import Child, roll_up
from bot.core.status import ReportStatus
from bot.services import exports, history, outcomes
from bot.services.exports import ExportFile, ExportFormat, ExportRequest
from bot.services.outcomes import Audience, Item, Outcome, ReportContext, Shown, Who
from bot.views import render
from bot.views.plain import LIMIT, as_plain

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WEEK = PeriodKey(2026, 48)
AT = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
LONG = "Hội Liên hiệp Phụ nữ " * 30  # a name far longer than a button or a line allows
WHO = Who(500011, "Nguyễn Thị Hoa")
COUNT = Question("members", "Số hội viên mới kết nạp", AnswerKind.COUNT, unit="người")
MONEY = Question("fund", "Quỹ hỗ trợ", AnswerKind.MONEY, required=False)
YESNO = Question("meeting", "Đã họp giao ban chưa?", AnswerKind.YESNO)
TEXT = Question("notes", "Kết quả nổi bật " + "rất dài " * 40, AnswerKind.TEXT, required=False)
CTX = ReportContext(9, "Hội Nông dân", "MTTQ xã Tân Phú", WEEK, AT, TZ, "vi", WHO)
ITEMS = (
    Item(COUNT, Shown("12 người", "12")),
    Item(MONEY, None, skipped=True),
    Item(YESNO, Shown("có", "yes")),
    Item(TEXT, Shown("Đã tổ chức " * 200, None)),
)
FILE = ExportFile("bao-cao.xlsx", b"x", ExportRequest(ExportFormat.XLSX, WEEK.previous(), WEEK))


def _digest() -> outcomes.Summary:
    questions = (COUNT, MONEY, TEXT)
    answered = ReportFacts(
        AT,
        False,
        {
            "members": StoredAnswer("12", "12"),
            "fund": StoredAnswer("3 triệu", "3000000"),
            "notes": StoredAnswer("Tốt " * 300, None),
        },
    )
    organizations = [
        OrganizationFacts("doan", "Đoàn Thanh niên", ((1, "An"),), questions, answered),
        OrganizationFacts("hnd", "Hội Nông dân", ((2, ""),), questions, None),
    ]
    digest = build_digest(WEEK, AT, organizations, AT + timedelta(days=4))  # closed
    audience = Audience("MTTQ xã Tân Phú", "vi", TZ, mentions=False)
    return outcomes.Summary(audience, digest, {"hnd": (Who(2, ""),)})


SAMPLES: dict[type[Outcome], Outcome] = {
    outcomes.Duplicate: outcomes.Duplicate(),
    outcomes.Ignored: outcomes.Ignored(),
    outcomes.NotConfigured: outcomes.NotConfigured(),
    outcomes.NotMember: outcomes.NotMember("vi"),
    outcomes.NotLeader: outcomes.NotLeader("vi"),
    outcomes.SecretariatOnly: outcomes.SecretariatOnly("vi"),
    outcomes.NoConversation: outcomes.NoConversation("vi"),
    outcomes.StaleButton: outcomes.StaleButton("vi"),
    outcomes.UseButtons: outcomes.UseButtons("vi"),
    outcomes.ChooseOrganization: outcomes.ChooseOrganization(
        WHO, "vi", tuple((n, f"{LONG} {n}") for n in range(1, 9))
    ),
    outcomes.ChoosePeriod: outcomes.ChoosePeriod(
        WHO, "vi", LONG, 7, ((WEEK.previous(), True), (WEEK, False))
    ),
    outcomes.Ask: outcomes.Ask(CTX, MONEY, 2, 4, "answer.not_a_number", Shown("3tr", "3000000")),
    outcomes.ConfirmFigure: outcomes.ConfirmFigure(
        CTX, COUNT, Shown("1200", "1200"), "answer.confirm_above", Shown("100", "100")
    ),
    outcomes.MoreText: outcomes.MoreText(CTX, TEXT),
    outcomes.Received: outcomes.Received(),
    outcomes.Review: outcomes.Review(CTX, ITEMS, 3),
    outcomes.Corrected: outcomes.Corrected(
        CTX, COUNT, Shown("10", "10"), Shown("12", "12"), outcomes.Review(CTX, ITEMS, 0, AT)
    ),
    outcomes.NotYourQuestion: outcomes.NotYourQuestion("vi", WHO),
    outcomes.Submitted: outcomes.Submitted(CTX, ReportStatus.LATE, AT, ITEMS[:3], 2),
    outcomes.Changed: outcomes.Changed(CTX, YESNO, Shown("có", "yes"), Shown("không", "no")),
    outcomes.Kept: outcomes.Kept("vi"),
    outcomes.Cancelled: outcomes.Cancelled("vi", 2, 4),
    outcomes.NothingToCancel: outcomes.NothingToCancel("vi"),
    outcomes.EditApplied: outcomes.EditApplied(CTX, COUNT, Shown("15", "15"), True),
    outcomes.EditRefused: outcomes.EditRefused(CTX, COUNT, "answer.not_a_number"),
    outcomes.StatusReport: outcomes.StatusReport(
        "vi",
        TZ,
        (
            outcomes.OrganizationStatus(
                "Đoàn", WEEK, "submitted", 4, 4, AT, ReportStatus.ON_TIME, AT
            ),
            outcomes.OrganizationStatus("Hội Nông dân", WEEK, "draft", 2, 4, deadline_at=AT),
            outcomes.OrganizationStatus("Hội CCB", WEEK, "not_started", deadline_at=AT),
            outcomes.OrganizationStatus("Công đoàn", WEEK, "excused"),
        ),
    ),
    outcomes.ButtonRefused: outcomes.ButtonRefused("vi", "bot.secretariat_only"),
    outcomes.ChooseJoin: outcomes.ChooseJoin(WHO, "vi", ((1, "Đoàn"), (2, LONG))),
    outcomes.JoinNothingLeft: outcomes.JoinNothingLeft("vi"),
    outcomes.JoinPending: outcomes.JoinPending("vi", "Đoàn"),
    outcomes.JoinRequested: outcomes.JoinRequested("vi", "Đoàn", ()),
    outcomes.JoinNotice: outcomes.JoinNotice("vi", 3, WHO, "Đoàn", "MTTQ xã Tân Phú"),
    outcomes.JoinDecided: outcomes.JoinDecided("vi", True, WHO, "Đoàn", "Trần Văn Nam", ()),
    outcomes.JoinAlreadyDecided: outcomes.JoinAlreadyDecided("vi", False, "Trần Văn Nam"),
    outcomes.JoinAnswer: outcomes.JoinAnswer("vi", True, WHO, "Đoàn"),
    outcomes.Roster: outcomes.Roster(
        "vi",
        (
            outcomes.RosterGroup(
                "MTTQ xã Tân Phú",
                (outcomes.RosterPerson("Trần Văn Nam", 1, True),),
                (("Đoàn", (outcomes.RosterPerson("An", 2, False, joined=True, blocked=True),)),),
                (("Bình", "Hội Nông dân"),),
            ),
        ),
    ),
    outcomes.ChooseRemoval: outcomes.ChooseRemoval(WHO, "vi", ((4, "An — Đoàn"),)),
    outcomes.NothingToRemove: outcomes.NothingToRemove("vi"),
    outcomes.MemberRemoved: outcomes.MemberRemoved("vi", "An", "Đoàn", ()),
    outcomes.RemovedNotice: outcomes.RemovedNotice("vi", "Đoàn"),
    outcomes.ChartReady: outcomes.ChartReady(b"png", "Biểu đồ 8 tuần"),
    outcomes.Summary: _digest(),
    outcomes.BadPeriod: outcomes.BadPeriod("vi", "tuần sau nữa " * 20),
    outcomes.NoSuchPeriod: outcomes.NoSuchPeriod(
        "vi", PeriodKey(2020, 1), PeriodKey(2026, 1), WEEK
    ),
    outcomes.RollUpSummary: outcomes.RollUpSummary(
        Audience("MTTQ tỉnh", "vi", TZ, mentions=False),
        # A province's 96 communes: the lines name the first few, the files name them all.
        roll_up(WEEK, [Child(f"Xã Tân Phú Trung {n}", _digest().digest) for n in range(96)]),
    ),
    outcomes.NoChildren: outcomes.NoChildren("vi"),
    exports.AskNote: exports.AskNote("vi", WHO, 4, WEEK, exports.NoteStep.ASSESSMENT),
    outcomes.ChooseSkip: outcomes.ChooseSkip(WHO, "vi", WEEK, ((1, "Đoàn"), (2, LONG))),
    outcomes.PeriodSkipped: outcomes.PeriodSkipped("vi", WEEK, "Trần Văn Nam"),
    outcomes.Excused: outcomes.Excused("vi", WEEK, "Đoàn", "Trần Văn Nam"),
    exports.ExportReady: exports.ExportReady("vi", 500011, "Trần Văn Nam", FILE, True),
    exports.StartPrivateFirst: exports.StartPrivateFirst("vi"),
    exports.TooManyPeriods: exports.TooManyPeriods("vi", 160),
    history.HistoryOverview: history.HistoryOverview(
        "vi",
        (WEEK.previous(), WEEK),
        (("doan", "Đoàn", (ReportStatus.LATE, ReportStatus.ON_TIME)),),
    ),
    history.HistoryDetail: history.HistoryDetail("vi", "Đoàn", ()),
    history.UnknownOrganization: history.UnknownOrganization("vi", "xyz", (("doan", "Đoàn"),)),
    history.OwnOrganizationOnly: history.OwnOrganizationOnly("vi"),
}


def _direction_samples() -> dict[type[Outcome], Outcome]:
    from datetime import date

    from bot.core.directions import DirectionLine, DirectionState, Progress, Reminder, Result
    from bot.core.directions import TargetLine as T
    from bot.services import direction_outcomes as d

    due, today = date(2026, 12, 4), date(2026, 12, 1)
    choices = tuple(d.Choice(n, f"{LONG} {n}", n % 2 == 0) for n in range(1, 7))
    targets = tuple(
        T(f"{LONG} {n}", f"o{n}", progress, date(2026, 12, 2), "Đã họp " * 40)
        for n, progress in enumerate(Progress)
    )
    line = DirectionLine(12, "Tuyên truyền " * 200, today, "Trần Văn Nam", due,
                         DirectionState.OPEN, targets)  # fmt: skip
    history = tuple(
        d.HistoryEntry(AT, kind, "An", "Đoàn", value, "Ghi chú " * 50)
        for kind, value in (("given", None), ("acknowledged", None), ("result:report", "done"),
                            ("note", None), ("due", "2026-12-10"), ("closed", None))
    )  # fmt: skip
    chooser = d.ChooseTargets(WHO, "vi", 3, choices, "direction.too_long")
    addressed = tuple((f"{LONG} {n}", (WHO, Who(2, "Bình"))) for n in range(6))
    return {
        d.ChooseTargets: chooser,
        d.AskDirectionText: d.AskDirectionText(
            WHO, "vi", 3, ("Đoàn", LONG), True, "direction.too_long"
        ),
        d.AskDue: d.AskDue(WHO, "vi", 3, due, date(2026, 12, 3), "direction.due.past", 12),
        d.ReviewDirection: d.ReviewDirection(WHO, "vi", 3, ("Đoàn",), "Nội dung " * 400, 2, due),
        d.DirectionGiven: d.DirectionGiven("vi", 12, ("Đoàn", "Hội Nông dân"), due),
        d.DirectionDropped: d.DirectionDropped("vi"),
        d.GiveRefused: d.GiveRefused("vi"),
        d.DirectionPost: d.DirectionPost(
            "vi", 3, 12, "MTTQ xã Tân Phú", "Trần Văn Nam", "Nội dung " * 133, due, addressed, 2, 1
        ),
        d.DirectionNotice: d.DirectionNotice(
            "vi",
            12,
            "unacked",
            "Đoàn",
            text="Nội dung " * 80,
            mentions=(WHO,),
            direction=3,
            reminder=Reminder.UNACKNOWLEDGED,
        ),
        d.DirectionList: d.DirectionList(WHO, "vi", "MTTQ", (line,) * 12, today, True, chooser),
        d.DirectionDetail: d.DirectionDetail(WHO, "vi", 3, line, history, TZ, today, True, True),
        d.NoSuchDirection: d.NoSuchDirection("vi", 99),
        d.DirectionNotOpen: d.DirectionNotOpen("vi", 12, "withdrawn"),
        d.Acknowledged: d.Acknowledged("vi", 12, ("Đoàn",)),
        d.NotAddressed: d.NotAddressed("vi", 12),
        d.ChooseResultOrganization: d.ChooseResultOrganization(WHO, "vi", 3, 12, choices),
        d.ChooseResult: d.ChooseResult(WHO, "vi", 3, 12, 7, LONG),
        d.AskResultNote: d.AskResultNote(WHO, "vi", 3, 12, "Đoàn", Result.IN_PROGRESS),
        d.ResultRecorded: d.ResultRecorded("vi", 12, "Đoàn", Result.DONE, "Đã họp " * 100),
        d.ReplyUnclear: d.ReplyUnclear(WHO, "vi", 3, 12),
        d.FileKept: d.FileKept("vi", 12, "Đoàn"),
        d.AskCloseReason: d.AskCloseReason(WHO, "vi", 3, 12, "withdrawn"),
        d.DirectionChanged: d.DirectionChanged("vi", 12, "due", due, "", ("Đoàn",)),
    }


SAMPLES.update(_direction_samples())


def _plan_samples() -> dict[type[Outcome], Outcome]:
    from datetime import date

    from bot.core.plans import CarrierLine, PlanPicture, TaskLine
    from bot.services import plan_outcomes as p

    long_task = "Đẩy mạnh công tác tuyên truyền, nâng cao nhận thức " * 20
    units = tuple(
        p.UnitTasks(f"{LONG} {n}", tuple(f"2.B.{k}" for k in range(12))) for n in range(6)
    )
    tasks = tuple((f"2.B.{k}", long_task) for k in range(30))
    items = tuple(
        p.TaskItem(k, f"1.{k}", long_task, LONG, "in_progress", "Ghi chú " * 60, k % 2 == 0)
        for k in range(20)
    )
    carriers = tuple(CarrierLine(f"{LONG} {n}", "not_started", None, True) for n in range(6))
    picture = PlanPicture(
        2,
        long_task,
        date(2026, 11, 23),
        tuple(TaskLine(f"2.{k}", long_task, carriers) for k in range(30)),
    )
    problems = tuple(
        p.ProblemLine(k, "Cơ quan, đơn vị thực hiện", "plan.unknown_unit",
                      (("value", LONG), ("known", "Tỉnh đoàn; Hội Nông dân tỉnh")))
        for k in range(40)
    )  # fmt: skip
    return {
        p.PlanRefused: p.PlanRefused("vi", "phuong-an.xlsx", problems),
        p.PlanImported: p.PlanImported(
            "vi", "phuong-an.xlsx", ((1, long_task, 17), (2, "", 28)), 3, 37, 2, 1
        ),
        p.PlanShown: p.PlanShown(
            WHO, "vi", "MTTQ", "phuong-an.xlsx", AT, ((1, long_task, 17),), 1, TZ, True
        ),
        p.NoPlan: p.NoPlan("vi"),
        p.LevelShown: p.LevelShown(
            WHO, "vi", 1, 2, long_task, AT, TZ, units, ((1, "a"), (2, "b"), (3, "c")), True
        ),
        p.ConfirmLevel: p.ConfirmLevel(WHO, "vi", 1, 2, long_task, 1),
        p.NoSuchLevel: p.NoSuchLevel("vi", "bốn", (1, 2, 3)),
        p.LevelSwitched: p.LevelSwitched("vi", 1, 2, long_task),
        p.LevelAnnouncement: p.LevelAnnouncement("vi", 1, 2, long_task, "Thu", units, tasks),
        p.TaskList: p.TaskList(WHO, "vi", 2, long_task, items, picture),
        p.TaskCard: p.TaskCard(WHO, "vi", items[0]),
        p.TaskRecorded: p.TaskRecorded(WHO, "vi", items[0]),
        p.NoTasks: p.NoTasks("vi", 2),
    }


SAMPLES.update(_plan_samples())


def _kinds(base: type[Outcome]) -> set[type[Outcome]]:
    found = set()
    for kind in base.__subclasses__():
        found |= {kind} | _kinds(kind)
    return found


def test_every_kind_of_outcome_has_a_sample_here() -> None:
    assert _kinds(Outcome) - set(SAMPLES) == set()


@pytest.mark.parametrize("private", [True, False], ids=["private", "group"])
@pytest.mark.parametrize("kind", list(SAMPLES), ids=lambda k: k.__name__)
def test_every_view_reads_as_plain_text_with_numbered_choices_within_one_message(
    kind: type[Outcome], private: bool
) -> None:
    view = render(SAMPLES[kind], private=private)

    text = as_plain(view)

    assert len(text) <= LIMIT
    assert "<" not in text.replace("<=", "")  # no markup left for a platform without it
    assert unicodedata.is_normalized("NFC", text)
    labels = [button.label for row in view.buttons for button in row]
    for number, label in enumerate(labels, 1):
        assert f"\n{number}. {label}" in "\n" + text
    if not view.silent:
        assert text.strip()


def test_a_choice_keeps_its_typed_data_within_telegrams_64_bytes() -> None:
    view = render(SAMPLES[outcomes.ChooseOrganization], private=False)

    assert len(view.buttons) == 8
    assert all(len(b.data.encode()) <= 64 for row in view.buttons for b in row)


def test_answers_are_worded_in_the_readers_language() -> None:
    review = as_plain(render(outcomes.Review(CTX, ITEMS, 0), private=True))

    assert "12 người" in review
    assert "Có" in review or "có" in review
    english = as_plain(
        render(
            outcomes.Changed(
                ReportContext(9, "Farmers", "Commune", WEEK, AT, TZ, "en", WHO),
                YESNO,
                Shown("có", "yes"),
                Shown("không", "no"),
            ),
            private=True,
        )
    )
    assert "Yes" in english or "yes" in english


def test_a_leader_the_bot_knows_no_name_of_is_the_leader() -> None:
    summary = SAMPLES[outcomes.Summary]
    assert isinstance(summary, outcomes.Summary)
    mentioned = outcomes.Summary(
        Audience("MTTQ", "vi", TZ, mentions=True), summary.digest, summary.leaders_of
    )

    text = render(mentioned, private=False).text

    assert 'href="tg://user?id=2"' in text
    assert ">2</a>" not in text  # named by role, not by a bare id


def test_figures_keep_their_digits() -> None:
    figure = as_plain(render(SAMPLES[outcomes.ConfirmFigure], private=True))

    assert "1.200 người" in figure
    assert "100 người" in figure


def test_a_provinces_picture_names_the_first_ten_communes_and_counts_the_rest() -> None:
    text = as_plain(render(SAMPLES[outcomes.RollUpSummary], private=False))

    assert "Xã Tân Phú Trung 9 (" in text
    assert "Xã Tân Phú Trung 10 (" not in text
    assert "và 86 xã khác" in text
