"""WCAG contrast math, and every palette pair measured against its contrast step."""

from __future__ import annotations

import pytest

from reader.contrast import (
    contrast_ratio,
    format_ratio,
    level,
    monochrome,
    parse_hex,
    ratio_label,
    relative_luminance,
)
from reader.themes import (
    ALL_THEMES,
    CONTRAST_LADDER,
    PALETTES,
    TERMINAL_PALETTE,
    TERMINAL_THEMES,
    THEMES,
    Palette,
    next_theme,
    palette,
    palette_fields,
    parse_contrast,
    parse_size,
    parse_theme,
    theme_name,
)


def test_luminance_of_black_and_white() -> None:
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert relative_luminance((255, 0, 0)) == pytest.approx(0.2126)


def test_ratio_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)  # order does not matter
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    # Published reference points: #767676 is the lightest grey passing AA on white,
    # #595959 the lightest passing AAA.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5
    assert contrast_ratio("#595959", "#ffffff") == pytest.approx(7.0, abs=0.01)


def test_levels_and_labels() -> None:
    assert level(21) == "AAA"
    assert level(7.0) == "AAA"
    assert level(6.99) == "AA"
    assert level(4.5) == "AA"
    assert level(3.2) == "AA large"
    assert level(2.9) == "fail"
    assert ratio_label(7.44) == "7.4:1 AAA"
    assert ratio_label(21.0) == "21.0:1 AAA"


def test_labels_round_down_never_overclaiming() -> None:
    assert format_ratio(6.99) == "6.9:1"
    assert ratio_label(4.499) == "4.4:1 AA large"


def test_parse_hex() -> None:
    assert parse_hex("#1a2B3c") == (0x1A, 0x2B, 0x3C)
    with pytest.raises(ValueError):
        parse_hex("#fff")
    with pytest.raises(ValueError):
        parse_hex("red")


def test_every_palette_is_complete_and_opaque() -> None:
    assert set(PALETTES) == set(THEMES) == {"light", "dark", "sepia"}
    for theme, steps in PALETTES.items():
        assert len(steps) == len(CONTRAST_LADDER) >= 4, theme
        for colours in steps:
            for name in palette_fields():
                parse_hex(getattr(colours, name))  # six-digit, no alpha


PAIRS = [
    (theme, step_index, name, fg, bg)
    for theme in THEMES
    for step_index, _step in enumerate(CONTRAST_LADDER)
    for name, fg, bg in palette(theme, step_index).pairs()
]


@pytest.mark.parametrize(("theme", "step_index", "name", "fg", "bg"), PAIRS)
def test_every_pair_meets_its_steps_minimum(
    theme: str, step_index: int, name: str, fg: str, bg: str
) -> None:
    minimum = CONTRAST_LADDER[step_index].minimum
    assert contrast_ratio(fg, bg) >= minimum - 1e-9, (theme, name, fg, bg)


def test_pairs_cover_every_painted_colour() -> None:
    colours = palette("light", 1)
    named = {name for name, _fg, _bg in colours.pairs()}
    assert {"text", "secondary", "heading", "link", "quote_bar", "quote_text", "code"} <= named
    assert {"toolbar", "footer", "footer_key", "highlight", "match", "scrollbar"} <= named


def test_ladder_minimums_are_the_documented_ones() -> None:
    assert [(s.name, s.minimum) for s in CONTRAST_LADDER] == [
        ("soft", 4.5),
        ("standard", 7.0),
        ("high", 12.0),
        ("maximum", 21.0),
    ]


@pytest.mark.parametrize("theme", THEMES)
def test_each_step_up_raises_body_contrast(theme: str) -> None:
    ratios = [palette(theme, i).body_ratio for i in range(len(CONTRAST_LADDER))]
    assert ratios == sorted(ratios)
    assert len(set(round(r, 2) for r in ratios)) == len(ratios)


