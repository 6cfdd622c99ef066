"""Data table or layout table? Readability's rules, on the lean tree."""

from __future__ import annotations

from reader.extract.dom import Element, holds_tag

_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_DATA_MARKERS = frozenset({"caption", "colgroup", "col", "thead", "tfoot"})


def rows_of(table: Element) -> list[Element]:
    """The table's own rows, through thead/tbody/tfoot but not into nested tables."""
    rows: list[Element] = []
    for child in table.children:
        if isinstance(child, Element):
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in _SECTIONS:
                rows.extend(c for c in child.children if isinstance(c, Element) and c.tag == "tr")
    return rows


def is_data_table(table: Element) -> bool:
    """Tables that hold data keep their grid; layout tables are read as plain blocks."""
    attrs = table.attrs
    role = (attrs.get("role") or "").lower()
    if role in ("presentation", "none") or attrs.get("datatable") == "0":
        return False
    if attrs.get("summary"):
        return True
    if any(isinstance(c, Element) and c.tag in _DATA_MARKERS for c in table.children):
        return not holds_tag(table, "table")
    rows = rows_of(table)
    columns = 0
    header = False
    for row in rows:
        cells = [c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")]
        header = header or any(c.tag == "th" for c in cells)
        columns = max(columns, len(cells))
    if holds_tag(table, "table"):
        return False
    if header:
        return True
    if len(rows) == 1 or columns == 1:
        return False
    return len(rows) >= 10 or columns > 4 or len(rows) * columns > 10
