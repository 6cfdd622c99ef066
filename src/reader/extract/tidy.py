"""The last pass over the blocks: what only reads as boilerplate once it is text.

- captions: an image followed by a short italic / centred / caption-classed line (the portal
  pattern) becomes one Figure with that caption;
- control bars and counters ("A- A A+ | Chia sẻ…", "Hôm nay : 2.102") and related-article
  sections (a "Tin liên quan" / "Related" heading and the link lists after it) are dropped;
- the title repeated at the top of the body, and a dateline, are dropped (the date is kept as
  metadata when none was known);
- credit lines become authors / source (`byline`);
- the lead ("sapo", a bold first paragraph, or the paragraph the meta description quotes) moves
  to Article.lead, so the reader shows it once, under the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.extract import hints, notices
from reader.extract.blocks import Built, Note
from reader.extract.byline import byline_names, take_credits
from reader.extract.captions import is_credit_line, strip_copyright, strip_credits
from reader.extract.dates import find_date
from reader.extract.text import casefold_key
from reader.model import Block, Figure, Heading, ListBlock, Paragraph, Quote, Rule, runs_before

_STAMP = (
    r"published|updated|posted|modified|first\s+published|last\s+updated|publié|publiée|"
    r"mis\s+à\s+jour|modifié|actualisé|publicado|publicada|actualizado|actualizada|"
    r"pubblicato|aggiornato|veröffentlicht|publiziert|aktualisiert|erstellt|stand|geändert|"
    r"zuletzt|(?:release|news)\s+date|date|datum|fecha|veröffentlichung|"
    r"publisert|oppdatert|publicerad|uppdaterad|publiceret|opdateret|julkaistu|päivitetty|"
    r"gepubliceerd|bijgewerkt|opublikowano|zaktualizowano|aktualizacja|publikováno|"
    r"aktualizováno|cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng"
)
# Word edges are letters only: pages run stamps into numbers ("20 Apr 2026Updated 12:44").
_STAMP_WORD = re.compile(rf"(?<![^\W\d_])(?:{_STAMP})(?![^\W\d_])", re.IGNORECASE)
_DATELINE_WORDS = re.compile(
    rf"(?<![^\W\d_])(?:{_STAMP}|"
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày|lúc|tháng|năm|"
    r"gmt|utc|ict|cet|cest|mez|mesz|bst|est|edt|cst|cdt|pst|pdt|et|pt|"
    r"am|pm|a\.m|p\.m|sa|ch|mo|di|mi|do|fr|so|uhr|heure|kl|klo|ore|on|at|le|la|el|de|del|am|um|à|a|las|alle|om|"
    r"ago|days?|hours?|minutes?|mins?|min|minuten|read|reading|time|lesezeit|lesedauer|lecture|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|måndag|tisdag|onsdag|torsdag|"
    r"fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|"
    r"juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|octubre|noviembre|diciembre|januari|februari|augusti|desember|"
    r"maj|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez|déc|"
    r"h|st|nd|rd|th|er|e)(?![^\W\d_])|"
    r"[+-]\d{2}:?\d{2}|\d+|[\s,:/.\-\u2013\u2014|()\u00b7\u2022]+",
    re.IGNORECASE,
)
_MAX_DATELINE = 100
_AUTHOR_NAME_SEARCH = 3
_MAX_SIGNATURE = 60
"""A byline before a dateline in one line ("Par Claire Dumas Publié le 21 mars 2024")."""
MAX_CAPTION = 300
_MAX_SECTION_TITLE = 120
_STATEMENT_END = re.compile(r"[.!\u3002\uff01][\"'\u201d\u2019\u00bb)]*$")
"""A heading ending as a statement does is running text set in a heading's markup."""
_LEAD_SEARCH = 8
"""Blocks searched for the paragraph a lead box repeats."""


@dataclass(slots=True)
class Tidied:
    blocks: list[Block]
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    lead: str | None = None
    dateline: str | None = None
    lead_on_page: bool = False
    """The lead is text the page shows with the article (a paragraph taken out of the body,
    or the lead box), not a summary read from its metadata."""


