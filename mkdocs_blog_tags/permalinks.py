"""Post addresses in Material's ``post_url_format``, so a migrated blog keeps every URL.

A post's address is computed as Material computes it: ``blog_dir/`` plus the
format with ``{date}`` (``post_url_date_format``, a CLDR pattern, in the
post's own offset), ``{slug}`` (front matter ``slug``, else the title through
pymdown-extensions' ``slugify(case="lower")``, Material's default),
``{categories}`` and ``{file}`` (the file's name without extension), plus
``{year}``, ``{month}`` and ``{day}``. The result is a Markdown path, which
MkDocs turns into the post's URL as it does for any page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import string
from collections.abc import Callable, Iterable, Mapping, Sequence

from babel.dates import format_date, format_datetime
from pymdownx.slugs import slugify as pymdownx_slugify

from .config import Settings
from .posts import Post
from .taxonomy import slugify

__all__ = [
    "category_slug",
    "cldr_date",
    "material_slug",
    "media_dest",
    "post_path",
    "post_paths",
    "posts_folder",
]

_SLUGIFY = pymdownx_slugify(case="lower")


def material_slug(text: str, separator: str = "-") -> str:
    """The slug Material's blog gives a title or a category by default."""
    return str(_SLUGIFY(text, separator))


def category_slug(name: str, settings: Settings) -> str:
    """A category's slug in a post's URL: its explicit ``category_slugs`` one, else Material's.

    The category's page has the same slug, unless two categories share it (the newer one's page
    gets ``-2``; post URLs keep the shared slug, as on Material).
    """
    explicit = {k.casefold(): v for k, v in settings.groupings.category_slugs.items()}
    if name.casefold() in explicit:
        return slugify(explicit[name.casefold()], "unicode")  # as the category's page has it
    return material_slug(name, settings.groupings.categories_separator)


def posts_folder(settings: Settings, src_uris: Iterable[str]) -> str:
    """The posts' folder: ``post_dir`` if set; else ``{blog}/posts`` when it holds a page; else the blog."""
    if settings.post_dir is not None:
        return settings.post_dir
    blog = settings.layout.blog_dir
    candidate = "posts" if blog == "." else f"{blog}/posts"
    prefix = candidate + "/"
    if any(uri.startswith(prefix) and uri.endswith(_MARKDOWN) for uri in src_uris):
        return candidate
    return blog


_MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def media_dest(dest_uri: str, posts: str, blog: str) -> str | None:
    """Where Material publishes a file that sits among the posts: without the posts folder in its path."""
    if posts == blog or not dest_uri.startswith(posts + "/"):
        return None
    rest = dest_uri[len(posts) + 1 :]
    return rest if blog == "." else f"{blog}/{rest}"


def post_path(post: Post, url_format: str, settings: Settings) -> str | None:
    """The Markdown path Material gives ``post`` under ``url_format``; ``None`` if it needs a missing date."""
    date = post.date
    fields = {field for _, field, _, _ in string.Formatter().parse(url_format) if field is not None}
    if date is None and fields & {"date", "year", "month", "day"}:
        return None
    separator = settings.post_slug_separator
    # Material slugifies categories with categories_slugify_separator, whose default is "-".
    categories = [
        category_slug(name, settings) for name in post.categories[: settings.post_url_max_categories]
    ]
    values = {
        "categories": "/".join(categories),
        "file": posixpath.splitext(posixpath.basename(post.src_uri))[0],
        "slug": post.slug or material_slug(post.title, separator),
        "date": _url_date(date, settings) if date else "",
        "year": f"{date.year:04d}" if date else "",
        "month": f"{date.month:02d}" if date else "",
        "day": f"{date.day:02d}" if date else "",
    }
    path = posixpath.normpath(url_format.format(**values).strip("/"))
    # A slug or category of ".." must not lead out of the blog (nor out of the site).
    path = "/".join(part for part in path.split("/") if part not in ("..", "."))
    path = path or values["file"]  # nothing left (a slug of ".."): the file's own name
    blog = settings.layout.blog_dir
    return posixpath.join(blog, f"{path}.md") if blog != "." else f"{path}.md"


def _url_date(date: dt.datetime, settings: Settings) -> str:
    return cldr_date(date, settings.post_url_date_format, settings.locale)


def cldr_date(date: dt.datetime, pattern: str, locale: str) -> str:
    """A date as Material writes it: its styles (``long``...) through format_date, a pattern through
    format_datetime, in the date's own offset."""
    if pattern in ("full", "long", "medium", "short"):
        return str(format_date(date, format=pattern, locale=locale))
    return str(format_datetime(date, pattern, locale=locale))


def _age(post: Post) -> tuple[bool, dt.datetime, str, str]:
    return (post.date is not None, post.date or _EPOCH, post.title.casefold(), post.src_uri)


_EPOCH = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)


def post_paths(
    posts: Sequence[Post], settings: Settings, taken: Callable[[str], str | None]
) -> tuple[dict[str, str], list[str]]:
    """``{src_uri: path}`` of every post moved by ``post_url_format``, and the problems found.

    ``taken(path)`` names the other file published where the Markdown page
    ``path`` would be. Two posts never share an address: the newer one gets
    ``-2``, ``-3``..., with a warning naming both, so a new post never moves an old one.
    """
    url_format = settings.post_url_format
    if url_format is None:
        return {}, []
    paths: dict[str, str] = {}
    owners: dict[str, str] = {}
    problems: list[str] = []
    # Oldest first: a new post never takes an older one's address (undated posts count as oldest);
    # posts of the same instant by title, then path.
    for post in sorted(posts, key=_age):
        path = post_path(post, url_format, settings)
        if path is None:
            problems.append(
                f"{post.src_uri}: 'date': the post has no date, which post_url_format "
                f"{url_format!r} needs; it keeps its file's own URL"
            )
            continue
        stem, number, wanted = path[: -len(".md")], 1, path
        while path in owners or (path != post.src_uri and taken(path) not in (None, post.src_uri)):
            number += 1
            path = f"{stem}-{number}.md"
        if number > 1:
            other = owners.get(wanted) or taken(wanted)
            problems.append(
                f"{post.src_uri} and {other} would have the same URL ({wanted[: -len('.md')]}); "
                f"{post.src_uri} gets {path[: -len('.md')]}. Give one of them a 'slug' to choose."
            )
        owners[path] = post.src_uri
        paths[post.src_uri] = path
    return paths, problems


def previous_paths(posts: Sequence[Post], settings: Settings) -> Mapping[str, str]:
    """``{src_uri: path}`` of each post's address before ``post_url_format`` moved it (for redirects)."""
    previous = settings.post_url_redirects
    if previous is False or settings.post_url_format is None:
        return {}
    if previous is True:
        return {post.src_uri: post.src_uri for post in posts}
    found = {post.src_uri: post_path(post, previous, settings) for post in posts}
    return {uri: path for uri, path in found.items() if path is not None}
