"""What stays in the body and what leaves it: each rule on a small page written for it."""

# ruff: noqa: RUF001  (Chinese and Japanese sample text: full-width punctuation is the point)

from __future__ import annotations

from reader import extract
from reader.model import Figure

GERMAN = (
    "Der Gemeinderat hat am Dienstagabend über die Sanierung der alten Brücke, den neuen "
    "Busfahrplan und das Sommerfest beraten, das im Juli auf der Festwiese stattfinden soll."
)
ENGLISH = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)
FRENCH = (
    "Le conseil municipal s'est réuni mardi soir pour discuter de la rénovation du vieux pont, "
    "des nouveaux horaires de bus et de la fête d'été, prévue en juillet sur la grande pelouse."
)


def page(*paragraphs: str, lang: str = "en") -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html lang='{lang}'><body><article class='story'>{inner}</article></body></html>"


# --- datelines --------------------------------------------------------------------------------


def test_datelines_in_other_languages_leave_the_top_of_the_body() -> None:
    for line, paragraph, lang in (
        ("Publié le 06/01/2026 - 14:16 UTC+1", FRENCH, "fr"),
        ("Stand: 28.04.2023 14:05 Uhr", GERMAN, "de"),
        ("Uppdaterad 15.59 | Publicerad 14.14", ENGLISH, "sv"),
        ("9 December 2023 · 6 min read", ENGLISH, "en"),
        ("Updated Dec. 23, 2023 4:04AM EST / Published Dec. 22, 2023 12:16PM EST", ENGLISH, "en"),
    ):
        article = extract(page(line, paragraph, paragraph, lang=lang))
        assert article.text == f"{paragraph}\n\n{paragraph}", line


def test_a_publication_stamp_under_the_article_leaves_the_body() -> None:
    stamp = "Publisert 05.08.2024, kl. 13.05 Oppdatert 05.08.2024, kl. 13.52"
    article = extract(page(ENGLISH, ENGLISH, ENGLISH, ENGLISH, ENGLISH, stamp))
    assert "Publisert" not in article.text
    assert article.text.endswith(ENGLISH)


def test_a_date_alone_further_down_stays() -> None:
    article = extract(page(ENGLISH, ENGLISH, ENGLISH, ENGLISH, "15. März 2024", GERMAN))
    assert "15. März 2024" in article.text


def test_a_signature_with_a_byline_and_a_date_gives_both_and_leaves() -> None:
    html = (
        "<html lang='fr'><body><article class='story'><h1>Le pont rouvre</h1>"
        "<div class='signature'><span>Par Claire Dumas</span> "
        "<span>Publié le 21 mars 2024 à 10h05, modifié à 14h40</span></div>"
        f"<p>{FRENCH}</p><p>{FRENCH}</p></article></body></html>"
    )
    article = extract(html)
    assert article.authors == ("Claire Dumas",)
    assert article.published is not None and article.published.startswith("2024-03-21")
    assert article.text == f"{FRENCH}\n\n{FRENCH}"


def test_a_sentence_with_a_publication_word_stays() -> None:
    sentence = "Published in 1998, the guide was updated in 2004."
    article = extract(page(ENGLISH, sentence, ENGLISH))
    assert sentence in article.text


# --- related links, pointers and pitches ------------------------------------------------------


def test_related_headings_in_other_languages_close_their_link_lists() -> None:
    for heading, lang in (
        ("Das könnte dich auch interessieren:", "de"),
        ("Zum Weiterlesen", "de"),
        ("Zobacz również", "pl"),
        ("You might also like:", "en"),
        ("Les også", "no"),
    ):
        html = (
            f"<html lang='{lang}'><body><article class='story'><p>{GERMAN}</p><p>{GERMAN}</p>"
            f"<h3>{heading}</h3><p><a href='/a'>Neue Radwege am Kanal</a></p>"
            f"<p><a href='/b'>Das Hallenbad schließt im Sommer</a></p></article></body></html>"
        )
        article = extract(html)
        assert article.text == f"{GERMAN}\n\n{GERMAN}", heading


