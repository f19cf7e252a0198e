"""Categories, archives, authors, pinned posts and readtime in real builds, with every theme and URL style.

Pages must be at Material's paths, each category must have feeds of its own, the overviews
must list every term, and every relative link of a generated page must lead to a file. Bad
input is a warning naming the file and the field (``--strict`` fails), never a lost post, and
hostile names stay text in HTML, attributes, JSON-LD and feeds.
"""

from __future__ import annotations

import dataclasses
import html as html_module
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import extruct
import feedparser
import mf2py
import pytest
from conftest import FIXTURES, THEMES, Site, build_site, parse_html, post
from lxml import etree
from mkdocs.exceptions import Abort

pytestmark = pytest.mark.slow

SITE_URL = "https://example.org/sub/"
AVATAR = FIXTURES / "migration/material/blog/avatars/ada.png"
AUTHORS = """\
authors:
  ada:
    name: Ada Lovelace
    description: Wrote the first program.
    slug: ada-l
    avatar: blog/avatars/ada.png
  bob:
    name: Bob
"""
SITE_FILES: dict[str, Any] = {
    "index.md": "# Home\n",
    "about.md": "# About\n",
    "blog/.authors.yml": AUTHORS,
    "blog/avatars/ada.png": AVATAR,
    "blog/posts/leaves.md": post("Leaves", "2023-03-01", ["Green"], categories=["Tea"], authors=["ada"]),
    "blog/posts/kettles.md": post(
        "Kettles", "2023-09-10", categories=["Tea", "Slow Living"], authors=["bob"]
    ),
    "blog/posts/mornings.md": post(
        "Mornings", "2024-02-01", ["Green"], categories=["Slow Living"], authors=["ada", "bob"]
    ),
    "blog/posts/cups.md": post("Cups", "2024-04-01", categories=["Tea"], authors=["ada"]),
    "blog/posts/steam.md": post("Steam", "2024-05-01", ["Green"], categories=["Tea", "Thé"], authors=["bob"]),
}
SITE_OPTIONS = {"authors_profiles": True, "categories_pagination_per_page": 3}
CATEGORY_POSTS = {
    "tea": ["Steam", "Cups", "Kettles", "Leaves"],
    "slow-living": ["Mornings", "Kettles"],
    "thé": ["Steam"],
}
BUILDS = [(theme, udu) for theme in THEMES for udu in (True, False)]


def view_path(site: Site, path: str) -> Path:
    """The HTML file of a page Material lays out at ``blog/<path>.md`` (a category, archive, author)."""
    return site.site / (f"{path}/index.html" if site.use_directory_urls else f"{path}.html")


def url_of(site: Site, src_uri: str) -> str:
    """The absolute URL of a Markdown page of the built site."""
    stem = src_uri[: -len(".md")]
    return SITE_URL + (f"{stem}/" if site.use_directory_urls else f"{stem}.html")


def h_feed(html: str) -> dict[str, Any]:
    feeds = [item for item in mf2py.parse(doc=html)["items"] if "h-feed" in item["type"]]
    assert len(feeds) == 1, [item["type"] for item in mf2py.parse(doc=html)["items"]]
    return feeds[0]


def entry_titles(path: Path) -> list[str]:
    feed = h_feed(path.read_text(encoding="utf-8"))
    return [c["properties"]["name"][0] for c in feed.get("children", []) if "h-entry" in c["type"]]


def classed(root: Any, name: str, tag: str = "*") -> list[Any]:
    """The elements under ``root`` whose class list holds ``name``."""
    return [e for e in root.iter(tag) if name in (e.get("class") or "").split()]


def one(root: Any, name: str, tag: str = "*") -> Any:
    found = classed(root, name, tag)
    assert len(found) == 1, (name, len(found))
    return found[0]


def local_links(page: Path) -> Iterator[tuple[str, str]]:
    """``(attribute, value)`` of every relative href/src of a page (no URL, no pure fragment)."""
    document = parse_html(page.read_text(encoding="utf-8"))
    for element in document.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if not value or value.startswith(("#", "/", "data:", "mailto:")):
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            yield attribute, value


