"""Title and author choice between what a page shows and what it declares (small pages)."""

from __future__ import annotations

import pytest

from reader import extract
from reader.extract.dom import parse
from reader.extract.metadata import date_near_headline
from reader.extract.names import looks_personal, split_authors
from reader.extract.titles import strip_site_name

STORY = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)


def page(head: str, top: str, *, after: str = "") -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return (
        f"<html lang='en'><head>{head}</head><body>{top}"
        f"<article>{paragraphs}</article>{after}</body></html>"
    )


# --- titles -----------------------------------------------------------------------------------


def test_kicker_inside_the_headline_is_left_out_when_the_declared_titles_omit_it() -> None:
    html = page(
        "<title>Bridge repairs begin in May | The Courier</title>"
        "<meta property='og:title' content='Bridge repairs begin in May'>",
        "<h1><span class='kicker'>Town council</span> "
        "<span>Bridge repairs begin in May</span></h1>",
    )
    assert extract(html).title == "Bridge repairs begin in May"


def test_logo_heading_naming_the_site_is_not_the_title() -> None:
    html = page(
        "<title>Bridge repairs begin in May | The Courier</title>",
        "<header><h1>The Courier</h1></header>",
    )
    assert extract(html).title == "Bridge repairs begin in May"


def test_linked_heading_unlike_every_declared_title_is_a_logo() -> None:
    html = page(
        "<title>Bridge repairs begin in May</title>",
        "<h1><a href='/'>Bridge Weekly Notes</a></h1>",
    )
    assert extract(html).title == "Bridge repairs begin in May"


def test_editors_headline_wins_over_a_differently_worded_og_title() -> None:
    html = page(
        "<title>Old bridge to close for repairs - The Courier</title>"
        "<meta property='og:title' content='Old bridge to close for repairs'>",
        "<h1>Why the old bridge needs a whole summer of work</h1>",
    )
    assert extract(html).title == "Why the old bridge needs a whole summer of work"


def test_headline_keeps_its_typographic_quotes_when_declared_with_plain_ones() -> None:
    html = page(
        "<meta property='og:title' content=\"Mayor's 'last' bridge plan\">",
        "<h1>Mayor\u2019s \u2018last\u2019 bridge plan</h1>",
    )
    assert extract(html).title == "Mayor\u2019s \u2018last\u2019 bridge plan"


def test_json_ld_headline_entities_are_decoded() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Bridge &amp; road works: what&#8217;s next"}</script>'
    )
    assert extract(page(ld, "")).title == "Bridge & road works: what\u2019s next"


def test_site_name_stripped_keeps_the_titles_own_dash() -> None:
    assert strip_site_name("Bridge \u2013 a history | The Courier", "The Courier") == (
        "Bridge \u2013 a history"
    )
    assert strip_site_name("Bridge work begins in May \u203a  Courier", None) == (
        "Bridge work begins in May"
    )


