from __future__ import annotations

import pytest

from bot.local_api.telegram_html import EntityParseError, parse_html, utf16_length


def test_supported_markup_parses_to_the_visible_text() -> None:
    text = '<b>Tổng hợp</b> <i>tuần</i> &lt;48&gt; &amp; <a href="https://x.vn">link</a> &#273;'
    assert parse_html(text) == "Tổng hợp tuần <48> & link đ"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<script>x</script>", 'Unsupported start tag "script"'),
        ("a < b", 'Unsupported start tag ""'),
        ("a & b", "Character entity expected"),
        ("&nbsp;", "Character entity expected"),
        ("<b>open", "Can't find end tag"),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("x</b>", "Unexpected end tag"),
        ("a > b", "Unexpected '>'"),
    ],
)
def test_what_telegram_refuses_is_refused(text: str, problem: str) -> None:
    with pytest.raises(EntityParseError, match=problem):
        parse_html(text)


def test_length_is_counted_in_utf16_units_as_telegram_does() -> None:
    assert utf16_length("ươ") == 2
    assert utf16_length("😀") == 2
