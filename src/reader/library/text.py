"""Plain text as the library stores it: NFC, no control characters.

Stored columns feed search snippets and library tables shown in a terminal, so they must never
carry escape sequences; and the search index is built from them, so they must be normalised the
same way every time (the snippet markers \\x02 / \\x03 can then never occur in stored text).
"""

from __future__ import annotations

import re
import unicodedata

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
