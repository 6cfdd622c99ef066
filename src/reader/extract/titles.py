"""The article's title: the headline a reader sees, checked against what the page declares.

Pages state their title up to five times: the visible <h1>, JSON-LD `headline`, `og:title`,
`twitter:title` and `<title>`. They disagree in telling ways:
- the declared ones carry a site name ("Headline | Site") that the headline does not;
- the <h1> may carry a kicker in its own element ("<span>Election</span> Headline"), a
  subtitle or date after the headline, or a permalink mark ("¶");
- an editor may write a shorter or search-friendly version for the declared ones;
- a blog's <h1> may be the blog's own name (a logo linking to the home page), not the article's.

So: the JSON-LD headline when it and og:title both put a kicker before the <h1>'s words
("Kicker: Headline"; the page names its article so); else an <h1> that a declared title
confirms wins, in its visible form (typographic quotes kept), without a kicker, subtitle or
date the declarations leave out (or word otherwise); then an <h1> like a declared title (one
edited from the other); then an <h1> that no declaration resembles, if it shares a word with
them and is no logo (an editor's headline, declared in search-friendly words); else og:title
when the others only add a kicker to it, else the wording most declarations share.
A page with no <h1> but a logo sets its headline a level lower: the first <h2> or <h3> that
shows a declared title (or a part of one) wins, in the words it shows.

Site names come off the declared titles by their parts: the page's site name, or the name a
logo or the <title> itself gives ("Title - Site" beside og:title "Title"); a title worded as
the JSON-LD headline keeps all its parts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.extract.dom import Element, inner_text
from reader.extract.text import casefold_key, clean_line

_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014:·•»«\u203a\u2039/~\u01c0\uff5c]|::)\s+")
_QUOTES = str.maketrans(
    {
        "\u2018": "", "\u2019": "", "\u201a": "", "\u201b": "", "\u2032": "", "\u00b4": "",
        "`": "", "'": "", "\u201c": "", "\u201d": "", "\u201e": "", "\u201f": "", "\u00ab": "",
        "\u00bb": "", '"': "", "\u00ad": "",
    }
)  # fmt: skip
_SEPARATOR_CHARS = frozenset(":|-\u2013\u2014·•»\u203a/~\uff5c")
_LONE_SEPARATORS = " |-\u2013\u2014:·•»«\u203a\u2039/~"
_WORD = re.compile(r"\w{4,}")
_HAS_WORD = re.compile(r"\w")
_KICKER_WORDS = 6
_KICKER_PUNCTUATION = re.compile(r"(?:(?<=\w)[:|/]|\s[-\u2013\u2014|/:])(?=\s|\w)")
_ENDS_SENTENCE = frozenset('?\u201c\u201d\u00bb\u00ab"\u300d\uff1f')
"""How a headline's last words end ("- and now?", "- „Danger“"), and no site name does."""
_COLON_KICKER = re.compile(r"\w\s*:\s")
_KICKED = re.compile(r"\w\s*[:|/]\s|\s[-\u2013\u2014|/]\s")


@dataclass(frozen=True, slots=True)
class Heading:
    """An <h1>: its text and the texts of its parts (child elements and text runs)."""

    text: str
    parts: tuple[str, ...]
    linked: bool
    """Whether the heading holds a link to a site's home page, as a site logo does."""


def heading(element: Element) -> Heading | None:
    parts: list[str] = []
    linked = False
    marks: list[str] = []
    for child in element.children:
        if isinstance(child, str):
            text = " ".join(child.split())
        else:
            text = inner_text(child, 500)
            if child.tag == "a" and text:
                if _links(child.get("href")):
                    linked = True
                elif not _HAS_WORD.search(text):
                    marks.append(text)  # a permalink mark ("¶", "#"), not the headline's
                    continue
        if text:
            parts.append(text)
    text = inner_text(element, 500)
    for mark in marks:
        text = text.removesuffix(mark).removeprefix(mark).strip()
    return Heading(text, tuple(parts), linked) if text else None


def _links(href: str) -> bool:
    """Whether an <a> leads to a site's home page ("/", "https://blog.example.org/",
    "index.html"), as a logo does; a link to the article itself or a bare anchor does not."""
    href = href.strip()
    if not href or href.startswith("#"):
        return False
    path = _HOME.sub("", href.split("?", 1)[0].split("#", 1)[0])
    return path in _HOME_PATHS


_HOME = re.compile(r"^.*//[^/]*")  # the last host: archives wrap a whole URL in their own
_HOME_PATHS = frozenset(
    {"", "/", ".", "./", "/index.html", "/index.htm", "/index.php", "index.html", "index.php"}
)