@pytest.mark.parametrize("theme", THEMES)
def test_maximum_is_pure_black_and_white(theme: str) -> None:
    colours: Palette = palette(theme, len(CONTRAST_LADDER) - 1)
    assert {colours.text, colours.background} == {"#000000", "#ffffff"}
    assert colours.minimum_ratio() == pytest.approx(21)


def test_theme_names_and_clamping() -> None:
    assert theme_name("dark", 1) == "reader-dark-standard"
    assert theme_name("sepia", 99) == "reader-sepia-maximum"
    assert palette("nonsense", -5) == palette("dark", 0)


def test_find_highlights_are_in_the_measured_pairs() -> None:
    for theme in THEMES:
        for step_index, step in enumerate(CONTRAST_LADDER):
            colours = palette(theme, step_index)
            pairs = {name: (fg, bg) for name, fg, bg in colours.pairs()}
            assert pairs["match"] == (colours.match_fg, colours.match_bg)
            assert contrast_ratio(colours.match_fg, colours.match_bg) >= step.minimum - 1e-9
            # A hit must look different from the text around it, not only be readable.
            assert colours.match_bg != colours.background, (theme, step.name)


@pytest.mark.parametrize(("theme", "step_index", "name", "fg", "bg"), PAIRS)
def test_every_pair_still_meets_its_step_in_monochrome(
    theme: str, step_index: int, name: str, fg: str, bg: str
) -> None:
    """Under NO_COLOR Textual paints greys (its Monochrome filter): the ladder must hold."""
    minimum = CONTRAST_LADDER[step_index].minimum
    assert contrast_ratio(monochrome(fg), monochrome(bg)) >= minimum - 1e-9, (theme, name)


def test_monochrome_matches_textuals_filter() -> None:
    from rich.color import Color as RichColor
    from textual.color import Color

    for colour in ("#2f5ea8", "#f3e9d2", "#5c4813", "#ffffff", "#000000"):
        grey = Color.from_rich_color(RichColor.parse(colour)).monochrome
        assert monochrome(colour) == (grey.r, grey.g, grey.b)


def test_terminal_palette_is_unmeasured_and_all_default() -> None:
    for theme in TERMINAL_THEMES:
        colours = palette(theme, 2)
        assert colours is TERMINAL_PALETTE and not colours.measured
        assert {getattr(colours, name) for name in palette_fields()} == {"default"}
        assert theme_name(theme, 3) == f"reader-{theme}"
    assert all(palette(theme, 0).measured for theme in THEMES)


def test_themes_cycle_through_the_terminal_ones() -> None:
    seen = ["light"]
    while len(seen) <= len(ALL_THEMES):
        seen.append(next_theme(seen[-1]))
    assert seen == [*ALL_THEMES, "light"]


@pytest.mark.parametrize(
    ("value", "size"), [("1", 0), ("4", 3), ("7", 6), ("larger", 5), ("Largest", 6), (" small ", 2)]
)
def test_size_flag_values(value: str, size: int) -> None:
    assert parse_size(value) == size


@pytest.mark.parametrize("value", ["0", "8", "huge", "", "-1", "4.5"])
def test_bad_size_flag_values_list_the_valid_ones(value: str) -> None:
    with pytest.raises(ValueError, match="use 1-7 or one of smallest, smaller, small, default"):
        parse_size(value)


def test_contrast_and_theme_flag_values() -> None:
    assert [parse_contrast(v) for v in ("1", "soft", "3", "HIGH", "maximum")] == [0, 0, 2, 2, 3]
    assert parse_theme("Sepia") == "sepia" and parse_theme("ansi-dark") == "ansi-dark"
    with pytest.raises(ValueError, match="use 1-4 or one of soft, standard, high, maximum"):
        parse_contrast("5")
    with pytest.raises(ValueError, match="light, dark, sepia, ansi-dark, ansi-light"):
        parse_theme("neon")
