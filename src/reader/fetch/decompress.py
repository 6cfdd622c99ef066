"""Content-Encoding (gzip, deflate) undone by us, with a cap on the output.

httpx would inflate each network chunk whole, so a small gzip bomb could fill memory before any
size check; these decoders stop as soon as the body passes the limit. That is also why reader
only advertises the encodings handled here.
"""

from __future__ import annotations

import zlib

from reader.errors import NetworkError


class Overflow(Exception):
    """More decompressed bytes than allowed."""


class _Inflater:
    """One gzip or deflate layer that never produces more than it is allowed to.

    httpx's own decoders inflate a whole network chunk at once: 64 KB of a gzip bomb is 64 MB
    in memory before any size check. zlib's `max_length` stops at the cap instead.
    """

    def __init__(self, coding: str) -> None:
        self._gzip = coding in ("gzip", "x-gzip")
        self._raw = False  # deflate: zlib-wrapped, or raw as some servers send it
        self._started = False
        self._ended = False
        self._zlib = self._decompressor()

    def _decompressor(self) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw else zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate `data`; raises Overflow past `room` bytes of output."""
        out: list[bytes] = []
        while data and not self._ended:
            try:
                piece = self._zlib.decompress(data, room + 1)
            except zlib.error:
                if self._gzip or self._started or self._raw:
                    raise
                self._raw = True  # first bytes of a "deflate" body that is raw deflate
                self._zlib = self._decompressor()
                continue
            self._started = True
            room -= len(piece)
            if room < 0:
                raise Overflow
            out.append(piece)
            data = b""
            if self._zlib.eof:
                data = self._zlib.unused_data
                if self._gzip and data.startswith(b"\x1f\x8b"):
                    self._zlib = self._decompressor()  # another gzip member follows
                else:
                    self._ended = True  # trailing bytes after the stream: ignored
        return b"".join(out)


class BodyDecoder:
    """The Content-Encoding layers of a response, undone in reverse order, with a cap."""

    def __init__(self, content_encoding: str | None, host: str) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        self.compressed = False
        self._layers: list[_Inflater] = []
        for coding in reversed(codings):
            if coding == "identity":
                continue
            if coding not in ("gzip", "x-gzip", "deflate"):
                raise NetworkError(
                    f"{host} sent the page compressed as {coding!r}, which reader cannot unpack",
                    "the server ignored the encodings reader asked for; open it in a browser",
                )
            self._layers.append(_Inflater(coding))
            self.compressed = True

    def feed(self, data: bytes, room: int) -> bytes:
        """The next piece of the body; raises Overflow once the body passes `room` bytes."""
        for layer in self._layers:
            data = layer.feed(data, room)
        if len(data) > room:
            raise Overflow
        return data
