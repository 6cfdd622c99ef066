"""Wallabag's JSON export: a list of entries, each with the article's HTML as Wallabag cleaned it.

    [{"id": 4668, "title": "..", "url": "https://..", "is_archived": true, "is_starred": false,
      "tags": ["a", "b"], "created_at": "2016-09-08T11:55:58+0200", "content": "<p>..</p>",
      "language": "en", "published_by": ["..."], ...}]

Version 1 exports spell the flags `is_read` / `is_fav`; both are read. The content is run
through our own extractor (no network), so the articles are readable offline at once; an entry
whose content yields no article is left for the caller to fetch. The export holds no original
page, so the small page built around Wallabag's content is kept in its place (re-extractable).
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import Any

from reader.extract import extract
from reader.library.imports.items import (
    ImportBatch,
    ImportFormatError,
    ImportItem,
    clean_tags,
    is_web_url,
    iso_time,
    load_json,
)
from reader.library.records import ArticleState
from reader.library.text import clean_line
from reader.model import Article

EXPECTED = "Wallabag's JSON export: a list of entries with url, title, content, is_archived"


def _flag(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def _tags(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return clean_tags(value.split(","))
    if not isinstance(value, list):
        return ()
    names: list[str] = []
    for tag in value:
        if isinstance(tag, str):
            names.append(tag)
        elif isinstance(tag, dict) and isinstance(tag.get("label"), str):
            names.append(tag["label"])
    return clean_tags(names)


def _names(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(name for item in value if isinstance(item, str) and (name := clean_line(item)))


def _page(title: str, language: str | None, content: str) -> str:
    """The entry as a small page, so the extractor sees a title, a language and a body."""
    lang = f' lang="{escape(language)}"' if language else ""
    return (
        f'<!DOCTYPE html>\n<html{lang}><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head>\n<body><article>\n{content}\n</article></body></html>"
    )


def _article(entry: dict[str, Any], url: str, title: str) -> tuple[Article | None, bytes | None]:
    content = entry.get("content")
    mimetype = str(entry.get("mimetype") or "text/html").lower()
    if not isinstance(content, str) or not content.strip() or "html" not in mimetype:
        return None, None
    language = clean_line(str(entry.get("language") or "")) or None
    page = _page(title, language, content)
    article = extract(page, url)
    if not article.blocks:
        return None, None
    published = entry.get("published_at")
    return (
        replace(
            article,
            title=article.title or title,
            language=article.language or language,
            authors=article.authors or _names(entry.get("published_by")),
            published=article.published or (clean_line(str(published)) if published else None),
        ),
        page.encode("utf-8", "replace"),  # a lone surrogate from JSON cannot be UTF-8
    )


def _entries(data: object, source: str) -> list[Any]:
    if isinstance(data, dict):
        embedded = data.get("_embedded")  # the shape of Wallabag's API, saved to a file
        if isinstance(embedded, dict) and isinstance(embedded.get("items"), list):
            return list(embedded["items"])
    if not isinstance(data, list):
        raise ImportFormatError(source, "the JSON is not a list of entries", expected=EXPECTED)
    return data


def parse_wallabag_json(text: str, source: str) -> ImportBatch:
    data = load_json(text, source, EXPECTED)
    items: list[ImportItem] = []
    skipped: list[str] = []
    for number, entry in enumerate(_entries(data, source), 1):
        if not isinstance(entry, dict):
            raise ImportFormatError(source, f"entry {number} is not an object", expected=EXPECTED)
        url = next(
            (
                value.strip()
                for key in ("url", "given_url", "origin_url")
                if isinstance(value := entry.get(key), str) and value.strip()
            ),
            "",
        )
        if not url:
            raise ImportFormatError(source, f"entry {number} has no url", expected=EXPECTED)
        if not is_web_url(url):
            skipped.append(f"{source}: entry {number}: not an http(s) URL: {url[:80]!r}")
            continue
        title = clean_line(str(entry.get("title") or ""))
        article, page = _article(entry, url, title)
        archived = _flag(entry.get("is_archived", entry.get("is_read", False)))
        items.append(
            ImportItem(
                url=url,
                title=title or None,
                tags=_tags(entry.get("tags")),
                state=ArticleState.ARCHIVED if archived else ArticleState.UNREAD,
                favourite=_flag(entry.get("is_starred", entry.get("is_fav", False))),
                saved_at=iso_time(entry.get("created_at")),
                article=article,
                html=page,
                origin=f"{source}: entry {number}",
            )
        )
    return ImportBatch("wallabag", tuple(items), tuple(skipped))
