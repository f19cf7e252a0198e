"""The theme's context (issue 16): ``blog``, ``post`` and ``listing`` in the theme's own templates.

Real builds on ``mkdocs`` and ``material`` with a ``custom_dir`` made of the templates in
``tests/fixtures/theme_context/``: the worked examples of docs/theme-authors.md, which must show
each of them verbatim. Links are followed from the page's file to the file they name.

"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
import pytest
from conftest import SEED_IMAGE, Site, build_site, parse_html, post
from markupsafe import Markup
from mkdocs.utils.templates import url_filter

from mkdocs_blog_tags import adapter
from mkdocs_blog_tags.state import RELATED_IN_CONTEXT
from mkdocs_blog_tags.taxonomy import tag_key

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "theme_context"
DOCS = Path(__file__).parent.parent / "docs" / "theme-authors.md"
HOSTILE = '<script>alert(1)</script> & "friends"'
COVER_ALT = 'A "quoted" <cover> & more'


@dataclasses.dataclass(frozen=True)
class Spec:
    name: str
    date: str
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    title: str = ""
    image: str | None = None

    @property
    def src_uri(self) -> str:
        return f"blog/posts/{self.name}.md"

    @property
    def shown_title(self) -> str:
        return self.title or self.name.replace("-", " ").capitalize()

    def terms(self) -> set[tuple[str, str]]:
        return {("tags", tag_key(t)) for t in self.tags} | {
            ("categories", tag_key(c)) for c in self.categories
        }


POSTS = (
    Spec("first-light", "2024-01-01", ("Python",), image="images/cover.jpg"),
    Spec("second-look", "2024-02-01", ("Python", "Web"), ("Notes",)),
    Spec("third-way", "2024-03-01", ("Web",)),
    Spec("fourth-wall", "2024-04-01", ("Security",), title=HOSTILE),
    Spec("fifth-gear", "2024-05-01", ("Python",), image="images/cover.jpg"),
    Spec("sixth-sense", "2024-06-01", ("Web",), ("Notes",)),
    Spec("seventh-day", "2024-07-01", ("Python", "Security")),
)
NEWEST_FIRST = sorted(POSTS, key=lambda p: p.date, reverse=True)
BY_URI = {p.src_uri: p for p in POSTS}


def site_files() -> dict[str, str | bytes | Path]:
    files: dict[str, str | bytes | Path] = {
        "index.md": "# Home\n\nWelcome.\n",
        "guide/setup.md": "# Setup\n\nA page two folders down.\n",
        "blog/posts/images/cover.jpg": SEED_IMAGE,
    }
    for spec in POSTS:
        extra: dict[str, Any] = {}
        if spec.categories:
            extra["categories"] = list(spec.categories)
        if spec.image:
            extra["image"] = spec.image
            extra["image_alt"] = COVER_ALT
        files[spec.src_uri] = post(
            spec.shown_title,
            spec.date,
            list(spec.tags),
            body=f"The text of {spec.name}.\n",
            authors=["ann", "bob"],
            **extra,
        )
    return files


def custom_dir(root: Path, theme: str) -> Path:
    """The theme's ``main.html`` and the shared partials, as a user's ``custom_dir`` holds them."""
    target = root / "overrides"
    shutil.copytree(FIXTURES / "blog-extras", target / "blog-extras")
    shutil.copyfile(FIXTURES / theme / "main.html", target / "main.html")
    return target


# --- following links --------------------------------------------------------------------------------


def resolve(page_file: Path, href: str, site_dir: Path) -> Path:
    """The file a relative ``href`` on the page written at ``page_file`` names (folders: index.html)."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc and not parts.path.startswith("/"), href
    target = Path(posixpath.normpath(posixpath.join(page_file.parent.as_posix(), unquote(parts.path))))
    assert target == site_dir or site_dir in target.parents, f"{href} leaves the site from {page_file}"
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def html_pages(site: Site) -> list[Path]:
    """Every page of the site but the 404 page (its theme's own template: no main.html content block)."""
    return sorted(p for p in site.site.rglob("*.html") if p.name != "404.html")


def one(doc: Any, css_class: str) -> Any:
    found = [e for e in doc.iter() if css_class in (e.get("class") or "").split()]
    assert len(found) == 1, f"{len(found)} elements .{css_class}"
    return found[0]


def maybe(doc: Any, css_class: str) -> Any | None:
    found = [e for e in doc.iter() if css_class in (e.get("class") or "").split()]
    assert len(found) <= 1
    return found[0] if found else None


def text(element: Any) -> str:
    return "".join(element.itertext())


# --- the builds ------------------------------------------------------------------------------------


@dataclasses.dataclass
class Built:
    site: Site
    theme: str

    def post_file(self, spec: Spec) -> Path:
        return self.site.page_path(spec.src_uri)

    def spec_of(self, path: Path) -> Spec:
        found = [s for s in POSTS if self.post_file(s) == path]
        assert found, f"{path} is not a post's page"
        return found[0]


