"""The library never loses or damages data: migrations, refusals, concurrency and crashes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.library import (
    SCHEMA_VERSION,
    ArticleState,
    Library,
    LibraryBusy,
    LibraryCorrupt,
    LibraryError,
    LibraryTooNew,
    LibraryUnavailable,
    NotALibrary,
)
from reader.library.fold import fold
from reader.library.schema import APPLICATION_ID, MIGRATIONS, migrate
from reader.library.text import clean_text
from reader.model import Article
from tests.unit.library.articles import article, numbered, rich_article

ROOT = Path(__file__).resolve().parents[3]


def schema_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    finally:
        conn.close()
    return [(str(name), str(sql)) for name, sql in rows]


def pragma(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        value: int = conn.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        conn.close()
    return value


# --- migrations ---------------------------------------------------------------------------------

# Rows a library of a given version holds, written as that version wrote them, so the test can
# prove a migration carries them over. Version 0 is the empty file; add an entry whenever a
# migration touches existing data.
SEEDS: dict[int, list[str]] = {0: []}


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_library_of_every_earlier_version_is_migrated(tmp_path: Path, version: int) -> None:
    old = tmp_path / f"v{version}.sqlite3"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, target=version)
    for statement in SEEDS.get(version, []):
        conn.execute(statement)
    conn.close()

    with Library.open(old) as library:
        saved = library.save(rich_article(), b"<p>x</p>", "https://example.vn/chi-bo")
        assert library.get(saved.id).article == rich_article()
        assert [hit.id for hit in library.search("dang vien")] == [saved.id]

    fresh = tmp_path / "fresh.sqlite3"
    Library.open(fresh).close()
    assert pragma(old, "user_version") == SCHEMA_VERSION
    assert pragma(old, "application_id") == APPLICATION_ID
    assert schema_of(old) == schema_of(fresh)


def _write_as_version_1(path: Path, saved: Article, extra_words: int = 0) -> None:
    """A library as reader's schema version 1 wrote it: the body text stored in full beside the
    JSON, and an index (with prefix indexes) fed that text, folded."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    conn.execute("PRAGMA journal_mode = WAL")
    body = clean_text(saved.text) + " filler" * extra_words
    document = saved.to_json().encode()
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO articles (id, url, title, authors, site, host, saved_at, updated_at,"
        " word_count, state, favourite, position_block) VALUES (7, ?, ?, ?, ?, 'example.vn',"
        " '2024-01-02T03:04:05.000Z', '2024-01-02T03:04:05.000Z', 12, 'archived', 1, 3)",
        (saved.url, saved.title, "\n".join(saved.authors), saved.site_name),
    )
    conn.execute(
        "INSERT INTO article_bodies (article_id, body_text, article_json, json_size, json_schema,"
        " html, html_codec, html_size) VALUES (7, ?, ?, ?, 1, ?, 'zlib', 8)",
        (body, zlib.compress(document), len(document), zlib.compress(b"<p>x</p>")),
    )
    conn.execute("INSERT INTO article_keys (key, article_id) VALUES ('example.vn/chi-bo', 7)")
    conn.execute("INSERT INTO tags (id, name) VALUES (1, 'chính trị')")
    conn.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (7, 1)")
    site = f"{saved.site_name} example.vn"
    conn.execute(
        "INSERT INTO article_fts (rowid, title, authors, site, tags, body)"
        " VALUES (7, ?, ?, ?, ?, ?)",
        [fold(v) for v in (saved.title, "\n".join(saved.authors), site, "chính trị", body)],
    )
    conn.execute("INSERT INTO meta (key, value) VALUES ('fold_version', '1')")
    conn.execute("COMMIT")
    conn.close()


