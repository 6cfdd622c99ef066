"""What sits at the edges of the article's box: an intro box just before it, and the headlines
of other articles closing it. Each rule on a small page written for it."""

from __future__ import annotations

import pytest

from reader import extract
from reader.extract import hints

GERMAN = (
    "Der Gemeinderat hat am Dienstagabend über die Sanierung der alten Brücke, den neuen "
    "Busfahrplan und das Sommerfest beraten, das im Juli auf der Wiese stattfinden soll."
)
INTRO = (
    "Die Brücke über den Fluss ist seit Jahren marode. Wie konnte es so weit kommen, und wer "
    "bezahlt nun die Reparatur?"
)


def page(before: str, after: str = "") -> str:
    """An article whose text box has a sibling box before it (and maybe boxes after it)."""
    body = "".join(f"<p>{GERMAN} Absatz {n}.</p>" for n in range(6))
    return (
        "<html lang='de'><body><div class='page'><div class='story'>"
        f"<h2 class='kicker'>Brücke</h2>{before}<div class='story-text'>{body}{after}</div>"
        "</div><div class='sidebar'><p>Anzeige</p></div></div></body></html>"
    )


# --- an intro box before the text box -------------------------------------------------------


def test_an_intro_box_just_before_the_text_box_is_part_of_the_article() -> None:
    html = page(f"<div class='box-a'>{INTRO}</div>")
    article = extract(html)
    assert INTRO in f"{article.lead}\n{article.text}"


def test_a_byline_between_the_intro_and_the_text_is_passed_over() -> None:
    html = page(f"<div class='box-a'>{INTRO}</div><div class='box-b'>Von Eva Muster</div>")
    article = extract(html)
    assert INTRO in f"{article.lead}\n{article.text}"


def test_a_box_before_the_text_with_links_a_picture_or_a_heading_is_left_out() -> None:
    linked = f"<div class='box-a'>{INTRO} <a href='/mehr'>Alle Artikel</a>.</div>"
    pictured = f"<div class='box-a'><img src='/b.jpg' alt=''>{INTRO}</div>"
    headed = f"<div class='box-a'><h3>Unsere Recherche</h3><p>{INTRO}</p></div>"
    listed = f"<div class='box-a'><ul><li>{INTRO}</li></ul></div>"
    for before in (linked, pictured, headed, listed):
        article = extract(page(before))
        assert "marode" not in f"{article.lead}\n{article.text}", before


def test_a_caption_box_before_the_text_is_left_out() -> None:
    html = page(f"<div class='photo-caption'>{INTRO}</div>")
    article = extract(html)
    assert "marode" not in f"{article.lead}\n{article.text}"


def test_a_box_without_a_sentence_before_the_text_is_left_out() -> None:
    line = "Brücke Sanierung Busfahrplan Sommerfest Gemeinderat Dienstag Juli Wiese Fluss Stadt"
    html = page(f"<div class='box-a'>{line} {line}</div>")
    assert "Sommerfest Gemeinderat" not in extract(html).text


# --- headlines of other articles at the end -------------------------------------------------


def test_linked_headlines_closing_the_article_are_dropped_with_their_intro_line() -> None:
    after = (
        "<p>Diese Artikel könnten dich ebenfalls interessieren:</p>"
        "<p><a href='/a'>Neue Ampel an der Hauptstraße geht in Betrieb</a></p>"
        "<p><a href='/b'>Stadtfest: Das Programm für das Wochenende</a></p>"
    )
    text = extract(page("", after)).text
    assert text.endswith("Absatz 5.")
    assert "interessieren" not in text
    assert "Ampel" not in text


def test_one_linked_line_closing_the_article_goes_when_it_leads_off_the_page() -> None:
    after = "<p><a href='/mehr'>Lesen Sie hier einen weiteren Beitrag</a></p>"
    text = extract(page("", after), "https://example.org/brücke").text
    assert text.endswith("Absatz 5.")


