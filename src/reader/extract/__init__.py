"""Reader mode: HTML in, Article out. Pure: no I/O, no UI.

The pipeline, one module each:
    decode (bytes only) -> dom.parse (lean tree, metadata sources) -> metadata.read_metadata
    -> content.find_content (scoring, cleaning) -> blocks.build_blocks -> tidy (captions,
    boilerplate lines, credits, lead) -> Article

A page that shows no article but carries its markup in a script framework's component stream
is read from that stream (`streamed`).

Limits (see `budget`): a page over 8 million characters or 200 000 tags is read up to that
point only (scripts and styles cut out first), and the Article says so in
`metadata["truncated"]` (and in `reason` when nothing was found). Markup nested deeper than
512 elements loses its excess tags, not its text (see `nesting`). Every walk is iterative, so
no document can exhaust the recursion limit.
"""

from __future__ import annotations

import dataclasses
import gc
import re

from reader.decode import decode_text
from reader.extract import hints, streamed
from reader.extract.blocks import build_blocks
from reader.extract.budget import DEFAULT, Budget, fit, fit_bytes
from reader.extract.byline import byline_names
from reader.extract.content import Content, find_content, whole_body
from reader.extract.dates import date_in_url, find_date
from reader.extract.dom import Document, Element, inner_text, parse
from reader.extract.metadata import Metadata, date_near_headline, read_metadata
from reader.extract.text import casefold_key, clean_line
from reader.extract.tidy import tidy_blocks
from reader.extract.urls import base_url
from reader.model import Article, Block, Figure, Heading, ListBlock, Paragraph, Quote, Run, Table

__all__ = ["extract"]

NO_ARTICLE = "no article text found on the page"
MIN_BODY_CHARS = 40
"""Less body text than this (after cleaning) is not an article."""
MIN_JSON_LD_BODY = 300
"""A JSON-LD articleBody this long replaces a markup body holding much less of the text."""
MAX_SMALL_PAGE = 3000
"""A page holding at most this much text may be taken whole when scoring finds nothing."""
MIN_VISIBLE_CHARS = 200
"""Less visible text than this ("Loading…") and the page's hidden boxes are read too."""
_PICTURES = frozenset({"img", "picture", "figure", "video", "svg"})
_CAPTION_NAMES = ("caption", "credit", "legend", "imgcap")
_LEAD_LINKS = 0.2
"""A lead box with more of its text in links than this is a teaser, not a standfirst."""
_MIN_SHOWN_LEAD = 30
_CARD_TAGS = frozenset({"article", "aside"})
_NOT_LEAD_NAMES = ("site-desc", "sitedesc", "blog-desc", "tagline", "card")
"""A lead-like name that marks the site's tagline or another article's teaser card."""
_PROBE = 12
LEAD_SOURCE = "lead_source"
"""`Article.metadata` key set to "page" when the lead is text the page shows with the article
(its standfirst), absent when the lead is the page's meta description."""
_MAY_HIDE = re.compile(r"<[a-z]+[^>]*\shidden[\s=>]", re.IGNORECASE)
_HTML_IN_TEXT = re.compile(r"<(?:p|br|div|h[1-6]|ul|ol|blockquote)\b", re.IGNORECASE)


def extract(html: str | bytes, url: str | None = None, *, budget: Budget = DEFAULT) -> Article:
    """Find the article in a page. Never raises on bad input: an empty Article says why.

    `budget` bounds how much of a huge page is read (the default suits any real page).

    The cyclic garbage collector is paused meanwhile: the copied tree is freed by reference
    counting (`Document.release`), and collections triggered by its many small objects would
    only rescan the rest of the process (they showed in the mean and p95 times).
    """
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return _extract(html, url, budget)
    except Exception as error:
        return Article(url=url, reason=f"could not read the page ({type(error).__name__})")
    finally:
        if collecting:
            gc.enable()


