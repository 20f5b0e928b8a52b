"""The amount reader's specification: how people here write figures in a report, and what
each writing means. Collected from the ways figures are written in Vietnamese reports, news
and chat (digits grouped the Vietnamese way, number words, scale words, short forms, units,
politeness); each line gives the value read, ``ask:`` and the value asked back when the
reading is not certain, or ``!`` and why it cannot be read at all."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.answers import AnswerKind, AnswerProblem, ParsedAnswer, Unsure, parse_answer
from bot.core.plausibility import PEOPLE_CEILING, Doubt, doubt
from bot.core.questionnaire import Question

COUNT, NUMBER, MONEY = AnswerKind.COUNT, AnswerKind.NUMBER, AnswerKind.MONEY
Case = tuple[AnswerKind, str | None, str, str]

# (the question's kind, its unit, what was typed, what it means)
DIGITS: list[Case] = [
    (COUNT, "người", "8.617", "8617"),
    (COUNT, "người", "8617", "8617"),
    (COUNT, "người", "8 617", "8617"),
    (COUNT, "người", "8\u00a0617", "8617"),
    (COUNT, "người", "1.234.567", "1234567"),
    (COUNT, "người", "1 234 567", "1234567"),
    (COUNT, "người", "1,234,567", "1234567"),
    (COUNT, "hộ", "28.987 hộ", "28987"),
    (COUNT, "hộ", "120", "120"),
    (COUNT, "hộ", "0", "0"),
    (COUNT, "hộ", "00", "0"),
    (COUNT, "hộ", "007", "7"),
    (COUNT, "hộ", "35.", "35"),
    (COUNT, "hộ", "35,", "35"),
    (COUNT, "hộ", "1.000", "1000"),
    (COUNT, "hộ", "10.000", "10000"),
    (COUNT, "hộ", "100.000", "100000"),
    (COUNT, "người", "1.5", "!answer.count_not_whole"),
    (COUNT, "người", "1,5", "!answer.count_not_whole"),
    (COUNT, "người", "12.34.5", "!answer.number_unclear"),
    (COUNT, "người", "1.2345", "!answer.count_not_whole"),
    (COUNT, "người", "12 13", "!answer.number_unclear"),
    (COUNT, "người", "-5", "!answer.negative"),
    (COUNT, "người", "9" * 30, "!answer.too_large"),
    (COUNT, "người", "", "!answer.empty"),
    (COUNT, "người", "   ", "!answer.empty"),
    (NUMBER, "tấn", "12,5", "12.5"),
    (NUMBER, "tấn", "12.5", "12.5"),
    (NUMBER, "tấn", "1.250", "1250"),
    (NUMBER, "tấn", "1.250,75", "1250.75"),
    (NUMBER, "tấn", "1,250.75", "1250.75"),
    (NUMBER, "tấn", "0,5", "0.5"),
    (NUMBER, "tấn", ",5", "!answer.number_unclear"),
    (NUMBER, "tấn", "3", "3"),
    (NUMBER, "tấn", "1,2345", "!answer.too_precise"),
    (NUMBER, "ha", "2,75 ha", "2.75"),
    (COUNT, "người", "8,617", "8617"),  # not 8.617 people: the thousands comma
    (MONEY, None, "1,500", "1500"),
    (NUMBER, "tấn", "8,617", "ask:8.617"),  # a decimal comma, most likely, for a quantity
    (NUMBER, "tấn", "8,617 tấn", "ask:8.617"),
    (NUMBER, "tấn", "8,617 kg", "ask:0.008617"),
    (MONEY, None, "1,500 triệu", "!answer.money_unclear"),
]
WORDS: list[Case] = [
    (COUNT, "người", "một", "1"),
    (COUNT, "người", "hai", "2"),
    (COUNT, "người", "ba", "3"),
    (COUNT, "người", "bốn", "4"),
    (COUNT, "người", "năm", "5"),
    (COUNT, "người", "sáu", "6"),
    (COUNT, "người", "bảy", "7"),
    (COUNT, "người", "bẩy", "7"),
    (COUNT, "người", "tám", "8"),
    (COUNT, "người", "chín", "9"),
    (COUNT, "người", "mười", "10"),
    (COUNT, "người", "mười một", "11"),
    (COUNT, "người", "mười hai", "12"),
    (COUNT, "người", "mười bốn", "14"),
    (COUNT, "người", "mười lăm", "15"),
    (COUNT, "người", "mười năm", "15"),
    (COUNT, "người", "mười chín", "19"),
    (COUNT, "người", "hai mươi", "20"),
    (COUNT, "người", "hai mươi mốt", "21"),
    (COUNT, "người", "hai mươi tư", "24"),
    (COUNT, "người", "hai mươi bốn", "24"),
    (COUNT, "người", "hai mươi lăm", "25"),
    (COUNT, "người", "ba mươi", "30"),
    (COUNT, "người", "ba mươi sáu", "36"),
    (COUNT, "người", "năm mươi lăm", "55"),
    (COUNT, "người", "chín mươi chín", "99"),
    (COUNT, "người", "một trăm", "100"),
    (COUNT, "người", "trăm", "100"),
    (COUNT, "người", "hai trăm", "200"),
    (COUNT, "người", "tám trăm", "800"),
    (COUNT, "người", "một trăm lẻ năm", "105"),
    (COUNT, "người", "một trăm linh năm", "105"),
    (COUNT, "người", "hai trăm lẻ một", "201"),
    (COUNT, "người", "một trăm mười", "110"),
    (COUNT, "người", "một trăm mười lăm", "115"),
    (COUNT, "người", "một trăm hai mươi", "120"),
    (COUNT, "người", "một trăm hai mươi lăm", "125"),
    (COUNT, "người", "chín trăm chín mươi chín", "999"),
    (COUNT, "người", "bốn chục", "40"),
    (COUNT, "người", "hai chục", "20"),
    (COUNT, "người", "vài chục", "!answer.not_a_number"),
    (COUNT, "người", "một nghìn", "1000"),
    (COUNT, "người", "một ngàn", "1000"),
    (COUNT, "người", "nghìn", "ask:1000"),
    (COUNT, "người", "hai nghìn", "2000"),
    (COUNT, "người", "một nghìn hai trăm", "1200"),
    (COUNT, "người", "một nghìn không trăm linh năm", "1005"),
    (COUNT, "người", "ba nghìn năm trăm", "3500"),
    (COUNT, "người", "mười nghìn", "10000"),
    (COUNT, "người", "hai mươi nghìn", "20000"),
    (COUNT, "người", "một trăm nghìn", "100000"),
    (COUNT, "người", "ba chục nghìn", "30000"),
    (COUNT, "người", "một triệu", "1000000"),
    (COUNT, "người", "một triệu hai trăm nghìn", "1200000"),
    (COUNT, "người", "không", "0"),
    (COUNT, "người", "không có", "0"),
    (COUNT, "người", "Không có ạ", "0"),
    (COUNT, "người", "chưa có", "0"),
    (COUNT, "người", "chưa", "0"),
    (COUNT, "người", "hai tram", "200"),  # typed without marks
    (COUNT, "người", "tam tram", "800"),
    (COUNT, "người", "muoi hai", "12"),
    (COUNT, "người", "hai muoi", "20"),
    (COUNT, "người", "mot tram le nam", "105"),
    (COUNT, "người", "MƯỜI HAI", "12"),
]
SHORT_FORMS: list[Case] = [
    (COUNT, "người", "một trăm hai", "120"),
    (COUNT, "người", "trăm hai", "120"),
    (COUNT, "người", "trăm mốt", "110"),
    (COUNT, "người", "trăm tư", "140"),
    (COUNT, "người", "trăm rưỡi", "150"),
    (COUNT, "người", "một trăm rưỡi", "150"),
    (COUNT, "người", "hai trăm rưỡi", "250"),
    (COUNT, "người", "nghìn hai", "1200"),
    (COUNT, "người", "một nghìn hai", "1200"),
    (COUNT, "người", "nghìn mốt", "1100"),
    (COUNT, "người", "hai nghìn ba", "2300"),
    (COUNT, "người", "hai nghìn rưỡi", "2500"),
    (COUNT, "người", "hai ngàn rưỡi", "2500"),
    (COUNT, "người", "chục rưỡi", "15"),
    (COUNT, "người", "1 nghìn 2", "1200"),
    (COUNT, "người", "2 nghìn 500", "2500"),
    (COUNT, "người", "2 nghìn 50", "ask:2050"),
    (COUNT, "người", "2 nghìn 5", "2500"),
    (COUNT, "người", "1k2", "1200"),
    (COUNT, "người", "1,2 nghìn", "1200"),
    (COUNT, "người", "2 trăm", "200"),
    (COUNT, "người", "2 chục", "20"),
    (COUNT, "người", "3 chục nghìn", "30000"),
    (COUNT, "người", "1,5 nghìn", "1500"),
    (COUNT, "người", "2 nghìn 2 trăm", "2200"),
]
UNITS_AND_WORDS_AROUND: list[Case] = [
    (COUNT, "người", "120 người", "120"),
    (COUNT, "người", "120 người.", "120"),
    (COUNT, "hộ", "120 hộ", "120"),
    (COUNT, "hộ", "120hộ", "120"),
    (COUNT, "suất", "300 suất", "300"),
    (COUNT, "suất", "300 suất ăn", "300"),
    (COUNT, "buổi", "3 buổi", "3"),
    (COUNT, "lượt", "1.200 lượt", "1200"),
    (COUNT, "lượt", "1.200 lượt người", "1200"),
    (COUNT, "người", "45 hội viên", "45"),
    (COUNT, "người", "45 đoàn viên", "45"),
    (COUNT, "người", "khoảng 120", "120"),
    (COUNT, "người", "khoảng 120 người", "120"),
    (COUNT, "người", "tầm 50", "50"),
    (COUNT, "người", "chừng 30 người", "30"),
    (COUNT, "người", "độ 40", "40"),
    (COUNT, "người", "cỡ 60", "60"),
    (COUNT, "người", "xấp xỉ 200", "200"),
    (COUNT, "người", "dạ 120", "120"),
    (COUNT, "người", "dạ 120 ạ", "120"),
    (COUNT, "người", "Dạ, 120 người ạ.", "120"),
    (COUNT, "người", "vâng 120", "120"),
    (COUNT, "người", "được 120 người", "120"),
    (COUNT, "hộ", "có 35 hộ", "35"),
    (COUNT, "hộ", "tổng cộng 35 hộ", "35"),
    (COUNT, "hộ", "tổng 35", "35"),
    (COUNT, "hộ", "số lượng 35", "35"),
    (COUNT, "hộ", "35 hộ ạ!", "35"),
    (COUNT, "hộ", "35 hộ nhé", "35"),
    (COUNT, "hộ", "Dạ tuần này được 35 hộ ạ", "35"),
    (COUNT, "người", "dạ khoảng hai trăm người ạ", "200"),
    (COUNT, "người", "hơn 100", "ask:100"),
    (COUNT, "người", "trên 100 người", "ask:100"),
    (COUNT, "người", "gần 200", "ask:200"),
    (COUNT, "người", "dưới 50", "ask:50"),
    (COUNT, "người", "khoảng 100-120", "!answer.number_unclear"),
    (COUNT, "người", "100 hay 120", "!answer.number_unclear"),
    (COUNT, "người", "120 (một trăm hai mươi)", "!answer.number_unclear"),
    (COUNT, "người", "chưa rõ", "!answer.not_a_number"),
    (COUNT, "người", "nhiều", "!answer.not_a_number"),
    (COUNT, "người", "nhiều lắm 😅", "!answer.not_a_number"),
    (COUNT, "người", "<b>5</b>", "!answer.number_unclear"),
    (COUNT, "người", "vài người", "!answer.not_a_number"),
    (COUNT, "người", "tuần sau báo", "!answer.not_a_number"),
    (COUNT, "người", "120 hộ 5", "!answer.number_unclear"),
    (COUNT, "người", "120 đồng", "!answer.not_a_number"),
    (COUNT, "người", "120 kg", "!answer.number_unclear"),
    (COUNT, "người", "20 tỷ người", "20000000000"),  # read; its size is checked elsewhere
]
MASSES: list[Case] = [
    (NUMBER, "tấn", "12,5 tấn", "12.5"),
    (NUMBER, "tấn", "3 tấn", "3"),
    (NUMBER, "tấn", "300 kg", "0.3"),
    (NUMBER, "tấn", "300kg", "0.3"),
    (NUMBER, "tấn", "1.500 kg", "1.5"),
    (NUMBER, "tấn", "250 ký", "0.25"),
    (NUMBER, "tấn", "250 ki lô", "0.25"),
    (NUMBER, "tấn", "1 tạ", "0.1"),
    (NUMBER, "tấn", "1 tạ rưỡi", "0.15"),
    (NUMBER, "tấn", "5 tạ", "0.5"),
    (NUMBER, "tấn", "2 yến", "0.02"),
    (NUMBER, "tấn", "1 tấn rưỡi", "1.5"),
    (NUMBER, "tấn", "hai tấn rưỡi", "2.5"),
    (NUMBER, "tấn", "1 tấn 2", "1.2"),
    (NUMBER, "tấn", "2 tạ 50", "ask:0.25"),
    (NUMBER, "tấn", "khoảng 3 tấn", "3"),
    (NUMBER, "tạ", "3 tạ", "3"),
    (NUMBER, "tạ", "1 tấn", "10"),
    (NUMBER, "tạ", "50 kg", "0.5"),
    (NUMBER, "kg", "2 tạ", "200"),
    (NUMBER, "kg", "1,5 tấn", "1500"),
    (NUMBER, "kg", "1 tạ rưỡi", "150"),
    (NUMBER, "kg", "300", "300"),
    (NUMBER, "tấn", "12,5 t", "ask:12.5"),
    (NUMBER, None, "12,5 tấn", "12.5"),  # a question without a unit takes the one given
    (NUMBER, None, "300 kg", "300"),
    (NUMBER, "suất", "300 kg", "ask:300"),  # a mass for a question that is not one
    (NUMBER, "tấn", "1,5 triệu", "1500000"),  # a scale, not a mass: read as written
    (NUMBER, "tấn", "5 triệu đồng", "!answer.not_a_number"),
]
MONEY_CASES: list[Case] = [
    (MONEY, None, "2 triệu", "2000000"),
    (MONEY, None, "2 TRIỆU", "2000000"),
    (MONEY, None, "2 trieu", "2000000"),
    (MONEY, None, "hai triệu", "2000000"),
    (MONEY, None, "2tr", "2000000"),
    (MONEY, None, "2 tr", "2000000"),
    (MONEY, None, "3 củ", "3000000"),
    (MONEY, None, "1,5 tr", "1500000"),
    (MONEY, None, "1.5 triệu", "1500000"),
    (MONEY, None, "1,5 triệu", "1500000"),
    (MONEY, None, "2tr5", "2500000"),
    (MONEY, None, "2 tr 5", "2500000"),
    (MONEY, None, "2 triệu 5", "2500000"),
    (MONEY, None, "2 triệu rưỡi", "2500000"),
    (MONEY, None, "hai triệu rưỡi", "2500000"),
    (MONEY, None, "triệu rưỡi", "1500000"),
    (MONEY, None, "triệu hai", "1200000"),
    (MONEY, None, "một triệu hai", "1200000"),
    (MONEY, None, "triệu tư", "1400000"),
    (MONEY, None, "3 triệu 2", "3200000"),
    (MONEY, None, "2 triệu 500", "ask:2500000"),
    (MONEY, None, "2 triệu 500 nghìn", "2500000"),
    (MONEY, None, "2 triệu 500 ngàn", "2500000"),
    (MONEY, None, "2 triệu 500k", "2500000"),
    (MONEY, None, "3 triệu 20", "ask:3020000"),
    (MONEY, None, "3 triệu 20 nghìn", "3020000"),
    (MONEY, None, "3 triệu 200 nghìn", "3200000"),
    (MONEY, None, "2 triệu 5000", "!answer.money_unclear"),
    (MONEY, None, "500k", "500000"),
    (MONEY, None, "500 k", "500000"),
    (MONEY, None, "500K", "500000"),
    (MONEY, None, "500 nghìn", "500000"),
    (MONEY, None, "500 ngàn", "500000"),
    (MONEY, None, "năm trăm nghìn", "500000"),
    (MONEY, None, "năm trăm ngàn đồng", "500000"),
    (MONEY, None, "1k5", "1500"),
    (MONEY, None, "50 nghìn đồng", "50000"),
    (MONEY, None, "1.500.000 đồng", "1500000"),
    (MONEY, None, "1.500.000đ", "1500000"),
    (MONEY, None, "1.500.000 đ", "1500000"),
    (MONEY, None, "1.500.000 VNĐ", "1500000"),
    (MONEY, None, "1,500,000 VND", "1500000"),
    (MONEY, None, "1 500 000 đồng", "1500000"),
    (MONEY, None, "1500000", "1500000"),
    (MONEY, None, "500000", "500000"),
    (MONEY, None, "0đ", "0"),
    (MONEY, None, "0 đồng", "0"),
    (MONEY, None, "không đồng", "0"),
    (MONEY, None, "không", "0"),
    (MONEY, None, "1 tỷ", "1000000000"),
    (MONEY, None, "1 tỉ", "1000000000"),
    (MONEY, None, "1 tỷ 2", "1200000000"),
    (MONEY, None, "1 tỷ 200 triệu", "1200000000"),
    (MONEY, None, "1 tỷ 200", "ask:1200000000"),
    (MONEY, None, "hai tỷ rưỡi", "2500000000"),
    (MONEY, None, "1,2 tỷ", "1200000000"),
    (MONEY, None, "1 tỷ 2 trăm triệu", "1200000000"),
    (MONEY, None, "khoảng 2 triệu", "2000000"),
    (MONEY, None, "dạ 2 triệu ạ", "2000000"),
    (MONEY, None, "tổng cộng 15 triệu đồng", "15000000"),
    (MONEY, None, "hơn 2 triệu", "ask:2000000"),
    (MONEY, None, "triệu", "ask:1000000"),
    (MONEY, None, "tỷ", "ask:1000000000"),
    (MONEY, None, "1,5", "!answer.money_fraction"),
    (MONEY, None, "2 triệu người", "!answer.money_unclear"),
    (MONEY, None, "500 nghìn 2 triệu", "!answer.money_unclear"),
    (MONEY, None, "2 triệu 3 triệu", "!answer.money_unclear"),
    (MONEY, None, "12 kg", "!answer.money_unclear"),
    (MONEY, None, "chưa có kinh phí", "!answer.money_unclear"),
    (MONEY, None, "chưa có", "0"),
]


# Found by a review that tried several hundred writings: each was read to a wrong value.
REVIEWED: list[Case] = [
    (COUNT, "người", "hai tư", "24"),
    (COUNT, "hộ", "hai tư hộ", "24"),
    (COUNT, "người", "ba lăm", "35"),
    (COUNT, "người", "năm lăm", "55"),
    (COUNT, "người", "bốn nhăm", "45"),
    (COUNT, "hộ", "sáu lăm hộ", "65"),
    (COUNT, "suất", "hai lăm suất", "25"),
    (NUMBER, "tấn", "hai lăm tấn", "25"),
    (COUNT, "người", "một trăm hai tư", "124"),
    (COUNT, "người", "một trăm linh tư", "104"),
    (COUNT, "người", "một trăm lẻ tư", "104"),
    (COUNT, "người", "hai mốt", "21"),
    (COUNT, "người", "hai tu", "24"),
    (COUNT, "người", "ba lam", "35"),
    (MONEY, None, "2 triệu 3 trăm", "ask:2300000"),
    (MONEY, None, "một triệu hai trăm", "ask:1200000"),
    (MONEY, None, "triệu hai trăm", "ask:1200000"),
    (MONEY, None, "12 triệu 5 trăm", "ask:12500000"),
    (MONEY, None, "hai triệu năm trăm", "ask:2500000"),
    (MONEY, None, "2 triệu 3 trăm rưỡi", "ask:2350000"),
    (MONEY, None, "1 tỷ 2 trăm", "ask:1200000000"),
    (MONEY, None, "2 triệu 3 trăm nghìn", "2300000"),
    (COUNT, "người", "12 chục", "120"),
    (COUNT, "người", "15 chục người", "150"),
    (COUNT, "người", "30 chục", "300"),
    (COUNT, "người", "một trăm hai chục", "120"),
    (COUNT, "người", "mười hai trăm", "1200"),
    (NUMBER, "tấn", "0.125 tấn", "0.125"),
    (NUMBER, "tấn", "0.250", "0.25"),
    (NUMBER, "tấn", "0,500", "0.5"),
    (COUNT, "người", "0.500", "!answer.count_not_whole"),
    (MONEY, None, "1.250tr", "ask:1250000000"),
    (MONEY, None, "1.25tr", "1250000"),
    (COUNT, "người", "5 ngìn", "ask:5"),
    (COUNT, "người", "5 nghàn", "ask:5"),
    (COUNT, "người", "2 vạn người", "20000"),
    (NUMBER, "tấn", "500 gam", "0.0005"),
    (NUMBER, "tấn", "500 g", "0.0005"),
    (NUMBER, "kg", "3 lạng", "0.3"),
    (NUMBER, "tấn", "200 lít", "ask:200"),
    (NUMBER, "tấn", "200 cân", "0.2"),
    (NUMBER, "ha", "2 sào", "ask:2"),
    (NUMBER, "km", "500 m", "ask:500"),
    (MONEY, None, "1000 đô", "!answer.money_unclear"),
    (MONEY, None, "5 triệu đô", "!answer.money_unclear"),
    (COUNT, "người", "100 xị", "ask:100"),
    (NUMBER, "tấn", "50 bao gạo", "ask:50"),
    (COUNT, "người", "1 chỉ vàng", "ask:1"),
    (COUNT, "người", "100 trở lên", "ask:100"),
    (COUNT, "người", "50 trở xuống", "ask:50"),
    (COUNT, "người", "hai trăm mấy", "ask:200"),
    (COUNT, "người", "trăm mấy người", "ask:100"),
    (COUNT, "người", "mười mấy", "ask:10"),
    (COUNT, "người", "hai mươi mấy", "ask:20"),
    (COUNT, "người", "hai trăm có lẻ", "ask:200"),
    (COUNT, "người", "mươi người", "ask:10"),
    (COUNT, "người", "5 trạm y tế", "ask:5"),  # five stations, not 500: asked, unit unknown
    (MONEY, None, "3 triều", "!answer.money_unclear"),
    (MONEY, None, "0912345678", "!answer.money_unclear"),
    (MONEY, None, "2 triệu rưỡi nghìn", "!answer.money_unclear"),
    (COUNT, "người", "ngoài 100", "ask:100"),
    (COUNT, "người", "chưa đến 50", "ask:50"),
]


def _meaning(kind: AnswerKind, unit: str | None, typed: str) -> str:
    result = parse_answer(kind, typed, unit)
    match result:
        case ParsedAnswer(value=value):
            return str(value)
        case Unsure(value=value):
            return f"ask:{value}"
        case AnswerProblem(code=code):
            return f"!{code}"
    raise AssertionError(result)


@pytest.mark.parametrize(
    ("kind", "unit", "typed", "meaning"),
    DIGITS + WORDS + SHORT_FORMS + UNITS_AND_WORDS_AROUND + MASSES + MONEY_CASES + REVIEWED,
)
def test_each_writing_reads_as_people_mean_it(
    kind: AnswerKind, unit: str | None, typed: str, meaning: str
) -> None:
    assert _meaning(kind, unit, typed) == meaning


def test_the_specification_is_large_enough_to_be_one() -> None:
    cases = DIGITS + WORDS + SHORT_FORMS + UNITS_AND_WORDS_AROUND + MASSES + MONEY_CASES
    cases += REVIEWED
    assert len(cases) >= 300
    assert len({(k, u, t) for k, u, t, _ in cases}) == len(cases)  # no writing twice


def test_what_was_typed_is_kept_as_typed_beside_the_value() -> None:
    assert parse_answer(MONEY, "  Dạ 2tr5 ạ ") == ParsedAnswer("Dạ 2tr5 ạ", "2500000")
    assert parse_answer(MONEY, "2 triệu 500") == Unsure("2 triệu 500", "2500000")


def test_a_figure_above_the_countrys_population_is_confirmed_not_stored() -> None:
    question = Question("so_nguoi", "Số người", AnswerKind.COUNT)
    assert doubt(question, Decimal(20_000_000_000), None) == Doubt(
        "answer.confirm_too_many", PEOPLE_CEILING
    )
    assert doubt(question, Decimal(120), None) is None


def test_a_sum_below_a_thousand_dong_is_confirmed() -> None:
    question = Question("kinh_phi", "Kinh phí", AnswerKind.MONEY)
    assert doubt(question, Decimal(12), None) == Doubt("answer.confirm_small_sum", Decimal(1000))
    assert doubt(question, Decimal(0), None) is None
    assert doubt(question, Decimal(1000), None) is None


def test_a_figure_ten_times_the_organizations_largest_is_confirmed() -> None:
    question = Question("ho", "Hộ", AnswerKind.COUNT)
    assert doubt(question, Decimal(1210), Decimal(120)) == Doubt(
        "answer.confirm_unusual", Decimal(120)
    )
    assert doubt(question, Decimal(1200), Decimal(120)) is None
    assert doubt(question, Decimal(5), Decimal(0)) is None


def test_the_templates_bounds_come_first() -> None:
    question = Question("ho", "Hộ", AnswerKind.COUNT, minimum=Decimal(1), maximum=Decimal(500))
    assert doubt(question, Decimal(0), None) == Doubt("answer.confirm_below", Decimal(1))
    assert doubt(question, Decimal(600), None) == Doubt("answer.confirm_above", Decimal(500))
