"""Full-text search over the library: FTS5, bm25 ranking, snippets with hit spans.

The index holds folded text and reads the original through the `article_search` view, so the
snippets FTS5 builds show the words as saved, diacritics and all (see schema.py). FTS5 marks hits
with two control characters that stored text can never contain (text.py strips them); they are
turned into spans here, so callers get plain text and decide how to style it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.library.filters import ArticleFilter, parse_iso
from reader.library.fold import fold
from reader.library.query import parse_query
from reader.library.records import ArticleState, SearchHit, Span
from reader.library.schema import FTS_COLUMNS

_OPEN, _CLOSE = "\x02", "\x03"
_ELLIPSIS = "…"
SNIPPET_TOKENS = 24
"""Words in a snippet: about two lines of a terminal."""

_TITLE = FTS_COLUMNS.index("title")
_BODY = FTS_COLUMNS.index("body")


def split_marks(marked: str) -> tuple[str, tuple[Span, ...]]:
    """Plain text and hit spans from FTS5 output with _OPEN/_CLOSE markers.

    Whitespace runs (a snippet may cross paragraphs) become single spaces. Unbalanced markers
    are tolerated: a hit left open ends with the text.
    """
    out: list[str] = []
    spans: list[Span] = []
    start: int | None = None
    pending_space = False
    for char in marked:
        if char == _OPEN:
            if pending_space and out:
                out.append(" ")
            pending_space = False
            start = len(out)
        elif char == _CLOSE:
            if start is not None and len(out) > start:
                spans.append((start, len(out)))
            start = None
        elif char.isspace():
            pending_space = True
        else:
            if pending_space and out:
                out.append(" ")
            pending_space = False
            out.append(char)
    if start is not None and len(out) > start:
        spans.append((start, len(out)))
    return "".join(out), tuple(spans)


def folded_values(values: Sequence[str]) -> tuple[str, ...]:
    """What the index is fed for one article: each column folded (fold.py)."""
    return tuple(fold(value) for value in values)


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    where: ArticleFilter | None = None,
    snippet_tokens: int = SNIPPET_TOKENS,
) -> list[SearchHit]:
    """Best matches for a user's query, ranked by bm25 (title > tags > authors > site > body)."""
    expression = parse_query(query)
    if expression is None or limit <= 0:
        return []
    condition, params = (where or ArticleFilter()).where("a")
    rows = conn.execute(
        f"""
        SELECT a.id, article_fts.rank, a.title, coalesce(a.site, a.host), a.saved_at,
               a.state, a.favourite,
               highlight(article_fts, {_TITLE}, ?, ?),
               snippet(article_fts, {_BODY}, ?, ?, ?, ?)
        FROM article_fts JOIN articles AS a ON a.id = article_fts.rowid
        WHERE article_fts MATCH ? AND {condition}
        ORDER BY article_fts.rank, a.id
        LIMIT ? OFFSET ?
        """,
        [
            _OPEN,
            _CLOSE,
            _OPEN,
            _CLOSE,
            _ELLIPSIS,
            max(1, min(snippet_tokens, 64)),
            expression,
            *params,
            limit,
            max(0, offset),
        ],
    ).fetchall()
    hits: list[SearchHit] = []
    for row in rows:
        title, title_spans = split_marks(row[7] or row[2] or "")
        snippet, snippet_spans = split_marks(row[8] or "")
        hits.append(
            SearchHit(
                id=row[0],
                title=title,
                site=row[3],
                snippet=snippet,
                rank=float(row[1]),
                snippet_spans=snippet_spans,
                title_spans=title_spans,
                saved_at=parse_iso(row[4]),
                state=ArticleState(row[5]),
                favourite=bool(row[6]),
            )
        )
    return hits
