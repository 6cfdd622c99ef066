"""Which source names the article: the <h1> a reader sees against the titles a page declares
(og:title, twitter:title, JSON-LD headline, <title>), on small pages written for each rule."""

from __future__ import annotations

from reader import extract
from reader.extract.dom import parse
from reader.extract.titles import choose_title, heading, strip_site_name

STORY = (
    "The council met on Tuesday evening to discuss the repairs to the old bridge, the new bus "
    "timetable and the plans for the summer fair, which will be held on the green in July."
)


def page(head: str, top: str = "") -> str:
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return f"<html><head>{head}</head><body>{top}<article>{paragraphs}</article></body></html>"


def og(title: str) -> str:
    return f"<meta property='og:title' content='{title}'>"


def ld(headline: str) -> str:
    return (
        "<script type='application/ld+json'>"
        f'{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'
    )


# --- the <h1> read as a reader sees it ----------------------------------------------------------


def test_lone_colon_between_kicker_and_headline_is_not_the_titles_start() -> None:
    html = page(
        og("Firms protect their staff from the virus"),
        "<h1><span>Distance rules</span><span>:</span>"
        "<span>Firms protect their staff from the virus</span></h1>",
    )
    assert extract(html).title == "Firms protect their staff from the virus"


def test_soft_hyphens_do_not_hide_the_headline_after_a_kicker() -> None:
    html = page(
        og("Schulze: Deutschland steht an der Seite des Welternährungsprogramms"),
        "<h1><span>Ernährung sichern</span>"
        "Schulze: Deutsch\u00adland steht an der Seite des Welt\u00adernährungs\u00adprogramms"
        "</h1>",
    )
    title = extract(html).title.replace("\u00ad", "")
    assert title == "Schulze: Deutschland steht an der Seite des Welternährungsprogramms"


def test_headline_missing_a_space_between_its_elements_takes_the_declared_spacing() -> None:
    html = page(
        ld("Police catch two thieves: jewels found within two days"),
        "<h1><span>Police catch two thieves:</span>jewels found within two days</h1>",
    )
    assert extract(html).title == "Police catch two thieves: jewels found within two days"


def test_bare_anchor_in_the_headline_is_no_logo_link() -> None:
    html = page(
        "<title>Brown bears: 2019 a record year | National Park of the Three Valleys</title>",
        "<h1><a id='top'></a>Brown bears: 2019 a record year</h1>",
    )
    assert extract(html).title == "Brown bears: 2019 a record year"


def test_permalink_mark_in_the_headline_is_left_out() -> None:
    html = page(
        "<title>Shared mutable history - the evolve extension</title>",
        "<h1>Shared mutable history<a class='headerlink' href='#shared'>\u00b6</a></h1>",
    )
    assert extract(html).title == "Shared mutable history"


def test_headline_starting_the_title_before_a_subtitle_and_journal_is_the_title() -> None:
    html = page(
        "<title>The effect of flu vaccination on hospital stays: An observational study:"
        " Annals of Medicine: Vol 172, No 7</title>",
        "<h1><a href='/doi/full/10.1/M19'>The effect of flu vaccination on hospital stays</a></h1>",
    )
    assert extract(html).title == "The effect of flu vaccination on hospital stays"


def test_logo_linking_home_that_starts_the_title_is_not_the_headline() -> None:
    html = page(
        "<title>Silicon Notes: Open flow for programmable logic devices</title>"
        + og("Open flow for programmable logic devices"),
        "<h1><a href='https://silicon-notes.example.org/'>Silicon Notes</a></h1>",
    )
    assert extract(html).title == "Open flow for programmable logic devices"


def test_date_and_categories_inside_the_headline_are_left_out() -> None:
    html = page(
        og("Spectators return to the clubs of the region"),
        "<h1>Spectators return to the clubs of the region"
        "<span class='meta'>02.02.2022 \u2022 Association, Press</span></h1>",
    )
    assert extract(html).title == "Spectators return to the clubs of the region"


def test_headline_copying_the_title_with_its_site_name_loses_the_site_name() -> None:
    html = page(
        "<title>Nuclear power is not sustainable | Federal Environment Agency</title>"
        + og("Nuclear power is not sustainable")
        + "<meta property='og:site_name' content='Federal Environment Agency'>",
        "<h1 class='visuallyhidden'>Nuclear power is not sustainable | Federal Environment"
        " Agency</h1>",
    )
    assert extract(html).title == "Nuclear power is not sustainable"


def test_heading_in_the_site_names_words_is_the_sites() -> None:
    html = page(
        og("Minecraft 1.8: the bountiful update")
        + "<meta property='og:site_name' content='Minecraft Update News'>",
        "<h1>Minecraft News</h1>",
    )
    assert extract(html).title == "Minecraft 1.8: the bountiful update"


# --- kickers ------------------------------------------------------------------------------------


def test_kicker_worded_otherwise_in_the_declared_title_is_left_out() -> None:
    html = page(
        og("Iran attacks Israel: \u00abRestraint has much to do with the United States\u00bb"),
        "<h1><span>Escalation in the Middle East</span>"
        "<span>\u00abRestraint has much to do with the United States\u00bb</span></h1>",
    )
    assert extract(html).title == ("\u00abRestraint has much to do with the United States\u00bb")


def test_kicker_declared_twice_keeps_the_colon_form() -> None:
    html = page(
        ld("Nuclear plant dismantled - Cooling towers blown up")
        + og("Nuclear plant dismantled: Cooling towers blown up"),
        "<h1>Cooling towers blown up</h1>",
    )
    assert extract(html).title == "Nuclear plant dismantled: Cooling towers blown up"


