"""Library benchmark: save throughput, database size and search latency on a generated library.

    python bench/library.py [--articles 10000] [--words 1500] [--db PATH] [--reuse]
        [--html-dir CORPUS] [--extract] [--queries 300] [--seed 1] [--json out.json]

Generates articles of about ``--words`` words (60 % Vietnamese, 40 % English, Zipf-distributed
vocabulary so common words are common and rare ones rare), saves them one transaction each
through ``Library.save`` (as `reader save` will), then runs a mixed set of searches: common,
medium and rare words, two words, phrases, prefixes (2, 3 and 4 letters), Vietnamese typed
without accents, and searches with a tag / site / state filter. Each query runs once; the
report gives p50 / p95 / max per kind and overall.

The saved page (HTML) is synthetic by default: the article's paragraphs inside a few dozen KB of
varied navigation boilerplate. With ``--html-dir`` real pages (``*.html`` or ``*.html.gz``
anywhere under it, e.g. ../shared/corpus) are stored instead, in turn, which gives a realistic
"database size / compressed HTML" ratio. By default extraction is not timed (bench/extraction.py
does that): the figure is the store's own throughput. With ``--extract`` every page is extracted
(``reader.extract.extract``) and the result saved, timed together, as ``reader save`` does with a
page it has fetched: the generated pages, or the real ones with ``--html-dir`` (saved under
made-up URLs, so a corpus smaller than ``--articles`` is saved again as new articles).

``--reuse`` keeps an existing ``--db`` and only runs the searches.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.extract import extract
from reader.library import ArticleState, Library, fold
from reader.model import Article, Heading, Paragraph, Run


def _words(text: str) -> list[str]:
    return text.split()


_VI_ONSETS = [*_words("b c ch d đ g gi h k kh l m n ng nh ph qu r s t th tr v x"), ""]
_VI_VOWELS = _words("a ă â e ê i o ô ơ u ư y ia ươ uô oa")
_VI_CODAS = ["", "", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u"]
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_EN_WORDS = _words(
    "the of and to in is was for that on with as by at from his her which an be this have are "
    "not were they had but one been their has more new after also who first its year two "
    "people state city government report school university house market water health police "
    "court council minister election party member policy energy climate history music film "
    "reader library search article window bridge river garden kitchen station village island "
    "program system network storage memory question answer history morning evening weather"
)
_SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne "
_SYLLABLES += "ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo"
_EN_SYLLABLES = [*_SYLLABLES.split(), "str", "pl", "gr", "th", "ch", "sh", "ck", "nd", "rt"]
_TAGS = [f"topic-{n}" for n in range(30)]
_SITES = [("VnExpress", "vnexpress.net"), ("Tuổi Trẻ", "tuoitre.vn"), ("BBC", "bbc.co.uk")]
_SITES += [(f"Cổng thông tin {n}", f"portal{n}.gov.vn") for n in range(7)]


def _vi_syllable(rng: random.Random) -> str:
    vowel = rng.choice(_VI_VOWELS)
    tone = rng.choice(_TONES)
    index = len(vowel) - 1 if len(vowel) > 1 and vowel[-1] in "ơôa" else 0
    toned = vowel[: index + 1] + tone + vowel[index + 1 :]
    return unicodedata.normalize("NFC", rng.choice(_VI_ONSETS) + toned + rng.choice(_VI_CODAS))


def _en_word(rng: random.Random) -> str:
    return "".join(rng.choice(_EN_SYLLABLES) for _ in range(rng.randint(1, 4)))


class Vocabulary:
    """Zipf-distributed words of one language."""

    def __init__(self, words: Sequence[str], rng: random.Random) -> None:
        self.words = list(dict.fromkeys(words))
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        total = sum(weights)
        self._cum: list[float] = []
        running = 0.0
        for weight in weights:
            running += weight / total
            self._cum.append(running)
        self._rng = rng

    def sample(self, count: int) -> list[str]:
        return self._rng.choices(self.words, cum_weights=self._cum, k=count)


def _vocabularies(rng: random.Random) -> dict[str, Vocabulary]:
    vi = [_vi_syllable(rng) for _ in range(12000)]
    en = _EN_WORDS + [_en_word(rng) for _ in range(30000)]
    return {"vi": Vocabulary(vi, rng), "en": Vocabulary(en, rng)}


def _sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def make_article(
    number: int, words: int, vocab: Vocabulary, language: str, rng: random.Random
) -> Article:
    site, host = _SITES[number % len(_SITES)]
    blocks: list[Heading | Paragraph] = []
    remaining = words
    while remaining > 0:
        size = min(remaining, rng.randint(40, 120))
        sample = vocab.sample(size)
        sentences, start = [], 0
        while start < size:
            end = min(size, start + rng.randint(8, 20))
            sentences.append(_sentence(sample[start:end]))
            start = end
        blocks.append(Paragraph((Run(" ".join(sentences)),)))
        if rng.random() < 0.1:
            blocks.append(Heading(2, (Run(_sentence(vocab.sample(5))[:-1]),)))
        remaining -= size
    title = _sentence(vocab.sample(rng.randint(6, 12)))[:-1]
    return Article(
        url=f"https://{host}/{number}",
        title=title,
        authors=(" ".join(w.title() for w in vocab.sample(2)),),
        published=f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
        site_name=site,
        language=language,
        canonical_url=f"https://{host}/{number}",
        blocks=tuple(blocks),
    )


def _boilerplate(rng: random.Random, vocab: Vocabulary) -> str:
    items = "".join(
        f'<li><a href="/section/{rng.randint(1, 99999)}">{" ".join(vocab.sample(3))}</a></li>'
        for _ in range(rng.randint(150, 300))
    )
    script = "".join(f"var v{rng.randint(0, 10**6)}={rng.random()};" for _ in range(400))
    return f"<nav><ul>{items}</ul></nav><script>{script}</script>"


def synthetic_html(article: Article, rng: random.Random, vocab: Vocabulary) -> bytes:
    paragraphs = "".join(f"<p>{block.text}</p>" for block in article.blocks)
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{article.title}</title></head>"
        f"<body>{_boilerplate(rng, vocab)}<article><h1>{article.title}</h1>{paragraphs}</article>"
        f"<footer>{_boilerplate(rng, vocab)}</footer></body></html>"
    )
    return page.encode()


def real_pages(root: Path) -> Iterator[bytes]:
    paths = sorted(p for p in root.rglob("*") if p.name.endswith((".html", ".html.gz")))
    if not paths:
        raise SystemExit(f"no .html or .html.gz pages under {root}")
    while True:
        for path in paths:
            data = path.read_bytes()
            yield gzip.decompress(data) if path.name.endswith(".gz") else data


def populate(library: Library, args: argparse.Namespace, rng: random.Random) -> dict[str, float]:
    vocabs = _vocabularies(rng)
    pages = real_pages(Path(args.html_dir)) if args.html_dir else None
    save_seconds = 0.0
    empty = 0
    started = time.perf_counter()
    for number in range(args.articles):
        language = "vi" if rng.random() < 0.6 else "en"
        article = make_article(number, args.words, vocabs[language], language, rng)
        html = next(pages) if pages else synthetic_html(article, rng, vocabs[language])
        url = article.url or ""
        t0 = time.perf_counter()
        if args.extract:
            url = f"https://bench.example/{number}"
            article = extract(html, url)
            empty += not article.blocks
        result = library.save(article, html, url, None)
        if number % 5 == 0:
            library.tag(result.id, add=rng.sample(_TAGS, rng.randint(1, 3)))
        if number % 3 == 0:
            library.set_state(result.id, ArticleState.ARCHIVED)
        save_seconds += time.perf_counter() - t0
        if number and number % 1000 == 0:
            print(f"  {number} saved, {number / save_seconds:.0f}/s", file=sys.stderr)
    return {
        "articles": args.articles,
        "extraction_included": bool(args.extract),
        "extracted_empty": empty,
        "save_seconds": round(save_seconds, 2),
        "saves_per_second": round(args.articles / save_seconds, 1),
        "wall_seconds": round(time.perf_counter() - started, 1),
    }


_PUNCTUATION = ".,;:!?\"'()[]{}*-\u2013\u2014\u201c\u201d\u2018\u2019\u00ab\u00bb"
"""Stripped from words drawn from real pages' text, so a query is never only an exclusion."""


