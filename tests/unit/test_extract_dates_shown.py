"""Publication dates the page shows its readers: found by the headline that shows the title,
in labelled boxes, at the start of a dateline paragraph, and preferred over a declared date
the page never prints (small pages)."""

from __future__ import annotations

from reader import extract
from reader.extract import hints
from reader.extract.dates import date_in_url, find_date, leading_date
from reader.extract.dom import parse
from reader.extract.metadata import labelled_date
from reader.extract.titles import strip_site_name

STORY = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)


def page(head: str, top: str, *, after: str = "", lang: str = "de") -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return (
        f"<html lang='{lang}'><head>{head}</head><body>{top}"
        f"<article>{paragraphs}</article>{after}</body></html>"
    )


BUILT = "<meta name='date' content='2024-05-01'>"
"""A bare meta "date": often the day the page was built, the last resort."""


SHARE = (
    "<ul>" + "".join(f"<li><a href='/share/{k}'>Share {k}</a></li>" for k in range(10)) + "</ul>"
)


def published(html: str) -> str:
    return (extract(html).published or "")[:10]


# --- the headline that shows the title ---------------------------------------------------------


def test_date_box_under_the_headline_not_under_a_skip_navigation_h1() -> None:
    menu = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(30))
    html = page(
        f"<title>Bridge repairs begin in May | Courier</title>{BUILT}",
        f"<h1>Skip to navigation</h1><ul>{menu}</ul>"
        "<h1>Bridge repairs begin in May</h1><div><span>Bonn, 11.10.2021</span></div>",
    )
    assert published(html) == "2021-10-11"


def test_headline_set_in_an_h2_has_its_date_under_it() -> None:
    menu = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(50))
    html = page(
        f"<title>Bridge repairs begin in May | Courier</title>{BUILT}",
        f"<h1><a href='/'>Courier</a></h1><ul>{menu}</ul>"
        "<h2>Bridge repairs begin in May</h2><div><span>28. Jan. 2022</span></div>",
    )
    assert published(html) == "2022-01-28"


# --- declared dates in the markup --------------------------------------------------------------


def test_rdfa_date_created_property_on_a_span_is_the_date() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1>"
        "<span property='schema:dateCreated' content='2022-01-28T12:45:46+00:00'></span>",
    )
    assert published(html) == "2022-01-28"


def test_itemprop_date_published_time_beats_a_modified_time_next_to_the_headline() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        "<h1>Bridge repairs</h1>"
        "<time itemprop='dateModified'>2018-08-29 14:15:57</time>"
        "<time itemprop='datePublished' datetime='2018-06-22 10:20:00'>22.06.2018</time>",
    )
    assert published(html) == "2018-06-22"


def test_published_time_by_the_headline_beats_sidebar_dates_and_the_updated_time() -> None:
    sidebar = "".join(
        f"<li><a href='/p{k}'>Older post {k}</a> <span class='post-date'>{k + 1}. März 2019"
        "</span></li>"
        for k in range(3)
    )
    html = page(
        "<title>Bridge repairs</title>",
        f"<ul>{sidebar}</ul><div class='entry-meta'>"
        "<time class='entry-date published' datetime='2019-02-10T09:30:10+01:00'>"
        "10. Februar 2019</time><time class='updated' datetime='2019-02-09T23:00:55+01:00'>"
        "9. Februar 2019</time> <span class='cats'><a href='/c/1'>Privat</a>, "
        "<a href='/c/2'>Sport</a></span></div><h1>Bridge repairs</h1>",
    )
    assert published(html) == "2019-02-10"


# --- what the page shows over what it declares -------------------------------------------------


def test_modified_date_wins_when_the_page_shows_only_it() -> None:
    head = (
        "<title>Bridge repairs</title>"
        "<meta property='article:published_time' content='2021-11-29T14:13:37+00:00'>"
        "<meta property='article:modified_time' content='2022-01-12T14:27:30+00:00'>"
    )
    shows_update = page(head, "<h1>Bridge repairs</h1><div><span>12.01.2022</span></div>")
    assert published(shows_update) == "2022-01-12"
    shows_both = page(
        head,
        "<h1>Bridge repairs</h1><div><span>29.11.2021</span></div>"
        "<div><span>Aktualisiert: 12.01.2022</span></div>",
    )
    assert published(shows_both) == "2021-11-29"


