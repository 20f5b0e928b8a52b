from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.core.formatting import document_day_month, format_compact, format_number


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


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("1500000000", "vi", "1,5 tỷ"),
        ("9000000000", "vi", "9 tỷ"),
        ("150000000", "vi", "150 triệu"),
        ("2250000", "vi", "2,2 triệu"),  # rounded half to even, as Decimal does
        ("999999", "vi", "999.999"),
        ("684", "vi", "684"),
        ("12.6", "vi", "13"),
        ("1500000000", "en", "1.5 bn"),
        ("-3000000", "en", "-3 M"),
        ("0", "vi", "0"),
    ],
)
def test_a_compact_figure_for_charts_says_millions_and_billions_in_words(
    value: str, lang: str, expected: str
) -> None:
    assert format_compact(Decimal(value), lang) == expected
