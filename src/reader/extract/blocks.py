"""The article's elements turned into the model's blocks, in one iterative walk.

A stack of enter/exit events replaces recursion (a deep page cannot exhaust the interpreter),
and a stack of frames collects what structured blocks need: the paragraphs of a quote or list
item, the rows of a data table, the images and caption of a figure. Inline formatting is a
separate stack, so `<a><div>…</div></a>` keeps its link across the block boundary.

Each top-level paragraph also gets a few notes (`Note`) for the tidy-up pass: whether its box
looked like a caption, a lead ("sapo") or a byline, and whether it is all bold or all italic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Flag, auto

from reader.extract import hints
from reader.extract.content import BLOCK_TAGS, Content
from reader.extract.dom import Element
from reader.extract.tables import is_data_table
from reader.extract.text import clean_line, sanitize
from reader.extract.urls import best_from_srcset, resolve
from reader.model import (
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
    make_run,
)


class Note(Flag):
    """What the markup said about a top-level paragraph."""

    NONE = 0
    CAPTION = auto()
    LEAD = auto()
    BYLINE = auto()
    ALL_STRONG = auto()
    ALL_EMPHASIS = auto()
    CENTERED = auto()


@dataclass(slots=True)
class Built:
    blocks: list[Block]
    notes: dict[int, Note] = field(default_factory=dict)
    """id(top-level block) -> notes."""


_Format = tuple[bool, bool, bool, str | None]  # emphasis, strong, code, href
_PLAIN: _Format = (False, False, False, None)

_EMPHASIS = frozenset({"em", "i", "cite", "dfn", "var"})
_STRONG = frozenset({"strong", "b"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = frozenset({"ul", "ol", "menu", "dir"})
_SKIPPED = frozenset(
    {"input", "button", "select", "textarea", "keygen", "meter", "progress", "output",
     "iframe", "object", "embed", "video", "audio"}
)  # fmt: skip
_FIGURE_LIKE = frozenset({"div", "p", "center", "td", "section"})
_LANGUAGE = re.compile(r"(?:language|lang|highlight-source|brush:?)[-_\s]*([A-Za-z0-9+#_-]+)")
_PLACEHOLDER_SRC = re.compile(
    r"(?:^data:|blank|spacer|pixel|placeholder|transparent|loading|lazy|1x1|grey\.gif|empty)",
    re.IGNORECASE,
)
_LAZY_ATTRS = (
    "data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "data-full-src",
    "data-hi-res-src", "data-original-src", "data-actualsrc", "data-echo", "data-img-src",
)  # fmt: skip
_RULE_TEXT = re.compile(r"^\s*(?:[*•·~=_-]\s*){3,}$")
MAX_NESTING = 8
"""Quotes and lists nest at most this deep (frames); deeper ones are read as plain boxes, so
the model stays shallow enough for every layer that walks it recursively."""


class _Frame:
    """A structured block under construction."""

    __slots__ = ("blocks", "caption", "cells", "element", "images", "items", "kind", "level",
                 "rows", "runs")  # fmt: skip

    def __init__(self, kind: str, element: Element | None, level: int = 0) -> None:
        self.kind = kind
        self.element = element
        self.level = level
        self.blocks: list[Block] = []
        self.runs: list[Run] = []
        self.items: list[ListItem] = []
        self.rows: list[tuple[TableCell, ...]] = []
        self.cells: list[TableCell] = []
        self.images: list[Figure] = []
        self.caption: list[Run] = []


# Frames whose text becomes paragraphs; the others gather runs (headings, cells, captions).
_FLOW = frozenset({"body", "quote", "item", "figure"})


class _Exit:
    __slots__ = ("element", "flow", "formatted", "frame")

    def __init__(self, element: Element, frame: bool, formatted: bool, flow: bool) -> None:
        self.element = element
        self.frame = frame
        self.formatted = formatted
        self.flow = flow


def build_blocks(content: Content, base: str | None) -> Built:
    return _Builder(content, base).run()


class _Builder:
    def __init__(self, content: Content, base: str | None) -> None:
        self.content = content
        self.base = base
        self.frames: list[_Frame] = [_Frame("body", None)]
        self.formats: list[_Format] = [_PLAIN]
        self.flow_elements: list[Element] = []
        self.notes: dict[int, Note] = {}
        self.roots = {root.index for root in content.roots}
        self.spaces: dict[_Format, Run] = {}

    # --- the walk -----------------------------------------------------------------------------

    def run(self) -> Built:
        removed = self.content.removed
        stack: list[Element | str | _Exit] = list(reversed(self.content.roots))
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                self._text(item)
            elif isinstance(item, _Exit):
                self._leave(item)
            else:
                element = item
                if removed[element.index]:
                    continue
                event = self._enter(element)
                if event is False:
                    continue
                if event is not True:
                    stack.append(event)
                stack.extend(reversed(element.children))
        while len(self.frames) > 1:  # only if a frame was left open by a bug: close it anyway
            self._close_frame()
        self._flush(self.frames[0])
        return Built(self.frames[0].blocks, self.notes)

    def _enter(self, element: Element) -> _Exit | bool:
        """Handle an element: False when its children are not walked, else an exit event to
        handle after them, or True when leaving it needs nothing (a plain inline box)."""
        tag = element.tag
        frame = self.frames[-1]
        if tag == "br":
            self._line_break(frame)
            return False
        if tag == "img":
            self._image(element)
            return False
        if tag == "hr":
            self._emit(Rule())
            return False
        if tag in ("pre", "listing", "xmp", "plaintext"):
            self._pre(element)
            return False
        if tag in _SKIPPED:
            return False
        formatted = self._push_format(element)
        is_block = tag in BLOCK_TAGS
        if not is_block and not formatted:
            return True
        opened = False
        if is_block:
            opened = self._open_block(element, frame)
            if not opened:
                self._break(frame)
        if is_block:
            self.flow_elements.append(element)
        return _Exit(element, opened, formatted, is_block)

    def _leave(self, event: _Exit) -> None:
        if event.frame:
            self._close_frame()
        elif event.flow:
            self._break(self.frames[-1])
        if event.flow:
            self.flow_elements.pop()
        if event.formatted:
            self.formats.pop()

    # --- inline text --------------------------------------------------------------------------

    def _push_format(self, element: Element) -> bool:
        tag = element.tag
        emphasis, strong, code, href = self.formats[-1]
        if tag in _EMPHASIS:
            emphasis = True
        elif tag in _STRONG:
            strong = True
        elif tag in _CODE:
            code = True
        elif tag == "a":
            link = resolve(self.base, element.attrs.get("href"))
            if link is None:
                return False
            href = link
        elif tag == "span" or tag == "font":
            style = (element.attrs.get("style") or "").lower()
            if not style:
                return False
            if "bold" in style or "weight:700" in style.replace(" ", ""):
                strong = True
            if "italic" in style:
                emphasis = True
        else:
            return False
        self.formats.append((emphasis, strong, code, href))
        return True

    def _text(self, text: str) -> None:
        frame = self.frames[-1]
        if frame.kind in ("list", "table", "row"):
            if not text.strip():
                return
            if frame.kind != "list":
                return  # stray text between table cells is not shown by browsers either
        formats = self.formats[-1]
        if text == " ":  # half the text nodes: one Run per formatting serves them all
            run = self.spaces.get(formats)
            if run is None:
                run = self.spaces[formats] = Run(" ", *formats)
            frame.runs.append(run)
            return
        emphasis, strong, code, href = formats
        frame.runs.append(make_run(text, emphasis, strong, code, href))

    def _line_break(self, frame: _Frame) -> None:
        runs = frame.runs
        # Two <br> in a row (spaces aside) end a paragraph in flowing text, the way they read.
        for run in reversed(runs):
            if run.text == "\n":
                if frame.kind in _FLOW:
                    runs.pop()
                    self._flush(frame)
                    return
                break
            if run.text.strip():
                break
        if runs:
            runs.append(Run("\n"))

    # --- blocks -------------------------------------------------------------------------------

    def _open_block(self, element: Element, frame: _Frame) -> bool:
        """Open a frame for structured elements; False for plain block boxes."""
        tag = element.tag
        kind = frame.kind
        if len(self.frames) > MAX_NESTING and kind in _FLOW:
            return False
        if tag in _HEADING_LEVEL and kind in _FLOW:
            self._push_frame(_Frame("heading", element, _HEADING_LEVEL[tag]))
        elif tag == "blockquote" and kind in _FLOW:
            self._push_frame(_Frame("quote", element))
        elif tag in _LISTS and kind in _FLOW:
            self._push_frame(_Frame("list", element))
        elif tag == "li" and kind == "list":
            self._flush_list_text(frame)
            self._push_frame(_Frame("item", element))
        elif tag == "table" and kind in _FLOW:
            if self._is_figure_box(element):
                self._push_frame(_Frame("figure", element))
            elif is_data_table(element):
                self._push_frame(_Frame("table", element))
            else:
                return False
        elif tag == "tr" and kind == "table":
            self._push_frame(_Frame("row", element))
        elif tag in ("td", "th") and kind == "row":
            self._push_frame(_Frame("cell", element))
        elif tag == "caption" and kind == "table":
            self._push_frame(_Frame("caption", element))
        elif tag == "figure" and kind in _FLOW:
            self._push_frame(_Frame("figure", element))
        elif tag == "figcaption" and kind == "figure":
            self._push_frame(_Frame("caption", element))
        elif tag in _FIGURE_LIKE and kind in _FLOW and self._is_figure_box(element):
            self._push_frame(_Frame("figure", element))
        else:
            return False
        return True

    def _is_figure_box(self, element: Element) -> bool:
        """A small box holding one image and at most a caption line (the portal pattern)."""
        k = element.index
        content = self.content
        return (
            k not in self.roots
            and content.images[k] == 1
            and content.text[k] <= 250
            and content.paragraphs[k] <= 1
        )

    def _push_frame(self, frame: _Frame) -> None:
        self._break(self.frames[-1])
        self.frames.append(frame)

    def _close_frame(self) -> None:
        frame = self.frames.pop()
        parent = self.frames[-1]
        kind = frame.kind
        if kind in ("body", "quote", "item", "figure"):
            self._flush(frame)
        if kind == "heading":
            runs = _finish(frame.runs, single_line=True)
            if runs:
                heading = Heading(frame.level, runs)
                self._emit(heading)
                element = frame.element
                if element is not None and hints.has_part(element, hints.LEAD_PARTS):
                    self.notes[id(heading)] = Note.LEAD  # a sapo marked up as a heading
        elif kind == "quote":
            if frame.blocks:
                self._emit(Quote(tuple(frame.blocks)))
        elif kind == "list":
            self._flush_list_text(frame)
            if frame.items:
                element = frame.element
                ordered = element is not None and element.tag == "ol"
                self._emit(ListBlock(tuple(frame.items), ordered, _start(element)))
        elif kind == "item":
            if frame.blocks and parent.kind == "list":
                parent.items.append(ListItem(tuple(frame.blocks)))
            elif frame.blocks:
                for block in frame.blocks:
                    self._emit(block)
        elif kind == "table":
            if frame.rows:
                self._emit(Table(tuple(frame.rows), _finish(frame.caption)))
        elif kind == "row":
            if frame.cells and parent.kind == "table":
                parent.rows.append(tuple(frame.cells))
        elif kind == "cell":
            header = frame.element is not None and frame.element.tag == "th"
            if parent.kind == "row":
                parent.cells.append(TableCell(_finish(frame.runs), header))
        elif kind == "caption":
            runs = _finish(frame.runs)
            if parent.kind in ("figure", "table"):
                parent.caption.extend(runs)
        elif kind == "figure":
            self._close_figure(frame)

    def _close_figure(self, frame: _Frame) -> None:
        caption = _finish(frame.caption + frame.runs)
        images = frame.images
        if not images:
            for block in frame.blocks:
                self._emit(block)
            if caption:
                self._emit(Paragraph(caption))
            return
        for block in frame.blocks:
            self._emit(block)
        for image in images[:-1]:
            self._emit(image)
        last = images[-1]
        # A <figure> wrapped in a one-picture box keeps the caption it came with.
        self._emit(Figure(last.src, last.alt, caption or last.caption))

    def _flush_list_text(self, frame: _Frame) -> None:
        runs = _finish(frame.runs)
        frame.runs = []
        if runs:
            frame.items.append(ListItem((Paragraph(runs),)))

    def _break(self, frame: _Frame) -> None:
        """A block boundary inside the current frame."""
        if frame.kind in _FLOW:
            self._flush(frame)
        elif frame.kind in ("heading", "cell", "caption") and frame.runs:
            frame.runs.append(Run("\n"))  # `_finish` folds repeated line breaks

    def _flush(self, frame: _Frame) -> None:
        """The frame's pending text becomes a paragraph (in a figure: caption text)."""
        if not frame.runs:
            return
        if frame.kind == "figure":
            frame.caption.extend(frame.runs)
            frame.caption.append(Run("\n"))
            frame.runs = []
            return
        runs = _finish(frame.runs)
        frame.runs = []
        if not runs:
            return
        text = "".join([run.text for run in runs])
        if _RULE_TEXT.match(text):
            frame.blocks.append(Rule())
            return
        paragraph = Paragraph(runs)
        frame.blocks.append(paragraph)
        if frame.kind == "body":
            self.notes[id(paragraph)] = self._notes_for(runs)

    def _notes_for(self, runs: tuple[Run, ...]) -> Note:
        notes = Note.NONE
        visible = [run for run in runs if run.text.strip()]
        if visible and all(run.strong for run in visible):
            notes |= Note.ALL_STRONG
        if visible and all(run.emphasis for run in visible):
            notes |= Note.ALL_EMPHASIS
        for element in self.flow_elements[-3:]:
            if element.index in self.roots:
                continue
            if element.tag == "figcaption" or hints.has_part(element, hints.CAPTION_PARTS):
                notes |= Note.CAPTION
            if hints.has_part(element, hints.LEAD_PARTS):
                notes |= Note.LEAD
            if hints.has_part(element, hints.AUTHOR_PARTS):
                notes |= Note.BYLINE
            style = element.attrs.get("style")
            if (
                (style and "center" in style.lower())
                or element.tag == "center"
                or ((element.attrs.get("align") or "").lower() == "center")
            ):
                notes |= Note.CENTERED
        return notes

    def _emit(self, block: Block) -> None:
        """Append a finished block to the nearest frame that holds blocks."""
        for frame in reversed(self.frames):
            if frame.kind in _FLOW:
                self._flush(frame)
                if frame.kind == "figure" and isinstance(block, Figure):
                    frame.images.append(block)
                elif frame.kind == "figure":
                    frame.blocks.append(block)
                else:
                    if isinstance(block, Rule) and (
                        not frame.blocks or isinstance(frame.blocks[-1], Rule)
                    ):
                        return
                    frame.blocks.append(block)
                return
            if frame.kind in ("heading", "cell", "caption"):
                return  # no block structure inside a heading or a table cell

    # --- leaves -------------------------------------------------------------------------------

    def _image(self, element: Element) -> None:
        source = image_source(element, self.base)
        alt = clean_line(element.attrs.get("alt"))
        if source is None and not alt:
            return
        if _tiny(element):
            return
        from_noscript = element.parent is not None and element.parent.tag == "noscript"
        frame = self._flow_frame()
        if frame is not None and not any(run.text.strip() for run in frame.runs):
            pool: list[Figure] | list[Block] = (
                frame.images if frame.kind == "figure" else frame.blocks
            )
            previous = pool[-1] if pool else None
            if isinstance(previous, Figure):
                if previous.src == source:
                    return
                if from_noscript:
                    # The <noscript> copy of a lazy image: it only helps when the lazy one had
                    # no real source.
                    if previous.src is None or _PLACEHOLDER_SRC.search(previous.src):
                        pool[-1] = Figure(source, previous.alt or alt, previous.caption)
                    return
        self._emit(Figure(source, alt))

    def _flow_frame(self) -> _Frame | None:
        """The frame blocks would go to now, or None inside a heading or a table cell."""
        for frame in reversed(self.frames):
            if frame.kind in _FLOW:
                return frame
            if frame.kind in ("heading", "cell", "caption"):
                return None
        return None

    def _pre(self, element: Element) -> None:
        code = _raw_text(element).strip("\n")
        if not code.strip():
            return
        frame = self.frames[-1]
        if frame.kind in _FLOW or frame.kind in ("list", "table", "row"):
            self._emit(Preformatted(code, _language(element)))
        else:
            frame.runs.append(Run(code, code=True))