def test_meta_and_json_ld_disagreeing_the_printed_one_wins() -> None:
    head = (
        "<title>Bridge repairs</title>"
        "<meta itemprop='datePublished' content='2023-12-30'>"
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle", '
        '"headline": "Bridge repairs", "datePublished": "2023-12-31T21:21:53+00:00"}</script>'
    )
    html = page(head, "<h1>Bridge repairs</h1><p>By Jane Doe</p><div>December 31, 2023</div>")
    assert published(html) == "2023-12-31"
    unprinted = page(head, "<h1>Bridge repairs</h1>")
    assert published(unprinted) == "2023-12-30"  # nothing printed: the meta tag as before


# --- labelled dates and datelines --------------------------------------------------------------


def test_date_labelled_in_its_own_box_far_from_the_headline() -> None:
    html = page(
        f"<title>Bridge repairs</title>{BUILT}",
        "<h1>Bridge repairs</h1>",
        after=f"{SHARE}<div class='info'><span class='label'>Datum</span>"
        "<span class='value'>25.01.2022</span></div>",
    )
    assert published(html) == "2022-01-25"


def test_labelled_date_at_the_foot_of_the_page() -> None:
    html = page(
        f"<title>Bridge repairs</title>{BUILT}",
        "<h1>Bridge repairs</h1>",
        after=f"{SHARE}<footer><p>Veröffentlicht am 16.08.2019<br>Dauer: 1 Stunde</p></footer>",
    )
    assert published(html) == "2019-08-16"


def test_labelled_date_in_a_comment_is_not_the_article_date() -> None:
    comment = "<div class='comments'><p>Posted on 3 May 2020</p><p>Nice one.</p></div>"
    assert labelled_date(parse(page("", "<h1>Bridge repairs</h1>", after=comment)), True) is None
    footer = "<footer><p>Posted on 4 May 2020</p></footer>"
    assert labelled_date(parse(page("", "<h1>Bridge repairs</h1>", after=footer)), True) == (
        "2020-05-04"
    )


def test_paragraph_opening_with_a_date_under_the_headline_is_a_dateline() -> None:
    html = page(
        "<title>Bridge repairs</title>",
        f"<h1>Bridge repairs</h1><p>29.11.2022 \u2013 {STORY}</p>",
    )
    assert published(html) == "2022-11-29"


def test_leading_date_only_where_the_text_opens_with_it() -> None:
    assert leading_date("(21. November 2022) Energieverbraucher erhalten ...") == "2022-11-21"
    assert leading_date("\u201e27.1.2022 - Bei der Erinnerung an ...") == "2022-01-27"
    assert leading_date("Am 8. November 2021 findet der Fachtag statt") is None


def test_two_digit_year_run_into_a_time_is_no_date() -> None:
    # "<span>28.09.19</span><span>12:44</span>" reads as "28.09.1912:44": not the year 1912.
    assert find_date("28.09.1912:44") is None
    assert find_date("28.09.2019 12:44") == "2019-09-28T12:44:00"


# --- Korean site suffix ------------------------------------------------------------------------


def test_korean_letter_bar_and_the_section_before_it_are_cut_from_the_title() -> None:
    title = "장동혁, 한동훈 제명했지만 부담 커졌다-정치\u3163한국일보"
    assert strip_site_name(title, "한국일보") == "장동혁, 한동훈 제명했지만 부담 커졌다"
    assert strip_site_name("제명 이후의 정치 지형 \u3163 한국일보", None) == (
        "제명 이후의 정치 지형"
    )


# --- dates the page gives in other places ------------------------------------------------------


