"""A recipe's ingredients: the box a recipe page lists them in belongs to the article.

A recipe page sets its ingredients and its method side by side in boxes of their own. Scoring
picks the method (sentences, commas) and passes the ingredients over (short list items with no
commas earn no paragraph credit), yet a reader who opens a recipe expects both. When the page
declares a schema.org Recipe (JSON-LD or microdata), the box its markup names as the
ingredients ("ingredients", "recipe-ingredients", itemprop "recipeIngredient") joins the
article: as one more root when it lies beside the article's text, or kept whole by cleaning
when it lies inside (its amounts and checkboxes read as a form or a list of fragments).
"""

from __future__ import annotations

import re

from reader.extract.dom import Document, Element

_RECIPE_LD = re.compile(r""""@type"\s*:\s*(?:\[[^\]]*)?"(?:[a-z]+:)?Recipe\"""", re.IGNORECASE)
_INGREDIENT = "ingredient"
_ITEM_TAGS = frozenset({"li", "tr", "td", "dd", "dt"})
_LIST_TAGS = frozenset({"ul", "ol", "table", "dl"})
MIN_TEXT = 20
MAX_TEXT = 6000
"""Characters of an ingredients box: a few amounts, not a page's worth of teasers."""


def declares_recipe(document: Document) -> bool:
    """Whether the page says it is a recipe: a JSON-LD object of @type Recipe or an element
    with a schema.org Recipe itemtype."""
    for script in document.json_ld:
        if "Recipe" in script and _RECIPE_LD.search(script):
            return True
    for element in document.elements:
        attrs = element.attrs
        if attrs and "itemtype" in attrs and "Recipe" in (attrs.get("itemtype") or ""):
            return True
    return False


def _named(element: Element) -> bool:
    attrs = element.attrs
    if not attrs:
        return False
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"
    return _INGREDIENT in names.casefold()


def ingredient_box(document: Document, dropped: list[bool], text: list[int]) -> Element | None:
    """The first box the page names as its ingredients (the outermost such element), or None
    when the page declares no recipe. A single named item (an <li itemprop="recipeIngredient">)
    stands for the list it is in. `text`: characters per element index, after dropping."""
    if not declares_recipe(document):
        return None
    end = document.subtree_ends()
    elements = document.elements
    k = 0
    while k < len(elements):
        element = elements[k]
        if dropped[k] or not _named(element):
            k += 1
            continue
        box: Element | None = element
        if element.tag in _ITEM_TAGS or element.attrs.get("itemprop"):
            while box is not None and box.tag not in _LIST_TAGS:
                box = box.parent if box.tag != "body" else None
        if box is not None and MIN_TEXT <= text[box.index] <= MAX_TEXT:
            return box
        k = end[k]
    return None
