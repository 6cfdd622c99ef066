"""The pipeline's layering holds: only reader.tui may import textual."""

from __future__ import annotations

import ast
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_never_import_textual() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "tui" not in p.relative_to(PACKAGE).parts]
    assert len(core) >= 8  # the check is looking at the real package
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(p) if m.split(".")[0] == "textual"
        )
        for p in core
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_tui_package_is_where_textual_lives() -> None:
    tui = PACKAGE / "tui"
    assert any("textual" in m for p in tui.rglob("*.py") for m in imported_modules(p))
