"""Find the element(s) holding the article: Readability's scoring, measured in characters.

The shape follows Mozilla Readability, which is well tested on real pages: paragraphs score
their ancestors (1 + commas + one point per 100 characters, at most 3), a candidate's score is
scaled by its non-link share of text, the best candidate is widened to its high-scoring
siblings, and boxes inside it that look like boilerplate (link lists, share bars, tiny
fragments, form pieces) are removed. Differences that matter here:

- lengths are characters, never words, so Chinese or Japanese text is not punished;
- every measure is computed once per element, bottom-up over the pre-order list (children
  always come after their parent), so there is no recursion and no quadratic text() calls;
- class/id hints are token-based (see `hints`), and headings such as "Tin liên quan" or
  "Related" mark their box as boilerplate;
- an `articleBody` from JSON-LD, when the page has one, triples the weight of paragraphs it
  contains, which settles close calls between the article and a long comment thread;
- text parted by blank lines (<br><br>) scores as that many paragraphs, as Readability's
  conversion of such text to <p> makes it score.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from reader.extract import hints, recipes
from reader.extract.dom import Document, Element, holds_tag, inner_text
from reader.extract.tables import is_data_table
from reader.extract.text import casefold_key, words

BLOCK_TAGS = words(
    """
    address article aside blockquote body center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p
    pre section summary table tbody thead tfoot tr td th caption ul listing plaintext xmp legend
    search noscript
    """
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_UNLIKELY_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})
_NEVER_UNLIKELY = frozenset({"html", "body", "article", "main", "a", "td", "tr", "tbody", "th"})
_SELF_UNITS = frozenset({"p", "pre", "td", "section"})
_CONTAINER_UNITS = frozenset(
    {"div", "article", "main", "blockquote", "center", "dd", "form", "body",
     "font", "span", "details"}
)  # fmt: skip
_CLEANED = frozenset(
    {"div", "section", "table", "ul", "ol", "dl", "form", "fieldset", "center", "figure"}
)
_ALWAYS_CLEANED = frozenset({"nav", "aside", "footer", "header", "menu", "dialog"})
_CONTROLS = frozenset({"input", "button", "select", "textarea", "keygen"})
_EMBEDS = frozenset({"iframe", "object", "embed", "video", "audio"})
_TAG_WEIGHT = {
    "div": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3, "ul": -3, "dl": -3,
    "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5,
    "h6": -5, "th": -5,
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?\u3002\uff01\uff1f]( |$)")
_BYLINE_START = re.compile(
    r"^\W*(?:tác\s+giả|nguồn|theo|bài(?:\s+và)?(?:\s*,)?\s*ảnh|bài|ảnh|tin|by|von|par|por|di|"
    r"source|quelle|fuente|fonte|author|written\s+by)\b",
    re.IGNORECASE,
)

_MIN_BONUS_TEXT = 400
"""Characters a box needs before a positive class name (article, content, text) counts."""
_WIDEN_LEVELS = 6
_WIDEN_GAIN = 1.3
"""An ancestor this many times the candidate's paragraph points holds more of the article."""
_WIDEN_MAX_LINKS = 0.4
MIN_ARTICLE_CHARS = 500
"""Below this, the strict pass is retried without removing hinted boxes (as Readability does)."""
_CARD_TEXT = 300
"""A box with at most this much text left after cleaning may be a teaser card."""
_PROMO_TEXT = 600
"""A box named as a sign-up, feedback or author-bio box holding less text than this goes."""
_TWIN_TEXT = 80
"""A sibling with the article box's class and this much text, few of it links, joins it."""


@dataclass(slots=True)
class Content:
    """The article's root elements and what the block builder needs to know about the tree."""

    roots: list[Element]
    removed: list[bool]
    """Per element index: left out of the article (boilerplate, or outside the roots)."""
    text: list[int]
    """Per element index: characters of text it holds after cleaning."""
    images: list[int]
    paragraphs: list[int]
    chars: int
    """Characters in the roots, after cleaning: decides whether the relaxed pass is tried."""


def find_content(document: Document, hint_text: str = "") -> Content | None:
    """The best content for the page, or None when no element looks like article text."""
    strict = _attempt(document, strict=True, hint_text=hint_text)
    if strict is not None and strict.chars >= MIN_ARTICLE_CHARS:
        return strict
    relaxed = _attempt(document, strict=False, hint_text=hint_text)
    if strict is None:
        return relaxed
    if relaxed is None or relaxed.chars <= strict.chars:
        return strict
    return relaxed