# --- authors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Trine Jørgensen og Tôrtia Reimer", ["Trine Jørgensen", "Tôrtia Reimer"]),
        ("Elena Oberholzer (obe), Oliver Maksan (oma)", ["Elena Oberholzer", "Oliver Maksan"]),
        ("Deutscher Caritasverband e.V.", ["Deutscher Caritasverband e.V"]),
        ("Veröffentlicht vonChris Jung", ["Chris Jung"]),
        ("View all posts by Daniel Miller", ["Daniel Miller"]),
        ("Grant Tinsley, PhD", ["Grant Tinsley"]),
        ("Noah East, Money Reporter", ["Noah East"]),
        ("Christoph Hein Chefredakteur", ["Christoph Hein"]),
        ("Staff Writer", ["Staff Writer"]),
        ("Dan Brown", ["Dan Brown"]),
        ("Name *", []),
        ("Anna says", []),
        ("Nelson C.J., Stephen Tayo", ["Nelson C.J.", "Stephen Tayo"]),
        ("By Joe S.", ["Joe S."]),
        ("By Jane Doe.", ["Jane Doe"]),
        ("신현주 기자", ["신현주"]),
    ],
)
def test_split_authors(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


def test_looks_personal() -> None:
    assert looks_personal("Anna von Berg")
    assert looks_personal("松岡大地")
    assert not looks_personal("The Courier Daily News Online Edition")
    assert not looks_personal("Courier")
    assert looks_personal("Simone M. Scully")
    assert not looks_personal("A. B.")


def test_site_named_as_author_gives_way_to_the_byline_shown() -> None:
    html = page(
        "<meta property='og:site_name' content='The Courier'>"
        "<meta name='author' content='The Courier'>",
        "<h1>Bridge repairs</h1><div class='byline'>By Jane Doe</div>",
    )
    assert extract(html, "https://courier.example/news/bridge").authors == ("Jane Doe",)


def test_site_named_as_author_stays_when_no_person_is_shown() -> None:
    html = page(
        "<meta property='og:site_name' content='The Courier'>"
        "<meta name='author' content='The Courier'>",
        "<h1>Bridge repairs</h1>",
    )
    assert extract(html).authors == ("The Courier",)


def test_commenters_are_not_authors() -> None:
    html = page(
        "",
        "<h1>Bridge repairs</h1>",
        after="<section class='comments'><div class='comment-author'>Mark Reader</div>"
        "<p>Nice piece.</p></section><div class='author'>Jane Doe</div>",
    )
    assert extract(html).authors == ("Jane Doe",)


def test_json_ld_person_named_by_given_and_family_name() -> None:
    ld = (
        '{"@type": "NewsArticle", "author": [{"@type": "Person", "givenName": "Birgit",'
        ' "familyName": "Baumann"}, {"@type": "Person", "givenName": "Anna Giulia",'
        ' "familyName": "Fink"}]}'
    )
    html = page(f"<script type='application/ld+json'>{ld}</script>", "<h1>Bridge repairs</h1>")
    assert extract(html).authors == ("Birgit Baumann", "Anna Giulia Fink")


def test_json_ld_author_list_nested_in_a_list() -> None:
    ld = (
        '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Jane Doe"},'
        ' [{"@type": "Person", "name": "Courier Newsroom"}]]}'
    )
    html = page(f"<script type='application/ld+json'>{ld}</script>", "<h1>Bridge repairs</h1>")
    assert extract(html).authors == ("Jane Doe", "Courier Newsroom")


def test_second_author_meta_naming_a_person_wins_over_the_sites_own() -> None:
    html = page(
        "<meta property='og:site_name' content='The Courier'>"
        "<meta name='author' content='The Courier'><meta name='author' content='Jane Doe'>",
        "<h1>Bridge repairs</h1>",
    )
    assert extract(html).authors == ("Jane Doe",)


def test_author_meta_holding_a_profile_url_gives_way_to_the_next_author_meta() -> None:
    html = page(
        "<meta property='article:author' content='https://courier.example/authors'>"
        "<meta name='sailthru.author' content='Jane Doe'>",
        "<h1>Bridge repairs</h1><div class='byline'>By Jane DoeTwitter Today</div>",
    )
    assert extract(html).authors == ("Jane Doe",)


def test_author_links_together_complete_a_one_author_json_ld() -> None:
    ld = '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Marlene Holm"}]}'
    html = page(
        f"<script type='application/ld+json'>{ld}</script>",
        "<h1>Bridge repairs</h1><div class='bylines'><a rel='author' href='/a/1'>Ingrid Treborg"
        "</a><a rel='author' href='/a/2'>Marlene Holm</a></div>",
        after="<ul>" + "<li>More news</li>" * 40 + "</ul>"
        "<aside><a rel='author' href='/a/3'>Teaser Writer</a></aside>",
    )
    assert extract(html).authors == ("Ingrid Treborg", "Marlene Holm")


def test_site_beside_a_person_is_dropped_but_stays_beside_an_agency() -> None:
    head = "<meta property='og:site_name' content='The Courier'>"
    with_person = page(head + "<meta name='author' content='Jane Doe, The Courier'>", "<h1>B</h1>")
    with_agency = page(head + "<meta name='author' content='The Courier, AFP'>", "<h1>B</h1>")
    assert extract(with_person).authors == ("Jane Doe",)
    assert extract(with_agency).authors == ("The Courier", "AFP")


def test_byline_under_the_headline_names_the_author() -> None:
    html = page("", "<h1>Bridge repairs</h1><p>By <a href='/people/jd'>Jane Doe</a></p>")
    assert extract(html).authors == ("Jane Doe",)


def test_link_to_an_author_page_under_the_headline_names_the_author() -> None:
    html = page("", "<h1>Bridge repairs</h1><div><a href='/autoren/anna-berg'>Anna Berg</a></div>")
    assert extract(html).authors == ("Anna Berg",)


def test_byline_under_the_headline_replaces_the_sites_initials() -> None:
    html = page(
        "<meta property='og:site_name' content='Legal Tribune Online'>"
        "<meta name='author' content='LTO'>",
        "<h1>Bridge repairs</h1><p>von <a href='/autoren/name/mk'>Dr. Max Kolter</a></p>",
    )
    assert extract(html, "https://www.lto.de/recht/x").authors == ("Dr. Max Kolter",)


def test_byline_under_the_headline_ends_at_a_line_break() -> None:
    html = page(
        "", "<h1>Streit ums Feuerholz</h1><p>Von Anna Berg und Max Weber<br>Kakuma, Kenia</p>"
    )
    assert extract(html).authors == ("Anna Berg", "Max Weber")


def test_picture_credit_under_the_headline_is_no_byline() -> None:
    html = page(
        "",
        "<h1>Bridge repairs</h1><figure><img src='a.jpg'><figcaption>Photo by Ricardo Angel"
        "</figcaption></figure><p>By Jane Doe</p>",
    )
    assert extract(html).authors == ("Jane Doe",)


def test_photographer_in_the_byline_is_no_author() -> None:
    ld = (
        '{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Jane Doe"},'
        ' {"@type": "Person", "name": "John Roe"}]}'
    )
    html = page(
        f"<script type='application/ld+json'>{ld}</script>",
        "<h1>Bridge repairs</h1><p class='byline'>By Jane Doe</p>"
        "<p class='byline'>Photography by John Roe</p>",
    )
    assert extract(html).authors == ("Jane Doe",)


def test_kicker_declared_by_json_ld_and_og_joins_the_headline() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Nach dem Sturm: Brücke bleibt gesperrt"}'
    html = page(
        f"<script type='application/ld+json'>{ld}</script>"
        "<meta property='og:title' content='Nach dem Sturm: Brücke bleibt gesperrt'>",
        "<h1>Brücke bleibt gesperrt</h1>",
    )
    assert extract(html).title == "Nach dem Sturm: Brücke bleibt gesperrt"


def test_kicker_shown_apart_in_the_headline_keeps_the_declared_colon() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Nach dem Sturm: Brücke bleibt gesperrt"}'
    html = page(
        f"<script type='application/ld+json'>{ld}</script>"
        "<meta property='og:title' content='Nach dem Sturm: Brücke bleibt gesperrt'>",
        "<h1><span>Nach dem Sturm</span> <span>Brücke bleibt gesperrt</span></h1>",
    )
    assert extract(html).title == "Nach dem Sturm: Brücke bleibt gesperrt"


def test_kicker_in_one_declared_title_only_leaves_the_headline() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Nach dem Sturm: Brücke bleibt gesperrt"}'
    html = page(
        f"<script type='application/ld+json'>{ld}</script>"
        "<meta property='og:title' content='Brücke bleibt gesperrt'>",
        "<h1>Brücke bleibt gesperrt</h1>",
    )
    assert extract(html).title == "Brücke bleibt gesperrt"


def test_date_near_headline_reads_the_box_under_the_first_h1() -> None:
    document = parse(
        "<html><body><p>Menu 01.01.2020</p><h1>Bridge repairs</h1><div><span>Datum:</span>"
        " 26. Januar 2022</div><h1>Other</h1></body></html>"
    )
    assert date_near_headline(document, day_first=True) == "2022-01-26"
    assert date_near_headline(parse("<p>No headline 26.01.2022</p>"), day_first=True) is None
