"""Acceptance tests of the migration from Material's blog plugin and from Jekyll, in real builds.

The Material-shaped fixture (``fixtures/migration/material``) is built with Material's own
``meta`` and ``blog`` plugins and with ``blog-tags`` given the same options: every URL Material
wrote for a post, an image beside a post, the blog index and its later pages must exist in the
blog-tags site, an ordinary page of the blog folder stays an ordinary page, and a draft (kept
out by a ``.meta.yml``) reaches no output file of either build. Material's archive, category and
author-profile views (``blog/archive/``, ``blog/category/``, ``blog/author/``, with their later
pages) exist in the blog-tags site and list the same posts; a post's authors from
``blog/.authors.yml`` are names (mf2 h-card, feeds, JSON-LD), never ids; a pinned post leads the
blog index; a ``readtime`` in the front matter is shown. The Jekyll-shaped fixture
(``fixtures/migration/jekyll``) checks that ``_posts/YYYY-MM-DD-title.markdown`` files are posts
and that ``redirect_from`` writes redirect pages. Then: bad input, and two posts with one URL.
"""

from __future__ import annotations

import gzip
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import extruct
import feedparser
import mf2py
import pytest
from conftest import Site, build_site, parse_html, post
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

pytestmark = pytest.mark.slow

SITE_URL = "https://example.org/sub/"
MIGRATION = Path(__file__).parent / "fixtures" / "migration"
MATERIAL_DOCS = MIGRATION / "material"
JEKYLL_DOCS = MIGRATION / "jekyll" / "docs"

DRAFT_TOKEN = "zqxdrafttoken"  # in the title and body of the only draft (lowercased: also its slug)
SUBSCRIBE_TOKEN = "SUBSCRIBEPAGETOKEN"

MATERIAL_OPTIONS: dict[str, Any] = {
    "blog_dir": "blog",
    "post_dir": "{blog}/posts",
    "post_url_format": "{date}/{slug}",
    "post_url_date_format": "yyyy/MM/dd",
    "post_date_format": "long",
    "post_excerpt_separator": "<!-- more -->",
    "post_readtime": True,
    "post_readtime_words_per_minute": 265,
    "pagination_per_page": 2,  # Material's default is 10: 2 gives blog/page/2/ and blog/page/3/
    "pagination_url_format": "page/{page}",
    "draft_on_serve": True,
    "draft_if_future_date": False,  # Material's default
    # Material's defaults are true for the first three and false for profiles: all on, as users
    # of categories and authors set them.
    "archive": True,
    "categories": True,
    "authors": True,
    "authors_file": "{blog}/.authors.yml",
    "authors_profiles": True,
}
"""Options given to both Material's ``blog`` and ``blog-tags``, with Material's meaning."""

# The published posts of the Material fixture, newest first, by title: the URL path Material
# gives them under post_url_format "{date}/{slug}" (slug from `slug:`, else the title
# slugified by pymdownx.slugs.slugify(case="lower"), which keeps "é").
MATERIAL_POSTS = {
    "Café au lait, twice": "blog/2024/05/01/café-au-lait-twice",
    "A tiny note": "blog/2024/04/01/tiny",
    "Garden log: week 1": "blog/2024/03/03/garden-log-week-1",
    "Cold mornings, warm tea": "blog/2024/02/10/cold-mornings-warm-tea",
    "First light": "blog/2024/01/05/first-light-notes",
    "Autumn stars": "blog/2023/11/12/autumn-stars",
}
PINNED = "Cold mornings, warm tea"
"""The only post with ``pin: true``: Material lists it first on the index and in every view."""
READTIME_POST = "Café au lait, twice"
"""The only post with ``readtime: 7`` in its front matter (its text is read in under a minute)."""

AVATAR = "blog/avatars/ada.png"
"""Ada's avatar: a file of the fixture, given in .authors.yml relative to docs_dir."""
MATERIAL_MEDIA = {"blog/2024/garden/plot.png": "blog/posts/2024/garden/plot.png", AVATAR: AVATAR}
"""Output path -> source path of files that are not pages: Material strips the posts folder from
the files beside posts; a file elsewhere in the blog folder (the avatar) keeps its path."""

AUTHORS: dict[str, dict[str, str | None]] = {
    "ada": {"name": "Ada Lindqvist", "avatar": AVATAR, "url": "https://ada.example.net/"},
    "grace": {"name": "Grace Okafor", "avatar": "https://avatars.example.com/u/grace.png", "url": None},
}
"""blog/.authors.yml by id: Ada has a local avatar and a url, Grace an https avatar and no url."""

POST_AUTHORS = {
    "Café au lait, twice": ["ada"],
    "Garden log: week 1": ["grace"],
    "Cold mornings, warm tea": ["grace", "ada"],
    "First light": ["ada"],
    "Autumn stars": ["ada"],
}
"""Author ids of each post, in front-matter order ("A tiny note" has none)."""

POST_CATEGORIES = {
    "Café au lait, twice": ["Thé", "Slow Living"],
    "Garden log: week 1": ["Slow Living"],
    "Cold mornings, warm tea": ["Tea", "Slow Living"],
    "First light": ["Astronomy"],
    "Autumn stars": ["Astronomy"],
}
"""Categories of each post, in front-matter order ("A tiny note" has none)."""

# The stem (URL path without suffix, as for html_file) of each page of Material's views -> the
# titles Material lists on it, in order. Views are paginated as the index (2 posts a page), the
# pinned post first in each; later pages are folders page/N below the view, not index pages.
MATERIAL_VIEWS = {
    "archive": {
        "blog/archive/2023": ["Autumn stars"],
        "blog/archive/2024": ["Cold mornings, warm tea", "Café au lait, twice"],
        "blog/archive/2024/page/2": ["A tiny note", "Garden log: week 1"],
        "blog/archive/2024/page/3": ["First light"],
    },
    "category": {
        "blog/category/astronomy": ["First light", "Autumn stars"],
        "blog/category/slow-living": ["Cold mornings, warm tea", "Café au lait, twice"],
        "blog/category/slow-living/page/2": ["Garden log: week 1"],
        "blog/category/tea": ["Cold mornings, warm tea"],
        "blog/category/thé": ["Café au lait, twice"],
    },
    "author": {
        "blog/author/ada": ["Cold mornings, warm tea", "Café au lait, twice"],
        "blog/author/ada/page/2": ["First light", "Autumn stars"],
        "blog/author/grace": ["Cold mornings, warm tea", "Garden log: week 1"],
    },
}
VIEW_PREFIXES = ("blog/archive/", "blog/category/", "blog/author/")


