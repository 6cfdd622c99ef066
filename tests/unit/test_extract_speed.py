"""The shortcuts that make extraction fast must never change what it finds.

Each quick test stands in front of a slower exact one; these tests pin down that the quick
test can only say "no" where the exact one says "no", and that the DOM copy keeps the order
metadata relies on.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract import dates, extract, hints, metadata
from reader.extract.budget import Budget, fit
from reader.extract.dom import has_text, parse
from reader.extract.nesting import limit_nesting
from reader.extract.text import casefold_key, collapse, nfc, sanitize
from reader.model import Article, Heading, Paragraph, Run, make_run

_PART_TUPLES = (
    hints._NEGATIVE_PARTS,
    hints._POSITIVE_PARTS,
    hints._UNLIKELY_PARTS,
    hints.DATE_PARTS,
    hints.LEAD_PARTS,
    hints.AUTHOR_PARTS + hints.DATE_PARTS + hints.LEAD_PARTS,
)
_VOCABULARY = sorted(
    {word for parts in _PART_TUPLES for word in parts}
    | hints._UNLIKELY_TOKENS
    | {"and", "article", "main", "Sidebar", "NAV"}
)
_LITERAL = _parser.LITERAL
_BRANCH = _parser.BRANCH
_SUBPATTERN = _parser.SUBPATTERN


def _alternatives(pattern: re.Pattern[str]) -> list[Any]:
    """The top-level alternatives of a pattern (inside its outer group, if any)."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    items = list(tree)
    if len(items) == 1 and items[0][0] is _SUBPATTERN:
        items = list(items[0][1][-1])
    if len(items) == 1 and items[0][0] is _BRANCH:
        return list(items[0][1][1])
    return [items]


def _holds_a_word(alternative: Any, words: tuple[str, ...], before: str = "") -> bool:
    """Whether every match of the alternative contains one of the words: a run of literals
    holds one, or a group it cannot skip holds one in each of its own alternatives (read
    after the literals just before it: the parser takes the common start of alternatives out,
    `compensation|commission` is `com` then `pensation|mission`)."""
    run: list[str] = list(before)
    for op, value in [*alternative, (None, None)]:
        if op is _LITERAL:
            run.append(chr(value))
            continue
        text = "".join(run).lower()
        run = []
        if any(word in text for word in words):
            return True
        branches: list[Any] = []
        if op is _BRANCH:  # a non-capturing group of alternatives
            branches = list(value[1])
        elif op is _SUBPATTERN:
            inner = list(value[-1])
            branches = (
                list(inner[0][1][1]) if len(inner) == 1 and inner[0][0] is _BRANCH else [inner]
            )
        if branches and all(_holds_a_word(branch, words, text) for branch in branches):
            return True
    return False


def _covered(pattern: re.Pattern[str], words: tuple[str, ...]) -> list[str]:
    """Alternatives of the pattern holding none of the words (for the failure message)."""
    return [str(a) for a in _alternatives(pattern) if not _holds_a_word(a, words)]


_PROMO_LINE = re.compile(
    "|".join(pattern for _, pattern in hints._PROMO_PHRASES), hints._PROMO_FLAGS
)
"""All the promo phrases in one pattern, as `is_promo_line` searched them before it tried only
the phrases of the quick words a line holds."""


def test_every_promo_phrase_holds_its_quick_word() -> None:
    for held, pattern in hints._PROMO_PHRASES:
        words = (held,) if isinstance(held, str) else held
        compiled = re.compile(pattern, hints._PROMO_FLAGS)
        assert len(_alternatives(compiled)) == 1, pattern  # one phrase, not several
        assert _covered(compiled, words) == [], (words, pattern)
        assert all(word == word.lower() for word in words)


def test_every_paywall_alternative_holds_a_quick_test_word() -> None:
    assert _covered(hints._PAYWALL_LINE, hints._PAYWALL_WORDS) == []


def test_every_boilerplate_marker_holds_a_quick_test_word_but_the_font_buttons() -> None:
    missing = _covered(hints._BOILERPLATE_MARKER, hints._MARKER_WORDS)
    assert len(missing) == 1  # the `\bA\s*[-+]` buttons, which `_A_SIGN` finds instead
    assert "65" in missing[0] or "97" in missing[0]  # (the code of "A" / "a")
    for button in ("A-", "A +", "a\u2212", "A+"):
        assert hints._A_SIGN.search(button)


