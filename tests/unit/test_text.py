from __future__ import annotations

import unicodedata

from bot.core.text import fold_for_matching, is_blank, normalize_text


def test_text_is_stored_in_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Hội Liên hiệp Phụ nữ")
    assert normalize_text(decomposed) == "Hội Liên hiệp Phụ nữ"
    assert unicodedata.is_normalized("NFC", normalize_text(decomposed))


def test_line_endings_become_unix_and_surrounding_space_goes() -> None:
    assert normalize_text("  một\r\nhai\rba \n") == "một\nhai\nba"


def test_matching_folds_case_and_odd_spaces_but_keeps_diacritics() -> None:
    assert fold_for_matching("  Có\u00a0 Rồi ") == "có rồi"
    assert fold_for_matching("CO") != fold_for_matching("CÓ")


def test_blank_means_nothing_readable_but_emoji_joiners_are_content() -> None:
    assert is_blank(" \u200b\n\ufeff")
    assert not is_blank("👨\u200d👩\u200d👧")
    assert not is_blank(".")