def test_a_version_1_library_keeps_its_articles_and_drops_the_body_copy(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    _write_as_version_1(path, rich_article(), extra_words=20_000)
    size_before = path.stat().st_size

    with Library.open(path) as library:
        saved = library.get(7)
        assert saved.article == rich_article()
        assert (saved.state, saved.favourite, saved.tags) == (
            ArticleState.ARCHIVED,
            True,
            ("chính trị",),
        )
        assert library.get_html(7) == b"<p>x</p>"
        # Re-indexed from the Article JSON, snippets and highlights included.
        [hit] = library.search("guong mau")
        assert hit.id == 7
        assert [hit.snippet[a:b] for a, b in hit.snippet_spans] == ["gương", "mẫu"]
        assert [hit.id for hit in library.search("chinh tri")] == [7]
        assert library.search("filler") == []  # the old copy's text is gone with it
        assert library.check() == []
        library.tag(7, add=["mới"])
        library.delete(7)
        assert library.search("dang vien") == []
        assert library.check() == []

    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(article_bodies)")]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert "body_text" not in columns
    assert path.stat().st_size < size_before / 2  # the freed space was given back


def test_a_failing_migration_leaves_the_old_version_untouched(tmp_path: Path) -> None:
    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    path = tmp_path / "library.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, target=len(MIGRATIONS) + 1, steps=(*MIGRATIONS, broken))
    conn.close()
    assert pragma(path, "user_version") == 0
    assert schema_of(path) == []


def test_a_library_from_a_newer_reader_is_refused_and_not_modified(library_path: Path) -> None:
    with Library.open(library_path) as library:
        library.save(rich_article(), None, "https://example.vn/chi-bo")
    conn = sqlite3.connect(library_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = library_path.read_bytes()

    with pytest.raises(LibraryTooNew) as caught:
        Library.open(library_path)

    assert library_path.read_bytes() == before
    message = str(caught.value)
    assert str(library_path) in message
    assert f"schema version {SCHEMA_VERSION + 1}" in message
    assert "upgrade reader-tui" in message and "not modified" in message
    assert caught.value.exit_code == 7


# --- files that are not (healthy) libraries -----------------------------------------------------


def _saved_library(path: Path) -> bytes:
    with Library.open(path) as library:
        for n in range(60):
            library.save(numbered(n, words=400), b"<p>page</p>" * 50, f"https://example.vn/{n}")
    return path.read_bytes()


def _random(size: int) -> bytes:
    return random.Random(size).randbytes(size)


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "random bytes": lambda good: _random(8192),
    "text file": lambda good: "Đây không phải là thư viện\n".encode() * 40,
    "garbage after the header": lambda good: good[:16] + _random(len(good) - 16),
    "truncated": lambda good: good[: len(good) // 3],
    "garbage pages": lambda good: good[:4096] + _random(8192) + good[12288:],
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_file_is_refused_with_the_path_and_never_modified(
    tmp_path: Path, damage: str
) -> None:
    good = _saved_library(tmp_path / "good.sqlite3")
    path = tmp_path / "library.sqlite3"
    path.write_bytes(DAMAGE[damage](good))
    before = path.read_bytes()

    with pytest.raises(LibraryCorrupt) as caught, Library.open(path) as library:
        library.list()
        library.search("chu1")

    assert path.read_bytes() == before
    message = str(caught.value)
    assert str(path) in message
    assert "left untouched" in message and "move it aside" in message
    assert caught.value.exit_code == 7


def test_another_programs_database_is_refused_and_not_modified(library_path: Path) -> None:
    conn = sqlite3.connect(library_path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.vn')")
    conn.commit()
    conn.close()
    before = library_path.read_bytes()

    with pytest.raises(NotALibrary, match="another program"):
        Library.open(library_path)

    assert library_path.read_bytes() == before
    assert schema_of(library_path) == [("bookmarks", "CREATE TABLE bookmarks (url TEXT)")]


def test_a_folder_in_place_of_the_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "library.sqlite3").mkdir()
    with pytest.raises(LibraryUnavailable, match="not a file"):
        Library.open(tmp_path / "library.sqlite3")


def test_a_library_locked_too_long_reports_busy(library_path: Path) -> None:
    Library.open(library_path).close()
    holder = sqlite3.connect(library_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with (
            Library.open(library_path, timeout=0.2) as library,
            pytest.raises(LibraryBusy) as caught,
        ):
            library.save(article("A", "x"), None, "https://example.vn/a")
        assert "busy" in str(caught.value) and "try again" in str(caught.value)
        assert isinstance(caught.value, LibraryError)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- several processes, and a killed one --------------------------------------------------------


def saver(path: Path, first: int, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.unit.library.saver",
            str(path),
            str(first),
            str(count),
            *extra,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_saving_at_once_both_succeed(tmp_path: Path) -> None:
    # Both open (and so both create) the library, say "ready", and start saving only when the
    # test lets them go together; SQLite's lock queues their transactions.
    path = tmp_path / "library.sqlite3"
    go = tmp_path / "go"
    first = saver(path, 0, 40, "--wait-for", str(go))
    second = saver(path, 1000, 40, "--wait-for", str(go))
    for process in (first, second):
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [process.communicate(timeout=60) for process in (first, second)]

    assert [first.returncode, second.returncode] == [0, 0], [err for _, err in outputs]
    ids = [[int(line) for line in out.split()] for out, _ in outputs]
    assert [len(batch) for batch in ids] == [40, 40]
    assert not set(ids[0]) & set(ids[1])
    with Library.open(path) as library:
        assert library.count() == 80
        assert library.check() == []
        assert library.get(ids[1][-1]).article == numbered(1039)
        assert len(library.search("chu1", limit=100)) == 80


def test_two_processes_saving_the_same_pages_make_one_copy(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library.open(path).close()
    go = tmp_path / "go"
    processes = [saver(path, 0, 30, "--wait-for", str(go)) for _ in range(2)]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [process.communicate(timeout=60) for process in processes]
    assert [p.returncode for p in processes] == [0, 0], [err for _, err in outputs]
    assert outputs[0][0].split() == outputs[1][0].split()  # the same ids, in the same order
    with Library.open(path) as library:
        assert library.count() == 30


def test_a_process_killed_mid_batch_loses_nothing_it_reported_saved(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    process = saver(path, 0, 100_000)
    assert process.stdout is not None
    reported: list[int] = []
    deadline = time.monotonic() + 60
    while len(reported) < 40 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        reported.append(int(line))
    assert len(reported) >= 40, process.stderr.read() if process.stderr else ""
    time.sleep(random.Random().uniform(0, 0.02))  # land anywhere in the next save
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL  # killed, not finished
    reported.extend(int(line) for line in rest.split())

    with Library.open(path) as library:
        assert library.check() == []
        for number, article_id in enumerate(reported):
            assert library.get(article_id).article == numbered(number)
        assert library.count() in (len(reported), len(reported) + 1)  # + one committed unreported
        assert len(library.search("chu1", limit=1000)) == library.count()
        # And the library takes new saves where the killed process stopped.
        assert library.save(numbered(99_999), None, "https://example.vn/after").created