# -- helpers -----------------------------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())


def tree(folder: Path) -> dict[str, Path]:
    """A fixture folder as build_site's ``files`` (copied into tmp_path, never built in place)."""
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def build_material(root: Path, use_directory_urls: bool, options: dict[str, Any] | None = None) -> Site:
    """The Material fixture built by Material's own meta and blog plugins."""
    return build_site(
        root,
        tree(MATERIAL_DOCS),
        theme="material",
        use_directory_urls=use_directory_urls,
        strict=False,
        extra={"plugins": ["search", "meta", {"blog": dict(options or MATERIAL_OPTIONS)}]},
    )


def build_blog_tags(
    root: Path,
    files: dict[str, Any],
    *,
    theme: str = "material",
    use_directory_urls: bool = True,
    options: dict[str, Any] | None = None,
    meta_plugin: bool = False,
    strict: bool = False,
) -> Site:
    plugins: list[Any] = ["search"]
    if meta_plugin:  # Material's meta plugin, before blog-tags (its full name works on any theme)
        plugins.append("material/meta" if theme != "material" else "meta")
    blog_tags = dict(MATERIAL_OPTIONS if options is None else options)
    # Most fixtures' posts have no image; the linter's image-missing warning is tested on its own.
    blog_tags.setdefault("lint", {"image-missing": False})
    plugins.append({"blog-tags": blog_tags})
    return build_site(
        root,
        files,
        theme=theme,
        use_directory_urls=use_directory_urls,
        strict=strict,
        extra={"plugins": plugins},
    )


def output_files(site: Site) -> set[str]:
    return {p.relative_to(site.site).as_posix() for p in site.site.rglob("*") if p.is_file()}


def url_of(site: Site, rel: str) -> str:
    return SITE_URL + rel


def file_of_url(site: Site, url: str) -> Path | None:
    """The output file an absolute URL of the site points to (index.html for folders)."""
    if not url.startswith(SITE_URL):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(SITE_URL).path) :]
    target = site.site / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def resolve(site: Site, page: Path, href: str) -> Path | None:
    """The output file ``href`` on the output file ``page`` points to."""
    return file_of_url(site, urljoin(url_of(site, page.relative_to(site.site).as_posix()), href))


def html_file(site: Site, stem: str) -> Path:
    """The HTML file of a page whose URL path, without suffix, is ``stem`` (``blog/2024/x``)."""
    if stem == "" or stem.endswith("/index") or stem == "index":
        return site.site / (stem + ".html" if stem else "index.html")
    return site.site / (stem + "/index.html" if site.use_directory_urls else stem + ".html")


def src_page(site: Site, src_uri: str) -> Path:
    """The HTML file MkDocs writes for a Markdown file of any Markdown suffix."""
    return html_file(site, src_uri.rsplit(".", 1)[0])


def h_feed(site: Site, page: Path) -> list[tuple[str, Path | None]]:
    """(name, target file) of each h-entry of the page's h-feed."""
    html = page.read_text(encoding="utf-8")
    items = mf2py.parse(doc=html, url=url_of(site, page.relative_to(site.site).as_posix()))["items"]
    feeds = [item for item in items if "h-feed" in item["type"]]
    assert len(feeds) == 1, f"{page}: {len(feeds)} h-feeds"
    entries = []
    for child in feeds[0].get("children", []):
        if "h-entry" in child["type"]:
            props = child["properties"]
            entries.append((props["name"][0], file_of_url(site, props["url"][0])))
    return entries


def h_entry_names(site: Site, page: Path) -> list[str]:
    """Names of the page's top-level h-entries (a blog-tags post page is one h-entry)."""
    items = mf2py.parse(doc=page.read_text(encoding="utf-8"))["items"]
    return [item["properties"]["name"][0] for item in items if "h-entry" in item["type"]]


def material_listing(site: Site, page: Path) -> list[tuple[str, Path | None]]:
    """(title, target file) of each post excerpt on a listing page of Material's blog."""
    document = parse_html(page.read_text(encoding="utf-8"))
    entries = []
    for article in document.iter("article"):
        if "md-post--excerpt" not in (article.get("class") or ""):
            continue
        link = article.find(".//h2").find(".//a")
        entries.append(("".join(link.itertext()).strip(), resolve(site, page, link.get("href"))))
    return entries


def listing_pages(site: Site) -> list[Path]:
    """The blog index and its later pages, blog/page/N/, in order (as Material writes them)."""
    pages = [site.site / "blog/index.html"]
    for n in range(2, 100):
        page = site.site / f"blog/page/{n}/index.html"
        if not page.exists():
            break
        pages.append(page)
    return pages


def files_containing(site: Site, token: str) -> list[str]:
    """Output files whose name or (decompressed) content contains ``token``, case-insensitively."""
    found = []
    for path in sorted(site.site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        rel = path.relative_to(site.site).as_posix()
        if token.lower() in rel.lower() or token.lower().encode() in data.lower():
            found.append(rel)
    return found


def warned(site: Site, *parts: str) -> list[str]:
    return [w for w in site.warnings() if all(p in w for p in parts)]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Site]]:
    """Builds of the Material fixture, shared by this module's tests."""
    cache: dict[tuple[Any, ...], Site] = {}

    def get(
        kind: str, use_directory_urls: bool = True, meta_plugin: bool = False, theme: str = "material"
    ) -> Site:
        key = (kind, use_directory_urls, meta_plugin, theme)
        if key not in cache:
            root = tmp_path_factory.mktemp(f"{kind}-{int(use_directory_urls)}-{int(meta_plugin)}-{theme}")
            if kind == "material":
                cache[key] = build_material(root, use_directory_urls)
            else:
                cache[key] = build_blog_tags(
                    root,
                    tree(MATERIAL_DOCS),
                    theme=theme,
                    use_directory_urls=use_directory_urls,
                    meta_plugin=meta_plugin,
                )
        return cache[key]

    yield get


