"""Whether a figure read for certain is still worth a second look before it is stored: a
typo ("120000" for "120"), a unit missed ("500" for five hundred thousand đồng), a figure far
from anything the organization reported before. Such a figure is confirmed with the person,
never refused: they may be right.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.core.answers import AnswerKind
from bot.core.questionnaire import Question

# Vietnam has about a hundred million people: a count of anything people can be counted in
# (people, households, meals, visits) above that is a slip of the finger.
PEOPLE_CEILING = Decimal(110_000_000)
SMALLEST_SUM = Decimal(1_000)  # no expense in đồng is below a thousand
HISTORY_FACTOR = 10  # more than ten times the organization's largest earlier figure


@dataclass(frozen=True)
class Doubt:
    code: str  # a message-catalogue key; the message names the figure and why
    bound: Decimal | None = None  # the limit or earlier figure it was compared with


def doubt(question: Question, value: Decimal, largest_before: Decimal | None) -> Doubt | None:
    """Why ``value`` should be confirmed before it is stored as the answer to ``question``;
    None if it need not be. ``largest_before``: the organization's largest earlier answer."""
    if question.minimum is not None and value < question.minimum:
        return Doubt("answer.confirm_below", question.minimum)
    if question.maximum is not None and value > question.maximum:
        return Doubt("answer.confirm_above", question.maximum)
    if question.kind is AnswerKind.COUNT and value > PEOPLE_CEILING:
        return Doubt("answer.confirm_too_many", PEOPLE_CEILING)
    if question.kind is AnswerKind.MONEY and 0 < value < SMALLEST_SUM:
        return Doubt("answer.confirm_small_sum", SMALLEST_SUM)
    if (
        largest_before is not None
        and largest_before > 0
        and value > largest_before * HISTORY_FACTOR
    ):
        return Doubt("answer.confirm_unusual", largest_before)
    return None
