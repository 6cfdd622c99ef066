"""CSV exports read by column name, with the line number of each row for messages."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from reader.library.imports.items import ImportFormatError


def csv_rows(
    text: str, source: str, required: tuple[str, ...], expected: str
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row by lower-case column name) for each data row; the header must name every
    column of `required`. Malformed CSV raises ImportFormatError naming the line."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ImportFormatError(source, "the file is empty", expected=expected)
        names = [name.strip().lower() for name in header]
        missing = [name for name in required if name not in names]
        if missing:
            raise ImportFormatError(
                source,
                f"the header has no {', '.join(missing)} column",
                line=1,
                expected=expected,
            )
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(names):
                raise ImportFormatError(
                    source,
                    f"{len(row)} fields where the header names {len(names)}",
                    line=reader.line_num,
                    expected=expected,
                )
            yield reader.line_num, dict(zip(names, (cell.strip() for cell in row), strict=False))
    except csv.Error as error:
        raise ImportFormatError(
            source, f"malformed CSV ({error})", line=reader.line_num, expected=expected
        ) from error
