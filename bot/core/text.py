"""Text normalization: every string a user gives is stored in Unicode NFC."""

from __future__ import annotations

import unicodedata

# Spaces phones and office software put inside numbers ("8 617").
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000"), " ")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """NFC, Unix line endings, no surrounding whitespace; inner content kept as typed."""
    return nfc(text).replace("\r\n", "\n").replace("\r", "\n").strip()


def fold_for_matching(text: str) -> str:
    """A lower-case, single-spaced NFC form used only to *recognize* answers, never stored."""
    return " ".join(nfc(text).translate(_SPACE_LIKE).casefold().split())


def is_blank(text: str) -> bool:
    """Nothing a person could read: whitespace and invisible format characters only
    (zero-width spaces, joiners, byte-order marks)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)
