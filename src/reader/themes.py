"""The reading style as data: the size ladder, the themes, the contrast ladder and their palettes.

A terminal owns its font, so a size step here is an honest in-grid scale (measure, spacing,
weight, heading prominence; WCAG 1.4.12 as the guide), never a claim of bigger glyphs. Each
theme x contrast step is a complete palette whose pairs meet the step's minimum WCAG ratio;
tests/unit/test_contrast.py measures every pair, and the TUI paints only these colours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Literal

from reader.contrast import contrast_ratio

# --- size ----------------------------------------------------------------------------------

HeadingProminence = Literal["bold", "rule", "caps"]
"""How headings stand out besides colour: bold; bold with a rule under it; upper case as well."""


@dataclass(frozen=True, slots=True)
class SizeStep:
    """One rung of the size ladder; every value is in terminal cells or rows."""

    label: str
    """Short name shown in help and docs."""
    measure: int
    """Widest reading column, in cells; clamped to the window."""
    line_spacing: int
    """Blank rows between the wrapped lines of a paragraph."""
    paragraph_spacing: int
    """Blank rows between blocks."""
    word_spacing: int
    """Extra spaces between words (0 = one space)."""
    bold: bool
    """Body text drawn bold: heavier strokes for low vision."""
    heading: HeadingProminence


SIZE_LADDER: tuple[SizeStep, ...] = (
    SizeStep("smallest", measure=96, line_spacing=0, paragraph_spacing=1, word_spacing=0,
             bold=False, heading="bold"),
    SizeStep("smaller", measure=72, line_spacing=0, paragraph_spacing=1, word_spacing=0,
             bold=False, heading="bold"),
    SizeStep("small", measure=66, line_spacing=0, paragraph_spacing=1, word_spacing=0,
             bold=False, heading="bold"),
    SizeStep("default", measure=60, line_spacing=0, paragraph_spacing=1, word_spacing=0,
             bold=False, heading="rule"),
    SizeStep("large", measure=56, line_spacing=0, paragraph_spacing=2, word_spacing=1,
             bold=False, heading="rule"),
    SizeStep("larger", measure=50, line_spacing=1, paragraph_spacing=2, word_spacing=1,
             bold=True, heading="caps"),
    SizeStep("largest", measure=44, line_spacing=1, paragraph_spacing=3, word_spacing=1,
             bold=True, heading="caps"),
)  # fmt: skip
"""Smallest to largest; each step up shows strictly fewer characters per screen."""

DEFAULT_SIZE = 3
"""Index of the middle step."""


def size_step(index: int) -> SizeStep:
    return SIZE_LADDER[clamp_size(index)]


def clamp_size(index: int) -> int:
    return max(0, min(len(SIZE_LADDER) - 1, index))


def size_label(index: int) -> str:
    """The toolbar's wording: "Size 4/7"."""
    return f"Size {clamp_size(index) + 1}/{len(SIZE_LADDER)}"


# --- WCAG text spacing ---------------------------------------------------------------------

Spacing = Literal["normal", "wcag"]
SPACINGS: tuple[Spacing, ...] = ("normal", "wcag")
DEFAULT_SPACING: Spacing = "normal"

WCAG_LINE_SPACING = 1
"""WCAG 1.4.12 asks for a line height of at least 1.5 times the font size. A row is the
smallest vertical unit a cell grid has, so the honest equivalent is one spacer row after each
line: a line height of 2 rows (2x; 1.5x would need half rows, and a spacer after every other
line would give uneven lines that read as paragraph breaks)."""
WCAG_PARAGRAPH_SPACING = 2
"""Spacing after paragraphs of at least 2 times the font size: two blank rows (a cell is at
least as tall as the font size), always more than the spacer between lines."""
WCAG_WORD_SPACING = 1
"""Word spacing of at least 0.16 em: one extra space (a cell is about 0.5-0.6 em wide)."""
WCAG_LETTER_SPACING_NOTE = (
    "Letter spacing (0.12 em) cannot be added in a cell grid: the smallest step is a whole "
    "cell (about 0.6 em, five times the guideline), which splits words apart for the eye, "
    "for find and for copying. A monospaced font already sets letters on wider advances than "
    "proportional text; the preset adds word spacing instead."
)


def wcag_spacing(step: SizeStep) -> SizeStep:
    """The step with WCAG 1.4.12 text spacing in cell terms (never less than the step has).

    The two largest steps already meet it, so there the preset changes nothing."""
    return replace(
        step,
        line_spacing=max(step.line_spacing, WCAG_LINE_SPACING),
        paragraph_spacing=max(step.paragraph_spacing, WCAG_PARAGRAPH_SPACING),
        word_spacing=max(step.word_spacing, WCAG_WORD_SPACING),
    )


