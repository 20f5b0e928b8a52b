"""Long HTML messages are split into pieces Telegram accepts, each valid on its own."""

from __future__ import annotations

import re

import pytest

from bot.core.splitting import split_html, units
from bot.local_api.telegram_html import parse_html


def visible(pieces: list[str]) -> str:
    return "".join(parse_html(piece) for piece in pieces)


def test_a_short_message_is_one_piece_unchanged() -> None:
    assert split_html("<b>Tổng hợp</b>\nxong") == ["<b>Tổng hợp</b>\nxong"]


def test_a_message_with_nothing_visible_is_not_sent() -> None:
    assert split_html("<b></b>\n  ") == []


def test_pieces_break_at_line_boundaries_when_they_can() -> None:
    lines = [f"Dòng {n}: " + "x" * 40 for n in range(200)]

    pieces = split_html("\n".join(lines), limit=500)

    assert len(pieces) > 1
    assert all(units(p) <= 500 for p in pieces)
    assert [line for p in pieces for line in p.split("\n")] == lines


def test_a_bold_line_cut_in_the_middle_is_closed_and_reopened() -> None:
    text = "<b>" + "đậm " * 300 + "</b>\n<i>sau</i>"

    pieces = split_html(text, limit=400)

    assert len(pieces) > 2
    for piece in pieces:
        assert units(piece) <= 400
        parse_html(piece)  # raises if a tag were left open or cut
    assert pieces[1].startswith("<b>")
    assert visible(pieces).replace("\n", "") == parse_html(text).replace("\n", "")


def test_nested_elements_and_links_survive_a_cut() -> None:
    text = (
        '<blockquote><a href="tg://user?id=5">An</a> '
        + "<i>"
        + "ý kiến " * 200
        + "</i></blockquote>"
    )

    pieces = split_html(text, limit=300)

    for piece in pieces:
        parse_html(piece)
        assert units(piece) <= 300
    assert pieces[1].startswith("<blockquote><i>")
    assert visible(pieces) == parse_html(text)


@pytest.mark.parametrize("entity", ["&amp;", "&lt;", "&gt;", "&quot;", "&#60;"])
def test_an_entity_is_never_cut(entity: str) -> None:
    text = (entity + "a") * 500

    pieces = split_html(text, limit=97)

    for piece in pieces:
        parse_html(piece)
        assert re.search(r"&#?\w*$", piece) is None
    assert "".join(pieces) == text


def test_length_is_counted_in_utf16_units_as_telegram_does() -> None:
    text = "🇻🇳" * 3000  # each flag is two astral characters: four UTF-16 units

    pieces = split_html(text)

    assert all(units(p) <= 4096 for p in pieces)
    assert "".join(pieces) == text
    assert len(pieces) == 3
