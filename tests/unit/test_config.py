"""Preferences: a round trip, lenient reading, and never destroying the user's file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.config import (
    DEFAULT_WORDS_PER_MINUTE,
    ConfigError,
    Overrides,
    Preferences,
    SiteLook,
    config_path,
    load_preferences,
    save_preferences,
    site_of,
)
from reader.themes import CONTRAST_LADDER, DEFAULT_CONTRAST, DEFAULT_SIZE, DEFAULT_THEME


def uncommented(path: Path) -> str:
    """The file without its comment lines (the first save's header names every key)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("#"))


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


# --- per-site looks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Example.org/news/1", "example.org"),
        ("http://example.org:8080/x", "example.org"),
        ("https://baohagiang.vn", "baohagiang.vn"),
        ("https://www2.example.org/", "www2.example.org"),
        ("http://127.0.0.1:5000/a", "127.0.0.1"),
        ("http://[::1]:8000/a", "::1"),
        ("https://báo.vn/", "xn--bo-mia.vn"),
        ("file:///tmp/page.html", None),
        ("javascript:alert(1)", None),
        ("", None),
        (None, None),
    ],
)
def test_site_of_is_the_host_without_www(url: str | None, host: str | None) -> None:
    assert site_of(url) == host


def test_sites_round_trip(isolated_config: Path) -> None:
    wanted = Preferences(
        size=2,
        sites={
            "example.org": SiteLook(size=6, contrast=3, theme="sepia", spacing="wcag"),
            "baohagiang.vn": SiteLook(size=1, contrast=0, theme="light"),
        },
    )
    save_preferences(wanted)
    text = isolated_config.read_text(encoding="utf-8")
    assert '[sites."example.org"]' in text and '[sites."baohagiang.vn"]' in text
    assert load_preferences() == wanted
    assert load_preferences().problems == ()
    forgotten = replace(wanted, sites={"baohagiang.vn": wanted.sites["baohagiang.vn"]})
    save_preferences(forgotten)
    assert "example.org" not in uncommented(isolated_config)
    assert load_preferences() == forgotten
    save_preferences(replace(wanted, sites={}))
    assert "sites" not in uncommented(isolated_config)
    assert load_preferences().sites == {}


def test_for_site_puts_the_sites_look_in_place_of_the_top_level_one() -> None:
    look = SiteLook(size=6, contrast=3, theme="sepia", spacing="wcag")
    preferences = Preferences(size=1, words_per_minute=150, sites={"example.org": look})
    shown = preferences.for_site("example.org")
    assert shown.look == look
    assert shown.words_per_minute == 150 and shown.sites == preferences.sites
    assert preferences.for_site("other.org") is preferences
    assert preferences.for_site(None) is preferences
    assert Overrides(size=3).apply(shown).look == replace(look, size=3)  # a flag still wins


def test_site_comments_are_kept_and_missing_keys_come_from_the_top(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(
        'size = 2\ntheme = "light"\n\n# sites I read at night\n'
        '[sites."WWW.Example.org"]  # the big one\nsize = 6  # large print\n',
        encoding="utf-8",
    )
    preferences = load_preferences()
    assert preferences.problems == ()
    assert preferences.sites == {"example.org": SiteLook(size=6, theme="light")}
    updated = SiteLook(size=6, contrast=2, theme="dark")
    save_preferences(replace(preferences, sites={"example.org": updated}))
    text = isolated_config.read_text(encoding="utf-8")
    assert "# sites I read at night" in text
    assert '[sites."WWW.Example.org"]  # the big one' in text  # updated in place, not duplicated
    assert "size = 6  # large print" in text  # an unchanged value keeps its comment
    assert "example.org" not in text.replace("WWW.Example.org", "")
    assert load_preferences().sites == {"example.org": updated}


def test_bad_site_entries_are_reported_ignored_and_left_in_the_file(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(
        '[sites]\n"a.org" = 3\n"not a host/" = { size = 1 }\n'
        '"example.org:8080" = { size = 1 }\n'
        '"b.org" = { size = 99, contrast = "high", theme = "neon", spacing = "loose" }\n'
        '"www.b.org" = { size = 1 }\n',
        encoding="utf-8",
    )
    preferences = load_preferences()
    assert preferences.sites == {"b.org": SiteLook(size=6)}  # clamped; the rest from the top
    problems = "\n".join(preferences.problems)
    assert len(preferences.problems) == 8, problems
    assert 'sites."example.org:8080": not a host name' in problems
    assert 'sites."a.org": not a table' in problems
    assert 'sites."not a host/": not a host name' in problems
    assert 'sites."b.org": size = 99 is outside 0..6' in problems
    assert "theme = 'neon'" in problems and "spacing = 'loose'" in problems
    assert 'sites."www.b.org": the same site' in problems
    save_preferences(replace(preferences, sites={}))  # forget b.org
    text = isolated_config.read_text(encoding="utf-8")
    assert '"a.org" = 3' in text and '"not a host/"' in text  # not ours to change
    assert '"b.org"' not in text and '"www.b.org"' not in text  # both named the forgotten site


def test_sites_that_is_not_a_table_is_reported_and_replaced_only_when_needed(
    isolated_config: Path,
) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text('sites = "example.org"\n', encoding="utf-8")
    preferences = load_preferences()
    assert preferences.sites == {} and "sites is not a table" in preferences.problems[0]
    save_preferences(replace(preferences, size=1))
    assert 'sites = "example.org"' in isolated_config.read_text(encoding="utf-8")
    save_preferences(replace(preferences, sites={"example.org": SiteLook(size=0)}))
    assert load_preferences().sites == {"example.org": SiteLook(size=0)}


def test_sites_in_an_unparsable_file_are_never_written(isolated_config: Path) -> None:
    isolated_config.parent.mkdir(parents=True)
    broken = '[sites."example.org"\nsize = 1\n'
    isolated_config.write_text(broken, encoding="utf-8")
    assert load_preferences().sites == {}
    with pytest.raises(ConfigError, match="not overwriting"):
        save_preferences(Preferences(sites={"example.org": SiteLook(size=1)}))
    assert isolated_config.read_text(encoding="utf-8") == broken


def test_first_save_documents_sites_and_language(isolated_config: Path) -> None:
    save_preferences(Preferences())
    text = isolated_config.read_text(encoding="utf-8")
    assert '# [sites."example.org"]' in text and "# language:" in text
    assert "language" not in uncommented(isolated_config)
    assert "sites" not in uncommented(isolated_config)


# --- language ----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["vi", "vi-VN,vi;q=0.9,en;q=0.5", " en-GB , en;q=0.8 ", "*"])
def test_language_is_read_and_kept(isolated_config: Path, value: str) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(f'language = "{value}"  # mine\n', encoding="utf-8")
    preferences = load_preferences()
    assert preferences.language == value.strip() and preferences.problems == ()
    save_preferences(replace(preferences, size=1))
    assert f'language = "{value}"  # mine' in isolated_config.read_text(encoding="utf-8")


@pytest.mark.parametrize("written", ['"vi\\r\\nX-Evil: 1"', '""', "3", '"' + "a" * 201 + '"'])
def test_a_bad_language_is_reported_and_ignored(isolated_config: Path, written: str) -> None:
    isolated_config.parent.mkdir(parents=True)
    isolated_config.write_text(f"language = {written}\n", encoding="utf-8")
    preferences = load_preferences()
    assert preferences.language is None
    assert len(preferences.problems) == 1 and "language" in preferences.problems[0]


def test_language_defaults_to_none() -> None:
    assert Preferences().language is None
    assert Overrides(size=1).apply(Preferences(language="vi")).language == "vi"
