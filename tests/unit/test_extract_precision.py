"""What a reader keeps out of an article's text: pieces of the page that sit inside the
article's box but are not the article (the next story, disclosures, player cards), each on a
small page of ours."""

from __future__ import annotations

import json

from reader import extract
from reader.extract import hints
from reader.extract.captions import is_credit_line, strip_credits
from reader.model import Run

STORY = """
<p>The council voted on Tuesday to reopen the old ferry crossing, closed since the storm of
the winter before last, after a survey found the pier sound enough for light traffic.</p>
<p>Engineers will spend the spring replacing the landing stage, and the first crossings are
planned for the start of the summer season, weather permitting, the council said.</p>
<p>Residents of the island, who have relied on a detour of nearly forty minutes by road, had
campaigned for the reopening, collecting more than three thousand signatures last year.</p>
"""

NEXT_STORY = """
<p>A bakery on the market square has won the regional prize for its rye bread, the third
time in ten years that the family business has taken the title, the judges announced.</p>
<p>The owners said they would keep the recipe unchanged, as their grandfather wrote it down,
and thanked the farmers of the valley who grow and mill the grain for them every year.</p>
<p>The prize comes with a stand at the autumn fair in the capital, where the bakery plans to
sell its bread for the first time to customers from outside the valley, they said.</p>
"""


def page(body: str, title: str = "Ferry crossing to reopen") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def two_stories(title: str) -> str:
    return page(
        "<main>"
        f"<article><h1>Ferry crossing to reopen</h1>{STORY}</article>"
        f"<article><h1>Bakery wins bread prize again</h1>{NEXT_STORY}</article>"
        "</main>",
        title,
    )


def test_the_next_story_loaded_under_the_article_is_left_out() -> None:
    text = extract(two_stories("Ferry crossing to reopen | Island News")).text
    assert "landing stage" in text
    assert "Residents of the island" in text
    assert "bakery" not in text.lower()
    assert "rye bread" not in text


def test_the_story_the_title_names_is_kept_even_when_it_comes_second() -> None:
    text = extract(two_stories("Bakery wins bread prize again - Island News")).text
    assert "rye bread" in text
    assert "ferry" not in text.lower()


def test_stories_are_all_kept_when_the_title_names_none_of_them() -> None:
    text = extract(two_stories("Island News")).text
    assert "landing stage" in text
    assert "rye bread" in text


def test_an_article_inside_the_article_is_part_of_it() -> None:
    html = page(
        "<main><article><h1>Ferry crossing to reopen</h1>"
        f"{STORY}<article><h1>Ferry crossing to reopen</h1>{NEXT_STORY}</article>"
        "</article></main>",
        "Ferry crossing to reopen",
    )
    text = extract(html).text
    assert "landing stage" in text
    assert "rye bread" in text


def article_with(*extra: str) -> str:
    return page(f"<article><h1>Ferry crossing to reopen</h1>{STORY}{''.join(extra)}</article>")


def test_affiliate_disclosures_are_dropped() -> None:
    text = extract(
        article_with(
            "<p>If you purchase a product or register for an account through a link on our "
            "site, we may receive compensation. By using this site, you consent to our User "
            "Agreement and agree that your clicks, interactions, and personal information may "
            "be collected, recorded, and stored by us and social media and other third-party "
            "partners in accordance with our Privacy Policy.</p>",
            "<p>Die mit einem Symbol gekennzeichneten Links sind Affiliate-Links. Kommt darüber "
            "ein Einkauf zustande, erhalten wir eine Provision.</p>",
            "<blockquote><p>If you buy something using links in our stories, we may earn a "
            "commission.</p></blockquote>",
        )
    ).text
    assert "compensation" not in text
    assert "Affiliate" not in text
    assert "commission" not in text
    assert text.endswith("three thousand signatures last year.")


def test_calls_to_click_and_follow_are_dropped() -> None:
    text = extract(
        article_with(
            '<p><a href="/doc.pdf">Click here to read the survey in full.</a></p>',
            "<p>GET THE ISLAND NEWS APP ON THE GO BY CLICKING HERE</p>",
            "<p>Follow Island News on Google News and add us as a preferred source.</p>",
            "<p>Sie können sich jederzeit wieder abmelden, wenn Sie das möchten.</p>",
        )
    ).text
    assert "Click" not in text
    assert "CLICKING" not in text
    assert "Google News" not in text
    assert "abmelden" not in text
    assert text.endswith("three thousand signatures last year.")


def test_sentences_that_only_mention_clicks_or_links_stay() -> None:
    kept = [
        "Click here for the second half of this story.",
        "Users who click on the map see the old crossing.",
        "The ferry links the island to the mainland, and we may add a second boat.",
    ]
    for line in kept:
        assert not hints.is_promo_line(line), line


def test_a_players_card_is_dropped_but_a_time_in_a_sentence_stays() -> None:
    html = article_with(
        "<p>Ferry crossing to reopen | Island TV</p>",
        "<p>02:57 Min.. Verfügbar bis 06.05.2024.</p>",
        "<p>The mayor on the vote, in an interview. 18.04.2024 | 0:21 min</p>",
        "<p>The fastest crossing took 12:30 min in the trials.</p>",
    )
    text = extract(html).text
    assert "Verfügbar" not in text
    assert "0:21 min" not in text
    assert "The fastest crossing took 12:30 min in the trials." in text
    assert not hints.is_media_card("Er lief die Strecke in 3:45 min.")
    assert hints.is_media_card("01:48 min")


