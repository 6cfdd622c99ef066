"""Extraction benchmark: reader.extract against trafilatura and readability-lxml, side by side.

    python bench/extraction.py ../shared/corpus [--corpus NAME ...] [--limit N]
        [--only reader,trafilatura,readability] [--json out.json] [--no-big-page]

The argument is a folder of corpora or a single corpus (a folder holding ``pages/<id>.html.gz``
and ``truth.json``; its ``SOURCE.md`` explains the fields). The competitors come from the
dev-only extra ``bench`` (``pip install -e '.[bench]'``) and never from runtime dependencies;
when one is missing the run says so and goes on without it.

Fairness:
- every page is gunzipped and decoded once with ``reader.decode.decode_html`` (not timed), and
  every extractor receives that same ``str`` plus the page URL from the truth file;
- extractors run interleaved page by page, their order rotating from page to page, so noisy
  load or a warm cache favours none of them; each is warmed up once before timing;
- a call that raises counts as empty output and as an error; its time still counts.

What each extractor is asked to do (all timed together, as one call per page):
- reader: ``reader.extract.extract(html, url)``; body ``Article.text`` after the lead when the
  lead is the page's standfirst (``--reader-text``: ``article`` by default), ``title``, ``authors``,
  ``published``.
- trafilatura: ``trafilatura.extract(html, url=url, output_format="txt",
  include_comments=False)`` for the body (its defaults otherwise: balanced, tables on,
  fallback on), then ``trafilatura.extract_metadata(html, default_url=url)`` for title,
  author and date. The body call is also timed on its own ("body only" rows).
- readability: ``readability.Document(html, url=url)``; ``.summary()`` turned into text with
  lxml (a line break at every block element, so words of adjacent blocks do not glue),
  ``.short_title()`` and ``.author()``. readability-lxml extracts no date.

Scores are defined in ``bench/scoring.py`` (scrapinghub's 4-shingle body score, trafilatura's
snippet checks, title / author / date normalisation). Peak memory is the process's
``ru_maxrss``: every extractor loaded here shares it; run ``--only reader`` for ours alone.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import logging
import math
import platform
import re
import resource
import shlex
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import unescape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

try:
    from bench import scoring
except ModuleNotFoundError:  # run as a script: bench/ itself is on sys.path
    import scoring  # type: ignore[no-redef, import-not-found, unused-ignore]

from reader.decode import decode_html

EXTRACTOR_NAMES = ("reader", "trafilatura", "readability")
BIG_PAGE_BYTES = 5_000_000
WARM_UP_HTML = (
    "<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1>"
    + "<p>A paragraph long enough to count as the body of an article, twice over.</p>" * 6
    + "</article></body></html>"
)


# --- extractors -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Output:
    text: str = ""
    title: str | None = None
    authors: str | tuple[str, ...] | None = None
    date: str | None = None
    body_ns: int | None = None
    """Time of the body pass alone, when the extractor's call has separable parts."""


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    version: str
    run: Callable[[str, str | None], Output]
    fields: frozenset[str]
    """The metadata it can produce: a subset of title, author, date."""


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def load_reader(text: str = "article") -> Extractor:
    """Ours. `text="article"` scores the article's text as the page shows it: the standfirst
    (which extraction moves out of the body to show under the title; `Article.metadata`
    "lead_source" is "page" then) followed by the body; a lead that is only the page's meta
    description is left out, since it is not text of the page. `"shown"` scores what the
    reading view and `--format text` show: any lead, then the body. `"body"` scores
    `Article.text` alone. `"prose"` is `"article"` without figure captions, the convention of
    the fundus and newspaper4k truths (readability's keeps captions): it measures what keeping
    captions costs there, while the reader goes on showing them."""
    from reader.extract import extract
    from reader.model import Figure

    def run(html: str, url: str | None) -> Output:
        article = extract(html, url)
        body = article.text
        if text == "prose":
            body = "\n\n".join(
                t for b in article.blocks if not isinstance(b, Figure) and (t := b.text)
            )
        standfirst = article.metadata.get("lead_source") == "page"
        if article.lead and (text == "shown" or (text in ("article", "prose") and standfirst)):
            body = f"{article.lead}\n\n{body}"
        return Output(body, article.title, article.authors, article.published)

    return Extractor(
        "reader", _package_version("reader-tui"), run, frozenset({"title", "author", "date"})
    )


