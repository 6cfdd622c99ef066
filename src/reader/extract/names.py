"""People's names out of a byline, in the languages pages write bylines in.

"By Jane Doe and John Roe", "Von Anna Schmidt und Max Weber", "Trine Jørgensen og Tôrtia
Reimer", "Elena Oberholzer (obe)", "Posted by jdoe", "Veröffentlicht vonChris Jung" (two boxes
run together), "Grant Tinsley, PhD": the names, without the words around them. Labels that
author boxes also hold ("Name *" in a comment form, "Follow", "View all posts by ...") are no
names.
"""

from __future__ import annotations

import html
import re
import unicodedata

from reader.extract.dates import MONTH_NAMES
from reader.extract.text import clean_line, words

# Words that introduce a byline; a multi-word one may be glued to the name ("vonChris").
_PREFIX = re.compile(
    r"""^\s*(?:
      (?:(?:written|words|story|text|reporting|posted|published|created|edited|photos?)\s+by
        |(?:words|text|photos?|photographs|pictures|images)\s+(?:and|&)\s+(?:words|text|photos?
          |photographs|pictures|images)\s+by
        |view\s+all\s+(?:posts|articles)\s+by|all\s+(?:posts|articles)\s+by|more\s+from
        |(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|(?:veröffentlicht|eingestellt|erstellt
        |geschrieben|verfasst|publiziert)\s+von|publié\s+par|écrit\s+par|publicado\s+por
        |escrito\s+por|pubblicato\s+da|scritto\s+da|gespeichert\s+von|submitted\s+by
        |(?:ein\s+)?(?:artikel|beitrag|gastbeitrag)\s+von|(?:an?\s+)?(?:article|story|post)\s+by
        |(?:posted|published)\s+on\s+[^|]{4,40}?\s+by)(?:\s*[:\uff1a]\s*|\s*(?=[A-ZÀ-ÖØ-Þ])|\s+)
      |(?:author|autor|auteur|by|von|par)(?-i:(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]))
      |(?:by|von|vom|par|por|di|door|av|af|autor(?:in)?|authors?|auteur|autore|tác\s+giả
        |người\s+viết|bài(?:\s+và\s+ảnh|\s*,\s*ảnh)?|bởi|text|texte)\b\s*[:\uff1a]?\s*
      |interview\s*[:\uff1a]\s*|[©\u24b8]\s*
      |(?:作者|记者|記者|撰文|撰稿|筆者|著者|执笔|執筆|文)\s*(?:[:\uff1a\u30fb/\uff0f]\s*|\s+)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri"
    "|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes"
    "|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag"
    "|donderdag|vrijdag|zaterdag|zondag|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
)
# Where a byline run together with its date ends: "Marta Gil 03/07/2024 - 12:45", "Claire
# Dumas Publié le 21 mars", "Jonas Weber 08.02.2024, 06:30 Uhr 3 Min. Lesezeit": at a date, or
# at a "published" word.
BYLINE_TAIL = re.compile(
    rf"""\s+(?=\d{{1,4}}[./:-]\d|\d{{1,2}}\.?\s+(?:{MONTH_NAMES})\b)|,?\s+(?:on|am|le|el|il|em|op|den|ngày)\s+(?=\d|(?:{MONTH_NAMES})\b)
      |,?\s+(?:(?:on|am|le|el|il|op|den)\s+)?(?=(?:{_WEEKDAYS})\.?,?\s+\d)
      |\s+(?:alle\s+(?:artikel|beiträge)|all\s+(?:posts|articles|stories)|view\s+(?:all|profile)
        |mehr\s+(?:artikel|vom\s+autor|von)|more\s+(?:articles|stories|from|by)|tous\s+ses\s+articles)\b
      |[\s,]+(?:
      publié|publiée|published|updated|last\s+updated|posted|mis\s+à\s+jour|modifié|aktualisiert
      |veröffentlicht|erschienen|stand|actualizado|publicado|pubblicato|aggiornato|gepubliceerd
      |bijgewerkt|publicerad|uppdaterad|cập\s+nhật)\b
      |(?<=[^\W\d_])(?-i:(?=(?:Published|Updated|Posted|Publié|Aktualisiert|Veröffentlicht|Publicado
        |Actualizado)\b))
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Connectors between names: punctuation, or a lowercase "and" of some language between spaces
# (so "e.V.", "Dan Brown" and "Y. Tanaka" stay whole).
_SPLIT = re.compile(
    r"\s*(?:[,;|/&+]|\s(?:and|und|et|y|e|và|og|och|ve|и)\s)\s*|\s+-\s+|\s+(?:AND|And)\s+"
)
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_INITIALS_END = re.compile(r"(?:^|\s)(?:[A-Z]\.)*[A-Z]$")
_HANDLE = re.compile(r"^(?!www\.)[^\W\d_]{2}[\w.-]{0,23}$")
"""A user name with digits in it ("freeman1984", "Bo2man"): one word starting with two letters,
so no date, number or time."""
_AT_HANDLE = re.compile(r"(?<=\w)\s+@\w+\b")
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*(?:[)\]]|$)(?!\s+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])")
"""A note in brackets ("Elena Oberholzer (obe)", "Jane Doe [Reuters]"), but not a part of the
name between its words ("Bruno (Henrique Zecchin) Rodrigues")."""
_OBFUSCATED_MAIL = re.compile(r"\w\s*[\[(]\s*at\s*[\])]\s*\w", re.I)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\d|:|^\W*$|\*")
# A part of a byline that names a role or a label, not a person (casefolded, whole part).
_NOT_PERSON = words(
    """
    sponsored advertisement anzeige redakteur redakteurin korrespondent korrespondentin autor
    autorin author auteur autore journaliste rédacteur redaktor phd md ma msc bsc jr sr
    follow donate datum date text texte posted admin administrator name last
    share teilen published veröffentlicht mehr more
    """
)
_ROLE_WORDS = words(
    """
    reporter correspondent editor writer contributor columnist journalist staff photographer
    redakteur redakteurin korrespondent korrespondentin chefredakteur chefredakteurin
    기자 특파원
    """
)
_LEADING_ROLES = _ROLE_WORDS | words(
    """
    rechtsanwalt rechtsanwältin anwalt anwältin experte expertin autor autorin gastautor
    gastautorin journalistin fotograf fotografin kolumnist kolumnistin
    """
)
"""A role printed before a name ("Rechtsanwalt Jan Koch"), or ending a compound there."""
_PARTICLES = words("von van der den de del della da di du le la bin ibn al")
_CJK_NAME = re.compile(r"^[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,5}$")


