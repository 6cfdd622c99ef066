"""Instapaper's CSV export: `URL,Title,Selection,Folder,Timestamp`, and since October 2024 a
`Tags` column holding a JSON array (`["a", "b"]`, doubled quotes inside the CSV field).

Folder `Unread` is unread, `Archive` archived, `Starred` a favourite; any other folder is one
the person made, kept as a tag of the same name (Instapaper folders are exclusive, tags here
are not, so nothing is lost). Instapaper exports no article text: items are fetched.
"""

from __future__ import annotations

import json

from reader.library.imports.csv_rows import csv_rows
from reader.library.imports.items import (
    ImportBatch,
    ImportItem,
    clean_tags,
    is_web_url,
    unix_time,
)
from reader.library.records import ArticleState
from reader.library.text import clean_line

EXPECTED = "Instapaper's CSV export: a header URL,Title,Selection,Folder,Timestamp[,Tags]"


def parse_tags(value: str) -> tuple[str, ...]:
    """The Tags cell: a JSON array of names; a plain comma-separated list is accepted too."""
    value = value.strip()
    if not value:
        return ()
    try:
        names = json.loads(value)
    except ValueError:
        return clean_tags(value.split(","))
    if isinstance(names, list):
        return clean_tags(str(name) for name in names if isinstance(name, str | int | float))
    return clean_tags([str(names)])


def parse_instapaper_csv(text: str, source: str) -> ImportBatch:
    items: list[ImportItem] = []
    skipped: list[str] = []
    for line, row in csv_rows(text, source, ("url", "title", "folder"), EXPECTED):
        url = row.get("url", "")
        if not is_web_url(url):
            skipped.append(f"{source}:{line}: not an http(s) URL: {url[:80]!r}")
            continue
        folder = clean_line(row.get("folder"))
        tags = parse_tags(row.get("tags", ""))
        if folder.lower() not in ("", "unread", "archive", "starred"):
            tags = clean_tags([folder, *tags])
        items.append(
            ImportItem(
                url=url,
                title=clean_line(row.get("title")) or None,
                tags=tags,
                state=ArticleState.ARCHIVED if folder.lower() == "archive" else ArticleState.UNREAD,
                favourite=folder.lower() == "starred",
                saved_at=unix_time(row.get("timestamp")),
                origin=f"{source}:{line}",
            )
        )
    return ImportBatch("instapaper", tuple(items), tuple(skipped))
