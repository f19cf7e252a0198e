"""Template contexts as plain data: what each template may print.

Templates only loop and print; every decision (which date, which excerpt,
which link) is made here, where it can be tested without a build. A post's
header gets URLs relative to its page. Listing contexts use site-relative URLs
(``blog/posts/x/``) so that each post's entry is built and rendered once for
every listing it appears in; the plugin then makes the links of the rendered
listing relative to its page (`prefix_links`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup, escape

from .authors import Author
from .blog import Blog, ListingPage
from .excerpts import Excerpt, absolutize_links, listing_excerpt, rebase_links
from .i18n import Strings, format_day
from .posts import Post
from .taxonomy import Term, tag_key
from .urls import is_relative, relative_url

if TYPE_CHECKING:
    from .plan import FeedSpec, Plan

__all__ = ["Excerpt", "View", "Views"]


def themed(value: Any, key: str = "") -> Any:
    """A copy of a view for the theme's templates, whose environment does not autoescape.

    Every text becomes `markupsafe.Markup` of its escaped form, so ``{{ post.title }}`` prints
    ``&lt;script&gt;`` in the theme as in the plugin's templates (where Markup is not escaped
    twice), and a quote in an author's ``url`` cannot end an attribute. ``*_html`` values are
    HTML already. MkDocs' ``url`` filter takes the escaped URLs as they are.
    """
    if isinstance(value, dict):
        return View({k: themed(v, k) for k, v in value.items()})
    if isinstance(value, list):
        return [themed(item, key) for item in value]
    if isinstance(value, str) and not isinstance(value, Markup):
        return Markup(value) if key.endswith("_html") else Markup(escape(value))
    return value


class Deferred:
    """A theme variable built the first time a template reads it: most themes never read ``blog``,
    ``post`` or ``listing``, and building them for every page would cost every build.

    It stands for the `View` that ``make`` returns: attributes, keys, iteration, ``in`` and
    ``len`` reach that view; it is always true (``{% if blog %}``).
    """

    __slots__ = ("_make", "_view")

    def __init__(self, make: Callable[[], View]) -> None:
        self._make: Callable[[], View] | None = make
        self._view: View | None = None

    def resolve(self) -> View:
        if self._view is None:
            assert self._make is not None
            self._view, self._make = self._make(), None
        return self._view

    def __getattr__(self, name: str) -> Any:
        return getattr(self.resolve(), name)

    def __getitem__(self, key: str) -> Any:
        return self.resolve()[key]

    def __iter__(self) -> Any:
        return iter(self.resolve())

    def __len__(self) -> int:
        return len(self.resolve())

    def __contains__(self, key: object) -> bool:
        return key in self.resolve()

    def __bool__(self) -> bool:
        return True


class View(dict[str, Any]):
    """A template context value: a plain dict whose keys are also its attributes.

    Templates write ``post.title``. On a plain dict Jinja first tries the
    attribute, fails with an exception, then falls back to the key: half the
    cost of rendering a post header went into those failures. Here the dict is
    its own ``__dict__``, so the attribute is found at once; ``post["title"]``,
    ``.items()`` and everything else a dict offers keep working. No view key is
    the name of a dict method.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.__dict__ = self


