"""Quality floors: the extractor on a small corpus of realistic pages, scored as the bench scores.

The pages (tests/fixtures/corpus/*.html) and their truth (truth.json) were written for this
project: twelve article pages in eight languages, each wrapped in a generous amount of
boilerplate (menus, share bars, related links, newsletter boxes, comments, sidebars, footers).
The truth was written from what each article says, before the extractor was run on it.

What is scored: the article's text as the page shows it, exactly as the bench's default
``bench/extraction.py --reader-text article`` scores it (see `article_text` and the test pinning
the two together): the standfirst, when extraction found it in the page (it moves it out of
``Article.text`` into ``Article.lead``, and ``Article.metadata["lead_source"]`` is "page"),
then the body. The truth bodies hold the standfirst, because a reader shows it. A lead that is
only the page's meta description is shown by the reader but is not text of the page, so it is
not scored.

Body F1 is the bench's token 4-shingle score (`bench.scoring.match_shingles`); the set figure
is `bench.scoring.body_score` (F1 of mean precision and mean recall). Snippets, title, authors
and date use the bench's comparisons too. The floors sit a little below today's figures, so a
change that makes any page worse fails here; a page the extractor gets wrong today keeps its
low floor and a comment naming the weakness, and its known misses are listed so that fixing
one is noticed (the test then asks for the list and the floor to be tightened).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from bench import extraction, scoring

from reader.extract import extract
from reader.model import Article

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"
TRUTH: dict[str, dict[str, Any]] = json.loads((CORPUS / "truth.json").read_text("utf-8"))["pages"]
PAGES = sorted(TRUTH)

# Body F1 per page (article text), each floor about 0.02 under the figure measured when the
# test was written (in brackets). Pages the extractor gets clearly wrong say why.
PAGE_FLOORS: dict[str, float] = {
    # [1.000] (The Vorspann in the article header beside the byline is found: "vorspann" is a
    # lead class word. The inline "Mehr zum Thema" teaser card is not taken for the lead: lead
    # boxes that are mostly links are refused.)
    "de-news": 0.98,
    # [0.565] The whole thread is taken: all five posts, each poster's card ("crumbcoat New
    # member Joined Nov 2023 · 3 posts") and the signatures ("post-user", "post-signature"
    # score as content through the "post" class word). Truth counts the opening post only.
    "en-forum": 0.54,
    # [0.996] The kicker link stays in the body. (The "9 December 2023 · 6 min read" line goes
    # as a dateline, the "Words and photographs by …" credit as the author.)
    "en-lazy-images": 0.97,
    # [1.000]
    "en-longread": 0.98,
    # [1.000]
    "en-news": 0.98,
    # [1.000] (The recipe card's h3 headings, class "wprm-recipe-header", stay: "header" on a
    # heading names its place in its box, not boilerplate.)
    "en-recipe": 0.98,
    # [0.971] Only the text div is taken: the photo caption, its sibling, is lost (taking the
    # picture boxes beside the article box costs about 0.001 F1 on fundus, where truth leaves
    # captions out). The subtitle is found ("subtitulo" is a lead class word).
    "es-div-soup": 0.95,
    # [1.000] (The "Par Claire Dumas Publié le 21 mars 2024 à 10h05" signature line goes: the
    # date as a dateline, the byline as the author.)
    "fr-magazine": 0.98,
    # [1.000] (The meta description, a cut-down copy of the first paragraph, is shown as the
    # lead but is not page text, so it is not scored.)
    "ja-column": 0.98,
    # [1.000]
    "sv-blog": 0.98,
    # [1.000]
    "vi-portal": 0.98,
    # [1.000] (The photo credit "记者 张伟 摄" leaves the caption and the closing 责任编辑
    # (editor in charge) line leaves the body. CJK text tokenises into few long tokens, so each
    # slip weighs a lot.)
    "zh-news": 0.98,
}
# [0.971] The bench's set figure over all twelve pages (precision 0.948, recall 0.996).
SET_FLOOR = 0.95

# Snippets that fail today. Fixing one fails the test on purpose: delete it from here.
KNOWN_MISSING: dict[str, frozenset[str]] = {}
KNOWN_LEAKS: dict[str, frozenset[str]] = {
    "en-forum": frozenset(
        {"The grey liquid is called hooch", "Baking badly since 2019", "Joined Nov 2023"}
    ),
}
# Metadata wrong today, with what comes out instead.
KNOWN_WRONG_METADATA: dict[tuple[str, str], str] = {}


@functools.cache
def extracted(name: str) -> Article:
    html = (CORPUS / f"{name}.html").read_text("utf-8")
    return extract(html, TRUTH[name]["url"])


def article_text(article: Article) -> str:
    """The article's text as the page shows it, as the bench's default ``--reader-text
    article`` scores it: a standfirst found in the page, then the body."""
    standfirst = article.lead and article.metadata.get("lead_source") == "page"
    return f"{article.lead}\n\n{article.text}" if standfirst else article.text


@functools.cache
def match(name: str) -> scoring.ShingleMatch:
    return scoring.match_shingles(TRUTH[name]["body"], article_text(extracted(name)))


def page_f1(m: scoring.ShingleMatch) -> float:
    precision, recall = m.precision or 0.0, m.recall or 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def found(snippet: str, text: str) -> bool:
    return scoring.count_snippets(text, [snippet], []).tp == 1


def test_every_page_has_truth_a_floor_and_an_article() -> None:
    files = sorted(path.stem for path in CORPUS.glob("*.html"))
    assert files == PAGES, "every fixture page needs a truth entry and the other way round"
    assert sorted(PAGE_FLOORS) == PAGES, "every page needs a floor"
    assert len(PAGES) >= 12
    empty = [name for name in PAGES if not extracted(name).blocks]
    assert not empty, f"no article found on {empty}"


def test_the_scored_text_is_what_the_bench_scores_by_default() -> None:
    run = extraction.load_reader().run
    for name in PAGES:
        html = (CORPUS / f"{name}.html").read_text("utf-8")
        assert run(html, TRUTH[name]["url"]).text == article_text(extracted(name)), name


@pytest.mark.parametrize("name", PAGES)
def test_body_f1_stays_above_the_page_floor(name: str) -> None:
    m = match(name)
    f1 = page_f1(m)
    assert f1 >= PAGE_FLOORS[name], (
        f"{name}: body F1 {f1:.3f} (precision {m.precision or 0:.3f}, recall "
        f"{m.recall or 0:.3f}) fell under its floor {PAGE_FLOORS[name]:.2f}"
    )


def test_body_f1_over_the_set_stays_above_the_set_floor() -> None:
    score = scoring.body_score([match(name) for name in PAGES])
    pages = ", ".join(f"{name} {page_f1(match(name)):.3f}" for name in PAGES)
    assert score.f1 >= SET_FLOOR, (
        f"set body F1 {score.f1:.3f} (precision {score.precision:.3f}, recall "
        f"{score.recall:.3f}) fell under {SET_FLOOR:.2f}; pages: {pages}"
    )


@pytest.mark.parametrize("name", PAGES)
def test_with_snippets_are_in_the_text(name: str) -> None:
    text = article_text(extracted(name))
    known = KNOWN_MISSING.get(name, frozenset())
    for snippet in TRUTH[name]["with"]:
        if snippet in known:
            assert not found(snippet, text), (
                f"{name}: known-missing {snippet!r} is found now: delete it from KNOWN_MISSING"
            )
        else:
            assert found(snippet, text), f"{name}: article text {snippet!r} is missing"


@pytest.mark.parametrize("name", PAGES)
def test_without_snippets_are_kept_out(name: str) -> None:
    text = article_text(extracted(name))
    known = KNOWN_LEAKS.get(name, frozenset())
    for snippet in TRUTH[name]["without"]:
        if snippet in known:
            assert found(snippet, text), (
                f"{name}: known leak {snippet!r} is kept out now: delete it from KNOWN_LEAKS"
            )
        else:
            assert not found(snippet, text), f"{name}: boilerplate {snippet!r} leaked in"


@pytest.mark.parametrize("name", [name for name in PAGES if TRUTH[name].get("once")])
def test_captions_of_lazy_images_appear_once(name: str) -> None:
    text = article_text(extracted(name))
    for snippet in TRUTH[name]["once"]:
        count = scoring.norm_space(text).count(scoring.norm_space(snippet))
        assert count == 1, f"{name}: {snippet!r} appears {count} times (a <noscript> twin?)"


def check_metadata(name: str, field: str, right: bool, got: object) -> None:
    """`field` is also the truth's key."""
    known = KNOWN_WRONG_METADATA.get((name, field))
    if known is not None:
        assert not right, (
            f"{name}: {field} ({known} before) is right now: delete it from KNOWN_WRONG_METADATA"
        )
    else:
        assert right, f"{name}: {field} {got!r}, truth {TRUTH[name][field]!r}"


@pytest.mark.parametrize("name", PAGES)
def test_title_matches_truth(name: str) -> None:
    title = extracted(name).title
    check_metadata(name, "title", scoring.same_title(TRUTH[name]["title"], title), title)


@pytest.mark.parametrize("name", PAGES)
def test_authors_match_truth(name: str) -> None:
    authors = extracted(name).authors
    right = scoring.same_authors(TRUTH[name]["authors"], authors)
    check_metadata(name, "authors", right, authors)


@pytest.mark.parametrize("name", PAGES)
def test_published_date_matches_truth(name: str) -> None:
    published = extracted(name).published
    check_metadata(name, "date", scoring.same_day(TRUTH[name]["date"], published), published)


@pytest.mark.parametrize("name", [name for name in PAGES if TRUTH[name].get("source")])
def test_source_line_matches_truth(name: str) -> None:
    source = extracted(name).source
    right = scoring.norm_space(source or "") == TRUTH[name]["source"]
    check_metadata(name, "source", right, source)
