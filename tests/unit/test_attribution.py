"""Which question a message answers, from the order of message ids and the prompt replied to."""

from __future__ import annotations

from bot.core.attribution import REVIEW, Attribution, Belongs, PromptSeen, attribute


def prompt(
    message_id: int | None,
    key: str,
    *,
    mine: bool = True,
    same: bool = True,
    after: int | None = None,
) -> PromptSeen:
    return PromptSeen(message_id, key, mine, same, after)


def test_a_message_after_the_question_now_waiting_answers_it() -> None:
    latest = (prompt(20, "q2"), prompt(10, "q1"))
    assert attribute(21, None, latest) == Attribution(Belongs.CURRENT)


def test_a_message_older_than_the_question_now_waiting_belongs_to_the_one_before() -> None:
    latest = (prompt(20, "q2"), prompt(10, "q1"))
    assert attribute(19, None, latest) == Attribution(Belongs.EARLIER, "q1")


def test_a_message_older_than_the_review_belongs_to_the_last_question() -> None:
    latest = (prompt(30, REVIEW), prompt(20, "q3"))
    assert attribute(29, None, latest) == Attribution(Belongs.EARLIER, "q3")


def test_more_of_a_text_answer_sent_before_the_bot_said_it_was_noted_is_more_of_it() -> None:
    latest = (prompt(12, "q1"), prompt(10, "q1"))
    assert attribute(11, None, latest) == Attribution(Belongs.CURRENT)


def test_a_message_written_before_any_question_was_shown_answers_none() -> None:
    assert attribute(5, None, (prompt(6, "q1"),)) == Attribution(Belongs.BEFORE_ANY)


def test_a_reply_to_somebody_elses_question_is_nobodys_answer() -> None:
    replied = prompt(20, "q1", mine=False)
    assert attribute(25, replied, (prompt(22, "q2"),)) == Attribution(Belongs.SOMEONE_ELSES)


def test_a_reply_to_ones_own_earlier_question_answers_that_question() -> None:
    latest = (prompt(40, "q3"), prompt(30, "q2"))
    assert attribute(45, prompt(20, "q1"), latest) == Attribution(Belongs.EARLIER, "q1")
    assert attribute(45, prompt(40, "q3"), latest) == Attribution(Belongs.CURRENT)


def test_a_reply_to_a_question_of_another_report_answers_nothing_here() -> None:
    latest = (prompt(40, "q3"),)
    assert attribute(45, prompt(20, "q1", same=False), latest) == Attribution(Belongs.OTHER_REPORT)


def test_a_message_older_than_both_questions_remembered_answers_neither() -> None:
    latest = (prompt(20, "q2"), prompt(10, "q1"))
    assert attribute(9, None, latest) == Attribution(Belongs.BEFORE_ANY)


def test_when_the_bot_never_heard_which_message_showed_the_question_a_copy_is_suspect() -> None:
    latest = (prompt(None, "q2", after=10), prompt(8, "q1"))
    assert attribute(11, None, latest) == Attribution(Belongs.MAYBE_REPEAT, after=10)


def test_without_any_prompt_a_message_is_read_as_usual() -> None:
    assert attribute(5, None, ()) == Attribution(Belongs.CURRENT)


def test_what_counts_is_when_the_waiting_question_was_first_shown() -> None:
    # Question 2 shown at 20, again (after an unreadable answer) at 24.
    latest = (prompt(24, "q2"), prompt(20, "q2"), prompt(10, "q1"))
    assert attribute(22, None, latest) == Attribution(Belongs.CURRENT)
    assert attribute(19, None, latest) == Attribution(Belongs.EARLIER, "q1")


def test_a_question_shown_again_after_a_restart_does_not_hide_the_unknown_first_showing() -> None:
    # Question 3 was sent after message 10 and the bot died before noting it; shown again
    # after the restart at 14. Message 11 was written before either: it may be a copy.
    latest = (prompt(14, "q3"), prompt(None, "q3", after=10), prompt(8, "q2"))
    assert attribute(11, None, latest) == Attribution(Belongs.MAYBE_REPEAT, after=10)
