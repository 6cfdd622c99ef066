"""Site notices printed under or among an article's paragraphs: the reprint and licence terms,
the appeals for support, the "write to us" and "more at www…" lines, the download and
counter lines. They belong to the site, not to the story, in any of its articles.

Each pattern holds one of the quick words, so most lines are ruled out by one search for them
(a long case-insensitive alternation costs tens of microseconds a line); short labels are
matched on their own.
"""

from __future__ import annotations

import re

from reader.extract import hints

_FLAGS = re.IGNORECASE | re.MULTILINE
_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    # reprint and licence terms
    (("copyrighted",), r"\bcopyrighted\s+property\b"),
    (("permission",), r"\bpermission\s+must\s+be\s+obtained\b"),
    (("disclaimer",), r"\badvertising\s+disclaimer\b"),
    (("responsible",), r"\bis\s+not\s+responsible\s+for\s+the\s+(?:opinions|views|content)\b"),
    (("lizenz",), r"\b(?:wurde|ist|sind)\s+(?:veröffentlicht\s+)?unter\s+der\s+lizenz\b"),
    (
        ("creative",),
        r"\b(?:licensed|published|available)\s+under\s+(?:a|the)\s+creative\s+commons\b|"
        r"\ben\s+licence\s+creative\s+commons\b",
    ),
    (
        ("stammt", "erschien"),
        r"\bdieser\s+(?:beitrag|artikel|text)\s+(?:stammt|erschien)\s+(?:aus|in)\s+(?:der\s+)?"
        r"(?:ausgabe|heft)\b",
    ),
    (
        ("geprüft",),
        r"\bwurde\s+von\s+(?:medizinern|ärzten|ärztinnen|experten|fachleuten)\s+geprüft\b",
    ),
    # appeals for support and offers
    (("cancel",), r"\bcancela\s+cuando\s+quieras\b|\bcancel\s+(?:at\s+)?any\s*time\b"),
    (("bezahlschranke",), r"\bkeine\s+bezahlschranke\b"),
    (("help us",), r"\bhelp\s+us\s+(?:continue|keep)\b"),
    (("klicken",), r"\beinfach\s+hier\s+klicken\b"),
    (("google play",), r"\b(?:app\s+store|itunes)\s+(?:and|und|et|y|oder)\s+google\s+play\b"),
    (("button",), r"\bmit\s+diesem\s+button\s+kannst\b"),
    (("rss-feed",), r"\brss-feed\s+abonnieren\b"),
    (("schon unser",), r"\b(?:kennt\s+ihr|kennst\s+du|kennen\s+sie)\s+schon\s+unseren?\b"),
    (
        ("unterstütz",),
        r"^\W*unterstütze?n?\s+(?:uns|\S+(?:\s+\S+)?)\s+(?:bereits\s+|schon\s+)?(?:mit|ab)\s+"
        r"[$€£]?\d",
    ),
    (("geld erhalten",), r"\bgeld\s+erhalten\s+wir\b"),
    (("provision",), r"\bwir\s+erhalten\s+(?:eine\s+)?provision\b"),
    (("commission",), r"\bwe\s+(?:may\s+)?(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?commission\b"),
    (("subscribers",), r"\bsubscribers\s+(?:also\s+)?(?:receive|get)\s+(?:a|an|our)\b"),
    (("kommentar",), r"\bhinterlasse\s+(?:einfach\s+)?einen\s+kommentar\b"),
    (("findest du", "finden sie"), r"\b(?:findest\s+du|finden\s+sie)\s+hier[.!]?\s*$"),
    # write to us
    (("escribirnos",), r"\bpuede\s+escribirnos\b"),
    (("kontakt treten",), r"\bmit\s+uns\s+in\s+kontakt\s+treten\b"),
    # more at a web address, a download's file size, a view counter, a question site's card
    (
        ("www.", "://"),
        r"^\W*(?:weitere|mehr)\s+(?:infos?|informationen)\s+(?:unter|auf|bei)\s+"
        r"(?:www\.|https?://)\S+\W*$",
    ),
    (
        ("pdf", "doc", "xls", "ppt", "zip"),
        r"(?<![^\W\d_])(?:pdf|docx?|xlsx?|pptx?|zip)\s*[|(,]\s*\d+(?:[.,]\d+)?\s*[km]i?b\b",
    ),
    (("aufrufe", "zugriffe", "views", "hits"), r"^\W*(?:aufrufe|zugriffe|views|hits)\s*:\s*\d"),
    (
        ("asked", "answered", "edited"),
        r"\b(?:asked|answered|edited)\s+[a-z]{3}\s+\d{1,2}(?:,\s+\d{4})?\s+at\s+\d{1,2}:\d{2}\b",
    ),
)
"""Site notices, each pattern with the words (in lower case) one of which it always holds."""
_BY_WORD: dict[str, list[re.Pattern[str]]] = {}
for _words, _pattern in _RULES:
    _compiled = re.compile(_pattern, _FLAGS)
    for _word in _words:
        _BY_WORD.setdefault(_word, []).append(_compiled)
