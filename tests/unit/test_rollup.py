"""A province's picture of its communes for one week, from the communes' own digests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bot.core.answers import AnswerKind
from bot.core.digest import OrganizationFacts, ReportFacts, StoredAnswer, build_digest
from bot.core.periods import PeriodKey
from bot.core.questionnaire import Question
from bot.core.rollup import Child, RolledProposal, roll_up

WEEK = PeriodKey(2026, 48)
DEADLINE = datetime(2026, 11, 26, 10, tzinfo=UTC)
HOUSEHOLDS = Question("ho", "Hộ được hỗ trợ", AnswerKind.COUNT, unit="hộ")
PROPOSALS = Question("kien_nghi", "Kiến nghị", required=False, proposals=True)


def report(households: int, proposal: str | None = None) -> ReportFacts:
    answers = {"ho": StoredAnswer(str(households), str(households))}
    if proposal is not None:
        answers["kien_nghi"] = StoredAnswer(proposal, None)
    return ReportFacts(DEADLINE - timedelta(hours=5), False, answers)


def commune(name: str, *reports: ReportFacts | None) -> Child:
    organizations = [
        OrganizationFacts(f"o{n}", f"Tổ chức {n}", (), (HOUSEHOLDS, PROPOSALS), facts)
        for n, facts in enumerate(reports, 1)
    ]
    return Child(name, build_digest(WEEK, DEADLINE, organizations, DEADLINE + timedelta(days=1)))


def test_communes_are_counted_by_how_many_of_their_organizations_reported() -> None:
    picture = roll_up(WEEK, [
        commune("Xã A", report(10), report(5)),
        commune("Xã B", report(7), None),
        commune("Xã C", None, None),
    ])  # fmt: skip

    assert picture.children == 3
    assert (picture.all_in, picture.some, picture.none) == (("Xã A",), ("Xã B",), ("Xã C",))
    assert picture.overdue == (("Xã B", ("Tổ chức 2",)), ("Xã C", ("Tổ chức 1", "Tổ chức 2")))


def test_each_figure_is_added_up_across_communes_with_how_many_gave_it() -> None:
    picture = roll_up(WEEK, [
        commune("Xã A", report(10), report(5)),
        commune("Xã B", report(7), None),
        commune("Xã C", None, None),
    ])  # fmt: skip

    [households] = picture.figures
    assert households.question.key == "ho"
    assert households.total == Decimal(22)
    assert households.children == 2  # Xã C gave none


def test_the_communes_proposals_go_up_with_who_made_them() -> None:
    picture = roll_up(WEEK, [commune("Xã A", report(1, "Xin thêm kinh phí"))])

    assert picture.proposals == (RolledProposal("Xã A", "Tổ chức 1", "Xin thêm kinh phí"),)