def test_linked_pointers_to_other_articles_in_other_languages_leave() -> None:
    for line in ("Les også: <a href='/x'>Brua åpner igjen</a>", "READ NEXT: <a href='/x'>Bus</a>"):
        article = extract(page(ENGLISH, line, ENGLISH))
        assert article.text == f"{ENGLISH}\n\n{ENGLISH}", line


def test_consent_placeholders_and_comment_rules_leave() -> None:
    for line in (
        "Um eingebettete Inhalte anzuzeigen, ist deine widerrufliche Einwilligung notwendig.",
        "Waiting for your permission to load the Instagram Media.",
        "Bitte aktivieren Sie Javascript.",
        "Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind.",
        "Get all the latest news, reviews and exclusives, direct to your inbox.",
        "Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern.",
        "Sie können alle Antworten zu diesem Eintrag durch den RSS 2.0 Feed verfolgen.",
        "Get real-time updates and result insights on the <a href='/r'>exam results</a>.",
        "Tried this recipe? Tag <a href='/i'>@smallkitchen</a> on Instagram so I can see it!",
    ):
        article = extract(page(ENGLISH, line, ENGLISH))
        assert article.text == f"{ENGLISH}\n\n{ENGLISH}", line


def test_an_advertisement_label_and_a_newsletter_box_heading_leave() -> None:
    html = (
        f"<html><body><article class='story'><p>{ENGLISH}</p>"
        "<p>Advertisement - Page continues below</p>"
        f"<p>{ENGLISH}</p><h3>Valley Post Newsletter</h3></article></body></html>"
    )
    assert extract(html).text == f"{ENGLISH}\n\n{ENGLISH}"


# --- headings ---------------------------------------------------------------------------------


def test_headings_named_as_their_box_header_stay() -> None:
    html = (
        "<html><body><article class='recipe'>"
        f"<p>{ENGLISH}</p><div class='recipe-card'>"
        "<h3 class='recipe-header'>Ingredients</h3>"
        "<ul><li>500 g strong white flour</li><li>350 g water</li><li>10 g salt</li></ul>"
        "<h3 id='method-header' class='card-header'>Method</h3>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></div></article></body></html>"
    )
    text = extract(html).text
    assert "Ingredients" in text
    assert "Method" in text


def test_a_heading_with_another_boilerplate_word_still_leaves() -> None:
    html = (
        "<html><body><article class='story'>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p><h3 class='sidebar-header'>Elsewhere on the site</h3>"
        f"<p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>"
    )
    assert "Elsewhere" not in extract(html).text


# --- leads ------------------------------------------------------------------------------------


def test_lead_class_words_in_other_languages() -> None:
    lead = "Die Arbeiten an der neuen Brücke kommen voran, die Eröffnung verschiebt sich aber."
    for name in ("artikel__vorspann", "subtitulo", "ingress", "bajada"):
        html = (
            "<html lang='de'><body><article class='story'><div class='kopf'>"
            f"<h1>Neue Brücke</h1><p class='{name}'>{lead}</p></div>"
            f"<div class='text'><p>{GERMAN}</p><p>{GERMAN}</p><p>{GERMAN}</p></div>"
            "</article></body></html>"
        )
        article = extract(html)
        assert article.lead == lead, name
        assert article.metadata.get("lead_source") == "page", name


# --- credits in Chinese, Japanese and Korean --------------------------------------------------

CHINESE = (
    "从本月起，市图书馆将周一至周五的闭馆时间由晚上八点延长至十点，并在二楼开设了可容纳一百二十人"
    "的夜间自习区。馆方表示，延长开放时间是为了方便白天上班和上学的读者。"
)


def test_chinese_photo_credit_and_editor_line_leave() -> None:
    html = (
        "<html lang='zh'><body><article class='story'>"
        f"<p>{CHINESE}</p><figure><img src='/a.jpg' alt=''>"
        "<figcaption>读者在夜间自习区学习。记者 张伟 摄</figcaption></figure>"
        f"<p>{CHINESE}</p><p>{CHINESE}</p><p>（责任编辑：刘洋）</p></article></body></html>"
    )
    article = extract(html)
    figures = [block for block in article.blocks if isinstance(block, Figure)]
    assert [figure.text for figure in figures] == ["读者在夜间自习区学习。"]
    assert "责任编辑" not in article.text
    assert article.text.endswith(CHINESE)


