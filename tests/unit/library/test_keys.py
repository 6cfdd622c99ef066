"""A page saved twice is recognised by its URL, however the address was dressed up."""

from __future__ import annotations

import pytest

from reader.library.keys import site_host, trusted_canonical, url_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("HTTPS://Example.VN/bai", "https://example.vn/bai"),
        ("https://example.vn:443/bai", "https://example.vn/bai"),
        ("http://example.vn:80/bai", "http://example.vn/bai"),
        ("https://example.vn/bai#binh-luan", "https://example.vn/bai"),
        ("https://example.vn/bai?utm_source=fb&id=3&fbclid=x", "https://example.vn/bai?id=3"),
        ("https://example.vn", "https://example.vn/"),
        ("https://example.vn./bai", "https://example.vn/bai"),
    ],
)
def test_equivalent_addresses_share_a_key(a: str, b: str) -> None:
    assert url_key(a) == url_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.vn/bai", "https://example.vn/Bai"),
        ("https://example.vn/bai", "https://example.vn/bai/"),
        ("https://example.vn/bai?id=3", "https://example.vn/bai?id=4"),
        ("https://example.vn/bai", "http://example.vn/bai"),
        ("https://example.vn:8443/bai", "https://example.vn/bai"),
        ("https://www.example.vn/bai", "https://example.vn/bai"),
    ],
)
def test_different_pages_keep_different_keys(a: str, b: str) -> None:
    assert url_key(a) != url_key(b)


def test_kept_query_parameters_stay_byte_for_byte() -> None:
    assert url_key("https://e.vn/s?q=a%20b&utm_medium=x&p=1") == "https://e.vn/s?q=a%20b&p=1"


@pytest.mark.parametrize("junk", ["", "not a url", "https://[::1/x", "mailto:x@example.vn"])
def test_keys_of_odd_addresses_do_not_raise(junk: str) -> None:
    assert isinstance(url_key(junk), str)


def test_site_host_drops_www_and_case() -> None:
    assert site_host("https://WWW.VnExpress.net/a") == "vnexpress.net"
    assert site_host("not a url") is None


@pytest.mark.parametrize(
    ("canonical", "page", "trusted"),
    [
        ("https://example.vn/bai-viet", "https://example.vn/bai-viet?id=1", True),
        ("https://m.example.vn/a", "https://example.vn/a", False),  # another host
        ("https://example.vn/", "https://example.vn/bai-viet", False),  # the home page
        ("https://other.vn/bai-viet", "https://example.vn/bai-viet", False),
        ("javascript:alert(1)", "https://example.vn/a", False),
        ("https://example.vn/", "https://example.vn/", True),
        (None, "https://example.vn/a", False),
    ],
)
def test_a_canonical_url_is_trusted_only_on_the_same_site(
    canonical: str | None, page: str, trusted: bool
) -> None:
    assert (trusted_canonical(canonical, page) is not None) is trusted
