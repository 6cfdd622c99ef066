"""Markdown export: the plain printer's Markdown (`reader.plain.render_markdown`), so the two never
disagree, plus the choice of one document or one file per article, with stored images beside.

- `render_markdown_document(entries)`: one document, articles in order, separated by a rule.
- `write_markdown(entries, target)`: `target` is a file; one document, images (when stored) in
  `<stem>_images/` beside it, referenced by relative paths.
- `write_markdown(entries, target, split=True)`: `target` is a folder; one `NNN-title.md` per
  article, images in `images/` inside it.
Figures whose bytes were not stored keep their original address (Markdown never loads it by
itself; a viewer that does is the reader's choice).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from reader.library.export import images as image_files
from reader.library.export.entries import ExportEntry, with_figure_sources, write_atomically
from reader.library.fold import fold
from reader.plain import render_markdown
from reader.sanitize import one_line

ARTICLE_SEPARATOR = "\n* * *\n\n"
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(title: str, limit: int = 60) -> str:
    """An ASCII file-name stem from a title (accents folded: "Đảng viên" -> "dang-vien")."""
    text = _NOT_SLUG.sub("-", fold(unicodedata.normalize("NFC", one_line(title))).lower())
    text = text.strip("-")
    return text[:limit].rstrip("-") or "article"


def _with_local_images(
    entry: ExportEntry, folder: str | None, files: dict[str, bytes]
) -> ExportEntry:
    """The entry's article with stored images pointing into `folder`; their bytes go to `files`."""
    if folder is None or not entry.images:
        return entry

    def local(src: str) -> str | None:
        image = entry.images.get(src)
        kind = image_files.media_type(image.data) if image else None
        if image is None or kind is None:
            return None
        name = image_files.file_name(image.data, kind)
        files[name] = image.data
        return f"{quote(folder)}/{name}"

    return ExportEntry(
        with_figure_sources(entry.article, local), entry.saved, entry.images, entry.html
    )


def render_markdown_document(entries: Sequence[ExportEntry]) -> str:
    """All the articles as one Markdown document (image addresses as stored in the articles)."""
    return ARTICLE_SEPARATOR.join(render_markdown(entry.article) for entry in entries)


def write_markdown(
    entries: Sequence[ExportEntry], target: Path, *, split: bool = False
) -> list[Path]:
    """Write Markdown (see the module notes); returns the files written, images included."""
    if not entries:
        raise ValueError("nothing to export")
    written: list[Path] = []
    images: dict[str, bytes] = {}
    if split:
        folder = target
        for number, entry in enumerate(entries, 1):
            # The number keeps names unique and the files in the selection's order.
            name = f"{number:03d}-{slug(entry.article.title)}.md"
            local = _with_local_images(entry, "images", images)
            path = folder / name
            write_atomically(path, render_markdown(local.article).encode("utf-8"))
            written.append(path)
        image_folder = folder / "images"
    else:
        folder_name = f"{target.stem}_images"
        local_entries = [_with_local_images(e, folder_name, images) for e in entries]
        write_atomically(target, render_markdown_document(local_entries).encode("utf-8"))
        written.append(target)
        image_folder = target.parent / folder_name
    for name, data in sorted(images.items()):
        path = image_folder / name
        write_atomically(path, data)
        written.append(path)
    return written