def test_og_title_without_the_kicker_others_put_before_it_is_the_headline() -> None:
    html = page(
        ld("Leipzig school: Judy Lybke, not at all peculiar")
        + og("Judy Lybke, not at all peculiar")
        + "<title>Leipzig school: Judy Lybke, not at all peculiar - Courier</title>"
    )
    assert extract(html).title == "Judy Lybke, not at all peculiar"


# --- site names ---------------------------------------------------------------------------------


def test_declared_title_worded_as_the_json_ld_headline_keeps_its_last_part() -> None:
    title = "Ice saints 2024: when they are - and what the weather does"
    html = page(
        ld(title) + og(title) + f"<title>{title}</title>"
        "<meta property='og:site_name' content='Ruhr Courier'>"
    )
    assert extract(html).title == title


def test_meta_title_cut_at_an_unescaped_quote_is_read_whole_from_the_title() -> None:
    html = page(
        '<meta property="og:title" content="Senator calls the president "unfit"">'
        '<meta name="twitter:title" content="Senator calls the president "unfit"">'
        '<title>Senator calls the president "unfit"</title>'
    )
    assert extract(html).title == 'Senator calls the president "unfit"'


def test_question_after_a_dash_is_the_titles_not_a_site_name() -> None:
    title = "New job in New York \u2013 what comes next?"
    html = page(
        og(title) + f"<title>{title}</title>"
        "<meta property='og:site_name' content='Evening Courier'>"
    )
    assert extract(html).title == title


def test_meta_title_without_the_site_part_of_the_title_is_whole() -> None:
    html = page(
        og("Dignity of life \u2013 a project")
        + "<title>Dignity of life \u2013 a project | Big Questions</title>"
        "<meta property='og:site_name' content='Big Questions'>"
    )
    assert extract(html).title == "Dignity of life \u2013 a project"


def test_title_that_adds_a_site_to_og_title_names_the_site() -> None:
    html = page(
        og("Snowflakes, little white frocks \u2013 the dog in winter")
        + "<title>Snowflakes, little white frocks \u2013 the dog in winter - Dog School</title>"
    )
    assert extract(html).title == "Snowflakes, little white frocks \u2013 the dog in winter"


def test_logo_names_the_site_at_the_start_of_the_title() -> None:
    html = page(
        "<title>Time to Talk \u00bb Blog Archive \u00bb Cinemas go digital</title>",
        "<h1><a href='https://timetotalk.example.com/'>Time to Talk</a></h1>",
    )
    assert extract(html).title == "Cinemas go digital"


def test_site_part_in_the_middle_of_the_title_cuts_off_its_tagline() -> None:
    html = page(
        "<title>The most curious music video : Crime Blog | Inquiries into the decline of a"
        " whole genre of fiction | Since 2005</title>",
        "<h1><a href='/'>Crime Blog</a></h1>",
    )
    assert extract(html).title == "The most curious music video"


def test_strip_site_name_drops_sections_after_a_leading_site_name() -> None:
    assert strip_site_name("Courier \u00bb News \u00bb Bridge repairs begin in May", "Courier") == (
        "Bridge repairs begin in May"
    )
    assert strip_site_name("Bridge repairs : Courier | Since 1850", "Courier") == "Bridge repairs"


# --- a headline set in an <h2> or <h3> ----------------------------------------------------------


def choose(top: str, *, title: str, og: str = "", twitter: str = "", headline: str = "") -> str:
    """The title `choose_title` picks for a page that shows `top` above its article, given
    every heading the page holds."""
    document = parse(page(f"<title>{title}</title>", top))
    elements = [e for e in document.elements if e.tag in ("h1", "h2", "h3")]
    h1s = [found for e in elements if e.tag == "h1" and (found := heading(e)) is not None]
    return choose_title(
        h1s,
        og=og,
        twitter=twitter,
        headline=headline,
        page_title=document.title,
        site_name=None,
        page_headings=elements,
    )


def test_h2_showing_the_declared_headline_stands_in_for_a_missing_h1() -> None:
    declared = "Bridge closed: council hears repair plan"
    title = choose(
        "<h3>Most read</h3><h2>Old bridge shut until May while repairs go on</h2>",
        title=declared,
        og=declared,
        twitter=declared,
        headline="Old bridge shut until May while repairs go on",
    )
    assert title == "Old bridge shut until May while repairs go on"


def test_h2_shows_the_declared_title_in_its_own_punctuation_below_a_logo_h1() -> None:
    title = choose(
        "<h1><a href='/'>Whisky Club</a></h1>"
        "<h2>Tastings January \u2013 May 2020 in Halle and Dessau</h2>",
        title="Tastings January \u2013 May 2020 in Halle and Dessau - Whisky Club",
        og="Tastings January - May 2020 in Halle and Dessau",
    )
    assert title == "Tastings January \u2013 May 2020 in Halle and Dessau"


def test_h2_showing_the_whole_title_keeps_what_looks_like_a_site_part() -> None:
    title = choose(
        "<h2>How to grow a lemon tree from seed | Step-by-step guide</h2>",
        title="How to grow a lemon tree from seed | Step-by-step guide",
    )
    assert title == "How to grow a lemon tree from seed | Step-by-step guide"


def test_h2_naming_the_site_does_not_stand_in_for_the_headline() -> None:
    title = choose(
        "<h2>Notes from the Valley</h2><h2>Recent posts</h2>",
        title="Growing lemons from seed | Notes from the Valley",
    )
    assert title == "Growing lemons from seed"


def test_h2_showing_a_declared_title_does_not_outrank_the_h1() -> None:
    declared = "Bridge closed: council hears repair plan"
    title = choose(
        f"<h1>Old bridge shut until May while repairs go on</h1><h2>{declared}</h2>",
        title=declared,
        og=declared,
    )
    assert title == "Old bridge shut until May while repairs go on"
