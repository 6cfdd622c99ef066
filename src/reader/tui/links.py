"""Which links the reader follows: only http(s). Everything else is shown, never followed."""

from __future__ import annotations

from urllib.parse import urlsplit

FOLLOWED_SCHEMES = frozenset({"http", "https"})


def followable(href: str) -> bool:
    """True for http(s) URLs with a host; `javascript:`, `mailto:`, `file:`… are refused."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in FOLLOWED_SCHEMES and bool(parts.netloc)


def scheme_of(href: str) -> str:
    """The scheme to name in a refusal ("javascript:"), or "this kind of" when there is none."""
    try:
        scheme = urlsplit(href.strip()).scheme
    except ValueError:
        scheme = ""
    return f"{scheme.lower()}:" if scheme else "this kind of"
