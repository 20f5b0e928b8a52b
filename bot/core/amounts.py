"""Reading an amount the way people here write it: digits grouped with dots, commas or
spaces, number words and scale words in any mix ("hai trăm", "2 triệu rưỡi", "1 tạ rưỡi",
"một trăm lẻ năm", "nghìn hai", "ba lăm", "2tr5"), polite words and hedges around it ("dạ,
khoảng 120 hộ ạ"), a unit after it (people, households, kilograms, đồng).

The reader never guesses. It gives a value it is sure of, or a value it *thinks* was meant
with ``certain=False`` (the conversation then asks "Có phải 3.020.000 đ không?"), or the
reason it cannot read the text at all. Pure: text in, reading out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from bot.core.text import fold_for_matching

MAX_AMOUNT = Decimal(10) ** 15  # a quadrillion: anything above is a typo


@dataclass(frozen=True)
class Reading:
    value: Decimal
    certain: bool = True
    unit: str | None = None  # a unit the text named, folded without marks ("kg", "nguoi")
    # "8,617": the Vietnamese decimal comma (8.617) or an English thousands comma (8617)?
    # ``value`` reads it as thousands; a count or a sum cannot be the other reading.
    comma_or_thousands: Decimal | None = None


@dataclass(frozen=True)
class Unreadable:
    code: str  # a message-catalogue key: answer.not_a_number, answer.number_unclear, ...


# --- the words -------------------------------------------------------------------------------
# Keys are folded and stripped of their marks, as people also type without them (see _key).

_DIGITS = {
    "khong": 0,
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
# Units after tens: "hai mươi mốt" 21, "mười lăm" 15, "hai tư" 24, "ba lăm" 35.
_AFTER_TENS = {"mot": 1, "tu": 4, "lam": 5, "nham": 5}
_SCALES = {
    "nghin": Decimal(10**3),
    "ngan": Decimal(10**3),
    "k": Decimal(10**3),
    "van": Decimal(10**4),
    "trieu": Decimal(10**6),
    "tr": Decimal(10**6),
    "cu": Decimal(10**6),
    "ty": Decimal(10**9),
    "ti": Decimal(10**9),
}
_HUNDRED, _TENS, _ZERO_TENS, _HALF = "tram", "chuc", ("le", "linh"), "ruoi"
_TEN = "muoi"  # "mười" (ten) or, unmarked, "mươi" (tens) told apart by position
_TIMES_TEN = "muoi*"  # "mươi" written with its marks: tens, never ten on its own
# Masses, in kilograms.
MASSES = {
    "kg": Decimal(1),
    "ki": Decimal(1),
    "ky": Decimal(1),
    "kilo": Decimal(1),
    "kilogam": Decimal(1),
    "can": Decimal(1),
    "yen": Decimal(10),
    "ta": Decimal(100),
    "tan": Decimal(1000),
    "g": Decimal("0.001"),
    "gam": Decimal("0.001"),
    "gram": Decimal("0.001"),
    "lang": Decimal("0.1"),
}
CURRENCY = frozenset({"d", "dong", "vnd"})
# Words after a count that are known to count something (the question's own unit is too).
COUNT_UNITS = frozenset({
    "nguoi", "ho", "suat", "buoi", "luot", "phan", "cai", "chiec", "lan", "dot", "to", "cuon",
    "thung", "goi", "em", "chau", "hoi vien", "doan vien", "cong nhan", "nha", "can", "con",
    "cay", "xa", "ap", "diem", "lop", "cuoc", "hoi nghi", "mo hinh", "tap the", "ca nhan",
    "truong hop", "gia dinh", "ho gia dinh", "nguoi dan", "thanh nien", "phu nu", "hoc sinh",
    "sinh vien", "cuu chien binh", "nong dan", "lao dong", "suat an", "phan qua", "luot nguoi",
    "buoi tuyen truyen", "to roi", "lop tap huan", "ngay", "tuan", "gio", "cong trinh",
})  # fmt: skip
# Words around an answer that change nothing: politeness, hedges, "got", "in total". In a
# text typed with marks they must be written with them ("đô" is a dollar, not "độ").
_FILLER_MARKED = frozenset({
    "dạ", "vâng", "ạ", "à", "nhé", "nha", "ơi", "khoảng", "chừng", "độ", "có", "cỡ", "tầm",
    "xấp", "xỉ", "ước", "tính", "được", "là", "tổng", "cộng", "tất", "cả", "hết", "số",
    "lượng", "thì", "vậy", "rồi", "ok", "báo", "cáo", "tuần", "này", "em", "anh", "chị",
})  # fmt: skip
_FILLER_BARE = frozenset({
    "da", "vang", "a", "nhe", "nha", "oi", "khoang", "chung", "co", "uoc", "tinh", "duoc",
    "la", "tong", "cong", "tat", "ca", "het", "so", "luong", "thi", "vay", "roi", "ok",
})  # fmt: skip
# Hedges that make a figure a bound or an approximation: read, but asked back.
_BOUNDS = frozenset(
    {
        "hon",
        "tren",
        "gan",
        "duoi",
        "toi",
        "it",
        "nhat",
        "tro",
        "len",
        "xuong",
        "may",
        "ngoai",
        "chua",
        "den",
    }
)
_ZERO_ANSWERS = frozenset({"khong", "khong co", "chua co", "chua", "0"})

# Number and unit words whose unmarked spelling is also an everyday word ("sau" after, "nam"
# year, "tu" from, "lam" do, "ta" we, "cu" old, "tram" station): in a text typed with marks,
# only the marked spelling counts ("tuần sau báo" is not six, "5 trạm" not 500). A text typed
# without any marks reads them all.
_AMBIGUOUS = {
    "sau": {"sáu"},
    "nam": {"năm"},
    "tam": {"tám"},
    "bay": {"bảy", "bẩy"},
    "bon": {"bốn"},
    "tu": {"tư"},
    "lam": {"lăm"},
    "nham": {"nhăm"},
    "ta": {"tạ"},
    "le": {"lẻ"},
    "linh": {"linh"},
    "chuc": {"chục"},
    "tram": {"trăm"},
    "trieu": {"triệu"},
    "nghin": {"nghìn"},
    "ngan": {"ngàn"},
    "ty": {"tỷ"},
    "tan": {"tấn"},
    "yen": {"yến"},
    "cu": {"củ"},
    "mot": {"một", "mốt"},
    "ti": {"tỉ"},
    "ky": {"ký", "kí"},
    "ki": {"kí", "ký", "ki"},
    "van": {"vạn"},
    "can": {"cân"},
    "lang": {"lạng"},
    "muoi": {"mười", "mươi"},
}

_ATTACHED = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
_DIGIT_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?: \d{3}(?!\d))*")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?: \d{3}(?!\d))*|[^\W\d_]+|\S")


def bare(word: str) -> str:
    """A folded word without its marks: "triệu" → "trieu", "đồng" → "dong"."""
    decomposed = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def read_amount(text: str) -> Reading | Unreadable:
    """The amount ``text`` gives; see the module's docstring."""
    folded = fold_for_matching(text)
    folded = re.sub(r"[!?;:]+", " ", folded).strip(" ").rstrip(" .,")
    if not folded:
        return Unreadable("answer.empty")
    if bare(folded) in _ZERO_ANSWERS:
        return Reading(Decimal(0))
    marked = bare(folded) != folded
    words = [w.rstrip(".,") or w for w in folded.split()]
    bound = any(bare(w) in _BOUNDS for w in words)
    body = " ".join(w for w in words if not _filler(w, marked) and bare(w) not in _BOUNDS)
    if not body:
        return Unreadable("answer.not_a_number")
    if body.startswith("-"):
        return Unreadable("answer.negative")
    keys = [_key(w, marked) for w in re.findall(r"[^\W\d_]+", body)]
    if not re.search(r"\d", body) and not any(_is_number_word(k) for k in keys):
        return Unreadable("answer.not_a_number")  # "nhiều lắm 😅": no figure at all
    try:
        reading = _Reader(_tokens(body, marked=marked)).read()
    except _Refused as refused:
        return Unreadable(refused.code)
    except InvalidOperation:
        return Unreadable("answer.not_a_number")
    if bound:  # "hơn 100", "100 trở lên", "hai trăm mấy": a bound, perhaps; asked
        return Reading(reading.value, False, reading.unit, reading.comma_or_thousands)
    return reading


