"""Clean HTML and Markdown exports: inert by construction, self-contained, readable."""

from __future__ import annotations

import re
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.contrast import contrast_ratio
from reader.library import ImageData, Library
from reader.library.export import (
    ExportEntry,
    load_entries,
    render_html,
    render_markdown_document,
    write_html,
    write_markdown,
)
from reader.library.export.markdown import slug
from reader.library.export.markup import STYLESHEET
from reader.model import (
    Article,
    Figure,
    Heading,
    Paragraph,
    Preformatted,
    Quote,
    Run,
    Table,
    TableCell,
)
from reader.plain import render_markdown
from tests.unit.library.articles import article, rich_article

HOSTILE_TEXT = (
    "<script>alert('x')</script> ]]> <img src=x onerror=alert(1)>"
    " \x1b]52;c;aGk=\x07 \x00\x0b\ufffe\ud800 \u202e"
)


def tiny_png(rgb: bytes = b"\x1f\x6f\xb4") -> bytes:
    """A valid 1x1 PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + rgb)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def hostile_article() -> Article:
    """Every field a page controls, filled with markup, escapes and characters XML forbids."""
    return Article(
        url="https://evil.example/page",
        title="<script>alert(1)</script> ]]> Title\x1b[2J",
        authors=('"><script>x</script>',),
        site_name="<b onmouseover=alert(1)>Site</b>",
        language='en" onload="alert(1)',
        lead="lead ]]> <!-- comment -->",
        source="Source <iframe src=//evil.example>",
        canonical_url="javascript:alert(1)",
        blocks=(
            Heading(2, (Run("<h1 onclick=x>Heading</h1>"),)),
            Paragraph(
                (
                    Run(HOSTILE_TEXT),
                    Run("js", href="javascript:alert(document.cookie)"),
                    Run("data", href="data:text/html,<script>alert(1)</script>"),
                    Run("file", href="file:///etc/passwd"),
                    Run("spaced", href=" java\nscript:alert(1)"),
                    Run("ok", href='https://example.org/a?b=1&c="2"'),
                )
            ),
            Figure(
                src="http://tracker.example/pixel.gif",
                alt='alt" onerror="alert(1)',
                caption=(Run("<svg onload=alert(1)>"),),
            ),
            Figure(src="javascript:alert(1)", alt="bad src"),
            Preformatted("</pre><script>alert(1)</script>", language='py" onclick="x'),
            Table(
                rows=((TableCell((Run("<td onclick=x>"),), header=True),),), caption=(Run("]]>"),)
            ),
            Quote((Paragraph((Run("<style>body{display:none}</style>"),)),)),
        ),
    )


class Page(HTMLParser):
    """What a browser would build: every element with its attributes, and the text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def tags(self) -> list[str]:
        return [tag for tag, _ in self.elements]

    def values(self, attribute: str) -> list[str]:
        return [attrs[attribute] for _, attrs in self.elements if attribute in attrs]


def assert_inert(html: str) -> Page:
    page = Page(html)
    assert "<script" not in html.lower()
    assert not re.search(r"src\s*=\s*[\"']?\s*https?:", html, re.IGNORECASE)
    assert "script" not in page.tags()
    assert not {"iframe", "object", "embed", "svg", "link", "base", "form"} & set(page.tags())
    assert page.tags().count("style") <= 1  # ours, in <head>
    handlers = [name for _, attrs in page.elements for name in attrs if name.startswith("on")]
    assert handlers == []
    assert all(href.startswith(("https://", "http://", "#")) for href in page.values("href"))
    assert all(src.startswith("data:image/") for src in page.values("src"))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\ud800-\udfff]", html)
    return page


# --- HTML ---------------------------------------------------------------------------------------


def test_html_export_of_hostile_text_has_no_script_handler_or_remote_load() -> None:
    html = render_html([ExportEntry(hostile_article())])
    page = assert_inert(html)
    text = "".join(page.text)
    # The page's words are all there, as words.
    assert "<script>alert('x')</script> ]]> <img src=x onerror=alert(1)>" in text
    assert "<h1 onclick=x>Heading</h1>" in text
    assert "</pre><script>alert(1)</script>" in text
    # Only http(s) addresses became links (the body's, with its query intact, and the missing
    # picture's address); javascript:, data: and file: ones are plain text.
    assert page.values("href") == [
        'https://example.org/a?b=1&c="2"',
        "http://tracker.example/pixel.gif",
    ]
    assert "js" in text and "data" in text and "file" in text
    # A remote figure is a framed placeholder with its address as text, never <img>.
    assert "img" not in page.tags()
    assert 'Image: alt" onerror="alert(1)' in text
    assert "http://tracker.example/pixel.gif" in text
    assert "javascript:alert(1)" in text  # the bad src and canonical URL, as text only


