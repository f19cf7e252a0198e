"""The typed options of ``- blog-tags:`` in mkdocs.yml, with their defaults.

Every option is optional: posts shaped like the reference post need none.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError

from .posts import DEFAULT_FIELDS

__all__ = ["BlogTagsConfig", "HeaderConfig"]


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
    timezone = c.Type(str, default="UTC")
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
    strings = c.DictOfItems(c.Type(str), default={})
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
