"""Which stored image bytes an export may embed, and under what media type.

The type comes from the bytes themselves, not from the server's Content-Type: a file that claims
to be a PNG but is HTML (or SVG, which can carry scripts and remote references) is not embedded;
its figure falls back to the caption and address. Only the raster types every EPUB reading
system must support (EPUB 3.3 core media types) are allowed, so HTML and EPUB agree.
"""

from __future__ import annotations

import base64
import hashlib

from reader.image_types import sniff_image

_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}


def media_type(data: bytes) -> str | None:
    """The image type the bytes really are, among PNG, JPEG, GIF and WebP; else None."""
    kind = sniff_image(data)
    return kind if kind in _EXTENSIONS else None


def extension(kind: str) -> str:
    return _EXTENSIONS[kind]


def file_name(data: bytes, kind: str) -> str:
    """A content-addressed name: identical images are written once."""
    return f"{hashlib.sha256(data).hexdigest()[:20]}.{extension(kind)}"


def data_uri(data: bytes, kind: str) -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
