"""Reader-mode rules on small pages written for one behaviour each."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from reader import extract
from reader.model import Figure, Heading, Paragraph, Run

FILLER = (
    "Hội đồng nhân dân xã đã họp phiên thường kỳ để bàn về kế hoạch sửa chữa đường liên thôn, "
    "kiên cố hóa kênh mương nội đồng và hỗ trợ các hộ nghèo trước mùa mưa bão năm nay."
)
ENGLISH = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)


def body(*paragraphs: str, lang: str = "vi") -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html lang='{lang}'><body><div class='content'>{inner}</div></body></html>"


# --- credits at the edges of the body ---------------------------------------------------------


def test_trailing_author_and_source_lines_become_metadata() -> None:
    article = extract(body(FILLER, FILLER, "Tác giả: Trần Thảo", "Nguồn: Ban Biên tập"))
    assert article.authors == ("Trần Thảo",)
    assert article.source == "Ban Biên tập"
    assert len(article.blocks) == 2
    assert "Tác giả" not in article.text and "Nguồn" not in article.text


def test_credit_lines_joined_by_line_breaks() -> None:
    article = extract(body(FILLER, FILLER, "Bài và ảnh: Minh Anh<br>Theo Báo Nhân Dân"))
    assert article.authors == ("Minh Anh",)
    assert article.source == "Báo Nhân Dân"
    assert article.text.endswith("năm nay.")


def test_trailing_bold_name_is_the_author_when_none_is_known() -> None:
    article = extract(body(FILLER, FILLER, "<strong>Ngọc Anh</strong>"))
    assert article.authors == ("Ngọc Anh",)
    assert "Ngọc Anh" not in article.text


def test_trailing_bold_sentence_is_not_an_author() -> None:
    article = extract(body(FILLER, FILLER, "<strong>Mọi ý kiến xin gửi về Ủy ban xã.</strong>"))
    assert article.authors == ()
    assert article.text.endswith("Mọi ý kiến xin gửi về Ủy ban xã.")


def test_known_author_wins_over_a_trailing_bold_name() -> None:
    html = body(FILLER, FILLER, "<strong>Ngọc Anh</strong>").replace(
        "<body>", "<head><meta name='author' content='Lê Hùng'></head><body>"
    )
    article = extract(html)
    assert article.authors == ("Lê Hùng",)
    assert article.text.endswith("Ngọc Anh")


def test_leading_english_byline_is_removed_from_the_body() -> None:
    article = extract(body("By Jane Doe and John Roe", ENGLISH, ENGLISH, lang="en"))
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.text.startswith("The council met")


def test_german_von_byline() -> None:
    text = (
        "Der Gemeinderat hat am Dienstag die Sanierung der alten Brücke beschlossen, die seit "
        "dem Hochwasser gesperrt ist, und will die Arbeiten noch in diesem Jahr beginnen."
    )
    article = extract(body(text, text, "Von Max Mustermann", lang="de"))
    assert article.authors == ("Max Mustermann",)
    assert "Von Max" not in article.text


def test_a_sentence_starting_with_theo_is_not_a_source() -> None:
    sentence = "Theo kế hoạch, công trình sẽ hoàn thành trước Tết Nguyên đán, đúng như cam kết."
    article = extract(body(FILLER, FILLER, sentence))
    assert article.source is None
    assert article.text.endswith(sentence)


# --- title, lead and dateline -----------------------------------------------------------------


def test_title_prefers_h1_and_strips_site_suffix_from_title() -> None:
    html = (
        "<html><head><title>Cầu Bản Lìm được sửa xong | Báo Miền Núi</title></head><body>"
        "<h1>Cầu Bản Lìm được sửa xong</h1>" + body(FILLER, FILLER) + "</body></html>"
    )
    article = extract(html)
    assert article.title == "Cầu Bản Lìm được sửa xong"
    assert article.site_name == "Báo Miền Núi"


def test_title_falls_back_to_stripped_title_tag() -> None:
    html = "<title>Bridge reopens after repairs - The Valley Post</title>" + body(ENGLISH, ENGLISH)
    assert extract(html).title == "Bridge reopens after repairs"


def test_og_title_wins_over_title_tag() -> None:
    html = (
        "<head><title>Home | Portal</title>"
        "<meta property='og:title' content='Bridge reopens after repairs'></head>"
    ) + body(ENGLISH, ENGLISH)
    assert extract(html).title == "Bridge reopens after repairs"


def test_heading_equal_to_title_is_not_repeated_in_body() -> None:
    html = (
        "<title>Bridge reopens</title><article><h2>Bridge reopens</h2>"
        f"<p>{ENGLISH}</p><h2>Next steps</h2><p>{ENGLISH}</p></article>"
    )
    article = extract(html)
    headings = [b.text for b in article.blocks if isinstance(b, Heading)]
    assert headings == ["Next steps"]


def test_sapo_class_becomes_the_lead() -> None:
    html = (
        "<div class='detail'><div class='sapo'>Chiều 3/6, xã Bản Lìm tổ chức lễ khánh thành cây "
        f"cầu mới nối hai bờ suối Nậm Mu.</div><p>{FILLER}</p><p>{FILLER}</p></div>"
    )
    article = extract(html)
    assert (
        article.lead
        == "Chiều 3/6, xã Bản Lìm tổ chức lễ khánh thành cây cầu mới nối hai bờ suối Nậm Mu."
    )
    assert article.lead not in article.text


def test_description_is_the_lead_when_the_body_does_not_quote_it() -> None:
    html = "<meta name='description' content='A short summary.'>" + body(ENGLISH, ENGLISH)
    article = extract(html)
    assert article.lead == "A short summary."
    assert len(article.blocks) == 2


def test_visible_dateline_gives_the_date_and_leaves_the_body() -> None:
    article = extract(body("Thứ Hai, 15/07/2024 08:30", FILLER, FILLER))
    assert article.published == "2024-07-15T08:30:00"
    assert not article.text.startswith("Thứ Hai")


def test_json_ld_date_and_authors() -> None:
    html = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2024-01-02",'
        '"author":{"@id":"#jane"},"publisher":{"@type":"Organization","name":"Valley Post"}},'
        '{"@type":"Person","@id":"#jane","name":"Jane Doe"}]}</script>'
    ) + body(ENGLISH, ENGLISH)
    article = extract(html)
    assert article.published == "2024-01-02"
    assert article.authors == ("Jane Doe",)
    assert article.site_name == "Valley Post"
    assert article.title == "Bridge reopens"


# --- text hygiene -----------------------------------------------------------------------------


def test_control_characters_are_removed_and_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Tiếng Việt có dấu")
    html = body(f"{decomposed}: \x1b[31mred\x1b[0m \x07bell \x9b2J {FILLER}", FILLER)
    article = extract(html)
    text = article.text
    assert "Tiếng Việt có dấu" in text
    assert unicodedata.is_normalized("NFC", text)
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in text)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in text)
    assert "[31mred" in text  # the escape byte is gone; the harmless rest is plain text


def test_whitespace_is_collapsed_and_empty_paragraphs_dropped() -> None:
    html = body(f"  {ENGLISH}\n\n   more   words  ", "   ", "", "&nbsp;", ENGLISH)
    article = extract(html)
    assert len(article.blocks) == 2
    assert article.blocks[0].text.endswith("in July. more words")
    assert "  " not in article.text


def test_adjacent_runs_with_equal_formatting_are_merged() -> None:
    html = body(f"Start <b>bold</b><strong> and strong</strong> <i>it</i><em>alic</em> {ENGLISH}")
    paragraph = extract(html).blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs[:5] == (
        Run("Start "),
        Run("bold and strong", strong=True),
        Run(" "),
        Run("italic", emphasis=True),
        Run(" " + ENGLISH),
    )


def test_line_breaks_and_code_runs() -> None:
    html = body(f"First line<br>second line with <code>x = 1</code><br>{ENGLISH}", ENGLISH)
    paragraph = extract(html).blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text.startswith("First line\nsecond line with x = 1\nThe council")
    assert Run("x = 1", code=True) in paragraph.runs


def test_picture_and_srcset_choose_the_largest_source() -> None:
    html = (
        f"<article><p>{ENGLISH}</p><picture><source srcset='a.webp'>"
        "<img srcset='small.jpg 300w, large.jpg 1200w, medium.jpg 600w' alt='Bridge'></picture>"
        f"<p>{ENGLISH}</p></article>"
    )
    figure = extract(html, "https://post.example/news/").blocks[1]
    assert isinstance(figure, Figure)
    assert figure.src == "https://post.example/news/large.jpg"
    assert figure.alt == "Bridge"


def test_tiny_icons_and_tracking_pixels_are_not_figures() -> None:
    html = (
        f"<article><p>{ENGLISH}<img src='/icon.png' width='16' height='16'></p>"
        f"<img src='/pixel.gif' width='1' height='1'><p>{ENGLISH}</p></article>"
    )
    article = extract(html)
    assert [block.kind for block in article.blocks] == ["paragraph", "paragraph"]


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Encode the way windows-1258 pages are written: letters precomposed, tone marks apart."""
    out: list[str] = []
    base = ""
    tones = ""
    for ch in unicodedata.normalize("NFD", text) + "\0":
        if unicodedata.combining(ch) and ch in _TONE_MARKS:
            tones += ch
        elif unicodedata.combining(ch):
            base += ch
        else:
            out.append(unicodedata.normalize("NFC", base) + tones)
            base, tones = ch, ""
    return "".join(out).encode("cp1258")


