"""Which question a message answers. Pure: what the bot knows of its prompts in, a decision
out.

Message ids in a chat grow in the order messages reach it, the bot's and people's together.
So a message older than the prompt now waiting was written before that prompt was shown: it
belongs to the question before (typed twice, or sent late on a slow network), not to the one
now asked. In a group, a reply names the prompt it answers: that prompt's question, and only
for the person it was put to.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

REVIEW = ""  # the question key of a prompt that showed the review, not a question


@dataclass(frozen=True)
class PromptSeen:
    """A prompt as stored: the message that showed it (None until the bot heard it went
    out), its question, and after which of the person's messages it was put."""

    message_id: int | None
    question_key: str
    to_sender: bool  # put to the person who wrote the message
    same_report: bool  # about the report the person is writing now
    asked_after: int | None = None


class Belongs(StrEnum):
    CURRENT = "current"  # the question now waiting
    EARLIER = "earlier"  # an earlier question: a repeat of its answer, or a correction
    BEFORE_ANY = "before_any"  # written before any question was shown: not an answer
    SOMEONE_ELSES = "someone_elses"  # a reply to a question put to somebody else
    OTHER_REPORT = "other_report"  # a reply to one's own question of another report
    MAYBE_REPEAT = "maybe_repeat"  # the waiting prompt's id is unknown: compare with before


@dataclass(frozen=True)
class Attribution:
    belongs: Belongs
    question_key: str | None = None  # for EARLIER
    after: int | None = None  # for MAYBE_REPEAT: the message the waiting prompt followed


def attribute(
    message_id: int, replied_to: PromptSeen | None, latest: tuple[PromptSeen, ...]
) -> Attribution:
    """``replied_to``: the prompt the message replies to, if it replies to one; ``latest``:
    the last few prompts put to the writer in this chat, newest first."""
    if replied_to is not None:
        if not replied_to.to_sender:
            return Attribution(Belongs.SOMEONE_ELSES)
        if not replied_to.same_report:
            return Attribution(Belongs.OTHER_REPORT)
        if latest and latest[0].same_report:
            current = latest[0].question_key
            if replied_to.question_key not in (current, REVIEW):
                return Attribution(Belongs.EARLIER, replied_to.question_key)
        return Attribution(Belongs.CURRENT)
    if not latest or not latest[0].same_report:
        return Attribution(Belongs.CURRENT)
    # The question now waiting may have been shown more than once (asked again after an
    # unreadable answer, or after a restart): what counts is when it was first shown.
    waiting = latest[0]
    showings = [waiting]
    for prompt in latest[1:]:
        if not prompt.same_report or prompt.question_key != waiting.question_key:
            break
        showings.append(prompt)
    first = showings[-1]
    before = latest[len(showings)] if len(latest) > len(showings) else None
    if before is not None and not before.same_report:
        before = None
    if first.message_id is None:
        if first.asked_after is not None and message_id > first.asked_after:
            # The bot never heard which message first showed it (it stopped): unsure.
            return Attribution(Belongs.MAYBE_REPEAT, after=first.asked_after)
        if first.asked_after is None:
            return Attribution(Belongs.CURRENT)
    elif message_id > first.message_id:
        return Attribution(Belongs.CURRENT)
    # Written before the question now waiting was first shown.
    if before is None or (before.message_id is not None and message_id < before.message_id):
        return Attribution(Belongs.BEFORE_ANY)  # older than any question it could answer
    return Attribution(Belongs.EARLIER, before.question_key)
