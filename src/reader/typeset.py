"""Article + size step + width → wrapped lines of role-tagged spans.

Pure and fast, so the TUI and the plain / large-print printers lay text out identically. A
line is a tuple of `Span`s: plain text (web text is never parsed as markup; control characters
are stripped here), a *role* that a palette turns into colour, and the attributes that carry
meaning without colour (links underlined, strong bold, emphasis italic). Widths are terminal
cells (`rich.cells`), so CJK and combining marks wrap correctly, and text without spaces
(Chinese, Japanese) breaks between characters.

Roles: "site", "title", "lead", "byline", "meta", "rule", "body", "heading", "link", "code",
"quote", "quote-bar", "marker", "frame", "caption", "label" (a table header beside its value),
"muted", "notice", "link-number" (the "[3]" after a link when links are numbered, as lynx
does; `article_links` lists the same links in the same order).

Layout of the result: header lines (block -1: site, title, lead, byline, date and reading
time, a rule), then each top-level block (block = its index in `Article.blocks`; the blank
spacer rows before a block belong to it), then a trailer (block = len(blocks): the source
line and the article's address, or why there is no body). The lines are at most
`measure(step, width)` cells wide; the caller centres them — except with `scroll_wide`, where
a table too wide for the column is still set as an aligned table and a code block keeps every
line whole (never re-wrapped): those lines are wider than the column and the view scrolls them
sideways (`Line.width` > the measure tells which). Without it (the plain printer), a wide table
becomes one "Header: value" record per row and a long code line is cut into rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from rich.cells import cell_len, split_graphemes

from reader.model import (
    Article,
    Block,
    Figure,
    Heading,
    ListBlock,
    Paragraph,
    Preformatted,
    Quote,
    Rule,
    Run,
    Runs,
    Table,
)
from reader.sanitize import strip_controls
from reader.themes import SizeStep

MIN_MEASURE = 2
"""Narrowest column typeset will produce (a CJK character needs two cells)."""
TABLE_CELL_MAX = 40
"""With `scroll_wide`, a wide table's cells wrap inside columns at most this wide, so one long
cell does not push every other column a screen away."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text on one line, styled by role and attributes, never by markup."""

    text: str
    role: str
    href: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Line:
    """One screen row. Blank spacer rows have no spans."""

    spans: tuple[Span, ...]
    block: int
    """Index of the top-level block; -1 for the header, len(blocks) for the trailer."""

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def width(self) -> int:
        return cell_len(self.text)


def measure(step: SizeStep, width: int) -> int:
    """The column actually used: the step's measure clamped to the available width."""
    return max(MIN_MEASURE, min(step.measure, width))


# --- cleaning ------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\ufff9-\ufffb]")
"""Soft hyphen, zero-width space, word joiner, BOM, annotation marks: invisible or garbled in
a cell grid. Controls and bidi overrides are sanitize.strip_controls' job."""


