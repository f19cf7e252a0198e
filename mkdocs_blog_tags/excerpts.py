"""Excerpts cut from a post's rendered HTML, and their links rebased for another page.

A post is rendered once by MkDocs; its listing excerpt is a slice of that HTML,
so no listing ever renders Markdown again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin

from .urls import is_relative, relative_url, resolve, root_prefix

__all__ = [
    "absolutize_links",
    "first_paragraph",
    "make_excerpt",
    "prefix_links",
    "rebase_links",
    "strip_leading_h1",
]

_LEADING_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.DOTALL | re.IGNORECASE)
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.DOTALL | re.IGNORECASE)
_LINK_ATTR = re.compile(r"""(\s(?:href|src)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
# The opening quote of an href/src whose value is relative in the sense of `is_relative`: not
# empty, not /path, #anchor or ?query, no scheme. Used where every such value gets one prefix.
_RELATIVE_LINK_START = re.compile(
    r"""(\s(?:href|src)\s*=\s*)(["'])(?!\2|[/#?])(?![A-Za-z][A-Za-z0-9+.-]*:)""", re.IGNORECASE
)


def strip_leading_h1(html: str) -> str:
    """Drop the post's own ``<h1>`` title from the top of its HTML (listings print the title)."""
    return _LEADING_H1.sub("", html, count=1)


def first_paragraph(html: str) -> str | None:
    """The first ``<p>`` element of ``html``, or ``None``."""
    match = _PARAGRAPH.search(html)
    return match.group(0) if match else None


def make_excerpt(html: str, separator: str = "<!-- more -->") -> tuple[str | None, bool]:
    """Return ``(excerpt, explicit)``: the HTML before ``separator``, else ``(None, False)``.

    ``explicit`` tells the caller the author chose the cut; otherwise it falls
    back to the description, then to `first_paragraph`.
    """
    head, found, _ = html.partition(separator)
    if found:
        return strip_leading_h1(head).strip(), True
    return None, False


def _map_links(html: str, change: Callable[[str], str | None]) -> str:
    """Replace every ``href``/``src`` value for which ``change`` returns a new one."""

    def fix(match: re.Match[str]) -> str:
        new = change(match.group(3))
        if new is None:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{new}{match.group(2)}"

    return _LINK_ATTR.sub(fix, html)


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """Rewrite relative ``href``/``src`` values written for ``from_url`` so they work at ``to_url``."""
    if from_url == to_url:
        return html
    return _map_links(
        html, lambda href: relative_url(resolve(href, from_url), to_url) if is_relative(href) else None
    )


def absolutize_links(html: str, page_url: str) -> str:
    """Make every relative ``href``/``src`` absolute against the absolute ``page_url`` (for feeds)."""
    return _map_links(
        html,
        lambda href: urljoin(page_url, href) if is_relative(href) or href.startswith(("/", "#")) else None,
    )


def prefix_links(html: str, page_url: str) -> str:
    """Make site-relative ``href``/``src`` values (``blog/x/``) work on the page at ``page_url``.

    One pass over a whole rendered listing: ``blog/x/`` becomes ``../blog/x/``
    on ``blog/``; outside URLs, ``/paths`` and ``#anchors`` are left alone.
    """
    prefix = root_prefix(page_url)
    if not prefix:
        return html
    # A template replacement keeps the whole pass in C; a listing of ten entries has ~60 links.
    return _RELATIVE_LINK_START.sub(r"\g<1>\g<2>" + prefix, html)
