"""Title, authors, dates, site, language, lead, canonical URL and image: what a page says about
its article, from the most deliberate statement to the least.

Sources, best first: JSON-LD (schema.org Article), Open Graph / article:* / Dublin Core / other
meta tags, microdata (itemprop), markup (<h1>, <time datetime>, rel=author, byline and date
boxes), then <title>. The body itself (a "Tác giả:" line, a bold lead) is read later by `tidy`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from reader.extract import hints
from reader.extract.byline import byline_names, looks_like_name
from reader.extract.dates import find_date, leading_date, to_iso
from reader.extract.dom import BLOCK_TAGS, Document, Element, has_text, inner_text
from reader.extract.names import (
    handle_of,
    looks_organisational,
    looks_personal,
    split_authors,
    unique_names,
)
from reader.extract.text import clean_line, sanitize
from reader.extract.titles import Heading, choose_title, heading, site_from_title, title_key
from reader.extract.titles import strip_site_name as strip_site_name
from reader.extract.urls import resolve

__all__ = ["Metadata", "date_near_headline", "read_metadata", "split_authors", "strip_site_name"]

_ARTICLE_TYPES = re.compile(
    r"(?:Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting|Review|Recipe|"
    r"HowTo|Question|Posting)$"
)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_LD_MAX_NODES = 5_000
_UTC = re.compile(r"T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]00:?00)$", re.IGNORECASE)
# Meta names (property / name / itemprop), most deliberate first.
_AUTHOR_KEYS = (
    "dc:creator", "dcterms:creator", "author", "article:author", "og:article:author",
    "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl",
    "cxenseparse:author", "twitter:creator",
)  # fmt: skip
_DATE_KEYS = (
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "published_time", "datecreated", "release_date",
    "original-publish-date",
)  # fmt: skip
_MODIFIED_KEYS = ("og:updated_time", "article:modified_time")
_ONE_BYLINE = 30
"""Elements from the first author link within which the others belong to the same byline."""
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|autor(?:en|es)?|auteurs?|autori?|journalists?)/[^/?#]", re.I
)
_BYLINE_REACH = 25
_ABOVE_HEADLINE = 4
"""Elements before the <h1> searched for a date-and-name line of small print."""
_PICTURE_BY = re.compile(
    r"\W*(?:photos?|photography|photographs?|pictures?|images?|fotos?|fotografie|bilder?)"
    r"(?:\s+(?:by|von|par|por|di|door|av|af)\b|\s*:)\s*",
    re.I,
)
_PICTURE_CREDIT = re.compile(r"\W*(?:photos?|photographs?|pictures?|images?|fotos?|bild)\b", re.I)
_PUBLISHED_PROPERTY = re.compile(r"(?:^|[\s:])date(?:published|created)\b", re.I)
_DATE_LABEL = re.compile(
    r"""\W*(?:
      published|posted|publication\s+date|date|created|(?:last\s+)?(?:updated|edited|modified)|
      erschienen|veröffentlicht|publiziert|datum|erstellt|(?:zuletzt\s+)?aktualisiert|stand|
      publié|mis\s+en\s+ligne|mise\s+en\s+ligne|mis\s+à\s+jour|date\s+de\s+publication|
      publicado|fecha(?:\s+de\s+publicaci[oó]n)?|actualizado|pubblicato|aggiornato|data|
      gepubliceerd|bijgewerkt|publicerad|uppdaterad|opublikowano|zaktualizowano|
      letzte\s+änderung
    )\b\s*(?:(?:on|am|le|el|il|op|den|vom|at)\b)?\s*:?\s*""",
    re.IGNORECASE | re.VERBOSE,
)
"""A label before a date: "Published on", "Veröffentlicht am", "Datum:", "Mis à jour le"."""
_BOX_REACH = 15
"""Elements either side of the headline within which a date box belongs to the article."""
_NEAR_HEADLINE = 40
"""Elements after the <h1> searched for a printed date (a quarter of it before)."""
_JUST_UNDER_HEADLINE = 12
_IMAGE_KEYS = (
    "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
)  # fmt: skip


@dataclass(slots=True)
class Metadata:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    language: str | None = None
    description: str | None = None
    lead_box: Element | None = None
    """An element marked as the lead (class "sapo", "standfirst"...), if any."""
    canonical_url: str | None = None
    image: str | None = None
    article_body: str = ""
    """JSON-LD articleBody as written (line breaks kept): a scoring hint and a fallback body."""
    extras: dict[str, str] = field(default_factory=dict)


def read_metadata(document: Document, base: str | None) -> Metadata:
    metas = _meta_map(document)
    ld = _json_ld(document.json_ld)
    marks = _Marks.scan(document)
    meta = Metadata()

    meta.site_name = (
        _first(metas, "og:site_name", "application-name", "twitter:app:name:iphone")
        or _ld_name(ld.get("publisher"))
        or None
    )
    meta.title = _title(document, metas, ld, marks, meta.site_name)
    if not meta.site_name:
        meta.site_name = site_from_title(document.title, meta.title)
    marks.find_headline(meta.title)

    publisher = _ld_name(ld.get("publisher"))
    declared = _declared_authors(document, metas, ld, meta.site_name, publisher, base)
    own = bool(declared) and _all_publisher(declared, meta.site_name, publisher, base)
    if declared and (own or not any(looks_personal(name) for name in declared)):
        # The site, an organisation or a user name named as the author: a byline on the page
        # may name the people ("jdoe" for Jane Doe; "Verein e.V." for its writer).
        personal = (
            [name for name in marks.authors() if looks_personal(name)]
            or [
                name
                for name in marks.byline_near_headline(document, _BYLINE_REACH)
                if looks_personal(name)
            ]
            or _all_personal(marks.byline_in_page(document))
        )
        if personal and (
            own
            or any(looks_organisational(name) for name in declared)
            or (len(declared) == 1 and handle_of(declared[0], personal[0]))
        ):  # "von David Straub, MDR THÜRINGEN": the person, not the site again
            declared = personal
    if declared:
        # The structured data names the first author only; the page's author links name all.
        shown = marks.explicit_names()
        keys = {name.casefold() for name in shown}
        extra = [name for name in shown if name.casefold() not in {n.casefold() for n in declared}]
        if (
            extra
            and all(name.casefold() in keys for name in declared)
            and all(looks_personal(name) for name in extra)
        ):
            declared = shown
    photographers = marks.photographers()
    if photographers and declared:
        # "By Jane Doe / Photography by John Roe": the schema lists both, the text has one author
        writers = [name for name in declared if name.casefold() not in photographers]
        declared = writers or declared
    shown = (
        declared
        or marks.authors()
        or marks.byline_near_headline(document, _BYLINE_REACH)
        or marks.byline_in_page(document)
    )
    meta.authors = _without_publisher(shown, meta.site_name, publisher, base)

    day_first = not (document.lang or "").lower().startswith("en-us")
    declared_date = to_iso(
        _first(metas, "article:published_time", "og:published_time", "datepublished")
    )
    in_ld = to_iso(_str(ld.get("datePublished")))
    near = marks.date_near_headline(document, day_first, _NEAR_HEADLINE)
    if in_ld and declared_date and in_ld[:10] != declared_date[:10]:
        # The meta tag and the structured data disagree: the one the page prints is right
        # (by the headline, else anywhere).
        printed = [day[:10] for day in marks.printed_dates(day_first, near)[:1]]
        if in_ld[:10] not in printed and declared_date[:10] not in printed:
            printed = list(_printed_days(document, day_first, {declared_date[:4], in_ld[:4]}))
        if in_ld[:10] in printed and declared_date[:10] not in printed:
            declared_date = in_ld
    declared_date = declared_date or in_ld
    modified = to_iso(_first(metas, "article:modified_time", "datemodified")) or to_iso(
        _str(ld.get("dateModified"))
    )
    if declared_date:
        printed = marks.printed_dates(day_first, near)
        meta.published = _local_day(declared_date, printed)
        if modified and modified[:10] != meta.published[:10]:
            # A page that shows readers only the day it was updated: that is its date.
            updated = _local_day(modified, printed)
            shown_days = _printed_days(
                document, day_first, {meta.published[:4], updated[:4]}, skip_footer=True
            )
            if updated[:10] in shown_days and meta.published[:10] not in shown_days:
                meta.published = updated
    else:
        # A date printed under the headline or in a date box before a bare meta "date" (often
        # the day the page was last built), and a modification date only as the last resort.
        # A bare meta "date" the page also prints by the headline is as good as a declared one.
        # Late: a date in the page's <title> or in its description ("(Notizia del 14 Gennaio").
        bare = to_iso(_first(metas, *_DATE_KEYS), day_first=day_first)
        meta.published = (
            marks.published(day_first, declared_only=True)
            or (bare if bare and near and bare[:10] == near[:10] else None)
            or marks.date_near_headline(document, day_first, _JUST_UNDER_HEADLINE)
            or labelled_date(document, day_first)
            or marks.published(day_first)
            or bare
            or near
            or find_date(document.title or "", day_first=day_first)
            or find_date(
                _first(metas, "og:description", "description", "twitter:description") or "",
                day_first=day_first,
            )
            or to_iso(_first(metas, *_MODIFIED_KEYS), day_first=day_first)
        )
    if modified:
        meta.extras["modified"] = modified

    meta.language = _language(
        document.lang
        or _first(metas, "content-language", "dc.language", "og:locale")
        or _str(ld.get("inLanguage"))
    )
    meta.description = (
        clean_line(_first(metas, "og:description", "description", "twitter:description"))
        or clean_line(_str(ld.get("description")))
        or None
    )
    meta.lead_box = marks.lead
    canonical = next(
        (
            link.get("href")
            for link in document.links
            if "canonical" in (link.get("rel") or "").lower().split()
        ),
        None,
    ) or _first(metas, "og:url")
    meta.canonical_url = resolve(base, canonical) if canonical else None
    image = (
        _first(metas, *_IMAGE_KEYS)
        or _ld_image(ld.get("image"))
        or next(
            (link.get("href") for link in document.links if (link.get("rel") or "") == "image_src"),
            None,
        )
    )
    meta.image = resolve(base, image) if image else None
    body = ld.get("articleBody")
    meta.article_body = sanitize(body).strip() if isinstance(body, str) else ""
    for key, names in (
        ("section", ("article:section", "section", "parsely-section")),
        ("keywords", ("keywords", "news_keywords", "article:tag")),
    ):
        value = clean_line(_first(metas, *names))
        if value:
            meta.extras[key] = value
    return meta


# --- meta tags --------------------------------------------------------------------------------


def _meta_map(document: Document) -> dict[str, str]:
    found: dict[str, str] = {}
    for attrs in document.metas:
        content = attrs.get("content")
        if content is None:
            content = attrs.get("datetime") or attrs.get("value")
        if not content or not content.strip():
            continue
        for key_attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(key_attr)
            if key:
                for name in key.lower().split():
                    found.setdefault(name, content.strip())
    return found


def _first(metas: dict[str, str], *names: str) -> str | None:
    for name in names:
        value = metas.get(name)
        if value:
            return value
    return None


def _str(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0]
    return None


# --- JSON-LD ----------------------------------------------------------------------------------


def _json_ld(scripts: list[str]) -> dict[str, Any]:
    """The page's main Article object (merged with its publisher/author references)."""
    article: dict[str, Any] | None = None
    fallback: dict[str, Any] | None = None
    ids: dict[str, dict[str, Any]] = {}
    for script in scripts:
        try:
            data = json.loads(_unwrap(script))
        except (ValueError, RecursionError):
            continue
        for node in _objects(data):
            node_id = node.get("@id")
            if isinstance(node_id, str):
                ids.setdefault(node_id, node)
            types = node.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and _ARTICLE_TYPES.search(t) for t in names):
                if article is None:
                    article = dict(node)
                elif not article.get("articleBody") and node.get("articleBody"):
                    article["articleBody"] = node["articleBody"]
            elif fallback is None and "WebPage" in names:
                fallback = node
    result: dict[str, Any] = dict(fallback or {})
    if article:
        result.update(article)
    publisher = result.get("publisher")
    if isinstance(publisher, dict) and "name" not in publisher and publisher.get("@id") in ids:
        result["publisher"] = ids[publisher["@id"]]
    result["@ids"] = ids
    return result