CASES = [(theme, urls) for theme in ("mkdocs", "material") for urls in (True, False)]


@pytest.fixture(scope="module", params=CASES, ids=[f"{t}-{'dirs' if u else 'files'}" for t, u in CASES])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    theme, use_directory_urls = request.param
    root = tmp_path_factory.mktemp(f"theme-{theme}-{use_directory_urls}")
    site = build_site(
        root,
        site_files(),
        theme={"name": theme, "custom_dir": str(custom_dir(root, theme))},
        use_directory_urls=use_directory_urls,
        plugin_config={"per_page": 3},
        strict=True,
    )
    assert site.warnings() == []
    return Built(site, theme)


# --- the docs show the templates the tests build with ----------------------------------------------


def fixture_templates() -> list[Path]:
    return sorted(FIXTURES.rglob("*.html"))


@pytest.mark.parametrize("path", fixture_templates(), ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_docs_show_each_fixture_template_verbatim(path: Path) -> None:
    template = path.read_text(encoding="utf-8").rstrip("\n")
    docs = DOCS.read_text(encoding="utf-8")
    assert f"```jinja\n{template}\n```" in docs, f"docs/theme-authors.md lacks {path.name} as it is"


def test_fixture_templates_exist() -> None:
    names = {p.relative_to(FIXTURES).as_posix() for p in fixture_templates()}
    assert {"mkdocs/main.html", "material/main.html", "blog-extras/post-cover.html"} <= names


# --- example 1: recent posts -----------------------------------------------------------------------


def test_sidebar_lists_the_five_newest_posts_on_every_page(built: Built) -> None:
    site = built.site
    expected = NEWEST_FIRST[:5]
    pages = html_pages(site)
    assert len(pages) > 15
    for page in pages:
        aside = one(parse_html(page.read_text(encoding="utf-8")), "recent-posts")
        links = [a for a in aside.iter("a") if a.get("type") is None]
        assert [text(a) for a in links] == [s.shown_title for s in expected], page
        for link, spec in zip(links, expected, strict=True):
            target = resolve(page, link.get("href"), site.site)
            assert target == built.post_file(spec), (page, link.get("href"))
            assert target.is_file()
            current = "page" if page == built.post_file(spec) else None
            assert link.get("aria-current") == current, (page, spec.name)


def test_a_title_with_markup_stays_text(built: Built) -> None:
    for page in html_pages(built.site):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html, page
        aside = one(parse_html(html), "recent-posts")
        assert list(aside.iter("script")) == [], page
        assert HOSTILE in [text(a) for a in aside.iter("a")], page


def test_no_sidebar_where_the_theme_renders_404(built: Built) -> None:
    # Material's 404.html extends main.html but replaces its content block; mkdocs' extends base.html.
    doc = parse_html((built.site.site / "404.html").read_text(encoding="utf-8"))
    assert maybe(doc, "recent-posts") is None


# --- example 2: the post's cover and tags ----------------------------------------------------------


def test_cover_and_tags_of_each_post(built: Built) -> None:
    site = built.site
    cover_bytes = SEED_IMAGE.read_bytes()
    for spec in POSTS:
        page = built.post_file(spec)
        cover = one(parse_html(page.read_text(encoding="utf-8")), "post-cover")
        images = list(cover.iter("img"))
        if spec.image:
            assert len(images) == 1
            target = resolve(page, images[0].get("src"), site.site)
            assert target.read_bytes() == cover_bytes
            assert images[0].get("alt") == COVER_ALT
        else:
            assert images == []
        tags = [a for a in cover.iter("a") if a.get("rel") == "tag"]
        assert [text(a) for a in tags] == list(spec.tags)
        for link, name in zip(tags, spec.tags, strict=True):
            target = resolve(page, link.get("href"), site.site)
            assert target.is_file(), link.get("href")
            assert target.parent.parent == site.site / "blog" / "tags" or (
                target.parent == site.site / "blog" / "tags"
            )
            listed = [text(a) for a in parse_html(target.read_text(encoding="utf-8")).iter("a")]
            assert spec.shown_title in listed, (name, target)


def test_no_cover_outside_posts(built: Built) -> None:
    posts = {built.post_file(s) for s in POSTS}
    for page in html_pages(built.site):
        if page not in posts:
            doc = parse_html(page.read_text(encoding="utf-8"))
            assert maybe(doc, "post-cover") is None, page
            assert maybe(doc, "post-nav") is None, page


# --- example 3: subscribe --------------------------------------------------------------------------


def test_subscribe_links_resolve_to_the_feeds(built: Built) -> None:
    site = built.site
    kinds = {
        "application/rss+xml": ("feed.xml", b"<rss"),
        "application/atom+xml": ("atom.xml", b"<feed"),
        "application/feed+json": ("feed.json", b'"version"'),
    }
    for page in html_pages(site):
        box = one(parse_html(page.read_text(encoding="utf-8")), "subscribe")
        links = {a.get("type"): a.get("href") for a in box.iter("a")}
        assert set(links) == set(kinds), page
        for kind, (name, marker) in kinds.items():
            target = resolve(page, links[kind], site.site)
            assert target == site.site / "blog" / name, (page, links[kind])
            assert marker in target.read_bytes()


def test_no_subscribe_link_without_feeds(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        site_files(),
        theme={"name": "mkdocs", "custom_dir": str(custom_dir(tmp_path, "mkdocs"))},
        extra={"site_url": None},
        strict=False,
    )
    page = parse_html(site.html("blog/index.md"))
    assert maybe(page, "subscribe") is None
    assert one(page, "recent-posts") is not None


# --- newer, older and related posts ----------------------------------------------------------------


def test_previous_is_the_newer_post_and_next_the_older(built: Built) -> None:
    site = built.site
    for i, spec in enumerate(NEWEST_FIRST):
        page = built.post_file(spec)
        nav = one(parse_html(page.read_text(encoding="utf-8")), "post-nav")
        for css, index in (("post-nav-newer", i - 1), ("post-nav-older", i + 1)):
            links = [a for a in nav.iter("a") if css in (a.get("class") or "")]
            if not 0 <= index < len(NEWEST_FIRST):
                assert links == [], (spec.name, css)
                continue
            assert len(links) == 1, (spec.name, css)
            target = resolve(page, links[0].get("href"), site.site)
            assert target.is_file()
            assert built.spec_of(target) == NEWEST_FIRST[index], (spec.name, css)
            assert text(links[0]).endswith(NEWEST_FIRST[index].shown_title)


def test_related_posts_share_a_tag_or_a_category(built: Built) -> None:
    site = built.site
    seen_any = False
    for spec in POSTS:
        page = built.post_file(spec)
        nav = one(parse_html(page.read_text(encoding="utf-8")), "post-nav")
        related = maybe(nav, "post-nav-related")
        others = [] if related is None else [a for a in related.iter("a")]
        sharing = [s for s in POSTS if s != spec and s.terms() & spec.terms()]
        assert len(others) == min(RELATED_IN_CONTEXT, len(sharing)), spec.name
        for link in others:
            other = built.spec_of(resolve(page, link.get("href"), site.site))
            assert other != spec
            assert other.terms() & spec.terms(), (spec.name, other.name)
            assert text(link) == other.shown_title
            seen_any = True
        for time in nav.iter("time"):
            dt.datetime.fromisoformat(time.get("datetime"))
    assert seen_any


# --- listing: its pagination -----------------------------------------------------------------------


POSITION = re.compile(r"Page (\d+) of (\d+)")


def pagers(site: Site) -> list[tuple[Path, Any]]:
    """``(page, its .listing-pages nav)`` of every page with a pager."""
    found = []
    for page in html_pages(site):
        nav = maybe(parse_html(page.read_text(encoding="utf-8")), "listing-pages")
        if nav is not None:
            found.append((page, nav))
    return found


def position(nav: Any) -> tuple[int, int]:
    match = POSITION.search(text(nav))
    assert match, text(nav)
    number, count = map(int, match.groups())
    return number, count


def test_listing_pages_link_to_each_other(built: Built) -> None:
    site = built.site
    page = site.page_path("blog/index.md")
    seen: list[Path] = []
    while True:
        seen.append(page)
        nav = one(parse_html(page.read_text(encoding="utf-8")), "listing-pages")
        assert f"Page {len(seen)} of 3" in text(nav)
        links = {a.get("rel"): a.get("href") for a in nav.iter("a") if a.get("rel")}
        if len(seen) > 1:
            assert resolve(page, links["prev"], site.site) == seen[-2]
        else:
            assert "prev" not in links
        if "next" not in links:
            break
        page = resolve(page, links["next"], site.site)
        assert page.is_file()
    assert len(seen) == 3
    # Every pager found (the archive follows per_page too) leads to its neighbours; tag pages have none.
    found = pagers(site)
    assert {p for p, _ in found} >= set(seen)
    for page, nav in found:
        assert "/tags/" not in page.as_posix(), page
        number, count = position(nav)
        for a in nav.iter("a"):
            if not a.get("rel"):
                continue
            step = -1 if a.get("rel") == "prev" else 1
            other = one(
                parse_html(resolve(page, a.get("href"), site.site).read_text("utf-8")), "listing-pages"
            )
            assert position(other) == (number + step, count), (page, a.get("href"))


def numbered_targets(page: Path, nav: Any, site_dir: Path) -> list[Path]:
    links = list(one(nav, "listing-pages-numbers").iter("a"))
    assert [text(a) for a in links] == [str(i) for i in range(1, len(links) + 1)], page
    number, _ = position(nav)
    for i, link in enumerate(links, start=1):
        assert link.get("aria-current") == ("page" if i == number else None), (page, i)
    return [resolve(page, a.get("href"), site_dir) for a in links]


def test_numbered_pager_links_every_page_of_the_listing_in_order(built: Built) -> None:
    site = built.site
    found = pagers(site)
    assert len(found) >= 3
    index_pages = numbered_targets(*one_pager(site.page_path("blog/index.md")), site.site)
    assert index_pages[0] == site.page_path("blog/index.md") and len(index_pages) == 3
    for page, nav in found:
        number, count = position(nav)
        targets = numbered_targets(page, nav, site.site)
        assert len(targets) == count and targets[number - 1] == page, page
        for i, target in enumerate(targets, start=1):
            assert target.is_file(), (page, i)
            other = one_pager(target)[1]
            assert position(other) == (i, count), (page, i)
            # Every page of the listing numbers the same pages: the pager stays in its listing.
            assert numbered_targets(target, other, site.site) == targets, (page, i)


def one_pager(page: Path) -> tuple[Path, Any]:
    return page, one(parse_html(page.read_text(encoding="utf-8")), "listing-pages")


# --- what the context holds: recorded as the plugin hands it to the theme --------------------------


@dataclasses.dataclass
class Recorded:
    blog_ids: set[int]
    contexts: dict[str, dict[str, Any]]
    site: Site


def record(root: Path, files: Mapping[str, str | bytes | Path], **kwargs: Any) -> Recorded:
    contexts: dict[str, dict[str, Any]] = {}
    ids: set[int] = set()
    real = adapter.fill_page

    def fill_page(build: Any, page: Any, context: dict[str, Any]) -> Any:
        problems = real(build, page, context)
        contexts[page.file.src_uri] = {k: context.get(k) for k in ("blog", "post", "listing")}
        ids.add(id(context["blog"]))
        return problems

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(adapter, "fill_page", fill_page)
        site = build_site(root, files, **kwargs)
    return Recorded(ids, contexts, site)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Recorded:
    files = site_files()
    files["blog/.authors.yml"] = (
        "authors:\n  ann:\n    name: Ann\n    description: Writes.\n    avatar: blog/ann.jpg\n"
        "    url: https://example.com/ann\n  bob:\n    name: Bob\n"
    )
    files["blog/ann.jpg"] = SEED_IMAGE
    return record(
        tmp_path_factory.mktemp("recorded"),
        files,
        plugin_config={"per_page": 3, "authors_profiles": True},
    )


def test_blog_is_built_once_and_shared_by_every_page(recorded: Recorded) -> None:
    assert len(recorded.contexts) > 15
    assert all(c["blog"] is not None for c in recorded.contexts.values())
    assert len(recorded.blog_ids) == 1


def test_post_only_on_posts_and_listing_only_on_listings(recorded: Recorded) -> None:
    for uri, context in recorded.contexts.items():
        assert (context["post"] is not None) == (uri in BY_URI), uri
        is_listing = context["listing"] is not None
        overview = uri in (
            "blog/tags/index.md",
            "blog/category/index.md",
            "blog/archive/index.md",
            "blog/author/index.md",
        )
        if uri in BY_URI or overview or not uri.startswith("blog/"):
            assert not is_listing, uri
        else:
            assert is_listing, uri
    kinds = {c["listing"]["kind"] for c in recorded.contexts.values() if c["listing"] is not None}
    assert kinds == {"index", "tag", "category", "archive", "author"}


def blog_of(recorded: Recorded) -> Any:
    return recorded.contexts["index.md"]["blog"]


def test_blog_posts_newest_first_with_site_relative_urls(recorded: Recorded) -> None:
    blog = blog_of(recorded)
    assert [p.src_uri for p in blog.posts] == [s.src_uri for s in NEWEST_FIRST]
    assert blog.url == "blog/"
    for entry in blog.posts:
        assert entry.url == BY_URI[entry.src_uri].src_uri.removesuffix(".md") + "/"
    assert dict(blog.feeds) == {"rss": "blog/feed.xml", "atom": "blog/atom.xml", "json": "blog/feed.json"}
    assert [t.name for t in blog.tags] == ["Python", "Security", "Web"]
    assert [(t.url, t.count) for t in blog.tags] == [
        ("blog/tags/python/", 4),
        ("blog/tags/security/", 2),
        ("blog/tags/web/", 3),
    ]
    assert [dict(t.feeds) for t in blog.tags] == [
        {"rss": f"blog/tags/{slug}/feed.xml", "atom": f"blog/tags/{slug}/atom.xml"}
        for slug in ("python", "security", "web")
    ]
    assert [(c.name, c.url) for c in blog.categories] == [("Notes", "blog/category/notes/")]
    assert [dict(c.feeds) for c in blog.categories] == [
        {"rss": "blog/category/notes/feed.xml", "atom": "blog/category/notes/atom.xml"}
    ]
    assert [(a.name, a.url, a.count, a.feeds) for a in blog.archives] == [
        ("2024", "blog/archive/2024/", 7, {})
    ]
    # url: the author's own, else the profile page; profile_url: the profile page; website: their own.
    assert [(a.id, a.url, a.profile_url, a.website, a.count) for a in blog.authors] == [
        ("ann", "https://example.com/ann", "blog/author/ann/", "https://example.com/ann", 7),
        ("bob", "blog/author/bob/", "blog/author/bob/", None, 7),
    ]
    assert blog.authors[0].avatar.url == "blog/ann.jpg"


def test_every_feed_and_term_url_names_a_file_of_the_site(recorded: Recorded) -> None:
    blog, site = blog_of(recorded), recorded.site.site
    urls = [*blog.feeds.values()]
    for term in [*blog.tags, *blog.categories]:
        assert term.feeds, term.name
        urls += term.feeds.values()
    for url in urls:
        assert (site / unquote(url)).is_file(), url
    for term in [*blog.tags, *blog.categories, *blog.archives]:
        assert resolve(site / "index.html", term.url, site).is_file(), term.url


def test_post_authors_url_is_their_own_else_their_profile(recorded: Recorded) -> None:
    for spec in POSTS:
        view = recorded.contexts[spec.src_uri]["post"]
        assert [(a.id, a.url, a.profile_url) for a in view.authors] == [
            ("ann", "https://example.com/ann", "blog/author/ann/"),
            ("bob", "blog/author/bob/", "blog/author/bob/"),
        ], spec.name


def test_post_is_the_entry_of_blog_posts_with_its_neighbours(recorded: Recorded) -> None:
    blog = blog_of(recorded)
    by_uri = {e.src_uri: e for e in blog.posts}
    for i, spec in enumerate(NEWEST_FIRST):
        view = recorded.contexts[spec.src_uri]["post"]
        assert view.url == by_uri[spec.src_uri].url
        assert view.title == by_uri[spec.src_uri].title
        newer = NEWEST_FIRST[i - 1].src_uri if i else None
        older = NEWEST_FIRST[i + 1].src_uri if i + 1 < len(NEWEST_FIRST) else None
        assert (view.previous.src_uri if view.previous else None) == newer
        assert (view.next.src_uri if view.next else None) == older
        assert view.previous is None or view.previous is by_uri[newer]
        for other in view.related:
            assert BY_URI[other.src_uri].terms() & spec.terms()
            assert other is by_uri[other.src_uri]
        assert [t.name for t in view.tags] == list(spec.tags)
        assert view.reading_time >= 1 and view.reading_time_text
        assert view.date_iso.startswith(spec.date)
        if spec.image:
            assert view.image.url == "blog/posts/images/cover.jpg"


def test_every_value_is_escaped_once_urls_included(recorded: Recorded) -> None:
    hostile = recorded.contexts["blog/posts/fourth-wall.md"]["post"]
    env = jinja2.Environment()  # as MkDocs makes the theme's: no autoescaping
    assert env.from_string("{{ post.title }}").render(post=hostile) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;friends&#34;"
    )
    assert env.from_string("{{ post.title | e }}").render(post=hostile) == env.from_string(
        "{{ post.title }}"
    ).render(post=hostile)
    # striptags turns the text back into markup: what the docs warn about.
    assert env.from_string("{{ post.title | striptags }}").render(post=hostile) == HOSTILE
    cover = recorded.contexts["blog/posts/fifth-gear.md"]["post"]
    assert env.from_string("{{ post.image.alt }}").render(post=cover) == (
        "A &#34;quoted&#34; &lt;cover&gt; &amp; more"
    )
    # URLs too: Markup of their escaped text (nothing to escape in these), taken by the url filter.
    assert type(cover.url) is Markup and type(cover.image.url) is Markup
    blog = blog_of(recorded)
    assert all(type(url) is Markup for url in [blog.url, *blog.feeds.values(), *blog.overviews.values()])
    assert type(blog.authors[0].url) is Markup and type(blog.authors[0].website) is Markup
    # excerpt_html is HTML: Markup of it as it is.
    assert type(cover.excerpt_html) is Markup and cover.excerpt_html.startswith("<p>")


