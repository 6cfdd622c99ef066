"""Bylines found where pages print them with nothing declared: a "By" in a box of its own before
the name, a labelled credit at the end of a post, a date-and-name line of small print, user names
with digits, names with their handle or a weekday run on, and Dublin Core creators (small pages
written for these tests)."""

from __future__ import annotations

import pytest

from reader import extract
from reader.extract.names import split_authors

STORY = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)


def page(head: str, top: str, *, last: str = "", lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return (
        f"<html lang='{lang}'><head>{head}</head><body>{top}"
        f"<article>{paragraphs}{last}</article><footer><p>Contact us</p></footer></body></html>"
    )


# --- names out of a byline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Isabella.DiBiase am Samstag, 19. Oktober 2019", ["Isabella.DiBiase"]),
        ("Tomas Spahn Fr, 14.06.2019", ["Tomas Spahn"]),
        ("Johanna Kropfitsch Alle Artikel", ["Johanna Kropfitsch"]),
        ("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
        ("Interview: Julia Lauter", ["Julia Lauter"]),
        ("© Kathrin Führes", ["Kathrin Führes"]),
        ("Gespeichert von rasos am 24. Juli 2017 - 18:55", ["rasos"]),
        ("Ein Artikel von Pamela Sladky | 27.01.2022", ["Pamela Sladky"]),
        ("Williams Perdomo @wperdomod", ["Williams Perdomo"]),
        ("Redacci&oacute;n Diario Sur", ["Redacción Diario Sur"]),
        ("freeman1984", ["freeman1984"]),
        ("Dominik Sonntag", ["Dominik Sonntag"]),
    ],
)
def test_split_authors_reads_more_bylines(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


@pytest.mark.parametrize(
    "value", ["2019", "12.03.2020", "Mai 2020", "www.example.de", "x1", "@jdoe"]
)
def test_a_number_or_a_web_address_is_no_user_name(value: str) -> None:
    assert split_authors(value) == []


# --- bylines on the page ------------------------------------------------------------------------


def test_a_by_in_a_box_of_its_own_reads_with_the_name_after_it() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1><div><span class='x1'>By</span>"
        "<span><a href='/team/jane'>Jane Roe</a></span><img alt='Channel Nine'></div>",
    )
    assert extract(html).authors == ("Jane Roe",)


def test_a_labelled_credit_at_the_end_of_a_post_is_the_author() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1>",
        last="<p><strong>Autor:</strong> <a href='/profil/7'>Klaus Friedrich</a></p>",
        lang="de",
    )
    assert extract(html).authors == ("Klaus Friedrich",)


def test_a_label_in_a_heading_of_its_own_reads_with_the_box_around_it() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1>",
        last="<div><h4>Autor</h4><p><a href='/p/nh'>Nikolai Huke</a>, </p></div>",
        lang="de",
    )
    assert extract(html).authors == ("Nikolai Huke",)


def test_posted_by_in_the_footer_of_a_post() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1>",
        last="<p>Posted by Konstantin @ 12:00 am</p>",
    )
    assert extract(html).authors == ("Konstantin",)


def test_a_sentence_starting_with_von_is_no_credit() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1>",
        last="<p>Von Anfang an war klar, dass die Brücke repariert wird.</p>",
        lang="de",
    )
    assert extract(html).authors == ()


def test_a_date_and_a_name_under_the_headline() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1><p class='text-muted'>11.12.2019 - Amelie Loevenich</p>",
    )
    assert extract(html).authors == ("Amelie Loevenich",)


def test_a_date_and_a_name_above_the_headline() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<div><small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small><h1>Bridge repairs</h1></div>",
        lang="de",
    )
    assert extract(html).authors == ("Uta Helkenberg",)


def test_a_date_and_a_place_is_no_byline() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1><p>11.12.2019 - Berlin</p>",
    )
    assert extract(html).authors == ()


def test_a_user_name_with_digits_in_a_rel_author_link() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1><div class='byline'>10. Dezember 2019 · von "
        "<a href='/author/freeman1984/' rel='author'>freeman1984</a></div>",
        lang="de",
    )
    assert extract(html).authors == ("freeman1984",)


def test_a_post_filed_under_a_comment_category_is_no_comment_section() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<div class='post hentry category-der-kommentar'><h1>Bridge repairs</h1>"
        "<div class='meta'>By <a href='/author/oradmin/' rel='author'>oradmin</a></div></div>",
    )
    assert extract(html).authors == ("oradmin",)


def test_a_dublin_core_creator_property_comes_before_meta_author() -> None:
    html = page(
        "<title>Bridge repairs</title><meta name='author' content='Site Admin Team'>"
        "<meta property='dc:creator twitter:site_name' content='Jane Roe'>",
        "<h1>Bridge repairs</h1>",
    )
    assert extract(html).authors == ("Jane Roe",)
