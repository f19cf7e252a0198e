"""The plan of one build: which files are posts, every page to generate, every feed, every head link.

Computed from plain values (`Settings`, the posts read, the URL of each page)
in `on_files`, and only applied by the event layer: it sets inclusions, adds
the generated files, and later reads the plan to fill pages and write feeds.
Every URL the blog prints comes from here, so pages, head links and feeds agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import functools
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

from . import collation
from .authors import Author
from .blog import Blog, ListingPage, build_blog, tags_spec
from .config import Settings
from .groupings import credited, grouping_specs
from .i18n import normalize_locale
from .images import DocsFile, ImageInfo, ImageResolver
from .languages import Alternate, Language
from .lint import Finding, LintSettings, lint_posts
from .neighbours import Neighbours, neighbours_of
from .permalinks import post_path
from .posts import Post, Problem, text_field
from .taxonomy import Collision, Taxonomy, Term, tag_key
from .urls import relative_url
from .values import clean_text

__all__ = [
    "CSS_URI",
    "FEED_TYPES",
    "Credit",
    "FeedSpec",
    "GeneratedPage",
    "HeadLink",
    "Occupied",
    "Plan",
    "Selection",
    "claim_conflict",
    "collision_message",
    "config_warnings",
    "generated_pages",
    "make_blog",
    "make_plan",
    "nav_mentions",
    "post_candidate",
    "relocate",
    "select_posts",
    "stray_page",
    "within",
    "yaml_string",
]

CSS_URI = "assets/blog-tags.css"
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: JSON's quoting, plus escapes for what YAML reads differently.

    YAML treats NEL, U+2028 and U+2029 as line breaks and refuses C1 controls and
    other non-printable characters, which JSON leaves raw.
    """
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False))


def config_warnings(settings: Settings, *, first: bool) -> list[str]:
    """What the options leave out or ignore, said once when the build starts (``first``: site-wide ones)."""
    warnings = []
    if (settings.meta or settings.feeds.formats) and not settings.site_url and first:
        warnings.append(
            "'site_url' is not set in mkdocs.yml: og:url, og:image, canonical links and other "
            "absolute URLs are left out of every page, and no feed is written. Set site_url to "
            "the address the site is published at."
        )
    if settings.post_url_redirects is not False and settings.post_url_format is None:
        warnings.append("'post_url_redirects' needs 'post_url_format': no post moves, so no redirect is made")
    if settings.locale_problem:
        warnings.append(settings.locale_problem)
    if collation.BACKEND != "icu" and first:
        warnings.append(
            "ICU is not installed (the pyicu-wheels package): tags, categories and authors sort "
            "by their letters without accents, not by the rules of the site's language. "
            "Install mkdocs-blog-tags with its dependencies to sort them as readers expect."
        )
    if settings.ignored_options:
        warnings.append(
            f"options {', '.join(settings.ignored_options)} of Material's blog plugin have no meaning in "
            "blog-tags yet; they are ignored. Remove them to silence this."
        )
    return warnings


def claim_conflict(folders: Sequence[str]) -> str | None:
    """Why several blogs of one site (their blog_dir) cannot coexist: one folder, or one in another."""
    for i, first in enumerate(folders):
        for second in folders[i + 1 :]:
            if first == second:
                return f"two blogs claim the folder {first!r}; give each 'blog-tags' entry its own blog_dir"
            inner, outer = sorted((first, second), key=len, reverse=True)
            if outer == "." or inner.startswith(outer + "/"):
                return (
                    f"the blog in {inner!r} is inside the blog in {outer!r}, whose posts and pages it would "
                    "take; give each 'blog-tags' entry a blog_dir outside the others"
                )
    return None


def nav_mentions(nav: Any, uri: str) -> bool:
    """Whether an explicit ``nav:`` lists ``uri`` anywhere."""
    if isinstance(nav, str):
        return posixpath.normpath(nav) == uri
    if isinstance(nav, dict):
        return any(nav_mentions(v, uri) for v in nav.values())
    if isinstance(nav, list):
        return any(nav_mentions(v, uri) for v in nav)
    return False


# -- which files are posts, and which of them are published ----------------------------------

