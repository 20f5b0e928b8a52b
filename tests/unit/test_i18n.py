from __future__ import annotations

import unicodedata

import pytest

from bot.i18n import LANGUAGES, Html, keys, placeholders, plain, t, template
from bot.local_api.telegram_html import parse_html

HOSTILE = '<script>alert("x")</script> & </b> *_`[link](http://x)'
# Entries sent to Telegram with parse_mode HTML; the others are for the terminal.
HTML_PREFIXES = ("bot.", "answer.", "status.", "weekday.", "cmd.")


@pytest.mark.parametrize("key", sorted(keys()))
def test_every_message_exists_in_vietnamese_and_english_with_the_same_placeholders(
    key: str,
) -> None:
    vi, en = template(key, "vi"), template(key, "en")
    assert vi
    assert en
    assert placeholders(vi) == placeholders(en)


@pytest.mark.parametrize("key", sorted(keys()))
def test_every_vietnamese_message_is_nfc(key: str) -> None:
    assert unicodedata.is_normalized("NFC", template(key, "vi"))


@pytest.mark.parametrize("key", sorted(k for k in keys() if k.startswith(HTML_PREFIXES)))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_telegram_messages_stay_valid_html_whatever_the_user_typed(key: str, lang: str) -> None:
    params = dict.fromkeys(placeholders(template(key, lang)), HOSTILE)
    rendered = t(key, lang, **params)
    visible = parse_html(rendered)  # raises if Telegram would refuse it
    if params:
        assert HOSTILE in visible


def test_parameters_are_escaped_unless_marked_as_html() -> None:
    assert t("bot.unknown_command", "vi", command="<b>") == (
        "Bot chưa có lệnh &lt;b&gt;. Gõ /help để xem các lệnh."
    )
    assert t("bot.unknown_command", "vi", command=Html("<b>x</b>")).startswith(
        "Bot chưa có lệnh <b>x</b>."
    )


def test_terminal_messages_are_not_escaped() -> None:
    assert plain("config.bad_timezone", "vi", value="A&B") == (
        "múi giờ “A&B” không tồn tại (ví dụ đúng: Asia/Ho_Chi_Minh)"
    )


def test_an_unknown_language_falls_back_to_vietnamese() -> None:
    assert template("cmd.help", "fr") == template("cmd.help", "vi")
