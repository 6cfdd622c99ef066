"""`reader save | list | search | open | tag | rm` against a real server and a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.support.server import PageServer
from tests.support.terminal import READER

PAGE = """<html lang="vi"><head><meta charset="utf-8"><title>{title} - Cổng TTĐT</title></head>
<body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>Bản quyền thuộc về Cổng thông tin điện tử</footer></body></html>"""


def page(title: str, sentence: str) -> str:
    return PAGE.format(title=title, body=f"<p>{sentence}</p>" * 6)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


def reader(library: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_LIBRARY": str(library)}
    return subprocess.run(
        [READER, *args], input=stdin, capture_output=True, text=True, timeout=60, env=env
    )


@pytest.fixture
def site(http_server: PageServer) -> PageServer:
    http_server.route(
        "/dang-vien.html",
        page(
            "Đảng viên gương mẫu ở bản",
            "Các đảng viên trong chi bộ đã cùng nhau giúp đỡ bà con sửa nhà trước mùa mưa lũ.",
        ),
    )
    http_server.route(
        "/che.html",
        page(
            "Chè Shan tuyết lên đồi",
            "Người dân trồng thêm những gốc chè mới bên cạnh các cây chè cổ thụ trăm tuổi.",
        ),
    )
    http_server.route("/gone.html", "<h1>Không tìm thấy</h1>", status=404)
    return http_server


def test_save_list_search_open_tag_rm(site: PageServer, library: Path) -> None:
    urls = [site.url("/dang-vien.html"), site.url("/che.html"), site.url("/gone.html")]
    saved = reader(library, "save", *urls, "--tag", "local")
    assert saved.returncode == 5, saved.stderr  # the 404's exit code: one failure is reported
    assert "saved 2, updated 0, already saved 0, failed 1" in saved.stderr
    assert "gone.html" in saved.stderr and "404" in saved.stderr

    again = reader(library, "save", urls[0])
    assert again.returncode == 0
    assert "already saved 1" in again.stderr
    assert len(site.requests_to("/dang-vien.html")) == 1  # skipped without a download

    rows = json.loads(reader(library, "list", "--json").stdout)
    assert sorted(r["title"] for r in rows) == [
        "Chè Shan tuyết lên đồi",
        "Đảng viên gương mẫu ở bản",
    ]
    assert all(r["tags"] == ["local"] for r in rows)
    ids = {r["title"]: r["id"] for r in rows}
    dang = ids["Đảng viên gương mẫu ở bản"]

    for query in ("dang vien", "DANG VIEN", "đảng viên"):
        hits = json.loads(reader(library, "search", query, "--json").stdout)
        assert [h["id"] for h in hits] == [dang], query
    human = reader(library, "search", "dang", "vien").stdout
    assert "»Đảng« »viên« gương mẫu" in human  # hits marked in the original, accented text

    site.stop()  # offline from here on: nothing below may need the network
    opened = reader(library, "open", str(dang))
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.startswith("Đảng viên gương mẫu ở bản\n")
    assert "giúp đỡ bà con" in opened.stdout
    assert "Trang chủ" not in opened.stdout

    tagged = reader(library, "tag", str(dang), "+politics", "-local", "--json")
    assert json.loads(tagged.stdout) == {"id": dang, "tags": ["politics"]}
    by_tag = json.loads(reader(library, "list", "--tag", "politics", "--json").stdout)
    assert [r["id"] for r in by_tag] == [dang]

    refused = reader(library, "rm", str(dang))  # stdin is not a terminal: no silent delete
    assert refused.returncode == 2
    assert "--yes" in refused.stderr
    removed = reader(library, "rm", str(dang), "--yes")
    assert removed.returncode == 0
    assert [r["id"] for r in json.loads(reader(library, "list", "--json").stdout)] == [
        ids["Chè Shan tuyết lên đồi"]
    ]


def test_save_reads_urls_from_stdin(site: PageServer, library: Path) -> None:
    listing = f"# my reading list\n{site.url('/che.html')}\n\n{site.url('/dang-vien.html')}\n"
    result = reader(library, "save", "-", stdin=listing)
    assert result.returncode == 0, result.stderr
    assert "saved 2" in result.stderr
    assert len(json.loads(reader(library, "list", "--json").stdout)) == 2


def test_library_errors_are_one_line(library: Path, tmp_path: Path) -> None:
    missing = reader(library, "open", "42")
    assert missing.returncode == 2 and "no saved article has id 42" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1 and "Traceback" not in missing.stderr

    bad_tag = reader(library, "tag", "1", "politics")
    assert bad_tag.returncode == 2 and "+name" in bad_tag.stderr

    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"this is not a database" * 100)
    before = corrupt.read_bytes()
    result = reader(corrupt, "list")
    assert result.returncode == 7
    assert str(corrupt) in result.stderr and "Traceback" not in result.stderr
    assert corrupt.read_bytes() == before  # never replaced or repaired behind the user's back


def test_export_every_format_and_import_round_trip_offline(
    site: PageServer, library: Path, tmp_path: Path
) -> None:
    import zipfile

    saved = reader(library, "save", site.url("/dang-vien.html"), site.url("/che.html"))
    assert saved.returncode == 0, saved.stderr
    first = json.loads(reader(library, "list", "--json").stdout)[0]["id"]
    assert reader(library, "tag", str(first), "+keep").returncode == 0
    site.stop()  # exporting and importing saved articles needs no network

    out = tmp_path / "out"
    out.mkdir()
    for fmt, name in (("epub", "book.epub"), ("html", "page.html"), ("json", "all.json")):
        result = reader(library, "export", "--all", "-f", fmt, "-o", str(out / name))
        assert result.returncode == 0, result.stderr
    markdown = reader(library, "export", str(first), "-f", "markdown", "-o", str(out / "a.md"))
    assert markdown.returncode == 0, markdown.stderr
    assert (out / "a.md").read_text(encoding="utf-8").startswith("# ")

    with zipfile.ZipFile(out / "book.epub") as book:
        assert book.infolist()[0].filename == "mimetype"
        assert book.read("mimetype") == b"application/epub+zip"
    page = (out / "page.html").read_text(encoding="utf-8")
    assert "Chè Shan tuyết lên đồi" in page and "<script" not in page

    other = tmp_path / "other.sqlite3"
    imported = reader(other, "import", str(out / "all.json"))
    assert imported.returncode == 0, imported.stderr
    assert "imported 2 without fetching" in imported.stderr
    before = {r["title"]: r for r in json.loads(reader(library, "list", "--json").stdout)}
    after = {r["title"]: r for r in json.loads(reader(other, "list", "--json").stdout)}
    assert after.keys() == before.keys()
    for title, row in before.items():
        for field in ("url", "tags", "state", "favourite", "words", "saved_at"):
            assert after[title][field] == row[field], (title, field)


def test_import_url_list_fetches_and_reports(
    site: PageServer, library: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{site.url('/che.html')}\n{site.url('/gone.html')}\n", encoding="utf-8")
    result = reader(library, "import", str(listing))
    assert result.returncode == 5, result.stderr
    assert "saved 1" in result.stderr and "failed 1" in result.stderr and "404" in result.stderr


def test_export_nothing_is_a_usage_error(library: Path) -> None:
    result = reader(library, "export", "-f", "epub", "-o", "x.epub")
    assert result.returncode == 2
    assert "nothing to export" in result.stderr


def test_save_keeps_the_pictures_deduplicated_and_never_a_local_file(
    http_server: PageServer, library: Path, tmp_path: Path
) -> None:
    from contextlib import closing

    from reader.library import Library
    from tests.unit.test_images import png

    secret = tmp_path / "secret.png"
    secret.write_bytes(png(5, 5, noise=b"do not store me"))
    shared = png(4, 4, noise=b"the district hall")
    http_server.route("/img/hall.png", shared, content_type="image/png")
    http_server.route("/img/notfound.png", "<p>Not found</p>")  # an HTML page, status 200
    figures = (
        '<figure><img src="/img/hall.png" alt="Hội trường"><figcaption>Hội trường huyện'
        f'</figcaption></figure><figure><img src="{secret.as_uri()}" alt="x"></figure>'
        '<figure><img src="/img/notfound.png" alt="y"></figure>'
    )
    sentence = "Các đảng viên trong chi bộ đã cùng nhau giúp đỡ bà con sửa nhà trước mùa mưa lũ."
    for name in ("one", "two"):
        body = f"<p>{sentence} ({name})</p>" * 3 + figures + f"<p>{sentence}</p>" * 3
        http_server.route(f"/{name}.html", PAGE.format(title=f"Bài {name}", body=body))

    saved = reader(library, "save", http_server.url("/one.html"), http_server.url("/two.html"))
    assert saved.returncode == 0, saved.stderr
    assert "saved 2" in saved.stderr

    with closing(Library.open(library)) as opened:
        ids = [row.id for row in opened.list()]
        for article_id in ids:
            sources = {
                f.src for f in opened.get(article_id).article.blocks if hasattr(f, "src") and f.src
            }
            hall = next(src for src in sources if src.endswith("/img/hall.png"))
            stored = opened.image(article_id, hall)
            assert stored is not None and stored.data == shared
            assert opened.image(article_id, secret.as_uri()) is None
    database = library.read_bytes()
    assert b"do not store me" not in database and b"Not found" not in database
    import sqlite3

    with closing(sqlite3.connect(library)) as conn:
        assert conn.execute("SELECT count(*) FROM images").fetchone()[0] == 1  # one blob, 2 uses
        assert conn.execute("SELECT count(*) FROM article_images").fetchone()[0] == 2

    other = tmp_path / "text-only.sqlite3"
    plain = reader(other, "save", "--no-images", http_server.url("/one.html"))
    assert plain.returncode == 0, plain.stderr
    with closing(sqlite3.connect(other)) as conn:
        assert conn.execute("SELECT count(*) FROM images").fetchone()[0] == 0


def test_library_screen_needs_a_terminal(library: Path) -> None:
    result = reader(library, "library")
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr and "reader list" in result.stderr
