"""``decide``: one turn of the report conversation, and the table of its rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from bot.core.answers import (
    NUMERIC_KINDS,
    UNCHANGED,
    AnswerKind,
    AnswerProblem,
    ParsedAnswer,
    Unsure,
    parse_answer,
    parse_yesno,
)
from bot.core.conversation.events import (
    Attached,
    Cancel,
    Change,
    Chose,
    Event,
    FigureAnswer,
    Finish,
    ForOtherReport,
    Keep,
    Open,
    Pressed,
    Redelivered,
    Skip,
    Submit,
    Typed,
    TypedEarlier,
    TypedMaybeAgain,
    Unsupported,
    WrittenBefore,
)
from bot.core.conversation.replies import (
    Append,
    Ask,
    AskFigure,
    AskMore,
    Attach,
    Cancelled,
    Changed,
    Corrected,
    Decision,
    Effect,
    Kept,
    NoReport,
    Put,
    PutSkip,
    Received,
    Say,
    ShowReview,
    Stale,
    SubmitReport,
    Submitted,
    UseButtons,
)
from bot.core.conversation.state import (
    ANSWERING,
    ANY_STEP,
    WITH_REPORT,
    Draft,
    Given,
    Pending,
    ReportState,
    State,
    Step,
)
from bot.core.directions import Result
from bot.core.plausibility import Doubt, doubt
from bot.core.questionnaire import Question, is_complete, next_question, progress
from bot.core.text import fold_for_matching

RESULTS = frozenset(r.value for r in Result)  # the choices under a question of progress
SKIP_WORDS = frozenset({"bỏ qua", "bo qua", "skip", "bỏ", "không trả lời"})
DONE_WORDS = frozenset({"xong", "xong rồi", "xong roi", "tiếp", "tiep", "hết", "het", "done"})


# --- what deciding needs ----------------------------------------------------------------------


@dataclass(frozen=True)
class Needs:
    """What ``decide`` reads beyond the draft's answers, so that it is loaded only then."""

    largest_for: str | None = None  # the organization's largest earlier answer to this key
    parts_of: str | None = None  # the messages of this text answer


def needs(state: State, draft: Draft | None, event: Event) -> Needs:
    if draft is None:
        return Needs()
    if isinstance(event, TypedEarlier):
        return Needs(parts_of=event.key)
    question = draft.question(state.question_key)
    if (
        isinstance(event, Typed | TypedMaybeAgain | Attached)
        and question is not None
        and question.kind in NUMERIC_KINDS
    ):
        return Needs(largest_for=question.key)
    return Needs()


# --- deciding ---------------------------------------------------------------------------------


class _Turn:
    """One decision being made: the state and the draft as the effects so far leave them."""

    def __init__(self, state: State, draft: Draft | None) -> None:
        self.state: State | None = state
        self.draft = draft
        self.effects: list[Effect] = []

    @property
    def now(self) -> State:
        assert self.state is not None
        return self.state

    @property
    def report(self) -> Draft:
        assert self.draft is not None
        return self.draft

    def set(self, **changes: Any) -> None:
        self.state = replace(self.now, **changes)

    def end(self) -> None:
        self.state = None

    def store(self, effect: Effect) -> None:
        self.effects.append(effect)
        draft = self.report
        match effect:
            case Put(key, text, value, _):
                self.draft = draft.with_answer(key, Given(text, value))
            case PutSkip(key):
                self.draft = draft.with_answer(key, Given("", None, skipped=True))
            case Append(key, text, _):
                given = draft.answers[key]
                self.draft = draft.with_answer(
                    key, replace(given, text=f"{given.text}\n{text}", parts=(*given.parts, text))
                )
            case SubmitReport():
                self.draft = replace(draft, state=ReportState.SUBMITTED)

    def decision(self, say: Say) -> Decision:
        return Decision(self.state, say, tuple(self.effects), self.draft)


def decide(state: State, draft: Draft | None, event: Event) -> Decision:
    """The conversation's next state, what to store and what to say. ``draft``: the report
    of ``state`` (None while an organization or a period is chosen)."""
    assert state.report_id is None or draft is not None, "the state's report is not loaded"
    turn = _Turn(state, draft)
    return turn.decision(_act(turn, event))


# --- the steps of a turn ----------------------------------------------------------------------


