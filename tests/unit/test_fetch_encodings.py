"""Every encoding the issue names, served over real HTTP four ways: the charset in the header
only, in a <meta> only, in both but disagreeing, and nowhere (detection).

The bytes are always in the sample's own encoding. When header and meta disagree the header wins
(HTTP precedence), unless it is a lie the bytes disprove, in which case the meta is believed.
"""

# ruff: noqa: RUF001  (Cyrillic, Greek and CJK sample text: the "ambiguous" letters are the point)

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

import pytest

from reader.fetch import fetch_page
from tests.support.server import PageServer, encode_windows_1258


@dataclass(frozen=True)
class Sample:
    name: str
    codec: str
    """The label a server would send."""
    prose: str
    needle: str
    decoy: str
    """A different encoding that a disagreeing <meta> claims."""

    def html(self, meta: str = "") -> str:
        head = f'<meta charset="{meta}">' if meta else ""
        return f"<html><head>{head}<title>Local news</title></head><body><p>{self.prose}</p>"

    def encode(self, text: str) -> bytes:
        if self.codec == "windows-1258":
            return encode_windows_1258(text)  # decomposed tones, as real cp1258 pages store them
        return text.encode(self.codec)


VIETNAMESE = (
    "Chi bộ thôn Nà Pắc tổ chức sinh hoạt chuyên đề về phát triển kinh tế nông thôn. Đảng viên "
    "tham gia đầy đủ, thảo luận sôi nổi, đóng góp nhiều ý kiến thiết thực để xây dựng quê hương "
    "ngày càng giàu đẹp và văn minh hơn."
)
SAMPLES = [
    Sample("vietnamese", "windows-1258", VIETNAMESE, "Đảng viên tham gia đầy đủ", "windows-1252"),
    Sample("vietnamese-utf8", "utf-8", VIETNAMESE, "thảo luận sôi nổi", "windows-1258"),
    Sample(
        "chinese",
        "gb18030",
        "昨天市政府召开会议，讨论了新学校的建设和道路维修问题。附近的居民来到会场，向代表们询问"
        "工程的时间安排。主席承诺，建设工作将于明年春天开始，并保证按时完成。",
        "明年春天开始",
        "big5",
    ),
    Sample(
        "japanese",
        "shift_jis",
        "昨日、市役所で新しい学校の建設と道路の修理について話し合う会議が開かれました。近くに"
        "住む人々が会場を訪れ、工事の予定について代表者に質問しました。議長は、工事は来年の春に"
        "始まると約束しました。",
        "来年の春に始まる",
        "euc-jp",
    ),
    Sample(
        "korean",
        "euc-kr",
        "어제 시청에서 새 학교 건설과 도로 보수에 관한 회의가 열렸습니다. 인근 주민들이 회의장을 "
        "찾아 공사 일정에 대해 대표들에게 질문했습니다. 의장은 공사가 내년 봄에 시작될 것이라고 "
        "약속했습니다.",
        "내년 봄에 시작될",
        "windows-1252",
    ),
    Sample(
        "russian",
        "windows-1251",
        "Вчера в городском совете обсуждали строительство новой школы и ремонт дорог. Жители "
        "района пришли на встречу, чтобы задать вопросы депутатам о сроках работ. Председатель "
        "совета пообещал, что строительство начнётся весной.",
        "начнётся весной",
        "koi8-r",
    ),
    Sample(
        "polish",
        "iso-8859-2",
        "Wczoraj w ratuszu odbyło się spotkanie w sprawie budowy nowej szkoły i remontu dróg. "
        "Mieszkańcy pobliskich ulic przyszli zapytać radnych o terminy prac. Przewodniczący "
        "obiecał, że budowa rozpocznie się wiosną, a żółta ściana zniknie.",
        "rozpocznie się wiosną",
        "windows-1252",
    ),
    Sample(
        "greek",
        "iso-8859-7",
        "Χθες στο δημαρχείο έγινε συνάντηση για την κατασκευή του νέου σχολείου και την επισκευή "
        "των δρόμων. Οι κάτοικοι της περιοχής ρώτησαν τους συμβούλους για το χρονοδιάγραμμα. Ο "
        "πρόεδρος υποσχέθηκε ότι η κατασκευή θα αρχίσει την άνοιξη.",
        "θα αρχίσει την άνοιξη",
        "windows-1252",
    ),
]
IDS = [sample.name for sample in SAMPLES]
LEGACY = [sample for sample in SAMPLES if sample.codec != "utf-8"]


def same_codec(a: str, b: str) -> bool:
    return codecs.lookup(a).name == codecs.lookup(b).name


def assert_decoded(text: str, sample: Sample) -> None:
    assert sample.needle in text
    assert unicodedata.normalize("NFC", sample.prose) in text  # the whole paragraph, composed
    assert unicodedata.is_normalized("NFC", text)
    assert "\ufffd" not in text


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
async def test_charset_in_the_header_only(http_server: PageServer, sample: Sample) -> None:
    body = sample.encode(sample.html())
    url = http_server.route("/p", body, content_type=f"text/html; charset={sample.codec}")
    page = await fetch_page(url)
    assert_decoded(page.text, sample)
    assert same_codec(page.encoding, sample.codec)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
async def test_charset_in_the_meta_only(http_server: PageServer, sample: Sample) -> None:
    body = sample.encode(sample.html(meta=sample.codec))
    url = http_server.route("/p", body, content_type="text/html")
    page = await fetch_page(url)
    assert_decoded(page.text, sample)
    assert same_codec(page.encoding, sample.codec)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
async def test_header_and_meta_disagree_and_the_header_wins(
    http_server: PageServer, sample: Sample
) -> None:
    body = sample.encode(sample.html(meta=sample.decoy))
    url = http_server.route("/p", body, content_type=f"text/html; charset={sample.codec}")
    page = await fetch_page(url)
    assert_decoded(page.text, sample)
    assert same_codec(page.encoding, sample.codec)


@pytest.mark.parametrize("sample", LEGACY, ids=[sample.name for sample in LEGACY])
async def test_header_that_the_bytes_disprove_gives_way_to_the_meta(
    http_server: PageServer, sample: Sample
) -> None:
    # The classic misconfiguration: the server says UTF-8 for every page, the page knows better.
    body = sample.encode(sample.html(meta=sample.codec))
    url = http_server.route("/p", body, content_type="text/html; charset=utf-8")
    page = await fetch_page(url)
    assert_decoded(page.text, sample)
    assert same_codec(page.encoding, sample.codec)


@pytest.mark.parametrize("sample", SAMPLES, ids=IDS)
async def test_no_declaration_anywhere_is_detected(http_server: PageServer, sample: Sample) -> None:
    body = sample.encode(sample.html())
    url = http_server.route("/p", body, content_type="text/html")
    page = await fetch_page(url)
    assert_decoded(page.text, sample)  # the codec may be a superset (cp932 for Shift_JIS)
    assert page.data == body
