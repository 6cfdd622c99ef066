"""Site notices among an article's paragraphs (reprint and licence terms, appeals, "write to
us" lines, downloads and counters), box labels set as headings, a lone "Read also" opener over
a linked title, and dated small print above the text. Small pages of ours."""

from __future__ import annotations

import pytest

from reader import extract
from reader.extract import hints, notices

_RUNNING = (
    "<p>The council voted on Tuesday to reopen the old ferry landing, closed since the storm "
    "two winters ago, after engineers found the pier sound enough for light traffic.</p>"
    "<p>Repairs to the railings and the ticket hut will start in spring, paid for by the "
    "harbour fund, and the first crossings are planned for the summer holidays.</p>"
    "<p>Residents who use the ferry to reach the market welcomed the decision, though some "
    "asked for a later last crossing on market days, which the council will consider.</p>"
)
_LAST = "timetables would be published in May"


def page(extra: str, *, before: str = "") -> str:
    return (
        "<html><head><title>Ferry landing to reopen</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Ferry landing to reopen</h1>{before}{_RUNNING}{extra}"
        "<p>The ferry company said timetables would be published in May, once the repair "
        "schedule is settled with the council and the harbour master.</p>"
        "</article></body></html>"
    )


def text_of(html: str) -> str:
    return extract(html, "https://harbour.example/news/ferry").text


@pytest.mark.parametrize(
    "line",
    [
        "© 2022, Harbour News. This article is the copyrighted property of Harbour News.",
        "Written permission must be obtained before reprint in online or print media.",
        "NOTE: The advertising disclaimer below does not apply to this article.",
        "Harbour News is not responsible for the opinions, statements or media content "
        "presented by contributors.",
        "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.",
        "Dieser Text wurde von Medizinern geprüft.",
        "Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.",
        "Bei der Lancierung haben wir entschieden, keine Bezahlschranke einzuführen.",
        "Help us continue to bring the news to readers everywhere.",
        "Das Magazin jetzt auch digital! Einfach hier klicken und registrieren!",
        "Lesen Sie das Magazin in der App (iTunes und Google Play) oder im Shop.",
        "Mit diesem Button kannst Du diese Episode zu einer Liste hinzufügen.",
        "Online-Pressemappe - alle Pressemitteilungen | RSS-Feed abonnieren",
        "Alles über nachhaltige Wanderschuhe findest Du hier.",
        "(Alle Angaben ohne Gewähr)",
        "Puede escribirnos a redaccion@example.org o seguirnos en Twitter.",
        "Bei Fragen zu diesem Artikel können Sie hier mit uns in Kontakt treten.",
        "Weitere Infos unter www.harbour.example.",
        "Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei",
        "Aufrufe: 1120 | Hinzugefügt von: Posh",
        "Dieser Beitrag stammt aus Ausgabe 7/2019 des Magazins.",
        "Image illustrative : Lego, en licence Creative Commons by",
        "Kennt ihr schon unseren Fährfinder? Ab sofort findet ihr alle Linien.",
        "Unterstütze Harbour News bereits mit 2,50!",
        "First-time subscribers also receive a welcome gift from the harbour shop.",
        "Du möchtest mitmachen? Dann hinterlasse einfach einen Kommentar unter diesem Beitrag.",
        "Von:",
        "asked Feb 6, 2014 at 20:37",
        "Warning: Creating default object from empty value in /www/htdocs/wp-includes/"
        "classes.php on line 407",
    ],
)
def test_site_notices_are_dropped(line: str) -> None:
    assert notices.is_site_notice(line)
    text = text_of(page(f"<p>{line}</p>"))
    assert line not in text
    assert _LAST in text


@pytest.mark.parametrize(
    "line",
    [
        "The mayor said she is not responsible for the delays at the pier.",
        "Das Konzeptpapier finden Sie hier:",
        "Weitere Infos zum Fahrplan gibt es ab Mai im Hafenbüro.",
        "The report, a PDF of 40 pages, lists every repair planned this year.",
        "The council's decision drew 300 views at the meeting, a record turnout.",
    ],
)
def test_running_text_with_the_same_words_stays(line: str) -> None:
    assert not notices.is_site_notice(line)


def test_a_long_paragraph_is_never_a_notice() -> None:
    line = "Help us continue the survey, the harbour master asked. " * 10
    assert not notices.is_site_notice(line)


@pytest.mark.parametrize(
    "label",
    [
        "Mehr zum Thema auf harbour.example",
        "Mehr zu Klima und Konsum",
        "Weitere Tourentipps in Schweden",
        "Vorschau auf den nächsten Artikel",
        "Audios et vidéos sur le sujet",
        "meist-diskutiert",
        "Kommentieren",
        "Quellenangaben:",
        "Zusatzinformationen:",
        "Empfehlungen aus dem Garten-Shop",
    ],
)
def test_box_labels_set_as_headings_are_dropped(label: str) -> None:
    assert notices.is_box_label(label)
    text = text_of(
        page(f"<h3>{label}</h3><p><a href='/news/other'>Another story on the harbour front</a></p>")
    )
    assert label not in text
    assert "Another story on the harbour front" not in text
    assert _LAST in text


