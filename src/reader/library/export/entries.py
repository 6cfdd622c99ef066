"""What an export is made of: articles with the library's facts and stored bytes beside them.

Exporters take `ExportEntry` values, not a Library, so they stay pure functions (and can
export an article that was never saved); `load_entries` reads them out of a library, without
any network access.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.library.records import ImageData, SavedArticle
from reader.library.store import Library
from reader.model import Article, Block, Figure, ListBlock, ListItem, Quote


@dataclass(frozen=True, slots=True)
class ExportEntry:
    """One article to export. `saved` is None for an article that is not in a library."""

    article: Article
    saved: SavedArticle | None = None
    images: Mapping[str, ImageData] = field(default_factory=dict)
    """Stored images by their `src` in the article; figures without bytes show their caption."""
    html: bytes | None = None
    """The original page as downloaded (only the JSON export carries it)."""

    @property
    def url(self) -> str | None:
        if self.saved is not None:
            return self.saved.url
        return self.article.url


def figure_sources(blocks: Sequence[Block]) -> Iterator[str]:
    """Every figure `src` in the body, nested ones included, in reading order."""
    for block in blocks:
        match block:
            case Figure(src=src) if src:
                yield src
            case Quote(blocks=inner):
                yield from figure_sources(inner)
            case ListBlock(items=items):
                for item in items:
                    yield from figure_sources(item.blocks)


def with_figure_sources(article: Article, new_src: Callable[[str], str | None]) -> Article:
    """The article with each figure's `src` replaced by `new_src(src)` where that is not None."""

    def swap(blocks: Sequence[Block]) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in blocks:
            match block:
                case Figure(src=src) if src and (local := new_src(src)) is not None:
                    out.append(replace(block, src=local))
                case Quote(blocks=inner):
                    out.append(replace(block, blocks=swap(inner)))
                case ListBlock(items=items):
                    out.append(
                        replace(block, items=tuple(ListItem(swap(item.blocks)) for item in items))
                    )
                case _:
                    out.append(block)
        return tuple(out)

    return replace(article, blocks=swap(article.blocks))


def load_entries(
    library: Library, ids: Iterable[int], *, images: bool = True, html: bool = False
) -> list[ExportEntry]:
    """The saved articles `ids`, in that order, with their stored images (and original pages
    when `html`). Raises ArticleNotFound for an unknown id. Never touches the network."""
    entries: list[ExportEntry] = []
    for article_id in ids:
        saved = library.get(article_id)
        found: dict[str, ImageData] = {}
        if images:
            sources = list(figure_sources(saved.article.blocks))
            if saved.article.image:
                sources.append(saved.article.image)
            for src in dict.fromkeys(sources):
                image = library.image(article_id, src)
                if image is not None:
                    found[src] = image
        page = library.get_html(article_id) if html and saved.has_html else None
        entries.append(ExportEntry(saved.article, saved, found, page))
    return entries


def write_atomically(path: Path, data: bytes) -> None:
    """Write `path` in one step: a failed export never leaves half a file (or clobbers an old
    one) behind. The file gets the usual permissions (the umask applies, unlike mkstemp)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        with temporary.open("xb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