# -- 1. a Material-shaped blog: Material's URLs exist in the blog-tags site ------------------------------


def material_urls(site: Site) -> set[str]:
    """Material's output files under blog/: posts, files, listing pages and views (not subscribe)."""
    return {
        rel
        for rel in output_files(site)
        if rel.startswith("blog/") and rel != "blog/subscribe.html" and not rel.startswith("blog/subscribe/")
    }


def view_files(site: Site, kind: str | None = None) -> set[str]:
    """The output files of the site under Material's view folders (of one kind, or all)."""
    prefixes = (f"blog/{kind}/",) if kind else VIEW_PREFIXES
    return {rel for rel in output_files(site) if rel.startswith(prefixes)}


def rel_entries(site: Site, entries: list[tuple[str, Path | None]]) -> list[tuple[str, str | None]]:
    return [(name, target.relative_to(site.site).as_posix() if target else None) for name, target in entries]


def the_h_entry(site: Site, page: Path) -> dict[str, Any]:
    """The one top-level h-entry of a post page, parsed with the page's URL as base."""
    html = page.read_text(encoding="utf-8")
    items = mf2py.parse(doc=html, url=url_of(site, page.relative_to(site.site).as_posix()))["items"]
    (entry,) = [item for item in items if "h-entry" in item["type"]]
    return entry


def mf2_url(value: Any) -> str:
    """An mf2 u-* value: a string, or (an img with alt) a dict with its "value"."""
    return value["value"] if isinstance(value, dict) else value


def json_ld(site: Site, page: Path) -> list[dict[str, Any]]:
    html = page.read_text(encoding="utf-8")
    base = url_of(site, page.relative_to(site.site).as_posix())
    return extruct.extract(html, base_url=base, syntaxes=["json-ld"], uniform=False)["json-ld"]


def strings_in(data: Any) -> Iterator[str]:
    """Every string key and value of decoded JSON, at any depth."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


def material_post_authors(site: Site, page: Path) -> list[tuple[str, str, str | None]]:
    """(name, avatar src, link href or None) of each author in the sidebar of Material's post page."""
    document = parse_html(page.read_text(encoding="utf-8"))
    authors = []
    for div in document.iter("div"):
        if "md-post__profile" not in (div.get("class") or "").split():
            continue
        img = div.find(".//img")
        strong = div.find(".//strong")
        link = strong.find(".//a")
        authors.append(
            (
                "".join(strong.itertext()).strip(),
                img.get("src"),
                link.get("href") if link is not None else None,
            )
        )
    return authors


