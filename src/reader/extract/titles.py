"""The article's title: the headline a reader sees, checked against what the page declares.

Pages state their title up to five times: the visible <h1>, JSON-LD `headline`, `og:title`,
`twitter:title` and `<title>`. They disagree in telling ways:
- the declared ones carry a site name ("Headline | Site") that the headline does not;
- the <h1> may carry a kicker in its own element ("<span>Election</span> Headline");
- an editor may write a shorter or search-friendly version for the declared ones;
- a blog's <h1> may be the blog's own name (a logo), not the article's.

So: the JSON-LD headline when it and og:title both put a kicker before the <h1>'s words
("Kicker: Headline"; the page names its article so); else an <h1> that a declared title
confirms wins, in its visible form (typographic quotes kept),
without a kicker the declarations leave out; then an <h1> like a declared title (one edited
from the other); then an <h1> that no declaration resembles, if it shares a word with them and
is no logo (an editor's headline, declared in search-friendly words); else the wording most
declarations share.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.extract.dom import Element, inner_text
from reader.extract.text import casefold_key, clean_line

_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014:·•»«\u203a\u2039/~\u01c0\uff5c]|::)\s+")
_QUOTES = str.maketrans(
    {
        "\u2018": "", "\u2019": "", "\u201a": "", "\u201b": "", "\u2032": "", "\u00b4": "",
        "`": "", "'": "", "\u201c": "", "\u201d": "", "\u201e": "", "\u201f": "", "\u00ab": "",
        "\u00bb": "", '"': "",
    }
)  # fmt: skip
_LONE_SEPARATORS = " |-\u2013\u2014:·•»«\u203a\u2039/~"
_WORD = re.compile(r"\w{4,}")
_KICKER_WORDS = 6
_KICKER_PUNCTUATION = re.compile(r"(?:(?<=\w)[:|/]|\s[-\u2013\u2014|/:])(?=\s|\w)")
_KICKED = re.compile(r"\w\s*[:|/]\s|\s[-\u2013\u2014|/]\s")


@dataclass(frozen=True, slots=True)
class Heading:
    """An <h1>: its text and the texts of its parts (child elements and text runs)."""

    text: str
    parts: tuple[str, ...]
    linked: bool
    """Whether the heading is (or holds) a link: a site logo usually is."""


def heading(element: Element) -> Heading | None:
    parts: list[str] = []
    linked = False
    for child in element.children:
        if isinstance(child, str):
            text = " ".join(child.split())
        else:
            text = inner_text(child, 500)
            linked = linked or child.tag == "a"
        if text:
            parts.append(text)
    text = inner_text(element, 500)
    return Heading(text, tuple(parts), linked) if text else None


def title_key(text: str) -> str:
    """Comparison key: case, spacing, quote styles and outer punctuation do not matter."""
    return casefold_key(text.translate(_QUOTES))


def choose_title(
    headings: Sequence[Heading],
    *,
    og: str,
    twitter: str,
    headline: str,
    page_title: str,
    site_name: str | None,
) -> str:
    og, twitter, page_title = clean_line(og), clean_line(twitter), clean_line(page_title)
    headline = clean_line(html.unescape(headline)) if "&" in headline else clean_line(headline)
    # Declared titles, most deliberate first (the order breaks ties in the vote).
    declared = [
        headline,
        strip_site_name(og, site_name, page_title),
        strip_site_name(twitter, site_name, page_title),
        strip_site_name(page_title, site_name, page_title),
    ]
    declared = [text for text in declared if text]
    longest, logos = _title_parts(page_title, site_name)
    keys = {title_key(text) for text in (*declared, og, twitter, page_title, longest) if text}
    keys.discard("")
    shown = [h for h in headings if title_key(h.text) not in logos]
    # og:title as written: one holding a site name has no kicker to offer.
    deliberate = [headline, og] if headline and og else []
    for candidate in shown:
        kicked = _with_kicker(candidate, deliberate)
        if kicked:
            return kicked
        if title_key(candidate.text) in keys:
            return candidate.text
        for start in range(1, len(candidate.parts)):
            rest = " ".join(candidate.parts[start:])
            if title_key(rest) in keys:
                return rest  # the kicker before it is the page's, not the title's
    for candidate in shown:
        if any(_similar(candidate.text, text) for text in (*declared, og, page_title)):
            return candidate.text
    if shown and not shown[0].linked:
        vocabulary = {w.casefold() for text in declared for w in _WORD.findall(text)}
        if any(w.casefold() in vocabulary for w in _WORD.findall(shown[0].text)):
            return shown[0].text  # an editor's headline, declared in other words
    return _vote(declared) or (shown[0].text if shown else "")


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
        found = found or text
    return found if found and _KICKED.search(found) else None


def _bare(text: str) -> str:
    return " ".join(_KICKER_PUNCTUATION.sub(" ", title_key(text)).split()) + " "


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
    if not site or not kept or len(kept) == len(parts):
        # Without a known site name, drop a short last part (a site or section name).
        kept = list(range(len(parts)))
        while len(kept) > 1:
            last = parts[kept[-1]]
            if len(last) > 30 or len(last) >= len(" ".join(parts[k] for k in kept[:-1])):
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
