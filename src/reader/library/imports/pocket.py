"""Pocket exports (Pocket closed in 2025; its exports are how its users' libraries survive).

Two shapes exist:
- the classic `ril_export.html`: an `<h1>Unread</h1>` and an `<h1>Read Archive</h1>`, each
  followed by a `<ul>` of `<a href=".." time_added="unix seconds" tags="a,b">title</a>`;
- the CSV Pocket mailed from late 2024 on: `title,url,time_added,tags,status` (some files add
  a `cursor` column), tags separated by `|`, status `unread` or `archive`.
Pocket exported no article text, so every item is fetched by the caller.
"""

from __future__ import annotations

from html.parser import HTMLParser

from reader.library.imports.csv_rows import csv_rows
from reader.library.imports.items import (
    ImportBatch,
    ImportFormatError,
    ImportItem,
    clean_tags,
    is_web_url,
    unix_time,
)
from reader.library.records import ArticleState
from reader.library.text import clean_line

CSV_EXPECTED = "Pocket's CSV export: a header title,url,time_added,tags,status"
_ARCHIVED = frozenset({"archive", "archived", "read"})


def split_tags(value: str) -> tuple[str, ...]:
    """Pocket's tag lists: `|`-separated in the CSV, comma-separated in the HTML."""
    separator = "|" if "|" in value else ","
    return clean_tags(value.split(separator))


def parse_pocket_csv(text: str, source: str) -> ImportBatch:
    items: list[ImportItem] = []
    skipped: list[str] = []
    for line, row in csv_rows(text, source, ("url",), CSV_EXPECTED):
        url = row.get("url", "")
        if not is_web_url(url):
            skipped.append(f"{source}:{line}: not an http(s) URL: {url[:80]!r}")
            continue
        favourite = row.get("favorite", row.get("favourite", "")).lower() in ("1", "true", "yes")
        items.append(
            ImportItem(
                url=url,
                title=clean_line(row.get("title")) or None,
                tags=split_tags(row.get("tags", "")),
                state=(
                    ArticleState.ARCHIVED
                    if row.get("status", "").lower() in _ARCHIVED
                    else ArticleState.UNREAD
                ),
                favourite=favourite,
                saved_at=unix_time(row.get("time_added")),
                origin=f"{source}:{line}",
            )
        )
    return ImportBatch("pocket-csv", tuple(items), tuple(skipped))


class _PocketPage(HTMLParser):
    """Collects the links of the export and the section (h1) each one is under."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.items: list[ImportItem] = []
        self.skipped: list[str] = []
        self._section = ""
        self.recognised = False
        """A Pocket section heading or a link with `time_added` was seen."""
        self._in_heading = False
        self._heading: list[str] = []
        self._link: tuple[dict[str, str], int] | None = None
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1":
            self._in_heading = True
            self._heading = []
        elif tag == "a":
            values = {name: value or "" for name, value in attrs}
            self._link = (values, self.getpos()[0])
            self._title = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._in_heading:
            self._in_heading = False
            self._section = clean_line("".join(self._heading)).lower()
            self.recognised |= self._section in ("unread", "read archive")
        elif tag == "a" and self._link is not None:
            values, line = self._link
            self._link = None
            self._add(values, clean_line("".join(self._title)), line)

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self._heading.append(data)
        if self._link is not None:
            self._title.append(data)

    def _add(self, values: dict[str, str], title: str, line: int) -> None:
        url = values.get("href", "").strip()
        self.recognised |= "time_added" in values
        if not is_web_url(url):
            self.skipped.append(f"{self.source}:{line}: not an http(s) URL: {url[:80]!r}")
            return
        archived = "archive" in self._section or self._section == "read"
        self.items.append(
            ImportItem(
                url=url,
                title=title if title and title != url else None,
                tags=split_tags(values.get("tags", "")),
                state=ArticleState.ARCHIVED if archived else ArticleState.UNREAD,
                saved_at=unix_time(values.get("time_added")),
                origin=f"{self.source}:{line}",
            )
        )


def parse_pocket_html(text: str, source: str) -> ImportBatch:
    page = _PocketPage(source)
    page.feed(text)
    page.close()
    if not page.recognised:
        raise ImportFormatError(
            source,
            "no Pocket sections or saved links found",
            expected='Pocket\'s ril_export.html: <h1>Unread</h1> and <a href=".." time_added="..">',
        )
    return ImportBatch("pocket-html", tuple(page.items), tuple(page.skipped))
