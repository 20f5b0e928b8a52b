"""Which question comes next, and when a report is complete. Pure functions of the template
(the organization's questions, in order) and the answers so far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.core.answers import AnswerKind


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    kind: AnswerKind = AnswerKind.TEXT
    required: bool = True
    organizations: tuple[str, ...] = ()  # empty: asked of every organization
    unit: str | None = None  # shown after figures: "người", "tấn", "suất"
    proposals: bool = False  # answers are gathered into the digest's proposals list
    # A figure outside these is confirmed with the person before it is stored.
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    # A task's progress last reported (a PROGRESS question): one tap says "no change".
    previous: str | None = None
    # Asked only while the group's response plan is at one of these situations (empty: always).
    levels: tuple[int, ...] = ()

    def asked_at(self, level: int | None) -> bool:
        """Whether it is asked with the plan at ``level`` (None: the group has no plan)."""
        return not self.levels or (level is not None and level in self.levels)

    def applies_to(self, organization_code: str) -> bool:
        return not self.organizations or organization_code in self.organizations


class AnswerState(StrEnum):
    ANSWERED = "answered"
    SKIPPED = "skipped"


def next_question(
    questions: Sequence[Question], answered: Mapping[str, AnswerState]
) -> Question | None:
    """The first question, in template order, that has neither an answer nor a skip."""
    return next((q for q in questions if q.key not in answered), None)


def position(questions: Sequence[Question], key: str) -> int:
    """1-based position of a question in its template."""
    return next(i for i, q in enumerate(questions, 1) if q.key == key)


def progress(questions: Sequence[Question], answered: Mapping[str, AnswerState]) -> int:
    """How many of the template's questions have been dealt with (answered or skipped)."""
    return sum(1 for q in questions if q.key in answered)


def is_complete(questions: Sequence[Question], answered: Mapping[str, AnswerState]) -> bool:
    return all(
        answered.get(q.key) is AnswerState.ANSWERED or (not q.required and q.key in answered)
        for q in questions
    )
