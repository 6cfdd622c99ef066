"""Every library test uses a real SQLite file in its own temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import Library


@pytest.fixture(autouse=True)
def isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """READER_LIBRARY points into the test's folder, so no test can touch a real library."""
    path = tmp_path / "default" / "library.sqlite3"
    monkeypatch.setenv("READER_LIBRARY", str(path))
    return path


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    with Library.open(library_path) as opened:
        yield opened