def test_the_url_filter_prints_an_escaped_url_once() -> None:
    env = jinja2.Environment()
    env.filters["url"] = url_filter
    raw = 'https://example.com/?a=1&b="x"'
    author = {"url": Markup.escape(raw)}  # as themed() hands it over
    page = {"page": None, "base_url": ""}
    printed = env.from_string('<a href="{{ a.url | url }}">').render(a=author, **page)
    assert printed == '<a href="https://example.com/?a=1&amp;b=&#34;x&#34;">'
    assert parse_html(printed).find(".//a").get("href") == raw
    # | e after | url escapes a second time: the filter gives back a plain string.
    assert "&amp;amp;" in env.from_string("{{ a.url | url | e }}").render(a=author, **page)


# --- every field is documented, and every documented field exists ----------------------------------


def documented(section: str) -> set[str]:
    """The keys of the table under ``### <section>`` in docs/theme-authors.md."""
    docs = DOCS.read_text(encoding="utf-8")
    match = re.search(rf"^### {re.escape(section)}\n(.*?)(?=^#)", docs + "\n#", re.M | re.S)
    assert match, f"no section {section!r}"
    return set(re.findall(r"^\| `([a-z_]+)`", match.group(1), re.M))


def test_every_key_of_the_context_is_documented(recorded: Recorded) -> None:
    blog = blog_of(recorded)
    post_view = recorded.contexts["blog/posts/second-look.md"]["post"]
    listing = recorded.contexts["blog/index.md"]["listing"]
    entry_keys = set(blog.posts[0])
    assert documented("`blog`") == set(blog)
    assert documented("Post entries") == entry_keys
    assert documented("`post`") == set(post_view) - entry_keys
    assert documented("`listing`") == set(listing)
    term_keys = set(post_view.tags[0])
    assert documented("Term links") == term_keys == set(listing.entries[0].tags[0])
    for terms in (blog.tags, blog.categories, blog.archives):
        assert documented("Blog terms") == set(terms[0]) - term_keys
    assert documented("Post authors") == set(post_view.authors[0]) == set(blog.posts[0].authors[0])
    assert documented("Blog authors") == set(blog.authors[0])
    assert documented("Feeds") == set(blog.feeds)