def _queries(
    library: Library, rng: random.Random, count: int
) -> list[tuple[str, str, dict[str, str]]]:
    """(kind, query, filters) drawn from the saved articles' own words."""
    samples = library.list(limit=200, sort="title")
    bodies = [
        library.get(s.id).article.text.split() for s in rng.sample(samples, min(50, len(samples)))
    ]
    counted: dict[str, int] = {}
    for words in bodies:
        for word in words:
            word = word.strip(_PUNCTUATION).lower()
            if word:
                counted[word] = counted.get(word, 0) + 1
    by_rank = sorted(counted, key=counted.__getitem__, reverse=True)
    common, medium, rare = by_rank[:20], by_rank[100:600], by_rank[-2000:]
    vietnamese = [w for w in by_rank[:3000] if fold(w) != w]
    kinds: list[tuple[str, str, dict[str, str]]] = []
    for n in range(count):
        words = rng.choice(bodies)
        start = rng.randrange(0, max(1, len(words) - 3))
        match n % 10:
            case 0:
                kinds.append(("common word", rng.choice(common), {}))
            case 1:
                kinds.append(("medium word", rng.choice(medium), {}))
            case 2:
                kinds.append(("rare word", rng.choice(rare), {}))
            case 3:
                kinds.append(("two words", f"{rng.choice(medium)} {rng.choice(medium)}", {}))
            case 4:
                phrase = " ".join(w.strip(_PUNCTUATION) for w in words[start : start + 2])
                kinds.append(("phrase", f'"{phrase}"', {}))
            case 5:
                word = rng.choice(medium + common)
                size = rng.choice((2, 3, 4))
                kinds.append((f"prefix {size}", word[:size] + "*", {}))
            case 6:
                kinds.append(("no accents (vi)", fold(rng.choice(vietnamese)), {}))
            case 7:
                kinds.append(("tag filter", rng.choice(common), {"tag": rng.choice(_TAGS)}))
            case 8:
                site = rng.choice(_SITES)[1]
                kinds.append(("site filter", rng.choice(medium), {"site": site}))
            case _:
                kinds.append(("state filter", rng.choice(common), {"state": "unread"}))
    return kinds


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_search(library: Library, rng: random.Random, count: int) -> dict[str, object]:
    queries = _queries(library, rng, count)
    library.search("warm up")
    times: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    for kind, query, filters in queries:
        t0 = time.perf_counter()
        found = library.search(query, 20, **filters)  # type: ignore[arg-type]
        elapsed = (time.perf_counter() - t0) * 1000
        times.setdefault(kind, []).append(elapsed)
        hits.setdefault(kind, []).append(len(found))
    every = [t for values in times.values() for t in values]
    report: dict[str, object] = {
        "queries": len(every),
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(_percentile(every, 0.95), 1),
        "max_ms": round(max(every), 1),
    }
    report["by_kind"] = {
        kind: {
            "n": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(_percentile(values, 0.95), 1),
            "max_ms": round(max(values), 1),
            "mean_hits": round(statistics.mean(hits[kind]), 1),
        }
        for kind, values in sorted(times.items())
    }
    return report


