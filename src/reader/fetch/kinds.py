"""What a body is: an article (HTML, XHTML, plain text) or something else, named in words.

Magic bytes outrank the Content-Type label, and a label that can never be an article refuses
the download before it starts; everything refused becomes a `NotAnArticle` that says what the
thing is ("a PDF document"), so the user knows to open it elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.decode import sniff_bom
from reader.errors import NotAnArticle
from reader.fetch.sources import STDIN_HINT

_ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_KINDS: Mapping[str, str] = {
    "application/pdf": "a PDF document",
    "application/x-pdf": "a PDF document",
    "application/zip": "a ZIP archive",
    "application/x-zip-compressed": "a ZIP archive",
    "application/gzip": "a compressed (gzip) file",
    "application/x-gzip": "a compressed (gzip) file",
    "application/x-tar": "a tar archive",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/vnd.rar": "a RAR archive",
    "application/x-rar-compressed": "a RAR archive",
    "application/epub+zip": "an e-book (EPUB)",
    "application/msword": "a Word document",
    "application/rtf": "an RTF document",
    "application/vnd.ms-excel": "a spreadsheet",
    "application/vnd.ms-powerpoint": "a presentation",
    "application/json": "JSON data",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "text/css": "a style sheet",
}
_KIND_PREFIXES = (
    ("image/", "an image"),
    ("audio/", "an audio file"),
    ("video/", "a video"),
    ("font/", "a font"),
    ("application/vnd.openxmlformats-officedocument.", "an office document"),
    ("application/vnd.oasis.opendocument.", "an office document"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document or e-book)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b\x08", "a compressed (gzip) file"),
    (b"OggS\x00", "an Ogg audio or video file"),
    (b"fLaC", "a FLAC audio file"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
MAGIC_LENGTH = 16
_HTML_SIGNS = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html"
    r"|<(?:html|head|body|title|meta|p|div|article|h1)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def media_type_of(content_type: str | None) -> str:
    """ "text/html" from "Text/HTML; charset=utf-8"; "" when there is no header."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def _known_kind(media_type: str) -> str | None:
    """A human name for a media type that is never an article, e.g. "a PDF document"."""
    if media_type in _KINDS:
        return _KINDS[media_type]
    for prefix, kind in _KIND_PREFIXES:
        if media_type.startswith(prefix):
            return f"{kind} ({media_type})"
    return None


def _magic_kind(data: bytes) -> str | None:
    """What a body is by its first bytes, whatever its Content-Type claims."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"ID3") and data[3:4] in (b"\x02", b"\x03", b"\x04"):
        return "an MP3 audio file"
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp" and b"\x00" in data[:4]:
        return "a video or image (MP4 / HEIF family)"
    return None


def _head_text(data: bytes) -> str:
    head = data[:4096]
    bom = sniff_bom(head)
    if bom is not None:
        return head[bom[1] :].decode(bom[0], errors="replace")
    return head.decode("latin-1")


def _not_an_article(subject: str, kind: str) -> NotAnArticle:
    return NotAnArticle(f"{subject} is {kind}, not an HTML article")


def refuse_by_type(media_type: str, subject: str) -> None:
    """Before downloading: a PDF or a video is not worth 20 MB of someone's data plan."""
    kind = _known_kind(media_type)
    if kind is not None:
        raise _not_an_article(subject, kind)


def article_type(media_type: str, data: bytes, subject: str) -> str:
    """The content type to read the body as, or NotAnArticle; magic bytes outrank the label."""
    kind = _magic_kind(data[:MAGIC_LENGTH])
    if kind is not None:
        raise _not_an_article(subject, kind)
    refuse_by_type(media_type, subject)
    if not data.strip():
        raise NotAnArticle(
            f"{subject} is empty: there is nothing to read",
            STDIN_HINT if subject == "standard input" else "check the address or path",
        )
    if media_type in _ARTICLE_TYPES:
        return media_type
    head = _head_text(data)
    if _HTML_SIGNS.search(head):
        return "text/html"
    if "\x00" in head:
        raise _not_an_article(subject, f"a binary file ({media_type or 'of unknown type'})")
    if media_type.endswith("xml"):
        raise _not_an_article(subject, f"XML data ({media_type})")
    if media_type in ("", "application/octet-stream") or media_type.startswith("text/"):
        return "text/plain"
    raise _not_an_article(subject, f"a {media_type} file")


def refuse_magic(head: bytes) -> None:
    """Stop a download as soon as its first bytes show it is not an article (a PDF, an image)."""
    kind = _magic_kind(head[:MAGIC_LENGTH])
    if kind is not None:
        raise _not_an_article("this link", kind)