def test_the_role_quick_test_covers_the_author_pattern() -> None:
    assert hints._AUTHOR_NAME.pattern.startswith("(?:" + "|".join(hints.AUTHOR_PARTS) + ")")
    assert hints._roles_of("post-author-box") == hints.AUTHOR
    assert hints._roles_of("authorities") == 0
    assert hints._roles_of("entry-date lead") == hints.DATE | hints.LEAD
    assert hints._roles_of("container row") == 0


def test_case_traps_are_all_the_characters_ignorecase_reads_as_a_quick_test_letter() -> None:
    """IGNORECASE matches a few characters to a letter that `str.lower` leaves apart; a line
    holding one of them skips the quick test."""
    letters = {
        letter
        for word in (*hints._PROMO_WORDS, *hints._MARKER_WORDS)
        for letter in word
        if letter.isalpha()
    }
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    traps = set()
    for letter in letters:
        for found in re.findall(re.escape(letter), every, re.IGNORECASE):
            if letter not in found.lower():
                traps.add(found)
    assert traps <= set(hints._CASE_TRAPS)


def test_quick_tests_keep_the_verdicts() -> None:
    lines = [
        "Sign up for our daily newsletter",
        "SIGN UP FOR OUR NEWSLETTER",
        "S\u0131gn up for our newsletter. By s\u0131gn\u0131ng up, you agree",  # dotless i
        "Already a \u017fubscriber? Log in",  # long s
        "Fehler gefunden?",
        "Đăng ký nhận bản tin",
        "A- A A+",
        "Chia sẻ Facebook Twitter",
        "Share on Facebook",
        "SHARE",
        "Print",
        "The minister said the plan would be ready in spring.",
        "",
    ]
    for line in lines:
        assert hints.is_promo_line(line) == (
            len(line) <= 300 and _PROMO_LINE.search(line) is not None
        ), line
        exact = (
            bool(line.strip())
            and len(line) <= 240
            and (
                hints._COUNTER_LINE.match(line) is not None
                or (
                    hints._BOILERPLATE_MARKER.search(line) is not None
                    and not any(ch.isalnum() for ch in hints._BOILERPLATE_PIECES.sub("", line))
                )
            )
        )
        assert hints.is_boilerplate_line(line) == exact, line
    assert hints.is_promo_line("Already a \u017fubscriber? Log in")
    assert hints.is_boilerplate_line("A- A A+")


@given(
    text=st.lists(
        st.sampled_from([*"abcdeilmnorstuw ©()Ü", "nhận", "(c)", "SUB", "\u0131", "\u017f"]),
        max_size=20,
    ).map("".join)
)
@settings(max_examples=400, deadline=None)
def test_the_quick_word_pattern_finds_a_line_holding_any_of_the_words(text: str) -> None:
    words = ("sub", "subscri", "news", "nhận", "©", "(c)", "ü", "mail")
    held = any(word in text.lower() for word in words)
    traps = any(trap in text for trap in hints._CASE_TRAPS)
    assert hints.may_hold(text, hints.quick_words(words)) == (held or traps)
    for words, quick in (
        (hints._PROMO_WORDS, hints._PROMO_QUICK),
        (hints._PAYWALL_WORDS, hints._PAYWALL_QUICK),
        (hints._MARKER_WORDS, hints._MARKER_QUICK),
    ):
        lowered = text.lower()
        assert hints.may_hold(text, quick) == (traps or any(word in lowered for word in words))


def test_sanitize_keeps_printable_text_as_it_is_and_cleans_the_rest() -> None:
    assert sanitize("Plain text, ünïcödé 中文") == "Plain text, ünïcödé 中文"
    assert sanitize("soft\u00adhyphen\ufeff and \x07bell\x9b") == "softhyphen and bell"
    assert sanitize("keeps\nnew lines\tand tabs") == "keeps\nnew lines\tand tabs"
    # Every character the cleaning removes is one `isprintable` rejects.
    controls = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0), 0xAD, 0xFEFF)]
    assert not any(ch.isprintable() for ch in controls)


def test_casefold_key_treats_every_unicode_space_as_a_space() -> None:
    assert casefold_key("  Hello,\u00a0\u2003World \n") == "hello, world"
    assert casefold_key("\u201cQuoted\u201d \u2014") == "quoted"
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    assert re.fullmatch(r"\s+", spaces)
    assert casefold_key(f"a{spaces}b") == "a b"


