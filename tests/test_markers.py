"""Markers in any page (``<!-- blog-tags:posts {...} -->``, tags, archive, Material's), without a build.

Options and their errors, which posts and tags a marker selects, and the HTML it
becomes: the listings' entries, rebased to the page, or nothing and a problem.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from typing import Any

import mf2py
import pytest
from conftest import directory_url, parse_html, settings

from mkdocs_blog_tags import markers
from mkdocs_blog_tags.authors import Author
from mkdocs_blog_tags.excerpts import Excerpt
from mkdocs_blog_tags.markers import (
    ArchiveOptions,
    MarkerError,
    PostsOptions,
    TagsOptions,
    expand,
    find_markers,
    parse_options,
    select_posts,
    select_tags,
)
from mkdocs_blog_tags.plan import Plan, make_blog, make_plan
from mkdocs_blog_tags.plan import select_posts as select_published
from mkdocs_blog_tags.posts import Post, Problem
from mkdocs_blog_tags.render import HEADER_SLOT, Renderer
from mkdocs_blog_tags.urls import relative_url
from mkdocs_blog_tags.views import Views

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 1, tzinfo=UTC)
PEOPLE = {"ada": Author("ada", "Ada Lovelace"), "bob": Author("bob", "Bob")}


def post(name: str, date: str, tags: tuple[str, ...] = (), **fields: Any) -> Post:
    day = dt.datetime.fromisoformat(date).replace(tzinfo=UTC)
    return Post(f"blog/posts/{name}.md", name.title(), day, tags=tags, **fields)


POSTS = [
    post("leaves", "2023-03-01", ("Python",), categories=("News",), authors=("ada",)),
    post("kettles", "2024-01-05", ("python", "C++"), categories=("Tea",), authors=("bob",)),
    post("veille", "2024-02-01", ("Veille technologique",), categories=("News",), authors=("ada", "bob")),
    post("steam", "2024-05-01", ("C++",), description="About <steam> & mist"),
    post("sketch", "2024-06-01", ("Python",), draft=True),
]
NEWEST = ["Steam", "Veille", "Kettles", "Leaves"]


def file_url(uri: str) -> str:
    """MkDocs' URL of a Markdown page with use_directory_urls: false."""
    return uri[: -len(".md")] + ".html"


def make(
    options: dict[str, Any] | None = None,
    *,
    command: str = "build",
    url: Any = directory_url,
    posts: list[Post] = POSTS,
) -> tuple[Plan, Views, Renderer]:
    s = settings(options, command=command)
    selection = select_published([(p.src_uri, p) for p in posts], NOW, s.show_drafts)
    blog = make_blog(s, selection.published, PEOPLE)
    uris = [*(p.src_uri for p in selection.published), *blog.page_uris()]
    plan = make_plan(s, blog, selection, {u: url(u) for u in uris}, lambda _: None, people=PEOPLE)
    kettles = url("blog/posts/kettles.md")
    excerpts = {
        p.src_uri: Excerpt(
            f'<p>Text of {p.title}, <a href="{relative_url(kettles, url(p.src_uri))}">a link</a>.</p>',
            url(p.src_uri),
            False,
        )
        for p in selection.published
    }
    return plan, Views.of(plan, excerpts), Renderer(())


@pytest.fixture(scope="module")
def built() -> tuple[Plan, Views, Renderer]:
    return make({"authors_profiles": True})


def titles(plan: Plan, options: PostsOptions) -> list[str]:
    return [p.title for p in select_posts(plan, options).posts]


# -- finding markers ---------------------------------------------------------------------------


