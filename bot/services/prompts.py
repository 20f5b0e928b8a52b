"""The questions as put to people: stored with each prompt the bot sends (and, once sent,
the message that showed it), so that a message is filed under the question it answers
(see ``bot.core.attribution``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.core.attribution import REVIEW, Attribution, PromptSeen, attribute
from bot.services.outcomes import Ask, ConfirmFigure, Corrected, MoreText, Outcome, Review
from bot.services.people import Chat
from storage.models import Conversation, Person, Prompt
from storage.repositories import PromptRow
from storage.uow import UnitOfWork

Prompting = Ask | MoreText | ConfirmFigure | Review


async def with_prompt(
    uow: UnitOfWork,
    chat: Chat,
    person: Person,
    outcome: Outcome,
    after: int | None,
    now: datetime,
) -> Outcome:
    """Store the prompt ``outcome`` puts to the person (if it puts one), ``after`` their
    message that led to it; the outcome carries its id, for the message id once sent."""
    if isinstance(outcome, Corrected):
        return replace(outcome, then=await with_prompt(uow, chat, person, outcome.then, after, now))
    if not isinstance(outcome, Prompting):
        return outcome
    key = REVIEW if isinstance(outcome, Review) else outcome.question.key
    prompt_id = await uow.prompts.add(
        Prompt(
            chat_id=chat.id,
            person_id=person.id,
            report_id=outcome.context.report_id,
            question_key=key,
            asked_after=after,
            created_at=now,
        )
    )
    return replace(outcome, prompt_id=prompt_id)


def prompt_of(outcome: Outcome) -> int | None:
    """The id of the prompt an outcome puts to a person, if it puts one."""
    if isinstance(outcome, Corrected):
        return prompt_of(outcome.then)
    return outcome.prompt_id if isinstance(outcome, Prompting) else None


async def attribution(
    uow: UnitOfWork,
    chat: Chat,
    message_id: int,
    reply_to: int | None,
    person: Person | None,
    conversation: Conversation | None,
) -> Attribution:
    """Which question the message answers: see ``bot.core.attribution.attribute``."""
    report_id = conversation.report_id if conversation is not None else None
    replied = None
    if reply_to is not None and not chat.private:
        found = await uow.prompts.by_message(chat.id, reply_to)
        if found is not None:
            replied = _seen(found, person, report_id)
    latest: tuple[PromptSeen, ...] = ()
    if person is not None and conversation is not None:
        latest = tuple(
            _seen(p, person, report_id) for p in await uow.prompts.latest(chat.id, person.id, 5)
        )
    return attribute(message_id, replied, latest)


def _seen(prompt: Prompt | PromptRow, person: Person | None, report_id: int | None) -> PromptSeen:
    return PromptSeen(
        prompt.message_id,
        prompt.question_key,
        person is not None and prompt.person_id == person.id,
        prompt.report_id == report_id,
        prompt.asked_after,
    )
