"""The load pipeline: fetch + extract, and the line a followed link may not cross."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import NotAnArticle, ReaderError
from reader.load import demo_article, load_page
from tests.support.server import PageServer

ARTICLE = "<article><h1>Tiêu đề</h1>" + "<p>Một đoạn văn đủ dài để thành bài viết thật sự.</p>" * 6


async def test_followed_links_never_open_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text(ARTICLE, encoding="utf-8")
    for address in (str(secret), secret.as_uri()):
        with pytest.raises(ReaderError):
            await load_page(address, allow_local=False)
    page, article = await load_page(str(secret))  # given by the user: fine
    assert article.title == "Tiêu đề" and page.url == str(secret)


async def test_followed_http_link_loads(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE)
    page, article = await load_page(url, allow_local=False)
    assert page.url == url
    assert "Một đoạn văn" in article.text


async def test_page_without_article_is_not_an_article(http_server: PageServer) -> None:
    url = http_server.route("/menu", "<nav><a href='/x'>Trang chủ</a></nav>")
    with pytest.raises(NotAnArticle, match="no article text"):
        await load_page(url)


def test_demo_is_a_clean_article() -> None:
    article = demo_article()
    assert article.title and article.authors and article.site_name and article.lead
    assert len(article.blocks) > 10
    for boilerplate in ("Chia sẻ", "Tăng tương phản", "Thống kê truy cập", "Hôm nay :"):
        assert boilerplate not in article.text


async def test_config_language_is_sent_as_accept_language(
    http_server: PageServer, isolated_config: Path
) -> None:
    from reader.config import load_preferences

    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text('language = "vi-VN,vi;q=0.9,en;q=0.5"\n', encoding="utf-8")
    url = http_server.route("/a", ARTICLE)
    await load_page(url, language=load_preferences().language, use_cache=False)
    assert http_server.log[-1].headers["accept-language"] == "vi-VN,vi;q=0.9,en;q=0.5"
