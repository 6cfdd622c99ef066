"""extract() never raises and stays fast, whatever it is given."""

from __future__ import annotations

import gc
import random
import time
from importlib import resources

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import extract
from reader.extract.blocks import MAX_NESTING
from reader.model import Article, Block, ListBlock, Quote

SENTENCE = (
    "The keeper lit the lamp at dusk, and the sea was calm, with a light wind from the "
    "south-west and the supply boat two days overdue."
)
DEMO = resources.files("reader.data").joinpath("demo.html").read_text(encoding="utf-8")


def assert_clean(article: Article) -> None:
    """An Article whose text carries no control characters (terminal escapes)."""
    assert isinstance(article, Article)
    text = article.text + article.title + (article.lead or "") + "".join(article.authors)
    assert not any((ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F for ch in text)


def depth(blocks: tuple[Block, ...]) -> int:
    deepest = 0
    stack = [(block, 1) for block in blocks]
    while stack:
        block, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(block, Quote):
            stack.extend((inner, level + 1) for inner in block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                stack.extend((inner, level + 1) for inner in item.blocks)
    return deepest


def timed(html: str | bytes) -> tuple[Article, float]:
    start = time.perf_counter()
    article = extract(html)
    return article, time.perf_counter() - start


def test_empty_inputs_say_why() -> None:
    for empty in ("", b"", "   \n\t ", b"\xef\xbb\xbf"):
        article = extract(empty)
        assert article.blocks == ()
        assert article.reason is not None and "no article text found" in article.reason


def test_the_garbage_collector_is_left_as_it_was() -> None:
    assert gc.isenabled()
    extract(f"<article><p>{SENTENCE}</p></article>")
    assert gc.isenabled()
    gc.disable()
    try:
        extract(f"<article><p>{SENTENCE}</p></article>")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_binary_garbage() -> None:
    rng = random.Random(1258)
    for size in (1, 17, 1024, 65536):
        data = bytes(rng.randrange(256) for _ in range(size))
        article = extract(data, "https://garbage.example/")
        assert_clean(article)
        assert article.url == "https://garbage.example/"


def test_truncated_demo_pages() -> None:
    for cut in range(0, len(DEMO), len(DEMO) // 23):
        assert_clean(extract(DEMO[:cut]))
    half = extract(DEMO[: len(DEMO) * 2 // 3])
    assert "Hợp tác xã chè Lũng Mây" in half.text  # a truncated page still reads


def test_hundred_thousand_nested_divs() -> None:
    article, seconds = timed("<div>" * 100_000 + f"<p>{SENTENCE}</p>" + "</div>" * 100_000)
    assert seconds < 5
    assert article.text == SENTENCE


def test_deeply_nested_unclosed_elements() -> None:
    for opening in ("<div>", "<span>", "<b>", "<table><tr><td>", "<ul><li>", "<a href=x>"):
        article, seconds = timed(opening * 30_000 + SENTENCE)
        assert seconds < 5, opening
        assert_clean(article)


def test_deeply_nested_quotes_and_lists_stay_shallow_in_the_model() -> None:
    for opening in ("<blockquote>", "<ul><li>Item text that is here " + SENTENCE):
        article, seconds = timed("<article>" + opening * 5_000 + SENTENCE)
        assert seconds < 5
        assert depth(article.blocks) <= MAX_NESTING + 1  # containers, then the paragraph
        assert Article.from_json(article.to_json()) == article


def test_many_paragraphs_are_linear() -> None:
    article, seconds = timed("<article>" + f"<p>{SENTENCE}</p>" * 20_000 + "</article>")
    assert seconds < 10
    assert len(article.blocks) == 20_000


def test_deeply_nested_json_ld_is_ignored_safely() -> None:
    json_ld = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    article = extract(json_ld + f"<article><p>{SENTENCE}</p></article>")
    assert article.text == SENTENCE


def test_hostile_attributes_and_urls() -> None:
    html = (
        "<base href='http://[::1'><article>"
        f"<p><a href='http://[broken'>broken</a> {SENTENCE}</p>"
        f"<img src='http://[::1/x.png' alt='x' srcset=',,, ,'><p>{SENTENCE}</p></article>"
    )
    assert_clean(extract(html, "http://[::1]:80/page"))


# --- fuzzing ----------------------------------------------------------------------------------

TAGS = ["div", "p", "span", "a", "b", "em", "h1", "h2", "ul", "ol", "li", "table", "tr", "td",
        "th", "pre", "code", "blockquote", "figure", "figcaption", "img", "br", "noscript",
        "script", "style", "article", "nav", "footer", "section", "svg", "template"]  # fmt: skip
ATTRS = ['class="content"', 'class="related"', "hidden", 'style="display:none"',
         'href="/x"', 'href="javascript:x()"', 'src="a.jpg"', 'data-src="b.jpg"',
         'srcset="c.jpg 2x"', 'aria-hidden="true"', 'id="main"', 'lang="vi"']  # fmt: skip
TEXTS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40
) | st.sampled_from(
    [SENTENCE, "Tác giả: Trần Thảo", "Nguồn: Ban Biên tập", "A- A A+", "Hôm nay : 2.102",
     "By Jane Doe", "\x1b[2J", "&amp;&#0;&#x9b;", "<!--", "]]>", "15/07/2024"]
)  # fmt: skip


@st.composite
def markup(draw: st.DrawFn) -> str:
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        choice = draw(st.integers(0, 3))
        if choice == 0:
            pieces.append(draw(TEXTS))
        elif choice == 1:
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=3)))
            pieces.append(f"<{tag} {attrs}>")
        elif choice == 2:
            pieces.append(f"</{draw(st.sampled_from(TAGS))}>")
        else:
            pieces.append(draw(st.sampled_from(["<", ">", "&", "<br/>", "<p", "='", '"'])))
    return "".join(pieces)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup(), st.sampled_from([None, "https://fuzz.example/a/b.html"]))
def test_generated_markup_never_raises(html: str, url: str | None) -> None:
    assert_clean(extract(html, url))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(DEMO)), st.integers(0, 400), markup())
def test_mutated_demo_never_raises(position: int, deleted: int, inserted: str) -> None:
    mutated = DEMO[:position] + inserted + DEMO[position + deleted :]
    assert_clean(extract(mutated.encode("utf-8", "surrogatepass")))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    assert_clean(extract(data))