def load_trafilatura() -> Extractor:
    import trafilatura

    def run(html: str, url: str | None) -> Output:
        start = time.perf_counter_ns()
        text = trafilatura.extract(html, url=url, output_format="txt", include_comments=False)
        body_ns = time.perf_counter_ns() - start
        meta = trafilatura.extract_metadata(html, default_url=url)
        return Output(text or "", meta.title, meta.author, meta.date, body_ns)

    return Extractor(
        "trafilatura",
        _package_version("trafilatura"),
        run,
        frozenset({"title", "author", "date"}),
    )


# fmt: off
_BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
))
# fmt: on


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment, one line per block element (lxml, as readability uses)."""
    from lxml import html as lxml_html  # type: ignore[import-untyped, unused-ignore]

    if not markup.strip():
        return ""
    root = lxml_html.fromstring(markup)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    lines = (scoring.norm_space(line) for line in str(root.text_content()).splitlines())
    return "\n".join(line for line in lines if line)


def load_readability() -> Extractor:
    from readability import Document  # type: ignore[import-untyped]

    def run(html: str, url: str | None) -> Output:
        document = Document(html, url=url)
        text = html_to_text(document.summary())
        author = document.author()
        return Output(
            text,
            document.short_title() or None,
            None if author == "[no-author]" else author,
        )

    return Extractor(
        "readability", _package_version("readability-lxml"), run, frozenset({"title", "author"})
    )


LOADERS: dict[str, Callable[[], Extractor]] = {
    "reader": load_reader,
    "trafilatura": load_trafilatura,
    "readability": load_readability,
}


def load_extractors(names: Sequence[str]) -> list[Extractor]:
    """Import the requested extractors; a missing one is reported and left out."""
    extractors = []
    for name in names:
        try:
            extractors.append(LOADERS[name]())
        except ImportError as err:
            hint = "" if name == "reader" else " (pip install -e '.[bench]')"
            print(f"{name}: not installed, skipped{hint}: {err}")
    return extractors


def timed(extractor: Extractor, html: str, url: str | None) -> tuple[Output, int, str | None]:
    """Run one extraction: (output, nanoseconds, error or None)."""
    start = time.perf_counter_ns()
    try:
        output = extractor.run(html, url)
        error = None
    except Exception as err:  # a crash is a miss, not the end of the run
        output, error = Output(), f"{type(err).__name__}: {err}"[:200]
    return output, time.perf_counter_ns() - start, error


# --- corpora ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    path: Path
    truth: dict[str, dict[str, Any]]

    def page_path(self, page_id: str) -> Path:
        return self.path / "pages" / f"{page_id}.html.gz"


def is_corpus(path: Path) -> bool:
    return (path / "truth.json").is_file() and (path / "pages").is_dir()


def find_corpora(path: Path) -> list[Path]:
    if is_corpus(path):
        return [path]
    return sorted(p for p in path.iterdir() if p.is_dir() and is_corpus(p))


def load_corpus(path: Path) -> Corpus:
    truth = json.loads((path / "truth.json").read_text(encoding="utf-8"))
    return Corpus(path.name, path, truth)


def read_page(path: Path) -> str:
    return decode_html(gzip.decompress(path.read_bytes()))[0]


def truth_authors(truth: dict[str, Any]) -> str | list[str] | None:
    authors = truth.get("authors")
    if isinstance(authors, list) and authors:
        return [str(a) for a in authors]
    author = truth.get("author")
    return author if isinstance(author, str) and author.strip() else None


def truth_text(truth: dict[str, Any], key: str) -> str | None:
    value = truth.get(key)
    return value if isinstance(value, str) and value.strip() else None


# --- tallies ----------------------------------------------------------------------------------


@dataclass
class Hits:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += ok
        self.total += 1

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else math.nan


@dataclass
class Tally:
    """One extractor on one corpus."""

    ms: list[float] = field(default_factory=list)
    body_ms: list[float] = field(default_factory=list)
    matches: list[scoring.ShingleMatch] = field(default_factory=list)
    exact: int = 0
    snippets: scoring.SnippetCounts = field(default_factory=scoring.SnippetCounts)
    snippet_pages: Hits = field(default_factory=Hits)
    title: Hits = field(default_factory=Hits)
    author: Hits = field(default_factory=Hits)
    date: Hits = field(default_factory=Hits)
    errors: int = 0
    first_error: str | None = None
    empty: int = 0
    pages: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self, page_id: str, truth: dict[str, Any], output: Output, ns: int, error: str | None
    ) -> None:
        row: dict[str, Any] = {"id": page_id, "ms": round(ns / 1e6, 3)}
        self.ms.append(ns / 1e6)
        if output.body_ns is not None:
            self.body_ms.append(output.body_ns / 1e6)
        if error is not None:
            self.errors += 1
            self.first_error = self.first_error or f"{page_id}: {error}"
            row["error"] = error
        if not output.text.strip():
            self.empty += 1
        row["words"] = len(scoring.tokenize(output.text))
        body = truth_text(truth, "body_text")
        if body is not None:
            match = scoring.match_shingles(body, output.text)
            self.matches.append(match)
            self.exact += scoring.exact_tokens(body, output.text)
            row["precision"], row["recall"] = match.precision, match.recall
        if isinstance(truth.get("with"), list) or isinstance(truth.get("without"), list):
            counts = scoring.count_snippets(
                output.text, truth.get("with") or [], truth.get("without") or []
            )
            self.snippets += counts
            self.snippet_pages.add(counts.passed == counts.checks)
            row["snippets_passed"], row["snippets"] = counts.passed, counts.checks
        if (title := truth_text(truth, "title")) is not None:
            row["title_ok"] = scoring.same_title(title, output.title)
            self.title.add(row["title_ok"])
        if (authors := truth_authors(truth)) is not None:
            row["author_ok"] = scoring.same_authors(authors, output.authors)
            self.author.add(row["author_ok"])
        if (date := truth_text(truth, "date")) is not None:
            row["date_ok"] = scoring.same_day(date, output.date)
            self.date.add(row["date_ok"])
        self.pages.append(row)

    def summary(self, fields: frozenset[str]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "pages": len(self.ms),
            "errors": self.errors,
            "first_error": self.first_error,
            "empty": self.empty,
            "median_ms": statistics.median(self.ms) if self.ms else math.nan,
            "p95_ms": scoring.percentile(self.ms, 0.95),
        }
        if self.body_ms:
            out["body_median_ms"] = statistics.median(self.body_ms)
            out["body_p95_ms"] = scoring.percentile(self.body_ms, 0.95)
        if self.matches:
            body = scoring.body_score(self.matches)
            out |= {
                "f1": body.f1,
                "precision": body.precision,
                "recall": body.recall,
                "precision_pages": body.precision_pages,
                "recall_pages": body.recall_pages,
                "exact": self.exact / len(self.matches),
            }
        if self.snippets.checks:
            s = self.snippets
            out |= {
                "snippet_pass": s.pass_rate,
                "snippet_with": s.with_rate,
                "snippet_without": s.without_rate,
                "snippet_f1": s.f1,
                "snippet_pages_all_pass": self.snippet_pages.rate,
                "snippet_checks": s.checks,
            }
        for name, hits in (("title", self.title), ("author", self.author), ("date", self.date)):
            if hits.total:
                out[name] = hits.rate if name in fields else None
                out[f"{name}_n"] = hits.total
        return out


# --- running ----------------------------------------------------------------------------------


def rotated(items: Sequence[Extractor], shift: int) -> Iterator[Extractor]:
    for i in range(len(items)):
        yield items[(i + shift) % len(items)]


def run_corpus(
    corpus: Corpus, extractors: Sequence[Extractor], limit: int | None
) -> tuple[dict[str, Tally], int]:
    """Every page through every extractor, interleaved; returns tallies and missing pages."""
    tallies = {e.name: Tally() for e in extractors}
    ids = list(corpus.truth)[:limit] if limit is not None else list(corpus.truth)
    missing = 0
    started = time.monotonic()
    for index, page_id in enumerate(ids):
        path = corpus.page_path(page_id)
        if not path.is_file():
            missing += 1
            continue
        html = read_page(path)
        truth = corpus.truth[page_id]
        url = truth_text(truth, "url")
        for extractor in rotated(extractors, index):
            output, ns, error = timed(extractor, html, url)
            tallies[extractor.name].add(page_id, truth, output, ns, error)
        if (index + 1) % 100 == 0:
            elapsed = time.monotonic() - started
            print(
                f"  {corpus.name}: {index + 1}/{len(ids)} pages, {elapsed:.0f} s", file=sys.stderr
            )
    return tallies, missing


_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def body_paragraphs(html: str, body_text: str, min_chars: int = 80) -> list[re.Match[str]]:
    """The page's <p> elements of at least `min_chars` whose text is in the true body."""
    body = scoring.norm_space(body_text)
    found = []
    for match in _PARAGRAPH.finditer(html):
        text = scoring.norm_space(unescape(_TAG.sub(" ", match.group(1))))
        if len(text) >= min_chars and text in body:
            found.append(match)
    return found