def _reprompt(turn: _Turn, problem: str | None) -> Say:
    """Say what was wrong (if anything) and show again what the conversation waits for."""
    if turn.now.report_id is None:
        return UseButtons()
    if turn.now.step in (Step.REVIEW, Step.CHANGE_MENU):
        return ShowReview()
    question = turn.report.question(turn.now.question_key)
    if question is None:
        return _advance(turn)
    return Ask(question.key, problem)


def _advance(turn: _Turn) -> Say:
    """On to the next unanswered question, or to the review when there is none."""
    question = next_question(turn.report.questions, turn.report.states)
    if question is None:
        turn.set(step=Step.REVIEW, question_key=None, pending=None)
        return ShowReview()
    turn.set(step=Step.ANSWER, question_key=question.key, pending=None)
    return Ask(question.key)


def _after_answer(turn: _Turn, question: Question, old: Given | None) -> Say:
    if turn.now.step is not Step.CHANGE:
        return _advance(turn)
    if turn.report.submitted:
        turn.end()
        return Changed(question.key, old, turn.report.answers[question.key])
    turn.set(step=Step.REVIEW, question_key=None, pending=None)
    return ShowReview()


def _to_confirm(
    turn: _Turn,
    question: Question,
    text: str,
    value: str,
    why: Doubt,
    message_id: int | None,
    replacing: Given | None = None,
) -> Say:
    """Keep the figure aside and ask whether it is what the person meant."""
    turn.set(pending=Pending(question.key, text, value, why.code, message_id))
    return AskFigure(question.key, text, value, why.code, why.bound, replacing)


def _take_pending(turn: _Turn) -> Say:
    """The person said yes to the figure asked about: it answers its question (the one
    waiting; or an earlier one, corrected, and the one waiting is shown again)."""
    pending = turn.now.pending
    assert pending is not None
    turn.set(pending=None)
    question = turn.report.question(pending.key)
    if question is None:
        return _reprompt(turn, None)
    old = turn.report.answers.get(question.key)
    turn.store(Put(question.key, pending.text, pending.value, pending.message_id))
    if question.key == turn.now.question_key:
        return _after_answer(turn, question, old)
    new = turn.report.answers[question.key]
    return Corrected(question.key, old, new, _reprompt(turn, None))


def _declined(pending: Pending, waiting: str | None) -> str:
    """What to say when the person says no to the figure the bot asked about."""
    if pending.key != waiting:
        return "answer.correction_dropped"  # the earlier answer stays as it was
    if pending.reason == "answer.confirm_copy":
        return "answer.copy_dropped"
    return "answer.retype"


# --- what each event does ---------------------------------------------------------------------


def _open(turn: _Turn, event: Event) -> Say:
    draft = turn.report
    turn.state = State(Step.ANSWER, draft.report_id)
    if draft.submitted:
        turn.set(step=Step.CHANGE_MENU)
        return ShowReview()
    return _advance(turn)


def _typed(turn: _Turn, event: Event) -> Say:
    assert isinstance(event, Typed)
    return _answer(turn, event.text, event.message_id)


def _answer(turn: _Turn, text: str, message_id: int) -> Say:
    """``text`` as the answer to the question waiting."""
    question = turn.report.question(turn.now.question_key)
    if question is None:  # the template changed under the conversation
        return _advance(turn)
    words = fold_for_matching(text).rstrip(".!")
    given = turn.report.answers.get(question.key)
    has_text = given is not None and not given.skipped and bool(given.text)
    adding_text = question.kind is AnswerKind.TEXT and turn.now.step is Step.ANSWER

    if (pending := turn.now.pending) is not None:
        # A figure waits for a yes: "đúng"/"có" stores it, "không" drops it, and anything
        # else is read as the answer to the question now waiting.
        said = parse_yesno(text)
        if isinstance(said, ParsedAnswer) and said.value == "yes":
            return _take_pending(turn)
        turn.set(pending=None)
        if isinstance(said, ParsedAnswer):
            return _reprompt(turn, _declined(pending, turn.now.question_key))
    if words in SKIP_WORDS and not has_text:
        if question.required:
            return _reprompt(turn, "answer.required")
        turn.store(PutSkip(question.key))
        return _after_answer(turn, question, None)
    if adding_text and has_text and words in DONE_WORDS:
        return _advance(turn)

    parsed = parse_answer(question.kind, text, question.unit)
    if isinstance(parsed, AnswerProblem):
        return _reprompt(turn, parsed.code)
    if isinstance(parsed, Unsure):
        return _to_confirm(
            turn, question, parsed.text, parsed.value, Doubt(parsed.code), message_id
        )
    if parsed.value is not None and question.kind in NUMERIC_KINDS:
        found = doubt(question, Decimal(parsed.value), turn.report.largest)
        if found is not None:
            return _to_confirm(turn, question, parsed.text, parsed.value, found, message_id)
    if adding_text and has_text:
        turn.store(Append(question.key, parsed.text, message_id))
        return Received()
    turn.store(Put(question.key, parsed.text, parsed.value, message_id))
    if adding_text:
        return AskMore(question.key)
    return _after_answer(turn, question, given)


