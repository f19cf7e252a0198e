"""Markers in any page: posts, tags and the archive wherever the author writes an HTML comment.

``<!-- blog-tags:posts {limit: 3, tags: [News], layout: list} -->`` lists the
newest posts, ``<!-- blog-tags:tags -->`` every tag with its count,
``<!-- blog-tags:archive -->`` the archive's years; Material's
``<!-- material/tags {include: [a], exclude: [b]} -->`` is read as the tags
marker. Options are a YAML flow mapping.

The markers are found in the page's rendered HTML: Python-Markdown keeps an
HTML comment as it is, while one written in a code block or inline code is
escaped (``&lt;!--``) and is therefore never expanded. Each marker is rendered
from the listings' templates with site-relative URLs (a post's entry is the
one the listings render, rendered once per build), then rebased to its page
with `prefix_links`. A marker that cannot be honoured (a bad option, a tag no
post has) is a `Problem` and shows nothing: never a crash, never raw text.
"""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import yaml

from .excerpts import prefix_links
from .posts import Post, Problem, load_yaml
from .taxonomy import Taxonomy, Term, tag_key
from .values import clean_text, closest
from .views import View

if TYPE_CHECKING:
    from .plan import Plan
    from .render import Renderer
    from .views import Views

__all__ = [
    "ArchiveOptions",
    "Marker",
    "MarkerError",
    "PostsOptions",
    "TagsOptions",
    "expand",
    "find_markers",
    "parse_options",
    "select_posts",
    "select_tags",
]

Layout = Literal["cards", "list", "titles"]
MATERIAL = "material/tags"
"""Material's tags plugin's marker (its ``listings_directive`` default)."""
KINDS = ("posts", "tags", "archive")

# ``blog-tags:<name>`` right after the comment's opening (no space: the plugin's own
# ``<!-- blog-tags: post header -->`` slots are not markers), or Material's directive as its
# listing manager finds it (``<!--\s*?material/tags(.*?)\s*-->``), then the options.
_MARKER = re.compile(
    r"<!--\s*(?:blog-tags:(?P<name>[A-Za-z]\w*(?:-\w+)*)|(?P<material>material/tags)(?![\w/]))"
    r"(?P<args>.*?)-->",
    re.DOTALL,
)
_SPACES = re.compile(r"\s+")
_P_OPEN = re.compile(r"<p(?:\s[^>]*)?>", re.IGNORECASE)
_P_CLOSE = "</p>"


class MarkerError(ValueError):
    """Why a marker cannot be honoured; it then shows nothing."""


@dataclasses.dataclass(frozen=True)
class Marker:
    """One marker found in a page's HTML."""

    kind: str
    """``posts``, ``tags``, ``archive``, ``material/tags``; any other name written is an error."""
    args: str
    """The options as written (a YAML flow mapping, or nothing)."""
    start: int
    end: int
    text: str
    """The whole comment, as written."""

    @property
    def label(self) -> str:
        """The marker as a warning names it: on one line, cut when long."""
        text = _SPACES.sub(" ", self.text)
        return text if len(text) <= 90 else text[:80] + " … -->"


def find_markers(html: str) -> list[Marker]:
    """Every marker of a page's HTML, in order; nothing is searched on a page that has none."""
    if "blog-tags:" not in html and MATERIAL not in html:
        return []
    return [
        Marker(m["name"] or MATERIAL, m["args"], m.start(), m.end(), m.group(0))
        for m in _MARKER.finditer(html)
    ]


# -- options ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class PostsOptions:
    """``<!-- blog-tags:posts {...} -->``: which posts (any of each filter's values, every filter), how."""

    limit: int | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    """Author ids or names."""
    year: int | None = None
    layout: Layout = "cards"
    more: bool = False
    """A link to the full listing: the one term's page with exactly one filter value, else the index."""


