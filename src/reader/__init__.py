"""reader-tui: a terminal article reader with first-class accessibility.

The public surface is small: `extract` turns HTML into an `Article`; everything else is reached
through the `reader` command.
"""

from __future__ import annotations

__version__ = "0.1.0"

from reader.extract import extract  # the function shadows its package, on purpose
from reader.model import Article

__all__ = ["Article", "__version__", "extract"]
