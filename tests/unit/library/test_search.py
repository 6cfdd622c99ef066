"""Full-text search: accent- and case-insensitive, ranked, with snippets in the original text."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.library import InvalidQuery, Library, SearchHit, mark
from tests.unit.library.articles import article

VIETNAMESE = article(
    "Chi bộ họp bàn công tác phát triển Đảng viên",
    "Sáng nay, chi bộ thôn Đông đã họp. Các Đảng viên gương mẫu được biểu dương.",
    "Người dân trong xã đồng tình với nghị quyết.",
    url="https://example.vn/chi-bo",
    authors=("Trần Thị Thảo",),
    site="Cổng thông tin điện tử tỉnh",
)
FRENCH = article(
    "La rentrée scolaire",
    "Chaque élève reçoit un cahier; les élèves de Besançon commencent lundi.",
    url="https://exemple.fr/rentree",
    site="Le Quotidien",
)
GERMAN = article(
    "Verkehr in der Innenstadt",
    "Die Hauptstraße und die Straße am Markt sind gesperrt, sagt Bürgermeisterin Müller."
    " Größere Umleitungen folgen.",
    url="https://beispiel.de/verkehr",
)
SPANISH = article(
    "Un día en la escuela",
    "El niño aprendió a leer con su señora maestra en Logroño.",
    url="https://ejemplo.es/escuela",
)
NORDIC = article(
    "Weekend away",
    "Ferries to Ærø, dinner in Łódź and a walk along Søndergade.",
    url="https://example.com/travel",
)


@pytest.fixture
def ids(library: Library) -> dict[str, int]:
    saved = {}
    for name, item in [
        ("vi", VIETNAMESE),
        ("fr", FRENCH),
        ("de", GERMAN),
        ("es", SPANISH),
        ("nordic", NORDIC),
    ]:
        saved[name] = library.save(item, None, item.url or "").id
    return saved


def found(library: Library, query: str, **filters: object) -> list[int]:
    return [hit.id for hit in library.search(query, **filters)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "language"),
    [
        ("dang vien", "vi"),
        ("DANG VIEN", "vi"),
        ("Đảng viên", "vi"),
        ("ĐẢNG VIÊN", "vi"),
        ("dong tinh", "vi"),
        ("nguoi dan", "vi"),
        ("eleve", "fr"),
        ("ELEVES", "fr"),
        ("besancon", "fr"),
        ("strasse", "de"),
        ("HAUPTSTRASSE", "de"),
        ("muller", "de"),
        ("grossere", "de"),
        ("burgermeisterin", "de"),
        ("nino", "es"),
        ("senora logrono", "es"),
        ("aero", "nordic"),
        ("lodz", "nordic"),
        ("sondergade", "nordic"),
    ],
)
def test_search_ignores_accents_and_case(
    library: Library, ids: dict[str, int], query: str, language: str
) -> None:
    assert found(library, query) == [ids[language]]


def test_german_ue_spelling_is_not_folded(library: Library, ids: dict[str, int]) -> None:
    # Documented choice (fold.py): ü folds to u, as most people without the key type it.
    assert found(library, "mueller") == []


def test_accents_typed_in_the_query_do_not_need_to_match_the_text(library: Library) -> None:
    saved = library.save(article("Dang vien", "viet khong dau"), None, "https://e.vn/x").id
    assert found(library, "đảng viên") == [saved]


def test_metadata_and_tags_are_searchable(library: Library, ids: dict[str, int]) -> None:
    assert found(library, "tran thao") == [ids["vi"]]  # author
    assert found(library, "quotidien") == [ids["fr"]]  # site name
    assert found(library, "ejemplo") == [ids["es"]]  # host
    library.tag(ids["de"], add=["Giao thông"])
    assert found(library, "giao thong") == [ids["de"]]
    library.tag(ids["de"], remove=["giao thông"])
    assert found(library, "giao thong") == []


def test_prefix_phrase_or_and_exclusion(library: Library, ids: dict[str, int]) -> None:
    assert found(library, "chi*") == [ids["vi"]]
    assert found(library, "ELE*") == [ids["fr"]]
    assert found(library, '"dang vien guong"') == [ids["vi"]]
    assert found(library, '"vien dang"') == []
    assert found(library, '"dang vi"*') == [ids["vi"]]
    assert set(found(library, "nino OR eleve")) == {ids["es"], ids["fr"]}
    assert found(library, "la -eleve") == [ids["es"]]
    assert found(library, "dang zzz") == []


def test_filters_narrow_the_search(
    library: Library, ids: dict[str, int], library_path: Path
) -> None:
    library.tag(ids["fr"], add=["école"])
    library.tag(ids["es"], add=["école"])
    library.set_state(ids["es"], "archived")
    library.set_favourite(ids["fr"])
    conn = sqlite3.connect(library_path)
    conn.execute(
        "UPDATE articles SET saved_at = '2024-03-01T10:00:00.000Z' WHERE id = ?", (ids["es"],)
    )
    conn.commit()
    conn.close()

    assert set(found(library, "la OR el")) == {ids["fr"], ids["es"]}
    assert set(found(library, "la OR el", tag="École")) == {ids["fr"], ids["es"]}
    assert found(library, "la OR el", state="archived") == [ids["es"]]
    assert found(library, "la OR el", state="unread") == [ids["fr"]]
    assert found(library, "la OR el", favourite=True) == [ids["fr"]]
    assert found(library, "la OR el", site="exemple.fr") == [ids["fr"]]
    assert found(library, "la OR el", site="Le Quotidien") == [ids["fr"]]
    assert found(library, "la OR el", until=date(2024, 3, 1)) == [ids["es"]]
    assert found(library, "la OR el", since=date(2024, 3, 2)) == [ids["fr"]]
    assert found(library, "la OR el", tag="không có") == []


def test_a_title_hit_ranks_above_a_body_only_hit(library: Library) -> None:
    body_only = library.save(
        article("Chợ phiên vùng cao", "Ở chợ có bán xoài, xoài cát và xoài tượng."),
        None,
        "https://e.vn/cho",
    ).id
    in_title = library.save(
        article("Mùa xoài chín", "Nông dân thu hoạch trái cây từ sáng sớm."),
        None,
        "https://e.vn/xoai",
    ).id
    hits = library.search("xoai")
    assert [hit.id for hit in hits] == [in_title, body_only]
    assert hits[0].rank < hits[1].rank


def spans_text(text: str, hit_spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in hit_spans]


def test_snippets_show_the_original_text_with_the_hits_marked(
    library: Library, ids: dict[str, int]
) -> None:
    hit = library.search("dang vien")[0]
    assert "Các Đảng viên gương mẫu" in hit.snippet
    assert spans_text(hit.snippet, hit.snippet_spans) == ["Đảng", "viên"]
    assert hit.title == VIETNAMESE.title
    assert spans_text(hit.title, hit.title_spans) == ["Đảng", "viên"]
    assert mark(hit.title, hit.title_spans, "<", ">").endswith("<Đảng> <viên>")
    assert hit.site == "Cổng thông tin điện tử tỉnh"

    phrase = library.search('"dang vien"')[0]
    assert spans_text(phrase.snippet, phrase.snippet_spans) == ["Đảng viên"]


def test_snippet_hits_line_up_when_folding_changes_the_length(
    library: Library, ids: dict[str, int]
) -> None:
    # ß folds to "ss" and Æ to "ae": the index text is longer than the original, yet the
    # highlighted words must be exactly the original ones.
    hit = library.search("hauptstrasse")[0]
    assert spans_text(hit.snippet, hit.snippet_spans) == ["Hauptstraße"]
    nordic = library.search("aero lodz")[0]
    assert spans_text(nordic.snippet, nordic.snippet_spans) == ["Ærø", "Łódź"]


def test_a_long_body_gives_a_short_snippet_around_the_hit(library: Library) -> None:
    filler = " ".join(["lorem ipsum dolor"] * 200)
    library.save(article("Dài", f"{filler} Đảng viên ở đây. {filler}"), None, "https://e.vn/dai")
    hit = library.search("dang vien")[0]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet.split()) <= 30
    assert spans_text(hit.snippet, hit.snippet_spans) == ["Đảng", "viên"]
    assert "\n" not in hit.snippet


def test_limit_and_offset_page_through_results(library: Library) -> None:
    for n in range(5):
        library.save(article(f"Tin {n}", "chung " * (n + 1)), None, f"https://e.vn/{n}")
    every = [hit.id for hit in library.search("chung", limit=10)]
    assert len(every) == 5
    assert [hit.id for hit in library.search("chung", limit=2, offset=2)] == every[2:4]
    assert library.search("chung", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND",
        "OR",
        "NOT",
        "col:x",
        "title:dang",
        "*",
        "(",
        ")",
        "dang)",
        "NEAR(a b)",
        "^x",
        "''",
        "a AND",
        "-",
        "+x",
        "\\",
        "\x00",
        "dang\x1b[2J",
        "{title body}: x",
        "'; DROP TABLE x; --",
    ],
)
def test_hostile_queries_never_raise(library: Library, ids: dict[str, int], query: str) -> None:
    assert isinstance(library.search(query), list)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_typed_text_either_searches_or_says_why_not(
    library: Library, ids: dict[str, int], query: str
) -> None:
    try:
        hits = library.search(query)
    except InvalidQuery:
        return
    assert all(isinstance(hit, SearchHit) for hit in hits)


def test_empty_and_punctuation_only_queries_find_nothing(
    library: Library, ids: dict[str, int]
) -> None:
    assert library.search("") == []
    assert library.search(" … ") == []


def test_pages_of_equally_ranked_hits_neither_repeat_nor_skip(library: Library) -> None:
    ids = [
        library.save(article("Same", "Identical body."), None, f"https://e.vn/{n}").id
        for n in range(12)
    ]
    pages = [
        hit.id for offset in (0, 5, 10) for hit in library.search("identical", 5, offset=offset)
    ]
    assert pages == sorted(ids)
