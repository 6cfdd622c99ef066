"""Applying imports to a real library: what needs no network is saved, the rest handed back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.library import ArticleState, Library, Position
from reader.library.imports import apply_items, parse_import, read_import, save_item
from reader.model import Article, Paragraph, Run
from tests.unit.library.articles import article

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
CHI_BO = "https://example.vn/tin-tuc/chi-bo-vung-manh"


def fetched(url: str, title: str) -> Article:
    """What the caller's fetch + extract would give for an imported URL."""
    return Article(url=url, title=title, blocks=(Paragraph((Run(f"Body of {title}."),)),))


def test_wallabag_import_is_readable_and_searchable_offline(library: Library) -> None:
    report = apply_items(library, read_import(FIXTURES / "wallabag-export.json").items)
    assert len(report.saved) == 2 and report.merged == () and report.failed == ()
    assert [item.url for item in report.to_fetch] == ["https://blog.example.com/post/42"]
    first = library.get(report.saved[0])
    assert first.url == CHI_BO and first.has_html
    assert first.title == "Chi bộ vững mạnh: Đảng viên gương mẫu"
    assert first.tags == ("chính trị", "địa phương")
    assert first.state is ArticleState.ARCHIVED and first.favourite
    assert first.saved_at == datetime(2023, 10, 29, 1, 34, 48, tzinfo=UTC)
    assert "Mở lớp tin học cho thanh niên." in first.article.text
    hits = library.search("dang vien guong mau")
    assert [hit.id for hit in hits] == [first.id]
    second = library.get(report.saved[1])
    assert second.state is ArticleState.UNREAD and not second.favourite


def test_url_only_items_are_handed_back_once_each(library: Library) -> None:
    report = apply_items(library, read_import(FIXTURES / "urls.txt").items)
    assert report.saved == () and report.merged == ()
    assert [item.url for item in report.to_fetch] == [
        CHI_BO,
        "https://news.example.org/2023/10/rivers?utm_source=newsletter",
        "https://blog.example.com/post/42",
    ]
    assert library.count() == 0  # nothing saved without an article


def test_duplicate_mentions_in_a_file_are_combined(library: Library) -> None:
    data = (
        b"title,url,time_added,tags,status\n"
        b"One,https://e.vn/1,200,a,unread\n"
        b"One again,https://E.VN/1#top,100,b,archive\n"
    )
    (item,) = apply_items(library, parse_import(data, "pocket.csv").items).to_fetch
    assert item.url == "https://e.vn/1" and item.title == "One"
    assert item.tags == ("a", "b") and item.state is ArticleState.ARCHIVED
    assert item.saved_at == datetime.fromtimestamp(100, UTC)


def test_fetched_items_are_saved_with_what_the_other_service_knew(library: Library) -> None:
    report = apply_items(library, read_import(FIXTURES / "instapaper-export.csv").items)
    assert len(report.to_fetch) == 4
    ids = []
    for item in report.to_fetch:
        result = save_item(library, item, fetched(item.url, item.title or ""), b"<html></html>")
        assert result.created
        ids.append(result.id)
    unread, archived, starred, own_folder = (library.get(i) for i in ids)
    assert unread.tags == ("chính trị",) and unread.state is ArticleState.UNREAD
    assert unread.saved_at == datetime.fromtimestamp(1748490183, UTC)
    assert archived.state is ArticleState.ARCHIVED and not archived.favourite
    assert starred.favourite and starred.state is ArticleState.UNREAD
    assert own_folder.tags == ("food", "recipes", "việt nam")
    assert own_folder.saved_at == datetime.fromtimestamp(1339641431, UTC)
    # Newest-saved-first listing keeps the other service's order, not the import's.
    assert [s.id for s in library.list()] == [unread.id, archived.id, starred.id, own_folder.id]


def test_an_already_saved_page_is_merged_never_overwritten(library: Library) -> None:
    mine = article("Bản của tôi", "Đã lưu trước.", url=CHI_BO)
    existing = library.save(mine, b"<html>mine</html>", CHI_BO).id
    library.tag(existing, add=["của tôi"])
    library.set_position(existing, Position(2, 5))
    report = apply_items(library, read_import(FIXTURES / "wallabag-export.json").items)
    assert existing in report.merged and existing not in report.saved
    after = library.get(existing)
    assert after.article == mine and library.get_html(existing) == b"<html>mine</html>"
    assert after.tags == ("chính trị", "của tôi", "địa phương")
    assert after.state is ArticleState.ARCHIVED and after.favourite  # turned on by the import
    assert after.position == Position(2, 5)
    # An import that says "unread" never un-archives what the person archived.
    report = apply_items(library, read_import(FIXTURES / "pocket.csv").items)
    assert existing in report.merged
    assert library.get(existing).state is ArticleState.ARCHIVED


def test_a_page_saved_meanwhile_is_merged_by_save_item(library: Library) -> None:
    (item,) = [i for i in read_import(FIXTURES / "pocket.csv").items if "rivers" in i.url]
    report = apply_items(library, [item])
    assert report.to_fetch == (item,)
    # Another process saved and archived it while this one was fetching.
    other = library.save(fetched(item.url, "Theirs"), None, item.url).id
    library.set_state(other, ArticleState.ARCHIVED)
    result = save_item(library, item, fetched(item.url, "Rivers"), None)
    assert (result.id, result.created) == (other, False)
    assert library.get(other).state is ArticleState.ARCHIVED
    assert library.count() == 1


def test_the_other_services_title_fills_in_for_a_page_without_one(library: Library) -> None:
    (item,) = [i for i in read_import(FIXTURES / "pocket.csv").items if "rivers" in i.url]
    untitled = Article(url=item.url, blocks=(Paragraph((Run("Body."),)),))
    result = save_item(library, item, untitled, None)
    assert library.get(result.id).title == "Rivers, floods and towns"


def test_an_item_is_saved_with_its_tags_and_flags_as_one_transaction(
    library: Library, tmp_path: Path
) -> None:
    (item,) = [i for i in read_import(FIXTURES / "pocket.csv").items if "rivers" in i.url]
    item = replace(item, tags=("rivers",), favourite=True, position=Position(1, 0))
    with library.atomic():
        result = save_item(library, item, fetched(item.url, "Rivers"), None)
        # Another connection to the same file sees nothing until the whole item has landed.
        with Library.open(library.path) as other:
            assert other.count() == 0
    with Library.open(library.path) as other:
        saved = other.get(result.id)
        assert saved.tags == ("rivers",) and saved.favourite
        assert saved.position == Position(1, 0)


def test_an_item_that_fails_half_way_leaves_nothing_behind(library: Library) -> None:
    (item,) = [i for i in read_import(FIXTURES / "pocket.csv").items if "rivers" in i.url]
    broken = replace(item, tags=("rivers",), position=Position(-1, 0))
    with pytest.raises(ValueError, match="negative"):
        save_item(library, broken, fetched(item.url, "Rivers"), None)
    assert library.count() == 0 and library.tags() == []
    # The library still works, and the same item imports cleanly once it is whole.
    assert save_item(library, item, fetched(item.url, "Rivers"), None).created


def test_atomic_rolls_back_every_call_inside_it(library: Library) -> None:
    kept = library.save(article("Kept", "Body."), None, "https://e.vn/kept").id
    with pytest.raises(RuntimeError), library.atomic():
        library.tag(kept, add=["lost"])
        library.save(article("Gone", "Body."), None, "https://e.vn/gone")
        raise RuntimeError("interrupted")
    assert library.count() == 1 and library.get(kept).tags == ()
