"""EPUB 3 export: opened as a ZIP and checked for the structure a reading system needs."""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from reader.library import ImageData, Library
from reader.library.export import ExportEntry, build_epub, load_entries, write_epub
from reader.model import Article, Figure, Heading, Paragraph, Run
from tests.unit.library.articles import article, rich_article
from tests.unit.library.test_export import HOSTILE_TEXT, hostile_article, tiny_png

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MODIFIED = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)


class Book:
    """An EPUB opened the way a reading system opens it: container -> package -> spine."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        container = ET.fromstring(self.zip.read("META-INF/container.xml"))
        rootfile = container.find("c:rootfiles/c:rootfile", NS)
        assert rootfile is not None
        assert rootfile.get("media-type") == "application/oebps-package+xml"
        self.opf_path = PurePosixPath(rootfile.get("full-path", ""))
        self.opf = ET.fromstring(self.zip.read(str(self.opf_path)))
        self.manifest = {
            item.get("id", ""): item for item in self.opf.findall("opf:manifest/opf:item", NS)
        }

    def path(self, href: str) -> str:
        return str(self.opf_path.parent / href)

    def spine(self) -> list[ET.Element]:
        return [
            self.manifest[ref.get("idref", "")]
            for ref in self.opf.findall("opf:spine/opf:itemref", NS)
        ]

    def document(self, href: str) -> ET.Element:
        return ET.fromstring(self.zip.read(self.path(href)))

    def chapters(self) -> list[ET.Element]:
        return [
            self.document(item.get("href", ""))
            for item in self.spine()
            if "nav" not in (item.get("properties") or "")
        ]

    def metadata(self, name: str) -> list[str]:
        return [e.text or "" for e in self.opf.findall(f"opf:metadata/dc:{name}", NS)]


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_mimetype_comes_first_stored_without_extra_field() -> None:
    data = build_epub([ExportEntry(rich_article())], modified=MODIFIED)
    book = Book(data)
    first = book.zip.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert first.extra == b""
    assert book.zip.read("mimetype") == b"application/epub+zip"
    # Readers sniff the magic at fixed offsets of the raw file.
    assert data[:4] == b"PK\x03\x04"
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
    assert book.zip.testzip() is None


def test_container_package_manifest_and_spine_are_complete() -> None:
    book = Book(build_epub([ExportEntry(rich_article())], modified=MODIFIED))
    assert book.opf.get("version") == "3.0"
    identifier_id = book.opf.get("unique-identifier")
    identifier = book.opf.find(f"opf:metadata/dc:identifier[@id='{identifier_id}']", NS)
    assert identifier is not None and re.fullmatch(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}",
        identifier.text or "",
    )
    assert book.metadata("title") == ["Chi bộ vững mạnh: Đảng viên gương mẫu"]
    assert book.metadata("language") == ["vi"]
    assert book.metadata("creator") == ["Trần Thảo", "Lê Minh"]
    modified = book.opf.findall("opf:metadata/opf:meta[@property='dcterms:modified']", NS)
    assert [m.text for m in modified] == ["2024-05-01T08:30:00Z"]
    names = set(book.zip.namelist())
    for item in book.manifest.values():
        assert book.path(item.get("href", "")) in names
        assert item.get("media-type")
    navs = [i for i in book.manifest.values() if "nav" in (i.get("properties") or "").split()]
    assert len(navs) == 1
    chapters = book.chapters()
    assert len(chapters) == 1
    assert text_of(chapters[0]).count("Đảng viên") >= 2


def test_every_xhtml_file_parses_and_declares_its_language() -> None:
    book = Book(build_epub([ExportEntry(rich_article())], modified=MODIFIED))
    xhtml = [name for name in book.zip.namelist() if name.endswith(".xhtml")]
    assert len(xhtml) == 2  # nav + the article
    for name in xhtml:
        root = ET.fromstring(book.zip.read(name))
        assert root.tag == f"{{{NS['x']}}}html"
        assert root.get(XML_LANG) == "vi" and root.get("lang") == "vi"


def test_a_collection_is_one_book_with_a_table_of_contents(library: Library) -> None:
    ids = []
    for n in (1, 2, 3):
        item = Article(
            url=f"https://e.vn/{n}",
            title=f"Bài số {n}",
            language="vi",
            blocks=(
                Paragraph((Run(f"Mở đầu {n}."),)),
                Heading(2, (Run(f"Phần {n}.1"),)),
                Paragraph((Run("Nội dung."),)),
            ),
        )
        ids.append(library.save(item, None, item.url or "").id)
    book = Book(build_epub(load_entries(library, ids), title="Tuyển tập"))
    assert book.metadata("title") == ["Tuyển tập"]
    spine = book.spine()
    assert "nav" in (spine[0].get("properties") or "")  # the contents page opens the book
    chapters = [item.get("href") for item in spine[1:]]
    assert chapters == [f"text/article-00{n}.xhtml" for n in (1, 2, 3)]
    nav = book.document("nav.xhtml")
    toc = nav.find(".//x:nav", NS)
    assert toc is not None and toc.get(f"{{{NS['epub']}}}type") == "toc"
    top = toc.findall("x:ol/x:li", NS)
    assert len(top) == 3
    for li, href, n in zip(top, chapters, (1, 2, 3), strict=True):
        link = li.find("x:a", NS)
        assert link is not None and link.get("href") == href
        assert text_of(link) == f"Bài số {n}"
        sub = li.find("x:ol/x:li/x:a", NS)  # the article's own headings, as a nested level
        assert sub is not None and sub.get("href", "").startswith(f"{href}#")
        target = book.document(href).find(f".//*[@id='{sub.get('href', '').split('#')[1]}']")
        assert target is not None and text_of(target) == text_of(sub)


def test_stored_images_are_packaged_missing_ones_become_captions(library: Library) -> None:
    png = tiny_png()
    item = Article(
        url="https://example.vn/anh",
        title="Ảnh",
        blocks=(
            Figure(src="https://example.vn/a.png", alt="Đồng lúa", caption=(Run("Mùa gặt"),)),
            Figure(src="https://example.vn/missing.jpg", alt="Không lưu"),
        ),
    )
    saved = library.save(
        item, None, item.url or "", images=[ImageData("https://example.vn/a.png", "image/png", png)]
    )
    book = Book(build_epub(load_entries(library, [saved.id])))
    images = [i for i in book.manifest.values() if i.get("media-type", "").startswith("image/")]
    assert len(images) == 1 and images[0].get("media-type") == "image/png"
    assert book.zip.read(book.path(images[0].get("href", ""))) == png
    chapter = book.chapters()[0]
    imgs = chapter.findall(".//x:img", NS)
    assert len(imgs) == 1 and imgs[0].get("alt") == "Đồng lúa"
    chapter_path = book.path(book.spine()[0].get("href", ""))
    resolved = posixpath.normpath(
        posixpath.join(posixpath.dirname(chapter_path), imgs[0].get("src", ""))
    )
    assert resolved == book.path(images[0].get("href", ""))
    words = text_of(chapter)
    assert "Image: Không lưu" in words and "https://example.vn/missing.jpg" in words


def test_hostile_text_stays_inert_and_well_formed() -> None:
    book = Book(build_epub([ExportEntry(hostile_article())], modified=MODIFIED))
    for name in book.zip.namelist():
        if name.endswith((".xhtml", ".opf", ".xml")):
            raw = book.zip.read(name).decode("utf-8")
            root = ET.fromstring(raw)  # well-formed despite ]]>, controls and U+FFFE
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]", raw)
            for element in root.iter():
                assert element.tag.split("}")[-1] not in ("script", "iframe", "style", "svg")
                assert not [a for a in element.attrib if a.split("}")[-1].startswith("on")]
                if "href" in element.attrib and name.endswith(".xhtml"):
                    href = element.attrib["href"]
                    assert href.startswith(("https://", "http://", "text/")) or href.endswith(
                        ".css"
                    )
                assert not element.attrib.get("src", "").startswith(("http", "javascript"))
    chapter = book.chapters()[0]
    words = text_of(chapter)
    assert "<script>alert('x')</script> ]]> <img src=x onerror=alert(1)>" in words
    assert HOSTILE_TEXT[:20] in words
    assert chapter.findall(".//x:img", NS) == []
    links = [a.get("href") for a in chapter.iter(f"{{{NS['x']}}}a")]
    assert links == ['https://example.org/a?b=1&c="2"', "http://tracker.example/pixel.gif"]
    assert book.metadata("language") == ["und"]  # the hostile language was refused


def test_same_input_gives_the_same_bytes(library: Library) -> None:
    ids = [
        library.save(article(t, "Nội dung.", url=f"https://e.vn/{t}"), None, f"https://e.vn/{t}").id
        for t in ("a", "b")
    ]
    first = build_epub(load_entries(library, ids))
    assert build_epub(load_entries(library, ids)) == first
    assert {info.date_time for info in Book(first).zip.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    other_order = Book(build_epub(load_entries(library, ids[::-1])))
    assert other_order.metadata("identifier") != Book(first).metadata("identifier")


def test_right_to_left_books_turn_pages_right_to_left() -> None:
    book = Book(build_epub([ExportEntry(article("عنوان", "نص.", language="ar"))]))
    spine = book.opf.find("opf:spine", NS)
    assert spine is not None and spine.get("page-progression-direction") == "rtl"
    assert book.chapters()[0].get("dir") == "rtl"


def test_write_epub_writes_the_file(tmp_path: Path) -> None:
    path = write_epub([ExportEntry(rich_article())], tmp_path / "bai.epub", modified=MODIFIED)
    assert zipfile.is_zipfile(path)
    assert path.read_bytes() == build_epub([ExportEntry(rich_article())], modified=MODIFIED)
