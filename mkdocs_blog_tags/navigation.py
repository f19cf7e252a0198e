"""The blog in the site's navigation: one link (or a section of its overviews), never every post.

MkDocs builds the nav before ``on_nav``. With no ``nav:`` it makes a section
for the blog's folder whose only child is the blog index; a nav plugin that
expands ``blog/`` (literate-nav, awesome-nav) lists every post and every
generated page, and the plugin's own ``add_to_nav`` entry can make a second
"Blog" link. `tidy_nav` takes the blog's pages out (but the index, and what
the user's ``nav:`` names itself), turns a section left with the index alone
into that link, and links the remaining pages again as MkDocs did: ``parent``,
``previous_page``/``next_page``, ``nav.pages``, ``nav.homepage``.

A generated page's Markdown is front matter only, so its table of contents is
empty and a theme that always prints one (``mkdocs``) shows an empty box.
`toc_with_title` gives it the entry of its ``<h1>``, as an ordinary page has.
"""

from __future__ import annotations

import dataclasses
import html
import posixpath
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, Literal

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import dirname_to_title

__all__ = ["TITLE_ID", "nav_paths", "tidy_nav", "toc_with_title"]

Role = Literal["post", "listing", "overview"]

TITLE_ID = "blog-tags-title"
"""The ``id`` of the ``<h1>`` of a generated listing or overview page (its table of contents links it)."""


def _written(value: Any) -> Iterator[tuple[Literal["title", "path"], str]]:
    """Every title (a mapping's key) and every path (a text) of a ``nav:`` as written."""
    if isinstance(value, str):
        yield "path", value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield "title", str(key)
            yield from _written(item)
    elif isinstance(value, list):
        for item in value:
            yield from _written(item)


def nav_paths(nav_config: Any) -> frozenset[str]:
    """Every path a ``nav:`` as the user wrote it names (``blog/posts/launch.md``), normalised.

    Read it before nav plugins expand folders into ``config.nav`` (literate-nav
    does in its ``on_files``, priority -100): what the user named is kept.
    """
    return frozenset(posixpath.normpath(v.lstrip("/")) for kind, v in _written(nav_config) if kind == "path")


@dataclasses.dataclass
class _Emptied:
    """A section whose every page was the blog's: the blog index may take its place."""

    section: Section
    uris: list[str]
    """src_uris of the pages it held (their folders give the titles MkDocs makes for sections)."""


@dataclasses.dataclass
class _Tidy:
    owns: Callable[[str], Role | None]
    index_uri: str
    keep: Collection[str]
    given: Collection[str]
    """Titles the nav's configuration gives (mkdocs.yml's ``nav:``, or literate-nav's)."""
    index: Page | None = None
    seen: set[int] = dataclasses.field(default_factory=set)
    """Pages placed in the nav, by identity (a page listed twice is one object)."""

    @property
    def placed(self) -> bool:
        return self.index is not None and id(self.index) in self.seen

    def drops(self, page: Page) -> bool:
        uri = page.file.src_uri
        return uri != self.index_uri and uri not in self.keep and self.owns(uri) is not None

    # Pass 1: the blog's pages out; a section left with none of its own is an `_Emptied`.
    def filter(self, items: Iterable[Any]) -> tuple[list[Any], list[str]]:
        """``(kept items, src_uris of every page under items)``."""
        kept: list[Any] = []
        uris: list[str] = []
        for item in items:
            if isinstance(item, Page):
                uris.append(item.file.src_uri)
                if item.file.src_uri == self.index_uri and self.index is None:
                    self.index = item
                if self.drops(item):
                    continue
            children = getattr(item, "children", None)
            if not isinstance(item, Section) or not children:
                kept.append(item)
                continue
            inner, under = self.filter(children)
            uris += under
            if inner and all(isinstance(i, _Emptied) for i in inner):
                kept.append(_Emptied(item, under))  # the outermost section stands for the inner ones
            elif inner:
                item.children = inner
                kept.append(item)
            else:
                kept.append(_Emptied(item, under))
        return kept, uris

    def user_title(self, title: str | None, uris: Iterable[str]) -> bool:
        """Whether a section's title is its user's, not the one made for its folder."""
        return title is not None and title != "" and (title in self.given or not _made_for(title, uris))

    # Pass 2, in reading order: the first of the index and the emptied sections is the blog's link.
    def place(self, items: Iterable[Any]) -> list[Any]:
        placed: list[Any] = []
        for item in items:
            if isinstance(item, _Emptied):
                if self.index is None or self.placed:
                    continue
                self.seen.add(id(self.index))
                if self.user_title(item.section.title, item.uris):
                    self.index.title = item.section.title
                placed.append(self.index)
                continue
            if isinstance(item, Page):
                if id(item) in self.seen:  # a page twice in the nav: its first place only
                    continue
                self.seen.add(id(item))
            if isinstance(item, Section) and item.children:
                item.children = self.place(item.children)
                if not item.children:
                    continue  # held only pages of the nav's other places
                if len(item.children) == 1 and item.children[0] is self.index:
                    if self.user_title(item.title, [self.index_uri]):
                        self.index.title = item.title
                    placed.append(self.index)
                    continue
            placed.append(item)
        return placed


