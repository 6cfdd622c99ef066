"""Articles the library tests save: small, deterministic, in Vietnamese and other Latin scripts."""

from __future__ import annotations

from reader.model import Article, Heading, ListBlock, ListItem, Paragraph, Run


def article(
    title: str,
    *paragraphs: str,
    url: str = "https://example.vn/bai-viet",
    authors: tuple[str, ...] = (),
    site: str | None = None,
    canonical: str | None = None,
    language: str | None = None,
) -> Article:
    return Article(
        url=url,
        title=title,
        authors=authors,
        site_name=site,
        language=language,
        canonical_url=canonical,
        blocks=tuple(Paragraph((Run(text),)) for text in paragraphs),
    )


def rich_article() -> Article:
    """Every field set and nested blocks, to prove the stored JSON loses nothing."""
    return Article(
        url="https://example.vn/chi-bo",
        title="Chi bộ vững mạnh: Đảng viên gương mẫu",
        authors=("Trần Thảo", "Lê Minh"),
        published="2023-08-14",
        site_name="Cổng thông tin điện tử",
        language="vi",
        lead="Một đoạn dẫn.",
        source="Nguồn: Ban Biên tập",
        canonical_url="https://example.vn/chi-bo",
        image="https://example.vn/anh.jpg",
        metadata={"section": "Xây dựng Đảng"},
        blocks=(
            Heading(2, (Run("Phần một"),)),
            Paragraph((Run("Đảng viên "), Run("phải", strong=True), Run(" gương mẫu."))),
            ListBlock(items=(ListItem((Paragraph((Run("một"),)),)),), ordered=True, start=2),
            Paragraph((Run("Xem thêm", href="https://example.vn/khac"),)),
        ),
    )


def numbered(n: int, words: int = 300) -> Article:
    """Article number `n` of a batch: its own URL and title, a body of `words` words."""
    filler = " ".join(f"từ{n % 97} chữ{i % 53}" for i in range(words // 2))
    return article(
        f"Bài số {n}",
        f"Số {n}: đây là bài viết thứ {n}. {filler}",
        url=f"https://example.vn/bai/{n}",
        site="Cổng thông tin",
    )