FOLDER_INDEXES = frozenset({"index.md", "README.md"})


def within(src_uri: str, folder: str) -> bool:
    """Whether ``src_uri`` is under ``folder`` of docs_dir (``.`` is docs_dir itself)."""
    return folder == "." or src_uri.startswith(folder + "/")


def post_candidate(src_uri: str, settings: Settings, folder: str) -> tuple[bool, str | None]:
    """``(is a post, why a Markdown file of the posts folder is not one)``.

    A post is a Markdown page under the posts ``folder``, other than a folder
    index, matching ``include`` and not ``exclude``. A file of that folder left
    out for any reason but ``exclude`` is named, so no post is lost silently.
    """
    if not within(src_uri, folder):
        return False, None
    inner = src_uri if folder == "." else src_uri[len(folder) + 1 :]
    if any(fnmatch.fnmatchcase(inner, p) for p in settings.exclude):
        return False, None
    if posixpath.basename(src_uri) in FOLDER_INDEXES:
        if folder == settings.layout.blog_dir:
            return False, None  # the blog's index, a listing's intro, or an ordinary page
        return False, "is a folder index (index.md, README.md), not a post; rename it to make it one"
    if not any(fnmatch.fnmatchcase(inner, p) for p in settings.include):
        return False, "matches no 'include' pattern, so it is not a post; add a pattern, or 'exclude' it"
    return True, None


def stray_page(
    src_uri: str, front_matter: Mapping[str, Any], settings: Settings, folder: str
) -> tuple[bool, Problem | None]:
    """``(leave it out, problem)`` for a page of the blog folder that is outside the posts ``folder``.

    Such a page is an ordinary page (Material's ``blog/subscribe.md``). One that
    looks like a post is named, so no post becomes a page unnoticed; one with a
    ``draft`` key may be a draft and is never published.
    """
    blog = settings.layout.blog_dir
    if folder == blog or not within(src_uri, blog) or within(src_uri, folder):
        return False, None
    if posixpath.basename(src_uri) in FOLDER_INDEXES:
        return False, None
    draft = front_matter.get("draft")
    if draft is not None and draft is not False and str(draft).strip().lower() not in {"false", "no", "off"}:
        message = (
            f"is outside the posts folder {folder}/, so it is not a post, and 'draft' says it may be a "
            f"draft: it is left out. Move it into {folder}/ to make it a post, or remove 'draft'"
        )
        return True, Problem(src_uri, "draft", message)
    if "date" in front_matter:
        message = (
            f"has a date, but it is outside the posts folder {folder}/: it is built as an ordinary page, "
            f"not as a post. Move it into {folder}/, or set post_dir to the folder of your posts"
        )
        return False, Problem(src_uri, "date", message)
    return False, None


@dataclasses.dataclass(frozen=True)
class Selection:
    """What becomes of each post candidate."""

    published: tuple[Post, ...]
    """Posts that are built, in reading order; drafts included when they are shown."""
    drafts: frozenset[str]
    """src_uris of the drafts and future posts shown (``mkdocs serve`` with ``drafts_on_serve``)."""
    excluded: frozenset[str]
    """src_uris left out of the build: unreadable, drafts, future posts."""


def select_posts(
    read: Iterable[tuple[str, Post | None]], now: dt.datetime, show_drafts: bool, future_is_draft: bool = True
) -> Selection:
    """Publish what is readable and neither a draft nor dated in the future (unless drafts are shown)."""
    published: list[Post] = []
    drafts: set[str] = set()
    excluded: set[str] = set()
    for src_uri, post in read:
        if post is None:
            excluded.add(src_uri)
            continue
        if post.draft or (future_is_draft and not post.draft_given and post.is_future(now)):
            if not show_drafts:
                excluded.add(src_uri)
                continue
            drafts.add(src_uri)
        published.append(post)
    return Selection(tuple(published), frozenset(drafts), frozenset(excluded))


def translation_path(settings: Settings, post: Post, language: Language) -> str | None:
    """The Markdown path ``post``, a translation in ``language``, is published at in that language's
    build under ``post_url_format`` (its slug and date words are its own); ``None``: its file's."""
    own = settings.language
    if settings.post_url_format is None or own is None:
        return None
    layout = dataclasses.replace(
        settings.layout, blog_dir=language.source(own.relative(settings.layout.blog_dir))
    )
    theirs = dataclasses.replace(
        settings, layout=layout, locale=normalize_locale(language.code), language=language
    )
    return post_path(post, settings.post_url_format, theirs)


