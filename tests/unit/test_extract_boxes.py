"""Boxes inside an article that are not the article: each failure mode on a small page of ours."""

from __future__ import annotations

from pathlib import Path

from reader import extract
from reader.model import Figure, ListBlock

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


def test_newsletter_box_is_dropped_even_when_its_class_also_says_story() -> None:
    article = extract(read("newsletter-box.html"), "https://valleypost.example/night-trains")
    assert "morning brief" not in article.text
    assert "unsubscribe" not in article.text
    assert "Tickets go on sale next month" in article.text


def test_newsletter_sign_up_line_is_dropped() -> None:
    article = extract(read("newsletter-box.html"), "https://valleypost.example/night-trains")
    assert "Sign up for our free valley newsletter" not in article.text
    assert article.text.endswith("the bus takes more than seven hours.")


def test_author_bio_box_is_dropped() -> None:
    article = extract(read("author-bio.html"), "https://stadtanzeiger.example/markt")
    assert "Über den Autor" not in article.text
    assert "Hanna Vogt schreibt" not in article.text
    assert article.text.endswith("an Markttagen kostenlos.")


def test_plain_list_of_steps_inside_the_article_is_kept() -> None:
    article = extract(read("recipe-steps.html"), "https://homebaking.example/lemon-loaf")
    steps = [block for block in article.blocks if isinstance(block, ListBlock)]
    assert len(steps) == 1
    assert [item.text for item in steps[0].items] == [
        "Heat the oven to 180 degrees and line the tin.",
        "Beat the butter with the sugar until pale.",
        "Fold in the flour and the grated lemon zest.",
        "Bake for fifty minutes until golden on top.",
    ]


def test_page_builder_row_too_deep_for_paragraph_credit_joins_the_article() -> None:
    article = extract(read("builder-rows.html"), "https://kuestenbote.example/region/faehre")
    assert article.text.startswith("Die Reederei stellt im Frühjahr ein zweites Schiff in Dienst")
    assert article.text.endswith("hieß es aus dem Rathaus.")
    assert "Kaimauer" not in article.text
    assert "ANZEIGE" not in article.text