def make_big_page(html: str, found: Sequence[re.Match[str]], target_bytes: int) -> str:
    """The page with `found` repeated after the last of them until it weighs target_bytes."""
    chunk = "\n".join(m.group(0) for m in found) + "\n"
    missing = target_bytes - len(html.encode("utf-8"))
    copies = max(1, math.ceil(missing / len(chunk.encode("utf-8"))))
    end = found[-1].end()
    return html[:end] + "\n" + chunk * copies + html[end:]


def big_page(corpora: Sequence[Corpus], target_bytes: int = BIG_PAGE_BYTES) -> tuple[str, str]:
    """A page of target_bytes grown from the first page (corpus order) with five or more
    article paragraphs, so the extra weight sits inside the article: (label, html)."""
    for corpus in corpora:
        for page_id, truth in corpus.truth.items():
            path, body = corpus.page_path(page_id), truth_text(truth, "body_text")
            if body is None or not path.is_file():
                continue
            html = read_page(path)
            found = body_paragraphs(html, body)
            if len(found) >= 5:
                return f"{corpus.name}/{page_id}", make_big_page(html, found, target_bytes)
    raise LookupError("no page with body truth and five paragraphs of it")


def run_big_page(corpora: Sequence[Corpus], extractors: Sequence[Extractor]) -> dict[str, Any]:
    try:
        label, big = big_page(corpora)
    except LookupError as err:
        return {"skipped": str(err)}
    result: dict[str, Any] = {"source": label, "bytes": len(big.encode("utf-8")), "runs": {}}
    for extractor in extractors:
        output, ns, error = timed(extractor, big, None)
        result["runs"][extractor.name] = {
            "ms": ns / 1e6,
            "words": len(scoring.tokenize(output.text)),
            "error": error,
        }
    return result


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