_QUICK = hints.quick_words(tuple(_BY_WORD))
"""One search for all the rules' words: most lines hold none of them."""
_LABEL = re.compile(
    r"""^\W*(?:
      alle\s+angaben\s+ohne\s+gewähr|(?:von|by|autor(?:in)?|author)\s*:|
      (?:permalink|permalien|versenden|drucken|imprimer|imprimir|stampa)
        (?:\s+(?:imprimer\s+)?(?:cette|la|diese)\s+(?:page|seite|página))?\s*(?:https?://\S+)?
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A short line of a page's tools or small print: a print or permalink button, a byline label
with no name after it, "Alle Angaben ohne Gewähr"."""
_MAX_LABEL_LINE = 60
MAX_NOTICE = 400
"""A notice is a line or two; a longer paragraph with such words is running text."""


_SERVER_ERROR = re.compile(
    r"^\W*(?:warning|deprecated|notice|fatal\s+error|parse\s+error)\s*:[^\n]{0,300}?"
    r"\s+in\s+/[^\n]{0,200}?\s+on\s+line\s+\d+",
    re.IGNORECASE,
)
"""A PHP message the server printed into the page ("Warning: … in /www/… on line 407")."""


def is_site_notice(text: str) -> bool:
    """Whether a paragraph is a site notice (see the module's doc)."""
    size = len(text)
    if size > MAX_NOTICE:
        return " on line " in text and _SERVER_ERROR.match(text) is not None
    if size <= _MAX_LABEL_LINE and _LABEL.match(text):
        return True
    for found in _QUICK.finditer(text.lower()):
        for pattern in _BY_WORD[found.group()]:
            if pattern.search(text):
                return True
    return " on line " in text and _SERVER_ERROR.match(text) is not None


# Headings of a site's boxes that no article's own section bears: more on the topic, the next
# article, the most discussed, the sources list's label. (`hints` holds the common ones, which
# also mark boxes in the markup; these are only dropped as headings.)
_BOX_LABEL = re.compile(
    r"""^\W*(?:
      mehr\s+zum\s+thema\s+(?:auf|bei)\s+\S+|mehr\s+zu\s+\w+(?:\s+und\s+\w+)?|
      weitere\s+[\w-]*tipps(?:\s+\w+){0,3}|vorschau\s+auf\s+den\s+nächsten\s+artikel|
      (?:audios?\s+et\s+)?vidéos\s+sur\s+le\s+sujet|meist[-\s]?(?:diskutiert|gelesen|kommentiert)|
      kommentieren|quellenangaben|zusatzinformationen|ansprechpartner(?:in)?\s+zum\s+thema|empfehlungen\s+aus\s+(?:dem|unserem)\b.*
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_LABEL = 60


def is_box_label(text: str) -> bool:
    """Whether a heading or a short line is the label of a site's box (see `_BOX_LABEL`)."""
    return len(text) <= _MAX_LABEL and _BOX_LABEL.match(text) is not None
