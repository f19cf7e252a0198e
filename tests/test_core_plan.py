"""The core's planning objects, tested without a MkDocs build: settings, layout, groupings, plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import feedparser
import pytest
import yaml
from conftest import directory_url as url_of
from conftest import settings
from lxml import etree

from mkdocs_blog_tags.blog import build_blog, tags_spec
from mkdocs_blog_tags.cache import ReadCache, Rendered
from mkdocs_blog_tags.excerpts import Excerpt
from mkdocs_blog_tags.feeds import feed_files
from mkdocs_blog_tags.images import DocsFile, ImageResolver
from mkdocs_blog_tags.layout import Layout
from mkdocs_blog_tags.meta import PageInput, page_facts
from mkdocs_blog_tags.plan import (
    generated_pages,
    make_blog,
    make_plan,
    post_candidate,
    select_posts,
)
from mkdocs_blog_tags.plugin import BlogTagsPlugin
from mkdocs_blog_tags.posts import Post
from mkdocs_blog_tags.render import HEADER_SLOT, Renderer
from mkdocs_blog_tags.taxonomy import TaxonomySpec
from mkdocs_blog_tags.views import View, Views

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 1, tzinfo=UTC)


def post(name: str, day: int | None, tags: tuple[str, ...] = (), **fields: Any) -> Post:
    date = dt.datetime(2024, 1, day, tzinfo=UTC) if day else None
    return Post(f"blog/posts/{name}.md", name.title(), date, tags=tags, **fields)


def plan_for(
    posts: list[Post],
    options: dict[str, Any] | None = None,
    files: dict[str, DocsFile] | None = None,
    **site: Any,
):
    s = settings(options, **site)
    selection = select_posts([(p.src_uri, p) for p in posts], NOW, s.show_drafts)
    blog = make_blog(s, selection.published)
    uris = [*(p.src_uri for p in selection.published), *blog.page_uris()]
    return make_plan(s, blog, selection, {u: url_of(u) for u in uris}, (files or {}).get)


# -- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "Mars/Olympus"),
        ({"strings": {"blgo": "Journal"}}, "unknown keys blgo"),
    ],
)
def test_timezone_and_strings_are_checked_by_their_option_types(
    options: dict[str, Any], message: str
) -> None:
    errors, _ = BlogTagsPlugin().load_config(options)
    assert errors, options
    name, error = errors[0]
    assert name == next(iter(options))
    assert message in str(error)


def test_settings_are_plain_values_read_from_the_options_and_the_theme() -> None:
    s = settings(
        {"timezone": "Europe/Paris", "feeds": {"atom": False}, "drafts_on_serve": True},
        theme={"locale": "fr"},
    )
    assert str(s.tz) == "Europe/Paris"
    assert s.locale == "fr"
    assert s.strings["tags"] == "Étiquettes"
    assert s.feeds.formats == ("rss", "json")
    assert s.feeds.names_for(term=True) == {"rss": "feed.xml"}
    assert s.show_drafts is False  # drafts only under `mkdocs serve`
    assert settings({"drafts_on_serve": True}, command="serve").show_drafts is True
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.per_page = 3  # type: ignore[misc]


# -- layout and groupings ----------------------------------------------------------------------


def test_layout_places_every_page_and_feed() -> None:
    layout = Layout(blog_dir="blog", tags_dir="tags", page_dir="page")
    assert layout.index_uri(3) == "blog/page/3/index.md"
    assert layout.overview_uri("category") == "blog/category/index.md"
    assert layout.term_uri("category", "news", 2) == "blog/category/news/page/2/index.md"
    assert layout.feed_paths(layout.tag_uri("c"), {"rss": "feed.xml"}) == {"rss": "blog/tags/c/feed.xml"}
    root = Layout(blog_dir=".")
    assert root.index_uri() == "index.md"
    assert root.feed_paths(root.index_uri(), {"atom": "atom.xml"}) == {"atom": "atom.xml"}


def test_a_second_grouping_needs_no_new_listing_code() -> None:
    categories = TaxonomySpec(
        name="categories",
        kind="category",
        folder="category",
        values=lambda p: p.categories,
        per_page=1,
        slug_option="categories_slugs",
    )
    posts = [
        post("a", 1, ("Python",), categories=("News",)),
        post("b", 2, ("python",), categories=("News", "Deep dives")),
    ]
    blog = build_blog(posts, taxonomies=[tags_spec(), categories])
    news = blog.taxonomies["categories"].term_by_key["news"]
    assert (news.name, news.slug, news.count) == ("News", "news", 2)
    pages = [
        (li.kind, li.src_uri, [p.src_uri for p in li.posts]) for li in blog.listings if li.kind == "category"
    ]
    assert pages == [
        ("category", "blog/category/deep-dives/index.md", ["blog/posts/b.md"]),
        ("category", "blog/category/news/index.md", ["blog/posts/b.md"]),
        ("category", "blog/category/news/page/2/index.md", ["blog/posts/a.md"]),
    ]
    assert blog.listings[-1].tag is None and blog.listings[-1].term == news
    assert blog.page_uris()[-2:] == ["blog/tags/index.md", "blog/category/index.md"]
    assert [t.name for t in blog.tags] == ["Python"]  # the first spelling in publication order


# -- selection and generated pages -------------------------------------------------------------


def test_post_candidates_follow_include_and_exclude() -> None:
    s = settings({"include": ["posts/*.md"], "exclude": ["posts/wip-*"]})

    def is_post(uri: str) -> bool:
        return post_candidate(uri, s, "blog")[0]

    assert is_post("blog/posts/a.md")
    assert not is_post("blog/posts/wip-a.md")
    assert not is_post("blog/about.md")
    assert not is_post("blog/posts/index.md")
    assert not is_post("other/posts/a.md")


def test_drafts_future_and_unreadable_posts_are_left_out_unless_drafts_are_shown() -> None:
    draft = post("draft", 1, draft=True)
    future = dataclasses.replace(post("future", 1), date=NOW + dt.timedelta(days=1))
    read = [
        ("blog/x.md", None),
        (draft.src_uri, draft),
        (future.src_uri, future),
        ("blog/ok.md", post("ok", 2)),
    ]
    hidden = select_posts(read, NOW, show_drafts=False)
    assert [p.title for p in hidden.published] == ["Ok"]
    assert hidden.excluded == {"blog/x.md", draft.src_uri, future.src_uri}
    shown = select_posts(read, NOW, show_drafts=True)
    assert shown.drafts == {draft.src_uri, future.src_uri}
    assert shown.excluded == {"blog/x.md"}  # a post that could not be read is never shown


def test_generated_pages_have_titles_and_only_the_blog_is_in_the_nav() -> None:
    s = settings({"per_page": 1, "archive": False})
    blog = make_blog(s, [post("a", 1, ("C++",)), post("b", 2)])
    pages = {p.src_uri: p for p in generated_pages(s, blog)}
    assert list(pages) == [
        "blog/index.md",
        "blog/page/2/index.md",
        "blog/tags/c-plus-plus/index.md",
        "blog/tags/index.md",
    ]
    assert [p.in_nav for p in pages.values()] == [True, False, False, False]
    assert pages["blog/page/2/index.md"].title == "Blog – Page 2 of 2"
    assert not pages["blog/page/2/index.md"].searchable
    front = yaml.safe_load(pages["blog/tags/c-plus-plus/index.md"].source.strip("-\n"))
    assert front == {"title": "Posts tagged “C++”"}


# -- the plan: feeds and head links ----------------------------------------------------------------


def test_the_plan_lays_out_feeds_and_the_links_that_announce_them() -> None:
    plan = plan_for([post("a", 1, ("Tag",)), post("b", 2, ("Tag",))], {"per_page": 1})
    assert list(plan.feeds) == [None, ("tags", "tag")]
    assert dict(plan.feeds[("tags", "tag")].paths) == {
        "rss": "blog/tags/tag/feed.xml",
        "atom": "blog/tags/tag/atom.xml",
    }
    links = plan.head_links("blog/page/2/index.md", "blog/page/2/")
    assert [(link.rel, link.href, link.type) for link in links] == [
        ("prev", "../../", None),
        ("alternate", "../../feed.xml", "application/rss+xml"),
        ("alternate", "../../atom.xml", "application/atom+xml"),
        ("alternate", "../../feed.json", "application/feed+json"),
    ]
    assert {link.title for link in links if link.rel == "alternate"} == {"Site"}
    # A post links its newer post (b; a is the oldest, so no "next"), then the blog's feeds.
    post_links = plan.head_links("blog/posts/a.md", "blog/posts/a/")
    assert (post_links[0].rel, post_links[0].href) == ("prev", "../b/")
    assert [link.rel for link in post_links] == ["prev"] + ["alternate"] * 3
    assert plan.head_links("blog/tags/index.md", "blog/tags/") == []
    assert plan.role("blog/tags/index.md") == "overview"
    assert plan.role("about.md") is None


def test_without_site_url_or_tag_feeds_nothing_is_announced() -> None:
    no_site = plan_for([post("a", 1, ("Tag",))], site_url=None)
    assert no_site.feeds == {}
    assert no_site.head_links("blog/posts/a.md", "blog/posts/a/") == []
    no_tag_feeds = plan_for([post("a", 1, ("Tag",))], {"feeds": {"tags": False}})
    assert list(no_tag_feeds.feeds) == [None]
    assert no_tag_feeds.head_links("blog/tags/tag/index.md", "blog/tags/tag/") == []


def test_feed_files_are_built_from_the_plan_and_read_back_by_feedparser() -> None:
    posts = [post("a", 1, ("Tag",), description="First & <best>"), post("b", 2, ("Tag",))]
    plan = plan_for(posts)
    excerpts = {"blog/posts/b.md": Excerpt('<p>See <a href="../a/">a</a></p>', "blog/posts/b/", True)}
    files = {f.path: f.content for f in feed_files(plan, excerpts, {})}
    assert sorted(files) == [
        "blog/atom.xml",
        "blog/feed.json",
        "blog/feed.xml",
        "blog/tags/tag/atom.xml",
        "blog/tags/tag/feed.xml",
    ]
    rss = feedparser.parse(files["blog/feed.xml"])
    assert not rss.bozo
    assert [e.link for e in rss.entries] == [
        "https://example.org/blog/posts/b/",
        "https://example.org/blog/posts/a/",
    ]
    assert 'href="https://example.org/blog/posts/a/"' in rss.entries[0].summary
    assert rss.entries[1].summary == "First &amp; &lt;best&gt;"
    assert etree.fromstring(files["blog/tags/tag/atom.xml"]).tag == "{http://www.w3.org/2005/Atom}feed"


# -- images and head meta --------------------------------------------------------------------------


def test_images_are_resolved_like_links_and_measured_once() -> None:
    measured: list[str] = []

    def measure(path: str) -> tuple[int | None, int | None, int | None]:
        measured.append(path)
        return 1200, 630, 5000

    files = {"blog/posts/cover.png": DocsFile("blog/posts/cover.png", "/docs/blog/posts/cover.png")}
    images = ImageResolver(files.get, "https://example.org/", measure)
    first = images.resolve("cover.png", "Alt", "blog/posts/a.md")
    again = images.resolve("/blog/posts/cover.png", None, "about.md")
    assert first is not None and again is not None
    assert first[0].url == "https://example.org/blog/posts/cover.png"
    assert (first[0].width, first[0].height, first[0].length, first[0].alt) == (1200, 630, 5000, "Alt")
    assert again[0].alt is None
    assert measured == ["/docs/blog/posts/cover.png"]
    outside = images.resolve("//cdn.example.net/x.jpg", None, "blog/posts/a.md")
    assert outside is not None and outside[0].url == "https://cdn.example.net/x.jpg"
    missing, problems = images.post_image("blog/posts/a.md", "nope.png", "Alt")
    assert missing is None and "'nope.png' was not found (looked for blog/posts/nope.png or nope.png)" in str(
        problems[0]
    )
    _, no_alt = images.post_image("blog/posts/a.md", "cover.png", None)
    assert "has no alt text" in str(no_alt[0])


def test_page_facts_choose_descriptions_and_images_for_every_kind_of_page() -> None:
    files = {"img/default.png": DocsFile("img/default.png", None)}
    plan = plan_for(
        [post("a", 1, ("Tag",))],
        {"default_image": "img/default.png", "default_image_alt": "Logo"},
        files=files,
        site_description="The site.",
    )
    excerpts = {"blog/posts/a.md": Excerpt("<p>Body <b>text</b>.</p>", "blog/posts/a/", False)}
    facts, _ = page_facts(
        plan, PageInput("blog/posts/a.md", "A", "https://example.org/blog/posts/a/", {}), excerpts
    )
    assert facts is not None and facts.kind == "post"
    assert facts.description == "Body text."
    assert facts.image is not None and facts.image.alt == "Logo"
    assert facts.tags == ("Tag",)

    tag_page = PageInput("blog/tags/tag/index.md", "Posts tagged “Tag”", None, {})
    facts, _ = page_facts(plan, tag_page, excerpts)
    assert facts is not None and facts.description == "1 post tagged “Tag”"
    assert facts.items == ("https://example.org/blog/posts/a/",)
    facts, _ = page_facts(plan, PageInput("blog/tags/index.md", "Tags", None, {}), excerpts)
    assert facts is not None and facts.items == ("https://example.org/blog/tags/tag/",)

    page = PageInput("about.md", "About", None, {"image": "missing.png", "description": " Mine "})
    facts, problems = page_facts(plan, page, excerpts)
    assert facts is not None and facts.kind == "page" and facts.description == "Mine"
    assert facts.image is not None and facts.image.alt == "Logo"
    assert [str(p) for p in problems] == [
        "about.md: 'image': 'missing.png' was not found; the default image is used"
    ]

    blog_only = plan_for([post("a", 1)], {"meta_scope": "blog"})
    assert page_facts(blog_only, PageInput("about.md", "About", None, {}), {}) == (None, [])


# -- what survives serve rebuilds, and the post header -------------------------------------------


def test_read_cache_reuses_a_reading_until_the_file_changes(tmp_path) -> None:
    path = tmp_path / "a.md"
    path.write_text("x", encoding="utf-8")
    reads: list[int] = []

    def read() -> tuple[Post | None, list]:
        reads.append(1)
        return post("a", 1), []

    cache = ReadCache()
    cache.read("blog/a.md", str(path), ("opts",), read)
    cache.read("blog/a.md", str(path), ("opts",), read)
    assert len(reads) == 1
    cache.read("blog/a.md", str(path), ("other opts",), read)
    path.write_text("changed", encoding="utf-8")
    cache.read("blog/a.md", str(path), ("other opts",), read)
    cache.read("blog/gen.md", None, ("opts",), read)
    cache.read("blog/gen.md", None, ("opts",), read)
    assert len(reads) == 5  # options changed, file changed, and generated files are never kept


def test_rendered_store_keeps_the_excerpt_and_optionally_the_content() -> None:
    rendered = Rendered()
    rendered.add("a.md", "<h1>T</h1><p>One</p><p>Two</p>", "a/", "<!-- more -->", full_content=False)
    rendered.add("b.md", "<p>Intro</p><!-- more --><p>Rest</p>", "b/", "<!-- more -->", full_content=True)
    assert rendered.excerpts["a.md"] == Excerpt("<p>One</p>", "a/", False)
    assert rendered.excerpts["b.md"] == Excerpt("<p>Intro</p>", "b/", True)
    assert list(rendered.contents) == ["b.md"]


@pytest.mark.parametrize("has_h1", [True, False])
def test_post_header_keeps_only_its_title_in_the_content_until_the_page_is_written(has_h1: bool) -> None:
    plan = plan_for([post("a", 1, ("Tag",))])
    views = Views.of(plan, {})
    html = "<h1>A</h1><p>Body</p>" if has_h1 else "<p>Body</p>"
    header = View(date=True, reading_time=True, authors=True, categories=True, tags=True, image=True)
    content, rest = Renderer(()).post_header(
        views, plan.posts["blog/posts/a.md"], "blog/posts/a/", html, header, plan.settings.strings
    )
    assert content.count(HEADER_SLOT) == 1
    assert content.index("<h1") < content.index(HEADER_SLOT) < content.index("<p>Body")
    assert "dt-published" in rest and 'rel="tag"' in rest and "dt-published" not in content
