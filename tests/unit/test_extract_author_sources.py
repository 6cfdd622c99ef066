"""Which declared author gives way to the page's byline, and names cleaned of what is glued to
them: an organisation, the site or a user name declared where the page names a person; a
first name declared where a credit gives the full name; structured data naming one author where
a meta tag names all; microdata of cited works; roles before a name, date labels and mail
addresses (small pages written for these tests)."""

from __future__ import annotations

import pytest

from reader import extract
from reader.extract.names import handle_of, looks_organisational, split_authors

STORY = (
    "Der Gemeinderat hat am Dienstagabend über die Reparatur der alten Brücke, den neuen "
    "Busfahrplan und das Sommerfest beraten, das im Juli auf der Wiese am Fluss stattfinden soll."
)


def page(head: str, top: str = "", *, first: str = "", last: str = "") -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return (
        f"<html lang='de'><head><title>Die Brücke</title>{head}</head><body>"
        f"<h1>Die Brücke wird repariert</h1>{top}"
        f"<article>{first}{paragraphs}{last}</article>"
        "<footer><p>Kontakt und Impressum</p></footer></body></html>"
    )


def authors(html: str) -> tuple[str, ...]:
    return extract(html, "https://www.example.org/news/bruecke").authors


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Rechtsanwalt Sebastian Berger", ["Sebastian Berger"]),
        ("Online-Experte Robin Weber", ["Robin Weber"]),
        ("Reporter Jane Doe", ["Jane Doe"]),
        ("Publiziert am", []),
        ("Published", []),
        ("jdoe[at]example.net", []),
        ("jdoe (at) example.net", []),
    ],
)
def test_roles_date_labels_and_mail_addresses_are_no_names(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


def test_a_role_word_alone_stays_a_name_part() -> None:
    assert split_authors("Experte Klaus") == ["Experte Klaus"]  # no full name after the role


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hanns-Beispiel-Stiftung e.V.", True),
        ("Bayerische Landesanstalt für Wald", True),
        ("Acme GmbH", True),
        ("Musterverband", True),
        ("Jane Doe", False),
        ("Anna von Berg", False),
    ],
)
def test_looks_organisational(name: str, expected: bool) -> None:
    assert looks_organisational(name) is expected


@pytest.mark.parametrize(
    ("handle", "name", "expected"),
    [
        ("arianberger", "Arian Berger", True),
        ("edilson.la.rosa", "Edilson La Rosa", True),
        ("christian.weber", "Christian P. Weber", True),
        ("jdoe", "Jane Doe", False),
        ("Jane Doe", "Jane Doe", False),  # a name, no user name
    ],
)
def test_handle_of(handle: str, name: str, expected: bool) -> None:
    assert handle_of(handle, name) is expected


# --- declared authors that give way --------------------------------------------------------------


def test_an_organisation_declared_gives_way_to_the_person_in_the_author_box() -> None:
    html = page(
        '<meta name="author" content="Beispiel-Stiftung e.V.">',
        '<p class="author">Jane Doe</p>',
    )
    assert authors(html) == ("Jane Doe",)


def test_an_organisation_declared_gives_way_to_a_labelled_credit_in_the_page() -> None:
    html = page(
        '<meta name="author" content="Musterverband e.V.">',
        last='<div class="info"><span>Autor: Jane Doe, Datum: 03.05.2021</span></div>',
    )
    assert authors(html) == ("Jane Doe",)


def test_an_organisation_declared_stays_when_the_page_names_no_person() -> None:
    html = page('<meta name="author" content="Musterverband e.V.">')
    assert authors(html) == ("Musterverband e.V",)


def test_a_user_name_gives_way_to_the_name_it_stands_for() -> None:
    html = page(
        '<meta name="author" content="jane.doe">',
        '<div class="byline">Von <a href="/autor/jane-doe">Jane Doe</a></div>',
    )
    assert authors(html) == ("Jane Doe",)


def test_a_user_name_stays_beside_someone_else_named_on_the_page() -> None:
    html = page(
        '<meta name="author" content="kochfan">',
        '<div class="byline">Rezept von <a href="/autor/anna-berg">Anna Berg</a></div>',
    )
    assert authors(html) == ("kochfan",)


def test_an_organisation_declared_gives_way_to_a_credit_opening_the_body() -> None:
    html = page('<meta name="author" content="Musterverband e.V.">', first="<p>Von Jane Doe</p>")
    article = extract(html, "https://www.example.org/news/bruecke")
    assert article.authors == ("Jane Doe",)
    assert "Von Jane Doe" not in article.text


