"""Typesetting: widths in cells, the size ladder's promise, and every block kind."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.model import (
    Article,
    Block,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Preformatted,
    Quote,
    Rule,
    Run,
    Table,
    TableCell,
)
from reader.themes import DEFAULT_SIZE, SIZE_LADDER
from reader.typeset import (
    Line,
    Typesetter,
    article_links,
    clean,
    line_text,
    measure,
    typeset,
    typeset_notice,
)

DEFAULT = SIZE_LADDER[DEFAULT_SIZE]

SENTENCES = (
    "The committee met on Monday to review the work of each branch over the term.",
    "Meetings were held in every village, so people who could not travel still took part.",
    "Records were kept in order, and two clerks went to help where they had fallen behind.",
    "Cán bộ, đảng viên phải gương mẫu, nói đi đôi với làm, gần dân và hiểu dân.",
    "Before the rains came, the mountain roads were repaired and the schools reopened.",
)


def para(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def long_article(paragraphs: int = 40) -> Article:
    blocks = tuple(
        para(" ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(2 + i % 4)))
        for i in range(paragraphs)
    )
    return Article(title="A long article about branches", authors=("A. Writer",), blocks=blocks)


def article_of(*blocks: Block, **meta: str) -> Article:
    return Article(title=meta.pop("title", "Title"), blocks=blocks, **meta)  # type: ignore[arg-type]


def body(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.block >= 0]


# --- widths --------------------------------------------------------------------------------


def test_lines_never_exceed_the_measure_or_width() -> None:
    article = long_article(10)
    for step in SIZE_LADDER:
        for width in (20, 37, 80, 97, 200):
            lines = typeset(article, step, width)
            assert lines
            assert max(line.width for line in lines) <= measure(step, width) <= width


TEXT = st.text(
    alphabet=st.sampled_from(
        [*"abc xyz ,.", *"漢字かなカナ한국어", *"ệữ👍、。「", "\u0301", "\u00a0", "\t", "\n"]
    ),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, width=st.integers(min_value=2, max_value=120), step=st.sampled_from(SIZE_LADDER))
def test_wrapping_fits_any_text_in_cells(text: str, width: int, step: object) -> None:
    article = article_of(
        para(text),
        Quote((para(text),)),
        ListBlock((ListItem((para(text), ListBlock((ListItem((para(text),)),)))),)),
        Figure(None, alt=text, caption=(Run(text),)),
        Preformatted(text),
        Table(((TableCell((Run(text),), True),), (TableCell((Run(text),)),))),
        title=text or "t",
    )
    lines = typeset(article, step, width)  # type: ignore[arg-type]
    for line in lines:
        assert cell_len(line.text) <= width, (line.text, width)
    # Nothing is lost: every non-space character of the paragraph appears, in order.
    first = "".join(line.text for line in lines if line.block == 0)
    assert visible(first) == visible(text)


def visible(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def test_cjk_without_spaces_breaks_between_characters() -> None:
    text = "日本語の文章は空白なしで書かれるので文字と文字の間で改行しなければなりません"
    lines = body(typeset(article_of(para(text)), DEFAULT, 20))
    rows = [line.text for line in lines if line.spans]
    assert len(rows) > 3
    assert all(cell_len(row) <= 20 for row in rows)
    assert all(cell_len(row) >= 18 for row in rows[:-1])  # filled, not broken at random
    assert "".join(rows) == text


def test_cjk_closing_punctuation_never_starts_a_line() -> None:
    text = "これは、テストです。" * 12
    for width in range(8, 30):
        rows = [line.text for line in body(typeset(article_of(para(text)), DEFAULT, width))]
        assert not any(row.startswith(("、", "。")) for row in rows if row)


def test_vietnamese_wraps_by_words_and_cells() -> None:
    text = "Trong nhiệm kỳ 2020-2025, Đảng bộ huyện Bắc Mê luôn chú trọng xây dựng chi bộ vững mạnh"
    rows = [line.text for line in body(typeset(article_of(para(text)), DEFAULT, 24)) if line.spans]
    assert " ".join(rows) == text
    assert all(cell_len(row) <= 24 for row in rows)


def test_decomposed_marks_stay_with_their_letter() -> None:
    text = "Vie\u0302\u0323t " * 30  # "Việt" with combining marks
    rows = [line.text for line in body(typeset(article_of(para(text)), DEFAULT, 21)) if line.spans]
    assert all(row[0] not in "\u0302\u0323" for row in rows)
    assert all(cell_len(row) <= 21 for row in rows)


def test_no_break_space_does_not_break() -> None:
    text = ("word " * 8) + "10\u00a0km"
    for width in range(6, 40):
        rows = [line.text for line in body(typeset(article_of(para(text)), DEFAULT, width))]
        assert any("10\u00a0km" in row for row in rows)


def test_overlong_words_are_cut_to_fit() -> None:
    url = "https://example.org/" + "a" * 100
    rows = [line.text for line in body(typeset(article_of(para(url)), DEFAULT, 30)) if line.spans]
    assert all(cell_len(row) <= 30 for row in rows)
    assert "".join(rows) == url


# --- the size ladder -----------------------------------------------------------------------


def test_ladder_has_at_least_seven_steps_default_in_the_middle() -> None:
    assert len(SIZE_LADDER) >= 7
    assert len(SIZE_LADDER) // 2 == DEFAULT_SIZE


def characters_on_first_screen(step_index: int, width: int, rows: int) -> int:
    lines = typeset(long_article(), SIZE_LADDER[step_index], width)
    return sum(len(line.text.replace(" ", "")) for line in lines[:rows])


def test_each_step_up_shows_fewer_characters_at_100x30_and_80x24() -> None:
    # The reading view's text area: the terminal minus the toolbar and footer rows, the
    # view's one-cell padding each side and its one-cell scrollbar.
    for columns, rows in ((100, 30), (80, 24)):
        width, height = columns - 3, rows - 2
        counts = [characters_on_first_screen(i, width, height) for i in range(len(SIZE_LADDER))]
        assert all(a > b for a, b in itertools.pairwise(counts)), (columns, counts)


def test_each_step_up_changes_a_documented_parameter() -> None:
    for lower, upper in itertools.pairwise(SIZE_LADDER):
        assert upper.measure < lower.measure
        assert upper.line_spacing >= lower.line_spacing
        assert upper.paragraph_spacing >= lower.paragraph_spacing
        assert upper.word_spacing >= lower.word_spacing
        assert upper.bold >= lower.bold
    assert not SIZE_LADDER[0].bold and SIZE_LADDER[-1].bold


def test_line_word_and_paragraph_spacing_are_applied() -> None:
    article = article_of(para("one two three four five six seven eight nine ten " * 3), para("x"))
    largest = SIZE_LADDER[-1]
    lines = body(typeset(article, largest, 30))
    first = [line for line in lines if line.block == 0]
    while not first[0].spans:  # the paragraph spacing above the block
        first.pop(0)
    # text rows alternate with blank rows (line spacing 1)
    texts = [bool(line.spans) for line in first]
    assert texts[:4] == [True, False, True, False]
    assert "one  two" in first[0].text  # word spacing: two spaces
    gap = [line for line in lines if line.block == 1 and not line.spans]
    assert len(gap) == largest.paragraph_spacing


def test_bold_body_at_the_top_steps_only() -> None:
    article = article_of(para("plain body text"))
    for step in SIZE_LADDER:
        spans = [span for line in body(typeset(article, step, 80)) for span in line.spans]
        assert all(span.bold == step.bold for span in spans if span.role == "body")


def test_measure_is_clamped_to_narrow_windows() -> None:
    lines = typeset(long_article(3), SIZE_LADDER[0], 20)
    assert max(line.width for line in lines) <= 20
    assert measure(SIZE_LADDER[0], 20) == 20
    assert measure(SIZE_LADDER[0], 300) == SIZE_LADDER[0].measure


# --- safety --------------------------------------------------------------------------------


def test_control_characters_are_stripped() -> None:
    hostile = "red \x1b[31mRED\x1b[0m bell\x07 csi\x9b2J \u202eevil\u202c zero\u200bwidth"
    lines = typeset(article_of(para(hostile), title="Ti\x1btle", site_name="Si\x00te"), DEFAULT, 80)
    text = line_text(lines)
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\x00", "\u200b"):
        assert bad not in text
    assert "[31mRED[0m" in text  # what remains is inert text
    assert "Title" in text and "Site" in text
    assert clean("a\r\nb\tc") == "a\nb\tc"


def test_markup_is_kept_as_text() -> None:
    lines = typeset(article_of(para("[bold]not bold[/bold] and [link=x]y[/]")), DEFAULT, 80)
    assert "[bold]not bold[/bold] and [link=x]y[/]" in line_text(lines)
    assert not any(span.bold for line in body(lines) for span in line.spans)


# --- header and blocks ---------------------------------------------------------------------


def test_header_lines() -> None:
    article = Article(
        title="District builds strong branches",
        authors=("Nguyễn Văn An", "Trần Thị Bình"),
        published="2024-03-12T08:30:00+07:00",
        site_name="Provincial Portal",
        lead="A short standfirst.",
        blocks=(para("word " * 460),),
    )
    lines = typeset(article, DEFAULT, 80)
    header = [line.text for line in lines if line.block == -1]
    assert header[0] == "Provincial Portal"
    assert "District builds strong branches" in header
    assert "A short standfirst." in header
    assert "By Nguyễn Văn An, Trần Thị Bình" in header
    assert "12 March 2024 · 2 min read" in header
    assert header[-1] == "─" * measure(DEFAULT, 80)
    title = next(line for line in lines if line.text == "District builds strong branches")
    assert title.spans[0].role == "title" and title.spans[0].bold


def test_header_without_metadata_and_unparseable_date() -> None:
    header = [line.text for line in typeset(Article(published="last Tuesday"), DEFAULT, 80)]
    assert "Untitled" in header
    assert "last Tuesday" in header
    assert any("No article text" in row for row in header)


def test_empty_article_explains_why() -> None:
    lines = typeset(Article(title="x", reason="The page is a PDF."), DEFAULT, 80)
    assert lines[-1].text == "The page is a PDF."
    assert lines[-1].spans[0].role == "notice"


def test_source_and_address_close_the_article() -> None:
    article = article_of(para("body"), source="Nguồn: Ban Biên tập", url="https://example.org/a")
    lines = typeset(article, DEFAULT, 80)
    assert [line.text for line in lines[-2:]] == ["Nguồn: Ban Biên tập", "https://example.org/a"]
    assert {line.block for line in lines[-2:]} == {1}


def test_blocks_are_numbered_and_spacers_belong_to_the_next_block() -> None:
    lines = typeset(article_of(para("a"), para("b"), para("c")), DEFAULT, 80)
    blocks = [line.block for line in lines]
    assert blocks == sorted(blocks)
    for line in lines:
        if line.block >= 0 and line.spans:
            assert line.text == "abc"[line.block]


def test_inline_runs_keep_meaning_without_colour() -> None:
    paragraph = Paragraph(
        (
            Run("plain "),
            Run("emphasis", emphasis=True),
            Run(" "),
            Run("strong", strong=True),
            Run(" "),
            Run("code()", code=True),
            Run(" "),
            Run("a link", href="https://example.org"),
        )
    )
    for step in SIZE_LADDER:
        lines = body(typeset(article_of(paragraph), step, 80))
        spans = {" ".join(s.text.split()): s for line in lines for s in line.spans}
        assert spans["emphasis"].italic
        assert spans["strong"].bold
        assert spans["code()"].role == "code"
        link = spans["a link"]
        assert link.role == "link" and link.underline and link.href == "https://example.org"


def test_heading_prominence_grows_with_the_step() -> None:
    article = article_of(para("intro"), Heading(2, (Run("Results of the term"),)))
    small = [line.text for line in body(typeset(article, SIZE_LADDER[0], 80))]
    default = [line.text for line in body(typeset(article, DEFAULT, 80))]
    largest = [line.text for line in body(typeset(article, SIZE_LADDER[-1], 80))]
    assert "Results of the term" in small and not any("━" in row for row in small)
    assert "━" * len("Results of the term") in default
    assert any("RESULTS" in row for row in largest)
    heading = next(
        line for line in body(typeset(article, SIZE_LADDER[0], 80)) if "Results" in line.text
    )
    assert heading.spans[0].bold and heading.spans[0].role == "heading"


def test_quote_has_a_bar_on_every_line() -> None:
    quote = Quote((para("words " * 30), para("second paragraph")))
    rows = [line.text for line in body(typeset(article_of(quote), DEFAULT, 40))]
    quoted = [row for row in rows if row]
    assert len(quoted) > 4
    assert all(row.startswith("│") for row in quoted)
    assert any(row == "│" for row in quoted)  # the bar continues between its paragraphs


def test_lists_have_markers_and_nested_indentation() -> None:
    nested = ListBlock((ListItem((para("inner one"),)), ListItem((para("inner two"),))))
    items = (
        ListItem((para("first item " * 6),)),
        ListItem((para("second"), nested)),
    )
    rows = [line.text for line in body(typeset(article_of(ListBlock(items)), DEFAULT, 40))]
    rows = [row for row in rows if row]
    assert rows[0].startswith("• first item")
    assert rows[1].startswith("  ") and rows[1][2] != " "  # continuation under the text
    assert "• second" in rows
    assert "  • inner one" in rows and "  • inner two" in rows
    ordered = ListBlock(tuple(ListItem((para(f"n{i}"),)) for i in range(10)), ordered=True)
    rows = [line.text for line in body(typeset(article_of(ordered), DEFAULT, 40)) if line.spans]
    assert rows[0] == "1.  n0" and rows[9] == "10. n9"  # markers padded so text aligns


def test_figure_is_a_framed_block_with_caption() -> None:
    figure = Figure("https://example.org/a.jpg", alt="The district hall", caption=(Run("In 2024"),))
    lines = body(typeset(article_of(figure), DEFAULT, 40))
    rows = [line.text for line in lines if line.spans]
    assert rows[0].startswith("┌─ Image") and rows[0].endswith("┐")
    assert rows[1] == "│ The district hall" + " " * (40 - 4 - 17) + " │"
    assert rows[2].startswith("└") and rows[2].endswith("┘")
    assert len({cell_len(row) for row in rows[:3]}) == 1
    assert rows[3] == "In 2024"
    assert lines[-1].spans[0].italic
    no_alt = [line.text for line in body(typeset(article_of(Figure(None)), DEFAULT, 40))]
    assert any("no description" in row for row in no_alt)


def test_preformatted_keeps_lines_and_cuts_long_ones() -> None:
    code = "def f(x):\n\treturn x * 2\n\n" + "y = " + "1 + " * 30
    lines = body(typeset(article_of(Preformatted(code)), DEFAULT, 40))
    rows = [line.text for line in lines]
    assert rows[1] == "  def f(x):"
    assert rows[2] == "      return x * 2"
    assert rows[3] == ""
    assert all(cell_len(row) <= 40 for row in rows)
    assert all(span.role == "code" for line in lines for span in line.spans)


def test_tables_align_or_fall_back_to_records() -> None:
    table = Table(
        (
            (TableCell((Run("Name"),), True), TableCell((Run("Votes"),), True)),
            (TableCell((Run("Alpha"),)), TableCell((Run("12"),))),
            (TableCell((Run("Beta"),)), TableCell((Run("7"),))),
        ),
        caption=(Run("Results"),),
    )
    rows = [line.text for line in body(typeset(article_of(table), DEFAULT, 40)) if line.spans]
    assert rows == ["Results", "Name  │ Votes", "──────┼──────", "Alpha │ 12", "Beta  │ 7"]
    narrow = [line.text for line in body(typeset(article_of(table), DEFAULT, 12)) if line.spans]
    assert "Name: Alpha" in narrow and "Votes: 12" in narrow


def test_rule_spans_the_column() -> None:
    rows = [line.text for line in body(typeset(article_of(Rule()), DEFAULT, 40)) if line.spans]
    assert rows == ["─" * 40]


def test_notice_is_wrapped_like_body_text() -> None:
    lines = typeset_notice("Could not open.\nHostNotFound — check the address", DEFAULT, 20)
    rows = [line.text for line in lines]
    assert rows[0] == "Could not open."
    assert rows[1] == ""
    assert all(cell_len(row) <= 20 for row in rows)
    assert " ".join(r for r in rows[2:]) == "HostNotFound — check the address"


# --- link numbers --------------------------------------------------------------------------


def linked_article() -> Article:
    return article_of(
        Paragraph(
            (
                Run("See the "),
                Run("annual ", href="https://example.org/report"),
                Run("report", strong=True, href="https://example.org/report"),
                Run(" and "),
                Run("write to us", href="mailto:desk@example.org"),
                Run("."),
            )
        ),
        Heading(2, (Run("Links in a "), Run("heading", href="https://example.org/h"))),
        Quote((para("quoted"), Paragraph((Run("inner", href="https://example.org/q"),)))),
        ListBlock((ListItem((Paragraph((Run("item", href="javascript:alert(1)"),)),)),)),
        Figure(None, alt="a photo", caption=(Run("credit", href="https://example.org/c"),)),
        Table(((TableCell((Run("cell", href="https://example.org/no"),)),),)),
        para("The end, with the same report again: "),
        Paragraph((Run("report", href="https://example.org/report"),)),
    )


def test_article_links_are_numbered_in_reading_order() -> None:
    links = article_links(linked_article())
    assert [(link.number, link.text, link.href) for link in links] == [
        (1, "annual report", "https://example.org/report"),  # two runs, one link
        (2, "write to us", "mailto:desk@example.org"),
        (3, "heading", "https://example.org/h"),
        (4, "inner", "https://example.org/q"),
        (5, "item", "javascript:alert(1)"),
        (6, "credit", "https://example.org/c"),
        (7, "report", "https://example.org/report"),  # each occurrence has its own number
    ]  # table cells are set as plain text, so they carry no numbered link


def test_link_numbers_follow_each_link_as_lynx_shows_them() -> None:
    article = linked_article()
    plain = typeset(article, DEFAULT, 60)
    numbered = typeset(article, DEFAULT, 60, link_numbers=True)
    assert "[1]" not in line_text(plain)
    markers = [
        (int(span.text.strip("[]")), span.href)
        for line in numbered
        for span in line.spans
        if span.role == "link-number"
    ]
    assert markers == [(link.number, link.href) for link in article_links(article)]
    text = line_text(numbered)
    assert "annual report[1] and write to us[2]." in text
    for line in numbered:  # a number never starts a line away from its link
        assert not line.text.lstrip().startswith("[") or line.spans[0].role != "link-number"
    for size in SIZE_LADDER:
        for width in (12, 30, 97):
            assert (
                max(line.width for line in typeset(article, size, width, link_numbers=True))
                <= width
            )


def test_a_wide_table_of_headers_alone_is_not_lost() -> None:
    wide = "A heading cell far wider than the reading column of any narrow window"
    table = Table(((TableCell((Run(wide),), True), TableCell((Run("second"),), True)),))
    text = " ".join(line_text(body(typeset(article_of(table), DEFAULT, 40))).split())
    assert wide in text and "second" in text


def test_typesetter_pieces_are_exactly_the_whole() -> None:
    article = article_of(*linked_article().blocks, *long_article(30).blocks, title="Pieces")
    count = len(article.blocks)
    for numbers in (False, True):
        whole = typeset(article, DEFAULT, 70, link_numbers=numbers)
        for first, cuts in ((0, (1, 5, 9, count)), (4, (7, 8, 20, count)), (9, (count,))):
            setter = Typesetter(article, DEFAULT, 70, link_numbers=numbers, first_block=first)
            pieces: list[Line] = []
            start = first
            for stop in cuts:
                pieces += setter.blocks(start, stop)
                start = stop
            pieces += setter.trailer()
            expected = [line for line in whole if line.block >= first]
            assert pieces == expected, (numbers, first)
        header = [line for line in whole if line.block == -1]
        assert Typesetter(article, DEFAULT, 70).header() == header
    setter = Typesetter(article, DEFAULT, 70)
    setter.blocks(0, 3)
    with pytest.raises(ValueError):
        setter.blocks(5, 9)  # out of order: link numbers would be wrong


def _wide_table() -> Table:
    head = tuple(TableCell((Run(f"Column {c}"),), True) for c in range(8))
    body = tuple(tuple(TableCell((Run(f"r{r}c{c} value"),)) for c in range(8)) for r in range(3))
    return Table((head, *body))


def test_scroll_wide_keeps_a_wide_table_aligned_past_the_column() -> None:
    lines = [
        line
        for line in body(typeset(article_of(_wide_table()), DEFAULT, 40, scroll_wide=True))
        if line.spans
    ]
    assert lines[0].text.startswith("Column 0   │ Column 1   │")  # padded to "r0c0 value"
    assert set(lines[1].text) <= set("─┼")  # the rule under the header row
    assert all(line.width > 40 for line in lines)  # wider than the column: the view scrolls it
    assert len({line.text.index("│") for line in lines[2:]}) == 1  # aligned
    records = line_text(body(typeset(article_of(_wide_table()), DEFAULT, 40)))
    assert "Column 0: r0c0 value" in records  # without it (plain output): records, as before


def test_scroll_wide_keeps_code_lines_whole() -> None:
    code = "short\n" + "x = " + "1 + " * 30 + "1\nend"
    lines = body(typeset(article_of(Preformatted(code)), DEFAULT, 40, scroll_wide=True))
    texts = [line.text.strip() for line in lines if line.spans]
    assert texts == ["short", ("x = " + "1 + " * 30 + "1"), "end"]  # never re-wrapped