# --- the plugin's partials from the theme's templates ----------------------------------------------


INCLUDE = """{% extends "base.html" %}
{% block content %}{{ super() }}{% if post %}{% set tags = post.tags %}{% include "blog_tags/tag_list.html" %}{% endif %}{% endblock %}
"""


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_the_plugins_partials_can_be_included_from_a_theme(
    tmp_path: Path, theme: str, use_directory_urls: bool
) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text(INCLUDE, encoding="utf-8")
    site = build_site(
        tmp_path,
        site_files(),
        theme={"name": theme, "custom_dir": str(overrides)},
        use_directory_urls=use_directory_urls,
    )
    checked = 0
    for page in sorted(site.site.glob("blog/posts/**/*.html")):
        doc = parse_html(page.read_text(encoding="utf-8"))
        lists = [ul for ul in doc.iter("ul") if "blog-tags-tags" in (ul.get("class") or "").split()]
        # The post header's own list, and the one the theme included: same tags, and links that
        # the url filter made right from the page, to tag pages that exist.
        assert len(lists) == 2, page
        hrefs = [[a.get("href") for a in ul.iter("a")] for ul in lists]
        assert hrefs[0] == hrefs[1]
        for href in hrefs[1]:
            target = (page.parent / href).resolve()
            assert (target / "index.html" if target.is_dir() else target).is_file(), (page, href)
        assert lists[1].get("aria-label")  # the words t reach the theme too
        checked += 1
    assert checked


