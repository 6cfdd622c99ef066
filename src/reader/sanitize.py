"""Web text is untrusted: it must never reach a terminal as escape sequences.

Every printer and the typesetter pass text through here, so a page cannot move the cursor,
retitle the window, write the clipboard (OSC 52) or ring the bell.
"""

from __future__ import annotations

import re

# C0 controls except TAB and LF, DEL, C1 controls, and the bidi overrides / isolates that can
# make a line display in an order other than the one it is read in (Trojan Source).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Drop control characters; keep newlines and tabs."""
    return _CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """A metadata value for a single line: controls gone, whitespace runs collapsed."""
    return " ".join(strip_controls(text).split())


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def inert_json(text: str) -> str:
    """JSON text that is safe to print: json.dumps escapes C0 controls but not DEL, C1 (0x9b is
    a CSI to many terminals) or bidi overrides. They only occur inside strings, where \\uXXXX
    means the same, so the data is unchanged."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