def clean(text: str) -> str:
    """Strip what could move the cursor, inject escapes or reorder the line; keep \\n and \\t."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _INVISIBLE.sub("", strip_controls(text))


def _flat(text: str) -> str:
    """Single-line metadata: cleaned, whitespace collapsed."""
    return " ".join(clean(text).split())


# --- inline wrapping -----------------------------------------------------------------------


class _Mark(NamedTuple):
    role: str
    href: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False


_Piece = tuple[str, _Mark]
_Row = list[_Piece]

_GAPS = " \t\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000"
"""Break opportunities: spaces, but not the no-break ones (U+00A0, U+2007, U+202F)."""
_GAP_START = re.compile(f"[{_GAPS}]")
_TOKEN = re.compile(f"\n|[{_GAPS}]+|[^\n{_GAPS}]+")
# Kinsoku, simplified: never start a line with closing punctuation, never end one with opening.
_CLOSING = frozenset(
    "、。，．：；？！）］｝〕〉》」』】〙〗〟’”｠»"  # noqa: RUF001  (these are the point)
    "ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々…‥・"
)
_OPENING = frozenset("（［｛〔〈《「『【〘〖〝‘“｟«")  # noqa: RUF001


class _Word:
    """An unbreakable stretch (possibly of several marks) and what separates it from the last."""

    __slots__ = ("gap", "newlines", "parts", "width")

    def __init__(self, parts: _Row, width: int, gap: _Mark | None, newlines: int) -> None:
        self.parts = parts
        self.width = width
        self.gap = gap
        """The mark of the space before this word, or None when it joins without a space."""
        self.newlines = newlines
        """Hard line breaks before this word."""


def _words(fragments: Iterable[_Piece]) -> list[_Word]:
    words: list[_Word] = []
    parts: _Row = []
    width = 0
    gap: _Mark | None = None
    newlines = 0
    last = ""  # last grapheme of the current word
    last_wide = False

    def flush() -> None:
        nonlocal parts, width, gap, newlines
        if parts:
            words.append(_Word(parts, width, gap, newlines))
            parts, width, gap, newlines = [], 0, None, 0

    def add(text: str, mark: _Mark, cells: int) -> None:
        nonlocal width
        if parts and parts[-1][1] == mark:
            parts[-1] = (parts[-1][0] + text, mark)
        else:
            parts.append((text, mark))
        width += cells

    for text, mark in fragments:
        for token in _TOKEN.findall(text):
            if token == "\n":
                flush()
                newlines += 1
                gap = None
                last, last_wide = "", False
            elif token[0] in " \t" or _GAP_START.match(token):
                flush()
                if words or newlines:
                    gap = mark
                last, last_wide = "", False
            elif token.isascii():
                if last_wide and parts and token[0] not in _CLOSING and last not in _OPENING:
                    flush()
                add(token, mark, len(token))
                last, last_wide = token[-1], False
            else:
                spans, _total = split_graphemes(token)
                for start, end, cells in spans:
                    grapheme = token[start:end]
                    wide = cells > 1
                    if (
                        parts
                        and (wide or last_wide)
                        and grapheme[0] not in _CLOSING
                        and last not in _OPENING
                    ):
                        flush()
                    add(grapheme, mark, cells)
                    last, last_wide = grapheme[-1], wide
    flush()
    return words


def _chop(parts: _Row, width: int) -> list[tuple[_Row, int]]:
    """Cut an over-long word into rows of at most `width` cells, between graphemes."""
    rows: list[tuple[_Row, int]] = []
    row: _Row = []
    row_width = 0
    for text, mark in parts:
        spans, _total = split_graphemes(text)
        for start, end, cells in spans:
            grapheme = text[start:end]
            if cells > width:  # a wide character in a one-cell column: show a stand-in
                grapheme, cells = "?", 1
            if row_width + cells > width and row:
                rows.append((row, row_width))
                row, row_width = [], 0
            if row and row[-1][1] == mark:
                row[-1] = (row[-1][0] + grapheme, mark)
            else:
                row.append((grapheme, mark))
            row_width += cells
    if row:
        rows.append((row, row_width))
    return rows


def _fill(words: Sequence[_Word], width: int, space: int) -> list[_Row]:
    """Greedy fill: as many words per row as fit; `space` cells between words."""
    rows: list[_Row] = []
    row: _Row = []
    row_width = 0
    started = False
    for word in words:
        if word.newlines and started:
            rows.append(row)
            rows.extend([] for _ in range(word.newlines - 1))
            row, row_width = [], 0
        started = True
        gap = space if (row and word.gap is not None) else 0
        if row and row_width + gap + word.width <= width:
            if gap:
                assert word.gap is not None
                row.append((" " * gap, word.gap))
            row.extend(word.parts)
            row_width += gap + word.width
            continue
        if row:
            rows.append(row)
            row, row_width = [], 0
        if word.width <= width:
            row, row_width = list(word.parts), word.width
        else:
            chunks = _chop(word.parts, width)
            rows.extend(chunk for chunk, _w in chunks[:-1])
            row, row_width = chunks[-1]
    if row:
        rows.append(row)
    return rows


def _space(rows: list[_Row], spacing: int) -> list[_Row]:
    """Insert `spacing` blank rows between wrapped rows (line spacing)."""
    if spacing <= 0 or len(rows) < 2:
        return rows
    out: list[_Row] = []
    for index, row in enumerate(rows):
        if index:
            out.extend([] for _ in range(spacing))
        out.append(row)
    return out


def _row_width(row: _Row) -> int:
    return sum(cell_len(text) for text, _mark in row)


# --- blocks --------------------------------------------------------------------------------


class _Setter:
    """Typesets blocks for one size step; holds the step so the helpers stay small."""

    def __init__(
        self, step: SizeStep, *, link_numbers: bool = False, scroll_wide: bool = False
    ) -> None:
        self.step = step
        self.scroll_wide = scroll_wide
        self.space = 1 + step.word_spacing
        self.frame = _Mark("frame")
        self.rule = _Mark("rule")
        self.link_numbers = link_numbers
        self.links = 0
        """Links met so far: the next link's number is this plus one."""

    # inline

    def fragments(
        self, runs: Sequence[Run], role: str, *, italic: bool = False, upper: bool = False
    ) -> list[_Piece]:
        out: list[_Piece] = []
        for link, group in _link_groups(runs):
            for run in group:
                text = clean(run.text).replace("\t", " ")
                if upper:
                    text = text.upper()
                if link is not None:
                    mark = _Mark("link", link, self.step.bold or run.strong, run.emphasis, True)
                else:
                    out_role = "code" if run.code else role
                    bold = self.step.bold or run.strong or role == "heading"
                    mark = _Mark(out_role, None, bold, italic or run.emphasis, False)
                out.append((text, mark))
            if link is not None:
                self.links += 1
                if self.link_numbers:  # no space before it: the number never wraps away
                    out.append((f"[{self.links}]", _Mark("link-number", link)))
        return out

    def text(
        self, text: str, role: str, width: int, *, bold: bool = False, italic: bool = False
    ) -> list[_Row]:
        """Plain (metadata) text in one role, wrapped and line-spaced."""
        mark = _Mark(role, None, bold or self.step.bold, italic)
        rows = _fill(_words([(_flat(text), mark)]), width, self.space)
        return _space(rows, self.step.line_spacing)

    def wrap(self, fragments: list[_Piece], width: int) -> list[_Row]:
        return _space(_fill(_words(fragments), width, self.space), self.step.line_spacing)

    # blocks

    def blocks(self, blocks: Sequence[Block], width: int, role: str, gap: int) -> list[_Row]:
        rows: list[_Row] = []
        for index, block in enumerate(blocks):
            rendered = self.block(block, width, role)
            if not rendered:
                continue
            if rows:
                rows.extend([] for _ in range(gap + self.heading_air(block, index)))
            rows.extend(rendered)
        return rows

    def heading_air(self, block: Block, index: int) -> int:
        """Extra blank rows above a heading at the more prominent steps."""
        return 1 if isinstance(block, Heading) and index and self.step.heading != "bold" else 0

    def block(self, block: Block, width: int, role: str) -> list[_Row]:
        match block:
            case Paragraph(runs=runs):
                return self.wrap(self.fragments(runs, role), width)
            case Heading():
                return self.heading(block, width)
            case Quote(blocks=inner):
                return self.quote(inner, width)
            case ListBlock():
                return self.list_block(block, width, role)
            case Figure():
                return self.figure(block, width)
            case Preformatted(code=code):
                return self.preformatted(code, width)
            case Table():
                return self.table(block, width)
            case Rule():
                return [[("─" * width, self.rule)]]
        return []

    def heading(self, heading: Heading, width: int) -> list[_Row]:
        prominence = self.step.heading
        rows = self.wrap(self.fragments(heading.runs, "heading", upper=prominence == "caps"), width)
        if rows and prominence != "bold":
            underline = max(_row_width(row) for row in rows)
            rule = ("━" if heading.level <= 2 else "─") * min(width, underline)
            rows.append([(rule, self.rule)])
        return rows

    def quote(self, inner: Sequence[Block], width: int) -> list[_Row]:
        bar = "│ " if width >= 10 else "│" if width >= 4 else ""
        body = self.blocks(inner, width - len(bar), "quote", self.step.paragraph_spacing)
        if not bar:
            return body
        mark = _Mark("quote-bar")
        return [[(bar, mark), *row] if row else [(bar.rstrip(), mark)] for row in body]

    def list_block(self, block: ListBlock, width: int, role: str) -> list[_Row]:
        markers = list(block.markers())
        indent = max(cell_len(marker) for marker in markers) + 1 if markers else 2
        nested = width - indent >= 8
        inner_width = width - indent if nested else width
        mark = _Mark("marker", None, self.step.bold)
        rows: list[_Row] = []
        for marker, item in zip(markers, block.items, strict=True):
            if rows:
                rows.extend([] for _ in range(self.step.line_spacing))
            body = self.blocks(item.blocks, inner_width, role, self.step.line_spacing)
            if not nested:
                rows.append([(marker, mark)])
                rows.extend(body)
                continue
            label = marker + " " * (indent - cell_len(marker))
            first, *rest = body or [[]]
            rows.append([(label, mark), *first])
            rows.extend([(" " * indent, _Mark(role)), *row] if row else [] for row in rest)
        return rows

    def figure(self, figure: Figure, width: int) -> list[_Row]:
        alt = _flat(figure.alt)
        rows: list[_Row] = []
        if width >= 12:
            inner = width - 4
            title = "─ Image "
            rows.append([("┌" + title + "─" * (width - 2 - cell_len(title)) + "┐", self.frame)])
            body = (
                self.text(alt, "caption", inner)
                if alt
                else self.text("(no description)", "muted", inner, italic=True)
            )
            for row in body:
                pad = inner - _row_width(row)
                rows.append([("│ ", self.frame), *row, (" " * pad, self.frame), (" │", self.frame)])
            rows.append([("└" + "─" * (width - 2) + "┘", self.frame)])
        else:
            label = f"[Image] {alt}".strip()
            rows.extend(_fill(_words([(label, self.frame)]), width, self.space))
        if figure.caption:
            rows.extend(self.wrap(self.fragments(figure.caption, "caption", italic=True), width))
        return rows

    def preformatted(self, code: str, width: int) -> list[_Row]:
        indent = "  " if width >= 30 else ""
        inner = width - len(indent)
        mark = _Mark("code", None, self.step.bold)
        rows: list[_Row] = []
        for source in clean(code).expandtabs(4).split("\n"):
            if not source.strip():
                rows.append([])
                continue
            if self.scroll_wide:  # the line kept whole; the view scrolls it sideways
                rows.append([(indent, mark), (source.rstrip(), mark)])
                continue
            for chunk, _w in _chop([(source.rstrip(), mark)], inner):
                rows.append([(indent, mark), *chunk] if indent else chunk)
        while rows and not rows[-1]:
            rows.pop()
        while rows and not rows[0]:
            rows.pop(0)
        return rows

    def wide_table(
        self, cells: list[list[str]], heads: list[list[bool]], natural: list[int]
    ) -> list[_Row]:
        """An aligned table wider than the column (the view scrolls it sideways); cells wrap
        inside columns of at most TABLE_CELL_MAX cells."""
        widths = [max(1, min(w, TABLE_CELL_MAX)) for w in natural]
        columns = len(widths)
        rows: list[_Row] = []
        wrapped_any = False
        for row_index, (row, head) in enumerate(zip(cells, heads, strict=True)):
            marks = [
                _Mark("body", None, self.step.bold or (head[c] if c < len(head) else False))
                for c in range(columns)
            ]
            stacks = [
                _fill(_words([(row[c] if c < len(row) else "", marks[c])]), widths[c], 1) or [[]]
                for c in range(columns)
            ]
            height = max(len(stack) for stack in stacks)
            wrapped_any = wrapped_any or height > 1
            if row_index and wrapped_any:  # rows of several lines need a rule between them
                rows.append([("┄┼┄".join("┄" * w for w in widths), self.frame)])
            for level in range(height):
                line: _Row = []
                for c in range(columns):
                    part = stacks[c][level] if level < len(stacks[c]) else []
                    if c:
                        line.append((" │ ", self.frame))
                    line.extend(part)
                    if c < columns - 1:
                        line.append((" " * (widths[c] - _row_width(part)), marks[c]))
                rows.append(line)
            if row_index == 0 and all(head):
                rows.append([("─┼─".join("─" * w for w in widths), self.frame)])
        return rows

    def table(self, table: Table, width: int) -> list[_Row]:
        rows: list[_Row] = []
        if table.caption:
            rows.extend(self.wrap(self.fragments(table.caption, "caption", italic=True), width))
        cells = [[_flat(cell.text) for cell in row] for row in table.rows]
        heads = [[cell.header for cell in row] for row in table.rows]
        if not cells:
            return rows
        columns = max(len(row) for row in cells)
        widths = [
            max((cell_len(row[c]) for row in cells if c < len(row)), default=0)
            for c in range(columns)
        ]
        separator = " │ "
        if self.scroll_wide and sum(widths) + len(separator) * (columns - 1) > width:
            return rows + self.wide_table(cells, heads, widths)
        if sum(widths) + len(separator) * (columns - 1) <= width:
            for row_index, (row, head) in enumerate(zip(cells, heads, strict=True)):
                line: _Row = []
                for c in range(columns):
                    text = row[c] if c < len(row) else ""
                    bold = self.step.bold or (head[c] if c < len(head) else False)
                    if c:
                        line.append((separator, self.frame))
                    pad = " " * (widths[c] - cell_len(text)) if c < columns - 1 else ""
                    line.append((text + pad, _Mark("body", None, bold)))
                rows.append(line)
                if row_index == 0 and all(head):
                    rule = "─┼─".join("─" * w for w in widths)
                    rows.append([(rule, self.frame)])
            return rows
        # Too wide to align: one record per row, "Header: value".
        names = cells[0] if all(heads[0]) else []
        body = cells[1:] if names else cells
        if not body:  # a table of headers alone: show them as its rows
            names, body = [], cells
        for index, row in enumerate(body):
            if index:
                rows.append([("┄" * min(width, 12), self.frame)])
            for c, text in enumerate(row):
                label = f"{names[c]}: " if c < len(names) and names[c] else ""
                fragments: list[_Piece] = []
                if label:
                    fragments.append((label, _Mark("label", None, True)))
                fragments.append((text, _Mark("body", None, self.step.bold)))
                rows.extend(self.wrap(fragments, width))
        return rows