def _filler(word: str, marked: bool) -> bool:
    return word in _FILLER_MARKED if marked else bare(word) in _FILLER_BARE


class _Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _key(word: str, marked: bool) -> str:
    """How a word is looked up: without its marks, unless the text has marks and the word's
    unmarked spelling is also an everyday word ("sau", "lắm"): then it matches no table.
    "mươi" keeps its marks' meaning (tens), as "mười" is ten."""
    key = bare(word)
    if marked and word == "mươi":
        return _TIMES_TEN
    ambiguous = _AMBIGUOUS.get(key)
    return f"~{word}" if marked and ambiguous and word not in ambiguous else key


@dataclass(frozen=True)
class _Num:
    value: Decimal
    digits: int  # how many digits were typed (a "500" after "triệu" is read differently)
    whole: bool  # no decimal mark
    decimal_comma: Decimal | None = None  # "8,617" read the other way: 8.617
    grouped: bool = False  # one group mark with three digits after it: "1.250"


def _tokens(body: str, *, marked: bool) -> list[_Num | str]:
    spaced = _ATTACHED.sub(" ", body)  # "2tr5" → "2 tr 5", "300kg" → "300 kg"
    if re.search(r"(?:^|\s)[.,]\d", spaced):
        raise _Refused("answer.number_unclear")  # ",5": a half, or a slip?
    found: list[_Num | str] = []
    for token in _TOKEN.findall(spaced):
        if token[0].isdigit():
            found.append(_number(token))
        elif token.isalpha():
            found.append(_key(token, marked))
        elif token not in ",.":
            raise _Refused("answer.number_unclear")
    return found


