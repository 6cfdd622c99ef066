"""Publication dates as pages write them, out as ISO 8601.

In: ISO 8601 and its everyday variants (meta tags, JSON-LD, <time datetime>), RFC 2822 (feeds,
some meta tags), day-first numeric dates as Vietnamese and most European pages print them
(15/07/2024 08:30, 15.07.2024, 15-7-2024), "ngày 15 tháng 7 năm 2024", and English month names.
Out: "2024-07-15" for a date, "2024-07-15T08:30:00" (with the offset when one was given) for a
date and time. Anything that is not a real calendar date gives None.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/]|:\d)")
_TIME = re.compile(
    r"(?<![\d:])(\d{1,2})[:hH](\d{2})(?::(\d{2}))?(?![\d:])(?:\s*([ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_VIETNAMESE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_MONTH_WORDS = (
    # English, German, French, Spanish, Italian, Portuguese, Dutch: one line per month.
    "jan january januar janvier enero gennaio janeiro januari jän jänner",
    "feb february februar février fevrier febrero febbraio fevereiro februari",
    "mar march märz maerz mrz mars marzo março maart",
    "apr april avril abril aprile",
    "may mai mayo maggio maio mei",
    "jun june juni juin junio giugno junho",
    "jul july juli juillet julio luglio julho",
    "aug august août aout agosto augustus",
    "sep sept september septembre septiembre setiembre settembre setembro",
    "oct october oktober okt octobre octubre ottobre outubro",
    "nov november novembre noviembre novembro",
    "dec december dezember dez décembre decembre diciembre dicembre dezembro",
)
_MONTHS = {word: number for number, line in enumerate(_MONTH_WORDS, 1) for word in line.split()}
MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
"""Month names and abbreviations of the languages above, as a regular expression alternation."""
_MONTH_NAMES = MONTH_NAMES
_ORDINAL = r"(?:st|nd|rd|th|er)?"
_MONTH_FIRST = re.compile(
    rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}){_ORDINAL},?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
_DAY_FIRST = re.compile(
    rf"\b(\d{{1,2}}){_ORDINAL}\.?\s+(?:de\s+)?({_MONTH_NAMES})\.?,?\s+(?:de\s+)?(\d{{4}})(?!\d)",
    re.IGNORECASE,
)


def to_iso(value: str | None, *, day_first: bool = True) -> str | None:
    """An ISO 8601 date or date-time for a date as written, or None."""
    if not value:
        return None
    text = value.strip()[:200]
    if not text:
        return None
    return (
        _from_iso(text)
        or _from_compact(text)
        or _from_rfc2822(text)
        or find_date(text, day_first=day_first)
    )


_YEAR = re.compile(r"\d{4}")
"""Every date `find_date` reads holds a four-digit year: a line without one (most) holds none."""


def find_date(text: str, *, day_first: bool = True) -> str | None:
    """The first human-written date in a line of visible text ("Thứ Hai, 15/07/2024 08:30")."""
    text = text[:300]
    if _YEAR.search(text) is None:
        return None
    match = _ISO.search(text)
    if match:
        return _from_iso(match.group(0))
    found: tuple[int, int, int] | None = None
    rest = text
    match = _NUMERIC.search(text)
    if match:
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if first > 12 or (day_first and second <= 12):
            day, month = first, second
        else:
            day, month = second, first
        found = (year, month, day)
        rest = text[: match.start()] + " " + text[match.end() :]
    elif (match := _VIETNAMESE.search(text)) is not None:
        found = (int(match.group(3)), int(match.group(2)), int(match.group(1)))
        rest = text[: match.start()] + " " + text[match.end() :]
    elif (match := _MONTH_FIRST.search(text)) is not None:
        found = (int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
        rest = text[: match.start()] + " " + text[match.end() :]
    elif (match := _DAY_FIRST.search(text)) is not None:
        found = (int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
        rest = text[: match.start()] + " " + text[match.end() :]
    if found is None:
        return None
    year, month, day = found
    clock = _TIME.search(rest)
    try:
        if clock:
            hour = int(clock.group(1))
            if clock.group(4) and hour <= 12:  # "9:25pm", "11:30 p.m.", "12:05 AM"
                hour = hour % 12 + (12 if clock.group(4).lower() == "p" else 0)
            moment = datetime(year, month, day, hour, int(clock.group(2)), int(clock.group(3) or 0))
            return moment.isoformat()
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_LEADING = (_ISO, _NUMERIC, _VIETNAMESE, _MONTH_FIRST, _DAY_FIRST)
_OPENER = re.compile(r"(?:[^\W\d]+\s+){1,2}(?:vom|du|del|dated)\s+", re.IGNORECASE)
"""A press release's or notice's name before its date: "Meldung vom", "Communiqué du"."""
_LEAD_IN = " \t([\u201e\u201c\"'"


def leading_date(text: str, *, day_first: bool = True) -> str | None:
    """The date a text opens with ("29.11.2022 - Mehrfach hatte ...", "(21. November 2022)
    Energieverbraucher ..."): a dateline, however long the paragraph it opens."""
    head = text[:80].lstrip(_LEAD_IN)
    opener = _OPENER.match(head)
    if opener:  # "Pressemitteilung vom 25. Januar 2022 | Berlin - ..."
        head = head[opener.end() :]
    for pattern in _LEADING:
        match = pattern.match(head)
        if match:
            return find_date(head[: match.end() + 12], day_first=day_first)
    return None


def _from_iso(text: str) -> str | None:
    match = _ISO.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day)).isoformat()
        tz: timezone | None = None
        if zone:
            if zone.upper() == "Z":
                tz = UTC
            else:
                sign = -1 if zone[0] == "-" else 1
                digits = zone[1:].replace(":", "")
                tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        moment = datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=tz
        )
        return moment.isoformat()
    except ValueError:
        return None


def _from_compact(text: str) -> str | None:
    match = _COMPACT.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day)).isoformat()
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0)
        ).isoformat()
    except ValueError:
        return None


def _from_rfc2822(text: str) -> str | None:
    if not re.search(r"[A-Za-z]{3}", text) or not re.search(r"\d{1,2}:\d{2}", text):
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment.isoformat()


_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)

_URL_DAY_FIRST = re.compile(
    r"/(0?[1-9]|[12]\d|3[01])([.-])(0?[1-9]|1[0-2])\2((?:19|20)\d{2})(?=[/_.#]|$)"
)


def date_in_url(url: str | None) -> str | None:
    """A day written in the address ("/2014/05/18/slug"): the last resort of news and blog
    software that prints no date anywhere else."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    match = _URL_DATE.search(path)
    if match is not None:
        year, month, day = match.group(1), match.group(2), match.group(3)
    elif (match := _URL_DAY_FIRST.search(path)) is not None:  # "/meldungen/29-10-2021"
        year, month, day = match.group(4), match.group(3), match.group(1)
    else:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