def test_one_linked_line_jumping_within_the_page_stays() -> None:
    after = "<p><a href='#weiter'>Weiter im Haupttext lesen</a></p>"
    text = extract(page("", after), "https://example.org/brücke").text
    assert text.endswith("Weiter im Haupttext lesen")


def test_linked_lines_within_the_text_stay() -> None:
    after = (
        "<p><a href='/a'>Neue Ampel an der Hauptstraße geht in Betrieb</a></p>"
        "<p><a href='/b'>Stadtfest: Das Programm für das Wochenende</a></p>"
        f"<p>{GERMAN} Schluss.</p>"
    )
    text = extract(page("", after)).text
    assert "Neue Ampel an der Hauptstraße" in text
    assert "Stadtfest: Das Programm" in text


def test_an_intro_box_named_as_one_may_end_without_a_full_stop() -> None:
    intro = "Die Brücke über den Fluss ist seit Jahren marode und die Stadt sucht nach Geld"
    html = page(f"<div class='sommario'><p>{intro} für die Reparatur</p></div>")
    article = extract(html)
    assert intro in f"{article.lead}\n{article.text}"


# --- a comment section named in German ------------------------------------------------------


def test_a_comment_section_named_kommentare_is_never_the_article() -> None:
    comment = (
        "Ich will der Stadt ihre neue Brücke, ehrlich gesagt, gar nicht madig machen, und es "
        "ist auch schön, dass man daran arbeitet, aber, und das sage ich deutlich, das Geld, "
        "das Personal und die Zeit hätte man, wie so oft, besser in die Schulen gesteckt."
    )
    # The story's text is set with line breaks (no <p>) and has fewer commas than the comments.
    line = "Die neue Brücke über den Fluss wurde am Freitag vom Bürgermeister eröffnet."
    story = "".join(f"{line}<br>" for _ in range(8))
    comments = "".join(
        f"<div class='item'><div class='info'>Leser{n}</div><div class='text'>{comment} "
        f"{comment}</div></div>"
        for n in range(2)
    )
    html = (
        "<html lang='de'><body><div class='page'><h1>Neue Brücke</h1>"
        f"<div class='news-text'>{story}</div>"
        f"<div class='kommentare'><div class='rubrik'>Leserstimmen</div>{comments}</div>"
        "</div></body></html>"
    )
    text = extract(html).text
    assert "Bürgermeister eröffnet" in text
    assert "madig" not in text


# --- a press release's contact box ------------------------------------------------------------


def test_the_contact_box_closing_a_press_release_is_dropped() -> None:
    after = (
        "<p>Kontakt:</p><p>Dr. Eva Muster<br>Stadtverwaltung<br>E-Mail: eva@example.org</p>"
        "<p>Tel. +49 30 1234567</p>"
    )
    text = extract(page("", after)).text
    assert text.endswith("Absatz 5.")


def test_a_contact_heading_over_running_text_stays() -> None:
    after = f"<h3>Kontakt</h3><p>{GERMAN} {GERMAN} {GERMAN}</p>"
    text = extract(page("", after)).text
    assert "Kontakt" in text


# --- widget and navigation lines ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Gefällt mir Wird geladen …",
        "Sie sind aktuell nicht eingeloggt.",
        "You are not logged in.",
        "Kommentare insgesamt: 0",
        "Verraten Sie gerne in den Kommentaren: Wie gefällt Ihnen die neue Brücke?",
        "SUGGESTED CITATION Muster, Eva: Die Brücke, Stadtblog, 3.2.2022.",
        "IMPRESSUM | DATENSCHUTZ | KONTAKT",
        "zurück",
        "Zurück zur Listenansicht",
        "Der Artikel wurde erfolgreich hinzugefügt.",
        "Dieses Skript als PDF herunterladen",
        "Wir respektieren deine Privatsphäre und laden externe Inhalte erst nach Zustimmung.",
        "Den Artikel mit anderen teilen/diskutieren:",
        "13 Besucher sind online (8 Besucher im Forum)",
        "Bei diesem Beitrag handelt es sich um ein Blog aus der Community.",
        "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.",
    ],
)
def test_widget_and_navigation_lines_are_dropped(line: str) -> None:
    text = extract(page("", f"<p>{line}</p>")).text
    assert text.endswith("Absatz 5.")
    assert hints.is_promo_line(line)


