"""Rules found on the readability set, each on a small page written for it."""

from __future__ import annotations

from reader import extract
from reader.extract.names import split_authors

ENGLISH = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)


def article_page(inner: str) -> str:
    return f"<html lang='en'><body><article class='story'>{inner}</article></body></html>"


# --- MathML -----------------------------------------------------------------------------------


def test_mathml_formulas_are_read_as_their_tokens() -> None:
    inline = "<math><mi>a</mi><mo>≠</mo><mn>0</mn></math>"
    display = (
        "<math display='block'><mi>x</mi><mo>=</mo><mfrac><mrow><mo>\u2212</mo><mi>b</mi></mrow>"
        "<mrow><mn>2</mn><mi>a</mi></mrow></mfrac>"
        "<semantics><annotation encoding='application/x-tex'>\\frac{-b}{2a}</annotation>"
        "</semantics></math>"
    )
    html = article_page(
        f"<p>{ENGLISH}</p><p>When {inline}, there is one solution:</p>{display}<p>{ENGLISH}</p>"
    )
    text = extract(html).text
    assert "When a ≠ 0, there is one solution:" in text
    assert "\nx = \u2212 b 2 a\n" in text  # a display formula is a line of its own
    assert "frac" not in text  # the TeX twin in <annotation> is not read


# --- teaser streams ---------------------------------------------------------------------------


def test_a_stream_of_linked_headlines_under_a_boilerplate_heading_is_dropped() -> None:
    # Each teaser's blurb is long, so the stream holds few links and more text than the story.
    blurb = (
        "The mayor said on Monday that the works would start in spring, once the last permits "
        "have been signed, and that the road would stay open to buses during the whole time."
    )
    teasers = "".join(
        f"<li><h3><a href='/story/{n}'>Another story number {n} of the day</a></h3>"
        f"<p>{blurb}</p><span>Local News</span></li>"
        for n in range(8)
    )
    html = (
        "<html lang='en'><body><div class='page'>"
        f"<article class='story'><p>{ENGLISH}</p><p>{ENGLISH}</p></article>"
        f"<div class='remote'><h2>Recommended for You</h2><ul>{teasers}</ul></div>"
        "</div></body></html>"
    )
    text = extract(html).text
    assert text == f"{ENGLISH}\n\n{ENGLISH}"


def test_a_section_of_the_article_under_a_heading_that_looks_like_boilerplate_stays() -> None:
    # Subheadings without links: an article section, not a teaser stream.
    parts = "".join(f"<h3>Part {n} of the answer</h3><p>{ENGLISH}</p>" for n in range(4))
    html = article_page(f"<p>{ENGLISH}</p><div><h2>Related topics</h2>{parts}</div>")
    assert "Part 3 of the answer" in extract(html).text


# --- metadata ---------------------------------------------------------------------------------


def test_json_ld_wrapped_in_cdata_or_a_comment_is_read() -> None:
    for opening, closing in (("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"), ("<!--", "-->")):
        html = (
            "<html lang='en'><head><script type='application/ld+json'>"
            f'{opening}\n{{"@type": "NewsArticle", "headline": "Bridge repairs", '
            '"author": [{"@type": "Person", "name": "Clara Webb"}], '
            f'"datePublished": "2024-03-05T08:00:00Z"}}\n{closing}'
            f"</script></head><body><article class='story'><p>{ENGLISH}</p></article>"
            "</body></html>"
        )
        article = extract(html)
        assert article.authors == ("Clara Webb",), opening
        assert (article.published or "").startswith("2024-03-05"), opening


def test_an_update_day_printed_only_in_the_page_footer_does_not_replace_the_published_day() -> None:
    head = (
        "<meta property='article:published_time' content='2003-02-28T21:51:08Z'>"
        "<meta property='article:modified_time' content='2020-02-24T20:33:46Z'>"
    )
    footer = "<ul><li>This page was last edited on 24 February 2020, at 20:33.</li></ul>"
    boxes = (f"<div id='footer' role='contentinfo'>{footer}</div>", f"<footer>{footer}</footer>")
    for box in boxes:
        html = (
            f"<html lang='en'><head>{head}</head><body><article class='story'>"
            f"<h1>Bridge repairs</h1><p>{ENGLISH}</p></article>{box}</body></html>"
        )
        assert (extract(html).published or "").startswith("2003-02-28"), box
    # Printed with the article, the update day is the one readers see.
    html = (
        f"<html lang='en'><head>{head}</head><body><article class='story'>"
        f"<h1>Bridge repairs</h1><p>Updated 24 February 2020</p><p>{ENGLISH}</p></article>"
        "</body></html>"
    )
    assert (extract(html).published or "").startswith("2020-02-24")


def test_a_reference_read_on_the_update_day_does_not_make_it_the_published_day() -> None:
    head = (
        "<meta property='article:published_time' content='2001-10-29T01:59:14Z'>"
        "<meta property='article:modified_time' content='2019-09-26T11:35:37Z'>"
    )
    for stamp in ("Retrieved 26 September 2019.", "Abgerufen am 26. September 2019."):
        references = f"<h2>References</h2><ol><li><cite>Bridge survey.</cite> {stamp}</li></ol>"
        html = (
            f"<html lang='en'><head>{head}</head><body><article class='story'>"
            f"<h1>Bridge repairs</h1><p>{ENGLISH}</p>{references}</article></body></html>"
        )
        assert (extract(html).published or "").startswith("2001-10-29"), stamp


def test_an_author_box_gives_the_name_on_its_first_line_not_the_role_under_it() -> None:
    html = (
        "<html lang='en'><body><article class='story'><h1>Bridge repairs</h1>"
        "<div class='author'><a href='/author/ben-stone'>Ben Stone</a>"
        "<div class='author-title'>Games Editor</div></div>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>"
    )
    assert extract(html).authors == ("Ben Stone",)


def test_a_bracketed_part_between_the_words_of_a_name_stays_a_trailing_note_goes() -> None:
    assert split_authors("Bruno (Henrique Zecchin) Rodrigues") == [
        "Bruno (Henrique Zecchin) Rodrigues"
    ]
    assert split_authors("Elena Oberholzer (obe)") == ["Elena Oberholzer"]
    assert split_authors("Jane Doe (Reuters) and John Roe") == ["Jane Doe", "John Roe"]


def test_a_last_updated_stamp_in_an_author_box_names_nobody() -> None:
    assert split_authors("Last Updated: January 7, 2025") == []


def test_og_article_author_names_the_author() -> None:
    html = (
        "<html lang='en'><head><meta property='og:article:author' content='Clara Webb'>"
        f"</head><body><article class='story'><p>{ENGLISH}</p></article></body></html>"
    )
    assert extract(html).authors == ("Clara Webb",)