# --- report -----------------------------------------------------------------------------------


def _fmt(value: Any, digits: int = 3) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return "-" if math.isnan(value) else f"{value:.{digits}f}"
    return str(value)


ROWS: tuple[tuple[str, str, int], ...] = (
    ("body F1", "f1", 3),
    ("body precision", "precision", 3),
    ("body recall", "recall", 3),
    ("body exact (tokens)", "exact", 3),
    ("snippet pass rate", "snippet_pass", 3),
    ("  'with' found", "snippet_with", 3),
    ("  'without' kept out", "snippet_without", 3),
    ("  pages all passed", "snippet_pages_all_pass", 3),
    ("  snippet F1 (trafilatura)", "snippet_f1", 3),
    ("title exact", "title", 3),
    ("author (name set)", "author", 3),
    ("date (YYYY-MM-DD)", "date", 3),
    ("median ms/page", "median_ms", 1),
    ("p95 ms/page", "p95_ms", 1),
    ("  body only median ms", "body_median_ms", 1),
    ("  body only p95 ms", "body_p95_ms", 1),
    ("errors", "errors", 0),
    ("empty output", "empty", 0),
)


def format_corpus(name: str, pages: int, missing: int, summaries: dict[str, dict[str, Any]]) -> str:
    names = list(summaries)
    first = next(iter(summaries.values()), {})
    counts = ", ".join(
        f"{label} {first[key]}"
        for label, key in (
            ("title", "title_n"),
            ("author", "author_n"),
            ("date", "date_n"),
            ("snippet checks", "snippet_checks"),
        )
        if key in first
    )
    header = f"== {name}: {pages} pages" + (f", {missing} missing" if missing else "")
    lines = [header + (f" (truth: {counts})" if counts else "")]
    lines.append(f"{'':28}" + "".join(f"{n:>14}" for n in names))
    for label, key, digits in ROWS:
        if not any(key in s for s in summaries.values()):
            continue
        cells = "".join(f"{_fmt(s.get(key, '-'), digits):>14}" for s in summaries.values())
        lines.append(f"{label:28}{cells}")
    trafilatura = summaries.get("trafilatura", {})
    for label, key in (
        ("median / trafilatura total", "median_ms"),
        ("median / trafilatura body", "body_median_ms"),
    ):
        if base := trafilatura.get(key):
            cells = "".join(f"{s['median_ms'] / base:>13.2f}x" for s in summaries.values())
            lines.append(f"{label:28}{cells}")
    for n, s in summaries.items():
        if s.get("first_error"):
            lines.append(f"  {n} first error: {s['first_error']}")
    return "\n".join(lines)