def _nav_titles(nav_config: Any) -> frozenset[str]:
    """Every title a ``nav:`` gives (its mappings' keys)."""
    return frozenset(v for kind, v in _written(nav_config) if kind == "title")


def _made_for(title: str, uris: Iterable[str]) -> bool:
    """Whether ``title`` is the one MkDocs (or a nav plugin) makes for a folder of these pages."""
    return any(dirname_to_title(part) == title for uri in uris for part in uri.split("/")[:-1])


def _walk(items: Sequence[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        if getattr(item, "children", None):
            yield from _walk(item.children)


def _add_overviews(
    items: list[Any], index: Page, overviews: Sequence[Page], title: str, *, in_section: bool = False
) -> bool:
    """Put ``overviews`` after the blog index: in the section it opens, else in a section made for it."""
    for at, item in enumerate(items):
        if item is index:
            if at == 0 and in_section:
                items[1:1] = overviews
            else:
                items[at] = Section(index.title or title, [index, *overviews])
            return True
        children = item.children if isinstance(item, Section) else None
        if children and _add_overviews(children, index, overviews, title, in_section=True):
            return True
    return False


def _relink(nav: Navigation, before: Sequence[Page]) -> None:
    """Parents, ``nav.pages``, previous and next pages, the homepage: as `get_navigation` sets them."""

    def parents(items: Sequence[Any], parent: Any) -> None:
        for item in items:
            item.parent = parent
            children = getattr(item, "children", None)
            if children:
                parents(children, item if item.is_section else None)  # as MkDocs: sections only

    parents(nav.items, None)
    pages = [item for item in _walk(nav.items) if isinstance(item, Page)]
    for page0, page1, page2 in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page1.previous_page, page1.next_page = page0, page2
    kept = {id(p) for p in pages}
    for page in before:  # out of the nav now: as MkDocs leaves a page it never listed
        if id(page) not in kept:
            page.parent = None
            page.previous_page = page.next_page = None
    nav.pages = pages
    nav.homepage = next((p for p in pages if p.is_homepage), None)


def tidy_nav(
    nav: Navigation,
    *,
    owns: Callable[[str], Role | None],
    index_uri: str,
    files: Files,
    overviews: Sequence[str] = (),
    with_overviews: bool = False,
    title: str = "Blog",
    keep: Collection[str] = (),
    nav_config: Any = None,
) -> Navigation:
    """The nav with the blog as one link (its index), or with ``with_overviews`` a section of them.

    ``owns(src_uri)`` is the role of a page of this blog (``None`` for any other
    page); every post, listing and overview leaves the nav but the blog index and
    what ``keep`` names (`nav_paths` of the user's ``nav:``). A section left with
    the index alone becomes it, titled as the section when its user gave the
    title: ``nav_config`` (``config.nav`` in ``on_nav``, as literate-nav resolved
    it) names it, or it is not the title made for its folder. A section that
    held only the blog's pages (a nav plugin's ``blog/``) becomes the index
    link, unless the index is in the nav before it. A page listed twice keeps
    its first place. With ``with_overviews``, the pages ``overviews`` names
    (src_uris) follow the index: in the section it opens, else in a new section
    titled as the nav titles the index, or ``title``.
    """
    before = list(nav.pages)
    tidy = _Tidy(owns, index_uri, frozenset(keep), _nav_titles(nav_config))
    filtered, _ = tidy.filter(nav.items)
    if tidy.index is None:  # not in the nav: an emptied section (a nav plugin's ``blog/posts/``) may take it
        file = files.get_file_from_path(index_uri)
        tidy.index = file.page if file is not None and isinstance(file.page, Page) else None
    items = tidy.place(filtered)
    if with_overviews and tidy.placed and tidy.index is not None:
        present = {id(item) for item in _walk(items)}
        pages = [
            f.page
            for uri in overviews
            if (f := files.get_file_from_path(uri)) is not None and isinstance(f.page, Page)
        ]
        pages = [page for page in pages if id(page) not in present]
        if pages:
            _add_overviews(items, tidy.index, pages, title)
    nav.items = items
    _relink(nav, before)
    return nav


def toc_with_title(page: Page, title: str, anchor: str = TITLE_ID) -> None:
    """Give a page whose ``<h1 id="{anchor}">`` the plugin rendered that heading in its table of contents.

    Its own headings (a hand-written intro's) become the heading's children, as
    on an ordinary page. A page with a level-1 entry already, or whose content
    has no such ``<h1>`` (a template without the id), is left as it is.
    ``title`` is plain text. Call it once ``page.content`` is final.
    """
    items = list(page.toc or ())
    if any(item.level == 1 for item in items):
        return
    content = page.content or ""
    if f'id="{anchor}"' not in content:
        return
    heading = AnchorLink(html.escape(title, quote=False), anchor, 1)
    heading.children = items
    page.toc = TableOfContents([heading])
