"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 from plain `Feed` data.

XML is written as text; a value enters it only through `_el` or `_attr`: every
text and attribute value goes through ``xml.sax.saxutils.escape`` (attributes
also escape quotes and line ends, as ElementTree does), after the characters
XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF) are
dropped, because no escaping can represent them. Writing text rather than
building ElementTree trees made the feeds about a fifth cheaper; the tests read
every feed back with lxml and feedparser. JSON Feed goes through ``json``. Output is
deterministic: the feed's ``updated`` time is its newest entry's, never "now".

Plain text that readers may render as HTML is escaped for HTML too, before that
XML escaping: RSS readers treat the channel's ``description`` as HTML (always
escaped, `_html_text`) and guess whether a title is HTML or text (escaped when the
guess matters, `_guessed_text`). RSS categories and ``dc:creator``, Atom text
constructs (``type="text"``) and JSON Feed fields are read as text: they carry the
text as it is. tests/test_feed_fields.py reads every field back with feedparser.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import json
import re
from collections.abc import Mapping
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from markupsafe import escape as html_escape

from . import __version__
from .excerpts import Excerpt, absolutize_links, listing_excerpt
from .meta import plain_text
from .posts import Post

if TYPE_CHECKING:
    from .plan import FeedSpec, Plan

__all__ = [
    "Feed",
    "FeedEntry",
    "FeedFile",
    "atom",
    "clear_caches",
    "feed_files",
    "json_feed",
    "rss",
    "xml_text",
]

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
SUMMARY_TEXT_LIMIT = 500
ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"


@dataclasses.dataclass(frozen=True)
class FeedEntry:
    """One post in a feed; every URL absolute, HTML with absolute links."""

    id: str
    title: str
    url: str
    published: dt.datetime | None
    updated: dt.datetime | None
    summary_html: str
    summary_text: str | None = None
    """Plain text of the summary (JSON Feed); ``None``: taken from ``summary_html`` when needed,
    which is for the JSON Feed's 20 entries, not for the hundreds of the tags' feeds."""
    content_html: str | None = None
    tags: tuple[str, ...] = ()
    authors: tuple[tuple[str, str | None], ...] = ()
    """``(name, URL or None)`` of each author."""
    image_url: str | None = None
    image_type: str | None = None
    image_length: int | None = None


@dataclasses.dataclass(frozen=True)
class Feed:
    """A feed's channel data and its entries, newest first."""

    title: str
    description: str
    home_url: str
    rss_url: str | None
    atom_url: str | None
    json_url: str | None
    language: str
    author: str
    generator: str
    generator_version: str
    entries: tuple[FeedEntry, ...]

    @property
    def updated(self) -> dt.datetime:
        """The newest entry's time (updated or published); the epoch for an empty feed."""
        times = [t for e in self.entries for t in (e.updated, e.published) if t is not None]
        return max(times, default=_EPOCH)


