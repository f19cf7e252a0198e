"""Markers in real builds, with every theme and URL style: ``<!-- blog-tags:posts -->`` and friends.

A home page, a page two folders deep, a Material ``<!-- material/tags -->`` page
and a post each get the listings' own h-entries, with links that lead to the
files; a marker in code stays text; every bad marker is a warning naming the
file and the marker (``--strict`` fails), and shows nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import mf2py
import pytest
from conftest import THEMES, Site, build_site, parse_html, post
from mkdocs.exceptions import Abort

pytestmark = pytest.mark.slow

POSTS = {
    "blog/posts/first.md": post("First steps", "2023-02-01", ["Python"]),
    "blog/posts/watch.md": post("Watching the web", "2023-11-20", ["Veille technologique", "Python"]),
    "blog/posts/feeds.md": post("Feeds again", "2024-03-05", ["Veille technologique"]),
    "blog/posts/tools.md": post(
        "Tools",
        "2024-06-10",
        ["C++"],
        body="Some tools.\n\n## Newest\n\n<!-- blog-tags:posts {limit: 2, layout: titles} -->\n",
    ),
    "blog/posts/latest.md": post("Latest <news>", "2024-09-01", ["Python"], description="A & B"),
    "blog/posts/sketch.md": post("Sketch", "2024-10-01", ["Python", "Drafty"], draft=True),
}
NEWEST = ["Latest <news>", "Tools", "Feeds again", "Watching the web", "First steps"]
SITE_FILES: dict[str, Any] = {
    **POSTS,
    "index.md": "# Home\n\nWelcome.\n\n<!-- blog-tags:posts {limit: 3} -->\n",
    "guide/deep/page.md": (
        "# Deep\n\n<!-- blog-tags:posts {tags: [veille technologique], layout: list, more: true} -->\n\n"
        "## Cards\n\n<!-- blog-tags:posts {tags: Python, year: 2024, more: true} -->\n\n"
        "## Tags\n\n<!-- blog-tags:tags {sort: count, limit: 2} -->\n\n"
        "## Archive\n\n<!-- blog-tags:archive -->\n"
    ),
    "topics.md": "# Topics\n\n<!-- material/tags { exclude: [C++] } -->\n",
    "code.md": (
        "# Code\n\n```markdown\n<!-- blog-tags:posts {limit: 3} -->\n```\n\n"
        "Write `<!-- blog-tags:tags -->` on a line of its own.\n\n"
        "    <!-- material/tags -->\n"
    ),
}
BUILDS = [(theme, udu) for theme in THEMES for udu in (True, False)]


@pytest.fixture(scope="module", params=BUILDS, ids=[f"{t}-{'dirs' if u else 'files'}" for t, u in BUILDS])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    theme, udu = request.param
    root = tmp_path_factory.mktemp(f"markers-{theme}-{udu}")
    return build_site(root, SITE_FILES, theme=theme, use_directory_urls=udu)


def target_of(page: Path, href: str) -> Path:
    target = (page.parent / unquote(urlsplit(href).path)).resolve()
    return target / "index.html" if target.is_dir() else target


def marker_blocks(site: Site, src_uri: str) -> list[Any]:
    """The elements the markers of a page became."""
    document = parse_html(site.html(src_uri))
    return [e for e in document.iter("div") if "blog-tags-marker" in (e.get("class") or "").split()]


def marker_feeds(site: Site, src_uri: str) -> list[dict[str, Any]]:
    """The h-feeds of the posts markers of a page (mf2py), in order."""
    found: list[dict[str, Any]] = []

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            if "h-feed" in item["type"]:
                found.append(item)
            walk(item.get("children", []))

    walk(mf2py.parse(doc=site.html(src_uri))["items"])
    return found


def entries(feed: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in feed.get("children", []) if "h-entry" in c["type"]]


def names(feed: dict[str, Any]) -> list[str]:
    return [e["properties"]["name"][0] for e in entries(feed)]


def link_targets(site: Site, src_uri: str) -> list[tuple[str, Path]]:
    """``(text, file)`` of every link inside the page's marker blocks."""
    page = site.page_path(src_uri)
    return [
        ("".join(a.itertext()).strip(), target_of(page, a.get("href")))
        for block in marker_blocks(site, src_uri)
        for a in block.iter("a")
    ]


