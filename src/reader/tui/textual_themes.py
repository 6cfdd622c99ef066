"""Textual themes made from the measured palettes, and from the terminal's own colours.

Every variable the app paints is set explicitly from the palette: Textual's generated $text and
$text-muted are alpha blends of the foreground, which would paint colours other than the
measured ones. The terminal themes are Textual's `ansi-dark` / `ansi-light` with the chrome in
the terminal's default colours too (the bar in reverse video), so a user's scheme applies whole.
"""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

from reader.themes import TERMINAL_THEMES, Palette, palette, theme_name


def reader_variables(p: Palette) -> dict[str, str]:
    """The reader's own CSS variables (used in reader.tcss)."""
    return {
        "reader-toolbar-background": p.toolbar_bg,
        "reader-toolbar-foreground": p.toolbar_fg,
        "reader-highlight-background": p.highlight_bg,
        "reader-highlight-foreground": p.highlight_fg,
        "reader-heading": p.heading,
        "reader-secondary": p.secondary,
        "reader-chrome-style": "none",
        "reader-button-style": "bold",
    }


def textual_theme(theme: str, contrast: int) -> Theme:
    """The Textual Theme for one palette, with every variable the app paints set explicitly."""
    if theme in TERMINAL_THEMES:
        return terminal_theme(theme)
    p = palette(theme, contrast)
    variables = {
        "text": p.text,
        "text-muted": p.secondary,
        "text-disabled": p.secondary,
        "foreground-muted": p.secondary,
        "foreground-disabled": p.secondary,
        "footer-background": p.footer_bg,
        "footer-foreground": p.footer_fg,
        "footer-key-foreground": p.footer_key,
        "footer-key-background": p.footer_bg,
        "footer-description-foreground": p.footer_fg,
        "footer-description-background": p.footer_bg,
        "footer-item-background": p.footer_bg,
        "block-hover-background": p.footer_bg,
        "scrollbar": p.scrollbar,
        "scrollbar-hover": p.scrollbar,
        "scrollbar-active": p.scrollbar,
        "scrollbar-background": p.scrollbar_bg,
        "scrollbar-background-hover": p.scrollbar_bg,
        "scrollbar-background-active": p.scrollbar_bg,
        "scrollbar-corner-color": p.scrollbar_bg,
        "link-color": p.link,
        "link-color-hover": p.link,
        "link-background": p.background,
        "link-background-hover": p.background,
        "link-style": "underline",
        "link-style-hover": "bold underline",
        "border": p.secondary,
        "border-blurred": p.secondary,
        "block-cursor-foreground": p.highlight_fg,
        "block-cursor-background": p.highlight_bg,
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": p.text,
        "block-cursor-blurred-background": p.background,
        "block-cursor-blurred-text-style": "underline",
        "screen-selection-background": p.highlight_bg,
        "screen-selection-foreground": p.highlight_fg,
        "input-cursor-background": p.text,
        "input-cursor-foreground": p.background,
        "input-cursor-text-style": "none",
        "input-selection-background": p.highlight_bg,
        "input-selection-foreground": p.highlight_fg,
        **reader_variables(p),
    }
    return Theme(
        name=theme_name(theme, contrast),
        primary=p.link,
        secondary=p.heading,
        accent=p.link,
        warning=p.text,
        error=p.text,
        success=p.text,
        foreground=p.text,
        background=p.background,
        surface=p.background,
        panel=p.toolbar_bg,
        dark=p.dark,
        variables=variables,
    )


def terminal_theme(name: str) -> Theme:
    """Textual's own ANSI theme (the terminal's default colours) plus the reader's variables:
    the bar is drawn in reverse video, so it stands out in any colour scheme."""
    base = BUILTIN_THEMES[name]
    variables = {
        **base.variables,
        "reader-toolbar-background": "ansi_default",
        "reader-toolbar-foreground": "ansi_default",
        "reader-highlight-background": "ansi_default",
        "reader-highlight-foreground": "ansi_default",
        "reader-heading": "ansi_default",
        "reader-secondary": "ansi_default",
        "reader-chrome-style": "reverse",
        "reader-button-style": "bold reverse",
        "block-cursor-text-style": "reverse bold",
        "block-cursor-blurred-text-style": "underline",
        "block-cursor-foreground": "ansi_default",
        "block-cursor-background": "ansi_default",
        "block-cursor-blurred-foreground": "ansi_default",
        "block-cursor-blurred-background": "ansi_default",
        "footer-background": "ansi_default",
        "footer-foreground": "ansi_default",
        "footer-key-foreground": "ansi_default",
        "footer-key-background": "ansi_default",
        "footer-description-foreground": "ansi_default",
        "footer-description-background": "ansi_default",
        "footer-item-background": "ansi_default",
        "scrollbar-background": "ansi_default",
        "scrollbar-background-hover": "ansi_default",
        "scrollbar-background-active": "ansi_default",
        "scrollbar-corner-color": "ansi_default",
    }
    return replace(base, name=theme_name(name, 0), variables=variables)
