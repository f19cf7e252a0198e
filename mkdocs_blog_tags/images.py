"""Where a post's ``image`` points: an outside URL, or a file among the docs.

Paths are read like a Markdown link, relative to the post's file first, then
relative to docs_dir; ``/x`` is from the site root.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Callable
from urllib.parse import unquote

from .urls import is_relative

__all__ = ["ImageRef", "locate_image"]


@dataclasses.dataclass(frozen=True)
class ImageRef:
    """Either ``url`` (outside the site) or ``src_uri`` (a docs file) is set; neither if missing."""

    url: str | None = None
    src_uri: str | None = None
    tried: tuple[str, ...] = ()


def locate_image(image: str, post_src_uri: str, exists: Callable[[str], bool]) -> ImageRef:
    """Find the docs file (or outside URL) that ``image`` in ``post_src_uri`` refers to."""
    if image.startswith("//") or not (is_relative(image) or image.startswith("/")):
        return ImageRef(url=image)
    path = unquote(image.split("#", 1)[0].split("?", 1)[0])
    if path.startswith("/"):
        candidates = [posixpath.normpath(path.lstrip("/"))]
    else:
        candidates = [
            posixpath.normpath(posixpath.join(posixpath.dirname(post_src_uri), path)),
            posixpath.normpath(path),
        ]
    candidates = [c for c in dict.fromkeys(candidates) if not c.startswith("../") and c != ".."]
    for candidate in candidates:
        if exists(candidate):
            return ImageRef(src_uri=candidate, tried=tuple(candidates))
    return ImageRef(tried=tuple(candidates))
