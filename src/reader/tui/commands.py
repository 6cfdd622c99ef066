"""Every reader action as a command-palette entry (Ctrl+P), themes and ladder steps included.

The entries name app actions (strings for `App.run_action`), so a command does exactly what
its key does; tests check that every key binding's action has a command here.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.contrast import ratio_label
from reader.themes import ALL_THEMES, CONTRAST_LADDER, DEFAULT_THEME, SIZE_LADDER, palette


@dataclass(frozen=True, slots=True)
class Command:
    title: str
    help: str
    action: str
    """An action string for App.run_action, e.g. "set_theme('sepia')"."""


ACTIONS: tuple[Command, ...] = (
    Command("Larger text", "One step up the size ladder (+)", "size_up"),
    Command("Smaller text", "One step down the size ladder (-)", "size_down"),
    Command("Default text size", "Back to the middle of the size ladder (0)", "size_reset"),
    Command("More contrast", "One step up the contrast ladder (])", "contrast_up"),
    Command("Less contrast", "One step down the contrast ladder ([)", "contrast_down"),
    Command("Next theme", "light, dark, sepia, terminal colours (t)", "next_theme"),
    Command("WCAG text spacing", "Wider line, paragraph and word spacing, on or off (w)",
            "toggle_spacing"),
    Command("Remember or forget this site's look",
            "Size, contrast, theme and spacing for this article's site (R)", "toggle_site"),
    Command("Contents", "Show or hide the table of contents (c)", "toggle_contents"),
    Command("Save to the library", "Keep this article, its page and pictures offline (s)", "save"),
    Command("Library", "Saved articles: search, open, archive, tag, delete (L)", "library"),
    Command("Find in the article", "Highlight every hit, count them (/)", "find"),
    Command("Next hit", "Go to the next find hit (n)", "find_next"),
    Command("Previous hit", "Go to the previous find hit (N)", "find_previous"),
    Command("Close find", "Hide the find bar and its highlights (Esc)", "close_find"),
    Command("Next heading", "Scroll to the next heading (})", "view.next_heading"),
    Command("Previous heading", "Scroll to the previous heading ({)", "view.previous_heading"),
    Command("Top of the article", "Scroll to the start (g, Home)", "view.scroll_home"),
    Command("End of the article", "Scroll to the end (G, End)", "view.scroll_end"),
    Command("Page down", "One screen further (space, PgDn)", "view.page_down"),
    Command("Page up", "One screen back (b, PgUp)", "view.page_up"),
    Command("Half a page down", "Half a screen further (Ctrl+D)", "view.half_page_down"),
    Command("Half a page up", "Half a screen back (Ctrl+U)", "view.half_page_up"),
    Command("Line down", "One line further (j, Down)", "view.scroll_down"),
    Command("Line up", "One line back (k, Up)", "view.scroll_up"),
    Command("Scroll wide tables and code right", "Show more of a wide table or code line (>)",
            "view.scroll_wide_right"),
    Command("Scroll wide tables and code left", "Back towards the start of wide lines (<)",
            "view.scroll_wide_left"),
    Command("Number the links", "Show or hide [1] [2] after each link (f)", "toggle_link_numbers"),
    Command("Links", "List every link: follow, open or copy one (l)", "links"),
    Command("Back", "The page before the last followed link (Backspace, Alt+Left)", "go_back"),
    Command("Forward", "The page gone back from (Alt+Right)", "go_forward"),
    Command("Open in the browser", "The article's web address, in the system browser (o)",
            "open_original"),
    Command("Copy the address", "The article's web address, to the clipboard (y)", "copy_address"),
    Command("Keys and help", "Every key, and what text size means here (?)", "help"),
    Command("Quit", "Leave the reader (q)", "quit"),
)  # fmt: skip


SITE_ACTION = "toggle_site"
"""The action whose ACTIONS entry `site_command` replaces with one naming the site."""


def site_command(site: str | None, remembered: bool) -> Command:
    """The palette's entry for `R`, saying what it will do for which site."""
    if site is None:
        return Command(
            "Remember size and theme for this site",
            "Not available: this article has no web address (R)",
            SITE_ACTION,
        )
    if remembered:
        return Command(
            f"Forget settings for {site}",
            f"Articles from {site} open with your default look again (R)",
            SITE_ACTION,
        )
    return Command(
        f"Remember size and theme for {site}",
        f"Articles from {site} open with this size, contrast, theme and spacing (R)",
        SITE_ACTION,
    )


def theme_commands(contrast: int) -> list[Command]:
    """One entry per theme, showing the body-text ratio it has at the current contrast step."""
    out = []
    for theme in ALL_THEMES:
        colours = palette(theme, contrast)
        if colours.measured:
            step = CONTRAST_LADDER[contrast].name
            detail = f"{ratio_label(colours.body_ratio)} at {step} contrast"
        else:
            detail = "terminal colours: your terminal's scheme decides the contrast"
        out.append(Command(f"Theme: {theme}", detail, f"set_theme({theme!r})"))
    return out


def ladder_commands(theme: str = DEFAULT_THEME) -> list[Command]:
    """Direct jumps to any size or contrast step; a contrast step shows the body-text ratio it
    has in `theme` ("Contrast: high — 17.6:1 AAA"), as the theme entries do."""
    out = [
        Command(
            f"Size: {step.label}",
            f"Step {number} of {len(SIZE_LADDER)}: column {step.measure}, "
            f"{'bold' if step.bold else 'regular'} text",
            f"set_size({number - 1})",
        )
        for number, step in enumerate(SIZE_LADDER, 1)
    ]
    for number, step in enumerate(CONTRAST_LADDER):
        colours = palette(theme, number)
        if colours.measured:
            title = f"Contrast: {step.name} \N{EM DASH} {ratio_label(colours.body_ratio)}"
            detail = f"Every colour pair at least {step.minimum:g}:1 in the {theme} theme"
        else:
            title = f"Contrast: {step.name}"
            detail = "Not with terminal colours: your terminal's scheme decides the contrast"
        out.append(Command(title, detail, f"set_contrast({number})"))
    return out
