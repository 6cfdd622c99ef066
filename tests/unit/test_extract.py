"""Reader mode on whole pages: the fixture pages and the bundled demo, asserted on content."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

import pytest

from reader import extract
from reader.model import (
    Article,
    Block,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Preformatted,
    Quote,
    Run,
    Table,
)

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def kinds(article: Article) -> list[str]:
    return [block.kind for block in article.blocks]


def all_runs(blocks: tuple[Block, ...]) -> list[Run]:
    runs: list[Run] = []
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if isinstance(block, Paragraph | Heading):
            runs.extend(block.runs)
        elif isinstance(block, Quote):
            stack.extend(reversed(block.blocks))
        elif isinstance(block, ListBlock):
            for item in reversed(block.items):
                stack.extend(reversed(item.blocks))
        elif isinstance(block, Figure):
            runs.extend(block.caption)
        elif isinstance(block, Table):
            runs.extend(run for row in block.rows for cell in row for run in cell.runs)
    return runs


def assert_absent(article: Article, *strings: str) -> None:
    text = article.text
    for string in strings:
        assert string not in text, f"boilerplate {string!r} leaked into the article"


# --- the demo ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Article:
    html = resources.files("reader.data").joinpath("demo.html").read_bytes()
    return extract(html)


def test_demo_metadata(demo: Article) -> None:
    assert demo.reason is None
    assert demo.title == "Xã Lũng Mây nâng giá trị chè Shan tuyết cổ thụ gắn với du lịch cộng đồng"
    assert demo.authors == ("Hoàng Thu Trang",)
    assert demo.source == "Ban Biên tập"
    assert demo.published == "2024-07-18T08:30:00+07:00"
    assert demo.site_name == "Cổng thông tin điện tử huyện Khe Mây"
    assert demo.language == "vi"
    assert demo.lead is not None
    assert demo.lead.startswith("CTTKM - Những năm gần đây, xã Lũng Mây")
    assert demo.canonical_url == (
        "https://khemay.example/tin-tuc/kinh-te/xa-lung-may-nang-gia-tri-che-shan-tuyet-co-thu.html"
    )
    assert demo.image == "https://khemay.example/uploads/2024/07/doi-che-lung-may.jpg"
    assert demo.metadata["section"] == "Kinh tế"


def test_demo_body_structure(demo: Article) -> None:
    assert kinds(demo) == [
        "paragraph", "paragraph", "heading", "paragraph", "figure", "paragraph", "paragraph",
        "quote", "heading", "paragraph", "figure", "paragraph", "paragraph", "paragraph",
        "paragraph",
    ]  # fmt: skip
    headings = [block for block in demo.blocks if isinstance(block, Heading)]
    assert [(h.level, h.text) for h in headings] == [
        (2, "Từ nương chè cổ đến sản phẩm mang thương hiệu"),
        (2, "Đánh thức tiềm năng du lịch cộng đồng"),
    ]
    figures = [block for block in demo.blocks if isinstance(block, Figure)]
    assert [(f.src, f.text) for f in figures] == [
        (
            "https://khemay.example/uploads/2024/07/thu-hai-che-xuan.jpg",
            "Người dân bản Khâu Vai thu hái chè Shan tuyết cổ thụ vào đầu vụ xuân",
        ),
        (
            "https://khemay.example/uploads/2024/07/sao-che-homestay.jpg",
            "Du khách trải nghiệm sao chè thủ công tại một homestay ở bản Nặm Đăm",
        ),
    ]
    quote = demo.blocks[7]
    assert isinstance(quote, Quote)
    assert quote.text.startswith("“Cây chè cổ thụ là tài sản ông cha để lại.")
    assert demo.blocks[-1].text.endswith("xây dựng nông thôn mới của huyện Khe Mây./.")


def test_demo_drops_portal_boilerplate(demo: Article) -> None:
    assert_absent(
        demo,
        "A- A A+", "A+", "Chia sẻ bài viết lên", "Tăng tương phản", "Giảm tương phản",
        "Trang chủ", "Tin tức - Sự kiện", "Tìm kiếm", "Tin liên quan", "Bài viết khác",
        "Hội nghị xúc tiến", "Khánh thành cầu treo", "Văn bản mới", "Liên kết website",
        "Thống kê truy cập", "Đang truy cập", "Hôm nay", "Hôm qua", "412.507", "Bản quyền",
        "Cơ quan chủ quản", "Tác giả:", "Nguồn:", "Hoàng Thu Trang", "Ban Biên tập",
        "Thứ Năm, 18/07/2024", "changeFont", "CỔNG THÔNG TIN",
    )  # fmt: skip
    assert demo.title not in demo.text  # the h1 is the title, not a body heading
    assert demo.lead is not None and demo.lead not in demo.text  # shown once, as the lead
    assert "chia sẻ:" in demo.text  # the word itself is not boilerplate inside a sentence


def test_demo_inline_runs(demo: Article) -> None:
    runs = all_runs(demo.blocks)
    links = [run for run in runs if run.href]
    assert [(run.text, run.href) for run in links] == [
        ("Nghị quyết số 05-NQ/HU", "https://khemay.example/van-ban/nghi-quyet-05-nq-hu.html")
    ]
    assert Run("chè Shan tuyết cổ thụ", emphasis=True) in runs
    first = demo.blocks[0]
    assert isinstance(first, Paragraph)
    assert [run.emphasis for run in first.runs] == [False, True, False]  # merged neighbours


def test_demo_length_and_speed(demo: Article) -> None:
    lead_words = len((demo.lead or "").split())
    assert 600 <= demo.word_count + lead_words <= 950
    html = resources.files("reader.data").joinpath("demo.html").read_bytes()
    start = time.perf_counter()
    for _ in range(10):
        extract(html)
    assert (time.perf_counter() - start) / 10 < 0.2  # about 1 ms on a laptop


# --- a second portal page ---------------------------------------------------------------------


def test_portal_page() -> None:
    url = "https://nakhuong.example/tin-tuc/giao-duc/thu-vien-xanh.html"
    article = extract(page("portal-vi.html"), url)
    assert article.title == "Trường Tiểu học Nà Khương khánh thành thư viện xanh"
    assert article.site_name == "Cổng thông tin điện tử xã Nà Khương"
    assert article.authors == ("Lâm Văn Quý",)
    assert article.source == "Văn phòng HĐND - UBND xã"
    assert article.published == "2024-07-12T15:45:00"
    assert article.lead is not None and article.lead.startswith("CTTNK - Sáng 11/7")
    assert kinds(article) == ["paragraph", "figure", "paragraph", "paragraph", "paragraph"]
    figure = article.blocks[1]
    assert isinstance(figure, Figure)
    assert figure.src == "https://nakhuong.example/upload/2024/thu-vien-xanh.jpg"
    assert figure.text == "Các em học sinh đọc sách tại thư viện xanh trong giờ ra chơi"
    assert article.text.startswith("Thư viện được bố trí ngay dưới tán những cây sấu")
    assert article.text.endswith("trong năm học mới.")
    assert_absent(
        article,
        "A- A A+", "Chia sẻ", "tương phản", "Thống kê truy cập", "Hôm nay", "2.102",
        "Năm 2024", "Các tin khác", "Tổng kết năm học", "Danh mục", "Bản quyền",
        "Về đầu trang", "Tác giả", "Nguồn", "Trang chủ", "Thứ Sáu",
    )  # fmt: skip


# --- an English news page ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def news() -> Article:
    return extract(page("news-en.html"), "https://courier.example/travel/night-trains-return")


def test_news_metadata(news: Article) -> None:
    assert news.title == "Night trains return to the valley line"
    assert news.authors == ("Jane Doe", "Amir Okafor")
    assert news.published == "2024-03-05T07:15:00+00:00"
    assert news.site_name == "The Riverside Courier"
    assert news.language == "en-GB"
    assert news.lead == (
        "After eleven years without a sleeper service, overnight trains will again link the "
        "valley towns with the coast from May."
    )
    assert news.image == "https://courier.example/media/2024/03/sleeper-carriage.jpg"
    assert news.canonical_url is None
    assert news.metadata["modified"] == "2024-03-05T09:40:00+00:00"


def test_news_blocks_in_order(news: Article) -> None:
    assert kinds(news) == [
        "paragraph", "paragraph", "figure", "paragraph", "quote", "heading", "paragraph",
        "list", "table", "paragraph", "preformatted", "figure", "paragraph",
    ]  # fmt: skip


def test_news_lazy_images_are_resolved_once(news: Article) -> None:
    figures = [block for block in news.blocks if isinstance(block, Figure)]
    assert [(f.src, f.alt) for f in figures] == [
        (
            "https://courier.example/media/2024/03/sleeper-cabin.jpg",
            "A sleeper cabin with two bunks",
        ),
        ("https://courier.example/media/2024/03/route-map-960.png", "Map of the valley line route"),
    ]
    assert figures[0].text == "One of the refurbished cabins, photographed at the Millbrook depot."


def test_news_nested_list_table_and_code(news: Article) -> None:
    listing = news.blocks[7]
    assert isinstance(listing, ListBlock) and not listing.ordered
    first, second = listing.items
    assert first.blocks[0].text == "Millbrook to Saltmarsh on Mondays, Wednesdays and Fridays"
    nested = first.blocks[1]
    assert isinstance(nested, ListBlock)
    assert [item.text for item in nested.items] == [
        "calling at Ashford Junction",
        "calling at Kingsbridge",
    ]
    assert second.text == "Saltmarsh to Millbrook on Tuesdays, Thursdays and Sundays"

    table = news.blocks[8]
    assert isinstance(table, Table)
    assert "".join(run.text for run in table.caption) == "Fares for a single journey"
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Ticket", "Price"],
        ["Seat", "£29"],
        ["Shared cabin", "£79"],
        ["Private cabin", "£149"],
    ]
    assert all(cell.header for cell in table.rows[0])
    assert not any(cell.header for cell in table.rows[1])

    code = news.blocks[10]
    assert isinstance(code, Preformatted)
    assert code.language == "bash"
    assert code.code == (
        "curl https://data.example/timetable?line=valley\n# returns JSON, one object per departure"
    )


def test_news_inline_formatting(news: Article) -> None:
    second = news.blocks[1]
    assert isinstance(second, Paragraph)
    assert Run("refurbished", emphasis=True) in second.runs
    assert Run("forty-two cabins", strong=True) in second.runs
    assert Run("next week", href="https://courier.example/travel/tickets") in second.runs


def test_news_drops_boilerplate(news: Article) -> None:
    assert_absent(
        news,
        "Jane Doe", "5 March 2024", "We use cookies", "Accept all", "Share on", "Email",
        "Sign up", "Related stories", "Rail strike", "Comments", "trainfan77", "Finally!",
        "All rights reserved", "Privacy", "Sport",
    )  # fmt: skip


# --- the article is not in <article> ----------------------------------------------------------


def test_div_soup_page() -> None:
    article = extract(page("div-soup.html"), "https://hillside.example/local/mill-library")
    assert article.title == "How the old mill became a library"
    assert article.site_name == "Hillside Weekly"
    assert article.authors == ("Tom Weller",)
    assert article.published == "2024-02-14"
    assert kinds(article) == ["paragraph"] * 4
    assert article.blocks[0].text.startswith("For more than a century the mill on Brook Lane")
    third = article.blocks[2]
    assert isinstance(third, Paragraph)
    # A single <br> is a line break inside the paragraph; <br><br> ended the previous one.
    assert 'restoring the oak beams.\n"We learned more about lime mortar' in third.text
    assert Run("rebuilding the sluice gate", emphasis=True) in third.runs
    assert_absent(
        article,
        "Hillside Weekly", "published every Thursday", "Most read", "Bypass plans",
        "Reader comments", "Margaret H.", "congratulations", "Shame about the parking",
        "How much did it all cost", "Registered charity", "By Tom Weller",
    )  # fmt: skip


# --- a language written without spaces --------------------------------------------------------


def test_japanese_page() -> None:
    article = extract(page("japanese.html"), "https://minami.example/culture/cinema")
    assert article.title == "山あいの町に小さな映画館が復活"
    assert article.site_name == "みなみ新報"
    assert article.language == "ja"
    assert article.published == "2024-05-20T10:00:00+09:00"
    assert kinds(article) == ["paragraph"] * 3
    assert article.blocks[0].text.startswith("人口およそ四千人の山あいの町で、")
    assert " " not in article.blocks[1].text
    assert_absent(article, "アクセスランキング", "道の駅", "トップ", "Copyright")
    assert article.word_count > 200  # every CJK character counts


# --- not an article ---------------------------------------------------------------------------


def test_navigation_only_page_is_not_an_article() -> None:
    article = extract(page("nav-only.html"), "https://council.example/sitemap")
    assert article.blocks == ()
    assert article.reason == "no article text found on the page"
    assert article.title == "Site map - Example Borough Council"
    assert article.language == "en"


# --- hidden elements and scripts --------------------------------------------------------------


def test_hidden_elements_and_scripts_never_show() -> None:
    article = extract(page("hidden-scripts.html"))
    assert kinds(article) == ["paragraph"] * 3
    assert article.text.startswith("Repairs to the harbour wall were completed")
    for marker in (
        "SCRIPT-SECRET", "STYLE-SECRET", "HIDDEN-ATTRIBUTE", "HIDDEN-DISPLAY",
        "HIDDEN-VISIBILITY", "HIDDEN-ARIA", "TEMPLATE-SECRET", "NOSCRIPT-SECRET",
        "WRITE-SECRET", "IFRAME-SECRET", "SVG-SECRET", "SVG-TEXT-SECRET", "INPUT-SECRET",
        "BUTTON-SECRET", "OPTION-SECRET", "TEXTAREA-SECRET", "Email",
    ):  # fmt: skip
        assert marker not in article.text
        assert marker not in article.to_json()


# --- <base href> and relative links -----------------------------------------------------------


def test_links_resolve_against_base_href() -> None:
    article = extract(page("base-href.html"), "https://museum.example/news/letters")
    links = {run.text: run.href for run in all_runs(article.blocks) if run.href}
    assert links == {
        "forty-one letters": "https://cdn.example.org/archive/2023/letters/index.html",
        "maritime museum": "https://cdn.example.org/museum/",
        "reading room": "https://cdn.example.org/archive/reading-room.html",
        "scan of the first letter": "https://images.example.net/scans/letter-1.jpg",
        "transcript": "https://cdn.example.org/archive/2023/#transcript",
    }
    assert "viewer" in article.text  # a javascript: link keeps its text, loses its target
    figure = next(block for block in article.blocks if isinstance(block, Figure))
    assert figure.src == "https://cdn.example.org/archive/2023/scans/keeper.jpg"
    assert figure.text == "The keeper outside the lighthouse, about 1930."


def test_relative_links_without_any_base_stay_relative() -> None:
    html = "<article><p>Read the <a href='/report.pdf'>full report</a> of the committee, " + (
        "published on Monday after months of hearings and evidence sessions.</p></article>"
    )
    article = extract(html)
    assert Run("full report", href="/report.pdf") in all_runs(article.blocks)
