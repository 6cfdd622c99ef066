"""Batch fetch + extract throughput against a local server that adds latency to every request.

    python bench/fetch.py [--pages 200] [--latency 0.05] [--concurrency 1,8,32]
        [--hosts 16] [--per-host 2] [--repeat 1] [--json out.json]

A server process (this file with ``--serve``) publishes ``--pages`` generated article pages
(a provincial portal's layout: navigation, a 600-1400 word article in Vietnamese prose,
sidebar, footer, about 40-80 KB each) spread over ``--hosts`` loopback addresses (127.0.0.1,
127.0.0.2, ...; Linux routes all of 127/8 to loopback, elsewhere use ``--hosts 1``). Every
request sleeps ``--latency`` seconds before answering, like a distant server.

For each concurrency level a fresh client process runs ``reader.batch.fetch_many`` over all
pages (one shared httpx client, the default per-host politeness of ``--per-host``, the cache
off) and extracts each page with ``reader.extract.extract`` as it arrives. It reports wall
time, pages per second, and the process's peak RSS (``resource.getrusage``; a fresh process
per level, so peaks do not carry over), next to its RSS before the batch. With ``--hosts 1``
the per-host limit is raised to the concurrency, or it would cap every level at ``--per-host``.

Target from issue 4: concurrency 8 at least 5x the throughput of concurrency 1 at 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# --- the pages -------------------------------------------------------------------------------


def _split(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


_WORDS = _split(
    "chi bộ thôn bản đảng viên nhân dân phát triển kinh tế nông thôn mới xây dựng đường giao "
    "thông trường học trạm y tế hợp tác xã sản xuất lúa ngô chè quế hồi rừng trồng chăn nuôi "
    "trâu bò lợn gà thu nhập bình quân đầu người hộ nghèo giảm tỷ lệ cán bộ huyện xã tỉnh hội "
    "nghị tổng kết năm kế hoạch nhiệm vụ giải pháp tuyên truyền vận động bà con đồng bào dân tộc "
    "tày nùng dao mông văn hóa lễ hội truyền thống bản sắc giữ gìn phát huy du lịch cộng đồng "
    "homestay thác suối núi đá ruộng bậc thang mùa vàng thanh niên phụ nữ nông dân cựu chiến binh "
    "mặt trận đoàn thể chính quyền an ninh trật tự môi trường vệ sinh nước sạch điện lưới internet "
    "chuyển đổi số ứng dụng điện thoại thông minh bán hàng trực tuyến sản phẩm ocop đặc sản"
)
_NAV = _split(
    "Trang chủ|Tin tức|Chính trị|Kinh tế|Văn hóa|Xã hội|Quốc phòng|Pháp luật|Liên hệ", "|"
)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(9, 24))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", ";", ","]).replace(",", ".")


def make_page(n: int) -> bytes:
    """A portal article page: boilerplate around 600-1400 words of article prose."""
    rng = random.Random(n)
    title = _sentence(rng).rstrip(".")
    nav = "".join(f'<li><a href="/{i}.html">{name}</a></li>' for i, name in enumerate(_NAV))
    paragraphs = []
    words = 0
    target = rng.randint(600, 1400)
    while words < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))
        words += len(paragraph.split())
        tag = "h2" if rng.random() < 0.08 else "p"
        paragraphs.append(f"<{tag}>{paragraph}</{tag}>")
    related = "".join(
        f'<li><a href="/tin/{n}-{i}.html">{_sentence(rng)}</a></li>' for i in range(40)
    )
    mega_menu = "".join(
        f'<li class="sub"><a href="/chuyen-muc/{i}.html">{" ".join(rng.sample(_WORDS, 3))}</a></li>'
        for i in range(150)
    )
    # What makes real portal pages heavy: inline scripts, styles and menus around the article.
    script = "window.__STATE__=" + json.dumps(
        {
            "items": [
                {"id": i, "title": _sentence(rng), "views": rng.randint(0, 10**6)}
                for i in range(120)
            ]
        },
        ensure_ascii=False,
    )
    style = "".join(
        f".c{i}{{margin:{i % 7}px;color:#{i * 4099 % 0xFFFFFF:06x}}}" for i in range(300)
    )
    html = (
        f"<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>{title}</title>"
        f'<meta property="og:title" content="{title}"><style>{style}</style>'
        f"<script>{script}</script></head><body>"
        f'<header><div class="toolbar">A- A A+ | Tương phản</div><ul class="menu">{nav}</ul>'
        f'<ul class="mega">{mega_menu}</ul></header><main><article><h1>{title}</h1>'
        f'<p class="meta">Tác giả: Hoàng Văn {n} — Nguồn: Báo tỉnh</p>{"".join(paragraphs)}'
        f"</article><aside><h3>Tin liên quan</h3><ul>{related}</ul></aside></main>"
        f"<footer><p>Thống kê truy cập / Hôm nay : {rng.randint(1000, 9999)}</p>"
        f"<p>Cổng thông tin điện tử tỉnh — bản quyền.</p></footer></body></html>"
    )
    return html.encode("utf-8")


# --- the server (a separate process, so it never competes with the client for the GIL) ------


def serve(pages: int, latency: float, hosts: int) -> None:
    bodies = {f"/tin/{n}.html": make_page(n) for n in range(pages)}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
        wbufsize = 1 << 16  # headers and body in one send: else Nagle + delayed ACK add 40 ms

        def do_GET(self) -> None:
            time.sleep(latency)
            body = bodies.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256

    servers = [Server((f"127.0.0.{i + 1}", 0), Handler) for i in range(hosts)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(json.dumps([list(s.server_address[:2]) for s in servers]), flush=True)
    sys.stdin.read()  # until the parent closes our stdin


# --- one client run --------------------------------------------------------------------------


def _rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


def run_client(urls: list[str], concurrency: int, per_host: int) -> dict[str, Any]:
    from reader.batch import Progress, fetch_many
    from reader.extract import extract
    from reader.fetch import NO_RETRY

    extract(make_page(10_000).decode(), "http://127.0.0.1/warm-up.html")  # imports, caches
    before = _rss_mb()
    words = 0
    failures = 0

    def on_progress(progress: Progress) -> None:
        nonlocal words, failures
        page = progress.outcome.page
        if page is None:
            failures += 1
            return
        words += extract(page.text, page.url).word_count

    async def batch() -> None:
        await fetch_many(
            urls,
            concurrency=concurrency,
            per_host=per_host,
            on_progress=on_progress,
            use_cache=False,
            retry=NO_RETRY,
        )

    started = time.perf_counter()
    asyncio.run(batch())
    seconds = time.perf_counter() - started
    return {
        "concurrency": concurrency,
        "per_host": per_host,
        "pages": len(urls),
        "failures": failures,
        "seconds": seconds,
        "pages_per_second": len(urls) / seconds,
        "words": words,
        "rss_before_mb": before,
        "peak_rss_mb": _rss_mb(),
    }


# --- the driver ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per request")
    parser.add_argument("--concurrency", default="1,8,32", help="comma-separated levels")
    parser.add_argument("--hosts", type=int, default=16, help="loopback addresses to serve on")
    parser.add_argument("--per-host", type=int, default=2, help="fetch_many's per_host")
    parser.add_argument("--repeat", type=int, default=1, help="runs per level; the best counts")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--client", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve:
        serve(args.pages, args.latency, args.hosts)
        return 0
    if args.client:
        job = json.loads(args.client)
        print(json.dumps(run_client(job["urls"], job["concurrency"], job["per_host"])))
        return 0

    levels = [int(level) for level in args.concurrency.split(",")]
    serve_args = ["--pages", str(args.pages), "--latency", str(args.latency)]
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", *serve_args, "--hosts", str(args.hosts)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        addresses = json.loads(server.stdout.readline())
        urls = [
            f"http://{host}:{port}/tin/{n}.html"
            for n in range(args.pages)
            for host, port in [addresses[n % len(addresses)]]
        ]
        results = []
        for level in levels:
            per_host = level if args.hosts == 1 else args.per_host
            job = json.dumps({"urls": urls, "concurrency": level, "per_host": per_host})
            runs = []
            for _ in range(args.repeat):
                output = subprocess.run(
                    [sys.executable, __file__, "--client", job],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                runs.append(json.loads(output))
            results.append(min(runs, key=lambda run: run["seconds"]))
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=10)

    _report(results, args)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"settings": vars(args), "results": results}, out, indent=2)
    return 0


def _report(results: list[dict[str, Any]], args: argparse.Namespace) -> None:
    print(
        f"{args.pages} pages, {args.latency * 1000:g} ms latency per request, "
        f"{args.hosts} host(s), fetch + extract, cache off, python {sys.version.split()[0]}"
    )
    print(
        f"{'concurrency':>11} {'per host':>8} {'seconds':>8} {'pages/s':>8} {'speedup':>8}"
        f" {'failed':>6} {'RSS before':>10} {'peak RSS':>9}"
    )
    base = results[0]["pages_per_second"]
    for r in results:
        print(
            f"{r['concurrency']:>11} {r['per_host']:>8} {r['seconds']:>8.2f}"
            f" {r['pages_per_second']:>8.1f} {r['pages_per_second'] / base:>7.1f}x"
            f" {r['failures']:>6} {r['rss_before_mb']:>8.0f}MB {r['peak_rss_mb']:>7.0f}MB"
        )
    words = {r["words"] for r in results}
    print(f"words extracted per run: {', '.join(str(w) for w in sorted(words))}")


if __name__ == "__main__":
    raise SystemExit(main())
