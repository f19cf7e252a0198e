"""The `Blog` model: sorted posts, tags with unique slugs, and the listing pages to generate.

Built once per build from plain `Post`s; every later step (pages, headers,
feeds) reads it through dictionaries, never by scanning lists per page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from .posts import Post
from .taxonomy import Collision, SlugMode, Tag, assign_slugs, tag_key

__all__ = ["Blog", "Layout", "ListingPage", "build_blog", "paginate", "sort_posts"]


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where the generated pages live, as ``src_uri`` paths relative to docs_dir."""

    blog_dir: str = "blog"
    tags_dir: str = "tags"
    page_dir: str = "page"

    def index_uri(self, number: int = 1) -> str:
        parts = ("index.md",) if number == 1 else (self.page_dir, str(number), "index.md")
        return self._uri(*parts)

    def tags_index_uri(self) -> str:
        return self._uri(self.tags_dir, "index.md")

    def tag_uri(self, slug: str, number: int = 1) -> str:
        if number == 1:
            return self._uri(self.tags_dir, slug, "index.md")
        return self._uri(self.tags_dir, slug, self.page_dir, str(number), "index.md")

    def _uri(self, *parts: str) -> str:
        path = posixpath.normpath(posixpath.join(self.blog_dir or ".", *parts))
        return path[2:] if path.startswith("./") else path


@dataclasses.dataclass(frozen=True)
class ListingPage:
    """One page of a listing (the blog index or a tag), with its neighbours."""

    kind: Literal["index", "tag"]
    src_uri: str
    number: int
    count: int
    posts: tuple[Post, ...]
    tag: Tag | None = None
    newer_uri: str | None = None
    older_uri: str | None = None
    first_uri: str = ""


@dataclasses.dataclass(frozen=True)
class Blog:
    """Everything the generated pages and headers need, looked up by key."""

    posts: tuple[Post, ...]
    """Published posts, newest first."""
    tags: tuple[Tag, ...]
    """Every tag of a published post, sorted by name."""
    tag_by_key: Mapping[str, Tag]
    posts_by_tag: Mapping[str, tuple[Post, ...]]
    """Tag slug -> its posts, newest first."""
    listings: tuple[ListingPage, ...]
    layout: Layout
    collisions: tuple[Collision, ...] = ()

    @property
    def tags_index_uri(self) -> str:
        return self.layout.tags_index_uri()

    @property
    def index_uri(self) -> str:
        return self.layout.index_uri()

    tags_by_post: Mapping[str, tuple[Tag, ...]] = dataclasses.field(default_factory=dict)
    """Post src_uri -> its blog-wide tags (its spellings mapped to the canonical one)."""

    def tags_of(self, post: Post) -> tuple[Tag, ...]:
        """The blog-wide tags of a published post (its spellings mapped to the canonical one)."""
        return self.tags_by_post[post.src_uri]


def sort_posts(posts: Iterable[Post]) -> list[Post]:
    """Newest first; same instant by title then path; undated posts last."""
    epoch = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
    by_name = sorted(posts, key=lambda p: (p.title.casefold(), p.title, p.src_uri))
    return sorted(by_name, key=lambda p: (p.date is None, -(((p.date or epoch) - epoch).total_seconds())))


def paginate(items: Sequence[Post], per_page: int) -> list[tuple[Post, ...]]:
    """Split into pages of ``per_page`` (0 means one page); an empty listing is one empty page."""
    if per_page <= 0 or len(items) <= per_page:
        return [tuple(items)]
    return [tuple(items[i : i + per_page]) for i in range(0, len(items), per_page)]


def _listing(
    kind: Literal["index", "tag"],
    posts: Sequence[Post],
    per_page: int,
    uri_of: Callable[[int], str],
    tag: Tag | None = None,
) -> list[ListingPage]:
    pages = paginate(posts, per_page)
    uris = [uri_of(n) for n in range(1, len(pages) + 1)]
    return [
        ListingPage(
            kind=kind,
            src_uri=uris[i],
            number=i + 1,
            count=len(pages),
            posts=chunk,
            tag=tag,
            newer_uri=uris[i - 1] if i > 0 else None,
            older_uri=uris[i + 1] if i + 1 < len(pages) else None,
            first_uri=uris[0],
        )
        for i, chunk in enumerate(pages)
    ]


def _tag_page_uri(layout: Layout, slug: str, number: int) -> str:
    return layout.tag_uri(slug, number)


def build_blog(
    posts: Iterable[Post],
    *,
    layout: Layout | None = None,
    per_page: int = 10,
    tag_per_page: int = 0,
    slug_mode: SlugMode = "transliterate",
    tag_slugs: Mapping[str, str] | None = None,
) -> Blog:
    """Sort the published ``posts``, index their tags and lay out every listing page.

    ``per_page`` paginates the blog index, ``tag_per_page`` each tag's page (0: one page).
    """
    layout = layout or Layout()
    ordered = sort_posts(posts)

    # The display spelling of a tag is its first spelling in publication order.
    spelling: dict[str, str] = {}
    for post in reversed(ordered):
        for name in post.tags:
            spelling.setdefault(tag_key(name), name)
    slugs, collisions = assign_slugs(spelling.values(), mode=slug_mode, explicit=tag_slugs)

    members: dict[str, list[Post]] = {key: [] for key in spelling}
    for post in ordered:
        for name in post.tags:
            members[tag_key(name)].append(post)

    tag_by_key = {key: Tag(name, slugs[name], len(members[key])) for key, name in spelling.items()}
    tags = tuple(sorted(tag_by_key.values(), key=lambda t: (t.key, t.name)))
    posts_by_tag = {tag_by_key[key].slug: tuple(found) for key, found in members.items()}

    listings = _listing("index", ordered, per_page, layout.index_uri)
    for tag in tags:
        listings += _listing(
            "tag",
            posts_by_tag[tag.slug],
            tag_per_page,
            functools.partial(_tag_page_uri, layout, tag.slug),
            tag,
        )
    return Blog(
        posts=tuple(ordered),
        tags=tags,
        tag_by_key=tag_by_key,
        posts_by_tag=posts_by_tag,
        listings=tuple(listings),
        layout=layout,
        collisions=tuple(collisions),
        tags_by_post={p.src_uri: tuple(tag_by_key[tag_key(n)] for n in p.tags) for p in ordered},
    )