def tidy_blocks(
    built: Built,
    *,
    title: str,
    authors: list[str],
    description: str | None,
    lead_box: str | None,
) -> Tidied:
    notes = built.notes
    blocks = _merge_captions(built.blocks, notes)
    blocks = [
        Figure(b.src, b.alt, strip_credits(b.caption))
        if isinstance(b, Figure) and b.caption
        else Paragraph(strip_copyright(b.runs))
        if isinstance(b, Paragraph) and "©" in b.text
        else b
        for b in blocks
        if not (isinstance(b, Paragraph) and is_credit_line(b.text))
    ]
    blocks = [b for b in blocks if not (isinstance(b, Paragraph) and not b.runs)]
    blocks = _drop_paywall(blocks)
    blocks = _drop_boilerplate(blocks)
    blocks = _drop_trailing_links(blocks)
    blocks = _drop_contact_box(blocks)
    blocks = _drop_empty_sections(blocks)
    blocks, dateline, signed = _drop_title_and_dateline(blocks, title, authors)
    credits = take_credits(blocks, notes, authors or signed)
    blocks = _drop_author_name(credits.blocks, credits.authors)
    blocks, lead, on_page = _take_lead(blocks, notes, description, lead_box)
    while blocks and isinstance(blocks[-1], Rule):
        blocks.pop()
    while blocks and isinstance(blocks[0], Rule):
        blocks.pop(0)
    return Tidied(blocks, credits.authors, credits.source, lead, dateline, on_page)


def _note(notes: dict[int, Note], block: Block) -> Note:
    return notes.get(id(block), Note.NONE)


def _merge_captions(blocks: list[Block], notes: dict[int, Note]) -> list[Block]:
    out: list[Block] = []
    position = 0
    while position < len(blocks):
        block = blocks[position]
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if (
            isinstance(block, Figure)
            and not block.caption
            and isinstance(following, Paragraph)
            and len(following.text) <= MAX_CAPTION
            and _note(notes, following) & (Note.CAPTION | Note.ALL_EMPHASIS | Note.CENTERED)
        ):
            out.append(Figure(block.src, block.alt, following.runs))
            position += 2
            continue
        out.append(block)
        position += 1
    return out