def test_a_partial_in_custom_dir_replaces_the_plugins_for_the_theme_too(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "blog_tags").mkdir(parents=True)
    (overrides / "main.html").write_text(INCLUDE, encoding="utf-8")
    (overrides / "blog_tags" / "tag_list.html").write_text(
        '<ol class="mine">{% for tag in tags %}<li>{{ tag.name }}</li>{% endfor %}</ol>', encoding="utf-8"
    )
    site = build_site(tmp_path, site_files(), theme={"name": "mkdocs", "custom_dir": str(overrides)})
    html = next(iter(sorted(site.site.glob("blog/posts/**/*.html")))).read_text(encoding="utf-8")
    assert html.count('<ol class="mine">') == 2  # the header's and the theme's


# --- probes: one template line added to a theme block ---------------------------------------------


def probe_site(
    root: Path, theme: str, block: str, probe: str, files: Mapping[str, Any] | None = None, **kwargs: Any
) -> Site:
    """A build whose ``main.html`` adds ``probe`` to ``block``, in a ``<div class="probe">``."""
    overrides = root / "overrides"
    overrides.mkdir(parents=True)
    main = '{% extends "base.html" %}\n{% block BLOCK %}{{ super() }}<div class="probe">PROBE</div>{% endblock %}\n'
    main = main.replace("BLOCK", block).replace("PROBE", probe)
    (overrides / "main.html").write_text(main, encoding="utf-8")
    theme_config = {"name": theme, "custom_dir": str(overrides)}
    return build_site(root, files or site_files(), theme=theme_config, **kwargs)


