"""Weeks as people say them: "tuần 48 (23/11 – 29/11)", never the ISO code "2026-W48"
(commands still accept it)."""

from __future__ import annotations

from datetime import MAXYEAR

from bot.core.periods import PeriodKey
from bot.i18n import plain


def week(period: PeriodKey, lang: str) -> str:
    """ "tuần 48 (23/11 – 29/11)"; a week across the new year shows both years."""
    if _beyond_the_calendar(period):
        return _bare(period, lang)
    first, last = period.first_day(), period.day(7)
    if first.year == last.year:
        start, end = f"{first:%d/%m}", f"{last:%d/%m}"
    else:
        start, end = f"{first:%d/%m/%Y}", f"{last:%d/%m/%Y}"
    return plain("week.short", lang, number=period.week, first=start, last=end)


def week_long(period: PeriodKey, lang: str) -> str:
    """ "tuần 48, từ ngày 23/11 đến ngày 29/11/2026", as a document's title says it."""
    if _beyond_the_calendar(period):
        return _bare(period, lang)
    first, last = period.first_day(), period.day(7)
    start = f"{first:%d/%m}" if first.year == last.year else f"{first:%d/%m/%Y}"
    return plain("week.long", lang, number=period.week, first=start, last=f"{last:%d/%m/%Y}")


def week_number(period: PeriodKey, lang: str) -> str:
    """ "tuần 48": where the dates stand beside it (a chart's axis, a table's header)."""
    return plain("week.number", lang, number=period.week)


def first_up(text: str) -> str:
    """A phrase that starts a sentence or a label: "Tuần 48 (23/11 – 29/11)"."""
    return text[:1].upper() + text[1:]


def _beyond_the_calendar(period: PeriodKey) -> bool:
    """The last week of year 9999 ends in a year Python's dates do not have (someone typed
    it; it is refused, in words)."""
    return period.year == MAXYEAR and period.week >= 52


def _bare(period: PeriodKey, lang: str) -> str:
    return f"{week_number(period, lang)}/{period.year}"
