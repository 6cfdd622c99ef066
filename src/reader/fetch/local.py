"""Reading a local file or standard input into a `Page`, never more than the size cap.

Reads run in a thread so a slow pipe cannot freeze an event loop that also draws a UI, and
every failure is a `SourceError` that quotes the path with repr (a hostile file name cannot
smuggle escapes to the terminal).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from reader.errors import SourceError, TooLarge
from reader.fetch.kinds import article_type
from reader.fetch.limits import size_text
from reader.fetch.page import EMPTY_HEADERS, Page, decoded_page
from reader.fetch.sources import STDIN_HINT, WEB_HINT, Source

_FILE_TYPES: Mapping[str, str] = {
    ".htm": "text/html",
    ".html": "text/html",
    ".shtml": "text/html",
    ".xht": "application/xhtml+xml",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".markdown": "text/plain",
    ".rst": "text/plain",
    ".pdf": "application/pdf",
    ".epub": "application/epub+zip",
    ".zip": "application/zip",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".mp3": "audio/mpeg",
    ".mp4": "video/mp4",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _read_stream(stream: BinaryIO, max_bytes: int, subject: str) -> bytes:
    """Read to EOF but never keep more than `max_bytes` (think /dev/zero or a runaway pipe)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(1 << 16, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise TooLarge(f"{subject} is larger than the {size_text(max_bytes)} limit")
    return b"".join(chunks)


def _read_file(path: Path, max_bytes: int) -> bytes:
    shown = repr(str(path))  # repr: a hostile file name cannot smuggle escapes to the terminal
    try:
        if path.is_dir():
            raise SourceError(f"{shown} is a directory, not a file", "give the path of a page")
        with path.open("rb") as stream:
            return _read_stream(stream, max_bytes, shown)
    except FileNotFoundError:
        raise SourceError(f"no such file: {shown}", f"check the path; {WEB_HINT}") from None
    except PermissionError:
        raise SourceError(f"permission denied: {shown}") from None
    except OSError as exc:
        raise SourceError(f"cannot read {shown}: {exc.strerror or exc}") from None
    except ValueError:  # an embedded NUL: no such file can exist
        raise SourceError(f"no such file: {shown}", f"check the path; {WEB_HINT}") from None


def _read_stdin(stdin: BinaryIO | None, max_bytes: int) -> bytes:
    stream = stdin
    if stream is None:
        if sys.stdin is None:
            raise SourceError("standard input is closed", STDIN_HINT)
        stream = sys.stdin.buffer
    try:
        return _read_stream(stream, max_bytes, "standard input")
    except OSError as exc:
        raise SourceError(f"cannot read standard input: {exc.strerror or exc}") from None


async def local_page(source: Source, max_bytes: int, stdin: BinaryIO | None) -> Page:
    """The page a file or standard input holds; reads run in a thread (a slow pipe, a UI)."""
    if source.kind == "stdin":
        data = await asyncio.to_thread(_read_stdin, stdin, max_bytes)
        content_type = article_type("", data, "standard input")
        return decoded_page("-", data, content_type, None, EMPTY_HEADERS)
    path = Path(source.location)
    data = await asyncio.to_thread(_read_file, path, max_bytes)
    declared = _FILE_TYPES.get(path.suffix.lower(), "")
    content_type = article_type(declared, data, repr(str(path)))
    return decoded_page(str(path.absolute()), data, content_type, None, EMPTY_HEADERS)
