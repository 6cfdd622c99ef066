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
from reader.extract.dates import find_date
from reader.extract.names import BYLINE_TAIL, looks_personal, split_authors
from reader.extract.text import words
from reader.model import Block, Heading, Paragraph, Rule, Run, runs_lines

_AUTHOR_LINE = re.compile(
    r"""^[\s(\[\uff08]*(?:
      (?P<label>tác\s+giả|người\s+viết|bài\s+và\s+ảnh|bài\s*,\s*ảnh|bài\s+viết|bài|tin\s+và\s+ảnh|
        tin\s*,\s*ảnh|tin|phóng\s+viên|nhóm\s+phóng\s+viên|thực\s+hiện|author|authors|autor(?:in)?|
        auteur|autore|writer|reporter|text|texte|作者|记者|記者|撰文|撰稿|筆者|著者|执笔|執筆)
        \s*[:\uff1a]\s*
      |(?P<mark>文|写真・文|文・写真)\s*[\u30fb/\uff0f]\s*
      |(?P<word>by|(?:written|posted)\s+by|(?:eine?\s+)?(?:blog[\s-]?)?(?:artikel|beitrag|gastbeitrag
          |kolumne|glosse|reportage|analyse)\s+von
        |(?:an?\s+)?(?:blog\s+)?(?:article|story|post|column|essay)\s+by|(?:words|story|reporting|text|photos?|photographs|pictures)
        (?:\s+(?:and|&)\s+(?:words|text|photos?|photographs|pictures))?\s+by
        |von|par|por|di|door|av|af|bởi)\s+
    )(?P<name>\S.{0,79}?)[\s)\].\uff09]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# The editor in charge, named at the foot of Chinese and Japanese articles (责任编辑 and a
# name, in full-width brackets): a credit, but no author.
_EDITOR_LINE = re.compile(
    r"^[\s(\[\uff08]*(?:责任编辑|責任編輯|编辑|編輯|編集|编审|校对|校對)\s*[:\uff1a]\s*\S.{0,40}?"
    r"[\s)\]\uff09]*$"
)
# "6 min read", "3 Min. Lesezeit", "Lesezeit: 4 Minuten", "5 phút đọc": a reading time, which
# sits on a line with the date and the byline above an article.
_READING_TIME = re.compile(
    r"""^(?:\d+\s*(?:min(?:ute)?s?|minuten|phút)\.?\s*(?:read|reading|lesezeit|lesedauer|de\s+lecture
      |di\s+lettura|de\s+leitura|de\s+lectura|läsning|läsetid|lesetid|leestijd|đọc)
      |(?:lesezeit|lesedauer|reading\s+time|temps\s+de\s+lecture|tiempo\s+de\s+lectura|läsningstid)
      \s*:?\s*(?:ca\.\s*)?\d+\s*(?:min(?:ute)?s?|minuten)\.?)$""",
    re.IGNORECASE | re.VERBOSE,
)
_META_SEPARATOR = re.compile(r"\s+[|•·\u2013\u2014]\s+|\s*[|•·]\s*")
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
# What follows a name on a byline line: "By Tom Weller | 14.02.2024", "By Jane Doe - Reuters",
# "Por Marta Gil 03/07/2024", "Par Claire Dumas Publié le 21 mars".
_BYLINE_TAIL = re.compile(rf"\s+[|•·\u2013\u2014-]\s*|\s*\|\s*|{BYLINE_TAIL.pattern}", re.I | re.X)


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
    if _EDITOR_LINE.match(text):
        return ("editor", text)
    match = _SOURCE_LINE.match(text)
    if match:
        name = match.group("name").strip()
        if match.group("word") is None or (len(name) <= 60 and ", " not in name):
            return ("source", name)
    return None


def _meta_line(line: str) -> tuple[str, str] | None:
    """("author", names) for the line of small print above an article ("9 December 2023 · 6 min
    read", "Feb 26, 2024 • Dana Whitfield • 9 min read"), names "" when it holds none."""
    text = line.strip()
    if not text or len(text) > 120:
        return None
    pieces = [piece for piece in _META_SEPARATOR.split(text) if piece.strip()]
    reading = sum(1 for piece in pieces if _READING_TIME.match(piece.strip()))
    if not reading:
        return None
    names: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if _READING_TIME.match(piece):
            continue
        if len(piece) <= 40 and find_date(piece) is not None:
            continue
        credit = _credit(piece)
        if credit is not None and credit[0] == "author":
            names.append(credit[1])
        elif looks_like_name(piece) and not find_date(piece):
            names.append(piece)
        else:
            return None
    return ("author", ", ".join(names))


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
    found = [name for line in found_authors for name in split_authors(line)]
    known = credits.authors
    if not known or (
        found
        and all(looks_personal(name) for name in found)
        and (
            not any(looks_personal(name) for name in known)
            or all(_first_name_of(name, found) for name in known)
        )
    ):  # none known, or the known are the site, an organisation or first names only ("Nils"),
        # and the credit names people ("Eine Kolumne von Nils Pickert")
        credits.authors = found or known
    _bold_name(credits, notes)
    return credits


def _first_name_of(name: str, names: list[str]) -> bool:
    """Whether a one-word name is the first name of one of the names."""
    key = name.casefold()
    return " " not in key and any(
        len(other.split()) > 1 and other.split()[0].casefold() == key for other in names
    )


def _scan(
    credits: Credits, notes: dict[int, Note], found_authors: list[str], *, from_end: bool
) -> None:
    blocks = credits.blocks
    budget = 4 if from_end else 3
    skipped = False
    position = len(blocks) - 1 if from_end else 0
    while budget > 0 and 0 <= position < len(blocks):
        block = blocks[position]
        if isinstance(block, Rule):
            position += -1 if from_end else 1
            continue
        if not from_end and isinstance(block, Heading) and budget == 3:
            credit = _credit(block.text)
            if credit is None or credit[0] != "author":
                return
            found_authors.append(credit[1])  # "<h5>Von Jane Doe</h5>" opening the body
            del blocks[position]
            budget -= 1
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
        lines = runs_lines(block.runs)
        order = range(len(lines) - 1, -1, -1) if from_end else range(len(lines))
        kept = list(lines)
        for number in order:
            text = _text(lines[number])
            if not text.strip():
                continue
            credit = _credit(text)
            if credit is None and not from_end:
                credit = _meta_line(text)
            if credit is None:
                break
            kind, value = credit
            if kind == "source":
                credits.source = credits.source or value
            elif kind == "editor" or not value:
                pass
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
        if from_end or skipped:
            return
        # A kicker or a standfirst may come before the byline at the top: look one further.
        skipped = True
        position += 1


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