def _drop_boilerplate(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    skipping = False
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            text = block.text
            if (
                hints.is_box_heading(text)
                or (isinstance(block, Paragraph) and hints.is_read_more_label(text))
                or notices.is_box_label(text)
            ):
                skipping = True
                continue
            if skipping and (_all_links(block) or hints.is_boilerplate_line(text)):
                continue
            if hints.is_read_more(text) and any(run.href for run in block.runs):
                continue
            if isinstance(block, Paragraph) and _pointer(block):
                continue
            if (
                hints.is_promo_line(text)
                or notices.is_site_notice(text)
                or hints.is_boilerplate_line(text)
                or hints.is_media_card(text)
                or (
                    "\n" in text
                    and all(hints.is_boilerplate_line(line) for line in text.split("\n"))
                )
            ):
                continue
        elif isinstance(block, ListBlock):
            if skipping and _link_list(block):
                continue
            if all(
                hints.is_boilerplate_line(item.text)
                or notices.is_site_notice(item.text)
                or _only_dateline(item.text)
                for item in block.items
            ):
                continue
        elif (isinstance(block, Rule) and skipping) or (
            isinstance(block, Figure) and _teaser_figure(block)
        ):
            continue
        elif (
            isinstance(block, Quote)
            and len(block.blocks) == 1
            and isinstance(block.blocks[0], Paragraph)
            and (
                hints.is_promo_line(block.blocks[0].text)
                or (
                    hints.is_read_more(block.blocks[0].text)
                    and any(run.href for run in block.blocks[0].runs)
                )
                or _headline_link(block.blocks[0])
            )
        ):
            # A disclosure set off as a quote ("If you buy something using links…"), or a
            # pointer to another article ("PUEDES VER: <a>…</a>", or its linked headline alone:
            # an embedded card).
            continue
        skipping = False
        out.append(block)
    return out


def _teaser_figure(figure: Figure) -> bool:
    """A picture whose caption is all links, a few words or more: another article's teaser
    card (its picture over its linked headline and blurb), not a caption of this one."""
    if not figure.caption:
        return False
    visible = [run for run in figure.caption if run.text.strip()]
    linked = sum(len(run.text) for run in visible if run.href)
    total = sum(len(run.text) for run in visible)
    return linked >= _TEASER_LINKS * total > 0 and len(figure.text.split()) >= _MIN_LINK_WORDS


_TEASER_LINKS = 0.8
"""Share of a caption's text in links that makes its picture a teaser card."""


_MAX_OFFER_BLOCK = 120
_MAX_OFFER = 1200
"""An offer box after a paywall notice: short lines ("Access to all articles", "Cancel
monthly", a FAQ link), never a paragraph of running text."""


_TRAILING_LINKS = 2
"""Link-only lines in a row that make the article's end a list of further articles."""
_MIN_LINK_WORDS = 3
_MAX_LIST_INTRO = 100


def _drop_trailing_links(blocks: list[Block]) -> list[Block]:
    """Without the headlines of other articles that close the text, one linked line each
    ("Mehr lesen:", "Lue aiheesta lisää:" or no introduction at all): a run of such lines
    at the very end, or a single one leading off the page. Linked lines within the text stay
    (a list of sources, "[Read: …]" lines)."""
    end = len(blocks)
    start = end
    while start > 0 and _headline_link(blocks[start - 1]):
        start -= 1
    if end - start < _TRAILING_LINKS and not (end - start == 1 and _leaves_page(blocks[start])):
        return blocks
    if start > 0:
        before = blocks[start - 1]
        if (
            isinstance(before, Paragraph)
            and len(before.text) <= _MAX_LIST_INTRO
            and before.text.rstrip().endswith((":", "\uff1a"))
        ):
            start -= 1  # "Diese Artikel könnten dich ebenfalls interessieren:"
    return blocks[:start]


_CONTACT_LABEL = re.compile(
    r"^\W*(?:(?:presse|medien|media|press)\s*-?\s*)?"
    r"(?:kontakt|contact|contacts|contacto|contatto|kontakty|ansprechpartner(?:in)?)"
    r"(?:\s+(?:presse|press|media))?\s*[:\uff1a]?\s*$",
    re.IGNORECASE,
)
_MAX_LABEL = 30
_MAX_CONTACT_LINE = 150
_MAX_CONTACT = 600


def _drop_contact_box(blocks: list[Block]) -> list[Block]:
    """Without the contact box closing a press release: a "Kontakt:" / "Media contact" label
    and the short lines after it to the end (names, phone numbers, e-mail addresses)."""
    for position in range(len(blocks) - 1, max(-1, len(blocks) - 8), -1):
        block = blocks[position]
        if (
            isinstance(block, Paragraph | Heading)
            and len(block.text) <= _MAX_LABEL
            and _CONTACT_LABEL.match(block.text)
        ):
            rest = [b.text for b in blocks[position + 1 :]]
            if all(len(text) <= _MAX_CONTACT_LINE for text in rest) and (
                sum(len(text) for text in rest) <= _MAX_CONTACT
            ):
                return blocks[:position]
            break
    return blocks


def _leaves_page(block: Block) -> bool:
    """Whether a linked line leads to another page, not to a place on this one ("Continue
    reading the main story" jumping over a box): the last line of an article that only
    sends the reader elsewhere ("Lesen Sie hier einen weiteren Beitrag")."""
    return isinstance(block, Paragraph) and all(
        "#" not in run.href for run in block.runs if run.href
    )


def _headline_link(block: Block) -> bool:
    """A paragraph that is one linked line of a few words: another article's headline."""
    return (
        isinstance(block, Paragraph)
        and "\n" not in block.text
        and len(block.text.split()) >= _MIN_LINK_WORDS
        and _all_links(block)
    )


def _drop_paywall(blocks: list[Block]) -> list[Block]:
    """Without paywall notices ("This article is for subscribers only", "この記事は会員限定です"),
    and without the offer box after one when only short lines follow it to the end."""
    out: list[Block] = []
    for position, block in enumerate(blocks):
        if isinstance(block, Paragraph | Heading) and hints.is_paywall_line(block.text):
            rest = [b.text for b in blocks[position + 1 :]]
            if all(len(text) <= _MAX_OFFER_BLOCK for text in rest) and (
                sum(len(text) for text in rest) <= _MAX_OFFER
            ):
                break
            continue
        out.append(block)
    return out


def _drop_empty_sections(blocks: list[Block]) -> list[Block]:
    """Headings with nothing under them: the last block of the article, or one followed at
    once by a heading of the same or a higher rank. The box they opened (further links, a
    comment form, a shop teaser) was removed; the heading alone is no part of the article."""
    out: list[Block] = []
    following: Block | None = None  # the next block kept, rules aside
    for block in reversed(blocks):
        if (
            isinstance(block, Heading)
            and (
                following is None
                or (isinstance(following, Heading) and following.level <= block.level)
            )
            and len(block.text) <= _MAX_SECTION_TITLE
            and _STATEMENT_END.search(block.text) is None
        ):
            continue
        out.append(block)
        if not isinstance(block, Rule):
            following = block
    out.reverse()
    return out


_ARROWS = re.compile(r"^\s*(?:>{1,3}|\u2192|\u27a4|\u25ba|\u25b6)\s")


def _pointer(block: Paragraph) -> bool:
    """A pointer to another article without a colon: an opener and a linked title ("À lire
    aussi <a>…</a>"), or arrows before a line with a link (">> Hier finden Sie <a>…</a>")."""
    text = block.text
    if len(text) > _MAX_POINTER or not any(run.href for run in block.runs):
        return False
    if _ARROWS.match(text):
        return True
    start = hints.read_more_opening(text)
    if start < 0:
        return False
    position = 0
    for run in block.runs:
        end = position + len(run.text)
        if end > start and run.text.strip() and not run.href:
            return False
        position = end
    return True


_MAX_POINTER = 250


def _all_links(block: Paragraph | Heading) -> bool:
    """Whether the text is all in links (a dash or a bullet before them aside)."""
    visible = [run for run in block.runs if run.text.strip()]
    while visible and not visible[0].href and not any(ch.isalnum() for ch in visible[0].text):
        visible.pop(0)
    return bool(visible) and all(run.href for run in visible)


def _link_list(block: ListBlock) -> bool:
    linked = total = 0
    for item in block.items:
        for inner in item.blocks:
            if isinstance(inner, Paragraph):
                for run in inner.runs:
                    total += len(run.text)
                    if run.href:
                        linked += len(run.text)
    return total > 0 and linked / total >= 0.5


def _drop_title_and_dateline(
    blocks: list[Block], title: str, authors: list[str]
) -> tuple[list[Block], str | None, list[str]]:
    """Without the title repeated and without datelines: a date line near the top, and a
    "Published … / Updated …" stamp anywhere (pages print it under the article too). A
    signature line near the top that ends in a stamp ("Par Claire Dumas Publié le 21 mars
    2024") goes too when the rest is a byline or a known author (the names found are returned);
    else its first part stays."""
    key = casefold_key(title)
    known = {casefold_key(name) for name in authors}
    dateline: str | None = None
    signed: list[str] = []
    out: list[Block] = []
    for position, block in enumerate(blocks):
        top = position < 4
        if (
            top
            and key
            and isinstance(block, Heading | Paragraph)
            and casefold_key(block.text) == key
        ):
            continue
        if isinstance(block, Paragraph) and len(block.text) <= _MAX_DATELINE:
            text = block.text
            stamp = _STAMP_WORD.search(text)
            if top or stamp:
                found = find_date(text)
                if (found or stamp) and (
                    _only_dateline(text) or (found and stamp and _meta_names(text, known) == [])
                ):
                    if top and dateline is None:
                        dateline = found
                    continue
                if top and stamp and 0 < stamp.start() <= _MAX_SIGNATURE:
                    rest = text[stamp.start() :]
                    found = find_date(rest)
                    if found and _only_dateline(rest):
                        dateline = dateline or found
                        block = Paragraph(
                            tuple(runs_before(block.runs, stamp.start(), _BEFORE_STAMP))
                        )
                        names = byline_names(block.text)
                        if names or casefold_key(block.text) in known:
                            signed.extend(names)
                            continue
        if top and isinstance(block, Paragraph | ListBlock):
            line = _meta_text(block)
            small_print = _meta_names(line, known) if line else None
            if small_print is not None:
                signed.extend(small_print)
                dateline = dateline or find_date(line)
                continue
        out.append(block)
    return out, dateline, signed


_META_PIECE = re.compile(
    r"\s*[|•·\u2013\u2014\n]\s*|\s+-\s+|"
    r"\s+(?=(?:kategorien?|categor(?:y|ies|ía|ia)|catégorie|kategoria|rubri[kc])\s*:)",
    re.IGNORECASE,
)
_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=[a-zäöüß])(?=[A-ZÄÖÜ])")
_MAX_META_LINE = 120
_DATE_OR_TIME = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{1,2}:\d{2}\b")