def spaced_step(index: int, spacing: str) -> SizeStep:
    """The size step as shown: ladder step `index`, with WCAG spacing when `spacing` is "wcag"."""
    step = size_step(index)
    return wcag_spacing(step) if spacing == "wcag" else step


# --- contrast ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContrastStep:
    name: str
    minimum: float
    """Every text pair of a palette at this step reaches at least this WCAG ratio."""


CONTRAST_LADDER: tuple[ContrastStep, ...] = (
    ContrastStep("soft", 4.5),
    ContrastStep("standard", 7.0),
    ContrastStep("high", 12.0),
    ContrastStep("maximum", 21.0),
)
DEFAULT_CONTRAST = 1


def clamp_contrast(index: int) -> int:
    return max(0, min(len(CONTRAST_LADDER) - 1, index))


# --- palettes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Palette:
    """Every colour the reading view paints, as opaque #rrggbb (no alpha: ratios stay exact)."""

    background: str
    text: str
    secondary: str
    """Site name, byline, date, captions, list markers, rules, figure frames."""
    heading: str
    link: str
    """Links are also underlined at every step: never colour alone."""
    quote_bar: str
    quote_text: str
    code: str
    toolbar_bg: str
    toolbar_fg: str
    footer_bg: str
    footer_fg: str
    footer_key: str
    highlight_bg: str
    """Hover / focus in the chrome and the current find hit (also bold + underlined)."""
    highlight_fg: str
    match_bg: str
    """Every find hit (also bold: never colour alone)."""
    match_fg: str
    scrollbar: str
    scrollbar_bg: str
    dark: bool
    terminal: bool = False
    """The terminal's own colours: every value is "default" (or a named ANSI colour), so the
    user's colour scheme applies and no ratio can be measured."""

    def pairs(self) -> Iterator[tuple[str, str, str]]:
        """(name, foreground, background) for every pair that is painted together."""
        on_page = ("text", "secondary", "heading", "link", "quote_bar", "quote_text", "code")
        for name in on_page:
            yield name, getattr(self, name), self.background
        yield "toolbar", self.toolbar_fg, self.toolbar_bg
        yield "footer", self.footer_fg, self.footer_bg
        yield "footer_key", self.footer_key, self.footer_bg
        yield "highlight", self.highlight_fg, self.highlight_bg
        yield "match", self.match_fg, self.match_bg
        yield "scrollbar", self.scrollbar, self.scrollbar_bg

    def minimum_ratio(self) -> float:
        return min(contrast_ratio(fg, bg) for _name, fg, bg in self.pairs())

    @property
    def measured(self) -> bool:
        """False for the terminal's own colours, whose ratios only the terminal knows."""
        return not self.terminal

    @property
    def body_ratio(self) -> float:
        """The ratio the toolbar reports: body text on the page."""
        return contrast_ratio(self.text, self.background)


def _palette(dark: bool, *, terminal: bool = False, **colours: str) -> Palette:
    return Palette(dark=dark, terminal=terminal, **colours)


_BLACK_ON_WHITE = _palette(
    False,
    background="#ffffff", text="#000000", secondary="#000000", heading="#000000",
    link="#000000", quote_bar="#000000", quote_text="#000000", code="#000000",
    toolbar_bg="#000000", toolbar_fg="#ffffff", footer_bg="#000000", footer_fg="#ffffff",
    footer_key="#ffffff", highlight_bg="#ffffff", highlight_fg="#000000",
    match_bg="#000000", match_fg="#ffffff", scrollbar="#000000", scrollbar_bg="#ffffff",
)  # fmt: skip

_WHITE_ON_BLACK = _palette(
    True,
    background="#000000", text="#ffffff", secondary="#ffffff", heading="#ffffff",
    link="#ffffff", quote_bar="#ffffff", quote_text="#ffffff", code="#ffffff",
    toolbar_bg="#ffffff", toolbar_fg="#000000", footer_bg="#ffffff", footer_fg="#000000",
    footer_key="#000000", highlight_bg="#000000", highlight_fg="#ffffff",
    match_bg="#ffffff", match_fg="#000000", scrollbar="#ffffff", scrollbar_bg="#000000",
)  # fmt: skip

