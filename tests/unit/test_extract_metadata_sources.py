"""Title and author choice between what a page shows and what it declares (small pages)."""

from __future__ import annotations

import pytest

from reader import extract
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
    ],
)
def test_split_authors(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


def test_looks_personal() -> None:
    assert looks_personal("Anna von Berg")
    assert looks_personal("松岡大地")
    assert not looks_personal("The Courier Daily News Online Edition")
    assert not looks_personal("Courier")


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
