"""The document model every layer speaks: an Article of typed blocks.

Immutable (frozen dataclasses holding tuples) so a parsed article can be cached, shared between
the TUI and the printers, and stored without defensive copies; a JSON round trip lets the offline
library keep articles without re-extracting them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, TypeAlias

SCHEMA_VERSION = 1
"""Bumped when the JSON form changes incompatibly, so stored articles can be migrated."""

TEXT_VERSION = 2
"""Bumped when what `Article.text` contains changes (2: image alt text is no longer body text),
so stores that index it (the library's search) know to re-index."""

MAX_BLOCK_DEPTH = 64
"""Quotes and lists nest at most this deep. Walking the model recurses, so JSON from outside
(an import, a damaged library) is refused beyond it instead of exhausting the stack; the
extractor caps nesting far lower."""


@dataclass(frozen=True, slots=True)
class Run:
    """Inline text of uniform formatting; combinations (a strong link) are allowed."""

    text: str
    emphasis: bool = False
    strong: bool = False
    code: bool = False
    href: str | None = None
    """Absolute URL when the run is a link."""


Runs: TypeAlias = tuple[Run, ...]


class _RunDraft:
    """A Run's slots without its frozen guard (same layout, so it can become a Run)."""

    __slots__ = Run.__slots__

    def __init__(
        self, text: str, emphasis: bool, strong: bool, code: bool, href: str | None
    ) -> None:
        self.text = text
        self.emphasis = emphasis
        self.strong = strong
        self.code = code
        self.href = href


def make_run(
    text: str,
    emphasis: bool = False,
    strong: bool = False,
    code: bool = False,
    href: str | None = None,
) -> Run:
    """`Run(text, emphasis, strong, code, href)`, a third of the cost: the frozen dataclass sets
    each field through `object.__setattr__`, and the extractor makes a Run per text node. The
    result is a Run like any other (its class, equality, hash and immutability)."""
    draft = _RunDraft(text, emphasis, strong, code, href)
    draft.__class__ = Run  # type: ignore[assignment]
    return draft  # type: ignore[return-value]


def runs_text(runs: Sequence[Run]) -> str:
    return "".join([run.text for run in runs])  # (a list joins faster than a generator)


def runs_lines(runs: Sequence[Run]) -> list[list[Run]]:
    """The runs split at their line breaks ("\n" from `<br>`), formatting kept; one list per
    line, empty for an empty line."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        for number, piece in enumerate(run.text.split("\n")):
            if number:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, run.emphasis, run.strong, run.code, run.href))
    return lines


def runs_before(runs: Sequence[Run], end: int, trim: str) -> list[Run]:
    """The runs up to character `end` of their joined text, formatting kept, without the
    characters of `trim` just before it (the separator before a cut-off credit or stamp)."""
    text = "".join(run.text for run in runs)
    while end > 0 and text[end - 1] in trim:
        end -= 1
    out: list[Run] = []
    position = 0
    for run in runs:
        if position >= end:
            break
        out.append(Run(run.text[: end - position], run.emphasis, run.strong, run.code, run.href))
        position += len(run.text)
    return out


@dataclass(frozen=True, slots=True)
class Heading:
    kind: ClassVar[str] = "heading"
    level: int
    runs: Runs

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    runs: Runs

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True, slots=True)
class Quote:
    kind: ClassVar[str] = "quote"
    blocks: tuple[Block, ...]

    @property
    def text(self) -> str:
        return _join_blocks(self.blocks)


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]
    """Usually one Paragraph; a nested List appears here as a block."""

    @property
    def text(self) -> str:
        return _join_blocks(self.blocks, separator="\n")


@dataclass(frozen=True, slots=True)
class ListBlock:
    kind: ClassVar[str] = "list"
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1

    def markers(self) -> Iterator[str]:
        for number, _item in enumerate(self.items, self.start):
            yield f"{number}." if self.ordered else "•"

    @property
    def text(self) -> str:
        lines: list[str] = []
        for marker, item in zip(self.markers(), self.items, strict=True):
            body = item.text.split("\n")
            lines.append(f"{marker} {body[0]}")
            lines.extend(f"  {line}" if line else line for line in body[1:])
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Figure:
    kind: ClassVar[str] = "figure"
    src: str | None
    alt: str = ""
    caption: Runs = ()

    @property
    def text(self) -> str:
        """The caption: words the page shows. Alt text describes the picture, not the article;
        the printers and the reading view announce it as an image."""
        return runs_text(self.caption)


@dataclass(frozen=True, slots=True)
class Preformatted:
    kind: ClassVar[str] = "preformatted"
    code: str
    language: str | None = None

    @property
    def text(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class TableCell:
    runs: Runs
    header: bool = False

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True, slots=True)
class Table:
    kind: ClassVar[str] = "table"
    rows: tuple[tuple[TableCell, ...], ...]
    caption: Runs = ()

    @property
    def text(self) -> str:
        lines = [runs_text(self.caption)] if self.caption else []
        lines.extend(" | ".join(cell.text for cell in row) for row in self.rows)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Rule:
    kind: ClassVar[str] = "rule"

    @property
    def text(self) -> str:
        return ""


Block: TypeAlias = Heading | Paragraph | Quote | ListBlock | Figure | Preformatted | Table | Rule
BLOCK_TYPES: tuple[type[Any], ...] = (
    Heading,
    Paragraph,
    Quote,
    ListBlock,
    Figure,
    Preformatted,
    Table,
    Rule,
)


def _join_blocks(blocks: Sequence[Block], separator: str = "\n\n") -> str:
    return separator.join(text for block in blocks if (text := block.text))


_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Article:
    """An extracted article: metadata plus an ordered body of blocks."""

    url: str | None = None
    title: str = ""
    authors: tuple[str, ...] = ()
    published: str | None = None
    """ISO 8601 date or date-time."""
    site_name: str | None = None
    language: str | None = None
    lead: str | None = None
    """The description / standfirst shown under the title."""
    source: str | None = None
    """A source line such as "Nguồn: Ban Biên tập", kept out of the body."""
    canonical_url: str | None = None
    image: str | None = None
    blocks: tuple[Block, ...] = ()
    reason: str | None = None
    """Why the body is empty, when it is (no article found, not HTML, ...)."""
    metadata: Mapping[str, str] = field(default_factory=dict)
    """Open-ended extras (keywords, section, ...) that later layers may want."""

    @property
    def text(self) -> str:
        """The body as plain text, one blank line between blocks."""
        return _join_blocks(self.blocks)

    @property
    def word_count(self) -> int:
        """Words for reading time; each CJK character counts as a word, as readers of CJK read."""
        text = self.text
        cjk = len(_CJK.findall(text))
        words = len(_WORD.findall(_CJK.sub(" ", text)))
        return words + cjk

    def reading_minutes(self, words_per_minute: int = 230) -> int:
        return max(1, round(self.word_count / words_per_minute)) if self.blocks else 0

    @property
    def byline(self) -> str:
        return ", ".join(self.authors)

    # --- JSON round trip -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema": SCHEMA_VERSION}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "blocks":
                data["blocks"] = [_block_to_dict(block) for block in value]
            elif f.name == "authors":
                data["authors"] = list(value)
            elif f.name == "metadata":
                data["metadata"] = dict(value)
            else:
                data[f.name] = value
        return data

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        schema = data.get("schema", SCHEMA_VERSION)
        if schema > SCHEMA_VERSION:
            raise ValueError(f"article JSON schema {schema} is newer than this reader supports")
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        values["authors"] = tuple(values.get("authors", ()))
        values["metadata"] = dict(values.get("metadata", {}))
        values["blocks"] = tuple(_block_from_dict(b) for b in values.get("blocks", ()))
        return cls(**values)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))


# --- block (de)serialisation --------------------------------------------------------------------


def _runs_to_list(runs: Runs) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for run in runs:
        item: dict[str, Any] = {"text": run.text}
        if run.emphasis:
            item["emphasis"] = True
        if run.strong:
            item["strong"] = True
        if run.code:
            item["code"] = True
        if run.href is not None:
            item["href"] = run.href
        out.append(item)
    return out


def _runs_from_list(items: Sequence[Mapping[str, Any]]) -> Runs:
    return tuple(
        Run(
            text=item["text"],
            emphasis=bool(item.get("emphasis", False)),
            strong=bool(item.get("strong", False)),
            code=bool(item.get("code", False)),
            href=item.get("href"),
        )
        for item in items
    )


def _block_to_dict(block: Block) -> dict[str, Any]:
    match block:
        case Heading(level=level, runs=runs):
            return {"type": "heading", "level": level, "runs": _runs_to_list(runs)}
        case Paragraph(runs=runs):
            return {"type": "paragraph", "runs": _runs_to_list(runs)}
        case Quote(blocks=blocks):
            return {"type": "quote", "blocks": [_block_to_dict(b) for b in blocks]}
        case ListBlock(items=items, ordered=ordered, start=start):
            return {
                "type": "list",
                "ordered": ordered,
                "start": start,
                "items": [[_block_to_dict(b) for b in item.blocks] for item in items],
            }
        case Figure(src=src, alt=alt, caption=caption):
            return {"type": "figure", "src": src, "alt": alt, "caption": _runs_to_list(caption)}
        case Preformatted(code=code, language=language):
            return {"type": "preformatted", "code": code, "language": language}
        case Table(rows=rows, caption=caption):
            return {
                "type": "table",
                "caption": _runs_to_list(caption),
                "rows": [
                    [{"runs": _runs_to_list(c.runs), "header": c.header} for c in row]
                    for row in rows
                ],
            }
        case Rule():
            return {"type": "rule"}
    raise TypeError(f"not a block: {block!r}")


def _block_from_dict(data: Mapping[str, Any], depth: int = 0) -> Block:
    if depth > MAX_BLOCK_DEPTH:
        raise ValueError(f"article JSON nests blocks deeper than {MAX_BLOCK_DEPTH} levels")
    kind = data.get("type")
    match kind:
        case "heading":
            return Heading(level=int(data["level"]), runs=_runs_from_list(data["runs"]))
        case "paragraph":
            return Paragraph(runs=_runs_from_list(data["runs"]))
        case "quote":
            return Quote(blocks=tuple(_block_from_dict(b, depth + 1) for b in data["blocks"]))
        case "list":
            return ListBlock(
                items=tuple(
                    ListItem(blocks=tuple(_block_from_dict(b, depth + 1) for b in item))
                    for item in data["items"]
                ),
                ordered=bool(data.get("ordered", False)),
                start=int(data.get("start", 1)),
            )
        case "figure":
            return Figure(
                src=data.get("src"),
                alt=data.get("alt", ""),
                caption=_runs_from_list(data.get("caption", ())),
            )
        case "preformatted":
            return Preformatted(code=data["code"], language=data.get("language"))
        case "table":
            return Table(
                rows=tuple(
                    tuple(
                        TableCell(runs=_runs_from_list(c["runs"]), header=bool(c.get("header")))
                        for c in row
                    )
                    for row in data["rows"]
                ),
                caption=_runs_from_list(data.get("caption", ())),
            )
        case "rule":
            return Rule()
    raise ValueError(f"unknown block type in article JSON: {kind!r}")
