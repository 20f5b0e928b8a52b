"""Where a report conversation stands, and the report as it needs it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from bot.core.questionnaire import AnswerState, Question


class ReportState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    EXCUSED = "excused"


class Step(StrEnum):
    """Where a reporting conversation stands."""

    CHOOSE_ORGANIZATION = "choose_org"  # a leader of several organizations picks one
    CHOOSE_PERIOD = "choose_period"  # last week's report is still owed: which week?
    ANSWER = "answer"  # answering question_key
    REVIEW = "review"  # all answered: confirm, or pick an answer to change
    CHANGE_MENU = "change_menu"  # submitted: pick an answer to change, or keep it
    CHANGE = "change"  # giving a new answer to question_key


ANSWERING = frozenset({Step.ANSWER, Step.CHANGE})
WITH_REPORT = frozenset({Step.ANSWER, Step.CHANGE, Step.REVIEW, Step.CHANGE_MENU})
ANY_STEP = frozenset(Step)


# --- state ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """A figure read with doubt, waiting for the person's yes before it is stored."""

    key: str  # the question it answers (the one waiting, or an earlier one it corrects)
    text: str
    value: str
    reason: str  # why it is asked about (a message-catalogue key)
    message_id: int | None  # where it was typed


@dataclass(frozen=True)
class State:
    step: Step
    report_id: int | None = None  # None while an organization or a period is chosen
    question_key: str | None = None  # the question waiting (ANSWER, CHANGE)
    pending: Pending | None = None


@dataclass(frozen=True)
class Given:
    """An answer as stored."""

    text: str
    value: str | None
    skipped: bool = False
    parts: tuple[str, ...] = ()  # a text answer's messages; loaded when ``needs`` asks


@dataclass(frozen=True)
class Draft:
    """The report being written, as far as the conversation needs it."""

    report_id: int
    questions: tuple[Question, ...]
    answers: Mapping[str, Given]
    state: ReportState = ReportState.DRAFT
    largest: Decimal | None = None  # the organization's largest earlier answer to the
    # question waiting; loaded when ``needs`` asks

    def question(self, key: str | None) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    @property
    def states(self) -> dict[str, AnswerState]:
        return {
            key: AnswerState.SKIPPED if given.skipped else AnswerState.ANSWERED
            for key, given in self.answers.items()
        }

    @property
    def submitted(self) -> bool:
        return self.state is ReportState.SUBMITTED

    def with_answer(self, key: str, given: Given) -> Draft:
        return replace(self, answers={**self.answers, key: given})
