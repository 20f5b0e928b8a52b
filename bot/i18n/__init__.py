"""The message catalogue: every text a person reads, Vietnamese with English beside it.

``t()`` renders for Telegram's HTML parse mode and escapes every parameter, so user text can
never inject markup; pass ``Html(...)`` for a fragment that is already safe HTML.
``plain()`` renders for a terminal (no escaping, no markup in those entries).
"""

from __future__ import annotations

import html
import string

from bot.core.language import DEFAULT_LANGUAGE, LANGUAGES
from bot.i18n import chat, directions, documents, membership, plans, reporting, setup, weekly

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Html",
    "escape",
    "keys",
    "placeholders",
    "plain",
    "t",
    "template",
]


class Html(str):
    """A fragment of HTML that is already escaped and is inserted as is."""

    __slots__ = ()


def escape(text: str) -> Html:
    return Html(html.escape(text, quote=False))


def _merged(*areas: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for area in areas:
        if twice := merged.keys() & area.keys():
            raise AssertionError(f"catalogue keys in two areas: {sorted(twice)}")
        merged.update(area)
    return merged


_CATALOGUE = _merged(
    setup.ENTRIES,
    chat.ENTRIES,
    reporting.ENTRIES,
    membership.ENTRIES,
    weekly.ENTRIES,
    documents.ENTRIES,
    directions.ENTRIES,
    plans.ENTRIES,
)


def keys() -> frozenset[str]:
    return frozenset(_CATALOGUE)


def template(key: str, lang: str) -> str:
    entry = _CATALOGUE[key]
    return entry.get(lang) or entry[DEFAULT_LANGUAGE]


def placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> Html:
    """A catalogue entry as Telegram HTML, every parameter escaped unless it is Html."""
    safe = {
        name: value if isinstance(value, Html) else html.escape(str(value), quote=False)
        for name, value in params.items()
    }
    return Html(template(key, lang).format(**safe))


def plain(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """A catalogue entry as plain text for a terminal."""
    return template(key, lang).format(**params)
