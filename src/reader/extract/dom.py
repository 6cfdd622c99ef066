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
            stack.extend(reversed(item.children))
    return " ".join(sanitize("".join(parts)).split())


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
        "style", "template", "svg", "math", "canvas", "map", "datalist", "optgroup", "option",
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

_Pending = tuple[LexborNode | None, Element, bool]
"""(the Lexbor node whose children are still to copy, or None; its copy; inside <pre>?)"""


def parse(html: str, *, keep_hidden: bool = False) -> Document:
    """Parse HTML text into the lean tree (never raises on malformed markup).

    `keep_hidden`: also copy elements marked hidden. Pages streamed by script frameworks
    send their whole text inside a `<div hidden>` that a script reveals on load; this is the
    second try for a page whose visible markup holds no article.
    """
    parser = LexborHTMLParser(limit_nesting(html))
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
    {"script", "meta", "link", "title", "base", "noscript", "dialog", *_PLACEHOLDER}
)
_HIDING = frozenset({"hidden", "aria-hidden", "style", "type"})


def _copy(html_node: LexborNode, document: Document, keep_hidden: bool) -> None:
    elements = document.elements
    elements.clear()
    stack: list[_Pending] = [(html_node, document.root, False)]
    drop = _DROP
    special = _SPECIAL
    hiding = frozenset() if keep_hidden else _HIDING
    raw_text = _RAW_TEXT
    no_spaces = _NO_SPACES
    make = Element
    append_element = elements.append
    while stack:
        node, element, raw = stack.pop()
        element.index = len(elements)  # popped in document order: indexes are pre-order
        append_element(element)
        if node is None:
            continue
        pending: list[_Pending] = []
        children = element.children
        add = children.append
        for child in node.iter(include_text=True, skip_empty=element.tag in no_spaces):
            tag = child.tag
            if tag == "-text":
                text = child.text_content
                if text:
                    if raw:
                        add(clean_pre(text))
                    elif text.isspace():
                        add(" ")
                    else:
                        add(collapse(text))
                continue
            if tag is None or tag in drop or tag[0] == "-":
                continue
            attrs = child.attributes
            if attrs and not hiding.isdisjoint(attrs) and _hidden(attrs):
                continue
            if tag in special:
                _special(tag, child, attrs, element, document, pending, raw)
                continue
            copy = make(tag, attrs, element, -1)
            add(copy)
            pending.append((child, copy, raw or tag in raw_text))
        if pending:
            pending.reverse()
            stack.extend(pending)


def _special(
    tag: str,
    node: LexborNode,
    attrs: Attrs,
    parent: Element,
    document: Document,
    pending: list[_Pending],
    raw: bool,
) -> None:
    """Elements that feed metadata, or are kept only as a placeholder or for their images."""
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
    elif tag == "base":
        if not document.base_href:
            document.base_href = (attrs.get("href") or "").strip()
    elif tag == "noscript":
        pending.extend(_noscript_images(node, parent))
    elif tag == "dialog":
        if "open" in attrs:
            copy = Element(tag, attrs, parent, -1)
            parent.children.append(copy)
            pending.append((node, copy, raw))
    else:  # a form control or an embed: an empty placeholder, for boilerplate scoring
        placeholder = Element(tag, {}, parent, -1)
        parent.children.append(placeholder)
        pending.append((None, placeholder, raw))


def _noscript_images(noscript: LexborNode, parent: Element) -> list[tuple[None, Element, bool]]:
    """Only the images of a <noscript> are kept: they are the lazy-loaded images' real sources."""
    images = [node for node in noscript.traverse() if node.tag == "img"]
    if not images:
        return []
    holder = Element("noscript", {}, parent, -1)
    parent.children.append(holder)
    copied: list[tuple[None, Element, bool]] = [(None, holder, False)]
    for node in images:
        image = Element("img", _attributes(node), holder, -1)
        holder.children.append(image)
        copied.append((None, image, False))
    return copied
