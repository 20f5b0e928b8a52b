"""Who may do what, as the product decides it: the policy table, standing by standing."""

from __future__ import annotations

import pytest

from bot.core.policy import POLICY, Action, Refusal, Standing, access

SECRETARIAT, LEADER, STRANGER = Standing.SECRETARIAT, Standing.LEADER, Standing.STRANGER
SECRETARIAT_ACTIONS = (
    Action.SUMMARY,
    Action.CHART,
    Action.EXPORT,
    Action.SKIP,
    Action.ROSTER,
    Action.REMOVE,
    Action.DECIDE_JOIN,
    Action.DIRECT,
    Action.PLAN,
    Action.SWITCH,
)


def test_every_action_has_a_rule() -> None:
    assert set(POLICY) == set(Action)


@pytest.mark.parametrize("action", [Action.REPORT, Action.STATUS, Action.FOLLOW])
def test_only_a_leader_reports_and_the_secretariat_is_told_it_reports_for_nobody(
    action: Action,
) -> None:
    assert access(action, {LEADER}) is None
    assert access(action, {SECRETARIAT}) is Refusal.NOT_LEADER
    assert access(action, set()) is Refusal.NOT_MEMBER


@pytest.mark.parametrize("action", SECRETARIAT_ACTIONS)
def test_the_secretariats_commands_refuse_leaders_and_strangers(action: Action) -> None:
    assert access(action, {SECRETARIAT}) is None
    assert access(action, {LEADER}) is Refusal.SECRETARIAT_ONLY
    assert access(action, {STRANGER}) is Refusal.NOT_MEMBER


@pytest.mark.parametrize("action", [Action.HISTORY, Action.DIRECTIONS, Action.SITUATION])
def test_history_and_the_list_of_directions_are_open_to_everyone_on_the_roster(
    action: Action,
) -> None:
    assert access(action, {SECRETARIAT}) is None
    assert access(action, {LEADER}) is None
    assert access(action, set()) is Refusal.NOT_MEMBER


@pytest.mark.parametrize("action", [Action.SUMMARY, Action.CHART])
def test_a_group_may_open_its_summary_and_chart_to_its_leaders(action: Action) -> None:
    assert access(action, {LEADER}, opened=True) is None
    assert access(action, {STRANGER}, opened=True) is Refusal.NOT_MEMBER


@pytest.mark.parametrize("action", [Action.EXPORT, Action.SKIP, Action.ROSTER, Action.REMOVE])
def test_opening_the_summary_opens_nothing_else(action: Action) -> None:
    assert access(action, {LEADER}, opened=True) is Refusal.SECRETARIAT_ONLY


def test_a_secretary_who_also_leads_an_organization_may_do_what_either_may() -> None:
    both = {SECRETARIAT, LEADER}

    assert all(access(action, both) is None for action in Action)


def test_a_refusal_names_the_highest_standing() -> None:
    # A stranger standing beside a leader standing is refused as a leader would be.
    assert access(Action.EXPORT, {LEADER, STRANGER}) is Refusal.SECRETARIAT_ONLY