_WRAPPER_OPEN = re.compile(r"^\s*(?:/[/*]\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*/)?")
_WRAPPER_CLOSE = re.compile(r"(?:/[/*]\s*)?(?:\]\]>|-->)(?:\s*\*/)?\s*$")


def _unwrap(script: str) -> str:
    """The JSON of a JSON-LD script: some pages still wrap it in a CDATA section or an HTML
    comment, as for the browsers of old (`<![CDATA[ {...} ]]>`, `//<!-- ... //-->`)."""
    text = script.strip()
    if text[:1] not in ("{", "["):
        text = _WRAPPER_CLOSE.sub("", _WRAPPER_OPEN.sub("", text))
    return text.strip().removesuffix(";")


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document (iterative, bounded: pages can nest very deeply)."""
    stack: list[Any] = [data]
    seen = 0
    while stack and seen < _LD_MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
            main = item.get("mainEntity")
            if isinstance(main, dict | list):
                stack.append(main)
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str):
        return clean_line(value) or None
    return None


def _declared_authors(
    document: Document,
    metas: dict[str, str],
    ld: dict[str, Any],
    site_name: str | None,
    publisher: str | None,
    base: str | None,
) -> list[str]:
    """The authors the page declares: JSON-LD first, then each author meta tag in turn (a
    page may hold two <meta name="author">, the site's and the reporter's; an article:author
    holding a profile URL gives way to a sailthru.author naming the person). A statement
    naming only the site itself gives way to one naming someone else."""
    candidates = [_ld_authors(ld.get("author"), ld.get("@ids"))]
    candidates.extend(split_authors(value) for value in _meta_values(document, _AUTHOR_KEYS))
    candidates.append(split_authors(_card_author(metas)))
    found = [names for names in candidates if names]
    for names in found:
        if not _all_publisher(names, site_name, publisher, base):
            return _fuller(names, found)
    return found[0] if found else []


def _card_author(metas: dict[str, str]) -> str | None:
    """The writer a link preview card names ("twitter:label1" "Written by" / "Verfasst von"
    with "twitter:data1" the name, as WordPress SEO plugins print it): a page's only credit
    at times."""
    for number in range(1, 5):
        label = metas.get(f"twitter:label{number}")
        if label is None:
            break
        if _CARD_WRITER.fullmatch(label.strip()):
            return metas.get(f"twitter:data{number}")
    return None


_CARD_WRITER = re.compile(
    r"(?:written|posted|published)\s+by|(?:verfasst|geschrieben|veröffentlicht)\s+von"
    r"|écrit\s+par|rédigé\s+par|publié\s+par|escrito\s+por|publicado\s+por|scritto\s+da"
    r"|geschreven\s+door|skriven\s+av|skrevet\s+af|skrevet\s+av|autor(?:in)?|author|auteur",
    re.IGNORECASE,
)
"""A preview card's label for the writer, in the languages WordPress prints it in."""


