"""How wide a line of Times New Roman is, to lay out the report's heading without a renderer.

The advance widths (thousandths of an em) are Times New Roman's, which Liberation Serif shares
metric for metric. A Vietnamese letter is as wide as its base letter (the marks sit above or
below it), except the horned ơ and ư. Widths are in twips (1/20 pt), as Word measures a page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import combinations

_ASCII = "".join(chr(c) for c in range(32, 127))
# Printable ASCII, space to tilde, then the letters and signs a Vietnamese report adds.
_EXTRA = "ĐđƠơƯư–—…“”‘’"
_REGULAR = (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 "
    "500 500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 "
    "611 889 722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 "
    "500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 "
    "500 500 444 480 200 480 541 722 500 722 529 776 542 500 1000 1000 444 444 333 333"
)
_BOLD = (
    "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 "
    "500 500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 "
    "667 944 722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 "
    "556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 "
    "500 500 444 394 220 394 520 722 556 778 554 796 600 500 1000 1000 500 500 333 333"
)
_ITALIC = (
    "250 333 420 500 500 833 778 214 333 333 500 675 250 333 250 278 500 500 500 500 500 500 "
    "500 500 500 500 333 333 675 675 675 500 920 611 611 667 722 611 611 722 722 333 444 667 "
    "556 833 667 722 611 722 611 500 556 722 611 833 611 556 556 389 278 389 422 500 333 500 "
    "500 444 500 444 278 500 500 278 278 444 278 722 500 500 500 500 389 389 278 500 444 667 "
    "444 444 389 400 275 400 541 722 500 722 534 754 545 500 889 889 556 556 333 333"
)


def _table(widths: str) -> dict[str, int]:
    values = [int(w) for w in widths.split()]
    assert len(values) == len(_ASCII + _EXTRA)
    return dict(zip(_ASCII + _EXTRA, values, strict=True))


_WIDTHS = {
    (False, False): _table(_REGULAR),
    (True, False): _table(_BOLD),
    (False, True): _table(_ITALIC),
    (True, True): _table(_BOLD),  # bold italic is within a few thousandths of bold
}
_UNKNOWN = 500


def _base(char: str) -> str:
    """The letter a Vietnamese letter is built on: 'Ộ' -> 'O', 'ừ' -> 'ư'."""
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if "\u031b" in decomposed:  # the horn: ơ, ư and their tones
        return unicodedata.normalize("NFC", base + "\u031b")
    return base


def text_width(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> int:
    """The width in twips of ``text`` on one line at ``size_pt`` points."""
    widths = _WIDTHS[bold, italic]
    thousandths = sum(widths.get(c) or widths.get(_base(c), _UNKNOWN) for c in text)
    return round(thousandths * size_pt * 20 / 1000)


def balanced_lines(
    text: str,
    width: int,
    size_pt: float,
    *,
    bold: bool = False,
    italic: bool = False,
    break_before: Sequence[str] = (),
) -> list[str]:
    """``text`` in lines of at most ``width`` twips, broken between words: two or three lines
    broken before one of the words ``break_before`` where they can be ("ỦY BAN MTTQ VIỆT NAM" /
    "TỈNH TÂY NINH"), and otherwise as even as can be (never a last line of one short word);
    longer texts fill each line in turn. A word wider than the width has a line to itself."""

    def measure(line: str) -> int:
        return text_width(line, size_pt, bold=bold, italic=italic)

    words = text.split()
    if measure(" ".join(words)) <= width:
        return [" ".join(words)] if words else []
    for count in (2, 3):
        splits = (
            [" ".join(words[a:b]) for a, b in zip((0, *cuts), (*cuts, len(words)), strict=True)]
            for cuts in combinations(range(1, len(words)), count - 1)
        )
        fitting = [lines for lines in splits if all(measure(line) <= width for line in lines)]
        if fitting:
            return min(
                fitting,
                key=lambda lines: (-_good_breaks(lines, break_before), max(map(measure, lines))),
            )
    lines: list[str] = []
    for word in words:
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _good_breaks(lines: list[str], break_before: Sequence[str]) -> int:
    """How many of the lines after the first begin with one of the words ``break_before``."""
    starts = tuple(f"{word.casefold()} " for word in break_before)
    return sum(1 for line in lines[1:] if f"{line.casefold()} ".startswith(starts))
