"""Feeds: built for real and read back with feedparser, lxml and json; a property test on the writers."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import SEED_IMAGE, SEED_POST, Site, parse_html, post
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree
from markupsafe import escape as html_escape

from mkdocs_blog_tags.dates import get_timezone
from mkdocs_blog_tags.feeds import Feed, FeedEntry, atom, json_feed, rss, xml_text
from mkdocs_blog_tags.posts import read_post

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
        plugin_config={"tag_slugs": SLUGS, "feeds": {"full_content": True}, "post_dir": "{blog}"},
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
    site = make_site(blog_files(), plugin_config={"tag_slugs": SLUGS, "post_dir": "{blog}"})
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
    first = make_site(blog_files(), plugin_config={"tag_slugs": SLUGS, "post_dir": "{blog}"})
    second = make_site(blog_files(), plugin_config={"tag_slugs": SLUGS, "post_dir": "{blog}"})
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
        authors=((author, None),) if author else (),
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
    # RSS readers may read a title as HTML, and do read the channel's description as HTML: both
    # carry the text HTML-escaped where reading it as HTML would change it (the description always).
    assert html.unescape(item.findtext("title") or "") == expected(title)
    assert (rss_root.findtext("channel/title") or "") in {expected(title), expected(str(html_escape(title)))}
    assert [c.text or "" for c in item.findall("category")] == [expected(t) for t in tags]
    assert (item.findtext("description") or "") == expected(content)
    assert (rss_root.findtext("channel/description") or "") == expected(str(html_escape(description)))
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


# -- dates across the whole datetime range, from front matter to the feeds -------------------

DAY_MIN = dt.datetime.min
DAY_MAX = dt.datetime.max.replace(microsecond=0)
NAIVE = st.one_of(
    st.datetimes(DAY_MIN, DAY_MAX),
    st.datetimes(DAY_MIN, DAY_MIN + dt.timedelta(days=1)),  # the edges, where the offsets matter
    st.datetimes(DAY_MAX - dt.timedelta(days=1), DAY_MAX),
).map(lambda d: d.replace(microsecond=0))
OFFSET_MINUTES = st.integers(-(23 * 60 + 59), 23 * 60 + 59)
ZONES = [
    "UTC",
    "Europe/Paris",
    "Pacific/Kiritimati",
    "America/New_York",
    "Pacific/Pago_Pago",
    "Asia/Kathmandu",
]


def _offset_text(minutes: int, colon: bool = True) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{mins:02d}"


@st.composite
def front_matter_dates(draw: st.DrawFn, tz: dt.tzinfo) -> tuple[str, dt.datetime]:
    """A date as YAML front matter would carry it, and the aware datetime it stands for."""
    naive = draw(NAIVE)
    day, clock = naive.date().isoformat(), naive.time().isoformat()  # strftime writes year 1 as "1"
    form = draw(
        st.sampled_from(["yaml-aware", "quoted-aware", "jekyll", "yaml-naive", "yaml-date", "text-naive"])
    )
    if form == "yaml-date":
        return day, dt.datetime(naive.year, naive.month, naive.day, tzinfo=tz)
    if form == "yaml-naive":
        return f"{day} {clock}", naive.replace(tzinfo=tz)
    if form == "text-naive":  # no seconds: YAML leaves it as text for the plugin's parser
        return f"'{day} {clock[:5]}'", naive.replace(second=0, tzinfo=tz)
    minutes = draw(OFFSET_MINUTES)
    aware = naive.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    if form == "jekyll":  # 2016-01-24 13:16:12 -0800, which YAML does not read as a timestamp
        return f"'{day} {clock} {_offset_text(minutes, colon=False)}'", aware
    text = f"{day}T{clock}{_offset_text(minutes)}"
    return (f"'{text}'" if form == "quoted-aware" else text), aware


def in_utc_range(value: dt.datetime) -> bool:
    """Whether ``value`` has a UTC equivalent, worked out without datetime arithmetic that overflows."""
    offset = value.utcoffset()
    assert offset is not None
    seconds = (value.replace(tzinfo=None) - DAY_MIN) / dt.timedelta(seconds=1) - offset / dt.timedelta(
        seconds=1
    )
    return 0 <= seconds <= (dt.datetime.max - DAY_MIN) / dt.timedelta(seconds=1)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), zone=st.sampled_from(ZONES), count=st.integers(1, 3))
def test_dates_across_the_whole_range_never_break_the_feeds(
    data: st.DataObject, zone: str, count: int
) -> None:
    tz = get_timezone(zone)
    entries = []
    for i in range(count):
        date_text, date = data.draw(front_matter_dates(tz), label="date")
        updated_text, updated = data.draw(front_matter_dates(tz), label="updated")
        text = f"---\ntitle: P{i}\ndate: {date_text}\nupdated: {updated_text}\n---\nBody.\n"
        read, problems = read_post(f"blog/p{i}.md", text, tz=tz)
        assert read is not None and read.draft is False
        assert all(str(p).startswith(f"blog/p{i}.md: '") for p in problems)
        # A date is kept exactly when it has a UTC equivalent; otherwise it is a problem, not a crash.
        assert read.date == (date if in_utc_range(date) else None)
        event(f"date {'kept' if in_utc_range(date) else 'outside the UTC range'}")
        if not in_utc_range(date):
            assert any("outside the range of dates a feed can carry" in str(p) for p in problems)
        if read.updated is not None:
            assert read.updated == updated and in_utc_range(updated)
            assert 1 <= read.updated.astimezone(UTC).year <= 9999
        elif not in_utc_range(updated):
            assert any(str(p).startswith(f"blog/p{i}.md: 'updated': ") for p in problems)
        entries.append(
            FeedEntry(
                id=f"https://x.org/p{i}/",
                title=read.title,
                url=f"https://x.org/p{i}/",
                published=read.date,
                updated=read.updated,
                summary_html="<p>Body.</p>",
                summary_text="Body.",
            )
        )
    feed = Feed(
        "T",
        "D",
        "https://x.org/",
        "https://x.org/feed.xml",
        "https://x.org/atom.xml",
        "https://x.org/feed.json",
        "fr",
        "A",
        "g",
        "1",
        tuple(entries),
    )
    for document in (rss(feed), atom(feed)):
        root = etree.fromstring(document)  # well-formed for a strict XML parser
        assert (
            len(root.findall("channel/item") or root.findall("{http://www.w3.org/2005/Atom}entry")) == count
        )
    assert len(json.loads(json_feed(feed))["items"]) == count


def test_dates_at_the_edge_of_the_range_are_reported_and_the_feeds_written(make_site) -> None:
    files = {
        "blog/zero.md": post("Zero", "0001-01-01T00:00:00+01:00"),
        "blog/hugo-zero.md": post("Hugo zero", "0001-01-01"),  # naive: read in Europe/Paris, UTC+00:09:21
        "blog/late.md": post("Late", "2024-01-02", updated="9999-12-31T23:59:59-05:00"),
        "blog/edge.md": post("Edge", "0001-01-01T00:00:00-05:00", updated="9999-12-31T23:59:59+05:00"),
    }
    site = make_site(files, strict=False, plugin_config={"timezone": "Europe/Paris"})
    warnings = site.warnings()
    for where in ("blog/zero.md: 'date': ", "blog/hugo-zero.md: 'date': ", "blog/late.md: 'updated': "):
        assert any(where in w and "outside the range of dates a feed can carry" in w for w in warnings), (
            where,
            warnings,
        )
    assert not any("blog/edge.md" in w for w in warnings), warnings
    rss_feed = parse_feed(site.site / "blog/feed.xml")
    # Undated posts are still published, after the dated ones; the edge dates are kept as they are.
    assert [e.title for e in rss_feed.entries] == ["Late", "Edge", "Hugo zero", "Zero"]
    atom_feed = parse_feed(site.site / "blog/atom.xml")
    edge = next(e for e in atom_feed.entries if e.title == "Edge")
    assert edge.published == "0001-01-01T00:00:00-05:00" and edge.updated == "9999-12-31T23:59:59+05:00"
    late = next(e for e in atom_feed.entries if e.title == "Late")
    assert late.updated.startswith("2024-01-02")
    items = json.loads((site.site / "blog/feed.json").read_text(encoding="utf-8"))["items"]
    assert [i["title"] for i in items] == ["Late", "Edge", "Hugo zero", "Zero"]
    assert "date_modified" not in items[0]