def streamed_page(markup: str) -> str:
    """A page whose article exists only in its component stream (React Server Components):
    the markup is a text row `<id>:T<hex length>,<text>`, split over two pushes."""
    row = f"24:T{len(markup.encode()):x},{markup}"
    middle = len(row) // 2
    pushes = "".join(
        "<script>self.__next_f.push([1,"
        + json.dumps(piece).replace("<", "\\u003c").replace(">", "\\u003e")
        + "])</script>"
        for piece in ('1:I[4959,[],"Layout"]\n', row[:middle], row[middle:])
    )
    return (
        "<html><head><title>Ferry crossing to reopen</title></head><body>"
        f'<div id="root"></div>{pushes}</body></html>'
    )


def test_an_article_only_in_the_pages_component_stream_is_read() -> None:
    markup = (
        STORY.replace("\n", " ")
        + "<p>$$ARTICLEAD$$</p><p>Tickets go on sale in May, the council said.</p>"
    )
    article = extract(streamed_page(markup), "https://island.example/ferry")
    assert article.text.startswith("The council voted on Tuesday")
    assert article.text.endswith("Tickets go on sale in May, the council said.")
    assert "ARTICLEAD" not in article.text
    assert article.title == "Ferry crossing to reopen"


def test_a_stream_without_paragraphs_leaves_an_empty_page_empty() -> None:
    article = extract(streamed_page("<div>Loading…</div>"), "https://island.example/ferry")
    assert article.text == ""
    assert article.reason


def test_the_description_shown_as_standfirst_counts_as_page_text_despite_punctuation() -> None:
    html = (
        "<html><head><title>Ferry crossing to reopen</title>"
        '<meta name="description" content="The pier is sound enough for light traffic '
        'the survey found - Island News"></head><body>'
        "<h1>Ferry crossing to reopen</h1>"
        "<h4>The pier is sound enough for light traffic, the survey found.</h4>"
        f"<article>{STORY}</article></body></html>"
    )
    article = extract(html, "https://island.example/ferry")
    assert article.lead == "The pier is sound enough for light traffic the survey found"
    assert article.metadata.get("lead_source") == "page"


def test_a_paragraph_that_is_only_photographer_and_agency_is_dropped() -> None:
    html = article_with(
        '<figure><img src="/a.jpg" alt=""><figcaption>The pier at low tide. '
        "David M. Benett/Getty Images</figcaption></figure>",
        "<p>Joe Raedle/Getty Images</p>",
        "<p>(Valerie Macon / AFP / Getty Images)</p>",
        "<p>(AP Photo/Carolyn Kaster)</p>",
    )
    texts = [block.text for block in extract(html).blocks]
    assert "The pier at low tide. David M. Benett/Getty Images" in texts  # captions keep it
    assert not any("Getty" in text for text in texts if "pier" not in text)
    assert not any("Kaster" in text for text in texts)


def test_an_agency_named_in_a_sentence_is_no_credit() -> None:
    for line in (
        "Reuters reported on Monday that the talks had failed.",
        "The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters",
        "A view of the AP building. Shot with a wide lens.",
    ):
        assert strip_credits((Run(line),)) == (Run(line),), line
        assert not is_credit_line(line), line


def test_the_key_points_box_before_the_article_text_is_kept() -> None:
    html = page(
        "<main><h1>Ferry crossing to reopen</h1>"
        '<div class="article-key-points"><h2>Key Points</h2><ul>'
        "<li>The old ferry crossing reopens for the summer season.</li>"
        "<li>A survey found the pier sound enough for light traffic.</li>"
        "<li>Islanders had collected three thousand signatures.</li></ul></div>"
        f'<div class="article-body">{STORY}</div>'
        '<div class="sidebar-summary"><ul><li><a href="/a">Bakery wins prize</a></li>'
        '<li><a href="/b">Harbour wall repaired</a></li></ul></div></main>'
    )
    text = extract(html).text
    assert text.index("The old ferry crossing reopens") < text.index("The council voted")
    assert "A survey found the pier sound" in text
    assert "Bakery wins prize" not in text


def test_the_title_line_of_an_embedded_clip_is_dropped() -> None:
    html = article_with(
        "<p>WATCH | Islanders react to the council's vote:</p>",
        "<p>Video: The first ferry of the season leaves the pier</p>",
        "<p>The council will watch the first crossings closely, its chair said.</p>",
    )
    text = extract(html).text
    assert "WATCH" not in text
    assert "Video:" not in text
    assert "The council will watch the first crossings closely, its chair said." in text


def test_a_german_read_also_pointer_is_dropped() -> None:
    html = article_with('<p>Lest auch: <a href="/b">Bäckerei gewinnt den Brotpreis</a></p>')
    text = extract(html).text
    assert "Lest auch" not in text
    assert "Bäckerei" not in text
    assert hints.is_box_heading("Lest auch")
