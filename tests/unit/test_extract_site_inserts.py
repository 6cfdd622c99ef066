"""Site inserts kept out of an article's text: a newsletter box's blurb taken for the
standfirst, a donation appeal, the "got a story?" and "follow us for the latest" lines, a
form's reCAPTCHA notice and a "More in <section>" list, each on a small page of ours."""

from __future__ import annotations

from reader import extract
from reader.extract import hints

STORY = """
<p>The council voted on Tuesday to reopen the old ferry crossing, closed since the storm of
the winter before last, after a survey found the pier sound enough for light traffic.</p>
<p>Engineers will spend the spring replacing the landing stage, and the first crossings are
planned for the start of the summer season, weather permitting, the council said.</p>
<p>Residents of the island, who have relied on a detour of nearly forty minutes by road, had
campaigned for the reopening, collecting more than three thousand signatures last year.</p>
"""


def page(article: str) -> str:
    return (
        "<html><head><title>Ferry crossing to reopen</title></head><body>"
        f"<article><h1>Ferry crossing to reopen</h1>{article}</article></body></html>"
    )


def test_a_newsletter_boxs_blurb_is_no_standfirst() -> None:
    newsletter = (
        '<div class="item item-newsletter-article"><div class="info">'
        '<div class="newsletter-title">Get Our Newsletter</div>'
        '<p class="dek">A weekly brief on the top island stories, plus interviews, market '
        "updates and the news that matters to you.</p></div></div>"
    )
    article = extract(page(newsletter + STORY))
    assert "weekly brief" not in (article.lead or "")
    assert "weekly brief" not in article.text
    assert "landing stage" in article.text


def test_a_real_standfirst_is_still_the_lead() -> None:
    dek = (
        '<p class="dek">The island will have its ferry back by the summer, after two winters '
        "of detours by road.</p>"
    )
    article = extract(page(dek + STORY))
    assert article.lead is not None
    assert "ferry back by the summer" in article.lead


def test_a_donation_appeal_box_is_dropped() -> None:
    appeal = (
        '<div class="p-4 donation"><h2>Support The Island News</h2>'
        "<p>We are proud to provide our readers with independent, honest and unbiased news for "
        "free, both online and in print, every day of the year.</p>"
        "<p>Our dedicated team supports the local community and visitors of all nationalities "
        "through our newspaper, website and social media.</p>"
        "<p>If you are able to, we ask you to support us by making a small donation.</p></div>"
    )
    text = extract(page(STORY + appeal)).text
    assert "Residents of the island" in text
    assert "Support The Island News" not in text
    assert "unbiased news" not in text


def test_newsroom_contact_and_follow_lines_are_dropped() -> None:
    lines = (
        "<p>Got a story? Get in touch with our news team by emailing us at news@example.com. "
        "Or you can submit your videos and pictures here.</p>"
        "<p>Are protests breaking out in your area? Get in touch at news@example.com</p>"
        "<p>For more stories like this, check our news page.</p>"
        "<p>Follow Island News on Twitter and Facebook for the latest news updates.</p>"
        "<p>This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of "
        "Service apply.</p>"
    )
    text = extract(page(STORY + lines)).text
    assert "Residents of the island" in text
    for gone in ("Got a story", "protests breaking out", "stories like this", "Follow Island"):
        assert gone not in text, gone
    assert "reCAPTCHA" not in text


def test_sentences_about_getting_in_touch_or_following_stay() -> None:
    for line in (
        "The mayor said she would get in touch with the team at the ferry company next week.",
        "Residents can follow the works on the council's website, which posts a weekly update.",
        "He began to follow Ferry Watch on Twitter after the concert, for the news of the day.",
    ):
        assert not hints.is_promo_line(line), line


def test_a_more_in_section_list_is_dropped() -> None:
    more = (
        "<h2>More in News</h2>"
        '<p><a href="/a">Bakery wins the regional bread prize again</a></p>'
        '<p><a href="/b">Harbour festival returns in August</a></p>'
    )
    text = extract(page(STORY + more)).text
    assert "Residents of the island" in text
    assert "More in News" not in text
    assert "Bakery wins" not in text
