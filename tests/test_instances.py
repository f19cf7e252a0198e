"""Several blogs in one site: two `blog-tags` entries with their own blog_dir (as Material allows)."""

from __future__ import annotations

import collections
import json
from pathlib import Path
from typing import Any

import feedparser
import mf2py
import pytest
from conftest import THEMES, Site, build_site, parse_html, post
from mkdocs.exceptions import Abort, PluginError

pytestmark = pytest.mark.slow

FILES = {
    "index.md": "# Home\n\nThe site.\n",
    "about.md": "---\ndescription: About us.\n---\n# About\n",
    "blog/posts/a.md": post("Blog post", "2024-01-02", ["Shared", "Blog only"]),
    "news/posts/b.md": post("News item", "2024-01-03", ["Shared", "News only"]),
}


def build_two(root: Path, second: dict[str, Any], **kwargs: Any) -> Site:
    """``FILES`` built with `blog-tags` for blog/ and a second `blog-tags` entry given ``second``."""
    # Most fixtures' posts have no image; the linter's image-missing warning is tested on its own.
    quiet = {"lint": {"image-missing": False}}
    extra = {"plugins": ["search", {"blog-tags": quiet}, {"blog-tags": {**quiet, **second}}]}
    return build_site(root, FILES, extra=extra, **kwargs)


def head_counts(html: str) -> collections.Counter[str]:
    head = parse_html(html).find("head")
    keys = [m.get("property") or m.get("name") or "" for m in head.iter("meta")]
    keys += ["link:" + (link.get("rel") or "") for link in head.iter("link")]
    keys += ["ld+json" for s in head.iter("script") if s.get("type") == "application/ld+json"]
    return collections.Counter(keys)


def names(site: Site, src_uri: str) -> list[str]:
    feed = next(i for i in mf2py.parse(doc=site.html(src_uri))["items"] if "h-feed" in i["type"])
    return [c["properties"]["name"][0] for c in feed.get("children", [])]


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize("theme", THEMES)
def test_two_blogs_each_get_their_pages_feeds_and_meta_once(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build_two(tmp_path, {"blog_dir": "news"}, theme=theme, use_directory_urls=use_directory_urls)
    assert site.warnings() == []
    assert names(site, "blog/index.md") == ["Blog post"]
    assert names(site, "news/index.md") == ["News item"]
    assert names(site, "blog/tags/shared/index.md") == ["Blog post"]
    assert names(site, "news/tags/shared/index.md") == ["News item"]
    assert [e.title for e in feedparser.parse((site.site / "blog/feed.xml").read_bytes()).entries] == [
        "Blog post"
    ]
    assert [e.title for e in feedparser.parse((site.site / "news/feed.xml").read_bytes()).entries] == [
        "News item"
    ]
    assert (
        json.loads((site.site / "news/feed.json").read_text(encoding="utf-8"))["items"][0]["title"]
        == "News item"
    )
    # Every page's head carries one set of share meta, written by the blog that owns it (or the first).
    for page in (
        "index.md",
        "about.md",
        "blog/posts/a.md",
        "news/posts/b.md",
        "blog/index.md",
        "news/index.md",
    ):
        counts = head_counts(site.html(page))
        assert counts["og:title"] == 1 and counts["ld+json"] == 1 and counts["link:canonical"] == 1, (
            page,
            counts,
        )
    # A post's feed links point to its own blog's feeds.
    news_head = parse_html(site.html("news/posts/b.md")).find("head")
    feeds = [link.get("href") for link in news_head.iter("link") if link.get("rel") == "alternate"]
    assert feeds and all("news" in site.resolve_link("news/posts/b.md", href).as_posix() for href in feeds)
    assert len([h for h in (site.site / "assets").rglob("blog-tags.css")]) == 1


@pytest.mark.parametrize(
    ("second", "message"),
    [
        ({}, "two blogs claim the folder 'blog'"),
        ({"blog_dir": "blog/news"}, "is inside the blog in 'blog'"),
        ({"blog_dir": "."}, "is inside the blog in '.'"),
    ],
)
def test_two_blogs_in_one_folder_are_a_clear_error(
    tmp_path: Path, second: dict[str, Any], message: str
) -> None:
    with pytest.raises((Abort, PluginError)) as raised:
        build_two(tmp_path, second)
    assert message in str(raised.value) or message in str(raised.value.__context__), raised.value


def test_a_disabled_second_entry_does_nothing(tmp_path: Path) -> None:
    site = build_two(tmp_path, {"blog_dir": "news", "enabled": False})
    assert not (site.site / "news/tags").exists()
    assert not (site.site / "news/feed.xml").exists()
    assert names(site, "blog/index.md") == ["Blog post"]
