"""Bytes to NFC text: BOM > HTTP charset > <meta> > detection; a lying declaration is ignored."""

# ruff: noqa: RUF001  (Russian and Chinese sample pages: the "ambiguous" letters are the point)

from __future__ import annotations

import codecs
import unicodedata

import pytest

from reader.decode import (
    charset_from_content_type,
    decode_html,
    decode_text,
    normalize_charset,
    sniff_meta_charset,
)
from tests.support.server import encode_windows_1258

RUSSIAN = (
    "<html><head><title>Новости района</title></head><body><p>"
    "Вчера в городском совете обсуждали строительство новой школы и ремонт дорог. "
    "Жители района пришли на встречу, чтобы задать вопросы депутатам о сроках работ. "
    "Председатель совета пообещал, что строительство начнётся весной.</p></body></html>"
)
CHINESE = (
    "<html><head><title>本地新闻</title></head><body><p>"
    "昨天市政府召开会议，讨论了新学校的建设和道路维修问题。附近的居民来到会场，"
    "向代表们询问工程的时间安排。主席承诺，建设工作将于明年春天开始。</p></body></html>"
)
VIETNAMESE = (
    "Chi bộ thôn Nà Pắc tổ chức sinh hoạt chuyên đề. Đảng viên tham gia đầy đủ, "
    "thảo luận sôi nổi về việc phát triển kinh tế, giữ gìn bản sắc và xây dựng nông thôn mới."
)


def vietnamese_page(meta: str = "") -> str:
    return f"<html><head>{meta}<title>Sinh hoạt chi bộ</title></head><body><p>{VIETNAMESE}</p>"


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "charset"),
    [
        ("text/html; charset=UTF-8", "UTF-8"),
        ('text/html; charset="windows-1258"', "windows-1258"),
        ("text/html;charset=koi8-r; q=1", "koi8-r"),
        ("text/html", None),
        ("text/html; charset=", None),
        (None, None),
    ],
)
def test_charset_from_content_type(content_type: str | None, charset: str | None) -> None:
    assert charset_from_content_type(content_type) == charset


def test_normalize_charset_maps_whatwg_supersets_and_rejects_unknown_labels() -> None:
    assert normalize_charset("ISO-8859-1") == "cp1252"  # browsers read latin-1 as windows-1252
    assert normalize_charset("GB2312") == "gb18030"
    assert normalize_charset(" 'utf8' ") == "utf-8"
    assert normalize_charset("x-no-such-charset") is None
    assert normalize_charset("") is None


@pytest.mark.parametrize("label", ["base64", "rot13", "idna", "undefined", "utf-7", "zlib"])
def test_normalize_charset_rejects_codecs_that_are_not_web_encodings(label: str) -> None:
    assert normalize_charset(label) is None


def test_sniff_meta_charset_reads_both_meta_forms() -> None:
    assert sniff_meta_charset(b'<meta charset="koi8-r">') == "koi8-r"
    http_equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    assert sniff_meta_charset(http_equiv) == "windows-1258"
    assert sniff_meta_charset(b"<p>no declaration</p>") is None


# --- precedence ------------------------------------------------------------------------------


def test_http_charset_is_used() -> None:
    text, encoding = decode_html(RUSSIAN.encode("cp1251"), "windows-1251")
    assert (text, encoding) == (RUSSIAN, "windows-1251")


def test_meta_charset_is_used_without_http_charset() -> None:
    page = RUSSIAN.replace("<head>", '<head><meta charset="koi8-r">')
    text, encoding = decode_html(page.encode("koi8-r"))
    assert (text, encoding) == (page, "koi8-r")


def test_http_charset_wins_over_meta_when_it_decodes_cleanly() -> None:
    page = RUSSIAN.replace("<head>", '<head><meta charset="koi8-r">')
    text, encoding = decode_html(page.encode("cp1251"), "windows-1251")
    assert encoding == "windows-1251"
    assert "строительство новой школы" in text


def test_lying_http_charset_falls_back_to_meta() -> None:
    page = RUSSIAN.replace("<head>", '<head><meta charset="windows-1251">')
    text, encoding = decode_html(page.encode("cp1251"), "utf-8")  # the server claims UTF-8
    assert encoding == "windows-1251"
    assert "Жители района" in text


