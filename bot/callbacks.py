"""Button data: short strings (Telegram allows 64 bytes) naming an action and its arguments.

Buttons meant for one person carry that person's user id, so a press by anyone else is
refused before anything is looked up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.periods import PeriodKey

CHOOSE_ORGANIZATION = "o"
CHOOSE_PERIOD = "w"
SKIP = "s"
DONE = "d"
CONFIRM = "c"
CHANGE = "e"
KEEP = "k"
JOIN = "j"
APPROVE = "a"
REJECT = "r"
REMOVE = "x"
HOLIDAY = "h"  # the secretariat makes this period a holiday
EXCUSE = "v"  # the secretariat excuses one organization this period
START = "b"  # "Report now" under the call for reports: anyone may press it
FIGURE_RIGHT = "y"  # the figure the bot asked about is what the person meant
FIGURE_AGAIN = "n"  # it is not: the question again

# Buttons that stay after a press (pressed by many people, each for themselves).
SHARED = frozenset({START})

# What follows each action's owner (if it has one): i an id, p a period, k a question key.
# Data that does not fit (an old layout, a forged or garbled press) decodes to nothing, so no
# handler ever sees an argument it cannot use.
ARGUMENTS = {
    CHOOSE_ORGANIZATION: "i", CHOOSE_PERIOD: "ip", SKIP: "ik", DONE: "ik", CONFIRM: "i",
    CHANGE: "ik", KEEP: "i", JOIN: "i", REMOVE: "i", HOLIDAY: "p", EXCUSE: "ip",
    START: "", APPROVE: "i", REJECT: "i", FIGURE_RIGHT: "ik", FIGURE_AGAIN: "ik",
}  # fmt: skip

# Actions whose second field is the user id of the only person who may press the button.
PERSONAL = frozenset({CHOOSE_ORGANIZATION, CHOOSE_PERIOD, SKIP, DONE, CONFIRM, CHANGE, KEEP,
                      JOIN, REMOVE, HOLIDAY, EXCUSE, FIGURE_RIGHT, FIGURE_AGAIN})  # fmt: skip

_ID = re.compile(r"^-?[0-9]{1,19}$")
_KEY = re.compile(r"^[a-z0-9_]{1,24}$")


@dataclass(frozen=True)
class Callback:
    action: str
    owner: int | None  # who may press it (None: checked by the service, e.g. secretariat)
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        return int(self.args[index])

    def period_arg(self, index: int) -> PeriodKey:
        return PeriodKey.parse(self.args[index])


def encode(action: str, *args: object) -> str:
    data = ":".join([action, *(str(a) for a in args)])
    if len(data.encode()) > 64:  # Telegram would refuse the whole message
        raise ValueError(f"button data over 64 bytes: {data!r}")
    return data


def decode(data: str) -> Callback | None:
    """Parse button data; None for anything that does not fit its action's layout."""
    action, *fields = data.split(":")
    kinds = ARGUMENTS.get(action)
    owner: int | None = None
    if kinds is None:
        return None
    if action in PERSONAL:
        if not fields or not _ID.match(fields[0]):
            return None
        owner, fields = int(fields[0]), fields[1:]
    if len(fields) != len(kinds) or not all(map(_fits, kinds, fields)):
        return None
    return Callback(action, owner, tuple(fields))


def _fits(kind: str, text: str) -> bool:
    if kind == "i":
        return bool(_ID.match(text)) and abs(int(text)) < 2**63
    if kind == "k":
        return bool(_KEY.match(text))
    try:
        PeriodKey.parse(text)
    except ValueError:
        return False
    return True