@lru_cache(maxsize=4096)
def title_key(text: str) -> str:
    """Comparison key: case, spacing, quote styles and outer punctuation do not matter.
    (Cached: choosing a title compares the same few texts many times over.)"""
    return casefold_key(text.translate(_QUOTES))


def choose_title(
    headings: Sequence[Heading],
    *,
    og: str,
    twitter: str,
    headline: str,
    page_title: str,
    site_name: str | None,
    page_headings: Sequence[Element] = (),
) -> str:
    """The article's title from the page's <h1>s (`headings`) and declared titles;
    `page_headings`, the <h1>, <h2> and <h3> elements in document order, stand in for a
    missing <h1>: an <h2> or <h3> that shows a declared title is the headline as shown."""
    og, twitter, page_title = clean_line(og), clean_line(twitter), clean_line(page_title)
    headline = clean_line(html.unescape(headline)) if "&" in headline else clean_line(headline)
    og, twitter = _uncut(og, (headline, page_title)), _uncut(twitter, (headline, page_title))
    site_name = _site_name(headings, site_name, page_title, (og, twitter, headline))
    # Declared titles, most deliberate first (the order breaks ties in the vote).
    bare_og, bare_twitter, bare = _without_site(site_name, headline, og, twitter, page_title)
    declared = [text for text in (headline, bare_og, bare_twitter, bare) if text]
    longest, logos = _title_parts(page_title, site_name)
    keys = {title_key(text) for text in (*declared, og, twitter, page_title, longest) if text}
    if _names_part(site_name, page_title):  # og:title cut as if it named a site
        keys.update(title_key(strip_site_name(text, None)) for text in (og, twitter) if text)
    keys.discard("")
    # Titles declared whole: not a part of the <title> (its longest, or what is left of it
    # once what looks like a site or section name is cut off).
    whole = {title_key(text) for text in (headline, og, twitter, bare_og, bare_twitter, page_title)}
    whole.discard("")
    raw = {title_key(og), title_key(twitter), title_key(headline), title_key(bare)}
    shown = [h for h in headings if title_key(h.text) not in logos]
    if site_name and shown:
        # A heading in the site name's words is the site's ("Minecraft News" on "Minecraft
        # Update News"), not the article's.
        site_words = set(title_key(site_name).split())
        shown = [h for h in shown if not set(title_key(h.text).split()) <= site_words]
    if page_headings and all(h.linked for h in shown):
        found = _shown_below(page_headings, keys, logos, (og, twitter, page_title))
        if found:
            return found
    # og:title as written: one holding a site name has no kicker to offer.
    deliberate = [headline, og] if headline and og else []
    for candidate in shown:
        found = _with_kicker(candidate, deliberate) or _spaced(candidate.text, declared)
        if found:
            return found
        key = title_key(candidate.text)
        if key == title_key(page_title) and key not in raw and _votes(bare, declared) > 1:
            return bare  # a copy of the <title> (for screen readers), site name and all
        if key in keys or (
            not candidate.linked and _heads(candidate.text, (og, twitter, page_title), logos)
        ):
            return candidate.text
        found = _part_declared(candidate, keys, whole) or _rekicked(candidate, declared)
        if found:
            return found
    for candidate in shown:
        if any(_similar(candidate.text, text) for text in (*declared, og, page_title)):
            return candidate.text
    if shown and not shown[0].linked:
        vocabulary = {w.casefold() for text in declared for w in _WORD.findall(text)}
        if any(w.casefold() in vocabulary for w in _WORD.findall(shown[0].text)):
            return shown[0].text  # an editor's headline, declared in other words
    return _unkicked(bare_og, declared) or _vote(declared) or (shown[0].text if shown else "")


def _shown_below(
    elements: Sequence[Element], keys: set[str], logos: set[str], titles: tuple[str, ...]
) -> str | None:
    """The first <h2> or <h3> that shows a declared title, whole or as one of its parts
    ("Headline" of "Headline - Tagline | Site"), on a page whose <h1> is missing or names the
    site: the headline set a level lower, in the words a reader sees (the declared titles
    may word it differently from one another)."""
    shown = set(keys)
    for text in titles:
        for part in _TITLE_SEPARATOR.split(text) if text else ():
            if " " in part.strip():
                shown.add(title_key(part))
    shown -= logos
    shown.discard("")
    for element in elements:
        if element.tag == "h1":
            continue
        found = heading(element)
        if found is not None and title_key(found.text) in shown:
            return found.text
    return None


def _site_name(
    headings: Sequence[Heading], site_name: str | None, page_title: str, declared: tuple[str, ...]
) -> str | None:
    """The site's name as the <title> writes it, when `site_name` is not one of its parts: a
    logo <h1> naming a part ("Blog » Archive » Title"), or what the <title> adds to a
    declared title ("Title - Site")."""
    if _names_part(site_name, page_title):
        return site_name
    for h in headings:
        if h.linked and _names_part(h.text, page_title):
            return h.text
    for text in declared:
        added = site_from_title(page_title, text) if text else None
        if added and _names_part(added, page_title):
            return added
    return site_name