PALETTES: dict[str, tuple[Palette, ...]] = {
    "light": (
        _palette(
            False,
            background="#f7f7f5", text="#5e5e5e", secondary="#696969", heading="#454545",
            link="#2f5ea8", quote_bar="#6d6d6d", quote_text="#575757", code="#76502a",
            toolbar_bg="#e7e7e3", toolbar_fg="#4a4a4a", footer_bg="#e7e7e3",
            footer_fg="#4a4a4a", footer_key="#2a5599", highlight_bg="#2f5ea8",
            highlight_fg="#ffffff", scrollbar="#5e5e5e", scrollbar_bg="#e7e7e3",
            match_bg="#fde68a", match_fg="#3b3b3b",
        ),
        _palette(
            False,
            background="#fcfcfa", text="#2b2b2b", secondary="#4d4d4d", heading="#1c1c1c",
            link="#1a4b99", quote_bar="#4f4f4f", quote_text="#383838", code="#5a3912",
            toolbar_bg="#e6e6e1", toolbar_fg="#262626", footer_bg="#e6e6e1",
            footer_fg="#262626", footer_key="#173f80", highlight_bg="#1a4b99",
            highlight_fg="#ffffff", scrollbar="#4a4a4a", scrollbar_bg="#e6e6e1",
            match_bg="#fde68a", match_fg="#1f1f1f",
        ),
        _palette(
            False,
            background="#ffffff", text="#111111", secondary="#2b2b2b", heading="#000000",
            link="#0a2d6b", quote_bar="#2e2e2e", quote_text="#1a1a1a", code="#3a2207",
            toolbar_bg="#161616", toolbar_fg="#ffffff", footer_bg="#161616",
            footer_fg="#ffffff", footer_key="#ffffff", highlight_bg="#0a2d6b",
            highlight_fg="#ffffff", scrollbar="#2b2b2b", scrollbar_bg="#ffffff",
            match_bg="#ffd84d", match_fg="#000000",
        ),
        _BLACK_ON_WHITE,
    ),
    "dark": (
        _palette(
            True,
            background="#202124", text="#9c9c9c", secondary="#939393", heading="#b0b0b0",
            link="#80a8e0", quote_bar="#8e8e8e", quote_text="#a2a2a2", code="#c9a77a",
            toolbar_bg="#2c2d31", toolbar_fg="#a6a6a6", footer_bg="#2c2d31",
            footer_fg="#a6a6a6", footer_key="#8fb2e6", highlight_bg="#80a8e0",
            highlight_fg="#16171a", scrollbar="#9c9c9c", scrollbar_bg="#2c2d31",
            match_bg="#5c4813", match_fg="#f0f0f0",
        ),
        _palette(
            True,
            background="#17181b", text="#d2d2d2", secondary="#b4b4b4", heading="#e6e6e6",
            link="#9cc0f5", quote_bar="#b0b0b0", quote_text="#c8c8c8", code="#e3c08f",
            toolbar_bg="#26272b", toolbar_fg="#dcdcdc", footer_bg="#26272b",
            footer_fg="#dcdcdc", footer_key="#a9c8f7", highlight_bg="#9cc0f5",
            highlight_fg="#101114", scrollbar="#b4b4b4", scrollbar_bg="#26272b",
            match_bg="#4d3b00", match_fg="#ffffff",
        ),
        _palette(
            True,
            background="#0a0a0b", text="#f2f2f2", secondary="#d6d6d6", heading="#ffffff",
            link="#c4dbff", quote_bar="#d4d4d4", quote_text="#ebebeb", code="#f5dcb5",
            toolbar_bg="#f2f2f2", toolbar_fg="#0a0a0b", footer_bg="#f2f2f2",
            footer_fg="#0a0a0b", footer_key="#0a0a0b", highlight_bg="#c4dbff",
            highlight_fg="#0a0a0b", scrollbar="#d6d6d6", scrollbar_bg="#0a0a0b",
            match_bg="#ffd75e", match_fg="#000000",
        ),
        _WHITE_ON_BLACK,
    ),
    "sepia": (
        _palette(
            False,
            background="#f3e9d2", text="#6b5841", secondary="#6f5d47", heading="#59472f",
            link="#2d5a8a", quote_bar="#76634b", quote_text="#654f37", code="#7a3f1d",
            toolbar_bg="#e7dbbf", toolbar_fg="#5a4933", footer_bg="#e7dbbf",
            footer_fg="#5a4933", footer_key="#2b5583", highlight_bg="#5a4933",
            highlight_fg="#f7efdc", scrollbar="#66543f", scrollbar_bg="#e7dbbf",
            match_bg="#f5cf6b", match_fg="#3b2e1e",
        ),
        _palette(
            False,
            background="#f5eddb", text="#3f3020", secondary="#54432e", heading="#2e2215",
            link="#1d4670", quote_bar="#5a4832", quote_text="#46362a", code="#5c2a0e",
            toolbar_bg="#e6d9bb", toolbar_fg="#33271a", footer_bg="#e6d9bb",
            footer_fg="#33271a", footer_key="#173a5e", highlight_bg="#3f3020",
            highlight_fg="#f7efdc", scrollbar="#46362a", scrollbar_bg="#e6d9bb",
            match_bg="#f2c75c", match_fg="#1f160b",
        ),
        _palette(
            False,
            background="#fdf8ec", text="#1c140a", secondary="#35291a", heading="#120c05",
            link="#0e2a4a", quote_bar="#35291a", quote_text="#22190d", code="#3a1a05",
            toolbar_bg="#2a2014", toolbar_fg="#fdf8ec", footer_bg="#2a2014",
            footer_fg="#fdf8ec", footer_key="#fdf8ec", highlight_bg="#0e2a4a",
            highlight_fg="#fdf8ec", scrollbar="#35291a", scrollbar_bg="#fdf8ec",
            match_bg="#ffd24d", match_fg="#000000",
        ),
        _BLACK_ON_WHITE,
    ),
}  # fmt: skip
"""theme name → one palette per contrast step. At "maximum" every theme is pure black/white."""

