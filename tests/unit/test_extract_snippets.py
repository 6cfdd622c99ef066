"""Boilerplate that sits among an article's paragraphs: calls to action, rating and comment
widgets, author bios, "more information" boxes. Small pages of ours."""

from __future__ import annotations

import pytest

from reader import extract
from reader.extract import hints

_RUNNING = (
    "<p>The council voted on Tuesday to reopen the old ferry landing, closed since the storm "
    "two winters ago, after engineers found the pier sound enough for light traffic.</p>"
    "<p>Repairs to the railings and the ticket hut will start in spring, paid for by the "
    "harbour fund, and the first crossings are planned for the summer holidays.</p>"
    "<p>Residents who use the ferry to reach the market welcomed the decision, though some "
    "asked for a later last crossing on market days, which the council will consider.</p>"
)


def page(extra: str, *, after: str = "") -> str:
    """An article with `extra` between its running text and its last paragraph."""
    return (
        "<html><head><title>Ferry landing to reopen</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Ferry landing to reopen</h1>{_RUNNING}{extra}"
        "<p>The ferry company said timetables would be published in May, once the repair "
        "schedule is settled with the council and the harbour master.</p>"
        f"{after}</article></body></html>"
    )


def text_of(html: str) -> str:
    return extract(html, "https://harbour.example/news/ferry").text


@pytest.mark.parametrize(
    "line",
    [
        "For the latest stories download the Harbour News apps for iOS and Android.",
        "Get the latest news straight to your phone with our app.",
        "If you enjoyed reading this post, would you consider supporting our work?",
        "We need your help to keep the archive open: donate today.",
        "Submit a letter to the editor or write to us.",
        "We want to hear what you think about this article.",
        "¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.",
        "¡Mira lo que tiene nuestro canal de YouTube!",
        "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
        "Zapraszamy też do subskrypcji tygodnika.",
        "This entry was posted in News. Bookmark the permalink.",
        "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht.",
        "War der Artikel nützlich?",
        "Möchten Sie den Artikel teilen?",
        "(Noch keine Bewertungen)",
        "Anzeige, enthält Affiliate Links",
        "Bei den Verlinkungen handelt es sich um Affiliate Links.",
        "*Werbung. Dieser Beitrag enthält Werbung für eine Marke.",
        "Keine Kommentare",
        "No Responses so far",
        "Wird geladen …",
    ],
)
def test_call_to_action_and_widget_lines_are_dropped(line: str) -> None:
    assert hints.is_promo_line(line)
    text = text_of(page(f"<p>{line}</p>"))
    assert line not in text
    assert "timetables would be published in May" in text


@pytest.mark.parametrize(
    "line",
    [
        "Users can download the update from the shop on Monday.",
        "The minister said she would consider supporting the bill.",
        "We need your help to find the missing dog, the owner said.",
        "En su canal de YouTube, el alcalde explicó la medida.",
        "The post was published on Monday and shared widely.",
        "Die Kommentare unter dem Video waren freundlich.",
    ],
)
def test_running_sentences_with_the_same_words_stay(line: str) -> None:
    assert not hints.is_promo_line(line)


def test_author_bio_boxes_are_dropped_as_a_box_or_a_paragraph() -> None:
    bio_box = (
        "<div class='author-description'><p>Freier Autor in Berlin und Vorsitzender eines "
        "Vereins, der regelmäßig zu Vorträgen einlädt.</p></div>"
    )
    bio_line = (
        "<p class='author-bio'>Life is not digital. Writes about harbours, ferries and the "
        "people who run them.</p>"
    )
    text = text_of(page("", after=bio_box + bio_line))
    assert "Freier Autor" not in text
    assert "Life is not digital" not in text
    assert text.endswith("with the council and the harbour master.")


@pytest.mark.parametrize(
    "heading",
    [
        "Weitere Informationen",
        "Weitere Informationen zum Fährverkehr in Hamburg:",
        "More information",
    ],
)
def test_more_information_box_is_dropped(heading: str) -> None:
    box = (
        f"<div class='box'><h3>{heading}</h3><p>Harbour office, Quay Street 4, open Monday "
        "to Friday from eight to six.</p></div>"
    )
    text = text_of(page(box))
    assert heading not in text
    assert "Harbour office" not in text
    assert "timetables would be published in May" in text