def test_markers_are_found_in_html_comments_only() -> None:
    html = (
        "<p>Intro</p>\n<!-- blog-tags:posts {limit: 3} -->\n"
        "<pre><code>&lt;!-- blog-tags:posts --&gt;\n</code></pre>\n"
        "<p><code>&lt;!-- blog-tags:tags --&gt;</code></p>\n"
        "<!--blog-tags:archive-->\n<!-- material/tags { include: [foo] } -->\n"
        "<!-- blog-tags:posts {limit: 2,\n  tags: [a]} -->"
    )
    found = find_markers(html)
    assert [(m.kind, m.args.strip()) for m in found] == [
        ("posts", "{limit: 3}"),
        ("archive", ""),
        ("material/tags", "{ include: [foo] }"),
        ("posts", "{limit: 2,\n  tags: [a]}"),
    ]
    assert found[0].text == "<!-- blog-tags:posts {limit: 3} -->"
    assert found[3].label == "<!-- blog-tags:posts {limit: 2, tags: [a]} -->"  # on one line


def test_the_plugins_own_comments_and_lookalikes_are_not_markers() -> None:
    html = f"<h1>T</h1>{HEADER_SLOT}<!-- blog-tags: intro --><!-- more --><!-- material/tagsets -->"
    assert find_markers(html) == []
    assert find_markers("<p>blog-tags:posts and material/tags as text</p>") == []


def test_a_page_without_markers_costs_two_substring_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoRegex:
        def finditer(self, *_: Any) -> Any:
            raise AssertionError("searched a page without markers")

    monkeypatch.setattr(markers, "_MARKER", NoRegex())
    plan, views, renderer = make()
    html = "<p>" + "plain text " * 1000 + "</p>"
    out, problems = expand(html, src_uri="a.md", page_url="a/", plan=plan, views=views, renderer=renderer)
    assert out is html
    assert problems == []


def test_a_long_marker_is_named_shortly() -> None:
    [found] = find_markers("<!-- blog-tags:posts {tags: [" + "x, " * 100 + "y]} -->")
    assert len(found.label) < 100
    assert found.label.endswith("… -->")


# -- options -----------------------------------------------------------------------------------


def test_posts_options_every_option() -> None:
    assert parse_options("posts", "") == PostsOptions()
    assert parse_options("posts", " {} ") == PostsOptions()
    assert parse_options(
        "posts",
        "{limit: 3, tags: [Veille technologique, C++], categories: News, authors: [ada], year: 2024, "
        "layout: list, more: true}",
    ) == PostsOptions(
        limit=3,
        tags=("Veille technologique", "C++"),
        categories=("News",),
        authors=("ada",),
        year=2024,
        layout="list",
        more=True,
    )
    assert parse_options("posts", "{layout: titles}").layout == "titles"
    assert parse_options("posts", "{tags: [2024, C#]}").tags == ("2024", "C#")  # numbers are names
    assert parse_options("posts", "{tags: [a, a]}").tags == ("a",)
    assert parse_options("posts", "{limit: null}") == PostsOptions()  # an empty value is no value


def test_tags_archive_and_material_options() -> None:
    assert parse_options("tags", "") == TagsOptions()
    assert parse_options("tags", "{limit: 5, sort: count, include: [a], exclude: b}") == TagsOptions(
        limit=5, sort="count", include=("a",), exclude=("b",)
    )
    assert parse_options("archive", "{limit: 2}") == ArchiveOptions(limit=2)
    assert parse_options("material/tags", "") == TagsOptions()
    assert parse_options(
        "material/tags",
        "{ include: [foo, bar], exclude: [baz], scope: true, shadow: false, layout: x, toc: true }",
    ) == TagsOptions(include=("foo", "bar"), exclude=("baz",), scope=True)


