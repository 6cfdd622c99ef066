"""The offline library: one SQLite file holding saved articles, their pages and images.

Local-first and crash-safe by construction:
- every change is one IMMEDIATE transaction (an article, its page, images, tags and index entry
  commit together or not at all), in WAL mode with ``synchronous = FULL``, so an article reported
  saved survives a killed process and a power cut;
- several processes may use one library: writers queue on SQLite's lock (``busy_timeout``);
- a file we cannot read, another program's database, or a library written by a newer reader is
  refused with a clear error and never modified, replaced or "repaired".

The original HTML is kept zlib-compressed (level 6), and so is the Article JSON. zlib over lzma:
on real news pages lzma -1 saves about 13 % more space but compresses 2x and decompresses 4x
slower, lzma -6 saves 20 % at 9x the time; and zlib is the codec of SQLite's own archive format,
so both can be read back with nothing but the sqlite3 shell:
``SELECT sqlar_uncompress(html, html_size), sqlar_uncompress(article_json, json_size)
FROM article_bodies``. The body's plain text is not stored apart: search snippets derive it from
the Article JSON for the rows they show (schema.py), which keeps the file within 1.5x the pages.
"""

from __future__ import annotations

import builtins
import hashlib
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TypedDict

import platformdirs

from reader.errors import UsageError
from reader.library.errors import (
    ArticleNotFound,
    LibraryBusy,
    LibraryCorrupt,
    LibraryError,
    LibraryTooNew,
    LibraryUnavailable,
    NotALibrary,
)
from reader.library.filters import ArticleFilter, iso, parse_iso, parse_state, tag_name
from reader.library.fold import FOLD_VERSION
from reader.library.keys import site_host, trusted_canonical, url_key
from reader.library.records import (
    ArticleState,
    ArticleSummary,
    ImageData,
    Position,
    SavedArticle,
    SaveResult,
    SearchHit,
)
from reader.library.schema import (
    APPLICATION_ID,
    ARTICLE_TEXT_FUNCTION,
    FTS_COLUMNS,
    SCHEMA_VERSION,
    application_id,
    migrate,
    user_version,
)
from reader.library.search import folded_values
from reader.library.search import search as run_search
from reader.library.text import article_body_text, cached_article_body_text, clean_line
from reader.model import SCHEMA_VERSION as ARTICLE_SCHEMA_VERSION
from reader.model import TEXT_VERSION as ARTICLE_TEXT_VERSION
from reader.model import Article

ENV_VAR = "READER_LIBRARY"
BUSY_TIMEOUT = 10.0
"""Seconds a writer waits for another process's transaction before giving up."""
HTML_CODEC = "zlib"
INDEX_VERSION = f"{FOLD_VERSION}.{ARTICLE_SCHEMA_VERSION}.{ARTICLE_TEXT_VERSION}"
"""What the index was built with: the folding rules and the Article model the body text comes
from. A library indexed otherwise is re-indexed on open ('delete-all' needs no old values)."""
_SQLITE_MAGIC = b"SQLite format 3\x00"

# Primary SQLite result codes, by what the person can do about them.
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_OS_CODES = {
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_FULL,
    sqlite3.SQLITE_CANTOPEN,
}

SortKey = Literal["saved", "updated", "title", "site", "length", "published", "state"]
_SORT_SQL: dict[str, str] = {
    "saved": "a.saved_at",
    "updated": "a.updated_at",
    "title": "a.title COLLATE NOCASE",
    "site": "coalesce(a.site, a.host) COLLATE NOCASE",
    "length": "a.word_count",
    "published": "a.published",
    "state": "a.state",
}

_SUMMARY_COLUMNS = """
    a.id, a.title, a.url, a.final_url, a.site, a.host, a.authors, a.language, a.published,
    a.saved_at, a.updated_at, a.word_count, a.state, a.favourite, a.position_block,
    a.position_offset,
    (SELECT group_concat(t.name, char(10)) FROM article_tags AS at JOIN tags AS t
     ON t.id = at.tag_id WHERE at.article_id = a.id)
"""


