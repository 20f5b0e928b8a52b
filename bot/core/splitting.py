"""Splitting a long HTML message into pieces Telegram accepts (4096 characters each).

Pieces break at line boundaries. The views keep every tag on one line, so a piece never
ends inside a tag; a single line longer than the limit (a long answer) is cut between
characters, never inside a tag or an entity like ``&amp;``. Length is counted in UTF-16
units, as Telegram counts it, on the raw HTML, which is never shorter than what is shown.
"""

from __future__ import annotations

LIMIT = 4096


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_html(text: str, limit: int = LIMIT) -> list[str]:
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while units(line) > limit:
            cut = _safe_cut(line, _prefix_within(line, limit))
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if units(candidate) > limit:
            pieces.append(current)
            current = line
        else:
            current = candidate
    pieces.append(current)
    return [p for p in pieces if p.strip()]


def _prefix_within(line: str, limit: int) -> int:
    """The longest prefix length whose UTF-16 size is at most ``limit``."""
    size = 0
    for index, char in enumerate(line):
        size += 2 if ord(char) > 0xFFFF else 1
        if size > limit:
            return index
    return len(line)


def _safe_cut(line: str, cut: int) -> int:
    """Move ``cut`` back so that it is not inside a tag or an entity."""
    open_tag, close_tag = line.rfind("<", 0, cut), line.rfind(">", 0, cut)
    if open_tag > close_tag:
        cut = open_tag
    amp, semi = line.rfind("&", 0, cut), line.rfind(";", 0, cut)
    if amp > semi and cut - amp <= 10:
        cut = amp
    return max(cut, 1)