@pytest.mark.parametrize(
    ("kind", "args", "message"),
    [
        ("posts", "{limit: 0}", "'limit' must be a whole number of 1 or more, got 0"),
        ("posts", "{limit: -2}", "got -2"),
        ("posts", "{limit: '3'}", "got '3'"),
        ("posts", "{limit: 2.5}", "got 2.5"),
        ("posts", "{limit: true}", "got True"),
        ("posts", "{limt: 3}", "has no option 'limt' (did you mean 'limit'?)"),
        (
            "posts",
            "{colour: red}",
            "known options: 'limit', 'tags', 'categories', 'authors', 'year', 'layout', 'more'",
        ),
        ("posts", "{tags: []}", "'tags' is an empty list"),
        ("posts", "{tags: [{a: b}]}", "'tags' must be a name or a list of names, got dict"),
        ("posts", "{tags: [true]}", "got bool"),
        ("posts", "{categories: ['  ']}", "'categories' has an empty name"),
        ("posts", "{authors: [[ada]]}", "'authors' must be a name or a list of names, got list"),
        ("posts", "{year: '2024'}", "'year' must be a year such as 2024, got '2024'"),
        ("posts", "{year: 2024-01-01}", "'year' must be a year"),
        ("posts", "{layout: grid}", "'layout' must be one of cards, list, titles; got 'grid'"),
        ("posts", "{more: 'yes'}", "'more' must be true or false, got 'yes'"),
        ("posts", "{limit: 3", "not valid YAML"),
        ("posts", "{tags: [a}", "not valid YAML"),
        ("posts", "[3]", "must be a YAML flow mapping such as {limit: 3}, got list"),
        ("posts", "3", "got int"),
        ("posts", "limit 3", "not the text 'limit 3'"),
        ("posts", "{3: a}", "option names are text; got 3"),
        ("tags", "{sort: date}", "'sort' must be one of name, count; got 'date'"),
        ("tags", "{year: 2024}", "has no option 'year'"),
        ("archive", "{limit: 0}", "'limit' must be"),
        ("archive", "{sort: count}", "has no option 'sort' (known options: 'limit')"),
        ("material/tags", "qux", "names the listing configuration 'qux' of Material's tags plugin"),
        ("material/tags", "{ include: [a], limit: 3 }", "has no option 'limit'"),
        ("material/tags", "{ scope: 1 }", "'scope' must be true or false"),
        ("material/tags", "{ toc: 'no' }", "'toc' must be true or false"),
        ("material/tags", "{ layout: 3 }", "'layout' must be text"),
        ("post", "", "'blog-tags:post' is not a marker (did you mean 'blog-tags:posts'?)"),
        ("zzz", "", "the markers are 'blog-tags:posts', 'blog-tags:tags', 'blog-tags:archive'"),
    ],
)
def test_bad_options_say_what_is_wrong(kind: str, args: str, message: str) -> None:
    with pytest.raises(MarkerError) as err:
        parse_options(kind, args)
    assert message in str(err.value)


# -- which posts -------------------------------------------------------------------------------


