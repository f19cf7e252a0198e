"""The blog in the site's navigation, read from the built HTML of each theme.

The blog is one link (no "Blog" section whose only child is "Blog"), never its
posts or tag pages, whether MkDocs makes the nav, mkdocs.yml lists it, or
mkdocs-literate-nav or mkdocs-awesome-nav expand ``blog/``; ``nav_overviews``
puts the overviews under it. The pages still chain by previous/next through
what is left, and a generated page's table of contents is not an empty box.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import THEMES, Site, build_site, parse_html, post

pytestmark = pytest.mark.slow

Node = tuple[str, "str | None", tuple[Any, ...]]
"""(title, site path of the page it links, or None for a section, children)."""

FILES: dict[str, str] = {
    "index.md": "# Home\n\nWelcome.\n",
    "about.md": "# About\n\nWho we are.\n",
    "guide/intro.md": "# Intro\n\nStart here.\n",
    "guide/usage.md": "# Usage\n\nThen this.\n",
    "blog/posts/alpha.md": post("Alpha", "2024-01-05", ["Python", "Tea"], categories=["News"]),
    "blog/posts/beta.md": post("Beta", "2024-02-05", ["Python"]),
    "blog/posts/gamma.md": post("Gamma", "2023-03-05", ["Tea"]),
}
POSTS = ("blog/posts/alpha.md", "blog/posts/beta.md", "blog/posts/gamma.md")
BLOG_PAGES = (  # every page the blog generates here: the index's second page, tags, categories, archive
    "blog/page/2/index.md",
    "blog/tags/index.md",
    "blog/tags/python/index.md",
    "blog/tags/tea/index.md",
    "blog/category/index.md",
    "blog/category/news.md",
    "blog/archive/index.md",
    "blog/archive/2024.md",
    "blog/archive/2023.md",
)
OVERVIEWS = ("blog/tags/index.md", "blog/category/index.md", "blog/archive/index.md")
OPTIONS = {"per_page": 2}
LITERATE = "* [Home](index.md)\n* [About](about.md)\n* [Blog](blog/)\n* [Guide](guide/)\n"
AWESOME = "nav:\n  - index.md\n  - about.md\n  - Blog: blog\n  - guide\n"

URL_STYLES = pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
EVERY_THEME = pytest.mark.parametrize("theme", THEMES)


# -- reading the built pages -----------------------------------------------------------------


def _classes(element: Any) -> list[str]:
    return (element.get("class") or "").split()


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def path_of(site: Site, src_uri: str) -> str:
    """The site path MkDocs writes ``src_uri`` at (``blog/index.html``)."""
    return site.page_path(src_uri).relative_to(site.site).as_posix()


def _target(site: Site, src_uri: str, href: str) -> str:
    if href.startswith("#"):  # the page itself (the readthedocs theme's link to the current page)
        return path_of(site, src_uri)
    return site.resolve_link(src_uri, href).relative_to(site.site.resolve()).as_posix()


def theme_name(theme: str | Mapping[str, Any]) -> str:
    return theme if isinstance(theme, str) else theme["name"]


def read_nav(site: Site, src_uri: str, theme: str) -> list[Node]:
    """The site navigation as ``src_uri``'s page shows it, from the theme's own markup."""
    doc = parse_html(site.html(src_uri))

    def target(href: str) -> str:
        return _target(site, src_uri, href)

    if theme == "mkdocs":
        collapse = next(e for e in doc.iter("div") if e.get("id") == "navbar-collapse")
        main = next((u for u in collapse.findall("ul") if "ms-md-auto" not in _classes(u)), None)
        if main is None:  # the theme prints no nav of a single item
            return []

        def dropdown(ul: Any) -> list[Node]:
            nodes: list[Node] = []
            for li in ul.findall("li"):
                a, sub = li.find("a"), li.find("ul")
                if sub is not None:
                    nodes.append((_text(a), None, tuple(dropdown(sub))))
                else:
                    nodes.append((_text(a), target(a.get("href")), ()))
            return nodes

        return dropdown(main)

    if theme == "readthedocs":
        menu = next(e for e in doc.iter("div") if "wy-menu-vertical" in _classes(e))

        def item(li: Any) -> Node:
            a, sub = li.find("a"), li.find("ul")
            if a.get("href") is None:  # a section inside a caption's list
                return (_text(a), None, tuple(item(x) for x in sub.findall("li")))
            return (_text(a), target(a.get("href")), ())  # its <ul> is the page's own TOC

        nodes: list[Node] = []
        caption = None
        for element in menu:
            if element.tag == "p" and "caption" in _classes(element):
                caption = _text(element)
            elif element.tag == "ul":
                found = [item(li) for li in element.findall("li")]
                if caption is None:
                    nodes += found
                else:
                    nodes.append((caption, None, tuple(found)))
                    caption = None
        return nodes

    assert theme == "material"
    primary = next(e for e in doc.iter("nav") if "md-nav--primary" in _classes(e))

    def material(ul: Any) -> list[Node]:
        nodes: list[Node] = []
        for li in ul.findall("li"):
            if "md-nav__item--nested" in _classes(li):
                sub = li.find("nav").find("ul")
                nodes.append((_text(li.find("label")), None, tuple(material(sub))))
            else:
                a = li.find("a")
                nodes.append((_text(a), target(a.get("href")), ()))
        return nodes

    return material(primary.find("ul"))


def links(nodes: Iterable[Node]) -> list[str]:
    """Every page the nav links, in reading order."""
    found: list[str] = []
    for _, target, children in nodes:
        if target is not None:
            found.append(target)
        found += links(children)
    return found


def sections(nodes: Iterable[Node]) -> list[Node]:
    found: list[Node] = []
    for node in nodes:
        if node[1] is None:
            found += [node, *sections(node[2])]
    return found


def neighbours(site: Site, src_uri: str, theme: str) -> tuple[str | None, str | None]:
    """The theme's previous and next page links on ``src_uri``'s page (site paths)."""
    doc = parse_html(site.html(src_uri))
    found: dict[str, str | None] = {"prev": None, "next": None}
    if theme == "mkdocs":
        collapse = next(e for e in doc.iter("div") if e.get("id") == "navbar-collapse")
        for a in collapse.iter("a"):
            if a.get("rel") in found and a.get("href"):
                found[a.get("rel")] = _target(site, src_uri, a.get("href"))
    elif theme == "readthedocs":
        for div in doc.iter("div"):
            if "rst-footer-buttons" in _classes(div):
                for a in div.iter("a"):
                    rel = "prev" if "float-left" in _classes(a) else "next"
                    found[rel] = _target(site, src_uri, a.get("href"))
    else:
        for a in doc.iter("a"):
            for rel in ("prev", "next"):
                if f"md-footer__link--{rel}" in _classes(a):
                    found[rel] = _target(site, src_uri, a.get("href"))
    return found["prev"], found["next"]


def active_items(site: Site, src_uri: str, theme: str) -> list[str]:
    """What the theme marks as the current place in the nav on ``src_uri``'s page."""
    doc = parse_html(site.html(src_uri))
    if theme == "mkdocs":
        collapse = next(e for e in doc.iter("div") if e.get("id") == "navbar-collapse")
        return [_text(a) for a in collapse.iter("a") if "active" in _classes(a)]
    if theme == "readthedocs":
        menu = next(e for e in doc.iter("div") if "wy-menu-vertical" in _classes(e))
        return [_text(li) for li in menu.iter("li") if "current" in _classes(li)]
    primary = next(e for e in doc.iter("nav") if "md-nav--primary" in _classes(e))
    return [_text(li) for li in primary.iter("li") if "md-nav__item--active" in _classes(li)]


