"""A view as plain text, for a chat platform without buttons or markup (Zalo's bot API has
neither): the text without its HTML, and each button as a numbered choice to answer with."""

from __future__ import annotations

import html
import re

from bot.views.base import RECEIVED, View

LIMIT = 2000  # characters a plain-text platform takes in one message (Zalo: 2,000)

_LINK = re.compile(r'<a href="[^"]*">(.*?)</a>', re.DOTALL)
_TAG = re.compile(r"</?[a-z][^>]*>")


def as_plain(view: View) -> str:
    """The view's text and its choices: "1. Nộp báo cáo" on a line each, numbered through
    every row, so that the person answers with the number."""
    text = text_of(view.text)
    choices = [button.label for row in view.buttons for button in row]
    lines = [text] if text else []
    if view.react and not text:
        lines.append(RECEIVED)  # a quiet acknowledgement, where reactions do not exist
    if view.notice:
        lines.append(view.notice)
    lines += [f"{number}. {label}" for number, label in enumerate(choices, 1)]
    return "\n".join(lines)


def text_of(telegram_html: str) -> str:
    """Telegram HTML as the text a person reads: links as their words, no tags."""
    return html.unescape(_TAG.sub("", _LINK.sub(r"\1", telegram_html)))
