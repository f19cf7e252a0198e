"""Feeds: built for real and read back with feedparser, lxml and json; a property test on the writers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import SEED_IMAGE, SEED_POST, Site, parse_html, post
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from mkdocs_blog_tags.feeds import Feed, FeedEntry, atom, json_feed, rss, xml_text

SITE_URL = "https://example.org/sub/"
SLUGS = {"C#": "csharp", "C++": "cpp"}


def blog_files() -> dict[str, Any]:
    return {
        "blog/tiktok.md": SEED_POST,
        "blog/images/TikTok.jpg": SEED_IMAGE,
        "blog/posts/cs.md": post(
            "C# & friends",
            "2024-03-01",
            ["C#", "ingénierie des médias"],
            authors=["Ana"],
            body="Intro with [a link](../tiktok.md) and ![pic](../images/TikTok.jpg).\n\n<!-- more -->\n\nMore [here](#x).\n",
        ),
        "blog/posts/cpp.md": post("C++ notes", "2024-02-01", ["C++"], description="About <C++> & more."),
        "blog/posts/draft.md": post("Draft", "2024-02-02", ["C#"], draft=True),
        "blog/posts/future.md": post("Future", "2099-02-02", ["C#"]),
    }


def feed_files(site: Site) -> list[Path]:
    return sorted(p for p in site.site.rglob("*") if p.name in {"feed.xml", "atom.xml", "feed.json"})


def parse_feed(path: Path) -> Any:
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_every_feed_is_valid_and_exact(make_site, use_directory_urls: bool) -> None:
    site = make_site(
        blog_files(),
        use_directory_urls=use_directory_urls,
        plugin_config={"tag_slugs": SLUGS, "feeds": {"full_content": True}},
    )
    files = feed_files(site)
    assert {p.relative_to(site.site).as_posix() for p in files} >= {
        "blog/feed.xml",
        "blog/atom.xml",
        "blog/feed.json",
        "blog/tags/csharp/feed.xml",
        "blog/tags/csharp/atom.xml",
        "blog/tags/ingenierie-des-medias/feed.xml",
    }
    for path in files:
        if path.suffix == ".xml":
            etree.fromstring(path.read_bytes())  # well-formed for a strict XML parser
            parsed = parse_feed(path)
            titles = [e.title for e in parsed.entries]
            assert "Draft" not in titles and "Future" not in titles

    rss_feed = parse_feed(site.site / "blog/feed.xml")
    post_url = SITE_URL + ("blog/posts/cs/" if use_directory_urls else "blog/posts/cs.html")
    assert [e.title for e in rss_feed.entries] == [
        "C# & friends",
        "C++ notes",
        "TikTok sur l'Ingénierie des Médias une Ressource Incontournable",
    ]
    cs = rss_feed.entries[0]
    assert cs.link == post_url and cs.id == post_url
    assert [t.term for t in cs.tags] == ["C#", "ingénierie des médias"]
    assert cs.author == "Ana"
    assert cs.published_parsed[:3] == (2024, 3, 1)
    assert rss_feed.feed.title == "Test site"
    assert rss_feed.feed.language == "en"
    # Relative links inside summary and content are absolute.
    summary_doc = parse_html(cs.summary)
    hrefs = [a.get("href") for a in summary_doc.iter("a")] + [i.get("src") for i in summary_doc.iter("img")]
    assert hrefs and all(h.startswith(SITE_URL) for h in hrefs), hrefs
    content_doc = parse_html(cs.content[0].value)
    assert all((a.get("href") or "").startswith(SITE_URL) for a in content_doc.iter("a"))
    assert "More" in cs.content[0].value and "More" not in cs.summary
    seed = rss_feed.entries[2]
    assert seed.enclosures[0].href == SITE_URL + "blog/images/TikTok.jpg"
    assert seed.enclosures[0].length == str(SEED_IMAGE.stat().st_size)
    assert seed.enclosures[0].type == "image/jpeg"

    atom_feed = parse_feed(site.site / "blog/atom.xml")
    assert atom_feed.version == "atom10"
    assert [e.id for e in atom_feed.entries] == [e.id for e in rss_feed.entries]
    assert atom_feed.feed.updated.startswith("2024-03-01")

    data = json.loads((site.site / "blog/feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] == "Test site" and data["feed_url"] == SITE_URL + "blog/feed.json"
    assert [i["id"] for i in data["items"]] == [e.id for e in rss_feed.entries]
    assert all(
        ("content_html" in i or "content_text" in i) and i["url"].startswith(SITE_URL) for i in data["items"]
    )
    # Its summary is the plain text of the same summary, white space folded (read by html5lib here).
    for item, entry in zip(data["items"], rss_feed.entries, strict=True):
        text = " ".join("".join(parse_html(entry.summary).itertext()).split())
        assert text and item["summary"] == text


def test_tag_feed_is_discoverable_and_exact(make_site) -> None:
    site = make_site(blog_files(), plugin_config={"tag_slugs": SLUGS})
    for slug, expected in {
        "ingenierie-des-medias": ["C# & friends"],
        "csharp": ["C# & friends"],
        "cpp": ["C++ notes"],
    }.items():
        page = f"blog/tags/{slug}/index.md"
        alternates = {
            link.get("type"): link.get("href")
            for link in parse_html(site.html(page)).iter("link")
            if link.get("rel") == "alternate"
        }
        assert set(alternates) == {"application/rss+xml", "application/atom+xml"}
        for href in alternates.values():
            target = site.resolve_link(page, href)
            assert target.parent == site.page_path(page).parent
            assert [e.title for e in parse_feed(target).entries] == expected
    # The blog index and every post announce the blog feeds, JSON Feed included.
    for uri in ("blog/index.md", "blog/tiktok.md"):
        types = {
            link.get("type")
            for link in parse_html(site.html(uri)).iter("link")
            if link.get("rel") == "alternate"
        }
        assert types == {"application/rss+xml", "application/atom+xml", "application/feed+json"}


def test_feed_options(make_site) -> None:
    files = {f"blog/p{i}.md": post(f"Post {i}", f"2024-01-{i + 10}", ["t"]) for i in range(5)}
    site = make_site(
        files, plugin_config={"feeds": {"limit": 2, "json": False, "tags": False, "rss_name": "rss.xml"}}
    )
    assert [e.title for e in parse_feed(site.site / "blog/rss.xml").entries] == ["Post 4", "Post 3"]
    assert not (site.site / "blog/feed.json").exists()
    assert not (site.site / "blog/tags/t/atom.xml").exists()
    assert "application/rss+xml" not in site.html("blog/tags/t/index.md")


def test_no_feeds_without_site_url(make_site) -> None:
    site = make_site({"blog/a.md": post("A", "2024-01-01")}, extra={"site_url": None}, strict=False)
    assert feed_files(site) == []
    assert "application/rss+xml" not in site.html("blog/index.md")


def test_feeds_are_deterministic(make_site) -> None:
    first = make_site(blog_files(), plugin_config={"tag_slugs": SLUGS})
    second = make_site(blog_files(), plugin_config={"tag_slugs": SLUGS})
    for path in feed_files(first):
        assert path.read_bytes() == (second.site / path.relative_to(first.site)).read_bytes()


# -- property test of the writers -------------------------------------------------------------

text = st.text(st.characters(codec="utf-8"), max_size=40)
UTC = dt.timezone.utc


def expected(value: str) -> str:
    """What an XML feed can carry of ``value``: forbidden characters dropped, line ends normalized."""
    return xml_text(value).replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=text, description=text, tags=st.lists(text.filter(str.strip), max_size=4), content=text, author=text
)
def test_writers_parse_cleanly_and_round_trip(
    title: str, description: str, tags: list[str], content: str, author: str
) -> None:
    entry = FeedEntry(
        id="https://x.org/p/",
        title=title,
        url="https://x.org/p/",
        published=dt.datetime(2024, 1, 2, tzinfo=UTC),
        updated=None,
        summary_html=content,
        summary_text=content,
        content_html=content,
        tags=tuple(tags),
        authors=(author,) if author else (),
    )
    feed = Feed(
        title,
        description,
        "https://x.org/",
        "https://x.org/feed.xml",
        "https://x.org/atom.xml",
        "https://x.org/feed.json",
        "fr",
        author or "A",
        "gen",
        "1",
        (entry,),
    )

    rss_root = etree.fromstring(rss(feed))
    item = rss_root.find("channel/item")
    assert (item.findtext("title") or "") == expected(title)
    assert [c.text or "" for c in item.findall("category")] == [expected(t) for t in tags]
    assert (item.findtext("description") or "") == expected(content)
    assert (rss_root.findtext("channel/description") or "") == expected(description)
    assert feedparser.parse(rss(feed)).bozo == 0

    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom_root = etree.fromstring(atom(feed))
    assert (atom_root.findtext("a:entry/a:title", namespaces=ns) or "") == expected(title)
    # ElementTree writes \n, \r and \t in attributes as character references: they survive exactly.
    assert [c.get("term") for c in atom_root.findall("a:entry/a:category", ns)] == [xml_text(t) for t in tags]
    assert feedparser.parse(atom(feed)).bozo == 0

    data = json.loads(json_feed(feed))
    assert data["items"][0]["title"] == re.sub("[\ud800-\udfff]", "\ufffd", title)
    assert data["items"][0]["tags"] == tags if tags else "tags" not in data["items"][0]
