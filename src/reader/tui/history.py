"""Back and forward through followed links, as a browser does. Pure data: no textual."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.fetch import Page
from reader.model import Article


@dataclass(frozen=True, slots=True)
class Place:
    """One page in the history: where it came from, what was shown, and where the reader was."""

    url: str | None
    article: Article | None = None
    """None while loading or when loading failed: going there again loads it again."""
    anchor: tuple[int, float] | None = None
    """Where the reader was: (block, fraction through it), restored on back / forward even
    if the text size changed meanwhile. None: the top."""
    page: Page | None = None
    """The page the article was extracted from, when the loader gave it: `s` saves it into
    the library with the article (original HTML, final URL)."""
    saved_id: int | None = None
    """The library entry this article was opened from: its reading position is kept there."""


@dataclass
class History:
    current: Place
    back: list[Place] = field(default_factory=list)
    forward: list[Place] = field(default_factory=list)

    def go(self, place: Place, *, anchor: tuple[int, float] | None) -> None:
        """Leave the current place (remembering `anchor`) for a new one; forward is forgotten."""
        self.back.append(replace(self.current, anchor=anchor))
        self.forward.clear()
        self.current = place

    def go_back(self, *, anchor: tuple[int, float] | None) -> Place | None:
        if not self.back:
            return None
        self.forward.append(replace(self.current, anchor=anchor))
        self.current = self.back.pop()
        return self.current

    def go_forward(self, *, anchor: tuple[int, float] | None) -> Place | None:
        if not self.forward:
            return None
        self.back.append(replace(self.current, anchor=anchor))
        self.current = self.forward.pop()
        return self.current

    def loaded(self, place: Place, article: Article, page: Page | None = None) -> bool:
        """Record a finished load; False if the reader has moved on meanwhile (drop it)."""
        if self.current is not place:
            return False
        self.current = replace(place, article=article, page=page)
        return True

    def saved(self, place: Place, saved_id: int) -> None:
        """The article shown at `place` is now in the library as `saved_id`."""
        if self.current is place:
            self.current = replace(place, saved_id=saved_id)
