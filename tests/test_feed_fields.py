"""Every text field of every feed format, read back by feedparser (and json) as the text it was.

A feed field holds plain text (a title, a tag, a name) or HTML (a summary, a content).
Readers render some plain-text fields as HTML: RSS readers read the channel's
``description`` as HTML, and guess whether a title is HTML or text. feedparser says what
it made of a field in ``*_detail.type``: a value it reports as HTML is compared by what an
HTML reader shows of it (its text, with no element in it), any other value as it is.
Either way a reader must show exactly the text that went in, and never markup.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import feedparser
import html5lib
import pytest
from conftest import Site, post
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape as html_escape

from mkdocs_blog_tags.feeds import Feed, FeedEntry, atom, json_feed, rss

pytestmark = pytest.mark.slow

HOSTILE = [
    "vector<int>",
    "</script><script>alert(4)</script>",
    "Q&A",
    "&amp; literal",
    "\"quotes\" & 'apostrophes'",
    "a < b > c",
    "<b>bold</b> & <i>italic</i>",
    "&copy; 2024, &#169; &#xA9; &copy2024",
    "AT&T; x&y=1",
    "<!-- comment --> <?pi?> <!DOCTYPE x>",
    "<img src=x onerror=alert(1)>",
    "C# & friends: l'Ingénierie “des” médias",
]
HTML_TYPES = {"text/html", "application/xhtml+xml"}
URL = "https://x.org/p/?a=1&b=2#it's"


def shown(value: str, content_type: str | None) -> str:
    """What a reader shows of a feedparser value: an HTML value's text, any other value itself."""
    if content_type not in HTML_TYPES:
        return value
    fragment = html5lib.parseFragment(value, namespaceHTMLElements=False)
    assert list(fragment) == [], f"{value!r} is markup to an HTML reader"
    return "".join(fragment.itertext())


def feed_of(text: str) -> Feed:
    """A feed whose every plain-text field, channel and item, is ``text``."""
    entry = FeedEntry(
        id=URL,
        title=text,
        url=URL,
        published=dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc),
        updated=None,
        summary_html=f"<p>{html_escape(text)}</p>",
        content_html=f"<div><p>{html_escape(text)}</p></div>",
        tags=(text, "plain"),
        authors=((text, None), ("Ana", None)),
    )
    return Feed(
        title=text,
        description=text,
        home_url=URL,
        rss_url="https://x.org/feed.xml",
        atom_url="https://x.org/atom.xml",
        json_url="https://x.org/feed.json",
        language="en",
        author=text,
        generator="gen",
        generator_version="1",
        entries=(entry,),
    )


def parse(document: bytes) -> Any:
    parsed = feedparser.parse(document)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


Read = Callable[[Any], list[tuple[str | None, str]]]
"""From a feedparser result, each value of one field with the content type feedparser gives it."""


def _detail(context: Any, field: str) -> list[tuple[str | None, str]]:
    return [(context[f"{field}_detail"].type, context[field])]


# (writer, field, what feedparser read, what went in for a feed_of(text))
FIELDS: dict[str, tuple[Callable[[Feed], bytes], Read, Callable[[str], list[str]]]] = {
    "rss channel title": (rss, lambda p: _detail(p.feed, "title"), lambda t: [t]),
    "rss channel description": (rss, lambda p: _detail(p.feed, "subtitle"), lambda t: [t]),
    "rss item title": (rss, lambda p: _detail(p.entries[0], "title"), lambda t: [t]),
    "rss item category": (rss, lambda p: [(None, c.term) for c in p.entries[0].tags], lambda t: [t, "plain"]),
    "rss item dc:creator": (
        rss,
        lambda p: [(None, a.name) for a in p.entries[0].authors],
        lambda t: [t, "Ana"],
    ),
    "atom feed title": (atom, lambda p: _detail(p.feed, "title"), lambda t: [t]),
    "atom feed subtitle": (atom, lambda p: _detail(p.feed, "subtitle"), lambda t: [t]),
    "atom feed author name": (atom, lambda p: [(None, a.name) for a in p.feed.authors], lambda t: [t]),
    "atom entry title": (atom, lambda p: _detail(p.entries[0], "title"), lambda t: [t]),
    "atom entry category term": (
        atom,
        lambda p: [(None, c.term) for c in p.entries[0].tags],
        lambda t: [t, "plain"],
    ),
    "atom entry author name": (
        atom,
        lambda p: [(None, a.name) for a in p.entries[0].authors],
        lambda t: [t, "Ana"],
    ),
    # HTML fields: the summary and the content are HTML already, and read back as the same text.
    "rss item description (HTML)": (rss, lambda p: _detail(p.entries[0], "summary"), lambda t: [t]),
    "rss item content:encoded (HTML)": (
        rss,
        lambda p: [(c.type, c.value) for c in p.entries[0].content],
        lambda t: [t],
    ),
    "atom entry summary (HTML)": (atom, lambda p: _detail(p.entries[0], "summary"), lambda t: [t]),
    "atom entry content (HTML)": (
        atom,
        lambda p: [(c.type, c.value) for c in p.entries[0].content],
        lambda t: [t],
    ),
}


