"""The `Blog` model: sorted posts, their groupings, and the listing pages to generate.

Built once per build from plain `Post`s; every later step (pages, headers,
feeds) reads it through dictionaries, never by scanning lists per page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence

from .authors import Author
from .layout import Layout
from .posts import Post
from .taxonomy import Collision, SlugMode, Tag, Taxonomy, TaxonomySpec, Term, build_taxonomy, tag_key

__all__ = ["Blog", "Layout", "ListingPage", "build_blog", "paginate", "sort_posts", "tags_spec"]


@dataclasses.dataclass(frozen=True)
class ListingPage:
    """One page of a listing (the blog index or one term of a grouping), with its neighbours."""

    kind: str
    """``index``, or the kind of the grouping (``tag``)."""
    src_uri: str
    number: int
    count: int
    posts: tuple[Post, ...]
    term: Term | None = None
    taxonomy: str | None = None
    """Name of the grouping of ``term`` (``tags``)."""
    newer_uri: str | None = None
    older_uri: str | None = None
    first_uri: str = ""

    @property
    def tag(self) -> Tag | None:
        """The term, on a page of the ``tags`` grouping."""
        return self.term if self.taxonomy == "tags" else None


@dataclasses.dataclass(frozen=True)
class Blog:
    """Everything the generated pages and headers need, looked up by key."""

    posts: tuple[Post, ...]
    """Published posts, newest first."""
    taxonomies: Mapping[str, Taxonomy]
    """Groupings by name (``tags``), in the order their pages are laid out."""
    listings: tuple[ListingPage, ...]
    layout: Layout
    moved: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """Where a generated page went because a user's file is published at its natural path."""
    people: Mapping[str, Author] = dataclasses.field(default_factory=dict)
    """The authors file: id -> author."""
    tagged_pages: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    """Tag slug -> src_uris of the pages outside the blog with that tag (``page_tags``), in path order."""
    credits: Mapping[str, tuple[Author, ...]] = dataclasses.field(default_factory=dict)
    """Post src_uri -> its authors as the authors file names them (empty when authors are off)."""

    def authors_of(self, post: Post) -> tuple[Author, ...]:
        return self.credits.get(post.src_uri, ())

    @property
    def index_uri(self) -> str:
        uri = self.layout.index_uri()
        return self.moved.get(uri, uri)

    def page_uris(self) -> list[str]:
        """src_uris of every generated page: the listings, then each grouping's overview."""
        return [*(listing.src_uri for listing in self.listings), *self.overviews()]

    def overviews(self) -> dict[str, str]:
        """src_uri -> name of each grouping that has an overview page: one with a folder of its own,
        and terms (the tags overview is always there, as it always was)."""
        return {
            self.overview_uri(name): name
            for name, t in self.taxonomies.items()
            if t.spec.folder and (t.terms or name == "tags")
        }

    def overview_uri(self, taxonomy: str) -> str:
        uri = self.layout.overview_uri(self.taxonomies[taxonomy].spec.folder)
        return self.moved.get(uri, uri)

    def term_uri(self, taxonomy: str, slug: str) -> str:
        uri = term_page_uri(self.layout, self.taxonomies[taxonomy].spec, slug, 1)
        return self.moved.get(uri, uri)

    # The tags grouping, by the names the templates and tests have always used.
    @property
    def tags(self) -> tuple[Tag, ...]:
        return self.taxonomies["tags"].terms

    @property
    def tag_by_key(self) -> Mapping[str, Tag]:
        return self.taxonomies["tags"].term_by_key

    @property
    def posts_by_tag(self) -> Mapping[str, tuple[Post, ...]]:
        return self.taxonomies["tags"].posts_by_slug

    @property
    def collisions(self) -> tuple[Collision, ...]:
        return self.taxonomies["tags"].collisions

    @property
    def tags_index_uri(self) -> str:
        return self.overview_uri("tags")

    def tags_of(self, post: Post) -> tuple[Tag, ...]:
        """The blog-wide tags of a published post (its spellings mapped to the canonical one)."""
        return self.taxonomies["tags"].terms_by_post[post.src_uri]


def sort_posts(posts: Iterable[Post]) -> list[Post]:
    """Newest first; same instant by title then path; undated posts last."""
    epoch = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
    by_name = sorted(posts, key=lambda p: (p.title.casefold(), p.title, p.src_uri))
    return sorted(by_name, key=lambda p: (p.date is None, -(((p.date or epoch) - epoch).total_seconds())))


