"""What kind of picture a run of bytes is, by its first bytes: the server's Content-Type is not
trusted (a "PNG" may be HTML, or SVG that can carry scripts). Shared by image fetching and the
library's exports, without pulling in either's dependencies."""

from __future__ import annotations


def sniff_image(data: bytes) -> str | None:
    """The media type of a raster image by its first bytes, or None (SVG is not one)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        return "image/avif"
    return None