def _typed_earlier(turn: _Turn, event: Event) -> Say:
    """The same answer again is a repeat (acknowledged, nothing changes); another is a
    correction of that answer, confirmed first."""
    assert isinstance(event, TypedEarlier)
    question = turn.report.question(event.key)
    given = turn.report.answers.get(event.key)
    if question is None or given is None:
        return _reprompt(turn, "answer.earlier_unread")
    parsed = parse_answer(question.kind, event.text, question.unit)
    if isinstance(parsed, AnswerProblem):
        return _reprompt(turn, "answer.earlier_unread")
    if question.kind is AnswerKind.TEXT:
        if parsed.text not in given.parts:  # more of the same text answer
            turn.store(Append(question.key, parsed.text, event.message_id))
        return Received()
    if isinstance(parsed, ParsedAnswer) and not given.skipped and parsed.value == given.value:
        return Received()  # typed twice: the same answer, once
    # Another figure for an earlier question: a second thought, or the next answer typed
    # ahead of its question? Asked, never applied on a guess.
    assert parsed.value is not None
    return _to_confirm(
        turn,
        question,
        parsed.text,
        parsed.value,
        Doubt("answer.confirm_correction"),
        event.message_id,
        replacing=given,
    )


def _typed_maybe_again(turn: _Turn, event: Event) -> Say:
    """If the message gives again the answer of the person's message before, they are
    asked which it is; otherwise it answers the question waiting."""
    assert isinstance(event, TypedMaybeAgain)
    question = turn.report.question(turn.now.question_key) if turn.draft else None
    if event.previous is not None and question is not None and question.kind in NUMERIC_KINDS:
        parsed = parse_answer(question.kind, event.text, question.unit)
        if isinstance(parsed, ParsedAnswer) and parsed.value == event.previous:
            assert parsed.value is not None
            return _to_confirm(
                turn,
                question,
                parsed.text,
                parsed.value,
                Doubt("answer.confirm_copy"),
                event.message_id,
            )
    return _act(turn, Typed(event.text, event.message_id))


def _attached(turn: _Turn, event: Event) -> Say:
    assert isinstance(event, Attached)
    if turn.now.report_id is None:
        return NoReport()
    turn.effects.append(Attach(turn.now.question_key))
    question = turn.report.question(turn.now.question_key)
    if (
        event.caption
        and turn.now.step is Step.ANSWER
        and question is not None
        and question.kind is AnswerKind.TEXT
    ):
        return _answer(turn, event.caption, event.message_id)
    return Received()


def _redelivered(turn: _Turn, event: Event) -> Say:
    """A text answer begun: more may follow, or 'done'; otherwise the question again."""
    if turn.now.step is Step.ANSWER and turn.draft is not None:
        question = turn.report.question(turn.now.question_key)
        given = turn.report.answers.get(turn.now.question_key or "")
        text_begun = given is not None and not given.skipped and bool(given.text)
        if question is not None and question.kind is AnswerKind.TEXT and text_begun:
            return AskMore(question.key)
    return _reprompt(turn, None)


def _cancel(turn: _Turn, event: Event) -> Say:
    draft = turn.draft
    turn.end()
    if draft is None:
        return Cancelled(0, 0)
    return Cancelled(progress(draft.questions, draft.states), len(draft.questions))


def _skip(turn: _Turn, event: Event) -> Say:
    assert isinstance(event, Skip)
    question = turn.report.question(event.key)
    if event.key != turn.now.question_key or question is None or question.required:
        return Stale()
    turn.store(PutSkip(question.key))
    return _advance(turn)


def _finish(turn: _Turn, event: Event) -> Say:
    assert isinstance(event, Finish)
    given = turn.report.answers.get(event.key)
    if event.key != turn.now.question_key or given is None or given.skipped:
        return Stale()
    return _advance(turn)