def build(
    root: Path,
    theme: str,
    *,
    files: Mapping[str, str] | None = None,
    nav: Any = None,
    nav_plugin: str | None = None,
    plugin_first: bool = False,
    options: Mapping[str, Any] | None = None,
    **kwargs: Any,
) -> Site:
    """``FILES`` (and ``files``) built on ``theme``, with a ``nav:`` and a nav plugin when given."""
    # Most fixtures' posts have no image; the linter's image-missing warning is tested on its own.
    blog = {"blog-tags": {"lint": {"image-missing": False}, **OPTIONS, **(options or {})}}
    plugins: list[Any] = ["search", blog]
    if nav_plugin is not None:
        plugins.insert(1 if plugin_first else 2, nav_plugin)
    extra: dict[str, Any] = {"plugins": plugins}
    if nav is not None:
        extra["nav"] = nav
    if theme == "material":  # previous/next links are Material's footer feature
        theme_config: Any = {"name": "material", "features": ["navigation.footer"]}
    else:
        theme_config = theme
    site = build_site(root, {**FILES, **(files or {})}, theme=theme_config, extra=extra, **kwargs)
    assert site.warnings() == []
    return site


def blog_links(site: Site, nodes: list[Node]) -> list[str]:
    """The nav's links to pages of the blog folder."""
    return [t for t in links(nodes) if t.startswith("blog/")]