def make_blog(
    settings: Settings,
    posts: Iterable[Post],
    people: Mapping[str, Author] | None = None,
    page_tags: Mapping[str, Sequence[str]] | None = None,
) -> Blog:
    """The model of the blog, with the groupings the settings ask for.

    ``people`` is the authors file (``None`` without one: authors are plain names);
    ``page_tags`` the tags of pages outside the blog (``page_tags: true``).
    """
    spec = tags_spec(
        settings.layout.tags_dir,
        explicit_slugs=settings.tag_slugs,
        per_page=settings.tag_per_page,
        feeds=settings.feeds.tags,
    )
    blog = build_blog(
        posts,
        layout=settings.layout,
        per_page=settings.per_page,
        slug_mode=settings.slug_mode,
        taxonomies=[spec, *grouping_specs(settings, people or {})],
        page_tags=page_tags,
        locale=settings.locale,
    )
    if not settings.groupings.authors:
        return blog
    credits = {post.src_uri: credited(post, people) for post in blog.posts}
    return dataclasses.replace(blog, credits=credits, people=dict(people or {}))


def collision_message(taxonomy: Taxonomy, collision: Collision) -> str:
    """The one warning for terms whose slugs collide, naming every term and the slug it got."""
    fix = f"Choose slugs with {taxonomy.spec.slug_option} to silence this."
    if len(collision.assigned) == 1:  # a slug no term may take (``index``: the overview's page)
        name, slug = collision.assigned[0]
        return (
            f"{taxonomy.name}: '{name}' cannot have the slug '{collision.slug}', which is taken; it gets "
            f"'{slug}'. {fix}"
        )
    names = ", ".join(f"'{name}'" for name, _ in collision.assigned)
    pages = ", ".join(f"'{name}' -> {slug}" for name, slug in collision.assigned)
    return (
        f"{taxonomy.name} {names} all give the slug '{collision.slug}'; they keep separate pages: "
        f"{pages}. {fix}"
    )


# -- the pages to generate ---------------------------------------------------------------------


class Occupied:
    """Where the user's files are published: their site paths, and the folders those are written in."""

    def __init__(self, dests: Mapping[str, str], later: Iterable[str] = ()) -> None:
        """``dests``: site path (``blog/tags/index.html``) -> src_uri of every file that is written.

        ``later``: paths written after the files are copied (``404.html``, the sitemap, feeds): they
        are taken too, and so is any path under them, which would make a folder of them.
        """
        self._files = dict(dests)
        self._later = frozenset(later)
        self._folders: dict[str, str] = {}
        for dest, src_uri in self._files.items():
            parts = dest.split("/")[:-1]
            for end in range(1, len(parts) + 1):
                self._folders.setdefault("/".join(parts[:end]), src_uri)

    def file(self, path: str) -> str | None:
        """The user's file published at exactly ``path``."""
        return self._files.get(path)

    def path(self, path: str) -> str | None:
        """The file published at ``path`` or written later there, or one that makes ``path`` a folder."""
        found = self._files.get(path) or self._folders.get(path)
        if found is None and self._later:
            found = next((p for p in self._later if path == p or path.startswith(p + "/")), None)
        return found


def _url_folder(uri: str) -> str:
    """The folder of a page's URL: ``blog/tags/index.md`` and ``blog/category/tea.md`` -> their own."""
    folder, name = posixpath.split(uri)
    return folder if name in FOLDER_INDEXES else posixpath.splitext(uri)[0]


def _alternatives(uri: str) -> Iterable[str]:
    """``blog/tags/index.md`` -> ``blog/tags-2/index.md``...; ``blog/category/tea.md`` -> ``tea-2.md``..."""
    folder, name = posixpath.split(uri)
    parent, last = posixpath.split(folder)
    stem, suffix = posixpath.splitext(name)
    for number in range(2, 1000):
        if name in FOLDER_INDEXES:
            yield posixpath.join(parent, f"{last}-{number}", name)
        else:
            yield posixpath.join(folder, f"{stem}-{number}{suffix}")


