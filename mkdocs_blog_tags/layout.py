"""Where every generated page and feed lives, as ``src_uri`` paths relative to docs_dir.

One place decides paths, so a listing, its head links and its feeds can never
disagree about where a page is. A grouping (tags today) is addressed by its
folder: ``blog/<folder>/`` is its overview, ``blog/<folder>/<slug>/`` a term's page.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Mapping

__all__ = ["Layout"]


@dataclasses.dataclass(frozen=True)
class Layout:
    """The blog's folders; every method returns a Markdown ``src_uri`` (``blog/tags/c/index.md``)."""

    blog_dir: str = "blog"
    tags_dir: str = "tags"
    page_dir: str = "page"
    page_format: str | None = None
    """Path of a listing's page ``{page}`` under the listing (Material's ``pagination_url_format``);
    default ``<page_dir>/{page}``."""

    def _page(self, number: int) -> str:
        return (self.page_format or self.page_dir + "/{page}").format(page=number).strip("/")

    def index_uri(self, number: int = 1) -> str:
        parts = ("index.md",) if number == 1 else (self._page(number), "index.md")
        return self._uri(*parts)

    def overview_uri(self, folder: str) -> str:
        """The overview page of a grouping kept in ``folder`` (``blog/tags/index.md``)."""
        return self._uri(folder, "index.md")

    def term_uri(self, folder: str, slug: str, number: int = 1) -> str:
        """Page ``number`` of one term of a grouping (``blog/tags/c/page/2/index.md``)."""
        if number == 1:
            return self._uri(folder, slug, "index.md")
        return self._uri(folder, slug, self._page(number), "index.md")

    def view_uri(self, path_format: str, slug: str, number: int = 1) -> str:
        """Page ``number`` of a term whose pages Material lays out (``blog/category/tea.md``,
        ``blog/category/tea/page/2.md``): ``path_format`` is its ``*_url_format`` with ``{slug}``."""
        path = posixpath.normpath(path_format.format(slug=slug).strip("/"))
        if number == 1:
            return self._uri(path + ".md")
        return self._uri(path, self._page(number) + ".md")

    def tags_index_uri(self) -> str:
        return self.overview_uri(self.tags_dir)

    def tag_uri(self, slug: str, number: int = 1) -> str:
        return self.term_uri(self.tags_dir, slug, number)

    def feed_paths(self, home_uri: str, names: Mapping[str, str]) -> dict[str, str]:
        """Site paths of the feeds ``{kind: file name}`` kept beside the listing ``home_uri``."""
        # Beside an index page (blog/index.md: blog/feed.xml), or in the folder of a page's own URL
        # (blog/category/tea.md: blog/category/tea/feed.xml).
        if posixpath.basename(home_uri) in ("index.md", "README.md"):
            folder = posixpath.dirname(home_uri)
        else:
            folder = posixpath.splitext(home_uri)[0]
        return {kind: posixpath.join(folder, name) if folder else name for kind, name in names.items()}

    def _uri(self, *parts: str) -> str:
        path = posixpath.normpath(posixpath.join(self.blog_dir or ".", *parts))
        return path[2:] if path.startswith("./") else path
