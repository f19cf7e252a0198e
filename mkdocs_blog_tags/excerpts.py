"""Excerpts cut from a post's rendered HTML, and their links rebased for another page.

A post is rendered once by MkDocs; its listing excerpt is a slice of that HTML,
so no listing ever renders Markdown again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from urllib.parse import urljoin

from .posts import Post
from .urls import is_relative, relative_url, resolve, root_prefix

__all__ = [
    "Excerpt",
    "absolutize_links",
    "cut_excerpt",
    "first_paragraph",
    "listing_excerpt",
    "make_excerpt",
    "prefix_links",
    "rebase_links",
    "strip_leading_h1",
]

_LEADING_H1 = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>\s*", re.DOTALL | re.IGNORECASE)
_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.DOTALL | re.IGNORECASE)
_LINK_ATTR = re.compile(r"""(\s(?:href|src)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
# From an href/src name to the opening quote of a value that is relative in the sense of
# `is_relative`: not empty, not /path, #anchor or ?query, no scheme. On UTF-8 bytes, where
# \s is ASCII white space, the only kind HTML allows around an attribute's "=".
_RELATIVE_LINK_TAIL = re.compile(
    rb"""(?:href|src)\s*=\s*(["'])(?!\1|[/#?])(?![A-Za-z][A-Za-z0-9+.-]*:)""", re.IGNORECASE
)
_ASCII_SPACE = frozenset(b" \t\n\r\f\v")


@dataclasses.dataclass(frozen=True)
class Excerpt:
    """A post's excerpt HTML, with the URL of the page its relative links were written for."""

    html: str
    base_url: str
    explicit: bool
    """The author cut it with the separator (the listing then offers "read more")."""


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


def cut_excerpt(html: str, page_url: str, separator: str) -> Excerpt:
    """The excerpt of a post rendered at ``page_url``: before ``separator``, else its first paragraph."""
    excerpt, explicit = make_excerpt(html, separator)
    if excerpt is None:
        excerpt = first_paragraph(strip_leading_h1(html)) or ""
    return Excerpt(excerpt, page_url, explicit)


def listing_excerpt(post: Post, excerpts: Mapping[str, Excerpt]) -> Excerpt | None:
    """The HTML a listing or feed shows for a post, or ``None`` when its ``description`` stands instead.

    The author's excerpt (before the separator) comes first, then the
    description (text, printed by the template), then the post's first paragraph.
    """
    excerpt = excerpts.get(post.src_uri)
    if excerpt is not None and excerpt.explicit:
        return excerpt
    if post.description or excerpt is None:
        return None
    paragraph = first_paragraph(excerpt.html)
    return Excerpt(paragraph, excerpt.base_url, False) if paragraph else None


def _map_links(html: str, change: Callable[[str], str | None]) -> str:
    """Replace every ``href``/``src`` value for which ``change`` returns a new one."""

    def fix(match: re.Match[str]) -> str:
        new = change(match.group(3))
        if new is None:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{new}{match.group(2)}"

    return _LINK_ATTR.sub(fix, html)


def rebase_links(html: str, from_url: str, to_url: str) -> str:
    """Rewrite relative ``href``/``src`` values written for ``from_url`` so they work at ``to_url``.

    In-page links (``#usage``) and query-only links (``?q=x``) meant the page at
    ``from_url``; seen from another page they point there (``blog/x/#usage``).
    """
    if from_url == to_url:
        return html

    def change(href: str) -> str | None:
        if is_relative(href):
            return relative_url(resolve(href, from_url), to_url)
        if href.startswith(("#", "?")):
            return relative_url(from_url, to_url) + href
        return None

    return _map_links(html, change)


def absolutize_links(html: str, page_url: str) -> str:
    """Make every relative ``href``/``src`` absolute against the absolute ``page_url`` (for feeds)."""
    return _map_links(
        html,
        lambda href: (
            urljoin(page_url, href) if is_relative(href) or href.startswith(("/", "#", "?")) else None
        ),
    )


def prefix_links(html: str, page_url: str) -> str:
    """Make site-relative ``href``/``src`` values (``blog/x/``) work on the page at ``page_url``.

    One pass over a whole rendered listing: ``blog/x/`` becomes ``../blog/x/``
    on ``blog/``; outside URLs, ``/paths`` and ``#anchors`` are left alone.
    """
    prefix = root_prefix(page_url)
    if not prefix:
        return html
    # A regular expression starting with \s tries every character of a 30 KB listing. The
    # names are found with bytes.find on an ASCII-lowercased UTF-8 copy instead (str.lower
    # is four times slower on non-ASCII text) and checked where they are.
    data = html.encode("utf-8", "surrogatepass")
    lowered = data.lower()
    starts: list[int] = []
    for name in (b"href", b"src"):
        at = lowered.find(name, 1)
        while at >= 0:
            if lowered[at - 1] in _ASCII_SPACE:
                starts.append(at)
            at = lowered.find(name, at + len(name))
    if not starts:
        return html
    pieces: list[bytes] = []
    done = 0
    marker = prefix.encode("utf-8")
    for at in sorted(starts):
        match = _RELATIVE_LINK_TAIL.match(data, at)
        if match is not None:
            pieces += [data[done : match.end()], marker]
            done = match.end()
    pieces.append(data[done:])
    return b"".join(pieces).decode("utf-8", "surrogatepass")
