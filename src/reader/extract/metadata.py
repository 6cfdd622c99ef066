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
from typing import Any

from reader.extract import hints
from reader.extract.dates import find_date, to_iso
from reader.extract.dom import Document, Element, inner_text
from reader.extract.text import casefold_key, clean_line, sanitize
from reader.extract.urls import resolve

_ARTICLE_TYPES = re.compile(
    r"(?:Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting|Review|Recipe|"
    r"HowTo|Question|Posting)$"
)
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014:·•»«/~]|::)\s+")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_AUTHOR_PREFIX = re.compile(
    r"^\s*(?:(?:written|words|story|text|reporting|posted)\s+by|by|von|par|por|di|door|av|af|"
    r"autor(?:in)?|author|tác\s+giả|người\s+viết|bài(?:\s+và\s+ảnh|\s*,\s*ảnh)?|bởi)\b\s*[:\uff1a]?\s*",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||/|&|\band\b|\bund\b|\bet\b|\by\b|\bvà\b|\be\b)\s*")
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\d|:|^\W*$")
_LD_MAX_NODES = 5_000
# Meta names (property / name / itemprop), most deliberate first.
_AUTHOR_KEYS = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "cxenseparse:author", "twitter:creator",
)  # fmt: skip
_DATE_KEYS = (
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "published_time", "datecreated", "release_date",
    "original-publish-date", "og:updated_time", "article:modified_time",
)  # fmt: skip
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
        meta.site_name = _site_from_title(document.title, meta.title)

    meta.authors = (
        _ld_authors(ld.get("author"), ld.get("@ids"))
        or split_authors(_first(metas, *_AUTHOR_KEYS))
        or marks.authors()
    )

    day_first = not (document.lang or "").lower().startswith("en-us")
    meta.published = (
        to_iso(_first(metas, "article:published_time", "og:published_time", "datepublished"))
        or to_iso(_str(ld.get("datePublished")))
        or to_iso(_first(metas, *_DATE_KEYS), day_first=day_first)
        or marks.published(day_first)
    )
    modified = to_iso(_first(metas, "article:modified_time", "datemodified")) or to_iso(
        _str(ld.get("dateModified"))
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
            data = json.loads(script.strip().removesuffix(";"))
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


def _ld_authors(value: Any, ids: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, dict) and "name" not in item and isinstance(ids, dict):
            item = ids.get(item.get("@id"), item)
        if isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if isinstance(name, str):
                names.extend(split_authors(name))
        elif isinstance(item, str):
            names.extend(split_authors(item))
    return _unique(names)


def _ld_image(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) else None


# --- authors ----------------------------------------------------------------------------------


def split_authors(value: str | None) -> list[str]:
    """Names out of a byline: "By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]."""
    if not value:
        return []
    text = clean_line(value)
    if not text or text.lower().startswith(("http://", "https://")):
        return []
    text = _AUTHOR_PREFIX.sub("", text, count=1)
    names: list[str] = []
    for part in _AUTHOR_SPLIT.split(text):
        name = part.strip(" .:-\u2013\u2014()[]\"'")
        name = _AUTHOR_PREFIX.sub("", name, count=1).strip()
        if not name or len(name) > 60 or len(name.split()) > 6 or _NOT_A_NAME.search(name):
            continue
        names.append(name)
    return _unique(names)


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


# --- title ------------------------------------------------------------------------------------


def _title(
    document: Document,
    metas: dict[str, str],
    ld: dict[str, Any],
    marks: _Marks,
    site_name: str | None,
) -> str:
    og = clean_line(_first(metas, "og:title", "twitter:title"))
    headline = clean_line(_str(ld.get("headline")) or _str(ld.get("name")))
    page_title = document.title
    primary = (
        strip_site_name(og, site_name, page_title)
        or headline
        or strip_site_name(page_title, site_name, page_title)
    )
    for h1 in marks.h1s:
        if primary and (_similar(h1, primary) or _similar(h1, page_title)):
            return h1
    if primary:
        return primary
    return marks.h1s[0] if marks.h1s else ""


def strip_site_name(title: str, site_name: str | None, page_title: str = "") -> str:
    """'Article - Site' -> 'Article'; keeps titles whose dash is part of the headline."""
    if not title:
        return ""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    site = casefold_key(site_name or "")
    if site:
        kept = [part for part in parts if casefold_key(part) != site]
        if len(kept) < len(parts) and kept:
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    # Without a known site name, drop a short last part (a site or section name).
    while len(parts) > 1 and len(parts[-1]) <= 30 and len(parts[-1]) < len(" ".join(parts[:-1])):
        parts = parts[:-1]
    separators = _TITLE_SEPARATOR.findall(title)
    result = parts[0]
    for separator, part in zip(separators, parts[1:], strict=False):
        result += separator + part
    return result


def _site_from_title(page_title: str, title: str) -> str | None:
    if not page_title or not title or page_title == title:
        return None
    if page_title.startswith(title):
        rest = _TITLE_SEPARATOR.sub("", page_title[len(title) :], count=1).strip()
        rest = rest.lstrip("|-\u2013\u2014:·•»«/~ ").strip()
        if 0 < len(rest) <= 60:
            return rest
    return None


def _similar(a: str, b: str) -> bool:
    x, y = casefold_key(a), casefold_key(b)
    if not x or not y:
        return False
    if x == y:
        return True
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    if shorter in longer and len(shorter) >= 0.5 * len(longer):
        return True
    xs, ys = set(x.split()), set(y.split())
    return len(xs & ys) / max(1, len(xs | ys)) >= 0.6


def _language(value: str | None) -> str | None:
    if not value:
        return None
    tag = value.strip().replace("_", "-").split(",")[0].strip()
    return tag if _LANGUAGE_TAG.match(tag) else None


# --- marks in the markup ----------------------------------------------------------------------


@dataclass(slots=True)
class _Marks:
    """Elements found in one pass: h1s, time elements, byline / date / lead boxes."""

    h1s: list[str] = field(default_factory=list)
    times: list[Element] = field(default_factory=list)
    author_boxes: list[Element] = field(default_factory=list)
    explicit_authors: int = 0
    """How many author boxes (at the front) are itemprop/rel=author rather than class hints."""
    date_boxes: list[Element] = field(default_factory=list)
    lead: Element | None = None

    @classmethod
    def scan(cls, document: Document) -> _Marks:
        marks = cls()
        lead_box: Element | None = None
        for element in document.elements:
            tag = element.tag
            attrs = element.attrs
            if tag == "h1":
                text = inner_text(element, 500)
                if text:
                    marks.h1s.append(text)
                continue
            if tag == "time":
                marks.times.append(element)
                continue
            if not attrs:
                continue
            prop = attrs.get("itemprop")
            rel = attrs.get("rel")
            if prop or rel:
                prop = (prop or "").lower()
                if prop == "author" or (rel or "").lower() == "author":
                    marks.author_boxes.insert(marks.explicit_authors, element)
                    marks.explicit_authors += 1
                    continue
                if prop in ("datepublished", "datecreated"):
                    marks.date_boxes.insert(0, element)
                    continue
            class_names = attrs.get("class")
            id_name = attrs.get("id")
            if class_names or id_name:
                roles = hints.names_roles(class_names, id_name)
                if not roles:
                    continue
                if roles & hints.AUTHOR:
                    marks.author_boxes.append(element)
                elif roles & hints.DATE:
                    marks.date_boxes.append(element)
                elif (
                    lead_box is None
                    and tag not in ("a", "li", "ul", "img")
                    and hints.class_weight(element) >= 0
                ):
                    lead_box = element
        if lead_box is not None and 40 <= len(inner_text(lead_box, 2000)) <= 1500:
            marks.lead = lead_box
        return marks

    def authors(self) -> list[str]:
        for element in self.author_boxes[:10]:
            content = element.attrs.get("content")
            text = clean_line(content) if content else inner_text(element, 200)
            if not text or len(text) > 120:
                continue
            names = split_authors(text)
            if names:
                return names
        return []

    def published(self, day_first: bool) -> str | None:
        for element in self.date_boxes[:10]:
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
        for element in self.times[:5]:
            found = to_iso(element.attrs.get("datetime"), day_first=day_first) or find_date(
                inner_text(element, 200), day_first=day_first
            )
            if found:
                return found
        return None