def target_of(page: Path, href: str) -> Path:
    target = (page.parent / unquote(urlsplit(href).path)).resolve()
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Site, pages: list[Path]) -> list[tuple[str, str]]:
    return [
        (page.relative_to(site.site).as_posix(), href)
        for page in pages
        for _, href in local_links(page)
        if not target_of(page, href).is_file()
    ]


def overview_terms(path: Path) -> list[tuple[str, Path]]:
    """``(name, file linked)`` of each term an overview page lists."""
    terms = one(parse_html(path.read_text(encoding="utf-8")), "blog-tags-terms", "ul")
    return [("".join(a.itertext()).strip(), target_of(path, a.get("href"))) for a in terms.iter("a")]


def alternate_links(path: Path) -> list[str]:
    head = parse_html(path.read_text(encoding="utf-8")).find("head")
    assert head is not None
    return [link.get("href") for link in head.iter("link") if link.get("rel") == "alternate"]


@pytest.fixture(scope="module", params=BUILDS, ids=[f"{t}-{'dirs' if u else 'files'}" for t, u in BUILDS])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    theme, udu = request.param
    root = tmp_path_factory.mktemp(f"groupings-{theme}-{udu}")
    return build_site(root, SITE_FILES, theme=theme, use_directory_urls=udu, plugin_config=SITE_OPTIONS)


# -- one site, every theme and URL style -----------------------------------------------------------


def test_the_site_builds_clean_under_strict(built: Site) -> None:
    assert built.warnings() == []


def test_category_archive_and_author_pages_are_at_materials_paths(built: Site) -> None:
    suffix = "/index.html" if built.use_directory_urls else ".html"
    expected = {
        "blog/category/tea": ["Steam", "Cups", "Kettles"],
        "blog/category/tea/page/2": ["Leaves"],
        "blog/category/slow-living": ["Mornings", "Kettles"],
        "blog/category/thé": ["Steam"],
        "blog/archive/2024": ["Steam", "Cups", "Mornings"],
        "blog/archive/2023": ["Kettles", "Leaves"],
        "blog/author/ada-l": ["Cups", "Mornings", "Leaves"],
        "blog/author/bob": ["Steam", "Mornings", "Kettles"],
    }
    for path, titles in expected.items():
        page = built.site / (path + suffix)
        assert page.is_file(), page
        assert entry_titles(page) == titles, path
    for overview in ("blog/category/index.html", "blog/archive/index.html", "blog/author/index.html"):
        assert (built.site / overview).is_file(), overview
    assert not (built.site / "blog/category/tea/page/3").exists()
    assert not (built.site / "blog/author/ada").exists()  # the authors file's slug wins over the id
    # A listing's name is its term's: the category, the year, the author's name.
    assert h_feed(view_path(built, "blog/category/tea").read_text())["properties"]["name"] == ["Tea"]
    assert h_feed(view_path(built, "blog/author/ada-l").read_text())["properties"]["name"] == ["Ada Lovelace"]
    assert h_feed(view_path(built, "blog/archive/2023").read_text())["properties"]["name"] == ["2023"]


def test_a_post_links_its_categories_and_authors_to_their_pages(built: Site) -> None:
    page = built.page_path("blog/posts/mornings.md")
    document = parse_html(page.read_text(encoding="utf-8"))
    header = one(document, "blog-tags-post-header", "header")
    listed = one(header, "blog-tags-categories", "ul")
    categories = [(a.text, target_of(page, a.get("href"))) for a in listed.iter("a")]
    assert categories == [("Slow Living", view_path(built, "blog/category/slow-living").resolve())]
    authors = [
        (a.text, target_of(page, a.get("href")))
        for a in classed(one(header, "blog-tags-authors"), "u-url", "a")
    ]
    assert authors == [
        ("Ada Lovelace", view_path(built, "blog/author/ada-l").resolve()),
        ("Bob", view_path(built, "blog/author/bob").resolve()),
    ]
    avatars = classed(header, "blog-tags-avatar", "img")
    assert [target_of(page, img.get("src")) for img in avatars] == [
        (built.site / "blog/avatars/ada.png").resolve()
    ]


