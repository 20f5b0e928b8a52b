"""The report conversation as a pure state machine.

A leader writes a report by answering its questions one by one, then reviews and submits it;
after submission they may change an answer. Everything the person can do is an *event*; one
function, ``decide(state, draft, event)``, returns the conversation's next state, what to
store and what to say. The service around it loads the state and the draft, calls
``decide``, applies the effects in one unit of work and puts the answer into words.

The table at the end (``RULES``) is the whole conversation on one page: for each event, the
steps in which it acts and what it does there, and what happens in any other step.

Questions are whatever the draft lists: today the group's template for the organization.
Questions asked after the template (a direction to follow up, a plan task to report on) are
more entries in ``Draft.questions`` with keys of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any

from bot.core.answers import (
    NUMERIC_KINDS,
    AnswerKind,
    AnswerProblem,
    ParsedAnswer,
    Unsure,
    parse_answer,
    parse_yesno,
)
from bot.core.plausibility import Doubt, doubt
from bot.core.questionnaire import AnswerState, Question, is_complete, next_question, progress
from bot.core.text import fold_for_matching

SKIP_WORDS = frozenset({"bỏ qua", "bo qua", "skip", "bỏ", "không trả lời"})
DONE_WORDS = frozenset({"xong", "xong rồi", "xong roi", "tiếp", "tiep", "hết", "het", "done"})


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


# --- events: what the person did --------------------------------------------------------------


class Event:
    """Base of everything a person can do in the conversation."""


@dataclass(frozen=True)
class Open(Event):
    """Begin the report (``draft``) or continue it where it stands."""


@dataclass(frozen=True)
class Typed(Event):
    """A message for the question waiting."""

    text: str
    message_id: int


@dataclass(frozen=True)
class TypedEarlier(Event):
    """A message for an earlier question of the report: written before the question now
    waiting was shown, or a reply to the earlier question."""

    key: str
    text: str
    message_id: int


@dataclass(frozen=True)
class TypedMaybeAgain(Event):
    """A message when the bot does not know whether the question waiting had been shown:
    ``previous`` is the value the person's message before it answered, if any."""

    text: str
    message_id: int
    previous: str | None


@dataclass(frozen=True)
class WrittenBefore(Event):
    """A message written before the report's first question was shown."""


@dataclass(frozen=True)
class ForOtherReport(Event):
    """A reply to a question of another report of the person's."""


@dataclass(frozen=True)
class Attached(Event):
    """A photo, document, voice note or video, perhaps with a caption."""

    caption: str | None
    message_id: int


@dataclass(frozen=True)
class Unsupported(Event):
    """A sticker or anything else that cannot be an answer."""


@dataclass(frozen=True)
class Redelivered(Event):
    """An update handled before came again: show what the conversation waits for."""


@dataclass(frozen=True)
class Cancel(Event):
    """/cancel: stop asking; the draft stays."""


@dataclass(frozen=True)
class Pressed(Event):
    """A button under one of the report's messages."""

    report_id: int


@dataclass(frozen=True)
class Skip(Pressed):
    key: str


@dataclass(frozen=True)
class Finish(Pressed):
    """'Done' after a text answer given in one or more messages."""

    key: str


@dataclass(frozen=True)
class FigureAnswer(Pressed):
    """'Đúng' (the figure asked about is the answer) or 'Nhập lại'."""

    key: str
    accepted: bool


@dataclass(frozen=True)
class Submit(Pressed):
    pass


@dataclass(frozen=True)
class Change(Pressed):
    """Pick an answer to change, from the review or after submission."""

    key: str


@dataclass(frozen=True)
class Keep(Pressed):
    """Keep the submitted report as it is."""


# --- effects: what to store -----------------------------------------------------------------


class Effect:
    """Base of every change to the stored report."""


@dataclass(frozen=True)
class Put(Effect):
    """The answer to ``key`` is this message's (any earlier answer is replaced; after
    submission the change is kept in the revision history)."""

    key: str
    text: str
    value: str | None
    message_id: int | None


