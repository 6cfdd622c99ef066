"""Picture credits in captions ("Foto: dpa", "(Image: Getty)", "© Agentur"): they name who
took the picture, not what it shows, so the caption keeps only its description.

Only marked credits are cut (a credit word and a colon, "photo by", or ©), from the marker to
the end of its line; a caption line that is all credit goes. Agency names without a marker
stay: "Reuters" may just as well be what the picture shows. Only a paragraph of its own made
of names and a picture agency ("Jane Roe/Getty Images") is taken as a credit line too.
"""

from __future__ import annotations

import re

from reader.model import Run, runs_before, runs_lines

_CREDIT = re.compile(
    r"""(?:^|(?<=[\s.;,|\u2013\u2014])|(?=©))[(\[]?\s*(?:
      ©|\(c\)|copyright\b|
      (?:foto|fotos|photo|photos|photograph|photography|picture|pictures|pic|image|images|bild|
         bilder|bildrechte|bildquelle|fotoquelle|credit|credits|crédit|crédits|crédito|créditos|
         fotografía|fotografia|imagen|immagine|ảnh|kuva|bildkälla|foto\s*&\s*video|
         titelbild|titelfoto|beitragsbild|aufmacherbild|vorschaubild|headerbild|
         (?:crédits?|credits?|créditos?)\s+(?:photos?|images?|fotos?))\s*[:\uff1a]|
      (?:photo|photos|foto|fotos|photograph|photographed|pictures?|images?)\s+(?:by|von|de|di)\s
    )[^\n]{0,160}$""",
    re.IGNORECASE | re.VERBOSE,
)

# Chinese, Japanese and Korean credits, often written without spaces: "记者 张伟 摄" (reporter …
# took it), "潟沼義樹撮影" in full-width brackets, "[사진 출처 = 연합뉴스]", and the editor line
# closing Chinese articles, "责任编辑" and a full-width colon in brackets.
_CJK_CREDIT = re.compile(
    r"""[(\[\uff08\u3010]?\s*(?:
      (?:新华社|中新社|本报|本報)?记者\s*[^\s\uff0c\u3002\u3001]{1,12}(?:\s+[^\s\uff0c\u3002\u3001]{1,12})?\s*摄|
      (?:摄影|攝影|图片来源|圖片來源|图片|圖片|图|圖|写真|사진(?:\s*출처)?)\s*[=:\uff1a/\uff0f]|
      [^\uff08(\s]{1,12}撮影[)\uff09]|
      (?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:\uff1a]
    )[^\n]{0,60}$""",
    re.VERBOSE,
)


# A credit without a marker word: photographers' names and a picture agency joined by "/",
# "|", " - " or "via", after a sentence or standing in brackets ("Jane Roe/Getty Images",
# "(Valerie Macon / AFP / Getty Images)", "(AP Photo/John Doe)"), and a name of a few words:
# "… in Paris Jane Roe/Reuters" (no sentence end) is no credit. Only a paragraph that is all
# such a credit goes (`is_credit_line`); captions keep theirs, as most readers show them
# (cutting them gained as much on the news corpora as it lost on Readability's).
_AGENCY = (
    r"(?:getty(?:\s*images)?|gettyimages|istock(?:photo)?|shutterstock|imago(?:\s+images)?|"
    r"picture[\s-]alliance|alamy|afp|ap(?:\s+photo)?|reuters|dpa|epa(?:-efe)?|keystone|"
    r"pa\s+(?:images|wire|media)|anadolu(?:\s+agency)?|xinhua|efe|ansa|corbis|stringer)"
)
_AGENCY_WORDS = ("getty", "istock", "shutterstock", "imago", "alliance", "alamy", "afp", "ap",
                 "reuters", "dpa", "epa", "keystone", "pa ", "anadolu", "xinhua", "efe",
                 "ansa", "corbis", "stringer")  # fmt: skip
