"""ReaderApp: the reading view with its control bar, its keys and its saved preferences.

Each theme x contrast step is registered as a Textual Theme whose variables are set from the
measured palette (Textual's own $text / $text-muted are alpha blends that would break the
ratios), so the chrome paints exactly the colours the contrast tests check. The terminal
themes (`ansi-dark`, `ansi-light`) paint the terminal's default colours instead and say so.

Preferences: the app starts from the saved preferences with the per-run overrides (flags) on
top, and saves a value only when the reader changes it here — so `--theme sepia` for one run
does not become the saved theme unless the reader then picks a theme in the app. A flag holds
for the run until the reader changes that same setting here; from then on their choice does.

Sites: every article shown (first load, followed link, back / forward, the library) is shown
with its site's remembered look if it has one (config `[sites."host"]`), flags still on top.
`R` remembers the current look for the article's site, or forgets it. While the article's
site has its own look, changing size, contrast, theme or spacing updates that site's entry,
not the defaults; the toolbar says "Site: host" meanwhile.
"""

from __future__ import annotations

import asyncio
import os
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

from reader.config import ConfigError, Overrides, Preferences, save_preferences, site_of
from reader.contrast import contrast_ratio, monochrome, ratio_label
from reader.errors import ReaderError
from reader.fetch import Page
from reader.library import Library, Position, SavedArticle
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
    spaced_step,
    theme_name,
)
from reader.tui.article_view import ArticleView
from reader.tui.commands import (
    ACTIONS,
    SITE_ACTION,
    ladder_commands,
    site_command,
    theme_commands,
)
from reader.tui.contents import ContentsPane
from reader.tui.find_bar import FindBar
from reader.tui.footer import ReaderFooter
from reader.tui.help_screen import HelpScreen, KeyHelp, key_help
from reader.tui.history import History, Place
from reader.tui.keys import binding_ids, identified, unknown_actions
from reader.tui.library_screen import LibraryScreen
from reader.tui.links import followable, scheme_of
from reader.tui.links_screen import LinkListScreen
from reader.tui.saving import save_request, save_shown
from reader.tui.textual_themes import reader_variables, terminal_theme, textual_theme
from reader.tui.toolbar import Toolbar
from reader.typeset import Link, article_links

LOADING = "Loading …"

Loaded = Article | tuple[Page, Article]
"""What a loader gives: the Article, or (Page, Article) as `reader.load.load_page` returns, so
that `s` can save the original page (HTML, final URL) and resolve its images."""
Loader = Callable[[], Awaitable[Loaded]]
LinkLoader = Callable[[str], Awaitable[Loaded]]
LibrarySource = Library | str | os.PathLike[str] | None
"""An open Library (its owner closes it), a library file, or None for the default one."""

POSITION_SCALE = 1000
"""A saved reading position is (top block, thousandths of the way through it): unlike a line
offset it stays right when the article is reopened at another size or width."""


def position_of(anchor: tuple[int, float] | None) -> Position:
    if anchor is None or anchor[0] < 0:
        return Position()
    return Position(anchor[0], min(POSITION_SCALE - 1, round(anchor[1] * POSITION_SCALE)))


def anchor_of(position: Position) -> tuple[int, float] | None:
    if position == Position():
        return None
    return position.block, position.offset / POSITION_SCALE


def _site_of(place: Place) -> str | None:
    """The site an article belongs to: its own address first, then its canonical one, the page
    it was extracted from, and the address it was opened by."""
    article = place.article
    for url in (
        article.url if article else None,
        article.canonical_url if article else None,
        place.page.url if place.page else None,
        place.url,
    ):
        site = site_of(url)
        if site is not None:
            return site
    return None


def _split(loaded: Loaded) -> tuple[Page | None, Article]:
    if isinstance(loaded, Article):
        return None, loaded
    return loaded


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
    "save": "Library",
    "library": "Library",
}
"""Help sections by action; other app keys are "Reading", other view keys "Moving …"."""

