"""Import other services' exports, and our own, so a library can move in as easily as out.

No UI and no network: the CLI (`reader import FILE [--format F]`) reads a batch, applies it,
and fetches what is left.

    batch = read_import(Path("pocket.csv"))            # format recognised from the content
    report = apply_items(library, batch.items)         # saves what needs no network
    for item in report.to_fetch:                       # URL-only items: the caller fetches
        page = fetch(item.url) ...
        save_item(library, item, article, html, final_url=page.final_url)

Formats (IMPORT_FORMATS): urls (one URL per line), pocket-html (ril_export.html), pocket-csv,
instapaper (CSV), wallabag (JSON), reader-json (our export: lossless).
"""

from __future__ import annotations

from reader.library.imports.apply import (
    ImportReport,
    apply_items,
    existing_id,
    merge_item,
    save_item,
)
from reader.library.imports.formats import (
    IMPORT_FORMATS,
    ImportFormat,
    detect_format,
    parse_import,
    read_import,
    sniff_format,
)
from reader.library.imports.items import ImportBatch, ImportFormatError, ImportItem

__all__ = [
    "IMPORT_FORMATS",
    "ImportBatch",
    "ImportFormat",
    "ImportFormatError",
    "ImportItem",
    "ImportReport",
    "apply_items",
    "detect_format",
    "existing_id",
    "merge_item",
    "parse_import",
    "read_import",
    "save_item",
    "sniff_format",
]
