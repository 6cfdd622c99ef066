"""WCAG contrast math, and every palette pair measured against its contrast step."""

from __future__ import annotations

import pytest

from reader.contrast import (
    contrast_ratio,
    format_ratio,
    level,
    parse_hex,
    ratio_label,
    relative_luminance,
)
from reader.themes import (
    CONTRAST_LADDER,
    PALETTES,
    THEMES,
    Palette,
    palette,
    palette_fields,
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
    assert {"toolbar", "footer", "footer_key", "highlight", "scrollbar"} <= named


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