def _extract(html: str | bytes, url: str | None, budget: Budget) -> Article:
    size = ""
    if isinstance(html, bytes | bytearray):
        data = fit_bytes(bytes(html), budget)
        if len(data) < len(html):
            size = f"a {len(html):,}-byte page"
        html = decode_text(data)
        del data
    if not html or html.isspace():  # (not .strip(): that would copy a huge page)
        return Article(url=url, reason=f"{NO_ARTICLE} (the page is empty)")
    fitted = fit(html, budget)
    del html  # the caller may still hold the whole page; this frame holds only what is read
    article = _parse_and_read(fitted.html, url, fitted.tags)
    if not fitted.cut and not size:
        return article
    whole = size or f"{fitted.total:,}"
    note = f"page truncated after {len(fitted.html):,} characters of {whole}"
    return dataclasses.replace(
        article,
        reason=f"{article.reason} ({note})" if article.reason else None,
        metadata={**article.metadata, "truncated": note},
    )


def _parse_and_read(text: str, url: str | None, tags: int = -1) -> Article:
    document = parse(text, tags=tags)
    try:
        article = _read(document, url)
    finally:
        document.release()
    if len(article.text) >= MIN_VISIBLE_CHARS:
        return article
    if _MAY_HIDE.search(text) or "<noscript" in text:
        # Nothing visible: a page streamed by a script framework keeps its text in a hidden
        # box (or in a <noscript>, for readers without scripts).
        document = parse(text, keep_hidden=True, tags=tags)
        try:
            revealed = _read(document, url)
        finally:
            document.release()
        if len(revealed.text) > len(article.text):
            article = revealed
    if len(article.text) >= MIN_VISIBLE_CHARS or streamed.MARK not in text:
        return article
    # Or only in the stream its scripts render from: read that markup as the page's body.
    markup = streamed.streamed_markup(text)
    if markup is None:
        return article
    document = parse(f"{text}<article>{markup}</article>", tags=tags)
    try:
        rendered = _read(document, url)
    finally:
        document.release()
    return rendered if len(rendered.text) > len(article.text) else article


def _read(document: Document, url: str | None) -> Article:
    base = base_url(url, document.base_href)
    meta = read_metadata(document, base)
    content = find_content(document, hint_text=clean_line(meta.article_body))
    blocks: list[Block] = []
    authors = list(meta.authors)
    source: str | None = None
    lead = meta.description
    lead_on_page = False
    published = meta.published
    if content is not None:
        built = build_blocks(content, base)
        lead_box = _lead_text(meta.lead_box, content) or _lead_text(
            _subheadline(document, meta.title), content
        )
        tidied = tidy_blocks(
            built,
            title=meta.title,
            authors=authors,
            description=meta.description,
            lead_box=lead_box,
        )
        blocks, authors, source, lead = tidied.blocks, tidied.authors, tidied.source, tidied.lead
        lead_on_page = tidied.lead_on_page
        if not lead_on_page and lead and lead == meta.description:
            shown = _shown_lead(document, lead, blocks, content)
            if shown is not None:
                lead, lead_on_page = shown, True
        published = published or tidied.dateline
        if not published or not authors:
            nearby = _lines_before(content)
            published = published or _first_date([*nearby, meta.title], meta.language)
            authors = authors or _first_byline(nearby)
    if not published:
        day_first = not (meta.language or "").lower().startswith("en-us")
        published = date_in_url(url) or date_near_headline(document, day_first)
        if not published and content is not None and content.roots:
            # No headline to look under (no <h1>): the article's own opening stands in for it.
            published = date_near_headline(document, day_first, h1=content.roots[0].index)
    if len(meta.article_body) >= MIN_JSON_LD_BODY and _chars(blocks) < 0.4 * len(meta.article_body):
        # The page renders its text with scripts; its structured data still carries it.
        blocks = _blocks_from_json_ld(meta.article_body, meta.title, base)
    if not _is_article(blocks):
        blocks = _small_page(document, meta, base)
    reason = None if blocks else NO_ARTICLE
    return Article(
        url=url,
        title=meta.title,
        authors=tuple(authors),
        published=published,
        site_name=meta.site_name,
        language=meta.language,
        lead=lead or None,
        source=source,
        canonical_url=meta.canonical_url,
        image=meta.image or _first_image(blocks),
        blocks=tuple(blocks),
        reason=reason,
        metadata=_extras(meta, lead_on_page and bool(lead)),
    )