# --- header and trailer --------------------------------------------------------------------


def _date(published: str) -> str:
    """ISO date → "12 March 2024"; anything else is shown as given."""
    text = _flat(published)
    try:
        value: date = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return text
    return f"{value.day} {value:%B %Y}"


def _header(article: Article, setter: _Setter, width: int) -> list[_Row]:
    rows: list[_Row] = []

    def section(new: list[_Row]) -> None:
        if new:
            if rows:
                rows.append([])
            rows.extend(new)

    if article.site_name and _flat(article.site_name):
        section(setter.text(article.site_name, "site", width))
    title = _flat(article.title) or "Untitled"
    section(setter.text(title, "title", width, bold=True))
    if article.lead and _flat(article.lead):
        section(setter.text(article.lead, "lead", width, italic=True))
    facts: list[_Row] = []
    if article.authors:
        facts += setter.text("By " + ", ".join(_flat(a) for a in article.authors), "byline", width)
    meta = []
    if article.published:
        meta.append(_date(article.published))
    if minutes := article.reading_minutes():
        meta.append(f"{minutes} min read")
    if meta:
        if facts:  # the byline and the date are two lines: spaced like any two lines
            facts.extend([] for _ in range(setter.step.line_spacing))
        facts += setter.text(" · ".join(meta), "meta", width)
    section(facts)
    rows.append([("─" * width, setter.rule)])
    return rows


