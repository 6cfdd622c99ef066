"""UI fixtures: a calm Textual (no animation) and a real article built from the model."""

from __future__ import annotations

from pathlib import Path

import pytest
import textual.constants

from reader.model import (
    Article,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
)

PROSE = (
    "The district committee met on Monday to review how its branches had worked over the "
    "term, and the members spoke plainly about what had gone well and what had not. "
    "Several branches had doubled the number of meetings held in villages, which meant that "
    "people who could not travel to the town still heard the plans and could question them. "
    "Others had struggled to keep records in order, and the committee agreed to send two "
    "clerks to help them before the rainy season makes the mountain roads hard to use."
)


def paragraph(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def make_article(paragraphs: int = 14) -> Article:
    """A portal-like article: metadata, a lead, headings, a quote, a list, a figure, prose."""
    body: list[Paragraph | Heading | Quote | ListBlock | Figure] = [
        Paragraph(
            (
                Run("Bắc Mê huyện xây dựng chi bộ vững mạnh: "),
                Run("strong branches", strong=True),
                Run(" are built from the ground up, as the "),
                Run("annual report", href="https://example.org/report"),
                Run(" explains."),
            )
        ),
        Heading(2, (Run("What changed this term"),)),
    ]
    for index in range(paragraphs):
        body.append(paragraph(f"{PROSE} (Part {index + 1}.)"))
        if index == 3:
            body.append(Quote((paragraph("Good branches start with good members."),)))
        if index == 5:
            body.append(
                ListBlock(
                    (
                        ListItem((paragraph("Meetings in every village"),)),
                        ListItem((paragraph("Records kept up to date"),)),
                    )
                )
            )
        if index == 7:
            body.append(Figure("https://example.org/hall.jpg", alt="The district hall"))
    return Article(
        url="https://example.org/news/branches",
        title="District builds strong party branches",
        authors=("Nguyễn Văn An",),
        published="2024-03-12",
        site_name="Example Provincial Portal",
        lead="How a mountain district kept its branches strong through the term.",
        source="Nguồn: Ban Biên tập",
        blocks=tuple(body),
    )


@pytest.fixture(autouse=True)
def calm_textual(monkeypatch: pytest.MonkeyPatch) -> None:
    """No animations (scrolls land at once, so assertions see the final screen).

    The find bar's cursor never blinks (the app turns blinking off), so there is no blink to
    disable here.
    """
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture
def long_article() -> Article:
    """Several screens long at every size step."""
    return make_article(40)


@pytest.fixture(autouse=True)
def isolated_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every UI test's library (`s`, `L`) is a fresh file in tmp_path, never the user's."""
    path = tmp_path / "library" / "library.sqlite3"
    monkeypatch.setenv("READER_LIBRARY", str(path))
    return path
