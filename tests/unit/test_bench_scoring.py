"""The benchmark's scores, on strings small enough to count by hand."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from bench import extraction, scoring

# --- body: token 4-shingles (scrapinghub's method) ----------------------------------------------


def test_tokens_are_word_runs_with_case_kept_and_a_cjk_run_as_one_token() -> None:
    assert scoring.tokenize("Hello, world! It's 2024.") == ["Hello", "world", "It", "s", "2024"]
    assert scoring.tokenize("Đà Nẵng") == ["Đà", "Nẵng"]
    assert scoring.tokenize("北京欢迎你 ok") == ["北京欢迎你", "ok"]


def test_shingles_are_four_token_windows_and_short_texts_give_one() -> None:
    assert scoring.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert scoring.shingles("a b") == {("a", "b"): 1}
    assert scoring.shingles(" ... ") == {}


def test_identical_texts_match_fully_whatever_the_spacing_and_punctuation() -> None:
    match = scoring.match_shingles("One two three four five.", "One  two\nthree, four five")
    assert (match.tp, match.fp, match.fn) == (1.0, 0.0, 0.0)
    assert (match.precision, match.recall) == (1.0, 1.0)


def test_counts_are_normalised_by_their_sum() -> None:
    # true: abcd bcde cdef; pred: abcd bcde cdex dexy exyz xyzw -> tp 2, fp 4, fn 1, sum 7
    match = scoring.match_shingles("a b c d e f", "a b c d e x y z w")
    assert (match.tp, match.fp, match.fn) == pytest.approx((2 / 7, 4 / 7, 1 / 7))
    assert (match.precision, match.recall) == pytest.approx((1 / 3, 2 / 3))
    match = scoring.match_shingles("a b c d e f", "a b c d e")
    assert (match.tp, match.fp, match.fn) == pytest.approx((2 / 3, 0.0, 1 / 3))
    assert match.precision == 1.0
    assert match.recall == pytest.approx(2 / 3)


def test_shingles_are_matched_as_multisets() -> None:
    match = scoring.match_shingles("a b c d", "a b c d. a b c d.")
    # pred has "a b c d" twice plus 3 windows across the seam; true has it once
    assert (match.tp, match.fp, match.fn) == pytest.approx((1 / 5, 4 / 5, 0.0))


def test_empty_output_counts_for_recall_only_and_empty_truth_for_precision_only() -> None:
    empty_output = scoring.match_shingles("a b c d e", "")
    assert (empty_output.precision, empty_output.recall) == (None, 0.0)
    empty_truth = scoring.match_shingles("", "a b c d e")
    assert (empty_truth.precision, empty_truth.recall) == (0.0, None)
    both_empty = scoring.match_shingles("", "")
    assert (both_empty.precision, both_empty.recall) == (None, None)


def test_corpus_f1_is_the_harmonic_mean_of_averaged_precision_and_recall() -> None:
    half_recall = scoring.ShingleMatch(tp=0.5, fp=0.0, fn=0.5)  # P 1, R 0.5
    half_precision = scoring.ShingleMatch(tp=0.5, fp=0.5, fn=0.0)  # P 0.5, R 1
    score = scoring.body_score([half_recall, half_precision])
    assert (score.precision, score.recall, score.f1) == pytest.approx((0.75, 0.75, 0.75))
    # not the mean of per-page F1s, which would be 2/3
    assert score.f1 != pytest.approx(2 / 3)


def test_a_page_with_no_output_lowers_recall_but_not_precision() -> None:
    perfect = scoring.match_shingles("a b c d e", "a b c d e")
    nothing = scoring.match_shingles("a b c d e", "")
    score = scoring.body_score([perfect, nothing])
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert (score.precision_pages, score.recall_pages) == (1, 2)
    assert score.f1 == pytest.approx(2 / 3)


def test_no_pages_score_zero_rather_than_raise() -> None:
    assert scoring.body_score([]) == scoring.BodyScore(0.0, 0.0, 0.0, 0, 0)


def test_exact_means_the_same_token_sequence() -> None:
    assert scoring.exact_tokens("Hello,  world!", "Hello world")
    assert not scoring.exact_tokens("Hello world", "hello world")


# --- snippets: trafilatura's with / without checks ----------------------------------------------


def test_snippets_pass_when_wanted_text_is_present_and_unwanted_text_absent() -> None:
    text = "The  mayor said\nthe bridge opens in May.\nRead more"
    counts = scoring.count_snippets(
        text,
        with_=["mayor said the bridge", "opens in June"],
        without=["Read more", "Subscribe now"],
    )
    assert counts == scoring.SnippetCounts(tp=1, fn=1, fp=1, tn=1)
    assert counts.pass_rate == 0.5
    assert (counts.with_rate, counts.without_rate) == (0.5, 0.5)


def test_snippet_counts_add_up_across_pages() -> None:
    total = scoring.count_snippets("alpha", ["alpha"], ["beta"]) + scoring.count_snippets(
        "", ["gamma"], ["delta"]
    )
    assert total == scoring.SnippetCounts(tp=1, fn=1, fp=0, tn=2)
    assert total.pass_rate == 0.75
    assert total.f1 == pytest.approx(2 / 3)


# --- metadata -----------------------------------------------------------------------------------


def test_titles_match_exactly_after_whitespace_normalisation() -> None:
    assert scoring.same_title("Lũ  quét ở\nLào Cai", " Lũ quét ở Lào Cai ")
    assert not scoring.same_title("Lũ quét ở Lào Cai", "lũ quét ở lào cai")
    assert not scoring.same_title("Title", None)


def test_authors_compare_as_casefolded_name_sets() -> None:
    assert scoring.same_authors(
        "Lars Fischer und Alina Schadwinkel", "Alina Schadwinkel; Lars Fischer"
    )
    assert scoring.same_authors(["Nguyễn Văn A", "Trần B"], ("trần b", "NGUYỄN VĂN A"))
    assert scoring.same_authors("By Erin Cunningham", ("Erin Cunningham",))
    assert not scoring.same_authors("Erin Cunningham", ("Erin Cunningham", "Staff"))
    assert not scoring.same_authors("Erin Cunningham", ())
    assert not scoring.same_authors("Erin Cunningham", None)


def test_dates_compare_on_the_day() -> None:
    assert scoring.same_day("2024-05-03 15:47:42.389000+00:00", "2024-05-03")
    assert scoring.same_day("2024-05-03", "2024-05-03T23:10:00+07:00")
    assert not scoring.same_day("2024-05-03", "2024-05-04")
    assert not scoring.same_day("2024-05-03", "May 3, 2024")
    assert not scoring.same_day("2024-05-03", None)


def test_p95_is_the_nearest_rank() -> None:
    assert scoring.percentile([float(n) for n in range(1, 21)], 0.95) == 19.0
    assert scoring.percentile([7.0], 0.95) == 7.0
    assert math.isnan(scoring.percentile([], 0.95))


# --- the harness around the scores -----------------------------------------------------------


def test_the_big_page_grows_inside_the_article() -> None:
    body = [
        f"Paragraph {n} of the article, long enough to be taken for real prose here."
        for n in range(5)
    ]
    page = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in body)
        + "</article><footer><p>Footer text that is long enough but not in the article body.</p>"
        + "</footer></body></html>"
    )
    found = extraction.body_paragraphs(page, "\n\n".join(body), min_chars=40)
    assert len(found) == 5
    big = extraction.make_big_page(page, found, 20_000)
    assert len(big.encode("utf-8")) >= 20_000
    article, footer = big.split("</article>")
    assert article.count("Paragraph 4 of the article") > 20
    assert footer.count("Footer text") == 1


def test_a_missing_corpus_folder_is_named_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-corpus"
    assert extraction.main([str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: corpus folder not found: {missing}"


# --- what is scored as our article's text ------------------------------------------------------

_LEAD_PAGE = (
    "<html lang='en'><head><meta name='description' content='{description}'></head><body>"
    "<h1>Bridge reopens</h1><div class='content'><p><strong>The old bridge reopens next week "
    "after two years of repairs.</strong></p>"
    + "<p>The council met on Tuesday evening to discuss the repairs to the old bridge, the bus "
    "timetable and the summer fair, which will be held on the green in July.</p>"
    * 2
    + "</div></body></html>"
)


def test_reader_text_scores_the_standfirst_but_not_a_description_off_the_page() -> None:
    standfirst = extraction.load_reader("article").run(
        _LEAD_PAGE.format(description="About the bridge."), None
    )
    assert standfirst.text.startswith("The old bridge reopens next week")
    plain = "<html><head><meta name='description' content='About the bridge.'></head><body>"
    page = plain + "<div class='content'>" + "<p>" + "Text of the article, long enough. " * 8
    no_standfirst = page + "</p><p>" + "Another paragraph of the same article. " * 8 + "</p>"
    assert "About the bridge" not in extraction.load_reader("article").run(no_standfirst, None).text
    assert extraction.load_reader("shown").run(no_standfirst, None).text.startswith("About the")
    assert (
        "The old bridge"
        not in extraction.load_reader("body")
        .run(_LEAD_PAGE.format(description="About the bridge."), None)
        .text
    )


def test_prose_text_leaves_out_figure_captions_that_article_text_keeps() -> None:
    figure = (
        "<figure><img src='/bridge.jpg' alt=''><figcaption>The bridge at dawn, seen from the "
        "east bank.</figcaption></figure>"
    )
    page = _LEAD_PAGE.format(description="About the bridge.").replace("</div>", figure + "</div>")
    article = extraction.load_reader("article").run(page, None).text
    prose = extraction.load_reader("prose").run(page, None).text
    assert "The bridge at dawn" in article
    assert "The bridge at dawn" not in prose
    assert prose.startswith("The old bridge reopens next week")
    assert "summer fair" in prose


def test_soft_hyphens_in_a_snippet_or_the_output_do_not_matter() -> None:
    counts = scoring.count_snippets("Die Ver\u00adsicherung zahlt.", ["Versicherung zahlt"], [])
    assert counts.tp == 1
    counts = scoring.count_snippets("Die Versicherung zahlt.", ["Ver\u00adsicherung zahlt"], [])
    assert counts.tp == 1


def test_soft_hyphens_do_not_split_words_for_the_body_score() -> None:
    assert scoring.tokenize("Ver\u00adsicherung zahlt") == ["Versicherung", "zahlt"]


def test_a_decomposed_truth_scores_as_its_composed_text() -> None:
    decomposed = "Gru\u0308ne Bru\u0308cke u\u0308ber den Fluss"
    composed = "Grüne Brücke über den Fluss"
    assert scoring.tokenize(decomposed) == ["Grüne", "Brücke", "über", "den", "Fluss"]
    assert scoring.body_score([scoring.match_shingles(decomposed, composed)]).f1 == 1.0
    assert scoring.count_snippets(composed, ["Gru\u0308ne Bru\u0308cke"], []).tp == 1
