"""Groupings of posts (tags; later categories, authors): terms with unique, never-empty slugs.

A `Taxonomy` is one grouping: its terms, the posts of each term and the terms of
each post. Listings, feeds, links and meta read any taxonomy the same way, so a
new grouping is a new `TaxonomySpec`, not new listing, feed or meta code.

Every other tool slugifies ``C++``, ``C#`` and ``C`` to the same ``c`` and merges
their pages. Here a collision is detected, each colliding tag gets a distinct
slug (symbols spelled out first: ``c-plus-plus``, ``c-sharp``; a numeric suffix
only when that is not enough), and the caller is told so it can warn once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from slugify import slugify as _slugify

from .posts import Post

__all__ = [
    "Collision",
    "SlugMode",
    "Tag",
    "Taxonomy",
    "TaxonomySpec",
    "Term",
    "assign_slugs",
    "build_taxonomy",
    "slugify",
    "tag_key",
]

SlugMode = Literal["transliterate", "unicode"]

_SYMBOLS = {
    "+": " plus ",
    "#": " sharp ",
    "&": " and ",
    "@": " at ",
    ".": " dot ",
    "*": " star ",
    "/": " slash ",
    "%": " percent ",
    "$": " dollar ",
    "€": " euro ",
    "=": " equals ",
    "<": " lt ",
    ">": " gt ",
    "'": " ",
}
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in _SYMBOLS))


@dataclasses.dataclass(frozen=True)
class Term:
    """A term of a grouping (a tag) as the blog shows it: display name, URL slug, number of posts."""

    name: str
    slug: str
    count: int = 0

    @property
    def key(self) -> str:
        return tag_key(self.name)


@dataclasses.dataclass(frozen=True)
class Collision:
    """Tags whose natural slug is the same, and the slugs they were given instead."""

    slug: str
    assigned: tuple[tuple[str, str], ...]
    """``(tag name, slug)`` pairs, in a stable order."""


Tag = Term
"""A term of the ``tags`` taxonomy."""


def tag_key(name: str) -> str:
    """The identity of a tag: NFC-normalised and case-folded (``Python`` is ``python``)."""
    return unicodedata.normalize("NFC", name).casefold()


def slugify(text: str, mode: SlugMode = "transliterate") -> str:
    """A URL-safe slug; never empty (a short hash of the text when nothing else is left)."""
    text = unicodedata.normalize("NFC", text)
    slug: str = _slugify(text, allow_unicode=mode == "unicode")
    if not slug and mode == "unicode":
        slug = _slugify(text)
    if not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"tag-{digest}"
    return slug


def _spelled(name: str, mode: SlugMode) -> str:
    return slugify(_SYMBOL_RE.sub(lambda m: _SYMBOLS[m.group(0)], name), mode)


def assign_slugs(
    names: Iterable[str],
    *,
    mode: SlugMode = "transliterate",
    explicit: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], list[Collision]]:
    """Give every tag name a unique slug; return ``{name: slug}`` and the collisions resolved.

    Explicit slugs (keys matched case-insensitively) are taken as given. A tag
    whose natural slug nobody else has keeps it. Colliding tags, in sorted
    order, take their natural slug if spelling out symbols does not change it
    (``C`` keeps ``c``), else the spelled-out slug, then ``-2``, ``-3``... until free.
    """
    wanted = {tag_key(k): slugify(v, "unicode") for k, v in (explicit or {}).items()}
    ordered = sorted(dict.fromkeys(names), key=lambda n: (tag_key(n), n))
    natural = {n: wanted.get(tag_key(n)) or slugify(n, mode) for n in ordered}
    by_slug: dict[str, list[str]] = {}
    for name in ordered:
        by_slug.setdefault(natural[name], []).append(name)

    result: dict[str, str] = {}
    taken: set[str] = set()
    for name in ordered:
        unique = len(by_slug[natural[name]]) == 1
        if (unique or tag_key(name) in wanted) and natural[name] not in taken:
            result[name] = natural[name]
            taken.add(natural[name])

    collisions: list[Collision] = []
    for slug, group in sorted(by_slug.items()):
        pending = [n for n in group if n not in result]
        if not pending:
            continue
        for name in pending:
            spelled = _spelled(name, mode) if tag_key(name) not in wanted else slug
            candidate, number = spelled, 1
            while candidate in taken:
                number += 1
                candidate = f"{spelled}-{number}"
            result[name] = candidate
            taken.add(candidate)
        collisions.append(Collision(slug, tuple((n, result[n]) for n in group)))
    return result, collisions


@dataclasses.dataclass(frozen=True)
class TaxonomySpec:
    """How one grouping is configured: which post field it reads, where its pages go, its words."""

    name: str
    """Plural name, also the key of `Blog.taxonomies` (``tags``)."""
    kind: str
    """A listing page of one term has this kind (``tag``); templates test ``listing.kind``."""
    folder: str
    """Folder under blog_dir of the overview and the term pages."""
    values: Callable[[Post], Sequence[str]]
    """The post's raw terms (``Post.tags``)."""
    slug_option: str = "tag_slugs"
    """The option that names explicit slugs (quoted by the collision warning)."""
    explicit_slugs: Mapping[str, str] = dataclasses.field(default_factory=dict)
    per_page: int = 0
    """Posts per term page; 0: one page per term."""
    feeds: bool = True
    """Per-term feeds (in the formats the site writes)."""
    title_key: str = "tag_title"
    """Strings key of a term page's title; formatted with ``tag=<name>``."""
    description_key: str = "tag_description"
    """Strings key (plural, ``_one``/``_other``) of a term page's description."""
    overview_title_key: str = "tags_title"
    overview_description_key: str = "tags_description"


