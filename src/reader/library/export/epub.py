"""EPUB 3 books: one article, or a collection as one book with a table of contents.

Built with the standard library only, in the structure every reading system relies on (EPUB 3.3
Open Container Format): the `mimetype` entry first, stored uncompressed with no extra field (so
its bytes sit at offset 38 for magic-number sniffing); `META-INF/container.xml` pointing at the
package document; an OPF 3.0 package with identifier, title, language and `dcterms:modified`,
manifest and spine; an XHTML navigation document (`epub:type="toc"`); one XHTML content
document per article; stored images under their real media types.

Content documents come from the shared markup writer, which drops characters XML 1.0 forbids
and escapes everything, so each parses as XML whatever the page contained. No scripts, no remote
resources. The same input gives the same bytes: fixed ZIP times, a content-derived identifier
and `modified` taken from the library unless given.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.library.export import images as image_files
from reader.library.export import markup
from reader.library.export.entries import ExportEntry, write_atomically
from reader.sanitize import one_line

MEDIA_TYPE = "application/epub+zip"
PACKAGE_PATH = "EPUB/package.opf"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every entry's timestamp: the earliest a ZIP can hold, as reproducible builds do."""
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

CONTAINER_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

STYLESHEET = """\
body { line-height: 1.5; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
a { text-decoration: underline; }
.byline, .facts { margin: 0.2em 0; }
.lead { font-weight: bold; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 0.2em solid #767676; }
pre { white-space: pre-wrap; font-size: 0.85em; }
figure { margin: 1em 0; }
img { max-width: 100%; height: auto; }
figcaption, .image-source { font-size: 0.9em; }
.image-missing { padding: 1em; border: 0.1em dashed #767676; text-align: center; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #767676; padding: 0.2em 0.5em; vertical-align: top; }
footer { margin-top: 2em; padding-top: 0.5em; border-top: 1px solid #767676; font-size: 0.9em; }
"""
"""Layout only: colours and fonts are left to the reading system (its themes, night mode)."""


@dataclass(frozen=True, slots=True)
class _Chapter:
    ident: str
    path: str
    """Relative to the package document."""
    title: str
    xhtml: str
    headings: list[tuple[str, int, str]]


def book_identifier(entries: Sequence[ExportEntry]) -> str:
    """urn:uuid, stable for the same articles in the same order (UUID 5 of their URLs)."""
    keys = [entry.url or one_line(entry.article.title) for entry in entries]
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, chr(10).join(keys))}"


def _modified(entries: Sequence[ExportEntry], modified: datetime | None) -> str:
    if modified is None:
        stamps = [entry.saved.updated_at for entry in entries if entry.saved is not None]
        modified = max(stamps) if stamps else datetime.now(UTC)
    return modified.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _language(entries: Sequence[ExportEntry]) -> str:
    tags = [tag for e in entries if (tag := markup.language_tag(e.article.language))]
    return tags[0] if tags else "und"