def test_html_export_is_standalone_with_policy_language_and_metadata() -> None:
    html = render_html([ExportEntry(rich_article())])
    page = assert_inert(html)
    html_attrs = next(attrs for tag, attrs in page.elements if tag == "html")
    assert html_attrs == {"lang": "vi", "dir": "ltr"}
    policy = next(
        attrs["content"]
        for tag, attrs in page.elements
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy and "img-src data:" in policy
    text = "".join(page.text)
    for fact in (
        "Chi bộ vững mạnh: Đảng viên gương mẫu",
        "Trần Thảo, Lê Minh",
        "Cổng thông tin điện tử · 2023-08-14",
        "Một đoạn dẫn.",
        "Nguồn: Ban Biên tập",
    ):
        assert fact in text
    assert "https://example.vn/chi-bo" in page.values("href")  # the source link
    assert "https://example.vn/khac" in page.values("href")  # a link in the body
    assert page.tags().count("h1") == 1 and "h2" in page.tags()
    assert '<ol start="2">' in html


def test_html_direction_follows_the_language_and_is_auto_when_unknown() -> None:
    arabic = article("عنوان", "نص المقال هنا.", language="ar")
    unknown = article("Title", "Body text.", language='en" onload="x')
    assert '<html lang="ar" dir="rtl">' in render_html([ExportEntry(arabic)])
    html = render_html([ExportEntry(unknown)])
    assert '<html dir="auto">' in html and "onload" not in html


def test_html_inlines_stored_images_and_refuses_bytes_that_are_not_an_image() -> None:
    figures = Article(
        url="https://example.vn/anh",
        title="Ảnh",
        blocks=(
            Figure(src="https://example.vn/a.png", alt="Đồng lúa", caption=(Run("Mùa gặt"),)),
            Figure(src="https://example.vn/b.png", alt="Giả"),
        ),
    )
    png = tiny_png()
    images = {
        "https://example.vn/a.png": ImageData("https://example.vn/a.png", "image/png", png),
        # Claims to be a PNG, is a page with a script: never embedded.
        "https://example.vn/b.png": ImageData(
            "https://example.vn/b.png", "image/png", b"<svg onload=alert(1)></svg>"
        ),
    }
    html = render_html([ExportEntry(figures, images=images)])
    page = assert_inert(html)
    sources = page.values("src")
    assert len(sources) == 1 and sources[0].startswith("data:image/png;base64,iVBORw0KGgo")
    assert next(a for t, a in page.elements if t == "img")["alt"] == "Đồng lúa"
    assert "Image: Giả" in "".join(page.text)


def test_html_collection_has_a_table_of_contents_pointing_at_each_article(
    library: Library,
) -> None:
    ids = [
        library.save(
            article(f"Bài {n}", f"Nội dung {n}.", url=f"https://e.vn/{n}"),
            None,
            f"https://e.vn/{n}",
        ).id
        for n in (1, 2, 3)
    ]
    html = render_html(load_entries(library, ids), title="Tuần này")
    page = assert_inert(html)
    assert [h for h in page.values("href") if h.startswith("#")] == ["#a1", "#a2", "#a3"]
    assert [a["id"] for t, a in page.elements if t == "article"] == ["a1", "a2", "a3"]
    assert "<title>Tuần này</title>" in html
    text = "".join(page.text)
    assert text.index("Nội dung 1.") < text.index("Nội dung 2.") < text.index("Nội dung 3.")


def test_write_html_writes_utf8_file(tmp_path: Path) -> None:
    path = write_html([ExportEntry(rich_article())], tmp_path / "out" / "bai.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in path.parent.iterdir()] == ["bai.html"]  # no temporary left over


def test_html_stylesheet_colours_meet_wcag_aaa() -> None:
    light, dark = STYLESHEET.split("@media (prefers-color-scheme: dark)")
    pairs = [
        ("#1b1b1b", "#fdfdfa", light),  # body text
        ("#0b4a8f", "#fdfdfa", light),  # links
        ("#404040", "#fdfdfa", light),  # byline, captions, footer
        ("#ececec", "#141414", dark),
        ("#8cc8ff", "#141414", dark),
        ("#c4c4c4", "#141414", dark),
    ]
    for foreground, background, css in pairs:
        assert foreground in css and background in css
        assert contrast_ratio(foreground, background) >= 7.0, (foreground, background)


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_export_is_the_plain_printers_markdown() -> None:
    entry = ExportEntry(rich_article())
    assert render_markdown_document([entry]) == render_markdown(rich_article())
    both = render_markdown_document([entry, ExportEntry(article("Hai", "Đoạn hai."))])
    first, second = both.split("\n* * *\n\n")
    assert first == render_markdown(rich_article())
    assert second.startswith("# Hai\n")


def test_markdown_one_file_puts_stored_images_beside_it(library: Library, tmp_path: Path) -> None:
    png = tiny_png()
    item = Article(
        url="https://example.vn/anh",
        title="Ảnh đồng lúa",
        blocks=(
            Paragraph((Run("Trước ảnh."),)),
            Figure(src="https://example.vn/a.png", alt="Đồng lúa"),
            Figure(src="https://example.vn/missing.png", alt="Không lưu"),
        ),
    )
    saved = library.save(
        item, None, item.url or "", images=[ImageData("https://example.vn/a.png", "image/png", png)]
    )
    written = write_markdown(load_entries(library, [saved.id]), tmp_path / "anh.md")
    document = (tmp_path / "anh.md").read_text(encoding="utf-8")
    image_files = list((tmp_path / "anh_images").iterdir())
    assert written == [tmp_path / "anh.md", *image_files]
    assert len(image_files) == 1 and image_files[0].read_bytes() == png
    assert f"![Đồng lúa](anh_images/{image_files[0].name})" in document
    assert "![Không lưu](https://example.vn/missing.png)" in document  # not stored: address kept


def test_markdown_split_writes_one_numbered_file_per_article(tmp_path: Path) -> None:
    entries = [
        ExportEntry(article("Đảng viên gương mẫu", "Một.")),
        ExportEntry(article("Straße & Œuvre", "Zwei.")),
        ExportEntry(article("日本語のタイトル", "三。")),
    ]
    written = write_markdown(entries, tmp_path / "out", split=True)
    assert [p.name for p in written] == [
        "001-dang-vien-guong-mau.md",
        "002-strasse-oeuvre.md",
        "003-article.md",
    ]
    assert written[2].read_text(encoding="utf-8") == render_markdown(entries[2].article)


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Đảng viên: gương mẫu!", "dang-vien-guong-mau"), ("", "article"), ("---", "article")],
)
def test_slug_folds_accents_and_never_comes_out_empty(title: str, expected: str) -> None:
    assert slug(title) == expected
