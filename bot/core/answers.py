"""Parsing typed answers the Vietnamese way.

``8.617`` is eight thousand six hundred seventeen, ``1,5`` is one and a half,
``2 triệu``/``2tr``/``2 củ`` is 2,000,000 đồng, ``2tr5`` and ``2 triệu rưỡi`` are 2,500,000.
A parse never guesses between two readings: an ambiguous answer is refused with an example,
and the leader is asked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.core.amounts import (
    COUNT_UNITS,
    CURRENCY,
    MASSES,
    Reading,
    Unreadable,
    bare,
    read_amount,
)
from bot.core.directions import read_result
from bot.core.text import fold_for_matching, is_blank, normalize_text


class AnswerKind(StrEnum):
    TEXT = "text"
    COUNT = "count"  # a whole number of people, households, meals...
    NUMBER = "number"  # a quantity that may have decimals (tonnes of produce)
    MONEY = "money"  # whole đồng
    YESNO = "yesno"
    PROGRESS = "progress"  # done / in progress / not started, then a note (a direction)


NUMERIC_KINDS = frozenset({AnswerKind.COUNT, AnswerKind.NUMBER, AnswerKind.MONEY})


@dataclass(frozen=True)
class ParsedAnswer:
    """An accepted answer: the text as the user typed it (NFC) and its canonical value.

    ``value`` is ``None`` for text, a decimal string for numbers (``"8617"``, ``"12.5"``)
    and ``"yes"``/``"no"`` for yes/no: a portable form that round-trips through any database.
    """

    text: str
    value: str | None


@dataclass(frozen=True)
class AnswerProblem:
    """Why an answer was refused: a message-catalogue key (the message carries an example)."""

    code: str


# --- numbers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Unsure:
    """A figure the reader may have read wrong: asked back with what it understood
    ("Có phải 3.020.000 đ không?"), stored only once the person says yes."""

    text: str
    value: str  # canonical, as ParsedAnswer's
    code: str = "answer.confirm_reading"


ParseResult = ParsedAnswer | AnswerProblem | Unsure


def _read(text: str) -> Reading | AnswerProblem:
    found = read_amount(text)
    return AnswerProblem(found.code) if isinstance(found, Unreadable) else found


def _result(text: str, value: Decimal, certain: bool) -> ParsedAnswer | Unsure:
    typed = normalize_text(text)
    return ParsedAnswer(typed, _canonical(value)) if certain else Unsure(typed, _canonical(value))


def parse_count(text: str, unit: str | None = None) -> ParseResult:
    reading = _read(text)
    if isinstance(reading, AnswerProblem):
        return reading
    if reading.unit in CURRENCY:
        return AnswerProblem("answer.not_a_number")
    if reading.unit is not None and reading.unit.split()[0] in MASSES:
        return AnswerProblem("answer.number_unclear")  # kilograms of people?
    if reading.value != reading.value.to_integral_value():
        return AnswerProblem("answer.count_not_whole")
    # "8,617 người": not 8.617 people, so eight thousand six hundred seventeen. A unit the bot
    # does not know as a count of something ("5 ngìn": a slip on "nghìn"?) is asked back.
    known = reading.unit is None or reading.unit in COUNT_UNITS or _same_unit(reading.unit, unit)
    return _result(text, reading.value, reading.certain and known)


def parse_number(text: str, unit: str | None = None) -> ParseResult:
    """A quantity; a mass is given in the question's unit ("300 kg" for a question in tấn
    is 0.3)."""
    reading = _read(text)
    if isinstance(reading, AnswerProblem):
        return reading
    if reading.unit in CURRENCY:
        return AnswerProblem("answer.not_a_number")
    value, certain = reading.value, reading.certain
    if reading.comma_or_thousands is not None:
        # "8,617 tấn": the Vietnamese decimal comma is the likelier reading of a quantity,
        # but not a sure one.
        value, certain = reading.comma_or_thousands, False
        if reading.unit in MASSES:
            value *= MASSES[reading.unit]  # in kilograms, as the reader gives a mass
    wanted = MASSES.get(_unit_key(unit)) if unit else None
    if reading.unit in MASSES:
        if wanted is not None:
            value = value / wanted
        else:  # back into the unit it was given in; if the question has another, asked
            value = value / MASSES[reading.unit]
            certain = certain and unit is None
    elif reading.unit is not None and not _same_unit(reading.unit, unit):
        certain = False  # "200 lít" for a question in tấn, "2 sào" in ha: asked back
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        return AnswerProblem("answer.too_precise")
    if isinstance(exponent, int) and exponent < -3 and reading.unit not in MASSES:
        return AnswerProblem("answer.too_precise")
    return _result(text, value, certain)


def _unit_key(unit: str) -> str:
    return bare(fold_for_matching(unit))


def _same_unit(given: str, asked: str | None) -> bool:
    """ "hộ" for a question in hộ, "lượt" for one in "lượt người"."""
    if asked is None:
        return False
    wanted = _unit_key(asked)
    return given == wanted or wanted.startswith(given + " ") or given.startswith(wanted + " ")


def parse_money(text: str, unit: str | None = None) -> ParseResult:
    reading = _read(text)
    if isinstance(reading, AnswerProblem):
        code = reading.code
        if code in {"answer.not_a_number", "answer.number_unclear"}:
            code = "answer.money_unclear"
        return AnswerProblem(code)
    if reading.unit is not None and reading.unit not in CURRENCY:
        return AnswerProblem("answer.money_unclear")
    if reading.value != reading.value.to_integral_value():
        return AnswerProblem("answer.money_fraction")
    return _result(text, reading.value, reading.certain)


def _canonical(value: Decimal) -> str:
    normalized = value.normalize()
    # normalize() may give '1E+3'; quantize integers back to plain digits.
    if normalized == normalized.to_integral_value():
        return str(normalized.quantize(Decimal(1)))
    return format(normalized, "f")


# --- yes / no --------------------------------------------------------------------------

_YES = frozenset(
    {
        "có", "co", "rồi", "roi", "đã", "da", "có rồi", "co roi", "đã có", "đã làm",
        "đã thực hiện", "vâng", "vang", "ừ", "được", "duoc", "đúng", "dung", "yes", "y", "ok",
        "đã làm rồi", "làm rồi", "có làm", "có tham gia", "đã tham gia", "có thực hiện",
        "đúng rồi", "đúng vậy", "phải", "xong", "xong rồi", "đã xong",
    }
)  # fmt: skip
_NO = frozenset(
    {
        "không", "khong", "ko", "k", "chưa", "chua", "không có", "khong co", "chưa có",
        "chua co", "chưa làm", "chưa thực hiện", "no", "n", "chưa ạ", "không làm",
        "chưa tham gia", "không tham gia", "chưa xong", "không ạ",
    }
)  # fmt: skip
# Politeness around a yes or no: "dạ có", "vâng, đã làm", "có ạ", "dạ chưa ạ".
_LEADING = frozenset({"dạ", "vâng", "vang", "ừ", "ờ", "à", "thưa"})
_TRAILING = frozenset({"ạ", "a", "nhé", "nha", "nhé ạ", "rồi ạ", "anh", "chị"})


def parse_yesno(text: str) -> ParseResult:
    folded = re.sub(r"[.!?,;:]+", " ", fold_for_matching(text)).split()
    if not folded:
        return AnswerProblem("answer.empty")
    words = list(folded)
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    polite = words[0] in _LEADING
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    phrase = " ".join(words)
    if phrase in _NO:
        return ParsedAnswer(normalize_text(text), "no")
    if phrase in _YES or (polite and phrase in ("dạ", "vâng", "vang", "ừ")):  # "dạ", "vâng ạ"
        return ParsedAnswer(normalize_text(text), "yes")
    return AnswerProblem("answer.yesno_unclear")


# A task's progress "as before" (one tap under the question): resolved to the unit's state
# when the report is applied, so a step taken meanwhile by someone else is not undone.
UNCHANGED = "unchanged"


def parse_progress(text: str) -> ParseResult:
    """How far a task has got, then an optional note: "đang làm, đã họp 3 thôn". A state
    that cannot be told for certain ("chưa xong": begun or not?) is asked back."""
    read = read_result(text)
    if read is None:
        return AnswerProblem("answer.progress_unclear")
    return ParsedAnswer(normalize_text(text), read.result.value)


def parse_text(text: str) -> ParseResult:
    cleaned = normalize_text(text)
    if is_blank(cleaned):
        return AnswerProblem("answer.empty")
    return ParsedAnswer(cleaned, None)


_PARSERS = {
    AnswerKind.TEXT: parse_text,
    AnswerKind.COUNT: parse_count,
    AnswerKind.NUMBER: parse_number,
    AnswerKind.MONEY: parse_money,
    AnswerKind.YESNO: parse_yesno,
    AnswerKind.PROGRESS: parse_progress,
}


def parse_answer(kind: AnswerKind, text: str, unit: str | None = None) -> ParseResult:
    """``unit``: the question's, so that a mass is read into it ("300 kg" in tấn)."""
    if kind is AnswerKind.NUMBER:
        return parse_number(text, unit)
    return _PARSERS[kind](text)


def numeric_value(value: str | None) -> Decimal | None:
    """The Decimal behind a stored canonical value (None for text and yes/no)."""
    if value is None or not value[-1:].isdigit():
        return None
    return Decimal(value)