@dataclasses.dataclass(frozen=True)
class Taxonomy:
    """One grouping of the published posts, looked up by key, never scanned per page."""

    spec: TaxonomySpec
    terms: tuple[Term, ...]
    """Every term of a published post, sorted by key then name."""
    term_by_key: Mapping[str, Term]
    posts_by_slug: Mapping[str, tuple[Post, ...]]
    """Term slug -> its posts, newest first."""
    terms_by_post: Mapping[str, tuple[Term, ...]]
    """Post src_uri -> its terms (its spellings mapped to the blog-wide one)."""
    collisions: tuple[Collision, ...] = ()

    @property
    def name(self) -> str:
        return self.spec.name

    def terms_of(self, post: Post) -> tuple[Term, ...]:
        return self.terms_by_post[post.src_uri]


def build_taxonomy(spec: TaxonomySpec, ordered: Sequence[Post], *, mode: SlugMode) -> Taxonomy:
    """Index the terms of ``ordered`` (published posts, newest first) and give each a unique slug."""
    # The display spelling of a term is its first spelling in publication order.
    spelling: dict[str, str] = {}
    for post in reversed(ordered):
        for name in spec.values(post):
            spelling.setdefault(tag_key(name), name)
    slugs, collisions = assign_slugs(spelling.values(), mode=mode, explicit=spec.explicit_slugs)

    members: dict[str, list[Post]] = {key: [] for key in spelling}
    for post in ordered:
        for name in spec.values(post):
            members[tag_key(name)].append(post)

    term_by_key = {key: Term(name, slugs[name], len(members[key])) for key, name in spelling.items()}
    return Taxonomy(
        spec=spec,
        terms=tuple(sorted(term_by_key.values(), key=lambda t: (t.key, t.name))),
        term_by_key=term_by_key,
        posts_by_slug={term_by_key[key].slug: tuple(found) for key, found in members.items()},
        terms_by_post={p.src_uri: tuple(term_by_key[tag_key(n)] for n in spec.values(p)) for p in ordered},
        collisions=tuple(collisions),
    )