def _fuller(names: list[str], found: list[list[str]]) -> list[str]:
    """The names, or a statement that names the same people and more (structured data with the
    first author only, a meta tag with all of them)."""
    keys = {name.casefold() for name in names}
    for other in found:
        others = {name.casefold() for name in other}
        if keys < others and all(
            looks_personal(name) for name in other if name.casefold() not in keys
        ):
            return other
    return names


def _meta_values(document: Document, keys: tuple[str, ...]) -> list[str]:
    """Every value of these meta names (repeats included), in the order of `keys`."""
    ranked: list[tuple[int, str]] = []
    for attrs in document.metas:
        content = attrs.get("content")
        if not content or not content.strip():
            continue
        for key_attr in ("property", "name", "itemprop"):
            key = attrs.get(key_attr)
            names = [name for name in (key or "").lower().split() if name in keys]
            if names:  # property="dc:creator twitter:site_name": one tag, several names
                rank = min(keys.index(name) for name in names)
                if key_attr == "itemprop":  # microdata may sit anywhere (in cited works too)
                    rank += len(keys)
                ranked.append((rank, content.strip()))
                break
    ranked.sort(key=lambda item: item[0])
    return [value for _rank, value in ranked]


def _ld_authors(value: Any, ids: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, list):  # a nested list: [{"name": "A"}, [{"name": "B"}]]
            names.extend(_ld_authors(item[:20], ids) if item and item is not value else [])
            continue
        if isinstance(item, dict) and "name" not in item and isinstance(ids, dict):
            item = ids.get(item.get("@id"), item)
        if isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if not isinstance(name, str):  # {"givenName": "Birgit", "familyName": "Baumann"}
                parts = (item.get("givenName"), item.get("familyName"))
                name = " ".join(p for p in parts if isinstance(p, str) and p.strip()) or None
            if isinstance(name, str):
                names.extend(split_authors(name))
        elif isinstance(item, str):
            names.extend(split_authors(item))
    return unique_names(names)


