"""Button data: short, owned by one person where it must be, and forged data is refused."""

from __future__ import annotations

import pytest

from bot import callbacks
from bot.core.periods import PeriodKey


def test_a_personal_button_names_the_only_person_who_may_press_it() -> None:
    data = callbacks.encode(callbacks.CHOOSE_PERIOD, 500011, 7, PeriodKey(2026, 47))

    decoded = callbacks.decode(data)

    assert decoded == callbacks.Callback(callbacks.CHOOSE_PERIOD, 500011, ("7", "2026-W47"))
    assert decoded.int_arg(0) == 7
    assert decoded.period_arg(1) == PeriodKey(2026, 47)


def test_approve_and_reject_belong_to_nobody_in_particular() -> None:
    # The service checks that the presser is in the secretariat.
    assert callbacks.decode("a:12") == callbacks.Callback(callbacks.APPROVE, None, ("12",))
    assert callbacks.decode("r:12") == callbacks.Callback(callbacks.REJECT, None, ("12",))


@pytest.mark.parametrize(
    "data",
    ["", ":", "zz:1:2", "c", "c:notanumber", "a:x", "a:1:2", "r:", "j::", "x:1e3:4",
     "c:500011:abc", "c:500011", "s:500011:7", "s:500011:7:Bad Key", "w:500011:5:9999-W99",
     "w:500011:5", "h:500001:2026-W48:extra", "v:500001:x:2026-W48", "b:1", "a:" + "9" * 40,
     "o:" + "1" * 25 + ":3"],
)  # fmt: skip
def test_forged_or_malformed_data_decodes_to_nothing(data: str) -> None:
    assert callbacks.decode(data) is None


def test_data_stays_within_telegrams_64_bytes() -> None:
    longest = callbacks.encode(callbacks.CHANGE, 2**53, 2**31, "q" * 24)

    assert len(longest.encode()) <= 64
    with pytest.raises(ValueError, match="over 64 bytes"):
        callbacks.encode(callbacks.CHANGE, 1, 1, "q" * 64)