_SECTION_ORDER = {
    "Reading": 0,
    "Moving through the article": 1,
    "Find": 2,
    "Links": 3,
    "Library": 4,
}


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
    BINDINGS: ClassVar[list[BindingType]] = identified([
        Binding("plus", "size_up", "Larger", key_display="+"),
        Binding("equals_sign", "size_up", "Larger", key_display="=", show=False),
        Binding("minus", "size_down", "Smaller", key_display="-"),
        Binding("0", "size_reset", "Default size", show=False),
        Binding("right_square_bracket", "contrast_up", "More contrast", key_display="]"),
        Binding("left_square_bracket", "contrast_down", "Less contrast", key_display="["),
        Binding("t", "next_theme", "Theme", show=False),
        Binding("w", "toggle_spacing", "WCAG text spacing", show=False),
        Binding("R", "toggle_site", "Remember/forget site look", show=False),
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
        Binding("s", "save", "Save to the library", show=False),
        Binding("L", "library", "Library", show=False),
        Binding("ctrl+p", "command_palette", "Commands", key_display="^p", show=False,
                priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f1", "help", "Help", show=False),
        Binding("q", "quit", "Quit"),
    ])  # fmt: skip

    def __init__(
        self,
        *,
        article: Article | None = None,
        loader: Loader | None = None,
        preferences: Preferences | None = None,
        overrides: Overrides | None = None,
        save_preferences: bool = True,
        link_loader: LinkLoader | None = None,
        page: Page | None = None,
        saved: SavedArticle | None = None,
        library: LibrarySource = None,
        open_library: bool = False,
    ) -> None:
        """`article` (with its `page`, if known) or `loader` gives the first article; `saved`
        opens one from the library at its reading position. `library` is where `s` saves and
        `L` browses; `open_library` starts on the library screen (`reader library`)."""
        super().__init__()
        stored = preferences or Preferences()
        self._stored = replace(stored, problems=())
        """What the file holds; a value changed in the app replaces its own field only."""
        self._overrides = overrides or Overrides()
        """The flags still in force: one is dropped once the reader changes its setting here."""
        if saved is not None:
            article = saved.article
        first = Place(
            url=saved.url if saved else (article.url if article else None),
            article=article,
            page=page,
            saved_id=saved.id if saved else None,
            anchor=anchor_of(saved.position) if saved else None,
        )
        self._site = _site_of(first)
        """The site of the article shown (or loading): whose remembered look applies."""
        prefs = self._look_for(self._site)
        self._article = article
        self._loader = loader
        self._link_loader = link_loader
        self._size_index = clamp_size(prefs.size)
        self._contrast_index = clamp_contrast(prefs.contrast)
        self._theme_family = prefs.theme if prefs.theme in ALL_THEMES else DEFAULT_THEME
        self._spacing = prefs.spacing
        self._words_per_minute = prefs.words_per_minute
        self._problems = stored.problems
        self._save = save_preferences
        self._save_failed = False
        self._history = History(first)
        self._library_source = library
        self._library: Library | None = library if isinstance(library, Library) else None
        self._library_lock = asyncio.Lock()
        self._open_library_first = open_library
        self._failure: ReaderError | None = None
        """The load failure the view shows now: quitting then returns its exit code."""
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
            spacing=self._spacing,
            words_per_minute=self._words_per_minute,
            language=self._stored.language,
        )

    @property
    def site(self) -> str | None:
        """The site (host without `www.`) of the article shown or loading; None without one."""
        return self._site

    @property
    def site_remembered(self) -> bool:
        """Whether that site has its own look, which changes made now update."""
        return self._site is not None and self._site in self._stored.sites

    @property
    def stored(self) -> Preferences:
        """What the preferences file holds (or would, when saving is off)."""
        return self._stored

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
            yield ArticleView(
                step=spaced_step(self._size_index, self._spacing),
                palette=self.palette,
                id="article",
            )
        yield FindBar(id="find")
        yield ReaderFooter(id="footer")

    def on_mount(self) -> None:
        view = self.view
        view.focus()
        self.query_one(FindBar).display = False
        self.query_one(ContentsPane).display = False
        self._show_state()
        self._apply_keymap()
        for problem in self._problems:
            self.notify(problem, title="Preferences", severity="warning", timeout=10, markup=False)
        if self._article is not None:
            self._show_article(self._article, self._history.current)
        elif self._loader is not None:
            view.show_message(LOADING)
            self._load_first(self._history.current)
        else:
            view.show_message("Nothing to read. Press L for the library.")
        if self._open_library_first:
            self.action_library()

    def _apply_keymap(self) -> None:
        """`[keys]` from the config: known action names are rebound, unknown ones reported."""
        keymap = dict(self._stored.keys)
        if not keymap:
            return
        unknown = unknown_actions(keymap, binding_ids(self.BINDINGS, ArticleView.BINDINGS))
        if unknown:
            self._problems = (
                *self._problems,
                f"[keys] names no action: {', '.join(unknown)} (the help screen, ?, lists "
                "the actions; their names are in the README)",
            )
        self.set_keymap({k: v for k, v in keymap.items() if k not in unknown})

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
            from reader.load import load_page

            # An address from a web page: never a local file (the CLI's loader does the same).
            loading = load_page(place.url, allow_local=False, language=self.preferences.language)
        await self._finish_load(place, loading)

    async def _finish_load(self, place: Place, loading: Awaitable[Loaded]) -> None:
        try:
            page, article = _split(await loading)
        except ReaderError as error:
            if self._history.current is place:
                self._failure = error
                self.view.show_message(f"Could not open the article.\n{error}\nPress q to quit.")
                self.notify(
                    str(error), title="Could not open the article", severity="error", markup=False
                )
            return
        if self._history.loaded(place, article, page):
            self._close_panes()
            self._failure = None
            self._show_article(article, replace(self._history.current, anchor=None))

    def _show_place(self, place: Place) -> None:
        self.workers.cancel_group(self, "load")
        self._close_panes()
        self._failure = None
        if place.article is not None:
            self._show_article(place.article, place)
        elif place.url is not None:
            self.view.show_message(f"{LOADING}\n{place.url}")
            self._enter_site(site_of(place.url))  # its look while it loads
            self._load_link(place)

    def _show_article(self, article: Article, place: Place) -> None:
        """Show `article` (from `place`, at its anchor) in its site's look, laid out once."""
        self._site = _site_of(replace(place, article=article))
        self._take_look(self._look_for(self._site))
        self.theme = theme_name(self._theme_family, self._contrast_index)
        self.view.show_article(
            article,
            anchor=place.anchor,
            step=spaced_step(self._size_index, self._spacing),
            palette=self.palette,
        )
        self._show_state()

    # --- per-site looks ------------------------------------------------------------------

    def _look_for(self, site: str | None) -> Preferences:
        """What an article from `site` is shown with: its remembered look (else the defaults),
        with the flags still in force on top."""
        return self._overrides.apply(self._stored.for_site(site))

    def _take_look(self, prefs: Preferences) -> bool:
        """Make `prefs`' size, contrast, theme and spacing the current ones; True if any
        changed (the caller repaints)."""
        before = (self._size_index, self._contrast_index, self._theme_family, self._spacing)
        self._size_index = clamp_size(prefs.size)
        self._contrast_index = clamp_contrast(prefs.contrast)
        self._theme_family = prefs.theme if prefs.theme in ALL_THEMES else DEFAULT_THEME
        self._spacing = prefs.spacing
        return before != (
            self._size_index,
            self._contrast_index,
            self._theme_family,
            self._spacing,
        )

    def _enter_site(self, site: str | None) -> None:
        """About to show something from `site`: switch to its look."""
        self._site = site
        if self._take_look(self._look_for(site)):
            self._repaint()
        else:
            self._show_state()

    def action_toggle_site(self) -> None:
        """`R`: remember the look shown now for the article's site, or forget the site's look
        (its articles then use the defaults again)."""
        site = self._site
        if site is None:
            self.notify(
                "This article has no web address, so there is no site to remember a look for.",
                title="Site settings",
                markup=False,
            )
            return
        sites = dict(self._stored.sites)
        if site in sites:
            del sites[site]
            self._stored = replace(self._stored, sites=sites)
            self._write()
            self._enter_site(site)
            self.notify(
                f"Forgot the settings for {site}: its articles use your defaults again "
                f"({self._stored.look.describe()}).",
                title="Site settings",
                markup=False,
            )
            return
        look = self.preferences.look
        sites[site] = look
        self._stored = replace(self._stored, sites=sites)
        self._write()
        self._show_state()
        self.notify(
            f"Remembered for {site}: {look.describe()}. Changes you make now apply to {site} "
            "only; R forgets them.",
            title="Site settings",
            markup=False,
        )

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
            spacing=self._spacing,
            site=self._site if self.site_remembered else None,
        )

    def _repaint(self) -> None:
        """Show the current size / contrast / theme / spacing everywhere."""
        self.theme = theme_name(self._theme_family, self._contrast_index)
        view = self.view
        view.set_palette(self.palette)
        view.set_step(spaced_step(self._size_index, self._spacing))
        self._show_state()

    def _apply(self, changed: Iterable[str]) -> None:
        """Show a changed size / contrast / theme everywhere, then remember what changed: in
        the site's own look while it has one, else in the defaults."""
        changed = list(changed)
        self._repaint()
        self._overrides = replace(self._overrides, **dict.fromkeys(changed))
        look = self.preferences.look
        values = {name: getattr(look, name) for name in changed}
        if self.site_remembered:
            assert self._site is not None
            sites = dict(self._stored.sites)
            sites[self._site] = replace(sites[self._site], **values)
            self._stored = replace(self._stored, sites=sites)
        else:
            self._stored = replace(self._stored, **values)
        self._write()

    def _write(self) -> None:
        """Save what the file should hold; a failure is shown once per run, not per change."""
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

    def action_toggle_spacing(self) -> None:
        """WCAG 1.4.12 text spacing on or off, on top of whatever size step is chosen."""
        self._spacing = "normal" if self._spacing == "wcag" else "wcag"
        self._apply(["spacing"])

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
        self._keep_position()
        self._history.go(place, anchor=self.view.reading_place)
        self._show_place(place)

    def action_go_back(self) -> None:
        if self._history.back:
            self._keep_position()
        place = self._history.go_back(anchor=self.view.reading_place)
        if place is None:
            self.bell()
            return
        self._show_place(place)

    def action_go_forward(self) -> None:
        if self._history.forward:
            self._keep_position()
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

    # --- the library ---------------------------------------------------------------------

    async def library(self) -> Library:
        """The library, opened on first use off the event loop; raises LibraryError."""
        async with self._library_lock:
            if self._library is None:
                source = self._library_source
                assert not isinstance(source, Library)
                self._library = await asyncio.to_thread(Library.open, source)
            return self._library

    def _library_error(self, error: ReaderError, title: str = "Library") -> None:
        self.notify(str(error), title=title, severity="error", timeout=10, markup=False)

    def action_save(self) -> None:
        """`s`: save the article shown (its page and pictures too) into the library."""
        place, article = self._history.current, self.view.article
        if article is None or place.article is None:
            self.notify("There is no article to save yet.", title="Save", markup=False)
            return
        self._save_shown(place, article)

    @work(exclusive=True, group="save")
    async def _save_shown(self, place: Place, article: Article) -> None:
        self.notify("Saving to the library …", title="Save", timeout=2, markup=False)
        try:
            library = await self.library()
            result = await save_shown(library, save_request(place, article))
        except ReaderError as error:
            self._library_error(error, "Not saved")
            return
        self._history.saved(place, result.id)
        word = "Saved to the library" if result.created else "Updated in the library"
        self.notify(f"{word} (id {result.id}).", title="Save", markup=False)

    def action_library(self) -> None:
        """`L`: the library screen; Enter there opens a saved article here (no network)."""
        if not isinstance(self.screen, LibraryScreen):
            self._show_library()

    @work(exclusive=True, group="library")
    async def _show_library(self) -> None:
        try:
            library = await self.library()
        except ReaderError as error:
            self._library_error(error)
            return
        self._keep_position()
        await self.push_screen(LibraryScreen(library), self._library_closed)

    def _library_closed(self, article_id: int | None) -> None:
        if article_id is not None:
            self._open_saved(article_id)
        elif self.view.article is None and self._loader is None and self._open_library_first:
            self.exit(0)  # `reader library` closed without reading anything

    @work(exclusive=True, group="load")
    async def _open_saved(self, article_id: int) -> None:
        try:
            library = await self.library()
            saved = await asyncio.to_thread(library.get, article_id)
        except ReaderError as error:
            self._library_error(error, "Could not open the article")
            return
        place = Place(
            url=saved.url,
            article=saved.article,
            saved_id=saved.id,
            anchor=anchor_of(saved.position),
        )
        if self._history.current.article is not None or self._history.current.url:
            self._keep_position()
            self._history.go(place, anchor=self.view.reading_place)
        else:
            self._history.current = place  # nothing was shown: no empty page to go back to
        self._close_panes()
        self._failure = None
        self._show_article(saved.article, place)

    def _keep_position(self) -> None:
        """About to show another article: keep this one's place if it is in the library."""
        place = self._history.current
        if place.saved_id is not None and place.article is not None:
            self.run_worker(
                self._store_position(place.saved_id, position_of(self.view.reading_place)),
                group="position",
            )

    async def _store_position(self, article_id: int, position: Position) -> None:
        try:
            library = await self.library()
            await asyncio.to_thread(library.set_position, article_id, position)
        except ReaderError:
            pass  # deleted meanwhile, or the library is gone: a position is not worth an error

    # --- help, palette, quit -------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_rows()))

    async def action_quit(self) -> None:
        """Quit, keeping the reading position of a library article; the exit code is the
        shown load failure's (scripts can tell), else 0."""
        place, anchor = self._history.current, self.view.reading_place
        if place.saved_id is not None and place.article is not None:
            await self._store_position(place.saved_id, position_of(anchor))
        self.exit(self._failure.exit_code if self._failure is not None else 0)

    async def on_unmount(self) -> None:
        if self._library is not None and not isinstance(self._library_source, Library):
            library, self._library = self._library, None
            await asyncio.to_thread(library.close)

    def help_rows(self) -> list[KeyHelp]:
        """Help rows from the bindings active on the current screen, app keys first."""
        rows = key_help(self.screen.active_bindings.values(), self.get_key_display, _section)
        rows.sort(key=lambda row: _SECTION_ORDER.get(row.section, 9))
        return rows

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every reader action, each theme (with its ratio) and each ladder step; Textual's
        own commands except its theme picker (its themes are not measured) and its Quit."""
        commands = (
            *ACTIONS,
            *theme_commands(self._contrast_index),
            *ladder_commands(self._theme_family),
        )
        for command in commands:
            if command.action == SITE_ACTION:
                command = site_command(self._site, self.site_remembered)
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
