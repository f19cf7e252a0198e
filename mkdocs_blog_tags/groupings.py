"""Categories, archives and authors: the groupings Material's blog has besides tags, as `TaxonomySpec`s.

Each is a `TaxonomySpec`, so its pages, pagination, feeds, links and meta are
the tags' code. What differs is said here: which post field a grouping reads,
how a term is named and slugged, and where its pages go. Paths follow
Material's ``*_url_format`` options (``blog/category/<slug>.md``), so a
migrated blog keeps every category, archive and author URL.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from typing import Literal, TypedDict

from .authors import Author, resolve_authors
from .config import Groupings, Settings
from .permalinks import cldr_date, material_slug
from .posts import Post, Problem
from .taxonomy import TaxonomySpec, tag_key
from .values import closest

__all__ = [
    "archive_spec",
    "authors_spec",
    "categories_spec",
    "credited",
    "grouping_problems",
    "grouping_specs",
    "overview_folder",
]


_ORDERS: dict[str, Literal["name", "count", "fewest"]] = {
    "name": "name",
    "count": "count",
    "fewest": "fewest",
}


def overview_folder(path_format: str) -> str:
    """The folder of a grouping's overview: the path of its pages before the first placeholder.

    ``category/{slug}`` -> ``category``; ``{slug}`` -> ``""`` (no overview: it would be the blog index).
    """
    return path_format.split("{", 1)[0].strip("/")


class _Words(TypedDict):
    title_key: str
    description_key: str
    overview_title_key: str
    overview_description_key: str


def _words(kind: str, plural: str) -> _Words:
    """The strings keys of a grouping's page titles and descriptions (``category_title``...)."""
    return _Words(
        title_key=f"{kind}_title",
        description_key=f"{kind}_description",
        overview_title_key=f"{plural}_title",
        overview_description_key=f"{plural}_description",
    )


def _categories(post: Post) -> Sequence[str]:
    return post.categories


def _authors(post: Post) -> Sequence[str]:
    return post.authors


def categories_spec(groupings: Groupings) -> TaxonomySpec:
    """A post's ``categories``: Material's slugs (``Slow Living`` -> ``slow-living``, ``Thé`` -> ``thé``),
    so a migrated blog keeps its category URLs; with tags' collision and explicit-slug rules."""
    return TaxonomySpec(
        name="categories",
        kind="category",
        folder=overview_folder(groupings.categories_url_format),
        values=_categories,
        path_format=groupings.categories_url_format,
        natural_slug=functools.partial(material_slug, separator=groupings.categories_separator),
        slug_option="the 'category_slugs' option",
        explicit_slugs=dict(groupings.category_slugs),
        per_page=groupings.categories_per_page,
        feeds=groupings.category_feeds,
        order=_ORDERS.get(groupings.categories_sort, "name"),
        reverse=groupings.categories_reverse,
        **_words("category", "categories"),
        overview_title=groupings.categories_title,
    )


@dataclasses.dataclass(frozen=True)
class _ArchiveDates:
    """A post's archive (``2024``, ``2024/05``) and an archive's name, in the site's language."""

    url_format: str
    name_format: str
    locale: str

    def values(self, post: Post) -> Sequence[str]:
        return (cldr_date(post.date, self.url_format, self.locale),) if post.date else ()

    def label(self, _value: str, posts: Sequence[Post]) -> str:
        date = posts[0].date
        assert date is not None  # an undated post is in no archive
        return cldr_date(date, self.name_format, self.locale)


def archive_spec(groupings: Groupings, locale: str) -> TaxonomySpec:
    """A page per year (``archive_url_date_format``), newest first; undated posts are in none."""
    dates = _ArchiveDates(groupings.archive_url_date_format, groupings.archive_date_format, locale)
    return TaxonomySpec(
        name="archive",
        kind="archive",
        folder=overview_folder(groupings.archive_url_format),
        values=dates.values,
        path_format=groupings.archive_url_format.replace("{date}", "{slug}"),
        natural_slug=str,
        slug_option="'archive_url_date_format'",
        per_page=groupings.archive_per_page,
        feeds=False,
        label=dates.label,
        order="newest",
        **_words("archive", "archives"),
        overview_title=groupings.archive_title,
    )


@dataclasses.dataclass(frozen=True)
class _People:
    people: Mapping[str, Author]
    by_name: bool
    """The profile URL format has ``{name}`` rather than ``{slug}``."""

    def label(self, value: str, _posts: Sequence[Post]) -> str:
        author = self.people.get(value)
        return author.name if author is not None else value

    def slug(self, value: str) -> str:
        """Material's: the author's ``slug``, else the id (or the name, for ``{name}`` formats).

        One that would leave the authors' folder (``../x``, ``a/b``, ``.hidden``) is slugified instead.
        """
        author = self.people.get(value)
        raw = value if author is None else author.name if self.by_name else author.slug or author.id
        if "/" in raw or "\\" in raw or raw.startswith("."):
            return material_slug(raw)
        return raw


def authors_spec(groupings: Groupings, people: Mapping[str, Author]) -> TaxonomySpec:
    """A page per author (``authors_profiles``), named by the authors file, at ``author/<slug>``."""
    fmt = groupings.authors_url_format
    by_name = "{slug}" not in fmt
    found = _People(people, by_name)
    return TaxonomySpec(
        name="authors",
        kind="author",
        folder=overview_folder(fmt),
        values=_authors,
        path_format=fmt.replace("{name}", "{slug}") if by_name else fmt,
        natural_slug=found.slug,
        slug_option="each author's 'slug' in the authors file",
        per_page=groupings.authors_per_page,
        feeds=False,
        label=found.label,
        **_words("author", "authors"),
        overview_title=groupings.authors_title,
    )


def grouping_specs(settings: Settings, people: Mapping[str, Author]) -> list[TaxonomySpec]:
    """The groupings besides tags that this build lays out, in the order of their pages."""
    groupings = settings.groupings
    specs: list[TaxonomySpec] = []
    if groupings.categories:
        specs.append(categories_spec(groupings))
    if groupings.archive:
        specs.append(archive_spec(groupings, settings.locale))
    if groupings.authors and groupings.authors_profiles:
        specs.append(authors_spec(groupings, people))
    return specs


def credited(post: Post, people: Mapping[str, Author] | None) -> tuple[Author, ...]:
    """The authors of a post, as the authors file names them (plain names without a file)."""
    return resolve_authors(post.authors, people, post.src_uri)[0]


def grouping_problems(
    settings: Settings, posts: Sequence[Post], people: Mapping[str, Author] | None
) -> list[Problem]:
    """Categories outside ``categories_allowed`` and author ids the authors file lacks, per post."""
    groupings = settings.groupings
    problems: list[Problem] = []
    allowed = {tag_key(name): name for name in groupings.categories_allowed}
    for post in posts:
        if groupings.categories and allowed:
            for name in post.categories:
                if tag_key(name) in allowed:
                    continue
                hint = closest(name, allowed.values(), key=tag_key, listed="allowed")
                problems.append(
                    Problem(
                        post.src_uri,
                        "categories",
                        f"{name!r} is not in 'categories_allowed' ({hint}); the post is still published and "
                        f"listed under it. Add it to 'categories_allowed', or fix the post",
                    )
                )
        if groupings.authors and people is not None:
            problems += resolve_authors(post.authors, people, post.src_uri)[1]
    return problems
