"""The `reader` command: parse arguments, wire the layers, turn every failure into one line.

Exit codes (also in the README): 0 success, 1 unexpected internal error, 2 usage, 3 unreadable
file or input, 4 network failure, 5 HTTP error / too large / redirect loop, 6 not an article,
130 interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from reader import __version__
from reader.errors import ReaderError, UsageError
from reader.plain import FORMATS, Format, render

COMMANDS = ("save", "list", "search", "open", "rm", "tag", "export", "import", "library")
"""First words that name a library command (commands.py); a file so named is opened as ./NAME."""

EXIT_INTERNAL = 1
EXIT_INTERRUPTED = 130

EPILOG = """\
keys in the reading view (? shows them all):
  + or =  larger text      -  smaller text      0  default size
  ]       more contrast    [  less contrast     t  next theme    w  WCAG spacing
  j k arrows  line    space b PgDn PgUp  page    g G Home End  top/end
  } {  next/previous heading    c  contents     /  find    n N  next/previous hit
  f  number links    l  link list    Backspace  back    o  browser    y  copy address
  s  save to the library    L  library    R  remember this site's look
  ctrl+p  all commands    q  quit

library: reader save|list|search|open|rm|tag|export|import|library ... (reader list --help)

exit codes: 0 ok, 2 usage, 3 unreadable file, 4 network, 5 HTTP error or too large,
6 not an article, 7 library unusable, 1 internal error. Preferences: a TOML file (README).
"""


class ReaderArgumentParser(argparse.ArgumentParser):
    """argparse that reports errors in our one-line style instead of printing usage."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = ReaderArgumentParser(
        prog="reader",
        description="Read web articles in the terminal: reader mode, text size and contrast.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "source",
        nargs="?",
        help="an http(s) URL, a local HTML file, a file:// URL, or - for standard input",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the bundled sample article (no network)"
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="print the article as text, markdown or json and exit "
        "(the default when output is not a terminal is text)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=15.0,
        metavar="SECONDS",
        help="give up on a page after this long (default 15)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="fetch the page afresh: neither use nor fill the HTTP cache",
    )
    from collections.abc import Callable

    from reader.themes import parse_contrast, parse_size, parse_spacing, parse_theme

    def checked(parse: Callable[[str], object]) -> Callable[[str], object]:
        """argparse shows an ArgumentTypeError's own words: the list of valid values."""

        def convert(value: str) -> object:
            try:
                return parse(value)
            except ValueError as error:
                raise argparse.ArgumentTypeError(str(error)) from error

        return convert

    view = parser.add_argument_group(
        "reading view, for this run only (saved only if you then change it in the app)"
    )
    view.add_argument(
        "--size",
        type=checked(parse_size),
        metavar="STEP",
        help="text size: 1-7 as the toolbar counts, or smallest, smaller, small, default, "
        "large, larger, largest",
    )
    view.add_argument(
        "--contrast",
        type=checked(parse_contrast),
        metavar="STEP",
        help="contrast: 1-4, or soft (4.5:1), standard (7:1), high (12:1), maximum (21:1)",
    )
    view.add_argument(
        "--theme",
        type=checked(parse_theme),
        metavar="NAME",
        help="light, dark, sepia, or ansi-dark / ansi-light (your terminal's own colours)",
    )
    view.add_argument(
        "--spacing",
        type=checked(parse_spacing),
        metavar="NAME",
        help="text spacing: normal, or wcag (WCAG 1.4.12: a spacer row after each line, "
        "two between paragraphs, wider word gaps)",
    )
    parser.add_argument("-V", "--version", action="version", version=f"reader-tui {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in COMMANDS:
            from reader.commands import run as run_command

            return run_command(arguments)
        return _run(build_parser().parse_args(arguments))
    except ReaderError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted", EXIT_INTERRUPTED)
    except Exception as error:  # the last line of defence: never a traceback
        if os.environ.get("READER_DEBUG"):
            raise
        return _fail(
            f"internal error: {type(error).__name__}: {error}"
            " — please report it; run with READER_DEBUG=1 for details",
            EXIT_INTERNAL,
        )


def _fail(message: str, code: int) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return code


def _run(args: argparse.Namespace) -> int:
    if args.demo and args.source:
        raise UsageError("give either a source or --demo, not both")
    if not args.demo and not args.source:
        raise UsageError(
            "no article to open",
            "give a URL or a file, or try `reader --demo`; `reader --help` lists the options",
        )
    if args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")

    fmt: Format | None = args.format
    if fmt is None and not sys.stdout.isatty():
        fmt = "text"
    if fmt is not None:
        return _print_article(args, fmt, sys.stdout)
    return _run_tui(args)


def _print_article(args: argparse.Namespace, fmt: Format, out: TextIO) -> int:
    from reader.config import load_preferences
    from reader.load import demo_article, load_article

    article = (
        demo_article()
        if args.demo
        else asyncio.run(
            load_article(
                args.source,
                timeout=args.timeout,
                use_cache=not args.no_cache,
                language=load_preferences().language,
            )
        )
    )
    if isinstance(out, io.TextIOWrapper):
        out.reconfigure(errors="replace")  # a C locale must not turn a page into a crash
    out.write(render(article, fmt))
    out.flush()
    return 0


def _run_tui(args: argparse.Namespace) -> int:
    from reader.config import Overrides, load_preferences
    from reader.load import demo_article, load_page
    from reader.tui.app import Loaded, ReaderApp

    preferences = load_preferences()
    overrides = Overrides(
        size=args.size, contrast=args.contrast, theme=args.theme, spacing=args.spacing
    )

    async def follow(url: str) -> Loaded:
        """Links followed in the reader load like the first article (with the page, so that
        `s` can save it)."""
        return await load_page(
            url,
            timeout=args.timeout,
            use_cache=not args.no_cache,
            allow_local=False,
            language=preferences.language,
        )

    if args.demo:
        app = ReaderApp(
            article=demo_article(), preferences=preferences, overrides=overrides, link_loader=follow
        )
    else:
        source: str = args.source
        if source == "-":
            # The page arrives on stdin; read it now, then give the app the terminal back.
            page, article = asyncio.run(
                load_page(
                    source,
                    timeout=args.timeout,
                    use_cache=not args.no_cache,
                    language=preferences.language,
                )
            )
            _reattach_terminal_stdin()
            app = ReaderApp(
                article=article,
                page=page,
                preferences=preferences,
                overrides=overrides,
                link_loader=follow,
            )
        else:

            async def loader() -> Loaded:
                return await load_page(
                    source,
                    timeout=args.timeout,
                    use_cache=not args.no_cache,
                    language=preferences.language,
                )

            app = ReaderApp(
                loader=loader, preferences=preferences, overrides=overrides, link_loader=follow
            )
    result = app.run()
    return result if isinstance(result, int) else 0


def _reattach_terminal_stdin() -> None:
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise UsageError(
            "standard input was the page and there is no terminal to read keys from",
            "use --format text to print it instead",
        ) from error
    os.dup2(tty, 0)
    os.close(tty)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115  (stdin lives as long as the process)