def _shown_text(value: str, content_type: str | None) -> str:
    """`shown`, with an HTML value's block elements (the summary's <p>) taken as text containers."""
    if content_type not in HTML_TYPES:
        return value
    fragment = html5lib.parseFragment(value, namespaceHTMLElements=False)
    assert {e.tag for e in fragment.iter()} <= {"DOCUMENT_FRAGMENT", "p", "div"}, value
    return "".join(fragment.itertext())


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("field", list(FIELDS))
def test_every_xml_feed_field_reads_back_as_its_text(field: str, text: str) -> None:
    writer, read, sent = FIELDS[field]
    values = read(parse(writer(feed_of(text))))
    show = _shown_text if "(HTML)" in field else shown
    assert [show(value, content_type) for content_type, value in values] == sent(text), values


@pytest.mark.parametrize("text", HOSTILE)
def test_rss_fields_typed_text_are_read_as_text(text: str) -> None:
    """A plain value feedparser types text/plain is the text itself, not an escape of it."""
    parsed = parse(rss(feed_of(text)))
    for detail in (parsed.feed.title_detail, parsed.entries[0].title_detail):
        if detail.type == "text/plain":
            assert detail.value == text


@pytest.mark.parametrize("text", HOSTILE)
def test_atom_text_constructs_stay_type_text(text: str) -> None:
    parsed = parse(atom(feed_of(text)))
    for detail in (parsed.feed.title_detail, parsed.feed.subtitle_detail, parsed.entries[0].title_detail):
        assert detail.type == "text/plain" and detail.value == text


@pytest.mark.parametrize("text", HOSTILE)
def test_json_feed_fields_are_the_text_itself(text: str) -> None:
    data = json.loads(json_feed(feed_of(text)))
    assert (data["title"], data["description"], data["authors"]) == (text, text, [{"name": text}])
    item = data["items"][0]
    assert item["title"] == text
    assert item["tags"] == [text, "plain"]
    assert item["authors"] == [{"name": text}, {"name": "Ana"}]
    assert item["summary"] == text
    assert _shown_text(item["content_html"], "text/html") == text


@pytest.mark.parametrize("writer", [rss, atom])
def test_links_and_ids_read_back_exactly(writer: Callable[[Feed], bytes]) -> None:
    parsed = parse(writer(feed_of("T")))
    assert parsed.feed.link == URL
    assert (parsed.entries[0].link, parsed.entries[0].id) == (URL, URL)
    assert json.loads(json_feed(feed_of("T")))["items"][0]["url"] == URL


# -- any text made of the pieces HTML and XML care about --------------------------------------

PIECES = st.sampled_from(
    [*"<>&;#/!?-=' \"\té“", "#x", "x", "A9", "169", "amp", "lt", "copy", "notin", "AElig", "b", "script"]
)
TEXT = st.lists(PIECES, min_size=1, max_size=12).map("".join).map(str.strip).filter(bool)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_reads_back_as_itself_from_every_rss_and_atom_text_field(text: str) -> None:
    for field in ("rss channel title", "rss channel description", "rss item title", "atom entry title"):
        writer, read, sent = FIELDS[field]
        values = read(parse(writer(feed_of(text))))
        assert [shown(value, content_type) for content_type, value in values] == sent(text), (field, values)


# -- through a real build: the tag feeds' descriptions and titles ------------------------------


def test_tag_feeds_of_a_real_build_show_hostile_tags_as_text(make_site) -> None:
    tags = ["vector<int>", "</script><script>alert(4)</script>", "Q&A", "&amp; literal"]
    site: Site = make_site(
        {"blog/p.md": post("A <b>bold</b> &amp; title", "2024-01-02", tags, authors=["Ana & Bo"])},
        plugin_config={
            "tag_slugs": {"vector<int>": "vector", "</script><script>alert(4)</script>": "script"}
        },
    )
    seen: dict[str, Any] = {}
    for path in sorted((site.site / "blog/tags").glob("*/feed.xml")):
        parsed = parse(path.read_bytes())
        description = shown(parsed.feed.subtitle, parsed.feed.subtitle_detail.type)
        seen[description] = parsed
        assert shown(parsed.feed.title, parsed.feed.title_detail.type).startswith(
            "Test site – Posts tagged “"
        )
        entry = parsed.entries[0]
        assert shown(entry.title, entry.title_detail.type) == "A <b>bold</b> &amp; title"
        assert [t.term for t in entry.tags] == tags
        assert entry.author == "Ana & Bo"
    assert sorted(seen) == sorted(f"1 post tagged “{tag}”" for tag in tags)
    for tag in tags:
        parsed = seen[f"1 post tagged “{tag}”"]
        assert shown(parsed.feed.title, parsed.feed.title_detail.type) == f"Test site – Posts tagged “{tag}”"
