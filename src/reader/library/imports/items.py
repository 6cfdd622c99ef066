"""What every importer produces: `ImportItem`s, and `ImportFormatError` when a file is not what
it claims to be.

An item is a URL with what the other service knew about it (title, tags, read state, star,
time saved). Items from our own JSON or a Wallabag export also carry an Article, so they are
readable at once without a network; the others are fetched by the caller.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from reader.errors import UsageError
from reader.library.filters import MAX_TAG_LENGTH
from reader.library.records import ArticleState, ImageData, Position
from reader.library.text import clean_line
from reader.model import Article


class ImportFormatError(UsageError):
    """The file is malformed, or not in the format it was read as."""

    def __init__(
        self,
        source: str,
        problem: str,
        *,
        line: int | None = None,
        expected: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        if hint is None:
            hint = f"expected {expected}" if expected else "check the file, or name its format"
        super().__init__(f"{where}: {problem}", hint)


@dataclass(frozen=True, slots=True)
class ImportItem:
    """One article to bring into the library."""

    url: str
    title: str | None = None
    """The other service's title: used when the fetched page yields none."""
    tags: tuple[str, ...] = ()
    state: ArticleState = ArticleState.UNREAD
    favourite: bool = False
    saved_at: datetime | None = None
    """When it was first saved in the other service; kept as the library's saved time."""
    article: Article | None = None
    """The readable article, when the file holds it (our JSON, Wallabag): no fetch needed."""
    html: bytes | None = None
    """The page (or the service's copy of it) the article was extracted from."""
    final_url: str | None = None
    updated_at: datetime | None = None
    position: Position = field(default_factory=Position)
    images: tuple[ImageData, ...] = ()
    origin: str = ""
    """Where in the file it came from ("pocket.csv:12"), for messages."""


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """The items of one file, in file order, and the entries skipped with the reason why."""

    format: str
    items: tuple[ImportItem, ...]
    skipped: tuple[str, ...] = field(default=())


def is_web_url(url: str) -> bool:
    """An absolute http(s) URL: the only kind an import may ask the caller to fetch."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def clean_tags(names: Iterable[str]) -> tuple[str, ...]:
    """Tags as the library will store them: one line, lower case, at most 64 characters (longer
    ones are cut, not lost), no empties or duplicates, in the order given."""
    out: dict[str, None] = {}
    for name in names:
        tag = clean_line(name).lower()[:MAX_TAG_LENGTH].strip()
        if tag:
            out[tag] = None
    return tuple(out)


def unix_time(value: str | int | float | None) -> datetime | None:
    """A Unix timestamp in seconds (as text or number) as an aware UTC time; None if unusable."""
    if value is None or value == "":
        return None
    try:
        seconds = float(value)
        if seconds <= 0:
            return None
        return datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        return None


def iso_time(value: object) -> datetime | None:
    """An ISO 8601 time (a naive one is taken as UTC); None if absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def load_json(text: str, source: str, expected: str) -> Any:
    """Parse a JSON export; ImportFormatError names the line of a syntax error, and refuses an
    escaped lone surrogate (valid JSON, but not text: it could never be stored or printed)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            source, f"malformed JSON ({error.msg})", line=error.lineno, expected=expected
        ) from error
    except RecursionError as error:
        raise ImportFormatError(source, "JSON nested too deeply", expected=expected) from error
    if _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as error:
            raise ImportFormatError(
                source, "the JSON holds an escaped lone surrogate, which is not text"
            ) from error
    return data