def test_japanese_and_korean_caption_credits_leave_the_caption() -> None:
    for caption, kept in (
        ("記者会見を開いた理事長ら（潟沼義樹撮影）", "記者会見を開いた理事長ら"),
        ("지지자들을 향해 인사하고 있다. [사진 출처 = 연합뉴스]", "지지자들을 향해 인사하고 있다."),
    ):
        html = (
            "<html><body><article class='story'>"
            f"<p>{CHINESE}</p><figure><img src='/a.jpg' alt=''><figcaption>{caption}"
            f"</figcaption></figure><p>{CHINESE}</p></article></body></html>"
        )
        figures = [block for block in extract(html).blocks if isinstance(block, Figure)]
        assert [figure.text for figure in figures] == [kept], caption


def test_the_author_name_alone_under_the_article_leaves() -> None:
    html = (
        "<html><head><meta name='author' content='Minyvonne Burke'></head><body>"
        f"<article class='story'><p>{ENGLISH}</p><p>{ENGLISH}</p><p>{ENGLISH}</p>"
        "<p>Minyvonne Burke</p></article></body></html>"
    )
    article = extract(html)
    assert article.authors == ("Minyvonne Burke",)
    assert article.text == f"{ENGLISH}\n\n{ENGLISH}\n\n{ENGLISH}"


# --- paragraphs in boxes of their own ---------------------------------------------------------


def boxed(*paragraphs: str) -> str:
    """An article built of one box per paragraph, as page builders set it."""
    rows = "".join(
        f"<div class='block'><div class='row'><p>{p}</p></div></div>" for p in paragraphs
    )
    return f"<html><body><article class='story'>{rows}</article></body></html>"


def test_a_boxed_sentence_with_a_linked_phrase_stays() -> None:
    linked = (
        "It also <a href='https://example.org/plans'>co-ordinates military plans and carries "
        "out joint military exercises</a>."
    )
    question = "Why had there been such a <a href='/x'>strong turn away from the party</a>?"
    article = extract(boxed(ENGLISH, linked, ENGLISH, question, ENGLISH))
    assert "It also co-ordinates military plans" in article.text
    assert "Why had there been such a strong turn away from the party?" in article.text


def test_a_boxed_link_line_still_leaves() -> None:
    for line in (
        "<a href='/x'>Subscribe to our channel on Google News.</a>",
        "Read our explainer: <a href='/x'>What the bridge repairs will cost.</a>",
        "<a href='/a'>Bridge</a> <a href='/b'>Buses</a> <a href='/c'>Summer fair</a>",
    ):
        article = extract(boxed(ENGLISH, ENGLISH, line, ENGLISH))
        assert article.text == f"{ENGLISH}\n\n{ENGLISH}\n\n{ENGLISH}", line


# --- headings with nothing under them -----------------------------------------------------------


def test_a_heading_left_with_nothing_under_it_leaves() -> None:
    html = page(ENGLISH, ENGLISH, ENGLISH).replace(
        "</article>",
        "<h2>Schedule</h2><p>" + ENGLISH + "</p><h2>Further information</h2>"
        "<h2>More on this topic</h2><ul class='related-links'><li><a href='/a'>One</a></li>"
        "<li><a href='/b'>Two</a></li></ul><h3>Share this</h3></article>",
    )
    text = extract(html).text
    assert "Schedule" in text  # a heading over its section stays
    for heading in ("Further information", "More on this topic", "Share this"):
        assert heading not in text
    assert text.endswith(ENGLISH)


def test_a_sentence_set_as_a_last_heading_stays() -> None:
    html = page(ENGLISH, ENGLISH, ENGLISH).replace(
        "</article>", "<h3>The bridge opens again in May.</h3></article>"
    )
    assert extract(html).text.endswith("The bridge opens again in May.")


# --- credits and stamps in more wordings ---------------------------------------------------------


def test_picture_credits_in_more_wordings_leave_the_body() -> None:
    for credit, lang in (
        ("Titelbild: Agentur Nord/Hans Beispiel", "de"),
        ("Beitragsbild: Titelseite der Zeitung, Ausriss", "de"),
        ("Crédits photos : Agence Sud", "fr"),
        ("Photograph by Ann Example, Island Restoration Programme", "en"),
    ):
        article = extract(page(ENGLISH, ENGLISH, ENGLISH, credit, lang=lang))
        assert article.text == "\n\n".join([ENGLISH] * 3), credit


