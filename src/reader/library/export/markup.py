"""Article blocks as (X)HTML markup, safe by construction; shared by the HTML and EPUB exports.

Nothing from the page is ever parsed as markup: the model holds plain text, and every text and
attribute value goes through `text` / `attr` (controls and characters XML 1.0 forbids dropped,
then escaped). The output is both HTML and well-formed XML (void elements self-close, every
attribute is quoted, only the five XML entities appear), so one renderer serves both exports.

Links become links only for http(s) URLs; `javascript:`, `data:`, `file:` and relative targets
are shown as plain text. Images are never loaded from the web: a figure shows a picture only
when `ImageSource` gives a local URL (a data: URI, a file in the EPUB), else a framed
placeholder with its description and the original address as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from html import escape
from urllib.parse import urlsplit

from reader.model import (
    Article,
    Block,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Preformatted,
    Quote,
    Rule,
    Runs,
    Table,
)
from reader.sanitize import one_line, strip_controls

ImageSource = Callable[[str], str | None]
"""Maps a figure's `src` to the local URL to show it from, or None when there are no bytes."""

# Characters XML 1.0 forbids (besides the C0 controls strip_controls already removes):
# lone surrogates and the non-characters U+FFFE / U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_CODE_LANGUAGE = re.compile(r"[A-Za-z0-9_+#.-]{1,32}")
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}
)


def clean(value: str) -> str:
    """Text fit for XML 1.0 and for reading: no controls but \\n and \\t, no bidi overrides."""
    return _NOT_XML.sub("", strip_controls(value))


def text(value: str) -> str:
    """Element content: cleaned and escaped."""
    return escape(clean(value), quote=False)


def attr(value: str) -> str:
    """An attribute value (to be put between double quotes): one line, cleaned, escaped."""
    return escape(_NOT_XML.sub("", one_line(value)), quote=True)


