"""A lean copy of the page's DOM, built in one iterative pass over Lexbor's tree.

Why a copy: every Lexbor node access crosses into C and allocates a wrapper, and scoring visits
each node several times; plain Python objects are cheaper to revisit, and they let the Lexbor
tree be freed at once. The copy already leaves out what a reader never shows (scripts, styles,
form controls, embedded frames, SVG, navigation, hidden elements, comments), keeps only the
images of a `<noscript>`, and collects what metadata needs on the way (meta/link tags,
JSON-LD, <title>, <base href>, the document language), so nothing walks the Lexbor tree twice.

The walk uses an explicit stack: a document nested 100 000 levels deep cannot exhaust
Python's recursion limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from reader.extract.nesting import limit_nesting
from reader.extract.text import clean_line, clean_pre, collapse, sanitize

Attrs = dict[str, str | None]


class Element:
    """An element of the copied tree; children are Elements or (already collapsed) text."""

    __slots__ = ("attrs", "children", "index", "parent", "tag")

    def __init__(self, tag: str, attrs: Attrs, parent: Element | None, index: int) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.index = index
        self.children: list[Element | str] = []

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.tag} #{self.index} {self.attrs.get('class') or ''}>"


def inner_text(element: Element, limit: int = 1_000_000) -> str:
    """The collapsed text of a subtree (iterative); stops collecting after `limit` chars."""
    parts: list[str] = []
    size = 0
    stack: list[Element | str] = [element]
    while stack and size < limit:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            size += len(item)
        else:
            if item.tag in BLOCK_TAGS:  # a browser starts a line: "<div>A</div><div>B</div>"
                parts.append(" ")  # reads "A B", never "AB"
                stack.append(" ")
            stack.extend(reversed(item.children))
    return " ".join(sanitize("".join(parts)).split())


def holds_tag(element: Element, tag: str) -> bool:
    """Whether an element below this one (not the element itself) is a `tag` (iterative)."""
    stack = [c for c in element.children if isinstance(c, Element)]
    while stack:
        item = stack.pop()
        if item.tag == tag:
            return True
        stack.extend(c for c in item.children if isinstance(c, Element))
    return False


def has_text(element: Element) -> bool:
    """Whether the element holds non-blank text itself (not only inside its child elements)."""
    for child in element.children:  # noqa: SIM110 - a loop, not any(): no generator per call
        if isinstance(child, str) and child.strip():
            return True
    return False


BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
"""Elements a browser lays out as blocks (or line breaks): their text never runs into a
neighbour's."""


@dataclass(slots=True)
class Document:
    """The copied tree plus the raw metadata sources found while copying it."""

    root: Element
    elements: list[Element]
    """Every element in document (pre-)order; `Element.index` is the position here."""
    title: str = ""
    lang: str = ""
    base_href: str = ""
    metas: list[Attrs] = field(default_factory=list)
    links: list[Attrs] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)
    ends: list[int] | None = None
    """Per element index: one past the last index of its subtree (see `subtree_ends`)."""

    def subtree_ends(self) -> list[int]:
        """Where each element's subtree ends: subtrees are contiguous in pre-order, so a
        subtree is the index range [index, end). Computed once, on first use."""
        if self.ends is None:
            elements = self.elements
            end = list(range(1, len(elements) + 1))
            for element in reversed(elements):
                parent = element.parent
                if parent is not None:
                    last = end[element.index]
                    if last > end[parent.index]:
                        end[parent.index] = last
            self.ends = end
        return self.ends

    def release(self) -> None:
        """Break parent links so the tree is freed by reference counting, without the GC."""
        for element in self.elements:
            element.parent = None


# Subtrees that never reach the reader. Form controls and embeds leave an empty placeholder so
# that boilerplate scoring can still count them.
_DROP = frozenset(
    {
        "style", "template", "svg", "canvas", "map", "datalist", "optgroup", "option",
        "frameset", "frame", "applet", "slot", "param", "source", "track", "-comment", "-doctype",
        "nav", "rt", "rp",
    }
)  # fmt: skip
_PLACEHOLDER = frozenset(
    {
        "input", "button", "select", "textarea", "keygen", "meter", "progress", "output",
        "iframe", "object", "embed", "video", "audio",
    }
)  # fmt: skip
_RAW_TEXT = frozenset({"pre", "listing", "plaintext", "xmp"})
# Elements whose whitespace-only text children a browser never shows (they hold rows, items or
# metadata, not text): Lexbor skips those nodes without handing them to Python.
_NO_SPACES = frozenset(
    {"html", "head", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "colgroup",
     "select", "picture", "video", "audio", "menu"}
)  # fmt: skip