def _small_page(document: Document, meta: Metadata, base: str | None) -> list[Block]:
    """A page too small for scoring (a note, one list): its whole body, unless it is mostly
    links (a site map or a bare menu is no article)."""
    content = whole_body(document, MAX_SMALL_PAGE)
    if content is None:
        return []
    built = build_blocks(content, base)
    blocks = tidy_blocks(
        built, title=meta.title, authors=[], description=None, lead_box=None
    ).blocks
    return blocks if _is_article(blocks, min_chars=1) else []


_SUBHEADLINE_TEXT = (40, 400)
"""Characters of a subheadline: a sentence or two, not a heading of a few words."""


def _subheadline(document: Document, title: str) -> Element | None:
    """The <h2> printed right after the headline (the next element beside the <h1> that
    shows the title): the article's subheadline (its "dek"), which is its standfirst when no
    box is named as one. A blog's <h1> is the site's name and its <h2> the site's tagline:
    the headline must show the title."""
    key = casefold_key(title)
    if not key:
        return None
    for element in document.elements:
        if element.tag != "h1" or casefold_key(inner_text(element, 400)) != key:
            continue
        parent = element.parent
        if parent is None:
            return None
        siblings = [c for c in parent.children if isinstance(c, Element)]
        at = siblings.index(element)
        if at + 1 < len(siblings) and siblings[at + 1].tag == "h2":
            dek = siblings[at + 1]
            low, high = _SUBHEADLINE_TEXT
            text = inner_text(dek, high + 1)
            if low <= len(text) <= high and not casefold_key(text).startswith(key):
                return dek  # (not the title again, as some pages print it twice)
        return None
    return None


def _lead_text(element: Element | None, content: Content) -> str | None:
    """The text of the page's lead box, when it is a standfirst beside or in this article: not
    a picture with its caption, a teaser (links, an image), a sign-up box's blurb or a box
    from elsewhere."""
    if (
        element is None
        or element.tag in _CARD_TAGS
        or hints.has_part(element, _NOT_LEAD_NAMES)
        or not _near(element, content)
    ):
        return None
    node: Element | None = element
    while node is not None:
        if (
            node.tag in ("figure", "figcaption")
            or hints.has_part(node, _CAPTION_NAMES)
            or hints.is_promo_box(node)  # a newsletter box's own "dek" line
        ):
            return None
        node = node.parent
    linked = 0
    stack = [element]
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, Element):
                if child.tag in _PICTURES:
                    return None
                if child.tag == "a":
                    linked += len(inner_text(child, 500))
                stack.append(child)  # (a picture inside a link still makes a picture box)
    text = inner_text(element, 2000)
    return text if linked <= _LEAD_LINKS * len(text) else None


_SITE_SUFFIX = re.compile(r"\s+[-|\u2013\u2014]\s+[^.!?|]{2,40}$")
"""The site's name closing a description ("… said the minister. - Daily News")."""
_NOT_WORDS = re.compile(r"[\W_]+")


def _shown_lead(
    document: Document, description: str, blocks: list[Block], content: Content
) -> str | None:
    """The description as the page shows it before the article (its standfirst), or None:
    compared by words alone (a comma more or less), and without a site name closing it."""
    if _shown_on_page(document, description, blocks, content):
        return description
    trimmed = _SITE_SUFFIX.sub("", description)
    if trimmed != description and _shown_on_page(document, trimmed, blocks, content):
        return trimmed
    return None


def _word_key(text: str) -> str:
    return _NOT_WORDS.sub(" ", text.casefold()).strip()


def _holds(text: str, key: str, probe: str) -> bool:
    """Whether the text holds the words of `key` (a `_word_key`), looked for only around
    the places where its probe word occurs."""
    folded = text.casefold()
    start = folded.find(probe)
    while start >= 0:
        window = folded[max(0, start - 2 * len(key)) : start + 2 * len(key)]
        if key in _word_key(window):
            return True
        start = folded.find(probe, start + 1)
    return False