def measure_size(path: Path) -> dict[str, object]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        html = conn.execute("SELECT coalesce(sum(length(html)), 0) FROM article_bodies").fetchone()[
            0
        ]
        images = conn.execute("SELECT coalesce(sum(length(data)), 0) FROM images").fetchone()[0]
        parts = dict(
            conn.execute(
                "SELECT CASE WHEN name LIKE 'article_fts%' THEN 'search index' ELSE name END,"
                " sum(pgsize) FROM dbstat GROUP BY 1 ORDER BY 2 DESC LIMIT 8"
            ).fetchall()
        )
        columns = {row[1] for row in conn.execute("PRAGMA table_info(article_bodies)")}
        body = "length(CAST(body_text AS BLOB))" if "body_text" in columns else "0"
        text = conn.execute(
            f"SELECT sum({body}), sum(length(article_json)) FROM article_bodies"
        ).fetchone()
    finally:
        conn.close()
    size = path.stat().st_size
    return {
        "db_bytes": size,
        "compressed_html_bytes": html,
        "image_bytes": images,
        "ratio_db_to_html_plus_images": round(size / max(1, html + images), 2),
        "body_text_bytes": text[0],  # 0 since schema version 2 (no separate copy)
        "article_json_bytes": text[1],
        "largest_parts_bytes": parts,
    }


def measure_list(library: Library) -> dict[str, float]:
    t0 = time.perf_counter()
    rows = library.list()
    every = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    library.list(limit=100, sort="title")
    first = (time.perf_counter() - t0) * 1000
    return {
        "rows": len(rows),
        "all_rows_ms": round(every, 1),
        "first_100_by_title_ms": round(first, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=1500)
    parser.add_argument("--db", type=Path, help="library file (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="search an existing --db only")
    parser.add_argument("--html-dir", help="store real pages from this folder as the HTML")
    parser.add_argument(
        "--extract", action="store_true", help="extract each page and time it with the save"
    )
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "library.sqlite3"
        if not args.reuse and path.exists():
            raise SystemExit(f"{path} exists; pass --reuse to search it, or choose another --db")
        report: dict[str, object] = {"library": str(path)}
        with Library.open(path) as library:
            if not args.reuse:
                print(f"saving {args.articles} articles of ~{args.words} words", file=sys.stderr)
                report["save"] = populate(library, args, rng)
            report["list"] = measure_list(library)
            report["search"] = measure_search(library, rng, args.queries)
        report["size"] = measure_size(path)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