def material_post_categories(site: Site, page: Path) -> list[tuple[str, Path | None]]:
    """(name, target file) of each category link in the post's metadata (Material's sidebar)."""
    document = parse_html(page.read_text(encoding="utf-8"))
    links = []
    for ul in document.iter("ul"):
        if "md-post__meta" not in (ul.get("class") or "").split():
            continue
        for a in ul.iter("a"):
            target = resolve(site, page, a.get("href") or "")
            if target is not None and target.relative_to(site.site).as_posix().startswith("blog/category/"):
                links.append(("".join(a.itertext()).strip(), target))
    return links


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_material_wrote_the_urls_these_tests_expect(builds, use_directory_urls: bool) -> None:
    material = builds("material", use_directory_urls)
    assert material.warnings() == []  # Material accepts the options, the authors file and avatars
    expected = {
        html_file(material, stem).relative_to(material.site).as_posix() for stem in MATERIAL_POSTS.values()
    }
    # Material writes later listing pages as folders' index.html even without directory URLs.
    expected |= {"blog/index.html", "blog/page/2/index.html", "blog/page/3/index.html", *MATERIAL_MEDIA}
    views = {
        html_file(material, stem).relative_to(material.site).as_posix()
        for pages in MATERIAL_VIEWS.values()
        for stem in pages
    }
    assert view_files(material) == views
    assert material_urls(material) == expected | views


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_material_lists_authors_categories_and_views_as_these_tests_expect(
    builds, use_directory_urls: bool
) -> None:
    material = builds("material", use_directory_urls)
    for pages in MATERIAL_VIEWS.values():
        for stem, titles in pages.items():
            page = html_file(material, stem)
            listed = material_listing(material, page)
            assert [name for name, _ in listed] == titles, stem
            assert [target for _, target in listed] == [
                html_file(material, MATERIAL_POSTS[title]) for title in titles
            ], stem
    assert material_listing(material, material.site / "blog/index.html")[0][0] == PINNED
    for title, stem in MATERIAL_POSTS.items():
        page = html_file(material, stem)
        authors = material_post_authors(material, page)
        ids = POST_AUTHORS.get(title, [])
        assert [name for name, _, _ in authors] == [AUTHORS[i]["name"] for i in ids], title
        for author_id, (_, src, href) in zip(ids, authors, strict=True):
            author = AUTHORS[author_id]
            avatar = author["avatar"]
            if avatar.startswith("https://"):
                assert src == avatar
            else:  # a path relative to docs_dir, written relative to the page by `| url`
                assert resolve(material, page, src) == material.site / avatar
                assert (material.site / avatar).read_bytes() == (MATERIAL_DOCS / avatar).read_bytes()
            if author["url"]:
                assert href == author["url"]
            else:  # with authors_profiles, Material links an author without url to the profile
                assert resolve(material, page, href) == html_file(material, f"blog/author/{author_id}")
        categories = material_post_categories(material, page)
        assert [name for name, _ in categories] == POST_CATEGORIES.get(title, []), title
        for _, target in categories:
            assert target is not None and target.exists(), title
    readtime = html_file(material, MATERIAL_POSTS[READTIME_POST]).read_text(encoding="utf-8")
    assert "7 min read" in readtime


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_every_url_material_wrote_for_the_blog_exists_in_the_blog_tags_site(
    builds, use_directory_urls: bool
) -> None:
    material = builds("material", use_directory_urls)
    ours = builds("blog-tags", use_directory_urls)
    missing = sorted(material_urls(material) - output_files(ours))
    assert missing == [], f"written by Material, missing from blog-tags: {missing}"
    for rel, src in MATERIAL_MEDIA.items():
        assert (ours.site / rel).read_bytes() == (MATERIAL_DOCS / src).read_bytes()
    for title, stem in MATERIAL_POSTS.items():
        page = html_file(ours, stem)
        assert h_entry_names(ours, page) == [title], page


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_blog_index_pages_list_the_posts_material_lists(builds, use_directory_urls: bool) -> None:
    material = builds("material", use_directory_urls)
    ours = builds("blog-tags", use_directory_urls)
    theirs = [
        [
            (title, target.relative_to(material.site).as_posix() if target else None)
            for title, target in material_listing(material, page)
        ]
        for page in listing_pages(material)
    ]
    assert [[t for t, _ in page] for page in theirs] == [
        ["Cold mornings, warm tea", "Café au lait, twice"],  # pinned, then newest first
        ["A tiny note", "Garden log: week 1"],
        ["First light", "Autumn stars"],
    ]
    mine = [
        [
            (name, target.relative_to(ours.site).as_posix() if target else None)
            for name, target in h_feed(ours, page)
        ]
        for page in (ours.site / p.relative_to(material.site) for p in listing_pages(material))
    ]
    assert mine == theirs


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_relative_images_and_links_to_md_files_work_in_both_builds(builds, use_directory_urls: bool) -> None:
    for kind in ("material", "blog-tags"):
        site = builds(kind, use_directory_urls)
        page = html_file(site, MATERIAL_POSTS["Garden log: week 1"])
        document = parse_html(page.read_text(encoding="utf-8"))
        (img,) = [i for i in document.iter("img") if i.get("alt") == "The garden plot"]
        assert resolve(site, page, img.get("src")) == site.site / "blog/2024/garden/plot.png", (
            kind,
            img.get("src"),
        )
        (link,) = [a for a in document.iter("a") if (a.text or "").strip() == "here"]
        target = resolve(site, page, link.get("href"))
        assert target == html_file(site, MATERIAL_POSTS["First light"]), (kind, link.get("href"))
        assert target.exists()


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_an_ordinary_page_of_the_blog_folder_stays_a_page(builds, use_directory_urls: bool) -> None:
    for kind in ("material", "blog-tags"):
        site = builds(kind, use_directory_urls)
        assert SUBSCRIBE_TOKEN in html_file(site, "blog/subscribe").read_text(encoding="utf-8"), kind
    ours = builds("blog-tags", use_directory_urls)
    subscribe = html_file(ours, "blog/subscribe")
    assert "blog-tags-post-header" not in subscribe.read_text(encoding="utf-8")
    assert h_entry_names(ours, subscribe) == []
    listed = [entry for page in listing_pages(ours) for entry in h_feed(ours, page)]
    assert sorted(name for name, _ in listed) == sorted(MATERIAL_POSTS)
    assert subscribe not in [target for _, target in listed]
    assert "Subscribe" not in [name for name, _ in listed]


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_draft_from_a_meta_yml_reaches_no_output_file(builds, use_directory_urls: bool) -> None:
    for kind in ("material", "blog-tags"):
        site = builds(kind, use_directory_urls)
        assert files_containing(site, DRAFT_TOKEN) == [], kind


def test_folder_tags_from_meta_yml_are_added_to_every_post(builds) -> None:
    ours = builds("blog-tags")
    tag_page = ours.site / "blog/tags/fromfolder/index.html"
    assert sorted(name for name, _ in h_feed(ours, tag_page)) == sorted(MATERIAL_POSTS)
    # The post's own list is concatenated to the folder's, as Material's meta plugin does.
    assert [name for name, _ in h_feed(ours, ours.site / "blog/tags/short/index.html")] == ["A tiny note"]


# -- 1b. Material's views, authors, pins and read times in the blog-tags site -------------------------


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_materials_archive_category_and_author_pages_exist_in_the_blog_tags_site(
    builds, use_directory_urls: bool
) -> None:
    material = builds("material", use_directory_urls)
    ours = builds("blog-tags", use_directory_urls)
    views = view_files(material)
    assert {rel.split("/")[1] for rel in views} == {"archive", "category", "author"}
    missing = sorted(views - output_files(ours))
    assert missing == [], f"views written by Material, missing from blog-tags: {missing}"


