"""The extraction layer's small parts: dates, bylines, titles, URLs, boilerplate wording."""

from __future__ import annotations

import pytest

from reader.extract.byline import byline_names, looks_like_name
from reader.extract.dates import find_date, to_iso
from reader.extract.dom import inner_text, parse
from reader.extract.hints import is_boilerplate_line, is_box_heading
from reader.extract.metadata import split_authors, strip_site_name
from reader.extract.nesting import MAX_DEPTH, limit_nesting
from reader.extract.urls import base_url, best_from_srcset, resolve

SEED_CONTROL_BAR = (
    "A- A A+ | Chia sẻ bài viết lên facebook Chia sẻ bài viết lên twitter "
    "Chia sẻ bài viết lên google+ Tăng tương phản Giảm tương phản"
)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2024-07-15", "2024-07-15"),
        ("2024-07-15T08:30:00+07:00", "2024-07-15T08:30:00+07:00"),
        ("2024-07-15T01:30:00Z", "2024-07-15T01:30:00+00:00"),
        ("2024-07-15 08:30:00", "2024-07-15T08:30:00"),
        ("2024-07-15T08:30:00.123+0700", "2024-07-15T08:30:00+07:00"),
        ("20240715", "2024-07-15"),
        ("Mon, 15 Jul 2024 08:30:00 +0700", "2024-07-15T08:30:00+07:00"),
        ("15/07/2024", "2024-07-15"),
        ("15.07.2024", "2024-07-15"),
        ("July 15, 2024", "2024-07-15"),
        ("15 July 2024", "2024-07-15"),
        ("31/02/2024", None),
        ("2024-13-01", None),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_to_iso(written: str | None, iso: str | None) -> None:
    assert to_iso(written) == iso


def test_find_date_in_visible_lines() -> None:
    assert find_date("Thứ Hai, 15/07/2024 08:30") == "2024-07-15T08:30:00"
    assert find_date("Cập nhật lúc 08:30 ngày 5/3/2024") == "2024-03-05T08:30:00"
    assert find_date("ngày 5 tháng 3 năm 2024") == "2024-03-05"
    assert find_date("By Tom Weller | 14.02.2024") == "2024-02-14"
    assert find_date("Posted 03/04/2024", day_first=False) == "2024-03-04"
    assert find_date("Posted 03/04/2024") == "2024-04-03"
    assert find_date("Posted 12/25/2024") == "2024-12-25"  # unambiguous month-first
    assert find_date("Tổng kết năm học 2023 - 2024") is None


def test_split_authors() -> None:
    assert split_authors("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_authors("Tác giả: Trần Thảo và Lê Minh") == ["Trần Thảo", "Lê Minh"]
    assert split_authors("Jane Doe, John Roe & Ann Lee") == ["Jane Doe", "John Roe", "Ann Lee"]
    assert split_authors("https://www.facebook.com/someone") == []
    assert split_authors("jane@example.com") == []
    assert split_authors("Jane Doe, Jane Doe") == ["Jane Doe"]


def test_byline_names_and_name_shape() -> None:
    assert byline_names("By Tom Weller | 14.02.2024") == ["Tom Weller"]
    assert byline_names("Von Max Mustermann") == ["Max Mustermann"]
    assert byline_names("Tác giả: Trần Thảo") == ["Trần Thảo"]
    assert byline_names("by the river the town grew") == []
    assert byline_names("Nguồn: Ban Biên tập") == []
    assert looks_like_name("NGỌC ANH")
    assert not looks_like_name("mọi ý kiến xin gửi về")


def test_strip_site_name() -> None:
    assert strip_site_name("Night trains return | The Courier", None) == "Night trains return"
    assert strip_site_name("Bắc Mê - huyện vùng cao - Báo Hà Giang", "Báo Hà Giang") == (
        "Bắc Mê - huyện vùng cao"
    )
    assert strip_site_name("Site | Long article title about trains", "Site") == (
        "Long article title about trains"
    )
    assert strip_site_name("A title without a site", None) == "A title without a site"


def test_urls() -> None:
    assert resolve("https://a.example/x/y.html", "../z.html") == "https://a.example/z.html"
    assert resolve("https://a.example/x/", " //cdn.example/i.png ") == "https://cdn.example/i.png"
    assert resolve("https://a.example/", "javascript:alert(1)") is None
    assert resolve("https://a.example/", "data:image/png;base64,xx") is None
    assert resolve("https://a.example/", "#") is None
    assert resolve(None, "/relative") == "/relative"
    assert resolve("https://a.example/", "/a\n/b\t.html") == "https://a.example/a/b.html"
    assert base_url("https://a.example/p", "/archive/") == "https://a.example/archive/"
    assert base_url("https://a.example/p", "javascript:x") == "https://a.example/p"
    assert best_from_srcset("a.jpg 300w, b.jpg 1200w, c.jpg 600w") == "b.jpg"
    assert best_from_srcset("a.jpg, b.jpg 2x") == "b.jpg"
    assert best_from_srcset("https://cdn.example/w_100,h_50/a.jpg 1x") == (
        "https://cdn.example/w_100,h_50/a.jpg"
    )
    assert best_from_srcset("") is None


def test_boilerplate_lines() -> None:
    assert is_boilerplate_line(SEED_CONTROL_BAR)
    boilerplate = [
        "Hôm nay : 2.102",
        "Tháng 07 : 61.366",
        "Năm 2024 : 566.712",
        "Đang truy cập : 37",
        "Share on Facebook Twitter Email",
        "In bài viết | Gửi email",
    ]
    for line in boilerplate:
        assert is_boilerplate_line(line), line
    sentences = [
        "Anh Phúc chia sẻ: “Cây chè là tài sản ông cha để lại.”",
        "Tăng cường tương tác với người dân qua mạng xã hội",
        "Share prices fell sharply on Monday after the announcement.",
    ]
    for line in sentences:
        assert not is_boilerplate_line(line), line


def test_box_headings() -> None:
    headings = ["Tin liên quan", "Bài viết khác", "Các tin khác", "Thống kê truy cập"]
    headings += ["Related stories", "Read more", "You may also like", "関連記事"]
    for heading in headings:
        assert is_box_heading(heading), heading
    assert not is_box_heading("Từ nương chè cổ đến sản phẩm mang thương hiệu")
    assert not is_box_heading("Related questions remain about the budget")


def test_limit_nesting() -> None:
    normal = "<html><body>" + "<div><p>text</p></div>" * 3000 + "</body></html>"
    assert limit_nesting(normal) is normal
    deep = "<div>" * 10_000 + "words" + "</div>" * 10_000
    limited = limit_nesting(deep)
    assert limited.count("<div>") == MAX_DEPTH
    assert limited.count("</div>") == MAX_DEPTH
    assert "words" in limited


def test_block_boxes_never_run_their_text_together() -> None:
    document = parse(
        "<div id=a><div>10. Februar 2019</div><div>9. Februar 2019</div>"
        "<p>One</p><p>two<br>three</p><span>in</span><span>line</span></div>"
    )
    box = next(e for e in document.elements if e.get("id") == "a")
    assert inner_text(box) == "10. Februar 2019 9. Februar 2019 One two three inline"
