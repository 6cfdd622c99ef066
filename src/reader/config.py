"""Reading preferences (size, contrast, theme, text spacing, reading speed, per-site looks,
language) in a small TOML file.

The file belongs to the user: it is read leniently (bad values fall back to defaults, with a
note), written back with tomlkit so their comments survive, replaced atomically, and never
overwritten when it cannot be parsed — the reader reports that instead.

Per-run flags (`--size`, `--contrast`, `--theme`, `--spacing`) are `Overrides`: they change
what is shown, not the file. A value reaches the file only when the reader changes it in the
app (a key, a button, a command): then that value, and only that one, is saved.

A site (a host, `www.` stripped: see `site_of`) can have its own look, a `[sites."host"]`
table with size, contrast, theme and spacing; it replaces the top-level values whenever an
article from that host is shown (`Preferences.for_site`). A key missing from a site's table
is taken from the top-level value; a bad one is reported and replaced the same way.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
words_per_minute: your reading speed, for the time left in the footer (default 230; set by hand).
language: optional, the languages you prefer pages in, as an Accept-Language value ("vi" or
  "vi-VN,vi;q=0.9,en;q=0.5"); set by hand.
[sites."example.org"]: a site's own size, contrast, theme and spacing (R in the reader
  remembers the current look for the article's site, R again forgets it)."""

DEFAULT_WORDS_PER_MINUTE = 230
WORDS_PER_MINUTE_RANGE = (30, 2000)


LOOK_KEYS = ("size", "contrast", "theme", "spacing")
"""The settings a site can have its own values for (and flags can override for a run)."""

_LANGUAGE = re.compile(r"[A-Za-z0-9*,;=. -]{1,200}")
"""What an Accept-Language value is made of: language tags, `;q=` weights, commas, spaces."""
_HOST = re.compile(r"[a-z0-9.-]+|[0-9a-f.]*:[0-9a-f:.]*")
"""A host as urlsplit gives it (lower case, no port): a name (IDNA form for non-ASCII), an
IPv4 or an IPv6 address."""


class ConfigError(ReaderError):
    """The preferences file could not be read or written."""

    exit_code = 2
    hint = "fix or delete the preferences file; the reader uses defaults meanwhile"


def site_of(url: str | None) -> str | None:
    """The site an address belongs to, as `[sites."…"]` names it: its host in lower case,
    without `www.` (www.example.org and example.org are one site) and without the port;
    None for anything but http(s) addresses with a host."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return _host_key(host)


def _host_key(host: str) -> str | None:
    """A host written in the file or taken from a URL, normalised; None if it is no host."""
    host = host.strip().lower().rstrip(".")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    host = host.removeprefix("www.")
    if not host or not _HOST.fullmatch(host):
        return None
    return host


@dataclass(frozen=True, slots=True)
class SiteLook:
    """A site's own look: shown instead of the top-level values for that site's articles."""

    size: int = DEFAULT_SIZE
    contrast: int = DEFAULT_CONTRAST
    theme: str = DEFAULT_THEME
    spacing: Spacing = DEFAULT_SPACING

    def describe(self) -> str:
        """For notifications: "size 4/7, standard contrast, dark theme, normal spacing"."""
        contrast = CONTRAST_LADDER[self.contrast].name
        return (
            f"size {self.size + 1}/{len(SIZE_LADDER)}, {contrast} contrast, "
            f"{self.theme} theme, {self.spacing} spacing"
        )


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
    language: str | None = None
    """The Accept-Language value to ask for pages with ("vi", "vi-VN,vi;q=0.9"); None: the
    fetcher's default. Only ever set by hand in the file."""
    sites: Mapping[str, SiteLook] = field(default_factory=dict, hash=False)
    """Remembered per-site looks, by `site_of` host."""
    keys: Mapping[str, str] = field(default_factory=dict, hash=False)
    """`[keys]`: action name -> keys ("size_up = \"u,plus\""), the reader's own keymap. Which
    names exist is the reading view's business: it reports unknown ones. Set by hand only."""
    problems: tuple[str, ...] = field(default=(), compare=False)
    """What was wrong with the file when these were loaded (shown to the user, not saved)."""

    @property
    def look(self) -> SiteLook:
        """The top-level size, contrast, theme and spacing."""
        return SiteLook(self.size, self.contrast, self.theme, self.spacing)

    def for_site(self, host: str | None) -> Preferences:
        """These preferences with `host`'s remembered look (if any) in place of the top-level
        one: what an article from that site is shown with (before per-run flags)."""
        look = self.sites.get(host) if host else None
        if look is None:
            return self
        return replace(
            self, size=look.size, contrast=look.contrast, theme=look.theme, spacing=look.spacing
        )


