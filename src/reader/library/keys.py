"""Which saved article a URL belongs to: normalised URL keys.

A re-save of the same page must update the saved article, not add a second copy, even when the
address differs in ways that do not change the page (case of the host, default port, fragment,
tracking parameters). The key is deliberately conservative: path and remaining query are kept
byte for byte, because two paths that differ only in a trailing slash can be different pages.
"""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga"}
)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in _TRACKING


def url_key(url: str) -> str:
    """The normalised form of `url` used to recognise a page already saved.

    Lower-cases scheme and host, drops the default port, the fragment, `www.` is *kept* (some
    sites serve different pages there), and removes utm_* / click-id parameters.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if not scheme or not host:
        return text
    netloc = host if ":" not in host else f"[{host}]"
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{netloc}:{port}"
    if parts.username or parts.password:
        userinfo = parts.username or ""
        if parts.password:
            userinfo = f"{userinfo}:{parts.password}"
        netloc = f"{userinfo}@{netloc}"
    # Filter the raw query so the kept parameters stay byte for byte as they were.
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _is_tracking(unquote_plus(pair.partition("=")[0]))
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def site_host(url: str | None) -> str | None:
    """The host of `url` without a leading `www.`, for filtering by site."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".")
    return host.removeprefix("www.") or None


def trusted_canonical(canonical: str | None, page_url: str) -> str | None:
    """The page's declared canonical URL, when it can be believed.

    Some sites declare their home page, or another site, as the canonical URL of every article;
    trusting that would make every save overwrite the same entry. A canonical URL is used only when
    it is http(s), on the same site as the page, and not the site root unless the page is too.
    """
    if not canonical:
        return None
    try:
        canon = urlsplit(canonical.strip())
        page = urlsplit(page_url.strip())
    except ValueError:
        return None
    if canon.scheme.lower() not in ("http", "https"):
        return None
    if site_host(canonical) != site_host(page_url):
        return None
    if canon.path in ("", "/") and not canon.query and page.path not in ("", "/"):
        return None
    return canonical.strip()