def _xhtml(title: str, language: str | None, body: str, stylesheet: str) -> str:
    return "\n".join(
        [
            '<?xml version="1.0" encoding="utf-8"?>',
            "<!DOCTYPE html>",
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
            f"{markup.lang_attrs(language, xml=True)}>",
            "<head>",
            '<meta charset="utf-8"/>',
            f"<title>{markup.text(title)}</title>",
            f'<link rel="stylesheet" type="text/css" href="{stylesheet}"/>',
            "</head>",
            "<body>",
            body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _chapter(number: int, entry: ExportEntry, image_paths: dict[tuple[int, str], str]) -> _Chapter:
    article = entry.article
    title = one_line(article.title) or f"Article {number}"

    def source(src: str) -> str | None:
        return image_paths.get((number, src))

    writer = markup.BodyWriter(source)
    body = writer.blocks(article.blocks)
    parts = ("<article>", markup.header(article), body, markup.footer(article), "</article>")
    content = "\n".join(part for part in parts if part)
    name = f"article-{number:03d}.xhtml"
    return _Chapter(
        ident=f"a{number:03d}",
        path=f"text/{name}",
        title=title,
        xhtml=_xhtml(title, article.language, content, "../style.css"),
        headings=writer.headings,
    )


def _nav(chapters: Sequence[_Chapter], heading: str, language: str) -> str:
    items: list[str] = []
    for chapter in chapters:
        sub = [
            f'<li><a href="{chapter.path}#{ident}">{markup.text(name)}</a></li>'
            for ident, _level, name in chapter.headings
            if name
        ]
        nested = "\n<ol>\n" + "\n".join(sub) + "\n</ol>\n" if sub else ""
        items.append(f'<li><a href="{chapter.path}">{markup.text(chapter.title)}</a>{nested}</li>')
    body = "\n".join(
        [
            '<nav epub:type="toc" id="toc" role="doc-toc">',
            f"<h1>{markup.text(heading)}</h1>",
            "<ol>",
            *items,
            "</ol>",
            "</nav>",
        ]
    )
    return _xhtml(heading, None if language == "und" else language, body, "style.css")


def _package(
    entries: Sequence[ExportEntry],
    chapters: Sequence[_Chapter],
    images: dict[str, str],
    *,
    title: str,
    language: str,
    modified: str,
) -> str:
    metadata = [
        f'<dc:identifier id="book-id">{markup.text(book_identifier(entries))}</dc:identifier>',
        f"<dc:title>{markup.text(title)}</dc:title>",
        f"<dc:language>{markup.text(language)}</dc:language>",
    ]
    if len(entries) == 1:
        article = entries[0].article
        metadata.extend(
            f"<dc:creator>{markup.text(name)}</dc:creator>"
            for name in (one_line(a) for a in article.authors)
            if name
        )
        if article.site_name:
            metadata.append(
                f"<dc:publisher>{markup.text(one_line(article.site_name))}</dc:publisher>"
            )
        if article.published and _DATE.match(article.published.strip()):
            metadata.append(f"<dc:date>{article.published.strip()[:10]}</dc:date>")
        if markup.safe_href(entries[0].url):
            metadata.append(f"<dc:source>{markup.text(entries[0].url or '')}</dc:source>")
    metadata.append(f'<meta property="dcterms:modified">{modified}</meta>')
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="style" href="style.css" media-type="text/css"/>',
    ]
    manifest.extend(
        f'<item id="{c.ident}" href="{c.path}" media-type="application/xhtml+xml"/>'
        for c in chapters
    )
    manifest.extend(
        f'<item id="img-{name.split(".")[0]}" href="images/{name}" media-type="{kind}"/>'
        for name, kind in images.items()
    )
    spine = ['<itemref idref="nav"/>'] if len(chapters) > 1 else []
    spine.extend(f'<itemref idref="{c.ident}"/>' for c in chapters)
    progression = ' page-progression-direction="rtl"' if markup.direction(language) == "rtl" else ""
    return "\n".join(
        [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"'
            f' unique-identifier="book-id" xml:lang="{markup.attr(language)}">',
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
            *metadata,
            "</metadata>",
            "<manifest>",
            *manifest,
            "</manifest>",
            f"<spine{progression}>",
            *spine,
            "</spine>",
            "</package>",
            "",
        ]
    )


def build_epub(
    entries: Sequence[ExportEntry],
    *,
    title: str | None = None,
    modified: datetime | None = None,
) -> bytes:
    """The EPUB file's bytes. `title` names the book (default: the article's title, or "N
    articles"); `modified` defaults to the latest library update of the articles (so the same
    articles give the same bytes), or now for articles not from a library."""
    if not entries:
        raise ValueError("nothing to export")
    # Images: written once each (content-addressed), referenced per article and src.
    image_files_by_name: dict[str, tuple[bytes, str]] = {}
    image_paths: dict[tuple[int, str], str] = {}
    for number, entry in enumerate(entries, 1):
        for src, image in entry.images.items():
            kind = image_files.media_type(image.data)
            if kind is None:
                continue
            name = image_files.file_name(image.data, kind)
            image_files_by_name.setdefault(name, (image.data, kind))
            image_paths[(number, src)] = f"../images/{name}"
    chapters = [_chapter(n, entry, image_paths) for n, entry in enumerate(entries, 1)]
    language = _language(entries)
    book_title = one_line(title or "") or (
        chapters[0].title if len(chapters) == 1 else f"{len(chapters)} articles"
    )
    package = _package(
        entries,
        chapters,
        {name: kind for name, (_data, kind) in image_files_by_name.items()},
        title=book_title,
        language=language,
        modified=_modified(entries, modified),
    )
    files: list[tuple[str, bytes]] = [
        ("META-INF/container.xml", CONTAINER_XML.encode()),
        (PACKAGE_PATH, package.encode()),
        ("EPUB/nav.xhtml", _nav(chapters, book_title, language).encode()),
        ("EPUB/style.css", STYLESHEET.encode()),
    ]
    files.extend((f"EPUB/{c.path}", c.xhtml.encode()) for c in chapters)
    files.extend((f"EPUB/images/{name}", data) for name, (data, _) in image_files_by_name.items())
    return _zip(files)


def _zip(files: Sequence[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compresslevel=9) as archive:
        for name, data in [("mimetype", MEDIA_TYPE.encode("ascii")), *files]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, on every platform: the same bytes everywhere
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def write_epub(
    entries: Sequence[ExportEntry],
    path: Path,
    *,
    title: str | None = None,
    modified: datetime | None = None,
) -> Path:
    """Write `build_epub` to `path`, atomically."""
    write_atomically(path, build_epub(entries, title=title, modified=modified))
    return path
