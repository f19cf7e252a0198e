"""Regression tests of the defects found by outside validators and fuzzing (issue 13), in real builds.

Each test failed before its fix: a crash of the whole build, a user's page overwritten,
markup let through, a stale listing, or a link that went nowhere.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import extruct
import feedparser
import mf2py
import pytest
from conftest import THEMES, Site, build_site, parse_html, post, write_tree
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

pytestmark = pytest.mark.slow

GOOD = {"blog/posts/good.md": post("Good", "2024-01-01", ["x"])}


def json_ld(site: Site, src_uri: str) -> list[dict[str, Any]]:
    data = extruct.extract(site.html(src_uri), base_url="https://example.org/sub/", syntaxes=["json-ld"])
    return data["json-ld"]


def title_text(site: Site, src_uri: str) -> str:
    return parse_html(site.html(src_uri)).find(".//title").text or ""


# -- any YAML type in a page's title or description ------------------------------------------------


@pytest.mark.parametrize(
    ("front", "text", "warning"),
    [
        ("title: 2024-06-01", "2024-06-01", "YAML reads 2024-06-01 as a date"),
        ("title: 2024-06-01 10:30:00", "2024-06-01T10:30:00", "as a date"),
        ("title: {when: 2024-06-01}", None, "expected text, got dict"),
        ("title: .nan", None, "expected text, got the number nan"),
        ("title: [a, 2024-06-01]", None, "expected text, got list"),
        ("title: true", None, "expected text, got bool"),
        ("description: 2024-06-01", None, "'description': YAML reads 2024-06-01 as a date"),
    ],
)
@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("page", ["release.md", "blog/index.md"])
def test_any_yaml_type_in_a_title_is_a_warning_not_a_crash(
    make_site, theme: str, page: str, front: str, text: str | None, warning: str
) -> None:
    site = make_site({page: f"---\n{front}\n---\n\nNotes.\n", **GOOD}, theme=theme, strict=False)
    found = [w for w in site.warnings() if warning in w]
    assert found and page in found[0], site.warnings()
    (data,) = json_ld(site, page)  # valid JSON: no NaN, no date object
    assert isinstance(data["name"], str)
    if text is not None:
        assert data["name"] == text
    if page == "blog/index.md" and text is None and front.startswith("title"):
        assert data["name"] == "Blog"  # the generated title stands in
    with pytest.raises(Abort):
        make_site({page: f"---\n{front}\n---\n\nNotes.\n", **GOOD}, theme=theme, strict=True)


@pytest.mark.parametrize("theme", THEMES)
def test_a_list_or_mapping_post_title_never_reaches_the_theme_as_markup(make_site, theme: str) -> None:
    files = {
        "blog/posts/a.md": "---\ntitle: ['</title><script>alert(1)</script>']\ndate: 2024-01-02\n---\n\nText.\n",
        "blog/posts/b.md": '---\ntitle: ["Q", "&"]\ndate: 2024-01-03\n---\n\nText.\n',
        "blog/posts/c.md": "---\ntitle: {x: '<img src=x onerror=alert(2)>'}\ndate: 2024-01-04\n---\n\nText.\n",
    }
    site = make_site(files, theme=theme, strict=False)
    for src in files:
        document = parse_html(site.html(src))
        assert not [s for s in document.iter("script") if "alert" in (s.text or "")]
        assert not [i for i in document.iter("img") if i.get("onerror")]
        assert "script" not in title_text(site, src)
    assert title_text(site, "blog/posts/a.md").startswith("A")  # the file name's title


@pytest.mark.parametrize("theme", THEMES)
def test_control_characters_never_reach_the_themes_title(make_site, theme: str) -> None:
    files = {
        "blog/posts/a.md": post("Bell\x07 post", "2024-01-02"),
        "page.md": post("Page\x07 title"),
        "vt.md": post("\x0bVertical tab first"),  # str.strip() removes it: the title must still change
        "only.md": post("\x19"),  # nothing left: the theme's own fallback
    }
    site = make_site(files, theme=theme, strict=False)
    for src in files:
        html = site.html(src)
        assert "\x07" not in html
    assert "Bell post" in title_text(site, "blog/posts/a.md")
    assert "Page title" in title_text(site, "page.md")
    assert "Vertical tab first" in title_text(site, "vt.md")


# -- a user's page always wins -----------------------------------------------------------------------


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_page_where_a_feed_would_be_keeps_its_place_and_the_feed_is_skipped(
    make_site, use_directory_urls: bool
) -> None:
    site = make_site(
        {"blog/feed.xml.md": "# Subscribe\n\nHow to follow this blog.\n", **GOOD},
        use_directory_urls=use_directory_urls,
        strict=False,
        plugin_config={"exclude": ["feed.xml.md"]},
    )
    assert "How to follow this blog." in site.html("blog/feed.xml.md")
    if not use_directory_urls:  # blog/feed.xml.html: nothing collides
        assert site.warnings() == []
        assert not feedparser.parse((site.site / "blog/feed.xml").read_bytes()).bozo
        return
    assert any("blog/feed.xml.md" in w and "RSS feed" in w for w in site.warnings())
    assert not feedparser.parse((site.site / "blog/atom.xml").read_bytes()).bozo
    assert json.loads((site.site / "blog/feed.json").read_text(encoding="utf-8"))["items"]


def test_a_readme_in_the_blog_folder_is_the_hand_written_index(make_site) -> None:
    site = make_site({"blog/README.md": "# Our blog\n\nWelcome, readers.\n", **GOOD})
    html = site.html("blog/index.md")
    assert "Welcome, readers." in html
    feed = next(i for i in mf2py.parse(doc=html)["items"] if "h-feed" in i["type"])
    assert [c["properties"]["name"][0] for c in feed["children"]] == ["Good"]


@pytest.mark.parametrize("use_directory_urls", [True, False])
@pytest.mark.parametrize(
    ("user_file", "content", "moved_to"),
    [
        ("blog/tags.md", post("A post called tags", "2024-01-02", ["x"]), "blog/tags-2/"),
        ("blog/tags/x.md", "# My page about x\n", "blog/tags/x-2/"),
        ("blog/page/2.md", "# My second page\n", "blog/page/2-2/"),
    ],
)
def test_a_user_file_at_a_generated_url_is_kept_and_the_generated_page_moves(
    make_site, use_directory_urls: bool, user_file: str, content: str, moved_to: str
) -> None:
    files = {
        user_file: content,
        "blog/posts/good.md": post("Good", "2024-01-01", ["x"]),
        "blog/posts/other.md": post("Other", "2024-01-03", ["x"]),
    }
    site = make_site(
        files,
        use_directory_urls=use_directory_urls,
        strict=False,
        plugin_config={"per_page": 1, "include": ["*.md"], "exclude": ["page/*", "tags/*"]},
    )
    user_html = site.html(user_file)
    assert content.splitlines()[-2 if content.startswith("---") else 0].lstrip("# ") in user_html
    collisions = [w for w in site.warnings() if user_file in w and "moves to" in w]
    if not use_directory_urls:
        assert collisions == []  # blog/tags.html is not blog/tags/index.html: nothing collides
        return
    assert collisions and moved_to in collisions[0], site.warnings()
    # Every link of the blog's listing (entries, pager, tags) leads to an existing page.
    index = parse_html(site.html("blog/index.md"))
    listing = next(d for d in index.iter("div") if "blog-tags-listing" in (d.get("class") or ""))
    for a in listing.iter("a"):
        href = a.get("href") or ""
        if href and "://" not in href and not href.startswith("#"):
            assert site.resolve_link("blog/index.md", href).exists(), href


# -- --dirty builds ----------------------------------------------------------------------------------


def _listing_pages(site_dir: Path) -> dict[str, list[str]]:
    pages = {}
    for path in sorted((site_dir / "blog").rglob("*.html")):
        items = mf2py.parse(doc=path.read_text(encoding="utf-8"))["items"]
        for item in items:
            if "h-feed" in item["type"]:
                names = [c["properties"]["name"][0] for c in item.get("children", [])]
                pages[str(path.relative_to(site_dir))] = names
    return pages


def test_dirty_builds_with_a_hand_written_index_match_a_clean_build(tmp_path: Path) -> None:
    files = {
        "blog/index.md": "# Journal\n\nNotes.\n",
        "blog/tags/index.md": "# All tags\n",
        **{f"blog/posts/p{i}.md": post(f"P{i}", f"2024-01-{i + 1:02d}", ["t"]) for i in range(5)},
    }
    site = build_site(tmp_path / "dirty", files, plugin_config={"per_page": 2})
    config_file = str(site.root / "mkdocs.yml")
    # Two author edits, each followed by a --dirty build: a post added, then a post deleted.
    for step in range(2):
        time.sleep(0.02)
        if step == 0:
            write_tree(site.docs, {"blog/posts/new.md": post("New", "2024-02-01", ["t", "fresh"])})
        else:
            (site.docs / "blog/posts/p2.md").unlink()
        later = time.time() + 5 + step
        for path in site.docs.rglob("*.md"):
            if path.name == "new.md":
                os.utime(path, (later, later))
        config = load_config(config_file)
        config.plugins.on_startup(command="build", dirty=True)
        build(config, dirty=True)
        config.plugins.on_shutdown()
    clean_root = tmp_path / "clean"
    shutil.copytree(site.docs, clean_root / "docs")
    clean = build_site(clean_root, {}, plugin_config={"per_page": 2})
    dirty_pages = _listing_pages(site.site)
    assert dirty_pages == _listing_pages(clean.site)
    assert dirty_pages["blog/index.html"] == ["New", "P4"]
    overview = site.html("blog/tags/index.md")
    assert ">fresh<" in overview


# -- links and markup ---------------------------------------------------------------------------------


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_in_page_and_query_links_of_an_excerpt_point_to_the_post(make_site, use_directory_urls: bool) -> None:
    body = "See [usage](#usage) and [search](?q=twitter).\n\n<!-- more -->\n\n## Usage\n\nText.\n"
    site = make_site(
        {"blog/posts/a.md": post("A", "2024-01-01", ["x"], body=body)}, use_directory_urls=use_directory_urls
    )
    for listing in ("blog/index.md", "blog/tags/x/index.md"):
        document = parse_html(site.html(listing))
        links = {a.text: a.get("href") for a in document.iter("a") if a.text in {"usage", "search"}}
        if listing == "blog/tags/x/index.md":
            assert links == {}  # tag pages list titles only
            continue
        assert site.resolve_link(listing, links["usage"]) == site.page_path("blog/posts/a.md")
        assert links["usage"].endswith("#usage") and links["search"].endswith("?q=twitter")
    post_url = "https://example.org/sub/blog/posts/a" + ("/" if use_directory_urls else ".html")
    rss = feedparser.parse((site.site / "blog/feed.xml").read_bytes()).entries[0].summary
    atom = feedparser.parse((site.site / "blog/atom.xml").read_bytes()).entries[0].summary
    json_feed = json.loads((site.site / "blog/feed.json").read_text(encoding="utf-8"))["items"][0][
        "content_html"
    ]
    for summary in (rss, atom, json_feed):
        assert f'href="{post_url}#usage"' in summary
        assert f'href="{post_url}?q=twitter"' in summary


def test_on_material_the_pager_replaces_the_themes_prev_and_next_links(make_site) -> None:
    files = {f"blog/posts/p{i}.md": post(f"P{i}", f"2024-01-{i + 1:02d}") for i in range(3)}
    site = make_site(
        {"index.md": "# Home\n", "about.md": "# About\n", **files},
        theme="material",
        plugin_config={"per_page": 1},
        extra={"nav": ["index.md", "blog/index.md", "about.md"]},
    )
    head = parse_html(site.html("blog/page/2/index.md")).find("head")
    rels = [
        (link.get("rel"), link.get("href"))
        for link in head.iter("link")
        if link.get("rel") in {"prev", "next"}
    ]
    assert rels == [("prev", "../../"), ("next", "../3/")]
    first = parse_html(site.html("blog/index.md")).find("head")
    assert [link.get("href") for link in first.iter("link") if link.get("rel") == "next"] == ["page/2/"]
    about = parse_html(site.html("about.md")).find("head")  # other pages keep the theme's links
    assert [link.get("rel") for link in about.iter("link") if link.get("rel") == "prev"] == ["prev"]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("header", [{}, {"date": False, "tags": False, "image": False}])
def test_a_post_page_is_an_h_entry(make_site, theme: str, header: dict[str, bool]) -> None:
    from conftest import SEED_IMAGE

    files = {
        "blog/posts/a.md": post(
            "Hello",
            "2024-01-01",
            ["Python", "C++"],
            updated="2024-02-01",
            description="What it says.",
            image="cover.jpg",
            image_alt="A cover",
            authors=["Ada"],
        ),
        "blog/posts/cover.jpg": SEED_IMAGE,
    }
    site = make_site(files, theme=theme, plugin_config={"header": header})
    url = "https://example.org/sub/blog/posts/a/"
    items = [
        i for i in mf2py.parse(doc=site.html("blog/posts/a.md"), url=url)["items"] if "h-entry" in i["type"]
    ]
    assert len(items) == 1
    props = items[0]["properties"]
    assert props["name"] == ["Hello"]
    assert props["url"] == [url]
    assert props["published"][0].startswith("2024-01-01")
    assert props["updated"][0].startswith("2024-02-01")
    assert props["category"] == ["Python", "C++"]
    # An h-card: its name, never an id (without an authors file the name is as written).
    assert [a["properties"]["name"] for a in props["author"]] == [["Ada"]]
    assert props["summary"] == ["What it says."]
    photo = props["photo"][0]
    assert (
        photo["value"] if isinstance(photo, dict) else photo
    ) == "https://example.org/sub/blog/posts/cover.jpg"
    if not header:
        assert photo["alt"] == "A cover"


@pytest.mark.parametrize("page", ["blog/index.md", "blog/tags/index.md", "about.md"])
def test_front_matter_mkdocs_cannot_load_is_not_rendered_as_text(make_site, page: str) -> None:
    """MkDocs renders a front-matter block it cannot load (a date 2024-13-45) as text, markup included."""
    hostile = "---\nupdated: 2024-13-45\ndescription: '<img src=x onerror=alert(8)>'\n---\n\nIntro text.\n"
    site = make_site({page: hostile, **GOOD}, strict=False)
    document = parse_html(site.html(page))
    assert not [e for e in document.iter("img") if e.get("onerror")]
    assert "updated: 2024" not in site.html(page)
    assert "Intro text." in site.html(page)
