"""Our JSON export: a library exported and imported into an empty one comes back identical."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reader.library import ArticleState, ImageData, Library, Position, SavedArticle
from reader.library.export import FORMAT, ExportEntry, load_entries, render_json, write_json
from reader.library.imports import ImportFormatError, apply_items, parse_import, read_import
from reader.model import Article, Figure, Paragraph, Run
from tests.unit.library.articles import article, rich_article
from tests.unit.library.test_export import tiny_png

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"


def comparable(saved: SavedArticle) -> dict[str, Any]:
    """Every field of a saved article except its id, which the new library assigns."""
    fields = asdict(saved)
    del fields["id"]
    return fields


def fill(library: Library) -> list[int]:
    """A library with every kind of field set: tags, states, positions, pages, images."""
    png, other = tiny_png(), tiny_png(b"\xff\x00\x00")
    pictured = Article(
        url="https://example.vn/anh",
        title="Ảnh đồng lúa \u202e",
        language="vi",
        image="https://example.vn/lead.png",
        blocks=(
            Paragraph((Run("Trước ảnh.\x9b"),)),
            Figure(src="https://example.vn/a.png", alt="Đồng lúa", caption=(Run("Mùa gặt"),)),
        ),
    )
    ids = [
        library.save(
            rich_article(),
            "<html><p>Đảng viên</p></html>".encode(),
            "https://example.vn/chi-bo?utm_source=x",
            "https://example.vn/chi-bo",
            html_encoding="utf-8",
        ).id,
        library.save(
            pictured,
            b"<html>\x00binary-ish\xff</html>",
            pictured.url or "",
            images=[
                ImageData("https://example.vn/a.png", "image/png", png, 1, 1),
                ImageData("https://example.vn/lead.png", "image/png", other),
            ],
        ).id,
        library.save(article("Không có trang gốc", "Nội dung."), None, "file:///tmp/bai.html").id,
    ]
    library.tag(ids[0], add=["Chính trị", "địa phương"])
    library.set_state(ids[0], ArticleState.ARCHIVED)
    library.set_favourite(ids[0])
    library.set_position(ids[0], Position(3, 17))
    library.tag(ids[1], add=["ảnh"])
    library.set_favourite(ids[1])
    library.set_position(ids[2], Position(1, 0))
    return ids


def test_export_then_import_into_an_empty_library_loses_nothing(tmp_path: Path) -> None:
    with Library.open(tmp_path / "a.sqlite3") as source:
        ids = fill(source)
        path = write_json(load_entries(source, ids, html=True), tmp_path / "backup.json")
        expected = [comparable(source.get(i)) for i in ids]
        pages = [source.get_html(i) for i in ids]
        images = {
            src: source.image(ids[1], src)
            for src in ("https://example.vn/a.png", "https://example.vn/lead.png")
        }
    with Library.open(tmp_path / "b.sqlite3") as target:
        batch = read_import(path)
        assert batch.format == "reader-json"
        report = apply_items(target, batch.items)
        assert report.to_fetch == () and report.failed == () and report.merged == ()
        assert len(report.saved) == 3
        assert [comparable(target.get(i)) for i in report.saved] == expected
        assert [target.get_html(i) for i in report.saved] == pages
        assert {src: target.image(report.saved[1], src) for src in images} == images
        assert target.get(report.saved[0]).article == rich_article()
        assert target.tags() == [("chính trị", 1), ("địa phương", 1), ("ảnh", 1)]
        assert target.search("dang vien")[0].id == report.saved[0]  # indexed, offline


def test_importing_the_same_export_twice_adds_nothing(tmp_path: Path) -> None:
    with Library.open(tmp_path / "a.sqlite3") as source:
        entries = load_entries(source, fill(source), html=True)
    data = render_json(entries).encode()
    with Library.open(tmp_path / "b.sqlite3") as target:
        first = apply_items(target, parse_import(data, "backup.json").items)
        before = [comparable(target.get(i)) for i in first.saved]
        again = apply_items(target, parse_import(data, "backup.json").items)
        assert again.saved == () and again.merged == first.saved
        assert target.count() == 3
        assert [comparable(target.get(i)) for i in first.saved] == before


def test_json_is_versioned_readable_and_inert_on_a_terminal() -> None:
    hostile = article("Tiêu đề \x1b[2J \x9b31m \u202e", "Đoạn.", url="https://e.vn/x")
    exported_at = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    text = render_json([ExportEntry(hostile)], exported_at=exported_at)
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "Tiêu đề" in text  # UTF-8, not \u escapes, for people reading the file
    document = json.loads(text)
    assert document["format"] == FORMAT == "reader-tui-library"
    assert document["version"] == 1
    assert document["exported_at"] == "2024-01-02T03:04:05.000Z"
    entry = document["articles"][0]
    assert entry["article"]["title"] == "Tiêu đề \x1b[2J \x9b31m \u202e"  # lossless
    assert entry["state"] == "unread" and entry["tags"] == [] and "html_base64" not in entry


def test_the_checked_in_version_1_export_still_imports(library: Library) -> None:
    report = apply_items(library, read_import(FIXTURES / "reader-library.json").items)
    assert len(report.saved) == 2
    first, second = (library.get(i) for i in report.saved)
    assert first.title == "Chi bộ vững mạnh: Đảng viên gương mẫu"
    assert first.tags == ("chính trị", "địa phương")
    assert (first.state, first.favourite, first.position) == (
        ArticleState.ARCHIVED,
        True,
        Position(3, 12),
    )
    assert first.saved_at == datetime(2023, 10, 29, 1, 34, 48, tzinfo=UTC)
    assert first.updated_at == datetime(2023, 10, 30, 2, 0, tzinfo=UTC)
    assert library.get_html(first.id) == "<html><body><p>Sáng nay…</p></body></html>".encode()
    image = library.image(first.id, "https://example.vn/anh/hop.png")
    assert image is not None and image.data.startswith(b"\x89PNG")
    assert second.url == "https://news.example.org/2023/10/rivers?utm_source=x"
    assert second.final_url == "https://news.example.org/2023/10/rivers"
    assert second.tags == ("news",) and not second.has_html


def version_document(**changes: Any) -> bytes:
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "articles": [
            {"url": "https://e.vn/1", "article": article("Một", "Nội dung.").to_dict()},
        ],
    }
    document.update(changes)
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (version_document(version=2), "export version 2 is newer than this reader reads (1)"),
        (version_document(version="1"), "unknown export version '1'"),
        (version_document(articles={}), '"articles" is not a list'),
        (version_document(articles=[{"url": "https://e.vn/1"}]), "article 1: the article is"),
        (
            version_document(articles=[{"url": "", "article": {}}]),
            "article 1: url must be a non-empty string",
        ),
        (
            version_document(
                articles=[
                    {"url": "https://e.vn/1", "article": {}, "position": {"block": -1}},
                ]
            ),
            "article 1: position.block must be a whole number >= 0",
        ),
        (
            version_document(articles=[{"url": "https://e.vn/1", "article": {}, "state": "x"}]),
            "article 1: unknown state 'x'",
        ),
        (
            version_document(
                articles=[{"url": "https://e.vn/1", "article": {}, "html_base64": "%%%"}]
            ),
            "article 1: html_base64 is not valid base64",
        ),
        (
            version_document(
                articles=[{"url": "https://e.vn/1", "article": {"blocks": [{"type": "x"}]}}]
            ),
            "unknown block type",
        ),
        (b'{"format": "reader-tui-library",\n "version": 1,\n "articles": [,]}', "malformed"),
    ],
)
def test_a_damaged_export_is_refused_naming_the_problem(data: bytes, message: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        parse_import(data, "backup.json", "reader-json")
    assert message in str(caught.value)
    assert str(caught.value).startswith("backup.json")
    assert caught.value.exit_code == 2


def test_malformed_json_names_the_line() -> None:
    data = b'{"format": "reader-tui-library",\n "version": 1,\n "articles": [,]}'
    with pytest.raises(ImportFormatError, match=r"^backup\.json:3: malformed JSON"):
        parse_import(data, "backup.json", "reader-json")
