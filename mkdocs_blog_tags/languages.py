"""One language's build of a multilingual site (mkdocs-static-i18n): which sources, where they go.

mkdocs-static-i18n builds the site once per language, with the same plugin
instances: the default language into the site's root, each other language
into ``<site_dir>/<code>/``. Its files keep their ``src_uri``: ``fr/blog/x.md``
(``docs_structure: folder``) or ``blog/x.fr.md`` (``suffix``). A `Language`
says where the blog's sources of this build are (`source`) and where a page
the blog generates is written (`dest`), as static-i18n writes the user's pages.
"""

from __future__ import annotations

import dataclasses
import posixpath

__all__ = ["Alternate", "Language"]


@dataclasses.dataclass(frozen=True)
class Language:
    """The language of this build, and how its files are laid out."""

    code: str
    """This build's language (``fr``)."""
    default: str
    """The site's default language, built into the site's root (``en``)."""
    folder: bool
    """``docs_structure: folder``: each language's sources are under ``<code>/`` of docs_dir."""

    @property
    def source_dir(self) -> str:
        """The folder of this language's sources under docs_dir (``""``: docs_dir, the suffix structure)."""
        return self.code if self.folder else ""

    @property
    def site_dir(self) -> str:
        """The folder of this language's pages under the site (``""``: the default language's root)."""
        return "" if self.code == self.default else self.code

    def source(self, path: str) -> str:
        """A docs_dir path of the blog (``blog``) as this language's sources have it (``fr/blog``)."""
        if not self.source_dir:
            return path
        return self.source_dir if path in ("", ".") else posixpath.join(self.source_dir, path)

    def relative(self, path: str) -> str:
        """A path of this language's sources without its folder (``fr/blog`` -> ``blog``)."""
        if self.source_dir and path == self.source_dir:
            return "."
        if self.source_dir and path.startswith(self.source_dir + "/"):
            return path[len(self.source_dir) + 1 :]
        return path

    def of(self, code: str) -> Language:
        """Another language of the same site."""
        return dataclasses.replace(self, code=code)

    def dest(self, path: str) -> str:
        """Where a file (or folder) MkDocs would write at ``path`` goes in this language's build.

        As static-i18n places the user's files: out of the language's source
        folder, into the language's site folder (``en/blog/index.html`` ->
        ``blog/index.html``, ``blog/index.html`` -> ``fr/blog/index.html``;
        ``.`` is the site's root).
        """
        if self.source_dir:
            if path == self.source_dir:
                path = "."
            elif path.startswith(self.source_dir + "/"):
                path = path[len(self.source_dir) + 1 :]
        if not self.site_dir:
            return path
        return self.site_dir if path == "." else posixpath.join(self.site_dir, path)


@dataclasses.dataclass(frozen=True)
class Alternate:
    """A translation of a page: its language and its site-relative URL (``fr/blog/posts/x/``)."""

    code: str
    url: str