def default_library_path() -> Path:
    """$READER_LIBRARY if set, else library.sqlite3 in the platform's user data folder."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path("reader-tui") / "library.sqlite3"


def _translate(path: Path, exc: sqlite3.Error) -> LibraryError:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    detail = str(exc)
    if code in _BUSY_CODES or "locked" in detail:
        return LibraryBusy(path)
    if code in _CORRUPT_CODES or "malformed" in detail or "not a database" in detail:
        return LibraryCorrupt(path, detail)
    if code in _OS_CODES:
        return LibraryUnavailable(path, detail)
    return LibraryError(f"the library {path} failed: {detail}")


def _check_file(path: Path) -> None:
    """Refuse, before SQLite touches it, a file that is not an SQLite database at all."""
    try:
        if not path.exists():
            return
        if not path.is_file():
            raise LibraryUnavailable(path, "not a file")
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise LibraryUnavailable(path, exc.strerror or str(exc)) from exc
    if header and header != _SQLITE_MAGIC:
        raise LibraryCorrupt(path, "not an SQLite database")


class _SummaryFields(TypedDict):
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


def _summary_fields(row: Sequence[Any]) -> _SummaryFields:
    tags = str(row[16]).split("\n") if row[16] else []
    return {
        "id": row[0],
        "title": row[1],
        "url": row[2],
        "final_url": row[3],
        "site": row[4],
        "host": row[5],
        "authors": tuple(str(row[6]).split("\n")) if row[6] else (),
        "language": row[7],
        "published": row[8],
        "saved_at": parse_iso(str(row[9])),
        "updated_at": parse_iso(str(row[10])),
        "word_count": row[11],
        "state": ArticleState(row[12]),
        "favourite": bool(row[13]),
        "tags": tuple(sorted(tags)),
        "position": Position(int(row[14]), int(row[15])),
    }


def _fts_values(
    conn: sqlite3.Connection, article_id: int, body: str | None = None
) -> tuple[str, ...] | None:
    """The article's text per FTS column, as stored (the view `article_search` shows the same).

    `body`, when the caller has it already, must be `article_body_text` of the stored JSON.
    """
    row = conn.execute(
        "SELECT a.title, a.authors, a.site, a.host, b.article_json"
        " FROM articles AS a JOIN article_bodies AS b ON b.article_id = a.id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    title, authors, site, host, document = row
    if body is None:
        body = article_body_text(bytes(document))
    tags = " ".join(
        name
        for (name,) in conn.execute(
            "SELECT t.name FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id"
            " WHERE at.article_id = ? ORDER BY at.tag_id",
            (article_id,),
        )
    )
    site_text = " ".join(part for part in (site, host) if part)
    values = {"title": title, "authors": authors, "site": site_text, "tags": tags, "body": body}
    return tuple(values[column] for column in FTS_COLUMNS)


_FTS_PLACEHOLDERS = ", ".join("?" for _ in FTS_COLUMNS)
_FTS_NAMES = ", ".join(FTS_COLUMNS)


def _fts_insert(conn: sqlite3.Connection, article_id: int, body: str | None = None) -> None:
    values = _fts_values(conn, article_id, body)
    if values is not None:
        conn.execute(
            f"INSERT INTO article_fts (rowid, {_FTS_NAMES}) VALUES (?, {_FTS_PLACEHOLDERS})",
            (article_id, *folded_values(values)),
        )


def _fts_delete(conn: sqlite3.Connection, article_id: int) -> str | None:
    """Remove the article's index entry (it must be given exactly the values indexed); returns
    the body text it used, for re-indexing the same article, or None if there is no article."""
    values = _fts_values(conn, article_id)
    if values is None:
        return None
    conn.execute(
        f"INSERT INTO article_fts (article_fts, rowid, {_FTS_NAMES})"
        f" VALUES ('delete', ?, {_FTS_PLACEHOLDERS})",
        (article_id, *folded_values(values)),
    )
    return values[FTS_COLUMNS.index("body")]


def _drop_orphan_images(conn: sqlite3.Connection, image_ids: Iterable[int]) -> None:
    conn.executemany(
        "DELETE FROM images WHERE id = ?"
        " AND NOT EXISTS (SELECT 1 FROM article_images WHERE image_id = ?)",
        [(image_id, image_id) for image_id in set(image_ids)],
    )


def _drop_orphan_tags(conn: sqlite3.Connection, tag_ids: Iterable[int]) -> None:
    conn.executemany(
        "DELETE FROM tags WHERE id = ?"
        " AND NOT EXISTS (SELECT 1 FROM article_tags WHERE tag_id = ?)",
        [(tag_id, tag_id) for tag_id in set(tag_ids)],
    )


class Library:
    """A saved-articles library in one SQLite file. Use `Library.open(path)`, as a context
    manager. Methods are safe to call from several threads (one connection, serialised)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._lock = threading.RLock()
        self._depth = 0
        """Open transactions and savepoints on this connection (see `atomic`)."""

    # --- opening and closing -------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None = None, *, timeout: float = BUSY_TIMEOUT
    ) -> Library:
        """Open (creating or upgrading if needed) the library at `path` or the default path."""
        target = Path(path).expanduser() if path is not None else default_library_path()
        _check_file(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryUnavailable(target, exc.strerror or str(exc)) from exc
        try:
            conn = sqlite3.connect(
                target, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            conn.create_function(
                ARTICLE_TEXT_FUNCTION, 1, cached_article_body_text, deterministic=True
            )
        except sqlite3.Error as exc:
            raise _translate(target, exc) from exc
        library = cls(conn, target)
        try:
            library._prepare(timeout)
        except BaseException:
            conn.close()
            raise
        return library

    def _prepare(self, timeout: float) -> None:
        conn = self._conn
        with self._guard():
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # Read-only checks first: nothing is written to a file we are going to refuse. One
            # snapshot, since another process may be creating the library at this very moment.
            with self._read():
                app, version = application_id(conn), user_version(conn)
                objects = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
            fresh = app == 0 and version == 0 and objects == 0
            if app != APPLICATION_ID and not fresh:
                raise NotALibrary(self._path)
            if version > SCHEMA_VERSION:
                raise LibraryTooNew(self._path, version, SCHEMA_VERSION)
            self._enable_wal(timeout)
            conn.execute("PRAGMA synchronous = FULL")
            upgraded_from = migrate(conn) if version < SCHEMA_VERSION else version
            if 0 < upgraded_from < 2:
                self._compact()
            self._ensure_index_version()

    def _enable_wal(self, timeout: float) -> None:
        """Switch to WAL (once per file; it persists). SQLite answers "locked" at once, without
        waiting, when two connections race to switch, so wait here instead."""
        deadline = time.monotonic() + timeout
        delay = 0.002
        while True:
            try:
                mode = str(self._conn.execute("PRAGMA journal_mode").fetchone()[0])
                if mode.lower() != "wal":
                    self._conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if not isinstance(_translate(self._path, exc), LibraryBusy):
                    raise
                if time.monotonic() + delay > deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def _ensure_index_version(self) -> None:
        """Re-index when the folding rules or the Article model changed since the index was
        built (see INDEX_VERSION), or a migration dropped the index."""
        query = "SELECT value FROM meta WHERE key = 'index_version'"
        row = self._conn.execute(query).fetchone()
        if row is not None and row[0] == INDEX_VERSION:
            return
        with self._write() as conn:
            row = conn.execute(query).fetchone()
            if row is None or row[0] != INDEX_VERSION:
                self._reindex(conn)

    def _compact(self) -> None:
        """Give back the space an upgrade freed (version 2 dropped a copy of every body).

        Best effort: VACUUM needs the file to itself, and a library in use by another process
        simply stays larger until the next upgrade or `VACUUM`.
        """
        with suppress(sqlite3.Error):
            self._conn.execute("VACUUM")

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- transactions --------------------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite failures as LibraryErrors; constraint and API misuse stay bugs."""
        try:
            yield
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise
        except sqlite3.Error as exc:
            raise _translate(self._path, exc) from exc

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        with self._lock, self._guard():
            conn = self._conn
            if self._depth:
                # Inside `atomic()`: a savepoint, so the outer transaction decides.
                with self._savepoint(conn):
                    yield conn
                return
            conn.execute(begin)
            self._depth += 1
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    # The original failure is the one worth reporting.
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
            finally:
                self._depth -= 1

    @contextmanager
    def _savepoint(self, conn: sqlite3.Connection) -> Iterator[None]:
        name = f"nested_{self._depth}"
        conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
            conn.execute(f"RELEASE {name}")
        except BaseException:
            with suppress(sqlite3.Error):
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        finally:
            self._depth -= 1

    def atomic(self) -> AbstractContextManager[sqlite3.Connection]:
        """Several library calls as one write transaction: all of them land, or none does
        (an import saves an article and its tags, state and position together)."""
        return self._write()

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction: takes the write lock at once, so a save never deadlocks."""
        return self._transaction("BEGIN IMMEDIATE")

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        """A read transaction: one consistent snapshot even while another process writes."""
        return self._transaction("BEGIN")

    # --- saving --------------------------------------------------------------------------------

    def save(
        self,
        article: Article,
        html: bytes | None,
        url: str,
        final_url: str | None = None,
        *,
        html_encoding: str | None = None,
        images: Sequence[ImageData] | None = None,
        saved_at: datetime | None = None,
        updated_at: datetime | None = None,
    ) -> SaveResult:
        """Save an article with its original page, or update it if this page is already saved.

        The page is recognised by its trusted canonical URL or its final URL, normalised
        (keys.py). An update replaces the text and metadata and keeps tags, state, favourite
        flag, reading position and the first saved time. `html` and `images` replace what is
        stored when given; None keeps the stored page / images (an original is never dropped
        for lack of a new one). One transaction: all or nothing.

        `saved_at` / `updated_at` replace "now" when a library is restored from an export;
        `saved_at` only applies to a new entry (a re-save keeps the first saved time).
        """
        url = url.strip()
        if not url:
            raise UsageError("cannot save an article without its URL")
        final = (final_url or "").strip() or None
        page_url = final or url
        canonical = trusted_canonical(article.canonical_url, page_url)
        keys = list(dict.fromkeys(url_key(u) for u in (canonical, page_url) if u))
        authors = [name for name in (clean_line(a) for a in article.authors) if name]
        meta = (
            url,
            final,
            clean_line(article.canonical_url) or None,
            clean_line(article.title),
            "\n".join(authors),
            clean_line(article.site_name) or None,
            site_host(page_url),
            clean_line(article.language) or None,
            clean_line(article.published) or None,
            article.word_count,
        )
        document = article.to_json().encode()
        text = (zlib.compress(document, 6), len(document), ARTICLE_SCHEMA_VERSION)
        # The very function snippets read it back with (text.py), so tokens line up.
        body = article_body_text(text[0])
        page = (
            None
            if html is None
            else (zlib.compress(html, 6), HTML_CODEC, len(html), clean_line(html_encoding) or None)
        )
        blobs = [(image, hashlib.sha256(image.data).digest()) for image in images or ()]
        now = iso(datetime.now(UTC))
        first_saved = now if saved_at is None else iso(saved_at)
        updated = now if updated_at is None else iso(updated_at)
        with self._write() as conn:
            existing = self._find(conn, keys)
            if existing is None:
                cursor = conn.execute(
                    "INSERT INTO articles (url, final_url, canonical_url, title, authors, site,"
                    " host, language, published, word_count, saved_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*meta, first_saved, updated),
                )
                article_id = int(cursor.lastrowid or 0)
                conn.execute(
                    "INSERT INTO article_bodies (article_id, article_json, json_size,"
                    " json_schema) VALUES (?, ?, ?, ?)",
                    (article_id, *text),
                )
            else:
                article_id = existing
                _fts_delete(conn, article_id)
                conn.execute(
                    "UPDATE articles SET url = ?, final_url = ?, canonical_url = ?, title = ?,"
                    " authors = ?, site = ?, host = ?, language = ?, published = ?,"
                    " word_count = ?, updated_at = ? WHERE id = ?",
                    (*meta, updated, article_id),
                )
                conn.execute(
                    "UPDATE article_bodies SET article_json = ?, json_size = ?,"
                    " json_schema = ? WHERE article_id = ?",
                    (*text, article_id),
                )
            if page is not None:
                conn.execute(
                    "UPDATE article_bodies SET html = ?, html_codec = ?, html_size = ?,"
                    " html_encoding = ? WHERE article_id = ?",
                    (*page, article_id),
                )
            conn.executemany(
                "INSERT OR IGNORE INTO article_keys (key, article_id) VALUES (?, ?)",
                [(key, article_id) for key in keys],
            )
            if images is not None:
                self._store_images(conn, article_id, blobs)
            _fts_insert(conn, article_id, body)
        return SaveResult(article_id, existing is None)

    @staticmethod
    def _find(conn: sqlite3.Connection, keys: Iterable[str]) -> int | None:
        for key in keys:
            row = conn.execute(
                "SELECT article_id FROM article_keys WHERE key = ?", (key,)
            ).fetchone()
            if row is not None:
                return int(row[0])
        return None

    @staticmethod
    def _store_images(
        conn: sqlite3.Connection, article_id: int, blobs: Sequence[tuple[ImageData, bytes]]
    ) -> None:
        old = [
            image_id
            for (image_id,) in conn.execute(
                "SELECT image_id FROM article_images WHERE article_id = ?", (article_id,)
            )
        ]
        conn.execute("DELETE FROM article_images WHERE article_id = ?", (article_id,))
        for image, digest in blobs:
            conn.execute(
                "INSERT OR IGNORE INTO images (sha256, content_type, size, width, height, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    digest,
                    clean_line(image.content_type),
                    len(image.data),
                    image.width,
                    image.height,
                    image.data,
                ),
            )
            (image_id,) = conn.execute(
                "SELECT id FROM images WHERE sha256 = ?", (digest,)
            ).fetchone()
            conn.execute(
                "INSERT OR REPLACE INTO article_images (article_id, src, image_id)"
                " VALUES (?, ?, ?)",
                (article_id, image.src, image_id),
            )
        _drop_orphan_images(conn, old)

    # --- reading -------------------------------------------------------------------------------

    def find(self, url: str) -> int | None:
        """The id of the saved article this URL (normalised) is known by, if any."""
        with self._read() as conn:
            return self._find(conn, [url_key(url)])

    def get(self, article_id: int) -> SavedArticle:
        """The saved article with its Article model; raises ArticleNotFound."""
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {_SUMMARY_COLUMNS}, a.canonical_url, b.article_json, b.html IS NOT NULL"
                " FROM articles AS a JOIN article_bodies AS b ON b.article_id = a.id"
                " WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        try:
            article = Article.from_json(zlib.decompress(row[18]).decode())
        except (ValueError, KeyError, TypeError, zlib.error) as exc:
            raise LibraryError(
                f"saved article {article_id} in {self._path} cannot be read: {exc}",
                "upgrade reader-tui, or save the page again",
            ) from exc
        return SavedArticle(
            **_summary_fields(row),
            article=article,
            canonical_url=row[17],
            has_html=bool(row[19]),
        )

    def get_html(self, article_id: int) -> bytes | None:
        """The original page as it was downloaded, or None if it was not kept."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT html, html_codec FROM article_bodies WHERE article_id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise ArticleNotFound(article_id)
        html, codec = row
        if html is None:
            return None
        if codec != HTML_CODEC:
            raise LibraryError(f"saved page {article_id} uses an unknown codec {codec!r}")
        try:
            return zlib.decompress(html)
        except zlib.error as exc:
            raise LibraryCorrupt(self._path, f"saved page {article_id}: {exc}") from exc

    def image(self, article_id: int, src: str) -> ImageData | None:
        """The stored image `src` of an article, if it was saved."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT i.content_type, i.data, i.width, i.height FROM article_images AS ai"
                " JOIN images AS i ON i.id = ai.image_id WHERE ai.article_id = ? AND ai.src = ?",
                (article_id, src),
            ).fetchone()
        if row is None:
            return None
        return ImageData(src, row[0], bytes(row[1]), row[2], row[3])

    def count(
        self,
        *,
        tag: str | None = None,
        site: str | None = None,
        state: ArticleState | str | None = None,
        favourite: bool | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> int:
        """How many saved articles pass the filters (the same as `list` and `search` take)."""
        where = ArticleFilter(tag, site, state, favourite, since, until)
        condition, params = where.where("a")
        with self._read() as conn:
            (total,) = conn.execute(
                f"SELECT count(*) FROM articles AS a WHERE {condition}", params
            ).fetchone()
        return int(total)

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Every tag in use with its number of articles, by name."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT t.name, count(*) FROM tags AS t JOIN article_tags AS at"
                " ON at.tag_id = t.id GROUP BY t.id ORDER BY t.name"
            ).fetchall()
        return [(str(name), int(total)) for name, total in rows]

    def list(
        self,
        *,
        tag: str | None = None,
        site: str | None = None,
        state: ArticleState | str | None = None,
        favourite: bool | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        sort: SortKey = "saved",
        descending: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[ArticleSummary]:
        """Saved articles (no bodies), filtered and sorted; newest saved first by default.

        Filters: `tag` (any case), `site` (a site name or host), `state`, `favourite`, and
        `since` / `until` on the saved time (a `date` is a whole local day; see filters.py).
        """
        where = ArticleFilter(tag, site, state, favourite, since, until)
        condition, params = where.where("a")
        if sort not in _SORT_SQL:
            raise UsageError(f"cannot sort by {sort!r}", f"use one of: {', '.join(_SORT_SQL)}")
        direction = "DESC" if descending else "ASC"
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM articles AS a WHERE {condition}"
                f" ORDER BY {_SORT_SQL[sort]} {direction}, a.id {direction}"
                " LIMIT ? OFFSET ?",
                [*params, -1 if limit is None else max(0, limit), max(0, offset)],
            ).fetchall()
        return [ArticleSummary(**_summary_fields(row)) for row in rows]

    def search(
        self,
        query: str,
        limit: int = 20,
        *,
        offset: int = 0,
        tag: str | None = None,
        site: str | None = None,
        state: ArticleState | str | None = None,
        favourite: bool | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> builtins.list[SearchHit]:
        """Full-text search, best first (bm25), with the same filters as `list`.

        Syntax (query.py): words, "a phrase", prefix*, -excluded, OR; accents and case never
        matter. An empty or punctuation-only query finds nothing; only a query that cannot
        mean anything (nothing but exclusions) raises InvalidQuery, a UsageError.
        """
        where = ArticleFilter(tag, site, state, favourite, since, until)
        with self._read() as conn:
            return run_search(conn, query, limit=limit, offset=offset, where=where)

    # --- changing ------------------------------------------------------------------------------

    def delete(self, article_id: int) -> None:
        """Delete an article with its page, tags links and unshared images."""
        with self._write() as conn:
            if _fts_delete(conn, article_id) is None:
                raise ArticleNotFound(article_id)
            images = [
                r[0]
                for r in conn.execute(
                    "SELECT image_id FROM article_images WHERE article_id = ?", (article_id,)
                )
            ]
            tags = [
                r[0]
                for r in conn.execute(
                    "SELECT tag_id FROM article_tags WHERE article_id = ?", (article_id,)
                )
            ]
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            _drop_orphan_images(conn, images)
            _drop_orphan_tags(conn, tags)

    def tag(
        self, article_id: int, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> tuple[str, ...]:
        """Add and remove tags (case-insensitive, stored lower case); returns the new tags."""
        added = [tag_name(name) for name in add]
        removed = [tag_name(name) for name in remove]
        with self._write() as conn:
            body = _fts_delete(conn, article_id)
            if body is None:
                raise ArticleNotFound(article_id)
            dropped: builtins.list[int] = []
            for name in removed:
                row = conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
                if row is not None:
                    conn.execute(
                        "DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?",
                        (article_id, row[0]),
                    )
                    dropped.append(int(row[0]))
            for name in added:
                conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name,))
                conn.execute(
                    "INSERT OR IGNORE INTO article_tags (article_id, tag_id)"
                    " SELECT ?, id FROM tags WHERE name = ?",
                    (article_id, name),
                )
            _drop_orphan_tags(conn, dropped)
            _fts_insert(conn, article_id, body)
            names = conn.execute(
                "SELECT t.name FROM article_tags AS at JOIN tags AS t ON t.id = at.tag_id"
                " WHERE at.article_id = ? ORDER BY t.name",
                (article_id,),
            ).fetchall()
        return tuple(str(name) for (name,) in names)

    def _update(self, article_id: int, assignment: str, params: Sequence[object]) -> None:
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE articles SET {assignment} WHERE id = ?", (*params, article_id)
            )
            if cursor.rowcount == 0:
                raise ArticleNotFound(article_id)

    def set_state(self, article_id: int, state: ArticleState | str) -> None:
        self._update(article_id, "state = ?", (parse_state(state).value,))

    def set_favourite(self, article_id: int, favourite: bool = True) -> None:
        self._update(article_id, "favourite = ?", (int(favourite),))

    def set_position(self, article_id: int, position: Position) -> None:
        if position.block < 0 or position.offset < 0:
            raise ValueError(f"a reading position cannot be negative: {position}")
        self._update(
            article_id, "position_block = ?, position_offset = ?", (position.block, position.offset)
        )

    # --- maintenance ---------------------------------------------------------------------------

    def reindex(self) -> int:
        """Rebuild the search index from the stored text; returns the number of articles."""
        with self._write() as conn:
            return self._reindex(conn)

    @staticmethod
    def _reindex(conn: sqlite3.Connection) -> int:
        conn.execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")
        ids = [article_id for (article_id,) in conn.execute("SELECT id FROM articles")]
        for article_id in ids:
            _fts_insert(conn, article_id)
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('index_version', ?)",
            (INDEX_VERSION,),
        )
        return len(ids)

    def check(self) -> builtins.list[str]:
        """Problems SQLite finds in the file (empty when healthy): page structure, foreign keys
        and the search index (`reindex` repairs the latter)."""
        # A write transaction only because FTS5's check is spelled as an INSERT; nothing changes.
        with self._write() as conn:
            problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            problems = [] if problems == ["ok"] else problems
            problems.extend(
                f"{table} row {rowid} points to a missing {parent}"
                for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
            )
            try:
                # rank 0: the index's own consistency; it is built from folded text, so it
                # would never match a re-tokenization of the original (schema.py).
                conn.execute(
                    "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 0)"
                )
            except sqlite3.DatabaseError as exc:
                problems.append(f"search index: {exc}")
        return problems
