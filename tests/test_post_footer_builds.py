"""The navigation under each post in real builds: newer/older links, related posts, back to the blog."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from conftest import THEMES, Site, parse_html, post

pytestmark = pytest.mark.slow

FILES = {
    "index.md": "# Home\n",
    "blog/posts/a.md": post("Alpha", "2024-01-01", ["Tea", "Green"]),
    "blog/posts/b.md": post("Bravo", "2024-02-01", ["Coffee"]),
    "blog/posts/c.md": post("Charlie", "2024-03-01", ["Tea"], categories=["Drinks"]),
    "blog/posts/d.md": post("Delta", "2024-04-01", ["Green"], categories=["Drinks"]),
}
ORDER = ["Delta", "Charlie", "Bravo", "Alpha"]  # newest first, as the index lists them
TAGS = {
    "Alpha": {"Tea", "Green"},
    "Bravo": {"Coffee"},
    "Charlie": {"Tea", "Drinks"},
    "Delta": {"Green", "Drinks"},
}


def page_of(site: Site, slug: str) -> Path:
    return site.site / "blog/posts" / (f"{slug}/index.html" if site.use_directory_urls else f"{slug}.html")


def target(site: Site, page: Path, href: str) -> Path:
    path = site.site / posixpath.normpath(
        posixpath.join(posixpath.dirname(page.relative_to(site.site).as_posix()), href)
    )
    return path / "index.html" if path.is_dir() else path


def footer(site: Site, page: Path) -> dict[str, list[tuple[str, Path]]]:
    doc = parse_html(page.read_text(encoding="utf-8"))
    (nav,) = [n for n in doc.iter("nav") if "blog-tags-post-nav" in (n.get("class") or "")]
    found: dict[str, list[tuple[str, Path]]] = {"prev": [], "next": [], "related": [], "back": []}
    for a in nav.iter("a"):
        link = ("".join(a.itertext()).strip(), target(site, page, a.get("href")))
        rel = a.get("rel") or ""
        if rel in ("prev", "next"):
            found[rel].append(link)
        elif "blog-tags-back" in (a.get("class") or ""):
            found["back"].append(link)
        else:
            found["related"].append(link)
    return found


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_each_post_links_its_newer_older_and_related_posts(
    make_site, theme: str, use_directory_urls: bool
) -> None:
    site = make_site(FILES, theme=theme, use_directory_urls=use_directory_urls)
    slugs = {"Alpha": "a", "Bravo": "b", "Charlie": "c", "Delta": "d"}
    index = site.site / "blog/index.html"
    for i, title in enumerate(ORDER):
        page = page_of(site, slugs[title])
        parts = footer(site, page)
        newer = [page_of(site, slugs[ORDER[i - 1]])] if i > 0 else []
        older = [page_of(site, slugs[ORDER[i + 1]])] if i + 1 < len(ORDER) else []
        assert [p for _, p in parts["prev"]] == newer, title  # rel=prev: the newer post
        assert [p for _, p in parts["next"]] == older, title  # rel=next: the older post
        assert all(p.is_file() for _, p in parts["prev"] + parts["next"] + parts["related"])
        related = [next(t for t, s in slugs.items() if page_of(site, s) == p) for _, p in parts["related"]]
        assert all(TAGS[other] & TAGS[title] for other in related), (title, related)
        assert title not in related
        assert [p for _, p in parts["back"]] == [index]
    # Bravo shares nothing: no related posts are made up for it.
    assert footer(site, page_of(site, "b"))["related"] == []
    # Delta shares a tag with Alpha and a category with Charlie: both, the nearer in date first.
    assert [t for t, _ in footer(site, page_of(site, "d"))["related"]][:2] == ["Charlie", "Alpha"]


def test_each_part_can_be_switched_off(make_site) -> None:
    site = make_site(
        FILES, plugin_config={"footer": {"previous_next": False, "related": 0, "blog_link": False}}
    )
    html = page_of(site, "c").read_text(encoding="utf-8")
    assert "blog-tags-post-nav" not in html
    site = make_site(FILES, plugin_config={"footer": {"related": 0}})
    parts = footer(site, page_of(site, "c"))
    assert parts["related"] == [] and parts["prev"] and parts["next"] and parts["back"]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_head_links_the_newer_and_older_post_once(
    make_site, theme: str, use_directory_urls: bool
) -> None:
    site = make_site(FILES, theme=theme, use_directory_urls=use_directory_urls)
    slugs = {"Alpha": "a", "Bravo": "b", "Charlie": "c", "Delta": "d"}
    for i, title in enumerate(ORDER):
        page = page_of(site, slugs[title])
        head = parse_html(page.read_text(encoding="utf-8")).find("head")
        rels = {
            rel: [
                target(site, page, link.get("href")) for link in head.iter("link") if link.get("rel") == rel
            ]
            for rel in ("prev", "next")
        }
        assert rels["prev"] == ([page_of(site, slugs[ORDER[i - 1]])] if i > 0 else []), (title, rels)
        assert rels["next"] == ([page_of(site, slugs[ORDER[i + 1]])] if i + 1 < len(ORDER) else []), title
    site = make_site(FILES, theme=theme, plugin_config={"footer": {"previous_next": False}})
    head = parse_html(page_of(site, "c").read_text(encoding="utf-8")).find("head")
    assert not [link for link in head.iter("link") if link.get("rel") in ("prev", "next")]