def _number(token: str) -> _Num:
    """One run of digits; '.' and ',' are told apart the Vietnamese way: "8.617" is eight
    thousand six hundred seventeen, "1,5" one and a half, "1.5" too (English keyboards), and
    "0.125" a fraction (no number is grouped after a leading zero)."""
    if " " in token:
        head, *groups = token.split(" ")
        if "," in head or "." in head or len(head) > 3 or head.startswith("0"):
            raise _Refused("answer.number_unclear")
        return _Num(Decimal(head + "".join(groups)), len(token), True)
    if token.isdigit():
        if len(token) >= 4 and token.startswith("0"):
            raise _Refused("answer.number_unclear")  # "0912345678": a phone number?
        return _Num(Decimal(token), len(token), True)
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        mark = "," if token.rfind(",") > token.rfind(".") else "."
        grouping = "." if mark == "," else ","
        whole, fraction = token.rsplit(mark, 1)
        if grouping in fraction or mark in whole:
            raise _Refused("answer.number_unclear")
        return _Num(Decimal(_ungroup(whole, grouping) + "." + fraction), len(token), False)
    mark = "." if dots else ","
    parts = token.split(mark)
    if len(parts) > 2:
        return _Num(Decimal(_ungroup(token, mark)), len(token), True)
    if len(parts[1]) == 3 and parts[0] != "0":
        other = Decimal(parts[0] + "." + parts[1]) if mark == "," else None
        return _Num(Decimal(_ungroup(token, mark)), len(token), True, other, grouped=True)
    return _Num(Decimal(parts[0] + "." + parts[1]), len(token), False)


def _ungroup(token: str, mark: str) -> str:
    head, *groups = token.split(mark)
    if not head or len(head) > 3 or head.startswith("0") or any(len(g) != 3 for g in groups):
        raise _Refused("answer.number_unclear")
    return head + "".join(groups)