def _start(element: Element | None) -> int:
    if element is None:
        return 1
    try:
        return int((element.attrs.get("start") or "1").strip())
    except ValueError:
        return 1


def _tiny(element: Element) -> bool:
    """Icons, spacers and tracking pixels declare their small size."""
    for name in ("width", "height"):
        value = element.attrs.get(name)
        if value:
            digits = value.strip().removesuffix("px")
            if digits.isdigit() and int(digits) < 48:
                return True
    return False


def image_source(element: Element, base: str | None) -> str | None:
    """The real source of a possibly lazy-loaded image, absolute."""
    attrs = element.attrs
    for name in _LAZY_ATTRS:
        value = attrs.get(name)
        if value and not _PLACEHOLDER_SRC.search(value):
            return resolve(base, value)
    src = attrs.get("src")
    if src and not _PLACEHOLDER_SRC.search(src):
        return resolve(base, src)
    for name in ("data-srcset", "srcset", "data-lazy-srcset"):
        best = best_from_srcset(attrs.get(name))
        if best:
            return resolve(base, best)
    return None


def _raw_text(element: Element) -> str:
    """Text of a <pre> as written, <br> as newlines (iterative)."""
    parts: list[str] = []
    stack: list[Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.tag == "br":
            parts.append("\n")
        else:
            stack.extend(reversed(item.children))
    return "".join(parts)


def _language(element: Element) -> str | None:
    classes = element.attrs.get("class") or ""
    for child in element.children:
        if isinstance(child, Element) and child.tag == "code":
            classes += " " + (child.attrs.get("class") or "")
    classes += " " + (element.attrs.get("data-lang") or "")
    match = _LANGUAGE.search(classes)
    if match:
        return match.group(1).lower()
    data_lang = (element.attrs.get("data-lang") or "").strip()
    return data_lang.lower() or None


def _finish(runs: list[Run], *, single_line: bool = False) -> tuple[Run, ...]:
    """Collapse spaces across run boundaries, trim, and merge runs of equal formatting.

    A line break ends the run before it when that run is plain, or becomes a plain run of its
    own, so formatted runs never hold line breaks. Pieces are joined once at the end: a
    paragraph of 100 000 text nodes costs linear time.
    """
    groups: list[tuple[Run, list[str]]] = []  # (formatting, text pieces)
    after_space = True  # at the start, leading spaces go
    for run in runs:
        text = sanitize(run.text)
        if text == "\n" and not single_line:
            if groups:
                _trim_end(groups, " ")
                if groups and not groups[-1][1][-1].endswith("\n"):
                    if _same_format(groups[-1][0], _LINE_BREAK):
                        groups[-1][1].append("\n")
                    else:
                        groups.append((_LINE_BREAK, ["\n"]))
            after_space = True
            continue
        if text == "\n":
            text = " "
        if after_space:
            text = text.lstrip(" ")
        if not text:
            continue
        after_space = text.endswith(" ")
        if groups:
            last = groups[-1]
            if last[0] is run or _same_format(last[0], run):  # (the shared space runs)
                last[1].append(text)
                continue
        groups.append((run, [text]))
    _trim_end(groups, " \n")
    out = tuple([_with_text(run, "".join(pieces)) for run, pieces in groups])
    for run in out:
        if run.text.strip():
            return out
    return ()


def _trim_end(groups: list[tuple[Run, list[str]]], characters: str) -> None:
    """Strip `characters` from the end of the grouped text, dropping groups left empty."""
    while groups:
        pieces = groups[-1][1]
        while pieces:
            trimmed = pieces[-1].rstrip(characters)
            if trimmed:
                pieces[-1] = trimmed
                return
            pieces.pop()
        groups.pop()


_LINE_BREAK = Run("\n")


def _same_format(a: Run, b: Run) -> bool:
    return (
        a.emphasis == b.emphasis
        and a.strong == b.strong
        and a.code == b.code
        and (a.href == b.href)
    )


def _with_text(run: Run, text: str) -> Run:
    if text == run.text:
        return run  # (immutable: the same run serves)
    return make_run(text, run.emphasis, run.strong, run.code, run.href)