def _ld_image(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) else None


def _all_publisher(
    names: list[str], site_name: str | None, publisher: str | None, base: str | None
) -> bool:
    """Whether every name is the site's own (its name, its publisher, its host name)."""
    own = _own_keys(site_name, publisher, base)
    return all(_is_own(name, own) for name in names)


def _without_publisher(
    names: list[str], site_name: str | None, publisher: str | None, base: str | None
) -> list[str]:
    """The names less the site's own when the others are people's ("Jane Doe, Lrt.lt"); beside
    an agency ("Le Figaro, AFP") the site stays."""
    own = _own_keys(site_name, publisher, base)
    people = [name for name in names if not _is_own(name, own)]
    return people if people and all(looks_personal(name) for name in people) else names


def _all_personal(names: list[str]) -> list[str]:
    return names if names and all(looks_personal(name) for name in names) else []


def _own_keys(site_name: str | None, publisher: str | None, base: str | None) -> set[str]:
    own = {title_key(name) for name in (site_name, publisher) if name}
    host = urlsplit(base or "").hostname or ""
    labels = [label for label in host.removeprefix("www.").split(".") if label]
    own.update({title_key(".".join(labels[k:])) for k in range(len(labels) - 1)})
    own.update(label for label in labels[:-1] if label not in _GENERIC_LABELS)  # "lto" (lto.de)
    own.add("".join(labels))  # "Interscenario" for interscenar.io
    if site_name and _SITE_PARTS.search(site_name):  # "Achtsam durch die Krise | Die FURCHE"
        own.update(title_key(part) for part in _SITE_PARTS.split(site_name))
    for name in (site_name, publisher):  # "LTO" for Legal Tribune Online
        initials = "".join(word[0] for word in (name or "").split() if word[:1].isalpha())
        if len(initials) >= 2:
            own.add(initials.casefold())
    own.discard("")
    return own


_SITE_PARTS = re.compile(r"\s+[|\u2013\u2014]\s+")
_GENERIC_LABELS = frozenset({"com", "co", "org", "net", "gov", "ac", "edu", "news", "blog"})


def _is_own(name: str, own: set[str]) -> bool:
    key = title_key(name)
    return key in own or key.replace(" ", "") in own


def _local_day(declared: str, printed: list[str]) -> str:
    """A declared date-time in UTC ("2022-05-04T02:41:00+00:00") gives way to the date the page
    prints ("3/5/2022 22:41"): the reader's day is the local one, and the UTC day is off by one
    for every article published in the local evening (or, east of Greenwich, early morning).

    A printed time with the same minutes is the same moment in the local zone: its day is
    taken. Otherwise a printed day is taken when it is one day off in the direction the hour
    allows (the next day only for a late UTC hour, the day before only for an early one)."""
    match = _UTC.search(declared)
    if match is None:
        return declared
    try:
        moment = datetime.fromisoformat(declared[:16])
    except ValueError:
        return declared
    dated: list[tuple[str, datetime | None, date]] = []
    for value in printed:
        try:
            day = date.fromisoformat(value[:10])
            clock = datetime.fromisoformat(value[:16]) if "T" in value else None
        except ValueError:
            continue
        dated.append((value, clock, day))
    for value, clock, day in dated:
        if clock is not None and clock.minute == moment.minute:
            hours = (clock - moment).total_seconds() / 3600
            if -12 <= hours <= 14 and hours == int(hours):
                return value if day != moment.date() else declared
    for _value, _clock, day in dated:
        shift = (day - moment.date()).days
        if shift == 0:
            return declared
        if (shift == 1 and moment.hour >= 15) or (shift == -1 and moment.hour < 10):
            return day.isoformat()
    return declared