@pytest.mark.parametrize("kind", ["category", "archive", "author"])
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_each_view_page_lists_the_posts_materials_lists(builds, use_directory_urls: bool, kind: str) -> None:
    material = builds("material", use_directory_urls)
    ours = builds("blog-tags", use_directory_urls)
    pages = sorted(view_files(material, kind))
    assert len(pages) == len(MATERIAL_VIEWS[kind])
    for rel in pages:
        theirs = rel_entries(material, material_listing(material, material.site / rel))
        assert theirs, rel
        assert (ours.site / rel).is_file(), f"{rel}: missing from blog-tags"
        assert rel_entries(ours, h_feed(ours, ours.site / rel)) == theirs, rel


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_posts_authors_are_h_cards_with_names_photos_and_urls(builds, use_directory_urls: bool) -> None:
    ours = builds("blog-tags", use_directory_urls)
    for title, ids in POST_AUTHORS.items():
        page = html_file(ours, MATERIAL_POSTS[title])
        cards = the_h_entry(ours, page)["properties"].get("author", [])
        assert all(isinstance(card, dict) and "h-card" in card["type"] for card in cards), (title, cards)
        assert [card["properties"]["name"][0] for card in cards] == [AUTHORS[i]["name"] for i in ids], title
        for author_id, card in zip(ids, cards, strict=True):
            author, props = AUTHORS[author_id], card["properties"]
            (photo,) = [mf2_url(value) for value in props.get("photo", [])]
            if author["avatar"].startswith("https://"):
                assert photo == author["avatar"], title
            else:
                assert file_of_url(ours, photo) == ours.site / author["avatar"], (title, photo)
                assert (ours.site / author["avatar"]).read_bytes() == (MATERIAL_DOCS / AVATAR).read_bytes()
            urls = [mf2_url(value) for value in props.get("url", [])]
            if author["url"]:
                assert urls == [author["url"]], title
            else:  # no url of its own: none, or its profile page (where Material links it)
                profile = html_file(ours, f"blog/author/{author_id}")
                assert [file_of_url(ours, url) for url in urls] in ([], [profile]), (title, urls)
    tiny = the_h_entry(ours, html_file(ours, MATERIAL_POSTS["A tiny note"]))
    assert "author" not in tiny["properties"], tiny  # no authors: none shown, as on Material


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_posts_categories_link_to_materials_category_pages(builds, use_directory_urls: bool) -> None:
    material = builds("material", use_directory_urls)
    ours = builds("blog-tags", use_directory_urls)
    for title, categories in POST_CATEGORIES.items():
        page = html_file(ours, MATERIAL_POSTS[title])
        assert set(categories) <= set(the_h_entry(ours, page)["properties"].get("category", [])), title
        document = parse_html(page.read_text(encoding="utf-8"))
        targets = [
            resolve(ours, page, a.get("href") or "")
            for a in document.iter("a")
            if "p-category" in (a.get("class") or "").split() and "tag" in (a.get("rel") or "").split()
        ]
        links = {
            rel
            for rel in (t.relative_to(ours.site).as_posix() for t in targets if t is not None)
            if rel.startswith("blog/category/")
        }
        theirs = material_post_categories(material, html_file(material, MATERIAL_POSTS[title]))
        assert links == {t.relative_to(material.site).as_posix() for _, t in theirs if t}, title
        assert all((ours.site / rel).is_file() for rel in links), title


