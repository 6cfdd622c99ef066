"""Bringing imported items into a library, without the network and without losing anything.

- An item whose page is already saved is *merged*: its tags are added, and archived / favourite
  are turned on if the import says so; nothing is removed or overwritten (the library's copy of
  the article, its reading position and its other tags stay as they are).
- An item that carries its article (our JSON, Wallabag) is saved at once, with its tags, state,
  favourite flag, reading position and saved time.
- An item with only a URL is handed back in `to_fetch` (duplicates within the file merged); the
  caller fetches it and calls `save_item` with the article, which applies the item's fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from reader.errors import UsageError
from reader.library.imports.items import ImportItem, clean_tags
from reader.library.keys import trusted_canonical, url_key
from reader.library.records import ArticleState, ImageData, Position, SaveResult
from reader.library.store import Library
from reader.model import Article


@dataclass(frozen=True, slots=True)
class ImportReport:
    saved: tuple[int, ...] = ()
    """Ids of the articles saved from the file's own content."""
    merged: tuple[int, ...] = ()
    """Ids of articles that were already in the library (tags and flags merged)."""
    to_fetch: tuple[ImportItem, ...] = ()
    """Items with only a URL, not yet in the library: for the caller to fetch and `save_item`."""
    failed: tuple[tuple[ImportItem, str], ...] = ()
    """Items the library refused, with the reason."""


def existing_id(library: Library, item: ImportItem) -> int | None:
    """The id of the saved article this item's page already is, if any."""
    page_url = item.final_url or item.url
    candidates = [item.url, item.final_url]
    if item.article is not None:
        candidates.append(trusted_canonical(item.article.canonical_url, page_url))
    for url in candidates:
        if url and (found := library.find(url)) is not None:
            return found
    return None


def merge_item(library: Library, article_id: int, item: ImportItem) -> None:
    """Add what the item knows to an article already saved; never take anything away."""
    if item.tags:
        library.tag(article_id, add=item.tags)
    if item.state is ArticleState.ARCHIVED:
        library.set_state(article_id, ArticleState.ARCHIVED)
    if item.favourite:
        library.set_favourite(article_id, True)


def save_item(
    library: Library,
    item: ImportItem,
    article: Article | None = None,
    html: bytes | None = None,
    *,
    final_url: str | None = None,
    html_encoding: str | None = None,
    images: Sequence[ImageData] | None = None,
) -> SaveResult:
    """Save `item` with `article` (default: the item's own) and apply its tags, state, favourite
    flag, reading position and times (and its title, if the page had none). If the page turns
    out to be saved already (another process, a redirect to a known page), the save updates it
    and the item is merged."""
    chosen = article if article is not None else item.article
    if chosen is None:
        raise ValueError(f"no article to save for {item.url}")
    if not chosen.title.strip() and item.title:
        chosen = replace(chosen, title=item.title)  # the other service's title, as a fallback
    with library.atomic():
        return _save_item(library, item, chosen, html, final_url, html_encoding, images)


def _save_item(
    library: Library,
    item: ImportItem,
    chosen: Article,
    html: bytes | None,
    final_url: str | None,
    html_encoding: str | None,
    images: Sequence[ImageData] | None,
) -> SaveResult:
    result = library.save(
        chosen,
        html if html is not None else item.html,
        item.url,
        final_url or item.final_url,
        html_encoding=html_encoding,
        images=images if images is not None else (item.images or None),
        saved_at=item.saved_at,
        updated_at=item.updated_at,
    )
    if not result.created:
        merge_item(library, result.id, item)
        return result
    if item.tags:
        library.tag(result.id, add=item.tags)
    if item.state is not ArticleState.UNREAD:
        library.set_state(result.id, item.state)
    if item.favourite:
        library.set_favourite(result.id, True)
    if item.position != Position():
        library.set_position(result.id, item.position)
    return result


def _combine(first: ImportItem, again: ImportItem) -> ImportItem:
    """One item from two mentions of the same page in a file: every tag, either flag, the
    earliest saved time."""
    times = [t for t in (first.saved_at, again.saved_at) if t is not None]
    archived = ArticleState.ARCHIVED in (first.state, again.state)
    return replace(
        first,
        title=first.title or again.title,
        tags=clean_tags([*first.tags, *again.tags]),
        state=ArticleState.ARCHIVED if archived else first.state,
        favourite=first.favourite or again.favourite,
        saved_at=min(times) if times else None,
    )


def apply_items(library: Library, items: Iterable[ImportItem]) -> ImportReport:
    """Save or merge every item that needs no network; return the rest to fetch (see module)."""
    saved: list[int] = []
    merged: list[int] = []
    pending: dict[str, ImportItem] = {}
    failed: list[tuple[ImportItem, str]] = []
    for item in items:
        try:
            found = existing_id(library, item)
            if found is not None:
                with library.atomic():
                    merge_item(library, found, item)
                merged.append(found)
            elif item.article is not None:
                result = save_item(library, item)
                (saved if result.created else merged).append(result.id)
            else:
                key = url_key(item.url)
                pending[key] = _combine(pending[key], item) if key in pending else item
        except UsageError as error:
            failed.append((item, str(error)))
    return ImportReport(
        saved=tuple(saved),
        merged=tuple(dict.fromkeys(merged)),
        to_fetch=tuple(pending.values()),
        failed=tuple(failed),
    )
