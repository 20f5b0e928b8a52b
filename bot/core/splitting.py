"""Splitting a long HTML message into pieces Telegram accepts (4096 characters each).

Pieces break at line boundaries where possible; a single line longer than the limit (a long
answer) is cut between characters. A cut never falls inside a tag or an entity such as
``&amp;``, and a formatting element open at a cut is closed at the end of the piece and
opened again at the start of the next, so every piece is valid HTML on its own. Length is
counted in UTF-16 units, as Telegram counts it, on the raw HTML, which is never shorter than
what is shown.
"""

from __future__ import annotations

import re

LIMIT = 4096

# A tag, an entity, or one character: the units a cut may fall between.
_TOKEN = re.compile(r"<[^<>]*>|&#?\w{1,10};|.", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][\w-]*)")
_TAG = re.compile(r"<[^<>]*>")

Element = tuple[str, str]  # (tag name, opening tag as written)


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_html(text: str, limit: int = LIMIT) -> list[str]:
    if units(text) <= limit:
        return [text] if _visible(text) else []
    tokens = _TOKEN.findall(text)
    sizes = [units(token) for token in tokens]
    pieces: list[str] = []
    start = 0
    open_at_start: list[Element] = []
    while start < len(tokens):
        prefix = "".join(opening for _, opening in open_at_start)
        size, elements = units(prefix), list(open_at_start)
        line_break: tuple[int, list[Element]] | None = None  # last "\n": index, open there
        index = start
        while index < len(tokens):
            after = _after(elements, tokens[index])
            if index > start and size + sizes[index] + _closing_size(after) > limit:
                break
            if tokens[index] == "\n":
                line_break = (index, elements)
            size, elements, index = size + sizes[index], after, index + 1
        if index < len(tokens) and line_break is not None and line_break[0] > start:
            index, elements = line_break  # prefer a line boundary; the "\n" itself goes
            body, start = "".join(tokens[start:index]), index + 1
        else:
            body, start = "".join(tokens[start:index]), index
        pieces.append(prefix + body + _closing(elements))
        open_at_start = elements
    return [piece for piece in pieces if _visible(piece)]


def _after(elements: list[Element], token: str) -> list[Element]:
    """The elements open after ``token``."""
    if not token.startswith("<") or len(token) < 3:
        return elements
    match = _TAG_NAME.match(token)
    if match is None:
        return elements
    name = match.group(1).lower()
    if token.startswith("</"):
        for position in range(len(elements) - 1, -1, -1):
            if elements[position][0] == name:
                return elements[:position] + elements[position + 1 :]
        return elements
    return [*elements, (name, token)]


def _closing(elements: list[Element]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(elements))


def _closing_size(elements: list[Element]) -> int:
    return sum(len(name) + 3 for name, _ in elements)


def _visible(piece: str) -> bool:
    """Telegram refuses a message with nothing to show."""
    return bool(_TAG.sub("", piece).strip())
