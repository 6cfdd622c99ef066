"""Recipe pages: the ingredients box belongs to the article, beside or inside its text box.
Small pages of ours."""

from __future__ import annotations

from reader import extract

_METHOD = (
    "<div class='method'><h2>Method</h2>"
    "<p>Warm the milk in a small pan, melt the butter in it and leave it to cool a little, "
    "stirring now and then so that no skin forms on top.</p>"
    "<p>Mix the flour with the yeast, add the sugar, the eggs and the warm milk, and knead "
    "everything to a smooth, soft dough for about five minutes.</p>"
    "<p>Cover the bowl, leave the dough to rise in a warm place until doubled, then shape "
    "twelve rolls, set them on a tray and bake them for fifteen minutes.</p></div>"
)
_LD = (
    "<script type='application/ld+json'>"
    '{"@context": "https://schema.org", "@type": "Recipe", "name": "Milk rolls",'
    ' "recipeIngredient": ["500 g flour", "250 ml milk"]}</script>'
)


def _page(body: str, head: str = _LD) -> str:
    return (
        f"<html><head><title>Milk rolls</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/recipes'>Recipes</a></nav>"
        f"<main><h1>Milk rolls</h1>{body}</main>"
        "<footer><a href='/about'>About us</a></footer></body></html>"
    )


_BESIDE = (
    "<div class='recipe-ingredients'><h2>Ingredients</h2>"
    "<table class='ingredients table-header'><tr><td>500 g</td><td>flour</td></tr>"
    "<tr><td>250 ml</td><td>milk</td></tr><tr><td>200 g</td><td>quark</td></tr></table></div>"
)


def test_ingredients_box_beside_the_method_joins_the_article() -> None:
    article = extract(_page(_BESIDE + _METHOD), "https://cook.example/rolls")
    text = article.text
    assert "500 g" in text and "flour" in text and "quark" in text
    assert "Warm the milk" in text
    assert text.index("flour") < text.index("Warm the milk")  # in page order


def test_ingredients_after_the_method_come_after_it() -> None:
    text = extract(_page(_METHOD + _BESIDE), "https://cook.example/rolls").text
    assert text.index("bake them") < text.index("quark")


def test_microdata_items_stand_for_their_list() -> None:
    items = (
        "<div itemscope itemtype='https://schema.org/Recipe'><div class='tab'><ul>"
        "<li itemprop='recipeIngredient'>1 large chicken</li>"
        "<li itemprop='recipeIngredient'>2 tablespoons oil</li></ul></div>"
        f"{_METHOD}</div>"
    )
    text = extract(_page(items, head=""), "https://cook.example/rolls").text
    assert "1 large chicken" in text and "2 tablespoons oil" in text


def test_ingredient_checkboxes_inside_the_article_are_kept() -> None:
    rows = "".join(
        f"<div class='row'><p class='name'><label><input type='checkbox'>{name}</label></p>"
        f"<p class='quantity'>{amount}</p></div>"
        for name, amount in (("flour", "500 g"), ("milk", "250 ml"), ("eggs", "2"), ("salt", "1"))
    )
    body = f"<div class='recipe'><div class='ingredients-list'><h2>Ingredients</h2>{rows}</div>"
    text = extract(_page(body + _METHOD + "</div>"), "https://cook.example/rolls").text
    assert "flour" in text and "250 ml" in text and "salt" in text
    assert "Warm the milk" in text


def test_no_recipe_declared_no_ingredients_box() -> None:
    text = extract(_page(_BESIDE + _METHOD, head=""), "https://cook.example/rolls").text
    assert "Warm the milk" in text
    assert "quark" not in text
