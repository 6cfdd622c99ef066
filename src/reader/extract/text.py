"""Text hygiene for web text: one place decides what survives into the model.

Web text is untrusted: control characters could drive the terminal, so C0/C1 controls go
(newline and tab survive only inside preformatted text). Whitespace is collapsed the way a
browser renders it, and lengths are measured in characters so that languages written without
spaces (Chinese, Japanese, Thai) are weighed fairly.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls (but the HTML whitespace ones, which collapse to a space), DEL, the BOM /
# zero-width no-break space and the soft hyphen (terminals disagree on whether to draw it).
_PRE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\ufeff]+")
_LETTER = re.compile(r"\w")


def collapse(text: str) -> str:
    """Browser-style whitespace: every run of whitespace becomes one space.

    Control characters are removed later, by `sanitize`, from the (far fewer) strings that reach
    the model: this runs on every text node of the page and must be cheap.
    """
    if not text.isascii():
        text = nfc(text)
    if text.isprintable() and "  " not in text:
        return text  # its only white space is single spaces (see `_single_spaced`): as it is
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[0].isspace():
        joined = " " + joined
    if text[-1].isspace():
        joined += " "
    return joined


def sanitize(text: str) -> str:
    """Remove C0/C1 controls (but newline and tab), DEL, BOMs and soft hyphens."""
    # Printable text holds none of them (they are all Unicode "Other"); the test is four
    # times faster than a search that finds nothing.
    return text if text.isprintable() else _PRE_CONTROL.sub("", text)


def clean_line(text: str | None) -> str:
    """One trimmed, sanitized line of text: metadata values and attribute text (alt, titles)."""
    if not text:
        return ""
    return " ".join(sanitize(nfc(text)).split())


def clean_pre(text: str) -> str:
    """Preformatted text keeps newlines and tabs; other controls go; CRLF becomes LF."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _PRE_CONTROL.sub("", text)


def nfc(text: str) -> str:
    """NFC, cheaply: applied to the text nodes and attribute values that reach the model rather
    than to a whole page, whose scripts and markup are most of its weight."""
    return (
        text
        if text.isascii() or unicodedata.is_normalized("NFC", text)
        else unicodedata.normalize("NFC", text)
    )


def has_letters(text: str) -> bool:
    return _LETTER.search(text) is not None


def casefold_key(text: str) -> str:
    """A comparison key: case, spacing and surrounding punctuation do not matter."""
    if not _single_spaced(text):
        text = " ".join(text.split())
    return text.strip(" .:;,-\u2013\u2014|\"'“”«»").casefold()


def _single_spaced(text: str) -> bool:
    """Whether `" ".join(text.split())` would return the text unchanged (as it does for most
    text already cleaned): printable text holds no white space but the ASCII space (every other
    one is a control or a separator), so it only needs no double, leading or trailing space.
    A cheap test at C speed instead of splitting a whole article into words."""
    return (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    )


def strip_control(text: str) -> str:
    return sanitize(text)


def words(text: str) -> frozenset[str]:
    """A vocabulary written as one whitespace-separated string (easier to read than a list)."""
    return frozenset(text.split())
