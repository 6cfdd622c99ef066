"""Bylines run together with their dates, bylines in more languages, the small print above an
article, and the local day of a date declared in UTC (small pages written for these tests)."""

from __future__ import annotations

import pytest

from reader import extract
from reader.extract.dates import find_date
from reader.extract.names import split_authors

STORY = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)


def page(head: str, top: str, *, first: str = "", last: str = "", lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return (
        f"<html lang='{lang}'><head>{head}</head><body>{top}"
        f"<article>{first}{paragraphs}{last}</article></body></html>"
    )


# --- names out of a byline ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Por Marta Gil 03/07/2024 - 12:45", ["Marta Gil"]),
        ("Von Jonas Weber 08.02.2024, 06:30 Uhr 3 Min. Lesezeit", ["Jonas Weber"]),
        ("Par Claire Dumas Publié le 21 mars 2024 à 10h05", ["Claire Dumas"]),
        ("Cory SpondentPublished 12 Dec 2023", ["Cory Spondent"]),
        ("Posted by jdoe on May 5, 2024", ["jdoe"]),
        ("Words and photographs by Ben Okoro", ["Ben Okoro"]),
        ("Av Karin Lindqvist", ["Karin Lindqvist"]),
        ("作者\uff1a陈静", ["陈静"]),
        ("文・佐藤由紀", ["佐藤由紀"]),
    ],
)
def test_names_come_out_of_bylines_without_their_dates_and_labels(
    byline: str, names: list[str]
) -> None:
    assert split_authors(byline) == names


def test_a_number_that_is_no_date_does_not_cut_a_byline_short() -> None:
    html = page("", "", first="<p>Von Berlin 3 Stunden entfernt</p>", lang="de")
    article = extract(html)
    assert article.authors == ()
    assert article.text.startswith("Von Berlin 3 Stunden entfernt")


# --- credit lines at the edges of the body ------------------------------------------------------


def test_byline_after_a_standfirst_is_taken_and_leaves_the_body() -> None:
    html = page(
        "",
        "",
        first=(
            "<p class='chapo'>Perceuses, scies et ponceuses : trois médiathèques prêtent "
            "désormais des outils à leurs abonnés, et le succès surprend tout le monde.</p>"
            "<p><span>Par Claire Dumas</span> <span>Publié le 21 mars 2024 à 10h05</span></p>"
        ),
        lang="fr",
    )
    article = extract(html)
    assert article.authors == ("Claire Dumas",)
    assert "Publié le" not in article.text


def test_credit_and_reading_time_lines_under_a_kicker_leave_the_body() -> None:
    html = page(
        "",
        "",
        first=(
            "<p>Coastal walks</p><p>Words and photographs by Ben Okoro</p>"
            "<p><time datetime='2023-12-09'>9 December 2023</time> · 6 min read</p>"
        ),
    )
    article = extract(html)
    assert article.authors == ("Ben Okoro",)
    assert "Words and photographs" not in article.text
    assert "min read" not in article.text


def test_byline_in_the_small_print_line_is_the_author() -> None:
    html = page("", "", first="<p>Feb 26, 2024 • Dana Whitfield • 9 min read</p>")
    article = extract(html)
    assert article.authors == ("Dana Whitfield",)
    assert "min read" not in article.text


def test_editor_in_charge_line_at_the_foot_leaves_the_body_and_is_no_author() -> None:
    story = "".join(
        f"<p>{'市图书馆将周一至周五的闭馆时间由晚上八点延长至十点。' * 4}</p>" for _ in range(4)
    )
    html = (
        "<html lang='zh'><head></head><body><article><h1>市图书馆延长开放时间</h1>"
        f"{story}<p>\uff08责任编辑\uff1a刘洋\uff09</p></article></body></html>"
    )
    article = extract(html)
    assert "责任编辑" not in article.text
    assert "刘洋" not in article.authors