def test_each_category_has_its_own_feeds_listing_its_posts(built: Site) -> None:
    seen: set[Path] = set()
    for slug, titles in CATEGORY_POSTS.items():
        home = view_path(built, f"blog/category/{slug}")
        for name in ("feed.xml", "atom.xml"):
            path = built.site / "blog/category" / slug / name
            assert path.is_file() and path not in seen, path
            seen.add(path)
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
            assert [e.title for e in parsed.entries] == titles, path
            assert [e.link for e in parsed.entries] == [
                url_of(built, f"blog/posts/{t.lower()}.md") for t in titles
            ]
        # The category's pages announce its own feeds (the later pages too), and nobody else's.
        pages = [home, view_path(built, "blog/category/tea/page/2")] if slug == "tea" else [home]
        for page in pages:
            feeds = sorted(target_of(page, href) for href in alternate_links(page))
            assert feeds == sorted(
                (built.site / "blog/category" / slug / n).resolve() for n in ("atom.xml", "feed.xml")
            ), page
    # Archives and authors have no feeds; categories have no JSON Feed.
    assert not list((built.site / "blog/archive").rglob("*.xml"))
    assert not list((built.site / "blog/author").rglob("*.xml"))
    assert not list((built.site / "blog/category").rglob("*.json"))


def test_the_overviews_list_every_term_and_link_its_page(built: Site) -> None:
    categories = overview_terms(built.site / "blog/category/index.html")
    assert categories == [
        ("Slow Living", view_path(built, "blog/category/slow-living").resolve()),
        ("Tea", view_path(built, "blog/category/tea").resolve()),
        ("Thé", view_path(built, "blog/category/thé").resolve()),
    ]
    assert overview_terms(built.site / "blog/archive/index.html") == [
        ("2024", view_path(built, "blog/archive/2024").resolve()),
        ("2023", view_path(built, "blog/archive/2023").resolve()),
    ]
    assert overview_terms(built.site / "blog/author/index.html") == [
        ("Ada Lovelace", view_path(built, "blog/author/ada-l").resolve()),
        ("Bob", view_path(built, "blog/author/bob").resolve()),
    ]
    counts = [
        span.text
        for span in classed(
            parse_html((built.site / "blog/category/index.html").read_text()), "blog-tags-count"
        )
    ]
    assert counts == ["2 posts", "4 posts", "1 post"]
    # The blog index links to every overview.
    index = built.page_path("blog/index.md")
    links = one(parse_html(index.read_text()), "blog-tags-all-tags")
    assert [(a.text, target_of(index, a.get("href"))) for a in links.iter("a")] == [
        ("All tags", (built.site / "blog/tags/index.html").resolve()),
        ("All categories", (built.site / "blog/category/index.html").resolve()),
        ("Archive", (built.site / "blog/archive/index.html").resolve()),
        ("Authors", (built.site / "blog/author/index.html").resolve()),
    ]


def test_every_relative_link_of_the_blog_leads_to_a_file(built: Site) -> None:
    pages = sorted((built.site / "blog").rglob("*.html"))
    generated = [p for p in pages if "/posts/" not in p.as_posix()]
    assert len(generated) >= 14, generated  # listings, their later pages and the overviews
    assert sum(1 for p in pages for _ in local_links(p)) > 100
    assert broken_links(built, pages) == []


