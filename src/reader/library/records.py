"""What the library hands back: small immutable records, no database handles inside.

They are plain data so the TUI, the CLI (`--json`) and exporters can use them freely, from any
thread, after the library is closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypeAlias

from reader.model import Article

Span: TypeAlias = tuple[int, int]
"""[start, end) character offsets of a search hit in a piece of text."""


class ArticleState(StrEnum):
    """Where a saved article is in its reading life. Favourite is a separate flag."""

    UNREAD = "unread"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class Position:
    """Reading position: the block shown at the top, and an offset inside it (lines or chars,
    as the reading view chooses; the library only stores it)."""

    block: int = 0
    offset: int = 0


@dataclass(frozen=True, slots=True)
class SaveResult:
    id: int
    created: bool
    """False when the page was already saved and its entry was updated."""


@dataclass(frozen=True, slots=True)
class ImageData:
    """An image stored with an article, keyed by its `src` URL in the article.

    Fetching, checking and size-capping images is the caller's job; the library deduplicates
    identical bytes across articles by SHA-256.
    """

    src: str
    content_type: str
    data: bytes
    width: int | None = None
    height: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the library table: everything but the body."""

    id: int
    title: str
    url: str
    final_url: str | None
    site: str | None
    host: str | None
    authors: tuple[str, ...]
    language: str | None
    published: str | None
    saved_at: datetime
    updated_at: datetime
    word_count: int
    state: ArticleState
    favourite: bool
    tags: tuple[str, ...]
    position: Position

    @property
    def page_url(self) -> str:
        """Where the article was actually read from (after redirects)."""
        return self.final_url or self.url

    def reading_minutes(self, words_per_minute: int = 230) -> int:
        return max(1, round(self.word_count / words_per_minute)) if self.word_count else 0


@dataclass(frozen=True, slots=True)
class SavedArticle(ArticleSummary):
    """A saved article with its full model, rebuilt from the stored JSON."""

    article: Article
    canonical_url: str | None
    has_html: bool


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result, best first. Text is plain (no markup); spans mark the hits."""

    id: int
    title: str
    site: str | None
    snippet: str
    """A passage of the body around the best hits, with … where it was cut."""
    rank: float
    """bm25 score: lower (more negative) is better."""
    snippet_spans: tuple[Span, ...] = ()
    title_spans: tuple[Span, ...] = ()
    saved_at: datetime | None = None
    state: ArticleState = ArticleState.UNREAD
    favourite: bool = False


def mark(text: str, spans: tuple[Span, ...], start: str = "[", end: str = "]") -> str:
    """`text` with each span wrapped in `start`/`end`: highlighting for plain-text output."""
    out: list[str] = []
    last = 0
    for begin, stop in spans:
        out.extend((text[last:begin], start, text[begin:stop], end))
        last = stop
    out.append(text[last:])
    return "".join(out)
