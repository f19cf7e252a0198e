"""Share images: where a page's ``image`` points, and what its file says (size, type, length).

Paths are read like a Markdown link, relative to the page's file first, then
relative to docs_dir; ``/x`` is from the site root. The files are known through
an injected lookup, and measured through an injected function, so nothing here
touches MkDocs or the disk directly.
"""

from __future__ import annotations

import dataclasses
import mimetypes
import posixpath
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import imagesize

from .posts import Problem
from .urls import is_relative, quote_path

__all__ = ["DocsFile", "ImageInfo", "ImageRef", "ImageResolver", "locate_image", "measure_file"]


@dataclasses.dataclass(frozen=True)
class ImageInfo:
    """A share image: its URL (absolute when the site has a ``site_url``) and what the file says."""

    url: str
    alt: str | None = None
    width: int | None = None
    height: int | None = None
    type: str | None = None
    absolute: bool = True
    length: int | None = None
    """Size of the file in bytes, when it is a docs file (feeds' enclosures need it)."""


@dataclasses.dataclass(frozen=True)
class DocsFile:
    """What the core knows of one file among the docs: its site-relative URL and where it is read from."""

    url: str
    abs_src_path: str | None


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


Measure = Callable[[str], tuple[int | None, int | None, int | None]]


def measure_file(path: str) -> tuple[int | None, int | None, int | None]:
    """``(width, height, bytes)`` of an image file, from its header; ``None`` for what cannot be read."""
    try:
        width, height = imagesize.get(path)
        length = Path(path).stat().st_size
    except (OSError, ValueError):
        return None, None, None
    return (width if width > 0 else None), (height if height > 0 else None), length


class ImageResolver:
    """Resolves share images for one build; each docs file is measured once, however many pages use it."""

    def __init__(
        self, lookup: Callable[[str], DocsFile | None], site_url: str | None, measure: Measure = measure_file
    ) -> None:
        self._lookup = lookup
        self._site_url = site_url
        self._measure = measure
        self._files: dict[str, tuple[ImageInfo, str]] = {}

    def resolve(self, image: str, alt: str | None, from_uri: str) -> tuple[ImageInfo, str] | None:
        """A share image and its site-relative URL (or outside URL); ``None`` when the file is missing."""
        ref = locate_image(image, from_uri, lambda uri: self._lookup(uri) is not None)
        if ref.url:
            url = quote_path("https:" + ref.url if ref.url.startswith("//") else ref.url)
            return ImageInfo(url, alt, type=mimetypes.guess_type(url.split("?")[0])[0]), url
        if ref.src_uri is None:
            return None
        found = self._file(ref.src_uri)
        return dataclasses.replace(found[0], alt=alt), found[1]

    def _file(self, src_uri: str) -> tuple[ImageInfo, str]:
        if src_uri in self._files:
            return self._files[src_uri]
        file = self._lookup(src_uri)
        assert file is not None
        width = height = length = None
        if file.abs_src_path:
            width, height, length = self._measure(file.abs_src_path)
        info = ImageInfo(
            self._site_url + file.url if self._site_url else file.url,
            None,
            width=width,
            height=height,
            type=mimetypes.guess_type(src_uri)[0],
            absolute=bool(self._site_url),
            length=length,
        )
        self._files[src_uri] = (info, file.url)
        return info, file.url

    def post_image(
        self, src_uri: str, image: str, alt: str | None
    ) -> tuple[tuple[ImageInfo, str] | None, list[Problem]]:
        """A post's cover as a share image, with what is wrong with it (missing, not an image, no alt)."""
        info = self.resolve(image, alt, src_uri)
        if info is None:
            tried = " or ".join(locate_image(image, src_uri, lambda _: False).tried)
            return None, [Problem(src_uri, "image", f"{image!r} was not found (looked for {tried})")]
        kind = info[0].type
        if kind is not None and not kind.startswith("image/"):
            return None, [Problem(src_uri, "image", f"{image!r} is not an image ({kind})")]
        if not alt:
            return info, [
                Problem(src_uri, "image", "has no alt text; add 'image_alt' (or imageAltAttribute)")
            ]
        return info, []
