"""The on-disk HTTP cache: revalidation against a real server (its log shows the 304s and that
nothing was downloaded twice), freshness, what is never stored, `--no-cache`, and entries that
are corrupt, half-written or racing, which must never cost more than a fresh download.

The autouse `isolated_cache` fixture (tests/conftest.py) points READER_CACHE_DIR at a temporary
directory, so these tests never touch the user's cache.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from email.utils import formatdate
from pathlib import Path

import platformdirs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.fetch import Page, fetch_page
from reader.http_cache import (
    CachedResponse,
    HttpCache,
    default_cache_dir,
    freshness_lifetime,
    is_storable,
)
from tests.support.server import Answer, PageServer

ARTICLE = (
    "<html><head><title>Sinh hoạt chi bộ</title></head><body><article><h1>Sinh hoạt chi bộ</h1>"
    "<p>Chi bộ thôn Nà Pắc tổ chức sinh hoạt chuyên đề về phát triển kinh tế nông thôn.</p>"
    "<p>Đảng viên tham gia đầy đủ, thảo luận sôi nổi và đóng góp nhiều ý kiến thiết thực.</p>"
    "</article></body></html>"
)
ETAG = '"v1-3f2a"'
HEADER_NAMES = ["cache-control", "expires", "date", "age", "pragma", "vary", "etag"]
LAST_MODIFIED = "Tue, 03 Jun 2025 08:00:00 GMT"


def same_page(a: Page, b: Page) -> bool:
    return (a.url, a.text, a.data, a.encoding, a.content_type) == (
        b.url,
        b.text,
        b.data,
        b.encoding,
        b.content_type,
    )


def downloads(server: PageServer, path: str) -> list[Answer]:
    return [answer for answer in server.answers_to(path) if answer.status == 200]


# --- revalidation over HTTP ------------------------------------------------------------------


async def test_reopening_costs_the_server_a_304_not_a_download(
    http_server: PageServer, isolated_cache: Path
) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG})
    first = await fetch_page(url)
    second = await fetch_page(url)
    assert same_page(first, second)
    assert second.text == ARTICLE
    one, two = http_server.requests_to("/a")
    assert "if-none-match" not in one.headers
    assert two.headers["if-none-match"] == ETAG
    assert [(a.status, a.body_bytes) for a in http_server.answers_to("/a")] == [
        (200, len(ARTICLE.encode())),
        (304, 0),
    ]
    assert list(isolated_cache.iterdir()) == [HttpCache(isolated_cache).path_for(url)]


async def test_last_modified_alone_revalidates_too(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE, headers={"Last-Modified": LAST_MODIFIED})
    first = await fetch_page(url)
    second = await fetch_page(url)
    assert same_page(first, second)
    assert http_server.log[-1].headers["if-modified-since"] == LAST_MODIFIED
    assert [a.status for a in http_server.answers_to("/a")] == [200, 304]


async def test_a_compressed_page_comes_back_identical_from_the_cache(
    http_server: PageServer,
) -> None:
    url = http_server.route("/gz", ARTICLE, gzip=True, headers={"ETag": ETAG})
    first, second = await fetch_page(url), await fetch_page(url)
    assert same_page(first, second)
    assert second.text == ARTICLE
    assert [a.status for a in http_server.answers_to("/gz")] == [200, 304]


async def test_a_changed_page_is_downloaded_and_replaces_the_entry(
    http_server: PageServer,
) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": '"1"'})
    await fetch_page(url)
    http_server.route("/a", ARTICLE.replace("Nà Pắc", "Bản Pác"), headers={"ETag": '"2"'})
    changed = await fetch_page(url)
    again = await fetch_page(url)
    assert "Bản Pác" in changed.text
    assert same_page(changed, again)
    assert [r.headers.get("if-none-match") for r in http_server.log] == [None, '"1"', '"2"']
    assert [a.status for a in http_server.answers] == [200, 200, 304]


async def test_a_fresh_entry_is_shown_without_asking_the_server(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE, headers={"Cache-Control": "max-age=600"})
    first = await fetch_page(url)
    started = time.monotonic()
    second = await fetch_page(url)
    assert time.monotonic() - started < 0.2
    assert same_page(first, second)
    assert len(http_server.log) == 1


@pytest.mark.parametrize(
    "cache_control", ["no-cache", "max-age=600, no-cache", "max-age=0", "private, max-age=0"]
)
async def test_no_cache_and_max_age_0_mean_revalidate_every_time(
    http_server: PageServer, cache_control: str
) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG, "Cache-Control": cache_control})
    await fetch_page(url)
    await fetch_page(url)
    assert [a.status for a in http_server.answers_to("/a")] == [200, 304]


async def test_no_store_is_never_stored(http_server: PageServer, isolated_cache: Path) -> None:
    headers = {"ETag": ETAG, "Cache-Control": "private, no-store"}
    url = http_server.route("/a", ARTICLE, headers=headers)
    await fetch_page(url)
    await fetch_page(url)
    assert all("if-none-match" not in r.headers for r in http_server.log)
    assert len(downloads(http_server, "/a")) == 2
    assert not isolated_cache.exists() or list(isolated_cache.iterdir()) == []


async def test_a_page_turning_no_store_evicts_its_entry(
    http_server: PageServer, isolated_cache: Path
) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": '"1"'})
    await fetch_page(url)
    assert HttpCache(isolated_cache).load(url) is not None
    http_server.route("/a", ARTICLE, headers={"ETag": '"2"', "Cache-Control": "no-store"})
    await fetch_page(url)
    assert HttpCache(isolated_cache).load(url) is None


async def test_a_page_without_validators_or_lifetime_is_not_stored(
    http_server: PageServer, isolated_cache: Path
) -> None:
    url = http_server.route("/a", ARTICLE)
    await fetch_page(url)
    await fetch_page(url)
    assert len(downloads(http_server, "/a")) == 2
    assert not isolated_cache.exists()


async def test_use_cache_false_neither_reads_nor_writes(
    http_server: PageServer, isolated_cache: Path
) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG})
    await fetch_page(url, use_cache=False)
    assert not isolated_cache.exists()
    await fetch_page(url)  # stores
    await fetch_page(url, use_cache=False)  # does not ask with the validator
    assert [r.headers.get("if-none-match") for r in http_server.log] == [None, None, None]


async def test_vary_keeps_languages_apart(http_server: PageServer) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG, "Vary": "Accept-Language"})
    await fetch_page(url, language="vi")
    await fetch_page(url, language="en")  # another variant: no validator from the vi entry
    await fetch_page(url, language="en")
    assert [r.headers.get("if-none-match") for r in http_server.log] == [None, None, ETAG]


async def test_an_address_with_non_ascii_characters_is_one_cache_entry(
    http_server: PageServer,
) -> None:
    http_server.route("/t%C3%A0i-li%E1%BB%87u", ARTICLE, headers={"ETag": ETAG})
    typed = http_server.url("/tài-liệu")  # as a person types it; httpx sends it encoded
    first, second = await fetch_page(typed), await fetch_page(typed)
    assert first.url == second.url == http_server.url("/t%C3%A0i-li%E1%BB%87u")
    assert [a.status for a in http_server.answers] == [200, 304]


async def test_redirect_target_is_revalidated(http_server: PageServer) -> None:
    http_server.redirect("/old", "/a")
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG})
    first = await fetch_page(http_server.url("/old"))
    second = await fetch_page(http_server.url("/old"))
    assert first.url == second.url == url
    assert [a.status for a in http_server.answers] == [302, 200, 302, 304]


async def test_a_304_updates_the_stored_headers(
    http_server: PageServer, isolated_cache: Path
) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG, "Cache-Control": "no-cache"})
    await fetch_page(url)
    http_server.route("/a", ARTICLE, headers={"ETag": ETAG, "Cache-Control": "max-age=600"})
    await fetch_page(url)  # 304 with a lifetime now
    await fetch_page(url)  # fresh: no request
    assert [a.status for a in http_server.answers] == [200, 304]
    entry = HttpCache(isolated_cache).load(url)
    assert entry is not None
    assert entry.headers["cache-control"] == "max-age=600"


# --- the CLI ---------------------------------------------------------------------------------


def test_no_cache_flag(http_server: PageServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG})
    assert main(["--format", "text", url]) == 0
    assert main(["--format", "text", url]) == 0
    assert main(["--format", "text", "--no-cache", url]) == 0
    assert capsys.readouterr().out.count("thảo luận sôi nổi") == 3
    assert [r.headers.get("if-none-match") for r in http_server.log] == [None, ETAG, None]
    assert [a.status for a in http_server.answers] == [200, 304, 200]


# --- damage ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",
        lambda raw: b"not a cache entry at all",
        lambda raw: raw[:-10],  # truncated body
        lambda raw: raw[:40],  # truncated header line
        lambda raw: raw.replace(b"Chi b", b"Chx b"),  # flipped bytes: the checksum notices
        lambda raw: raw.replace(b'"headers":{', b'"headers":[{', 1),
        lambda raw: raw.split(b"\n", 1)[0] + b"\n{}\n" + raw,
    ],
    ids=["empty", "garbage", "truncated", "cut-header", "bit-rot", "bad-json", "wrong-shape"],
)
async def test_a_corrupt_entry_is_ignored_and_replaced(
    http_server: PageServer, isolated_cache: Path, damage: Callable[[bytes], bytes]
) -> None:
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG})
    await fetch_page(url)
    path = HttpCache(isolated_cache).path_for(url)
    path.write_bytes(damage(path.read_bytes()))
    page = await fetch_page(url)  # a full download, as if nothing was stored
    assert page.text == ARTICLE
    assert "if-none-match" not in http_server.log[-1].headers
    assert [a.status for a in http_server.answers] == [200, 200]
    await fetch_page(url)  # the fresh download was stored again
    assert http_server.log[-1].headers["if-none-match"] == ETAG


async def test_an_unwritable_cache_is_no_error(
    http_server: PageServer, isolated_cache: Path
) -> None:
    isolated_cache.parent.mkdir(parents=True, exist_ok=True)
    isolated_cache.write_text("a file where the directory should be")
    url = http_server.route("/a", ARTICLE, headers={"ETag": ETAG})
    assert (await fetch_page(url)).text == ARTICLE
    assert (await fetch_page(url)).text == ARTICLE
    assert len(downloads(http_server, "/a")) == 2


def test_writes_are_atomic_under_concurrent_readers(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    url = "https://example.com/a"
    bodies = [bytes([65 + n]) * (50_000 + n) for n in range(8)]
    seen: list[CachedResponse | None] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(cache.load(url))

    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    try:
        for _ in range(25):
            for body in bodies:
                assert cache.store(url, {"etag": '"x"'}, body) is not None
    finally:
        stop.set()
        reader_thread.join()
    entries = [entry for entry in seen if entry is not None]
    assert entries  # the reader did see entries while they were being replaced
    assert all(entry.body in bodies for entry in entries)  # whole ones, never half-written
    assert [p.name for p in tmp_path.iterdir()] == [cache.path_for(url).name]  # no temp files


# --- the rules, directly ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "lifetime"),
    [
        ({"cache-control": "max-age=300"}, 300),
        ({"cache-control": "public, max-age=60, must-revalidate"}, 60),
        ({"cache-control": 'max-age="120"'}, 120),
        ({"cache-control": "max-age=300, no-cache"}, 0),
        ({"cache-control": "max-age=soon"}, 0),
        ({"cache-control": "s-maxage=300"}, 0),  # shared caches only
        (
            {
                "expires": "Tue, 03 Jun 2025 09:00:00 GMT",
                "date": "Tue, 03 Jun 2025 08:00:00 GMT",
            },
            3600,
        ),
        ({"expires": "0"}, 0),
        ({"cache-control": "max-age=10", "expires": "Tue, 03 Jun 2025 09:00:00 GMT"}, 10),
        ({"pragma": "no-cache", "expires": formatdate(time.time() + 999, usegmt=True)}, 0),
        ({}, 0),
    ],
)
def test_freshness_lifetime(headers: dict[str, str], lifetime: float) -> None:
    assert freshness_lifetime(headers) == lifetime


@pytest.mark.parametrize(
    ("headers", "storable"),
    [
        ({"etag": '"1"'}, True),
        ({"last-modified": LAST_MODIFIED}, True),
        ({"cache-control": "max-age=60"}, True),
        ({"etag": '"1"', "cache-control": "private"}, True),  # this cache is private
        ({"etag": '"1"', "cache-control": "no-store"}, False),
        ({"etag": '"1"', "cache-control": "No-Store"}, False),
        ({"etag": '"1"', "vary": "*"}, False),
        ({}, False),
        ({"cache-control": "no-cache"}, False),
    ],
)
def test_is_storable(headers: dict[str, str], storable: bool) -> None:
    assert is_storable(headers) is storable


@given(st.dictionaries(st.sampled_from(HEADER_NAMES), st.text(max_size=40)))
def test_the_rules_never_fail_on_any_header_values(headers: dict[str, str]) -> None:
    lifetime = freshness_lifetime(headers)
    assert lifetime >= 0
    assert isinstance(is_storable(headers), bool)
    entry = CachedResponse("https://e.com/", headers, b"", stored_at=time.time())
    assert isinstance(entry.is_fresh(), bool)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.booleans(), st.binary(max_size=300))
def test_any_bytes_in_an_entry_file_are_a_miss_or_an_entry(
    tmp_path: Path, magic: bool, raw: bytes
) -> None:
    cache = HttpCache(tmp_path)
    path = cache.path_for("https://e.com/a")
    path.write_bytes(b"reader-tui http cache 1\n" + raw if magic else raw)
    entry = cache.load("https://e.com/a")
    assert entry is None or entry.url == "https://e.com/a"


def test_age_counts_the_age_header() -> None:
    entry = CachedResponse(
        "https://e.com/", {"cache-control": "max-age=100", "age": "90"}, b"", stored_at=1000.0
    )
    assert entry.age(now=1005.0) == 95
    assert entry.is_fresh(now=1009.0)
    assert not entry.is_fresh(now=1010.0)


def test_set_cookie_is_never_stored(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    cache.store("https://e.com/a", {"ETag": '"1"', "Set-Cookie": "session=secret"}, b"<p>a</p>")
    entry = cache.load("https://e.com/a")
    assert entry is not None
    assert "set-cookie" not in entry.headers
    assert b"secret" not in cache.path_for("https://e.com/a").read_bytes()


def test_the_fragment_is_not_part_of_the_key(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    cache.store("https://e.com/a#top", {"etag": '"1"'}, b"<p>a</p>")
    assert cache.load("https://e.com/a#comments") is not None


def test_the_cache_is_pruned_oldest_first(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path, max_bytes=50_000)
    for n in range(8):
        cache.store(f"https://e.com/{n}", {"etag": '"1"'}, b"x" * 10_000)
        time.sleep(0.01)  # distinct modification times
    kept = [n for n in range(8) if cache.load(f"https://e.com/{n}") is not None]
    assert kept == list(range(8 - len(kept), 8))  # the newest ones
    assert 3 <= len(kept) <= 4
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) <= 50_000


def test_clear_forgets_everything(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path)
    cache.store("https://e.com/a", {"etag": '"1"'}, b"a")
    cache.clear()
    assert cache.load("https://e.com/a") is None
    assert list(tmp_path.iterdir()) == []


def test_cache_directory_from_the_environment(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_cache_dir() == isolated_cache
    monkeypatch.delenv("READER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(isolated_cache.parent / "xdg"))  # Linux, BSD
    assert default_cache_dir() == platformdirs.user_cache_path("reader-tui") / "http"
    assert default_cache_dir() != isolated_cache


def test_the_cache_directory_is_private(tmp_path: Path) -> None:
    cache = HttpCache(tmp_path / "new")
    cache.store("https://e.com/a", {"etag": '"1"'}, b"a")
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