def assert_no_blog_pages(site: Site, nodes: list[Node]) -> None:
    targets = links(nodes)
    for uri in (*POSTS, *BLOG_PAGES):
        assert path_of(site, uri) not in targets, uri
    assert len(targets) == len(set(targets)), targets


def assert_no_lone_sections(nodes: list[Node]) -> None:
    for title, _, children in sections(nodes):
        assert len(children) > 1, f"section {title!r} holds only {children}"


def expected(site: Site, blog: Node | None = None, *, blog_at: int = 2) -> list[Node]:
    """The site's nav: Home, About, the blog, and the Guide section (``blog`` at ``blog_at``)."""
    nodes: list[Node] = [
        ("Home", path_of(site, "index.md"), ()),
        ("About", path_of(site, "about.md"), ()),
        (
            "Guide",
            None,
            (("Intro", path_of(site, "guide/intro.md"), ()), ("Usage", path_of(site, "guide/usage.md"), ())),
        ),
    ]
    nodes.insert(blog_at, blog or ("Blog", path_of(site, "blog/index.md"), ()))
    return nodes


def overview_section(site: Site, title: str = "Blog", index_title: str = "Blog") -> Node:
    children = [(index_title, path_of(site, "blog/index.md"), ())]
    children += [
        (name, path_of(site, uri), ())
        for name, uri in zip(("Tags", "Categories", "Archive"), OVERVIEWS, strict=True)
    ]
    return (title, None, tuple(children))


def check_reading_pages(site: Site, theme: str, nodes: list[Node]) -> None:
    """Every page (a post too) shows the same nav; no post is marked as a place in it."""
    for uri in ("about.md", POSTS[0], "blog/tags/python/index.md"):
        assert read_nav(site, uri, theme) == nodes, uri
    for uri in POSTS:
        assert active_items(site, uri, theme) == [], uri
        assert neighbours(site, uri, theme) == (None, None), uri


# -- (1) no nav: MkDocs makes it -----------------------------------------------------------------


@URL_STYLES
@EVERY_THEME
def test_without_nav_the_blog_is_one_link(tmp_path: Path, theme: str, use_directory_urls: bool) -> None:
    site = build(tmp_path, theme, use_directory_urls=use_directory_urls)
    nodes = read_nav(site, POSTS[1], theme)
    assert nodes == expected(site)
    assert blog_links(site, nodes) == [path_of(site, "blog/index.md")]
    assert_no_lone_sections(nodes)
    assert_no_blog_pages(site, nodes)
    check_reading_pages(site, theme, nodes)