def _without_site(site_name: str | None, headline: str, *titles: str) -> tuple[str, ...]:
    """Declared titles without their site names. A title worded as the JSON-LD headline
    (which names no site) is whole: its last part is the headline's own ("Title - and what
    follows"). So is a <meta> title without the site name the <title> writes as one of its
    parts ("Title - a project" beside "Title - a project | Site")."""
    page_title = titles[-1]
    same = title_key(headline) if headline else None
    named = _names_part(site_name, page_title)
    return tuple(
        text
        if title_key(text) == same
        or (named and k < len(titles) - 1 and not _names_part(site_name, text))
        else strip_site_name(text, site_name, page_title)
        for k, text in enumerate(titles)
    )


def _part_declared(candidate: Heading, keys: set[str], whole: set[str]) -> str | None:
    """The parts of the <h1> that a declared title names: those after a kicker in an element
    of its own, or those before a subtitle, date or site name in the <h1>."""
    parts = candidate.parts
    for start in range(1, len(parts)):
        if not _HAS_WORD.search(parts[start]):
            continue  # a lone ":" between kicker and headline: the headline starts after it
        rest = " ".join(parts[start:])
        if title_key(rest) in keys:
            return rest  # the kicker before it is the page's, not the title's
    for end in range(len(parts) - 1, 0, -1):
        head = " ".join(parts[:end])
        if title_key(head) in whole:
            return head
    return None


def _uncut(text: str, others: tuple[str, ...]) -> str:
    """A <meta> title cut short at a quote the page left unescaped in the attribute
    (content="Mayor calls plan "a disaster"" reads "Mayor calls plan"): the other title
    that goes on from it with that quote."""
    if text:
        for other in others:
            if (
                len(other) > len(text)
                and other.startswith(text)
                and other[len(text) :].lstrip()[:1] == '"'
            ):
                return other
    return text


def _names_part(name: str | None, title: str) -> bool:
    """Whether `name` is one of the parts of a title split at its separators."""
    key = casefold_key(name or "")
    return bool(key) and any(casefold_key(part) == key for part in _TITLE_SEPARATOR.split(title))


def _heads(shown: str, declared: tuple[str, ...], logos: set[str]) -> bool:
    """Whether a declared title starts with the headline and goes on after a separator
    ("Headline: Subtitle: Journal", "Headline | Site"): the headline is its first part."""
    key = title_key(shown)
    if not key or key in logos or " " not in key:
        return False
    for text in declared:
        rest = title_key(text)
        if rest.startswith(key):
            rest = rest[len(key) :].lstrip()
            if rest and rest[0] in _SEPARATOR_CHARS:
                return True
    return False


def _rekicked(candidate: Heading, declared: list[str]) -> str | None:
    """The headline after the <h1>'s kicker when a declared title puts another kicker before
    the same words ("Eskalation" shown, "Angriff: Headline" declared): the kicker is a label
    each source words its own way, the words both share are the title."""
    for start in range(1, len(candidate.parts)):
        if not _HAS_WORD.search(candidate.parts[start]):
            continue
        rest = " ".join(candidate.parts[start:])
        key = title_key(rest)
        if len(key.split()) < 3:
            return None
        kicker = _bare(" ".join(candidate.parts[:start]))
        for text in declared:
            head = title_key(text)
            prefix = head[: len(head) - len(key)]
            if head.endswith(key) and _KICKED.search(prefix + key[:1]) and _bare(prefix) != kicker:
                return rest
    return None


def _spaced(shown: str, declared: list[str]) -> str | None:
    """The declared title that is the headline with the spaces its markup lost ("Kicker:"
    and the headline in two elements with no space between: "Kicker:Headline")."""
    squeezed = "".join(shown.split())
    for text in declared:
        if len(text) > len(shown) and "".join(text.split()) == squeezed:
            return text
    return None


def _with_kicker(candidate: Heading, declared: list[str]) -> str | None:
    """The declared title that puts a kicker before the headline ("Nach Gaetz-Rückzug:
    Trump-Anwältin soll ...", the <h1> showing the kicker in its own element without the colon,
    or not at all), when every one of `declared` has it."""
    if len(declared) < 2 or title_key(candidate.text) in {title_key(t) for t in declared}:
        return None
    shown = _bare(candidate.text)
    found: str | None = None
    for text in declared:
        key = _bare(text)
        if key == shown and len(candidate.parts) < 2:
            return None  # a declared title is the headline as shown
        prefix = key[: len(key) - len(shown)] if key.endswith(shown) else ""
        if key != shown and not (prefix.endswith(" ") and len(prefix.split()) <= _KICKER_WORDS):
            return None
        if not found or (_COLON_KICKER.search(text) and not _COLON_KICKER.search(found)):
            found = text  # "Kicker: Headline" over "Kicker - Headline": the usual joint
    return found if found and _KICKED.search(found) else None


