"""The typed options of ``- blog-tags:`` in mkdocs.yml, their defaults, and the `Settings` of a build.

Every option is optional: posts shaped like the reference post need none. Each
option's type validates its value, so a bad value is a `ValidationError` naming
the option, before the build starts. `Settings` is the frozen, plain-valued view
of the options and of the few MkDocs settings the core needs; nothing below
``on_config`` reads a ``Config`` object.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import string
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError
from mkdocs.config.defaults import MkDocsConfig

from .dates import DateError, get_timezone
from .i18n import Strings, check_locale, normalize_locale
from .languages import Language
from .layout import Layout
from .lint import LintSettings, parse_lint
from .posts import DEFAULT_FIELDS

__all__ = ["BlogTagsConfig", "FeedSettings", "Groupings", "HeaderConfig", "Settings"]


class _NonNegativeInt(c.Type[int]):
    def __init__(self, default: int | None, minimum: int = 0) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < self.minimum:
            raise ValidationError(f"Expected a whole number >= {self.minimum}, got {number!r}.")
        return number


class _Fields(BaseConfigOption[dict[str, tuple[str, ...]]]):
    """``fields: {tags: keywords}``: front-matter keys to read for a field, replacing the defaults."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, Any] = {}

    def run_validation(self, value: object) -> dict[str, tuple[str, ...]]:
        if not isinstance(value, dict):
            raise ValidationError(f"Expected a mapping of field names to keys, got {value!r}.")
        fields = dict(DEFAULT_FIELDS)
        for field, keys in value.items():
            if field not in DEFAULT_FIELDS:
                known = ", ".join(DEFAULT_FIELDS)
                raise ValidationError(f"Unknown field {field!r}; known fields: {known}.")
            if isinstance(keys, str):
                keys = [keys]
            if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
                raise ValidationError(f"Field {field!r}: expected a key or a list of keys.")
            fields[field] = tuple(keys)
        return fields


class _Timezone(c.Type[str]):
    """An IANA timezone name (``Europe/Paris``), checked when the config is loaded."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            get_timezone(name)
        except DateError as err:
            raise ValidationError(str(err)) from err
        return name


class _Locale(c.Type[str]):
    """A locale Babel knows: ``fr``, ``fr_FR``, ``fr-FR``, ``pt-BR``, ``zh-Hant``; another is an error
    naming it and the closest known one."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        if name:
            try:
                check_locale(name)
            except ValueError as err:
                raise ValidationError(str(err)) from err
        return name