_Resume = tuple[LexborNode | None, Element, bool]
"""Where the walk resumes when an element's children are done: (the element's next sibling,
or None; the copy of its parent; inside <pre>?)"""


def parse(html: str, *, keep_hidden: bool = False, tags: int = -1) -> Document:
    """Parse HTML text into the lean tree (never raises on malformed markup).

    `keep_hidden`: also copy elements marked hidden, and what `<noscript>` holds. Pages
    streamed by script frameworks send their whole text inside a `<div hidden>` that a script
    reveals on load, or only in a `<noscript>` for readers without scripts; this is the
    second try for a page whose visible markup holds no article. `tags`: how many '<' the
    html holds, when the caller has counted them (-1: not counted).
    """
    parser = LexborHTMLParser(limit_nesting(html, tag_count=tags))
    html_node = parser.root
    root = Element("html", {}, None, 0)
    document = Document(root=root, elements=[root])
    if html_node is None:
        return document
    root.attrs = _attributes(html_node)
    document.lang = clean_line(root.attrs.get("lang") or root.attrs.get("xml:lang"))
    _copy(html_node, document, keep_hidden)
    return document


def _attributes(node: LexborNode) -> Attrs:
    try:
        return node.attributes
    except (UnicodeDecodeError, ValueError):  # pragma: no cover - defensive: odd attribute bytes
        return {}


def _hidden(attrs: Attrs) -> bool:
    """The hidden attribute, aria-hidden, inline display:none / visibility:hidden, type=hidden."""
    if "hidden" in attrs:
        return True
    aria = attrs.get("aria-hidden")
    if aria and aria.strip().lower() == "true":
        return True
    style = attrs.get("style")
    if style:
        style = style.lower().replace(" ", "")
        if "display:none" in style or "visibility:hidden" in style:
            return True
    kind = attrs.get("type")
    return kind is not None and kind.lower() == "hidden"


_SPECIAL = frozenset(
    {"script", "meta", "link", "title", "base", "noscript", "dialog", "math", *_PLACEHOLDER}
)
_HIDING = frozenset({"hidden", "aria-hidden", "style", "type"})


def _copy(html_node: LexborNode, document: Document, keep_hidden: bool) -> None:
    """Copy the tree depth-first with `first_child` / `next` (one wrapper per node, no
    generator per element); each element gets its pre-order index as it is made."""
    elements = document.elements
    elements.clear()
    root = document.root
    root.index = 0
    elements.append(root)
    drop = _DROP
    special = _SPECIAL
    hiding = frozenset() if keep_hidden else _HIDING
    raw_text = _RAW_TEXT
    no_spaces = _NO_SPACES
    make = Element
    new = object.__new__
    append_element = elements.append
    sources: list[_Source] = []
    stack: list[_Resume] = []  # one per open element
    element = root
    raw = False
    skip_spaces = "html" in no_spaces
    node = html_node.first_child
    while True:
        if node is None:
            if not stack:
                break
            node, element, raw = stack.pop()
            skip_spaces = element.tag in no_spaces
            continue
        tag = node.tag
        if tag == "-text":
            if not raw and node.is_empty_text_node:
                # ASCII white space only (most text nodes: the indentation between tags), told
                # by Lexbor without making the string; shown as one space, but between the rows
                # of a table or the items of a list, where it is never shown. (Parsing never
                # makes an empty text node.)
                if not skip_spaces:
                    element.children.append(" ")
                node = node.next
                continue
            text = node.text_content
            if text:
                if text.isspace():
                    # In <pre>, or wider than ASCII (a no-break space shows even in a table).
                    if not skip_spaces or text.strip(_ASCII_SPACE):
                        element.children.append(clean_pre(text) if raw else " ")
                elif raw:
                    element.children.append(clean_pre(text))
                else:
                    element.children.append(collapse(text))
            node = node.next
            continue
        if tag is None or tag in drop or tag[0] == "-":
            node = node.next
            continue
        attrs = node.attributes
        if attrs and not hiding.isdisjoint(attrs) and _hidden(attrs):
            node = node.next
            continue
        if tag in special:
            if tag in _SOURCES:
                sources.append((element.index, tag, node, attrs))
                node = node.next
                continue
            if tag == "math":
                _math(node, attrs, element, elements)
            elif tag == "noscript" and not keep_hidden:
                _noscript_images(node, element, elements)
            elif tag == "noscript" or tag == "dialog":
                # An open dialog, or (second try) what a reader without scripts sees: its
                # content is copied like any box's, the noscript as a plain div.
                if tag == "noscript" or "open" in attrs:
                    copy = make("div" if tag == "noscript" else tag, attrs, element, len(elements))
                    element.children.append(copy)
                    append_element(copy)
                    child = node.first_child
                    if child is not None:
                        stack.append((node.next, element, raw))
                        node = child
                        element = copy
                        skip_spaces = False
                        continue
            else:  # a form control or an embed: an empty placeholder, for boilerplate scoring
                copy = make(tag, {}, element, len(elements))
                element.children.append(copy)
                append_element(copy)
            node = node.next
            continue
        # (`Element(...)` inlined: filling the slots here costs half the constructor call)
        copy = new(make)
        copy.tag = tag
        copy.attrs = attrs
        copy.parent = element
        copy.index = len(elements)
        copy.children = []
        element.children.append(copy)
        append_element(copy)
        child = node.first_child
        if child is None:
            node = node.next
            continue
        stack.append((node.next, element, raw))
        node = child
        element = copy
        raw = raw or tag in raw_text
        skip_spaces = tag in no_spaces
    if sources:
        _read_sources(sources, document)