# --- author boxes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("box", "lang", "name"),
    [
        (
            "<span class='autor'>Von <a href='/autoren/jw'>Jonas Weber</a></span>",
            "de",
            "Jonas Weber",
        ),
        ("<div class='firma'>Por Marta Gil</div>", "es", "Marta Gil"),
        ("<span class='author'>作者\uff1a陈静</span>", "zh", "陈静"),
    ],
)
def test_author_boxes_named_in_other_languages_give_the_author(
    box: str, lang: str, name: str
) -> None:
    html = page("", f"<header><h1>Bridge repairs</h1>{box}</header>", lang=lang)
    assert extract(html).authors == (name,)


def test_commenters_in_a_spanish_comment_box_are_no_authors() -> None:
    html = page(
        "",
        "",
        lang="es",
    ).replace(
        "</article>",
        "</article><div class='comentarios'><div class='comentario'>"
        "<div class='autor_comentario'>Pepe Ruiz</div><div>Ya era hora.</div></div></div>",
    )
    assert "Pepe Ruiz" not in extract(html).authors


def test_the_person_in_a_byline_replaces_the_site_named_as_author() -> None:
    html = page(
        "<meta name='author' content='mdr.de'><meta property='og:site_name' content='MDR.DE'>",
        "<h1>Bridge repairs</h1><p class='author'>von David Straub, MDR THÜRINGEN</p>",
        lang="de",
    )
    assert extract(html, "https://www.mdr.de/nachrichten/a-100.html").authors == ("David Straub",)


# --- dates -------------------------------------------------------------------------------------


def test_twelve_hour_clock_times_are_read() -> None:
    assert find_date("November 8, 2023 at 11:30 p.m.") == "2023-11-08T23:30:00"
    assert find_date("February 24, 2020 | 9:25pm") == "2020-02-24T21:25:00"
    assert find_date("May 5, 2024, 12:05 AM") == "2024-05-05T00:05:00"


def test_a_utc_time_gives_way_to_the_local_time_the_page_prints() -> None:
    html = page(
        "<meta property='article:published_time' content='2022-05-04T02:41:00+00:00'>",
        "<h1>Bridge repairs</h1><span>3/5/2022 22:41</span>",
        lang="es",
    )
    assert extract(html).published == "2022-05-03T22:41:00"


def test_a_late_utc_time_gives_way_to_the_next_day_printed_by_the_headline() -> None:
    html = page(
        "<meta property='article:published_time' content='2021-11-04T23:00:00+00:00'>",
        "<h1>Bridge repairs</h1><span class='date'>5. November 2021</span>",
        lang="de",
    )
    assert extract(html).published == "2021-11-05"


def test_a_printed_day_that_the_utc_hour_cannot_explain_is_not_taken() -> None:
    html = page(
        "<meta property='article:published_time' content='2025-06-28T14:03:53+00:00'>",
        "<h1>Bridge repairs</h1><span class='date'>29.06.2025</span>",
        lang="de",
    )
    assert extract(html).published == "2025-06-28T14:03:53+00:00"


def test_a_printed_time_of_the_same_moment_keeps_the_declared_day() -> None:
    html = page(
        "<meta property='article:published_time' content='2023-12-22T17:16:03.602Z'>",
        "<h1>Bridge repairs</h1><div class='date'>Updated Dec. 23, 2023 4:04AM EST</div>"
        "<div class='date'>Published Dec. 22, 2023 12:16PM EST</div>",
    )
    assert extract(html).published == "2023-12-22T17:16:03+00:00"


def test_a_date_printed_under_the_headline_beats_a_bare_meta_date() -> None:
    html = page(
        "<meta name='date' content='2023-01-11T12:43:42'>",
        "<h1>Bridge repairs</h1><p>Erstellt am: 01.11.2023</p>",
        lang="de",
    )
    assert extract(html).published == "2023-11-01"


def test_a_modification_date_is_only_the_last_resort() -> None:
    html = page(
        "<meta property='article:modified_time' content='2024-03-02T10:00:00+01:00'>",
        "<h1>Bridge repairs</h1><span class='posted-on'>14.02.2024</span>",
        lang="de",
    )
    assert extract(html).published == "2024-02-14"