def test_lying_declarations_fall_back_to_detection() -> None:
    page = CHINESE.replace("<head>", '<head><meta charset="utf-8">')
    text, encoding = decode_html(page.encode("gb18030"), "utf-8")
    assert encoding == "gb18030"
    assert "市政府召开会议" in text


@pytest.mark.parametrize("http", [None, "ISO-8859-1"])
def test_a_legacy_label_on_utf8_bytes_gives_way_to_utf8(http: str | None) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><p>Grüße für Käthe — 5 €</p></html>'
    text, encoding = decode_html(page.encode("utf-8"), http)
    assert (text, encoding) == (page, "utf-8")  # not "GrÃ¼ÃŸe fÃ¼r"


@pytest.mark.parametrize("codec", ["cp1252", "cp1251", "koi8-r", "shift_jis", "gb18030"])
def test_real_legacy_text_keeps_its_declared_encoding(codec: str) -> None:
    sample = {"cp1252": "Grüße für Käthe", "cp1251": "Жители района", "koi8-r": "Жители района"}
    words = sample.get(codec, "市政府召开会议" if codec == "gb18030" else "東京都の会議")
    page = f'<html><head><meta charset="{codec}"></head><p>{words}</p></html>'
    text, encoding = decode_html(page.encode(codec))
    assert (text, encoding) == (page, codec)


def test_unknown_label_is_ignored() -> None:
    page = RUSSIAN.replace("<head>", '<head><meta charset="x-klingon">')
    text, encoding = decode_html(page.encode("cp1251"), "no-such-charset")
    assert encoding == "cp1251"  # detected
    assert text == page


@pytest.mark.parametrize("label", ["undefined", "idna", "utf16", "UTF-16LE", "cp500", "utf-7"])
def test_impossible_declaration_is_ignored_not_a_crash(label: str) -> None:
    # "undefined" used to raise UnicodeError; "utf16" and "cp500" turned ASCII into garbage.
    page = b"<html><p>plain words +AGEAYgBj- here</p></html>"
    assert decode_html(page, label) == (page.decode("ascii"), "utf-8")
    meta = b'<meta charset="' + label.encode() + b'">' + page
    assert decode_html(meta) == (meta.decode("ascii"), "utf-8")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_mark_wins_over_every_declaration(bom: bytes, codec: str) -> None:
    page = vietnamese_page('<meta charset="windows-1251">')
    text, encoding = decode_html(bom + page.encode(codec), "iso-8859-1")
    assert (text, encoding) == (page, codec)
    assert not text.startswith("\ufeff")


# --- Vietnamese and NFC ----------------------------------------------------------------------


def test_windows_1258_decodes_to_composed_nfc() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    data = encode_windows_1258(vietnamese_page(meta))
    assert not unicodedata.is_normalized("NFC", data.decode("cp1258"))  # the trap is real
    text, encoding = decode_html(data)
    assert encoding == "windows-1258"
    assert unicodedata.is_normalized("NFC", text)
    assert "Đảng viên" in text
    assert "\u0309" not in text  # no stray combining hook above


def test_decomposed_utf8_is_normalised_too() -> None:
    decomposed = unicodedata.normalize("NFD", vietnamese_page())
    text = decode_text(decomposed.encode("utf-8"), "utf-8")
    assert text == unicodedata.normalize("NFC", decomposed)
    assert "thảo luận" in text


# --- detection -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "codec", "needle"),
    [
        (RUSSIAN, "cp1251", "Председатель совета"),
        (CHINESE, "gb18030", "建设工作将于明年春天开始"),
        (vietnamese_page(), "utf-8", "Đảng viên"),
    ],
)
def test_undeclared_encoding_is_detected(page: str, codec: str, needle: str) -> None:
    text, encoding = decode_html(page.encode(codec))
    assert codecs.lookup(encoding).name == codecs.lookup(codec).name
    assert needle in text


def test_pure_ascii_is_utf8_and_empty_is_fine() -> None:
    assert decode_html(b"<p>hello</p>") == ("<p>hello</p>", "utf-8")
    assert decode_html(b"") == ("", "utf-8")
