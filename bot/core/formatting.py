"""Figures and times as people read them: Vietnamese grouping (8.617; 12,5; 1.500.000 đ)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.core.answers import AnswerKind


def format_number(value: Decimal, lang: str) -> str:
    """8617 -> '8.617' in Vietnamese, '8,617' in English; decimals keep their digits."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = format(abs(value).normalize(), "f").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    text = thousands.join([whole, *groups])
    return f"{sign}{text}{decimal}{fraction}" if fraction else f"{sign}{text}"


def format_value(
    kind: AnswerKind,
    text: str,
    value: str | None,
    unit: str | None,
    lang: str,
    yes_no: tuple[str, str],
) -> str:
    """An answer for display: numbers regrouped with their unit, yes/no as words, text as is."""
    if kind in (AnswerKind.COUNT, AnswerKind.NUMBER, AnswerKind.MONEY) and value is not None:
        number = format_number(Decimal(value), lang)
        if kind is AnswerKind.MONEY:
            return f"{number} đ"
        return f"{number} {unit}" if unit else number
    if kind is AnswerKind.YESNO and value in ("yes", "no"):
        return yes_no[0] if value == "yes" else yes_no[1]
    return text


def document_day_month(day: date) -> tuple[str, str]:
    """Day and month as an administrative document writes them (Decree 30/2020/NĐ-CP): a day
    below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02", "ngày 30 tháng
    11"), so that nothing can be written in front of them."""
    return f"{day.day:02d}", f"{day.month:02d}" if day.month < 3 else str(day.month)


_SCALES = {
    "vi": ((Decimal(10**9), "tỷ"), (Decimal(10**6), "triệu")),
    "en": ((Decimal(10**9), "bn"), (Decimal(10**6), "M")),
}


def format_compact(value: Decimal, lang: str) -> str:
    """A figure short enough for a chart: 1500000000 -> '1,5 tỷ', 150000000 -> '150 triệu';
    below a million as ``format_number`` writes it, rounded to a whole number."""
    for scale, word in _SCALES.get(lang, _SCALES["en"]):
        if abs(value) >= scale:
            return f"{format_number(round(value / scale, 1), lang)} {word}"
    return format_number(Decimal(round(value)), lang)
