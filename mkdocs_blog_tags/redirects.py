"""Redirect pages from a post's former addresses (Hugo's ``aliases``, Jekyll's ``redirect_from``).

A former address is a site-root-relative URL (``/2016/01/old-name/``,
``old/page.html``). It becomes a small HTML file at that path, written by
``blog_tags/redirect.html``: a ``meta refresh`` to the post, a canonical link,
``noindex`` and a plain link. A real page always wins over a redirect; an
address outside the site is refused.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from .urls import relative_url

__all__ = ["Redirect", "alias_path", "plan_redirects", "redirect_context"]


@dataclasses.dataclass(frozen=True)
class Redirect:
    """A redirect file to write: its site path (``old/index.html``) and the src_uri of the post."""

    path: str
    target: str


def alias_path(alias: str) -> tuple[str | None, str | None]:
    """``(site path, None)`` of the file a former address is served from, or ``(None, why not)``."""
    try:
        parts = urlsplit(alias)
    except ValueError as err:
        return None, f"is not a URL ({err})"
    if parts.scheme or parts.netloc:
        return None, "is an absolute URL; a redirect can only be made from an address of this site"
    path = unquote(parts.path).replace("\\", "/")
    if "\x00" in path:
        return None, "holds a NUL character, which no file name may hold"
    if ".." in path.split("/"):
        return None, "leaves the site ('..'); give the address from the site root, like /2016/01/old-name/"
    folder = path.endswith("/")
    path = posixpath.normpath("/" + path).strip("/")
    if path in ("", "."):
        return None, "is the site's home page; a post cannot take it over"
    if folder or not posixpath.splitext(path)[1]:
        path += "/index.html"
    return path, None


def plan_redirects(
    aliases: Iterable[tuple[str, str, str]],
    previous: Mapping[str, str],
    occupied: Callable[[str], str | None],
) -> tuple[list[Redirect], list[str]]:
    """The redirects to write, and the problems found.

    ``aliases``: ``(post src_uri, front-matter key, former address as written)``. ``previous``:
    post src_uri -> the site path it was published at before ``post_url_format``
    moved it. ``occupied(path)`` names the user's file published at a path.
    """
    redirects: dict[str, Redirect] = {}
    problems: list[str] = []
    for src_uri, key, alias in aliases:
        path, why = alias_path(alias)
        if path is None:
            problems.append(f"{src_uri}: '{key}': {alias!r} {why}; no redirect was made")
            continue
        owner = occupied(path)
        if owner is not None:
            problems.append(
                f"{src_uri}: '{key}': {alias!r} is the address of {owner}, which is kept; "
                "no redirect was made"
            )
            continue
        if path in redirects and redirects[path].target != src_uri:
            problems.append(
                f"{src_uri}: '{key}': {alias!r} is already a former address of {redirects[path].target}; "
                "no second redirect was made"
            )
            continue
        redirects[path] = Redirect(path, src_uri)
    for src_uri, path in previous.items():
        if path not in redirects and occupied(path) is None:
            redirects[path] = Redirect(path, src_uri)
    return sorted(redirects.values(), key=lambda r: r.path), problems


def redirect_context(redirect: Redirect, target_url: str, site_url: str | None, title: str) -> dict[str, Any]:
    """What ``redirect.html`` prints: the post's address (absolute with ``site_url``), its title."""
    if site_url:
        return {"url": site_url + target_url, "canonical": site_url + target_url, "title": title}
    here = redirect.path.removesuffix("index.html")
    return {"url": relative_url(target_url, here), "canonical": None, "title": title}
