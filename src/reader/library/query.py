"""What a person types into the search box, as a safe FTS5 expression.

Raw FTS5 syntax is unforgiving: a lone `"`, `(`, `*`, `AND` or `col:x` is a syntax error, and a
search box must never fail on what someone typed. So the query is parsed here into a small
language and every term is emitted as a quoted FTS5 string, which FTS5 only tokenizes:

- words: all must occur (``dang vien``), in any order;
- ``"a phrase"``: the words in this order (an unclosed quote runs to the end);
- ``prefix*``: words starting with it (also ``"a phra"*``);
- ``-word`` / ``-"a phrase"``: must not occur;
- ``OR`` (upper case) between words: either side may match.

Everything else (punctuation, operators, column names) is ordinary text. Terms are folded the
same way as the index (fold.py), so the search is case- and accent-insensitive.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reader.library.errors import InvalidQuery
from reader.library.fold import fold
from reader.library.text import clean_line

MAX_TERMS = 64


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    """Folded text of a word or phrase."""
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return f"{quoted} *" if self.prefix else quoted


def _searchable(text: str) -> bool:
    """True when the FTS5 tokenizer (unicode61) would find at least one token in `text`."""
    return any(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in text)


def _lex(query: str) -> list[Term | None]:
    """Terms in order; None stands for an OR between them."""
    items: list[Term | None] = []
    i, n = 0, len(query)
    while i < n:
        if query[i].isspace():
            i += 1
            continue
        negated = query[i] == "-" and i + 1 < n and not query[i + 1].isspace()
        if negated:
            i += 1
        if query[i] == '"':
            end = query.find('"', i + 1)
            end = n if end < 0 else end
            text = query[i + 1 : end]
            i = end + 1
            prefix = i < n and query[i] == "*"
            while i < n and query[i] == "*":
                i += 1
        else:
            start = i
            while i < n and not query[i].isspace() and query[i] != '"':
                i += 1
            text = query[start:i]
            if text == "OR" and not negated:
                items.append(None)
                continue
            prefix = text.endswith("*")
            text = text.rstrip("*")
        text = fold(clean_line(text)).lower()
        if _searchable(text):
            items.append(Term(text, prefix=prefix, negated=negated))
    return items


def parse_query(query: str) -> str | None:
    """The FTS5 MATCH expression for `query`, or None when it holds nothing to search for.

    Raises InvalidQuery only for queries that cannot mean anything: a group of only excluded
    words (FTS5 cannot list "everything but"), or more than MAX_TERMS terms.
    """
    items = _lex(unicodedata.normalize("NFC", query))
    if sum(item is not None for item in items) > MAX_TERMS:
        raise InvalidQuery(f"the search has more than {MAX_TERMS} words")
    groups: list[list[Term]] = [[]]
    for item in items:
        if item is None:
            groups.append([])
        else:
            groups[-1].append(item)
    expressions: list[str] = []
    for group in groups:
        wanted = [term.fts() for term in group if not term.negated]
        unwanted = [term.fts() for term in group if term.negated]
        if not wanted:
            if unwanted:
                raise InvalidQuery("a search needs a word to find, not only words to exclude")
            continue
        expression = " AND ".join(wanted)
        if unwanted:
            expression = f"({expression}) NOT ({' OR '.join(unwanted)})"
        expressions.append(expression)
    if not expressions:
        return None
    if len(expressions) == 1:
        return expressions[0]
    return " OR ".join(f"({expression})" for expression in expressions)