def test_metadata_sources_are_read_parent_by_parent() -> None:
    """A tag nested deeper comes after the tags of the boxes around it (which of two equal
    meta tags wins depends on it), and only the first <title> and <base> count."""
    page = """<html><head><title>First</title><base href="/one/"></head><body>
    <div itemscope><meta itemprop="author" content="Inner"></div>
    <meta itemprop="author" content="Outer">
    <script type="application/ld+json">{"a": 1}</script>
    <div><div><script type="application/ld+json">{"b": 2}</script></div></div>
    <title>Second</title><base href="/two/">
    </body></html>"""
    document = parse(page)
    assert [meta["content"] for meta in document.metas] == ["Outer", "Inner"]
    assert document.json_ld == ['{"a": 1}', '{"b": 2}']
    assert document.title == "First"
    assert document.base_href == "/one/"


def test_the_copy_numbers_elements_in_document_order_and_keeps_spacing() -> None:
    page = """<body><p>One <b>two</b> <i>three</i></p>
    <ul>
      <li>item</li>
    </ul><table> <tr> <td>cell</td> </tr> </table>
    <pre>  keep
  this</pre><noscript><img src="a.jpg"><img src="b.jpg"></noscript>
    <dialog open><p>shown</p></dialog><dialog><p>not shown</p></dialog>
    <input type="text"><div hidden>gone</div></body>"""
    document = parse(page)
    elements = document.elements
    assert [e.index for e in elements] == list(range(len(elements)))
    for element in elements:
        for child in element.children:
            if not isinstance(child, str):
                assert child.parent is element
                assert child.index > element.index
    tags = [e.tag for e in elements]
    assert tags == [
        "html", "head", "body", "p", "b", "i", "ul", "li", "table", "tbody", "tr", "td",
        "pre", "noscript", "img", "img", "dialog", "p", "input",
    ]  # fmt: skip
    by_tag = {e.tag: e for e in reversed(elements)}  # the first of each tag
    assert by_tag["p"].children == ["One ", elements[4], " ", elements[5]]
    assert [c for c in by_tag["ul"].children if isinstance(c, str)] == []  # list spacing goes
    assert [c for c in by_tag["tr"].children if isinstance(c, str)] == []
    assert by_tag["pre"].children == ["  keep\n  this"]
    assert by_tag["input"].children == []


def test_the_copy_keeps_white_space_that_shows() -> None:
    """ASCII white space is one space (none in a list or table), a no-break space shows even
    in a list, and preformatted white space stays as written."""
    page = (
        "<body><div>\n  <span>a</span>\t\r\n<span>b</span></div>"
        "<ol>\u00a0<li>c</li>\n</ol><pre><b>d</b>  \n\t<i>e</i></pre></body>"
    )
    elements = parse(page).elements
    by_tag = {e.tag: e for e in reversed(elements)}
    texts = [[c for c in by_tag[tag].children if isinstance(c, str)] for tag in ("div", "ol")]
    assert texts == [[" ", " "], [" "]]
    assert by_tag["pre"].children[1] == "  \n\t"


# --- second pass: trie patterns, class names value by value, cheap keys, fast runs ----------

_NAME_TEXT = st.text(
    alphabet=st.sampled_from(
        [*"abcdeghilmnoprstuvwy0-_ :", "\u03a3", "\u0130", "\u212a", "\u00a0", "\n"]
    ),
    max_size=40,
)


@given(text=_NAME_TEXT, words=st.lists(st.sampled_from(_VOCABULARY), max_size=3))
@settings(max_examples=300, deadline=None)
def test_trie_patterns_match_where_a_plain_alternation_does(text: str, words: list[str]) -> None:
    value = text + "".join(words) + text[:5]
    for parts in _PART_TUPLES:
        plain = re.compile("|".join(re.escape(part) for part in parts))
        trie = hints._alternation(parts)
        assert (trie.search(value) is None) == (plain.search(value) is None), (parts, value)


def test_trie_patterns_hold_exactly_their_words() -> None:
    for parts in _PART_TUPLES:
        trie = hints._alternation(parts)
        assert all(trie.fullmatch(part) for part in parts)
        # Every word that a prefix of a word is, but nothing shorter than the shortest word.
        for part in parts:
            for cut in range(1, len(part)):
                assert (trie.fullmatch(part[:cut]) is not None) == (part[:cut] in parts)