def test_labelled_dates_under_the_article_leave_the_body() -> None:
    for stamp in ("Publiziert: 03.04.2020, 12:35", "Release Date:", "News date : 04/21/2022"):
        article = extract(page(ENGLISH, ENGLISH, ENGLISH, ENGLISH, stamp, GERMAN))
        assert stamp not in article.text, stamp
        assert article.text.endswith(GERMAN)


# --- text only a reader without scripts sees ------------------------------------------------------


def test_an_article_printed_only_inside_noscript_is_read() -> None:
    html = (
        "<html><body><div class='post-body'><noscript><div class='text'>"
        f"<p>{ENGLISH}</p><p>{GERMAN}</p></div></noscript></div>"
        "<script>render()</script></body></html>"
    )
    assert extract(html).text == f"{ENGLISH}\n\n{GERMAN}"


def test_noscript_text_beside_a_visible_article_stays_out() -> None:
    html = page(ENGLISH, ENGLISH, ENGLISH).replace(
        "</article>",
        "</article><noscript><p>Please enable JavaScript to use all the features of this "
        "site, such as comments and the newsletter sign-up form.</p></noscript>",
    )
    assert "JavaScript" not in extract(html).text


def test_a_paywall_line_asking_to_subscribe_for_the_full_story_leaves() -> None:
    for line in (
        "Subscribe now to our e-paper edition for the full story.",
        "To view the full story, please subscribe to The Island Times.",
    ):
        article = extract(page(ENGLISH, ENGLISH, ENGLISH, line))
        assert article.text == "\n\n".join([ENGLISH] * 3), line


# --- boxes that look like boilerplate by name but hold the article ----------------------------


def _story(*boxes: str) -> str:
    return (
        "<html lang='en'><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article class='story'><h1>Bridge repairs</h1><p>{ENGLISH}</p><p>{ENGLISH}</p>"
        f"{''.join(boxes)}<p>{ENGLISH}</p></article></body></html>"
    )


def test_a_definition_list_in_the_article_stays() -> None:
    box = (
        "<dl class='list'><dt>Span</dt><dd>Forty metres of steel over the river.</dd>"
        "<dt>Reopens</dt><dd>In the spring, once the deck is dry.</dd></dl>"
    )
    article = extract(_story(box))
    assert "Forty metres of steel over the river." in article.text
    assert "In the spring, once the deck is dry." in article.text


def test_a_list_of_short_items_with_a_few_links_stays() -> None:
    items = ["6 medium eggs, beaten", "250 g <a href='/flour'>plain flour</a>",
             "1 unwaxed lemon, zested", "2 tbsp runny honey", "100 g soft butter",
             "<p>1 pinch of salt, or a little more</p>", "200 ml whole milk",
             "50 g caster sugar"]  # fmt: skip
    box = "<ul class='recipe-ingredients'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    article = extract(_story(box))
    assert "• 6 medium eggs, beaten" in article.text
    assert "• 50 g caster sugar" in article.text


def test_a_tab_pane_holding_text_stays() -> None:
    box = (
        "<div class='tab-pane fade show active' role='tabpanel'><p>The engineers checked "
        "every bolt of the old bridge before the first lorry crossed it.</p></div>"
    )
    article = extract(_story(box))
    assert "checked every bolt of the old bridge" in article.text


def test_a_box_named_menu_or_header_that_holds_running_text_stays() -> None:
    for name in ("tab-menu--product", "card-header"):
        box = f"<div class='{name}'><p>{FRENCH}</p><p>{GERMAN}</p><p>{ENGLISH}</p></div>"
        article = extract(_story(box))
        assert FRENCH in article.text, name
        assert GERMAN in article.text, name
    menu = "<div class='site-menu'><a href='/a'>Sport</a> <a href='/b'>Weather</a></div>"
    assert "Weather" not in extract(_story(menu)).text


