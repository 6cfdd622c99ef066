"""What a page's own markup and wording say about a box: article text or boilerplate.

Two kinds of general signals, no per-site rules:
- class/id/role/itemprop vocabulary. Class names are split into tokens (`related-posts` ->
  `related`, `posts`); long hint words also match inside run-together names (`boxrelated`,
  `leftsidebar`), short ones only as whole tokens (`nav`, `ad`), so `advice` is not an ad.
- boilerplate wording that portals in many languages print around an article: share buttons,
  font-size and contrast controls, related-article headings, visitor counters.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from reader.extract.dom import Element, inner_text
from reader.extract.text import words

_TOKEN = re.compile(r"[a-z0-9]+")

# Whole-token matches (short or ambiguous words).
_NEGATIVE_TOKENS = words(
    """
    nav navbar navi menu menus submenu breadcrumb breadcrumbs crumbs bc share shares sharing
    social sns socials footer foot header masthead sidebar side aside widget widgets related
    relate rel recommend recommended recommendation recommendations comment comments commentlist
    disqus reply replies respond counter counters stats statistic statistics visitor visitors
    toolbar tools tool font fontsize textsize contrast cookie cookies consent gdpr banner
    ad ads adv advert advertisement advertising sponsor sponsored promo promotion popup modal
    newsletter subscribe subscription signup login register pagination pager paging tags tag
    tagcloud skip rss other others hotline weather search copyright login links linklist bottom
    topbar bar tabs rating vote poll outbrain taboola mostread mostviewed popular trending
    ticker marquee sitemap lang language languages hidden sr visually screenreader
    kommentare kommentarer comentarios komentarze komentari
    """
)
# Substring matches (distinctive words, also inside run-together class names).
_NEGATIVE_PARTS = (
    "sidebar", "comment", "related", "breadcrumb", "footer", "social", "share", "counter",
    "navbar", "navigation", "toolbar", "cookie", "banner", "advert", "sponsor", "newsletter",
    "pagination", "widget", "lienquan", "thongke", "truycap", "recommend", "tinkhac",
    "othernews", "morenews", "popular", "mostread", "readmore", "readalso",
)  # fmt: skip
_POSITIVE_TOKENS = words(
    """
    article articles content contents body entry main post story text detail details blog hentry
    page column news chitiet noidung prose richtext
    """
)
_POSITIVE_PARTS = (
    "article", "content", "entry", "story", "postbody", "detail", "noidung", "chitiet",
    "articlebody", "maintext", "bodytext",
)  # fmt: skip
# Words that mark a lead paragraph (a portal's "sapo", a standfirst), a figure caption and a
# byline when they appear in class names.
LEAD_PARTS = ("sapo", "lead", "summary", "standfirst", "intro", "excerpt", "dek", "teaser",
              "description", "subtitle", "tomtat", "chapeau", "chapo", "abstract", "deck",
              "vorspann", "subtitulo", "sottotitolo", "sommario", "bajada", "entradilla",
              "ingress")  # fmt: skip
CAPTION_PARTS = ("caption", "desc", "chuthich", "legend", "credit", "figcaption", "imgcap",
                 "photo", "image", "img", "note")  # fmt: skip
AUTHOR_PARTS = ("author", "byline", "writer", "tacgia", "reporter", "journalist", "creator",
                "autor", "firma")  # fmt: skip
DATE_PARTS = (
    "date",
    "time",
    "publish",
    "posted",
    "ngay",
    "thoigian",
    "timestamp",
    "dateline",
    "submitted",
)

_NEGATIVE_ROLES = frozenset(
    {"navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "search",
     "dialog", "alertdialog", "alert", "toolbar", "tablist"}
)  # fmt: skip
_POSITIVE_ROLES = frozenset({"main", "article"})


# Boxes removed before scoring (Readability's "unlikely candidates"): a narrower vocabulary
# than the negative weight, since ids made from headings ("sharing-with-a-developer") are
# common and a wrongly removed box is lost for good.
_UNLIKELY_TOKENS = words(
    """
    nav navbar menu menubar breadcrumb breadcrumbs crumbs comment comments commentlist disqus
    footer header masthead sidebar related social sponsor sponsored banner popup modal
    pagination pager cookie cookies consent gdpr ad ads advert advertisement rss counter
    visitors toolbar outbrain taboola newsletter agegate skyscraper shoutbox replies remark
    legends combx community supplemental
    kommentare kommentarer comentarios komentarze komentari
    """
)
_UNLIKELY_PARTS = (
    "sidebar", "comment", "related", "breadcrumb", "footer", "navbar", "navigation", "cookie",
    "advert", "sponsor", "pagination", "lienquan", "thongke", "truycap", "tinkhac",
    "othernews", "disqus", "shoutbox", "skyscraper", "ad-break",
)  # fmt: skip
# Readability's "maybe a candidate after all" words: they keep an unlikely-looking box.
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow|entry|story|detail|noidung")
# A live ticker's "live-comments" are the article, not readers' comments: read without the word.
_NOT_COMMENTS = re.compile(r"\blive[-_]?(?:match[-_]|ticker[-_])?comment")


@lru_cache(maxsize=16384)
def _tokens(value: str) -> tuple[str, ...]:
    lowered = value.lower()
    if "comment" in lowered:
        lowered = _NOT_COMMENTS.sub(" live ", lowered)
    if "bottom" in lowered or "hidden" in lowered:
        lowered = _SPACING.sub(" ", lowered)
    return tuple(_TOKEN.findall(lowered))


_SPACING = re.compile(
    r"\b(?:margin|padding|border|spacing|space|align|valign)[-_]?bottom\b|"
    r"\b(?:overflow-hidden|hidden-(?:xs|sm|md|lg|xl)(?:-(?:up|down))?)\b"
)
"""Layout utility classes ("margin-bottom", "hidden-xs": hidden on small screens only): no
sign of a page's bottom bar or of a box hidden from readers."""


def _matches(tokens: tuple[str, ...], words: frozenset[str], parts: re.Pattern[str]) -> bool:
    return not words.isdisjoint(tokens) or parts.search(" ".join(tokens)) is not None


