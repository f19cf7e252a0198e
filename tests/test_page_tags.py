"""``page_tags``: docs pages outside the blog with ``tags:`` are listed on their tags' pages."""

from __future__ import annotations

import posixpath
from pathlib import Path

import feedparser
import pytest
from conftest import THEMES, Site, parse_html, post

pytestmark = pytest.mark.slow

FILES = {
    "index.md": "# Home\n",
    "guide/install.md": post("Install", tags=["python", "Setup"], body="# Install\n"),
    "guide/deep/tuning.md": post("Tuning", tags="Setup", body="# Tuning\n"),
    "guide/untagged.md": "# Untagged\n",
    "blog/posts/p.md": post("A post", "2024-01-01", ["Python"]),
}


def tag_page(site: Site, slug: str) -> Path:
    folder = site.site / "blog/tags" / slug
    return folder / "index.html"


def listed_pages(site: Site, page: Path) -> list[tuple[str, Path]]:
    """The "Pages" list of a tag page: (text, the file each link leads to)."""
    doc = parse_html(page.read_text(encoding="utf-8"))
    found = []
    for ul in doc.iter("ul"):
        if "blog-tags-pages" not in (ul.get("class") or "").split():
            continue
        for a in ul.iter("a"):
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(page.relative_to(site.site).as_posix()), a.get("href"))
            )
            path = site.site / target
            found.append(("".join(a.itertext()), path / "index.html" if path.is_dir() else path))
    return found


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_tagged_pages_are_listed_on_their_tags_pages(make_site, theme: str, use_directory_urls: bool) -> None:
    site = make_site(
        FILES, theme=theme, use_directory_urls=use_directory_urls, plugin_config={"page_tags": True}
    )
    install = site.site / ("guide/install/index.html" if use_directory_urls else "guide/install.html")
    tuning = site.site / ("guide/deep/tuning/index.html" if use_directory_urls else "guide/deep/tuning.html")
    # The post's tag keeps its page and slug; the page is listed there too, apart from the post.
    assert listed_pages(site, tag_page(site, "python")) == [("Install", install)]
    # A tag of pages alone gets a page of its own, listing both pages in path order, and no feed.
    assert listed_pages(site, tag_page(site, "setup")) == [("Tuning", tuning), ("Install", install)]
    assert not (site.site / "blog/tags/setup/feed.xml").exists()
    feed = feedparser.parse((site.site / "blog/tags/python/feed.xml").read_bytes())
    assert [entry.title for entry in feed.entries] == ["A post"]  # feeds hold posts only


def test_without_the_option_pages_are_not_read(make_site) -> None:
    site = make_site(FILES)
    assert listed_pages(site, tag_page(site, "python")) == []
    assert not tag_page(site, "setup").exists()


def test_bad_page_tags_are_named(make_site) -> None:
    files = {**FILES, "guide/bad.md": post("Bad", tags={"a": 1}, body="# Bad\n")}
    site = make_site(files, strict=False, plugin_config={"page_tags": True})
    assert [w for w in site.warnings() if "guide/bad.md: 'tags': expected a list of tags" in w], (
        site.warnings()
    )
