"""What a button press carries: one small frozen dataclass per kind of button.

Telegram gives a button 64 bytes of data. Each kind packs to its prefix and its fields joined
by ":" ("o:123:7"), the layout the bot has always used, so buttons already in chats keep
working. A field named ``owner`` is the user id of the only person who may press the button;
a press by anyone else is refused before anything is looked up. ``unpack`` reads data back
into its dataclass, or gives None for anything that does not fit (an old layout, a forged or
garbled press), so no handler ever sees an argument it cannot use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, ClassVar, get_type_hints

from bot.core.periods import PeriodKey

MAX_BYTES = 64
_ID = re.compile(r"^-?[0-9]{1,19}$")
_KEY = re.compile(r"^[a-z0-9_]{1,24}$")


@dataclass(frozen=True)
class Press:
    """A kind of button. Subclasses are frozen dataclasses declared with their prefix:
    ``class Keep(Press, prefix="k")``."""

    prefix: ClassVar[str]
    # Pressed by many people, each for themselves: the button stays after a press.
    stays: ClassVar[bool] = False
    _kinds: ClassVar[dict[str, type[Press]]] = {}

    def __init_subclass__(cls, *, prefix: str, stays: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if prefix in Press._kinds or ":" in prefix:
            raise ValueError(f"button prefix {prefix!r} taken or malformed")
        cls.prefix, cls.stays = prefix, stays
        Press._kinds[prefix] = cls

    @property
    def owner_id(self) -> int | None:
        """Who alone may press it; None when the service decides (e.g. the secretariat)."""
        owner = getattr(self, "owner", None)
        return owner if isinstance(owner, int) else None

    def pack(self) -> str:
        values = (str(getattr(self, f.name)) for f in fields(self))
        data = ":".join([self.prefix, *values])
        if len(data.encode()) > MAX_BYTES:  # Telegram would refuse the whole message
            raise ValueError(f"button data over {MAX_BYTES} bytes: {data!r}")
        return data


def unpack(data: str) -> Press | None:
    """The press ``data`` stands for; None for anything that does not fit its layout."""
    prefix, *parts = data.split(":")
    kind = Press._kinds.get(prefix)
    if kind is None:
        return None
    layout = _layout(kind)
    if len(parts) != len(layout):
        return None
    values: list[object] = []
    for (_, of_type), text in zip(layout, parts, strict=True):
        value = _read(of_type, text)
        if value is None:
            return None
        values.append(value)
    return kind(*values)


_LAYOUTS: dict[type[Press], tuple[tuple[str, type], ...]] = {}


def _layout(kind: type[Press]) -> tuple[tuple[str, type], ...]:
    if kind not in _LAYOUTS:
        hints = get_type_hints(kind)
        _LAYOUTS[kind] = tuple((f.name, hints[f.name]) for f in fields(kind))
    return _LAYOUTS[kind]


def _read(of_type: type, text: str) -> object | None:
    if of_type is int:
        return int(text) if _ID.match(text) and abs(int(text)) < 2**63 else None
    if of_type is str:
        return text if _KEY.match(text) else None
    if of_type is PeriodKey:
        try:
            return PeriodKey.parse(text)
        except ValueError:
            return None
    raise TypeError(f"a button field cannot be of type {of_type}")


# --- the report conversation --------------------------------------------------------------


@dataclass(frozen=True)
class ChooseOrganization(Press, prefix="o"):
    owner: int
    organization: int


@dataclass(frozen=True)
class ChoosePeriod(Press, prefix="w"):
    owner: int
    organization: int
    period: PeriodKey


@dataclass(frozen=True)
class SkipQuestion(Press, prefix="s"):
    owner: int
    report: int
    question: str


@dataclass(frozen=True)
class FinishText(Press, prefix="d"):
    """ "Done" under a question that takes several messages."""

    owner: int
    report: int
    question: str


@dataclass(frozen=True)
class FigureRight(Press, prefix="y"):
    """The figure the bot asked about is what the person meant."""

    owner: int
    report: int
    question: str


@dataclass(frozen=True)
class FigureAgain(Press, prefix="n"):
    """It is not: the question again."""

    owner: int
    report: int
    question: str


@dataclass(frozen=True)
class Submit(Press, prefix="c"):
    owner: int
    report: int


@dataclass(frozen=True)
class Change(Press, prefix="e"):
    owner: int
    report: int
    question: str


@dataclass(frozen=True)
class Keep(Press, prefix="k"):
    """Keep the submitted report as it is (after asking to change it)."""

    owner: int
    report: int


@dataclass(frozen=True)
class ReportNow(Press, prefix="b", stays=True):
    """Under the call for reports: anyone may press it, and it stays for the others."""


# --- membership ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Join(Press, prefix="j"):
    owner: int
    organization: int


@dataclass(frozen=True)
class Approve(Press, prefix="a"):
    """Under a request to join; the service checks the presser is of the secretariat."""

    request: int


@dataclass(frozen=True)
class Reject(Press, prefix="r"):
    request: int


@dataclass(frozen=True)
class Remove(Press, prefix="x"):
    owner: int
    membership: int


# --- documents ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SkipNote(Press, prefix="t"):
    """Leave a heading of the Word report empty, to be filled in by hand."""

    owner: int
    note: int


# --- the week -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Holiday(Press, prefix="h"):
    """The secretariat makes this period a holiday."""

    owner: int
    period: PeriodKey


@dataclass(frozen=True)
class Excuse(Press, prefix="v"):
    """The secretariat excuses one organization this period."""

    owner: int
    organization: int
    period: PeriodKey


@dataclass(frozen=True)
class Choose(Press, prefix="q"):
    """A question answered by choosing (how far a direction has got)."""

    owner: int
    report: int
    question: str
    value: str


# --- directions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ToggleTarget(Press, prefix="gt"):
    """Choose or unchoose an organization for a draft direction (0: all of them)."""

    owner: int
    draft: int
    organization: int


@dataclass(frozen=True)
class TargetsChosen(Press, prefix="gc"):
    owner: int
    draft: int


@dataclass(frozen=True)
class TextDone(Press, prefix="gx"):
    owner: int
    draft: int


@dataclass(frozen=True)
class DueChoice(Press, prefix="gd"):
    """ "none", "week" (end of this week) or "deadline" (the next report deadline)."""

    owner: int
    direction: int
    choice: str


@dataclass(frozen=True)
class SendDirection(Press, prefix="gs"):
    owner: int
    draft: int


@dataclass(frozen=True)
class DropDirection(Press, prefix="gq"):
    """Abandon the draft, or the change being asked for."""

    owner: int
    direction: int


@dataclass(frozen=True)
class Acknowledge(Press, prefix="ga", stays=True):
    """ "Đã nhận", under a direction: each addressed organization's leaders press it."""

    direction: int


