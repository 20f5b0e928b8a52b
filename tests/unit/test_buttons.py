"""Button data: typed, short, owned by one person where it must be, and forged data is
refused; the layout is the one buttons already in chats carry."""

from __future__ import annotations

import pytest

from bot import buttons
from bot.buttons import unpack
from bot.core.periods import PeriodKey


def test_a_personal_button_names_the_only_person_who_may_press_it() -> None:
    press = buttons.ChoosePeriod(500011, 7, PeriodKey(2026, 47))

    data = press.pack()

    assert data == "w:500011:7:2026-W47"
    assert unpack(data) == press
    assert press.owner_id == 500011


def test_approve_and_reject_belong_to_nobody_in_particular() -> None:
    # The service checks that the presser is in the secretariat.
    assert unpack("a:12") == buttons.Approve(12)
    assert unpack("r:12") == buttons.Reject(12)
    assert buttons.Approve(12).owner_id is None


def test_report_now_stays_for_everyone_else_and_carries_nothing() -> None:
    assert buttons.ReportNow().pack() == "b"
    assert unpack("b") == buttons.ReportNow()
    assert buttons.ReportNow.stays
    assert not buttons.Submit.stays


@pytest.mark.parametrize(
    ("data", "press"),
    [
        ("o:5:7", buttons.ChooseOrganization(5, 7)),
        ("s:5:9:q_1", buttons.SkipQuestion(5, 9, "q_1")),
        ("d:5:9:q_1", buttons.FinishText(5, 9, "q_1")),
        ("y:5:9:q_1", buttons.FigureRight(5, 9, "q_1")),
        ("n:5:9:q_1", buttons.FigureAgain(5, 9, "q_1")),
        ("c:5:9", buttons.Submit(5, 9)),
        ("e:5:9:q_1", buttons.Change(5, 9, "q_1")),
        ("k:5:9", buttons.Keep(5, 9)),
        ("j:5:3", buttons.Join(5, 3)),
        ("x:5:4", buttons.Remove(5, 4)),
        ("h:5:2026-W48", buttons.Holiday(5, PeriodKey(2026, 48))),
        ("v:5:3:2026-W48", buttons.Excuse(5, 3, PeriodKey(2026, 48))),
    ],
)
def test_every_kind_reads_the_data_it_packs_in_the_layout_chats_already_hold(
    data: str, press: buttons.Press
) -> None:
    assert unpack(data) == press
    assert press.pack() == data


@pytest.mark.parametrize(
    "data",
    ["", ":", "zz:1:2", "c", "c:notanumber", "a:x", "a:1:2", "r:", "j::", "x:1e3:4",
     "c:500011:abc", "c:500011", "s:500011:7", "s:500011:7:Bad Key", "w:500011:5:9999-W99",
     "w:500011:5", "h:500001:2026-W48:extra", "v:500001:x:2026-W48", "b:1", "a:" + "9" * 40,
     "o:" + "1" * 25 + ":3"],
)  # fmt: skip
def test_forged_or_malformed_data_unpacks_to_nothing(data: str) -> None:
    assert unpack(data) is None


def test_data_stays_within_telegrams_64_bytes() -> None:
    longest = buttons.Change(2**53, 2**31, "q" * 24).pack()

    assert len(longest.encode()) <= 64
    with pytest.raises(ValueError, match="over 64 bytes"):
        buttons.Change(1, 1, "q" * 64).pack()


def test_two_kinds_cannot_share_a_prefix() -> None:
    with pytest.raises(ValueError, match="taken"):

        class Again(buttons.Press, prefix="o"):
            pass