TARGETS = "F1 >= 0.97, snippets >= 0.95, title >= 0.95, author/date >= 0.90, median <= 1/5"


def check_targets(summaries: dict[str, dict[str, Any]]) -> str | None:
    """The project's targets for reader on this corpus, each marked ok or MISS."""
    ours = summaries.get("reader")
    if ours is None:
        return None
    checks: list[tuple[str, bool]] = []
    for key, label, goal in (
        ("f1", "F1", 0.97),
        ("snippet_pass", "snippets", 0.95),
        ("title", "title", 0.95),
        ("author", "author", 0.90),
        ("date", "date", 0.90),
    ):
        if ours.get(key) is not None:
            checks.append((f"{label} {ours[key]:.3f} >= {goal}", ours[key] >= goal))
    trafilatura = summaries.get("trafilatura")
    if trafilatura and trafilatura.get("median_ms"):
        ratio = ours["median_ms"] / trafilatura["median_ms"]
        # a page that raised is no evidence of speed
        fast = ratio <= 0.2 and ours["errors"] == 0
        checks.append((f"median {ratio:.2f}x trafilatura <= 0.20x", fast))
    line = "; ".join(f"{text} {'ok' if ok else 'MISS'}" for text, ok in checks)
    if ours["errors"]:
        line += f" ({ours['errors']} pages raised)"
    return "  reader targets: " + line