def _printed_days(
    document: Document, day_first: bool, years: set[str], *, skip_footer: bool = False
) -> set[str]:
    """The days (YYYY-MM-DD) of `years` printed anywhere in the page's short texts.

    `skip_footer`: not in the page's footer, whose "This page was last edited on ..." stamp
    dates the site's copy of the page, not the article shown to readers."""
    found: set[str] = set()
    years_list = list(years)
    elements = document.elements
    if skip_footer:  # the elements between the footers' index ranges
        kept: list[Element] = []
        start = 0
        for first, stop in _page_footers(document):
            kept += elements[start:first]
            start = stop
        elements = kept + elements[start:] if start else elements
    for element in elements:
        for child in element.children:  # (loops, not any(): this visits every element)
            if isinstance(child, str):
                for year in years_list:
                    if year in child:
                        break
                else:
                    continue
                break
        else:
            continue
        text = inner_text(element, 240)
        if 6 <= len(text) <= 200 and not _ACCESS_STAMP.search(text):
            day = find_date(text, day_first=day_first)
            if day:
                found.add(day[:10])
    return found


_ACCESS_STAMP = re.compile(
    r"\b(?:retrieved|accessed|archived|abgerufen|consulté|consultado|consultato)\b", re.IGNORECASE
)
"""A reference's "Retrieved 26 September 2019": the day someone read a cited page, which
says nothing of when the article was written, even when it falls on the day of an update."""


_FOOTER_TOKEN = re.compile(r"(?:^|[^a-z0-9])footer(?:$|[^a-z0-9])", re.IGNORECASE)


def _page_footers(document: Document) -> list[tuple[int, int]]:
    """Index ranges of the page's footer: role="contentinfo", or a <footer> or a box named
    "footer", outside any <article> or <main> (an article's own footer may print its dates)."""
    ranges: list[tuple[int, int]] = []
    end = document.subtree_ends()
    inside: list[tuple[int, int]] = []  # <article> / <main> ranges, in document order
    for element in document.elements:
        attrs = element.attrs
        tag = element.tag
        if not attrs and tag != "footer" and tag != "article" and tag != "main":
            continue  # (most elements: no role, no id)
        index = element.index
        if ranges and index < ranges[-1][1]:
            continue
        if tag in ("article", "main"):
            inside.append((index, end[index]))
            continue
        id_name = attrs.get("id")
        if (attrs.get("role") or "").lower() == "contentinfo" or (
            (tag == "footer" or (id_name and _FOOTER_TOKEN.search(id_name)))
            and not _within(index, inside)
        ):
            ranges.append((index, end[index]))
    return ranges


def _within(index: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= index < stop for start, stop in ranges)


