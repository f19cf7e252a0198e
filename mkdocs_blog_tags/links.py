"""A post's related links (front-matter ``links:``), read the way Material's blog reads them.

Material parses ``links`` with MkDocs' ``nav`` reader, so an entry is a path
(``setup/x.md``, ``setup/x.md#anchor``), ``Title: path``, a URL, or a section
``Title: [entries]``, and every path is relative to docs_dir, not to the post.
Reading is split in two because what a path names is known only once every
page is read: `parse_links` reads one post's value, `resolve_links` turns the
items into titles and URLs seen from the post's page through a lookup given by
the caller. Neither knows MkDocs, and neither raises: where Material stops the
build (a number, a nested list, a leading ``/``), here a `Problem` names the
post and the entry, and the rest of the list is kept.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from .posts import Problem, text_field
from .urls import relative_url
from .values import clean_text

__all__ = ["LinkItem", "ResolvedLink", "Target", "parse_links", "resolve_links"]

# Sections inside sections this deep are a mistake (or a YAML alias loop), never a sidebar.
_MAX_DEPTH = 10


@dataclasses.dataclass(frozen=True)
class LinkItem:
    """One entry of ``links`` as written: a page (with its anchor), a URL, or a section of entries."""

    title: str | None
    """The explicit title, or ``None`` to take the target's."""
    target: str | None
    """A path relative to docs_dir (normalised, no leading ``./`` or ``/``) or an absolute URL;
    ``None`` for a section."""
    anchor: str | None
    """The fragment, without ``#`` (a URL keeps its own fragment in ``target``)."""
    children: tuple[LinkItem, ...] = ()


@dataclasses.dataclass(frozen=True)
class Target:
    """What the site knows of the page a path names."""

    url: str
    """Site-relative, like MkDocs' ``page.url`` (``setup/x/`` or ``setup/x.html``)."""
    title: str
    anchors: Mapping[str, str]
    """Heading id -> heading text of that page; may be empty (not known)."""


@dataclasses.dataclass(frozen=True)
class ResolvedLink:
    """A link ready for the template: ``url`` is relative to the post's page, or the URL as given."""

    title: str
    url: str
    external: bool
    children: tuple[ResolvedLink, ...] = ()


def _kind(value: Any) -> str:
    return type(value).__name__


def _is_url(text: str) -> bool:
    """``https://…``, ``mailto:…`` or ``//host/…``: kept as written (Material skips any URL with a scheme)."""
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return bool(parts.scheme or parts.netloc)