def _no_nan(value: Any) -> Any:
    """NaN (a figure with no pages behind it) as JSON null: NaN is not JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_nan(v) for v in value]
    return value


# --- command line -----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/extraction.py",
        description="Benchmark reader's extractor against trafilatura and readability-lxml.",
    )
    parser.add_argument("corpus_dir", type=Path, help="folder of corpora, or one corpus folder")
    parser.add_argument(
        "--corpus", action="append", default=[], metavar="NAME", help="only this corpus"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="first N pages of each corpus")
    parser.add_argument(
        "--only",
        default=",".join(EXTRACTOR_NAMES),
        help="comma-separated extractors (default: %(default)s)",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="write figures and page rows")
    parser.add_argument("--no-big-page", action="store_true", help="skip the 5 MB page timing")
    parser.add_argument(
        "--reader-text",
        choices=("article", "body", "shown", "prose"),
        default="article",
        help="score our standfirst + body (article), Article.text alone (body), or any lead +"
        " body as the reader shows it (shown), or article without figure captions (prose)",
    )
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = sorted(set(names) - set(EXTRACTOR_NAMES))
    if unknown or not names:
        parser.error(f"--only takes {', '.join(EXTRACTOR_NAMES)}; got {args.only!r}")
    args.only = list(dict.fromkeys(names))
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    root: Path = args.corpus_dir
    if not root.is_dir():
        print(f"error: corpus folder not found: {root}", file=sys.stderr)
        return 2
    paths = find_corpora(root)
    if args.corpus:
        unknown = sorted(set(args.corpus) - {p.name for p in paths})
        if unknown:
            print(f"error: no corpus named {', '.join(unknown)} in {root}", file=sys.stderr)
            return 2
        paths = [p for p in paths if p.name in args.corpus]
    if not paths:
        print(f"error: no corpus (pages/ + truth.json) in {root}", file=sys.stderr)
        return 2

    logging.disable(logging.CRITICAL)  # trafilatura and readability log every discarded page
    warnings.simplefilter("ignore")
    LOADERS["reader"] = functools.partial(load_reader, args.reader_text)
    extractors = load_extractors(args.only)
    if not extractors:
        print("error: no extractor could be loaded", file=sys.stderr)
        return 2
    for extractor in extractors:
        timed(extractor, WARM_UP_HTML, None)

    started = datetime.now(UTC)
    command = shlex.join([Path(sys.executable).name, *sys.argv])
    meta = {
        "command": command,
        "date": started.isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}",
        "extractors": {e.name: e.version for e in extractors},
    }
    print(f"# {command}")
    print(f"# {meta['date']}  Python {meta['python']}  {meta['machine']}")
    print("# " + "  ".join(f"{e.name} {e.version}" for e in extractors))
    rss_start = peak_rss_mb()

    corpora = [load_corpus(p) for p in paths]
    results: dict[str, Any] = {}
    for corpus in corpora:
        tallies, missing = run_corpus(corpus, extractors, args.limit)
        fields = {e.name: e.fields for e in extractors}
        summaries = {name: t.summary(fields[name]) for name, t in tallies.items()}
        pages = next(iter(summaries.values()))["pages"]
        print()
        print(format_corpus(corpus.name, pages, missing, summaries))
        if (targets := check_targets(summaries)) is not None:
            print(targets)
        results[corpus.name] = {
            name: {**summaries[name], "page_rows": tallies[name].pages} for name in tallies
        }
    rss_corpora = peak_rss_mb()

    big: dict[str, Any] = {"skipped": "--no-big-page"}
    if not args.no_big_page:
        big = run_big_page(corpora, extractors)
        print()
        if "runs" in big:
            print(f"== 5 MB page: {big['source']} paragraphs repeated, {big['bytes']:,} bytes")
            for name, run in big["runs"].items():
                note = f"  error: {run['error']}" if run["error"] else ""
                print(f"  {name:14}{run['ms']:>10.0f} ms  {run['words']:>9,} words{note}")
        else:
            print(f"== 5 MB page skipped: {big['skipped']}")
    rss_end = peak_rss_mb()

    print()
    print(
        f"peak RSS (ru_maxrss, whole process, all extractors): after warm-up {rss_start:.0f} MB,"
        f" after corpora {rss_corpora:.0f} MB, at end {rss_end:.0f} MB"
    )
    elapsed = (datetime.now(UTC) - started).total_seconds()
    print(f"wall time {elapsed:.0f} s")
    if args.json:
        report = {
            "meta": meta,
            "corpora": results,
            "big_page": big,
            "peak_rss_mb": {"warm_up": rss_start, "corpora": rss_corpora, "end": rss_end},
        }
        args.json.write_text(
            json.dumps(_no_nan(report), indent=1, ensure_ascii=False), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
