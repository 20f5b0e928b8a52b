"""Telegram's HTML parse mode, as strictly as Telegram applies it.

Used by the local Bot API server to refuse what Telegram would refuse (unknown tags,
unescaped ``<`` or ``&``, unbalanced tags) and to measure text length after parsing.
"""

from __future__ import annotations

import html
import re

SUPPORTED_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "a", "code", "pre", "blockquote", "tg-emoji",
    }
)  # fmt: skip

_TAG_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)"
    r"((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=]+))?)*)\s*>"
)
_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")

MAX_MESSAGE_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024


class EntityParseError(ValueError):
    """The text would be refused by Telegram: ``Bad Request: can't parse entities: ...``."""


def utf16_length(text: str) -> int:
    """Telegram measures text in UTF-16 code units: an emoji counts as two."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def parse_html(text: str) -> str:
    """Return the visible text of an HTML-formatted message, or raise EntityParseError."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "<":
            match = _TAG_RE.match(text, i)
            if match is None:
                raise EntityParseError(
                    f'Unsupported start tag "" at byte offset {_byte_offset(text, i)}'
                )
            closing, name = match.group(1) == "/", match.group(2).lower()
            if closing:
                if not stack:
                    raise EntityParseError(
                        f"Unexpected end tag at byte offset {_byte_offset(text, i)}"
                    )
                if stack[-1] != name:
                    raise EntityParseError(
                        f"Unmatched end tag at byte offset {_byte_offset(text, i)}, "
                        f'expected "</{stack[-1]}>", found "</{name}>"'
                    )
                stack.pop()
            else:
                if name not in SUPPORTED_TAGS:
                    raise EntityParseError(
                        f'Unsupported start tag "{name}" at byte offset {_byte_offset(text, i)}'
                    )
                stack.append(name)
            i = match.end()
        elif char == "&":
            match = _ENTITY_RE.match(text, i)
            if match is None:
                raise EntityParseError(
                    f"Character entity expected at byte offset {_byte_offset(text, i)}"
                )
            out.append(html.unescape(match.group(0)))
            i = match.end()
        elif char == ">":
            # Telegram tolerates a bare '>' but its own docs say to escape it; we insist.
            raise EntityParseError(f"Unexpected '>' at byte offset {_byte_offset(text, i)}")
        else:
            out.append(char)
            i += 1
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)