def safe_href(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL, else None (shown as text, never followed)."""
    if not url:
        return None
    candidate = _NOT_XML.sub("", one_line(url))
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return candidate


def language_tag(language: str | None) -> str | None:
    """A BCP 47-shaped language tag, or None when the page declared nothing usable."""
    if not language:
        return None
    tag = one_line(language).replace("_", "-")
    return tag if _LANGUAGE.fullmatch(tag) else None


def direction(language: str | None) -> str:
    """`rtl` for right-to-left languages, `ltr` for others, `auto` when the language is unknown."""
    tag = language_tag(language)
    if tag is None:
        return "auto"
    return "rtl" if tag.split("-")[0].lower() in _RTL_LANGUAGES else "ltr"


def lang_attrs(language: str | None, *, xml: bool) -> str:
    """` lang=".." dir=".."` (and `xml:lang` for XHTML) for an element holding one article."""
    tag = language_tag(language)
    parts = []
    if tag is not None:
        parts.append(f' lang="{attr(tag)}"')
        if xml:
            parts.append(f' xml:lang="{attr(tag)}"')
    parts.append(f' dir="{direction(language)}"')
    return "".join(parts)


def link(url: str, label: str | None = None) -> str:
    """A link when `url` is http(s), else the address as plain text."""
    shown = text(label if label is not None else one_line(url))
    href = safe_href(url)
    return f'<a href="{attr(href)}">{shown}</a>' if href else shown


def runs(items: Runs) -> str:
    out: list[str] = []
    for run in items:
        piece = text(run.text).replace("\n", "<br/>")
        if not piece:
            continue
        if run.code:
            piece = f"<code>{piece}</code>"
        if run.strong:
            piece = f"<strong>{piece}</strong>"
        if run.emphasis:
            piece = f"<em>{piece}</em>"
        href = safe_href(run.href)
        if href:
            piece = f'<a href="{attr(href)}">{piece}</a>'
        out.append(piece)
    return "".join(out)


class BodyWriter:
    """Renders an article's blocks; headings get ids (`<prefix>h<n>`) so a TOC can point at them."""

    def __init__(self, images: ImageSource, *, id_prefix: str = "") -> None:
        self._images = images
        self._prefix = id_prefix
        self.headings: list[tuple[str, int, str]] = []
        """(id, level, plain text) of the top-level headings, in order, after `blocks()`."""

    def blocks(self, items: Sequence[Block], *, top: bool = True) -> str:
        return "\n".join(piece for block in items for piece in self._block(block, top))

    def _block(self, block: Block, top: bool) -> Iterator[str]:
        match block:
            case Heading(level=level, runs=items):
                # The article title is the <h1>; body headings start one level below it.
                tag = f"h{min(max(level, 2), 6)}"
                anchor = ""
                if top:
                    ident = f"{self._prefix}h{len(self.headings) + 1}"
                    self.headings.append((ident, level, one_line(block.text)))
                    anchor = f' id="{ident}"'
                yield f"<{tag}{anchor}>{runs(items)}</{tag}>"
            case Paragraph(runs=items):
                body = runs(items)
                if body:
                    yield f"<p>{body}</p>"
            case Quote(blocks=inner):
                yield f"<blockquote>\n{self.blocks(inner, top=False)}\n</blockquote>"
            case ListBlock(items=items, ordered=ordered, start=start):
                entries = "\n".join(
                    f"<li>{self.blocks(item.blocks, top=False)}</li>" for item in items
                )
                if ordered:
                    first = f' start="{int(start)}"' if start != 1 else ""
                    yield f"<ol{first}>\n{entries}\n</ol>"
                else:
                    yield f"<ul>\n{entries}\n</ul>"
            case Figure():
                yield self._figure(block)
            case Preformatted(code=code, language=language):
                kind = ""
                if language and _CODE_LANGUAGE.fullmatch(language):
                    kind = f' class="language-{attr(language)}"'
                yield f"<pre><code{kind}>{text(code)}</code></pre>"
            case Table():
                yield self._table(block)
            case Rule():
                yield "<hr/>"

    def _figure(self, figure: Figure) -> str:
        caption = runs(figure.caption)
        parts = ["<figure>"]
        local = self._images(figure.src) if figure.src else None
        if local is not None:
            parts.append(f'<img src="{attr(local)}" alt="{attr(figure.alt)}"/>')
        else:
            label = one_line(figure.alt) or ("" if caption else "an image")
            frame = f"Image: {text(label)}" if label else "Image"
            parts.append(f'<div class="image-missing">{frame}</div>')
        if caption:
            parts.append(f"<figcaption>{caption}</figcaption>")
        if local is None and figure.src:
            parts.append(f'<p class="image-source">{link(figure.src)}</p>')
        parts.append("</figure>")
        return "\n".join(parts)

    @staticmethod
    def _table(table: Table) -> str:
        parts = ["<table>"]
        if table.caption:
            parts.append(f"<caption>{runs(table.caption)}</caption>")
        for row in table.rows:
            cells = "".join(
                f"<th>{runs(c.runs)}</th>" if c.header else f"<td>{runs(c.runs)}</td>" for c in row
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
        return "\n".join(parts)


def header(article: Article) -> str:
    """Title, byline, site and date, and the lead: what a reader sees before the body."""
    parts = ["<header>", f"<h1>{text(one_line(article.title) or 'Untitled article')}</h1>"]
    if article.authors:
        parts.append(f'<p class="byline">{text(one_line(article.byline))}</p>')
    facts = [one_line(v) for v in (article.site_name, article.published) if v]
    if facts:
        parts.append(f'<p class="facts">{text(" · ".join(facts))}</p>')
    if article.lead:
        parts.append(f'<p class="lead">{text(one_line(article.lead))}</p>')
    parts.append("</header>")
    return "\n".join(parts)


def footer(article: Article) -> str:
    """The source line and the original address (a plain link, never loaded)."""
    parts: list[str] = []
    if article.source:
        parts.append(f'<p class="source">{text(one_line(article.source))}</p>')
    url = article.canonical_url or article.url
    if url:
        parts.append(f'<p class="original">Original: {link(url)}</p>')
    if not parts:
        return ""
    return "\n".join(["<footer>", *parts, "</footer>"])


STYLESHEET = """\
:root { color-scheme: light dark; }
html { font-size: 112.5%; }
body {
  margin: 0 auto; padding: 1.5rem 1.25rem 4rem; max-width: 38rem;
  font-family: Georgia, "Noto Serif", "Times New Roman", serif; line-height: 1.65;
  color: #1b1b1b; background: #fdfdfa; overflow-wrap: break-word;
}
h1, h2, h3, h4, h5, h6 { font-family: system-ui, "Noto Sans", sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 0.5rem; }
a { color: #0b4a8f; text-decoration: underline; }
header { margin-bottom: 2rem; }
.byline, .facts { color: #404040; margin: 0.25rem 0; }
.lead { font-size: 1.1rem; font-weight: bold; }
blockquote { margin: 1.25rem 0; padding: 0 1rem; border-left: 0.25rem solid #767676; }
pre { overflow-x: auto; padding: 0.75rem; background: #f0f0ea; line-height: 1.4; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
figure { margin: 1.5rem 0; }
img { max-width: 100%; height: auto; }
figcaption, .image-source { color: #404040; font-size: 0.95rem; }
.image-missing {
  padding: 1.25rem 1rem; border: 0.125rem dashed #767676; color: #404040; text-align: center;
}
table { border-collapse: collapse; margin: 1.25rem 0; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.6rem; vertical-align: top; }
hr { border: 0; border-top: 1px solid #767676; margin: 2rem 0; }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid #767676; color: #404040; }
nav ol { padding-left: 1.5rem; }
article + article { margin-top: 4rem; padding-top: 2rem; border-top: 0.25rem double #767676; }
@media (prefers-color-scheme: dark) {
  body { color: #ececec; background: #141414; }
  a { color: #8cc8ff; }
  .byline, .facts, figcaption, .image-source, .image-missing, footer { color: #c4c4c4; }
  pre { background: #222222; }
}
"""
"""Readable typography; every text colour meets WCAG AAA (>= 7:1) on its background."""
