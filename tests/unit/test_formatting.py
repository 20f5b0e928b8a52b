from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.core.formatting import document_day_month, format_number


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 30), ("30", "11")),
        (date(2026, 3, 5), ("05", "3")),
        (date(2027, 2, 14), ("14", "02")),
        (date(2027, 1, 1), ("01", "01")),
        (date(2026, 12, 9), ("09", "12")),
    ],
)
def test_a_document_date_pads_days_below_ten_and_the_months_january_and_february(
    day: date, expected: tuple[str, str]
) -> None:
    assert document_day_month(day) == expected


def test_numbers_are_grouped_the_vietnamese_way() -> None:
    assert format_number(Decimal("1502500000"), "vi") == "1.502.500.000"
    assert format_number(Decimal("-2.5"), "vi") == "-2,5"
    assert format_number(Decimal("8617"), "en") == "8,617"
