"""ReaderApp: the reading view with its control bar, its keys and its saved preferences.

Each theme x contrast step is registered as a Textual Theme whose variables are set from the
measured palette (Textual's own $text / $text-muted are alpha blends that would break the
ratios), so the chrome paints exactly the colours the contrast tests check. The terminal
themes (`ansi-dark`, `ansi-light`) paint the terminal's default colours instead and say so.

Preferences: the app starts from the saved preferences with the per-run overrides (flags) on
top, and saves a value only when the reader changes it here — so `--theme sepia` for one run
does not become the saved theme unless the reader then picks a theme in the app.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any, ClassVar

from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.filter import LineFilter, Monochrome, NoColor
from textual.screen import Screen

from reader.config import ConfigError, Overrides, Preferences, save_preferences
from reader.contrast import contrast_ratio, monochrome, ratio_label
from reader.errors import ReaderError
from reader.model import Article
from reader.sanitize import one_line
from reader.themes import (
    ALL_THEMES,
    CONTRAST_LADDER,
    DEFAULT_CONTRAST,
    DEFAULT_SIZE,
    DEFAULT_THEME,
    TERMINAL_THEMES,
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
from reader.tui.commands import ACTIONS, ladder_commands, theme_commands
from reader.tui.contents import ContentsPane
from reader.tui.find_bar import FindBar
from reader.tui.footer import ReaderFooter
from reader.tui.help_screen import HelpScreen, KeyHelp, key_help
from reader.tui.history import History, Place
from reader.tui.links import followable, scheme_of
from reader.tui.links_screen import LinkListScreen
from reader.tui.textual_themes import reader_variables, terminal_theme, textual_theme
from reader.tui.toolbar import Toolbar
from reader.typeset import Link, article_links

LOADING = "Loading …"

Loader = Callable[[], Awaitable[Article]]
LinkLoader = Callable[[str], Awaitable[Article]]


SECTIONS: dict[str, str] = {
    "find": "Find",
    "find_next": "Find",
    "find_previous": "Find",
    "close_find": "Find",
    "toggle_link_numbers": "Links",
    "links": "Links",
    "go_back": "Links",
    "go_forward": "Links",
    "open_original": "Links",
    "copy_address": "Links",
    "next_heading": "Moving through the article",
    "previous_heading": "Moving through the article",
    "toggle_contents": "Moving through the article",
}
"""Help sections by action; other app keys are "Reading", other view keys "Moving …"."""

_SECTION_ORDER = {"Reading": 0, "Moving through the article": 1, "Find": 2, "Links": 3}


def _section(active: ActiveBinding) -> str:
    action = active.binding.action
    if action in SECTIONS:
        return SECTIONS[action]
    if isinstance(active.node, App):
        return "Reading"
    if isinstance(active.node, ArticleView):
        return "Moving through the article"
    return "Other"


class ReaderApp(App[int]):
    """The reading view. `run()` returns 0 when the reader quits normally."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus", "size_up", "Larger", key_display="+"),
        Binding("equals_sign", "size_up", "Larger", key_display="=", show=False),
        Binding("minus", "size_down", "Smaller", key_display="-"),
        Binding("0", "size_reset", "Default size", show=False),
        Binding("right_square_bracket", "contrast_up", "More contrast", key_display="]"),
        Binding("left_square_bracket", "contrast_down", "Less contrast", key_display="["),
        Binding("t", "next_theme", "Theme", show=False),
        Binding("c", "toggle_contents", "Contents", show=False),
        Binding("slash", "find", "Find", key_display="/"),
        Binding("n", "find_next", "Next hit", show=False),
        Binding("N", "find_previous", "Previous hit", show=False),
        Binding("escape", "close_find", "Close find or contents", show=False),
        Binding("f", "toggle_link_numbers", "Number the links", show=False),
        Binding("l", "links", "Link list", show=False),
        Binding("backspace,alt+left", "go_back", "Back", show=False),
        Binding("alt+right", "go_forward", "Forward", show=False),
        Binding("o", "open_original", "Open in the browser", show=False),
        Binding("y", "copy_address", "Copy the address", show=False),
        Binding("ctrl+p", "command_palette", "Commands", key_display="^p", show=False,
                priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
        Binding("q", "quit", "Quit"),
    ]  # fmt: skip

    def __init__(
        self,
        *,
        article: Article | None = None,
        loader: Loader | None = None,
        preferences: Preferences | None = None,
        overrides: Overrides | None = None,
        save_preferences: bool = True,
        link_loader: LinkLoader | None = None,
    ) -> None:
        super().__init__()
        stored = preferences or Preferences()
        prefs = (overrides or Overrides()).apply(stored)
        self._stored = replace(stored, problems=())
        """What the file holds; a value changed in the app replaces its own field only."""
        self._article = article
        self._loader = loader
        self._link_loader = link_loader
        self._size_index = clamp_size(prefs.size)
        self._contrast_index = clamp_contrast(prefs.contrast)
        self._theme_family = prefs.theme if prefs.theme in ALL_THEMES else DEFAULT_THEME
        self._words_per_minute = prefs.words_per_minute
        self._problems = stored.problems
        self._save = save_preferences
        self._save_failed = False
        self._history = History(Place(url=article.url if article else None, article=article))
        self._no_color_filters: tuple[tuple[object, ...], list[LineFilter]] | None = None
        for name in THEMES:
            for step in range(len(CONTRAST_LADDER)):
                self.register_theme(textual_theme(name, step))
        for name in TERMINAL_THEMES:
            self.register_theme(terminal_theme(name))
        self.theme = theme_name(self._theme_family, self._contrast_index)

    # --- state ---------------------------------------------------------------------------

    @property
    def preferences(self) -> Preferences:
        """What is shown now (which may differ from what is saved: see the module doc)."""
        return Preferences(
            size=self._size_index,
            contrast=self._contrast_index,
            theme=self._theme_family,
            words_per_minute=self._words_per_minute,
        )

    @property
    def palette(self) -> Palette:
        return palette(self._theme_family, self._contrast_index)

    @property
    def view(self) -> ArticleView:
        """The article view (on the base screen, whatever screen is on top)."""
        return self.screen_stack[0].query_one(ArticleView)

    @property
    def history(self) -> History:
        return self._history

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Values for the reader's own CSS variables before a reader theme is active."""
        return reader_variables(palette(DEFAULT_THEME, DEFAULT_CONTRAST))

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's NO_COLOR filter, fitted to the theme: greys for a measured palette (its
        Monochrome filter), and for the terminal's colours the terminal's own default colours
        (NoColor) — Monochrome would turn "default" into black on black."""
        filters = super().get_line_filters()
        if not self.no_color:
            return filters
        ansi = self.current_theme.ansi
        key = (ansi, *map(id, filters))
        if self._no_color_filters is None or self._no_color_filters[0] != key:
            wanted: LineFilter = NoColor() if ansi else Monochrome()
            fitted = [wanted if isinstance(f, (Monochrome, NoColor)) else f for f in filters]
            self._no_color_filters = (key, fitted)
        return self._no_color_filters[1]

    def compose(self) -> ComposeResult:
        yield Toolbar(id="toolbar")
        with Horizontal(id="main"):
            yield ContentsPane(id="contents")
            yield ArticleView(step=size_step(self._size_index), palette=self.palette, id="article")
        yield FindBar(id="find")
        yield ReaderFooter(id="footer")

    def on_mount(self) -> None:
        view = self.view
        view.focus()
        self.query_one(FindBar).display = False
        self.query_one(ContentsPane).display = False
        self._show_state()
        for problem in self._problems:
            self.notify(problem, title="Preferences", severity="warning", timeout=10, markup=False)
        if self._article is not None:
            view.show_article(self._article)
        elif self._loader is not None:
            view.show_message(LOADING)
            self._load_first(self._history.current)
        else:
            view.show_message("Nothing to read.")

    # --- loading -------------------------------------------------------------------------

    @work(exclusive=True, group="load")
    async def _load_first(self, place: Place) -> None:
        """Await the loader off the event loop's critical path; the view says it is loading."""
        assert self._loader is not None
        await self._finish_load(place, self._loader())

    @work(exclusive=True, group="load")
    async def _load_link(self, place: Place) -> None:
        assert place.url is not None
        if self._link_loader is not None:
            loading = self._link_loader(place.url)
        else:
            from reader.load import load_article

            loading = load_article(place.url)
        await self._finish_load(place, loading)

    async def _finish_load(self, place: Place, loading: Awaitable[Article]) -> None:
        try:
            article = await loading
        except ReaderError as error:
            if self._history.current is place:
                self.view.show_message(f"Could not open the article.\n{error}\nPress q to quit.")
                self.notify(
                    str(error), title="Could not open the article", severity="error", markup=False
                )
            return
        if self._history.loaded(place, article):
            self._close_panes()
            self.view.show_article(article)

    def _show_place(self, place: Place) -> None:
        self.workers.cancel_group(self, "load")
        self._close_panes()
        if place.article is not None:
            self.view.show_article(place.article, anchor=place.anchor)
        elif place.url is not None:
            self.view.show_message(f"{LOADING}\n{place.url}")
            self._load_link(place)

    # --- showing state -------------------------------------------------------------------

    def _show_state(self) -> None:
        colours = self.palette
        if not colours.measured:
            ratio = "terminal colours"
        elif self.no_color:
            grey = contrast_ratio(monochrome(colours.text), monochrome(colours.background))
            ratio = f"{ratio_label(grey)} mono"
        else:
            ratio = ratio_label(colours.body_ratio)
        self.query_one(Toolbar).show_state(
            size=self._size_index,
            contrast_name=CONTRAST_LADDER[self._contrast_index].name,
            ratio=ratio,
            theme=self._theme_family,
        )

    def _apply(self, changed: Iterable[str]) -> None:
        """Show a changed size / contrast / theme everywhere, then remember what changed."""
        colours = self.palette
        self.theme = theme_name(self._theme_family, self._contrast_index)
        view = self.view
        view.set_palette(colours)
        view.set_step(size_step(self._size_index))
        self._show_state()
        current = self.preferences
        self._stored = replace(self._stored, **{name: getattr(current, name) for name in changed})
        if self._save:
            try:
                save_preferences(self._stored)
            except ConfigError as error:
                if not self._save_failed:
                    self._save_failed = True
                    self.notify(
                        str(error), title="Preferences not saved", severity="error", markup=False
                    )

    def _set(self, *, size: int | None = None, contrast: int | None = None) -> None:
        if contrast is not None and not self.palette.measured:
            self.bell()
            self.notify(
                "With terminal colours the contrast is your terminal's own. "
                "Press t for a theme with a measured contrast ladder.",
                title="Contrast",
                markup=False,
            )
            return
        new_size = self._size_index if size is None else clamp_size(size)
        new_contrast = self._contrast_index if contrast is None else clamp_contrast(contrast)
        if (new_size, new_contrast) == (self._size_index, self._contrast_index):
            self.bell()  # already at the end of the ladder
            return
        changed = [
            name
            for name, old, new in (
                ("size", self._size_index, new_size),
                ("contrast", self._contrast_index, new_contrast),
            )
            if old != new
        ]
        self._size_index, self._contrast_index = new_size, new_contrast
        self._apply(changed)

    def on_article_view_moved(self, event: ArticleView.Moved) -> None:
        view = event.view
        if not view.is_attached:
            return  # closing down
        if view.find_query:
            self._show_count()  # a re-layout can renumber the current hit
        if view.provisional:
            return  # a long article still being laid out: keep the last progress label
        progress = view.progress()
        text = "" if progress is None else progress.label(self._words_per_minute)
        for footer in view.screen.query(ReaderFooter):
            footer.show_progress(text)

    # --- size, contrast, theme -----------------------------------------------------------

    def action_size_up(self) -> None:
        self._set(size=self._size_index + 1)

    def action_size_down(self) -> None:
        self._set(size=self._size_index - 1)

    def action_size_reset(self) -> None:
        if self._size_index == DEFAULT_SIZE:
            return
        self._set(size=DEFAULT_SIZE)

    def action_set_size(self, index: int) -> None:
        if clamp_size(index) != self._size_index:
            self._set(size=index)

    def action_contrast_up(self) -> None:
        self._set(contrast=self._contrast_index + 1)

    def action_contrast_down(self) -> None:
        self._set(contrast=self._contrast_index - 1)

    def action_set_contrast(self, index: int) -> None:
        if clamp_contrast(index) != self._contrast_index:
            self._set(contrast=index)

    def action_next_theme(self) -> None:
        self._theme_family = next_theme(self._theme_family)
        self._apply(["theme"])

    def action_set_theme(self, theme: str) -> None:
        if theme in ALL_THEMES and theme != self._theme_family:
            self._theme_family = theme
            self._apply(["theme"])

    # --- contents and headings -----------------------------------------------------------

    def action_toggle_contents(self) -> None:
        pane = self.query_one(ContentsPane)
        if pane.display:
            self._close_contents()
            return
        view = self.view
        entries = view.headings()
        if not entries:
            self.bell()
            return
        pane.display = True
        pane.show_headings(entries, view.current_heading())
        pane.focus_list()

    def _close_contents(self) -> None:
        self.query_one(ContentsPane).display = False
        self.view.focus()

    def on_contents_pane_jump(self, event: ContentsPane.Jump) -> None:
        view = self.view
        headings = view.headings()  # as laid out now: the size may have changed meanwhile
        if 0 <= event.index < len(headings):
            view.go_to_line(headings[event.index].line)
        view.focus()

    def on_contents_pane_closed(self, event: ContentsPane.Closed) -> None:
        self._close_contents()

    # --- find ----------------------------------------------------------------------------

    def action_find(self) -> None:
        self.query_one(FindBar).open()

    def on_find_bar_changed(self, event: FindBar.Changed) -> None:
        view = self.view
        view.find(event.query)
        self._show_count()

    def on_find_bar_submitted(self, event: FindBar.Submitted) -> None:
        if not event.query.strip():
            self._close_find()
            return
        self.view.focus()

    def on_find_bar_closed(self, event: FindBar.Closed) -> None:
        self._close_find()

    def _show_count(self) -> None:
        view = self.view
        if not view.find_query.strip():
            text = ""
        elif not view.hits:
            text = "no hits"
        else:
            text = f"{view.current_hit + 1}/{len(view.hits)}"
        self.query_one(FindBar).show_count(text)

    def _find_step(self, direction: int) -> None:
        view = self.view
        if not view.find_query.strip():
            self.notify("Press / to find words in the article.", title="Find", markup=False)
            return
        if not view.find_step(direction):
            self.bell()
        self._show_count()

    def action_find_next(self) -> None:
        self._find_step(1)

    def action_find_previous(self) -> None:
        self._find_step(-1)

    def action_close_find(self) -> None:
        if self.query_one(FindBar).display:
            self._close_find()
        elif self.query_one(ContentsPane).display:
            self._close_contents()

    def _close_panes(self) -> None:
        """A different article: its find hits and contents no longer apply."""
        if self.query_one(FindBar).display:
            self._close_find()
        if self.query_one(ContentsPane).display:
            self._close_contents()

    def _close_find(self) -> None:
        bar = self.query_one(FindBar)
        bar.display = False
        self.view.clear_find()
        self.view.focus()

    # --- links ---------------------------------------------------------------------------

    def action_toggle_link_numbers(self) -> None:
        self.view.set_link_numbers(not self.view.link_numbers)

    def action_links(self) -> None:
        article = self.view.article
        links = article_links(article) if article is not None else ()
        self.push_screen(LinkListScreen(links), self._link_chosen)

    def _link_chosen(self, link: Link | None) -> None:
        if link is not None:
            self.follow(link.href)

    def on_article_view_link_clicked(self, event: ArticleView.LinkClicked) -> None:
        self.follow(event.href)

    def on_link_list_screen_request(self, event: LinkListScreen.Request) -> None:
        if event.what == "open":
            self.open_in_browser(event.href)
        else:
            self.copy_url(event.href)

    def _refuse(self, href: str) -> None:
        self.notify(
            f"Not followed: {scheme_of(href)} links are shown, never followed.\n{one_line(href)}",
            title="Link",
            severity="warning",
            markup=False,
        )

    def follow(self, href: str) -> None:
        """Open an http(s) link in the reader (fetch + extract); refuse anything else."""
        if not followable(href):
            self._refuse(href)
            return
        place = Place(url=href)
        self._history.go(place, anchor=self.view.reading_place)
        self._show_place(place)

    def action_go_back(self) -> None:
        place = self._history.go_back(anchor=self.view.reading_place)
        if place is None:
            self.bell()
            return
        self._show_place(place)

    def action_go_forward(self) -> None:
        place = self._history.go_forward(anchor=self.view.reading_place)
        if place is None:
            self.bell()
            return
        self._show_place(place)

    def _address(self) -> str | None:
        article = self.view.article
        current = self._history.current
        for url in (
            article.canonical_url if article else None,
            article.url if article else None,
            current.url,
        ):
            if url and followable(url):
                return url
        return None

    def action_open_original(self) -> None:
        url = self._address()
        if url is None:
            self.notify("This article has no web address to open.", title="Open", markup=False)
            return
        self.open_in_browser(url)

    def action_copy_address(self) -> None:
        url = self._address()
        if url is None:
            self.notify("This article has no web address to copy.", title="Copy", markup=False)
            return
        self.copy_url(url)

    def open_in_browser(self, url: str) -> None:
        """Hand an http(s) address to the system browser, off the event loop."""
        if not followable(url):
            self._refuse(url)
            return
        self._open_in_browser(url)

    @work(thread=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        if opened:
            message, severity = f"Opened in your browser:\n{one_line(url)}", "information"
        else:
            message, severity = f"No browser could be started for\n{one_line(url)}", "error"
        self.call_from_thread(
            self.notify, message, title="Browser", severity=severity, markup=False
        )

    def copy_url(self, url: str) -> None:
        """Copy through the terminal (OSC 52): works over ssh, needs no clipboard tool."""
        self.copy_to_clipboard(url)
        self.notify(
            f"Copied to the clipboard (if your terminal allows OSC 52):\n{one_line(url)}",
            title="Address copied",
            markup=False,
        )

    # --- help, palette, quit -------------------------------------------------------------

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

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every reader action, each theme (with its ratio) and each ladder step; Textual's
        own commands except its theme picker (its themes are not measured) and its Quit."""
        commands = (*ACTIONS, *theme_commands(self._contrast_index), *ladder_commands())
        for command in commands:
            run = partial(self.run_command, command.action)
            yield SystemCommand(command.title, command.help, run)
        for system in super().get_system_commands(screen):
            if system.title not in ("Theme", "Quit"):
                yield system

    async def run_command(self, action: str) -> None:
        """Run a command-palette action; "view.*" actions run on the article view."""
        if action.startswith("view."):
            await self.run_action(action.removeprefix("view."), self.view)
        else:
            await self.run_action(action)
