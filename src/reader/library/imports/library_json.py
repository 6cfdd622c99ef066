"""Our own JSON export read back, losing nothing (the format: export/library_json.py).

Every field is checked before anything is saved: a damaged or hand-edited file is refused with
the article it concerns, never half-imported with silently wrong values.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from reader.library.export.library_json import FORMAT, VERSION
from reader.library.imports.items import (
    ImportBatch,
    ImportFormatError,
    ImportItem,
    clean_tags,
    iso_time,
    load_json,
)
from reader.library.records import ArticleState, ImageData, Position
from reader.model import Article

EXPECTED = f'a reader-tui JSON export: {{"format": "{FORMAT}", "version": {VERSION}, ...}}'


class _Bad(ValueError):
    """A field of one article is unusable; turned into an ImportFormatError naming it."""


def _text(data: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise _Bad(f"{key} must be {'a non-empty ' if required else 'a '}string")
    return value


def _bytes(value: object, key: str) -> bytes:
    if not isinstance(value, str):
        raise _Bad(f"{key} must be base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise _Bad(f"{key} is not valid base64") from error


def _int(value: object, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _Bad(f"{key} must be a whole number >= 0")
    return value


def _time(data: dict[str, Any], key: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    moment = iso_time(value)
    if moment is None:
        raise _Bad(f"{key} must be an ISO 8601 time")
    return moment


def _images(value: object) -> tuple[ImageData, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _Bad("images must be a list")
    images: list[ImageData] = []
    for image in value:
        if not isinstance(image, dict):
            raise _Bad("each image must be an object")
        width, height = image.get("width"), image.get("height")
        images.append(
            ImageData(
                src=_text(image, "src", required=True) or "",
                content_type=_text(image, "content_type") or "application/octet-stream",
                data=_bytes(image.get("data_base64"), "images.data_base64"),
                width=None if width is None else _int(width, "images.width"),
                height=None if height is None else _int(height, "images.height"),
            )
        )
    return tuple(images)


def _item(data: object, origin: str) -> ImportItem:
    if not isinstance(data, dict):
        raise _Bad("not an object")
    url = _text(data, "url", required=True) or ""
    try:
        article = Article.from_dict(data["article"])
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
        raise _Bad(f"the article is unreadable ({type(error).__name__}: {error})") from error
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _Bad("tags must be a list of strings")
    try:
        state = ArticleState(data.get("state", ArticleState.UNREAD.value))
    except ValueError as error:
        raise _Bad(f"unknown state {data.get('state')!r}") from error
    favourite = data.get("favourite", False)
    if not isinstance(favourite, bool):
        raise _Bad("favourite must be true or false")
    position = data.get("position") or {}
    if not isinstance(position, dict):
        raise _Bad("position must be an object")
    html = data.get("html_base64")
    return ImportItem(
        url=url,
        title=article.title or None,
        tags=clean_tags(tags),
        state=state,
        favourite=favourite,
        saved_at=_time(data, "saved_at"),
        article=article,
        html=None if html is None else _bytes(html, "html_base64"),
        final_url=_text(data, "final_url"),
        updated_at=_time(data, "updated_at"),
        position=Position(
            _int(position.get("block", 0), "position.block"),
            _int(position.get("offset", 0), "position.offset"),
        ),
        images=_images(data.get("images")),
        origin=origin,
    )


def parse_library_json(text: str, source: str) -> ImportBatch:
    data = load_json(text, source, EXPECTED)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportFormatError(source, "not a reader-tui library export", expected=EXPECTED)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFormatError(source, f"unknown export version {version!r}", expected=EXPECTED)
    if version > VERSION:
        raise ImportFormatError(
            source,
            f"export version {version} is newer than this reader reads ({VERSION})",
            hint="upgrade reader-tui to import it",
        )
    articles = data.get("articles")
    if not isinstance(articles, list):
        raise ImportFormatError(source, '"articles" is not a list', expected=EXPECTED)
    items: list[ImportItem] = []
    for number, entry in enumerate(articles, 1):
        origin = f"{source}: article {number}"
        try:
            items.append(_item(entry, origin))
        except _Bad as error:
            raise ImportFormatError(
                source, f"article {number}: {error}", expected=EXPECTED
            ) from error
    return ImportBatch("reader-json", tuple(items))