def looks_personal(name: str) -> bool:
    """Whether a name reads as a person's ("Jane Doe", "Anna von Berg", "松岡大地"), not an
    organisation's or a sentence's."""
    if _CJK_NAME.match(name):
        return True
    tokens = name.split()
    if not 2 <= len(tokens) <= 4 or len(name) > 40:
        return False
    return all(
        token in _PARTICLES
        or (token[:1].isupper() and token[1:2].islower())
        or _INITIALS.match(token)  # "Simone M. Scully"
        for token in tokens
    ) and not all(_INITIALS.match(token) for token in tokens)


def split_authors(value: str | None) -> list[str]:
    """Names out of a byline: "By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]."""
    if not value:
        return []
    text = clean_line(value)
    if not text or text.lower().startswith(("http://", "https://")):
        return []
    if _OBFUSCATED_MAIL.search(text):  # "jdoe[at]example.net": an address, no name
        return []
    if "&" in text:  # an entity escaped twice: "Redacci&oacute;n"
        text = html.unescape(text)
    text = _PREFIX.sub("", text, count=1)
    text = BYLINE_TAIL.split(text, maxsplit=1)[0]
    text = _AT_HANDLE.sub("", text)  # "Williams Perdomo @wperdomod": the person, not the account
    text = _PARENTHESES.sub("", text)
    names: list[str] = []
    roles: list[str] = []
    for part in _SPLIT.split(text):
        name = part.strip(" .:-\u2013\u2014()[]\"'").removesuffix(" @")  # "Konstantin @ 12:00"
        if _INITIALS_END.search(name) and part.rstrip().endswith(name + "."):
            name += "."  # "Nelson C.J.": the dot closes an initial
        name = _PREFIX.sub("", name, count=1).strip()
        if not name or len(name) > 60 or len(name.split()) > 6:
            continue
        if _NOT_A_NAME.search(name) and not _HANDLE.match(name):
            continue
        if _is_label(name):
            continue
        tokens = name.split()
        if tokens[-1].casefold() in _ROLE_WORDS and looks_personal(" ".join(tokens[:-1])):
            name = " ".join(tokens[:-1])  # "Christoph Hein Chefredakteur"
        elif (
            len(tokens) > 2
            and tokens[0].casefold().rsplit("-", 1)[-1] in _LEADING_ROLES
            and looks_personal(" ".join(tokens[1:]))
        ):
            name = " ".join(tokens[1:])  # "Rechtsanwalt Jan Koch", "Online-Experte Jan Koch"
        (roles if name.casefold().split()[-1] in _ROLE_WORDS else names).append(name)
    if len(names) > 1 and looks_personal(names[0]):
        # "Uta Staschewski, Projektleiterin der Stiftung in Tunis": the person, without the
        # role after the name
        names = names[:1] + [name for name in names[1:] if not _appendage(name)]
    return unique_names(names or roles)  # "Jane Doe, Staff Writer"; but "Staff Writer" alone