def _describe(blog: Blog, uri: str) -> str:
    for listing in blog.listings:
        if listing.src_uri == uri:
            what = (
                f"the {listing.kind} page" if listing.term is None else f"the page of '{listing.term.name}'"
            )
            return what + (f" (page {listing.number})" if listing.number > 1 else "")
    return f"the {blog.overviews()[uri]} overview"


def relocate(blog: Blog, occupant: Callable[[str], str | None]) -> tuple[Blog, list[str]]:
    """Move every generated page whose place a user's file already takes; a user's page always wins.

    ``occupant(src_uri)`` names the user's file published where the Markdown
    page ``src_uri`` would be, if any. The user's own ``index.md`` (or
    ``README.md``, MkDocs' other folder index) at a listing's path stays the
    hand-written intro of that listing, as it always has. Any other file there
    (``blog/tags.md`` at ``blog/tags/``) keeps its URL, and the generated page
    moves to the first free ``<folder>-2``, ``-3``..., with a warning naming both.
    """
    moved: dict[str, str] = {}
    problems: list[str] = []
    taken = set(blog.page_uris())
    for uri in blog.page_uris():
        owner = occupant(uri)
        if owner is None or owner == uri:
            continue
        if posixpath.basename(owner) in FOLDER_INDEXES and _url_folder(owner) == _url_folder(uri):
            moved[uri] = owner
            continue
        target = next(alt for alt in _alternatives(uri) if alt not in taken and occupant(alt) is None)
        taken.add(target)
        moved[uri] = target
        problems.append(
            f"{owner} is published at {_url_folder(uri)}/, where {_describe(blog, uri)} would be; that page "
            f"moves to {_url_folder(target)}/. Rename or move {owner} to keep the usual address."
        )
    if not moved:
        return blog, problems

    def place(uri: str | None) -> str | None:
        return moved.get(uri, uri) if uri is not None else None

    listings = tuple(
        dataclasses.replace(
            listing,
            src_uri=moved.get(listing.src_uri, listing.src_uri),
            newer_uri=place(listing.newer_uri),
            older_uri=place(listing.older_uri),
            first_uri=moved.get(listing.first_uri, listing.first_uri),
        )
        for listing in blog.listings
    )
    return dataclasses.replace(blog, listings=listings, moved=moved), problems


@dataclasses.dataclass(frozen=True)
class GeneratedPage:
    """A listing or overview page the plugin adds, unless the user has a file at ``src_uri``."""

    src_uri: str
    title: str
    in_nav: bool = False
    searchable: bool = True

    @property
    def source(self) -> str:
        """The Markdown MkDocs reads for it: front matter only; the plugin fills the content."""
        # A JSON string is a valid YAML scalar, and json.dumps is far cheaper than yaml.safe_dump.
        content = "---\ntitle: " + yaml_string(self.title) + "\n"
        if not self.searchable:
            content += "search:\n  exclude: true\n"
        return content + "---\n"


def overview_title(settings: Settings, taxonomy: Taxonomy) -> str:
    return taxonomy.spec.overview_title or settings.strings[taxonomy.spec.overview_title_key]


def listing_title(listing: ListingPage, settings: Settings, blog: Blog) -> str:
    strings = settings.strings
    if listing.term is not None and listing.taxonomy is not None:
        spec = blog.taxonomies[listing.taxonomy].spec
        title = strings.format(spec.title_key, tag=listing.term.name)
    else:
        title = strings["blog"]
    if listing.number > 1:
        title += " – " + strings.format("page_of", number=listing.number, count=listing.count)
    return title


def generated_pages(settings: Settings, blog: Blog) -> list[GeneratedPage]:
    """Every listing page, then each grouping's overview; only the blog's first page is in the nav."""
    pages = [
        GeneratedPage(
            listing.src_uri,
            listing_title(listing, settings, blog),
            in_nav=listing.kind == "index" and listing.number == 1,
            # Later pages would only add "Page 2 of 9" titles to search results (Material honours this).
            searchable=listing.number == 1,
        )
        for listing in blog.listings
    ]
    pages += [
        GeneratedPage(uri, overview_title(settings, blog.taxonomies[name]))
        for uri, name in blog.overviews().items()
    ]
    return pages


