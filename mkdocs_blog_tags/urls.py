"""Site-relative URL arithmetic (``blog/posts/x/`` style paths, as MkDocs' ``File.url``).

Kept free of MkDocs so listings and excerpts can be rebased in pure code.
"""

from __future__ import annotations

import functools
import posixpath
import re
from urllib.parse import quote

__all__ = ["is_relative", "quote_path", "relative_url", "resolve", "root_prefix"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_relative(href: str) -> bool:
    """True for page-relative references such as ``../img.png`` (not ``/x``, ``#a``, ``https:``)."""
    return bool(href) and not (href.startswith(("/", "#", "?")) or _SCHEME.match(href) is not None)


def _directory(url: str) -> str:
    """The folder a page URL's relative links resolve against."""
    if url.endswith("/") or url == "":
        return url.rstrip("/")
    return posixpath.dirname(url)


def resolve(href: str, base_url: str) -> str:
    """Resolve a relative ``href`` found on the page at ``base_url`` to a site-relative path."""
    cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
    path, suffix = href[:cut], href[cut:]
    joined = posixpath.normpath(posixpath.join(_directory(base_url), path)) if path else base_url
    if joined in {".", ""}:
        joined = ""
    while joined.startswith("../"):
        joined = joined[3:]
    if path.endswith("/") and joined and not joined.endswith("/"):
        joined += "/"
    return joined + suffix


@functools.lru_cache(maxsize=8192)
def _parts(path: str) -> tuple[str, ...]:
    """Path segments; cached because every listing links the same pages again and again."""
    return tuple(p for p in path.split("/") if p)


def relative_url(target: str, base_url: str) -> str:
    """The link from the page at ``base_url`` to the site-relative ``target`` (both from File.url)."""
    path, sep, rest = target.partition("#")
    base_parts = _parts(_directory(base_url))
    target_parts = _parts(path)
    common = 0
    for a, b in zip(base_parts, target_parts, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base_parts) - common) + list(target_parts[common:])) or "."
    if path.endswith("/") and rel != ".":
        rel += "/"
    elif rel == "." and path.endswith("/"):
        rel = "./"
    return rel + sep + rest


def root_prefix(page_url: str) -> str:
    """The relative path from the page at ``page_url`` to the site root (``../../`` or ``""``)."""
    return "../" * len(_parts(_directory(page_url)))


def quote_path(path: str) -> str:
    """Percent-encode a path for an attribute (spaces and non-ASCII), keeping ``/`` and escapes."""
    return quote(path, safe="/%#?=&:@!$'()*+,;~")
