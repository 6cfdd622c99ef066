"""Bytes of a web page to NFC text, the way browsers pick an encoding, but stricter about lies.

Shared by `fetch` (which knows the HTTP charset) and `extract` (which may be handed bare bytes),
so both decode a page identically.

Precedence: a byte-order mark (it cannot be wrong, and WHATWG puts it first), then the HTTP
charset, then `<meta charset>` / `http-equiv`, then charset-normalizer's detection. A declared
encoding that does not decode the bytes cleanly is treated as a lie and the next source is
tried; so is a legacy encoding declared for bytes that are valid UTF-8 beyond ASCII (a server
or template default such as ISO-8859-1 left on a UTF-8 page: real legacy text with accents is
practically never valid UTF-8, and honouring the label would show "fÃ¼r" for "für"). The text
is normalised to NFC: windows-1258 (Vietnamese) decodes to base letters plus
combining tone marks, which break width calculation and search.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it shares the first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG aliases that Python's codec names disagree with (labels that mean a superset).
_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "x-sjis": "shift_jis",
    "ks_c_5601-1987": "euc-kr",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""",
    re.IGNORECASE,
)
_NOT_WEB_ENCODINGS = frozenset(
    {"charmap", "idna", "punycode", "raw-unicode-escape", "undefined", "unicode-escape", "utf-7"}
)
_ASCII_PROBE = b'<meta charset="utf-8"> ;=/-:.0123456789 ABCXYZ abcxyz'
_UTF8 = frozenset({"utf-8", "utf_8", "u8", "utf"})
_PREFIX = 4096
"""How far into a document to look for `<meta charset>` (browsers use 1024; be lenient)."""


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for an encoding label, or None when the label is unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # Python also registers bytes-to-bytes codecs (base64, zlib) and text transforms (idna,
    # unicode-escape, utf-7) under encoding-like names; a page must not select those.
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_WEB_ENCODINGS:
        return None
    return name


def charset_from_content_type(content_type: str | None) -> str | None:
    """The `charset` parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def sniff_meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_PREFIX])
    return match.group(1).decode("ascii", "replace") if match else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (ValueError, LookupError):  # ValueError: UnicodeError is not always a DecodeError
        return None


def _ascii_compatible(encoding: str) -> bool:
    """Whether ASCII markup reads as itself: only then can a page's declaration be believed."""
    return _strict(_ASCII_PROBE, encoding) == _ASCII_PROBE.decode("ascii")


def detect_encoding(data: bytes) -> str:
    """Best guess for undeclared bytes; UTF-8 when nothing better is known."""
    if _strict(data, "utf-8") is not None:
        return "utf-8"
    from charset_normalizer import from_bytes  # imported lazily: only undeclared legacy pages

    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else "utf-8"


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (NFC text, the encoding used)."""
    bom = sniff_bom(data)
    if bom is not None:
        encoding, skip = bom
        return _nfc(data[skip:].decode(encoding, errors="replace")), encoding
    for label in (http_charset, sniff_meta_charset(data)):
        declared = normalize_charset(label)
        # An ASCII-incompatible encoding (UTF-16/32 without a BOM, EBCDIC) declared for bytes
        # whose declaration we just read as ASCII is a lie (WHATWG ignores it too).
        if declared is None or not _ascii_compatible(declared):
            continue
        if declared not in _UTF8 and not data.isascii():
            utf8 = _strict(data, "utf-8")
            if utf8 is not None:
                return _nfc(utf8), "utf-8"
        text = _strict(data, declared)
        if text is not None:
            return _nfc(text), declared
    detected = normalize_charset(detect_encoding(data)) or "utf-8"
    return _nfc(data.decode(detected, errors="replace")), detected


def decode_text(data: bytes, http_charset: str | None = None) -> str:
    """`decode_html` without the encoding: the common case."""
    return decode_html(data, http_charset)[0]


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