def xml_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot contain at all."""
    return _XML_FORBIDDEN.sub("", value)


# What ElementTree escapes in an attribute besides & < >: the quote, and the white space an
# XML parser would otherwise normalize to a plain space.
_ATTR_ENTITIES = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}


def _attr(value: str) -> str:
    """``value`` ready to go between double quotes in an attribute."""
    return escape(xml_text(value), _ATTR_ENTITIES)


def _el(tag: str, text: str | None = None, /, **attrs: str) -> str:
    """One element as XML text: ``text`` and every attribute value escaped by `xml.sax.saxutils`."""
    attributes = "".join(f' {name}="{_attr(value)}"' for name, value in attrs.items())
    if text is None:
        return f"<{tag}{attributes} />"
    return f"<{tag}{attributes}>{escape(xml_text(text))}</{tag}>"


def _html_text(value: str) -> str:
    """Plain ``value`` as HTML that shows exactly it: for elements readers render as HTML."""
    return str(html_escape(value))


# What HTML reads as markup rather than text: "<" before a letter, "/", "!" or "?" opens a tag,
# a comment or a declaration (any other "<" is text). Character references are found by
# html.unescape, which follows HTML's rules (semicolon optional for the legacy names).
_MARKUP_START = re.compile(r"<[A-Za-z/!?]")


def _guessed_text(value: str) -> str:
    """Plain ``value`` for an RSS element that readers may take as text or as HTML (the titles).

    RSS does not say which; feedparser, like many readers, guesses HTML when the text holds
    a closing tag or a character reference. When reading ``value`` as HTML would show the
    same as reading it as text (``C# & friends``, ``a < b``), it stays as it is, for the
    readers that show titles as text. Otherwise (``vector<int>``, ``&amp; literal``) it is
    escaped for HTML: such a reader then shows the escapes, rather than an HTML reader
    showing markup, and the escaped text is what feedparser guesses to be HTML.
    """
    value = xml_text(value)  # what the feed will carry: "&\x00lt;" is "&lt;" there
    if _MARKUP_START.search(value) or html.unescape(value) != value:
        return _html_text(value)
    return value


def _rfc822(value: dt.datetime) -> str:
    return format_datetime(value.astimezone(dt.timezone.utc), usegmt=True)


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _document(root_open: str, root_close: str, head: list[str], items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        + root_open
        + "".join(head)
        + "".join(items)
        + root_close
        + "\n"
    ).encode("utf-8")


# A post appears in the blog's feed and in each of its tags' feeds: its XML is written once,
# then spliced into every feed document that lists it.
@functools.lru_cache(maxsize=4096)
def _rss_item(entry: FeedEntry) -> str:
    parts = [
        _el("title", _guessed_text(entry.title)),
        _el("link", entry.url),
        _el("guid", entry.id, isPermaLink="true" if entry.id == entry.url else "false"),
    ]
    if entry.published:
        parts.append(_el("pubDate", _rfc822(entry.published)))
    parts.append(_el("description", entry.summary_html))
    if entry.content_html is not None:
        parts.append(_el("content:encoded", entry.content_html))
    parts += [_el("category", tag) for tag in entry.tags]
    parts += [_el("dc:creator", name) for name, _ in entry.authors]
    if entry.image_url and entry.image_length is not None and entry.image_type:
        parts.append(
            _el("enclosure", url=entry.image_url, length=str(entry.image_length), type=entry.image_type)
        )
    return "<item>" + "".join(parts) + "</item>"


def clear_caches() -> None:
    """Forget the written items (kept between builds so that a serve rebuild reuses them)."""
    _rss_item.cache_clear()
    _atom_entry.cache_clear()


@functools.lru_cache(maxsize=4096)
def _atom_entry(entry: FeedEntry, updated: dt.datetime) -> str:
    parts = [
        _el("title", entry.title),
        _el("id", entry.id),
        _el("link", rel="alternate", type="text/html", href=entry.url),
    ]
    if entry.published:
        parts.append(_el("published", _iso(entry.published)))
    parts.append(_el("updated", _iso(updated)))
    parts += [
        "<author>" + _el("name", name) + (_el("uri", url) if url else "") + "</author>"
        for name, url in entry.authors
    ]
    parts += [_el("category", term=tag) for tag in entry.tags]
    parts.append(_el("summary", entry.summary_html, type="html"))
    if entry.content_html is not None:
        parts.append(_el("content", entry.content_html, type="html"))
    if entry.image_url and entry.image_type:
        attrs = {"rel": "enclosure", "type": entry.image_type, "href": entry.image_url}
        if entry.image_length is not None:
            attrs["length"] = str(entry.image_length)
        parts.append(_el("link", **attrs))
    return "<entry>" + "".join(parts) + "</entry>"


def rss(feed: Feed) -> bytes:
    """RSS 2.0 with ``atom:link rel=self``, ``content:encoded`` and ``dc:creator``."""
    head = [
        _el("title", _guessed_text(feed.title)),
        _el("link", feed.home_url),
        _el("description", _html_text(feed.description)),
    ]
    if feed.rss_url:
        head.append(_el("atom:link", href=feed.rss_url, rel="self", type="application/rss+xml"))
    head += [
        _el("language", feed.language.replace("_", "-").lower()),
        _el("lastBuildDate", _rfc822(feed.updated)),
        _el("generator", f"{feed.generator} {feed.generator_version}"),
    ]
    root = (
        f'<rss version="2.0" xmlns:atom="{ATOM_NS}" xmlns:content="{CONTENT_NS}" xmlns:dc="{DC_NS}"><channel>'
    )
    return _document(root, "</channel></rss>", head, [_rss_item(entry) for entry in feed.entries])


def atom(feed: Feed) -> bytes:
    """Atom 1.0 (RFC 4287)."""
    head = [
        _el("title", feed.title),
        _el("subtitle", feed.description),
        _el("id", feed.atom_url or feed.home_url),
        _el("link", rel="alternate", type="text/html", href=feed.home_url),
    ]
    if feed.atom_url:
        head.append(_el("link", rel="self", type="application/atom+xml", href=feed.atom_url))
    head += [
        _el("updated", _iso(feed.updated)),
        "<author>" + _el("name", feed.author) + "</author>",
        _el("generator", feed.generator, version=feed.generator_version),
    ]
    root = f'<feed xmlns="{ATOM_NS}" xml:lang="{_attr(feed.language.replace("_", "-"))}">'
    entries = [_atom_entry(e, e.updated or e.published or feed.updated) for e in feed.entries]
    return _document(root, "</feed>", head, entries)


def json_feed(feed: Feed) -> bytes:
    """JSON Feed 1.1."""
    data: dict[str, Any] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.home_url,
        "description": feed.description,
        "language": feed.language.replace("_", "-"),
        "authors": [{"name": feed.author}],
        "items": [],
    }
    if feed.json_url:
        data["feed_url"] = feed.json_url
    for entry in feed.entries:
        item: dict[str, Any] = {
            "id": entry.id,
            "url": entry.url,
            "title": entry.title,
            "content_html": entry.content_html if entry.content_html is not None else entry.summary_html,
            "summary": (
                entry.summary_text
                if entry.summary_text is not None
                else plain_text(entry.summary_html, limit=SUMMARY_TEXT_LIMIT)
            ),
        }
        if entry.published:
            item["date_published"] = _iso(entry.published)
        if entry.updated:
            item["date_modified"] = _iso(entry.updated)
        if entry.tags:
            item["tags"] = list(entry.tags)
        if entry.authors:
            item["authors"] = [{"name": name, **({"url": url} if url else {})} for name, url in entry.authors]
        if entry.image_url:
            item["image"] = entry.image_url
        data["items"].append(item)
    # A lone surrogate cannot be UTF-8; it becomes U+FFFD rather than an unencodable feed.
    # No indent: like the XML feeds it is read by programs, and indenting makes json use its
    # pure-Python encoder instead of the C one.
    text = _SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False) + "\n")
    return text.encode("utf-8")


WRITERS = {"rss": rss, "atom": atom, "json": json_feed}


@dataclasses.dataclass(frozen=True)
class FeedFile:
    """A feed to write: its site path (``blog/feed.xml``) and its bytes."""

    path: str
    content: bytes


def _terms(plan: Plan, post: Post) -> tuple[str, ...]:
    """A feed item's categories: the post's tags, then its categories (once each)."""
    names = [tag.name for tag in plan.blog.tags_of(post)]
    if "categories" in plan.blog.taxonomies:
        names += [term.name for term in plan.blog.taxonomies["categories"].terms_of(post)]
    return tuple(dict.fromkeys(names))


def _entry(
    plan: Plan, post: Post, excerpts: Mapping[str, Excerpt], contents: Mapping[str, Excerpt]
) -> FeedEntry:
    site_url = plan.settings.site_url
    assert site_url is not None
    url = site_url + plan.url_of[post.src_uri]
    excerpt = listing_excerpt(post, excerpts)
    if excerpt is not None:
        summary_html = absolutize_links(excerpt.html, site_url + excerpt.base_url)
    else:  # the description: plain text, escaped so that it reads the same as HTML
        summary_html = str(html_escape(post.description or ""))
    content = contents.get(post.src_uri) if plan.settings.feeds.full_content else None
    image = plan.post_images.get(post.src_uri)
    return FeedEntry(
        id=url,
        title=post.title,
        url=url,
        published=post.date,
        updated=post.updated,
        summary_html=summary_html,
        content_html=absolutize_links(content.html, url) if content else None,
        tags=_terms(plan, post),
        authors=tuple((credit.name, credit.url) for credit in plan.credits(post)),
        image_url=image[0].url if image else None,
        image_type=image[0].type if image else None,
        image_length=image[0].length if image else None,
    )


def _feed(plan: Plan, spec: FeedSpec, entries: tuple[FeedEntry, ...]) -> Feed:
    settings = plan.settings
    site_url = settings.site_url
    assert site_url is not None
    return Feed(
        title=spec.title,
        description=spec.description,
        home_url=site_url + plan.url_of[spec.home_uri],
        rss_url=site_url + spec.paths["rss"] if "rss" in spec.paths else None,
        atom_url=site_url + spec.paths["atom"] if "atom" in spec.paths else None,
        json_url=site_url + spec.paths["json"] if "json" in spec.paths else None,
        language=settings.locale,
        author=settings.site_author or settings.site_name,
        generator="mkdocs-blog-tags",
        generator_version=__version__,
        entries=entries,
    )


def feed_files(
    plan: Plan, excerpts: Mapping[str, Excerpt], contents: Mapping[str, Excerpt]
) -> list[FeedFile]:
    """Every feed file of the plan; each post's entry is built once, however many feeds list it."""
    limit = plan.settings.feeds.limit
    built: dict[str, FeedEntry] = {}

    def entry(post: Post) -> FeedEntry:
        found = built.get(post.src_uri)
        if found is None:
            found = built[post.src_uri] = _entry(plan, post, excerpts, contents)
        return found

    files: list[FeedFile] = []
    for spec in plan.feeds.values():
        posts = spec.posts[:limit] if limit else spec.posts
        feed = _feed(plan, spec, tuple(entry(p) for p in posts))
        files += [FeedFile(path, WRITERS[kind](feed)) for kind, path in spec.paths.items()]
    return files
