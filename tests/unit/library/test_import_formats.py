"""Each importer on a file modelled on the real export, format recognition, and bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reader.errors import SourceError, UsageError
from reader.library import ArticleState
from reader.library.imports import (
    IMPORT_FORMATS,
    ImportFormatError,
    detect_format,
    parse_import,
    read_import,
)
from reader.model import Figure, Heading, ListBlock

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
CHI_BO = "https://example.vn/tin-tuc/chi-bo-vung-manh"


def utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("urls.txt", "urls"),
        ("ril_export.html", "pocket-html"),
        ("pocket.csv", "pocket-csv"),
        ("instapaper-export.csv", "instapaper"),
        ("wallabag-export.json", "wallabag"),
        ("reader-library.json", "reader-json"),
    ],
)
def test_the_format_is_recognised_from_the_content(name: str, expected: str) -> None:
    assert detect_format(FIXTURES / name) == expected
    assert read_import(FIXTURES / name).format == expected
    assert expected in IMPORT_FORMATS


def test_url_list_ignores_blanks_and_comments_keeps_file_order() -> None:
    batch = read_import(FIXTURES / "urls.txt")
    assert [item.url for item in batch.items] == [
        CHI_BO,
        "https://news.example.org/2023/10/rivers?utm_source=newsletter",
        "https://blog.example.com/post/42",
        CHI_BO,  # duplicates are merged when applied, not here
    ]
    assert [item.origin.rsplit(":", 1)[1] for item in batch.items] == ["2", "4", "5", "7"]
    assert all(i.article is None and i.state is ArticleState.UNREAD for i in batch.items)


def test_url_list_refuses_a_line_that_is_not_a_web_address() -> None:
    data = b"https://e.vn/1\n\nftp://e.vn/file\n"
    with pytest.raises(ImportFormatError) as caught:
        parse_import(data, "list.txt", "urls")
    assert str(caught.value).startswith("list.txt:3: not an http(s) URL: 'ftp://e.vn/file'")
    assert "one http:// or https:// address per line" in str(caught.value)
    with pytest.raises(ImportFormatError, match=r"list\.txt:1: not an http\(s\) URL"):
        parse_import(b"javascript:alert(1)\n", "list.txt", "urls")


def test_pocket_html_sections_give_the_state_attributes_the_tags_and_time() -> None:
    batch = read_import(FIXTURES / "ril_export.html")
    first, second, archived = batch.items
    assert (first.url, first.title) == (CHI_BO, "Chi bộ vững mạnh: Đảng viên gương mẫu")
    assert first.tags == ("chính trị", "địa phương")
    assert first.saved_at == utc(1698568488) and first.state is ArticleState.UNREAD
    assert second.url == "https://news.example.org/2023/10/rivers?a=1&b=2"  # entities decoded
    assert second.title == "Rivers & floods" and second.tags == ()
    assert archived.state is ArticleState.ARCHIVED and archived.tags == ("tech",)
    assert archived.title is None  # Pocket used the address as the title
    assert batch.skipped == (
        f"{FIXTURES / 'ril_export.html'}:13: not an http(s) URL: 'javascript:alert(1)'",
    )


def test_pocket_csv_splits_tags_on_bars_and_maps_status() -> None:
    batch = read_import(FIXTURES / "pocket.csv")
    first, second, third = batch.items
    assert first.url == CHI_BO and first.tags == ("chính trị", "địa phương")
    assert first.saved_at == utc(1728576752) and first.state is ArticleState.UNREAD
    assert second.title == "Rivers, floods and towns"
    assert third.url == "https://blog.example.com/post/42?a=1,2"  # quoted field with commas
    assert third.tags == ("tech", "with space") and third.state is ArticleState.ARCHIVED
    assert len(batch.skipped) == 1 and "file:///etc/passwd" in batch.skipped[0]
    assert batch.skipped[0].startswith(f"{FIXTURES / 'pocket.csv'}:5:")


def test_instapaper_folders_become_states_favourites_and_tags() -> None:
    unread, archived, starred, own_folder = read_import(FIXTURES / "instapaper-export.csv").items
    assert unread.url == CHI_BO and unread.tags == ("chính trị",)
    assert unread.state is ArticleState.UNREAD and not unread.favourite
    assert unread.saved_at == utc(1748490183)
    assert archived.state is ArticleState.ARCHIVED and archived.title == "Rivers, floods and towns"
    assert starred.favourite and starred.state is ArticleState.UNREAD
    assert own_folder.tags == ("recipes", "food", "việt nam")
    assert own_folder.title == "Phở bò Hà Nội"


def test_instapaper_without_the_newer_tags_column() -> None:
    data = b"URL,Title,Selection,Folder,Timestamp\nhttps://e.vn/1,One,,Archive,1339641431\n"
    (item,) = parse_import(data, "instapaper.csv").items
    assert (item.url, item.state, item.tags) == ("https://e.vn/1", ArticleState.ARCHIVED, ())


def test_wallabag_entries_become_readable_articles_without_a_network() -> None:
    first, second, third = read_import(FIXTURES / "wallabag-export.json").items
    assert first.article is not None and first.html is not None
    assert first.article.title == "Chi bộ vững mạnh: Đảng viên gương mẫu"
    assert first.article.language == "vi" and first.article.authors == ("Trần Thảo",)
    assert any(isinstance(b, Heading) for b in first.article.blocks)
    assert any(isinstance(b, ListBlock) for b in first.article.blocks)
    assert any(isinstance(b, Figure) for b in first.article.blocks)
    assert "gương mẫu trong lời nói" in first.article.text
    assert first.state is ArticleState.ARCHIVED and first.favourite
    assert first.tags == ("chính trị", "địa phương")
    assert first.saved_at == datetime(2023, 10, 29, 8, 34, 48, tzinfo=timezone(timedelta(hours=7)))
    assert second.article is not None and "wallabag kept a script" not in second.article.text
    assert "never this fast" in second.article.text
    assert second.state is ArticleState.UNREAD and not second.favourite
    # No content: left for the caller to fetch; tags given as objects are read too.
    assert third.article is None and third.html is None and third.tags == ("later",)


def test_wallabag_version_1_flags() -> None:
    data = (
        b'[{"url": "https://e.vn/1", "title": "One", "is_read": "1", "is_fav": 1,'
        b' "tags": "a,b", "content": ""}]'
    )
    (item,) = parse_import(data, "wallabag.json", "wallabag").items
    assert item.state is ArticleState.ARCHIVED and item.favourite and item.tags == ("a", "b")


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (b"", None, "empty.txt: cannot tell which export this is"),
        (b"hello world\n", None, "empty.txt: cannot tell which export this is"),
        (b'{"some": "json"}', None, "cannot tell which export this is"),
        (b"https://e.vn/1\n", "pocket-csv", "empty.txt:1: the header has no url column"),
        (b'title,url\n"unclosed,https://e.vn\n', "pocket-csv", "empty.txt:2: malformed CSV"),
        (b"URL,Title\nhttps://e.vn/1,One\n", "instapaper", "the header has no folder column"),
        (b"a,b,url\n1,2,https://e.vn,4\n", "pocket-csv", "empty.txt:2: 4 fields where"),
        (b"<html><body><p>hi</p></body></html>", "pocket-html", "no Pocket sections"),
        (b'{"url": "x"}', "wallabag", "the JSON is not a list of entries"),
        (b'[{"title": "no url"}]', "wallabag", "entry 1 has no url"),
        (b"[1]", "wallabag", "entry 1 is not an object"),
        (b'[{"url": "https://e.vn"}', "wallabag", "empty.txt:1: malformed JSON"),
        (b'{"format": "other"}', "reader-json", "not a reader-tui library export"),
        (b'[{"url": "https://e.vn", "title": "\\ud800"}]', "wallabag", "lone surrogate"),
        (b"[" * 100_000, "wallabag", "nested too deeply"),
    ],
)
def test_malformed_or_unrecognised_files_raise_a_clear_usage_error(
    data: bytes, fmt: str | None, message: str
) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_import(data, "empty.txt", fmt)
    assert message in str(caught.value)
    assert isinstance(caught.value, UsageError) and caught.value.hint


def test_an_explicit_format_overrides_recognition() -> None:
    # A URL list is recognised as one; read as Pocket CSV it is refused (its header is wrong).
    assert parse_import(b"https://e.vn/1\n", "x").format == "urls"
    with pytest.raises(ImportFormatError):
        parse_import(b"https://e.vn/1\n", "x", "pocket-csv")
    with pytest.raises(UsageError, match="unknown import format 'kindle'"):
        parse_import(b"https://e.vn/1\n", "x", "kindle")


def test_unreadable_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_import(tmp_path / "missing.csv")
    with pytest.raises(SourceError):
        detect_format(tmp_path)


def test_a_bom_is_dropped_and_a_file_not_in_utf8_is_still_read(tmp_path: Path) -> None:
    csv = "title,url,time_added,tags,status\nCafé crème,https://e.fr/1,1,café,unread\n"
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf" + csv.encode())
    (item,) = read_import(tmp_path / "bom.csv").items
    assert item.title == "Café crème" and item.tags == ("café",)
    # Not UTF-8: the encoding is guessed (as for a web page) rather than the import refused.
    (tmp_path / "legacy.csv").write_bytes(csv.encode("cp1252"))
    (item,) = read_import(tmp_path / "legacy.csv").items
    assert item.url == "https://e.fr/1" and item.title and item.title.startswith("Caf")


def test_tags_are_cleaned_lowered_cut_and_deduplicated() -> None:
    long_tag = "x" * 80
    tags = f"A|a| |\x1b[31mred|{long_tag}"
    data = f"title,url,time_added,tags,status\nT,https://e.vn/1,1,{tags},unread\n"
    (item,) = parse_import(data.encode(), "pocket.csv").items
    assert item.tags == ("a", "[31mred", "x" * 64)


def test_escaped_surrogate_pairs_are_ordinary_text() -> None:
    data = b'[{"url": "https://e.vn/1", "title": "Vui \\ud83d\\ude00", "content": ""}]'
    (item,) = parse_import(data, "wallabag.json", "wallabag").items
    assert item.title == "Vui \N{GRINNING FACE}"
