"""Accent folding for search: `dang vien` must find `Đảng viên`, `strasse` must find `Straße`.

SQLite's unicode61 tokenizer (``remove_diacritics 2``) already lower-cases and strips combining
marks, but letters that carry no combining mark in Unicode (đ, ø, ł, ß, æ, œ, þ, dotless i …)
stay as they are. We fold those ourselves, in the index and in queries alike.

The fold maps every letter to one or more ASCII letters and touches nothing else, so the text keeps
exactly the same tokens in the same order. That is what lets the index hold the folded text while
FTS5 builds snippets from the original: it locates hits by token number, not by token text.

German umlauts fold to the base letter (``Müller`` → ``muller``), as in every other language that
uses them; the German ``ue`` spelling (``mueller``) is *not* matched, because expanding ü to ``ue``
would break ``muller``, which is what people without a German keyboard usually type.
"""

from __future__ import annotations

import unicodedata

FOLD_VERSION = 1
"""Stored in the library; a library indexed with another version is re-indexed on open."""

# Letters whose compatibility decomposition has no ASCII base. Lower case only: upper case
# letters are looked up through their lower-case form.
_BASE = {
    "æ": "ae",
    "ð": "d",
    "ø": "o",
    "þ": "th",
    "ß": "ss",
    "đ": "d",
    "ħ": "h",
    "\u0131": "i",  # dotless i
    "ĸ": "k",
    "ŀ": "l",
    "ł": "l",
    "ŉ": "n",
    "œ": "oe",
    "ŧ": "t",
    "ƀ": "b",
    "ƃ": "b",
    "ƈ": "c",
    "ƌ": "d",
    "ƒ": "f",
    "ƙ": "k",
    "ƚ": "l",
    "ƥ": "p",
    "ƫ": "t",
    "ƭ": "t",
    "ƴ": "y",
    "ƶ": "z",
    "ǥ": "g",
    "ȡ": "d",
    "ȥ": "z",
    "ȴ": "l",
    "ȵ": "n",
    "ȶ": "t",
    "ȷ": "j",
    "ȼ": "c",
    "ɇ": "e",
    "ɉ": "j",
    "ɋ": "q",
    "ɍ": "r",
    "ɏ": "y",
    "ɓ": "b",
    "ɖ": "d",
    "ɗ": "d",
    "ɠ": "g",
    "ɨ": "i",
    "ʈ": "t",
    "ʉ": "u",
    "ⱥ": "a",
    "ⱦ": "t",
    "ẞ": "ss",
}

# Latin blocks: Latin-1 Supplement, Extended-A/B, Extended Additional, Extended-C, alphabetic
# presentation forms (the ﬁ ligatures).
_RANGES = ((0x00C0, 0x0250), (0x1E00, 0x1F00), (0x2C60, 0x2C80), (0xFB00, 0xFB07))


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold_letter(char: str) -> str | None:
    """ASCII letters for one Latin letter, or None to leave it to the tokenizer."""
    lower = char.lower()
    folded = _BASE.get(char) or _BASE.get(lower)
    if folded is None:
        stripped = _strip_marks(lower)
        folded = "".join(_BASE.get(c, c) for c in stripped)
    if not folded or not (folded.isascii() and folded.isalpha()) or folded == char:
        return None
    return folded


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for start, stop in _RANGES:
        for code in range(start, stop):
            char = chr(code)
            if unicodedata.category(char).startswith("L") and (folded := _fold_letter(char)):
                table[code] = folded
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Text with Latin letters reduced to ASCII letters (lower case where changed).

    Expects NFC text (the library normalises before folding). Every non-letter is left alone and
    every letter becomes letters, so tokenization is unchanged.
    """
    return text.translate(_TABLE)
