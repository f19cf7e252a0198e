"""Real builds: a tag's page and feeds stay where they are, and no tag is too long for a file name."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

import feedparser
import pytest
from conftest import Site, parse_html, post

from mkdocs_blog_tags.taxonomy import MAX_SLUG_BYTES

pytestmark = pytest.mark.slow

SENTENCE = (
    "A very long tag that is really a whole sentence about media engineering, creative content, "
    "digital trends and technology watch, written by someone who did not know tags should be short, "
    "and who kept on writing well past any file name limit that a file system would ever accept for a tag "
    "like this one"
)[:300]
CJK = "日本語の長いタグ" * 11 + "日本"  # 90 characters: 270 bytes of UTF-8, over the 255 of a file name
assert len(SENTENCE) == 300 and len(CJK) == 90


def open_link(site: Site, src_uri: str, href: str) -> Path:
    """The file a link opens; unicode slugs are percent-encoded in hrefs."""
    return site.resolve_link(src_uri, unquote(href))


def header_tags(site: Site, src_uri: str) -> dict[str, Path]:
    """The rel=tag links of a post's header: tag name -> the file each link opens."""
    doc = parse_html(site.html(src_uri))
    header = next(h for h in doc.iter("header") if "blog-tags-post-header" in (h.get("class") or ""))
    return {
        a.text or "": open_link(site, src_uri, a.get("href") or "")
        for a in header.iter("a")
        if a.get("rel") == "tag"
    }


def feed_titles(path: Path) -> list[str]:
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return [e.title for e in parsed.entries]


def tag_folders(site: Site) -> dict[str, Path]:
    return {p.name: p for p in (site.site / "blog" / "tags").iterdir() if p.is_dir()}


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("plugin_config", [{}, {"slug_mode": "unicode"}], ids=["transliterate", "unicode"])
def test_tags_longer_than_a_file_name_build(make_site, theme: str, plugin_config: dict[str, Any]) -> None:
    files = {
        "index.md": "# Home\n",
        "blog/long.md": post("Long tags", "2024-01-02", [SENTENCE, CJK, "short"]),
        "blog/other.md": post("Other post", "2024-01-03", [CJK]),
    }
    site = make_site(files, theme=theme, plugin_config=plugin_config)  # strict: no warning at all
    assert site.warnings() == []

    folders = tag_folders(site)
    assert len(folders) == 3
    for name, folder in folders.items():
        assert len(name.encode("utf-8")) <= MAX_SLUG_BYTES
        assert (folder / "index.html").is_file()
        assert (folder / "feed.xml").is_file()
    if plugin_config.get("slug_mode") == "unicode":
        assert any(name.startswith("日本語の長いタグ") for name in folders)

    links = header_tags(site, "blog/long.md")
    assert set(links) == {SENTENCE, CJK, "short"}
    for target in links.values():
        assert target.is_file(), target
        assert target.parent.parent == site.site / "blog" / "tags"
    assert "Long tags" in links[SENTENCE].read_text(encoding="utf-8")
    assert feed_titles(links[CJK].parent / "feed.xml") == ["Other post", "Long tags"]
    assert feed_titles(links[SENTENCE].parent / "feed.xml") == ["Long tags"]
    # The other post links to the same CJK page, and the overview links every tag page.
    assert header_tags(site, "blog/other.md") == {CJK: links[CJK]}
    overview = parse_html(site.html("blog/tags/index.md"))
    hrefs = {a.text: a.get("href") for a in overview.iter("a") if a.get("rel") == "tag"}
    assert {name: open_link(site, "blog/tags/index.md", href) for name, href in hrefs.items()} == links


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_cpp_page_and_feed_stay_put_when_a_c_post_is_written(make_site, theme: str) -> None:
    cpp = {"index.md": "# Home\n", "blog/cpp.md": post("About C++", "2024-02-01", ["C++"])}
    variants = {
        "alone": cpp,
        "older C post": {**cpp, "blog/c.md": post("About C", "2024-01-01", ["C"])},
        "newer C post": {**cpp, "blog/c.md": post("About C", "2024-03-01", ["C"])},
    }
    for label, files in variants.items():
        site = make_site(files, theme=theme)  # strict: C and C++ no longer collide
        assert site.warnings() == [], label
        page = site.site / "blog" / "tags" / "c-plus-plus" / "index.html"
        assert header_tags(site, "blog/cpp.md") == {"C++": page}, label
        assert feed_titles(page.parent / "feed.xml") == ["About C++"], label
        assert feed_titles(page.parent / "atom.xml") == ["About C++"], label
        c_folder = site.site / "blog" / "tags" / "c"
        if label == "alone":
            assert not c_folder.exists()
        else:
            assert header_tags(site, "blog/c.md") == {"C": c_folder / "index.html"}, label
            assert feed_titles(c_folder / "feed.xml") == ["About C"], label


def test_a_newer_colliding_tag_gets_the_suffix_and_one_warning(make_site) -> None:
    # "Cafe" sorts before "Café", yet the older "Café" keeps its page and feed.
    older = {"index.md": "# Home\n", "blog/a.md": post("Older", "2024-01-01", ["Café"])}
    first = make_site(older)
    assert first.warnings() == []
    assert header_tags(first, "blog/a.md") == {"Café": first.site / "blog/tags/cafe/index.html"}

    both = {**older, "blog/b.md": post("Newer", "2024-02-01", ["Cafe"])}
    site = make_site(both, strict=False)
    warnings = [w for w in site.warnings() if "all give the slug 'cafe'" in w]
    assert len(warnings) == 1, site.warnings()
    assert "'Café' -> cafe, 'Cafe' -> cafe-2" in warnings[0]
    assert header_tags(site, "blog/a.md") == {"Café": site.site / "blog/tags/cafe/index.html"}
    assert header_tags(site, "blog/b.md") == {"Cafe": site.site / "blog/tags/cafe-2/index.html"}
    assert feed_titles(site.site / "blog/tags/cafe/feed.xml") == ["Older"]
    assert feed_titles(site.site / "blog/tags/cafe-2/feed.xml") == ["Newer"]