def test_published_posts_newest_first_up_to_the_limit(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    assert titles(plan, PostsOptions()) == NEWEST  # the draft is not published
    assert titles(plan, PostsOptions(limit=2)) == NEWEST[:2]
    assert titles(plan, PostsOptions(limit=50)) == NEWEST


def test_drafts_appear_only_where_the_listings_show_them() -> None:
    plan = make({"draft_on_serve": True}, command="serve")[0]
    assert titles(plan, PostsOptions(limit=1)) == ["Sketch"]
    assert titles(make(command="serve")[0], PostsOptions(limit=1)) == ["Sketch"]  # Material's default
    assert titles(make({"draft_on_serve": False}, command="serve")[0], PostsOptions(limit=1)) == ["Steam"]


def test_each_filter_takes_posts_with_any_of_its_values(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    assert titles(plan, PostsOptions(tags=("python",))) == ["Kettles", "Leaves"]  # as the blog matches tags
    assert titles(plan, PostsOptions(tags=("PYTHON", "Veille technologique"))) == [
        "Veille",
        "Kettles",
        "Leaves",
    ]
    assert titles(plan, PostsOptions(categories=("news",))) == ["Veille", "Leaves"]
    assert titles(plan, PostsOptions(authors=("ada",))) == ["Veille", "Leaves"]  # by id
    assert titles(plan, PostsOptions(authors=("Ada Lovelace", "bob"))) == ["Veille", "Kettles", "Leaves"]
    assert titles(plan, PostsOptions(year=2023)) == ["Leaves"]


def test_filters_together_take_posts_matching_every_one(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    assert titles(plan, PostsOptions(tags=("Python",), year=2024)) == ["Kettles"]
    assert titles(plan, PostsOptions(categories=("News",), authors=("bob",))) == ["Veille"]
    assert titles(plan, PostsOptions(tags=("C++",), categories=("News",))) == []
    assert titles(plan, PostsOptions(tags=("C++", "Python"), limit=2)) == ["Steam", "Kettles"]


def test_authors_without_an_authors_file_are_names() -> None:
    plan = make({"authors": False})[0]
    assert titles(plan, PostsOptions(authors=("Bob",))) == ["Veille", "Kettles"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (PostsOptions(tags=("Pyhton",)), "no published post has the tag 'Pyhton' (did you mean 'Python'?)"),
        (
            PostsOptions(tags=("Python", "Rust")),
            "the tag 'Rust' (known: 'C++', 'Python', 'Veille technologique')",
        ),
        (PostsOptions(categories=("Newz",)), "the category 'Newz' (did you mean 'News'?)"),
        (PostsOptions(authors=("adda",)), "the author 'adda' (did you mean 'ada'?)"),
        (PostsOptions(authors=("Carol",)), "the author 'Carol' (known:"),
        (PostsOptions(year=1999), "no published post is from 1999 (posts are from 2024, 2023)"),
        (PostsOptions(tags=("Sketchy",)), "the tag 'Sketchy'"),
    ],
)
def test_a_name_no_post_has_is_an_error(
    built: tuple[Plan, Views, Renderer], options: PostsOptions, message: str
) -> None:
    with pytest.raises(MarkerError) as err:
        select_posts(built[0], options)
    assert message in str(err.value)


def test_a_draft_only_tag_is_unknown_in_a_build() -> None:
    plan = make(posts=[*POSTS, post("other", "2024-07-01", ("Drafty",), draft=True)])[0]
    with pytest.raises(MarkerError, match="'Drafty'"):
        select_posts(plan, PostsOptions(tags=("Drafty",)))


def test_filtering_by_a_grouping_that_is_off_is_an_error() -> None:
    with pytest.raises(MarkerError, match=r"categories are off \('categories: false'\)"):
        select_posts(make({"categories": False})[0], PostsOptions(categories=("News",)))


def test_the_full_listing_is_the_one_filter_values_page(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    blog = plan.blog

    def listing(options: PostsOptions) -> str:
        return select_posts(plan, options).listing_uri

    slug = blog.tag_by_key["python"].slug
    assert listing(PostsOptions(tags=("Python",), limit=1)) == blog.term_uri("tags", slug)
    assert listing(PostsOptions(categories=("Tea",))) == "blog/category/tea.md"
    assert listing(PostsOptions(year=2024)) == "blog/archive/2024.md"
    assert listing(PostsOptions(authors=("Ada Lovelace",))) == "blog/author/ada.md"
    assert listing(PostsOptions()) == blog.index_uri
    assert listing(PostsOptions(tags=("Python", "C++"))) == blog.index_uri
    assert listing(PostsOptions(tags=("Python",), year=2024)) == blog.index_uri
    # Without author profiles or archives there is no such page: the blog index has them all.
    plain = make({"archive": False})[0]
    assert select_posts(plain, PostsOptions(authors=("ada",))).listing_uri == plain.blog.index_uri
    assert select_posts(plain, PostsOptions(year=2024)).listing_uri == plain.blog.index_uri


# -- which tags --------------------------------------------------------------------------------


def tag_counts(plan: Plan, options: TagsOptions, src_uri: str = "index.md") -> list[tuple[str, int]]:
    return [(f.term.name, f.count) for f in select_tags(plan, options, src_uri)]


def test_tags_with_their_counts_by_name_or_by_count(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    everything = [("C++", 2), ("Python", 2), ("Veille technologique", 1)]
    assert tag_counts(plan, TagsOptions()) == everything
    assert tag_counts(plan, TagsOptions(sort="count", limit=2)) == everything[:2]  # ties stay by name
    more = make(posts=[*POSTS, post("more", "2022-01-01", ("Python",))])[0]
    assert tag_counts(more, TagsOptions(sort="count")) == [
        ("Python", 3),
        ("C++", 2),
        ("Veille technologique", 1),
    ]
    assert tag_counts(more, TagsOptions(limit=1)) == [("C++", 2)]


def test_include_and_exclude_as_material_reads_them(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    assert tag_counts(plan, TagsOptions(include=("python", "C++"))) == [("C++", 2), ("Python", 2)]
    # A post with an excluded tag counts for none of its tags (Kettles: Python and C++).
    assert tag_counts(plan, TagsOptions(exclude=("Python",))) == [("C++", 1), ("Veille technologique", 1)]
    assert tag_counts(plan, TagsOptions(include=("C++",), exclude=("C++",))) == []
    with pytest.raises(MarkerError, match="the tag 'Rust'"):
        select_tags(plan, TagsOptions(exclude=("Rust",)), "index.md")


def test_scope_counts_the_posts_of_the_pages_folder(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    assert tag_counts(plan, TagsOptions(scope=True), "blog/tags.md") == tag_counts(plan, TagsOptions())
    assert tag_counts(plan, TagsOptions(scope=True), "guide/tags.md") == []


# -- the HTML ----------------------------------------------------------------------------------


def run(
    built: tuple[Plan, Views, Renderer], html: str, page_uri: str, page_url: str
) -> tuple[str, list[Problem]]:
    plan, views, renderer = built
    return expand(html, src_uri=page_uri, page_url=page_url, plan=plan, views=views, renderer=renderer)


def entries(html: str) -> list[dict[str, Any]]:
    [feed] = [item for item in mf2py.parse(doc=html)["items"] if "h-feed" in item["type"]]
    return [child for child in feed.get("children", []) if "h-entry" in child["type"]]


def resolves(page_url: str, href: str) -> str:
    """The site-relative URL a relative ``href`` on the page at ``page_url`` points to."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    joined = posixpath.normpath(posixpath.join(folder, href))
    return "" if joined == "." else joined + ("/" if href.endswith("/") else "")


@pytest.mark.parametrize("url", [directory_url, file_url], ids=["directory-urls", "file-urls"])
@pytest.mark.parametrize("page_uri", ["index.md", "guide/deep/page.md", "blog/posts/steam.md"])
@pytest.mark.parametrize("layout", ["cards", "list", "titles"])
def test_posts_are_the_listings_entries_and_links_work_at_any_depth(
    url: Any, page_uri: str, layout: str
) -> None:
    built = make({"authors_profiles": True}, url=url)
    plan = built[0]
    page_url = url(page_uri) if page_uri != "index.md" or url is file_url else ""
    out, problems = run(
        built, f"<p>Before</p>\n<!-- blog-tags:posts {{limit: 3, layout: {layout}}} -->", page_uri, page_url
    )
    assert problems == []
    assert out.startswith("<p>Before</p>\n<div class=")
    found = entries(out)
    assert [e["properties"]["name"][0] for e in found] == NEWEST[:3]
    for entry, src in zip(found, ["steam", "veille", "kettles"], strict=True):
        href = entry["properties"]["url"][0]
        assert resolves(page_url, href) == plan.url_of[f"blog/posts/{src}.md"], (page_url, href)
        assert entry["properties"]["published"][0].startswith("2024-")
    tree = parse_html(out)
    for link in tree.iter("a"):
        href = link.get("href")
        target = resolves(page_url, href).split("#")[0]
        assert target in plan.url_of.values(), (page_url, href)


def test_cards_carry_excerpts_tags_and_escaped_text(built: tuple[Plan, Views, Renderer]) -> None:
    out, _ = run(built, "<!-- blog-tags:posts {tags: C++} -->", "guide/deep/page.md", "guide/deep/page/")
    steam, kettles = entries(out)
    assert steam["properties"]["summary"][0] == "About <steam> & mist"
    assert "About &lt;steam&gt; &amp; mist" in out
    assert kettles["properties"]["category"] == ["Tea", "Python", "C++"]  # its category and tags
    # The excerpt's own link, written for its post, still points next to the post.
    assert '<a href="../../../blog/posts/kettles/">a link</a>' in out


def test_a_rendered_entry_is_reused_and_kept_for_the_listings() -> None:
    plan, views, renderer = make()
    steam = "blog/posts/steam.md"
    views.cards_html[steam] = (
        '<article class="h-entry"><a class="p-name u-url" href="x/">Cached</a></article>'
    )
    out, _ = expand(
        "<!-- blog-tags:posts {limit: 2} -->",
        src_uri="a/b.md",
        page_url="a/b/",
        plan=plan,
        views=views,
        renderer=renderer,
    )
    assert 'href="../../x/">Cached' in out
    assert "blog/posts/veille.md" in views.cards_html  # rendered once, for every page that shows it
    assert views.cards_html["blog/posts/veille.md"] == renderer.render(
        "entry.html", entry=views.entry(plan.posts["blog/posts/veille.md"]), t=plan.settings.strings
    )
    expand(
        "<!-- blog-tags:posts {layout: list, limit: 1} -->",
        src_uri="a.md",
        page_url="a/",
        plan=plan,
        views=views,
        renderer=renderer,
    )
    assert list(views.tag_entries_html) == [steam]


def test_more_links_the_full_listing_by_its_title(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    out, _ = run(
        built,
        "<!-- blog-tags:posts {tags: [Python], limit: 1, more: true} -->",
        "guide/page.md",
        "guide/page/",
    )
    tree = parse_html(out)
    [more] = [a for p in tree.iter("p") if p.get("class") == "blog-tags-more" for a in p.iter("a")]
    assert more.text == "Posts tagged “Python”"
    assert resolves("guide/page/", more.get("href")) == plan.url_of[plan.blog.term_uri("tags", "python")]
    assert [e["properties"]["name"][0] for e in entries(out)] == ["Kettles"]
    out, _ = run(built, "<!-- blog-tags:posts {more: true, limit: 1} -->", "index.md", "")
    assert f'<a href="{plan.url_of[plan.blog.index_uri]}">Blog</a>' in out
    out, _ = run(built, "<!-- blog-tags:posts {limit: 1} -->", "index.md", "")
    assert "blog-tags-more" not in out


def test_no_matching_post_says_so(built: tuple[Plan, Views, Renderer]) -> None:
    out, problems = run(built, "<!-- blog-tags:posts {tags: [C++], categories: [News]} -->", "index.md", "")
    assert problems == []
    assert "No posts yet." in out
    assert entries(out) == []


def test_tags_and_archive_markers_link_each_page(built: tuple[Plan, Views, Renderer]) -> None:
    plan = built[0]
    page_url = "guide/deep/page.html"
    out, problems = run(
        built,
        "<!-- blog-tags:tags {sort: count, limit: 2} -->\n<!-- blog-tags:archive -->\n<!-- material/tags { exclude: [Python] } -->",
        "guide/deep/page.md",
        page_url,
    )
    assert problems == []
    tree = parse_html(out)
    links = [(a.text, a.get("rel"), resolves(page_url, a.get("href"))) for a in tree.iter("a")]
    tag = plan.blog.term_uri
    assert links == [
        ("C++", "tag", plan.url_of[tag("tags", "c-plus-plus")]),
        ("Python", "tag", plan.url_of[tag("tags", "python")]),
        ("2024", None, plan.url_of["blog/archive/2024.md"]),
        ("2023", None, plan.url_of["blog/archive/2023.md"]),
        ("C++", "tag", plan.url_of[tag("tags", "c-plus-plus")]),
        ("Veille technologique", "tag", plan.url_of[tag("tags", "veille-technologique")]),
    ]
    counts = [span.text for span in tree.iter("span") if span.get("class") == "blog-tags-count"]
    assert counts == ["2 posts", "2 posts", "3 posts", "1 post", "1 post", "1 post"]


def test_the_archive_marker_without_archives_is_a_problem() -> None:
    plan, views, renderer = make({"archive": False})
    out, problems = expand(
        "<p>a</p><!-- blog-tags:archive --><p>b</p>",
        src_uri="x.md",
        page_url="x/",
        plan=plan,
        views=views,
        renderer=renderer,
    )
    assert out == "<p>a</p><p>b</p>"
    assert [str(p) for p in problems] == [
        "x.md: '<!-- blog-tags:archive -->': the archive is off ('archive: false'), so there is no archive "
        "to show; the marker shows nothing"
    ]


def test_a_bad_marker_is_replaced_by_nothing_and_named(built: tuple[Plan, Views, Renderer]) -> None:
    html = (
        "<p>a</p>\n<!-- blog-tags:posts {limit: 0} -->\n<!-- blog-tags:posts {tags: [Rust]} -->\n"
        "<!-- blog-tags:posts {limit: 3 -->\n<!-- blog-tags:post -->\n<!-- blog-tags:posts {limit: 1} -->"
    )
    out, problems = run(built, html, "notes/page.md", "notes/page/")
    assert "blog-tags:" not in out
    assert len(entries(out)) == 1
    assert [(p.src_uri, p.field) for p in problems] == [
        ("notes/page.md", "<!-- blog-tags:posts {limit: 0} -->"),
        ("notes/page.md", "<!-- blog-tags:posts {tags: [Rust]} -->"),
        ("notes/page.md", "<!-- blog-tags:posts {limit: 3 -->"),
        ("notes/page.md", "<!-- blog-tags:post -->"),
    ]
    assert all(str(p).endswith("; the marker shows nothing") for p in problems)
    assert str(problems[0]).startswith(
        "notes/page.md: '<!-- blog-tags:posts {limit: 0} -->': 'limit' must be"
    )


def test_a_marker_inside_a_paragraph_leaves_no_block_in_a_paragraph(
    built: tuple[Plan, Views, Renderer],
) -> None:
    out, _ = run(built, "<p>Read <!-- blog-tags:tags --> now</p>", "index.md", "")
    assert out.startswith("<p>Read </p>\n<div class=")
    assert out.endswith("</div>\n<p> now</p>")
    out, _ = run(built, '<p class="x"><!-- blog-tags:tags --></p><p>next</p>', "index.md", "")
    assert out.startswith('<div class="blog-tags') and out.endswith("</div><p>next</p>")
    out, _ = run(built, "<p>a <!-- blog-tags:nope --> b</p>", "index.md", "")
    assert out == "<p>a  b</p>"


def test_markers_in_code_stay_text(built: tuple[Plan, Views, Renderer]) -> None:
    html = "<pre><code>&lt;!-- blog-tags:posts {limit: 3} --&gt;\n</code></pre>"
    assert run(built, html, "index.md", "") == (html, [])


def test_every_marker_of_a_page_is_expanded_in_place(built: tuple[Plan, Views, Renderer]) -> None:
    html = "<h2>New</h2>\n<!-- blog-tags:posts {limit: 1, layout: titles} -->\n<h2>Tags</h2>\n<!-- blog-tags:tags -->\n<p>end</p>"
    out, problems = run(built, html, "index.md", "")
    assert problems == []
    assert (
        out.index("<h2>New</h2>") < out.index("Steam") < out.index("<h2>Tags</h2>") < out.index('rel="tag"')
    )
    assert out.endswith("<p>end</p>")


def test_a_shown_draft_is_marked_in_every_layout() -> None:
    plan, views, renderer = make(command="serve")
    for layout in ("cards", "list", "titles"):
        out, _ = expand(
            f"<!-- blog-tags:posts {{limit: 1, layout: {layout}}} -->",
            src_uri="index.md",
            page_url="",
            plan=plan,
            views=views,
            renderer=renderer,
        )
        assert [e["properties"]["name"][0] for e in entries(out)] == ["Sketch"]
        assert '<span class="blog-tags-draft">Draft</span>' in out, layout