def test_windows_1258_bytes_decode_to_nfc() -> None:
    sentence = "Người dân xã Lũng Mây thu hoạch chè Shan tuyết vào đầu vụ xuân năm nay."
    html = (
        "<html lang='vi'><head><meta charset='windows-1258'><title>Chè xuân</title></head>"
        f"<body><article><p>{sentence}</p><p>{FILLER}</p></article></body></html>"
    )
    # windows-1258 stores Vietnamese as base letters plus combining tone marks.
    data = windows_1258(html)
    assert not unicodedata.is_normalized("NFC", data.decode("cp1258"))  # really decomposed
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == html
    article = extract(data)
    assert article.blocks[0].text == sentence
    assert unicodedata.is_normalized("NFC", article.text)
    assert article.title == "Chè xuân"


def test_utf16_bytes_with_byte_order_mark() -> None:
    html = body(FILLER, FILLER)
    article = extract(html.encode("utf-16"))
    assert article.blocks[0].text == FILLER


def test_sapo_marked_up_as_a_heading_becomes_the_lead() -> None:
    html = (
        "<article><h2 class='detail-sapo'>Sáng 3/6, cây cầu mới nối hai bờ suối Nậm Mu chính "
        f"thức được đưa vào sử dụng.</h2><p>{FILLER}</p><p>{FILLER}</p></article>"
    )
    article = extract(html)
    assert (
        article.lead
        == "Sáng 3/6, cây cầu mới nối hai bờ suối Nậm Mu chính thức được đưa vào sử dụng."
    )
    assert [block.kind for block in article.blocks] == ["paragraph", "paragraph"]