_ASCII_SPACE = " \t\n\f\r"
_SOURCES = frozenset({"script", "meta", "link", "title", "base"})
_Source = tuple[int, str, LexborNode, Attrs]
"""(the parent's index, tag, node, attributes) of an element that feeds metadata."""


def _read_sources(sources: list[_Source], document: Document) -> None:
    """Metadata sources, taken parent by parent (in the parent's document order), each
    parent's in order: the order, and so which of two tags wins, that metadata relies on."""
    sources.sort(key=_parent_index)
    for _parent, tag, node, attrs in sources:
        if tag == "script":
            if "ld+json" in (attrs.get("type") or "").lower():
                document.json_ld.append(node.text())
        elif tag == "meta":
            document.metas.append(attrs)
        elif tag == "link":
            document.links.append(attrs)
        elif tag == "title":
            if not document.title:
                document.title = clean_line(node.text())
        elif not document.base_href:  # <base>
            document.base_href = (attrs.get("href") or "").strip()


def _parent_index(source: _Source) -> int:
    return source[0]


_MATH_SKIP = frozenset({"annotation", "annotation-xml", "none", "mprescripts"})
"""MathML parts that are not read: a TeX or other source twin of the formula, and the empty
placeholders of pre- and post-scripts."""


def _math(node: LexborNode, attrs: Attrs, parent: Element, elements: list[Element]) -> None:
    """A MathML formula as the plain text of its tokens, one space apart ("x = - b ± b 2 - 4
    a c 2 a"): dropping it leaves holes in sentences ("there are two solutions to and they
    are"), and its token elements hold no spaces of their own, so joining them bare would run
    "4ac" together. A display formula gets a line of its own."""
    parts: list[str] = []
    stack: list[LexborNode] = []
    child = node.first_child
    while True:
        if child is None:
            if not stack:
                break
            child = stack.pop()
            continue
        tag = child.tag
        if tag == "-text":
            text = child.text_content
            if text and not text.isspace():
                parts.append(text)
        elif tag is not None and tag[0] != "-" and tag not in _MATH_SKIP:
            inner = child.first_child
            if inner is not None:
                if child.next is not None:
                    stack.append(child.next)
                child = inner
                continue
        child = child.next
    text = collapse(" ".join(parts)).strip()
    if not text:
        return
    block = (attrs.get("display") or "").strip().lower() == "block"
    holder = Element("p" if block else "span", {}, parent, len(elements))
    holder.children.append(text)
    parent.children.append(holder)
    elements.append(holder)


def _noscript_images(noscript: LexborNode, parent: Element, elements: list[Element]) -> None:
    """Only the images of a <noscript> are kept: they are the lazy-loaded images' real sources."""
    images = [node for node in noscript.traverse() if node.tag == "img"]
    if not images:
        return
    holder = Element("noscript", {}, parent, len(elements))
    parent.children.append(holder)
    elements.append(holder)
    for node in images:
        image = Element("img", _attributes(node), holder, len(elements))
        holder.children.append(image)
        elements.append(image)
