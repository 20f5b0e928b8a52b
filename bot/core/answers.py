"""Parsing typed answers the Vietnamese way.

``8.617`` is eight thousand six hundred seventeen, ``1,5`` is one and a half,
``2 triệu``/``2tr``/``2 củ`` is 2,000,000 đồng, ``2tr5`` and ``2 triệu rưỡi`` are 2,500,000.
A parse never guesses between two readings: an ambiguous answer is refused with an example,
and the leader is asked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from bot.core.text import fold_for_matching, is_blank, normalize_text


class AnswerKind(StrEnum):
    TEXT = "text"
    COUNT = "count"  # a whole number of people, households, meals...
    NUMBER = "number"  # a quantity that may have decimals (tonnes of produce)
    MONEY = "money"  # whole đồng
    YESNO = "yesno"


NUMERIC_KINDS = frozenset({AnswerKind.COUNT, AnswerKind.NUMBER, AnswerKind.MONEY})

MAX_AMOUNT = Decimal(10) ** 15  # a quadrillion đồng: anything above is a typo


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


ParseResult = ParsedAnswer | AnswerProblem

# --- numbers ---------------------------------------------------------------------------

_SCALES: dict[str, Decimal] = {
    "k": Decimal(1_000),
    "nghìn": Decimal(1_000),
    "nghin": Decimal(1_000),
    "ngàn": Decimal(1_000),
    "ngan": Decimal(1_000),
    "tr": Decimal(1_000_000),
    "triệu": Decimal(1_000_000),
    "trieu": Decimal(1_000_000),
    "củ": Decimal(1_000_000),
    "tỷ": Decimal(1_000_000_000),
    "tỉ": Decimal(1_000_000_000),
    "ty": Decimal(1_000_000_000),
}
_HALF = frozenset({"rưỡi", "ruoi"})
_CURRENCY = frozenset({"đồng", "dong", "đ", "d", "vnđ", "vnd"})
_ZERO_WORDS = frozenset({"không", "khong", "không có", "khong co", "chưa có", "chua co"})
# Trailing politeness and punctuation: "Chưa ạ.", "Rồi nhé!", "có ạ ."
_TAIL = re.compile(r"(?:\s*[.!?,;]+|\s+(?:ạ|nhé|nha))+$")

# A number token: digit groups joined by "." "," or a space, so "8 617" is one token.
_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*(?: \d{3}(?!\d))*|[^\W\d_]+|\S")


class _Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _number_token(token: str) -> Decimal:
    """Read one digit token; '.' and ',' are told apart the Vietnamese way."""
    if " " in token:
        head, *groups = token.split(" ")
        if "," in head or "." in head or len(head) > 3:
            raise _Refused("answer.number_unclear")
        return Decimal(head + "".join(groups))
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        # Both present: the last one is the decimal mark ("1.500,5" or "1,500.5").
        decimal_mark = "," if token.rfind(",") > token.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        whole, frac = token.rsplit(decimal_mark, 1)
        if grouping in frac or decimal_mark in whole:
            raise _Refused("answer.number_unclear")
        return Decimal(_ungroup(whole, grouping) + "." + frac)
    if dots:
        parts = token.split(".")
        if dots > 1 or len(parts[1]) == 3:
            return Decimal(_ungroup(token, "."))
        return Decimal(token)  # "1.5": a decimal point, as on English keyboards
    if commas:
        parts = token.split(",")
        if commas > 1:
            return Decimal(_ungroup(token, ","))  # "1,500,000"
        return Decimal(parts[0] + "." + parts[1])  # "1,5": the Vietnamese decimal comma
    return Decimal(token)


def _ungroup(token: str, mark: str) -> str:
    head, *groups = token.split(mark)
    if not head or len(head) > 3 or any(len(g) != 3 for g in groups):
        raise _Refused("answer.number_unclear")
    return head + "".join(groups)


def _amount(text: str, *, currency_ok: bool, units_ok: bool) -> Decimal:
    """Read ``2 triệu 500``, ``1,5 tr``, ``8.617 người`` and the like into a Decimal."""
    folded = _TAIL.sub("", fold_for_matching(text))
    if not folded:
        raise _Refused("answer.empty")
    if folded in _ZERO_WORDS:
        return Decimal(0)
    if folded.startswith("-"):
        raise _Refused("answer.negative")
    tokens = _TOKEN_RE.findall(folded)
    if not tokens or not tokens[0][0].isdigit():
        raise _Refused("answer.not_a_number")

    total = Decimal(0)
    last_scale: Decimal | None = None  # scale of the previous number, if it had one
    pending: Decimal | None = None  # a number still waiting for its scale word
    pending_digits = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token[0].isdigit():
            if pending is not None:
                raise _Refused("answer.number_unclear")  # "12 13"
            pending, pending_digits = _number_token(token), len(token)
        elif token in _SCALES:
            scale = _SCALES[token]
            if pending is None or (last_scale is not None and scale >= last_scale):
                raise _Refused("answer.number_unclear")  # "triệu 2", "500 nghìn 2 triệu"
            total += pending * scale
            last_scale, pending = scale, None
        elif token in _HALF:
            if pending is not None or last_scale is None:
                raise _Refused("answer.number_unclear")
            total += last_scale / 2
            last_scale = last_scale / 10  # nothing smaller may follow a "rưỡi" meaningfully
        else:
            break  # the rest is a unit or the currency
        i += 1

    if pending is not None:
        if last_scale is not None:
            # "2 triệu 500", "2tr5", "1 tỷ 2": the digits continue the previous scale.
            if pending != pending.to_integral_value() or pending_digits > 3:
                raise _Refused("answer.number_unclear")
            total += pending * last_scale / (Decimal(10) ** pending_digits)
        else:
            total += pending

    rest = tokens[i:]
    if rest:
        if any(t[0].isdigit() or t in _SCALES for t in rest):
            raise _Refused("answer.number_unclear")
        is_currency = all(t in _CURRENCY for t in rest)
        if is_currency and not currency_ok:
            raise _Refused("answer.not_a_number")
        if not is_currency and not units_ok:
            raise _Refused("answer.money_unit")
    if total > MAX_AMOUNT:
        raise _Refused("answer.too_large")
    return total


def _canonical(value: Decimal) -> str:
    normalized = value.normalize()
    # normalize() may give '1E+3'; quantize integers back to plain digits.
    if normalized == normalized.to_integral_value():
        return str(normalized.quantize(Decimal(1)))
    return format(normalized, "f")


def parse_count(text: str) -> ParseResult:
    try:
        value = _amount(text, currency_ok=False, units_ok=True)
    except (_Refused, InvalidOperation) as exc:
        return AnswerProblem(exc.code if isinstance(exc, _Refused) else "answer.not_a_number")
    if value != value.to_integral_value():
        return AnswerProblem("answer.count_not_whole")
    return ParsedAnswer(normalize_text(text), _canonical(value))


def parse_number(text: str) -> ParseResult:
    try:
        value = _amount(text, currency_ok=False, units_ok=True)
    except (_Refused, InvalidOperation) as exc:
        return AnswerProblem(exc.code if isinstance(exc, _Refused) else "answer.not_a_number")
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -3:
        return AnswerProblem("answer.too_precise")
    return ParsedAnswer(normalize_text(text), _canonical(value))


def parse_money(text: str) -> ParseResult:
    try:
        value = _amount(text, currency_ok=True, units_ok=False)
    except (_Refused, InvalidOperation) as exc:
        code = exc.code if isinstance(exc, _Refused) else "answer.not_a_number"
        if code in {"answer.not_a_number", "answer.number_unclear", "answer.money_unit"}:
            code = "answer.money_unclear"
        return AnswerProblem(code)
    if value != value.to_integral_value():
        return AnswerProblem("answer.money_fraction")
    return ParsedAnswer(normalize_text(text), _canonical(value))


# --- yes / no --------------------------------------------------------------------------

_YES = frozenset(
    {
        "có", "co", "rồi", "roi", "đã", "da", "có rồi", "co roi", "đã có", "đã làm",
        "đã thực hiện", "vâng", "vang", "ừ", "được", "duoc", "đúng", "dung", "yes", "y", "ok",
    }
)  # fmt: skip
_NO = frozenset(
    {
        "không", "khong", "ko", "k", "chưa", "chua", "không có", "khong co", "chưa có",
        "chua co", "chưa làm", "chưa thực hiện", "no", "n",
    }
)  # fmt: skip


def parse_yesno(text: str) -> ParseResult:
    folded = _TAIL.sub("", fold_for_matching(text))
    if not folded:
        return AnswerProblem("answer.empty")
    if folded in _YES:
        return ParsedAnswer(normalize_text(text), "yes")
    if folded in _NO:
        return ParsedAnswer(normalize_text(text), "no")
    return AnswerProblem("answer.yesno_unclear")


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
}


def parse_answer(kind: AnswerKind, text: str) -> ParseResult:
    return _PARSERS[kind](text)


def numeric_value(value: str | None) -> Decimal | None:
    """The Decimal behind a stored canonical value (None for text and yes/no)."""
    if value is None or value in {"yes", "no"}:
        return None
    return Decimal(value)