@dataclasses.dataclass(frozen=True)
class TagsOptions:
    """``<!-- blog-tags:tags {...} -->`` and Material's ``<!-- material/tags {...} -->``."""

    limit: int | None = None
    sort: Literal["name", "count"] = "name"
    include: tuple[str, ...] = ()
    """Only these tags (Material's ``include``)."""
    exclude: tuple[str, ...] = ()
    """Posts with any of these tags are left out of every count (Material's ``exclude``)."""
    scope: bool = False
    """Only posts in the page's folder or below it (Material's ``scope``)."""


@dataclasses.dataclass(frozen=True)
class ArchiveOptions:
    """``<!-- blog-tags:archive {...} -->``."""

    limit: int | None = None


Options = PostsOptions | TagsOptions | ArchiveOptions

_KEYS: dict[str, tuple[str, ...]] = {
    "posts": ("limit", "tags", "categories", "authors", "year", "layout", "more"),
    "tags": ("limit", "sort", "include", "exclude"),
    "archive": ("limit",),
    # Material's listing options; shadow, layout and toc shape its own rendering and are ignored.
    MATERIAL: ("include", "exclude", "scope", "shadow", "layout", "toc"),
}
_CHOICES: dict[str, tuple[str, ...]] = {"layout": ("cards", "list", "titles"), "sort": ("name", "count")}


