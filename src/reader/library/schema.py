"""The library's SQLite schema and its forward migrations.

`PRAGMA user_version` holds the schema version: the number of migrations applied. Migration *n*
(``MIGRATIONS[n]``) takes a database from version *n* to *n + 1*; to change the schema, append a
step, never edit one that has shipped. All pending steps run in one IMMEDIATE transaction, so a
crash mid-migration leaves the old version intact, and two processes opening an old library at
once migrate it exactly once.

`PRAGMA application_id` marks the file as a reader library, so we never write our tables into
some other program's database.

Search design (why the FTS table is "external content"): the index is fed *folded* text
(see fold.py), while the content table it reads snippets from is the view `article_search`
over the original text. Folding keeps tokens one for one, and FTS5 places highlights by token
number, so snippets show the original words with their diacritics. The index is therefore
maintained by the store (never with the FTS5 'rebuild' command, which would index unfolded text).

Since version 2 the body text is not stored a second time: the view derives it from the
compressed Article JSON through the SQL function ``reader_article_text`` (registered by the store
on every connection; see text.py), for the few result rows a snippet is built for. The index has
no prefix index: the 2- and 3-letter ones cost as much as the index itself (about 5.5 KB per
article), more than the size target allows; see BENCHMARKS.md for what short prefixes cost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

APPLICATION_ID = 0x52445231
"""'RDR1': identifies a reader library among SQLite files."""

FTS_COLUMNS = ("title", "authors", "site", "tags", "body")
"""Order of the full-text columns; bm25 weights below follow it."""

BM25_WEIGHTS = (10.0, 4.0, 2.0, 6.0, 1.0)
"""A hit in the title outweighs many in the body; tags count as a strong statement of topic."""

_V1: Sequence[str] = (
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        final_url TEXT,
        canonical_url TEXT,
        title TEXT NOT NULL DEFAULT '',
        authors TEXT NOT NULL DEFAULT '',  -- one per line
        site TEXT,
        host TEXT,
        language TEXT,
        published TEXT,
        saved_at TEXT NOT NULL,  -- ISO 8601 UTC, millisecond precision, sortable as text
        updated_at TEXT NOT NULL,
        word_count INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'unread' CHECK (state IN ('unread', 'archived')),
        favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
        position_block INTEGER NOT NULL DEFAULT 0 CHECK (position_block >= 0),
        position_offset INTEGER NOT NULL DEFAULT 0 CHECK (position_offset >= 0)
    )
    """,
    "CREATE INDEX articles_saved_at ON articles (saved_at)",
    "CREATE INDEX articles_state ON articles (state, saved_at)",
    "CREATE INDEX articles_site ON articles (site)",
    "CREATE INDEX articles_host ON articles (host)",
    """
    CREATE TABLE article_keys (
        key TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
    ) WITHOUT ROWID
    """,
    "CREATE INDEX article_keys_article ON article_keys (article_id)",
    """
    CREATE TABLE article_bodies (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        body_text TEXT NOT NULL,  -- Article.text, cleaned: the search index's source
        article_json BLOB NOT NULL,  -- Article.to_json(), UTF-8, zlib-compressed
        json_size INTEGER NOT NULL,  -- bytes before compression (for sqlar_uncompress)
        json_schema INTEGER NOT NULL,  -- reader.model.SCHEMA_VERSION it was written with
        html BLOB,  -- the page as downloaded, compressed with html_codec
        html_codec TEXT CHECK (html_codec IN ('zlib')),
        html_size INTEGER,
        html_encoding TEXT,  -- the charset HTTP declared, if any
        CHECK ((html IS NULL) = (html_codec IS NULL))
    )
    """,
    """
    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    )
    """,
    """
    CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id)",
    """
    CREATE TABLE images (
        id INTEGER PRIMARY KEY,
        sha256 BLOB NOT NULL UNIQUE CHECK (length(sha256) = 32),
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        data BLOB NOT NULL
    )
    """,
    """
    CREATE TABLE article_images (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        src TEXT NOT NULL,
        image_id INTEGER NOT NULL REFERENCES images (id),
        PRIMARY KEY (article_id, src)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX article_images_image ON article_images (image_id)",
    """
    CREATE VIEW article_search AS
    SELECT
        a.id AS id,
        a.title AS title,
        a.authors AS authors,
        trim(coalesce(a.site, '') || ' ' || coalesce(a.host, '')) AS site,
        coalesce((
            SELECT group_concat(t.name, ' ')
            FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id
            WHERE at.article_id = a.id
        ), '') AS tags,
        b.body_text AS body
    FROM articles AS a JOIN article_bodies AS b ON b.article_id = a.id
    """,
    f"""
    CREATE VIRTUAL TABLE article_fts USING fts5 (
        {", ".join(FTS_COLUMNS)},
        content = 'article_search',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    )
    """,
    f"""
    INSERT INTO article_fts (article_fts, rank)
    VALUES ('rank', 'bm25({", ".join(str(w) for w in BM25_WEIGHTS)})')
    """,
)


ARTICLE_TEXT_FUNCTION = "reader_article_text"
"""SQL function: the body text of a compressed Article JSON blob (registered by the store)."""

_V2: Sequence[str] = (
    # The body text is derived from the Article JSON (see the module docstring); the index is
    # recreated without prefix indexes and refilled by the store on open (the missing
    # 'index_version' asks for it).
    "DROP VIEW article_search",
    "DROP TABLE article_fts",
    "ALTER TABLE article_bodies DROP COLUMN body_text",
    f"""
    CREATE VIEW article_search AS
    SELECT
        a.id AS id,
        a.title AS title,
        a.authors AS authors,
        trim(coalesce(a.site, '') || ' ' || coalesce(a.host, '')) AS site,
        coalesce((
            SELECT group_concat(t.name, ' ')
            FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id
            WHERE at.article_id = a.id
        ), '') AS tags,
        {ARTICLE_TEXT_FUNCTION}(b.article_json) AS body
    FROM articles AS a JOIN article_bodies AS b ON b.article_id = a.id
    """,
    f"""
    CREATE VIRTUAL TABLE article_fts USING fts5 (
        {", ".join(FTS_COLUMNS)},
        content = 'article_search',
        content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    f"""
    INSERT INTO article_fts (article_fts, rank)
    VALUES ('rank', 'bm25({", ".join(str(w) for w in BM25_WEIGHTS)})')
    """,
    "DELETE FROM meta WHERE key IN ('fold_version', 'index_version')",
)


def _run(statements: Sequence[str]) -> Callable[[sqlite3.Connection], None]:
    def step(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return step


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_run(_V1), _run(_V2))
"""MIGRATIONS[n] upgrades version n to n + 1. Append only."""

SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def application_id(conn: sqlite3.Connection) -> int:
    app: int = conn.execute("PRAGMA application_id").fetchone()[0]
    return app


def migrate(
    conn: sqlite3.Connection,
    target: int = SCHEMA_VERSION,
    steps: Sequence[Callable[[sqlite3.Connection], None]] = MIGRATIONS,
) -> int:
    """Bring the database up to `target` in one IMMEDIATE transaction; returns the old version.

    The caller has already refused databases newer than it knows; the version is read again
    under the write lock, since another process may have migrated meanwhile. `steps` is for
    tests, which build libraries as every earlier version left them.
    """
    if not 0 <= target <= len(steps):
        raise ValueError(f"no schema version {target}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = user_version(conn)
        for version in range(current, target):
            steps[version](conn)
        if current < target:
            conn.execute(f"PRAGMA user_version = {int(target)}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return current
