"""ReaderApp: the reading view with its control bar, its keys and its saved preferences.

Each theme x contrast step is registered as a Textual Theme whose variables are set from the
measured palette (Textual's own $text / $text-muted are alpha blends that would break the
ratios), so the chrome paints exactly the colours the contrast tests check.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.theme import Theme
from textual.widgets import Footer

from reader.config import ConfigError, Preferences, save_preferences
from reader.errors import ReaderError
from reader.model import Article
from reader.themes import (
    CONTRAST_LADDER,
    DEFAULT_CONTRAST,
    DEFAULT_SIZE,
    DEFAULT_THEME,
    THEMES,
    Palette,
    clamp_contrast,
    clamp_size,
    next_theme,
    palette,
    size_step,
    theme_name,
)
from reader.tui.article_view import ArticleView
from reader.tui.help_screen import HelpScreen, KeyHelp, key_help
from reader.tui.toolbar import Toolbar

LOADING = "Loading …"


def _reader_variables(p: Palette) -> dict[str, str]:
    """The reader's own CSS variables (used in reader.tcss)."""
    return {
        "reader-toolbar-background": p.toolbar_bg,
        "reader-toolbar-foreground": p.toolbar_fg,
        "reader-highlight-background": p.highlight_bg,
        "reader-highlight-foreground": p.highlight_fg,
        "reader-heading": p.heading,
        "reader-secondary": p.secondary,
    }


def textual_theme(theme: str, contrast: int) -> Theme:
    """The Textual Theme for one palette, with every variable the app paints set explicitly."""
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
        "block-cursor-blurred-foreground": p.text,
        "block-cursor-blurred-background": p.background,
        "screen-selection-background": p.highlight_bg,
        "screen-selection-foreground": p.highlight_fg,
        **_reader_variables(p),
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


def _section(active: ActiveBinding) -> str:
    if isinstance(active.node, App):
        return "Reading"
    if isinstance(active.node, ArticleView):
        return "Moving through the article"
    return "Other"


_SECTION_ORDER = {"Reading": 0, "Moving through the article": 1, "Other": 2}


class ReaderApp(App[int]):
    """The reading view. `run()` returns 0 when the reader quits normally."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus", "size_up", "Larger", key_display="+"),
        Binding("equals_sign", "size_up", "Larger", key_display="=", show=False),
        Binding("minus", "size_down", "Smaller", key_display="-"),
        Binding("0", "size_reset", "Default size"),
        Binding("right_square_bracket", "contrast_up", "More contrast", key_display="]"),
        Binding("left_square_bracket", "contrast_down", "Less contrast", key_display="["),
        Binding("t", "next_theme", "Theme"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        *,
        article: Article | None = None,
        loader: Callable[[], Awaitable[Article]] | None = None,
        preferences: Preferences | None = None,
        save_preferences: bool = True,
    ) -> None:
        super().__init__()
        prefs = preferences or Preferences()
        self._article = article
        self._loader = loader
        self._size_index = clamp_size(prefs.size)
        self._contrast_index = clamp_contrast(prefs.contrast)
        self._theme_family = prefs.theme if prefs.theme in THEMES else DEFAULT_THEME
        self._problems = prefs.problems
        self._save = save_preferences
        self._save_failed = False
        for name in THEMES:
            for step in range(len(CONTRAST_LADDER)):
                self.register_theme(textual_theme(name, step))
        self.theme = theme_name(self._theme_family, self._contrast_index)

    # --- state ---------------------------------------------------------------------------

    @property
    def preferences(self) -> Preferences:
        return Preferences(
            size=self._size_index, contrast=self._contrast_index, theme=self._theme_family
        )

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Values for the reader's own CSS variables before a reader theme is active."""
        return _reader_variables(palette(DEFAULT_THEME, DEFAULT_CONTRAST))

    def compose(self) -> ComposeResult:
        yield Toolbar(id="toolbar")
        yield ArticleView(
            step=size_step(self._size_index),
            palette=palette(self._theme_family, self._contrast_index),
            id="article",
        )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        view = self.query_one(ArticleView)
        view.focus()
        self._show_state()
        for problem in self._problems:
            self.notify(problem, title="Preferences", severity="warning", timeout=10, markup=False)
        if self._article is not None:
            self._open(self._article)
        elif self._loader is not None:
            view.show_message(LOADING)
            self._load()
        else:
            view.show_message("Nothing to read.")

    def _open(self, article: Article) -> None:
        self.query_one(ArticleView).show_article(article)

    @work(exclusive=True, group="load")
    async def _load(self) -> None:
        """Await the loader off the event loop's critical path; the view says it is loading."""
        assert self._loader is not None
        try:
            article = await self._loader()
        except ReaderError as error:
            self.query_one(ArticleView).show_message(
                f"Could not open the article.\n{error}\nPress q to quit."
            )
            self.notify(
                str(error), title="Could not open the article", severity="error", markup=False
            )
            return
        self._open(article)

    def _show_state(self) -> None:
        colours = palette(self._theme_family, self._contrast_index)
        self.query_one(Toolbar).show_state(
            size=self._size_index,
            contrast_name=CONTRAST_LADDER[self._contrast_index].name,
            palette=colours,
            theme=self._theme_family,
        )

    def _apply(self) -> None:
        """Show a changed size / contrast / theme everywhere, then remember it."""
        colours = palette(self._theme_family, self._contrast_index)
        self.theme = theme_name(self._theme_family, self._contrast_index)
        view = self.query_one(ArticleView)
        view.set_palette(colours)
        view.set_step(size_step(self._size_index))
        self._show_state()
        if self._save:
            try:
                save_preferences(self.preferences)
            except ConfigError as error:
                if not self._save_failed:
                    self._save_failed = True
                    self.notify(
                        str(error), title="Preferences not saved", severity="error", markup=False
                    )

    def _set(self, *, size: int | None = None, contrast: int | None = None) -> None:
        new_size = self._size_index if size is None else clamp_size(size)
        new_contrast = self._contrast_index if contrast is None else clamp_contrast(contrast)
        if (new_size, new_contrast) == (self._size_index, self._contrast_index):
            self.bell()  # already at the end of the ladder
            return
        self._size_index, self._contrast_index = new_size, new_contrast
        self._apply()

    # --- actions (keys and toolbar buttons) ----------------------------------------------

    def action_size_up(self) -> None:
        self._set(size=self._size_index + 1)

    def action_size_down(self) -> None:
        self._set(size=self._size_index - 1)

    def action_size_reset(self) -> None:
        if self._size_index == DEFAULT_SIZE:
            return
        self._set(size=DEFAULT_SIZE)

    def action_contrast_up(self) -> None:
        self._set(contrast=self._contrast_index + 1)

    def action_contrast_down(self) -> None:
        self._set(contrast=self._contrast_index - 1)

    def action_next_theme(self) -> None:
        self._theme_family = next_theme(self._theme_family)
        self._apply()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_rows()))

    async def action_quit(self) -> None:
        self.exit(0)

    def help_rows(self) -> list[KeyHelp]:
        """Help rows from the bindings active on the current screen, app keys first."""
        rows = key_help(self.screen.active_bindings.values(), self.get_key_display, _section)
        rows.sort(key=lambda row: _SECTION_ORDER.get(row.section, 9))
        return rows
