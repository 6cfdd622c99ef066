"""Reading preferences (size, contrast, theme, text spacing, reading speed) in a small TOML file.

The file belongs to the user: it is read leniently (bad values fall back to defaults, with a
note), written back with tomlkit so their comments survive, replaced atomically, and never
overwritten when it cannot be parsed — the reader reports that instead.

Per-run flags (`--size`, `--contrast`, `--theme`, `--spacing`) are `Overrides`: they change
what is shown, not the file. A value reaches the file only when the reader changes it in the
app (a key, a button, a command): then that value, and only that one, is saved.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.themes import (
    ALL_THEMES,
    CONTRAST_LADDER,
    DEFAULT_CONTRAST,
    DEFAULT_SIZE,
    DEFAULT_SPACING,
    DEFAULT_THEME,
    SIZE_LADDER,
    SPACINGS,
    Spacing,
)

ENV_VAR = "READER_CONFIG"
"""Overrides the preferences path (tests and portable setups)."""

_HEADER = f"""\
reader-tui preferences; the reader rewrites the values below and keeps your comments.
size: 0 (smallest) .. {len(SIZE_LADDER) - 1} (largest); {DEFAULT_SIZE} is the default.
contrast: {", ".join(f"{i} {step.name}" for i, step in enumerate(CONTRAST_LADDER))}.
theme: {", ".join(ALL_THEMES)}.
spacing (written once you first toggle it, w): "normal", or "wcag" for WCAG 1.4.12 text spacing.
words_per_minute: your reading speed, for the time left in the footer (default 230; set by hand)."""

DEFAULT_WORDS_PER_MINUTE = 230
WORDS_PER_MINUTE_RANGE = (30, 2000)


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
    spacing: Spacing = DEFAULT_SPACING
    """"wcag": WCAG 1.4.12 text spacing on top of the size step (themes.wcag_spacing)."""
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE
    """Reading speed for "3 min left"; only ever set by hand in the file."""
    problems: tuple[str, ...] = field(default=(), compare=False)
    """What was wrong with the file when these were loaded (shown to the user, not saved)."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Values given for one run (command-line flags); None keeps the saved preference."""

    size: int | None = None
    contrast: int | None = None
    theme: str | None = None
    spacing: Spacing | None = None

    def apply(self, preferences: Preferences) -> Preferences:
        """What the reader starts with: the saved preferences with these values on top."""
        changes = {
            name: value
            for name in ("size", "contrast", "theme", "spacing")
            if (value := getattr(self, name)) is not None
        }
        return replace(preferences, **changes)


def config_path() -> Path:
    """READER_CONFIG if set, else the platform's user config dir."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path("reader-tui") / "config.toml"


def _integer(
    data: dict[str, Any],
    key: str,
    default: int,
    top: int,
    problems: list[str],
    bottom: int = 0,
) -> int:
    if key not in data:
        return default
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"{key} = {value!r} is not a whole number; using {default}")
        return default
    if not bottom <= value <= top:
        clamped = max(bottom, min(top, value))
        problems.append(f"{key} = {value} is outside {bottom}..{top}; using {clamped}")
        return clamped
    return value


def _spacing(data: dict[str, Any], problems: list[str]) -> Spacing:
    """ "normal" / "wcag"; a bool is accepted too (true = "wcag") for people who write one."""
    value = data.get("spacing", DEFAULT_SPACING)
    if isinstance(value, bool):
        return "wcag" if value else "normal"
    for name in SPACINGS:
        if value == name:
            return name
    problems.append(
        f"spacing = {value!r} is not one of {', '.join(SPACINGS)}; using {DEFAULT_SPACING}"
    )
    return DEFAULT_SPACING


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
    if theme not in ALL_THEMES:
        problems.append(
            f"theme = {theme!r} is not one of {', '.join(ALL_THEMES)}; using {DEFAULT_THEME}"
        )
        theme = DEFAULT_THEME
    spacing = _spacing(data, problems)
    low, high = WORDS_PER_MINUTE_RANGE
    speed = _integer(data, "words_per_minute", DEFAULT_WORDS_PER_MINUTE, high, problems, bottom=low)
    return Preferences(
        size=size,
        contrast=contrast,
        theme=theme,
        spacing=spacing,
        words_per_minute=speed,
        problems=tuple(problems),
    )


def save_preferences(preferences: Preferences, path: Path | None = None) -> Path:
    """Write size, contrast and theme (and spacing, once it is not the default or already in
    the file: files of people who never toggle it stay as they were), keeping everything else
    in the file (words_per_minute included: the reader never changes it); returns the path.

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
    if preferences.spacing != DEFAULT_SPACING or "spacing" in document:
        document["spacing"] = preferences.spacing
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
