"""The digest's totals: each figure added up, and the change from last week like with like."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bot.config import parse_config
from bot.core.answers import AnswerKind
from bot.core.digest import (
    OrganizationFacts,
    ReportFacts,
    StoredAnswer,
    Total,
    accumulate,
    build_digest,
)
from bot.core.periods import PeriodKey
from bot.core.questionnaire import Question
from bot.services.facts import cumulative_since
from tests.unit.test_config import MINIMAL

HOUSEHOLDS = Question("ho", "Hộ được hỗ trợ", AnswerKind.COUNT, unit="hộ")
DEADLINE = datetime(2026, 11, 27, 10, tzinfo=UTC)
NOW = DEADLINE + timedelta(days=3)


def report(figure: int | None) -> ReportFacts | None:
    if figure is None:
        return None
    answers = {"ho": StoredAnswer(str(figure), str(figure))}
    return ReportFacts(DEADLINE - timedelta(days=1), False, answers)


def organization(code: str, now: int | None, before: int | None) -> OrganizationFacts:
    return OrganizationFacts(code, code, (), (HOUSEHOLDS,), report(now), report(before))


def total(*organizations: OrganizationFacts) -> Total:
    [only] = build_digest(PeriodKey(2026, 48), DEADLINE, organizations, NOW).totals
    return only


def test_the_change_counts_only_organizations_that_reported_both_weeks() -> None:
    # Two reported both weeks (+20 between them); two more report only this week.
    households = total(
        organization("a", 70, 60), organization("b", 50, 40),
        organization("c", 40, None), organization("d", 35, None),
    )  # fmt: skip

    assert households.total == Decimal(195)
    assert households.reporting == 4
    assert households.compared == 2
    assert households.change == Decimal(20)
    assert not households.compares_all


def test_when_everyone_reported_both_weeks_the_change_is_the_difference_of_the_totals() -> None:
    households = total(organization("a", 70, 60), organization("b", 50, 45))

    assert households.change == Decimal(15)
    assert households.compares_all


def test_an_organization_silent_this_week_is_left_out_of_the_change_not_counted_as_a_fall() -> None:
    households = total(organization("a", 70, 60), organization("b", None, 500))

    assert households.change == Decimal(10)
    assert households.previous == Decimal(560)  # the week before, as it was
    assert not households.compares_all


def test_nobody_to_compare_means_no_change_is_claimed() -> None:
    households = total(organization("a", 70, None), organization("b", None, 40))

    assert households.change is None


def test_the_cumulative_figure_adds_this_week_to_the_weeks_counted_before() -> None:
    digest = build_digest(PeriodKey(2026, 48), DEADLINE, [organization("a", 70, 60)], NOW)

    counted = accumulate(digest, PeriodKey(2026, 1), {"ho": Decimal(1000)})

    assert counted.since == PeriodKey(2026, 1)
    assert counted.totals[0].cumulative == Decimal(1070)


def test_counting_starts_at_the_configured_day_or_the_years_first_week() -> None:
    plain = parse_config(copy.deepcopy(MINIMAL)).groups[0]
    data = copy.deepcopy(MINIMAL)
    data["groups"][0]["cumulative_from"] = "2026-10-01"
    campaign = parse_config(data).groups[0]

    assert cumulative_since(plain, PeriodKey(2026, 48)) == PeriodKey(2026, 1)
    assert cumulative_since(campaign, PeriodKey(2026, 48)) == PeriodKey(2026, 40)
    assert cumulative_since(campaign, PeriodKey(2026, 30)) == PeriodKey(2026, 30)  # not after
