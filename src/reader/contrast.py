"""WCAG 2.x contrast: relative luminance, contrast ratio and the level a ratio reaches.

The numbers in the toolbar and the palette tests come from here, so a palette can only claim
what the formula grants. Reference: WCAG 2.2, definitions "relative luminance" and
"contrast ratio" (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
"""

from __future__ import annotations

import math
import re

RGB = tuple[int, int, int]

AA_NORMAL = 4.5
"""Minimum ratio for body text at level AA (1.4.3)."""
AAA_NORMAL = 7.0
"""Minimum ratio for body text at level AAA (1.4.6)."""
AA_LARGE = 3.0
"""Minimum ratio for large text at AA, and for UI components and graphics (1.4.11)."""

_HEX = re.compile(r"#?([0-9a-fA-F]{6})")


def parse_hex(color: str) -> RGB:
    """`"#1a2b3c"` → `(26, 43, 60)`; only opaque six-digit colours, as palettes are written."""
    match = _HEX.fullmatch(color.strip())
    if match is None:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    value = int(match.group(1), 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str | RGB) -> float:
    """Relative luminance in [0, 1] (0 = black, 1 = white) of an sRGB colour."""
    red, green, blue = parse_hex(color) if isinstance(color, str) else color
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str | RGB, second: str | RGB) -> float:
    """(L1 + 0.05) / (L2 + 0.05) with L1 the lighter colour: 1.0 (none) to 21.0 (black/white)."""
    a = relative_luminance(first)
    b = relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def level(ratio: float) -> str:
    """The WCAG level a ratio reaches for normal-size text: "AAA", "AA", "AA large" or "fail"."""
    if ratio >= AAA_NORMAL:
        return "AAA"
    if ratio >= AA_NORMAL:
        return "AA"
    if ratio >= AA_LARGE:
        return "AA large"
    return "fail"


def format_ratio(ratio: float) -> str:
    """One decimal, rounded down so a label never claims more than the colours give (6.99 → 6.9)."""
    shown = math.floor(ratio * 10 + 1e-9) / 10
    return f"{shown:.1f}:1"


def ratio_label(ratio: float) -> str:
    """The toolbar's wording, e.g. "7.4:1 AAA"."""
    return f"{format_ratio(ratio)} {level(ratio)}"


def monochrome(color: str | RGB) -> RGB:
    """The grey Textual paints for a colour under NO_COLOR (its Monochrome line filter:
    a luma-weighted average of the sRGB channels), so the ratio shown then is the one painted."""
    red, green, blue = parse_hex(color) if isinstance(color, str) else color
    grey = round(red * 0.2126 + green * 0.7152 + blue * 0.0722)
    return grey, grey, grey