def test_an_article_section_heading_stays() -> None:
    assert not notices.is_box_label("Mehr Fähren für die Insel im Sommer geplant")
    text = text_of(page("<h3>Repairs</h3><p>The railings come first, then the hut.</p>"))
    assert "Repairs" in text


@pytest.mark.parametrize("opener", ["Lee también...", "Read more", "Czytaj też:"])
def test_lone_read_more_opener_and_its_linked_title_are_dropped(opener: str) -> None:
    assert hints.is_read_more_label(opener)
    link = "<p><a href='/news/other'>Strike at the port ends after two days</a></p>"
    text = text_of(page(f"<p>{opener}</p>{link}"))
    assert opener not in text
    assert "Strike at the port" not in text
    assert _LAST in text


def test_read_more_opener_in_a_sentence_is_no_label() -> None:
    assert not hints.is_read_more_label("Read more about the harbour in our guide to the town.")


def test_dowiedz_sie_wiecej_pointer_is_dropped() -> None:
    line = "<p>Dowiedz się więcej: <a href='/news/other'>Kto jak głosował w sprawie portu</a></p>"
    text = text_of(page(line))
    assert "Kto jak głosował" not in text
    assert _LAST in text


@pytest.mark.parametrize(
    "line",
    [
        "24. März 2004, 19:49 | Genesis",
        "24.01.2022 11:38 | Kategorie: News",
        "Verfasst von: harbourblog | 31. Dezember 2008",
        "Veröffentlichung: 2. Februar 2022",
    ],
)
def test_dated_small_print_above_the_text_is_dropped(line: str) -> None:
    article = extract(page("", before=f"<p>{line}</p>"), "https://harbour.example/news/ferry")
    assert line not in article.text
    assert article.text.startswith("The council voted")
    assert article.published is not None


def test_a_dated_sentence_above_the_text_stays() -> None:
    line = "On 2 February 2022 the harbour office closed the pier for repairs."
    text = text_of(page("", before=f"<p>{line}</p>"))
    assert line in text


def test_a_bar_of_page_tools_set_as_a_list_is_dropped() -> None:
    bar = (
        "<ul><li>25. November 2021 16:11 Uhr</li><li>Share</li><li>Versenden</li>"
        "<li>Drucken</li><li>Permalink https://harbour.example/p/1</li></ul>"
    )
    text = text_of(page(bar))
    assert "Versenden" not in text and "Permalink" not in text
    assert _LAST in text


def test_a_dated_line_with_a_category_is_dropped_anywhere() -> None:
    line = "News date : 04/21/2022 Category : Press Releases"
    text = text_of(page(f"<p>{line}</p>"))
    assert "Press Releases" not in text
    assert _LAST in text


def test_a_pointer_set_as_a_quote_is_dropped() -> None:
    quote = (
        "<blockquote><p>PUEDES VER: <a href='/news/other'>¿Qué pasa con el muelle?</a>"
        "</p></blockquote>"
    )
    text = text_of(page(quote))
    assert "PUEDES VER" not in text
    assert _LAST in text


def test_headline_links_closing_the_text_may_open_with_a_dash() -> None:
    links = "".join(
        f"<p>-<a href='/news/{n}'>{title}</a></p>"
        for n, title in enumerate(
            ("La historia de la mujer que se graduó", "La angustia que vive un barrio familiar")
        )
    )
    article = extract(page("").replace("</article>", links + "</article>"), "https://h.example/a")
    assert "La angustia" not in article.text
    assert article.text.endswith("with the council and the harbour master.")


def test_names_with_a_comma_between_their_links_are_no_link_line() -> None:
    names = (
        "<p><a href='/authors/a'>Alexandre Hervaud</a> , <a href='/authors/b'>Jérémy Piette</a></p>"
    )
    article = extract(page("").replace("</article>", names + "</article>"), "https://h.example/a")
    assert "Jérémy Piette" in article.text


@pytest.mark.parametrize(
    "box",
    [
        "<p class='site-description'>Culture from the nerd's point of view, every week.</p>",
        "<div class='post-card__excerpt'>Two founders talk about how the culture of coding "
        "changed over the decades and where it is headed.</div>",
        "<article class='post_teaser'>Summer sale: the seven best deals of the week, "
        "only until Sunday evening.</article>",
    ],
)
def test_a_tagline_or_a_teaser_card_is_no_lead(box: str) -> None:
    html = (
        "<html><head><title>Ferry landing to reopen</title></head><body>"
        "<div class='site'>"
        f"<div class='site-branding'><a href='/'>Harbour</a>{box}</div>"
        f"<div class='content'><main><article><h1>Ferry landing to reopen</h1>{_RUNNING}"
        "</article></main></div></div></body></html>"
    )
    article = extract(html, "https://harbour.example/news/ferry")
    assert article.metadata.get("lead_source") != "page"
    assert article.lead is None
    assert article.text.startswith("The council voted")
