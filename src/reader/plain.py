"""Linear, non-interactive output for pipes, scripts and screen readers.

Text is the article as a person would read it aloud: a short header, the body with one blank
line between blocks, then the source. Markdown keeps the structure; JSON is the model itself.
All web text passes through `sanitize` so output can never carry terminal escapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Literal

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
    TableCell,
)
from reader.sanitize import inert_json, one_line, strip_controls

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")


def render(article: Article, fmt: Format) -> str:
    if fmt == "json":
        return _clean_json(article) + "\n"
    if fmt == "markdown":
        return render_markdown(article)
    return render_text(article)


def header_facts(article: Article) -> list[str]:
    """Site, byline, date and reading time: the facts a header shows, in reading order."""
    facts = [one_line(v) for v in (article.site_name, article.byline, article.published) if v]
    minutes = article.reading_minutes()
    if minutes:
        facts.append(f"{minutes} min read")
    return facts


def render_text(article: Article) -> str:
    parts: list[str] = []
    if article.title:
        parts.append(one_line(article.title))
    facts = header_facts(article)
    if facts:
        parts.append(" · ".join(facts))
    if article.lead:
        parts.append(one_line(article.lead))
    parts.extend(text for block in article.blocks if (text := _text_block(block)))
    footer = _footer_lines(article)
    if footer:
        parts.append("\n".join(footer))
    return "\n\n".join(parts) + "\n"


def _text_block(block: Block) -> str:
    """A block as read aloud; a picture is announced as one, with its description and caption
    (Article.text leaves alt text out: it describes the picture, not the article)."""
    if isinstance(block, Figure):
        lines = [f"[Image: {one_line(block.alt)}]" if block.alt.strip() else "[Image]"]
        if block.caption:
            lines.append(strip_controls(block.text))
        return "\n".join(lines)
    return strip_controls(block.text)


def _footer_lines(article: Article) -> list[str]:
    lines = []
    if article.source:
        lines.append(f"Source: {one_line(article.source)}")
    url = article.canonical_url or article.url
    if url:
        lines.append(one_line(url))
    return lines


# --- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_MD_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-+=.)])(\s)", re.MULTILINE)


def _md_escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", strip_controls(text))
    return _MD_LINE_START.sub(r"\1\\\2\3", text)


def _md_url(url: str) -> str:
    return one_line(url).replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _md_runs(runs: Runs) -> str:
    out: list[str] = []
    for run in runs:
        if run.code:
            body = one_line(run.text).replace("`", "'")
            piece = f"`{body}`" if body else ""
        else:
            piece = _md_escape(run.text)
            if not piece.strip():
                out.append(piece)
                continue
            # Markers must hug the text: move surrounding spaces outside them.
            lead = piece[: len(piece) - len(piece.lstrip())]
            trail = piece[len(piece.rstrip()) :]
            core = piece.strip()
            if run.strong:
                core = f"**{core}**"
            if run.emphasis:
                core = f"*{core}*"
            piece = f"{lead}{core}{trail}"
        if run.href:
            piece = f"[{piece}]({_md_url(run.href)})"
        out.append(piece)
    return "".join(out)


def _md_block(block: Block) -> Iterator[str]:
    match block:
        case Heading(level=level, runs=runs):
            yield f"{'#' * min(max(level, 1), 6)} {_md_runs(runs)}"
        case Paragraph(runs=runs):
            yield _md_runs(runs)
        case Quote(blocks=blocks):
            inner = "\n\n".join(_md_blocks(blocks))
            yield "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        case ListBlock():
            markers = list(block.markers())
            lines: list[str] = []
            for marker, item in zip(markers, block.items, strict=True):
                md_marker = "-" if marker == "•" else marker
                item_lines = "\n\n".join(_md_blocks(item.blocks)).split("\n")
                pad = " " * (len(md_marker) + 1)
                lines.append(f"{md_marker} {item_lines[0]}")
                lines.extend(f"{pad}{line}" if line else "" for line in item_lines[1:])
            yield "\n".join(lines)
        case Figure(src=src, alt=alt, caption=caption):
            if src:
                yield f"![{_md_escape(one_line(alt))}]({_md_url(src)})"
            if caption:
                yield f"*{_md_runs(caption)}*"
        case Preformatted(code=code, language=language):
            fence = "```"
            while fence in code:
                fence += "`"
            yield f"{fence}{one_line(language or '')}\n{strip_controls(code)}\n{fence}"
        case Table(rows=rows, caption=caption):
            yield from _md_table(rows, caption)
        case Rule():
            yield "---"


def _md_table(rows: tuple[tuple[TableCell, ...], ...], caption: Runs) -> Iterator[str]:
    if caption:
        yield f"*{_md_runs(caption)}*"
    if not rows:
        return
    width = max(len(row) for row in rows)
    cells = [[_md_runs(c.runs).replace("\n", " ") for c in row] for row in rows]
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = [f"| {' | '.join(cells[0])} |", f"|{'---|' * width}"]
    lines.extend(f"| {' | '.join(row)} |" for row in cells[1:])
    yield "\n".join(lines)


def _md_blocks(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        yield from (piece for piece in _md_block(block) if piece.strip())


def render_markdown(article: Article) -> str:
    parts: list[str] = []
    if article.title:
        parts.append(f"# {_md_escape(one_line(article.title))}")
    facts = header_facts(article)
    if facts:
        parts.append(_md_escape(" · ".join(facts)))
    if article.lead:
        parts.append(f"**{_md_escape(one_line(article.lead))}**")
    parts.extend(_md_blocks(article.blocks))
    footer = _footer_lines(article)
    if footer:
        parts.append("\n".join(_md_escape(line) for line in footer))
    return "\n\n".join(parts) + "\n"


def _clean_json(article: Article) -> str:
    return inert_json(article.to_json(indent=2))
