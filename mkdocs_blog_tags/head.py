"""String surgery on a finished page's ``<head>``: insert our tags, drop the theme's duplicates.

Themes differ in what they already emit (``mkdocs`` and ``material`` print a
description and a canonical link; Material prints the description unescaped).
Owning those tags means removing the theme's copy, even when a raw value has
broken its quoting, and writing one correct tag.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from markupsafe import escape

__all__ = ["escape_title_element", "escaped_title", "insert_into_head", "remove_head_tags"]

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
# Only tags that mention a key we may own are parsed; a theme's other head tags are skipped fast.
# Each <meta>/<link> is lowercased and checked by a loose pattern (the parse decides exactly): one
# case-insensitive lazy pattern spanning both used to backtrack at every character of the head.
_META_OR_LINK = re.compile(r"<(meta|link)\b[^>]*", re.IGNORECASE)
_OWNED_KEY = re.compile(
    r"(?:name|property|rel)\s*=\s*[\"']?(?:description|canonical|og:|twitter:|article:|prev\b|next\b|alternate\b)"
)
_ATTR = re.compile(r"""\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_TAG_END = re.compile(r"\s*/?>")
_META_CONTENT = re.compile(r"""<meta\s+(?:name|property)\s*=\s*["']([^"']+)["']\s+content\s*=\s*["']""")


def insert_into_head(html: str, snippet: str) -> str:
    """Put ``snippet`` right before ``</head>`` (unchanged page if there is none)."""
    match = _HEAD_END.search(html)
    if not match or not snippet.strip():
        return html
    return html[: match.start()] + snippet + html[match.start() :]


def _parse_tag(html: str, start: int, name_len: int) -> tuple[dict[str, str], int] | None:
    """Attributes and end offset of a well-formed ``<meta ...>`` starting at ``start``."""
    pos = start + 1 + name_len
    attrs: dict[str, str] = {}
    while True:
        end = _TAG_END.match(html, pos)
        if end:
            return attrs, end.end()
        attr = _ATTR.match(html, pos)
        if not attr or attr.end() == pos:
            return None
        value = next((v for v in attr.group(2, 3, 4) if v is not None), "")
        attrs[attr.group(1).lower()] = value
        pos = attr.end()


def _raw_meta_end(html: str, start: int, raw_values: Iterable[str]) -> tuple[str, int] | None:
    """End of a ``<meta name="K" content="RAW">`` whose unescaped RAW broke its quoting."""
    head = _META_CONTENT.match(html, start)  # a slice html[start:] would copy the rest of the page
    if not head:
        return None
    value_start = head.end()
    for raw in raw_values:
        if raw and html.startswith(raw, value_start):
            end = _TAG_END.match(html, value_start + len(raw) + 1)
            if end:
                return head.group(1).lower(), end.end()
    return None


def remove_head_tags(
    html: str,
    keys: Collection[str],
    *,
    canonical: bool = False,
    raw_values: Iterable[str] = (),
    rels: Collection[str] = (),
) -> str:
    """Drop ``<meta>`` tags whose name or property is in ``keys`` (and ``rel=canonical`` links) from the head.

    ``raw_values`` are values a theme may have printed unescaped (the page's
    description): a tag broken by one of them is still recognised whole.
    ``rels`` are ``<link rel=...>`` values to drop as well (``prev``, ``next``);
    ``hreflang`` names the ``<link rel="alternate" hreflang>`` of translations.
    """
    head_end = _HEAD_END.search(html)
    if not head_end:
        return html
    raw_values = tuple(raw_values)
    wanted = {k.lower() for k in keys} | ({"link:canonical"} if canonical else set())
    wanted |= {"link:" + rel for rel in rels}
    pieces: list[str] = []
    pos = 0
    for match in _META_OR_LINK.finditer(html, 0, head_end.start()):
        if match.start() < pos:
            continue
        if not _OWNED_KEY.search(match.group(0).lower()):
            continue
        start = match.start()
        raw = _raw_meta_end(html, start, raw_values) if match.group(1).lower() == "meta" else None
        if raw is not None:
            key, end = raw
        else:
            parsed = _parse_tag(html, start, len(match.group(1)))
            if parsed is None:
                continue
            attrs, end = parsed
            if match.group(1).lower() == "link":
                rel = attrs.get("rel", "").lower()
                key = "link:hreflang" if rel == "alternate" and "hreflang" in attrs else "link:" + rel
            else:
                key = (attrs.get("name") or attrs.get("property") or "").lower()
        if key not in wanted:
            continue
        newline = end + 1 if html[end : end + 1] == "\n" else end
        pieces.append(html[pos:start])
        pos = newline
    pieces.append(html[pos:])
    return "".join(pieces)


def escaped_title(title: str | None) -> str | None:
    """The title to hand themes when ``title`` holds markup characters; ``None`` when it needs nothing.

    MkDocs' Jinja environment does not autoescape, and themes print
    ``page.title`` raw, so a title like ``Q&A </title><script>`` would become
    markup in every theme's ``<title>``, breadcrumbs or header. Our own
    templates print the unescaped value, and `escape_title_element` mends the
    themes that unescape it again.
    """
    if not title or not any(ch in title for ch in '<>&"'):
        return None
    return str(escape(title))


def escape_title_element(html: str, title: str) -> str:
    """Escape a raw copy of ``title`` left inside ``<title>`` by the theme.

    Material prints ``page.title | striptags``, and ``striptags`` unescapes the
    escaped title it was given; we know the exact title, so its raw copy right
    after ``<title>`` can be found and escaped again.
    """
    if not title or not any(ch in title for ch in '<>&"'):
        return html
    start = html.find("<title>")
    if start < 0:
        return html
    found = html.find(title, start + len("<title>"))
    end = html.find("</title>", start)
    if found < 0 or found > end:
        return html
    return html[:found] + str(escape(title)) + html[found + len(title) :]