class _Reader:
    """Reads one post's ``links``, collecting problems as it goes."""

    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri
        self.problems: list[Problem] = []
        # Containers being read: YAML aliases can make a list that contains itself.
        self.open: set[int] = set()

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.src_uri, field, message))

    def entries(self, value: Any, field: str, depth: int) -> list[LinkItem]:
        """The items of a list of links, or of what was written where a list belongs."""
        if isinstance(value, str):
            self.problem(field, "expected a list of links, got one text; it was read as a list of one link")
            return self.entry(value, field, depth)
        if isinstance(value, Mapping):
            self.problem(
                field,
                "expected a list of links, got a mapping; each of its keys was read as one link "
                "(write each as '- Title: path')",
            )
            value = [{key: item} for key, item in value.items()]
        elif not isinstance(value, list):
            self.problem(field, f"expected a list of links, got {_kind(value)} {value!r}; it was ignored")
            return []
        if depth > _MAX_DEPTH:
            self.problem(field, f"sections nested deeper than {_MAX_DEPTH} levels were ignored")
            return []
        if id(value) in self.open:
            self.problem(field, "a YAML alias makes this list contain itself; the repeat was ignored")
            return []
        self.open.add(id(value))
        try:
            return [
                item for i, entry in enumerate(value) for item in self.entry(entry, f"{field}[{i}]", depth)
            ]
        finally:
            self.open.discard(id(value))

    def entry(self, entry: Any, field: str, depth: int) -> list[LinkItem]:
        """One entry: usually one item; a mapping of several keys or a bare list gives several."""
        if entry is None:
            self.problem(field, "is empty; it was ignored")
            return []
        if isinstance(entry, str):
            item = self.target(entry, None, field)
            return [item] if item is not None else []
        if isinstance(entry, list):
            self.problem(
                field,
                "is a list inside the list; its links were read in its place "
                "(a section needs a title: 'Title: [links]')",
            )
            return self.entries(entry, field, depth + 1)
        if isinstance(entry, Mapping):
            if not entry:
                self.problem(field, "is an empty mapping; it was ignored")
                return []
            if len(entry) > 1:
                self.problem(
                    field,
                    f"expected one 'Title: path' per entry, got {len(entry)} keys; each was read as a link",
                )
            return [item for key, value in entry.items() for item in self.titled(key, value, field, depth)]
        self.problem(
            field, f"expected a path, a URL or 'Title: path', got {_kind(entry)} {entry!r}; it was ignored"
        )
        return []

    def titled(self, key: Any, value: Any, field: str, depth: int) -> list[LinkItem]:
        """``Title: path`` or ``Title: [links]`` (a section)."""
        title, problem = text_field(self.src_uri, field, key)
        if problem is not None:
            self.problems.append(dataclasses.replace(problem, message=f"the title: {problem.message}"))
        elif title is None:
            self.problem(field, "has an empty title; the page's own title is used")
        if isinstance(value, str):
            item = self.target(value, title, field)
            return [item] if item is not None else []
        if value is None:
            self.problem(field, f"{title or 'the entry'!r} has no path; it was ignored")
            return []
        if not isinstance(value, (list, Mapping)):
            self.problem(
                field,
                f"expected a path, a URL or a list of links for {title or 'the entry'!r}, "
                f"got {_kind(value)} {value!r}; it was ignored",
            )
            return []
        children = self.entries(value, field, depth + 1)
        if not value:
            name = f" {title!r}" if title else ""
            self.problem(field, f"the section{name} has no links; it was ignored")
        if not children:
            return []
        if title is None:
            # Without a title there is nothing to show for the section: its links stand on their own.
            return children
        return [LinkItem(title, None, None, tuple(children))]

    def target(self, raw: str, title: str | None, field: str) -> LinkItem | None:
        """A path (``page.md#anchor``, relative to docs_dir) or a URL, normalised."""
        text = clean_text(raw)
        if not text:
            self.problem(field, "is empty; it was ignored")
            return None
        if _is_url(text):
            return LinkItem(title, text, None)
        path, _, fragment = text.partition("#")
        anchor = fragment.strip() or None
        # A leading '/' means docs_dir here, as MkDocs' nav reads it with absolute_links: relative_to_docs.
        path = path.strip().lstrip("/")
        path = posixpath.normpath(path) if path else ""
        if path in {"", "."}:
            self.problem(field, f"{text!r} names no page; paths in links are relative to docs_dir")
            return None
        if path == ".." or path.startswith("../"):
            self.problem(
                field,
                f"{text!r} is outside docs_dir; paths in links are relative to docs_dir (like nav), "
                "not to the post; it was ignored",
            )
            return None
        return LinkItem(title, path, anchor)


def parse_links(
    value: object, src_uri: str, field: str = "links"
) -> tuple[tuple[LinkItem, ...], list[Problem]]:
    """Read a post's `links:` value; any YAML type in, never an exception.

    ``None`` (the key left empty) is no links and no problem, as for Material.
    Entries that cannot be read are reported as ``links[2]`` (``links[2][0]``
    inside a section) and left out; the others are kept in order.
    """
    reader = _Reader(src_uri)
    if value is None:
        return (), reader.problems
    items = reader.entries(value, field, 0)
    return tuple(items), reader.problems


def resolve_links(
    items: Sequence[LinkItem], lookup: Callable[[str], Target | None], page_url: str, src_uri: str
) -> tuple[tuple[ResolvedLink, ...], list[Problem]]:
    """Titles and URLs seen from the post's page, so the sidebar links work wherever the post is served.

    A path that is no page of the site (``lookup`` returns ``None``) is a
    Problem naming the post file, field ``links`` and the path, and the item is
    left out. An untitled anchor link takes the heading text of the anchor when
    the target has it, else the page title; an untitled URL shows the URL.

    An anchor missing from a page whose headings are known is reported and the
    link kept (Material warns the same way); a section left with no links is
    left out.
    """
    problems: list[Problem] = []

    def resolve(item: LinkItem) -> list[ResolvedLink]:
        if item.target is None:
            children = [link for child in item.children for link in resolve(child)]
            if not children:
                return []
            if item.title is None:
                return children
            return [ResolvedLink(item.title, "", False, tuple(children))]
        fragment = f"#{item.anchor}" if item.anchor else ""
        if _is_url(item.target):
            url = item.target + fragment
            return [ResolvedLink(item.title or url, url, True)]
        found = lookup(item.target)
        if found is None:
            problems.append(
                Problem(
                    src_uri,
                    "links",
                    f"{item.target!r} is no page of the site (paths in links are relative to docs_dir); "
                    "the link was left out",
                )
            )
            return []
        heading = found.anchors.get(item.anchor) if item.anchor else None
        if item.anchor and heading is None and found.anchors:
            problems.append(
                Problem(
                    src_uri,
                    "links",
                    f"{item.target!r} has no heading with the id {item.anchor!r}; the link was kept",
                )
            )
        title = item.title or heading or found.title or item.target
        return [ResolvedLink(title, relative_url(found.url, page_url) + fragment, False)]

    links = tuple(link for item in items for link in resolve(item))
    return links, problems
