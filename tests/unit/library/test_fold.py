"""Folding must make accents optional and must not change how text splits into tokens."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library.fold import fold


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("Đảng viên", "dang vien"),
        ("ĐẢNG VIÊN", "dang vien"),
        ("Straße", "Strasse"),
        ("ẞ", "ss"),
        ("Łódź", "lodz"),
        ("Ærøskøbing", "aeroskobing"),
        ("œuvre", "oeuvre"),
        ("Þingvellir", "thingvellir"),
        ("\u0131", "i"),
        ("ﬁne", "fine"),
        ("niño", "nino"),
        ("élève", "eleve"),
        ("Müller", "Muller"),
        ("người", "nguoi"),
    ],
)
def test_fold_reduces_latin_letters_to_ascii(original: str, folded: str) -> None:
    # Case is left to the tokenizer, so compare case-insensitively.
    assert fold(original).lower() == folded.lower()


def test_fold_leaves_non_letters_and_other_scripts_alone() -> None:
    text = "2.102 — «Hôm nay» 東京 Москва ½ x² #tag"
    folded = fold(text)
    assert folded == "2.102 — «Hom nay» 東京 Москва ½ x² #tag"


@pytest.fixture(scope="module")
def tokenizer() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    yield conn
    conn.close()


def tokens(conn: sqlite3.Connection, text: str) -> list[str]:
    """The tokens FTS5's unicode61 tokenizer makes of `text`, in order."""
    conn.execute("DELETE FROM t")
    conn.execute("INSERT INTO t VALUES (?)", (text,))
    return [term for (term,) in conn.execute("SELECT term FROM v ORDER BY offset")]


LATIN = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Nd", "No", "Po", "Pd", "Zs", "Sm", "Co"),
    max_codepoint=0x2FFF,
)


@settings(max_examples=300, deadline=None)
@given(st.text(LATIN, max_size=40))
def test_fold_keeps_the_token_count(tokenizer: sqlite3.Connection, text: str) -> None:
    # Snippets are built from the original text at the token positions found in the folded
    # index: the two must tokenize into the same number of tokens, in the same order.
    text = unicodedata.normalize("NFC", text)
    assert len(tokens(tokenizer, fold(text))) == len(tokens(tokenizer, text))


def test_folded_vietnamese_tokens_are_plain_ascii(tokenizer: sqlite3.Connection) -> None:
    assert tokens(tokenizer, fold("Đảng viên ĐẢNG VIÊN người Việt")) == [
        "dang",
        "vien",
        "dang",
        "vien",
        "nguoi",
        "viet",
    ]