def test_post_has_all_its_authors_and_categories(tmp_path: Path) -> None:
    files = site_files()
    files["blog/posts/third-way.md"] = post(
        "Third way", "2024-03-01", ["Web"], authors=["ann", "bob"], categories=["Notes", "Essays"]
    )
    probe = (
        "{% if post %}{% for a in post.authors %}<i>{{ a.name }}</i>{% endfor %}"
        "{% for c in post.categories %}<b>{{ c.name }}</b>{% endfor %}{% endif %}"
        "{% for p in blog.posts if p.title == 'Third way' %}"
        "{% for a in p.authors %}<u>{{ a.name }}</u>{% endfor %}"
        "{% for c in p.categories %}<s>{{ c.name }}</s>{% endfor %}{% endfor %}"
    )
    site = probe_site(
        tmp_path, "mkdocs", "content", probe, files, plugin_config={"post_excerpt_max_categories": 1}
    )
    box = one(parse_html(site.html("blog/posts/third-way.md")), "probe")
    assert [text(i) for i in box.iter("i")] == ["ann", "bob"]
    assert [text(b) for b in box.iter("b")] == ["Notes", "Essays"]
    # The entry of blog.posts is the listing's: cut to post_excerpt_max_authors (1) and _categories.
    assert [text(u) for u in box.iter("u")] == ["ann"]
    assert [text(e) for e in box.iter("s")] == ["Notes"]


