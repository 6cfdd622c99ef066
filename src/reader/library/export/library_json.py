"""Our own JSON export: the whole library entry, so an import loses nothing.

    {"format": "reader-tui-library", "version": 1, "exported_at": "...Z",
     "articles": [{"url", "final_url", "canonical_url", "title", "tags", "state", "favourite",
                   "position": {"block", "offset"}, "saved_at", "updated_at",
                   "article": <Article JSON, reader.model>,
                   "html_base64": <original page, optional>,
                   "images": [{"src", "content_type", "width", "height", "data_base64"}]}]}

`title` and `id` are there for people reading the file; the import takes the title from the
article. Times are ISO 8601 UTC as the library stores them. Version 1 readers refuse a higher
version rather than guess (imports/library_json.py reads this format).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.library.export.entries import ExportEntry, write_atomically
from reader.library.filters import iso
from reader.library.records import ArticleState, Position

FORMAT = "reader-tui-library"
VERSION = 1

# Lone surrogates too: they cannot be encoded as UTF-8, but JSON can spell them.
_TERMINAL_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def entry_document(entry: ExportEntry) -> dict[str, Any]:
    """One article as the export holds it."""
    article = entry.article
    saved = entry.saved
    url = saved.url if saved is not None else article.url
    if not url:
        raise ValueError("an article without a URL cannot be exported to JSON")
    data: dict[str, Any] = {
        "id": saved.id if saved is not None else None,
        "url": url,
        "final_url": saved.final_url if saved is not None else None,
        "canonical_url": saved.canonical_url if saved is not None else article.canonical_url,
        "title": article.title,
        "tags": list(saved.tags) if saved is not None else [],
        "state": (saved.state if saved is not None else ArticleState.UNREAD).value,
        "favourite": saved.favourite if saved is not None else False,
    }
    position = saved.position if saved is not None else Position()
    data["position"] = {"block": position.block, "offset": position.offset}
    data["saved_at"] = iso(saved.saved_at) if saved is not None else None
    data["updated_at"] = iso(saved.updated_at) if saved is not None else None
    data["article"] = article.to_dict()
    if entry.html is not None:
        data["html_base64"] = base64.b64encode(entry.html).decode("ascii")
    if entry.images:
        data["images"] = [
            {
                "src": src,
                "content_type": image.content_type,
                "width": image.width,
                "height": image.height,
                "data_base64": base64.b64encode(image.data).decode("ascii"),
            }
            for src, image in entry.images.items()
        ]
    return data


def library_document(
    entries: Sequence[ExportEntry], *, exported_at: datetime | None = None
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": iso(exported_at or datetime.now(UTC)),
        "articles": [entry_document(entry) for entry in entries],
    }


def render_json(
    entries: Sequence[ExportEntry],
    *,
    exported_at: datetime | None = None,
    indent: int | None = 1,
) -> str:
    """The export as JSON text: UTF-8 readable, yet inert if it is printed to a terminal (DEL, C1
    controls and bidi overrides are written as \\u escapes, which JSON reads back the same)."""
    text = json.dumps(
        library_document(entries, exported_at=exported_at), ensure_ascii=False, indent=indent
    )
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def write_json(
    entries: Sequence[ExportEntry], path: Path, *, exported_at: datetime | None = None
) -> Path:
    write_atomically(path, render_json(entries, exported_at=exported_at).encode("utf-8"))
    return path
