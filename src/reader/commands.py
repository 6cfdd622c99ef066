"""Library commands: `reader save | list | search | open | rm | tag`.

The reading command (`reader SOURCE`) lives in cli.py; these verbs manage the offline library.
Output is for people by default and `--json` for scripts; every failure is a ReaderError, so
cli.main turns it into one line and an exit code.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TextIO

from reader.errors import ReaderError, UsageError
from reader.library import (
    ArticleState,
    ArticleSummary,
    Library,
    SearchHit,
    mark,
)
from reader.sanitize import inert_json, one_line

if TYPE_CHECKING:
    from reader.library.imports import ImportItem

SAVE_CONCURRENCY = 4


def build_parser() -> argparse.ArgumentParser:
    from reader.cli import ReaderArgumentParser

    parser = ReaderArgumentParser(
        prog="reader",
        description="Manage the offline library of saved articles.",
    )
    common = ReaderArgumentParser(add_help=False)
    common.add_argument(
        "--library",
        metavar="PATH",
        help="the library file (default: $READER_LIBRARY or the platform's data directory)",
    )
    verbs = parser.add_subparsers(dest="command", required=True, parser_class=ReaderArgumentParser)

    def verb(name: str, help: str) -> argparse.ArgumentParser:
        return verbs.add_parser(name, help=help, description=help, parents=[common])

    save = verb("save", "fetch pages and save them into the library")
    save.add_argument(
        "sources", nargs="+", metavar="URL", help="URLs or files; - reads URLs from stdin"
    )
    save.add_argument("--tag", action="append", default=[], help="tag every saved article")
    save.add_argument(
        "--refresh", action="store_true", help="fetch again pages that are already saved"
    )
    save.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS")
    save.add_argument(
        "--no-images", action="store_true", help="save the text only, not the article's pictures"
    )

    listing = verb("list", "list saved articles, newest first")
    _add_filters(listing)
    listing.add_argument(
        "--sort",
        choices=("saved", "updated", "title", "site", "length", "published", "state"),
        default="saved",
    )
    listing.add_argument("--limit", type=int, default=None)
    listing.add_argument("--json", action="store_true", help="machine-readable output")

    search = verb("search", "full-text search (accents and case ignored)")
    search.add_argument("query", nargs="+", help='words, "a phrase", prefix*, -word, OR')
    _add_filters(search)
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="machine-readable output")

    opener = verb("open", "read a saved article (no network)")
    opener.add_argument("id", type=int)
    opener.add_argument("-f", "--format", choices=("text", "markdown", "json"))

    remove = verb("rm", "delete saved articles")
    remove.add_argument("ids", type=int, nargs="+", metavar="ID")
    remove.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")

    tag = verb("tag", "add (+name) or remove (-name) tags: reader tag 3 +a -b")
    tag.add_argument("id", type=int)
    tag.add_argument("changes", nargs=argparse.REMAINDER, metavar="+TAG|-TAG")
    tag.add_argument("--json", action="store_true")
    exporter = verb("export", "write saved articles to Markdown, HTML, EPUB or JSON (no network)")
    exporter.add_argument("ids", type=int, nargs="*", metavar="ID", help="articles to export")
    exporter.add_argument("--all", action="store_true", help="every article the filters match")
    _add_filters(exporter)
    exporter.add_argument("-f", "--format", choices=EXPORT_FORMATS, required=True)
    exporter.add_argument("-o", "--output", required=True, metavar="PATH")
    exporter.add_argument("--title", help="the book's or page's title for a collection")
    exporter.add_argument(
        "--split", action="store_true", help="markdown: one file per article in the PATH folder"
    )

    verb("library", "browse, search and open saved articles in the terminal (no network)")

    importer = verb("import", "import a URL list, Pocket, Instapaper, Wallabag or reader export")
    importer.add_argument("file", metavar="FILE", help="the export file, or - for stdin")
    importer.add_argument("--format", dest="import_format", metavar="FORMAT", help="(auto)")
    importer.add_argument(
        "--no-fetch", action="store_true", help="only import what needs no network"
    )
    importer.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS")
    importer.add_argument(
        "--no-images", action="store_true", help="save fetched pages without their pictures"
    )
    return parser


EXPORT_FORMATS = ("markdown", "html", "epub", "json")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tag", help="only articles with this tag")
    parser.add_argument("--site", help="only articles from this site (name or host)")
    parser.add_argument("--state", choices=[s.value for s in ArticleState])
    parser.add_argument("--favourite", action="store_true", help="only favourites")


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "tag": args.tag,
        "site": args.site,
        "state": args.state,
        "favourite": True if args.favourite else None,
    }


def run(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    handler: Callable[[argparse.Namespace, Library], int] = _HANDLERS[args.command]
    with Library.open(args.library) as library:
        return handler(args, library)


# --- save -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    source: str
    status: str
    """"saved", "updated", "skipped" (already saved) or "failed"."""
    id: int | None = None
    error: ReaderError | None = None


def _sources(raw: Sequence[str]) -> list[str]:
    sources: list[str] = []
    for item in raw:
        if item == "-":
            lines = sys.stdin.read().splitlines()
            sources.extend(s for line in lines if (s := line.strip()) and not s.startswith("#"))
        else:
            sources.append(item)
    return list(dict.fromkeys(sources))


def _save(args: argparse.Namespace, library: Library) -> int:
    sources = _sources(args.sources)
    if not sources:
        raise UsageError("no URLs to save", "give URLs as arguments, or one per line on stdin")
    from reader.library.imports import ImportItem

    items = [ImportItem(url=source, tags=tuple(args.tag)) for source in sources]
    outcomes = asyncio.run(
        _fetch_and_save(items, library, args.refresh, args.timeout, images=not args.no_images)
    )
    return _report(outcomes)


def _report(outcomes: Sequence[SaveOutcome], imported: int = 0) -> int:
    counts = {s: sum(o.status == s for o in outcomes) for s in ("saved", "updated", "skipped")}
    failed = [o for o in outcomes if o.error is not None]
    out = sys.stderr
    for outcome in failed:
        print(f"failed: {one_line(outcome.source)}: {outcome.error}", file=out)
    summary = f"saved {counts['saved']}, updated {counts['updated']}, "
    if imported:
        summary = f"imported {imported} without fetching, " + summary
    print(summary + f"already saved {counts['skipped']}, failed {len(failed)}", file=out)
    return failed[0].error.exit_code if failed and failed[0].error else 0


async def _fetch_and_save(
    items: Sequence[ImportItem],
    library: Library,
    refresh: bool,
    timeout: float,
    *,
    images: bool = True,
) -> list[SaveOutcome]:
    """Fetch each item's page (bounded concurrency) and save it, applying the item's tags and
    states; one failure never stops the others. With `images`, the article's pictures are
    fetched after its page (reader.images: http(s) only, capped; a picture never fails a save)
    and stored in the same transaction."""
    from reader.config import load_preferences
    from reader.fetch import make_client
    from reader.images import fetch_images
    from reader.library.imports import save_item
    from reader.load import load_page

    language = load_preferences().language

    limit = asyncio.Semaphore(SAVE_CONCURRENCY)
    progress = _Progress(len(items))
    client = make_client() if images else None

    async def save_one(item: ImportItem) -> SaveOutcome:
        source = item.url
        existing = library.find(source)
        if existing is not None and not refresh:
            progress.step(source, "already saved")
            return SaveOutcome(source, "skipped", existing)
        async with limit:
            try:
                page, article = await load_page(source, timeout=timeout, language=language)
            except ReaderError as error:
                progress.step(source, "failed")
                return SaveOutcome(source, "failed", error=error)
            pictures = None
            if client is not None:
                pictures = await fetch_images(article, page.url, client=client) or None
        if "://" not in source:  # a local file: remember it by its absolute path
            item = replace(item, url=page.url)
        result = await asyncio.to_thread(
            save_item, library, item, article, page.data, final_url=page.url, images=pictures
        )
        status = "saved" if result.created else "updated"
        progress.step(source, status)
        return SaveOutcome(source, status, result.id)

    try:
        return list(await asyncio.gather(*(save_one(item) for item in items)))
    finally:
        progress.close()
        if client is not None:
            await client.aclose()


class _Progress:
    """A rich progress bar on stderr when it is a terminal; silence otherwise (scripts, pipes)."""

    def __init__(self, total: int) -> None:
        self._bar: Any = None
        if sys.stderr.isatty():
            from rich.progress import Progress

            self._bar = Progress(transient=True, console=None)
            self._bar.start()
            self._task = self._bar.add_task("saving", total=total)

    def step(self, source: str, what: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, description=f"{what}: {one_line(source)[:50]}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


# --- list / search --------------------------------------------------------------------------------


def _summary_json(row: ArticleSummary) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "url": row.page_url,
        "site": row.site,
        "authors": list(row.authors),
        "published": row.published,
        "saved_at": row.saved_at.isoformat(),
        "words": row.word_count,
        "state": row.state.value,
        "favourite": row.favourite,
        "tags": list(row.tags),
    }


def _print_json(data: object, out: TextIO) -> None:
    out.write(inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def _list(args: argparse.Namespace, library: Library) -> int:
    rows = library.list(**_filters(args), sort=args.sort, limit=args.limit)
    if args.json:
        _print_json([_summary_json(r) for r in rows], sys.stdout)
        return 0
    if not rows:
        print("the library is empty" if not any(_filters(args).values()) else "nothing matches")
        return 0
    for row in rows:
        print(_summary_line(row))
    return 0


def _summary_line(row: ArticleSummary) -> str:
    flags = ("★" if row.favourite else " ") + ("A" if row.state == ArticleState.ARCHIVED else " ")
    tags = f"  [{', '.join(row.tags)}]" if row.tags else ""
    site = one_line(row.site or row.host or "")
    saved = row.saved_at.strftime("%Y-%m-%d")
    return f"{row.id:>5} {flags} {saved}  {one_line(row.title)[:70]}  — {site}{tags}"


def _search(args: argparse.Namespace, library: Library) -> int:
    hits = library.search(" ".join(args.query), args.limit, **_filters(args))
    if args.json:
        _print_json([_hit_json(h) for h in hits], sys.stdout)
        return 0
    if not hits:
        print("no matches")
        return 0
    for hit in hits:
        print(f"{hit.id:>5}  {one_line(mark(hit.title, hit.title_spans, '»', '«'))}")
        print(f"       {one_line(mark(hit.snippet, hit.snippet_spans, '»', '«'))}")
    return 0


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "site": hit.site,
        "snippet": hit.snippet,
        "snippet_spans": [list(s) for s in hit.snippet_spans],
        "title_spans": [list(s) for s in hit.title_spans],
        "rank": hit.rank,
    }


# --- open / rm / tag ------------------------------------------------------------------------------


def _open(args: argparse.Namespace, library: Library) -> int:
    from reader.plain import Format, render

    saved = library.get(args.id)
    fmt: Format | None = args.format or (None if sys.stdout.isatty() else "text")
    if fmt is not None:
        sys.stdout.write(render(saved.article, fmt))
        return 0
    from reader.config import load_preferences
    from reader.tui.app import ReaderApp

    app = ReaderApp(saved=saved, library=library, preferences=load_preferences())
    result = app.run()
    return result if isinstance(result, int) else 0


def _library(args: argparse.Namespace, library: Library) -> int:
    """The library screen: a table of saved articles, searched as you type; Enter reads one."""
    if not sys.stdout.isatty():
        raise UsageError(
            "the library screen needs a terminal", "in scripts use `reader list` or `reader search`"
        )
    from reader.config import load_preferences
    from reader.tui.app import ReaderApp

    app = ReaderApp(library=library, open_library=True, preferences=load_preferences())
    result = app.run()
    return result if isinstance(result, int) else 0


def _rm(args: argparse.Namespace, library: Library) -> int:
    rows = [library.get(i) for i in dict.fromkeys(args.ids)]  # ArticleNotFound before deleting any
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("refusing to delete without confirmation", "add --yes in scripts")
        titles = "\n".join(f"  {r.id}: {one_line(r.title)}" for r in rows)
        answer = input(f"Delete {len(rows)} article(s)?\n{titles}\n[y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("nothing deleted")
            return 0
    for row in rows:
        library.delete(row.id)
    print(f"deleted {len(rows)} article(s)")
    return 0


def _tag(args: argparse.Namespace, library: Library) -> int:
    add, remove = _tag_changes(args.changes)
    tags = library.tag(args.id, add=add, remove=remove)
    if args.json or "--json" in args.changes:
        _print_json({"id": args.id, "tags": list(tags)}, sys.stdout)
    else:
        print(f"{args.id}: {', '.join(tags) if tags else '(no tags)'}")
    return 0


def _tag_changes(changes: Iterable[str]) -> tuple[list[str], list[str]]:
    add: list[str] = []
    remove: list[str] = []
    for change in changes:
        if change == "--json":
            continue
        if change.startswith("+") and len(change) > 1:
            add.append(change[1:])
        elif change.startswith("-") and len(change) > 1:
            remove.append(change[1:])
        else:
            raise UsageError(f"not a tag change: {change!r}", "write +name to add, -name to remove")
    if not add and not remove:
        raise UsageError("no tag changes given", "e.g. reader tag 3 +politics -later")
    return add, remove


# --- export / import ------------------------------------------------------------------------------


def _export(args: argparse.Namespace, library: Library) -> int:
    from pathlib import Path

    from reader.library.export import (
        load_entries,
        write_epub,
        write_html,
        write_json,
        write_markdown,
    )

    if args.ids and args.all:
        raise UsageError("give article ids or --all, not both")
    if args.ids:
        ids = list(dict.fromkeys(args.ids))
    elif args.all:
        ids = [row.id for row in library.list(**_filters(args), descending=False)]
    else:
        raise UsageError("nothing to export", "give article ids, or --all (with filters)")
    if not ids:
        raise UsageError("no saved articles match", "check the filters with `reader list`")
    entries = load_entries(library, ids, html=args.format == "json")
    target = Path(args.output).expanduser()
    if args.format == "markdown":
        written = write_markdown(entries, target, split=args.split)
    elif args.format == "html":
        written = [write_html(entries, target, title=args.title)]
    elif args.format == "epub":
        written = [write_epub(entries, target, title=args.title)]
    else:
        written = [write_json(entries, target)]
    print(f"exported {len(entries)} article(s) to {written[0] if len(written) == 1 else target}")
    return 0


def _import(args: argparse.Namespace, library: Library) -> int:
    from pathlib import Path

    from reader.library.imports import apply_items, parse_import, read_import

    if args.file == "-":
        batch = parse_import(sys.stdin.buffer.read(), "<stdin>", args.import_format)
    else:
        batch = read_import(Path(args.file).expanduser(), args.import_format)
    for line in batch.skipped:
        print(f"skipped: {one_line(str(line))}", file=sys.stderr)
    report = apply_items(library, batch.items)
    for item, reason in report.failed:
        print(f"failed: {one_line(item.url)}: {one_line(reason)}", file=sys.stderr)
    outcomes: list[SaveOutcome] = []
    if report.to_fetch and args.no_fetch:
        print(f"not fetched (--no-fetch): {len(report.to_fetch)} URL(s)", file=sys.stderr)
    elif report.to_fetch:
        outcomes = asyncio.run(
            _fetch_and_save(
                report.to_fetch, library, False, args.timeout, images=not args.no_images
            )
        )
    outcomes.extend(SaveOutcome("", "skipped", i) for i in report.merged)
    code = _report(outcomes, imported=len(report.saved))
    return code or (3 if report.failed else 0)


_HANDLERS: dict[str, Callable[[argparse.Namespace, Library], int]] = {
    "export": _export,
    "import": _import,
    "save": _save,
    "list": _list,
    "search": _search,
    "open": _open,
    "rm": _rm,
    "tag": _tag,
    "library": _library,
}