EXCERPT_FILES = {
    "blog/posts/third-way.md": post(
        "Third way",
        "2024-03-01",
        ["Web"],
        body="See [the first](first-light.md).\n\n<!-- more -->\n\nMore.\n",
    )
}


def excerpt_hrefs(page: Path) -> list[str]:
    box = one(parse_html(page.read_text(encoding="utf-8")), "probe")
    return [a.get("href") for a in box.iter("a") if text(a) == "the first"]


def test_blog_posts_excerpt_links_are_absolute_with_site_url(tmp_path: Path) -> None:
    probe = "{% for p in blog.posts %}{{ p.excerpt_html }}{% endfor %}"
    site = probe_site(tmp_path, "mkdocs", "content", probe, {**site_files(), **EXCERPT_FILES})
    for uri in ("index.md", "guide/setup.md", "blog/index.md", "blog/posts/first-light.md"):
        # conftest's site_url: https://example.org/sub/
        assert excerpt_hrefs(site.page_path(uri)) == ["https://example.org/sub/blog/posts/first-light/"], uri


def test_blog_posts_excerpt_links_are_site_relative_without_site_url(tmp_path: Path) -> None:
    probe = "{% for p in blog.posts %}{{ p.excerpt_html }}{% endfor %}"
    files = {**site_files(), **EXCERPT_FILES}
    site = probe_site(tmp_path, "mkdocs", "content", probe, files, extra={"site_url": None}, strict=False)
    # Right on a page in the site's root folder only, as the docs say.
    home = site.page_path("index.md")
    assert [resolve(home, h, site.site) for h in excerpt_hrefs(home)] == [
        site.page_path("blog/posts/first-light.md")
    ]
    assert excerpt_hrefs(site.page_path("guide/setup.md")) == ["blog/posts/first-light/"]


def test_post_excerpt_links_resolve_from_the_posts_page(tmp_path: Path) -> None:
    probe = "{% if post %}{{ post.excerpt_html }}{% endif %}"
    site = probe_site(tmp_path, "mkdocs", "content", probe, {**site_files(), **EXCERPT_FILES})
    page = site.page_path("blog/posts/third-way.md")
    hrefs = excerpt_hrefs(page)
    assert len(hrefs) == 1
    assert resolve(page, hrefs[0], site.site) == site.page_path("blog/posts/first-light.md")


def test_listing_entries_excerpt_links_resolve_from_the_listing_page(tmp_path: Path) -> None:
    probe = "{% if listing %}{% for p in listing.entries %}{{ p.excerpt_html }}{% endfor %}{% endif %}"
    site = probe_site(
        tmp_path, "mkdocs", "content", probe, {**site_files(), **EXCERPT_FILES}, plugin_config={"per_page": 3}
    )
    page = site.site / "blog" / "page" / "2" / "index.html"  # third-way is the 5th newest of 7
    hrefs = excerpt_hrefs(page)
    assert len(hrefs) == 1
    absolute = "https://example.org/sub/blog/posts/first-light/"
    assert hrefs[0] == absolute or resolve(page, hrefs[0], site.site) == site.page_path(
        "blog/posts/first-light.md"
    ), hrefs[0]


def test_blog_on_the_404_page(tmp_path: Path) -> None:
    # Material's 404.html extends main.html: a block other than content is rendered there.
    probe = '{% if blog %}{% for p in blog.posts %}<a href="{{ p.url | url }}">{{ p.title }}</a>{% endfor %}{% endif %}'
    site = probe_site(tmp_path, "material", "site_nav", probe)
    box = one(parse_html((site.site / "404.html").read_text(encoding="utf-8")), "probe")
    links = list(box.iter("a"))
    assert [text(a) for a in links] == [s.shown_title for s in NEWEST_FIRST]
    # The 404 page's links are absolute, under the path of site_url (https://example.org/sub/).
    for link, spec in zip(links, NEWEST_FIRST, strict=True):
        href = link.get("href")
        assert href.startswith("/sub/"), href
        assert resolve(site.site / "index.html", href.removeprefix("/sub/"), site.site) == site.page_path(
            spec.src_uri
        )