# -- smaller sites ------------------------------------------------------------------------------


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_no_categories_overview_when_no_post_has_categories(make_site, use_directory_urls: bool) -> None:
    files = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post("A", "2024-01-01", ["T"]),
        "blog/posts/b.md": post("B", "2023-01-01", ["T"]),
    }
    site = make_site(files, use_directory_urls=use_directory_urls, theme="readthedocs")
    assert site.warnings() == []
    assert not (site.site / "blog/category").exists()
    assert view_path(site, "blog/archive/2024").is_file()
    index = site.page_path("blog/index.md")
    words = [a.text for a in one(parse_html(index.read_text()), "blog-tags-all-tags").iter("a")]
    assert words == ["All tags", "Archive"]
    assert broken_links(site, sorted((site.site / "blog").rglob("*.html"))) == []


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_c_plus_plus_and_c_sharp_get_separate_pages_and_feeds_with_a_warning(
    make_site, use_directory_urls: bool
) -> None:
    files = {
        "blog/posts/new.md": post("New", "2024-06-01", categories=["C#"]),
        "blog/posts/old.md": post("Old", "2024-01-01", categories=["C++"]),
    }
    site = make_site(files, use_directory_urls=use_directory_urls, strict=False)
    assert [w for w in site.warnings() if "'C++', 'C#'" in w and "'c'" in w and "category_slugs" in w], (
        site.warnings()
    )
    assert entry_titles(view_path(site, "blog/category/c")) == ["Old"]
    assert entry_titles(view_path(site, "blog/category/c-2")) == ["New"]
    for slug, title in (("c", "Old"), ("c-2", "New")):
        parsed = feedparser.parse((site.site / f"blog/category/{slug}/feed.xml").read_bytes())
        assert [e.title for e in parsed.entries] == [title]
    with pytest.raises(Abort, match="strict"):
        make_site(files, use_directory_urls=use_directory_urls)
    chosen = make_site(
        files, use_directory_urls=use_directory_urls, plugin_config={"category_slugs": {"C#": "csharp"}}
    )
    assert chosen.warnings() == []
    assert entry_titles(view_path(chosen, "blog/category/csharp")) == ["New"]
    assert entry_titles(view_path(chosen, "blog/category/c")) == ["Old"]


def test_a_category_named_index_keeps_the_categories_overview(make_site) -> None:
    files = {
        "blog/posts/a.md": post("A", "2024-01-01", categories=["Index", "Tea"]),
        "blog/posts/b.md": post("B", "2024-01-02", categories=["Tea"]),
    }
    site = make_site(files, strict=False)
    names = [name for name, _ in overview_terms(site.site / "blog/category/index.html")]
    assert names == ["Index", "Tea"]


@pytest.mark.parametrize(("theme", "use_directory_urls"), [("mkdocs", False), ("material", True)])
def test_pinned_posts_lead_listings_not_tag_pages_nor_feeds_and_readtime_overrides(
    make_site, theme: str, use_directory_urls: bool
) -> None:
    common = {"categories": ["Tea"], "authors": ["ada"], "tags": ["Green"]}
    files = {
        "blog/.authors.yml": AUTHORS,
        "blog/avatars/ada.png": AVATAR,
        "blog/posts/old.md": post("Old", "2024-01-01", **common),
        "blog/posts/pinned.md": post("Pinned", "2024-01-02", pin=True, readtime=7, **common),
        "blog/posts/new.md": post("New", "2024-01-03", body="word " * 600, **common),
    }
    site = make_site(
        files, theme=theme, use_directory_urls=use_directory_urls, plugin_config={"authors_profiles": True}
    )
    assert site.warnings() == []
    for path in ("blog/category/tea", "blog/archive/2024", "blog/author/ada-l"):
        assert entry_titles(view_path(site, path)) == ["Pinned", "New", "Old"], path
    assert entry_titles(site.page_path("blog/index.md")) == ["Pinned", "New", "Old"]
    assert entry_titles(site.page_path("blog/tags/green/index.md")) == ["New", "Pinned", "Old"]
    for feed in ("blog/feed.xml", "blog/atom.xml", "blog/category/tea/feed.xml", "blog/tags/green/atom.xml"):
        titles = [e.title for e in feedparser.parse((site.site / feed).read_bytes()).entries]
        assert titles == ["New", "Pinned", "Old"], feed
    items = json.loads((site.site / "blog/feed.json").read_text(encoding="utf-8"))["items"]
    assert [item["title"] for item in items] == ["New", "Pinned", "Old"]

    def reading_time(html: str) -> list[str]:
        return [s.text for s in classed(parse_html(html), "blog-tags-reading-time")]

    assert reading_time(site.html("blog/posts/pinned.md")) == ["7 min read"]
    assert reading_time(site.html("blog/posts/new.md")) == ["3 min read"]  # 600 words at 265 a minute
    index = site.html("blog/index.md")
    assert reading_time(index)[:2] == ["7 min read", "3 min read"]
    pinned = classed(parse_html(index), "blog-tags-pinned")
    assert [s.text for s in pinned] == ["Pinned"]


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_month_archives_in_french(make_site, use_directory_urls: bool) -> None:
    files = {
        "index.md": "# Home\n",
        "blog/posts/a.md": post("A", "2024-05-02"),
        "blog/posts/b.md": post("B", "2024-05-20"),
        "blog/posts/c.md": post("C", "2024-02-10"),
        "blog/posts/undated.md": "# Undated\n\nNo date.\n",
    }
    site = make_site(
        files,
        theme={"name": "material", "language": "fr"},
        use_directory_urls=use_directory_urls,
        strict=False,  # the undated post is a warning
        plugin_config={"archive_url_date_format": "yyyy/MM", "archive_date_format": "MMMM yyyy"},
    )
    assert [w for w in site.warnings() if "blog/posts/undated.md: 'date'" in w]
    assert len(site.warnings()) == 1
    may = view_path(site, "blog/archive/2024/05")
    assert entry_titles(may) == ["B", "A"]
    assert h_feed(may.read_text())["properties"]["name"] == ["mai 2024"]
    assert entry_titles(view_path(site, "blog/archive/2024/02")) == ["C"]
    assert [name for name, _ in overview_terms(site.site / "blog/archive/index.html")] == [
        "mai 2024",
        "février 2024",
    ]
    assert "Undated" in entry_titles(site.page_path("blog/index.md"))
    archived: list[str] = []
    for page in (site.site / "blog/archive").rglob("*.html"):
        if page.name == "index.html" and page.parent.name == "archive":
            continue
        archived += entry_titles(page)
    assert sorted(archived) == ["A", "B", "C"]
    assert broken_links(site, sorted((site.site / "blog").rglob("*.html"))) == []


