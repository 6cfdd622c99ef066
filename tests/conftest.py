"""Shared fixtures: each test gets its own preferences file and HTTP cache, never the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import PageServer


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point READER_CONFIG at a fresh file so tests neither read nor write real preferences."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("READER_CONFIG", str(path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield path


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point READER_CACHE_DIR at a fresh directory so no test reads or fills the user's cache."""
    path = tmp_path / "cache"
    monkeypatch.setenv("READER_CACHE_DIR", str(path))
    return path


@pytest.fixture
def http_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PageServer]:
    """A real HTTP server on 127.0.0.1 (random port) for this test; see tests/support/server.py."""
    for name in ("NO_PROXY", "no_proxy"):  # a proxy in the environment must not intercept it
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    with PageServer() as server:
        yield server
