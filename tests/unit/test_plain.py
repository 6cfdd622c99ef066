"""Linear output for pipes and screen readers: faithful, structured, and inert."""

from __future__ import annotations

import json

from reader.model import (
    Article,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Preformatted,
    Quote,
    Run,
    Table,
    TableCell,
)
from reader.plain import render, render_markdown, render_text

HOSTILE = "safe\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m[bold red]x[/] \u202eevil"


def article(*blocks: object, **meta: object) -> Article:
    return Article(blocks=tuple(blocks), **meta)  # type: ignore[arg-type]


def p(*runs: Run) -> Paragraph:
    return Paragraph(tuple(runs))


def test_text_has_header_body_and_source_in_reading_order() -> None:
    out = render_text(
        article(
            p(Run("Thân bài.")),
            title="Tiêu đề",
            site_name="Cổng TTĐT",
            authors=("Trần Thảo",),
            published="2023-08-14",
            lead="Đoạn dẫn.",
            source="Ban Biên tập",
            url="https://example.vn/a",
        )
    )
    assert out == (
        "Tiêu đề\n\nCổng TTĐT · Trần Thảo · 2023-08-14 · 1 min read\n\nĐoạn dẫn.\n\n"
        "Thân bài.\n\nSource: Ban Biên tập\nhttps://example.vn/a\n"
    )


def test_escape_sequences_never_reach_the_output() -> None:
    hostile = article(p(Run(HOSTILE)), title=HOSTILE, authors=(HOSTILE,))
    for fmt in ("text", "markdown", "json"):
        out = render(hostile, fmt)  # type: ignore[arg-type]
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out, fmt
        assert "\u202e" not in out, fmt
    # Rich markup in web text is just text: printed literally, not interpreted.
    assert "[bold red]x[/]" in render_text(hostile)


def test_json_output_is_the_model_even_for_hostile_text() -> None:
    original = article(p(Run("a", strong=True)), p(Run(HOSTILE)), title=HOSTILE)
    assert Article.from_dict(json.loads(render(original, "json"))) == original


def test_markdown_structure() -> None:
    md = render_markdown(
        article(
            Heading(2, (Run("Phần một"),)),
            p(
                Run("Có "),
                Run("nhấn mạnh", emphasis=True),
                Run(" và "),
                Run("liên kết ", href="https://x.vn/(a)"),
            ),
            Quote((p(Run("Trích")),)),
            ListBlock(items=(ListItem((p(Run("một")),)), ListItem((p(Run("hai")),))), ordered=True),
            Figure("https://x.vn/a.jpg", alt="Ảnh", caption=(Run("Chú thích"),)),
            Preformatted("a ``` b", language="py"),
            Table(rows=((TableCell((Run("A"),), header=True),), (TableCell((Run("1"),)),))),
            title="Bài *viết*",
        )
    )
    assert md.startswith("# Bài \\*viết\\*\n")
    assert "## Phần một" in md
    assert "Có *nhấn mạnh* và [liên kết ](https://x.vn/%28a%29)" in md
    assert "> Trích" in md
    assert "1. một\n2. hai" in md
    assert "![Ảnh](https://x.vn/a.jpg)\n\n*Chú thích*" in md
    assert "````py\na ``` b\n````" in md
    assert "| A |\n|---|\n| 1 |" in md


def test_markdown_escapes_text_that_would_become_structure() -> None:
    md = render_markdown(article(p(Run("# not a heading")), p(Run("1. not a list"))))
    assert "\\# not a heading" in md
    assert "1\\. not a list" in md


def test_text_announces_pictures_with_their_description() -> None:
    out = render_text(
        article(
            p(Run("Trước.")),
            Figure("https://x.vn/a.jpg", alt="Đồi chè", caption=(Run("Chú thích ảnh"),)),
            Figure("https://x.vn/b.jpg", alt="", caption=()),
            p(Run("Sau.")),
        )
    )
    assert "Trước.\n\n[Image: Đồi chè]\nChú thích ảnh\n\n[Image]\n\nSau." in out
