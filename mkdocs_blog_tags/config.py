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
from collections.abc import Mapping
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError
from mkdocs.config.defaults import MkDocsConfig

from .dates import DateError, get_timezone
from .i18n import Strings, normalize_locale
from .layout import Layout
from .posts import DEFAULT_FIELDS

__all__ = ["BlogTagsConfig", "FeedSettings", "HeaderConfig", "Settings"]


class _NonNegativeInt(c.Type[int]):
    def __init__(self, default: int, minimum: int = 0) -> None:
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


class HeaderConfig(base.Config):
    """Which parts of the header shown under each post's title."""

    date = c.Type(bool, default=True)
    reading_time = c.Type(bool, default=True)
    tags = c.Type(bool, default=True)
    image = c.Type(bool, default=True)


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
    limit = _NonNegativeInt(default=20)
    """Newest entries per feed; 0 for all."""
    full_content = c.Type(bool, default=False)
    """Put each post's whole HTML in the feeds, besides the summary."""
    rss_name = c.Type(str, default="feed.xml")
    atom_name = c.Type(str, default="atom.xml")
    json_name = c.Type(str, default="feed.json")


class BlogTagsConfig(base.Config):
    blog_dir = c.Type(str, default="blog")
    """Folder under docs_dir whose Markdown files (other than index.md) are posts."""
    include = c.ListOfItems(c.Type(str), default=["*.md"])
    """fnmatch patterns, relative to blog_dir, of the files that are posts (``*`` crosses folders)."""
    exclude = c.ListOfItems(c.Type(str), default=[])
    """fnmatch patterns, relative to blog_dir, of files that are not posts."""
    tags_dir = c.Type(str, default="tags")
    """Folder, under blog_dir, of the tags overview and one page per tag."""
    page_dir = c.Type(str, default="page")
    """Folder name of the later pages of a listing (``blog/page/2/``)."""
    per_page = _NonNegativeInt(default=10)
    """Posts per page of the blog index; 0 puts every post on one page."""
    tag_per_page = _NonNegativeInt(default=0)
    """Posts per tag page; 0 (the default) lists all of a tag's posts on one page."""
    slug_mode = c.Choice(("transliterate", "unicode"), default="transliterate")
    """``transliterate``: ASCII slugs (``ingenierie``); ``unicode``: keep letters (``ingénierie``)."""
    tag_slugs = c.DictOfItems(c.Type(str), default={})
    """Explicit slugs for tags, e.g. ``{"C#": csharp}``; keys match tags case-insensitively."""
    timezone = _Timezone(default="UTC")
    """IANA timezone in which dates without an offset are read."""
    locale = c.Optional(c.Type(str))
    """Language of dates and interface words; default: the theme's language, else English."""
    date_format = c.Type(str, default="long")
    """Babel date format: short, medium, long, full, or a CLDR pattern like ``d MMM y``."""
    words_per_minute = _NonNegativeInt(default=265, minimum=1)
    """Reading speed for the reading time (CJK characters count as half a word)."""
    excerpt_separator = c.Type(str, default="<!-- more -->")
    """Where a post's listing excerpt ends, as it appears in the rendered HTML."""
    header = c.SubConfig(HeaderConfig)
    """Parts of the header shown under each post's title."""
    fields = _Fields()
    """Front-matter keys per field, replacing the built-in aliases for that field."""
    drafts_on_serve = c.Type(bool, default=False)
    """Show drafts and future posts (marked as drafts) under ``mkdocs serve``."""
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
    strings: Strings
    date_format: str
    header: Mapping[str, bool]
    show_drafts: bool
    """Drafts and future posts are built and marked (``drafts_on_serve`` under ``mkdocs serve``)."""
    add_to_nav: bool
    css: bool
    meta: bool
    meta_scope: Literal["all", "blog"]
    default_image: str | None
    default_image_alt: str | None
    twitter_site: str | None
    twitter_creator: str | None
    feeds: FeedSettings
    site_url: str | None
    """``site_url``, always ending with ``/``; ``None`` when unset (no absolute URL, no feed)."""
    site_name: str
    site_description: str | None
    site_author: str | None
    theme_dirs: tuple[str, ...]
    nav: Any
    """The explicit ``nav:`` of mkdocs.yml, or ``None``."""

    @property
    def read_key(self) -> tuple[object, ...]:
        """What a post's reading depends on besides its file (part of the read cache's key)."""
        return (repr(self.fields), str(self.tz), self.words_per_minute)

    @classmethod
    def from_config(cls, options: BlogTagsConfig, config: MkDocsConfig, command: str) -> Settings:
        feeds = options.feeds
        formats = tuple(kind for kind in FEED_KINDS if feeds[kind])
        return cls(
            layout=Layout(
                blog_dir=posixpath.normpath(options.blog_dir.strip("/")) or ".",
                tags_dir=options.tags_dir.strip("/"),
                page_dir=options.page_dir.strip("/"),
            ),
            per_page=options.per_page,
            tag_per_page=options.tag_per_page,
            slug_mode="unicode" if options.slug_mode == "unicode" else "transliterate",
            tag_slugs=dict(options.tag_slugs),
            include=tuple(options.include),
            exclude=tuple(options.exclude),
            fields=options.fields,
            tz=get_timezone(options.timezone),
            words_per_minute=options.words_per_minute,
            excerpt_separator=options.excerpt_separator,
            locale=(locale := normalize_locale(options.locale or _theme_language(config))),
            strings=Strings(locale, options.strings),
            date_format=options.date_format,
            # Plain values for the per-post template: a Config object's attributes are slow descriptors.
            header={key: bool(value) for key, value in options.header.items()},
            show_drafts=options.drafts_on_serve and command == "serve",
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
            site_url=config.site_url or None,
            site_name=config.site_name,
            site_description=config.site_description or None,
            site_author=config.site_author or None,
            theme_dirs=tuple(config.theme.dirs),
            nav=config.nav,
        )


def _theme_language(config: MkDocsConfig) -> str | None:
    """The theme's language: ``theme.locale`` (mkdocs, readthedocs) or ``theme.language`` (Material)."""
    for key in ("language", "locale"):
        value = config.theme.get(key)
        if value:
            return str(value)
    return None