# -- feeds and head links ------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class FeedSpec:
    """One set of feeds (RSS, Atom, JSON as enabled): of the whole blog, or of one term."""

    home_uri: str
    """src_uri of the listing the feeds follow."""
    paths: Mapping[str, str]
    """Kind -> site path of the file."""
    title: str
    description: str
    posts: tuple[Post, ...]
    """Newest first, before the ``limit``."""
    term: Term | None = None
    taxonomy: str | None = None


@dataclasses.dataclass(frozen=True)
class HeadLink:
    """A ``<link>`` in a page's head: the pager's ``prev``/``next`` and feed autodiscovery."""

    rel: str
    href: str
    type: str | None = None
    title: str | None = None
    hreflang: str | None = None
    """The language of the page ``href`` names (a translation's ``rel="alternate"``)."""


def _feed_specs(settings: Settings, blog: Blog) -> dict[tuple[str, str] | None, FeedSpec]:
    """Feeds keyed by ``None`` (the blog) or ``(taxonomy, slug)``; none without site_url or formats."""
    if not settings.site_url or not settings.feeds.formats:
        return {}
    strings, layout, site = settings.strings, blog.layout, settings.site_name
    specs: dict[tuple[str, str] | None, FeedSpec] = {
        None: FeedSpec(
            home_uri=blog.index_uri,
            paths=_in_language(
                settings, layout.feed_paths(blog.index_uri, settings.feeds.names_for(term=False))
            ),
            title=site,
            description=settings.site_description or strings["blog_description"],
            posts=blog.posts,
        )
    }
    term_names = settings.feeds.names_for(term=True)
    for name, taxonomy in blog.taxonomies.items():
        spec = taxonomy.spec
        if not spec.feeds:
            continue
        for term in taxonomy.terms:
            if not term.count:  # a tag of docs pages alone: nothing to follow
                continue
            home = blog.term_uri(name, term.slug)
            specs[(name, term.slug)] = FeedSpec(
                home_uri=home,
                paths=_in_language(settings, layout.feed_paths(home, term_names)),
                title=f"{site} – {strings.format(spec.title_key, tag=term.name)}",
                description=strings.plural(spec.description_key, term.count, tag=term.name),
                posts=taxonomy.posts_by_slug[term.slug],
                term=term,
                taxonomy=name,
            )
    return specs


def _in_language(settings: Settings, paths: dict[str, str]) -> dict[str, str]:
    """Feed paths in this language's folder of a multilingual site, beside its listings."""
    language = settings.language
    return paths if language is None else {kind: language.dest(path) for kind, path in paths.items()}


PageRole = Literal["post", "listing", "overview"]


@dataclasses.dataclass(frozen=True)
class Credit:
    """An author as feeds and head meta name them: the name, and an absolute URL when there is one."""

    name: str
    url: str | None = None


