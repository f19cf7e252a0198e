"""Front-matter values of any YAML type, read as text, with the problem to report.

YAML gives a page's ``title`` whatever type its text looks like:
``title: 2024-06-01`` is a date, ``title: .nan`` a float, ``title: [a]`` a
list. Every text field the plugin reads, of a post or of any page, comes through
`as_text`, so no type can reach JSON-LD, a feed or a theme's ``<title>`` as
anything but clean text, and a post and a page read the same value alike.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["as_text", "clean_text", "closest"]

# Control characters other than tab and line ends: HTML parsers replace or refuse them, XML
# cannot hold them, and no reader can see them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """``text`` NFC-normalised, without control characters, stripped."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def as_text(value: Any) -> tuple[str | None, str | None]:
    """``(text, why not)``: the value as text, or ``None`` when it is absent, empty or cannot be text.

    Strings are cleaned. Dates and numbers are written out, with a message that
    says YAML did not read them as text (quoting silences it). Booleans,
    non-finite numbers, lists and mappings are refused.
    """
    if value is None:
        return None, None
    if isinstance(value, str):
        return clean_text(value) or None, None
    if isinstance(value, (bool, Mapping, list, tuple, set)):
        return None, f"expected text, got {type(value).__name__}; it was ignored"
    if isinstance(value, float) and not math.isfinite(value):
        return None, f"expected text, got the number {value!r}; it was ignored"
    if isinstance(value, (dt.date, int, float)):
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        kind = "a date" if isinstance(value, dt.date) else "a number"
        return (
            text,
            f"YAML reads {text} as {kind}; it is used as the text {text!r} (quote it to silence this)",
        )
    return None, f"expected text, got {type(value).__name__}; it was ignored"


def closest(
    name: str,
    known: Iterable[str],
    *,
    key: Callable[[str], str] = str,
    listed: str = "known",
    none: str = "",
    shown: Iterable[str] | None = None,
) -> str:
    """The hint of a "not found" warning: ``did you mean 'x'?``, else the first known names (or of
    ``shown``), else ``none``. ``key`` is how names compare (``tag_key`` for terms, ``str.casefold``)."""
    candidates = list(dict.fromkeys(known))
    by_key = {key(n): n for n in candidates}
    close = difflib.get_close_matches(key(name), list(by_key), n=1)
    if close:
        return f"did you mean {by_key[close[0]]!r}?"
    names = candidates if shown is None else list(shown)
    if names:
        return f"{listed}: " + ", ".join(repr(n) for n in names[:10]) + (", …" if len(names) > 10 else "")
    return none
