"""The report conversation, driven event by event: one test per transition of
``bot.core.conversation``, with no database and no Telegram."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core import conversation as talk
from bot.core.answers import AnswerKind
from bot.core.conversation import (
    RULES,
    Draft,
    Given,
    Needs,
    Pending,
    ReportState,
    State,
    Step,
    decide,
    needs,
)
from bot.core.questionnaire import Question

ACTIVITY = Question("activity", "Hoạt động nổi bật?", AnswerKind.TEXT)
MEMBERS = Question("members", "Kết nạp bao nhiêu hội viên?", AnswerKind.COUNT, unit="người")
NOTE = Question("note", "Đề xuất?", AnswerKind.TEXT, required=False)
QUESTIONS = (ACTIVITY, MEMBERS, NOTE)
REPORT = 7


def draft(
    state: ReportState = ReportState.DRAFT, largest: str | None = None, **answers: Given
) -> Draft:
    return Draft(REPORT, QUESTIONS, answers, state, Decimal(largest) if largest else None)


def at(step: Step, key: str | None = None, pending: Pending | None = None) -> State:
    return State(step, REPORT, key, pending)


ACTIVITY_DONE = Given("Ra quân tình nguyện", None, parts=("Ra quân tình nguyện",))
FIVE = Given("5", "5")
COMPLETE = draft(activity=ACTIVITY_DONE, members=FIVE, note=Given("", None, skipped=True))
ASKED_40 = Pending("members", "hơn bốn chục", "40", "answer.confirm_reading", 31)


def typed(text: str, message_id: int = 40) -> talk.Typed:
    return talk.Typed(text, message_id)


# --- opening ---------------------------------------------------------------------------------


def test_opening_a_new_report_asks_its_first_question() -> None:
    decision = decide(at(Step.ANSWER), draft(), talk.Open())
    assert decision.state == at(Step.ANSWER, "activity")
    assert decision.say == talk.Ask("activity")
    assert decision.effects == ()


def test_opening_a_half_written_report_asks_the_first_question_not_yet_answered() -> None:
    decision = decide(at(Step.ANSWER), draft(activity=ACTIVITY_DONE), talk.Open())
    assert decision.say == talk.Ask("members")


def test_opening_a_fully_answered_draft_shows_the_review() -> None:
    decision = decide(at(Step.ANSWER), COMPLETE, talk.Open())
    assert decision.state == at(Step.REVIEW)
    assert decision.say == talk.ShowReview()


def test_opening_a_submitted_report_offers_its_answers_to_change() -> None:
    submitted = draft(ReportState.SUBMITTED, activity=ACTIVITY_DONE, members=FIVE)
    decision = decide(at(Step.ANSWER), submitted, talk.Open())
    assert decision.state == at(Step.CHANGE_MENU)
    assert decision.say == talk.ShowReview()


def test_opening_forgets_a_figure_that_waited_for_a_yes() -> None:
    decision = decide(at(Step.ANSWER, "members", ASKED_40), draft(), talk.Open())
    assert decision.state is not None
    assert decision.state.pending is None


# --- typing the answer to the question waiting -------------------------------------------------


def test_a_figure_is_stored_and_the_next_question_asked() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(activity=ACTIVITY_DONE), typed("12"))
    assert decision.effects == (talk.Put("members", "12", "12", 40),)
    assert decision.state == at(Step.ANSWER, "note")
    assert decision.say == talk.Ask("note")


def test_the_last_answer_leads_to_the_review() -> None:
    answered = draft(activity=ACTIVITY_DONE, members=FIVE)
    decision = decide(at(Step.ANSWER, "note"), answered, typed("Không có"))
    assert decision.effects == (talk.Put("note", "Không có", None, 40),)
    assert decision.say == talk.AskMore("note")
    finished = decide(at(Step.ANSWER, "note"), decision.draft, talk.Finish(REPORT, "note"))
    assert finished.state == at(Step.REVIEW)
    assert finished.say == talk.ShowReview()


def test_the_first_message_of_a_text_answer_is_stored_and_more_may_follow() -> None:
    decision = decide(at(Step.ANSWER, "activity"), draft(), typed("Ra quân"))
    assert decision.effects == (talk.Put("activity", "Ra quân", None, 40),)
    assert decision.state == at(Step.ANSWER, "activity")
    assert decision.say == talk.AskMore("activity")


def test_a_further_message_of_a_text_answer_is_added_to_it_quietly() -> None:
    decision = decide(at(Step.ANSWER, "activity"), draft(activity=ACTIVITY_DONE), typed("Thêm"))
    assert decision.effects == (talk.Append("activity", "Thêm", 40),)
    assert decision.say == talk.Received()
    assert decision.draft is not None
    assert decision.draft.answers["activity"].text == "Ra quân tình nguyện\nThêm"


def test_done_after_a_text_answer_moves_on_to_the_next_question() -> None:
    decision = decide(at(Step.ANSWER, "activity"), draft(activity=ACTIVITY_DONE), typed("xong"))
    assert decision.effects == ()
    assert decision.say == talk.Ask("members")


def test_done_before_any_text_is_written_is_the_answer_itself() -> None:
    decision = decide(at(Step.ANSWER, "activity"), draft(), typed("Xong"))
    assert decision.effects == (talk.Put("activity", "Xong", None, 40),)


def test_skip_words_skip_an_optional_question() -> None:
    decision = decide(at(Step.ANSWER, "note"), draft(), typed("bỏ qua"))
    assert decision.effects == (talk.PutSkip("note"),)
    assert decision.say == talk.Ask("activity")  # the first question still unanswered


def test_skip_words_on_a_required_question_are_refused_and_the_question_asked_again() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), typed("bỏ qua"))
    assert decision.effects == ()
    assert decision.say == talk.Ask("members", "answer.required")


def test_a_figure_that_cannot_be_read_is_asked_again_with_the_reason() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), typed("nhiều lắm"))
    assert decision.effects == ()
    assert decision.state == at(Step.ANSWER, "members")
    assert isinstance(decision.say, talk.Ask)
    assert decision.say.problem is not None


def test_a_figure_read_with_doubt_is_asked_about_and_nothing_is_stored() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), typed("hơn hai chục", 41))
    assert decision.effects == ()
    assert isinstance(decision.say, talk.AskFigure)
    assert decision.say.value == "20"
    assert decision.state is not None
    assert decision.state.pending == Pending(
        "members", decision.say.text, "20", decision.say.reason, 41
    )


def test_a_figure_ten_times_the_organizations_largest_is_asked_about() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(largest="12"), typed("500"))
    assert decision.effects == ()
    assert decision.say == talk.AskFigure(
        "members", "500", "500", "answer.confirm_unusual", Decimal(12)
    )


def test_yes_to_the_figure_asked_about_stores_it_and_moves_on() -> None:
    state = at(Step.ANSWER, "members", ASKED_40)
    decision = decide(state, draft(activity=ACTIVITY_DONE), typed("đúng rồi"))
    assert decision.effects == (talk.Put("members", "hơn bốn chục", "40", 31),)
    assert decision.say == talk.Ask("note")
    assert decision.state == at(Step.ANSWER, "note")


def test_no_to_the_figure_asked_about_drops_it_and_asks_for_it_again() -> None:
    decision = decide(at(Step.ANSWER, "members", ASKED_40), draft(), typed("không"))
    assert decision.effects == ()
    assert decision.state == at(Step.ANSWER, "members")
    assert decision.say == talk.Ask("members", "answer.retype")


def test_another_figure_while_one_is_asked_about_is_the_answer_instead() -> None:
    decision = decide(at(Step.ANSWER, "members", ASKED_40), draft(), typed("14"))
    assert decision.effects == (talk.Put("members", "14", "14", 40),)
    assert decision.state == at(Step.ANSWER, "activity")


def test_text_while_the_review_waits_for_a_button_shows_the_review_again() -> None:
    decision = decide(at(Step.REVIEW), COMPLETE, typed("12"))
    assert (decision.effects, decision.say) == ((), talk.ShowReview())


def test_text_while_an_organization_is_chosen_asks_for_the_buttons() -> None:
    decision = decide(State(Step.CHOOSE_ORGANIZATION), None, typed("Hội Phụ nữ"))
    assert decision.say == talk.UseButtons()
    assert decision.state == State(Step.CHOOSE_ORGANIZATION)


def test_a_question_gone_from_the_template_moves_on_to_the_next() -> None:
    decision = decide(at(Step.ANSWER, "removed"), draft(activity=ACTIVITY_DONE), typed("3"))
    assert decision.effects == ()
    assert decision.say == talk.Ask("members")


# --- changing an answer ---------------------------------------------------------------------


def test_changing_an_answer_asks_its_question_showing_the_answer_now() -> None:
    decision = decide(at(Step.REVIEW), COMPLETE, talk.Change(REPORT, "members"))
    assert decision.state == at(Step.CHANGE, "members")
    assert decision.say == talk.Ask("members", current=FIVE)


def test_a_new_answer_while_changing_a_draft_returns_to_the_review() -> None:
    decision = decide(at(Step.CHANGE, "members"), COMPLETE, typed("6"))
    assert decision.effects == (talk.Put("members", "6", "6", 40),)
    assert decision.state == at(Step.REVIEW)
    assert decision.say == talk.ShowReview()


def test_a_new_text_answer_while_changing_replaces_the_old_one_whole() -> None:
    decision = decide(at(Step.CHANGE, "activity"), COMPLETE, typed("Hội thao"))
    assert decision.effects == (talk.Put("activity", "Hội thao", None, 40),)
    assert decision.say == talk.ShowReview()


def test_a_new_answer_to_a_submitted_report_is_stored_and_the_conversation_ends() -> None:
    submitted = Draft(REPORT, QUESTIONS, COMPLETE.answers, ReportState.SUBMITTED)
    decision = decide(at(Step.CHANGE, "members"), submitted, typed("6"))
    assert decision.state is None
    assert decision.say == talk.Changed("members", FIVE, Given("6", "6"))


def test_keeping_a_submitted_report_ends_the_conversation() -> None:
    decision = decide(at(Step.CHANGE_MENU), COMPLETE, talk.Keep(REPORT))
    assert (decision.state, decision.say) == (None, talk.Kept())


def test_changing_a_question_the_report_does_not_have_is_stale() -> None:
    decision = decide(at(Step.REVIEW), COMPLETE, talk.Change(REPORT, "removed"))
    assert (decision.state, decision.say) == (at(Step.REVIEW), talk.Stale())


# --- messages for an earlier question -------------------------------------------------------


def test_the_same_figure_again_for_an_earlier_question_changes_nothing() -> None:
    state = at(Step.ANSWER, "note")
    decision = decide(state, COMPLETE, talk.TypedEarlier("members", "5", 42))
    assert (decision.effects, decision.say, decision.state) == ((), talk.Received(), state)


def test_another_figure_for_an_earlier_question_is_asked_about_before_it_replaces_it() -> None:
    decision = decide(at(Step.ANSWER, "note"), COMPLETE, talk.TypedEarlier("members", "8", 42))
    assert decision.effects == ()
    assert decision.say == talk.AskFigure(
        "members", "8", "8", "answer.confirm_correction", replacing=FIVE
    )
    yes = decide(decision.state or at(Step.ANSWER), COMPLETE, typed("đúng"))
    assert yes.effects == (talk.Put("members", "8", "8", 42),)
    assert yes.say == talk.Corrected("members", FIVE, Given("8", "8"), talk.Ask("note"))
    assert yes.state == at(Step.ANSWER, "note")


def test_no_to_a_correction_keeps_the_earlier_answer_and_asks_the_question_waiting() -> None:
    asked = at(Step.ANSWER, "note", Pending("members", "8", "8", "answer.confirm_correction", 42))
    decision = decide(asked, COMPLETE, talk.FigureAnswer(REPORT, "members", accepted=False))
    assert decision.effects == ()
    assert decision.say == talk.Ask("note", "answer.correction_dropped")


def test_more_text_for_an_earlier_text_answer_is_added_once() -> None:
    state = at(Step.ANSWER, "members")
    more = decide(state, COMPLETE, talk.TypedEarlier("activity", "Và hiến máu", 43))
    assert more.effects == (talk.Append("activity", "Và hiến máu", 43),)
    again = decide(state, COMPLETE, talk.TypedEarlier("activity", "Ra quân tình nguyện", 44))
    assert (again.effects, again.say) == ((), talk.Received())


def test_a_message_for_an_earlier_question_left_unanswered_is_not_read() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), talk.TypedEarlier("activity", "x", 9))
    assert decision.say == talk.Ask("members", "answer.earlier_unread")


def test_a_message_written_before_the_first_question_asks_it_again() -> None:
    decision = decide(at(Step.ANSWER, "activity"), draft(), talk.WrittenBefore())
    assert decision.say == talk.Ask("activity", "answer.written_before")


def test_a_reply_to_another_report_asks_the_question_waiting_again() -> None:
    decision = decide(at(Step.ANSWER, "activity"), draft(), talk.ForOtherReport())
    assert decision.say == talk.Ask("activity", "answer.other_report")


# --- after a restart: was the question seen? ---------------------------------------------------


def test_the_previous_answer_typed_again_is_asked_about_when_unsure_it_was_seen() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), talk.TypedMaybeAgain("5", 45, "5"))
    assert decision.say == talk.AskFigure("members", "5", "5", "answer.confirm_copy")
    assert decision.effects == ()
    no = decide(decision.state or at(Step.ANSWER), draft(), typed("không"))
    assert no.say == talk.Ask("members", "answer.copy_dropped")


def test_another_figure_when_unsure_the_question_was_seen_is_its_answer() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), talk.TypedMaybeAgain("7", 45, "5"))
    assert decision.effects == (talk.Put("members", "7", "7", 45),)


# --- attachments, stickers, updates again -------------------------------------------------------


def test_an_attachment_is_filed_under_the_question_waiting_and_acknowledged() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), talk.Attached(None, 50))
    assert decision.effects == (talk.Attach("members"),)
    assert decision.say == talk.Received()


def test_the_caption_of_an_attachment_answers_a_text_question() -> None:
    decision = decide(at(Step.ANSWER, "activity"), draft(), talk.Attached("Ảnh ra quân", 50))
    assert decision.effects == (
        talk.Attach("activity"),
        talk.Put("activity", "Ảnh ra quân", None, 50),
    )
    assert decision.say == talk.AskMore("activity")


def test_an_attachment_with_no_report_open_is_not_kept() -> None:
    decision = decide(State(Step.CHOOSE_PERIOD), None, talk.Attached(None, 50))
    assert (decision.effects, decision.say) == ((), talk.NoReport())


def test_a_sticker_asks_the_question_again() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), talk.Unsupported())
    assert decision.say == talk.Ask("members", "answer.unsupported")


def test_an_update_delivered_again_shows_the_question_waiting() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(), talk.Redelivered())
    assert (decision.effects, decision.say) == ((), talk.Ask("members"))


def test_an_update_delivered_again_during_a_text_answer_invites_more_text() -> None:
    decision = decide(
        at(Step.ANSWER, "activity"), draft(activity=ACTIVITY_DONE), talk.Redelivered()
    )
    assert decision.say == talk.AskMore("activity")


# --- buttons --------------------------------------------------------------------------------------


def test_skip_button_skips_an_optional_question_and_moves_on() -> None:
    answered = draft(activity=ACTIVITY_DONE, members=FIVE)
    decision = decide(at(Step.ANSWER, "note"), answered, talk.Skip(REPORT, "note"))
    assert decision.effects == (talk.PutSkip("note"),)
    assert decision.state == at(Step.REVIEW)


@pytest.mark.parametrize(
    ("state", "event"),
    [
        (at(Step.ANSWER, "members"), talk.Skip(REPORT, "members")),  # required
        (at(Step.ANSWER, "members"), talk.Skip(REPORT, "note")),  # not the question waiting
        (at(Step.ANSWER, "note"), talk.Skip(REPORT + 1, "note")),  # another report's button
        (at(Step.ANSWER, "note"), talk.Finish(REPORT, "note")),  # nothing written yet
        (at(Step.ANSWER, "members"), talk.FigureAnswer(REPORT, "members", True)),  # none asked
        (at(Step.ANSWER, "members", ASKED_40), talk.FigureAnswer(REPORT, "note", True)),
        (at(Step.ANSWER, "members"), talk.Submit(REPORT)),  # not yet at the review
        (at(Step.REVIEW), talk.Keep(REPORT)),  # keep is for a submitted report
        (at(Step.ANSWER, "members"), talk.Change(REPORT, "activity")),
    ],
)
def test_a_button_the_conversation_no_longer_waits_for_is_stale_and_changes_nothing(
    state: State, event: talk.Event
) -> None:
    decision = decide(state, draft(activity=ACTIVITY_DONE), event)
    assert (decision.state, decision.effects, decision.say) == (state, (), talk.Stale())


def test_done_button_after_a_text_answer_moves_on() -> None:
    decision = decide(
        at(Step.ANSWER, "activity"), draft(activity=ACTIVITY_DONE), talk.Finish(REPORT, "activity")
    )
    assert decision.say == talk.Ask("members")


def test_right_button_stores_the_figure_asked_about() -> None:
    decision = decide(
        at(Step.ANSWER, "members", ASKED_40),
        draft(activity=ACTIVITY_DONE),
        talk.FigureAnswer(REPORT, "members", accepted=True),
    )
    assert decision.effects == (talk.Put("members", "hơn bốn chục", "40", 31),)


def test_again_button_drops_the_figure_asked_about() -> None:
    decision = decide(
        at(Step.ANSWER, "members", ASKED_40),
        draft(),
        talk.FigureAnswer(REPORT, "members", accepted=False),
    )
    assert decision.effects == ()
    assert decision.state == at(Step.ANSWER, "members")
    assert decision.say == talk.Ask("members", "answer.retype")


def test_submitting_a_complete_report_submits_it_and_ends_the_conversation() -> None:
    decision = decide(at(Step.REVIEW), COMPLETE, talk.Submit(REPORT))
    assert decision.effects == (talk.SubmitReport(),)
    assert (decision.state, decision.say) == (None, talk.Submitted())


def test_submitting_a_report_with_a_required_answer_missing_is_stale() -> None:
    incomplete = draft(activity=ACTIVITY_DONE, note=Given("", None, skipped=True))
    decision = decide(at(Step.REVIEW), incomplete, talk.Submit(REPORT))
    assert (decision.effects, decision.say) == ((), talk.Stale())


def test_submitting_a_report_already_submitted_is_stale() -> None:
    submitted = Draft(REPORT, QUESTIONS, COMPLETE.answers, ReportState.SUBMITTED)
    decision = decide(at(Step.REVIEW), submitted, talk.Submit(REPORT))
    assert (decision.effects, decision.say) == ((), talk.Stale())


# --- cancelling ---------------------------------------------------------------------------------


def test_cancelling_ends_the_conversation_and_says_how_far_the_draft_got() -> None:
    decision = decide(at(Step.ANSWER, "members"), draft(activity=ACTIVITY_DONE), talk.Cancel())
    assert (decision.state, decision.effects) == (None, ())
    assert decision.say == talk.Cancelled(1, 3)


def test_cancelling_while_choosing_an_organization_ends_it() -> None:
    decision = decide(State(Step.CHOOSE_ORGANIZATION), None, talk.Cancel())
    assert (decision.state, decision.say) == (None, talk.Cancelled(0, 0))


# --- what deciding reads ----------------------------------------------------------------------


def test_a_figure_typed_needs_the_organizations_largest_earlier_answer() -> None:
    assert needs(at(Step.ANSWER, "members"), draft(), typed("5")) == Needs(largest_for="members")


def test_a_text_answer_needs_nothing_more() -> None:
    assert needs(at(Step.ANSWER, "activity"), draft(), typed("Ra quân")) == Needs()


def test_a_message_for_an_earlier_question_needs_that_answers_messages() -> None:
    event = talk.TypedEarlier("activity", "Thêm", 9)
    assert needs(at(Step.ANSWER, "members"), draft(), event) == Needs(parts_of="activity")


def test_every_event_has_a_rule() -> None:
    def leaves(cls: type[talk.Event]) -> set[type[talk.Event]]:
        found = set()
        for sub in cls.__subclasses__():
            found |= leaves(sub) or {sub}
        return found

    assert leaves(talk.Event) == set(RULES)


# --- a question answered by choosing (how far a direction has got) ----------------------------

FOLLOW_UP = Question("cd_12", "Rà soát hộ nghèo", AnswerKind.PROGRESS)


def with_follow_up(**answers: Given) -> Draft:
    return Draft(REPORT, (*QUESTIONS, FOLLOW_UP), answers)


@pytest.mark.parametrize("value", ["done", "in_progress", "not_started"])
def test_each_choice_answers_the_question_waiting_and_moves_on(value: str) -> None:
    answered = with_follow_up(activity=ACTIVITY_DONE, members=FIVE, note=Given("", None, True))
    decision = decide(at(Step.ANSWER, "cd_12"), answered, talk.Chose(REPORT, "cd_12", value))
    assert decision.effects == (talk.Put("cd_12", value, value, None),)
    assert decision.state == at(Step.REVIEW)


def test_no_change_is_a_choice_only_where_there_was_progress_before() -> None:
    fresh = with_follow_up()
    decision = decide(at(Step.ANSWER, "cd_12"), fresh, talk.Chose(REPORT, "cd_12", "unchanged"))
    assert decision.say == talk.Stale()
    reported = Question("cd_12", "Rà soát", AnswerKind.PROGRESS, previous="in_progress")
    before = Draft(REPORT, (reported,), {})
    decision = decide(at(Step.ANSWER, "cd_12"), before, talk.Chose(REPORT, "cd_12", "unchanged"))
    assert decision.effects == (talk.Put("cd_12", "unchanged", "unchanged", None),)


def test_a_progress_typed_with_a_note_is_read_and_kept_whole() -> None:
    answered = with_follow_up(activity=ACTIVITY_DONE, members=FIVE, note=Given("", None, True))
    decision = decide(at(Step.ANSWER, "cd_12"), answered, typed("đang làm, đã họp 3 thôn"))
    assert decision.effects == (talk.Put("cd_12", "đang làm, đã họp 3 thôn", "in_progress", 40),)


def test_a_progress_that_cannot_be_told_is_asked_again_not_guessed() -> None:
    decision = decide(at(Step.ANSWER, "cd_12"), with_follow_up(), typed("chưa xong"))
    assert decision.effects == ()
    assert decision.say == talk.Ask("cd_12", "answer.progress_unclear")


@pytest.mark.parametrize(
    "event",
    [
        talk.Chose(REPORT, "cd_12", "maybe"),  # not one of the question's choices
        talk.Chose(REPORT, "members", "done"),  # not the question waiting
        talk.Chose(REPORT + 1, "cd_12", "done"),  # another report's button
    ],
)
def test_a_choice_that_is_not_for_the_question_waiting_changes_nothing(event: talk.Chose) -> None:
    decision = decide(at(Step.ANSWER, "cd_12"), with_follow_up(), event)
    assert decision.effects == ()
    assert decision.say == talk.Stale()