@dataclass(frozen=True)
class ReportResult(Press, prefix="gr", stays=True):
    """ "Báo cáo kết quả", under a direction."""

    direction: int


@dataclass(frozen=True)
class ResultFor(Press, prefix="go"):
    owner: int
    direction: int
    organization: int


@dataclass(frozen=True)
class ResultChoice(Press, prefix="gk"):
    owner: int
    direction: int
    organization: int
    result: str


@dataclass(frozen=True)
class NoNote(Press, prefix="gz"):
    """No note with the result (or no reason for closing)."""

    owner: int
    direction: int


@dataclass(frozen=True)
class ShowDirection(Press, prefix="gv"):
    """A direction of a leader's list, by its number, opened to act on it."""

    owner: int
    number: int


@dataclass(frozen=True)
class ChangeDue(Press, prefix="ge"):
    owner: int
    direction: int


@dataclass(frozen=True)
class CloseDirection(Press, prefix="gl"):
    owner: int
    direction: int


@dataclass(frozen=True)
class WithdrawDirection(Press, prefix="gw"):
    owner: int
    direction: int


# --- response plans -----------------------------------------------------------------------


@dataclass(frozen=True)
class SwitchLevel(Press, prefix="ps"):
    """The secretariat asks to switch the plan to another situation (confirmed next)."""

    owner: int
    plan: int
    level: int


@dataclass(frozen=True)
class ConfirmSwitch(Press, prefix="pc"):
    owner: int
    plan: int
    level: int


@dataclass(frozen=True)
class KeepLevel(Press, prefix="pn"):
    """Not now: the situation stays as it is."""

    owner: int
    plan: int


@dataclass(frozen=True)
class OpenTask(Press, prefix="pt"):
    owner: int
    carrier: int


@dataclass(frozen=True)
class TaskProgress(Press, prefix="pk"):
    """A unit's progress on a task: not_started, in_progress, done."""

    owner: int
    carrier: int
    state: str


@dataclass(frozen=True)
class TasksFrom(Press, prefix="pf"):
    """ "Xem tiếp" under a list of tasks: the list from ``start``."""

    owner: int
    start: int


@dataclass(frozen=True)
class TaskNoNote(Press, prefix="pz"):
    owner: int
    carrier: int
