"""Who may do what: one table for every command and button that is not open to all.

A person stands in a group as one of its secretariat (Ban Thường trực, Văn phòng), as the
leader of one or more of its organizations, or as nobody the roster knows. The table gives,
for each action, what each standing gets: allowed, or which refusal. Someone with several
standings (a secretary who also leads an organization) is allowed if any of them is; refused,
they are told the refusal of their highest standing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Standing(StrEnum):
    SECRETARIAT = "secretariat"
    LEADER = "leader"
    STRANGER = "stranger"  # on no roster of the group


class Refusal(StrEnum):
    NOT_MEMBER = "not_member"  # register first (/dangky)
    SECRETARIAT_ONLY = "secretariat_only"
    NOT_LEADER = "not_leader"  # the secretariat does not report for an organization


class Action(StrEnum):
    REPORT = "report"  # /baocao and the "Report now" button
    STATUS = "status"  # /tinhhinh
    HISTORY = "history"  # /lichsu (a leader sees only their own organization's)
    SUMMARY = "summary"  # /tonghop
    CHART = "chart"  # /bieudo
    EXPORT = "export"  # /xuatbaocao
    SKIP = "skip"  # /nghi, a holiday for the group or an organization excused
    ROSTER = "roster"  # /danhsach
    REMOVE = "remove"  # /xoa, a member who joined by request
    DECIDE_JOIN = "decide_join"  # Approve / Reject under a request to join
    DIRECT = "direct"  # /chidao: give a direction, change its due date, close, withdraw
    DIRECTIONS = "directions"  # /chidao alone, /chidao 12: list and show directions
    FOLLOW = "follow"  # acknowledge a direction, report its result (its organizations only)
    PLAN = "plan"  # /kehoach: import the response plan
    SITUATION = "situation"  # /tinhhuong: the situation in force and its tasks
    SWITCH = "switch"  # /tinhhuong 2: switch the situation in force


ALLOWED = None
SECRETARIAT_ONLY = Refusal.SECRETARIAT_ONLY
NOT_LEADER = Refusal.NOT_LEADER
NOT_MEMBER = Refusal.NOT_MEMBER


@dataclass(frozen=True)
class Rule:
    secretariat: Refusal | None
    leader: Refusal | None
    opened_to_leaders: bool = False  # a group's ``summary_for_members`` lets its leaders in

    def for_standing(self, standing: Standing, opened: bool) -> Refusal | None:
        if standing is Standing.SECRETARIAT:
            return self.secretariat
        if standing is Standing.LEADER:
            return ALLOWED if opened and self.opened_to_leaders else self.leader
        return NOT_MEMBER


POLICY: Mapping[Action, Rule] = {
    # action:           Rule(the secretariat, a leader)
    Action.REPORT: Rule(NOT_LEADER, ALLOWED),
    Action.STATUS: Rule(NOT_LEADER, ALLOWED),
    Action.HISTORY: Rule(ALLOWED, ALLOWED),
    Action.SUMMARY: Rule(ALLOWED, SECRETARIAT_ONLY, opened_to_leaders=True),
    Action.CHART: Rule(ALLOWED, SECRETARIAT_ONLY, opened_to_leaders=True),
    Action.EXPORT: Rule(ALLOWED, SECRETARIAT_ONLY),
    Action.SKIP: Rule(ALLOWED, SECRETARIAT_ONLY),
    Action.ROSTER: Rule(ALLOWED, SECRETARIAT_ONLY),
    Action.REMOVE: Rule(ALLOWED, SECRETARIAT_ONLY),
    Action.DECIDE_JOIN: Rule(ALLOWED, SECRETARIAT_ONLY),
    Action.DIRECT: Rule(ALLOWED, SECRETARIAT_ONLY),
    Action.DIRECTIONS: Rule(ALLOWED, ALLOWED),
    Action.FOLLOW: Rule(NOT_LEADER, ALLOWED),
    Action.PLAN: Rule(ALLOWED, SECRETARIAT_ONLY),
    Action.SITUATION: Rule(ALLOWED, ALLOWED),
    Action.SWITCH: Rule(ALLOWED, SECRETARIAT_ONLY),
}

_RANK = (Standing.SECRETARIAT, Standing.LEADER, Standing.STRANGER)


def access(
    action: Action, standings: Iterable[Standing], *, opened: bool = False
) -> Refusal | None:
    """None if someone of ``standings`` in a group may do ``action``; otherwise why not.
    ``opened``: the group opens /summary and /chart to its leaders."""
    held = set(standings) or {Standing.STRANGER}
    rule = POLICY[action]
    answers = [rule.for_standing(s, opened) for s in _RANK if s in held]
    if ALLOWED in answers:
        return ALLOWED
    return answers[0]