def _bare(text: str) -> str:
    return " ".join(_KICKER_PUNCTUATION.sub(" ", title_key(text)).split()) + " "


def _unkicked(og: str, declared: list[str]) -> str | None:
    """og:title when the other declared titles repeat it after a kicker ("Kicker: Title" in
    JSON-LD and <title>, "Title" in og:title): the headline, the kicker a label above it."""
    key = title_key(og)
    for other in declared if key else ():
        full = title_key(other)
        if len(full) > len(key) and full.endswith(key):
            prefix = full[: len(full) - len(key)].rstrip()
            if prefix.endswith(":") and len(prefix.split()) <= _KICKER_WORDS:
                return og
    return None


def _votes(text: str, declared: list[str]) -> int:
    key = title_key(text)
    return sum(title_key(other) == key for other in declared)


def _vote(declared: list[str]) -> str:
    """The wording most declarations share (the most deliberate one on a tie)."""
    counts: dict[str, int] = {}
    for text in declared:
        key = title_key(text)
        counts[key] = counts.get(key, 0) + 1
    return max(declared, key=lambda text: counts[title_key(text)], default="")


def _title_parts(page_title: str, site_name: str | None) -> tuple[str, set[str]]:
    """The longest part of a <title> split at its separators (the article's part) and the keys
    of what names the site: the site name and the later parts but that longest one."""
    parts = _TITLE_SEPARATOR.split(page_title) if page_title else []
    if len(parts) < 2:
        parts = []
    longest = max(parts, key=len) if parts else ""
    others = {title_key(part) for part in parts[1:] if part is not longest}
    if site_name:
        others.add(title_key(site_name))
    others.discard("")
    return longest, others


_HANGUL_BAR = re.compile(r"(?:(?<=\S)-[^\W\d_]{1,8})?\s*\u3163\s*(?=\S)")


def strip_site_name(title: str, site_name: str | None, page_title: str = "") -> str:
    """'Article - Site' -> 'Article'; keeps titles whose dash is part of the headline."""
    if not title:
        return ""
    bar = _HANGUL_BAR.search(title) if "\u3163" in title else None
    if bar and bar.start() >= 10:
        # Korean pages write the bar as the letter "ㅣ", some with a section before it and
        # no spaces: "Headline-PoliticsㅣSite" is "Headline | Site".
        title = f"{title[: bar.start()]} | {title[bar.end() :]}"
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) == 1:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    site = casefold_key(site_name or "")
    kept = [k for k, part in enumerate(parts) if casefold_key(part) != site]
    if site and kept and len(kept) < len(parts):
        first = min(set(range(len(parts))) - set(kept))
        if first:
            kept = list(range(first))  # "Title | Site | Tagline": what follows is the site's
        else:
            # "Site » Section » Title": a short part after the site name is a section.
            while (
                len(kept) > 1
                and len(parts[kept[0]]) <= 30
                and len(parts[kept[0]]) < len(" ".join(parts[k] for k in kept[1:]))
            ):
                kept.pop(0)
    if not site or not kept or len(kept) == len(parts):
        # Without a known site name, drop a short last part (a site or section name).
        kept = list(range(len(parts)))
        while len(kept) > 1:
            last = parts[kept[-1]]
            if len(last) > 30 or len(last) >= len(" ".join(parts[k] for k in kept[:-1])):
                break
            if last.endswith(tuple(_ENDS_SENTENCE)):
                break
            kept.pop()
    result = parts[kept[0]]
    for k in kept[1:]:
        result += separators[k - 1] + parts[k]
    return result.strip(_LONE_SEPARATORS) or title


def site_from_title(page_title: str, title: str) -> str | None:
    """The site name a <title> adds to the article's title ("Title | Site" -> "Site")."""
    if not page_title or not title or page_title == title:
        return None
    if page_title.startswith(title):
        rest = _TITLE_SEPARATOR.sub("", page_title[len(title) :], count=1).strip()
        rest = rest.lstrip("|-\u2013\u2014:·•»«\u203a/~ ").strip()
        if 0 < len(rest) <= 60:
            return rest
    return None


def _similar(a: str, b: str) -> bool:
    x, y = title_key(a), title_key(b)
    if not x or not y:
        return False
    if x == y:
        return True
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    if shorter in longer and len(shorter) >= 0.5 * len(longer):
        return True
    xs, ys = set(x.split()), set(y.split())
    return len(xs & ys) / max(1, len(xs | ys)) >= 0.6
