"""Reading preferences (size step, contrast step, theme) kept in a small TOML file.

The file belongs to the user: it is read leniently (bad values fall back to defaults, with a
note), written back with tomlkit so their comments survive, replaced atomically, and never
overwritten when it cannot be parsed — the reader reports that instead.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.themes import (
    CONTRAST_LADDER,
    DEFAULT_CONTRAST,
    DEFAULT_SIZE,
    DEFAULT_THEME,
    SIZE_LADDER,
    THEMES,
)

ENV_VAR = "READER_CONFIG"
"""Overrides the preferences path (tests and portable setups)."""

_HEADER = f"""\
reader-tui preferences; the reader rewrites the values below and keeps your comments.
size: 0 (smallest) .. {len(SIZE_LADDER) - 1} (largest); {DEFAULT_SIZE} is the default.
contrast: {", ".join(f"{i} {step.name}" for i, step in enumerate(CONTRAST_LADDER))}.
theme: {", ".join(THEMES)}."""


class ConfigError(ReaderError):
    """The preferences file could not be read or written."""

    exit_code = 2
    hint = "fix or delete the preferences file; the reader uses defaults meanwhile"


@dataclass(frozen=True, slots=True)
class Preferences:
    size: int = DEFAULT_SIZE
    """Index into themes.SIZE_LADDER."""
    contrast: int = DEFAULT_CONTRAST
    """Index into themes.CONTRAST_LADDER."""
    theme: str = DEFAULT_THEME
    problems: tuple[str, ...] = field(default=(), compare=False)
    """What was wrong with the file when these were loaded (shown to the user, not saved)."""


def config_path() -> Path:
    """READER_CONFIG if set, else the platform's user config dir."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path("reader-tui") / "config.toml"


def _integer(data: dict[str, Any], key: str, default: int, top: int, problems: list[str]) -> int:
    if key not in data:
        return default
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"{key} = {value!r} is not a whole number; using {default}")
        return default
    if not 0 <= value <= top:
        clamped = max(0, min(top, value))
        problems.append(f"{key} = {value} is outside 0..{top}; using {clamped}")
        return clamped
    return value


def load_preferences(path: Path | None = None) -> Preferences:
    """Never raises: a missing file gives defaults; a broken one gives defaults plus problems."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Preferences()
    except OSError as error:
        return Preferences(problems=(f"cannot read {path}: {error.strerror or error}",))
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Preferences(
            problems=(f"{path} is not valid TOML ({error}); it will not be overwritten",)
        )
    problems: list[str] = []
    size = _integer(data, "size", DEFAULT_SIZE, len(SIZE_LADDER) - 1, problems)
    contrast = _integer(data, "contrast", DEFAULT_CONTRAST, len(CONTRAST_LADDER) - 1, problems)
    theme = data.get("theme", DEFAULT_THEME)
    if theme not in THEMES:
        problems.append(
            f"theme = {theme!r} is not one of {', '.join(THEMES)}; using {DEFAULT_THEME}"
        )
        theme = DEFAULT_THEME
    return Preferences(size=size, contrast=contrast, theme=theme, problems=tuple(problems))


def save_preferences(preferences: Preferences, path: Path | None = None) -> Path:
    """Write the three values, keeping everything else in the file; returns the path written.

    Raises ConfigError, leaving the file untouched, when it exists but cannot be parsed or
    when writing fails.
    """
    import tomlkit  # lazily: only needed when something changed
    from tomlkit.exceptions import TOMLKitError

    path = path or config_path()
    try:
        existing = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        existing = None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read {path} to update it: {error}") from error
    if existing is None:
        document = tomlkit.document()
        for line in _HEADER.splitlines():
            document.add(tomlkit.comment(line))
    else:
        try:
            document = tomlkit.parse(existing)
        except TOMLKitError as error:
            raise ConfigError(f"{path} is not valid TOML ({error}); not overwriting it") from error
    document["size"] = preferences.size
    document["contrast"] = preferences.contrast
    document["theme"] = preferences.theme
    _write_atomically(path, tomlkit.dumps(document))
    return path


def _write_atomically(path: Path, text: str) -> None:
    """Write a sibling temp file then rename it over the target: never a half-written file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ConfigError(f"cannot write {path}: {error.strerror or error}") from error