_DATE_PIECES = ["1", "15", "07", "2024", "202", "/", ".", "-", ":", " ", "T", "Jan", "März", "ngày",
                "tháng", "năm", "of", "\u0662\u0660"]  # fmt: skip


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12).map("".join))
@settings(max_examples=500, deadline=None)
def test_every_date_find_date_reads_holds_a_four_digit_year(text: str) -> None:
    if any(pattern.search(text) for pattern in dates._LEADING):
        assert dates._YEAR.search(text)
    assert dates.find_date("Stand: 15. März") is None
    assert dates.find_date("Stand: 15. März 2024") == "2024-03-15"


def _old_unlikely_names(class_names: str | None, id_name: str | None, role: str | None) -> bool:
    """The first pass's `unlikely_names`: the tokens of "class id" in one string."""
    if role and role.lower() in hints._NEGATIVE_ROLES:
        return True
    if not class_names and not id_name:
        return False
    value = f"{class_names or ''} {id_name or ''}"
    tokens = tuple(hints._TOKEN.findall(value.lower()))
    if not tokens or not hints._matches(tokens, hints._UNLIKELY_TOKENS, hints._UNLIKELY_NAME):
        return False
    return hints._MAYBE.search(value.lower()) is None


_ROLE_WORDS = sorted({*hints.AUTHOR_PARTS, *hints.DATE_PARTS, *hints.LEAD_PARTS, "Author", "DATE"})


@given(
    values=st.lists(
        st.tuples(_NAME_TEXT, st.lists(st.sampled_from(_ROLE_WORDS), max_size=2), _NAME_TEXT),
        max_size=12,
    )
)
@settings(max_examples=400, deadline=None)
def test_one_search_over_a_pages_values_finds_the_roles_of_each_value(
    values: list[tuple[str, list[str], str]],
) -> None:
    """`values_roles` (one search over the joined values) gives every value the roles of its
    own lookup, whatever the values hold: the separator itself, letters that lower-case to
    more than one character (İ) or to ASCII (the Kelvin sign), a final sigma."""
    distinct = list(
        dict.fromkeys(before + "".join(words) + after for before, words, after in values)
    )
    expected = {value: hints.value_roles(value) for value in distinct if hints.value_roles(value)}
    assert hints.values_roles(distinct) == expected


def test_no_role_word_can_match_across_the_separator() -> None:
    assert not any(hints._ROLE_SEPARATOR in word for word in _ROLE_WORDS)
    assert hints._ROLE_SEPARATOR.lower() == hints._ROLE_SEPARATOR
    joined = hints._ROLE_SEPARATOR.join(["auth", "or", "da", "te"])
    assert hints.values_roles(["auth", "or", "da", "te"]) == {}
    assert hints._ANY_ROLE_NAME.search(joined) is None
    assert hints.values_roles(["x", "post-date", "y", "Byline", "lead\nlead"]) == {
        "post-date": hints.DATE,
        "Byline": hints.AUTHOR,
        "lead\nlead": hints.LEAD,
    }


def test_has_text_sees_only_non_blank_text_of_the_element_itself() -> None:
    document = parse("<div id=a> <p>x</p>\u3000</div><div id=b><b>y</b> z</div>")
    boxes = {e.get("id"): e for e in document.elements if e.tag == "div"}
    assert not has_text(boxes["a"])
    assert has_text(boxes["b"])


@given(
    class_text=st.one_of(st.none(), _NAME_TEXT),
    class_words=st.lists(st.sampled_from(_VOCABULARY), max_size=2),
    id_text=st.one_of(st.none(), _NAME_TEXT),
    id_words=st.lists(st.sampled_from(_VOCABULARY), max_size=2),
    role=st.sampled_from([None, "", "navigation", "Main", "banner"]),
)
@settings(max_examples=400, deadline=None)
def test_unlikely_names_value_by_value_keeps_the_verdict(
    class_text: str | None,
    class_words: list[str],
    id_text: str | None,
    id_words: list[str],
    role: str | None,
) -> None:
    class_names = None if class_text is None else class_text + "-".join(class_words)
    id_name = None if id_text is None else "".join(id_words) + id_text
    assert hints.unlikely_names(class_names, id_name, role) == _old_unlikely_names(
        class_names, id_name, role
    )


def test_a_class_and_an_id_have_the_roles_of_each_value() -> None:
    for class_names, id_name in [
        ("post-author-box", None),
        (None, "entry-date"),
        ("intro text", "byline"),
        ("container row", "main"),
    ]:
        both = hints.names_roles(class_names, id_name)
        one_by_one = (hints.value_roles(class_names) if class_names else 0) | (
            hints.value_roles(id_name) if id_name else 0
        )
        assert both == one_by_one