def typeset(
    article: Article,
    step: SizeStep,
    width: int,
    *,
    link_numbers: bool = False,
    scroll_wide: bool = False,
) -> list[Line]:
    """Lay an article out for `width` cells: header, body blocks, trailer.

    With `link_numbers`, each link is followed by its number in `article_links` ("[3]").
    With `scroll_wide`, wide tables and long code lines stay whole (see the module doc).
    """
    setter = Typesetter(article, step, width, link_numbers=link_numbers, scroll_wide=scroll_wide)
    return [*setter.header(), *setter.blocks(0, len(article.blocks)), *setter.trailer()]


class Typesetter:
    """`typeset` in pieces: the header, any run of blocks, the trailer — each exactly as the
    whole would lay it out. A view uses it to show part of a very long article at once and lay
    out the rest in the background."""

    def __init__(
        self,
        article: Article,
        step: SizeStep,
        width: int,
        *,
        link_numbers: bool = False,
        first_block: int = 0,
        scroll_wide: bool = False,
    ) -> None:
        """`first_block`: where `blocks()` will start (so links get their article-wide numbers)."""
        self.article = article
        self.column = measure(step, width)
        self.gap = step.paragraph_spacing
        self._setter = _Setter(step, link_numbers=link_numbers, scroll_wide=scroll_wide)
        self._next = first_block
        if first_block and link_numbers:
            self._setter.links = _count_links(article.blocks[:first_block])

    def header(self) -> list[Line]:
        """Site, title, lead, byline, date and reading time, and the rule under them."""
        return [Line(_spans(row), -1) for row in _header(self.article, self._setter, self.column)]

    def blocks(self, start: int, stop: int) -> list[Line]:
        """Blocks[start:stop], each with the spacer rows before it. Calls must continue where
        the last one stopped (link numbers count up through the article)."""
        if start != self._next:
            raise ValueError(f"blocks({start}, …) after blocks(…, {self._next})")
        setter = self._setter
        column = self.column
        gap = self.gap
        lines: list[Line] = []
        blocks = self.article.blocks
        for index in range(start, min(stop, len(blocks))):
            block = blocks[index]
            rows = setter.block(block, column, "body")
            if not rows:
                continue
            lines.extend(Line((), index) for _ in range(gap + setter.heading_air(block, index)))
            lines.extend(Line(_spans(row), index) for row in rows)
        self._next = max(start, min(stop, len(blocks)))
        return lines

    def trailer(self) -> list[Line]:
        """The source line and the address, or why there is no body."""
        article = self.article
        setter = self._setter
        column = self.column
        trailer: list[_Row] = []
        if not article.blocks:
            reason = _flat(article.reason or "") or "No article text was found on this page."
            trailer = setter.text(reason, "notice", column)
        else:
            if article.source and _flat(article.source):
                trailer += setter.text(article.source, "muted", column, italic=True)
            if url := article.canonical_url or article.url:
                trailer += setter.text(url, "muted", column)
        end = len(article.blocks)
        if not trailer:
            return []
        return [
            *(Line((), end) for _ in range(self.gap)),
            *(Line(_spans(row), end) for row in trailer),
        ]