class _StringOverrides(c.DictOfItems[str]):
    """``strings: {blog: Journal}``: overrides of interface words, by known keys only."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        strings = super().run_validation(value)
        unknown = sorted(set(strings) - Strings.KEYS)
        if unknown:
            raise ValidationError(
                f"unknown keys {', '.join(unknown)}; known keys: {', '.join(sorted(Strings.KEYS))}."
            )
        return strings


POST_URL_FIELDS = ("date", "slug", "categories", "file", "year", "month", "day")


def _format_fields(text: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]


class _UrlFormat(c.Type[str]):
    """A format string whose placeholders are all among ``known`` (and include one of ``required``)."""

    def __init__(
        self,
        known: tuple[str, ...],
        required: str | tuple[str, ...] | None = None,
        default: str | None = None,
    ) -> None:
        super().__init__(str, default=default)
        self.known = known
        self.needs = (required,) if isinstance(required, str) else required

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            fields = _format_fields(text)
        except ValueError as err:
            raise ValidationError(f"{text!r} is not a format string ({err}).") from err
        unknown = [f for f in fields if f not in self.known]
        if unknown:
            names = ", ".join("{" + f + "}" for f in unknown)
            known = ", ".join("{" + f + "}" for f in self.known)
            raise ValidationError(f"unknown placeholder {names} in {text!r}; known placeholders: {known}.")
        if self.needs and not any(need in fields for need in self.needs):
            either = " or ".join("{" + need + "}" for need in self.needs)
            raise ValidationError(f"{text!r} must contain {either}.")
        return text


class _Redirects(BaseConfigOption[bool | str]):
    """``post_url_redirects``: ``true`` (from each file's own URL) or a previous ``post_url_format``."""

    def __init__(self) -> None:
        super().__init__()
        self.default = False
        self._format = _UrlFormat(POST_URL_FIELDS)

    def run_validation(self, value: object) -> bool | str:
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return self._format.run_validation(value)
        raise ValidationError(f"Expected true, false or a post_url_format, got {value!r}.")


class _SortBy(BaseConfigOption[str]):
    """``name`` or ``count`` (most posts first); Material's functions
    (``!!python/name:material.plugins.blog.view_post_count``) are read by their name, so a migrated
    mkdocs.yml keeps its order: Material's count sorts fewest first (``fewest`` here)."""

    _MATERIAL: ClassVar[dict[str, str]] = {"view_name": "name", "view_post_count": "fewest"}

    def __init__(self) -> None:
        super().__init__()
        self.default = "name"

    def run_validation(self, value: object) -> str:
        name = getattr(value, "__name__", value)
        if isinstance(name, str) and name in self._MATERIAL:
            return self._MATERIAL[name]
        if name in ("name", "count", "fewest"):
            return str(name)
        raise ValidationError(f"Expected 'name', 'count' or 'fewest', got {value!r}.")


class _Lint(BaseConfigOption[LintSettings]):
    """``lint:``: ``false``, or rule ids to switch off and limits to change (`lint.parse_lint`)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> LintSettings:
        try:
            return parse_lint(value)
        except ValueError as err:
            raise ValidationError(str(err)) from err


class _Ignored(BaseConfigOption[Any]):
    """An option of Material's blog plugin that blog-tags does not use (yet): accepted, then named once."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> Any:
        return value


#: Options of Material's blog plugin with no meaning here yet; accepted with one warning naming them.
MATERIAL_ONLY = (
    "blog_toc",
    "post_slugify",
    "post_excerpt",
    "archive_toc",
    "categories_slugify",
    "categories_toc",
    "authors_profiles_toc",
    "pagination_format",
    "pagination_if_single_page",
    "pagination_keep_content",
    "pagination_template",
    "draft",
)


class HeaderConfig(base.Config):
    """Which parts of the header shown under each post's title."""

    date = c.Type(bool, default=True)
    reading_time = c.Type(bool, default=True)
    authors = c.Type(bool, default=True)
    categories = c.Type(bool, default=True)
    tags = c.Type(bool, default=True)
    image = c.Type(bool, default=True)


class FooterConfig(base.Config):
    """Which parts of the navigation under each post (``post_footer.html``)."""

    previous_next = c.Type(bool, default=True)
    """Links to the newer post (``rel="prev"``, as on the index pager) and the older one (``rel="next"``)."""
    related = _NonNegativeInt(default=3)
    """How many related posts (most shared tags and categories, then nearest in date); 0 for none."""
    blog_link = c.Type(bool, default=True)
    """A link back to the blog index."""


class FeedsConfig(base.Config):
    """The blog's feeds and the per-tag feeds."""

    rss = c.Type(bool, default=True)
    """Write RSS 2.0 feeds."""
    atom = c.Type(bool, default=True)
    """Write Atom 1.0 feeds."""
    json = c.Type(bool, default=True)
    """Write a JSON Feed 1.1 for the whole blog (not per tag)."""
    tags = c.Type(bool, default=True)
    """Write an RSS and an Atom feed (as enabled above) next to every tag page."""
    categories = c.Type(bool, default=True)
    """Write an RSS and an Atom feed (as enabled above) next to every category page."""
    limit = _NonNegativeInt(default=20)
    """Newest entries per feed; 0 for all."""
    full_content = c.Type(bool, default=False)
    """Put each post's whole HTML in the feeds, besides the summary."""
    rss_name = c.Type(str, default="feed.xml")
    atom_name = c.Type(str, default="atom.xml")
    json_name = c.Type(str, default="feed.json")


class _Options(base.Config):
    enabled = c.Type(bool, default=True)
    """``false`` turns the plugin off (Material's option)."""
    blog_dir = c.Type(str, default="blog")
    """Folder under docs_dir of the blog: its posts and generated pages."""
    post_dir = c.Optional(_UrlFormat(("blog",)))
    """Folder of the posts (``{blog}`` is blog_dir); default: ``{blog}/posts`` if it exists, else blog_dir."""
    include = c.ListOfItems(c.Type(str), default=["*"])
    """fnmatch patterns, relative to the posts folder, of the Markdown files that are posts."""
    exclude = c.ListOfItems(c.Type(str), default=[])
    """fnmatch patterns, relative to the posts folder, of Markdown files that are not posts."""
    post_url_format = c.Optional(_UrlFormat(POST_URL_FIELDS))
    """Post URLs under blog_dir, e.g. ``{date}/{slug}`` (Material's); unset: each post's file's own URL."""
    post_url_date_format = c.Type(str, default="yyyy/MM/dd")
    """CLDR pattern of ``{date}`` in ``post_url_format``."""
    post_url_max_categories = _NonNegativeInt(default=1)
    """How many categories ``{categories}`` puts in a post's URL."""
    post_slugify_separator = c.Type(str, default="-")
    """Separator of the words of a post's slug made from its title."""
    post_url_redirects = _Redirects()
    """``true``: a redirect from each moved post's file URL; a format string: from that previous format."""
    tags_dir = c.Type(str, default="tags")
    """Folder, under blog_dir, of the tags overview and one page per tag."""
    page_dir = c.Type(str, default="page")
    """Folder name of the later pages of a listing (``blog/page/2/``)."""
    pagination_url_format = c.Optional(_UrlFormat(("page",), required="page"))
    """Path of a listing's later pages (Material's name), e.g. ``page/{page}``; replaces ``page_dir``."""
    per_page = _NonNegativeInt(default=10)
    """Posts per page of the blog index; 0 puts every post on one page."""
    pagination_per_page = c.Optional(_NonNegativeInt(default=None))
    """Material's name of ``per_page``; wins when both are set."""
    tag_per_page = _NonNegativeInt(default=0)
    """Posts per tag page; 0 (the default) lists all of a tag's posts on one page."""
    slug_mode = c.Choice(("transliterate", "unicode"), default="transliterate")
    """``transliterate``: ASCII slugs (``ingenierie``); ``unicode``: keep letters (``ingénierie``)."""
    tag_slugs = c.DictOfItems(c.Type(str), default={})
    """Explicit slugs for tags, e.g. ``{"C#": csharp}``; keys match tags case-insensitively."""
    timezone = _Timezone(default="UTC")
    """IANA timezone in which dates without an offset are read."""
    locale = c.Optional(_Locale())
    """Language of dates and interface words; default: the theme's language, else English."""
    date_format = c.Type(str, default="long")
    """Babel date format: short, medium, long, full, or a CLDR pattern like ``d MMM y``."""
    post_date_format = c.Optional(c.Type(str))
    """Material's name of ``date_format``; wins when both are set."""
    words_per_minute = _NonNegativeInt(default=265, minimum=1)
    """Reading speed for the reading time (CJK characters count as half a word)."""
    post_readtime_words_per_minute = c.Optional(_NonNegativeInt(default=None, minimum=1))
    """Material's name of ``words_per_minute``; wins when both are set."""
    post_readtime = c.Optional(c.Type(bool))
    """Material's switch of the reading time in the post header (``header.reading_time``)."""
    excerpt_separator = c.Type(str, default="<!-- more -->")
    """Where a post's listing excerpt ends, as it appears in the rendered HTML."""
    post_excerpt_separator = c.Optional(c.Type(str))
    """Material's name of ``excerpt_separator``; wins when both are set."""
    header = c.SubConfig(HeaderConfig)
    """Parts of the header shown under each post's title."""
    footer = c.SubConfig(FooterConfig)
    """Parts of the navigation under each post: previous/next, related posts, back to the blog."""
    page_tags = c.Type(bool, default=False)
    """List the pages outside the blog that have ``tags:`` on their tags' pages, apart from the posts."""
    nav_overviews = c.Type(bool, default=False)
    """Put the tags overview, the archive and the categories under the blog in the site's navigation."""
    fields = _Fields()
    """Front-matter keys per field, replacing the built-in aliases for that field."""
    draft_on_serve = c.Optional(c.Type(bool))
    """Show drafts (marked) under ``mkdocs serve``; default true, as Material."""
    drafts_on_serve = c.Optional(c.Type(bool))
    """The former name of ``draft_on_serve``."""
    draft_if_future_date = c.Type(bool, default=True)
    """Treat posts dated in the future as drafts (Material's option; true by default here)."""
    add_to_nav = c.Type(bool, default=True)
    """With an explicit ``nav:`` that does not list the blog, append the blog index to it."""
    css = c.Type(bool, default=True)
    """Add the small stylesheet ``assets/blog-tags.css`` to every page."""
    strings = _StringOverrides()
    """Overrides of interface words, e.g. ``{blog: Journal}`` (see the docs for the keys)."""
    meta = c.Type(bool, default=True)
    """Write Open Graph, Twitter card, JSON-LD, description and canonical tags into each page's head."""
    meta_scope = c.Choice(("all", "blog"), default="all")
    """``all``: every page of the site gets share meta; ``blog``: only posts and blog listings."""
    default_image = c.Optional(c.Type(str))
    """Share image, relative to docs_dir (or a URL), for pages that have none of their own."""
    default_image_alt = c.Optional(c.Type(str))
    """Alt text of ``default_image``."""
    twitter_site = c.Optional(c.Type(str))
    """``twitter:site``: the site's account, e.g. ``@example``."""
    twitter_creator = c.Optional(c.Type(str))
    """``twitter:creator``: the author's account, e.g. ``@someone``."""
    feeds = c.SubConfig(FeedsConfig)
    """RSS, Atom and JSON Feed files next to the blog index and each tag page."""
    lint = _Lint()
    """The share-readiness checks of every post: ``false`` for none, or rules to switch off and limits."""
    share_preview = c.Optional(c.Type(bool))
    """The page ``blog/share-preview/``, each post's link previews; default: under ``mkdocs serve`` only."""
    pagination = c.Type(bool, default=True)
    """``false``: the blog index and the category, archive and author pages are one page each (Material's
    option; tag pages follow ``tag_per_page``)."""
    post_excerpt_max_authors = _NonNegativeInt(default=1)
    """Authors shown on a post's entry in listings (Material's option); 0 for none."""
    post_excerpt_max_categories = _NonNegativeInt(default=5)
    """Categories shown on a post's entry in listings (Material's option); 0 for none."""
    # Categories, archives and authors, with Material's names and defaults.
    categories = c.Type(bool, default=True)
    """A page per category of the posts (``categories:``), and a categories overview."""
    categories_name = c.Optional(c.Type(str))
    """Title of the categories overview; Material's key (``blog.categories``) means the default."""
    categories_url_format = _UrlFormat(("slug",), required="slug", default="category/{slug}")
    """Path of a category's page under blog_dir."""
    categories_slugify_separator = c.Type(str, default="-")
    """Separator of the words of a category's slug (Material's slugs: ``Slow Living`` is ``slow-living``)."""
    categories_sort_by = _SortBy()
    """Order of the categories overview: ``name``, ``count`` (most posts first) or ``fewest``."""
    categories_sort_reverse = c.Type(bool, default=False)
    categories_allowed = c.ListOfItems(c.Type(str), default=[])
    """When not empty, the only categories a post may have: another is a warning naming file and value."""
    categories_pagination = c.Optional(c.Type(bool))
    """Paginate category pages (default: ``pagination``)."""
    categories_pagination_per_page = c.Optional(_NonNegativeInt(default=None))
    """Posts per category page (default: the blog index's)."""
    category_slugs = c.DictOfItems(c.Type(str), default={})
    """Explicit slugs for categories, e.g. ``{"C#": csharp}``; keys match case-insensitively."""
    archive = c.Type(bool, default=True)
    """A page per year (or month) of the posts, and an archive overview."""
    archive_name = c.Optional(c.Type(str))
    """Title of the archive overview; Material's translation key (``blog.archive``) means the default."""
    archive_date_format = c.Type(str, default="yyyy")
    """CLDR pattern of an archive page's name (``MMMM yyyy`` for months)."""
    archive_url_date_format = c.Type(str, default="yyyy")
    """CLDR pattern of ``{date}`` in ``archive_url_format``; ``yyyy/MM`` makes month archives."""
    archive_url_format = _UrlFormat(("date",), required="date", default="archive/{date}")
    """Path of an archive page under blog_dir."""
    archive_pagination = c.Optional(c.Type(bool))
    archive_pagination_per_page = c.Optional(_NonNegativeInt(default=None))
    authors = c.Type(bool, default=True)
    """Read ``authors:`` of posts as ids of the authors file (as names when there is none)."""
    authors_file = _UrlFormat(("blog",), default="{blog}/.authors.yml")
    """The authors file, relative to docs_dir (``{blog}`` is blog_dir), in Material's schema."""
    authors_profiles = c.Type(bool, default=False)
    """A page per author listing their posts."""
    authors_profiles_name = c.Optional(c.Type(str))
    authors_profiles_url_format = _UrlFormat(
        ("slug", "name"), required=("slug", "name"), default="author/{slug}"
    )
    """Path of an author's page under blog_dir; ``{slug}`` is the author's ``slug``, else the id."""
    authors_profiles_pagination = c.Optional(c.Type(bool))
    authors_profiles_pagination_per_page = c.Optional(_NonNegativeInt(default=None))


class BlogTagsConfig(_Options):
    """The options, plus those of Material's blog plugin that have no meaning here (`MATERIAL_ONLY`)."""

    locals().update({_name: _Ignored() for _name in MATERIAL_ONLY})


FEED_KINDS = ("rss", "atom", "json")


@dataclasses.dataclass(frozen=True)
class FeedSettings:
    """The feeds to write, as plain values."""

    formats: tuple[str, ...]
    """Enabled kinds among ``rss``, ``atom``, ``json``, in that order."""
    names: Mapping[str, str]
    """Kind -> file name of each enabled format (``feed.xml``)."""
    tags: bool
    limit: int
    full_content: bool

    def names_for(self, term: bool) -> dict[str, str]:
        """File names of the feeds of the blog, or of one term (no JSON Feed per term)."""
        return {kind: name for kind, name in self.names.items() if not (term and kind == "json")}


@dataclasses.dataclass(frozen=True)
class Groupings:
    """Categories, archives and authors (Material's options), as plain values."""

    categories: bool = True
    categories_url_format: str = "category/{slug}"
    categories_separator: str = "-"
    categories_sort: str = "name"
    categories_reverse: bool = False
    categories_allowed: tuple[str, ...] = ()
    categories_per_page: int = 10
    categories_title: str | None = None
    category_slugs: Mapping[str, str] = dataclasses.field(default_factory=dict)
    category_feeds: bool = True
    archive: bool = True
    archive_date_format: str = "yyyy"
    archive_url_date_format: str = "yyyy"
    archive_url_format: str = "archive/{date}"
    archive_per_page: int = 10
    archive_title: str | None = None
    authors: bool = True
    authors_file: str = "blog/.authors.yml"
    authors_file_given: bool = False
    """The authors file was named in mkdocs.yml: its absence is reported."""
    authors_profiles: bool = False
    authors_url_format: str = "author/{slug}"
    authors_per_page: int = 10
    authors_title: str | None = None
    excerpt_max_authors: int = 1
    excerpt_max_categories: int = 5

    @classmethod
    def from_options(cls, options: BlogTagsConfig, blog_dir: str, per_page: int) -> Groupings:
        """``per_page``: the blog index's page size as set, whether or not ``pagination`` is on."""
        paginate = options.pagination

        def pages(view: str) -> int:
            """Posts per page of a view: ``<view>_pagination`` (default ``pagination``), then its size."""
            on = options[f"{view}_pagination"]
            size = options[f"{view}_pagination_per_page"]
            if not (paginate if on is None else on):
                return 0
            return per_page if size is None else size

        def title(name: str, key: str) -> str | None:
            value = options[name]
            return None if value in (None, key) else value

        authors_file = options.authors_file
        return cls(
            categories=options.categories,
            categories_url_format=options.categories_url_format,
            categories_separator=options.categories_slugify_separator,
            categories_sort=options.categories_sort_by,
            categories_reverse=options.categories_sort_reverse,
            categories_allowed=tuple(options.categories_allowed),
            categories_per_page=pages("categories"),
            categories_title=title("categories_name", "blog.categories"),
            category_slugs=dict(options.category_slugs),
            category_feeds=options.feeds.categories,
            archive=options.archive,
            archive_date_format=options.archive_date_format,
            archive_url_date_format=options.archive_url_date_format,
            archive_url_format=options.archive_url_format,
            archive_per_page=pages("archive"),
            archive_title=title("archive_name", "blog.archive"),
            authors=options.authors,
            authors_file=(path := posixpath.normpath(authors_file.format(blog=blog_dir).strip("/"))),
            authors_file_given=path != posixpath.normpath(posixpath.join(blog_dir, ".authors.yml")),
            authors_profiles=options.authors_profiles,
            authors_url_format=options.authors_profiles_url_format,
            authors_per_page=pages("authors_profiles"),
            authors_title=title("authors_profiles_name", "blog.authors"),
            excerpt_max_authors=options.post_excerpt_max_authors,
            excerpt_max_categories=options.post_excerpt_max_categories,
        )


@dataclasses.dataclass(frozen=True)
class Settings:
    """One build's configuration: the plugin's options and the MkDocs settings the core reads."""

    layout: Layout
    per_page: int
    tag_per_page: int
    slug_mode: Literal["transliterate", "unicode"]
    tag_slugs: Mapping[str, str]
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    fields: Mapping[str, tuple[str, ...]]
    tz: dt.tzinfo
    words_per_minute: int
    excerpt_separator: str
    locale: str
    locale_problem: str | None
    """Why the theme's language is not used (Babel does not know it), to be said once."""
    strings: Strings
    date_format: str
    header: Mapping[str, bool]
    footer: Mapping[str, Any]
    """``previous_next``, ``related`` (a number), ``blog_link``."""
    nav_overviews: bool
    page_tags: bool
    show_drafts: bool
    """Drafts are built and marked (``draft_on_serve`` under ``mkdocs serve``)."""
    future_is_draft: bool
    """``draft_if_future_date``: a post dated in the future is a draft."""
    post_dir: str | None
    """The posts folder as set (``{blog}`` replaced); ``None``: found from the files."""
    post_url_format: str | None
    post_url_date_format: str
    post_url_max_categories: int
    post_slug_separator: str
    post_url_redirects: bool | str
    groupings: Groupings
    ignored_options: tuple[str, ...]
    """Material options set in mkdocs.yml that have no meaning here."""
    add_to_nav: bool
    css: bool
    meta: bool
    meta_scope: Literal["all", "blog"]
    default_image: str | None
    default_image_alt: str | None
    twitter_site: str | None
    twitter_creator: str | None
    feeds: FeedSettings
    lint: LintSettings
    share_preview: bool
    """Write the share-preview page (``share_preview``, or ``mkdocs serve``)."""
    site_url: str | None
    """``site_url``, always ending with ``/``; ``None`` when unset (no absolute URL, no feed)."""
    site_name: str
    site_description: str | None
    site_author: str | None
    theme_dirs: tuple[str, ...]
    nav: Any
    """The explicit ``nav:`` of mkdocs.yml, or ``None``."""
    language: Language | None = None
    """This build's language on a multilingual site (mkdocs-static-i18n); ``None``: a site of one."""

    @property
    def read_key(self) -> tuple[object, ...]:
        """What a post's reading depends on besides its file (part of the read cache's key)."""
        return (repr(self.fields), str(self.tz), self.words_per_minute)

    @classmethod
    def from_config(
        cls, options: BlogTagsConfig, config: MkDocsConfig, command: str, language: Language | None = None
    ) -> Settings:
        """``language``: this build's, on a multilingual site; the blog's sources are that language's
        (``fr/blog`` in static-i18n's folder structure)."""
        feeds = options.feeds
        formats = tuple(kind for kind in FEED_KINDS if feeds[kind])
        blog_dir = blog_folder(options)
        if language is not None:
            blog_dir = language.source(blog_dir)

        def either(material: str, ours: str) -> Any:
            """Material's name wins when both are set."""
            value = options[material]
            return options[ours] if value is None else value

        header = {key: bool(value) for key, value in options.header.items()}
        if options.post_readtime is not None:
            header["reading_time"] = options.post_readtime
        draft_on_serve = either("draft_on_serve", "drafts_on_serve")
        per_page = either("pagination_per_page", "per_page") if options.pagination else 0
        post_dir = options.post_dir
        theme_language, theme_problem = _theme_language(config)
        code = language.code if language is not None else None
        return cls(
            layout=Layout(
                blog_dir=blog_dir,
                tags_dir=options.tags_dir.strip("/"),
                page_dir=options.page_dir.strip("/"),
                page_format=options.pagination_url_format,
            ),
            per_page=per_page,
            tag_per_page=options.tag_per_page,
            slug_mode="unicode" if options.slug_mode == "unicode" else "transliterate",
            tag_slugs=dict(options.tag_slugs),
            include=tuple(options.include),
            exclude=tuple(options.exclude),
            fields=options.fields,
            tz=get_timezone(options.timezone),
            words_per_minute=either("post_readtime_words_per_minute", "words_per_minute"),
            excerpt_separator=either("post_excerpt_separator", "excerpt_separator"),
            # static-i18n sets the theme's language of each language's build (before this runs).
            locale=(locale := normalize_locale(options.locale or theme_language or code)),
            locale_problem=None if options.locale else theme_problem,
            strings=(strings := Strings(locale, options.strings)),
            date_format=either("post_date_format", "date_format"),
            # Plain values for the per-post template: a Config object's attributes are slow descriptors.
            header=header,
            footer=dict(options.footer.items()),
            nav_overviews=options.nav_overviews,
            page_tags=options.page_tags,
            show_drafts=(draft_on_serve is None or draft_on_serve) and command == "serve",
            future_is_draft=options.draft_if_future_date,
            post_dir=posixpath.normpath(post_dir.format(blog=blog_dir).strip("/")) if post_dir else None,
            post_url_format=options.post_url_format,
            post_url_date_format=options.post_url_date_format,
            post_url_max_categories=options.post_url_max_categories,
            post_slug_separator=options.post_slugify_separator,
            post_url_redirects=options.post_url_redirects,
            groupings=Groupings.from_options(options, blog_dir, either("pagination_per_page", "per_page")),
            ignored_options=tuple(name for name in MATERIAL_ONLY if options[name] is not None),
            add_to_nav=options.add_to_nav,
            css=options.css,
            meta=options.meta,
            meta_scope="blog" if options.meta_scope == "blog" else "all",
            default_image=options.default_image,
            default_image_alt=options.default_image_alt,
            twitter_site=options.twitter_site,
            twitter_creator=options.twitter_creator,
            feeds=FeedSettings(
                formats=formats,
                names={kind: feeds[f"{kind}_name"] for kind in formats},
                tags=feeds.tags,
                limit=feeds.limit,
                full_content=feeds.full_content,
            ),
            lint=dataclasses.replace(
                options.lint if isinstance(options.lint, LintSettings) else parse_lint(options.lint),
                strings=strings,  # the findings in the site's words
            ),
            share_preview=command == "serve" if options.share_preview is None else options.share_preview,
            site_url=config.site_url or None,
            site_name=config.site_name,
            site_description=config.site_description or None,
            site_author=config.site_author or None,
            theme_dirs=tuple(config.theme.dirs),
            nav=config.nav,
            language=language,
        )


def blog_folder(options: BlogTagsConfig) -> str:
    """The blog's folder under docs_dir, normalised (``.`` for docs_dir itself)."""
    return posixpath.normpath(options.blog_dir.strip("/")) or "."


def _theme_language(config: MkDocsConfig) -> tuple[str | None, str | None]:
    """``(language, problem)``: the theme's ``theme.locale`` (mkdocs, readthedocs) or ``theme.language``
    (Material). One Babel does not know (Material's ``custom``) leaves the blog in English, said once."""
    for key in ("language", "locale"):
        value = config.theme.get(key)
        if value:
            try:
                check_locale(str(value))
            except ValueError as err:
                return None, (
                    f"theme {key}: {err} The blog's words and dates are in English: set blog-tags' "
                    "'locale' to choose their language."
                )
            return str(value), None
    return None, None