def test_read_more_pointers_are_dropped() -> None:
    html = body(
        ENGLISH,
        "Read more: <a href='/other'>Council approves the new bus timetable</a>",
        ENGLISH,
        lang="en",
    )
    article = extract(html)
    assert "Read more" not in article.text
    assert len(article.blocks) == 2


def test_json_ld_article_body_stands_in_for_a_script_rendered_page() -> None:
    paragraphs = [ENGLISH, ENGLISH.replace("council", "committee")]
    body_text = "\\n".join(paragraphs)
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"headline": "Bridge reopens", "articleBody": "{body_text}"}}</script></head>'
        "<body><div id='root'>Loading…</div></body></html>"
    )
    article = extract(html)
    assert [block.text for block in article.blocks] == paragraphs


# --- small pages ------------------------------------------------------------------------------


def test_a_short_note_is_read_whole() -> None:
    article = extract("<html><body><ol><li><p>Đóng cửa trạm bơm số 2.</p></li></ol></body></html>")
    assert article.reason is None
    assert article.text == "1. Đóng cửa trạm bơm số 2."


def test_a_small_page_of_links_is_still_not_an_article() -> None:
    links = " | ".join(f"<a href='/p{i}'>Trang {i}</a>" for i in range(8))
    article = extract(f"<html><body><div>{links}</div></body></html>")
    assert article.reason is not None
    assert article.blocks == ()


