"""The model is the contract between layers: its text form and JSON round trip must hold."""

from __future__ import annotations

import dataclasses
import json

import pytest

from reader.model import (
    MAX_BLOCK_DEPTH,
    Article,
    Block,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Preformatted,
    Quote,
    Rule,
    Run,
    Table,
    TableCell,
    runs_before,
)


def sample_article() -> Article:
    nested = ListBlock(items=(ListItem((Paragraph((Run("bên trong"),)),)),), ordered=True, start=3)
    return Article(
        url="https://example.vn/bai-viet",
        title="Chi bộ vững mạnh",
        authors=("Trần Thảo", "Lê Minh"),
        published="2023-08-14",
        site_name="Cổng thông tin",
        language="vi",
        lead="Một đoạn dẫn.",
        source="Ban Biên tập",
        canonical_url="https://example.vn/c",
        image="https://example.vn/a.jpg",
        metadata={"section": "Xây dựng Đảng"},
        blocks=(
            Heading(2, (Run("Mở đầu"),)),
            Paragraph(
                (
                    Run("Văn bản "),
                    Run("nghiêng", emphasis=True),
                    Run(" và "),
                    Run("đậm", strong=True),
                    Run(" với "),
                    Run("liên kết", href="https://example.vn/x", strong=True),
                    Run(" và "),
                    Run("mã", code=True),
                )
            ),
            Quote((Paragraph((Run("Trích dẫn"),)),)),
            ListBlock(
                items=(
                    ListItem((Paragraph((Run("một"),)),)),
                    ListItem((Paragraph((Run("hai"),)), nested)),
                )
            ),
            Figure("https://example.vn/anh.jpg", alt="Ảnh", caption=(Run("Chú thích"),)),
            Preformatted("x = 1\n  y = 2", language="python"),
            Table(
                rows=(
                    (TableCell((Run("Năm"),), header=True), TableCell((Run("Số"),), header=True)),
                    (TableCell((Run("2023"),)), TableCell((Run("4923"),))),
                ),
                caption=(Run("Bảng 1"),),
            ),
            Rule(),
        ),
    )


def test_json_round_trip_is_lossless() -> None:
    article = sample_article()
    restored = Article.from_json(article.to_json())
    assert restored == article
    assert restored.blocks[1] == article.blocks[1]
    # Every field survives, not only the ones equality happens to compare.
    for field in dataclasses.fields(Article):
        assert getattr(restored, field.name) == getattr(article, field.name), field.name


def test_json_is_plain_data_with_type_tags() -> None:
    data = json.loads(sample_article().to_json())
    assert data["schema"] == 1
    assert [b["type"] for b in data["blocks"]] == [
        "heading",
        "paragraph",
        "quote",
        "list",
        "figure",
        "preformatted",
        "table",
        "rule",
    ]
    assert data["blocks"][1]["runs"][5] == {
        "text": "liên kết",
        "strong": True,
        "href": "https://example.vn/x",
    }


def test_article_is_immutable() -> None:
    article = sample_article()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]
    assert isinstance(article.blocks, tuple)


def test_text_has_one_blank_line_between_blocks() -> None:
    article = Article(
        blocks=(
            Heading(2, (Run("Tiêu đề"),)),
            Paragraph((Run("Đoạn "), Run("một", strong=True))),
            Rule(),
            Paragraph((Run("Đoạn hai"),)),
        )
    )
    assert article.text == "Tiêu đề\n\nĐoạn một\n\nĐoạn hai"


def test_nested_list_text_keeps_markers_and_indentation() -> None:
    text = sample_article().blocks[3].text
    assert text == "• một\n• hai\n  3. bên trong"


def test_word_count_and_reading_time_count_cjk_characters() -> None:
    latin = Article(blocks=(Paragraph((Run("một hai ba bốn"),)),))
    cjk = Article(blocks=(Paragraph((Run("中文文本测试"),)),))
    assert latin.word_count == 4
    assert cjk.word_count == 6
    assert Article().reading_minutes() == 0
    long = Article(blocks=(Paragraph((Run("từ " * 690),)),))
    assert long.reading_minutes(230) == 3


def test_newer_schema_is_refused() -> None:
    with pytest.raises(ValueError, match="newer"):
        Article.from_dict({"schema": 99})


def test_unknown_block_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown block type"):
        Article.from_dict({"blocks": [{"type": "marquee"}]})


def test_hostile_deeply_nested_json_is_refused_not_a_recursion_error() -> None:
    block: dict[str, object] = {"type": "paragraph", "runs": [{"text": "x"}]}
    for _ in range(5000):
        block = {"type": "quote", "blocks": [block]}
    with pytest.raises(ValueError, match="deeper than"):
        Article.from_dict({"blocks": [block]})


def test_nesting_within_the_limit_round_trips() -> None:
    block: Block = Paragraph((Run("x"),))
    for _ in range(MAX_BLOCK_DEPTH):
        block = Quote((block,))
    article = Article(blocks=(block,))
    assert Article.from_json(article.to_json()) == article
    assert article.text == "x"


def test_figure_text_is_its_caption_never_its_alt_text() -> None:
    assert Figure("a.jpg", alt="A man in a grey shirt", caption=(Run("Caption"),)).text == "Caption"
    assert Figure("a.jpg", alt="A man in a grey shirt").text == ""
    article = Article(blocks=(Paragraph((Run("Body"),)), Figure("a.jpg", alt="Alt only")))
    assert article.text == "Body"


def test_runs_before_cuts_at_a_character_keeping_formatting_and_trimming_separators() -> None:
    runs = (Run("Bridge reopens "), Run("today", strong=True), Run(" | Photo: Anna Berg"))
    assert runs_before(runs, len("Bridge reopens today | "), " |") == [
        Run("Bridge reopens "),
        Run("today", strong=True),
    ]
    assert runs_before(runs, 3, " |") == [Run("Bri")]
    assert runs_before(runs, 0, " |") == []
