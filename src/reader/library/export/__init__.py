"""Export saved articles so a library is never locked in: Markdown, clean HTML, EPUB 3, JSON.

No UI and no network: the CLI (`reader export`) loads entries and picks a writer.

    with Library.open() as library:
        entries = load_entries(library, [3, 5, 8], html=True)
    write_epub(entries, Path("reading.epub"), title="Week 12")
    write_html(entries[:1], Path("article.html"))
    write_markdown(entries, Path("notes"), split=True)      # one .md per article
    write_json(entries, Path("backup.json"))                 # lossless; `reader import` reads it

Each `render_*` / `build_epub` returns the text or bytes instead of writing a file.
"""

from __future__ import annotations

from reader.library.export.entries import ExportEntry, load_entries
from reader.library.export.epub import build_epub, write_epub
from reader.library.export.html import render_html, write_html
from reader.library.export.library_json import (
    FORMAT,
    VERSION,
    library_document,
    render_json,
    write_json,
)
from reader.library.export.markdown import render_markdown_document, write_markdown

__all__ = [
    "FORMAT",
    "VERSION",
    "ExportEntry",
    "build_epub",
    "library_document",
    "load_entries",
    "render_html",
    "render_json",
    "render_markdown_document",
    "write_epub",
    "write_html",
    "write_json",
    "write_markdown",
]
