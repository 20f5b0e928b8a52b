"""Button data: short strings (Telegram allows 64 bytes) naming an action and its arguments.

Buttons meant for one person carry that person's user id, so a press by anyone else is
refused before anything is looked up.
"""

from __future__ import annotations

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

# Buttons that stay after a press (pressed by many people, each for themselves).
SHARED = frozenset({START})

# Actions whose second field is the user id of the only person who may press the button.
PERSONAL = frozenset({CHOOSE_ORGANIZATION, CHOOSE_PERIOD, SKIP, DONE, CONFIRM, CHANGE, KEEP,
                      JOIN, REMOVE, HOLIDAY, EXCUSE})  # fmt: skip


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
    """Parse button data; None for anything malformed (old or forged buttons)."""
    action, *args = data.split(":")
    try:
        if action in PERSONAL:
            owner, *rest = args
            return Callback(action, int(owner), tuple(rest))
        if action == START and not args:
            return Callback(action, None, ())
        if action in (APPROVE, REJECT) and len(args) == 1:
            int(args[0])
            return Callback(action, None, tuple(args))
    except ValueError:
        return None
    return None
