"""Filters shared by listing and searching: tag, site, state, favourite, saved date.

Dates bound the time an article was *saved*. A `date` means that whole local day (so
``since=date(2026, 5, 1), until=date(2026, 5, 1)`` is the first of May); a naive `datetime` is
local time; an aware one is taken as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from reader.errors import UsageError
from reader.library.errors import InvalidTag
from reader.library.keys import site_host
from reader.library.records import ArticleState
from reader.library.text import clean_line

MAX_TAG_LENGTH = 64


def iso(moment: datetime) -> str:
    """UTC, millisecond precision, fixed width: sorts and compares correctly as text."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def tag_name(tag: str) -> str:
    """The stored form of a tag: one line, lower case; raises InvalidTag when empty or too long."""
    name = clean_line(tag).lower()
    if not name or len(name) > MAX_TAG_LENGTH:
        raise InvalidTag(f"not a usable tag: {tag!r}")
    return name


def parse_state(state: ArticleState | str) -> ArticleState:
    try:
        return ArticleState(state)
    except ValueError:
        choices = ", ".join(s.value for s in ArticleState)
        raise UsageError(f"unknown article state {state!r}", f"use one of: {choices}") from None


def _start(moment: date | datetime) -> datetime:
    if isinstance(moment, datetime):
        return moment if moment.tzinfo else moment.astimezone()
    return datetime.combine(moment, time()).astimezone()


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    tag: str | None = None
    site: str | None = None
    """A site name ("VnExpress") or a host ("vnexpress.net"), case-insensitive for ASCII."""
    state: ArticleState | str | None = None
    favourite: bool | None = None
    since: date | datetime | None = None
    until: date | datetime | None = None

    def where(self, alias: str = "a") -> tuple[str, list[object]]:
        """An SQL condition on the `articles` table (as `alias`) and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        if self.tag is not None:
            clauses.append(
                "EXISTS (SELECT 1 FROM article_tags AS ft JOIN tags AS t ON t.id = ft.tag_id"
                f" WHERE ft.article_id = {alias}.id AND t.name = ?)"
            )
            params.append(tag_name(self.tag))
        if self.site is not None:
            site = clean_line(self.site)
            host = site_host(site if "://" in site else f"http://{site}") or site.lower()
            clauses.append(f"({alias}.site = ? COLLATE NOCASE OR {alias}.host = ?)")
            params.extend((site, host))
        if self.state is not None:
            clauses.append(f"{alias}.state = ?")
            params.append(parse_state(self.state).value)
        if self.favourite is not None:
            clauses.append(f"{alias}.favourite = ?")
            params.append(int(self.favourite))
        if self.since is not None:
            clauses.append(f"{alias}.saved_at >= ?")
            params.append(iso(_start(self.since)))
        if self.until is not None:
            if isinstance(self.until, datetime):
                clauses.append(f"{alias}.saved_at <= ?")
                params.append(iso(_start(self.until)))
            else:
                clauses.append(f"{alias}.saved_at < ?")
                params.append(iso(_start(self.until + timedelta(days=1))))
        return (" AND ".join(clauses) or "1"), params