@URL_STYLES
@EVERY_THEME
def test_without_nav_the_option_puts_the_overviews_under_the_blog(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build(tmp_path, theme, use_directory_urls=use_directory_urls, options={"nav_overviews": True})
    nodes = read_nav(site, POSTS[1], theme)
    assert nodes == expected(site, overview_section(site))
    assert_no_blog_pages(site, [n for n in nodes if n[0] != "Blog"])
    check_reading_pages(site, theme, nodes)


@EVERY_THEME
def test_a_blog_folder_with_other_pages_keeps_its_section(tmp_path: Path, theme: str) -> None:
    site = build(tmp_path, theme, files={"blog/subscribe.md": "# Subscribe\n\nBy feed.\n"})
    nodes = read_nav(site, POSTS[0], theme)
    blog = (
        "Blog",
        None,
        (("Blog", path_of(site, "blog/index.md"), ()), ("Subscribe", path_of(site, "blog/subscribe.md"), ())),
    )
    assert nodes == expected(site, blog)


# -- (2) an explicit nav ---------------------------------------------------------------------------

EXPLICIT = [
    {"Home": "index.md"},
    {"About": "about.md"},
    {"Journal": "blog/index.md"},
    {"Guide": ["guide/intro.md", "guide/usage.md"]},
]


@URL_STYLES
@EVERY_THEME
def test_an_explicit_nav_keeps_its_blog_entry(tmp_path: Path, theme: str, use_directory_urls: bool) -> None:
    site = build(tmp_path, theme, nav=EXPLICIT, use_directory_urls=use_directory_urls)
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site, ("Journal", path_of(site, "blog/index.md"), ()))
    check_reading_pages(site, theme, nodes)


@EVERY_THEME
def test_an_explicit_nav_with_the_option_gets_a_section_of_the_overviews(tmp_path: Path, theme: str) -> None:
    site = build(tmp_path, theme, nav=EXPLICIT, options={"nav_overviews": True})
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site, overview_section(site, "Journal", "Journal"))


@EVERY_THEME
def test_an_explicit_nav_without_the_blog_gets_it_once_at_its_end(tmp_path: Path, theme: str) -> None:
    nav = [entry for entry in EXPLICIT if "Journal" not in entry]
    site = build(tmp_path, theme, nav=nav)
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site, blog_at=3)


@EVERY_THEME
def test_a_post_the_user_lists_stays_in_the_nav(tmp_path: Path, theme: str) -> None:
    nav = [*EXPLICIT, {"Launch": "blog/posts/alpha.md"}, {"Python": "blog/tags/python/index.md"}]
    site = build(tmp_path, theme, nav=nav)
    nodes = read_nav(site, "about.md", theme)
    assert nodes[-2:] == [
        ("Launch", path_of(site, "blog/posts/alpha.md"), ()),
        ("Python", path_of(site, "blog/tags/python/index.md"), ()),
    ]


# -- (3) mkdocs-literate-nav -------------------------------------------------------------------------


@URL_STYLES
@EVERY_THEME
@pytest.mark.parametrize("plugin_first", [False, True], ids=["nav-plugin-last", "nav-plugin-first"])
def test_literate_nav_blog_folder_is_one_link(
    tmp_path: Path, theme: str, use_directory_urls: bool, plugin_first: bool
) -> None:
    site = build(
        tmp_path,
        theme,
        files={"SUMMARY.md": LITERATE},
        nav_plugin="literate-nav",
        plugin_first=plugin_first,
        use_directory_urls=use_directory_urls,
    )
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site)
    assert_no_blog_pages(site, nodes)
    assert_no_lone_sections(nodes)
    check_reading_pages(site, theme, nodes)


@EVERY_THEME
def test_literate_nav_keeps_the_title_the_user_gives_the_folder(tmp_path: Path, theme: str) -> None:
    summary = LITERATE.replace("[Blog](blog/)", "[News](blog/)")
    site = build(tmp_path, theme, files={"SUMMARY.md": summary}, nav_plugin="literate-nav")
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site, ("News", path_of(site, "blog/index.md"), ()))


@URL_STYLES
@EVERY_THEME
def test_literate_nav_with_the_option_lists_the_overviews_only(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    site = build(
        tmp_path,
        theme,
        files={"SUMMARY.md": LITERATE},
        nav_plugin="literate-nav",
        options={"nav_overviews": True},
        use_directory_urls=use_directory_urls,
    )
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site, overview_section(site))
    check_reading_pages(site, theme, nodes)


