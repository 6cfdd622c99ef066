"""Clean standalone HTML: one file that reads well in any browser, offline, forever.

Generated from the model, never from the original page, so it is inert by construction: no
scripts, no event handlers, no styles from the page, no remote loads (stored images are inlined
as data: URIs; missing ones become a framed caption with the address as text). A strict
Content-Security-Policy repeats the promise to the browser in case a future change slips.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.library.export import images as image_files
from reader.library.export import markup
from reader.library.export.entries import ExportEntry, write_atomically
from reader.sanitize import one_line

CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _image_source(entry: ExportEntry) -> markup.ImageSource:
    def source(src: str) -> str | None:
        image = entry.images.get(src)
        if image is None:
            return None
        kind = image_files.media_type(image.data)
        return image_files.data_uri(image.data, kind) if kind else None

    return source


def _article(entry: ExportEntry, index: int | None) -> str:
    article = entry.article
    prefix = f"a{index}-" if index is not None else ""
    writer = markup.BodyWriter(_image_source(entry), id_prefix=prefix)
    body = writer.blocks(article.blocks)
    ident = f' id="a{index}"' if index is not None else ""
    parts = [
        f"<article{ident}{markup.lang_attrs(article.language, xml=False)}>",
        markup.header(article),
        body,
        markup.footer(article),
        "</article>",
    ]
    return "\n".join(part for part in parts if part)


def render_html(entries: Sequence[ExportEntry], *, title: str | None = None) -> str:
    """One standalone HTML document: a single article, or a collection with a table of contents.

    `title` names a collection (default: the article's title, or "N articles").
    """
    if not entries:
        raise ValueError("nothing to export")
    single = len(entries) == 1
    first = entries[0].article
    heading = one_line(title or "") or (
        one_line(first.title) if single else f"{len(entries)} articles"
    )
    languages = {markup.language_tag(e.article.language) for e in entries}
    language = languages.pop() if len(languages) == 1 else None
    chunks: list[str] = []
    toc: list[str] = []
    for index, entry in enumerate(entries, 1):
        chunks.append(_article(entry, None if single else index))
        name = one_line(entry.article.title) or f"Article {index}"
        toc.append(f'<li><a href="#a{index}">{markup.text(name)}</a></li>')
    nav = ""
    if not single:
        nav = (
            f'<nav aria-label="Contents">\n<h1>{markup.text(heading)}</h1>\n<ol>\n'
            + "\n".join(toc)
            + "\n</ol>\n</nav>"
        )
    head = "\n".join(
        [
            "<!DOCTYPE html>",
            f"<html{markup.lang_attrs(language, xml=False)}>",
            "<head>",
            '<meta charset="utf-8"/>',
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}"/>',
            '<meta name="referrer" content="no-referrer"/>',
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
            '<meta name="generator" content="reader-tui"/>',
            f"<title>{markup.text(heading or 'Untitled article')}</title>",
            f"<style>\n{markup.STYLESHEET}</style>",
            "</head>",
            "<body>",
        ]
    )
    parts = [head, nav, "<main>", *chunks, "</main>", "</body>", "</html>"]
    return "\n".join(part for part in parts if part) + "\n"


def write_html(entries: Sequence[ExportEntry], path: Path, *, title: str | None = None) -> Path:
    """Write `render_html` to `path` (UTF-8), atomically."""
    write_atomically(path, render_html(entries, title=title).encode("utf-8"))
    return path