def _alternation(parts: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of the words, written as a trie (`co(?:mment|okie|unter)`): it
    matches where a plain `comment|cookie|counter` would, and searches about twice as fast,
    since the regex engine tries the words one by one at every position of the text."""
    return re.compile(_trie(sorted(set(parts))))


def _trie(words: list[str]) -> str:
    """The sorted words as one regex (an empty word: the words may end here)."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + _trie(rests) for first, rests in branches.items()]
    if not alternatives:
        return ""
    may_end = "" in words
    if len(alternatives) == 1 and not may_end:
        return alternatives[0]
    group = "(?:" + "|".join(alternatives) + ")"
    return group + "?" if may_end else group


_NEGATIVE_NAME = _alternation(_NEGATIVE_PARTS)
_POSITIVE_NAME = _alternation(_POSITIVE_PARTS)
_UNLIKELY_NAME = _alternation(_UNLIKELY_PARTS)


@lru_cache(maxsize=4096)
def _weight_of(value: str) -> int:
    """+25 / -25 / 0 for one class or id string (both signs can cancel out)."""
    tokens = _tokens(value)
    if not tokens:
        return 0
    negative = _matches(tokens, _NEGATIVE_TOKENS, _NEGATIVE_NAME)
    positive = _matches(tokens, _POSITIVE_TOKENS, _POSITIVE_NAME)
    return (25 if positive else 0) - (25 if negative else 0)


@lru_cache(maxsize=4096)
def _negative_of(value: str) -> bool:
    tokens = _tokens(value)
    return bool(tokens) and _matches(tokens, _NEGATIVE_TOKENS, _NEGATIVE_NAME)


def has_negative_name(element: Element) -> bool:
    """Class or id holds a boilerplate word, even when a positive word cancels its weight."""
    attrs = element.attrs
    if not attrs:
        return False
    value = attrs.get("class")
    if value and _negative_of(value):
        return True
    value = attrs.get("id")
    return bool(value) and _negative_of(value)


def is_unlikely(element: Element) -> bool:
    """Class, id or role say navigation, comments, ads, related links, counters..."""
    attrs = element.attrs
    if not attrs:
        return False
    return unlikely_names(attrs.get("class"), attrs.get("id"), attrs.get("role"))


@lru_cache(maxsize=16384)
def unlikely_names(class_names: str | None, id_name: str | None, role: str | None) -> bool:
    if role and role.lower() in _NEGATIVE_ROLES:
        return True
    if not class_names and not id_name:
        return False
    # The words of "class id" are those of the class and those of the id (no word spans the
    # space between them), so each value is looked up alone: a class value recurs far more
    # often than its pair with an id and a role, and its verdict is cached.
    if not (
        (class_names and _has_unlikely_word(class_names))
        or (id_name and _has_unlikely_word(id_name))
    ):
        return False
    return _MAYBE.search(f"{class_names or ''} {id_name or ''}".lower()) is None


@lru_cache(maxsize=16384)
def _has_unlikely_word(value: str) -> bool:
    tokens = _tokens(value)
    return bool(tokens) and _matches(tokens, _UNLIKELY_TOKENS, _UNLIKELY_NAME)


# Unlikely words that page layouts also give boxes of article text: an accordion's "card-header"
# holding an answer, a "tab-menu" holding a product description. A box unlikely only through
# these is kept when it holds running text (`content` checks).
_LAYOUT_TOKENS = frozenset({"header", "nav", "menu"})


@lru_cache(maxsize=16384)
def layout_only(class_names: str | None, id_name: str | None) -> bool:
    """Whether the unlikely words of a class and id are only layout words (`_LAYOUT_TOKENS`)."""
    tokens = _tokens(f"{class_names or ''} {id_name or ''}")
    hits = _UNLIKELY_TOKENS.intersection(tokens)
    if not hits or not hits <= _LAYOUT_TOKENS:
        return False
    rest = " ".join(token for token in tokens if token not in _LAYOUT_TOKENS)
    return _UNLIKELY_NAME.search(rest) is None


def id_from_words(id_name: str, text: str) -> bool:
    """Whether an id is made from the words of the element's own text ("nav_nur_die_folie__1"
    on the heading "Nur die Folie"): such an id says nothing about the box, even when one of
    its words reads as boilerplate."""
    lowered = text.lower()
    shared = [token for token in _tokens(id_name) if token.isalpha() and token in lowered]
    return len(shared) >= 2


@lru_cache(maxsize=4096)
def _without_header(value: str | None) -> str | None:
    if not value or "header" not in value.lower():
        return value
    return " ".join(token for token in _tokens(value) if token != "header")


def heading_names(class_names: str | None, id_name: str | None) -> tuple[str | None, str | None]:
    """A heading's class and id without the word "header": a heading is its box's header
    ("recipe-header", "card-header"), which says nothing about the box being boilerplate."""
    return _without_header(class_names), _without_header(id_name)


def heading_weight(element: Element) -> int:
    """`class_weight` for a heading, read through `heading_names`."""
    class_names, id_name = heading_names(element.attrs.get("class"), element.attrs.get("id"))
    weight = _weight_of(class_names) if class_names else 0
    if id_name and id_from_words(id_name, inner_text(element, 200)):
        return weight
    return weight + (_weight_of(id_name) if id_name else 0)


def class_weight(element: Element) -> int:
    """Readability's class weight: the class and the id each add +25 or -25."""
    attrs = element.attrs
    if not attrs:
        return 0
    weight = 0
    value = attrs.get("class")
    if value:
        weight += _weight_of(value)
    value = attrs.get("id")
    if value:
        weight += _weight_of(value)
    role = attrs.get("role")
    if role:
        role = role.lower()
        if role in _NEGATIVE_ROLES:
            weight -= 25
        elif role in _POSITIVE_ROLES:
            weight += 25
    prop = attrs.get("itemprop")
    if prop:
        if "articlebody" in prop.lower():
            weight += 50
        elif "comment" in prop.lower():
            weight -= 25
    return weight


@lru_cache(maxsize=8192)
def _contains_any(value: str, parts: tuple[str, ...]) -> bool:
    lowered = value.lower()
    return any(part in lowered for part in parts)


AUTHOR, DATE, LEAD = 1, 2, 4


_AUTHOR_NAME = re.compile(
    r"(?:author|byline|writer|tacgia|reporter|journalist|creator|autor|firma)(?!i[sz]|ity|itie|it[äa])"
)
_DATE_NAME = _alternation(DATE_PARTS)
_LEAD_NAME = _alternation(LEAD_PARTS)


_ANY_ROLE_NAME = _alternation(AUTHOR_PARTS + DATE_PARTS + LEAD_PARTS)


@lru_cache(maxsize=16384)
def _roles_of(value: str) -> int:
    lowered = value.lower()
    if _ANY_ROLE_NAME.search(lowered) is None:  # most names: one search instead of three
        return 0
    roles = 0
    if _AUTHOR_NAME.search(lowered):
        roles |= AUTHOR
    if _DATE_NAME.search(lowered):
        roles |= DATE
    if _LEAD_NAME.search(lowered):
        roles |= LEAD
    return roles


value_roles = _roles_of
"""`roles` for one class or id value (cached: pages repeat the same class names; a class
value recurs far more often than the pair of it and an id)."""

_ROLE_SEPARATOR = "\n"
"""Joins a page's class/id values for one search: no role word holds it, so no match of
`_ANY_ROLE_NAME` spans two values (a value holding it only splits itself further)."""


def values_roles(values: list[str]) -> dict[str, int]:
    """The roles of each of these distinct class/id values that has any (the others are left
    out): one search over all of them finds the few values worth the exact lookup, where a
    search per value costs a call each (a page brings about a hundred values never seen)."""
    found: dict[str, int] = {}
    separator = _ROLE_SEPARATOR
    joined = separator.join(values).lower()  # (`lower` never makes or takes a separator)
    if joined.count(separator) != len(values) - 1:  # a value holds one: no telling them apart
        for value in values:
            value_roles = _roles_of(value)
            if value_roles:
                found[value] = value_roles
        return found
    k = 0  # which value position `last` of `joined` lies in
    last = 0
    seen = -1
    for match in _ANY_ROLE_NAME.finditer(joined):
        start = match.start()
        k += joined.count(separator, last, start)
        last = start
        if k != seen:
            seen = k
            value = values[k]
            value_roles = _roles_of(value)
            if value_roles:
                found[value] = value_roles
    return found


def roles(element: Element) -> int:
    """AUTHOR / DATE / LEAD bits: what the class and id name the box as."""
    attrs = element.attrs
    return names_roles(attrs.get("class"), attrs.get("id"))


@lru_cache(maxsize=16384)
def names_roles(class_names: str | None, id_name: str | None) -> int:
    """`roles` for a class and an id value (cached: pages repeat the same class names)."""
    found = _roles_of(class_names) if class_names else 0
    return found | _roles_of(id_name) if id_name else found


def has_part(element: Element, parts: tuple[str, ...]) -> bool:
    """Whether the class or id of the element contains one of the words."""
    attrs = element.attrs
    value = attrs.get("class")
    if value and _contains_any(value, parts):
        return True
    value = attrs.get("id")
    return value is not None and _contains_any(value, parts)


# --- wording --------------------------------------------------------------------------------

# Headings of boxes that are not the article: related articles, counters, link lists, comments.
_BOX_HEADING = re.compile(
    r"""^\W*(?:
      tin\s+liên\s+quan|bài\s+(?:viết\s+)?liên\s+quan|tin\s+(?:bài\s+)?khác|các\s+tin\s+khác|
      bài\s+viết\s+khác|các\s+bài\s+(?:viết\s+)?khác|tin\s+cùng\s+chuyên\s+mục|tin\s+mới(?:\s+nhất)?|
      tin\s+đọc\s+nhiều|xem\s+thêm|đọc\s+thêm|thống\s+kê\s+truy\s+cập|lượt\s+truy\s+cập|
      liên\s+kết\s+website|bình\s+luận|ý\s+kiến\s+bạn\s+đọc|
      related(?:\s+(?:articles?|stories|posts|news|content|coverage|topics))?|
      (?:read|see)\s+(?:more|also)|more\s+(?:stories|news|articles|from|on)|more\s+in\s+\w+|you\s+may\s+also\s+like|
      recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|
      comments?|leave\s+a\s+(?:comment|reply)|share\s+this(?:\s+article|\s+story)?|
      visitor\s+statistics|visitors?\s+counter|
      mehr\s+zum\s+thema|weitere\s+artikel|das\s+könnte\s+sie\s+auch\s+interessieren|lesen\s+sie\s+auch|lest\s+auch|
      (?:das(?:\s+thema)?|diese\s+themen)\s+könnte(?:n)?\s+(?:dich|sie)\s+auch\s+interessieren|
      auch\s+interessant|zum\s+weiterlesen|weiterlesen|mehr\s+themen|schon\s+gelesen|
      lesen\s+sie\s+auch\s+die\s+folgenden\s+beiträge|weitere\s+beiträge(?:\s+\w+){0,3}|
      (?:neueste|ähnliche|verwandte)\s+artikel|(?:nächster|vorheriger)\s+artikel|
      (?:next|previous)\s+(?:article|story|post)|you\s+might\s+also\s+like|
      you\s+(?:may|might)\s+also\s+(?:enjoy|be\s+interested\s+in)|
      zobacz\s+(?:również|też|także)|(?:prze)?czytaj\s+(?:też|także|również)|
      les\s+også|läs\s+(?:också|mer)|læs\s+også|lue\s+myös|lees\s+ook|
      vous\s+aimerez\s+aussi|à\s+voir\s+aussi|lo\s+más\s+leído|más\s+noticias|
      ezek\s+is\s+érdekelhetnek|
      à\s+lire\s+aussi|lire\s+aussi|sur\s+le\s+même\s+sujet|articles?\s+similaires|
      noticias\s+relacionadas|te\s+puede\s+interesar|leggi\s+anche|
      (?:[\w'\u2019]+\s+){0,3}newsletters?|sign\s+up\s+for\s+(?:our|the)\s+\w+(?:\s+\w+)?\s+newsletters?|
      about\s+the\s+authors?|über\s+(?:den\s+autor|die\s+autorin|die\s+autoren)|zur\s+person|
      sobre\s+(?:el\s+autor|la\s+autora)|à\s+propos\s+de\s+l['\u2019]auteur|(?:giới\s+thiệu|về)\s+tác\s+giả|
      (?:found|spotted|see)\s+an?\s+(?:error|mistake|typo)\??|fehler\s+gefunden\??|
      (?:weitere|mehr)\s+informationen(?:\s+(?:zu|zum|zur|über)(?:\s+[\w-]+){1,5})?|
      (?:further|more)\s+information|plus\s+d['\u2019]informations|más\s+información|
      相关(?:新闻|文章|阅读)|相關(?:新聞|文章)|関連(?:記事|ニュース)|热门|推荐阅读|おすすめ
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Pieces of control bars and counters: a short line made only of these is boilerplate.
_BOILERPLATE_PIECES = re.compile(
    r"""(?:
      chia\s+sẻ(?:\s+bài\s+viết)?(?:\s+lên|\s+qua)?(?:\s+[\w.+]+)?|
      share(?:\s+(?:this|on|to|via))?(?:\s+(?:article|story|page))?(?:\s+(?:on|to|via))?
        (?:\s+(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|pinterest|reddit|
        zalo|google\+?))?|
      facebook|twitter|zalo|linkedin|whatsapp|telegram|pinterest|reddit|google\s*\+|email|e-mail|
      tweet|like|pin\s+it|copy\s+link|sao\s+chép\s+liên\s+kết|
      tăng\s+tương\s+phản|giảm\s+tương\s+phản|tương\s+phản|(?:increase|decrease)\s+contrast|
      high\s+contrast|cỡ\s+chữ|font\s+size|text\s+size|(?:increase|decrease|reset)\s+(?:font|text)(?:\s+size)?|
      \bA\s*[-+\u2212]|(?<![\w])A(?![\w])|
      in\s+bài\s+viết|in\s+trang|bản\s+in|print(?:\s+(?:this\s+)?(?:article|page))?|
      gửi\s+email|gửi\s+bài\s+viết|lưu\s+bài\s+viết|quay\s+lại|về\s+đầu\s+trang|lên\s+đầu\s+trang|
      back\s+to\s+top|top|
      nghe\s+đọc\s+bài|nghe\s+bài\s+viết|listen(?:\s+to\s+(?:this\s+)?article)?|
      thống\s+kê\s+truy\s+cập|đang\s+truy\s+cập|đang\s+online|trực\s+tuyến|lượt\s+truy\s+cập|
      lượt\s+xem|truy\s+cập|hôm\s+nay|hôm\s+qua|tuần\s+này|tuần\s+trước|tháng\s+này|tháng(?:\s+\d+)?|
      năm(?:\s+\d{4})?|tổng(?:\s+số)?|tất\s+cả|online|today|yesterday|this\s+(?:week|month|year)|
      total|visitors?|visits|page\s*views|views|lượt\s+thích|
      [\d.,:\s|/•·\-\u2013\u2014()]+
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_COUNTER_LINE = re.compile(
    r"""^\W*(?:hôm\s+nay|hôm\s+qua|tuần\s+này|tháng(?:\s+\d+)?|năm(?:\s+\d{4})?|tổng(?:\s+số)?|
    đang\s+truy\s+cập|đang\s+online|trực\s+tuyến|online|today|yesterday|this\s+(?:week|month|year)|
    total|visitors?)\s*:?\s*[\d.,\s]+$""",
    re.IGNORECASE | re.VERBOSE,
)


# Lines that point to another article ("Read more: <a>…</a>").
_READ_MORE_OPENERS = r"""(?:read\s+(?:more|also)|also\s+read|see\s+also|related|more|
    xem\s+thêm|đọc\s+thêm|tin\s+liên\s+quan|lesen\s+sie\s+(?:auch|mehr)|lest\s+auch|mehr\s+zum\s+thema|auch\s+interessant|
    à\s+lire\s+(?:aussi|également)|lire\s+aussi|voir\s+aussi|lea\s+(?:también|más)|le\s+puede\s+interesar|
    leggi\s+anche|czytaj\s+(?:też|także|więcej)|zobacz\s+też|leia\s+(?:também|mais)|
    vea\s+también|lee\s+también|auch\s+lesen|schon\s+gelesen\??|weiterlesen|read\s+next|
    les\s+også|läs\s+(?:också|mer)|læs\s+også|lue\s+myös|lees\s+ook|zobacz\s+(?:również|też|także)|
    (?:prze)?czytaj\s+(?:też|także|również)|mira|mire|lea|puedes\s+ver|te\s+puede\s+interesar|
    funda\s+(?:futhi|nalu|(?:olunye\s+|nalolu\s+)?udaba(?:\s+lapha)?)|lees\s+meer|baca\s+(?:juga|lagi)|
    soma\s+(?:pia|zaidi)|veja\s+também|leia\s+mais|čtěte\s+(?:také|též|rovněž)|
    přečtěte\s+si\s+(?:také|též)|čítajte\s+(?:aj|tiež)|citește\s+și|citeşte\s+şi|
    pročitajte\s+(?:i|još)|preberite\s+še|olvassa?\s+el\s+(?:ezt\s+)?is|
    διαβάστε\s+(?:επίσης|ακόμη)|читайте\s+(?:также|тоже|також)|
    potrebbe\s+interessarti|ayr[\u0131i]ca\s+(?:oku|bak[\u0131i]n[\u0131i]z)|lue\s+lisää|les\s+mer|
    dowiedz\s+się\s+(?:więcej|też|także))"""
_READ_MORE = re.compile(rf"^\W*{_READ_MORE_OPENERS}\s*[:\uff1a»>|-]", re.IGNORECASE | re.VERBOSE)
_READ_MORE_BARE = re.compile(rf"^\W*({_READ_MORE_OPENERS})\s+", re.IGNORECASE | re.VERBOSE)
_READ_MORE_LABEL = re.compile(
    rf"^\W*{_READ_MORE_OPENERS}[\s.:\uff1a\u2026»>|-]*$", re.IGNORECASE | re.VERBOSE
)
_MAX_READ_MORE = 250


def is_read_more(text: str) -> bool:
    """A "Read more: …" pointer to another article (the caller checks that it is a link)."""
    return len(text) <= _MAX_READ_MORE and _READ_MORE.match(text) is not None


def is_read_more_label(text: str) -> bool:
    """A "Read also…" opener standing alone on its line, the linked title on the next."""
    return len(text) <= 40 and _READ_MORE_LABEL.match(text) is not None


def read_more_opening(text: str) -> int:
    """Where the title starts in a pointer written without a colon ("À lire aussi <a>…</a>"),
    or -1: the opener has two words or more (a lone "More" or "Related" may open a sentence),
    and the caller checks that the rest is a link."""
    if len(text) > _MAX_READ_MORE:
        return -1
    found = _READ_MORE_BARE.match(text)
    if found is None or not any(ch.isspace() for ch in found.group(1)):
        return -1
    return found.end()


# Class names of boxes that are never article text, even when a layout word such as
# "story" or "body" in the same compound name cancels their negative weight.
_PROMO_NAME = re.compile(
    r"newsletter|signup|sign-up|subscribe(?!r)|feedback|donat(?:e|ion)|authorbio|author-bio|"
    r"author_bio|aboutauthor|about-author|about-the-author|author-box|authorbox|"
    r"author-description|authordescription|author-profile|authorprofile|saboxplugin"
)


@lru_cache(maxsize=16384)
def _promo_names(class_names: str | None, id_name: str | None) -> bool:
    value = f"{class_names or ''} {id_name or ''}".lower()
    return _PROMO_NAME.search(value) is not None


def is_promo_box(element: Element) -> bool:
    """Class or id name a newsletter sign-up, a subscription wall, a donation appeal, a
    feedback or author-bio box."""
    attrs = element.attrs
    return bool(attrs) and _promo_names(attrs.get("class"), attrs.get("id"))


# Sentences that only sign-up boxes, paywalls and feedback boxes print, each with its quick
# word: every match of the pattern holds the word, or one of the words (a unit test checks it).
# A line is tried only against the patterns of the words it holds, and most lines hold none:
# one search of all the patterns together cost about 0.2 ms a line that held any word.
_PROMO_PHRASES: tuple[tuple[str | tuple[str, ...], str], ...] = (
    ("newsletter", r"\bsign(?:ing)?\s+up\b[^.!?]{0,60}\bnewsletters?\b"),
    ("newsletter", r"\bnewsletters?\b[^.!?]{0,40}\bsign\s+up\b"),
    ("subscri", r"\bsubscribe\s+to\s+(?:our|the)\b[^.!?]{0,40}\bnewsletters?\b"),
    ("signing", r"\bby\s+signing\s+up,?\s+you\b"),
    ("subscri", r"\balready\s+a\s+subscriber\b"),
    ("subscri", r"\byour\s+subscription\s+(?:has|could)\b"),
    ("newsletter", r"\banmeldung\s+zum\s+newsletter\b"),
    ("abonn", r"\bnewsletter\s+abonnieren\b"),
    ("abonn", r"\bjetzt\s+abonnieren\b"),
    ("fehler", r"^\W*fehler\s+gefunden\b"),
    (("error", "mistake", "typo"), r"^\W*(?:found|spotted)\s+an?\s+(?:error|mistake|typo)\b"),
    ("newsletter", r"\binscr[ií]bete\s+(?:a|en)\s+(?:nuestra|la)\s+newsletter\b"),
    ("newsletter", r"\binscrivez-vous\s+à\s+(?:notre|la)\s+newsletter\b"),
    ("abonn", r"\bréservée?s?\s+aux\s+abonnés\b"),
    ("nhận", r"\bđăng\s+ký\s+nhận\s+bản\s+tin\b"),
    ("newsletter", r"\bnewsletter\s+informiert\b"),
    ("inbox", r"\bdirect(?:ly)?\s+to\s+your\s+inbox\b"),
    ("inbox", r"\bdelivered\s+(?:right\s+)?to\s+your\s+inbox\b"),
    ("abonn", r"\babonniere\s+(?:den|unseren?)\b"),
    ("eingebettete", r"\bum\s+eingebettete\s+inhalte\s+anzuzeigen\b"),
    ("permission", r"\bwaiting\s+for\s+your\s+permission\s+to\s+load\b"),
    ("aktivieren", r"\b(?:bitte\s+)?aktivieren\s+sie\s+(?:javascript|cookies)\b"),
    ("javascript", r"\b(?:please\s+)?enable\s+javascript\b"),
    ("kommentare", r"\bbitte\s+achten\s+sie\s+darauf,?\s+dass\s+ihre\s+kommentare\b"),
    (("einloggen", "anmelden"), r"\bsie\s+müssen\s+sich\s+(?:einloggen|anmelden),?\s+um\b"),
    ("logged", r"\byou\s+must\s+be\s+logged\s+in\s+to\s+(?:post|comment)\b"),
    ("gefallen", r"\bhat\s+ihnen\s+(?:dieser|der)\s+(?:artikel|beitrag)\s+gefallen\b"),
    (
        (
            "advertisement",
            "anzeige",
            "werbung",
            "reklama",
            "publicidad",
            "publicit",
            "pubblicit",
            "annons",
            "mainos",
        ),
        r"^\W*(?:advertisement|anzeige|werbung|reklama|publicidad|publicité|pubblicità|annons|"
        r"annonse|mainos)(?:\W+(?:page|story|article)\s+continues\s+below)?\W*$",
    ),
    (
        ("compensation", "commission"),
        r"\bwe\s+may\s+(?:receive|earn)\s+(?:a\s+)?(?:compensation|commission)\b",
    ),
    (
        ("buy", "purchase"),
        r"\bif\s+you\s+(?:buy|purchase)\b[^.!?]{0,120}\b(?:we|i)\s+may\s+(?:receive|earn|get)\b",
    ),
    ("affili", r"\baffiliate[-\s]links?\b"),
    ("affili", r"\bliens?\s+affiliés\b"),
    ("afiliad", r"\benlaces?\s+de\s+afiliad[oa]s?\b"),
    (
        "provision",
        r"\b(?:erhält|erhalten|bekommt|bekommen)\s+(?:\S+\s+){1,3}(?:ggf\.\s+|eine\s+|gegebenenfalls\s+)+provision\b",
    ),
    ("clic", r"^\W*click\s+(?:here\s+)?to\s"),
    ("clic", r"\bby\s+clicking\s+here\W*$"),
    (
        ("clic", "klicken", "cliquez"),
        r"^\W*(?:klicken\s+sie\s+hier,?\s+um|cliquez\s+ici\s+pour|haga\s+clic\s+aquí\s+para|clicca\s+qui\s+per)\s",
    ),
    ("subscri", r"\bunsubscribe\s+at\s+any\s+time\b"),
    ("abmelden", r"\bsie\s+können\s+sich\s+jederzeit\s+(?:wieder\s+)?abmelden\b"),
    ("google", r"^\W*follow\s+(?:\S+\s+){1,3}on\s+google\s+news\b"),
    ("follow us", r"^\W*follow\ us\s*[:\uff1a]"),
    ("posteingang", r"\b(?:deinen|ihren|euren)\s+posteingang\b"),
    ("newsletter", r"\bfür\s+unseren\s+newsletter\b"),
    ("rss", r"\brss\s*2\.0[\s-]+feed\b"),
    ("updates", r"\bget\s+(?:real-time|live|the\s+latest)\s+updates\s+(?:and|on)\b"),
    (
        ("instagram", "facebook", "twitter", "tiktok", "pinterest"),
        r"\b(?:tag|follow)\s+(?:us|me|@\w+|the\s+\w+(?:\s+\w+)?)\s+on\s+"
        r"(?:instagram|facebook|twitter|tiktok|pinterest)\b",
    ),
    (
        "expressed",
        r"\b(?:opinions?|views?)\s+expressed\b[^.!?]{0,60}\b(?:(?:their|his|her|its)\s+own|"
        r"do(?:es)?\s+not\s+(?:necessarily\s+)?(?:reflect|represent)|are\s+(?:solely\s+)?those)\b",
    ),
    (
        "meinung",
        r"\b(?:beitrag|artikel|text|kommentar)\s+gibt\s+(?:ausschließlich\s+)?die\s+meinung\s+"
        r"(?:des|der)\s+autor",
    ),
    ("subscri", r"\bsubscri\w*\b[^.!?]{0,60}\bfull\s+(?:story|article)\b"),
    ("subscri", r"\bto\s+(?:view|read)\s+the\s+full\s+(?:story|article),?\s+(?:please\s+)?subscri"),
    (
        "pings",
        r"\b(?:comments\s+and\s+pings|kommentare\s+und\s+pings)\s+(?:are|sind)\s+"
        r"(?:currently\s+|derzeit\s+)?(?:closed|geschlossen)\b",
    ),
    (
        "einverstanden",
        r"\bich\s+bin\s+damit\s+einverstanden,?\s+dass\s+mir\b[^.!?]{0,40}\binhalte\b",
    ),
    (
        "drittplattform",
        r"\bpersonenbezogene\s+daten\s+(?:können|könnten)\s+an\s+drittplattformen\b",
    ),
    (
        "externe",
        r"\ban\s+dieser\s+stelle\s+(?:findest\s+du|finden\s+sie)\s+(?:einen|ein)\s+externe[nr]?\s+"
        r"(?:inhalt|beitrag|video)\b",
    ),
    (
        "reporting",
        r"^\W*(?:with\s+)?reporting\s+by\s(?:[^.!?]{0,240}\b(?:editing|writing|additional\s+reporting)\s+"
        r"by\s|(?:\S+\s+){0,6}\S+\W*$)",
    ),
    ("files", r"^\W*with\s+files\s+from\s"),
    ("partner", r"\bist\s+eine\s+partnermarke\b"),
    ("partner", r"\bis\s+a\s+partner\s+brand\b"),
    ("totalverlust", r"\btotalverlust\s+des\s+(?:eingesetzten\s+)?kapitals\b"),
    ("anlageberatung", r"\bkeine\s+anlageberatung\b"),
    (
        "verbunden",
        r"^\W*(?:aktien|investments?|geldanlagen?|kapitalanlagen?|wertpapiere)\b[^.!?]{0,80}\s"
        r"(?:mit\s+einem\s+risiko|risiken)\s+verbunden\b",
    ),
    ("aufforderung", r"\bkeine\s+aufforderung\s+zum\s+kauf\s+oder\s+verkauf\b"),
    ("involve", r"^\W*(?:investing|trading)\b[^.!?]{0,60}\binvolves?\s+(?:a\s+(?:high\s+)?)?risk"),
    ("buy", r"\bnot\s+(?:a\s+)?(?:recommendation|solicitation|offer)\s+to\s+buy\s+or\s+sell\b"),
    (
        "advice",
        r"\b(?:does|do|is)\s+not\s+(?:constitute|intended\s+as|intended\s+to\s+be)\s+"
        r"(?:\w+\s+){0,2}(?:financial|investment)\s+advice\b",
    ),
    (
        "conseil",
        r"\bne\s+constitue\s+(?:pas|en\s+aucun\s+cas)\s+un\s+conseil\s+(?:en\s+investissement|financier)\b",
    ),
    (
        ("©", "(c)", "copyright"),
        r"^\W*(?:©|\(c\)|copyright\b)[^\n]{0,160}?(?:all\s+rights\s+reserved|"
        r"may\s+not\s+be\s+(?:published|reproduced|republished)|alle\s+rechte\s+vorbehalten|"
        r"tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados|"
        r"tutti\s+i\s+diritti\s+riservati|wszelkie\s+prawa\s+zastrzeżone|"
        r"tüm\s+haklar\u0131\s+sakl\u0131d\u0131r|alle\s+rettigheder\s+forbeholdes|alle\s+rettigheter\s+reservert|"
        r"alla\s+rättigheter\s+förbehållna|alle\s+rechten\s+voorbehouden)",
    ),
    (
        ("reserved", "vorbehalten", "droits", "derechos", "diritti", "hakl"),
        r"^\W*(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|"
        r"todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati|"
        r"tüm\s+haklar\u0131\s+sakl\u0131d\u0131r)\W*$",
    ),
    ("download", r"\bdownload\b[^.!?]{0,60}\bapps?\s+for\s+(?:ios|iphone|android)\b"),
    ("recaptcha", r"\bprotected\s+by\s+recaptcha\b"),
    (
        "touch",
        r"\bget\s+in\s+touch\s+(?:with\s+our\s+(?:news\s*)?(?:team|desk|newsroom)\b|"
        r"at\s+\S+@)",
    ),
    (("stories", "articles"), r"^\W*for\s+more\s+(?:stories|articles)\s+like\s+this\b"),
    (
        "latest",
        r"\bfollow\s+\S+(?:\s+\S+)?\s+on\s+(?:twitter|facebook|instagram|x)\b[^.!?]{0,40}"
        r"\bfor\s+(?:the\s+|all\s+the\s+)?latest\b",
    ),
    ("straight", r"\bstraight\s+to\s+your\s+(?:phone|smartphone)\b"),
    ("supporting", r"\bwould\s+you\s+consider\s+supporting\b"),
    ("journalism", r"\bsupport\s+(?:our|independent)\s+journalism\b"),
    ("donat", r"\bwe\s+need\s+your\s+(?:help|support)\b[^.!?]{0,120}\bdonat"),
    ("letter", r"\bsubmit\s+(?:a|your)\s+letters?\s+to\s+the\s+editor\b"),
    ("hear", r"\bwe\s+want\s+to\s+hear\s+what\s+you\s+think\b"),
    ("canal", r"\b(?:nuestro|tenemos)\s+canal\s+de\s+(?:youtube|telegram|whatsapp)\b"),
    ("channel", r"\b(?:join|follow)\s+our\s+(?:youtube|telegram|whatsapp)\s+channel\b"),
    ("kanal", r"\bunse(?:ren|r)\s+(?:youtube|telegram|whatsapp)[-\s]?kanal\b"),
    ("hazte", r"\bhazte\s+(?:miembro|socio)\b"),
    ("apoya", r"\bapoya\s+(?:el|nuestro)\s+periodismo\b"),
    ("zapraszamy", r"\bzapraszamy\b[^.!?]{0,30}\bsubskrypcj"),
    ("posted", r"^\W*this\s+entry\s+was\s+posted\b"),
    ("permalink", r"\bbookmark\s+the\s+permalink\b"),
    ("veröffentlicht", r"^\W*der\s+beitrag\s+wurde\s+am\b[^!?]{0,80}?\bveröffentlicht"),
    (
        ("nützlich", "hilfreich"),
        r"^\W*(?:war|ist)\s+(?:der|dieser)\s+(?:artikel|beitrag)\s+(?:nützlich|hilfreich)\b",
    ),
    (("helpful", "useful"), r"^\W*(?:was\s+this\s+(?:article|post|page)\s+(?:helpful|useful))\b"),
    (
        "teilen",
        r"^\W*(?:möchten\s+sie|willst\s+du)\s+(?:den|diesen)\s+(?:artikel|beitrag)\s+teilen\b",
    ),
    ("bewertung", r"^\W*(?:noch\s+)?keine\s+bewertungen\W*$"),
    ("affili", r"^\W*(?:anzeige\W+)?enthält\s+affiliate[-\s]links?\b"),
    ("affili", r"\bbei\s+den\s+(?:verlinkungen|links)\s+handelt\s+es\s+sich\s+um\s+affiliate"),
    ("provision", r"\bfür\s+links\s+auf\s+dieser\s+seite\s+erhält\b[^!?]{0,40}\bprovision\b"),
    ("werbung", r"^\W*\*?werbung\W+(?:dieser|der)\s+(?:beitrag|artikel)\s+enthält\s+werbung\b"),
    (
        ("kommentare", "response"),
        r"^\W*(?:keine\s+kommentare|es\s+gibt\s+noch\s+keine\s+kommentare|"
        r"no\s+responses?\s+(?:so\s+far|yet))\b",
    ),
    (("lade", "loading"), r"^\W*(?:wird\s+geladen|lade\s+weitere\s+inhalte|loading)\W*$"),
    (("lade", "loading"), r"^\W*(?:gefällt\s+mir|like)\W+(?:wird\s+geladen|loading)\W*$"),
    (
        ("eingeloggt", "angemeldet"),
        r"^\W*(?:sie\s+sind|du\s+bist)\s+(?:aktuell\s+|derzeit\s+)?nicht\s+(?:eingeloggt|angemeldet)\W*$",
    ),
    ("logged", r"^\W*you\s+are\s+(?:currently\s+)?not\s+logged\s+in\W*$"),
    (
        ("kommentare", "comments"),
        r"^\W*(?:kommentare|comments)(?:\s+insgesamt|\s+total)?\s*:\s*\d+\W*$",
    ),
    (
        "kommentaren",
        r"\b(?:verraten|schreiben)\s+sie\s+(?:es\s+)?(?:uns\s+)?(?:gerne\s+)?in\s+den\s+kommentaren\b",
    ),
    (
        "kommentaren",
        r"\b(?:verrate|schreib)\s+(?:es\s+)?(?:uns\s+)?(?:gerne\s+)?in\s+den\s+kommentaren\b",
    ),
    ("citation", r"^\W*suggested\s+citation\b"),
    ("impressum", r"^\W*impressum\s*\|\s*datenschutz\b"),
    (
        ("zurück", "back"),
        r"^\W*(?:zurück(?:\s+zu[rm]?\s+(?:listenansicht|übersicht|startseite|liste))?|"
        r"back(?:\s+to\s+(?:the\s+)?(?:overview|list|home(?:page)?))?)\W*$",
    ),
    ("hinzugefügt", r"\bwurden?\s+erfolgreich\s+(?:(?:in\s+den|zum)\s+warenkorb\s+)?hinzugefügt\b"),
    (("cart", "basket"), r"\b(?:added|was\s+added)\s+to\s+(?:your\s+)?(?:cart|basket)\b"),
    ("pdf", r"^\W*(?:dieses?|den)\s+[\w-]+\s+als\s+pdf\s+herunterladen\W*$"),
    ("privatsphäre", r"\bwir\s+respektieren\s+(?:deine|ihre)\s+privatsphäre\b"),
    ("teilen", r"^\W*(?:den\s+)?(?:artikel|beitrag)\s+(?:mit\s+anderen\s+)?teilen\b[^.!?]{0,20}$"),
    ("online", r"^\W*\d+\s+(?:besucher|gäste|mitglieder)\s+(?:sind\s+)?online\b"),
    (
        "handelt",
        r"^\W*bei\s+diesem\s+beitrag\s+handelt\s+es\s+sich\s+um\s+(?:ein(?:en?)?\s+)?"
        r"(?:blog|gastbeitrag|leserbeitrag|pressemitteilung)\b",
    ),
)
_PROMO_FLAGS = re.IGNORECASE | re.VERBOSE
_PROMO_NOTICE = 1000
"""Characters of a notice that opens with a promo sentence and is still taken as one."""
_PROMO_OPENING = 40
"""A notice's promo sentence opens its text, or a line after a short title line."""


class _Phrases:
    """The promo patterns holding one quick word: `line` searches a short line, `near` finds
    one starting within `_PROMO_OPENING` characters of where the match is tried."""

    __slots__ = ("line", "near")

    def __init__(self, patterns: list[str]) -> None:
        joined = "|".join(patterns)
        self.line = re.compile(joined, _PROMO_FLAGS)
        self.near = re.compile(rf"(?s:.{{0,{_PROMO_OPENING}}}?)(?P<promo>{joined})", _PROMO_FLAGS)


def _patterns_by_word() -> dict[str, list[str]]:
    patterns: dict[str, list[str]] = {}
    for held, pattern in _PROMO_PHRASES:
        for word in (held,) if isinstance(held, str) else held:
            patterns.setdefault(word, []).append(pattern)
    return patterns


_PROMO_PATTERNS = _patterns_by_word()
_PROMO_WORDS = tuple(_PROMO_PATTERNS)
"""The quick words: a line holding none cannot match. A phrase holding several is filed under
its least common one ("verbunden", not "aktien"; "pdf", not "lade"), and a phrase with a choice
of words (`(?:error|mistake|typo)`) under each of them."""


@cache
def _phrases_of(word: str) -> _Phrases:
    """(Compiled on first use: a page brings a few of the words, and compiling them all
    would cost a short-lived process more than it saves.)"""
    return _Phrases(_PROMO_PATTERNS[word])


_PROMO_PREFIXES = {word: [w for w in _PROMO_WORDS if word.startswith(w)] for word in _PROMO_WORDS}
"""The quick words each word starts with ("kommentaren": "kommentare" too), since the quick
search reports the longest word starting where it finds one."""


def _promo_phrases(text: str) -> list[_Phrases]:
    """The promo patterns of the quick words the text holds (all of them if it holds a case
    trap, where IGNORECASE sees a letter that `str.lower` does not give)."""
    if _has_case_trap(text):
        return [_phrases_of(word) for word in _PROMO_WORDS]
    lowered = text.lower()
    search = _PROMO_QUICK.search
    found = search(lowered)
    if found is None:
        return []
    words: set[str] = set()
    while found is not None:
        words.update(_PROMO_PREFIXES[found.group()])
        found = search(lowered, found.start() + 1)
    return [_phrases_of(word) for word in words]


def is_promo_line(text: str) -> bool:
    """A short line asking the reader to sign up, subscribe, or report an error; or a longer
    notice that opens with such a sentence (a comment policy, an embed consent text)."""
    if len(text) > _PROMO_NOTICE:
        return False
    phrases = _promo_phrases(text)
    if not phrases:
        return False
    if len(text) <= 300:
        return any(held.line.search(text) is not None for held in phrases)
    # A notice: the phrase opens one of its first lines (within 40 characters of a line that
    # starts by character 120). Only those openings are tried: searching the whole paragraph
    # for a phrase that could only count there cost more than all the rest of tidying.
    line_start = 0
    while line_start <= _PROMO_OPENING * 3:
        starts = [
            found.start("promo")
            for held in phrases
            if (found := held.near.match(text, line_start)) is not None
        ]
        if starts:
            start = min(starts)  # where one pattern over all the phrases would find one
            own_line = text.rfind("\n", 0, start) + 1
            if start - own_line <= _PROMO_OPENING and own_line <= _PROMO_OPENING * 3:
                return True
        line_end = text.find("\n", line_start)
        if line_end < 0:
            break
        line_start = line_end + 1
    return False


# Paywall notices: the article's free part ends here and an offer box follows.
_PAYWALL_LINE = re.compile(
    r"""(?:
      この(?:記事|コンテンツ)は(?:有料)?会員(?:限定|向け|専用)|有料会員(?:限定|向け|専用|になると|登録)|
      無料(?:で|の)?会員登録|会員登録(?:すると|が必要|で続き)|読み放題|残り\d+文字|続きは(?:有料)?会員|
      \bjetzt\s+weiterlesen\s+mit\b|\bzugang\s+zu\s+allen\s+(?:\w+[+-]?\s*)?(?:premium|plus|exklusiv)\S*
        \s*(?:artikeln|inhalten|beiträgen)\b|
      \b(?:dieser|der)\s+(?:artikel|beitrag|inhalt)\s+ist\s+(?:nur\s+|exklusiv\s+)*für\s+
        (?:\S+\s+)?abonnent|
      \bvotre\s+abonnement\s+n['\u2019]autorise\s+pas\b|\bcet\s+article\s+est\s+réservé\s+aux\s+abonnés\b|
      \bthis\s+(?:article|story|content)\s+is\s+(?:only\s+|exclusively\s+)?(?:available\s+)?(?:only\s+)?
        (?:for|to)\s+(?:paid\s+|paying\s+)?(?:subscribers|members)\b|
      \bsubscribe\s+to\s+(?:continue|keep)\s+reading\b|
      \b(?:sign\s+in|log\s+in)\s+or\s+create\s+(?:an|a\s+free)\s+account\b|
      \bcreate\s+a\s+free\s+account\s+to\s+(?:continue|keep)\s+reading\b|
      \b(?:contenido|artículo)\s+exclusivo\s+para\s+(?:suscriptores|socios|abonados)\b|
      \b(?:contenuto|articolo)\s+riservato\s+agli\s+abbonati\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_PAYWALL_WORDS = ("会員", "読み放題", "文字", "weiterlesen", "zugang", "abonnent", "abonnement",
                  "abonnés", "subscribers", "members", "reading", "account", "suscriptores",
                  "socios", "abonados", "abbonati")  # fmt: skip
_MAX_PAYWALL_LINE = 300


def is_paywall_line(text: str) -> bool:
    """A short notice that the rest of the article is for subscribers or members."""
    return (
        len(text) <= _MAX_PAYWALL_LINE
        and may_hold(text, _PAYWALL_QUICK)
        and _PAYWALL_LINE.search(text) is not None
    )


def is_box_heading(text: str) -> bool:
    """A heading that opens a related-articles list, a counter, a comment section."""
    return len(text) <= 60 and _BOX_HEADING.match(text) is not None


_BOILERPLATE_MARKER = re.compile(
    r"chia\s+sẻ|share|facebook|twitter|zalo|tweet|e-?mail|tương\s+phản|contrast|"
    r"\bA\s*[-+\u2212]|font|text\s+size|cỡ\s+chữ|in\s+bài|bản\s+in|print|truy\s+cập|"
    r"đầu\s+trang|back\s+to\s+top|nghe",
    re.IGNORECASE,
)


# Every alternative of `_BOILERPLATE_MARKER` holds one of these words, but the "A-" / "A+"
# font-size buttons, which `_A_SIGN` finds (a unit test checks both).
_MARKER_WORDS = ("chia", "share", "facebook", "twitter", "zalo", "tweet", "mail", "tương",
                 "contrast", "font", "text", "cỡ", "bài", "bản", "print", "truy", "đầu",
                 "back", "nghe")  # fmt: skip
_A_SIGN = re.compile(r"[Aa]\s*[-+\u2212]")

# Characters that IGNORECASE matches as "i" or "s" though `str.lower` keeps them apart.
_CASE_TRAPS = ("\u0131", "\u0130", "\u017f")  # dotless i, dotted capital I, long s


def quick_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The quick test for `may_hold`: the (lower-case) words as one trie-shaped pattern, which
    finds any of them in one pass where testing `word in text` for each costs a scan a word."""
    return _alternation(words)


def may_hold(text: str, quick: re.Pattern[str]) -> bool:
    """Whether a case-insensitive search for a pattern whose every match holds one of the
    words of `quick` (see `quick_words`) can succeed: a quick test at C speed, since searching
    a long IGNORECASE alternation costs tens of microseconds a line."""
    return _has_case_trap(text) or quick.search(text.lower()) is not None


def _has_case_trap(text: str) -> bool:
    """Whether the text holds a character IGNORECASE matches to a letter `str.lower` keeps apart."""
    return not text.isascii() and any(trap in text for trap in _CASE_TRAPS)


_PROMO_QUICK = quick_words(_PROMO_WORDS)
_PAYWALL_QUICK = quick_words(_PAYWALL_WORDS)
_MARKER_QUICK = quick_words(_MARKER_WORDS)


# A video or audio player's card: its running time, after a separator, a date or nothing
# ("02:57 Min.. Verfügbar bis 06.05.2024.", "… beschlossen. 18.04.2024 | 0:21 min"), and at
# most a short tail (an availability date, the channel) after it.
_MEDIA_STAMP = re.compile(
    r"(?:^|[|\u2022\u00b7]\s*|\d{1,2}\.\d{1,2}\.\d{2,4}\.?\s+)(?:\d{1,2}:)?\d{1,2}:\d{2}\s?min\b\.{0,2}"
    r"[^\n]{0,50}$",
    re.IGNORECASE | re.MULTILINE,
)
_MAX_MEDIA_CARD = 400
# The title line of an embedded clip: "WATCH | …", "Video: …", "Listen: …".
_MEDIA_LABEL = re.compile(
    r"^\W*(?:watch|video|vid[ée]o|listen|audio|ansehen|anhören|regarder|écouter)\s*[|:]\s*\S",
    re.IGNORECASE,
)
_MAX_MEDIA_LABEL = 150


def is_media_card(text: str) -> bool:
    """A short paragraph closed by a player's running time, or the labelled title line of an
    embedded clip: the card of a video or audio clip, which a text reader cannot play."""
    if len(text) <= _MAX_MEDIA_LABEL and _MEDIA_LABEL.match(text) is not None:
        return True
    return len(text) <= _MAX_MEDIA_CARD and ":" in text and _MEDIA_STAMP.search(text) is not None


def is_boilerplate_line(text: str) -> bool:
    """A short line made only of share / font-size / contrast / counter pieces."""
    if len(text) > 240 or not text.strip():
        return False
    if _COUNTER_LINE.match(text):
        return True
    if not may_hold(text, _MARKER_QUICK) and _A_SIGN.search(text) is None:
        return False
    if _BOILERPLATE_MARKER.search(text) is None:
        return False
    rest = _BOILERPLATE_PIECES.sub("", text)
    return not any(ch.isalnum() for ch in rest)
