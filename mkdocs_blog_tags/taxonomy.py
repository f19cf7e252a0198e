"""Groupings of posts (tags; later categories, authors): terms with unique, never-empty slugs.

A `Taxonomy` is one grouping: its terms, the posts of each term and the terms of
each post. Listings, feeds, links and meta read any taxonomy the same way, so a
new grouping is a new `TaxonomySpec`, not new listing, feed or meta code.

A term's slug is its URL and the URL of its feeds, so it is a function of the
term alone (and of the explicit ``tag_slugs``), never of which other terms
exist: symbols that other tools drop are always spelled out (``C++`` is
``c-plus-plus``, ``C#`` is ``c-sharp``, ``C`` is ``c``). Two terms that still
give the same slug (``Café`` and ``Cafe``) keep separate pages: the older one
keeps the plain slug, the newer one gets ``-2``, and the caller is told so it can
warn once. Every slug fits in `MAX_SLUG_BYTES` bytes, however long the term.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from slugify import slugify as _slugify

from .collation import sort_key
from .posts import Post

__all__ = [
    "MAX_SLUG_BYTES",
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
    "tag_slug",
]

SlugMode = Literal["transliterate", "unicode"]

RESERVED_SLUGS = ("index", "README")
"""Slugs no term of a grouping laid out as Material does may take: ``category/index.md`` is the overview."""

MAX_SLUG_BYTES = 100
"""The longest slug, in UTF-8 bytes, suffixes included; well under the 255 bytes of a file name."""

# Symbols that slugify would drop, spelled out so that C, C++ and C# stay apart.
# Word separators (. / ' - _ and spaces) are not here: slugify already makes them a "-".
_SYMBOLS = {
    "+": " plus ",
    "#": " sharp ",
    "&": " and ",
    "@": " at ",
    "%": " percent ",
    "$": " dollar ",
    "€": " euro ",
    "=": " equals ",
    "<": " lt ",
    ">": " gt ",
    "*": " star ",
}
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in _SYMBOLS))
_HASH_LEN = 8


@dataclasses.dataclass(frozen=True)
class Term:
    """A term of a grouping (a tag) as the blog shows it: display name, URL slug, number of posts."""

    name: str
    slug: str
    count: int = 0
    value: str = ""
    """The term as posts write it, when that is not its name (an author's id, an archive's date)."""

    @property
    def key(self) -> str:
        return tag_key(self.value or self.name)


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
    """A URL-safe slug; never empty (a short hash of the text when nothing else is left).

    Not length-capped and symbols are dropped: a tag's slug is `tag_slug`.
    """
    text = unicodedata.normalize("NFC", text)
    slug: str = _slugify(text, allow_unicode=mode == "unicode")
    if not slug and mode == "unicode":
        slug = _slugify(text)
    if not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:_HASH_LEN]
        slug = f"tag-{digest}"
    return slug


def _spelled(name: str, mode: SlugMode) -> str:
    """`slugify` after spelling out the symbols it would drop; not capped."""
    return slugify(_SYMBOL_RE.sub(lambda m: _SYMBOLS[m.group(0)], name), mode)


def _fit(slug: str, key: str, suffix: str = "") -> str:
    """``slug + suffix`` if it fits in `MAX_SLUG_BYTES`; else a prefix, ``-``, a hash of ``key``, the suffix.

    The prefix ends at the last ``-`` that leaves room for ``-<hash><suffix>``
    (at a character boundary when there is none), so two long slugs sharing
    their first 100 bytes still differ, and the same tag always gets the same slug.
    """
    if len(slug.encode("utf-8")) + len(suffix) <= MAX_SLUG_BYTES:
        return slug + suffix
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:_HASH_LEN]
    room = MAX_SLUG_BYTES - len(suffix) - 1 - _HASH_LEN
    data = slug.encode("utf-8")
    cut = data.rfind(b"-", 0, room + 1)
    prefix = data[:cut] if cut > 0 else data[:room]
    text = prefix.decode("utf-8", "ignore").strip("-")
    return f"{text}-{digest}{suffix}" if text else f"tag-{digest}{suffix}"


def tag_slug(name: str, mode: SlugMode = "transliterate") -> str:
    """The natural slug of a tag: symbols spelled out, capped; a function of ``name`` alone.

    ``C`` is ``c``, ``C++`` is ``c-plus-plus``, ``C#`` is ``c-sharp``, ``Q&A`` is
    ``q-and-a``; separators stay separators (``Node.js`` is ``node-js``). Two
    tags may share a natural slug (``Café``, ``Cafe``): `assign_slugs` parts them.
    """
    return _fit(_spelled(name, mode), tag_key(name))


@dataclasses.dataclass
class _Claim:
    name: str
    key: str
    raw: str
    """The slug wanted, before capping (the suffix cuts it again to make room)."""
    base: str = ""
    slug: str = ""


def _claim(claim: _Claim, taken: set[str]) -> None:
    claim.base = _fit(claim.raw, claim.key)
    candidate, number = claim.base, 1
    while candidate in taken:
        number += 1
        candidate = _fit(claim.raw, claim.key, f"-{number}")
    claim.slug = candidate
    taken.add(candidate)


def assign_slugs(
    names: Iterable[str],
    *,
    mode: SlugMode = "transliterate",
    explicit: Mapping[str, str] | None = None,
    natural: Callable[[str], str] | None = None,
    unavailable: Iterable[str] = (),
) -> tuple[dict[str, str], list[Collision]]:
    """Give every tag name a unique slug; return ``{name: slug}`` and the collisions resolved.

    ``names`` come in age order, oldest first (the tag whose first post is the
    oldest comes first): the order decides who keeps a shared slug, so a newer
    tag never moves an older tag's page or feed.

    Explicit slugs (keys matched case-insensitively) win: each is reserved,
    whether or not its tag is among ``names``, in the order of ``explicit``
    (a later one equal to an earlier one gets ``-2``). Then every tag, oldest
    first, takes its natural `tag_slug` if it is free, else the first free of
    ``-2``, ``-3``... So a tag's slug depends only on itself, ``explicit`` and
    older tags. Each slug shared by several tags gives one `Collision`, its
    pairs in that same order (explicit slugs first). ``natural`` replaces
    `tag_slug`'s rule for the natural slug (categories keep Material's slugs);
    an empty natural slug falls back to `tag_slug`'s. No term gets a slug of
    ``unavailable`` (``index``, where it would be the grouping's overview page).
    """
    ordered = list(dict.fromkeys(names))
    present = {tag_key(n): n for n in reversed(ordered)}  # the oldest name of each key
    wanted = {tag_key(k): (k, v) for k, v in (explicit or {}).items()}

    taken: set[str] = set(unavailable)
    claims: list[_Claim] = []
    reserved: dict[str, _Claim] = {}
    for key, (written, value) in wanted.items():
        claim = _Claim(present.get(key, written), key, slugify(value, "unicode"))
        _claim(claim, taken)
        claims.append(claim)
        reserved[key] = claim

    result: dict[str, str] = {}
    for name in ordered:
        key = tag_key(name)
        if key in reserved and reserved[key].name == name:
            result[name] = reserved[key].slug
            continue
        if key in reserved:
            raw = reserved[key].raw
        else:
            raw = (natural(name) if natural is not None else "") or _spelled(name, mode)
        claim = _Claim(name, key, raw)
        _claim(claim, taken)
        claims.append(claim)
        result[name] = claim.slug

    # A collision for every slug some tag wanted and did not get: who wanted it, who holds it.
    contested = sorted({c.base for c in claims if c.slug != c.base})
    collisions = [
        Collision(slug, tuple((c.name, c.slug) for c in claims if slug in (c.base, c.slug)))
        for slug in contested
    ]
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
    path_format: str | None = None
    """Material's ``*_url_format`` (``category/{slug}``): a term's page is ``blog/category/<slug>.md``,
    as Material writes it. ``None``: ``blog/<folder>/<slug>/index.md`` (tags)."""
    natural_slug: Callable[[str], str] | None = None
    """The slug of a term before collisions (see `assign_slugs`); ``None``: `tag_slug`."""
    label: Callable[[str, Sequence[Post]], str] | None = None
    """The name shown for a raw term, given its posts (an author's name for an id, a year for an
    archive); ``None``: the term itself."""
    order: Literal["name", "newest", "count", "fewest"] = "name"
    """Terms sorted by name, by their newest post (archives), by number of posts, most (``count``) or
    fewest (``fewest``, Material's ``view_post_count``) first; ``reverse`` turns any of them round."""
    reverse: bool = False
    pinned_first: bool = True
    """Pinned posts lead the term's pages, as on Material's views (feeds stay by date)."""
    slug_option: str = "the 'tag_slugs' option"
    """Where explicit slugs are set, as the collision warning says it."""
    explicit_slugs: Mapping[str, str] = dataclasses.field(default_factory=dict)
    per_page: int = 0
    """Posts per term page; 0: one page per term."""
    feeds: bool = True
    """Per-term feeds (in the formats the site writes)."""
    title_key: str = "tag_title"
    """Strings key of a term page's title; formatted with ``tag=<name>``."""
    overview_title: str | None = None
    """The overview's title as set by the user (Material's ``categories_name``), else the strings'."""
    description_key: str = "tag_description"
    """Strings key (plural, ``_one``/``_other``) of a term page's description."""
    overview_title_key: str = "tags_title"
    overview_description_key: str = "tags_description"


@dataclasses.dataclass(frozen=True)
class Taxonomy:
    """One grouping of the published posts, looked up by key, never scanned per page."""

    spec: TaxonomySpec
    terms: tuple[Term, ...]
    """Every term of a published post, in the spec's order (by name: as the locale collates names)."""
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


def build_taxonomy(
    spec: TaxonomySpec,
    ordered: Sequence[Post],
    *,
    mode: SlugMode,
    extra: Sequence[str] = (),
    locale: str = "",
) -> Taxonomy:
    """Index the terms of ``ordered`` (published posts, newest first) and give each a unique slug.

    ``extra`` are terms of other pages (tags of docs pages): they get slugs after every post's
    term, so a page never moves a post's tag, and a term of pages alone has no posts. Names sort
    as ``locale`` (the site's, a Babel id) collates them; ``""`` is Unicode's root order.
    """
    # The display spelling of a term is its first spelling in publication order, and
    # ``spelling`` lists the terms oldest first (by their first post): the age order
    # `assign_slugs` needs so that a newer term never takes an older term's slug.
    spelling: dict[str, str] = {}
    for post in reversed(ordered):
        for name in spec.values(post):
            spelling.setdefault(tag_key(name), name)
    for name in sorted(extra, key=lambda n: (tag_key(n), n)):
        spelling.setdefault(tag_key(name), name)
    slugs, collisions = assign_slugs(
        spelling.values(),
        mode=mode,
        explicit=spec.explicit_slugs,
        natural=spec.natural_slug,
        unavailable=RESERVED_SLUGS if spec.path_format is not None else (),
    )

    members: dict[str, list[Post]] = {key: [] for key in spelling}
    for post in ordered:
        for name in spec.values(post):
            members[tag_key(name)].append(post)

    label = spec.label
    term_by_key = {
        key: Term(label(name, members[key]), slugs[name], len(members[key]), name)
        if label
        else Term(name, slugs[name], len(members[key]))
        for key, name in spelling.items()
    }
    return Taxonomy(
        spec=spec,
        terms=_sorted_terms(spec, term_by_key, members, locale),
        term_by_key=term_by_key,
        posts_by_slug={term_by_key[key].slug: tuple(found) for key, found in members.items()},
        terms_by_post={p.src_uri: tuple(term_by_key[tag_key(n)] for n in spec.values(p)) for p in ordered},
        collisions=tuple(collisions),
    )


def _sorted_terms(
    spec: TaxonomySpec,
    term_by_key: Mapping[str, Term],
    members: Mapping[str, Sequence[Post]],
    locale: str = "",
) -> tuple[Term, ...]:
    """The terms in the spec's order; ties by name, whichever way (Python's sort is stable, as Material's).

    By name is as a reader of ``locale`` expects (`collation`: ``Éthique`` before ``Ingénierie``
    in French, ``Ärlig`` after ``Zebra`` in Swedish); names that collate equal by their key.
    """
    collate = sort_key(locale)
    terms = sorted(term_by_key.values(), key=lambda t: (collate(t.name), t.key))
    if spec.order == "name":
        return tuple(reversed(terms)) if spec.reverse else tuple(terms)
    if spec.order == "newest":
        newest = {key: max((p.date for p in found if p.date), default=None) for key, found in members.items()}
        epoch = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
        return tuple(sorted(terms, key=lambda t: newest[t.key] or epoch, reverse=not spec.reverse))
    most_first = (spec.order == "count") != spec.reverse
    return tuple(sorted(terms, key=lambda t: t.count, reverse=most_first))
