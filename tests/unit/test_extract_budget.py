"""A huge page is read up to a budget, in bounded time, and the Article says it was cut."""

from __future__ import annotations

import time

from reader import extract
from reader.extract.budget import Budget, fit

SENTENCE = (
    "The keeper lit the lamp at dusk, and the sea was calm, with a light wind from the "
    "south-west and the supply boat two days overdue."
)
HEAD = "<html><head><title>The Lighthouse</title></head><body><article><h1>The Lighthouse</h1>"
TAIL = "</article></body></html>"


def page(paragraphs: int, last: str = "The very last paragraph of the log ends here.") -> str:
    body = "".join(f"<p>{k}. {SENTENCE}</p>\n" for k in range(paragraphs))
    return f"{HEAD}{body}<p>{last}</p>{TAIL}"


def test_fifty_megabyte_page_returns_a_truncated_article_in_bounded_time() -> None:
    paragraph = f"<p>{SENTENCE}</p>\n"
    html = HEAD + paragraph * (50_000_000 // len(paragraph)) + TAIL
    assert len(html) >= 49_000_000
    start = time.perf_counter()
    article = extract(html, "https://example.org/log")
    elapsed = time.perf_counter() - start
    assert elapsed < 15, elapsed  # unbudgeted it took several seconds and ~500 MB
    assert article.reason is None
    assert article.title == "The Lighthouse"
    assert article.word_count > 100_000
    assert article.metadata["truncated"].startswith("page truncated after 7,99")
    assert article.metadata["truncated"].endswith(f"of {len(html):,}")


def test_a_page_within_the_budget_is_read_whole_and_not_marked() -> None:
    html = page(40)
    article = extract(html, budget=Budget(chars=len(html), tags=html.count("<")))
    assert "The very last paragraph of the log ends here." in article.text
    assert "truncated" not in article.metadata


def test_the_character_budget_keeps_the_head_of_the_page_and_says_so() -> None:
    html = page(400)
    article = extract(html, budget=Budget(chars=20_000))
    assert "0. The keeper lit the lamp" in article.text
    assert "The very last paragraph" not in article.text
    note = article.metadata["truncated"]
    assert note.startswith("page truncated after ") and note.endswith(f"of {len(html):,}")


def test_the_tag_budget_bounds_the_elements_copied() -> None:
    html = page(400)
    article = extract(html, budget=Budget(tags=300))
    assert "5. The keeper lit the lamp" in article.text
    assert "399. The keeper" not in article.text
    assert "truncated" in article.metadata


def test_the_cut_falls_before_a_tag_never_inside_one() -> None:
    html = '<p class="a">one</p><p class="b">two</p><p class="c">three</p>'
    fitted = fit(html, Budget(chars=30))
    assert fitted.cut and fitted.html == '<p class="a">one</p>'


def test_inline_scripts_do_not_use_up_the_budget_but_json_ld_stays() -> None:
    script = "<script>var state = '" + "x" * 50_000 + "';</script><style>p{}</style>"
    json_ld = '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
    json_ld += '{"@type": "Person", "name": "Ann Keeper"}}</script>'
    html = page(20).replace("</head>", f"{json_ld}{script * 4}</head>")
    article = extract(html, budget=Budget(chars=10_000))
    assert "19. The keeper lit the lamp" in article.text
    assert article.authors == ("Ann Keeper",)


def test_an_unclosed_script_runs_to_the_end_in_linear_time() -> None:
    html = "<p>before</p>" + "<script>" * 200_000
    start = time.perf_counter()
    fitted = fit(html, Budget(chars=1_000))
    assert time.perf_counter() - start < 5
    assert fitted.html == "<p>before</p>"


def test_huge_bytes_are_cut_before_decoding() -> None:
    data = page(400).encode("utf-8")
    article = extract(data, budget=Budget(chars=5_000))
    assert "0. The keeper lit the lamp" in article.text
    assert article.metadata["truncated"].endswith(f"of a {len(data):,}-byte page")


def test_nothing_found_before_the_cut_says_the_page_was_cut() -> None:
    menu = "".join(f'<li><a href="/s{k}">Section {k}</a></li>' for k in range(500))
    html = f"<html><body><ul>{menu}</ul><article>{page(20)}</article></body></html>"
    article = extract(html, budget=Budget(chars=5_000))
    assert not article.blocks
    assert article.reason is not None and "page truncated after" in article.reason
