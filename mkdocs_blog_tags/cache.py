"""What deliberately survives ``mkdocs serve`` rebuilds, and nothing else.

Under ``serve`` one plugin instance lives for the whole session. Three things
are kept between its builds on purpose: each post's reading (reused while its
file is unchanged), each post's rendered excerpt (``--dirty`` rebuilds do not
render unchanged posts again), and what each build wrote (so that a later
``--dirty`` build can delete what it no longer writes). Per-build state lives
in `state.Build` and is dropped at the end of every build.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .excerpts import Excerpt, cut_excerpt, strip_leading_h1
from .posts import Post, Problem

__all__ = ["ReadCache", "Rendered", "ServeCache"]

Reading = tuple[Post | None, list[Problem]]


@dataclasses.dataclass
class ReadCache:
    """Each post's reading, keyed by its file's identity and the options that shape it."""

    entries: dict[str, tuple[tuple[object, ...], Post | None, list[Problem]]] = dataclasses.field(
        default_factory=dict
    )

    def read(
        self, src_uri: str, abs_src_path: str | None, options: tuple[object, ...], read: Callable[[], Reading]
    ) -> Reading:
        """``read()``'s result, or the one kept for the unchanged file (generated files are never kept)."""
        key = self._key(abs_src_path, options)
        cached = self.entries.get(src_uri) if key else None
        if cached is not None and cached[0] == key:
            return cached[1], cached[2]
        post, problems = read()
        if key:
            self.entries[src_uri] = (key, post, problems)
        return post, problems

    @staticmethod
    def _key(abs_src_path: str | None, options: tuple[object, ...]) -> tuple[object, ...] | None:
        if not abs_src_path:
            return None
        try:
            stat = os.stat(abs_src_path)  # noqa: PTH116 -- once per post; pathlib parsing costs more
        except OSError:
            return None
        return (abs_src_path, stat.st_mtime_ns, stat.st_size, options)


@dataclasses.dataclass
class Rendered:
    """What MkDocs rendered of each post: the excerpt, and the whole content when feeds carry it."""

    excerpts: dict[str, Excerpt] = dataclasses.field(default_factory=dict)
    contents: dict[str, Excerpt] = dataclasses.field(default_factory=dict)

    def add(self, src_uri: str, html: str, page_url: str, separator: str, full_content: bool) -> None:
        self.excerpts[src_uri] = cut_excerpt(html, page_url, separator)
        if full_content:
            self.contents[src_uri] = Excerpt(strip_leading_h1(html), page_url, True)


@dataclasses.dataclass
class ServeCache:
    """The three things kept across the builds of one process."""

    reads: ReadCache = dataclasses.field(default_factory=ReadCache)
    rendered: Rendered = dataclasses.field(default_factory=Rendered)
    previous_outputs: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    """Site folder -> what the last build of this process wrote there (for ``--dirty``)."""

    def remove_stale_outputs(self, site_dir: str, outputs: Iterable[str]) -> None:
        """Under ``--dirty`` the site folder is not cleaned: delete what this build no longer writes."""
        root = Path(site_dir).resolve()
        current = set(outputs)
        for rel in sorted(self.previous_outputs.get(str(root), set()) - current):
            target = (root / rel).resolve()
            if target.is_relative_to(root) and target.is_file():
                target.unlink()
                folder = target.parent
                while folder != root and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent
        self.previous_outputs[str(root)] = current