def test_a_heading_whose_id_is_made_from_its_own_words_stays() -> None:
    box = "<h3 class='subheading' id='nav_only_the_foil_remains__1'>Only the foil remains</h3>"
    article = extract(_story(box))
    assert "Only the foil remains" in article.text
    other = "<h3 id='site-nav'>Sections and services</h3>"
    assert "Sections and services" not in extract(_story(other)).text


def test_a_live_tickers_comments_are_the_article_but_readers_comments_are_not() -> None:
    entries = "".join(
        f"<div class='live-match-comment'><span>{minute}'</span><p>{line}</p></div>"
        for minute, line in (
            (90, "Full time at the stadium! The home side held on to the draw."),
            (61, "The corner comes to nothing."),
            (12, "Both sides are feeling each other out early in the match."),
        )
    )
    html = (
        "<html lang='en'><body><h1>Lorient - Lyon live</h1>"
        f"<div class='live-match-comments'>{entries}</div>"
        "<div class='comments'><p>Reader42: what a boring game, I left at half time.</p></div>"
        "</body></html>"
    )
    article = extract(html)
    assert "The corner comes to nothing." in article.text
    assert "Full time at the stadium!" in article.text
    assert "Reader42" not in article.text


def test_opinion_disclaimers_and_follow_us_lines_leave_the_body() -> None:
    for line in (
        "The opinions expressed by contributors are their own and do not necessarily "
        "represent the views of the Daily Bridge.",
        "Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der "
        "Redaktion.",
        "Follow The Gleaner on Twitter and Instagram and on Facebook.",
    ):
        article = extract(page(ENGLISH, ENGLISH, ENGLISH, line))
        assert article.text == f"{ENGLISH}\n\n{ENGLISH}\n\n{ENGLISH}", line


def test_embed_consent_texts_and_closed_comment_notes_leave() -> None:
    for line in (
        "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.",
        "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
        "Personenbezogene Daten können an Drittplattformen übermittelt werden.",
        "Both comments and pings are currently closed.",
        "Abgelegt unter Politik. Kommentare und pings sind derzeit geschlossen.",
    ):
        article = extract(page(GERMAN, line, GERMAN, lang="de"))
        assert article.text == f"{GERMAN}\n\n{GERMAN}", line


def test_a_long_notice_that_opens_with_a_promo_sentence_leaves() -> None:
    notice = (
        "Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind. "
        + "Kommentare mit Beleidigungen oder Werbung werden ohne Rückfrage gelöscht. " * 5
    )
    assert len(notice) > 300
    article = extract(page(GERMAN, notice, GERMAN, lang="de"))
    assert article.text == f"{GERMAN}\n\n{GERMAN}"


def test_a_long_paragraph_with_a_promo_phrase_inside_stays() -> None:
    paragraph = GERMAN + " " + GERMAN + " Bitte aktivieren Sie Javascript, schrieb der Verein. "
    assert len(paragraph) > 300
    article = extract(page(GERMAN, paragraph, GERMAN, lang="de"))
    assert paragraph.strip() in article.text


def test_small_print_of_dates_times_and_bylines_leaves_the_top() -> None:
    # A bare name counts when it is the known author (here from the page's metadata).
    for line, lang in (
        ("Jane Roe|Published 1 day ago", "en"),
        ("Do 25.04.24 | 14:07 Uhr | Von Eva Muster-Frau", "de"),
        ("15.04.2026 - 15:48 UhrLesedauer: 2 Min.", "de"),
        (
            "<ul><li>Published: 22:04, 22 Apr 2024</li><li>Updated: 22:05, 22 Apr 2024</li></ul>",
            "en",
        ),
        ("<ul><li>05. November 2024</li><li>15:36 Uhr</li><li>3 Min</li></ul>", "de"),
    ):
        body = GERMAN if lang == "de" else ENGLISH
        block = line if line.startswith("<ul>") else f"<p>{line}</p>"
        html = (
            f"<html lang='{lang}'><head><meta name='author' content='Jane Roe'></head><body>"
            f"<article class='story'><h1>Die Brücke</h1>{block}"
            f"<p>{body}</p><p>{body}</p></article></body></html>"
        )
        article = extract(html)
        assert article.text == f"{body}\n\n{body}", line


