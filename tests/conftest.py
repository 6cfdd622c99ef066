"""Shared fixtures. Every test runs with its own preferences file, never the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point READER_CONFIG at a fresh file so tests neither read nor write real preferences."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("READER_CONFIG", str(path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield path
