"""Time and peak memory of one extraction of a huge page, in a fresh process.

    python bench/huge_page.py /work/shared/corpus 52          # a 52 MB page, given as str
    python bench/huge_page.py /work/shared/corpus 52 --bytes  # the same page as raw bytes

The page is bench/extraction.py's big page (one corpus page's paragraphs repeated) grown to the
given size. Run it once per measurement: ru_maxrss is the peak of the whole process.
"""

from __future__ import annotations

import argparse
import resource
import runpy
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("megabytes", type=float)
    parser.add_argument("--bytes", action="store_true", help="pass the page as bytes, not str")
    args = parser.parse_args()
    if not args.corpus_dir.is_dir():
        print(f"error: no corpus folder at {args.corpus_dir}", file=sys.stderr)
        return 2
    harness = str(Path(__file__).with_name("extraction.py"))
    bench = runpy.run_path(harness, run_name="bench_extraction")
    corpora = [bench["load_corpus"](p) for p in bench["find_corpora"](args.corpus_dir)]
    _label, html = bench["big_page"](corpora, int(args.megabytes * 1_000_000))
    page: str | bytes = html.encode("utf-8") if args.bytes else html
    del corpora, html

    from reader.extract import extract

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    article = extract(page, None)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.megabytes:g} MB page as {type(page).__name__}: {seconds:.2f} s, "
        f"peak RSS {peak:.0f} MB (before extract {before:.0f} MB), "
        f"{article.word_count:,} words, {len(article.blocks):,} blocks, "
        f"note: {article.metadata.get('truncated', '-')}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
