"""Author and source lines at the edges of the body become metadata, not body text.

Portals end articles with "Tác giả: Trần Thảo" / "Nguồn: Ban Biên tập", newspapers start them
with "By Jane Doe", German pages with "Von …", Vietnamese ones cite "Theo …". Only the edges of
the body are searched (the last paragraphs, the first two), and a search stops at the first line
that is not a credit, so a sentence that happens to start with "Theo" mid-article is safe.
A short trailing paragraph that is only a bold name is taken as the author when no other is
known (a common Vietnamese portal habit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.extract.blocks import Note
from reader.extract.metadata import split_authors
from reader.extract.text import words
from reader.model import Block, Paragraph, Rule, Run

_AUTHOR_LINE = re.compile(
    r"""^[\s(\[]*(?:
      (?P<label>tác\s+giả|người\s+viết|bài\s+và\s+ảnh|bài\s*,\s*ảnh|bài\s+viết|bài|tin\s+và\s+ảnh|
        tin\s*,\s*ảnh|tin|phóng\s+viên|nhóm\s+phóng\s+viên|thực\s+hiện|author|authors|autor(?:in)?|
        auteur|autore|writer|reporter|text|texte)\s*[:\uff1a]\s*
      |(?P<word>by|written\s+by|words\s+by|story\s+by|reporting\s+by|von|par|por|di|door|bởi)\s+
    )(?P<name>\S.{0,79}?)[\s)\].]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SOURCE_LINE = re.compile(
    r"""^[\s(\[]*(?:
      (?P<label>nguồn(?:\s+tin)?|source|sources|quelle|fuente|fonte|źródło|bron|kilde|källa)\s*[:\uff1a]\s*
      |(?P<word>theo)\s+
    )(?P<name>\S.{0,99}?)[\s)\].]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CONNECTORS = words(
    """
    and và und et y e de da di van von der den le la del dos bin al ibn
    """
)
_SENTENCE_PUNCTUATION = re.compile(r"[!?;]|[.:]\s*$")
# What follows a name on a byline line: "By Tom Weller | 14.02.2024", "By Jane Doe - Reuters".
_BYLINE_TAIL = re.compile(r"\s+[|•·\u2013\u2014-]\s*|\s*\|\s*|,?\s+(?:on|am|le|el|ngày)\s+\d")


def byline_names(line: str) -> list[str]:
    """Authors named by a credit line ("By Jane Doe and John Roe | 5 May"), else []."""
    credit = _credit(line)
    if credit is None or credit[0] != "author":
        return []
    return split_authors(credit[1])


@dataclass(slots=True)
class Credits:
    blocks: list[Block]
    authors: list[str] = field(default_factory=list)
    source: str | None = None


def looks_like_name(text: str, *, strict: bool = True) -> bool:
    """A short run of capitalised words ("Jane Doe", "Trần Thảo", "NGỌC ANH")."""
    words = text.replace(",", " ").split()
    if not words or len(words) > 8 or len(text) > 80:
        return False
    if not strict:
        return True
    for word in words:
        if word.lower() in _CONNECTORS:
            continue
        first = word.lstrip("(\"'“")[:1]
        if not first or not (first.isupper() or not first.isalpha()):
            return False
    return True


def _credit(line: str) -> tuple[str, str] | None:
    """("author", names) or ("source", text) for a credit line, else None."""
    text = line.strip()
    if not text or len(text) > 120:
        return None
    match = _AUTHOR_LINE.match(text)
    if match:
        name = _BYLINE_TAIL.split(match.group("name"), maxsplit=1)[0].strip()
        if looks_like_name(name, strict=match.group("word") is not None):
            return ("author", name)
    match = _SOURCE_LINE.match(text)
    if match:
        name = match.group("name").strip()
        if match.group("word") is None or (len(name) <= 60 and ", " not in name):
            return ("source", name)
    return None


def _lines(runs: tuple[Run, ...]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        pieces = run.text.split("\n")
        for number, piece in enumerate(pieces):
            if number:
                lines.append([])
            if piece:
                lines[-1].append(Run(piece, run.emphasis, run.strong, run.code, run.href))
    return lines


def _join(lines: list[list[Run]]) -> tuple[Run, ...]:
    out: list[Run] = []
    for number, line in enumerate(lines):
        if not line:
            continue
        if number and out:
            last = out[-1]
            out[-1] = Run(last.text + "\n", last.emphasis, last.strong, last.code, last.href)
        out.extend(line)
    return tuple(out)


def _text(line: list[Run]) -> str:
    return "".join(run.text for run in line)


def take_credits(blocks: list[Block], notes: dict[int, Note], known_authors: list[str]) -> Credits:
    credits = Credits(list(blocks), list(known_authors))
    found_authors: list[str] = []
    _scan(credits, notes, found_authors, from_end=True)
    _scan(credits, notes, found_authors, from_end=False)
    if not credits.authors:
        credits.authors = [name for found in found_authors for name in split_authors(found)]
    _bold_name(credits, notes)
    return credits


def _scan(
    credits: Credits, notes: dict[int, Note], found_authors: list[str], *, from_end: bool
) -> None:
    blocks = credits.blocks
    budget = 4 if from_end else 2
    position = len(blocks) - 1 if from_end else 0
    while budget > 0 and 0 <= position < len(blocks):
        block = blocks[position]
        if isinstance(block, Rule):
            position += -1 if from_end else 1
            continue
        if not isinstance(block, Paragraph):
            return
        budget -= 1
        if not from_end and notes.get(id(block), Note.NONE) & Note.BYLINE:
            names = split_authors(block.text) if len(block.text) <= 120 else []
            if names:  # a byline box at the top: "Jane Doe, Reporter"
                found_authors.extend(names)
                del blocks[position]
                continue
        lines = _lines(block.runs)
        order = range(len(lines) - 1, -1, -1) if from_end else range(len(lines))
        kept = list(lines)
        for number in order:
            text = _text(lines[number])
            if not text.strip():
                continue
            credit = _credit(text)
            if credit is None:
                break
            kind, value = credit
            if kind == "source":
                credits.source = credits.source or value
            elif from_end:
                found_authors.insert(0, value)
            else:
                found_authors.append(value)
            kept[number] = []
        if any(not line for line, old in zip(kept, lines, strict=True) if old):
            runs = _join(kept)
            if not runs:
                del blocks[position]
                if from_end:
                    position -= 1
                continue
            blocks[position] = Paragraph(runs)
        return


def _bold_name(credits: Credits, notes: dict[int, Note]) -> None:
    blocks = credits.blocks
    if len(blocks) < 2 or not isinstance(blocks[-1], Paragraph):
        return
    last = blocks[-1]
    if not notes.get(id(last), Note.NONE) & Note.ALL_STRONG:
        return
    text = last.text.strip()
    if len(text) > 50 or "\n" in text or _SENTENCE_PUNCTUATION.search(text):
        return
    if not looks_like_name(text):
        return
    known = {name.casefold() for name in credits.authors}
    if not credits.authors:
        credits.authors = [text]
        del blocks[-1]
    elif text.casefold() in known:
        del blocks[-1]
