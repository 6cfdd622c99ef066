"""Which importer reads a file: told by the person, or recognised from the content.

Recognition looks at the start of the file only for what each export always has (our JSON's
"format" key, Wallabag's entry flags, Pocket's `time_added` attributes, the CSV headers), so a
file is never misread as another format; when nothing fits, the error says to name the format.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args

from reader.decode import decode_text
from reader.errors import SourceError, UsageError
from reader.library.export.library_json import FORMAT
from reader.library.imports.instapaper import parse_instapaper_csv
from reader.library.imports.items import ImportBatch, ImportFormatError, is_web_url
from reader.library.imports.library_json import parse_library_json
from reader.library.imports.pocket import parse_pocket_csv, parse_pocket_html
from reader.library.imports.url_list import parse_url_list
from reader.library.imports.wallabag import parse_wallabag_json

ImportFormat = Literal["urls", "pocket-html", "pocket-csv", "instapaper", "wallabag", "reader-json"]
IMPORT_FORMATS: tuple[ImportFormat, ...] = get_args(ImportFormat)

PARSERS: dict[ImportFormat, Callable[[str, str], ImportBatch]] = {
    "urls": parse_url_list,
    "pocket-html": parse_pocket_html,
    "pocket-csv": parse_pocket_csv,
    "instapaper": parse_instapaper_csv,
    "wallabag": parse_wallabag_json,
    "reader-json": parse_library_json,
}

_SNIFF = 64 * 1024
_WALLABAG_KEYS = ('"is_archived"', '"is_starred"', '"is_read"', '"is_fav"')


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM) as every service writes its exports; anything else is
    detected like a web page's encoding."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_text(data)


def sniff_format(text: str) -> ImportFormat | None:
    """The format `text` is in, recognised from its start; None when nothing fits."""
    head = text[:_SNIFF].lstrip("\ufeff \t\r\n")
    if head.startswith("{"):
        if '"format"' in head and f'"{FORMAT}"' in head:
            return "reader-json"
        if '"_embedded"' in head and any(key in head for key in _WALLABAG_KEYS):
            return "wallabag"
        return None
    if head.startswith("["):
        return "wallabag" if any(key in head for key in _WALLABAG_KEYS) else None
    if head.startswith("<"):
        lower = head.lower()
        if "time_added=" in lower or "<title>pocket export</title>" in lower:
            return "pocket-html"
        return None
    first_line = head.split("\n", 1)[0]
    columns = [name.strip().strip('"').lower() for name in first_line.split(",")]
    if columns[:4] == ["url", "title", "selection", "folder"]:
        return "instapaper"
    if "url" in columns and "time_added" in columns:
        return "pocket-csv"
    for line in head.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return "urls" if is_web_url(line.split()[0]) else None
    return None


def _check_format(fmt: str) -> ImportFormat:
    for known in IMPORT_FORMATS:
        if fmt == known:
            return known
    raise UsageError(f"unknown import format {fmt!r}", f"use one of: {', '.join(IMPORT_FORMATS)}")


def parse_import(data: bytes, source: str, fmt: str | None = None) -> ImportBatch:
    """The items in an export file's bytes; `fmt` overrides recognition (see IMPORT_FORMATS).
    `source` names the file in messages."""
    text = decode(data)
    chosen = _check_format(fmt) if fmt is not None else sniff_format(text)
    if chosen is None:
        raise ImportFormatError(
            source,
            "cannot tell which export this is",
            hint=f"name its format: one of {', '.join(IMPORT_FORMATS)}",
        )
    return PARSERS[chosen](text, source)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror or error}") from error


def detect_format(path: str | os.PathLike[str]) -> ImportFormat:
    """The format of the export at `path`; ImportFormatError when it cannot be told."""
    target = Path(path)
    found = sniff_format(decode(_read(target)))
    if found is None:
        raise ImportFormatError(
            str(target),
            "cannot tell which export this is",
            hint=f"name its format: one of {', '.join(IMPORT_FORMATS)}",
        )
    return found


def read_import(path: str | os.PathLike[str], fmt: str | None = None) -> ImportBatch:
    """Read and parse the export at `path` (format recognised unless `fmt` names it)."""
    target = Path(path)
    return parse_import(_read(target), str(target), fmt)