def page(site: Site, src_uri: str) -> Path:
    return site.page_path(src_uri).resolve()


def tag_page(site: Site, slug: str) -> Path:
    return page(site, f"blog/tags/{slug}/index.md")


def test_the_site_builds_clean_under_strict(built: Site) -> None:
    assert built.warnings() == []


def test_the_home_page_lists_the_three_newest_posts(built: Site) -> None:
    [feed] = marker_feeds(built, "index.md")
    assert names(feed) == NEWEST[:3]  # published only: the draft is not there
    assert feed["properties"]["name"] == ["Blog"]
    home = built.page_path("index.md")
    urls = [target_of(home, e["properties"]["url"][0]) for e in entries(feed)]
    assert urls == [page(built, f"blog/posts/{n}.md") for n in ("latest", "tools", "feeds")]
    published = [e["properties"]["published"][0][:10] for e in entries(feed)]
    assert published == ["2024-09-01", "2024-06-10", "2024-03-05"]
    assert entries(feed)[0]["properties"]["summary"] == ["A & B"]
    assert "Latest &lt;news&gt;" in built.html("index.md")
    assert all(target.is_file() for _, target in link_targets(built, "index.md"))
    assert "blog-tags:posts" not in built.html("index.md")


def test_a_page_two_folders_deep_lists_a_tag(built: Site) -> None:
    tagged, cards = marker_feeds(built, "guide/deep/page.md")
    assert names(tagged) == ["Feeds again", "Watching the web"]  # the tag as the blog matches it
    assert tagged["properties"]["name"] == ["Posts tagged “Veille technologique”"]
    assert names(cards) == ["Latest <news>"]  # Python and 2024: the draft is left out
    links = link_targets(built, "guide/deep/page.md")
    assert all(target.is_file() for _, target in links), links
    deep = built.page_path("guide/deep/page.md")
    assert [target_of(deep, e["properties"]["url"][0]) for e in entries(tagged)] == [
        page(built, "blog/posts/feeds.md"),
        page(built, "blog/posts/watch.md"),
    ]
    assert ("Posts tagged “Veille technologique”", tag_page(built, "veille-technologique")) in links
    assert ("Blog", page(built, "blog/index.md")) in links  # two filters: the whole blog
    document = parse_html(built.html("guide/deep/page.md"))
    clouds = [u for u in document.iter("ul") if "blog-tags-cloud" in (u.get("class") or "")]
    assert [("".join(a.itertext()), target_of(deep, a.get("href"))) for a in clouds[0].iter("a")] == [
        ("Python", tag_page(built, "python")),
        ("Veille technologique", tag_page(built, "veille-technologique")),
    ]
    years = [(text, target) for text, target in links if text in ("2023", "2024")]
    archive = "blog/archive/{}.md"
    assert years == [("2024", page(built, archive.format(2024))), ("2023", page(built, archive.format(2023)))]


def test_materials_marker_is_the_tags_marker_with_its_filters(built: Site) -> None:
    [block] = marker_blocks(built, "topics.md")
    topics = built.page_path("topics.md")
    cloud = [(a.text, a.get("rel"), target_of(topics, a.get("href"))) for a in block.iter("a")]
    # exclude: [C++] leaves out the posts tagged C++ (Tools), and so the tag.
    assert cloud == [
        ("Python", "tag", tag_page(built, "python")),
        ("Veille technologique", "tag", tag_page(built, "veille-technologique")),
    ]
    counts = [s.text for s in block.iter("span") if s.get("class") == "blog-tags-count"]
    assert counts == ["3 posts", "2 posts"]
    assert "material/tags" not in built.html("topics.md")


def test_a_marker_in_a_post_lists_posts_from_the_posts_page(built: Site) -> None:
    feeds = marker_feeds(built, "blog/posts/tools.md")
    assert [names(f) for f in feeds] == [NEWEST[:2]]
    assert all(target.is_file() for _, target in link_targets(built, "blog/posts/tools.md"))