class _Reader:
    """Left to right over the tokens: groups of hundreds, tens and units closed by scale
    words, with the short forms people use ("trăm hai" 120, "nghìn tư" 1,400, "2tr5")."""

    def __init__(self, tokens: list[_Num | str]) -> None:
        self.tokens = tokens
        self.i = 0
        self.total = Decimal(0)  # closed groups (each a group times its scale)
        self.group = Decimal(0)  # the group being read, below the next scale
        self.last: str | None = None  # what the previous token was, for the short forms
        self.last_value = Decimal(0)  # the number the previous token gave ("12" in "12 chục")
        self.scale: Decimal | None = None  # the last scale closed
        self.seen = False  # a number was read at all
        self.counted = False  # a digit or a number word was read, not only scale words
        self.worded = False  # the group being read was built with "trăm" or "chục"
        self.certain = True
        self.unit: str | None = None
        self.unit_size: Decimal | None = None  # a mass unit's size, for "rưỡi" and "tạ 5"
        self.comma: Decimal | None = None  # a "8,617" read the other way, if alone
        self.grouped = False  # the last number had one group mark ("1.250")
        self.numbers = 0  # runs of digits read

    def read(self) -> Reading:
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            self.i += 1
            if isinstance(token, _Num):
                self._number(token)
            elif not self._word(token):
                self._unit(token)
        if not self.seen:
            raise _Refused("answer.not_a_number")
        if not self.counted:
            self.certain = False  # a scale word alone: "triệu" is one million, perhaps
        if self.last == "zero_tens":
            self.certain = False  # "hai trăm có lẻ": two hundred and some
        if self.worded and self.scale is not None and self.scale >= 10**6 and self.group:
            # "2 triệu 3 trăm": 2,300,000 (three hundred thousand) as people say it, but
            # the words say 2,000,300: asked back.
            self.group *= self.scale / 1000
            self.certain = False
        value = self.total + self.group
        if value > MAX_AMOUNT:
            raise _Refused("answer.too_large")
        other = None
        if self.comma is not None and self.numbers == 1 and self.scale is None:
            other = self.comma  # "8,617" alone (with its unit at most): either reading
        elif self.comma is not None:
            raise _Refused("answer.number_unclear")  # "8,617 triệu": too many ways to read
        return Reading(value, self.certain, self.unit, other)

    def _peek(self) -> _Num | str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def _ends_number(self) -> bool:
        """Nothing more of the number follows (the end, a unit, a currency)."""
        following = self._peek()
        return following is None or (isinstance(following, str) and not _is_number_word(following))

    def _number(self, token: _Num) -> None:
        self.counted = True
        self.numbers += 1
        if self.unit is not None and self.unit_size is None:
            raise _Refused("answer.number_unclear")  # "120 hộ 5"
        if self.last == "scale" and self.scale is not None and self._ends_number():
            self._after_scale(token.value, token.digits if token.whole else 0)
        elif self.last == "unit" and self.unit_size is not None and self._ends_number():
            self._after_mass(token.value, token.digits if token.whole else 0)
        elif self.last in (None, "scale"):
            self.group += token.value
            self.last, self.last_value = "number", token.value
            self.comma, self.grouped = token.decimal_comma, token.grouped
        else:
            raise _Refused("answer.number_unclear")  # "12 13", "2 trăm 5 6"
        self.seen = True

    def _after_scale(self, value: Decimal, digits: int) -> None:
        """Digits right after a scale word: "2tr5" is 2.5 million (certain); "3 triệu 20"
        and "2 triệu 500" are most likely thousands (3,020,000; 2,500,000), but not surely:
        asked back. After "nghìn", three digits are units (2 nghìn 500 = 2,500)."""
        assert self.scale is not None
        if digits == 1:
            self.group += value * self.scale / 10
        elif digits in (2, 3):
            self.group += value * self.scale / 1000
            if not (self.scale == 1000 and digits == 3):
                self.certain = False
        else:
            raise _Refused("answer.number_unclear")
        self.last = "number"

    def _after_mass(self, value: Decimal, digits: int) -> None:
        """ "1 tấn 2" is 1.2 tonnes; "2 tạ 50" more likely 2 tạ 50 kg: asked back."""
        assert self.unit_size is not None
        if digits == 1:
            self.total += value * self.unit_size / 10
        elif digits in (2, 3):
            self.total += value  # kilograms
            self.certain = False
        else:
            raise _Refused("answer.number_unclear")
        self.last = "number"

    def _word(self, word: str) -> bool:
        """Read a number word; False if ``word`` is not one (a unit, perhaps)."""
        if self.last == "half" and word in _SCALES:
            raise _Refused("answer.number_unclear")  # "2 triệu rưỡi nghìn"
        if word in _SCALES:
            self._close(_SCALES[word])
        elif word == _HUNDRED:
            self._times(Decimal(100))
            self.last = "hundred"
        elif word in (_TEN, _TIMES_TEN):
            self._ten(word == _TIMES_TEN)
        elif word == _TENS:
            self._times(Decimal(10))
            self.last = "tens"
        elif word in _ZERO_TENS and self.last == "hundred":
            self.last = "zero_tens"
        elif word == _HALF:
            self._half()
        elif word in _AFTER_TENS and self.last in ("ten", "tens_word", "zero_tens"):
            self.group += _AFTER_TENS[word]  # "hai mươi mốt" 21, "mười lăm" 15, "lẻ tư" 104
            self.last = "number"
            self.seen = self.counted = True
        elif word in _AFTER_TENS and self.last == "digit":
            self.group += self.last_value * 9 + _AFTER_TENS[word]  # "hai tư" 24, "ba lăm" 35
            self.last = "number"
        elif word in _AFTER_TENS and self.last in ("hundred", "scale") and self._ends_number():
            self._digit(Decimal(_AFTER_TENS[word]))  # "trăm mốt" 110, "triệu tư" 1.4 million
        elif word in _DIGITS:
            self._digit(Decimal(_DIGITS[word]))
        else:
            return False
        return True

    def _digit(self, digit: Decimal) -> None:
        self.counted = True
        following = self._peek()
        if self.last == "hundred" and following not in (_TEN, _TIMES_TEN, _TENS):
            self.group += digit * 10  # "một trăm hai" 120, "trăm hai tư" 124: the tens
            self.last = "tens_word"
        elif self.last in ("zero_tens", "ten", "tens_word"):
            self.group += digit  # "trăm lẻ năm" 105, "mười hai" 12, "hai mươi ba" 23
            self.last = "number"
        elif self.last == "scale" and self.scale is not None and self._ends_number():
            self.group += digit * self.scale / 10  # "nghìn hai" = 1,200
            self.last = "number"
        elif self.last in (None, "scale", "hundred"):
            self.group += digit
            self.last, self.last_value = "digit", digit
        else:
            raise _Refused("answer.number_unclear")
        self.seen = True

    def _ten(self, tens_only: bool) -> None:
        """ "mười" (10) at the start of the tens, or "mươi" (×10) after a digit."""
        if self.last == "digit":
            self.group += self.last_value * 9  # the digit just read was the tens
            self.last = "tens_word"
        elif tens_only and self.last is None:
            self.group += 10  # "mươi người": some ten people, not surely ten
            self.certain = False
            self.last = "tens_word"
            self.seen = self.counted = True
        elif self.last in (None, "scale", "hundred", "zero_tens"):
            self.group += 10
            self.last = "ten"
            self.seen = self.counted = True
        else:
            raise _Refused("answer.number_unclear")

    def _times(self, factor: Decimal) -> None:
        """ "trăm", "chục": what was read since the last hundred (or one) times the factor:
        "hai trăm" 200, "mười hai trăm" 1,200, "15 chục" 150, "một trăm hai chục" 120."""
        if self.last in ("digit", "number", "tens_word"):
            part = self.group % 100 if factor == 10 else self.group
            if factor == 100 and part >= 100:
                raise _Refused("answer.number_unclear")  # "một trăm hai trăm"
            self.group += part * (factor - 1)
        elif self.last in (None, "scale"):
            self.group += factor  # "trăm rưỡi": a hundred and a half
            self.counted = True
        else:
            raise _Refused("answer.number_unclear")
        self.worded = True
        self.seen = True

    def _close(self, scale: Decimal) -> None:
        if self.scale is not None and scale >= self.scale and self.group:
            raise _Refused("answer.number_unclear")  # "500 nghìn 2 triệu"
        if self.last == "unit":
            raise _Refused("answer.number_unclear")
        if self.grouped and self.numbers == 1:
            self.certain = False  # "1.250 tr": 1,250 million, or 1.25 million typed so?
        self.total += (self.group or Decimal(1)) * scale
        self.group = Decimal(0)
        self.scale = scale
        self.worded = False
        self.last = "scale"
        self.seen = True

    def _half(self) -> None:
        """ "rưỡi": half of what it follows (a scale, a hundred, ten, or a unit)."""
        self.counted = True  # "triệu rưỡi": one and a half million, surely
        if self.last == "scale" and self.scale is not None:
            self.total += self.scale / 2
        elif self.last == "hundred":
            self.group += 50
        elif self.last == "tens":
            self.group += 5
        elif self.last == "unit" and self.unit_size is not None:
            self.total += self.unit_size / 2
        elif self.last == "unit" and self.unit is not None:
            self.total += Decimal("0.5")  # "2 giờ rưỡi", "3 buổi rưỡi"
        else:
            raise _Refused("answer.number_unclear")
        self.last = "half"

    def _unit(self, word: str) -> None:
        """A unit after the number (masses are turned into kilograms here)."""
        if not self.seen:
            raise _Refused("answer.not_a_number")
        if _is_number_word(word):
            raise _Refused("answer.number_unclear")  # a number word out of place
        if self.unit is not None:
            if word in CURRENCY and self.unit in CURRENCY:
                return  # "đ" after "đồng"
            if self.unit in ("ki", "ky") and word in ("lo", "logam", "gam"):
                return  # "ki lô", "ký lô gam"
            if self.unit_size is None:
                self.unit = f"{self.unit} {word}"  # "hội viên", "suất ăn"
                return
            raise _Refused("answer.number_unclear")
        if word in MASSES:
            size = MASSES[word]
            self.total = (self.total + self.group) * size
            self.group = Decimal(0)
            self.unit_size = size
        self.unit = word
        self.last = "unit"


def _is_number_word(word: str) -> bool:
    return (
        word in _DIGITS
        or word in _SCALES
        or word in (_HUNDRED, _TEN, _TIMES_TEN, _TENS, _HALF)
        or word in _ZERO_TENS
        or word in _AFTER_TENS
    )