def whole_body(document: Document, max_chars: int) -> Content | None:
    """The body of a small page (at most `max_chars` of text in all) with its boilerplate
    boxes removed: where no element scores as article text (a short note, a single list),
    the body is the content. A big page that fails scoring is not taken whole."""
    elements = document.elements
    body = next((e for e in elements if e.tag == "body"), None)
    if body is None:
        return None
    end = document.subtree_ends()
    if _measure(elements, [False] * len(elements), end).text[body.index] > max_chars:
        return None
    dropped = _dropped(elements, True, end)
    m = _measure(elements, dropped, end)
    return _clean(document, [body], dropped, {}, m, strict=True)


# --- measuring --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Measures:
    text: list[int]
    links: list[int]
    commas: list[int]
    inline: list[int]
    inline_commas: list[int]
    end: list[int]
    """One past the last index of the element's subtree (pre-order ranges are contiguous)."""


def _commas(text: str) -> int:
    return text.count(",") + text.count("\uff0c") + text.count("\u3001") + text.count("،")


def _measure(elements: list[Element], dropped: list[bool], end: list[int]) -> _Measures:
    """Bottom-up sums over the elements left in; a dropped element's own sums are never read
    (every element under a dropped one is dropped too), so they stay 0."""
    n = len(elements)
    text = [0] * n
    links = [0] * n
    commas = [0] * n
    inline = [0] * n
    inline_commas = [0] * n
    block_tags = BLOCK_TAGS
    for element in reversed(elements):
        i = element.index
        if dropped[i]:
            continue
        t = link = comma = inl = inl_comma = 0
        for child in element.children:
            if isinstance(child, str):
                size = len(child)
                t += size
                inl += size
                if size > 1:
                    c = child.count(",") if child.isascii() else _commas(child)
                    comma += c
                    inl_comma += c
            else:
                j = child.index
                if dropped[j]:
                    continue
                size = text[j]
                t += size
                link += links[j]
                comma += commas[j]
                if child.tag not in block_tags:
                    inl += size
                    inl_comma += commas[j]
        if element.tag == "a":
            link = t
        text[i] = t
        links[i] = link
        commas[i] = comma
        inline[i] = inl
        inline_commas[i] = inl_comma
    return _Measures(text, links, commas, inline, inline_commas, end)


def _dropped(elements: list[Element], strict: bool, end: list[int]) -> list[bool]:
    """Unlikely boxes and everything under them (a subtree is a contiguous index range)."""
    dropped = [False] * len(elements)
    if not strict:
        return dropped
    never, unlikely_tags, unlikely = _NEVER_UNLIKELY, _UNLIKELY_TAGS, hints.unlikely_names
    below = 0
    for element in elements:
        i = element.index
        if i < below:
            continue
        tag = element.tag
        if tag in never:
            continue
        attrs = element.attrs
        if attrs and tag in _HEADINGS:
            class_names, id_name = hints.heading_names(attrs.get("class"), attrs.get("id"))
            role = attrs.get("role")
            if id_name and hints.id_from_words(id_name, inner_text(element, 200)):
                id_name = None
            if unlikely(class_names, id_name, role):
                below = end[i]
                dropped[i:below] = _TRUE * (below - i)
            continue
        if tag in unlikely_tags:
            below = end[i]
            dropped[i:below] = _TRUE * (below - i)
            continue
        if not attrs:
            continue
        class_names = attrs.get("class")
        id_name = attrs.get("id")
        role = attrs.get("role")
        if (
            (class_names or id_name or role)  # (no names: never unlikely; skip the call)
            and unlikely(class_names, id_name, role)
            and not (hints.layout_only(class_names, id_name) and _holds_prose(elements, i, end[i]))
        ):
            below = end[i]
            dropped[i:below] = _TRUE * (below - i)
    return dropped


_PROSE_PARAGRAPH = 100
"""Characters of its own text that make a <p> running text rather than a teaser line."""


def _holds_prose(elements: list[Element], start: int, stop: int) -> bool:
    """Whether a box holds two paragraphs of running text (read from their own text nodes)."""
    found = 0
    for k in range(start, stop):
        element = elements[k]
        if element.tag == "p":
            size = 0
            for child in element.children:
                if isinstance(child, str):
                    size += len(child)
            if size >= _PROSE_PARAGRAPH:
                found += 1
                if found >= 2:
                    return True
    return False


_TRUE = [True]


# --- scoring ----------------------------------------------------------------------------------


