"""Library failures, in the ReaderError taxonomy (exit code 7 for the store itself).

Every message names the database path, and every hint says how to recover without losing data:
the library never deletes, replaces or "repairs" a file it cannot read.
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import ReaderError, UsageError


class LibraryError(ReaderError):
    """The library database cannot be used as asked."""

    exit_code = 7
    hint = "check the library path (--library or READER_LIBRARY)"


class LibraryCorrupt(LibraryError):
    """The file is not an SQLite database, or SQLite reports it damaged."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(
            f"the library {path} is damaged or not a library ({detail})",
            f"it was left untouched; move it aside (e.g. to {path.name}.broken) and restore a"
            " backup, or start a new library elsewhere with --library PATH",
        )


class NotALibrary(LibraryError):
    """An SQLite database of some other program: never write our tables into it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} is an SQLite database of another program, not a reader library",
            "it was left untouched; choose another path with --library PATH or READER_LIBRARY",
        )


class LibraryTooNew(LibraryError):
    """Written by a newer reader: its schema is unknown here, so it is not touched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = path
        self.found = found
        self.known = known
        super().__init__(
            f"the library {path} has schema version {found}, newer than this reader's {known}",
            "upgrade reader-tui to open it; the file was not modified",
        )


class LibraryBusy(LibraryError):
    """Another process held the database for longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"the library {path} is busy (another reader is writing to it)",
            "try again in a moment",
        )


class LibraryUnavailable(LibraryError):
    """The operating system would not let us open, read or write the file."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(
            f"cannot use the library {path} ({detail})",
            "check that the path and its folder exist, are writable and that the disk is not full",
        )


class ArticleNotFound(LibraryError):
    """No saved article has this id (it may have been deleted).

    A wrong id is a usage error (exit 2), not an unusable library (7)."""

    exit_code = 2

    def __init__(self, article_id: int) -> None:
        self.article_id = article_id
        super().__init__(
            f"no saved article has id {article_id}", "`reader list` shows the saved articles"
        )


class InvalidQuery(UsageError):
    """A search query that asks for nothing findable (only exclusions, or far too long)."""

    hint = 'search for words, "a phrase", a prefix* or -word to exclude'


class InvalidTag(UsageError):
    """A tag that is empty or too long once cleaned."""

    hint = "a tag is 1 to 64 characters of text"