@dataclasses.dataclass
class Views:
    """Builds the context of every blog template for one build."""

    blog: Blog
    url_of: Mapping[str, str]
    """src_uri -> site-relative URL of every post and generated page."""
    image_url_of: Mapping[str, str]
    """post src_uri -> its image, as a site-relative URL or an outside URL."""
    excerpts: Mapping[str, Excerpt]
    strings: Strings
    date_format: str = "long"
    drafts: frozenset[str] = frozenset()
    """src_uris shown only because drafts are on (``mkdocs serve``)."""
    avatar_url_of: Mapping[str, str] = dataclasses.field(default_factory=dict)
    """Author id -> its avatar, as a site-relative URL or an outside URL."""
    max_authors: int = 1
    """Authors of a post shown on its listing entry (Material's ``post_excerpt_max_authors``)."""
    max_categories: int = 5
    _fixed_cache: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict, init=False, repr=False)
    _entry_cache: dict[str, View] = dataclasses.field(default_factory=dict, init=False, repr=False)
    _term_urls: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict, init=False, repr=False)
    _site_term_links: dict[tuple[str, str], View] = dataclasses.field(
        default_factory=dict, init=False, repr=False
    )
    feeds: Mapping[tuple[str, str] | None, FeedSpec] = dataclasses.field(default_factory=dict)
    site_url: str | None = None
    page_info: Callable[[str], tuple[str, str] | None] = lambda _: None
    """``(title, site-relative URL)`` of a page outside the blog (tagged pages), once pages are read."""
    _overview_urls: dict[str, str] | None = dataclasses.field(default=None, init=False, repr=False)
    _theme_blog: View | None = dataclasses.field(default=None, init=False, repr=False)
    _listing_pages: dict[str, list[str]] | None = dataclasses.field(default=None, init=False, repr=False)
    _theme_posts: dict[str, View] = dataclasses.field(default_factory=dict, init=False, repr=False)
    tag_entries_html: dict[str, str] = dataclasses.field(default_factory=dict, init=False, repr=False)
    """post src_uri -> its ``tag_entry.html``, rendered by the `Renderer` once per build."""
    cards_html: dict[str, str] = dataclasses.field(default_factory=dict, init=False, repr=False)
    """post src_uri -> its ``entry.html`` card, when several listings show cards."""

    @classmethod
    def of(
        cls,
        plan: Plan,
        excerpts: Mapping[str, Excerpt],
        page_info: Callable[[str], tuple[str, str] | None] = lambda _: None,
    ) -> Views:
        """The views of one build's plan, reading excerpts as MkDocs renders the posts."""
        return cls(
            blog=plan.blog,
            url_of=plan.url_of,
            image_url_of={uri: local for uri, (_, local) in plan.post_images.items()},
            excerpts=excerpts,
            strings=plan.settings.strings,
            date_format=plan.settings.date_format,
            drafts=plan.drafts,
            avatar_url_of=plan.avatars,
            max_authors=plan.settings.groupings.excerpt_max_authors,
            max_categories=plan.settings.groupings.excerpt_max_categories,
            feeds=plan.feeds,
            site_url=plan.settings.site_url,
            page_info=page_info,
        )

    def _link(self, target: str, page_url: str) -> str:
        # Seen from the site root (listing entries), a site-relative URL is already the link.
        if not page_url or not is_relative(target):
            return target
        return relative_url(target, page_url)

    def _link_to(self, src_uri: str, page_url: str) -> str:
        return self._link(self.url_of[src_uri], page_url)

    def _term_url(self, taxonomy: str, slug: str) -> str:
        """The site-relative URL of a term's first page (looked up once per term and build)."""
        key = (taxonomy, slug)
        url = self._term_urls.get(key)
        if url is None:
            url = self._term_urls[key] = self.url_of[self.blog.term_uri(taxonomy, slug)]
        return url

    def term_links(self, taxonomy: str, post: Post, page_url: str) -> list[View]:
        """The post's terms of one grouping, as links seen from ``page_url``."""
        terms = self.blog.taxonomies[taxonomy].terms_by_post[post.src_uri]
        if not page_url:
            # Seen from the site root (listing entries) a term's link is the same for every post:
            # one view per term instead of one per post and term, all kept until the build ends.
            return [self._site_term_link(taxonomy, term) for term in terms]
        return [
            View(
                self._site_term_link(taxonomy, term),
                url=self._link(self._term_url(taxonomy, term.slug), page_url),
            )
            for term in terms
        ]

    def tag_links(self, post: Post, page_url: str) -> list[View]:
        return self.term_links("tags", post, page_url)

    def category_links(self, post: Post, page_url: str) -> list[View]:
        return self.term_links("categories", post, page_url) if "categories" in self.blog.taxonomies else []

    def author_views(self, post: Post, page_url: str) -> list[View]:
        """``{id, name, description, url, profile_url, avatar}`` of each author of the post.

        ``url`` is the author's own ``url``, else their profile page (``authors_profiles``), else none.
        """
        profiles = self.blog.taxonomies.get("authors")
        views = []
        for author in self.blog.authors_of(post):
            profile = None
            if profiles is not None:
                term = profiles.term_by_key.get(tag_key(author.id))
                if term is not None:
                    profile = self._link(self._term_url("authors", term.slug), page_url)
            avatar = self.avatar_url_of.get(author.id)
            views.append(
                View(
                    id=author.id,
                    name=author.name,
                    description=author.description,
                    url=author.url or profile,
                    profile_url=profile,
                    avatar=View(url=self._link(avatar, page_url), alt=author.name) if avatar else None,
                )
            )
        return views

    def _site_term_link(self, taxonomy: str, term: Term) -> View:
        """``{name, slug, count, url}`` of a term, its URL site-relative; one view per term and build."""
        key = (taxonomy, term.slug)
        link = self._site_term_links.get(key)
        if link is None:
            link = self._site_term_links[key] = View(
                name=term.name, slug=term.slug, count=term.count, url=self._term_url(taxonomy, term.slug)
            )
        return link

    def _fixed(self, post: Post) -> dict[str, Any]:
        """The parts of a post's view that do not depend on the page showing it.

        Computed once for the post's header and its listing entry; `entry` drops it once copied.
        """
        fixed = self._fixed_cache.get(post.src_uri)
        if fixed is None:
            locale = self.strings.locale
            fixed = self._fixed_cache[post.src_uri] = {
                "title": post.title,
                "date_iso": post.date.isoformat() if post.date else None,
                "date_text": format_day(post.date, locale, self.date_format) if post.date else None,
                "updated_iso": post.updated.isoformat() if post.updated else None,
                "updated_text": format_day(post.updated, locale, self.date_format) if post.updated else None,
                "reading_time": post.reading_time,
                "reading_time_text": self.strings.format("reading_time", minutes=post.reading_time),
                "description": post.description,
                "draft": post.src_uri in self.drafts,
                "pinned": post.pin,
            }
        return fixed

    def post(self, post: Post, page_url: str) -> View:
        """The view of one post as seen from ``page_url`` (its own page or a listing)."""
        image_url = self.image_url_of.get(post.src_uri)
        return View(
            self._fixed(post),
            url=self._link_to(post.src_uri, page_url),
            tags=self.tag_links(post, page_url),
            categories=self.category_links(post, page_url),
            authors=self.author_views(post, page_url),
            image=View(url=self._link(image_url, page_url), alt=post.image_alt or "") if image_url else None,
        )

    def excerpt(self, post: Post) -> Excerpt | None:
        """The HTML a listing shows for a post (see `listing_excerpt`)."""
        return listing_excerpt(post, self.excerpts)

    def entry(self, post: Post) -> View:
        """A post as a listing shows it, with site-relative URLs; built once per post and build."""
        view = self._entry_cache.get(post.src_uri)
        if view is None:
            view = self.post(post, "")
            view["authors"] = view["authors"][: self.max_authors]
            view["categories"] = view["categories"][: self.max_categories]
            excerpt = self.excerpt(post)
            view["src_uri"] = post.src_uri
            view["excerpt_html"] = rebase_links(excerpt.html, excerpt.base_url, "") if excerpt else None
            view["read_more"] = post.src_uri in self.excerpts and self.excerpts[post.src_uri].explicit
            self._entry_cache[post.src_uri] = view
            # The entry holds a copy of the page-independent part; its own page was rendered
            # before any listing, so nothing else asks for it again in this build.
            self._fixed_cache.pop(post.src_uri, None)
        return view

    def listing(self, listing: ListingPage) -> View:
        """The context of one listing page, with site-relative URLs."""

        def link(uri: str | None) -> str | None:
            return self._link_to(uri, "") if uri else None

        overviews = self.overview_links()
        term = listing.term
        term_view = View(name=term.name, slug=term.slug, count=term.count) if term is not None else None
        author = None
        if listing.taxonomy == "authors" and term is not None:
            person = self.blog.people.get(term.value)
            if person is not None:
                avatar = self.avatar_url_of.get(person.id)
                author = View(
                    id=person.id,
                    name=person.name,
                    description=person.description,
                    url=person.url,
                    avatar=View(url=avatar, alt=person.name) if avatar else None,
                )
        pages = []
        if listing.taxonomy == "tags" and term is not None and listing.number == 1:
            for uri in self.blog.tagged_pages.get(term.slug, ()):
                found = self.page_info(uri)
                if found is not None:
                    pages.append(View(title=found[0], url=found[1]))
        return View(
            author=author,
            pages=pages,
            kind=listing.kind,
            number=listing.number,
            count=listing.count,
            taxonomy=listing.taxonomy,
            term=term_view,
            tag=term_view if listing.taxonomy == "tags" else None,
            entries=[self.entry(post) for post in listing.posts],
            page_urls=[self.url_of[uri] for uri in self._pages_of(listing.first_uri)],
            newer_url=link(listing.newer_uri),
            older_url=link(listing.older_uri),
            first_url=link(listing.first_uri),
            tags_index_url=link(self.blog.tags_index_uri),
            overview_url=overviews.get(listing.taxonomy) if listing.taxonomy else None,
            overview_urls=overviews,
            blog_url=link(self.blog.index_uri),
        )

    def _pages_of(self, first_uri: str) -> list[str]:
        """The src_uris of every page of the listing whose first page is ``first_uri``, in order."""
        if self._listing_pages is None:
            self._listing_pages = {}
            for listing in self.blog.listings:
                self._listing_pages.setdefault(listing.first_uri, []).append(listing.src_uri)
        return self._listing_pages[first_uri]

    def overview_links(self) -> dict[str, str]:
        """Grouping name -> the site-relative URL of its overview page, for those that have one."""
        if self._overview_urls is None:
            self._overview_urls = {name: self.url_of[uri] for uri, name in self.blog.overviews().items()}
        return self._overview_urls

    def overview(self, taxonomy: str, page_url: str) -> View:
        """The context of a grouping's overview: every term with its count and page.

        The terms are under ``terms``, and also under ``tags`` (the name ``tags.html`` has always used).
        """
        terms = []
        for term in self.blog.taxonomies[taxonomy].terms:
            avatar = self.avatar_url_of.get(term.value) if taxonomy == "authors" else None
            terms.append(
                View(
                    self._site_term_link(taxonomy, term),
                    count_text=self.strings.posts(term.count),
                    url=self._link(self._term_url(taxonomy, term.slug), page_url),
                    avatar=View(url=self._link(avatar, page_url), alt=term.name) if avatar else None,
                )
            )
        return View(
            taxonomy=taxonomy,
            terms=terms,
            tags=terms,
            blog_url=self._link_to(self.blog.index_uri, page_url),
        )

    # -- the theme's context: ``blog`` on every page, ``post`` on posts, ``listing`` on listings ----

    def theme_blog(self) -> View:
        """``blog``: the whole blog as the theme's templates see it, built once per build.

        URLs are site-relative like MkDocs' ``page.url`` (``blog/posts/x/``), for its ``url`` filter.
        """
        if self._theme_blog is None:
            taxonomies = self.blog.taxonomies

            def terms(name: str) -> list[View]:
                if name not in taxonomies:
                    return []
                return [
                    View(self._site_term_link(name, term), feeds=self._feed_urls((name, term.slug)))
                    for term in taxonomies[name].terms
                ]

            posts = []
            for post in self.blog.posts:
                entry = View(self.entry(post))
                if entry["excerpt_html"] and self.site_url:  # shared by every page: absolute links
                    entry["excerpt_html"] = absolutize_links(entry["excerpt_html"], self.site_url)
                posts.append(entry)
            self._theme_blog = themed(
                View(
                    url=self.url_of[self.blog.index_uri],
                    title=self.strings["blog"],
                    posts=posts,
                    tags=terms("tags"),
                    categories=terms("categories"),
                    archives=terms("archive"),
                    authors=[
                        self._theme_author(person, term, count) for person, term, count in self._people()
                    ],
                    overviews=self.overview_links(),
                    feeds=self._feed_urls(None),
                )
            )
            self._theme_posts = {entry["src_uri"]: entry for entry in self._theme_blog["posts"]}
        return self._theme_blog

    def _feed_urls(self, key: tuple[str, str] | None) -> View:
        """``{rss, atom, json}`` -> site-relative URL of the feeds of the blog (``None``) or of a term."""
        feeds = self.feeds.get(key)
        if feeds is None:
            return View()
        return View({kind: quote(path) for kind, path in feeds.paths.items()})

    def _people(self) -> list[tuple[Author, Term | None, int]]:
        """Every credited author, first credited first: their profile's term (if any), their posts."""
        profiles = self.blog.taxonomies.get("authors")
        seen: dict[str, Author] = {}
        counts: dict[str, int] = {}
        for post in self.blog.posts:
            for author in self.blog.authors_of(post):
                seen.setdefault(author.id, author)
                counts[author.id] = counts.get(author.id, 0) + 1
        return [
            (author, profiles.term_by_key.get(tag_key(author.id)) if profiles else None, counts[author.id])
            for author in seen.values()
        ]

    def _theme_author(self, author: Author, term: Term | None, count: int) -> View:
        """An author of ``blog.authors``: ``url`` is the profile page when there is one, else their own."""
        avatar = self.avatar_url_of.get(author.id)
        profile = self._term_url("authors", term.slug) if term is not None else None
        return View(
            id=author.id,
            name=author.name,
            description=author.description,
            website=author.url,
            profile_url=profile,
            url=author.url or profile,
            count=count,
            avatar=View(url=avatar, alt=author.name) if avatar else None,
        )

    def theme_post(
        self, post: Post, page_url: str, neighbours: tuple[Post | None, Post | None], related: Sequence[Post]
    ) -> View:
        """``post``: the current post as the theme sees it (escaped, see `themed`): all its authors and
        categories, its excerpt's links made for its page, its newer (``previous``) and older
        (``next``) post and its related posts (entries of ``blog.posts``)."""
        self.theme_blog()
        entries = self._theme_posts

        def entry(other: Post | None) -> View | None:
            return entries.get(other.src_uri) if other is not None else None

        own = self.entry(post)
        excerpt = own["excerpt_html"]
        newer, older = neighbours
        view: View = themed(
            View(
                own,
                authors=self.author_views(post, ""),
                categories=self.category_links(post, ""),
                excerpt_html=rebase_links(excerpt, "", page_url) if excerpt else excerpt,
            )
        )
        view.update(
            previous=entry(newer),
            next=entry(older),
            related=[found for other in related if (found := entry(other)) is not None],
        )
        return view

    def theme_listing(self, listing: ListingPage) -> View:
        """``listing``: the listing page as the theme sees it (escaped, see `themed`); its entries
        are those of ``blog.posts``, shared."""
        self.theme_blog()
        plain = self.listing(listing)
        entries = [self._theme_posts.get(entry["src_uri"]) or themed(entry) for entry in plain.pop("entries")]
        view: View = themed(plain)
        view["entries"] = entries
        return view

    def tags_index(self, page_url: str) -> View:
        """The context of the tags overview."""
        return self.overview("tags", page_url)