def _attempt(document: Document, *, strict: bool, hint_text: str) -> Content | None:
    elements = document.elements
    end = document.subtree_ends()
    dropped = _dropped(elements, strict, end)
    m = _measure(elements, dropped, end)
    scores: dict[int, float] = {}
    hinted = len(hint_text) >= 200
    units: list[tuple[int, float]] = []

    def credit(ancestors_from: Element | None, points: float) -> None:
        level = 0
        node = ancestors_from
        while node is not None and level < 5:
            if node.tag == "html":
                break
            k = node.index
            if k not in scores:
                weight = hints.class_weight(node)
                if weight > 0 and m.text[k] < _MIN_BONUS_TEXT:
                    weight = 0  # a "text" class on a teaser line is no sign of the article
                scores[k] = _TAG_WEIGHT.get(node.tag, 0) + weight
            scores[k] += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            node = node.parent
            level += 1

    for element in [e for e, out in zip(elements, dropped, strict=True) if not out]:
        i = element.index
        tag = element.tag
        if tag in _SELF_UNITS:
            size, commas, start = m.text[i], m.commas[i], element.parent
        elif tag in _CONTAINER_UNITS and m.inline[i] >= 25:
            size, commas, start = m.inline[i], m.inline_commas[i], element
        else:
            continue
        if size < 25:
            continue
        if start is element:
            # Text set in paragraphs by blank lines (<br><br>) rather than <p>: each counts.
            parts = _br_paragraphs(element)
            points = parts + commas + min(size // 100, 3 * parts)
        else:
            points = 1 + commas + min(size // 100, 3)
        if hinted and _in_hint(element, hint_text):
            points *= 3
        credit(start, points)
        if m.links[i] < 0.3 * size:
            units.append((i, points))

    if not scores:
        return None
    final: dict[int, float] = {}
    for k, score in scores.items():
        total = m.text[k]
        density = m.links[k] / total if total else 1.0
        final[k] = score * (1 - density)
    # A sign-up, feedback or author-bio box is never the article, however much it holds.
    eligible = [k for k in final if not hints.is_promo_box(elements[k])] or list(final)
    top_index = max(eligible, key=lambda k: (final[k], -k))
    if final[top_index] <= 0:
        return None
    top = _refine(elements[top_index], final, elements)
    top = _widen(top, units, elements, m)
    top = _out_of_table(top, m)
    roots = _with_siblings(top, final, m, dropped)
    for root in roots:
        _one_story(root, document.title, elements, dropped, m)
    key_points = _key_points(roots[0], elements, dropped, m)
    if key_points is not None:
        roots.insert(0, key_points)
    kept = _with_ingredients(document, roots, dropped, m)
    return _clean(document, roots, dropped, final, m, strict=strict, kept=kept)


def _br_paragraphs(element: Element) -> int:
    """How many paragraphs a box's own text makes when blank lines (two <br> in a row, with
    only blanks between) part them."""
    parts = 1
    breaks = 0
    for child in element.children:
        if isinstance(child, str):
            if child.strip():
                breaks = 0
        elif child.tag == "br":
            breaks += 1
            if breaks == 2:
                parts += 1
        else:
            breaks = 0
    return parts


def _with_ingredients(
    document: Document, roots: list[Element], dropped: list[bool], m: _Measures
) -> range:
    """On a recipe page, the box listing the ingredients joins the roots (in page order) when
    it lies beside the article's text; the index range returned is left whole by cleaning
    (amounts beside checkboxes and servings forms read as fragments and controls)."""
    box = recipes.ingredient_box(document, dropped, m.text)
    if box is None:
        return range(0)
    k, end = box.index, m.end
    dropped[k : end[k]] = [False] * (end[k] - k)  # (a "table-header" class is no page header)
    if any(root.index <= k < end[root.index] for root in roots):
        return range(k, end[k])
    if any(k <= root.index < end[k] for root in roots):
        return range(0)
    roots.append(box)
    roots.sort(key=lambda root: root.index)
    return range(k, end[k])


_KEY_POINTS = re.compile(
    r"key[-_]?points?|highlights?|takeaways?|bullets|summary|tl-?dr|at-?a-?glance|"
    r"wichtigste|kurz-?gefasst|zusammenfassung|resumen|en-?bref|points-?cles|essentiel",
    re.IGNORECASE,
)
_KEY_POINTS_LEVELS = 3
_KEY_POINTS_SIBLINGS = 3
_KEY_POINTS_TEXT = (80, 1500)


def _key_points(
    first: Element, elements: list[Element], dropped: list[bool], m: _Measures
) -> Element | None:
    """The box of key points printed just before the article's text ("Key Points",
    "Takeaways", "Das Wichtigste in Kürze"): a list of a few sentences, few of them links,
    in a box its class or id names so, a sibling of the root or of one of its near ancestors.
    Scoring passes it over (list items earn no paragraph credit), yet it is the article's
    own summary."""
    node = first
    for _ in range(_KEY_POINTS_LEVELS):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html"):
            return None
        before: list[Element] = []
        for child in parent.children:
            if child is node:
                break
            if isinstance(child, Element):
                before.append(child)
        for sibling in reversed(before[-_KEY_POINTS_SIBLINGS:]):
            k = sibling.index
            names = f"{sibling.attrs.get('class') or ''} {sibling.attrs.get('id') or ''}"
            low, high = _KEY_POINTS_TEXT
            if (
                not dropped[k]
                and _KEY_POINTS.search(names)
                and low <= m.text[k] <= high
                and m.links[k] < 0.2 * m.text[k]
                and sum(1 for j in range(k, m.end[k]) if elements[j].tag == "li") >= 2
            ):
                return sibling
        node = parent
    return None


_MIN_STORY = 500
"""Characters of text that make a headed <article> a story of its own, not a teaser card."""
_MIN_HEADLINE = 8


def _one_story(
    root: Element, title: str, elements: list[Element], dropped: list[bool], m: _Measures
) -> None:
    """Leave out the other stories of a page that strings several articles together (the next
    story loaded under this one as the reader scrolls): when the root holds two <article>
    boxes or more, side by side, each with its own <h1> headline and a story's length of text,
    only the one whose headline the page's <title> repeats stays. Without such a headline
    nothing is left out: which story the page is about is not known."""
    key = casefold_key(title)
    if not key:
        return
    end = m.end
    stop = end[root.index]
    stories: list[tuple[int, str]] = []
    k = root.index + 1
    while k < stop:
        element = elements[k]
        if element.tag != "article" or dropped[k]:
            k += 1
            continue
        below = end[k]
        if m.text[k] >= _MIN_STORY:
            headline = next(
                (
                    elements[j]
                    for j in range(k + 1, below)
                    if elements[j].tag == "h1" and not dropped[j]
                ),
                None,
            )
            if headline is not None:
                stories.append((k, casefold_key(inner_text(headline, 300))))
        k = below  # an <article> nested in this one is part of it
    if len(stories) < 2:
        return
    kept = [k for k, headline in stories if len(headline) >= _MIN_HEADLINE and headline in key]
    if len(kept) != 1:
        return
    for k, _ in stories:
        if k != kept[0]:
            dropped[k : end[k]] = _TRUE * (end[k] - k)


def _in_hint(element: Element, hint_text: str) -> bool:
    text = inner_text(element, limit=400)
    probe = text[:80]
    return len(probe) >= 25 and probe in hint_text


def _refine(top: Element, final: dict[int, float], elements: list[Element]) -> Element:
    """Move up when the runners-up share an ancestor, when the parent scores higher, or when
    the candidate is an only child (Readability's heuristics for articles split in sections)."""
    top_score = final[top.index]
    ranked = sorted(final, key=lambda k: final[k], reverse=True)[1:5]
    close = [elements[k] for k in ranked if final[k] / top_score >= 0.75]
    if len(close) >= 3:
        parent = top.parent
        while parent is not None and parent.tag not in ("body", "html"):
            shared = sum(1 for c in close if _is_ancestor(parent, c))
            if shared >= 3:
                top = parent
                break
            parent = parent.parent
    last = final.get(top.index, 0.0)
    threshold = last / 3
    parent = top.parent
    while parent is not None and parent.tag not in ("body", "html"):
        score = final.get(parent.index)
        if score is None:
            parent = parent.parent
            continue
        if score < threshold:
            break
        if score > last:
            top = parent
            break
        last = score
        parent = parent.parent
    parent = top.parent
    while (
        parent is not None
        and parent.tag not in ("body", "html")
        and sum(1 for c in parent.children if not isinstance(c, str)) == 1
    ):
        top = parent
        parent = top.parent
    return top


def _signature(element: Element) -> tuple[str, str, str, str]:
    """A paragraph's markup: its tag and first class name, and its parent's. The paragraphs
    of one article share it (modifiers such as "RichText--last" come after the first name);
    a comment thread's or a teaser list's differ."""
    parent = element.parent
    if parent is None:
        return (element.tag, _first_class(element), "", "")
    return (element.tag, _first_class(element), parent.tag, _first_class(parent))


def _first_class(element: Element) -> str:
    names = element.get("class").split(maxsplit=1)
    return names[0] if names else ""


def _widen(
    top: Element, units: list[tuple[int, float]], elements: list[Element], m: _Measures
) -> Element:
    """Move up to an ancestor holding much more paragraph text of the candidate's own markup:
    an article split into several boxes (between ads, or each paragraph wrapped in its own
    deep "module") credits no single box with all of it, since credit fades with distance.

    `units`: (index, points) of the scored paragraphs with few links, in document order.
    """
    elements_at = [k for k, _ in units]
    first, last = bisect_left(elements_at, top.index), bisect_left(elements_at, m.end[top.index])
    if first == last:
        return top
    own: dict[tuple[str, str, str, str], float] = {}
    signatures: dict[int, tuple[str, str, str, str]] = {}
    for k, points in units[first:last]:
        key = signatures[k] = _signature(elements[k])
        own[key] = own.get(key, 0.0) + points
    best, best_points = top, sum(own.values())
    node = top.parent
    for _ in range(_WIDEN_LEVELS):
        if node is None or node.tag in ("body", "html"):
            break
        k = node.index
        total = m.text[k]
        if total and m.links[k] > _WIDEN_MAX_LINKS * total:
            break
        lo, hi = bisect_left(elements_at, k), bisect_left(elements_at, m.end[k])
        points = 0.0
        for j, p in units[lo:hi]:
            known = signatures.get(j)
            if known is None:
                known = signatures[j] = _signature(elements[j])
            if known in own:
                points += p
        if points >= _WIDEN_GAIN * best_points:
            best, best_points = node, points
        node = node.parent
    return best


_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th"})


def _out_of_table(top: Element, m: _Measures) -> Element:
    """The box holding a table that won when it is a data table or stands between paragraphs
    of running text: a table of names or figures full of commas outscores the paragraphs
    around it, which are the article it belongs to. A layout table's cell stays the root
    (old pages set their whole text in one)."""
    if top.tag not in _TABLE_PARTS:
        return top
    table: Element | None = top
    while table is not None and table.tag != "table":
        table = table.parent
    if table is None or table.parent is None:
        return top
    beside = 0
    for child in table.parent.children:
        if isinstance(child, Element) and child.tag == "p":
            size = m.text[child.index]
            beside += size >= _PROSE_PARAGRAPH and m.links[child.index] < 0.25 * size
    return table.parent if beside >= 2 or is_data_table(table) else top


def _is_ancestor(ancestor: Element, element: Element) -> bool:
    node = element.parent
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _with_siblings(
    top: Element, final: dict[int, float], m: _Measures, dropped: list[bool]
) -> list[Element]:
    parent = top.parent
    if parent is None or top.tag in ("body", "html"):
        return [top]
    top_score = final.get(top.index, 0.0)
    threshold = max(10.0, top_score * 0.2)
    top_class = top.attrs.get("class") or ""
    roots: list[Element] = []
    standfirst = _standfirst_before(top, m, dropped)
    for sibling in parent.children:
        if isinstance(sibling, str):
            continue
        assert isinstance(sibling, Element)
        k = sibling.index
        if sibling is top or sibling is standfirst:
            roots.append(sibling)
            continue
        if dropped[k]:
            continue
        same_class = bool(top_class) and sibling.attrs.get("class") == top_class
        bonus = top_score * 0.2 if same_class else 0
        size = m.text[k]
        density = m.links[k] / size if size else 1.0
        if k in final and final[k] + bonus >= threshold:
            roots.append(sibling)
        elif same_class and size > _TWIN_TEXT and density < 0.25:
            # A row of the same page-builder markup as the article whose text sits too deep
            # for paragraph credit to reach it (an intro set as a heading, a short paragraph).
            roots.append(sibling)
        elif sibling.tag == "p" and (
            (size > 80 and density < 0.25)
            or (
                0 < size <= 80
                and density == 0
                and _SENTENCE_END.search(inner_text(sibling, 200)) is not None
            )
        ):
            roots.append(sibling)
    return roots


_STANDFIRST_TEXT = (100, 1500)
"""Characters of an intro box set before the article's text: a summary, not a second story."""
_STANDFIRST_SKIP = 40
"""A sibling with at most this much text (a byline, a date) may sit between intro and text."""


def _standfirst_before(top: Element, m: _Measures, dropped: list[bool]) -> Element | None:
    """The box just before the article's text that holds its intro (a "chapo", "Vorspann",
    "sommario"): a few sentences with no links, in a box of its own beside the text box, where
    paragraph credit is too small to make it a high-scoring sibling. Empty or dropped boxes
    and short lines (a byline, a date) between the two are skipped."""
    parent = top.parent
    if parent is None:
        return None
    children = [c for c in parent.children if isinstance(c, Element)]
    at = next(i for i, c in enumerate(children) if c is top)
    for sibling in reversed(children[:at]):
        k = sibling.index
        size = m.text[k]
        if dropped[k] or size <= _STANDFIRST_SKIP:
            continue
        low, high = _STANDFIRST_TEXT
        if (
            sibling.tag not in ("div", "section", "p", "header")
            or not low <= size <= high
            or m.links[k] > 0
            or hints.class_weight(sibling) < 0
            or hints.is_promo_box(sibling)
            or not (
                hints.roles(sibling) & hints.LEAD
                or _SENTENCE_CLOSE.search(inner_text(sibling, high + 1)) is not None
            )
            or not _plain_box(sibling)
        ):
            return None
        return sibling
    return None


_NOT_IN_STANDFIRST = frozenset(
    {"img", "picture", "figure", "video", "iframe", "h2", "h3", "h4", "h5", "h6", "ul", "ol"}
)
_CAPTION_NAMES = ("caption", "credit", "legend", "photo", "image", "img")


def _plain_box(element: Element) -> bool:
    """Whether a box holds running text alone: a picture or a caption's name makes it a
    captioned image, a list a "key points" box, and a heading of its own (the page's
    headline aside) a box such as "All our articles on this"."""
    stack = [element]
    while stack:
        item = stack.pop()
        if item.tag in _NOT_IN_STANDFIRST or (item.attrs and hints.has_part(item, _CAPTION_NAMES)):
            return False
        stack.extend(c for c in item.children if isinstance(c, Element))
    return True


# --- cleaning ---------------------------------------------------------------------------------


def _first_text(element: Element, budget: int = 60) -> str:
    """The first non-blank text inside an element (looks at a bounded number of nodes)."""
    stack: list[Element | str] = [element]
    while stack and budget > 0:
        budget -= 1
        item = stack.pop()
        if isinstance(item, str):
            if item.strip():
                return item.strip()
        else:
            stack.extend(reversed(item.children))
    return ""


_ICON_SIZE = 48
"""Pixels below which a declared width or height makes an image an icon (as blocks does)."""
_ICON_ALT = 12
"""Characters of alt text a smiley or a symbol stands for (":eek:", ":-)")."""
_LATER_SOURCES = ("srcset", "data-src", "data-srcset", "data-original", "data-lazy-src")


def _icon(image: Element) -> bool:
    """Whether an <img> is an icon, not a picture: it declares a tiny size, or it is a smiley
    (inline data standing for a few characters of alt text, with no other source to load
    later). A post with three smileys is running text, not a gallery with a few words."""
    attrs = image.attrs
    for name in ("width", "height"):
        value = attrs.get(name)
        if value:
            digits = value.strip().removesuffix("px")
            if digits.isdigit() and int(digits) < _ICON_SIZE:
                return True
    src = attrs.get("src") or ""
    alt = attrs.get("alt") or ""
    return (
        src.startswith("data:")
        and 0 < len(alt.strip()) <= _ICON_ALT
        and not any(attrs.get(name) for name in _LATER_SOURCES)
    )


class _Counts(NamedTuple):
    text: int
    links: int
    commas: int
    paragraphs: int
    images: int
    items: int
    list_text: int
    heading_text: int
    controls: int
    embeds: int
    in_figure: bool
    raw_density: float
    """Link share of the box before the boxes inside it were cleaned."""
    figure_text: int
    """Characters inside <figure> boxes (captions)."""


def _clean(
    document: Document,
    roots: list[Element],
    dropped: list[bool],
    final: dict[int, float],
    m: _Measures,
    *,
    strict: bool,
    kept: range = range(0),
) -> Content:
    """Remove boilerplate boxes inside the roots, innermost first, recounting as it goes;
    boxes in the `kept` index range stay."""
    elements = document.elements
    n = len(elements)
    removed = [True] * n
    text = [0] * n
    links = [0] * n
    commas = [0] * n
    paras = [0] * n
    images = [0] * n
    items = [0] * n
    list_text = [0] * n
    heads = [0] * n
    controls = [0] * n
    embeds = [0] * n
    figure_text = [0] * n
    in_figure = [False] * n
    root_set = {root.index for root in roots}
    block_tags = BLOCK_TAGS
    chars = 0
    for root in roots:
        start, stop = root.index, m.end[root.index]
        bulk = 0.6 * m.text[start]
        # Left out: what scoring dropped (everything under a dropped box is dropped too).
        removed[start:stop] = dropped[start:stop]
        removed[start] = False
        for k in range(start, stop):
            if elements[k].tag == "figure":
                below = m.end[k]
                in_figure[k + 1 : below] = _TRUE * (below - k - 1)
        for k in range(stop - 1, start - 1, -1):
            if removed[k]:
                continue
            element = elements[k]
            tag = element.tag
            t = link = comma = para = image = item = listed = head = control = embed = 0
            pictured = 0
            inline = 0
            for child in element.children:
                if isinstance(child, str):
                    size = len(child)
                    t += size
                    inline += size
                    if size > 1:
                        comma += child.count(",") if child.isascii() else _commas(child)
                    continue
                j = child.index
                if removed[j]:
                    continue
                t += text[j]
                link += links[j]
                comma += commas[j]
                para += paras[j]
                image += images[j]
                item += items[j]
                listed += list_text[j]
                head += heads[j]
                control += controls[j]
                embed += embeds[j]
                pictured += figure_text[j]
                if child.tag not in block_tags:
                    inline += text[j]
            if tag == "a":
                link = t
            elif tag == "p" or (inline >= 50 and tag in _CONTAINER_UNITS):
                para += 1
            elif tag == "img":
                image += not _icon(element)
            elif tag == "li":
                item += 1
            elif tag in ("ul", "ol"):
                listed = t
            elif tag in _HEADINGS:
                head = t
            elif tag in _CONTROLS:
                control += 1
            elif tag in _EMBEDS:
                embed += 1
            if tag == "figure":
                pictured = t
            figure_text[k] = pictured
            text[k], links[k], commas[k], paras[k], images[k] = t, link, comma, para, image
            items[k], list_text[k], heads[k], controls[k], embeds[k] = (
                item, listed, head, control, embed
            )  # fmt: skip
            if k in root_set or k in kept:
                if k == kept.start:
                    controls[k] = 0  # (its checkboxes make no box around it a form)
                continue
            if tag in _ALWAYS_CLEANED:
                removed[k] = True
            elif tag in _CLEANED:
                raw = m.links[k] / m.text[k] if m.text[k] else 0.0
                counts = _Counts(
                    t, link, comma, para, image, item, listed, head, control, embed, in_figure[k],
                    raw, pictured,
                )  # fmt: skip
                removed[k] = _is_boilerplate_box(element, final.get(k, 0.0), counts, t >= bulk)
            elif tag in _HEADINGS and strict and hints.heading_weight(element) < 0:
                removed[k] = True
            elif tag == "p" and element.attrs and t < _PROMO_TEXT and hints.is_promo_box(element):
                removed[k] = True  # an author's bio or a sign-up line set as one paragraph
        chars += text[start]
    return Content(
        roots=roots, removed=removed, text=text, images=images, paragraphs=paras, chars=chars
    )


_SENTENCE_CLOSE = re.compile(r"[.!?\u3002\uff01\uff1f\u2026][\"'\u201d\u2019\u00bb)\]]*$")
_LINKED_SENTENCE_TEXT = 1000
"""Characters of a one-paragraph box read to tell a sentence with a link from a link line."""


def _linked_sentence(element: Element, c: _Counts) -> bool:
    """One paragraph of running text that links a phrase ("It also <a>co-ordinates military
    plans</a>."), not a link line: it opens and ends with plain words outside the links,
    ends as a sentence ends, and is not all link. An article built of one box per paragraph
    puts such a paragraph in a box of its own, where its link share would otherwise mark the
    box as a link list or a teaser card."""
    if (
        c.paragraphs > 1
        or c.images
        or c.in_figure
        or c.text > _LINKED_SENTENCE_TEXT
        or c.links > 0.9 * c.text
    ):
        return False
    if _SENTENCE_CLOSE.search(inner_text(element, _LINKED_SENTENCE_TEXT + 1)) is None:
        return False
    return _plain_end(element, first=True) and _plain_end(element, first=False)


def _plain_end(element: Element, *, first: bool) -> bool:
    """Whether the first (or last) non-blank text in the box lies outside any link."""
    stack: list[tuple[Element | str, bool]] = [(element, False)]
    budget = 60
    while stack and budget > 0:
        budget -= 1
        item, in_link = stack.pop()
        if isinstance(item, str):
            if item.strip():
                return not in_link
            continue
        linked = in_link or item.tag == "a"
        children = reversed(item.children) if first else item.children
        stack.extend((child, linked) for child in children)
    return False


_HEADLINES = 3
"""Linked headlines that make a box under a boilerplate heading a list of teasers."""


def _headline_list(element: Element) -> bool:
    """Whether the box's headings (but one: its own) are links to other pages: a stream of
    teasers, each a linked headline over a blurb, whose blurbs keep the link share low."""
    headings = linked = 0
    stack: list[Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            continue
        if item.tag in _HEADINGS:
            headings += 1
            linked += _all_link(item)
        else:
            stack.extend(item.children)
    return linked >= _HEADLINES and linked >= 0.8 * (headings - 1)


def _all_link(heading: Element) -> bool:
    """A heading whose text is (nearly) all inside links."""
    total = len(inner_text(heading, 400))
    stack: list[Element | str] = list(heading.children)
    linked = 0
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            continue
        if item.tag == "a":
            linked += len(inner_text(item, 400))
        else:
            stack.extend(item.children)
    return total > 0 and linked >= 0.8 * total


def _is_boilerplate_box(element: Element, score: float, c: _Counts, bulk: bool) -> bool:
    return _boilerplate_rule(element, score, c, bulk) is not None


def _boilerplate_rule(element: Element, score: float, c: _Counts, bulk: bool) -> str | None:
    """Readability's conditional cleaning, plus boxes opened by a boilerplate heading: the
    name of the rule that removes the box, or None to keep it.

    `bulk`: the box holds most of the article's text; link density alone does not remove it.
    """
    first = _first_text(element)
    # A related-links list or a counter, not a "Read more" wrapper around the story's rest.
    if (
        first
        and hints.is_box_heading(first)
        and (c.text < 600 or c.links > 0.25 * c.text or _headline_list(element))
    ):
        return "box heading"
    if element.tag == "table" and is_data_table(element):
        return None
    if c.text < _PROMO_TEXT and hints.is_promo_box(element):
        return "promo box"
    if element.tag == "figure" and c.images:
        return None
    weight = hints.class_weight(element)
    density = c.links / c.text if c.text else 0.0
    # Running text (several paragraphs, few links) stays whatever its class says: layout
    # classes such as "sidebar-grid__container" or "widget" also wrap article text.
    prose = c.text >= 400 and density < 0.25 and (c.paragraphs >= 2 or c.text >= 700)
    # A plain list in the article (steps, ingredients, a changelog) scores below zero from its
    # tag alone; only a name or links mark it as boilerplate.
    plain_list = (
        element.tag in ("ul", "ol", "dl")
        and weight >= 0
        and density < 0.25
        and not hints.has_negative_name(element)
        and (c.text >= 20 * c.items or c.links == 0)
        and not hints.is_boilerplate_line(first)
    )
    if weight + score < 0 and not prose and not plain_list and not (c.images and c.text < 300):
        return "negative"
    if (c.commas >= 10 and density <= 0.5) or (bulk and c.text > 0 and c.links < 0.5 * c.text):
        return None
    if c.text < 100 and _BYLINE_START.match(first):
        return None
    is_list = element.tag in ("ul", "ol") or (c.text > 0 and c.list_text / c.text > 0.9)
    heading_density = c.heading_text / c.text if c.text else 0.0
    # A gallery with a few words, not a story illustrated with many pictures.
    wordy = c.text >= 400 and density < 0.25
    if c.images > 1 and c.paragraphs / c.images < 0.5 and not c.in_figure and not wordy:
        return "images"
    # A slider of captioned pictures: its text is all captions.
    if c.images >= 3 and c.figure_text >= 0.9 * c.text > 0 and not c.in_figure:
        return "gallery"
    if not is_list and c.items - 100 > c.paragraphs:
        return "items"
    if c.controls > c.paragraphs // 3:
        return "controls"
    if (
        not is_list
        and heading_density < 0.9
        and c.text < 25
        and (c.images == 0 or c.images > 2)
        and not c.in_figure
        and not holds_tag(element, "pre")  # a one-line command is short, yet no fragment
    ):
        return "tiny"
    linked_sentence = not is_list and weight < 25 and density > 0.2 and _linked_sentence(element, c)
    if not is_list and weight < 25 and density > 0.2 and not linked_sentence:
        return "links"
    # A teaser card (a linked headline, maybe a picture, one blurb): the headline's box went
    # first, so the share of links the card had before cleaning tells what it is.
    if (
        not is_list
        and weight < 25
        and c.text < _CARD_TEXT
        and c.paragraphs <= 1
        and not c.in_figure
        and (c.raw_density > 0.4 or (c.images and c.raw_density > 0.2))
        and not linked_sentence
    ):
        return "teaser card"
    # A card framed by links: a linked headline, a blurb, a "read more" link.
    if (
        not is_list
        and weight < 25
        and c.text < _CARD_TEXT
        and c.paragraphs <= 1
        and 0 < c.links < c.text
        and not c.in_figure
        and not _plain_end(element, first=True)
        and not _plain_end(element, first=False)
    ):
        return "framed card"
    if weight >= 25 and density > 0.5:
        return "links (positive class)"
    if (c.embeds == 1 and c.text < 75) or (c.embeds > 1 and c.text < 100 * c.embeds):
        return "embeds"
    if is_list and density > 0.5:
        return "link list"
    return None