def test_an_unguarded_blog_works_on_materials_404_page(tmp_path: Path) -> None:
    # blog is in the 404 page's context (on_template_context): no 'blog' is undefined any more.
    probe = "{% for p in blog.posts[:5] %}<i>{{ p.title }}</i>{% endfor %}"
    site = probe_site(tmp_path, "material", "site_nav", probe)
    assert site.warnings() == []
    for path in (site.site / "404.html", site.page_path("guide/setup.md")):
        box = one(parse_html(path.read_text(encoding="utf-8")), "probe")
        assert [text(i) for i in box.iter("i")] == [s.shown_title for s in NEWEST_FIRST[:5]], path


def test_no_blog_when_the_plugin_is_off(tmp_path: Path) -> None:
    # The guarded examples build and show nothing of the blog; an unguarded blog.posts would fail.
    site = build_site(
        tmp_path,
        site_files(),
        theme={"name": "mkdocs", "custom_dir": str(custom_dir(tmp_path, "mkdocs"))},
        plugin_config={"enabled": False},
    )
    for page in (site.page_path("index.md"), site.page_path("blog/posts/first-light.md")):
        doc = parse_html(page.read_text(encoding="utf-8"))
        for css in ("recent-posts", "post-cover", "post-nav", "listing-pages"):
            assert maybe(doc, css) is None, (page, css)


def test_an_unguarded_blog_fails_when_the_plugin_is_off(tmp_path: Path) -> None:
    probe = "{% for p in blog.posts %}<i>{{ p.title }}</i>{% endfor %}"
    with pytest.raises(jinja2.UndefinedError, match="'blog' is undefined"):
        probe_site(tmp_path, "mkdocs", "content", probe, plugin_config={"enabled": False})


def test_author_url_is_safe_in_an_attribute(tmp_path: Path) -> None:
    files = site_files()
    raw = 'https://example.com/?a=1&b="x" onmouseover="alert(3)'
    files["blog/.authors.yml"] = f"authors:\n  ann:\n    name: Ann\n    url: {raw}\n"
    probe = '{% if post %}{% for a in post.authors %}<a href="{{ a.url | url }}">{{ a.name }}</a>{% endfor %}{% endif %}'
    site = probe_site(tmp_path, "mkdocs", "content", probe, files, strict=False)
    box = one(parse_html(site.html("blog/posts/third-way.md")), "probe")
    links = list(box.iter("a"))
    assert [text(a) for a in links] == ["Ann", "bob"]
    assert [a.get("onmouseover") for a in links] == [None, None]
    assert links[0].get("href") == raw  # the browser reads the entities back


# --- post.related is not the footer's ---------------------------------------------------------------


def related_counts(recorded: Recorded) -> dict[str, int]:
    return {s.name: len(recorded.contexts[s.src_uri]["post"].related) for s in POSTS}


def sharing_count(spec: Spec) -> int:
    return sum(1 for s in POSTS if s != spec and s.terms() & spec.terms())


@pytest.mark.parametrize("shown", [0, 1, 3, 5])
def test_post_related_holds_up_to_three_whatever_the_footer(tmp_path: Path, shown: int) -> None:
    recorded = record(tmp_path, site_files(), plugin_config={"footer": {"related": shown}})
    # As the docs say: up to 3 (RELATED_IN_CONTEXT), or as many as the footer's related when more.
    limit = max(shown, RELATED_IN_CONTEXT)
    assert related_counts(recorded) == {s.name: min(limit, sharing_count(s)) for s in POSTS}
    assert max(related_counts(recorded).values()) == min(limit, max(map(sharing_count, POSTS)))
    footer_links = {
        s.name: len(parse_html(recorded.site.html(s.src_uri)).findall(".//*[@class='blog-tags-related']//a"))
        for s in POSTS
    }
    assert max(footer_links.values()) <= shown


# --- percent-encoded URLs: a blog_dir with a space --------------------------------------------------


def test_urls_are_percent_encoded_and_name_the_files(tmp_path: Path) -> None:
    files = {k.replace("blog/", "my blog/", 1): v for k, v in site_files().items()}
    recorded = record(tmp_path, files, plugin_config={"per_page": 3, "blog_dir": "my blog"})
    blog, site = blog_of(recorded), recorded.site.site
    assert dict(blog.feeds) == {
        "rss": "my%20blog/feed.xml",
        "atom": "my%20blog/atom.xml",
        "json": "my%20blog/feed.json",
    }
    assert dict(blog.tags[0].feeds) == {
        "rss": "my%20blog/tags/python/feed.xml",
        "atom": "my%20blog/tags/python/atom.xml",
    }
    listing = recorded.contexts["my blog/index.md"]["listing"]
    assert listing.page_urls == ["my%20blog/", "my%20blog/page/2/", "my%20blog/page/3/"]
    for url in [*blog.feeds.values(), *blog.tags[0].feeds.values()]:
        assert (site / unquote(url)).is_file(), url
    for url in listing.page_urls:
        assert resolve(site / "index.html", url, site).is_file(), url