def test_a_byline_in_small_print_names_the_author() -> None:
    html = (
        "<html lang='de'><body><article class='story'><h1>Die Brücke</h1>"
        f"<p>Do 25.04.24 | 14:07 Uhr | Von Eva Muster-Frau</p><p>{GERMAN}</p><p>{GERMAN}</p>"
        "</article></body></html>"
    )
    assert extract(html).authors == ("Eva Muster-Frau",)


def test_a_place_and_a_date_at_the_top_stay() -> None:
    html = (
        "<html lang='de'><body><article class='story'><h1>Die Brücke</h1>"
        f"<ul><li>Marktplatz Nord</li><li>25.04.2024</li></ul><p>{GERMAN}</p><p>{GERMAN}</p>"
        "</article></body></html>"
    )
    assert "Marktplatz Nord" in extract(html).text


# --- paywalls, wire credits, copyright and other notices ----------------------------------------


def test_a_paywall_notice_and_the_offer_box_after_it_leave() -> None:
    japanese = "気象庁は13日、日向灘で震度5弱の地震があったと発表した。" * 4
    html = page(
        japanese,
        "この記事は会員限定です。",
        "無料で会員登録できます。",
        "各種メールマガジンで最新情報をお届け",
        "よくある質問はこちら",
        lang="ja",
    )
    assert extract(html).text == japanese
    html = page(GERMAN, GERMAN, "Jetzt weiterlesen mit BZ+", "4 Wochen testen", lang="de")
    assert extract(html).text == f"{GERMAN}\n\n{GERMAN}"


def test_a_paywall_notice_before_more_running_text_leaves_alone() -> None:
    html = page(ENGLISH, "This article is for subscribers only.", ENGLISH, ENGLISH)
    assert extract(html).text == "\n\n".join([ENGLISH] * 3)


def test_wire_credits_copyright_notices_and_disclaimers_leave() -> None:
    for line in (
        "Reporting by Jane Roe in Kyiv; Writing by John Doe; Editing by Mary Major",
        "With files from The Associated Press",
        "Copyright 2024 Example Media Inc. All rights reserved. This material may not be "
        "published, broadcast, rewritten, or redistributed.",
        "© 2025 Anadolu Ajansı. Tüm hakları saklıdır.",
        "Alle Rechte vorbehalten.",
        "Capital ist eine Partnermarke des stern, beide gehören zu RTL News.",
        "Aktien und andere Investments sind grundsätzlich mit einem Risiko verbunden. Auch ein "
        "Totalverlust des eingesetzten Kapitals kann nicht ausgeschlossen werden.",
        "This article does not constitute financial advice.",
    ):
        article = extract(page(ENGLISH, ENGLISH, line))
        assert article.text == f"{ENGLISH}\n\n{ENGLISH}", line


def test_a_sentence_about_reporting_stays() -> None:
    line = "Reporting by local papers on the bridge has been patchy, the council said."
    assert line in extract(page(ENGLISH, line, ENGLISH)).text


def test_read_more_pointers_without_a_colon_or_with_arrows_leave() -> None:
    for line in (
        "FUNDA OLUNYE UDABA LAPHA | <a href='/x'>Kuboshwe abahlanu</a>",
        "À lire aussi <a href='/x'>La natalité menacée</a>",
        "&gt;&gt; Hier finden Sie <a href='/x'>alle Termine im Überblick</a>",
    ):
        article = extract(page(FRENCH, line, FRENCH))
        assert article.text == f"{FRENCH}\n\n{FRENCH}", line


def test_a_sentence_opening_like_a_pointer_stays() -> None:
    line = "À lire aussi le rapport du <a href='/x'>conseil</a>, publié mardi."
    assert "À lire aussi le rapport" in extract(page(FRENCH, line, FRENCH)).text


def test_a_copyright_credit_closing_a_caption_paragraph_leaves() -> None:
    html = page(
        ENGLISH,
        "The old bridge in the morning light. — © Agency",
        "Photo © Jane Roe",
        ENGLISH,
        "Bridge notes<br>© 2002, 2003 Jane Roe",
    )
    assert extract(html).text == (
        f"{ENGLISH}\n\nThe old bridge in the morning light.\n\n{ENGLISH}\n\n"
        "Bridge notes\n© 2002, 2003 Jane Roe"
    )
