"""The lead (standfirst): where it comes from, shown once, and marked when it is page text."""

from __future__ import annotations

from reader import extract

ENGLISH = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)
MORE = (
    "Residents asked for a second crossing further upstream, and the engineers promised a "
    "study of the river bed before the end of the year, once the floods have gone down."
)
STANDFIRST = "The old bridge reopens next week after two years of repairs and a long dispute."


def page(head: str, article: str) -> str:
    return (
        f"<html lang='en'><head>{head}</head><body><h1>Bridge reopens</h1>"
        f"<div class='content'>{article}</div></body></html>"
    )


def test_standfirst_taken_from_the_body_is_marked_as_page_text() -> None:
    html = page("", f"<p><strong>{STANDFIRST}</strong></p><p>{ENGLISH}</p><p>{MORE}</p>")
    article = extract(html)
    assert article.lead == STANDFIRST
    assert STANDFIRST not in article.text
    assert article.metadata["lead_source"] == "page"


def test_description_not_on_the_page_is_a_lead_but_not_page_text() -> None:
    html = page(
        "<meta name='description' content='Everything about the bridge and the council.'>",
        f"<p>{ENGLISH}</p><p>{MORE}</p>",
    )
    article = extract(html)
    assert article.lead == "Everything about the bridge and the council."
    assert "lead_source" not in article.metadata


def test_description_printed_under_the_headline_is_page_text() -> None:
    html = (
        f"<html lang='en'><head><meta name='description' content='{STANDFIRST}'></head><body>"
        f"<h1>Bridge reopens</h1><div class='top'><span>{STANDFIRST}</span></div>"
        f"<div class='content'><p>{ENGLISH}</p><p>{MORE}</p></div></body></html>"
    )
    article = extract(html)
    assert article.lead == STANDFIRST
    assert STANDFIRST not in article.text
    assert article.metadata["lead_source"] == "page"


def test_description_quoted_after_a_dateline_and_a_byline_is_shown_once() -> None:
    html = page(
        f"<meta name='description' content='{STANDFIRST}'>",
        f"<p>Updated: 3 June</p><p>Comments</p><p>{STANDFIRST}</p><p>{ENGLISH}</p><p>{MORE}</p>",
    )
    article = extract(html)
    assert article.lead == STANDFIRST
    assert STANDFIRST not in article.text
    assert article.metadata["lead_source"] == "page"


def test_lead_box_repeated_further_down_the_body_is_shown_once() -> None:
    html = (
        "<html lang='en'><body><h1>Bridge reopens</h1><article>"
        f"<header><p class='standfirst'>{STANDFIRST}</p></header>"
        "<div class='content'><p>Updated: 3 June</p><p>Comments</p><p>Print</p>"
        f"<p>{STANDFIRST}</p><p>{ENGLISH}</p><p>{MORE}</p></div></article></body></html>"
    )
    article = extract(html)
    assert article.lead == STANDFIRST
    assert STANDFIRST not in article.text


def test_caption_box_named_like_a_lead_is_not_the_lead() -> None:
    html = (
        "<html lang='en'><body><h1>Bridge reopens</h1><article>"
        "<figure class='lead-image'><img src='/bridge.jpg' alt=''>"
        "<figcaption>The bridge on a foggy morning, seen from the east bank.</figcaption>"
        f"</figure><div class='content'><p>{ENGLISH}</p><p>{MORE}</p></div>"
        "</article></body></html>"
    )
    article = extract(html)
    assert article.lead != "The bridge on a foggy morning, seen from the east bank."
    assert "lead_source" not in article.metadata


def test_teaser_box_of_links_named_like_a_lead_is_not_the_lead() -> None:
    html = (
        "<html lang='en'><body><h1>Bridge reopens</h1><article>"
        "<div class='teaser'><a href='/fair'>The summer fair moves to the green this year, "
        "with music and food stalls</a></div>"
        f"<div class='content'><p>{ENGLISH}</p><p>{MORE}</p></div></article></body></html>"
    )
    article = extract(html)
    assert article.lead is None or "summer fair moves" not in article.lead


def test_box_named_like_a_lead_far_down_the_body_is_not_the_lead() -> None:
    blurb = "Follow your favourite teams to personalise your experience of this site"
    body = "".join(f"<p>{ENGLISH}</p><p>{MORE}</p>" for _ in range(5))
    html = (
        "<html lang='en'><head><meta name='description' content='The bridge reopens.'></head>"
        f"<body><h1>Bridge reopens</h1><article>{body}"
        f"<div class='follow-box'><span class='follow-description'>{blurb}</span></div>"
        "</article></body></html>"
    )
    article = extract(html)
    assert article.lead == "The bridge reopens."
    assert "lead_source" not in article.metadata


def test_intro_box_with_a_linked_picture_and_its_credit_is_not_the_lead() -> None:
    html = (
        "<html lang='en'><body><h1>Bridge reopens</h1><article><div class='intro'>"
        "<span class='picture'><a href='/gallery/bridge.html'><img src='/bridge.jpg' alt=''></a>"
        "<p><em class='copyright'>\u00a9 Town Press Office | Jane Roe</em></p></span>"
        f"<p>{STANDFIRST}</p></div>"
        f"<div class='content'><p>{ENGLISH}</p><p>{MORE}</p></div></article></body></html>"
    )
    article = extract(html)
    assert article.lead is None or "Town Press Office" not in article.lead
    assert "Town Press Office" not in article.text


def test_subheadline_printed_under_the_headline_is_the_lead() -> None:
    html = (
        "<html lang='en'><head><title>Bridge reopens</title></head><body><article><header>"
        f"<h1>Bridge reopens</h1><h2>{STANDFIRST}</h2></header>"
        f"<div class='content'><p>{ENGLISH}</p><p>{MORE}</p></div></article></body></html>"
    )
    article = extract(html)
    assert article.lead == STANDFIRST
    assert article.metadata.get("lead_source") == "page"


def test_blog_tagline_under_the_site_name_is_not_the_lead() -> None:
    html = (
        "<html lang='en'><head><title>Bridge reopens</title></head><body><header>"
        "<h1>The Riverside Diary</h1><h2>Notes on life by the river, the town and its people"
        f"</h2></header><article><h1>Bridge reopens</h1><div class='content'><p>{ENGLISH}</p>"
        f"<p>{MORE}</p></div></article></body></html>"
    )
    article = extract(html)
    assert article.lead is None or "Notes on life" not in article.lead


def test_title_printed_again_under_the_headline_is_not_the_lead() -> None:
    html = (
        "<html lang='en'><head><title>Bridge reopens after two years of repairs</title></head>"
        "<body><article><header><h1>Bridge reopens after two years of repairs</h1>"
        "<h2>Bridge reopens after two years of repairs</h2></header>"
        f"<div class='content'><p>{ENGLISH}</p><p>{MORE}</p></div></article></body></html>"
    )
    article = extract(html)
    assert article.lead is None or "Bridge reopens" not in article.lead