@dataclasses.dataclass
class Plan:
    """Everything one build publishes, decided before the first page is rendered."""

    settings: Settings
    blog: Blog
    posts: Mapping[str, Post]
    """src_uri -> every post built (drafts included when shown)."""
    drafts: frozenset[str]
    url_of: Mapping[str, str]
    """src_uri -> site-relative URL of every post and generated page."""
    images: ImageResolver
    post_images: Mapping[str, tuple[ImageInfo, str]]
    """Post src_uri -> its share image and the image's site-relative (or outside) URL."""
    default_image: ImageInfo | None
    avatars: Mapping[str, str]
    """Author id -> the avatar's site-relative (or outside) URL."""
    feeds: Mapping[tuple[str, str] | None, FeedSpec]
    listings: Mapping[str, ListingPage]
    overviews: Mapping[str, str]
    """src_uri of each grouping's overview -> the grouping's name."""
    page_titles: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """src_uri of each listing and overview -> its generated title."""
    problems: tuple[Problem | str, ...] = ()
    """Found while planning (images, default image), each to be reported once."""
    findings: tuple[Finding, ...] = ()
    """What the linter found in the posts' share fields (`lint.lint_posts`), each to be reported once."""

    def written_later(self) -> frozenset[str]:
        """Paths written after MkDocs copies the files: its 404 page and sitemaps, and the feeds."""
        feeds = {path for feed in self.feeds.values() for path in feed.paths.values()}
        return frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz", *feeds})

    def role(self, src_uri: str) -> PageRole | None:
        if src_uri in self.posts:
            return "post"
        if src_uri in self.listings:
            return "listing"
        if src_uri in self.overviews:
            return "overview"
        return None

    def title_of(self, src_uri: str, value: Any) -> tuple[str | None, Problem | None]:
        """The clean text of a page's title (``value``, as MkDocs has it, of any YAML type).

        A post's title is its `Post` title unless the page has a text one; a
        listing or overview whose hand-written page has no text title gets its
        generated one; an ordinary page's title is its own text, or ``None``.
        """
        post = self.posts.get(src_uri)
        if post is not None:
            return (clean_text(value) if isinstance(value, str) else "") or post.title, None
        text, problem = text_field(src_uri, "title", value)
        generated = self.page_titles.get(src_uri)
        if generated is not None and text is None:
            return generated, problem
        return text, problem

    def feed_of(self, listing: ListingPage | None) -> FeedSpec | None:
        """The feeds a listing page (or, for ``None``, a post) announces."""
        if listing is None or listing.term is None or listing.taxonomy is None:
            return self.feeds.get(None)
        return self.feeds.get((listing.taxonomy, listing.term.slug))

    @functools.cached_property
    def neighbours(self) -> Mapping[str, Neighbours]:
        """Each post's newer and older post (`neighbours.neighbours_of`), computed once."""
        return neighbours_of(self.blog.posts)

    def head_links(self, src_uri: str, page_url: str) -> list[HeadLink]:
        """Pager links of a listing and a post's newer/older links, and feed autodiscovery."""
        listing = self.listings.get(src_uri)
        if listing is None and src_uri not in self.posts:
            return []
        links: list[HeadLink] = []
        if listing is not None:
            links += [
                HeadLink(rel, relative_url(self.url_of[target], page_url))
                for rel, target in (("prev", listing.newer_uri), ("next", listing.older_uri))
                if target
            ]
        if src_uri in self.posts and self.settings.footer["previous_next"]:
            # The post footer's newer and older post, for browsers and crawlers, as a pager's.
            newer, older = self.neighbours.get(src_uri, (None, None))
            links += [
                HeadLink(rel, relative_url(self.url_of[other.src_uri], page_url))
                for rel, other in (("prev", newer), ("next", older))
                if other is not None
            ]
        feed = self.feed_of(listing)
        if feed is not None:
            links += [
                HeadLink("alternate", relative_url(path, page_url), FEED_TYPES[kind], feed.title)
                for kind, path in feed.paths.items()
            ]
        return links

    def credits(self, post: Post) -> tuple[Credit, ...]:
        """The post's authors by name (never by id), with their own URL or their profile page's."""
        profiles = self.blog.taxonomies.get("authors")
        found = []
        for author in self.blog.authors_of(post):
            url = author.url
            if url is None and profiles is not None and self.settings.site_url:
                term = profiles.term_by_key.get(tag_key(author.id))
                if term is not None:
                    url = self.settings.site_url + self.url_of[self.blog.term_uri("authors", term.slug)]
            found.append(Credit(author.name, url))
        return tuple(found)

    def translation_links(self, page_url: str, alternates: Sequence[Alternate]) -> list[HeadLink]:
        """``<link rel="alternate" hreflang>`` of a page with translations, its own language's first (as
        Google asks); absolute URLs, so none without site_url."""
        site_url, language = self.settings.site_url, self.settings.language
        if not alternates or not site_url or language is None:
            return []
        found = [(language.code, page_url), *((a.code, a.url) for a in alternates)]
        return [HeadLink("alternate", site_url + url, hreflang=code.replace("_", "-")) for code, url in found]

    def absolute(self, src_uri: str) -> str | None:
        """The absolute URL of a post or generated page; ``None`` without site_url."""
        site_url = self.settings.site_url
        return site_url + self.url_of[src_uri] if site_url else None