# -- bad input: a warning naming the file and the field; the post still published ------------------

GOOD_FILES: dict[str, Any] = {
    "about.md": "# About\n",
    "blog/.authors.yml": "authors:\n  ada:\n    name: Ada\n",
    "blog/posts/good.md": post("Good", "2024-03-01", categories=["Tea"], authors=["ada"]),
}
BAD = "blog/posts/bad.md"
AUTHORS_FILE = "blog/.authors.yml"


def bad_post(extra: str) -> str:
    return f"---\ntitle: Bad\ndate: 2024-01-15\ncategories: [Tea]\n{extra}\n---\n\nText.\n"


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    files: Mapping[str, str]
    where: str
    """The start of the warning: the file and the field (or line)."""
    says: str
    options: Mapping[str, Any] = dataclasses.field(default_factory=dict)


ADA_ONLY = "authors:\n  ada:\n    name: Ada\n"
CASES = [
    pytest.param(
        Case(
            "categories-number",
            {BAD: bad_post("").replace("categories: [Tea]", "categories: 5")},
            f"{BAD}: 'categories': ",
            "",
        ),
        id="categories-number",
    ),
    Case(
        "categories-mapping",
        {BAD: bad_post("").replace("categories: [Tea]", "categories: {a: b}")},
        f"{BAD}: 'categories': ",
        "got dict",
    ),
    Case(
        "authors-mapping",
        {BAD: bad_post("authors: {x: 1}")},
        f"{BAD}: 'authors': ",
        "expected a list of authors, got dict",
    ),
    Case(
        "pin-maybe", {BAD: bad_post("pin: maybe")}, f"{BAD}: 'pin': ", "expected true or false, got 'maybe'"
    ),
    Case(
        "readtime-soon",
        {BAD: bad_post("readtime: soon")},
        f"{BAD}: 'readtime': ",
        "expected a whole number of minutes",
    ),
    Case(
        "authors-file-not-yaml",
        {BAD: bad_post("authors: [ada]"), AUTHORS_FILE: ADA_ONLY + "   bad: [x\n"},
        f"{AUTHORS_FILE}: line 4: ",
        "not valid YAML",
    ),
    Case(
        "authors-file-a-list",
        {BAD: bad_post("authors: [ada]"), AUTHORS_FILE: "- ada\n- bob\n"},
        f"{AUTHORS_FILE}: 'authors': ",
        "found a list",
    ),
    Case(
        "author-without-name",
        {BAD: bad_post("authors: [bob]"), AUTHORS_FILE: ADA_ONLY + "  bob:\n    description: No name.\n"},
        f"{AUTHORS_FILE}: 'authors.bob.name': ",
        "add 'name'",
    ),
    Case(
        "avatar-missing",
        {
            BAD: bad_post("authors: [bob]"),
            AUTHORS_FILE: ADA_ONLY + "  bob:\n    name: Bob\n    avatar: img/gone.png\n",
        },
        f"{AUTHORS_FILE}: 'authors.bob.avatar': ",
        "'img/gone.png' was not found",
    ),
    Case(
        "unknown-author",
        {BAD: bad_post("authors: [zed]")},
        f"{BAD}: 'authors': ",
        "'zed' is not an author id",
    ),
    Case(
        "category-not-allowed",
        {BAD: bad_post("").replace("categories: [Tea]", "categories: [Tea, Coffee]")},
        f"{BAD}: 'categories': ",
        "'Coffee' is not in 'categories_allowed'",
        {"categories_allowed": ["Tea"]},
    ),
    Case("links-number", {BAD: bad_post("links: 5")}, f"{BAD}: 'links': ", "got int 5"),
    Case(
        "links-no-page",
        {BAD: bad_post("links:\n  - nope.md")},
        f"{BAD}: 'links': ",
        "'nope.md' is no page of the site",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_grouping_input_is_a_warning_and_the_post_is_published(make_site, case: Case) -> None:
    files = {**GOOD_FILES, **case.files}
    options = {"authors_profiles": True, **case.options}
    site = make_site(files, strict=False, plugin_config=options)
    matching = [w for w in site.warnings() if case.where in w and case.says in w]
    assert matching, site.warnings()
    assert site.page_path(BAD).is_file()
    assert entry_titles(site.page_path("blog/index.md")) == ["Good", "Bad"]
    assert site.page_path("blog/posts/good.md").is_file()
    with pytest.raises(Abort, match="strict"):
        make_site(files, plugin_config=options)


# -- hostile names -------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> \"q\" 's' & co"
EVIL_NAME = 'Eve <script>alert(2)</script> "q" & co'
EVIL_NOTE = '<img src=x onerror=alert(3)> & "d"'
EVIL_URL = 'https://evil.example/?a=1&b="><script>alert(4)</script>'
HOSTILE_FILES = {
    "blog/.authors.yml": "authors:\n  evil:\n"
    + "".join(
        f"    {k}: {json.dumps(v)}\n"
        for k, v in (("name", EVIL_NAME), ("description", EVIL_NOTE), ("url", EVIL_URL))
    ),
    "blog/posts/a.md": post("Alpha", "2024-01-01", categories=[HOSTILE], authors=["evil"]),
}


def json_ld(page: Path) -> list[dict[str, Any]]:
    return extruct.extract(page.read_text(encoding="utf-8"), base_url=SITE_URL, syntaxes=["json-ld"])[
        "json-ld"
    ]


def no_markup_let_through(html: str) -> None:
    document = parse_html(html)
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag != "img" or element.get("src") != "x", etree.tostring(element)
        assert not [a for a in element.attrib if a.lower().startswith("on")], etree.tostring(element)
        if element.tag == "script":  # an injected <script>alert(n)</script> would be one of its own
            assert not re.fullmatch(r"\s*alert\(\d\)\s*", element.text or ""), element.text


@pytest.mark.parametrize(
    ("theme", "use_directory_urls"), [("mkdocs", True), ("material", False), ("readthedocs", True)]
)
def test_hostile_category_and_author_values_stay_text(
    make_site, theme: str, use_directory_urls: bool
) -> None:
    site = make_site(
        HOSTILE_FILES,
        theme=theme,
        use_directory_urls=use_directory_urls,
        plugin_config={"authors_profiles": True},
    )
    assert site.warnings() == []
    slug = "alert1-q-s--co"  # Material's slug: markup and symbols dropped
    category = view_path(site, f"blog/category/{slug}")
    author = view_path(site, "blog/author/evil")
    post_page = site.page_path("blog/posts/a.md")
    pages = sorted((site.site / "blog").rglob("*.html"))
    assert category in pages and author in pages
    for page in pages:
        no_markup_let_through(page.read_text(encoding="utf-8"))

    # HTML text and attributes hold the values exactly.
    document = parse_html(post_page.read_text(encoding="utf-8"))
    listed = one(one(document, "blog-tags-post-header"), "blog-tags-categories", "ul")
    assert [a.text for a in listed.iter("a")] == [HOSTILE]
    card = classed(one(one(document, "blog-tags-post-header"), "blog-tags-authors"), "u-url", "a")
    assert [(a.text, a.get("href")) for a in card] == [(EVIL_NAME, EVIL_URL)]
    meta = {m.get("property"): m.get("content") for m in document.iter("meta") if m.get("property")}
    assert meta["article:section"] == HOSTILE
    assert meta["article:author"] == EVIL_URL
    listing = parse_html(category.read_text(encoding="utf-8"))
    assert h_feed(category.read_text(encoding="utf-8"))["properties"]["name"] == [HOSTILE]
    assert HOSTILE in (listing.find(".//title").text or "")
    assert {m.get("content") for m in listing.iter("meta") if m.get("property") == "og:title"} == {HOSTILE}
    profile = parse_html(author.read_text(encoding="utf-8"))
    card = one(profile, "blog-tags-author")
    assert [(a.text, a.get("href")) for a in card.iter("a")] == [(EVIL_NAME, EVIL_URL)]
    assert [s.text for s in classed(card, "p-note")] == [EVIL_NOTE]
    overview = overview_terms(site.site / "blog/category/index.html")
    assert [name for name, _ in overview] == [HOSTILE]

    # JSON-LD: the values as data, and its script element closed where it should be.
    posting = next(d for d in json_ld(post_page) if d.get("@type") == "BlogPosting")
    assert posting["articleSection"] == HOSTILE
    assert posting["author"] == [{"@type": "Person", "name": EVIL_NAME, "url": EVIL_URL}]
    for page, name in ((category, HOSTILE), (author, EVIL_NAME)):
        assert [d["name"] for d in json_ld(page) if d.get("@type") == "CollectionPage"] == [name]

    # Feeds: well-formed, the names as text.
    rss_path, atom_path = (site.site / f"blog/category/{slug}/{n}" for n in ("feed.xml", "atom.xml"))
    atom = feedparser.parse(atom_path.read_bytes())
    rss = feedparser.parse(rss_path.read_bytes())
    assert not atom.bozo and not rss.bozo
    assert atom.feed.title == f"Test site – {HOSTILE}"
    assert [e.author for e in atom.entries] == [EVIL_NAME]
    assert [e.author for e in rss.entries] == [EVIL_NAME]
    # RSS readers may read a channel title as HTML: it is the text, or the text escaped for HTML.
    channel_title = etree.fromstring(rss_path.read_bytes()).findtext("channel/title")
    assert channel_title is not None and "<" not in channel_title.replace(f"Test site – {HOSTILE}", "")
    assert html_module.unescape(channel_title) == f"Test site – {HOSTILE}"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom_root = etree.fromstring(atom_path.read_bytes())
    assert atom_root.findtext("a:entry/a:author/a:uri", namespaces=ns) == EVIL_URL
    for feed in (*site.site.rglob("feed.xml"), *site.site.rglob("atom.xml")):
        assert not feedparser.parse(feed.read_bytes()).bozo, feed
    blog_items = json.loads((site.site / "blog/feed.json").read_text(encoding="utf-8"))["items"]
    assert blog_items[0]["authors"] == [{"name": EVIL_NAME, "url": EVIL_URL}]


def test_feed_items_carry_the_posts_tags_and_categories(tmp_path: Path) -> None:
    site = build_site(tmp_path, SITE_FILES, plugin_config=SITE_OPTIONS)
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((site.site / "blog" / name).read_bytes())
        terms = {entry.title: sorted(t.term for t in entry.get("tags", [])) for entry in feed.entries}
        assert terms["Steam"] == ["Green", "Tea", "Thé"], name
        assert terms["Kettles"] == ["Slow Living", "Tea"], name