def typeset_notice(text: str, step: SizeStep, width: int, role: str = "notice") -> list[Line]:
    """A message in place of an article ("Loading …", an error), wrapped like body text."""
    setter = _Setter(step)
    column = measure(step, width)
    rows: list[_Row] = []
    for paragraph in clean(text).split("\n"):
        if rows:
            rows.append([])
        rows.extend(setter.text(paragraph, role, column))
    return [Line(_spans(row), -1) for row in rows]


# --- links ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """A link as numbered on screen: the reader follows, opens or copies it by this number."""

    number: int
    text: str
    href: str


def _link_groups(runs: Sequence[Run]) -> Iterable[tuple[str | None, list[Run]]]:
    """Runs grouped so that neighbouring runs with the same href make one link."""
    group: list[Run] = []
    href: str | None = None
    for run in runs:
        if group and run.href != href:
            yield href, group
            group = []
        href = run.href
        group.append(run)
    if group:
        yield href, group


def _block_runs(block: Block) -> Iterable[Runs]:
    """The runs of a block in the order the typesetter sets them (table cells carry no links)."""
    match block:
        case Paragraph(runs=runs) | Heading(runs=runs):
            yield runs
        case Quote(blocks=inner):
            for child in inner:
                yield from _block_runs(child)
        case ListBlock(items=items):
            for item in items:
                for child in item.blocks:
                    yield from _block_runs(child)
        case Figure(caption=caption):
            yield caption
        case Table(caption=caption):
            yield caption


def _count_links(blocks: Sequence[Block]) -> int:
    return sum(
        1
        for block in blocks
        for runs in _block_runs(block)
        for href, _group in _link_groups(runs)
        if href is not None
    )


def article_links(article: Article) -> tuple[Link, ...]:
    """Every link in reading order, numbered as `typeset(..., link_numbers=True)` shows them."""
    links: list[Link] = []
    for block in article.blocks:
        for runs in _block_runs(block):
            for href, group in _link_groups(runs):
                if href is not None:
                    text = _flat("".join(run.text for run in group)) or href
                    links.append(Link(len(links) + 1, text, href))
    return tuple(links)


def _spans(row: _Row) -> tuple[Span, ...]:
    spans: list[Span] = []
    for text, mark in row:
        if not text:
            continue
        if spans and (last := spans[-1]) and _same(last, mark):
            spans[-1] = Span(last.text + text, *mark)
        else:
            spans.append(Span(text, *mark))
    return tuple(spans)


def _same(span: Span, mark: _Mark) -> bool:
    return (span.role, span.href, span.bold, span.italic, span.underline) == mark


def line_text(lines: Iterable[Line]) -> str:
    """The plain text of typeset lines, one per row (for printers and tests)."""
    return "\n".join(line.text for line in lines)
