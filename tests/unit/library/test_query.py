"""What people type becomes a safe FTS5 expression; nothing they type can break the search."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import UsageError
from reader.library import InvalidQuery, parse_query


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("dang vien", '"dang" AND "vien"'),
        ("Đảng  VIÊN", '"dang" AND "vien"'),
        ('"đảng viên"', '"dang vien"'),
        ('"dang vi"*', '"dang vi" *'),
        ("chi*", '"chi" *'),
        ("chi**", '"chi" *'),
        ("news -sport", '("news") NOT ("sport")'),
        ('news -"bóng đá" -golf', '("news") NOT ("bong da" OR "golf")'),
        ("a OR b c", '("a") OR ("b" AND "c")'),
        ("col:x", '"col:x"'),
        ("AND", '"and"'),
        ("NOT near", '"not" AND "near"'),
        ('"unclosed phrase', '"unclosed phrase"'),
    ],
)
def test_queries_become_quoted_fts5_expressions(query: str, expression: str) -> None:
    assert parse_query(query) == expression


@pytest.mark.parametrize("query", ["", "   ", '"', '""', "*", "(", ")", "-", "OR", "- -", "—", "…"])
def test_queries_with_nothing_to_find_parse_to_none(query: str) -> None:
    assert parse_query(query) is None


@pytest.mark.parametrize("query", ["-sport", "-sport -golf", "news OR -sport"])
def test_only_exclusions_is_a_usage_error_with_a_hint(query: str) -> None:
    with pytest.raises(InvalidQuery) as caught:
        parse_query(query)
    assert isinstance(caught.value, UsageError)
    assert caught.value.exit_code == 2
    assert "-word" in str(caught.value)


def test_a_query_of_too_many_words_is_refused() -> None:
    with pytest.raises(InvalidQuery, match="more than 64"):
        parse_query(" ".join(f"w{n}" for n in range(65)))


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_to_an_expression_fts5_accepts(query: str) -> None:
    try:
        expression = parse_query(query)
    except InvalidQuery:
        return
    if expression is None:
        return
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
        )
        conn.execute("INSERT INTO t VALUES ('dang vien news')")
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    finally:
        conn.close()