def test_press_release_opening_names_its_date_after_vom() -> None:
    assert leading_date("Pressemitteilung vom 25. Januar 2022 | Berlin \u2013 Die ...") == (
        "2022-01-25"
    )
    assert leading_date("Communiqué du 3 mai 2021 \u2013 Le conseil ...") == "2021-05-03"
    html = page(
        "<title>Bridge repairs</title>",
        f"<h1>Bridge repairs</h1><p>Meldung vom 25. Januar 2022 | Bonn \u2013 {STORY}</p>",
    )
    assert published(html) == "2022-01-25"


def test_bare_meta_date_printed_by_the_headline_beats_a_date_box_further_up() -> None:
    html = page(
        "<title>Bridge repairs</title><meta name='date' content='2017-05-01T17:05:00+0200'>",
        "<span class='today-date'>Mittwoch, 26.02.2020</span>"
        "<nav>" + "".join(f"<a href='/s{k}'>Section {k}</a>" for k in range(4)) + "</nav>"
        f"<h1>Bridge repairs</h1>{SHARE}<div><span>Home</span><span>01.05.2017</span></div>",
    )
    assert published(html) == "2017-05-01"


def test_date_in_the_page_title_when_the_page_prints_none() -> None:
    html = page("<title>08.11.2021 | Online-Fachtag zur Brücke</title>", "<h1>Online-Fachtag</h1>")
    assert published(html) == "2021-11-08"


def test_date_in_the_description_as_the_last_resort() -> None:
    html = page(
        "<title>Bridge repairs</title>"
        "<meta name='description' content='LAVORI AL PONTE (Notizia del 14 Gennaio 2020)'>",
        "<h1>Bridge repairs</h1>",
    )
    assert published(html) == "2020-01-14"


def test_letzte_aenderung_labels_a_date() -> None:
    footer = "<div><label>Letzte Änderung:</label><div>14.01.2022 um 09:25</div></div>"
    assert labelled_date(parse(page("", "<h1>Brücke</h1>", after=footer)), True) == (
        "2022-01-14T09:25:00"
    )


def test_a_comment_date_box_is_not_the_article_date() -> None:
    comments = (
        "<div class='comment-list'><p>Nice one.</p>"
        "<span class='comment-date'>02.12.2022, 15:57</span></div>"
    )
    html = page(
        "<title>Bridge repairs</title>",
        f"<h1>Bridge repairs</h1>{SHARE}<p>29.11.2022 \u2013 {STORY}</p>",
        after=comments,
    )
    assert published(html) == "2022-11-29"


def test_a_year_run_into_the_next_word_still_ends_the_date() -> None:
    # "<time>Freitag, 15. April 2016</time><time>Samstag, 4. März 2017</time>" read as one line.
    assert find_date("Posted on Freitag, 15. April 2016Samstag, 4. März 2017") == "2016-04-15"
    assert find_date("April 15, 2016Updated") == "2016-04-15"


def test_day_first_date_as_a_segment_of_the_address() -> None:
    assert date_in_url("https://example.org/media-news/meldungen/29-10-2021") == "2021-10-29"
    assert date_in_url("https://example.org/2014/05/18/slug") == "2014-05-18"
    assert date_in_url("https://example.org/item/31-02-2021") is None
    assert date_in_url("https://example.org/item/12-345-2021") is None


def test_a_submitted_box_is_a_date_box() -> None:
    """CMS themes print "Submitted by X on <date>" / "Gespeichert von X am <date>" in a box
    named "submitted": it is searched for the date like any box named for one."""
    assert hints.value_roles("submitted") & hints.DATE
    assert hints.value_roles("node-submitted meta") & hints.DATE
    assert not hints.value_roles("submit-button") & hints.DATE


def test_a_page_without_a_headline_takes_the_date_printed_at_the_article_start() -> None:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    html = (
        "<html lang='de'><head><title>Rat tagt</title></head><body>"
        f"<div class='menu'>{SHARE}</div>"
        f"<div class='inhalt'><p>Rat tagt · 14. März 2022</p>{paragraphs}</div>"
        "</body></html>"
    )
    assert published(html) == "2022-03-14"