def date_near_headline(
    document: Document, day_first: bool, reach: int = _NEAR_HEADLINE, h1: int | None = None
) -> str | None:
    """The first short text holding a date in the `reach` elements after the first <h1> (or a
    quarter as many before it): where a page prints its date in a box with no telling class
    ("Datum: 26. Januar 2022", "Handball Schweiz • 02.02.2022"). `h1` is its index when known."""
    elements = document.elements
    if h1 is None:
        h1 = next((e.index for e in elements if e.tag == "h1"), None)
        if h1 is None:
            return None
    after = range(h1 + 1, min(len(elements), h1 + 1 + reach))
    before = range(h1 - 1, max(0, h1 - reach // 4) - 1, -1)
    for k in (*after, *before):
        element = elements[k]
        if not has_text(element):
            continue
        text = inner_text(element, 160)
        if 6 <= len(text) <= 120:
            found = find_date(text, day_first=day_first)
        else:
            found = leading_date(text, day_first=day_first)
        if found:
            return found
    return None


def labelled_date(document: Document, day_first: bool) -> str | None:
    """The first date the page labels as its date anywhere ("Datum: 26.01.2022",
    "Erschienen am: 01.11.2023", "Mise en ligne" over "23 mai 2019", "last edited
    2019-11-10"): pages with no date box and no date by the headline still say it so."""
    elements = document.elements
    for k, element in enumerate(elements):
        for child in element.children:  # (a loop, not any(): this visits every element)
            if isinstance(child, str) and child.strip():
                break
        else:
            continue
        text = inner_text(element, 160)
        if len(text) > 120:
            continue
        label = _DATE_LABEL.match(text)
        if label is None:
            continue
        rest = text[label.end() :]
        if not rest.strip(" :") and k + 1 < len(elements):
            rest = inner_text(elements[k + 1], 160)  # the label in its own box, the date next
            if len(rest) > 120:
                continue
        found = leading_date(rest.lstrip(" :"), day_first=day_first)
        if found and not _in_comments(element):
            return found
    return None


def _shows_title(text: str, key: str) -> bool:
    """Whether a heading's text is the title (or the title with a kicker, or cut short)."""
    shown = title_key(text)
    if not shown:
        return False
    shorter, longer = (shown, key) if len(shown) <= len(key) else (key, shown)
    return shorter == longer or (shorter in longer and len(shorter) >= 0.6 * len(longer))


def _names_update(element: Element) -> bool:
    """Whether a date box's class or itemprop calls its date an update ("updated",
    "dateModified", "aktualisiert"): the article's own date comes first."""
    attrs = element.attrs
    marker = f"{attrs.get('class') or ''} {attrs.get('itemprop') or ''}".lower()
    return any(word in marker for word in _UPDATE_WORDS)


_UPDATE_WORDS = ("updat", "modif", "aktualisiert", "edited", "lastmod")


def _first_line(element: Element, limit: int, *, blocks: bool = False) -> str:
    """The text of a box up to its first <br> ("Von Anna Berg<br>Kakuma, Kenia": the byline,
    not the place under it); with `blocks`, also up to where a block inside it starts or ends
    once some text was read ("<a>Jane Doe</a><div>Games Editor</div>": the name, not the role
    printed under it)."""
    parts: list[str] = []
    size = 0
    stack: list[Element | str | None] = [element]  # None: the end of a block
    while stack and size < limit:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            size += len(item)
            continue
        ends = item is None or item.tag == "br" or (blocks and item.tag in BLOCK_TAGS)
        if ends and item is not element and "".join(parts).strip():
            break
        if item is not None:
            if ends and blocks:
                stack.append(None)
            stack.extend(reversed(item.children))
    return clean_line(" ".join(parts))


def _dated_name(line: str) -> list[str]:
    """The name on a line of small print that is only a date and a name ("11.12.2019 - Amelie
    Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg")."""
    pieces = [piece.strip() for piece in _SMALL_PRINT.split(line) if piece.strip()]
    if not 2 <= len(pieces) <= 3 or find_date(pieces[0]) is None:
        return []
    rest = [piece for piece in pieces[1:] if not _CLOCK.fullmatch(piece)]
    if len(rest) == 1 and looks_personal(rest[0]) and find_date(rest[0]) is None:
        return [rest[0]]
    return []


_SMALL_PRINT = re.compile(r"\s+[-|•·\u2013\u2014/]\s+|\s*[|•·]\s*")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?", re.IGNORECASE)


def _byline_text(element: Element) -> str:
    """The first line of a box; for a box holding only the byline's word ("<span>By</span>
    <a>Jane Doe</a>", "<b>Autor:</b> Jan Koch"), the line of the box around it."""
    text = _first_line(element, 160)
    node = element
    for _ in range(2):
        if not _BARE_LABEL.fullmatch(text) or node.parent is None:
            break
        node = node.parent
        text = _first_line(node, 160)
    return text


_BARE_LABEL = re.compile(
    r"""[\W_]*(?:by|von|par|por|door|av|af|written\s+by|posted\s+by|autor(?:in|en)?|authors?
      |auteur|autore|text|texte|verfasst\s+von|geschrieben\s+von)\s*[:\uff1a]?[\W_]*""",
    re.IGNORECASE | re.VERBOSE,
)
"""A box holding only the word that opens a byline, the name in the box after it."""
_LABELLED = re.compile(
    r"""[\W_]*(?:(?:written|posted|published|submitted)\s+by|autor(?:in|en)?\s*[:\uff1a]?
      |authors?\s*[:\uff1a]|auteur\s*[:\uff1a]|text\s*[:\uff1a]|texte\s*[:\uff1a]
      |(?:verfasst|geschrieben|veröffentlicht|erstellt|gespeichert)\s+von)\s""",
    re.IGNORECASE | re.VERBOSE,
)
"""A credit line with a label no sentence starts with (not a bare "By" or "Von")."""
_PAGE_REACH = 3000
"""Elements after the headline searched for a labelled credit."""


def _in_comments(element: Element) -> bool:
    """Whether an element sits in a comment section (its author boxes name commenters):
    "comment", Spanish / Portuguese "comentario", German "Kommentar" and replies."""
    node: Element | None = element
    for _ in range(13):
        if node is None:
            return False
        marker = f"{node.attrs.get('class') or ''} {node.attrs.get('id') or ''}".lower()
        if any(word in marker for word in _COMMENT_WORDS) and any(
            word in token
            for token in marker.split()
            if not token.startswith(_TAXONOMY)
            for word in _COMMENT_WORDS
        ):  # the quick test first: most boxes name no comment at all
            return True
        node = node.parent
    return False


_COMMENT_WORDS = ("comment", "coment", "komment", "respond", "reply")
_TAXONOMY = ("category-", "tag-", "cat-", "topic-")
"""Class names a blog gives a post for its category or tags ("category-der-kommentar"): they
name the post's subject, not a comment section."""


# --- title ------------------------------------------------------------------------------------


def _title(
    document: Document,
    metas: dict[str, str],
    ld: dict[str, Any],
    marks: _Marks,
    site_name: str | None,
) -> str:
    return choose_title(
        marks.h1s,
        og=_first(metas, "og:title") or "",
        twitter=_first(metas, "twitter:title") or "",
        headline=_str(ld.get("headline")) or "",
        page_title=document.title,
        site_name=site_name,
        page_headings=marks.headings,
    )


def _language(value: str | None) -> str | None:
    if not value:
        return None
    tag = value.strip().replace("_", "-").split(",")[0].strip()
    return tag if _LANGUAGE_TAG.match(tag) else None


# --- marks in the markup ----------------------------------------------------------------------

_MARKED_BY = frozenset({"itemprop", "property", "rel"})
"""Attributes that mark a date or author box outright (`_Marks.scan`)."""


@dataclass(slots=True)
class _Marks:
    """Elements found in one pass: h1s, time elements, byline / date / lead boxes."""

    h1s: list[Heading] = field(default_factory=list)
    times: list[Element] = field(default_factory=list)
    author_boxes: list[Element] = field(default_factory=list)
    explicit_authors: int = 0
    """How many author boxes (at the front) are itemprop/rel=author rather than class hints."""
    date_boxes: list[Element] = field(default_factory=list)
    declared_dates: int = 0
    """How many date boxes (at the front) are itemprop / property datePublished boxes."""
    lead: Element | None = None
    h1_index: int | None = None
    """Position of the first <h1> in document order."""
    headings: list[Element] = field(default_factory=list)
    """Every <h1>, <h2> and <h3>: where to look for the one that shows the article's title."""
    headline_index: int | None = None
    """Position of the heading that shows the title (set once the title is chosen)."""

    @classmethod
    def scan(cls, document: Document) -> _Marks:
        marks = cls()
        lead_box: Element | None = None
        named: list[Element] = []  # elements with a class or id, not marked otherwise
        values: dict[str, None] = {}  # their distinct class and id values, in order
        headings = marks.headings
        times = marks.times
        marked_by = _MARKED_BY
        for element in document.elements:
            tag = element.tag
            attrs = element.attrs
            if tag == "h1":
                headings.append(element)
                if marks.h1_index is None:
                    marks.h1_index = element.index
                found = heading(element)
                if found is not None:
                    marks.h1s.append(found)
                continue
            if tag == "h2" or tag == "h3":
                headings.append(element)
            if not attrs:
                if tag == "time":
                    times.append(element)
                continue
            if marked_by.isdisjoint(attrs):  # (most elements: one test for three lookups)
                if tag == "time":
                    times.append(element)
                    continue
            else:
                # Microdata (itemprop) or RDFa (property="schema:datePublished").
                prop = attrs.get("itemprop") or attrs.get("property")
                if prop and _PUBLISHED_PROPERTY.search(prop):
                    marks.date_boxes.insert(marks.declared_dates, element)
                    marks.declared_dates += 1
                    continue
                if tag == "time":
                    times.append(element)
                    continue
                rel = attrs.get("rel")
                if prop or rel:
                    prop = (prop or "").lower()
                    if prop == "author" or (rel or "").lower() == "author":
                        marks.author_boxes.insert(marks.explicit_authors, element)
                        marks.explicit_authors += 1
                        continue
            class_names = attrs.get("class")
            id_name = attrs.get("id")
            if class_names:
                named.append(element)
                values[class_names] = None
                if id_name:
                    values[id_name] = None
            elif id_name:
                named.append(element)
                values[id_name] = None
        # Class/id hints, looked up once the page's values are known (one search for them
        # all). Boxes found above went to the front of their lists, so the order is the same
        # as if these were taken in the same pass.
        value_roles = hints.values_roles(list(values))
        if value_roles:
            lookup = value_roles.get
            for element in named:
                attrs = element.attrs
                class_names = attrs.get("class")
                id_name = attrs.get("id")
                roles = (lookup(class_names, 0) if class_names else 0) | (
                    lookup(id_name, 0) if id_name else 0
                )
                if not roles:
                    continue
                if roles & hints.AUTHOR:
                    marks.author_boxes.append(element)
                elif roles & hints.DATE:
                    marks.date_boxes.append(element)
                elif (
                    lead_box is None
                    and element.tag not in ("a", "li", "ul", "img")
                    and hints.class_weight(element) >= 0
                ):
                    lead_box = element
        if lead_box is not None and 40 <= len(inner_text(lead_box, 2000)) <= 1500:
            marks.lead = lead_box
        return marks

    def authors(self) -> list[str]:
        for element in self.author_boxes[:10]:
            if _in_comments(element):
                continue
            content = element.attrs.get("content")
            text = clean_line(content) if content else inner_text(element, 200)
            if not text or len(text) > 120:
                continue
            # The first line, when it names people ("Jane Doe" over "Games Editor").
            line = "" if content else _first_line(element, 200, blocks=True)
            names = split_authors(line) if line and line != text else []
            if not names or not all(looks_personal(name) for name in names):
                names = split_authors(text)
            if names:
                return names
        return []

    def explicit_names(self) -> list[str]:
        """Names in the itemprop / rel=author boxes that stand together (one byline of several
        authors), not the ones scattered over teasers further down."""
        names: list[str] = []
        first: int | None = None
        for element in self.author_boxes[: min(self.explicit_authors, 10)]:
            if first is None:
                first = element.index
            elif element.index - first > _ONE_BYLINE:
                break
            if _in_comments(element):
                continue
            content = element.attrs.get("content")
            text = clean_line(content) if content else inner_text(element, 200)
            if text and len(text) <= 120:
                names.extend(split_authors(text))
        return unique_names(names)

    def photographers(self) -> set[str]:
        """Casefolded names an author box credits with the pictures ("Photography by ...")."""
        found: set[str] = set()
        for element in self.author_boxes[:20]:
            text = inner_text(element, 200)
            match = _PICTURE_BY.match(text)
            if match and len(text) <= 120:
                found.update(name.casefold() for name in split_authors(text[match.end() :]))
        return found

    def byline_near_headline(self, document: Document, reach: int) -> list[str]:
        """Names in a byline printed just under the <h1> with no telling class: "By <a>Jane
        Doe</a>", "von Dr. Max Kolter", or a link to an author page (/author/jane-doe)."""
        h1 = self.h1_index
        if h1 is None:
            return []
        elements = document.elements
        for k in range(h1 + 1, min(len(elements), h1 + 1 + reach)):
            element = elements[k]
            if element.tag == "h1":
                break
            if element.tag == "a" and _AUTHOR_PAGE.search(element.attrs.get("href") or ""):
                text = inner_text(element, 100)
                if looks_like_name(text) and not _in_comments(element):
                    names = split_authors(text)
                    if names:
                        return names
            if element.tag in ("figure", "figcaption"):
                break  # a picture's credit ("Photo by ...") is no byline; the body has begun
            if not has_text(element):
                continue
            text = _byline_text(element)
            if len(text) <= 120 and not _PICTURE_CREDIT.match(text):
                names = byline_names(text) or _dated_name(text)
                if names:
                    return names
        for k in range(h1 - 1, max(-1, h1 - 1 - _ABOVE_HEADLINE), -1):
            # The small print above the headline: "04.02.2022 | 13:10 Uhr | Uta Helkenberg"
            element = elements[k]
            if has_text(element):
                names = _dated_name(_first_line(element, 160))
                if names:
                    return names
        return []

    def byline_in_page(self, document: Document) -> list[str]:
        """A labelled credit anywhere after the headline, where blogs and institutions print
        it: "Autor: Jan Koch" in an info box, "Posted by Konstantin" in the footer of a post,
        "Text: Klausmartin Friedrich" at the end. Only a line that is nothing but the credit
        counts, so a sentence starting "Von ..." does not."""
        start = self.headline_index if self.headline_index is not None else self.h1_index
        elements = document.elements
        first = start + 1 if start is not None else 0
        for k in range(first, min(len(elements), first + _PAGE_REACH)):
            element = elements[k]
            if element.tag in ("figcaption", "script", "style", "a", "button"):
                continue
            if not has_text(element):
                continue
            text = _byline_text(element)
            label = _LABELLED.match(text) if len(text) <= 80 else None
            if label is None or _in_comments(element):
                continue
            names = split_authors(text[label.end() :])
            if names and all(looks_like_name(name) or " " not in name for name in names):
                return names
        return []

    def published(self, day_first: bool, *, declared_only: bool = False) -> str | None:
        """The first date in a date box or <time>; `declared_only`: in an itemprop / property
        datePublished box only (as deliberate as a meta tag)."""
        boxes = self.date_boxes[: self.declared_dates] if declared_only else self.date_boxes[:10]
        if not declared_only and self.headline_index is not None:
            # A date box or <time> by the headline before one in a sidebar further up.
            at = self.headline_index
            nearby = [e for e in (*self.date_boxes, *self.times) if abs(e.index - at) <= _BOX_REACH]
            nearby.sort(key=lambda e: (_names_update(e), abs(e.index - at)))
            boxes = [*nearby, *boxes]
        for element in boxes:
            if _in_comments(element):
                continue  # a reader comment's date box
            attrs = element.attrs
            for name in ("datetime", "content", "title"):
                found = to_iso(attrs.get(name), day_first=day_first)
                if found:
                    return found
            text = inner_text(element, 200)
            if len(text) <= 120:
                found = find_date(text, day_first=day_first)
                if found:
                    return found
        if declared_only:
            return None
        for element in self.times[:5]:
            found = to_iso(element.attrs.get("datetime"), day_first=day_first) or find_date(
                inner_text(element, 200), day_first=day_first
            )
            if found:
                return found
        return None

    def find_headline(self, title: str) -> None:
        """The heading that shows the article's title: the first <h1> is often the site's logo
        or a "skip to navigation" line, and some pages set their headline in an <h2>."""
        self.headline_index = self.h1_index
        key = title_key(title)
        if not key:
            return
        for level in ("h1", "h2", "h3"):
            for element in self.headings:
                if element.tag == level and _shows_title(inner_text(element, 500), key):
                    self.headline_index = element.index
                    return

    def date_near_headline(self, document: Document, day_first: bool, reach: int) -> str | None:
        return date_near_headline(document, day_first, reach, self.headline_index)

    def printed_dates(self, day_first: bool, near: str | None) -> list[str]:
        """Dates as the page prints them for its readers (text of date boxes and <time>
        elements, a <time> stamped with a local offset), the one by the headline first."""
        found = [near] if near else []
        for element in [*self.date_boxes[:5], *self.times[:5]]:
            stamp = to_iso(element.attrs.get("datetime"), day_first=day_first)
            if stamp and "T" in stamp and not _UTC.search(stamp) and stamp[-6] in "+-":
                found.append(stamp)
            text = inner_text(element, 200)
            if len(text) <= 120:
                printed = find_date(text, day_first=day_first)
                if printed:
                    found.append(printed)
        return found
