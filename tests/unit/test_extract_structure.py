"""Structural signs of boilerplate inside an article, each on a small page of ours: smileys are
no pictures, teaser cards set as figures or quotes are no part of the story."""

from __future__ import annotations

from reader import extract
from reader.model import Figure, Quote

SENTENCES = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July.",
    "Residents asked for a second crossing further upstream, and the engineers promised a "
    "study of the river bed before the end of the year, once the floods have gone down.",
    "The mayor said the works would be paid from the reserve fund, so that no new tax is "
    "needed this year, and thanked the crews for working through the winter nights.",
)
SMILEY = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def story(inner: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in SENTENCES)
    return (
        "<html lang='en'><head><title>Bridge reopens</title></head><body><h1>Bridge reopens</h1>"
        f"<article class='story'>{paragraphs}{inner}<p>{SENTENCES[0]}</p></article></body></html>"
    )


def test_post_with_smileys_is_running_text_not_a_gallery() -> None:
    smiley = f"<img src='{SMILEY}' class='smilie' alt=':eek:'>"
    post = (
        f"<div class='post'>My cat slept on the window sill all night {smiley} and the cover "
        f"stayed clean {smiley}, then he went out at five in the morning and came back at ten, "
        f"so the spot-on treatment from the vet seems to work after all {smiley} fingers "
        "crossed that it stays this way for the rest of the summer.</div>"
    )
    article = extract(story(post), "https://forum.example/thread/cat")
    assert "went out at five in the morning" in article.text


def test_icons_declaring_a_tiny_size_are_no_pictures() -> None:
    icon = "<img src='/icons/star.png' width='16' height='16' alt=''>"
    post = (
        f"<div class='review'>{icon}{icon}{icon} Four stars for the new ferry: the crossing "
        "took twenty minutes, the crew was friendly and the coffee on board was hot, although "
        "the ticket machine at the pier only took coins and the queue was long.</div>"
    )
    article = extract(story(post), "https://news.example/ferry-review")
    assert "the crew was friendly" in article.text


def test_picture_whose_caption_is_a_linked_headline_is_a_teaser_card() -> None:
    card = (
        "<figure><a href='/news/rail-strike'><img src='/rail.jpg' alt=''></a><figcaption>"
        "<a href='/news/rail-strike'>Rail strike</a><br><a href='/news/rail-strike'>"
        "Trains stop for two days across the region</a></figcaption></figure>"
        "<figure><img src='/bridge.jpg' alt=''><figcaption>The bridge at dawn, seen from the "
        "<a href='/places/east-bank'>east bank</a>.</figcaption></figure>"
    )
    article = extract(story(card), "https://news.example/bridge")
    captions = [block.text for block in article.blocks if isinstance(block, Figure)]
    assert captions == ["The bridge at dawn, seen from the east bank."]
    assert "Trains stop" not in article.text


def test_quote_holding_only_a_linked_headline_is_an_embedded_card() -> None:
    cards = (
        "<blockquote class='embed'><a href='/news/ferry'>Ferry service resumes after the "
        "storm</a></blockquote><blockquote><p>We waited two years for this bridge, and it "
        "was worth it.</p></blockquote>"
    )
    article = extract(story(cards), "https://news.example/bridge")
    quotes = [block.text for block in article.blocks if isinstance(block, Quote)]
    assert quotes == ["We waited two years for this bridge, and it was worth it."]
    assert "Ferry service resumes" not in article.text


def test_card_framed_by_a_linked_headline_and_a_read_more_link_is_dropped() -> None:
    card = (
        "<div class='box'><div><a href='/blog/raspberries'>What to cook with raspberries</a>"
        "</div><p>Sweet and juicy fruit for desserts, salads and sauces: try our ideas.</p>"
        "<a href='/blog/raspberries'>Read on</a></div>"
    )
    article = extract(story(card), "https://news.example/bridge")
    assert "Sweet and juicy fruit" not in article.text
    assert "What to cook with raspberries" not in article.text
    assert article.text.count("The council met") == 2


def test_box_of_running_text_that_opens_with_a_link_stays() -> None:
    box = (
        "<div class='note'><p><a href='/people/mayor'>The mayor</a> thanked the crews for "
        "working through the winter nights and promised a party on the new bridge.</p></div>"
    )
    article = extract(story(box), "https://news.example/bridge")
    assert "thanked the crews for working through the winter nights" in article.text


def test_text_parted_by_blank_lines_outscores_a_box_of_short_paragraphs() -> None:
    lines = [
        f"Part {n}: the old bridge over the river reopens next week after two years "
        "once the engineers have finished the last repairs to the arches and the railings "
        "above the water as the town council announced on Tuesday evening."
        for n in range(1, 7)
    ]
    service = "".join(
        f"<p>Delivery {n}: by parcel service, free above fifty euros, within three days.</p>"
        for n in range(1, 5)
    )
    html = (
        "<html lang='en'><head><title>Bridge reopens</title></head><body>"
        f"<main><h1>Bridge reopens</h1><div>{'<br><br>'.join(lines)}</div></main>"
        f"<div id='shipping'><div class='box'>{service}</div></div></body></html>"
    )
    article = extract(html, "https://news.example/bridge")
    assert "Part 1: the old bridge" in article.text
    assert "Part 6: the old bridge" in article.text
    assert "Delivery 1" not in article.text