def _unblocked(
    feeds: Mapping[tuple[str, str] | None, FeedSpec], owner_of_path: Callable[[str], str | None]
) -> tuple[dict[tuple[str, str] | None, FeedSpec], list[str]]:
    """The feeds without the files a user's page or file is published at (or under); it wins."""
    kept: dict[tuple[str, str] | None, FeedSpec] = {}
    problems: list[str] = []
    for key, spec in feeds.items():
        paths = dict(spec.paths)
        for kind, path in spec.paths.items():
            owner = owner_of_path(path)
            if owner is not None:
                del paths[kind]
                problems.append(
                    f"{owner} is published at (or under) {path}, where the {kind.upper()} feed of "
                    f"{'the blog' if spec.term is None else repr(spec.term.name)} would be; that feed is not "
                    f"written. Rename or move {owner}."
                )
        kept[key] = dataclasses.replace(spec, paths=paths)
    return kept, problems


def make_plan(
    settings: Settings,
    blog: Blog,
    selection: Selection,
    url_of: Mapping[str, str],
    lookup: Callable[[str], DocsFile | None],
    owner_of_path: Callable[[str], str | None] = lambda _: None,
    people: Mapping[str, Author] | None = None,
) -> Plan:
    """Resolve the posts' images and the default image, and lay out the feeds.

    ``owner_of_path(path)`` names the user's file published at the site path
    ``path`` or below it, if any: a feed is never written over it.
    """
    images = ImageResolver(lookup, settings.site_url)
    problems: list[Problem | str] = []
    post_images: dict[str, tuple[ImageInfo, str]] = {}
    broken: dict[str, Literal["not_found", "not_image"]] = {}
    for post in selection.published:
        if not post.image:
            continue
        found, issues = images.post_image(post.src_uri, post.image, post.image_alt)
        if found is not None:
            post_images[post.src_uri] = found
        elif images.resolve(post.image, post.image_alt, post.src_uri) is None:
            broken[post.src_uri] = "not_found"
        else:
            broken[post.src_uri] = "not_image"
        rule = {"not_found": "image-not-found", "not_image": "image-not-image"}.get(
            broken.get(post.src_uri, ""), "alt-missing"
        )
        if not (
            settings.meta and settings.lint.on(rule)
        ):  # else the linter reports it, with what crawlers do
            problems += issues
    default_image = None
    if settings.default_image:
        found = images.resolve(settings.default_image, settings.default_image_alt, "index.md")
        if found is None:
            problems.append(f"'default_image': {settings.default_image!r} was not found in docs_dir")
        default_image = found[0] if found else None
    avatars: dict[str, str] = {}
    for author in (people or {}).values() if settings.groupings.authors else ():
        if not author.avatar:
            continue
        avatar = images.resolve(author.avatar, author.name, "index.md")
        if avatar is None:
            problems.append(
                Problem(
                    settings.groupings.authors_file,
                    f"authors.{author.id}.avatar",
                    f"{author.avatar!r} was not found in docs_dir (paths are relative to docs_dir, as in "
                    "Material); the author is shown without an avatar",
                )
            )
            continue
        avatars[author.id] = avatar[1]
    feeds, blocked = _unblocked(_feed_specs(settings, blog), owner_of_path)
    problems += blocked
    findings = lint_posts(
        selection.published,
        {uri: found[0] for uri, found in post_images.items()},
        broken,
        default_image,
        settings.lint if settings.meta else LintSettings(enabled=False),  # no share meta: nothing to check
        default_value=settings.default_image,
        default_alt=settings.default_image_alt,
        groupings=[name for name in ("tags", "categories") if name in blog.taxonomies],
    )
    return Plan(
        settings=settings,
        blog=blog,
        posts={post.src_uri: post for post in selection.published},
        drafts=selection.drafts,
        url_of=url_of,
        images=images,
        post_images=post_images,
        default_image=default_image,
        avatars=avatars,
        feeds=feeds,
        page_titles={page.src_uri: page.title for page in generated_pages(settings, blog)},
        listings={listing.src_uri: listing for listing in blog.listings},
        overviews=blog.overviews(),
        problems=tuple(problems),
        findings=tuple(findings),
    )