def test_a_sentence_that_mentions_going_back_stays() -> None:
    line = "Zurück zur Brücke: Der Rat will im Sommer über die Kosten entscheiden."
    assert line in extract(page("", f"<p>{line}</p>")).text


# --- layout utility classes -----------------------------------------------------------------


def test_a_margin_bottom_class_is_no_sign_of_a_page_footer() -> None:
    assert hints._weight_of("row margin-bottom") == 0
    assert hints._weight_of("bottom-links") < 0
    box = (
        "<div class='row margin-bottom'><p><strong>Leasing oder Kredit?</strong> Eine häufig "
        "gestellte Frage.</p><p>Beides hat Vor- und Nachteile.</p></div>"
    )
    text = extract(page("", box)).text
    assert "Leasing oder Kredit?" in text


def test_a_box_hidden_on_small_screens_only_is_kept() -> None:
    assert hints._weight_of("hidden-xs") == 0
    assert hints._weight_of("hidden") < 0
    box = (
        "<ul class='hidden-xs'><li>Dateien schnell verschieben</li>"
        "<li>Programme nebeneinander nutzen</li></ul>"
    )
    text = extract(page("", box)).text
    assert "Dateien schnell verschieben" in text


# --- short code -----------------------------------------------------------------------------


def test_a_one_line_command_in_a_box_of_its_own_is_kept() -> None:
    box = "<div class='snippet'><pre><code>pip install brücke</code></pre></div>"
    text = extract(page("", box)).text
    assert "pip install brücke" in text


# --- an author's bio is never the article -------------------------------------------------


def test_a_long_author_bio_never_becomes_the_article() -> None:
    # The bio's comma-rich paragraphs outscore the article's short ones; it is still no root
    # (a bio this long is not removed as a box, so only the article's presence is checked).
    bio = (
        "Ich bin Eva, 32 Jahre jung, lebe in Berlin, bin Mama von Levi, schreibe über Wohnen, "
        "Reisen, Mode, Bücher, Kunst, Design und Familie, und liebe Kaffee, Sonne, Meer, Wind."
    )
    items = "".join(
        f"<div class='wpb_wrapper'><h3>Tipp {n}</h3><p>Eine schöne Vase für den Tisch.</p></div>"
        for n in range(6)
    )
    html = (
        "<html lang='de'><body><article class='post'>"
        f"<div class='post-inner'>{items}</div>"
        f"<div class='author-bio'><div class='author-description'>"
        f"{''.join(f'<p>{bio}</p>' for _ in range(5))}</div></div>"
        "</article></body></html>"
    )
    text = extract(html).text
    assert "Eine schöne Vase" in text


# --- a table between paragraphs ---------------------------------------------------------------


def test_a_comma_rich_table_between_paragraphs_brings_them_along() -> None:
    names = ", ".join(f"Name {n}, Universität {n}" for n in range(60))
    html = (
        "<html lang='de'><body><div class='page'><div class='letter'>"
        f"<p><span>{GERMAN}</span></p><p><span>{GERMAN} Zweitens.</span></p>"
        f"<table><tbody><tr><td>{names}</td><td>{names}</td></tr><tr></tr></tbody></table>"
        "<p>Die Institutionen sind nur zur Kennzeichnung genannt.</p>"
        "</div></div></body></html>"
    )
    text = extract(html).text
    assert text.startswith(GERMAN)
    assert "Zweitens." in text
    assert "Universität 59" in text
