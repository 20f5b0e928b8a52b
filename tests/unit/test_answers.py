"""Vietnamese answers: what is accepted, its canonical value, and what is refused."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from bot.core.answers import (
    AnswerKind,
    AnswerProblem,
    ParsedAnswer,
    numeric_value,
    parse_answer,
)
from bot.i18n import keys

COUNT, NUMBER, MONEY, YESNO, TEXT = (
    AnswerKind.COUNT,
    AnswerKind.NUMBER,
    AnswerKind.MONEY,
    AnswerKind.YESNO,
    AnswerKind.TEXT,
)


@pytest.mark.parametrize(
    ("kind", "typed", "value"),
    [
        (COUNT, "8.617", "8617"),
        (COUNT, "8617", "8617"),
        (COUNT, "8 617", "8617"),
        (COUNT, "8\u00a0617", "8617"),  # a phone keyboard's no-break space
        (COUNT, "28.987 hộ", "28987"),
        (COUNT, "120 người", "120"),
        (COUNT, "1.234.567", "1234567"),
        (COUNT, "0", "0"),
        (COUNT, "không", "0"),
        (COUNT, "Không có ạ", "0"),
        (COUNT, "2 nghìn", "2000"),
        (COUNT, "35.", "35"),
        (NUMBER, "12,5", "12.5"),
        (NUMBER, "12,5 tấn", "12.5"),
        (NUMBER, "1.250", "1250"),
        (NUMBER, "1.250,75", "1250.75"),
        (NUMBER, "3", "3"),
        (MONEY, "2 triệu", "2000000"),
        (MONEY, "2 TRIỆU", "2000000"),
        (MONEY, "1,5 tr", "1500000"),
        (MONEY, "1.5 triệu", "1500000"),
        (MONEY, "500k", "500000"),
        (MONEY, "500 nghìn", "500000"),
        (MONEY, "500 ngàn", "500000"),
        (MONEY, "1.500.000 đồng", "1500000"),
        (MONEY, "1.500.000đ", "1500000"),
        (MONEY, "1,500,000 VND", "1500000"),
        (MONEY, "2tr5", "2500000"),
        (MONEY, "2 triệu rưỡi", "2500000"),
        (MONEY, "2 triệu 500 nghìn", "2500000"),
        (MONEY, "1 tỷ 200 triệu", "1200000000"),
        (MONEY, "1 tỷ 2", "1200000000"),
        (MONEY, "3 củ", "3000000"),
        (MONEY, "2 trieu", "2000000"),
        (MONEY, "500000", "500000"),
        (MONEY, "0đ", "0"),
        (YESNO, "có", "yes"),
        (YESNO, "Có ạ", "yes"),
        (YESNO, "rồi", "yes"),
        (YESNO, "Rồi!", "yes"),
        (YESNO, "đã thực hiện", "yes"),
        (YESNO, "co", "yes"),
        (YESNO, "không", "no"),
        (YESNO, "chưa", "no"),
        (YESNO, "Chưa ạ.", "no"),
        (YESNO, "ko", "no"),
        (YESNO, "dạ có", "yes"),
        (YESNO, "Dạ có ạ", "yes"),
        (YESNO, "vâng, đã làm", "yes"),
        (YESNO, "Vâng ạ", "yes"),
        (YESNO, "Dạ", "yes"),
        (YESNO, "dạ rồi ạ", "yes"),
        (YESNO, "đã làm rồi", "yes"),
        (YESNO, "dạ chưa ạ", "no"),
        (YESNO, "Dạ, không ạ.", "no"),
        (YESNO, "vâng, chưa làm", "no"),
    ],
)
def test_answers_are_read_the_vietnamese_way(kind: AnswerKind, typed: str, value: str) -> None:
    assert parse_answer(kind, typed) == ParsedAnswer(typed, value)


@pytest.mark.parametrize(
    ("kind", "typed", "problem"),
    [
        (COUNT, "1,5", "answer.count_not_whole"),
        (COUNT, "1.5", "answer.count_not_whole"),
        (COUNT, "12 13", "answer.number_unclear"),
        (COUNT, "12.34.5", "answer.number_unclear"),
        (COUNT, "-5", "answer.negative"),
        (COUNT, "9" * 30, "answer.too_large"),
        (COUNT, "   ", "answer.empty"),
        (COUNT, "", "answer.empty"),
        (NUMBER, "1,2345", "answer.too_precise"),
        (MONEY, "1,5", "answer.money_fraction"),
        (MONEY, "2 triệu người", "answer.money_unclear"),
        (MONEY, "500 nghìn 2 triệu", "answer.money_unclear"),
        (MONEY, "2 triệu 5000", "answer.money_unclear"),
        (YESNO, "có lẽ", "answer.yesno_unclear"),
        (YESNO, "dạ có lẽ chưa", "answer.yesno_unclear"),
        (YESNO, "vâng nhưng chưa xong", "answer.yesno_unclear"),
        (YESNO, "à", "answer.yesno_unclear"),
        (YESNO, "thưa", "answer.yesno_unclear"),
        (YESNO, "để tuần sau", "answer.yesno_unclear"),
        (YESNO, "", "answer.empty"),
        (TEXT, " \n ", "answer.empty"),
        (TEXT, "\u200b", "answer.empty"),
        (TEXT, "\ufeff \u200d", "answer.empty"),
    ],
)
def test_answers_that_cannot_be_read_are_refused_with_a_reason(
    kind: AnswerKind, typed: str, problem: str
) -> None:
    assert parse_answer(kind, typed) == AnswerProblem(problem)


def test_decomposed_vietnamese_is_read_and_stored_composed() -> None:
    typed = unicodedata.normalize("NFD", "2 triệu đồng")
    assert typed != "2 triệu đồng"
    assert parse_answer(MONEY, typed) == ParsedAnswer("2 triệu đồng", "2000000")
    text = parse_answer(TEXT, unicodedata.normalize("NFD", "Hội Nông dân đã hỗ trợ"))
    assert text == ParsedAnswer("Hội Nông dân đã hỗ trợ", None)


def test_text_answers_are_kept_as_typed_apart_from_surrounding_space() -> None:
    typed = "  <b>Tuyên truyền</b> & vận động 😀\r\n*2* buổi  "
    assert parse_answer(TEXT, typed) == ParsedAnswer(
        "<b>Tuyên truyền</b> & vận động 😀\n*2* buổi", None
    )


def test_a_five_thousand_character_text_answer_is_kept_whole() -> None:
    typed = "ư" * 5000
    result = parse_answer(TEXT, typed)
    assert isinstance(result, ParsedAnswer)
    assert result.text == typed


def test_numeric_values_come_back_as_decimals() -> None:
    assert numeric_value("12.5") is not None
    assert str(numeric_value("1500000")) == "1500000"
    assert numeric_value("yes") is None
    assert numeric_value(None) is None


def test_every_refusal_the_parser_can_give_has_a_message_in_the_catalogue() -> None:
    source = Path("bot/core/answers.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'"(answer\.[a-z_]+)"', source))
    assert codes, "no refusal codes found"
    assert codes <= keys()
    for kind in AnswerKind:
        assert f"answer.example.{kind.value}" in keys()