@dataclass(frozen=True)
class Append(Effect):
    """One more message of a text answer."""

    key: str
    text: str
    message_id: int


@dataclass(frozen=True)
class PutSkip(Effect):
    key: str


@dataclass(frozen=True)
class Attach(Effect):
    """Keep the attachment with the report, filed under ``key`` (the question waiting)."""

    key: str | None


@dataclass(frozen=True)
class SubmitReport(Effect):
    pass


# --- what to say ----------------------------------------------------------------------------


class Say:
    """Base of every reply the conversation gives."""


@dataclass(frozen=True)
class Ask(Say):
    key: str
    problem: str | None = None  # catalogue key of why the last answer was refused
    current: Given | None = None  # the answer being changed


@dataclass(frozen=True)
class AskMore(Say):
    """The first message of a text answer is saved: more may follow, or 'done'."""

    key: str


@dataclass(frozen=True)
class AskFigure(Say):
    """Is this figure what the person meant?"""

    key: str
    text: str
    value: str
    reason: str
    bound: Decimal | None = None  # the limit or earlier figure it was compared with
    replacing: Given | None = None  # the answer it would replace


@dataclass(frozen=True)
class ShowReview(Say):
    pass


@dataclass(frozen=True)
class Received(Say):
    """Saved; acknowledged quietly."""


@dataclass(frozen=True)
class Corrected(Say):
    """An earlier answer changed; the question now waiting is shown again (``then``)."""

    key: str
    old: Given | None
    new: Given
    then: Say


@dataclass(frozen=True)
class Changed(Say):
    """An answer of a submitted report changed; the conversation ends."""

    key: str
    old: Given | None
    new: Given


@dataclass(frozen=True)
class Submitted(Say):
    pass


@dataclass(frozen=True)
class Kept(Say):
    pass


@dataclass(frozen=True)
class Cancelled(Say):
    answered: int
    total: int


@dataclass(frozen=True)
class Stale(Say):
    """A button the conversation no longer waits for."""


@dataclass(frozen=True)
class UseButtons(Say):
    """Text came while the bot waits for a button press (an organization, a period)."""


@dataclass(frozen=True)
class NoReport(Say):
    """Nothing is being reported that this could belong to."""


@dataclass(frozen=True)
class Decision:
    state: State | None  # None: the conversation ends
    say: Say
    effects: tuple[Effect, ...] = ()
    draft: Draft | None = None  # the draft as the effects leave it: what the reply shows


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
        return _to_confirm(turn, question, parsed.text, parsed.value, Doubt(parsed.code),
                           message_id)  # fmt: skip
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
    return _to_confirm(turn, question, parsed.text, parsed.value,
                       Doubt("answer.confirm_correction"), event.message_id,
                       replacing=given)  # fmt: skip


def _typed_maybe_again(turn: _Turn, event: Event) -> Say:
    """If the message gives again the answer of the person's message before, they are
    asked which it is; otherwise it answers the question waiting."""
    assert isinstance(event, TypedMaybeAgain)
    question = turn.report.question(turn.now.question_key) if turn.draft else None
    if event.previous is not None and question is not None and question.kind in NUMERIC_KINDS:
        parsed = parse_answer(question.kind, event.text, question.unit)
        if isinstance(parsed, ParsedAnswer) and parsed.value == event.previous:
            assert parsed.value is not None
            return _to_confirm(turn, question, parsed.text, parsed.value,
                               Doubt("answer.confirm_copy"), event.message_id)  # fmt: skip
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
_REVIEWING = frozenset({Step.REVIEW, Step.CHANGE_MENU})
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
    Submit: Rule(_REVIEWING - {Step.CHANGE_MENU}, _submit, _stale),
    Change: Rule(_REVIEWING, _change, _stale),
    Keep: Rule(_REVIEWING - {Step.REVIEW}, _keep, _stale),
}
