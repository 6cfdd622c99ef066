"""Source to Article: the one place that wires fetch and extract together.

The CLI, the TUI's loader and (later) the library all open articles through here, so a page is
decoded, extracted and judged "no article" the same way everywhere.
"""

from __future__ import annotations

from importlib import resources

from reader.errors import NotAnArticle
from reader.extract import extract
from reader.fetch import Page, fetch_page
from reader.model import Article, Paragraph, Run

DEMO_URL = "https://demo.reader-tui.invalid/xay-dung-dang/chi-bo-ban-pac.html"
"""A URL in the reserved .invalid domain: the demo's relative links resolve without any network."""


def article_from_page(page: Page) -> Article:
    """Extract a fetched page; plain text pages become paragraphs as they stand."""
    if page.content_type == "text/plain":
        paragraphs = tuple(
            Paragraph((Run(" ".join(chunk.split())),))
            for chunk in page.text.split("\n\n")
            if chunk.strip()
        )
        return Article(url=page.url, blocks=paragraphs)
    return extract(page.text, page.url if page.url.startswith(("http://", "https://")) else None)


def require_body(article: Article, source: str) -> Article:
    if not article.blocks:
        reason = f" ({article.reason})" if article.reason else ""
        raise NotAnArticle(
            f"no article text found in {source}{reason}",
            "the page may need JavaScript or a login; open it in a browser",
        )
    return article


async def load_article(
    source: str, *, timeout: float = 15.0, use_cache: bool = True, language: str | None = None
) -> Article:
    """Fetch and extract `source` (URL, path or "-"); raises ReaderError subclasses only.

    `use_cache=False` bypasses the HTTP cache (`--no-cache`); `language` is the Accept-Language
    value (the config's `language`; None: from the locale).
    """
    page = await load_page(source, timeout=timeout, use_cache=use_cache, language=language)
    return page[1]


async def load_page(
    source: str,
    *,
    timeout: float = 15.0,
    use_cache: bool = True,
    allow_local: bool = True,
    language: str | None = None,
) -> tuple[Page, Article]:
    """`load_article` that also returns the page, for callers that keep the original (library).

    `allow_local=False` for addresses that came from a web page (a followed link): only http(s)
    is fetched, so a remote page can never make the reader open a local file."""
    page = await fetch_page(
        source, timeout=timeout, use_cache=use_cache, allow_local=allow_local, language=language
    )
    return page, require_body(article_from_page(page), source)


def demo_article() -> Article:
    """The bundled sample page, extracted like any other page: the demo exercises the real path."""
    html = resources.files("reader.data").joinpath("demo.html").read_bytes()
    return require_body(extract(html, DEMO_URL), "the demo page")
