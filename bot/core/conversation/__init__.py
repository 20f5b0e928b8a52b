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
from bot.core.conversation.machine import (
    DONE_WORDS,
    RULES,
    SKIP_WORDS,
    Needs,
    Rule,
    decide,
    needs,
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

__all__ = [
    "ANSWERING",
    "ANY_STEP",
    "DONE_WORDS",
    "RULES",
    "SKIP_WORDS",
    "WITH_REPORT",
    "Append",
    "Ask",
    "AskFigure",
    "AskMore",
    "Attach",
    "Attached",
    "Cancel",
    "Cancelled",
    "Change",
    "Changed",
    "Chose",
    "Corrected",
    "Decision",
    "Draft",
    "Effect",
    "Event",
    "FigureAnswer",
    "Finish",
    "ForOtherReport",
    "Given",
    "Keep",
    "Kept",
    "Needs",
    "NoReport",
    "Open",
    "Pending",
    "Pressed",
    "Put",
    "PutSkip",
    "Received",
    "Redelivered",
    "ReportState",
    "Rule",
    "Say",
    "ShowReview",
    "Skip",
    "Stale",
    "State",
    "Step",
    "Submit",
    "SubmitReport",
    "Submitted",
    "Typed",
    "TypedEarlier",
    "TypedMaybeAgain",
    "Unsupported",
    "UseButtons",
    "WrittenBefore",
    "decide",
    "needs",
]