def test_a_first_name_declared_gives_way_to_the_full_name_in_a_credit() -> None:
    html = page(
        '<meta name="author" content="Nils">',
        first="<p><strong>Eine Kolumne von Nils Berger</strong></p>",
    )
    assert authors(html) == ("Nils Berger",)


def test_a_byline_heading_opening_the_body_is_a_credit() -> None:
    html = page("", first="<h5><em>Von Leonie Holm</em></h5>")
    article = extract(html, "https://www.example.org/news/bruecke")
    assert article.authors == ("Leonie Holm",)
    assert "Leonie Holm" not in article.text


def test_a_blog_post_credit_opening_the_body() -> None:
    html = page("", first="<p>Blog Beitrag von Margit Kern</p>")
    assert authors(html) == ("Margit Kern",)


def test_a_created_by_credit_with_a_user_name_and_a_date() -> None:
    html = page("", last='<div class="meta">Erstellt von rasos am 24. Juli 2017 - 18:55</div>')
    assert authors(html) == ("rasos",)


def test_a_date_label_in_an_author_box_is_skipped_for_the_name_after_it() -> None:
    html = page(
        "",
        '<div class="entry-meta"><span class="meta-prep-author">Publiziert am</span> '
        '<span class="author vcard"><a href="/author/admin/">uriebe</a></span></div>',
    )
    assert authors(html) == ("uriebe",)


# --- several declarations -----------------------------------------------------------------------


def test_a_meta_tag_naming_more_authors_than_the_structured_data_wins() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Die Brücke", "author": {"name": "Jane Doe"}}'
    html = page(
        f'<script type="application/ld+json">{ld}</script>'
        '<meta property="author" content="Jane Doe,John Roe">'
    )
    assert authors(html) == ("Jane Doe", "John Roe")


def test_a_meta_tag_naming_someone_else_does_not_add_to_the_structured_data() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Die Brücke", "author": {"name": "Jane Doe"}}'
    html = page(
        f'<script type="application/ld+json">{ld}</script>'
        '<meta property="author" content="John Roe">'
    )
    assert authors(html) == ("Jane Doe",)


def test_microdata_of_a_cited_work_ranks_after_the_head_meta_tags() -> None:
    cited = (
        '<ol class="references"><li itemscope itemtype="https://schema.org/ScholarlyArticle">'
        '<meta itemprop="author" content="NH. Shear, SP. Spielberg, ">Shear NH. A study.</li></ol>'
    )
    html = page('<meta name="dc.creator" content="Marwan H. Adwan">', last=cited)
    assert authors(html) == ("Marwan H. Adwan",)


def test_a_site_name_part_declared_gives_way_to_the_author_link() -> None:
    html = page(
        '<meta property="og:site_name" content="Achtsam durch die Krise | Die WOCHE">'
        '<meta name="author" content="Die WOCHE">',
        '<a href="/autor/ursula-bauer" rel="author"><h2>Ursula Bauer</h2></a>',
    )
    assert authors(html) == ("Ursula Bauer",)


def test_the_host_name_without_its_dot_is_the_site() -> None:
    html = page(
        '<meta name="author" content="Interscenario">',
        '<span class="author">Autor: Gàbor Muniér</span>',
    )
    assert extract(html, "https://www.interscenar.io/politik/text").authors == ("Gàbor Muniér",)


def test_a_user_name_spelled_without_accents() -> None:
    assert handle_of("gabor_munier", "Gàbor Muniér")


# --- more credits --------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Verfasst von", "Written by", "Escrito por"])
def test_a_preview_cards_written_by_pair_names_the_author(label: str) -> None:
    html = page(
        '<meta name="twitter:label1" content="Lesedauer">'
        '<meta name="twitter:data1" content="3 Minuten">'
        f'<meta name="twitter:label2" content="{label}">'
        '<meta name="twitter:data2" content="Karla Hering">'
    )
    assert authors(html) == ("Karla Hering",)


def test_a_preview_cards_other_labels_name_no_author() -> None:
    html = page(
        '<meta name="twitter:label1" content="Est. reading time">'
        '<meta name="twitter:data1" content="Nine Minutes">'
    )
    assert authors(html) == ()


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Autorin: Karla Hering, Projektleiterin der Stiftung in Tunis", ["Karla Hering"]),
        ("By Jane Doe, professor of history", ["Jane Doe"]),
        ("Von Karla Hering, dpa", ["Karla Hering", "dpa"]),  # an agency is credited too
        ("Maria dos Santos, Karla Hering", ["Maria dos Santos", "Karla Hering"]),
    ],
)
def test_a_role_after_the_name_is_no_second_author(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names