def _shown_on_page(document: Document, text: str, blocks: list[Block], content: Content) -> bool:
    """Whether the page shows this text before the article's end, outside its blocks (a
    description that is also the standfirst printed under the headline, in a box no class
    name marks). Punctuation does not count: a description may drop a comma."""
    key = _word_key(text)
    if len(key) < _MIN_SHOWN_LEAD:
        return False
    # Its longest word finds the few places worth a closer look (a full walk of the page's
    # text would cost more than the rest of the lead handling together).
    probe = max(key.split(), key=len)[:_PROBE]
    if _holds(" ".join(block.text for block in blocks), key, probe):
        return False
    stop = document.subtree_ends()[content.roots[-1].index] if content.roots else 0
    for element in document.elements[:stop]:
        for child in element.children:
            if isinstance(child, str) and probe in child.casefold():
                box = element.parent or element
                if key in _word_key(inner_text(box, 4 * len(key) + 200)):
                    return True
                break
    return False


def _near(element: Element, content: Content) -> bool:
    """Whether a lead box belongs to this article (inside it or beside it), not a sidebar."""
    around: set[int] = set()
    node: Element | None
    for root in content.roots:
        node = root
        for _ in range(3):
            if node is None:
                break
            around.add(node.index)
            node = node.parent
    node = element
    for _ in range(8):
        if node is None:
            return False
        if node.index in around:
            return True
        node = node.parent
    return False


def _lines_before(content: Content) -> list[str]:
    """Short texts just before the article (a dateline, a "By ..." box beside the headline)."""
    lines: list[str] = []
    node: Element | None = content.roots[0] if content.roots else None
    for _level in range(2):
        if node is None or node.parent is None:
            break
        siblings = [c for c in node.parent.children if isinstance(c, Element)]
        position = next((i for i, c in enumerate(siblings) if c is node), 0)
        for sibling in reversed(siblings[max(0, position - 4) : position]):
            text = inner_text(sibling, 200)
            if 0 < len(text) <= 150:
                lines.append(text)
        node = node.parent
    return lines


def _first_date(lines: list[str], language: str | None) -> str | None:
    day_first = not (language or "").lower().startswith("en-us")
    for line in lines:
        found = find_date(line, day_first=day_first)
        if found:
            return found
    return None


def _first_byline(lines: list[str]) -> list[str]:
    for line in lines:
        names = byline_names(line)
        if names:
            return names
    return []


def _blocks_from_json_ld(body: str, title: str, base: str | None) -> list[Block]:
    """Paragraphs from a JSON-LD articleBody (plain text with line breaks, or HTML)."""
    if _HTML_IN_TEXT.search(body):
        document = parse(body)
        try:
            roots = [e for e in document.elements if e.tag == "body"][:1]
            if not roots:
                return []
            n = len(document.elements)
            content = Content(roots, [False] * n, [0] * n, [0] * n, [0] * n, 0)
            built = build_blocks(content, base)
            return tidy_blocks(
                built, title=title, authors=[], description=None, lead_box=None
            ).blocks
        finally:
            document.release()
    paragraphs = (clean_line(line) for line in body.splitlines())
    return [Paragraph((Run(text),)) for text in paragraphs if text]


def _chars(blocks: list[Block]) -> int:
    return sum(len(block.text) for block in blocks)


def _is_article(blocks: list[Block], min_chars: int = MIN_BODY_CHARS) -> bool:
    """Enough running text that is not just links (a page of navigation is not an article)."""
    total = linked = 0
    stack = list(blocks)
    while stack:
        block = stack.pop()
        runs: tuple[Run, ...] = ()
        if isinstance(block, Paragraph | Heading):
            runs = block.runs
        elif isinstance(block, Quote):
            stack.extend(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                stack.extend(item.blocks)
        elif isinstance(block, Table):
            runs = tuple(run for row in block.rows for cell in row for run in cell.runs)
        elif isinstance(block, Figure):
            runs = block.caption
        else:
            total += len(block.text)
        for run in runs:
            total += len(run.text)
            if run.href:
                linked += len(run.text)
    return total >= min_chars and linked / max(total, 1) < 0.6


def _first_image(blocks: list[Block]) -> str | None:
    for block in blocks:
        if isinstance(block, Figure) and block.src:
            return block.src
    return None


def _extras(meta: Metadata, lead_on_page: bool) -> dict[str, str]:
    extras = dict(meta.extras)
    if lead_on_page:
        extras[LEAD_SOURCE] = "page"
    return extras