def test_a_headline_list_full_of_commas_is_still_a_link_list() -> None:
    items = "".join(
        f"<li><a href='/story/{i}'><h3>Bowl picks, results, times, dates, part {i}</h3></a></li>"
        for i in range(6)
    )
    html = (
        f"<article><p>{ENGLISH}</p><p>{ENGLISH}</p><p>{ENGLISH}</p>"
        f"<div class='more'><ul>{items}</ul></div><p>{ENGLISH}</p></article>"
    )
    article = extract(html)
    assert "Bowl picks" not in article.text
    assert article.text.count("The council met") == 4


# --- recall: text split across boxes, boxes wrongly taken for boilerplate ---------------------


def test_article_split_into_deep_boxes_between_ads_is_read_whole() -> None:
    page = Path(__file__).parent.parent / "fixtures" / "pages" / "split-article.html"
    article = extract(page.read_text(encoding="utf-8"))
    assert article.text.startswith("The repairs to the old harbour wall finished two weeks early")
    assert "Fishing boats had been mooring" in article.text
    assert article.text.rstrip().endswith("as they did all through the repairs to the wall.")
    assert "Advertisement" not in article.text
    assert "Ferry timetable" not in article.text


def test_box_with_two_embeds_and_running_text_is_kept() -> None:
    html = body(ENGLISH, ENGLISH).replace(
        "</div></body>",
        f"<div><p>{ENGLISH}</p><object data='a.swf'></object><embed src='b.swf'>"
        "<p>The fair will close with fireworks over the river at ten o'clock.</p></div>"
        "</div></body>",
    )
    assert "fireworks over the river" in extract(html).text


def test_story_with_many_pictures_is_not_a_gallery() -> None:
    pictures = "".join(f"<img src='/p{n}.jpg' alt=''>" for n in range(8))
    html = (
        f"<body><div class='content'><p>{ENGLISH}</p><p>{ENGLISH}</p>"
        f"<div class='entry'>{pictures}<p>{ENGLISH}</p><p>{ENGLISH}</p>"
        "<p>The bridge reopens on Friday, a week later than planned, because the paint "
        "needed longer to dry.</p></div>"
        "</div></body>"
    )
    assert "a week later than planned" in extract(html).text


def test_subscriber_class_does_not_hide_a_paragraph() -> None:
    html = body(ENGLISH, ENGLISH).replace(
        "</div></body>",
        "<div class='subscriber-preview'><p>The fair will close with fireworks over the "
        "river, weather permitting, at ten o'clock.</p></div></div></body>",
    )
    assert "fireworks over the river" in extract(html).text


def test_text_streamed_into_a_hidden_box_is_read_when_nothing_is_visible() -> None:
    html = (
        "<body><div id='app'><p>Loading…</p></div>"
        f"<div hidden><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></div></body>"
    )
    article = extract(html)
    assert article.text.count("The council met on Tuesday") == 2


def test_hidden_box_stays_hidden_when_the_page_has_an_article() -> None:
    html = body(ENGLISH, ENGLISH).replace(
        "</div></body>", "</div><div hidden><p>Secret draft text.</p></div></body>"
    )
    assert "Secret draft" not in extract(html).text


# --- dates without a telling class ------------------------------------------------------------


def test_date_printed_under_the_headline_is_the_published_date() -> None:
    html = (
        "<body><h1>Bridge reopens</h1><div class='info'><span>Datum:</span> 26. Januar 2022"
        f"</div><div class='content'><p>{ENGLISH}</p><p>{ENGLISH}</p></div></body>"
    )
    assert extract(html).published == "2022-01-26"


def test_date_in_the_address_is_the_last_resort() -> None:
    article = extract(body(ENGLISH, ENGLISH), url="https://blog.example/2014/05/18/bridge")
    assert article.published == "2014-05-18"
