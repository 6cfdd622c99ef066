"""The offline library: saved articles in one local SQLite file, searchable without a network.

No UI here: the CLI (`reader save / list / search`) and the TUI's library screen call this API.

    with Library.open() as library:          # default path, or $READER_LIBRARY
        saved = library.save(article, html, url, final_url)
        hits = library.search("dang vien", tag="politics")
"""

from __future__ import annotations

from reader.library.errors import (
    ArticleNotFound,
    InvalidQuery,
    InvalidTag,
    LibraryBusy,
    LibraryCorrupt,
    LibraryError,
    LibraryTooNew,
    LibraryUnavailable,
    NotALibrary,
)
from reader.library.fold import fold
from reader.library.query import parse_query
from reader.library.records import (
    ArticleState,
    ArticleSummary,
    ImageData,
    Position,
    SavedArticle,
    SaveResult,
    SearchHit,
    Span,
    mark,
)
from reader.library.schema import SCHEMA_VERSION
from reader.library.store import ENV_VAR, Library, SortKey, default_library_path

__all__ = [
    "ENV_VAR",
    "SCHEMA_VERSION",
    "ArticleNotFound",
    "ArticleState",
    "ArticleSummary",
    "ImageData",
    "InvalidQuery",
    "InvalidTag",
    "Library",
    "LibraryBusy",
    "LibraryCorrupt",
    "LibraryError",
    "LibraryTooNew",
    "LibraryUnavailable",
    "NotALibrary",
    "Position",
    "SaveResult",
    "SavedArticle",
    "SearchHit",
    "SortKey",
    "Span",
    "default_library_path",
    "fold",
    "mark",
    "parse_query",
]
