"""The default limits of a fetch, in one place.

The entry points, the shared client and the messages that name a limit all read them here, so
a default changed once is changed everywhere.
"""

from __future__ import annotations

from typing import Final

MAX_REDIRECTS: Final = 10
"""HTTP redirects and meta refreshes together."""
MAX_BYTES: Final = 20_000_000
"""Default cap on a body, after decompression."""
DEFAULT_TIMEOUT: Final = 15.0
"""Default deadline for a whole fetch, in seconds."""
CONNECT_TIMEOUT: Final = 10.0
READ_TIMEOUT: Final = 10.0


def size_text(limit: int) -> str:
    """A limit as people say it in a message: "20 MB", or "5,000 bytes" when small."""
    return f"{limit / 1_000_000:g} MB" if limit >= 100_000 else f"{limit:,} bytes"
