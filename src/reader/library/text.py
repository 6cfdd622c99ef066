"""Plain text as the library stores it: NFC, no control characters.

Stored columns feed search snippets and library tables shown in a terminal, so they must never
carry escape sequences; and the search index is built from them, so they must be normalised the
same way every time (the snippet markers \\x02 / \\x03 can then never occur in stored text).
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zlib

from reader.model import Article

# C0 controls except TAB and LF, DEL, C1 controls, and the bidi overrides / isolates.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """Body text: NFC, controls dropped, newlines and tabs kept."""
    return _CONTROLS.sub("", unicodedata.normalize("NFC", text.replace("\r\n", "\n")))


def clean_line(text: str | None) -> str:
    """A one-line value (title, author, site): controls dropped, whitespace runs collapsed."""
    if not text:
        return ""
    return " ".join(clean_text(text).split())


def article_body_text(article_json: bytes) -> str:
    """The searchable body of a stored (zlib-compressed) Article JSON: its cleaned text.

    The index is fed this and snippets are built from it (schema.py), so both must come from this
    one function: FTS5 places highlights, and deletes entries, by token number. An unreadable
    blob reads as no text rather than failing a search.
    """
    try:
        return clean_text(Article.from_json(zlib.decompress(article_json).decode()).text)
    except (ValueError, KeyError, TypeError, zlib.error):
        return ""


@functools.lru_cache(maxsize=512)
def cached_article_body_text(article_json: bytes) -> str:
    """`article_body_text`, remembered: search as you type asks for the same rows again."""
    return article_body_text(article_json)