_SMALL_PRINT = re.compile(
    r"""(?:
      (?:kategorien?|categor(?:y|ies|ía|ia)|catégorie|kategoria|rubri[kc]|ressort|tags?|
        (?:verfasst|geschrieben|gepostet|posted|written)\s+(?:von|by))\s*:?\s*[^\s:|]+(?:\s+[^\s:|]+){0,2}|
      [^\W\d_][\w.-]{1,24}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Pieces of a dated line of small print that name no author: a category or tag label with
its value ("Kategorie: News"), a poster's user name after its label, or a single word (the
forum handle or section beside the date: "24. März 2004, 19:49 | Genesis")."""


def _meta_text(block: Paragraph | ListBlock) -> str:
    """The block as one line of small print (a list's items joined), or "" when too long."""
    text = block.text if isinstance(block, Paragraph) else "\n".join(i.text for i in block.items)
    return text if len(text) <= _MAX_META_LINE else ""


def _meta_names(line: str, known: set[str]) -> list[str] | None:
    """The authors named by a line of small print above an article, made only of date,
    time, reading-time and byline pieces ("Jane Doe|Published 1 day ago", "Do 25.04.24 |
    14:07 Uhr | Von Eva Roe", a list "Published: 22:04, 22 Apr 2024 / Updated: …"); None for
    any other line. Without a date or a stamp word, only known authors' names qualify."""
    names: list[str] = []
    dated = bool(find_date(line) or _STAMP_WORD.search(line) or _DATE_OR_TIME.search(line))
    for piece in _META_PIECE.split(line):
        piece = piece.strip(" ,;")
        if not piece:
            continue
        if _only_dateline(_RUN_TOGETHER.sub(" ", piece)):
            if not any(ch.isdigit() for ch in piece) and not _STAMP_WORD.search(piece):
                continue
            if not dated:
                return None
            continue
        found = byline_names(piece)
        if found and (dated or all(casefold_key(name) in known for name in found)):
            names.extend(found)
        elif casefold_key(piece) in known:
            names.append(piece)
        elif not (dated and _SMALL_PRINT.match(piece)):
            return None
    return names if names or dated else None


def _drop_author_name(blocks: list[Block], authors: list[str]) -> list[Block]:
    """Without a known author's name standing alone among the last blocks (the name line of
    an author box under the article): it is metadata, shown with the title."""
    keys = {casefold_key(name) for name in authors if len(name) >= 4}
    if not keys:
        return blocks
    out = list(blocks)
    for position in range(len(out) - 1, max(len(out) - _AUTHOR_NAME_SEARCH, 0) - 1, -1):
        block = out[position]
        if isinstance(block, Paragraph) and casefold_key(block.text.strip(" .")) in keys:
            del out[position]
    return out


_BEFORE_STAMP = " \u00a0|,;\u00b7\u2022-\u2013\u2014"
"""Separators left before a stamp cut off a paragraph's end."""


def _only_dateline(text: str) -> bool:
    return not any(ch.isalnum() for ch in _DATELINE_WORDS.sub("", text))


def _take_lead(
    blocks: list[Block],
    notes: dict[int, Note],
    description: str | None,
    lead_box: str | None,
) -> tuple[list[Block], str | None, bool]:
    """The blocks without their lead, the lead, and whether the lead is page text."""
    first_index = next(
        (
            i
            for i, block in enumerate(blocks[:3])
            if isinstance(block, Paragraph)
            or (isinstance(block, Heading) and _note(notes, block) & Note.LEAD)
        ),
        None,
    )
    rest_has_text = sum(1 for block in blocks if isinstance(block, Paragraph)) >= 2
    if first_index is not None and rest_has_text:
        first = blocks[first_index]
        text = first.text
        note = _note(notes, first)
        lead_like = bool(note & Note.LEAD) or (
            bool(note & Note.ALL_STRONG) and 40 <= len(text) <= 1500 and not note & Note.CAPTION
        )
        quoted = bool(description) and _same_start(text, description or "")
        boxed = bool(lead_box) and casefold_key(text) == casefold_key(lead_box or "")
        if lead_like or quoted or boxed:
            return blocks[:first_index] + blocks[first_index + 1 :], text, True
    # The lead box, or the paragraph the description quotes, further down: after a few short
    # lines (a dateline, a byline, a "Comments" link). Shown once, as the lead.
    key = casefold_key(lead_box) if lead_box else ""
    for i, block in enumerate(blocks[:_LEAD_SEARCH]):
        if isinstance(block, Paragraph | Heading) and (
            (key and casefold_key(block.text) == key)
            or (
                description
                and isinstance(block, Paragraph)
                and rest_has_text
                and _same_start(block.text, description)
            )
        ):
            return blocks[:i] + blocks[i + 1 :], block.text, True
    if lead_box and not any(
        key in casefold_key(block.text)
        for block in blocks[_LEAD_SEARCH:]
        if isinstance(block, Paragraph | Heading)
    ):
        return blocks, lead_box, True
    # A lead box printed inside the body further down is a box of the page (a "follow us"
    # blurb), not the standfirst.
    return blocks, description, False


def _same_start(paragraph: str, description: str) -> bool:
    """The description quotes the paragraph (often cut short with an ellipsis)."""
    a = casefold_key(paragraph)
    b = casefold_key(description).rstrip(".… ")
    if len(b) < 30:
        return False
    return a == b or (a.startswith(b) and len(b) >= 0.6 * min(len(a), 300))