@EVERY_THEME
def test_literate_nav_folder_in_mkdocs_yml_gives_one_blog_link(tmp_path: Path, theme: str) -> None:
    # `add_to_nav` appends the index to this nav, and literate-nav expands blog/ without it.
    nav = [{"Home": "index.md"}, {"About": "about.md"}, {"Blog": "blog/"}, {"Guide": "guide/"}]
    site = build(tmp_path, theme, nav=nav, nav_plugin="literate-nav")
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site)
    assert_no_blog_pages(site, nodes)


@EVERY_THEME
def test_literate_nav_posts_folder_alone_stands_for_the_blog(tmp_path: Path, theme: str) -> None:
    summary = "* [Home](index.md)\n* [About](about.md)\n* [Articles](blog/posts/)\n* [Guide](guide/)\n"
    site = build(
        tmp_path,
        theme,
        files={"SUMMARY.md": summary},
        nav_plugin="literate-nav",
        options={"add_to_nav": False},
    )
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site, ("Articles", path_of(site, "blog/index.md"), ()))


# -- (4) mkdocs-awesome-nav ---------------------------------------------------------------------------


@URL_STYLES
@EVERY_THEME
@pytest.mark.parametrize("nav_file", [AWESOME, None], ids=["nav-yml", "no-nav-yml"])
def test_awesome_nav_blog_folder_is_one_link(
    tmp_path: Path, theme: str, use_directory_urls: bool, nav_file: str | None
) -> None:
    files = {".nav.yml": nav_file} if nav_file else {}
    site = build(
        tmp_path, theme, files=files, nav_plugin="awesome-nav", use_directory_urls=use_directory_urls
    )
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site)
    assert_no_lone_sections(nodes)
    check_reading_pages(site, theme, nodes)


@EVERY_THEME
def test_awesome_nav_with_the_option_lists_the_overviews(tmp_path: Path, theme: str) -> None:
    site = build(
        tmp_path,
        theme,
        files={".nav.yml": AWESOME},
        nav_plugin="awesome-nav",
        options={"nav_overviews": True},
    )
    nodes = read_nav(site, POSTS[0], theme)
    assert nodes == expected(site, overview_section(site))


# -- (5) previous and next pages --------------------------------------------------------------------


@URL_STYLES
@EVERY_THEME
@pytest.mark.parametrize("nav_plugin", [None, "literate-nav"])
def test_previous_and_next_chain_through_what_the_nav_shows(
    tmp_path: Path, theme: str, use_directory_urls: bool, nav_plugin: str | None
) -> None:
    files = {"SUMMARY.md": LITERATE} if nav_plugin else {}
    site = build(
        tmp_path,
        theme,
        files=files,
        nav_plugin=nav_plugin,
        options={"nav_overviews": True},
        use_directory_urls=use_directory_urls,
    )
    order = links(read_nav(site, "about.md", theme))
    assert order == [
        path_of(site, u)
        for u in ("index.md", "about.md", "blog/index.md", *OVERVIEWS, "guide/intro.md", "guide/usage.md")
    ]
    by_path = {path_of(site, u): u for u in ("index.md", "about.md", "guide/intro.md", "guide/usage.md")}
    for at, path in enumerate(order):
        if path not in by_path:
            continue  # listings: their pager is their previous and next
        want = (order[at - 1] if at else None, order[at + 1] if at + 1 < len(order) else None)
        assert neighbours(site, by_path[path], theme) == want, path


# -- (6) the table of contents of generated pages --------------------------------------------------

GENERATED = (
    "blog/index.md",
    "blog/page/2/index.md",
    "blog/tags/index.md",
    "blog/tags/python/index.md",
    "blog/category/index.md",
    "blog/category/news.md",
    "blog/archive/index.md",
    "blog/archive/2024.md",
)


