"""Pictures saved with an article: fetched over http(s) from a real server, checked and capped,
and stored deduplicated; a page never makes the reader read a local file."""

from __future__ import annotations

import base64
import sqlite3
import struct
import zlib
from contextlib import closing
from pathlib import Path

from reader.images import fetch_images, image_sources, image_url, sniff_image
from reader.library import Library
from reader.model import Article, Figure, Paragraph, Quote, Run
from tests.support.server import PageServer


def png(width: int = 3, height: int = 2, *, noise: bytes = b"") -> bytes:
    """A real, valid PNG of `width` x `height` grey pixels (`noise` makes distinct files)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    extra = chunk(b"tEXt", b"note\x00" + noise) if noise else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + extra
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def figure_article(
    *sources: str, url: str = "https://example.org/a", image: str | None = None
) -> Article:
    return Article(
        url=url,
        title="Pictures",
        image=image,
        blocks=(
            Paragraph((Run("Some text about the hall."),)),
            *(Figure(src, alt=f"picture {n}") for n, src in enumerate(sources)),
        ),
    )


class Skips:
    def __init__(self) -> None:
        self.reasons: dict[str, str] = {}

    def __call__(self, src: str, reason: str) -> None:
        self.reasons[src] = reason


def test_sources_in_reading_order_with_the_lead_image_and_nested_figures() -> None:
    article = Article(
        url="https://example.org/a",
        image="https://example.org/lead.png",
        blocks=(
            Figure("https://example.org/1.png"),
            Quote((Figure("https://example.org/2.png"),)),
            Figure("https://example.org/1.png"),
        ),
    )
    assert image_sources(article) == [
        "https://example.org/lead.png",
        "https://example.org/1.png",
        "https://example.org/2.png",
    ]


def test_only_http_addresses_are_ever_fetched() -> None:
    web = "https://example.org/news/a.html"
    assert image_url("/img/a.png", web) == "https://example.org/img/a.png"
    assert image_url("//cdn.example.org/a.png", web) == "https://cdn.example.org/a.png"
    assert image_url("file:///etc/passwd", web) is None
    assert image_url("javascript:alert(1)", web) is None
    assert image_url("ftp://example.org/a.png", web) is None
    # on a page read from a file or stdin, a relative src names a local file: refused
    assert image_url("img/a.png", "/home/me/page.html") is None
    assert image_url("/etc/passwd", None) is None
    assert image_url("../secret.png", "file:///home/me/page.html") is None


def test_magic_bytes() -> None:
    assert sniff_image(png()) == "image/png"
    assert sniff_image(b"\xff\xd8\xff\xe0" + b"\0" * 20) == "image/jpeg"
    assert sniff_image(b"GIF89a" + b"\0" * 10) == "image/gif"
    assert sniff_image(b"RIFF\0\0\0\0WEBPVP8 ") == "image/webp"
    assert sniff_image(b"\0\0\0\x1cftypavif") == "image/avif"
    assert sniff_image(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
    assert sniff_image(b"<!doctype html><p>not found</p>") is None


async def test_pictures_are_fetched_checked_and_measured(http_server: PageServer) -> None:
    picture = png(7, 5)
    http_server.route("/img/hall.png", picture, content_type="image/png")
    http_server.route("/img/vague.png", png(2, 2), content_type="application/octet-stream")
    page = http_server.url("/news/a.html")
    article = figure_article("/img/hall.png", http_server.url("/img/vague.png"), url=page)

    images = await fetch_images(article, page)

    assert [i.src for i in images] == ["/img/hall.png", http_server.url("/img/vague.png")]
    first = images[0]
    assert (first.content_type, first.data, first.width, first.height) == (
        "image/png",
        picture,
        7,
        5,
    )
    assert all(
        r.headers["accept"].startswith("image/") for r in http_server.requests_to("/img/hall.png")
    )


async def test_a_file_url_in_a_page_never_reads_the_local_file(
    http_server: PageServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(9, 9, noise=b"private bytes"))
    page = http_server.url("/news/a.html")
    http_server.redirect("/img/sneaky.png", secret.as_uri())
    article = figure_article(secret.as_uri(), str(secret), "/img/sneaky.png", url=page)
    skips = Skips()

    images = await fetch_images(article, page, on_skip=skips)

    assert images == []
    assert "never fetched" in skips.reasons[secret.as_uri()]
    assert set(skips.reasons) == {secret.as_uri(), str(secret), "/img/sneaky.png"}
    # a bare path resolves against the web page: it is asked of the server, not read from disk
    assert http_server.requests_to(str(secret))
    # the same page read from a file: its relative and absolute paths are not followed at all
    local = figure_article(str(secret), "secret.png", url=str(tmp_path / "page.html"))
    assert await fetch_images(local, str(tmp_path / "page.html")) == []


async def test_oversized_and_not_a_picture_are_skipped(http_server: PageServer) -> None:
    http_server.route("/big.png", png() + b"\0" * 5000, content_type="image/png")
    http_server.route("/error.png", "<html><body>Not found</body></html>")  # text/html, 200
    http_server.route("/lying.png", "<html>hi</html>", content_type="image/png")
    http_server.route("/drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>",
                      content_type="image/svg+xml")  # fmt: skip
    http_server.route("/ok.png", png(), content_type="image/png")
    page = http_server.url("/a.html")
    names = ["/big.png", "/error.png", "/lying.png", "/drawing.svg", "/ok.png"]
    skips = Skips()

    images = await fetch_images(
        figure_article(*names, url=page), page, max_image_bytes=2000, on_skip=skips
    )

    assert [i.src for i in images] == ["/ok.png"]
    assert "larger than" in skips.reasons["/big.png"]
    assert "text/html" in skips.reasons["/error.png"]
    assert "not a picture" in skips.reasons["/lying.png"]
    assert "not a picture" in skips.reasons["/drawing.svg"]


async def test_the_article_total_is_capped(http_server: PageServer) -> None:
    for n in range(4):
        http_server.route(f"/{n}.png", png(noise=bytes([n]) * 900), content_type="image/png")
    page = http_server.url("/a.html")
    skips = Skips()
    images = await fetch_images(
        figure_article(*(f"/{n}.png" for n in range(4)), url=page),
        page,
        max_total_bytes=2500,
        concurrency=1,
        on_skip=skips,
    )
    assert len(images) == 2
    assert sum(len(i.data) for i in images) <= 2500
    assert len(skips.reasons) == 2
    assert all("total size" in reason for reason in skips.reasons.values())


async def test_data_urls_are_decoded_inline_and_checked() -> None:
    picture = png(4, 4)
    inline = "data:image/png;base64," + base64.b64encode(picture).decode()
    html = "data:text/html;base64," + base64.b64encode(b"<script>x</script>").decode()
    skips = Skips()
    images = await fetch_images(figure_article(inline, html), None, on_skip=skips)
    assert [(i.data, i.width) for i in images] == [(picture, 4)]
    assert list(skips.reasons) == [html]


async def test_failures_never_raise(http_server: PageServer) -> None:
    http_server.route("/gone.png", "", status=404)
    page = http_server.url("/a.html")
    article = figure_article(
        "/gone.png", "https://demo.reader-tui.invalid/x.png", "http://[::1", url=page
    )
    skips = Skips()
    assert await fetch_images(article, page, on_skip=skips) == []
    assert "404" in skips.reasons["/gone.png"]
    assert len(skips.reasons) == 3


async def test_two_articles_sharing_a_picture_store_it_once(
    http_server: PageServer, tmp_path: Path
) -> None:
    shared = png(6, 6, noise=b"shared")
    http_server.route("/shared.png", shared, content_type="image/png")
    http_server.route("/own.png", png(6, 6, noise=b"own"), content_type="image/png")
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        ids = []
        for name, extra in (("one", []), ("two", ["/own.png"])):
            page = http_server.url(f"/{name}.html")
            article = figure_article("/shared.png", *extra, url=page)
            images = await fetch_images(article, page)
            ids.append(library.save(article, b"<html></html>", page, images=images).id)
        for article_id in ids:
            stored = library.image(article_id, "/shared.png")
            assert stored is not None and stored.data == shared
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM images").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM article_images").fetchone()[0] == 3
