"""Boxes inside an article that are not the article: each failure mode on a small page of ours."""

from __future__ import annotations

from pathlib import Path

from reader import extract
from reader.model import Figure

PAGES = Path(__file__).parent.parent / "fixtures" / "pages"


def read(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_teaser_card_inside_the_article_is_dropped() -> None:
    article = extract(read("teaser-card.html"), "https://gazette.example/news/harbour")
    assert "volunteer crew" not in article.text
    assert "Lifeboat station" not in article.text
    assert article.text.startswith("Work to repair the harbour wall")
    assert article.text.endswith("according to the harbour master.")


def test_slider_of_captioned_pictures_is_dropped() -> None:
    article = extract(read("photo-slider.html"), "https://zeitung.example/brand")
    assert "Drehleiter" not in article.text
    assert "Drohne" not in article.text
    assert article.text.startswith("In einer Lagerhalle")
    assert article.text.endswith("der vorerst weiterarbeiten kann.")


def captions(article_html: str) -> list[str]:
    article = extract(article_html, "https://news.example/story")
    return [block.text for block in article.blocks if isinstance(block, Figure)]


def test_figure_wrapped_in_a_picture_box_keeps_its_caption() -> None:
    assert captions(read("wrapped-figure.html")) == [
        "Children crossing the bridge on the opening day."
    ]


def test_picture_credits_are_cut_from_captions() -> None:
    assert captions(read("caption-credits.html")) == [
        "Pickers fill crates in the hillside orchard.",
        "The cider press at the old mill.",
    ]