TERMINAL_PALETTE = _palette(
    True,
    background="default", text="default", secondary="default", heading="default",
    link="default", quote_bar="default", quote_text="default", code="default",
    toolbar_bg="default", toolbar_fg="default", footer_bg="default", footer_fg="default",
    footer_key="default", highlight_bg="default", highlight_fg="default",
    match_bg="default", match_fg="default", scrollbar="default", scrollbar_bg="default",
    terminal=True,
)  # fmt: skip
"""The terminal's own colours everywhere. Meaning is carried by attributes alone (links
underlined, headings bold, find hits in reverse video), so any colour scheme works."""

THEMES: tuple[str, ...] = tuple(PALETTES)
"""The measured themes: every pair tested at every contrast step."""
TERMINAL_THEMES: tuple[str, ...] = ("ansi-dark", "ansi-light")
"""The terminal's palette, for a dark or a light terminal background (Textual's names)."""
ALL_THEMES: tuple[str, ...] = THEMES + TERMINAL_THEMES
DEFAULT_THEME = "dark"


def palette(theme: str, contrast: int) -> Palette:
    if theme in TERMINAL_THEMES:
        return TERMINAL_PALETTE
    return PALETTES.get(theme, PALETTES[DEFAULT_THEME])[clamp_contrast(contrast)]


def theme_name(theme: str, contrast: int) -> str:
    """The name a theme x step is registered under in the TUI, e.g. "reader-dark-standard".

    The terminal themes have no steps: "reader-ansi-dark".
    """
    if theme in TERMINAL_THEMES:
        return f"reader-{theme}"
    return f"reader-{theme}-{CONTRAST_LADDER[clamp_contrast(contrast)].name}"


def next_theme(theme: str) -> str:
    index = ALL_THEMES.index(theme) if theme in ALL_THEMES else -1
    return ALL_THEMES[(index + 1) % len(ALL_THEMES)]


def palette_fields() -> tuple[str, ...]:
    """Colour field names, for code that maps every colour (e.g. into Textual variables)."""
    return tuple(f.name for f in fields(Palette) if f.name not in ("dark", "terminal"))


# --- names on the command line -------------------------------------------------------------


def _pick(value: str, names: list[str], what: str) -> int:
    """A 1-based step number or a step name (any case) → 0-based index; ValueError otherwise."""
    text = value.strip().lower()
    if text.isdigit() and 1 <= int(text) <= len(names):
        return int(text) - 1
    if text in names:
        return names.index(text)
    raise ValueError(f"{value!r} is not a {what}; use 1-{len(names)} or one of {', '.join(names)}")


def parse_size(value: str) -> int:
    """`--size`: 1-7 as the toolbar counts ("Size 4/7") or a step name → SIZE_LADDER index."""
    return _pick(value, [step.label for step in SIZE_LADDER], "text size")


def parse_contrast(value: str) -> int:
    """`--contrast`: 1-4 or soft / standard / high / maximum → CONTRAST_LADDER index."""
    return _pick(value, [step.name for step in CONTRAST_LADDER], "contrast step")


def parse_theme(value: str) -> str:
    """`--theme`: one of ALL_THEMES (any case)."""
    text = value.strip().lower()
    if text in ALL_THEMES:
        return text
    raise ValueError(f"{value!r} is not a theme; use one of {', '.join(ALL_THEMES)}")


def parse_spacing(value: str) -> Spacing:
    """`--spacing`: normal or wcag (any case)."""
    text = value.strip().lower()
    for name in SPACINGS:
        if text == name:
            return name
    raise ValueError(f"{value!r} is not a text spacing; use one of {', '.join(SPACINGS)}")