def pinned_first(posts: Sequence[Post]) -> Sequence[Post]:
    """Pinned posts (Material's ``pin``) first, each part newest first."""
    if not any(p.pin for p in posts):
        return posts
    return [p for p in posts if p.pin] + [p for p in posts if not p.pin]


def paginate(items: Sequence[Post], per_page: int) -> list[tuple[Post, ...]]:
    """Split into pages of ``per_page`` (0 means one page); an empty listing is one empty page."""
    if per_page <= 0 or len(items) <= per_page:
        return [tuple(items)]
    return [tuple(items[i : i + per_page]) for i in range(0, len(items), per_page)]


def _listing(
    kind: str,
    posts: Sequence[Post],
    per_page: int,
    uri_of: Callable[[int], str],
    term: Term | None = None,
    taxonomy: str | None = None,
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
            term=term,
            taxonomy=taxonomy,
            newer_uri=uris[i - 1] if i > 0 else None,
            older_uri=uris[i + 1] if i + 1 < len(pages) else None,
            first_uri=uris[0],
        )
        for i, chunk in enumerate(pages)
    ]


def term_page_uri(layout: Layout, spec: TaxonomySpec, slug: str, number: int) -> str:
    """Page ``number`` of a term: Material's layout when the grouping has a URL format, else folders."""
    if spec.path_format is not None:
        return layout.view_uri(spec.path_format, slug, number)
    return layout.term_uri(spec.folder, slug, number)


def _post_tags(post: Post) -> tuple[str, ...]:
    return post.tags


def tags_spec(
    folder: str = "tags",
    *,
    explicit_slugs: Mapping[str, str] | None = None,
    per_page: int = 0,
    feeds: bool = True,
) -> TaxonomySpec:
    """The ``tags`` grouping: a post's ``tags``, pages under ``blog/<folder>/``."""
    return TaxonomySpec(
        name="tags",
        kind="tag",
        folder=folder,
        values=_post_tags,
        pinned_first=False,
        explicit_slugs=dict(explicit_slugs or {}),
        per_page=per_page,
        feeds=feeds,
    )


def build_blog(
    posts: Iterable[Post],
    *,
    layout: Layout | None = None,
    per_page: int = 10,
    tag_per_page: int = 0,
    slug_mode: SlugMode = "transliterate",
    tag_slugs: Mapping[str, str] | None = None,
    taxonomies: Sequence[TaxonomySpec] | None = None,
    page_tags: Mapping[str, Sequence[str]] | None = None,
    locale: str = "",
) -> Blog:
    """Sort the published ``posts``, index their groupings and lay out every listing page.

    ``per_page`` paginates the blog index. ``taxonomies`` defaults to the tags
    alone, built from ``tag_per_page`` (0: one page per tag) and ``tag_slugs``.
    ``page_tags`` (src_uri -> tags) are the tagged pages outside the blog.
    ``locale`` (the site's, ``Settings.locale``) collates the terms' names; ``""``: Unicode's root order.
    """
    layout = layout or Layout()
    ordered = sort_posts(posts)
    if taxonomies is None:
        taxonomies = [tags_spec(layout.tags_dir, explicit_slugs=tag_slugs, per_page=tag_per_page)]
    page_tags = page_tags or {}
    extra = [name for names in page_tags.values() for name in names]
    built = {
        spec.name: build_taxonomy(
            spec, ordered, mode=slug_mode, extra=extra if spec.name == "tags" else (), locale=locale
        )
        for spec in taxonomies
    }
    tagged: dict[str, list[str]] = {}
    if page_tags and "tags" in built:
        for uri in sorted(page_tags):
            for name in page_tags[uri]:
                tagged.setdefault(built["tags"].term_by_key[tag_key(name)].slug, []).append(uri)

    listings = _listing("index", pinned_first(ordered), per_page, layout.index_uri)
    for taxonomy in built.values():
        spec = taxonomy.spec
        for term in taxonomy.terms:
            posts = taxonomy.posts_by_slug[term.slug]
            listings += _listing(
                spec.kind,
                pinned_first(posts) if spec.pinned_first else posts,
                spec.per_page,
                functools.partial(term_page_uri, layout, spec, term.slug),
                term,
                spec.name,
            )
    return Blog(
        posts=tuple(ordered),
        taxonomies=built,
        listings=tuple(listings),
        layout=layout,
        tagged_pages={slug: tuple(uris) for slug, uris in tagged.items()},
    )