def mkdocs_toc(site: Site, src_uri: str) -> list[tuple[str, str, list[Any]]]:
    """The mkdocs theme's table of contents: (title, href, children)."""
    doc = parse_html(site.html(src_uri))
    box = next(e for e in doc.iter("div") if e.get("id") == "toc-collapse")

    def entries(ul: Any) -> list[tuple[str, str, list[Any]]]:
        found = []
        for li in ul.findall("li"):
            a, sub = li.find("a"), li.find("ul")
            found.append((_text(a), a.get("href"), entries(sub) if sub is not None else []))
        return found

    return entries(box.find("ul"))


@URL_STYLES
def test_generated_pages_have_their_title_in_the_mkdocs_themes_toc(
    tmp_path: Path, use_directory_urls: bool
) -> None:
    site = build(tmp_path, "mkdocs", use_directory_urls=use_directory_urls)
    for uri in GENERATED:
        doc = parse_html(site.html(uri))
        h1 = [h for h in doc.iter("h1")]
        assert len(h1) == 1, uri
        assert mkdocs_toc(site, uri) == [(_text(h1[0]), "#" + h1[0].get("id"), [])], uri
    # An ordinary page's, for comparison: its <h1> at the first level.
    assert mkdocs_toc(site, "about.md") == [("About", "#about", [])]


def test_a_hand_written_intro_keeps_its_headings_under_the_title(tmp_path: Path) -> None:
    files = {
        "blog/index.md": "Welcome to the blog.\n\n## Subscribe\n\nBy feed.\n",
        "blog/tags/index.md": "# Every tag\n\nAll of them.\n\n## How tags work\n\nLike this.\n",
    }
    site = build(tmp_path, "mkdocs", files=files)
    h1 = parse_html(site.html("blog/index.md")).find(".//h1")
    assert mkdocs_toc(site, "blog/index.md") == [
        (_text(h1), "#" + h1.get("id"), [("Subscribe", "#subscribe", [])])
    ]
    # A page with its own <h1> keeps its own table of contents, with that heading once.
    assert mkdocs_toc(site, "blog/tags/index.md") == [
        ("Every tag", "#every-tag", [("How tags work", "#how-tags-work", [])])
    ]


@pytest.mark.parametrize("theme", ["material", "readthedocs"])
def test_other_themes_show_no_table_of_contents_of_the_title_alone(tmp_path: Path, theme: str) -> None:
    site = build(tmp_path, theme)
    doc = parse_html(site.html("blog/tags/index.md"))
    if theme == "material":  # Material leaves the <h1> out of its TOC: none is shown
        secondary = next(e for e in doc.iter("nav") if "md-nav--secondary" in _classes(e))
        assert secondary.find("ul") is None
    else:  # readthedocs lists a page's headings under the h1 in the nav: none here
        menu = next(e for e in doc.iter("div") if "wy-menu-vertical" in _classes(e))
        assert not [a for a in menu.iter("a") if (a.get("href") or "").startswith("#blog-tags")]


# -- several blogs ----------------------------------------------------------------------------------


def test_two_blogs_in_literate_nav_are_a_link_each(tmp_path: Path) -> None:
    files = {
        "news/posts/n.md": post("Item", "2024-03-01", ["Python"]),
        "SUMMARY.md": LITERATE.replace("* [Guide]", "* [News](news/)\n* [Guide]"),
    }
    # Most fixtures' posts have no image; the linter's image-missing warning is tested on its own.
    quiet = {"lint": {"image-missing": False}}
    plugins = [
        "search",
        {"blog-tags": {**quiet, **OPTIONS}},
        {"blog-tags": {**quiet, "blog_dir": "news"}},
        "literate-nav",
    ]
    site = build_site(tmp_path, {**FILES, **files}, extra={"plugins": plugins})
    assert site.warnings() == []
    nodes = read_nav(site, POSTS[0], "mkdocs")
    news = ("News", path_of(site, "news/index.md"), ())
    assert nodes == [*expected(site)[:3], news, expected(site)[3]]