def _kind_of(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def _limit(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise MarkerError(f"'limit' must be a whole number of 1 or more, got {value!r}")
    return value


def _names(key: str, value: Any) -> tuple[str, ...]:
    """A name or a list of names (numbers are names too: ``tags: [2024]``)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise MarkerError(f"'{key}' must be a name or a list of names, got {_kind_of(item)}")
        name = clean_text(str(item))
        if not name:
            raise MarkerError(f"'{key}' has an empty name")
        names.append(name)
    if not names:
        raise MarkerError(f"'{key}' is an empty list; name at least one, or remove '{key}'")
    return tuple(dict.fromkeys(names))


def _flag(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise MarkerError(f"'{key}' must be true or false, got {value!r}")
    return value


def _choice(key: str, value: Any) -> str:
    choices = _CHOICES[key]
    if value not in choices:
        raise MarkerError(f"'{key}' must be one of {', '.join(choices)}; got {value!r}")
    return str(value)


def _load(args: str) -> dict[str, Any] | str:
    """The options as written: a mapping, or (Material only) the name of a listing configuration."""
    text = args.strip()
    if not text:
        return {}
    try:
        data = load_yaml(text)
    except yaml.YAMLError as err:
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise MarkerError(
            f"its options are not valid YAML ({reason}); write them as a flow mapping, e.g. "
            "{limit: 3, tags: [News]}"
        ) from None
    if data is None:
        return {}
    if isinstance(data, str):
        return data
    if not isinstance(data, Mapping):
        raise MarkerError(
            f"its options must be a YAML flow mapping such as {{limit: 3}}, got {_kind_of(data)}"
        )
    for key in data:
        if not isinstance(key, str):
            raise MarkerError(f"option names are text; got {key!r}")
    return dict(data)


def parse_options(kind: str, args: str) -> Options:
    """The options of a marker of ``kind``; `MarkerError` says what is wrong with them."""
    if kind not in _KEYS:
        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = (
            f"did you mean 'blog-tags:{close[0]}'?"
            if close
            else "the markers are " + ", ".join(f"'blog-tags:{k}'" for k in KINDS)
        )
        raise MarkerError(f"'blog-tags:{kind}' is not a marker ({hint})")
    data = _load(args)
    if isinstance(data, str):
        if kind == MATERIAL:
            raise MarkerError(
                f"names the listing configuration {data!r} of Material's tags plugin ('listings_map'), "
                "which blog-tags does not read; write its options in the marker, e.g. {include: [News]}"
            )
        raise MarkerError(
            f"its options must be a YAML flow mapping such as {{limit: 3}}, not the text {data!r}"
        )
    allowed = _KEYS[kind]
    unknown = [key for key in data if key not in allowed]
    if unknown:
        hint = closest(unknown[0], allowed, listed="known options")
        raise MarkerError(f"has no option '{unknown[0]}' ({hint})")
    given = {key: value for key, value in data.items() if value is not None}
    limit = _limit(given["limit"]) if "limit" in given else None
    if kind == "posts":
        year = given.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise MarkerError(f"'year' must be a year such as 2024, got {year!r}")
        return PostsOptions(
            limit=limit,
            tags=_names("tags", given["tags"]) if "tags" in given else (),
            categories=_names("categories", given["categories"]) if "categories" in given else (),
            authors=_names("authors", given["authors"]) if "authors" in given else (),
            year=year,
            layout=_choice("layout", given["layout"]) if "layout" in given else "cards",  # type: ignore[arg-type]
            more=_flag("more", given["more"]) if "more" in given else False,
        )
    if kind == "archive":
        return ArchiveOptions(limit=limit)
    if kind == MATERIAL:
        for key in ("shadow", "toc"):
            if key in given:
                _flag(key, given[key])
        if "layout" in given and not isinstance(given["layout"], str):
            raise MarkerError(f"'layout' must be text, got {given['layout']!r}")
    return TagsOptions(
        limit=limit,
        sort=_choice("sort", given["sort"]) if "sort" in given else "name",  # type: ignore[arg-type]
        include=_names("include", given["include"]) if "include" in given else (),
        exclude=_names("exclude", given["exclude"]) if "exclude" in given else (),
        scope=_flag("scope", given["scope"]) if "scope" in given else False,
    )


# -- selection ----------------------------------------------------------------------------------


def _unknown(what: str, name: str, known: Iterable[str], also: Iterable[str] = ()) -> MarkerError:
    """No post has the ``what`` ``name``: the closest of ``known`` or ``also`` (ids), else the known."""
    names = sorted(set(known), key=tag_key)
    hint = closest(name, [*names, *also], key=tag_key, none="no post has one", shown=names)
    return MarkerError(f"no published post has the {what} {name!r} ({hint})")


def _terms(taxonomy: Taxonomy, what: str, names: Sequence[str]) -> list[Term]:
    """The terms named (as the blog matches names: `tag_key`), each an error when no post has it."""
    found = []
    for name in names:
        term = taxonomy.term_by_key.get(tag_key(name))
        if term is None:
            raise _unknown(what, name, (t.name for t in taxonomy.terms))
        found.append(term)
    return found


@dataclasses.dataclass(frozen=True)
class Selection:
    """The posts a posts marker shows, and the listing that shows them all."""

    posts: tuple[Post, ...]
    listing_uri: str
    """src_uri of the full listing: the one filter value's page, else the blog index."""


def select_posts(plan: Plan, options: PostsOptions) -> Selection:
    """The published posts (drafts when shown) that match every filter, newest first, up to ``limit``."""
    blog = plan.blog
    keep: list[Callable[[Post], bool]] = []
    single: list[str] = []  # the listing page of each filter value
    if options.tags:
        tags = blog.taxonomies["tags"]
        terms = _terms(tags, "tag", options.tags)
        keys = {t.key for t in terms}
        keep.append(lambda p: any(t.key in keys for t in tags.terms_by_post[p.src_uri]))
        single += [blog.term_uri("tags", t.slug) for t in terms]
    if options.categories:
        categories = blog.taxonomies.get("categories")
        if categories is None:
            raise MarkerError("filters by 'categories', but categories are off ('categories: false')")
        terms = _terms(categories, "category", options.categories)
        ckeys = {t.key for t in terms}
        keep.append(lambda p: any(t.key in ckeys for t in categories.terms_by_post[p.src_uri]))
        single += [blog.term_uri("categories", t.slug) for t in terms]
    if options.authors:
        ids, pages = _author_ids(plan, options.authors)
        keep.append(lambda p: any(a in ids for a in _post_author_ids(plan, p)))
        single += pages
    if options.year is not None:
        year = options.year
        if not any(p.date is not None and p.date.year == year for p in blog.posts):
            years = sorted({str(p.date.year) for p in blog.posts if p.date}, reverse=True)
            hint = f"posts are from {', '.join(years)}" if years else "no post has a date"
            raise MarkerError(f"no published post is from {year} ({hint})")
        keep.append(lambda p: p.date is not None and p.date.year == year)
        archive = blog.taxonomies.get("archive")
        term = archive.term_by_key.get(str(year)) if archive is not None else None
        single.append(blog.term_uri("archive", term.slug) if term is not None else blog.index_uri)
    posts = [p for p in blog.posts if all(test(p) for test in keep)]
    if options.limit is not None:
        posts = posts[: options.limit]
    listing = single[0] if len(single) == 1 else blog.index_uri
    return Selection(tuple(posts), listing if listing in plan.url_of else blog.index_uri)


def _post_author_ids(plan: Plan, post: Post) -> list[str]:
    credited = plan.blog.authors_of(post)
    return [a.id for a in credited] if credited else [a.strip() for a in post.authors if a.strip()]


def _author_ids(plan: Plan, names: Sequence[str]) -> tuple[set[str], list[str]]:
    """The ids of the authors named by id or by name, and each one's profile page (else the index)."""
    blog = plan.blog
    known: dict[str, str] = {}  # tag_key of an id or a name -> the id
    shown: list[str] = []
    ids_seen: list[str] = []
    for post in blog.posts:
        for author_id in _post_author_ids(plan, post):
            person = blog.people.get(author_id)
            name = person.name if person is not None else author_id
            known.setdefault(tag_key(author_id), author_id)
            known.setdefault(tag_key(name), author_id)
            shown.append(name)
            ids_seen.append(author_id)
    ids: set[str] = set()
    pages: list[str] = []
    profiles = blog.taxonomies.get("authors")
    for wanted in names:
        found = known.get(tag_key(wanted))
        if found is None:
            raise _unknown("author", wanted, shown, ids_seen)
        ids.add(found)
        term = profiles.term_by_key.get(tag_key(found)) if profiles is not None else None
        pages.append(blog.term_uri("authors", term.slug) if term is not None else blog.index_uri)
    return ids, pages


@dataclasses.dataclass(frozen=True)
class TermCount:
    """A term a tags or archive marker shows, with the number of posts it counts for it."""

    term: Term
    count: int


def select_tags(plan: Plan, options: TagsOptions, src_uri: str) -> list[TermCount]:
    """The tags a tags marker (or Material's) shows, with their counts, in the order asked.

    As in Material's listings: a post with an ``exclude``d tag counts for no tag,
    ``include`` keeps only the tags named, ``scope`` only the posts in the
    folder of the page (``src_uri``) and below it.
    """
    taxonomy = plan.blog.taxonomies["tags"]
    include = {t.key for t in _terms(taxonomy, "tag", options.include)}
    exclude = {t.key for t in _terms(taxonomy, "tag", options.exclude)}
    if exclude or options.scope:
        base = posixpath.join(posixpath.dirname(posixpath.normpath(src_uri)), "")
        counts: dict[str, int] = {}
        for post in plan.blog.posts:
            terms = taxonomy.terms_by_post[post.src_uri]
            if options.scope and not post.src_uri.startswith(base):
                continue
            if any(t.key in exclude for t in terms):
                continue
            for term in dict.fromkeys(terms):
                counts[term.key] = counts.get(term.key, 0) + 1
    else:
        counts = {t.key: t.count for t in taxonomy.terms}
    found = [
        TermCount(t, counts[t.key])
        for t in taxonomy.terms
        if counts.get(t.key) and (not include or t.key in include)
    ]
    if options.sort == "count":
        found.sort(key=lambda found: found.count, reverse=True)  # stable: ties stay by name
    return found[: options.limit] if options.limit is not None else found


# -- rendering ----------------------------------------------------------------------------------


def _term_views(plan: Plan, taxonomy: str, found: Iterable[TermCount]) -> list[View]:
    strings, blog = plan.settings.strings, plan.blog
    return [
        View(
            name=f.term.name,
            slug=f.term.slug,
            count=f.count,
            count_text=strings.posts(f.count),
            url=plan.url_of[blog.term_uri(taxonomy, f.term.slug)],
        )
        for f in found
    ]


def _posts_html(plan: Plan, views: Views, renderer: Renderer, options: PostsOptions) -> str:
    chosen = select_posts(plan, options)
    strings = plan.settings.strings
    entries = [views.entry(post) for post in chosen.posts]
    entries_html: list[str] = []
    if options.layout != "titles":
        # The entries the listings show, rendered once per build whichever page asks first.
        cards = options.layout == "cards"
        cache = views.cards_html if cards else views.tag_entries_html
        name = "entry.html" if cards else "tag_entry.html"
        for post, entry in zip(chosen.posts, entries, strict=True):
            html = cache.get(post.src_uri)
            if html is None:
                html = cache[post.src_uri] = renderer.render(name, entry=entry, t=strings)
            entries_html.append(html)
    title = plan.page_titles.get(chosen.listing_uri) or strings["blog"]
    more = View(url=plan.url_of[chosen.listing_uri], title=title) if options.more else None
    marker = View(layout=options.layout, title=title, entries=entries, more=more)
    return renderer.render("marker_posts.html", marker=marker, entries_html=entries_html, t=strings)


def _render(marker: Marker, src_uri: str, plan: Plan, views: Views, renderer: Renderer) -> str:
    """The marker's HTML with site-relative URLs; `MarkerError` when it cannot be honoured."""
    options = parse_options(marker.kind, marker.args)
    strings = plan.settings.strings
    if isinstance(options, PostsOptions):
        return _posts_html(plan, views, renderer, options)
    if isinstance(options, TagsOptions):
        tags = _term_views(plan, "tags", select_tags(plan, options, src_uri))
        return renderer.render("marker_tags.html", marker=View(kind=marker.kind, terms=tags), t=strings)
    archive = plan.blog.taxonomies.get("archive")
    if archive is None:
        raise MarkerError("the archive is off ('archive: false'), so there is no archive to show")
    years = [TermCount(term, term.count) for term in archive.terms]
    if options.limit is not None:
        years = years[: options.limit]
    terms = _term_views(plan, "archive", years)
    return renderer.render("marker_archive.html", marker=View(terms=terms), t=strings)


def _paragraph_edges(html: str, marker: Marker) -> tuple[int, str, int, str]:
    """Where a marker's block goes: ``(start, before, end, after)``.

    A marker written inside a paragraph (``Text <!-- blog-tags:tags --> more``)
    closes it and opens a new one after the block, so no ``<div>`` ends up in a
    ``<p>``; a paragraph it is alone in is replaced whole.
    """
    start, end = marker.start, marker.end
    close = html.rfind(_P_CLOSE, 0, start)
    opening = None
    for found in _P_OPEN.finditer(html, max(close, 0), start):
        opening = found
    if opening is None:
        return start, "", end, ""
    before = "</p>\n"
    if not html[opening.end() : start].strip():
        start, before = opening.start(), ""
    after = "\n<p>"
    closing = html.find(_P_CLOSE, end)
    if closing >= 0 and not html[end:closing].strip():
        end, after = closing + len(_P_CLOSE), ""
    return start, before, end, after


def expand(
    html: str, *, src_uri: str, page_url: str, plan: Plan, views: Views, renderer: Renderer
) -> tuple[str, list[Problem]]:
    """The page's HTML with every marker replaced by its block, and a `Problem` per marker left empty.

    ``html`` is the page's rendered content, ``page_url`` its URL (MkDocs'
    ``page.url``): the blocks' links are made relative to it. A page without
    a marker costs two substring tests.
    """
    markers = find_markers(html)
    if not markers:
        return html, []
    problems: list[Problem] = []
    pieces: list[str] = []
    done = 0
    for marker in markers:
        try:
            block = prefix_links(_render(marker, src_uri, plan, views, renderer), page_url)
        except MarkerError as err:
            problems.append(Problem(src_uri, marker.label, f"{err}; the marker shows nothing"))
            block = ""
        start, before, end, after = (
            _paragraph_edges(html, marker) if block else (marker.start, "", marker.end, "")
        )
        start = max(start, done)
        pieces += [html[done:start], before, block, after]
        done = end
    pieces.append(html[done:])
    return "".join(pieces), problems