def test_a_marker_in_code_stays_text(built: Site) -> None:
    html = built.html("code.md")
    assert "&lt;!-- blog-tags:posts {limit: 3} --&gt;" in html
    assert "&lt;!-- blog-tags:tags --&gt;" in html
    assert "&lt;!-- material/tags --&gt;" in html
    assert marker_blocks(built, "code.md") == []
    assert marker_feeds(built, "code.md") == []


# -- bad markers -----------------------------------------------------------------------------------

BAD = {
    "index.md": "# Home\n\n<!-- blog-tags:posts {limit: 0} -->\n\nText.\n",
    "a/b/c.md": (
        "# C\n\n<!-- blog-tags:posts {tags: [Rust]} -->\n\n<!-- blog-tags:posts {limit: 3 -->\n\n"
        "<!-- blog-tags:posts {colour: red} -->\n\n<!-- blog-tags:posts {year: '2024'} -->\n\n"
        "<!-- blog-tags:posts {categories: [Nope]} -->\n\n<!-- blog-tags:posts {authors: [nobody]} -->\n"
    ),
    "other.md": (
        "# Other\n\n<!-- blog-tags:tags {sort: date} -->\n\n<!-- material/tags qux -->\n\n"
        "<!-- blog-tags:archive -->\n\n<!-- blog-tags:post -->\n"
    ),
    "blog/posts/one.md": post("One", "2024-01-01", ["Python"]),
}
EXPECTED = [
    "index.md: '<!-- blog-tags:posts {limit: 0} -->': 'limit' must be a whole number of 1 or more, got 0",
    "a/b/c.md: '<!-- blog-tags:posts {tags: [Rust]} -->': no published post has the tag 'Rust'",
    "a/b/c.md: '<!-- blog-tags:posts {limit: 3 -->': its options are not valid YAML",
    "a/b/c.md: '<!-- blog-tags:posts {colour: red} -->': has no option 'colour'",
    "a/b/c.md: '<!-- blog-tags:posts {year: '2024'} -->': 'year' must be a year such as 2024",
    "a/b/c.md: '<!-- blog-tags:posts {categories: [Nope]} -->': no published post has the category 'Nope' "
    "(no post has one)",
    "a/b/c.md: '<!-- blog-tags:posts {authors: [nobody]} -->': no published post has the author 'nobody'",
    "other.md: '<!-- blog-tags:tags {sort: date} -->': 'sort' must be one of name, count",
    "other.md: '<!-- material/tags qux -->': names the listing configuration 'qux'",
    "other.md: '<!-- blog-tags:archive -->': the archive is off ('archive: false')",
    "other.md: '<!-- blog-tags:post -->': 'blog-tags:post' is not a marker (did you mean 'blog-tags:posts'?)",
]


@pytest.mark.parametrize("theme", THEMES)
def test_each_bad_marker_is_a_warning_and_shows_nothing(tmp_path: Path, theme: str) -> None:
    site = build_site(tmp_path, BAD, theme=theme, plugin_config={"archive": False}, strict=False)
    warnings = [w for w in site.warnings() if "<!--" in w]
    assert len(warnings) == len(EXPECTED), warnings
    for expected in EXPECTED:
        assert any(expected in w and w.endswith("the marker shows nothing") for w in warnings), expected
    for src_uri in ("index.md", "a/b/c.md", "other.md"):
        html = site.html(src_uri)
        assert "blog-tags:" not in html and "material/tags" not in html, src_uri
        assert marker_blocks(site, src_uri) == []
    assert "<p>Text.</p>" in site.html("index.md")


@pytest.mark.parametrize("theme", THEMES)
def test_strict_fails_on_a_bad_marker(tmp_path: Path, theme: str) -> None:
    files = {"index.md": "# Home\n\n<!-- blog-tags:posts {limit: 3, tags: [Rust]} -->\n", **POSTS}
    with pytest.raises(Abort, match="strict"):
        build_site(tmp_path, files, theme=theme, strict=True)