@given(
    text=st.text(
        alphabet=st.sampled_from(
            [*"aBc .,;:-|\"'", "\u00a0", "\u2003", "\n", "\t", "\x1c", "\u03a3", "\u00df"]
        ),
        max_size=30,
    )
)
@settings(max_examples=400, deadline=None)
def test_casefold_key_shortcut_keeps_the_key(text: str) -> None:
    reference = " ".join(text.split()).strip(" .:;,-\u2013\u2014|\"'“”«»").casefold()
    assert casefold_key(text) == reference


def test_no_printable_character_but_the_space_is_white_space() -> None:
    """What lets `casefold_key` skip splitting printable text with single spaces."""
    assert [
        code
        for code in range(sys.maxunicode + 1)
        if chr(code).isspace() and chr(code).isprintable() and code != 0x20
    ] == []


def test_make_run_makes_a_run_like_any_other() -> None:
    made = make_run("word", True, False, True, "https://example.org/")
    plain = Run("word", True, False, True, "https://example.org/")
    assert type(made) is Run
    assert made == plain
    assert hash(made) == hash(plain)
    assert repr(made) == repr(plain)
    assert make_run("x") == Run("x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "other"  # type: ignore[misc]
    article = Article(url=None, blocks=(Paragraph((made, make_run(" tail"))),))
    assert Article.from_json(article.to_json()) == article


def test_the_tag_count_is_shared_with_the_nesting_guard() -> None:
    page = "<div>" * 3000 + "text" + "</div>" * 3000
    fitted = fit(page, Budget(chars=100_000, tags=20_000))
    assert not fitted.cut
    assert fitted.tags == page.count("<")
    assert limit_nesting(page, tag_count=fitted.tags) == limit_nesting(page)
    assert fit("<p>short</p>").tags == -1  # a small page is never counted


def test_plain_inline_boxes_need_no_exit_event() -> None:
    html = (
        "<html><body><article><h2>Head <span>line</span></h2>"
        "<p>One <span>two <a href='/x'>three</a></span> <small>four</small>.</p>"
        "<p>Filler sentence for the article body, long enough to count as text, with "
        "commas, and more commas, so that scoring picks the article box.</p>"
        "</article></body></html>"
    )
    article = extract(html, "https://example.org/a")
    heading = article.blocks[0]
    assert isinstance(heading, Heading) and heading.text == "Head line"
    paragraph = article.blocks[1]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.text == "One two three four."
    assert [run.href for run in paragraph.runs] == [None, "https://example.org/x", None]


def _reference_collapse(text: str) -> str:
    """`collapse` without its shortcut for text that is already single-spaced."""
    text = nfc(text)
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    return (" " if text[0].isspace() else "") + joined + (" " if text[-1].isspace() else "")


@given(
    text=st.text(
        alphabet=st.sampled_from([*"ab. e", "\u0301", "\u00a0", "\u3000", "\n", "\t", "\x1f"]),
        max_size=20,
    )
)
@settings(max_examples=400, deadline=None)
def test_collapse_shortcut_keeps_the_text(text: str) -> None:
    assert collapse(text) == _reference_collapse(text)
    assert collapse(" one two ") == " one two "


def _promo_by_search(text: str) -> bool:
    """`is_promo_line` as first written: search the whole text, then test where it starts."""
    if len(text) > hints._PROMO_NOTICE or not hints.may_hold(text, hints._PROMO_QUICK):
        return False
    found = _PROMO_LINE.search(text)
    if found is None:
        return False
    if len(text) <= 300:
        return True
    start = found.start()
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start <= hints._PROMO_OPENING and line_start <= hints._PROMO_OPENING * 3


@pytest.mark.parametrize("title", [0, 30, 100, 119, 120, 121, 150])
def test_the_opening_search_of_long_notices_agrees_with_a_whole_text_search(title: int) -> None:
    phrase = "Sign up for our newsletter today."
    filler = "The council met on Tuesday to discuss the bridge repairs and the fair. "
    for offset in range(0, 60, 3):
        text = "x" * title + ("\n" if title else "") + "y" * offset + " " + phrase
        text = (text + " " + filler * 12)[:900]
        assert hints.is_promo_line(text) == _promo_by_search(text), (title, offset)
        later = filler * 3 + phrase + " " + filler * 6  # the phrase far in: never a notice
        assert hints.is_promo_line(later) == _promo_by_search(later) is False


_PROMO_NEAR = re.compile(
    rf"(?s:.{{0,{hints._PROMO_OPENING}}}?)(?P<promo>{_PROMO_LINE.pattern})", _PROMO_LINE.flags
)


def _promo_by_one_pattern(text: str) -> bool:
    """`is_promo_line` with all the phrases in one pattern, tried at the opening of each of a
    notice's first lines (as it was before it tried only the phrases of the words found)."""
    if len(text) > hints._PROMO_NOTICE or not hints.may_hold(text, hints._PROMO_QUICK):
        return False
    if len(text) <= 300:
        return _PROMO_LINE.search(text) is not None
    line_start = 0
    while line_start <= hints._PROMO_OPENING * 3:
        found = _PROMO_NEAR.match(text, line_start)
        if found is not None:
            start = found.start("promo")
            own_line = text.rfind("\n", 0, start) + 1
            if start - own_line <= hints._PROMO_OPENING and own_line <= hints._PROMO_OPENING * 3:
                return True
        line_end = text.find("\n", line_start)
        if line_end < 0:
            break
        line_start = line_end + 1
    return False


_PROMO_PIECES = [
    "Sign up for our newsletter", "Kommentare: 12", "in den Kommentaren", "kommentare",
    "Zurück", "Back to overview", "Loading", "wird geladen", "Anzeige", "ANZEIGE", "Werbung",
    "Advertisement", "© 2024 Example. All rights reserved", "(c)", "Follow us:", "newsletters",
    "Already a \u017fubscriber", "S\u0131gn up", "Fehler gefunden?", "opinions expressed",
    "are their own", "Reporting by Jane Doe", "lade weitere Inhalte", "3 Besucher online",
    "Click here to read", "letters to the editor", "Submit a ", "If you buy", "we may earn",
    " ", " ", "\n", "\n", ". ", "The council met on Tuesday. ", "x" * 40, "y" * 97,
]  # fmt: skip


@given(st.lists(st.sampled_from(_PROMO_PIECES), max_size=40).map("".join))
@settings(max_examples=600, deadline=None)
def test_trying_the_phrases_of_the_words_found_keeps_the_verdict(text: str) -> None:
    assert hints.is_promo_line(text) == _promo_by_one_pattern(text), text


def test_every_quick_word_a_line_holds_has_its_phrases_tried() -> None:
    """Also a word that starts a longer one ("kommentare" in "kommentaren": the quick search
    reports the longest word where it finds one) or that ends inside one ("newsletter")."""
    for text, words in [
        ("Kommentaren", {"kommentare", "kommentaren"}),
        ("Our NEWSLETTER", {"newsletter", "letter"}),
        ("back, back, zurück", {"back", "zurück"}),
        ("No word here", set()),
    ]:
        tried = hints._promo_phrases(text)
        assert len(tried) == len(words)
        assert {id(held) for held in tried} == {id(hints._phrases_of(word)) for word in words}
    assert len(hints._promo_phrases("A \u017fign")) == len(
        hints._PROMO_WORDS
    )  # a case trap: all of them


def test_printed_days_skip_only_the_page_footers() -> None:
    """The footers' index ranges are cut out of the walk: a <footer>, role=contentinfo or a
    box with a "footer" id outside <article>/<main>; an article's own footer still counts."""
    page = parse(
        "<body><p>Am 01.02.2024 begann es.</p>"
        "<article><p>x</p><footer><p>Stand: 02.02.2024</p></footer></article>"
        "<footer><p>Zuletzt am 03.02.2024</p><div><footer>04.02.2024</footer></div></footer>"
        "<p>Danach, am 05.02.2024.</p><div role='contentinfo'><p>06.02.2024</p></div>"
        "<div id='Page-Footer'><span>07.02.2024</span></div><p>Zuletzt 08.02.2024.</p></body>"
    )
    footers = metadata._page_footers(page)
    assert [page.elements[start].tag for start, _ in footers] == ["footer", "div", "div"]
    every = metadata._printed_days(page, True, {"2024"})
    assert every == {f"2024-02-0{day}" for day in range(1, 9)}
    shown = metadata._printed_days(page, True, {"2024"}, skip_footer=True)
    assert shown == {"2024-02-01", "2024-02-02", "2024-02-05", "2024-02-08"}
    assert metadata._page_footers(parse("<p>No footer</p>")) == []