def _chose(turn: _Turn, event: Event) -> Say:
    """A choice stands for the answer typed as its value; no note comes with it."""
    assert isinstance(event, Chose)
    question = turn.report.question(event.key)
    if event.key != turn.now.question_key or question is None or turn.now.pending is not None:
        return Stale()
    unchanged = event.value == UNCHANGED and question.previous is not None
    if question.kind is not AnswerKind.PROGRESS or not (unchanged or event.value in RESULTS):
        return Stale()  # not one of this question's choices
    old = turn.report.answers.get(question.key)
    turn.store(Put(question.key, event.value, event.value, None))
    return _after_answer(turn, question, old)


def _figure_answer(turn: _Turn, event: Event) -> Say:
    assert isinstance(event, FigureAnswer)
    pending = turn.now.pending
    if pending is None or pending.key != event.key:
        return Stale()
    if event.accepted:
        return _take_pending(turn)
    turn.set(pending=None)
    return _reprompt(turn, _declined(pending, turn.now.question_key))


def _submit(turn: _Turn, event: Event) -> Say:
    draft = turn.report
    if draft.submitted or not is_complete(draft.questions, draft.states):
        return Stale()
    turn.store(SubmitReport())
    turn.end()
    return Submitted()


def _change(turn: _Turn, event: Event) -> Say:
    assert isinstance(event, Change)
    if turn.report.question(event.key) is None:
        return Stale()
    turn.set(step=Step.CHANGE, question_key=event.key, pending=None)
    return Ask(event.key, current=turn.report.answers.get(event.key))


def _keep(turn: _Turn, event: Event) -> Say:
    turn.end()
    return Kept()


def _stale(turn: _Turn, event: Event) -> Say:
    return Stale()


def _use_buttons(turn: _Turn, event: Event) -> Say:
    return _reprompt(turn, "answer.use_buttons")


def _problem(code: str) -> Callable[[_Turn, Event], Say]:
    def reprompt(turn: _Turn, event: Event) -> Say:
        return _reprompt(turn, code)

    return reprompt


def _act(turn: _Turn, event: Event) -> Say:
    """What ``event`` does in the step the conversation is at (see ``RULES``)."""
    rule = RULES[type(event)]
    acts = turn.now.step in rule.steps
    if isinstance(event, Pressed):  # a button of this report, not of one before
        acts = acts and turn.now.report_id == event.report_id
    return (rule.act if acts else rule.otherwise)(turn, event)


# --- the conversation on one page -------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    steps: frozenset[Step]  # where the event acts
    act: Callable[[_Turn, Event], Say]
    otherwise: Callable[[_Turn, Event], Say] = field(default=_stale)


_ONLY_ANSWER = frozenset({Step.ANSWER})
_REVIEW = frozenset({Step.REVIEW})
_SUBMITTED_MENU = frozenset({Step.CHANGE_MENU})
_REVIEWING = _REVIEW | _SUBMITTED_MENU
_UNREAD = _problem("answer.earlier_unread")

RULES: Mapping[type[Event], Rule] = {
    # event: Rule(the steps it acts in, what it does there, what it does in any other step)
    Open: Rule(ANY_STEP, _open),
    Typed: Rule(ANSWERING, _typed, _use_buttons),
    TypedEarlier: Rule(WITH_REPORT, _typed_earlier, _UNREAD),
    TypedMaybeAgain: Rule(ANY_STEP, _typed_maybe_again),
    WrittenBefore: Rule(ANY_STEP, _problem("answer.written_before")),
    ForOtherReport: Rule(ANY_STEP, _problem("answer.other_report")),
    Unsupported: Rule(ANY_STEP, _problem("answer.unsupported")),
    Attached: Rule(ANY_STEP, _attached),
    Redelivered: Rule(ANY_STEP, _redelivered),
    Cancel: Rule(ANY_STEP, _cancel),
    Skip: Rule(_ONLY_ANSWER, _skip, _stale),
    Finish: Rule(_ONLY_ANSWER, _finish, _stale),
    FigureAnswer: Rule(ANSWERING, _figure_answer, _stale),
    Chose: Rule(ANSWERING, _chose, _stale),
    Submit: Rule(_REVIEW, _submit, _stale),
    Change: Rule(_REVIEWING, _change, _stale),
    Keep: Rule(_SUBMITTED_MENU, _keep, _stale),
}