_NAME = r"[^\W\d_][\w'\u2019.\-]*(?:\s+[^\W\d_][\w'\u2019.\-]*){0,5}"
_SEP = r"\s*(?:/|\||\s-\s|\svia\s)\s*"
_AGENCY_CREDIT = re.compile(
    rf"""(?:^|(?<=[.!?"\u201d\u2019)\]]))\s*(?:
      [(\[]\s*(?:{_NAME}{_SEP})*{_AGENCY}(?:{_SEP}{_NAME})*\s*[)\]]|
      (?:{_NAME}{_SEP})+{_AGENCY}(?:{_SEP}{_NAME})*|
      {_AGENCY}(?:{_SEP}{_NAME})+
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def _credit(text: str, *, signed: bool = False) -> re.Match[str] | None:
    """The first marked credit in a line (the earlier of the two kinds), or with `signed`
    the earliest of those and an agency credit."""
    found = _CREDIT.search(text)
    other = _CJK_CREDIT.search(text) if not text.isascii() else None
    if found is None or (other is not None and other.start() < found.start()):
        found = other
    if (
        signed
        and ("/" in text or "|" in text or "(" in text or " via " in text)
        and any(word in text.lower() for word in _AGENCY_WORDS)
    ):
        agency = _AGENCY_CREDIT.search(text)
        if agency is not None and (found is None or agency.start() < found.start()):
            return agency
    return found


def is_credit_line(text: str) -> bool:
    """A short paragraph that is only a picture credit."""
    if len(text) > 120 or "\n" in text:
        return False
    found = _credit(text, signed=True)
    return found is not None and not text[: found.start()].strip()


_TRAILING_COPYRIGHT = re.compile(r"[(\[]?©[^\n©]{1,60}$")


def strip_copyright(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """A paragraph without the "© Agency" credit closing it (a caption set as a paragraph):
    the sign marks a credit wherever it stands; the text before it on its line stays, unless
    that is only the credit's label ("Foto ©", "Quelle: ©"): then the paragraph goes (empty).
    A line opening with the sign is a copyright notice the page may show as its own text."""
    text = "".join(run.text for run in runs)
    if "©" not in text:
        return runs
    found = _TRAILING_COPYRIGHT.search(text)
    if found is None:
        return runs
    start = found.start()
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():
        return runs
    earlier = _credit(text[line_start:])
    if earlier is not None and line_start + earlier.start() < start:
        start = line_start + earlier.start()
    if _only_label(text[line_start:start]):
        if line_start == 0:
            return ()
        start = line_start
    return tuple(_cut_at(list(runs), start))


def _only_label(text: str) -> bool:
    """What is left before a "©" is only the credit's label: one word ("Foto ©", "Zeichnungen
    ©"), or a few ending in a colon ("Quelle: ©")."""
    kept = text.strip(_BEFORE_CREDIT)
    count = len(kept.split())
    return count == 1 or (kept.endswith(":") and count <= 3)


def strip_credits(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """The caption without its credit lines and trailing credits (formatting kept)."""
    if not any(_credit(line) for line in "".join(r.text for r in runs).split("\n")):
        return runs
    out: list[Run] = []
    for line in runs_lines(runs):
        kept = _cut(line)
        if kept:
            if out:
                out.append(Run("\n"))
            out.extend(kept)
    return tuple(out)


def _cut(line: list[Run]) -> list[Run]:
    """One caption line up to its credit, without the spaces and dashes before it."""
    text = "".join(run.text for run in line)
    found = _credit(text)
    if found is None:
        return line
    if found.group(0).lstrip("([ ").startswith("©") and _only_label(text[: found.start()]):
        return []
    return _cut_at(line, found.start())


def _cut_at(line: list[Run], end: int) -> list[Run]:
    """The runs up to character `end`, without the spaces and dashes before it; none if only
    blanks are left."""
    out = runs_before(line, end, _BEFORE_CREDIT)
    return out if any(run.text.strip() for run in out) else []


_BEFORE_CREDIT = " \t\n|,;-\u2013\u2014\u3000"