def test_the_feeds_name_a_posts_authors_never_by_id(builds) -> None:
    ours = builds("blog-tags")
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((ours.site / "blog" / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        entries = {entry.title: entry for entry in feed.entries}
        assert set(POST_AUTHORS) <= set(entries), name
        for title, entry in entries.items():
            names = [author.get("name") for author in entry.get("authors", [])]
            assert not set(names) & set(AUTHORS), (name, title, names)
            expected = [AUTHORS[i]["name"] for i in POST_AUTHORS.get(title, [])]
            if not expected:
                continue
            if name == "atom.xml":
                assert names == expected, (name, title)
            else:  # RSS: one dc:creator (or author) per author
                assert sorted(names) == sorted(expected), (name, title)


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_json_ld_authors_are_persons_with_names_never_ids(builds, use_directory_urls: bool) -> None:
    ours = builds("blog-tags", use_directory_urls)
    for title, ids in POST_AUTHORS.items():
        page = html_file(ours, MATERIAL_POSTS[title])
        data = json_ld(ours, page)
        (posting,) = [d for d in data if d.get("@type") == "BlogPosting"]
        authors = posting.get("author", [])
        authors = authors if isinstance(authors, list) else [authors]
        assert [a.get("@type") for a in authors] == ["Person"] * len(ids), title
        assert [a.get("name") for a in authors] == [AUTHORS[i]["name"] for i in ids], title
        for author_id, person in zip(ids, authors, strict=True):
            if AUTHORS[author_id]["url"]:
                assert person.get("url") == AUTHORS[author_id]["url"], title
        assert not set(strings_in(data)) & set(AUTHORS), title


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_pinned_post_comes_first_on_the_blog_index(builds, use_directory_urls: bool) -> None:
    material = builds("material", use_directory_urls)
    ours = builds("blog-tags", use_directory_urls)
    assert material_listing(material, material.site / "blog/index.html")[0][0] == PINNED
    first, target = h_feed(ours, ours.site / "blog/index.html")[0]
    assert (first, target) == (PINNED, html_file(ours, MATERIAL_POSTS[PINNED]))


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_a_readtime_in_the_front_matter_is_shown(builds, use_directory_urls: bool) -> None:
    ours = builds("blog-tags", use_directory_urls)
    page = html_file(ours, MATERIAL_POSTS[READTIME_POST])
    document = parse_html(page.read_text(encoding="utf-8"))
    shown = [
        " ".join("".join(e.itertext()).split())
        for e in document.iter()
        if "blog-tags-reading-time" in (e.get("class") or "").split()
    ]
    assert shown and all(re.search(r"\b7 min\b", text) for text in shown), shown


@pytest.mark.parametrize(
    ("url_format", "date_format"),
    [("{categories}/{slug}", "yyyy/MM/dd"), ("{file}", "yyyy/MM/dd"), ("{date}/{file}", "yyyy/MM")],
)
def test_post_url_placeholders_give_materials_urls(tmp_path: Path, url_format: str, date_format: str) -> None:
    options = {**MATERIAL_OPTIONS, "post_url_format": url_format, "post_url_date_format": date_format}
    material = build_material(tmp_path / "material", True, options)
    ours = build_blog_tags(tmp_path / "ours", tree(MATERIAL_DOCS), options=options)
    theirs = {rel for rel in output_files(material) if rel.startswith("blog/") and rel.endswith(".html")}
    theirs = {rel for rel in theirs if not rel.startswith((*VIEW_PREFIXES, "blog/page/", "blog/subscribe"))}
    theirs -= {"blog/index.html"}
    assert len(theirs) == len(MATERIAL_POSTS)
    assert sorted(theirs - output_files(ours)) == []
    assert sorted(set(MATERIAL_MEDIA) - output_files(ours)) == []


def test_year_month_and_day_placeholders(tmp_path: Path) -> None:
    options = {**MATERIAL_OPTIONS, "post_url_format": "{year}/{month}/{day}/{slug}"}
    ours = build_blog_tags(tmp_path / "ours", tree(MATERIAL_DOCS), options=options)
    for title, stem in MATERIAL_POSTS.items():
        assert h_entry_names(ours, html_file(ours, stem)) == [title]


def test_without_post_url_format_a_post_keeps_its_files_url(tmp_path: Path) -> None:
    options = {key: value for key, value in MATERIAL_OPTIONS.items() if key != "post_url_format"}
    ours = build_blog_tags(tmp_path / "ours", tree(MATERIAL_DOCS), options=options)
    assert h_entry_names(ours, html_file(ours, "blog/posts/tiny")) == ["A tiny note"]
    assert h_entry_names(ours, html_file(ours, "blog/posts/2024/garden/garden-log")) == ["Garden log: week 1"]
    assert (ours.site / "blog/posts/2024/garden/plot.png").exists()


# -- 2. Material's meta plugin on or off: the same blog-tags site ---------------------------------------


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_materials_meta_plugin_on_or_off_gives_the_same_site(builds, theme: str) -> None:
    without = builds("blog-tags", True, False, theme)
    with_meta = builds("blog-tags", True, True, theme)
    assert output_files(with_meta) == output_files(without)
    for page in listing_pages(without):
        rel = page.relative_to(without.site)
        mine = [(n, t.relative_to(without.site) if t else None) for n, t in h_feed(without, page)]
        theirs = [
            (n, t.relative_to(with_meta.site) if t else None)
            for n, t in h_feed(with_meta, with_meta.site / rel)
        ]
        assert theirs == mine, rel
    tag_page = "blog/tags/fromfolder/index.html"
    assert [n for n, _ in h_feed(with_meta, with_meta.site / tag_page)] == [
        n for n, _ in h_feed(without, without.site / tag_page)
    ]
    assert files_containing(with_meta, DRAFT_TOKEN) == []


# -- 3. a Jekyll-shaped blog ----------------------------------------------------------------------------

JEKYLL_POSTS = {
    "blog/_posts/2016-01-24-hello-jekyll.markdown": "Hello from the old blog",
    "blog/_posts/2016-02-07-second-steps.markdown": "Second steps",
    "blog/_posts/2016-03-12-no-date-field.markdown": "Dated by its file name",
    "blog/_posts/2016-04-30-spring-cleaning.markdown": "Spring cleaning",
    "blog/_posts/2016-05-15-plain-md.md": "A plain md file",
}


def refresh_target(content: str) -> str:
    match = re.fullmatch(r"\s*0\s*;\s*url\s*=\s*['\"]?(.*?)['\"]?\s*", content, re.IGNORECASE)
    assert match, content
    return match.group(1)


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_jekyll_blog_is_published_with_its_redirects(tmp_path: Path, theme: str) -> None:
    site = build_blog_tags(tmp_path, tree(JEKYLL_DOCS), theme=theme, options={})
    assert [w for w in site.warnings() if "skip" in w.lower()] == []
    for src, title in JEKYLL_POSTS.items():
        assert h_entry_names(site, src_page(site, src)) == [title], src
    listed = [entry for page in listing_pages(site) for entry in h_feed(site, page)]
    assert sorted(listed, key=lambda e: e[0]) == sorted(
        ((title, src_page(site, src)) for src, title in JEKYLL_POSTS.items()), key=lambda e: e[0]
    )
    assert [name for name, _ in listed] == [
        "A plain md file",
        "Spring cleaning",
        "Dated by its file name",
        "Second steps",
        "Hello from the old blog",
    ]
    feed = feedparser.parse((site.site / "blog/feed.xml").read_bytes())
    assert not feed.bozo
    assert sorted(e.title for e in feed.entries) == sorted(JEKYLL_POSTS.values())
    post_page = src_page(site, "blog/_posts/2016-01-24-hello-jekyll.markdown")
    for redirect in ("old-url/index.html", "2016/01/older.html"):
        page = site.site / redirect
        assert page.is_file(), redirect
        document = parse_html(page.read_text(encoding="utf-8"))
        metas = list(document.iter("meta"))
        (refresh,) = [m for m in metas if (m.get("http-equiv") or "").lower() == "refresh"]
        assert resolve(site, page, refresh_target(refresh.get("content"))) == post_page
        (canonical,) = [link for link in document.iter("link") if link.get("rel") == "canonical"]
        assert canonical.get("href").startswith(SITE_URL)
        assert file_of_url(site, canonical.get("href")) == post_page
        assert [m.get("content") for m in metas if m.get("name") == "robots"] == ["noindex"]
        assert [a for a in document.iter("a") if resolve(site, page, a.get("href") or "") == post_page]
        # A redirect page is not a post, nor in any listing.
        assert h_entry_names(site, page) == []


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_jekyll_categories_are_space_separated_as_jekyll_reads_them(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    site = build_blog_tags(tmp_path, tree(JEKYLL_DOCS), use_directory_urls=use_directory_urls, options={})
    pages = {
        name: site.site
        / ("blog/category/" + (f"{name}/index.html" if use_directory_urls else f"{name}.html"))
        for name in ("a", "b", "misc")
    }
    listed = {name: sorted(title for title, _ in h_feed(site, page)) for name, page in pages.items()}
    assert listed == {
        "a": ["A plain md file", "Dated by its file name", "Hello from the old blog"],
        "b": ["A plain md file", "Hello from the old blog", "Second steps"],
        "misc": ["Spring cleaning"],
    }
    assert not (site.site / "blog/category/a-b").exists()
    # Each year of the posts has its archive page.
    archive = site.site / ("blog/archive/2016/index.html" if use_directory_urls else "blog/archive/2016.html")
    assert len(h_feed(site, archive)) == len(JEKYLL_POSTS)


@pytest.mark.parametrize("suffix", [".markdown", ".mdown", ".mkdn", ".mkd", ".md"])
def test_every_markdown_suffix_is_a_post(tmp_path: Path, suffix: str) -> None:
    files = {
        f"blog/posts/a{suffix}": post("Odd suffix", "2024-01-02"),
        "blog/posts/b.md": post("Plain", "2024-01-01"),
    }
    site = build_blog_tags(tmp_path, files, theme="mkdocs", options={}, strict=True)
    assert [name for name, _ in h_feed(site, site.site / "blog/index.html")] == ["Odd suffix", "Plain"]
    assert h_entry_names(site, src_page(site, f"blog/posts/a{suffix}")) == ["Odd suffix"]


# -- folder defaults, drafts under serve, Material's option names -----------------------------------------


def test_folder_defaults_nearest_folder_last_and_the_post_wins(tmp_path: Path) -> None:
    files = {
        "blog/posts/.meta.yml": "description: From the posts folder.\ntags: [outer]\n",
        "blog/posts/2024/.meta.yml": "description: From the year folder.\ntags: [inner]\n",
        "blog/posts/2024/a.md": post("Inner", "2024-01-02"),
        "blog/posts/2024/b.md": post("Own", "2024-01-03", ["mine"], description="The post's own."),
        "blog/posts/c.md": post("Outer", "2024-01-01"),
    }
    site = build_blog_tags(tmp_path, files, theme="mkdocs", options={}, strict=True)

    def description(src: str) -> list[str | None]:
        head = parse_html(src_page(site, src).read_text(encoding="utf-8")).find("head")
        return [m.get("content") for m in head.iter("meta") if m.get("name") == "description"]

    assert description("blog/posts/2024/a.md") == ["From the year folder."]
    assert description("blog/posts/2024/b.md") == ["The post's own."]
    assert description("blog/posts/c.md") == ["From the posts folder."]

    def tagged(tag: str) -> list[str]:
        return sorted(name for name, _ in h_feed(site, site.site / f"blog/tags/{tag}/index.html"))

    assert tagged("outer") == ["Inner", "Outer", "Own"]
    assert tagged("inner") == ["Inner", "Own"]
    assert tagged("mine") == ["Own"]


def test_under_serve_drafts_are_shown_and_marked_by_default(tmp_path: Path) -> None:
    files = {
        "blog/posts/a.md": post("Published", "2024-01-01"),
        "blog/posts/d.md": post("Draft in front matter", "2024-02-01", draft=True),
        "blog/posts/drafts/.meta.yml": "draft: true\n",
        "blog/posts/drafts/f.md": post("Draft by folder", "2024-03-01"),
        "blog/posts/future.md": post("From the future", "2999-01-01"),
    }
    built = build_blog_tags(tmp_path / "build", files, theme="mkdocs", options={})
    assert [n for n, _ in h_feed(built, built.site / "blog/index.html")] == ["Published"]
    assert not src_page(built, "blog/posts/future.md").exists()  # draft_if_future_date: true
    served = build_blog_tags(tmp_path / "serve", files, theme="mkdocs", options={})
    # Rebuild as `mkdocs serve` does: command "serve" and a serve_url.
    config = load_config(str(served.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_shutdown()
    names = [n for n, _ in h_feed(served, served.site / "blog/index.html")]
    assert {"Published", "Draft in front matter", "Draft by folder"} <= set(names)
    for src in ("blog/posts/d.md", "blog/posts/drafts/f.md"):
        header = parse_html(src_page(served, src).read_text(encoding="utf-8"))
        assert [s for s in header.iter("span") if "blog-tags-draft" in (s.get("class") or "")], src


def test_materials_option_names_are_accepted_and_unknown_ones_warned_once(tmp_path: Path) -> None:
    options = {**MATERIAL_OPTIONS, "blog_toc": True, "archive_toc": True, "categories_toc": True}
    site = build_blog_tags(tmp_path, tree(MATERIAL_DOCS), options=options)
    assert [w for w in site.warnings() if "Unrecognised configuration name" in w] == []
    named = [w for w in site.warnings() if "blog_toc" in w or "archive_toc" in w or "categories_toc" in w]
    assert len(named) == 1, site.warnings()
    assert all(name in named[0] for name in ("blog_toc", "archive_toc", "categories_toc"))
    for known in MATERIAL_OPTIONS:
        assert not [w for w in site.warnings() if re.search(rf"\b{known}\b", w)], known


# -- 4. bad input ----------------------------------------------------------------------------------------

GOOD = {"blog/posts/good.md": post("Good", "2024-01-01", ["x"])}


def strict_fails(root: Path, files: dict[str, Any], **kwargs: Any) -> None:
    with pytest.raises(Abort):
        build_blog_tags(root, files, strict=True, **kwargs)


@pytest.mark.parametrize("slug", ['""', "[a]"])
@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_bad_slug_is_a_warning_naming_the_file_and_field(tmp_path: Path, slug: str, theme: str) -> None:
    files = {
        "blog/posts/bad.md": f"---\ntitle: Bad slug\ndate: 2024-02-01\nslug: {slug}\n---\n\nText.\n",
        **GOOD,
    }
    options = {"post_url_format": "{date}/{slug}"}
    site = build_blog_tags(tmp_path / "lax", files, theme=theme, options=options)
    assert warned(site, "blog/posts/bad.md", "slug"), site.warnings()
    names = [n for n, _ in h_feed(site, site.site / "blog/index.html")]
    assert "Good" in names
    strict_fails(tmp_path / "strict", files, theme=theme, options=options)


@pytest.mark.parametrize(
    ("meta", "line"),
    [
        ("tags: [ok]\ndescription: fine\ndraft: false: true\n", 3),  # invalid YAML on line 3
        ("- tags\n- draft\n", None),  # a list, not a mapping
    ],
)
@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_a_bad_meta_yml_is_a_warning_and_its_posts_are_not_published(
    tmp_path: Path, meta: str, line: int | None, theme: str
) -> None:
    files = {
        "blog/posts/odd/.meta.yml": meta,
        "blog/posts/odd/below.md": post("Below a bad meta file", "2024-02-01", body="BELOWBADMETA\n"),
        **GOOD,
    }
    site = build_blog_tags(tmp_path / "lax", files, theme=theme, options={})
    found = warned(site, "blog/posts/odd/.meta.yml")
    assert found, site.warnings()
    if line is not None:
        assert re.search(rf"\bline {line}\b|:{line}\b", found[0]), found[0]
    assert not src_page(site, "blog/posts/odd/below.md").exists()
    assert [n for n, _ in h_feed(site, site.site / "blog/index.html")] == ["Good"]
    assert files_containing(site, "BELOWBADMETA") == []
    strict_fails(tmp_path / "strict", files, theme=theme, options={})


def test_an_unknown_placeholder_in_post_url_format_is_a_configuration_error(tmp_path: Path) -> None:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises((Abort, ConfigurationError)) as raised:
            build_blog_tags(
                tmp_path, dict(GOOD), theme="mkdocs", options={"post_url_format": "{nope}/{slug}"}
            )
    finally:
        logger.removeHandler(handler)
    text = "\n".join([*handler.messages, str(raised.value)])
    assert "nope" in text and "post_url_format" in text, text
    assert not (tmp_path / "site" / "blog").exists()


@pytest.mark.parametrize("key", ["aliases", "redirect_from"])
def test_an_alias_outside_the_site_is_rejected_with_a_warning(tmp_path: Path, key: str) -> None:
    files = {
        "blog/posts/a.md": post(
            "Moved", "2024-02-01", **{key: ["https://elsewhere.example/x", "../../outside"]}
        ),
        **GOOD,
    }
    site = build_blog_tags(tmp_path / "lax", files, theme="mkdocs", options={})
    for alias in ("https://elsewhere.example/x", "../../outside"):
        assert warned(site, "blog/posts/a.md", key, alias), site.warnings()
    for place in (tmp_path / "outside", tmp_path / "lax" / "outside", tmp_path / "lax" / "site" / "x"):
        assert not place.exists(), place
    assert files_containing(site, "elsewhere.example") == []
    assert h_entry_names(site, src_page(site, "blog/posts/a.md")) == ["Moved"]
    strict_fails(tmp_path / "strict", files, theme="mkdocs", options={})


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_an_alias_at_a_real_pages_url_leaves_the_page_unchanged(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    alias = "/about/" if use_directory_urls else "/about.html"
    files = {
        "about.md": "# About\n\nABOUTPAGETOKEN lives here.\n",
        "blog/posts/a.md": post("Moved", "2024-02-01", aliases=[alias]),
        **GOOD,
    }
    site = build_blog_tags(
        tmp_path / "lax", files, theme="mkdocs", use_directory_urls=use_directory_urls, options={}
    )
    assert warned(site, "blog/posts/a.md", alias), site.warnings()
    about = src_page(site, "about.md").read_text(encoding="utf-8")
    assert "ABOUTPAGETOKEN" in about
    assert not [m for m in parse_html(about).iter("meta") if (m.get("http-equiv") or "").lower() == "refresh"]
    strict_fails(
        tmp_path / "strict", files, theme="mkdocs", use_directory_urls=use_directory_urls, options={}
    )


# -- 5. two posts with one URL --------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_two_posts_with_one_url_both_stay_published(tmp_path: Path, theme: str) -> None:
    files = {
        "blog/posts/one.md": post("Same title", "2024-01-01", body="FIRSTTWIN text.\n"),
        "blog/posts/two.md": post("Same title", "2024-02-01", body="SECONDTWIN text.\n"),
        "blog/posts/other.md": post("Other", "2024-01-15"),
    }
    options = {"post_url_format": "{slug}"}
    places = []
    for run in ("first", "second"):
        site = build_blog_tags(tmp_path / run, files, theme=theme, options=options)
        assert warned(site, "blog/posts/one.md", "blog/posts/two.md"), site.warnings()
        listed = h_feed(site, site.site / "blog/index.html")
        assert sorted(name for name, _ in listed) == ["Other", "Same title", "Same title"]
        twins = [target for name, target in listed if name == "Same title"]
        assert len(set(twins)) == 2 and all(t is not None and t.exists() for t in twins)
        by_token = {}
        for target in twins:
            text = target.read_text(encoding="utf-8")
            token = "FIRSTTWIN" if "FIRSTTWIN" in text else "SECONDTWIN"
            assert ("SECONDTWIN" if token == "FIRSTTWIN" else "FIRSTTWIN") not in text
            by_token[token] = target.relative_to(site.site).as_posix()
        assert set(by_token) == {"FIRSTTWIN", "SECONDTWIN"}
        assert "blog/same-title/index.html" in by_token.values()
        places.append(by_token)
    assert places[0] == places[1]  # the suffix is deterministic


def test_an_alias_at_or_under_a_file_written_later_is_refused(tmp_path: Path) -> None:
    """A redirect at sitemap.xml/index.html would make a folder of sitemap.xml: the build crashed."""
    aliases = ["/sitemap.xml", "/sitemap.xml/", "/404.html/", "/blog/feed.xml/"]
    files = {**GOOD, "blog/posts/a.md": post("Moved", "2024-02-01", aliases=aliases)}
    site = build_blog_tags(tmp_path, files, theme="mkdocs", options={})
    assert len([w for w in site.warnings() if "no redirect was made" in w]) == len(aliases)
    assert (site.site / "sitemap.xml").is_file() and (site.site / "404.html").is_file()
    assert (site.site / "blog/feed.xml").is_file()
