"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 from plain `Feed` data.

XML is built with ``xml.etree.ElementTree``, so every value is escaped by the
XML library, never by string templates; characters XML 1.0 forbids (control
characters, lone surrogates, U+FFFE/U+FFFF) are dropped first, because no
escaping can represent them. JSON Feed goes through ``json``. Output is
deterministic: the feed's ``updated`` time is its newest entry's, never "now".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from typing import Any

__all__ = ["Feed", "FeedEntry", "atom", "clear_caches", "json_feed", "rss", "xml_text"]

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
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
    summary_text: str
    content_html: str | None = None
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
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


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


_SLOT = "blog-tags-items"


def _fragment(element: ET.Element) -> str:
    """One element serialized on its own (namespaces it uses are declared on it: valid, if redundant)."""
    return ET.tostring(element, encoding="unicode", short_empty_elements=True)


def _serialize(root: ET.Element, parent: ET.Element, items: list[str]) -> bytes:
    """The document with the serialized ``items`` as the last children of ``parent``."""
    # No pretty-printing: feeds are read by programs, and indenting costs a third of the writing.
    slot = ET.SubElement(parent, _SLOT)
    text = ET.tostring(root, encoding="unicode")
    parent.remove(slot)
    text = text.replace(f"<{_SLOT} />", "".join(items), 1)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode("utf-8")


def _rfc822(value: dt.datetime) -> str:
    return format_datetime(value.astimezone(dt.timezone.utc), usegmt=True)


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


# A post appears in the blog's feed and in each of its tags' feeds: its XML is built and
# serialized once, then spliced into every feed document that lists it.
@functools.lru_cache(maxsize=4096)
def _rss_item(entry: FeedEntry) -> str:
    item = ET.Element("item")
    _sub(item, "title", entry.title)
    _sub(item, "link", entry.url)
    _sub(item, "guid", entry.id, isPermaLink="true" if entry.id == entry.url else "false")
    if entry.published:
        _sub(item, "pubDate", _rfc822(entry.published))
    _sub(item, "description", entry.summary_html)
    if entry.content_html is not None:
        _sub(item, f"{{{CONTENT_NS}}}encoded", entry.content_html)
    for tag in entry.tags:
        _sub(item, "category", tag)
    for author in entry.authors:
        _sub(item, f"{{{DC_NS}}}creator", author)
    if entry.image_url and entry.image_length is not None and entry.image_type:
        _sub(item, "enclosure", url=entry.image_url, length=str(entry.image_length), type=entry.image_type)
    return _fragment(item)


def clear_caches() -> None:
    """Forget the serialized items (kept between builds so that a serve rebuild reuses them)."""
    _rss_item.cache_clear()
    _atom_entry.cache_clear()


def _a(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


@functools.lru_cache(maxsize=4096)
def _atom_entry(entry: FeedEntry, updated: dt.datetime) -> str:
    element = ET.Element(_a("entry"))
    _sub(element, _a("title"), entry.title)
    _sub(element, _a("id"), entry.id)
    _sub(element, _a("link"), rel="alternate", type="text/html", href=entry.url)
    if entry.published:
        _sub(element, _a("published"), _iso(entry.published))
    _sub(element, _a("updated"), _iso(updated))
    for name in entry.authors:
        _sub(_sub(element, _a("author")), _a("name"), name)
    for tag in entry.tags:
        _sub(element, _a("category"), term=tag)
    _sub(element, _a("summary"), entry.summary_html, type="html")
    if entry.content_html is not None:
        _sub(element, _a("content"), entry.content_html, type="html")
    if entry.image_url and entry.image_type:
        attrs = {"rel": "enclosure", "type": entry.image_type, "href": entry.image_url}
        if entry.image_length is not None:
            attrs["length"] = str(entry.image_length)
        _sub(element, _a("link"), **attrs)
    return _fragment(element)


def rss(feed: Feed) -> bytes:
    """RSS 2.0 with ``atom:link rel=self``, ``content:encoded`` and ``dc:creator``."""
    ET.register_namespace("atom", ATOM_NS)
    ET.register_namespace("dc", DC_NS)
    ET.register_namespace("content", CONTENT_NS)
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.home_url)
    _sub(channel, "description", feed.description)
    if feed.rss_url:
        _sub(channel, f"{{{ATOM_NS}}}link", href=feed.rss_url, rel="self", type="application/rss+xml")
    _sub(channel, "language", feed.language.replace("_", "-").lower())
    _sub(channel, "lastBuildDate", _rfc822(feed.updated))
    _sub(channel, "generator", f"{feed.generator} {feed.generator_version}")
    return _serialize(root, channel, [_rss_item(entry) for entry in feed.entries])


def atom(feed: Feed) -> bytes:
    """Atom 1.0 (RFC 4287)."""
    ET.register_namespace("", ATOM_NS)
    a = _a
    root = ET.Element(
        a("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": feed.language.replace("_", "-")}
    )
    _sub(root, a("title"), feed.title)
    _sub(root, a("subtitle"), feed.description)
    _sub(root, a("id"), feed.atom_url or feed.home_url)
    _sub(root, a("link"), rel="alternate", type="text/html", href=feed.home_url)
    if feed.atom_url:
        _sub(root, a("link"), rel="self", type="application/atom+xml", href=feed.atom_url)
    _sub(root, a("updated"), _iso(feed.updated))
    author = _sub(root, a("author"))
    _sub(author, a("name"), feed.author)
    _sub(root, a("generator"), feed.generator, version=feed.generator_version)
    entries = [_atom_entry(e, e.updated or e.published or feed.updated) for e in feed.entries]
    return _serialize(root, root, entries)


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
            "summary": entry.summary_text,
        }
        if entry.published:
            item["date_published"] = _iso(entry.published)
        if entry.updated:
            item["date_modified"] = _iso(entry.updated)
        if entry.tags:
            item["tags"] = list(entry.tags)
        if entry.authors:
            item["authors"] = [{"name": name} for name in entry.authors]
        if entry.image_url:
            item["image"] = entry.image_url
        data["items"].append(item)
    # A lone surrogate cannot be UTF-8; it becomes U+FFFD rather than an unencodable feed.
    text = _SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return text.encode("utf-8")
