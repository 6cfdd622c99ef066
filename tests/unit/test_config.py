"""Preferences: a round trip, lenient reading, and never destroying the user's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import (
    DEFAULT_WORDS_PER_MINUTE,
    ConfigError,
    Overrides,
    Preferences,
    config_path,
    load_preferences,
    save_preferences,
)
from reader.themes import CONTRAST_LADDER, DEFAULT_CONTRAST, DEFAULT_SIZE, DEFAULT_THEME


def test_reader_config_env_var_is_the_path(isolated_config: Path) -> None:
    assert config_path() == isolated_config


def test_platform_path_when_env_var_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READER_CONFIG")
    path = config_path()
    assert path.name == "config.toml"
    assert path.parent.name == "reader-tui"


def test_defaults_when_the_file_is_missing(isolated_config: Path) -> None:
    assert not isolated_config.exists()
    preferences = load_preferences()
    assert preferences == Preferences(DEFAULT_SIZE, DEFAULT_CONTRAST, DEFAULT_THEME)
    assert preferences.problems == ()


def test_round_trip(isolated_config: Path) -> None:
    wanted = Preferences(size=6, contrast=3, theme="sepia")
    written = save_preferences(wanted)
    assert written == isolated_config and isolated_config.exists()  # parent dir created
    assert load_preferences() == wanted
    save_preferences(Preferences(size=0, contrast=0, theme="light"))
    assert load_preferences() == Preferences(size=0, contrast=0, theme="light")


def test_first_save_explains_the_values(isolated_config: Path) -> None:
    save_preferences(Preferences())
    text = isolated_config.read_text(encoding="utf-8")
    assert text.startswith("# reader-tui preferences")
    assert "maximum" in text


def test_users_comments_and_other_keys_survive(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(
        '# my reading setup\ntheme = "light"  # easier in daylight\n\n[later]\nnote = "keep"\n',
        encoding="utf-8",
    )
    save_preferences(Preferences(size=5, contrast=2, theme="dark"))
    text = isolated_config.read_text(encoding="utf-8")
    assert "# my reading setup" in text
    assert "# easier in daylight" in text
    assert 'note = "keep"' in text
    assert load_preferences() == Preferences(size=5, contrast=2, theme="dark")


def test_corrupt_file_gives_defaults_and_is_not_overwritten(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    broken = "size = 4\ntheme = [unclosed\n"
    isolated_config.write_text(broken, encoding="utf-8")
    preferences = load_preferences()
    assert preferences == Preferences()
    assert preferences.problems and "not valid TOML" in preferences.problems[0]
    with pytest.raises(ConfigError, match="not overwriting"):
        save_preferences(Preferences(size=1))
    assert isolated_config.read_text(encoding="utf-8") == broken
    assert [p.name for p in isolated_config.parent.iterdir()] == ["config.toml"]  # no temp left


def test_undecodable_file_is_reported_not_overwritten(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_bytes(b"size = 2\n\xff\xfe")
    assert load_preferences().problems
    with pytest.raises(ConfigError):
        save_preferences(Preferences())
    assert isolated_config.read_bytes() == b"size = 2\n\xff\xfe"


def test_out_of_range_values_are_clamped(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text("size = 99\ncontrast = -3\n", encoding="utf-8")
    preferences = load_preferences()
    assert preferences.size == 6
    assert preferences.contrast == 0
    assert len(preferences.problems) == 2


def test_wrong_types_and_unknown_theme_fall_back(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('size = "big"\ncontrast = true\ntheme = "neon"\n', encoding="utf-8")
    preferences = load_preferences()
    assert preferences == Preferences(DEFAULT_SIZE, DEFAULT_CONTRAST, DEFAULT_THEME)
    assert len(preferences.problems) == 3
    # A file with bad values is valid TOML: saving fixes the values in place.
    save_preferences(Preferences(size=2, contrast=len(CONTRAST_LADDER) - 1, theme="sepia"))
    assert load_preferences() == Preferences(size=2, contrast=3, theme="sepia")
    assert load_preferences().problems == ()


def test_a_directory_in_the_way_raises_config_error(isolated_config: Path) -> None:
    isolated_config.mkdir(parents=True)  # a directory where the file should be
    assert load_preferences().problems
    with pytest.raises(ConfigError):
        save_preferences(Preferences())


def test_reading_speed_is_read_checked_and_kept(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text("words_per_minute = 120  # slow and careful\n", encoding="utf-8")
    assert load_preferences().words_per_minute == 120
    save_preferences(Preferences(size=4))
    text = isolated_config.read_text(encoding="utf-8")
    assert "words_per_minute = 120  # slow and careful" in text  # the app never rewrites it
    assert load_preferences() == Preferences(size=4, words_per_minute=120)
    isolated_config.write_text("words_per_minute = 5\n", encoding="utf-8")
    slow = load_preferences()
    assert slow.words_per_minute == 30 and "outside 30..2000" in slow.problems[0]
    isolated_config.write_text('words_per_minute = "fast"\n', encoding="utf-8")
    assert load_preferences().words_per_minute == DEFAULT_WORDS_PER_MINUTE


def test_first_save_documents_every_setting(isolated_config: Path) -> None:
    save_preferences(Preferences())
    text = isolated_config.read_text(encoding="utf-8")
    assert "words_per_minute" in text and "ansi-dark" in text
    assert "words_per_minute =" not in text  # documented, not written


def test_terminal_themes_are_valid_preferences(isolated_config: Path) -> None:
    save_preferences(Preferences(theme="ansi-light"))
    assert load_preferences().theme == "ansi-light"
    assert load_preferences().problems == ()


def test_overrides_replace_only_what_was_given() -> None:
    saved = Preferences(size=1, contrast=2, theme="sepia", words_per_minute=150)
    assert Overrides().apply(saved) == saved
    assert Overrides(size=6, theme="light").apply(saved) == Preferences(
        size=6, contrast=2, theme="light", words_per_minute=150
    )
    assert Overrides(contrast=0).apply(saved).contrast == 0


def test_spacing_round_trips_and_is_written_only_once_used(isolated_config: Path) -> None:
    save_preferences(Preferences(size=2))
    assert "spacing =" not in isolated_config.read_text(encoding="utf-8")  # never toggled
    save_preferences(Preferences(size=2, spacing="wcag"))
    assert 'spacing = "wcag"' in isolated_config.read_text(encoding="utf-8")
    assert load_preferences() == Preferences(size=2, spacing="wcag")
    save_preferences(Preferences(size=2))  # toggled back: the key stays, saying so
    assert 'spacing = "normal"' in isolated_config.read_text(encoding="utf-8")
    assert load_preferences().spacing == "normal"


@pytest.mark.parametrize(
    ("written", "spacing", "problem"),
    [("true", "wcag", False), ("false", "normal", False), ('"loose"', "normal", True)],
)
def test_spacing_accepts_a_bool_and_reports_nonsense(
    isolated_config: Path, written: str, spacing: str, problem: bool
) -> None:
    isolated_config.parent.mkdir(parents=True, exist_ok=True)
    isolated_config.write_text(f"spacing = {written}\n", encoding="utf-8")
    preferences = load_preferences()
    assert preferences.spacing == spacing
    assert bool(preferences.problems) == problem
    if problem:
        assert "spacing" in preferences.problems[0] and "normal, wcag" in preferences.problems[0]


def test_spacing_override_applies_for_the_run() -> None:
    assert Overrides(spacing="wcag").apply(Preferences()).spacing == "wcag"
    assert Overrides().apply(Preferences(spacing="wcag")).spacing == "wcag"
