"""Find in the article: hits in typeset lines, case-insensitive, and accent-insensitive unless
the query has accents ("ban" finds "bản", "bán" and "Ban"; "bản" finds only "bản").

Pure (no textual): the view asks for hits and paints them. Matching runs on a folded copy of
the lines (lower case, accents stripped, đ → d; list markers, quote bars and link numbers
blanked) joined into one string, so a phrase wrapped across lines of one block is still found
and a regular expression scans a 100 000-word article in milliseconds. Every folded position
maps back to a (line, character) of the original text, which is what gets highlighted.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.library.fold import fold as fold_letters
from reader.typeset import Line

SKIPPED_ROLES = frozenset({"quote-bar", "marker", "frame", "rule", "link-number"})
"""Decoration that is drawn but is not the article's text: never matched."""


class _FoldTable(dict[int, str]):
    """str.translate table built on demand: each character → its folded form ("" drops it)."""

    def __init__(self, accents: bool) -> None:
        super().__init__()
        self.accents = accents
        """True: strip accents (accent-insensitive matching)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.isspace():
            folded = " "
        elif self.accents:
            if unicodedata.combining(char):
                folded = ""
            else:
                base = unicodedata.normalize("NFD", char.lower())
                folded = (
                    fold_letters("".join(c for c in base if not unicodedata.combining(c)))
                    or char.lower()
                )
        else:
            folded = char.lower()
        self[code] = folded
        return folded


_LOOSE = _FoldTable(accents=True)
_STRICT = _FoldTable(accents=False)


def accent_insensitive(query: str) -> bool:
    """True when the query has no accents of its own, so it should match accented text too."""
    text = unicodedata.normalize("NFC", query)
    return text.translate(_LOOSE) == text.translate(_STRICT)


def pattern(query: str) -> re.Pattern[str] | None:
    """The query folded like the text; any run of spaces matches any run (word spacing, line
    ends within a block). None for a blank query."""
    text = unicodedata.normalize("NFC", query)
    table = _LOOSE if accent_insensitive(text) else _STRICT
    words = text.translate(table).split()
    if not words:
        return None
    return re.compile(" +".join(re.escape(word) for word in words))


@dataclass(frozen=True, slots=True)
class Hit:
    """One match, from (line, start) to (end_line, end); ends are exclusive character offsets
    into `Line.text`. Most hits sit on one line; a phrase can run onto the next."""

    line: int
    start: int
    end_line: int
    end: int

    def on_line(self, index: int, length: int) -> tuple[int, int] | None:
        """The characters of `line` this hit covers, or None."""
        if not self.line <= index <= self.end_line:
            return None
        start = self.start if index == self.line else 0
        end = self.end if index == self.end_line else length
        return (start, end) if end > start else None


class FindIndex:
    """The folded text of some lines, built once per layout and kept for every keystroke."""

    def __init__(self, lines: Sequence[Line], *, accents: bool) -> None:
        table = _LOOSE if accents else _STRICT
        self._lines = lines
        self._table = table
        parts: list[str] = []
        starts: list[int] = []
        maps: dict[int, list[int]] = {}
        offset = 0
        previous_block: int | None = None
        for index, line in enumerate(lines):
            if parts:
                # A space joins the lines of one block; a newline keeps blocks apart.
                separator = " " if line.block == previous_block and line.spans else "\n"
                parts.append(separator)
                offset += 1
            previous_block = line.block if line.spans else None
            source = "".join(
                " " * len(span.text) if span.role in SKIPPED_ROLES else span.text
                for span in line.spans
            )
            if source.isascii() or all(len(table[ord(c)]) == 1 for c in set(source)):
                folded = source.translate(table)  # one character for one: offsets agree
            else:
                folded, origin = self._fold_mapped(source)
                maps[index] = origin
            starts.append(offset)
            parts.append(folded)
            offset += len(folded)
        self.text = "".join(parts)
        self._starts = starts
        self._maps = maps

    def _fold_mapped(self, source: str) -> tuple[str, list[int]]:
        """Fold character by character, remembering where each folded character came from."""
        out: list[str] = []
        origin: list[int] = []
        for position, char in enumerate(source):
            folded = self._table[ord(char)]
            out.append(folded)
            origin.extend([position] * len(folded))
        origin.append(len(source))  # the end of the line
        return "".join(out), origin

    def _place(self, offset: int, *, end: bool) -> tuple[int, int]:
        """Folded offset → (line, character offset in that line's original text)."""
        index = max(0, bisect_right(self._starts, offset) - 1)
        if end and offset == self._starts[index] and index > 0:
            index -= 1  # an end exactly at a line start belongs to the line before
        local = offset - self._starts[index]
        text = self._lines[index].text
        origin = self._maps.get(index)
        if origin is None:
            return index, min(local, len(text))
        local = min(local, len(origin) - 1)
        if not end:
            return index, origin[local]
        position = origin[local - 1] + 1 if local else 0
        while position < len(text) and not self._table[ord(text[position])]:
            position += 1  # keep combining marks with the letter they follow
        return index, position

    def find(self, query: str) -> list[Hit]:
        compiled = pattern(query)
        if compiled is None:
            return []
        hits: list[Hit] = []
        for match in compiled.finditer(self.text):
            line, start = self._place(match.start(), end=False)
            end_line, end = self._place(match.end(), end=True)
            hits.append(Hit(line, start, end_line, end))
        return hits


def find_hits(lines: Sequence[Line], query: str) -> list[Hit]:
    """Every hit of `query` in `lines`, in reading order (a one-off; the view keeps an index)."""
    return FindIndex(lines, accents=accent_insensitive(query)).find(query)
