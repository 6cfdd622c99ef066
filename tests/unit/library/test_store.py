"""Saving, reading back, updating and deleting articles in a real library file."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from reader.errors import ReaderError, UsageError
from reader.library import (
    ArticleNotFound,
    ArticleState,
    ImageData,
    InvalidTag,
    Library,
    Position,
    default_library_path,
)
from tests.unit.library.articles import article, numbered, rich_article

PAGE = "<html><head><meta charset='utf-8'></head><body><p>Đảng viên</p></body></html>".encode()


def test_a_saved_article_reads_back_equal(library: Library) -> None:
    original = rich_article()
    result = library.save(original, PAGE, "https://example.vn/chi-bo?utm_source=zalo")
    assert result.created
    saved = library.get(result.id)
    assert saved.article == original
    assert saved.title == "Chi bộ vững mạnh: Đảng viên gương mẫu"
    assert saved.authors == ("Trần Thảo", "Lê Minh")
    assert saved.site == "Cổng thông tin điện tử"
    assert saved.host == "example.vn"
    assert saved.language == "vi"
    assert saved.published == "2023-08-14"
    assert saved.canonical_url == "https://example.vn/chi-bo"
    assert saved.url == "https://example.vn/chi-bo?utm_source=zalo"
    assert saved.word_count == original.word_count
    assert saved.state is ArticleState.UNREAD
    assert not saved.favourite
    assert saved.tags == ()
    assert saved.position == Position(0, 0)
    assert saved.saved_at.tzinfo is not None
    assert abs(saved.saved_at - datetime.now(UTC)) < timedelta(minutes=1)


def test_the_original_page_is_kept_compressed_and_returned_exactly(
    library: Library, library_path: Path
) -> None:
    page = PAGE * 200
    result = library.save(rich_article(), page, "https://example.vn/chi-bo", html_encoding="utf-8")
    assert library.get_html(result.id) == page
    assert library.get(result.id).has_html
    conn = sqlite3.connect(library_path)
    stored, size, codec = conn.execute(
        "SELECT length(html), html_size, html_codec FROM article_bodies"
    ).fetchone()
    conn.close()
    assert (size, codec) == (len(page), "zlib")
    assert stored < len(page) / 10


def test_an_article_saved_without_its_page_has_none(library: Library) -> None:
    result = library.save(rich_article(), None, "https://example.vn/chi-bo")
    assert library.get_html(result.id) is None
    assert not library.get(result.id).has_html


def test_resaving_the_same_page_updates_it_and_keeps_what_the_reader_did(library: Library) -> None:
    first = library.save(article("Bản cũ", "nội dung cũ"), PAGE, "https://example.vn/a")
    library.tag(first.id, add=["Chính trị", "đọc sau"])
    library.set_state(first.id, ArticleState.ARCHIVED)
    library.set_favourite(first.id)
    library.set_position(first.id, Position(3, 12))
    saved_at = library.get(first.id).saved_at

    again = library.save(
        article("Bản mới", "nội dung mới"), None, "https://EXAMPLE.vn/a#top", "https://example.vn/a"
    )

    assert again.id == first.id
    assert not again.created
    saved = library.get(first.id)
    assert saved.title == "Bản mới"
    assert saved.article.text == "nội dung mới"
    assert saved.tags == ("chính trị", "đọc sau")
    assert saved.state is ArticleState.ARCHIVED
    assert saved.favourite
    assert saved.position == Position(3, 12)
    assert saved.saved_at == saved_at
    assert saved.updated_at >= saved_at
    assert library.get_html(first.id) == PAGE  # no new page given: the old one is kept
    assert library.count() == 1
    assert [hit.id for hit in library.search("moi")] == [first.id]
    assert library.search("cu") == []  # the old text left the index


def test_a_redirected_page_is_recognised_by_its_final_url(library: Library) -> None:
    first = library.save(article("A", "x"), None, "https://short.example/1", "https://example.vn/a")
    again = library.save(article("A", "y"), None, "https://example.vn/a")
    assert again.id == first.id
    assert library.find("https://example.vn/a?utm_campaign=z") == first.id
    assert library.find("https://example.vn/b") is None


def test_a_page_is_recognised_by_its_canonical_url(library: Library) -> None:
    canonical = "https://example.vn/bai-viet"
    first = library.save(article("A", "x", canonical=canonical), None, canonical + "?page=1")
    again = library.save(article("A", "y", canonical=canonical), None, canonical + "?from=home")
    assert again.id == first.id


def test_a_home_page_canonical_does_not_merge_different_articles(library: Library) -> None:
    home = "https://example.vn/"
    first = library.save(article("A", "x", canonical=home), None, "https://example.vn/a")
    second = library.save(article("B", "y", canonical=home), None, "https://example.vn/b")
    assert first.id != second.id
    assert library.count() == 2


def test_a_missing_url_is_a_usage_error(library: Library) -> None:
    with pytest.raises(UsageError):
        library.save(article("A", "x"), None, "  ")


def test_tags_are_normalised_added_and_removed(library: Library) -> None:
    first = library.save(article("A", "x"), None, "https://example.vn/a")
    second = library.save(article("B", "y"), None, "https://example.vn/b")
    assert library.tag(first.id, add=["  Du  Lịch ", "VIỆT NAM"]) == ("du lịch", "việt nam")
    assert library.tag(second.id, add=["du lịch"]) == ("du lịch",)
    assert library.tag(first.id, remove=["Việt Nam"], add=["ẩm thực"]) == ("du lịch", "ẩm thực")
    assert library.tags() == [("du lịch", 2), ("ẩm thực", 1)]
    assert library.tag(first.id, remove=["không có"]) == ("du lịch", "ẩm thực")
    with pytest.raises(InvalidTag):
        library.tag(first.id, add=["   "])
    with pytest.raises(InvalidTag):
        library.tag(first.id, add=["x" * 65])


def test_states_favourites_and_positions(library: Library) -> None:
    result = library.save(article("A", "x"), None, "https://example.vn/a")
    library.set_state(result.id, "archived")
    library.set_favourite(result.id, True)
    library.set_position(result.id, Position(7, 2))
    saved = library.get(result.id)
    assert (saved.state, saved.favourite, saved.position) == ("archived", True, Position(7, 2))
    library.set_state(result.id, ArticleState.UNREAD)
    library.set_favourite(result.id, False)
    saved = library.get(result.id)
    assert (saved.state, saved.favourite) == (ArticleState.UNREAD, False)
    with pytest.raises(UsageError, match="unknown article state"):
        library.set_state(result.id, "deleted")
    with pytest.raises(ValueError, match="negative"):
        library.set_position(result.id, Position(-1, 0))


@pytest.mark.parametrize(
    "change",
    [
        lambda lib: lib.get(99),
        lambda lib: lib.get_html(99),
        lambda lib: lib.delete(99),
        lambda lib: lib.tag(99, add=["a"]),
        lambda lib: lib.set_state(99, "archived"),
        lambda lib: lib.set_favourite(99),
        lambda lib: lib.set_position(99, Position(1, 1)),
    ],
)
def test_an_unknown_id_is_reported_as_not_found(library: Library, change: object) -> None:
    with pytest.raises(ArticleNotFound) as caught:
        change(library)  # type: ignore[operator]
    assert isinstance(caught.value, ReaderError)
    assert caught.value.exit_code == 2  # a wrong id is a usage error
    assert "99" in str(caught.value)


def test_delete_removes_the_article_its_tags_and_its_index_entry(library: Library) -> None:
    kept = library.save(article("Giữ lại", "chung"), None, "https://example.vn/a")
    gone = library.save(article("Xoá đi", "chung riêng"), PAGE, "https://example.vn/b")
    library.tag(gone.id, add=["tạm"])
    library.delete(gone.id)
    with pytest.raises(ArticleNotFound):
        library.get(gone.id)
    assert library.tags() == []
    assert [hit.id for hit in library.search("chung")] == [kept.id]
    assert library.search("rieng") == []
    assert library.find("https://example.vn/b") is None
    assert library.check() == []


def test_images_are_stored_deduplicated_and_dropped_with_their_last_article(
    library: Library, library_path: Path
) -> None:
    logo = ImageData("https://example.vn/logo.png", "image/png", b"\x89PNG same bytes", 10, 20)
    photo = ImageData("https://example.vn/anh.jpg", "image/jpeg", b"\xff\xd8 photo")
    first = library.save(article("A", "x"), None, "https://example.vn/a", images=[logo, photo])
    copy = ImageData("https://cdn.example.vn/logo-2.png", "image/png", logo.data, 10, 20)
    second = library.save(article("B", "y"), None, "https://example.vn/b", images=[copy])

    assert library.image(first.id, logo.src) == logo
    assert library.image(second.id, copy.src) == copy
    assert library.image(second.id, logo.src) is None

    def stored_images() -> int:
        conn = sqlite3.connect(library_path)
        try:
            return int(conn.execute("SELECT count(*) FROM images").fetchone()[0])
        finally:
            conn.close()

    assert stored_images() == 2  # the logo's bytes are stored once
    library.save(article("A", "x2"), None, "https://example.vn/a")  # images=None keeps them
    assert library.image(first.id, photo.src) == photo
    library.save(article("A", "x3"), None, "https://example.vn/a", images=[])
    assert library.image(first.id, photo.src) is None
    assert stored_images() == 1  # the photo had no other article; the logo is still shared
    library.delete(second.id)
    assert stored_images() == 0


def test_list_filters_sorts_and_counts(library: Library, library_path: Path) -> None:
    ids = [library.save(numbered(n), None, f"https://example.vn/{n}").id for n in range(6)]
    library.save(article("Zebra", "x", site="BBC"), None, "https://www.bbc.co.uk/news/1")
    library.tag(ids[1], add=["đọc sau"])
    library.tag(ids[2], add=["Đọc sau"])
    library.set_state(ids[3], "archived")
    library.set_favourite(ids[4])
    conn = sqlite3.connect(library_path)
    conn.execute(
        "UPDATE articles SET saved_at = '2024-01-10T08:00:00.000Z' WHERE id = ?", (ids[0],)
    )
    conn.commit()
    conn.close()

    newest_first = [s.id for s in library.list()]
    assert newest_first[-1] == ids[0]
    assert len(newest_first) == library.count() == 7
    assert [s.title for s in library.list(sort="title", descending=False)][-1] == "Zebra"
    assert {s.id for s in library.list(tag="ĐỌC SAU")} == {ids[1], ids[2]}
    assert [s.id for s in library.list(state="archived")] == [ids[3]]
    assert [s.id for s in library.list(favourite=True)] == [ids[4]]
    assert [s.title for s in library.list(site="bbc.co.uk")] == ["Zebra"]
    assert [s.title for s in library.list(site="bbc")] == ["Zebra"]
    assert library.count(site="Cổng thông tin") == 6
    assert [s.id for s in library.list(until=date(2024, 1, 10))] == [ids[0]]
    assert library.count(since=date(2024, 1, 11)) == 6
    assert library.count(since=datetime(2024, 1, 10, 8, 0, tzinfo=UTC)) == 7
    assert library.list(limit=2, offset=1) == library.list()[1:3]
    row = library.list(tag="đọc sau", sort="saved")[0]
    assert row.tags == ("đọc sau",)
    assert row.reading_minutes() >= 1
    with pytest.raises(UsageError):
        library.list(sort="colour")  # type: ignore[arg-type]


def test_stored_text_never_carries_control_characters(library: Library) -> None:
    hostile = article(
        "Tiêu đề\x1b]0;pwned\x07\x1b[2J", "thân\x9b31m bài\x00 ổn", authors=("A\x1bB",)
    )
    result = library.save(hostile, None, "https://example.vn/a")
    summary = library.list()[0]
    assert summary.title == "Tiêu đề]0;pwned[2J"
    assert summary.authors == ("AB",)
    hit = library.search("bai")[0]
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in hit.title + hit.snippet)
    assert library.get(result.id).article == hostile  # the model itself is stored as given


def test_default_path_honours_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "elsewhere.sqlite3"))
    assert default_library_path() == tmp_path / "elsewhere.sqlite3"
    with Library.open() as library:
        assert library.path == tmp_path / "elsewhere.sqlite3"
    assert (tmp_path / "elsewhere.sqlite3").exists()
    monkeypatch.delenv("READER_LIBRARY")
    assert default_library_path().parts[-2:] == ("reader-tui", "library.sqlite3")


def test_the_library_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "library.sqlite3"
    with Library.open(path) as library:
        library.save(article("A", "x"), None, "https://example.vn/a")
    with Library.open(path) as library:
        assert library.count() == 1


def test_a_library_indexed_with_other_folding_rules_is_reindexed_on_open(
    library_path: Path,
) -> None:
    with Library.open(library_path) as library:
        saved = library.save(article("Đảng viên", "gương mẫu"), None, "https://e.vn/a").id
    # As an older reader would have left it: an index built some other way, another version.
    conn = sqlite3.connect(library_path)
    conn.execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'index_version'")
    conn.commit()
    conn.close()

    with Library.open(library_path) as library:
        assert [hit.id for hit in library.search("dang vien")] == [saved]
        assert library.reindex() == 1
        assert [hit.id for hit in library.search("guong mau")] == [saved]
        assert library.check() == []


def test_a_library_can_be_used_from_a_worker_thread(library: Library) -> None:
    # The TUI saves and searches from worker threads.
    results: list[int] = []
    worker = threading.Thread(
        target=lambda: results.append(
            library.save(article("Luồng", "nền"), None, "https://e.vn/t").id
        )
    )
    worker.start()
    worker.join()
    assert [hit.id for hit in library.search("luong")] == results