@dataclass(frozen=True, slots=True)
class Overrides:
    """Values given for one run (command-line flags); None keeps the saved preference."""

    size: int | None = None
    contrast: int | None = None
    theme: str | None = None
    spacing: Spacing | None = None

    def apply(self, preferences: Preferences) -> Preferences:
        """What the reader starts with: the saved preferences with these values on top."""
        changes = {name: value for name in LOOK_KEYS if (value := getattr(self, name)) is not None}
        return replace(preferences, **changes)


def config_path() -> Path:
    """READER_CONFIG if set, else the platform's user config dir."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_config_path("reader-tui") / "config.toml"


def _integer(
    data: Mapping[str, Any],
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


def _spacing(
    data: Mapping[str, Any],
    problems: list[str],
    default: Spacing = DEFAULT_SPACING,
    where: str = "",
) -> Spacing:
    """ "normal" / "wcag"; a bool is accepted too (true = "wcag") for people who write one."""
    value = data.get("spacing", default)
    if isinstance(value, bool):
        return "wcag" if value else "normal"
    for name in SPACINGS:
        if value == name:
            return name
    problems.append(
        f"{where}spacing = {value!r} is not one of {', '.join(SPACINGS)}; using {default}"
    )
    return default


def _theme(data: Mapping[str, Any], problems: list[str], default: str, where: str = "") -> str:
    theme = data.get("theme", default)
    if theme not in ALL_THEMES:
        problems.append(
            f"{where}theme = {theme!r} is not one of {', '.join(ALL_THEMES)}; using {default}"
        )
        return default
    return str(theme)


def _look(data: Mapping[str, Any], default: SiteLook, problems: list[str], where: str) -> SiteLook:
    """A look read leniently; `default` gives missing and bad values."""
    found: list[str] = []
    size = _integer(data, "size", default.size, len(SIZE_LADDER) - 1, found)
    contrast = _integer(data, "contrast", default.contrast, len(CONTRAST_LADDER) - 1, found)
    problems.extend(f"{where}{problem}" for problem in found)
    theme = _theme(data, problems, default.theme, where)
    spacing = _spacing(data, problems, default.spacing, where)
    return SiteLook(size=size, contrast=contrast, theme=theme, spacing=spacing)


def _language(data: Mapping[str, Any], problems: list[str]) -> str | None:
    value = data.get("language")
    if value is None:
        return None
    if isinstance(value, str) and _LANGUAGE.fullmatch(value.strip()):
        return value.strip()
    shown = value if isinstance(value, str) and len(value) <= 60 else type(value).__name__
    problems.append(
        f'language = {shown!r} is not an Accept-Language value like "vi" or '
        f'"vi-VN,vi;q=0.9,en;q=0.5"; ignoring it'
    )
    return None


_KEY_LIST = re.compile(r"[A-Za-z0-9_+\-]+(,[A-Za-z0-9_+\-]+)*")
"""Textual key names joined by commas: "u", "ctrl+u", "plus,equals_sign"."""


def _keys(data: Mapping[str, Any], problems: list[str]) -> dict[str, str]:
    """The `[keys]` table; entries that are not `action = "key,key"` are reported and left out."""
    table = data.get("keys", {})
    if not isinstance(table, dict):
        problems.append('keys is not a table like [keys] size_up = "u"; ignoring it')
        return {}
    keys: dict[str, str] = {}
    for action, value in table.items():
        if isinstance(value, str) and _KEY_LIST.fullmatch(value.replace(" ", "")):
            keys[action] = value.replace(" ", "")
        else:
            shown = value if isinstance(value, str) and len(value) <= 40 else type(value).__name__
            problems.append(
                f'keys.{action} = {shown!r} is not a list of keys like "u" or "ctrl+u,plus"; '
                "ignoring it"
            )
    return keys


def _sites(data: Mapping[str, Any], default: SiteLook, problems: list[str]) -> dict[str, SiteLook]:
    """The `[sites."host"]` tables; entries that are not tables or not hosts are reported and
    left out (and left alone in the file)."""
    tables = data.get("sites", {})
    if not isinstance(tables, dict):
        problems.append('sites is not a table of [sites."host"] tables; ignoring it')
        return {}
    sites: dict[str, SiteLook] = {}
    for name, table in tables.items():
        host = _host_key(name)
        where = f'sites."{name}": '
        if host is None:
            problems.append(f"{where}not a host name like example.org; ignoring it")
        elif not isinstance(table, dict):
            problems.append(f"{where}not a table of size, contrast, theme, spacing; ignoring it")
        elif host in sites:
            problems.append(f"{where}the same site as an entry above; ignoring it")
        else:
            sites[host] = _look(table, default, problems, where)
    return sites


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
    look = _look(data, SiteLook(), problems, "")
    low, high = WORDS_PER_MINUTE_RANGE
    speed = _integer(data, "words_per_minute", DEFAULT_WORDS_PER_MINUTE, high, problems, bottom=low)
    language = _language(data, problems)
    sites = _sites(data, look, problems)
    keys = _keys(data, problems)
    return Preferences(
        size=look.size,
        contrast=look.contrast,
        theme=look.theme,
        spacing=look.spacing,
        words_per_minute=speed,
        language=language,
        sites=sites,
        keys=keys,
        problems=tuple(problems),
    )


def save_preferences(preferences: Preferences, path: Path | None = None) -> Path:
    """Write size, contrast and theme (and spacing, once it is not the default or already in
    the file: files of people who never toggle it stay as they were) and the remembered sites,
    keeping everything else in the file (words_per_minute and language included: the reader
    never changes them); returns the path.

    A site's table is updated in place (its comments kept); a table for a site that is no
    longer remembered is removed; `sites` entries the loader ignored are left as they are.

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
    _write_sites(document, preferences.sites)
    _write_atomically(path, tomlkit.dumps(document))
    return path


def _write_sites(document: Any, sites: Mapping[str, SiteLook]) -> None:
    """Bring the document's `[sites."host"]` tables in line with `sites` (see save_preferences)."""
    import tomlkit

    tables = document.get("sites")
    if not isinstance(tables, dict):
        if not sites:
            return  # nothing to write: a malformed `sites` value stays the user's
        tables = tomlkit.table(is_super_table=True)
        document["sites"] = tables
    written: set[str] = set()
    for name in list(tables):
        host = _host_key(name)
        table = tables[name]
        if host is None or not isinstance(table, dict):
            continue  # ignored by the loader: not ours to change
        if host not in sites:
            del tables[name]
            continue
        _set_look(table, sites[host])
        written.add(host)
    for host, look in sites.items():
        if host not in written:
            table = tomlkit.table()
            _set_look(table, look)
            tables[host] = table


def _set_look(table: Any, look: SiteLook) -> None:
    for key in LOOK_KEYS:
        value = getattr(look, key)
        if table.get(key) != value:  # unchanged values keep their formatting and comments
            table[key] = value


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