def _appendage(part: str) -> bool:
    """What a byline prints after a name that is no second name: a role, a phrase with small
    words ("Projektleiterin der Stiftung in Tunis", "professor of history"). An agency's short
    name ("dpa", "AFP") stays: news sets credit it as an author."""
    tokens = part.split()
    return len(tokens) > 1 and any(
        token.islower() and token not in _PARTICLES | _MORE_PARTICLES for token in tokens
    )


_MORE_PARTICLES = words("dos das do zu ten ter y e")


def _is_label(name: str) -> bool:
    """A title ("PhD"), a label ("Follow") or a commenter ("Anna says")."""
    tokens = name.casefold().split()
    if " ".join(tokens) in _NOT_PERSON:
        return True
    if tokens[0] in _DATE_LABELS:  # "Publiziert am", a box that names the date, not a person
        return True
    return len(tokens) <= 3 and tokens[-1] in ("says", "said", "sagt", "schreibt", "dit", "dice")


_DATE_LABELS = words(
    """
    published posted updated publiziert veröffentlicht aktualisiert erschienen publié publiée
    publicado actualizado pubblicato aggiornato gepubliceerd publicerad
    """
)


def unique_names(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


# Words that name an organisation, not a person ("Verein e.V.", "Landesanstalt für Wald",
# "Acme GmbH"), casefolded, matched as a whole word or as the end of a compound word.
_ORGANISATION_WORDS = (
    "e.v", "e.v.", "gmbh", "ag", "se", "kg", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "s.a.",
    "sa", "sarl", "bv", "ab", "oy", "asa",
)  # fmt: skip
_ORGANISATION_ENDS = (
    "stiftung", "verband", "verein", "anstalt", "institut", "ministerium", "gesellschaft",
    "behörde", "amt", "kammer", "foundation", "institute", "association", "university",
    "universität", "ministry", "agency", "agentur", "company",
)  # fmt: skip


def looks_organisational(name: str) -> bool:
    """Whether a name is an organisation's ("Hanns-Seidel-Stiftung e.V.", "Bayerische
    Landesanstalt für Wald", "Acme GmbH"), by a legal form or a word for a body of people."""
    tokens = name.casefold().split()
    return any(
        token.strip(",") in _ORGANISATION_WORDS or token.strip(",.").endswith(_ORGANISATION_ENDS)
        for token in tokens
    )


def handle_of(handle: str, name: str) -> bool:
    """Whether a user name stands for a person's name: "arianschlichenmayer", "edilson.la.rosa"
    or "christian.stadtfeld" for "Christian P. Stadtfeld" (letters alike, initials aside)."""
    if " " in handle.strip():
        return False
    key = "".join(ch for ch in _plain(handle) if ch.isalpha())
    tokens = [_plain(token) for token in name.split()]
    full = "".join(ch for token in tokens for ch in token if ch.isalpha())
    bare = "".join(
        ch for token in tokens if not _INITIALS.match(token.upper()) for ch in token if ch.isalpha()
    )
    return len(key) >= 4 and key in (full, bare)


def _plain(text: str) -> str:
    """Casefolded, without accents ("Gàbor" -> "gabor"): how a user name spells a name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
