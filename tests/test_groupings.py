"""Categories, archives, authors, pinned posts and readtime, tested on the core without a MkDocs build.

Every test reads what the core decides (slugs, paths, orders, problems) or what it renders
(an overview's HTML, a feed's XML), from plain `Post`s and `Settings`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import feedparser
import pytest
from conftest import directory_url as url_of
from conftest import parse_html, settings

from mkdocs_blog_tags.authors import Author
from mkdocs_blog_tags.config import BlogTagsConfig, Settings, _SortBy
from mkdocs_blog_tags.feeds import feed_files
from mkdocs_blog_tags.groupings import grouping_problems
from mkdocs_blog_tags.permalinks import post_path
from mkdocs_blog_tags.plan import (
    Plan,
    collision_message,
    generated_pages,
    make_blog,
    make_plan,
    relocate,
    select_posts,
)
from mkdocs_blog_tags.plugin import BlogTagsPlugin
from mkdocs_blog_tags.posts import Post, read_post
from mkdocs_blog_tags.render import Renderer
from mkdocs_blog_tags.views import Views

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 1, tzinfo=UTC)


def post(name: str, date: dt.datetime | str | None, **fields: Any) -> Post:
    if isinstance(date, str):
        date = dt.datetime.fromisoformat(date).replace(tzinfo=UTC)
    return Post(f"blog/posts/{name}.md", name.title(), date, **fields)


def plan_for(
    posts: list[Post], options: Mapping[str, Any] | None = None, people: Mapping[str, Author] | None = None
) -> Plan:
    s = settings(options)
    selection = select_posts([(p.src_uri, p) for p in posts], NOW, s.show_drafts)
    blog = make_blog(s, selection.published, people)
    uris = [*(p.src_uri for p in selection.published), *blog.page_uris()]
    return make_plan(s, blog, selection, {u: url_of(u) for u in uris}, lambda _: None, people=people)


def listing_posts(plan_or_blog: Any, src_uri: str) -> list[str]:
    blog = getattr(plan_or_blog, "blog", plan_or_blog)
    found = [listing for listing in blog.listings if listing.src_uri == src_uri]
    assert len(found) == 1, [listing.src_uri for listing in blog.listings]
    return [p.src_uri.removeprefix("blog/posts/").removesuffix(".md") for p in found[0].posts]


def category_pages(blog: Any) -> dict[str, str]:
    """Category name -> src_uri of its first page."""
    return {
        listing.term.name: listing.src_uri
        for listing in blog.listings
        if listing.kind == "category" and listing.number == 1
    }


def overview_names(plan: Plan, src_uri: str) -> list[str]:
    """The term names an overview page links to, in order, read from its rendered HTML."""
    views = Views.of(plan, {})
    html = Renderer(()).generated_page(
        plan, views, src_uri, url_of(src_uri), title=plan.page_titles[src_uri], intro_html=""
    )
    found = [ul for ul in parse_html(html).iter("ul") if "blog-tags-terms" in (ul.get("class") or "").split()]
    assert len(found) == 1, html
    terms = found[0]
    return ["".join(a.itertext()) for a in terms.iter("a")]


# -- category slugs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "separator", "slug"),
    [
        ("Slow Living", "-", "slow-living"),
        ("Thé", "-", "thé"),
        ("Tea", "-", "tea"),
        ("Slow Living", "_", "slow_living"),
        ("Deep Dives & More", "-", "deep-dives--more"),  # Material's: "&" dropped, both spaces kept
        ("Ça va?", "-", "ça-va"),
        ("日本語", "-", "日本語"),
    ],
)
def test_category_slugs_are_materials(name: str, separator: str, slug: str) -> None:
    s = settings({"categories_slugify_separator": separator})
    blog = make_blog(s, [post("a", "2024-01-01", categories=(name,))])
    term = blog.taxonomies["categories"].term_by_key[name.casefold()]
    assert (term.name, term.slug) == (name, slug)
    assert category_pages(blog) == {name: f"blog/category/{slug}.md"}
    assert blog.taxonomies["categories"].collisions == ()


@pytest.mark.parametrize(("older", "newer"), [("C++", "C#"), ("C#", "C++")])
def test_c_plus_plus_and_c_sharp_share_materials_slug_and_the_older_category_keeps_it(
    older: str, newer: str
) -> None:
    s = settings()
    posts = [
        post("new", "2024-06-01", categories=(newer,)),
        post("old", "2024-01-01", categories=(older,)),
    ]
    blog = make_blog(s, posts)
    assert category_pages(blog) == {older: "blog/category/c.md", newer: "blog/category/c-2.md"}
    assert listing_posts(blog, "blog/category/c.md") == ["old"]
    assert listing_posts(blog, "blog/category/c-2.md") == ["new"]
    taxonomy = blog.taxonomies["categories"]
    assert len(taxonomy.collisions) == 1
    collision = taxonomy.collisions[0]
    assert collision.slug == "c"
    assert collision.assigned == ((older, "c"), (newer, "c-2"))
    message = collision_message(taxonomy, collision)
    assert f"'{older}'" in message and f"'{newer}'" in message
    assert "'c'" in message and "category_slugs" in message
    # Alone, the newer category has the plain slug: a slug depends only on older categories.
    alone = make_blog(s, posts[:1])
    assert category_pages(alone) == {newer: "blog/category/c.md"}


def test_category_slugs_option_chooses_slugs_case_insensitively() -> None:
    s = settings({"category_slugs": {"c#": "csharp", "C++": "cpp"}})
    blog = make_blog(
        s,
        [post("a", "2024-01-01", categories=("C++",)), post("b", "2024-02-01", categories=("C#", "Tea"))],
    )
    assert category_pages(blog) == {
        "C#": "blog/category/csharp.md",
        "C++": "blog/category/cpp.md",
        "Tea": "blog/category/tea.md",
    }
    assert blog.taxonomies["categories"].collisions == ()


def test_categories_allowed_names_the_file_field_and_value_and_keeps_the_post() -> None:
    s = settings({"categories_allowed": ["Tea", "Coffee"]})
    posts = [
        post("a", "2024-01-01", categories=("tea", "Cofee")),
        post("b", "2024-02-01", categories=("Politics",)),
        post("c", "2024-03-01", categories=("Coffee",)),
    ]
    problems = grouping_problems(s, posts, None)
    assert [(p.src_uri, p.field) for p in problems] == [
        ("blog/posts/a.md", "categories"),
        ("blog/posts/b.md", "categories"),
    ]
    assert "'Cofee' is not in 'categories_allowed'" in problems[0].message
    assert "did you mean 'Coffee'?" in problems[0].message
    assert "'Politics'" in problems[1].message
    assert str(problems[1]).startswith("blog/posts/b.md: 'categories': ")
    assert not any(p.fatal for p in problems)
    # Still published, and listed under the category it names.
    blog = make_blog(s, posts)
    assert [p.src_uri for p in blog.posts] == ["blog/posts/c.md", "blog/posts/b.md", "blog/posts/a.md"]
    assert listing_posts(blog, "blog/category/politics.md") == ["b"]
    assert listing_posts(blog, "blog/category/cofee.md") == ["a"]
    # Without the option any category is allowed.
    assert grouping_problems(settings(), posts, None) == []


def test_without_categories_there_is_no_categories_overview() -> None:
    s = settings()
    blog = make_blog(s, [post("a", "2024-01-01", tags=("T",))])
    assert "categories" in blog.taxonomies
    assert "blog/category/index.md" not in blog.page_uris()
    assert not [listing for listing in blog.listings if listing.kind == "category"]
    assert list(blog.overviews().values()) == ["tags", "archive"]
    with_one = make_blog(s, [post("a", "2024-01-01", categories=("Tea",))])
    assert with_one.overviews()["blog/category/index.md"] == "categories"
    off = make_blog(settings({"categories": False}), [post("a", "2024-01-01", categories=("Tea",))])
    assert "categories" not in off.taxonomies
    assert not any(uri.startswith("blog/category/") for uri in off.page_uris())


# -- archives ------------------------------------------------------------------------------------


def test_archive_years_newest_first_and_undated_posts_in_none() -> None:
    s = settings()
    posts = [
        post("y2022", "2022-07-01"),
        post("y2024a", "2024-01-05"),
        post("y2023", "2023-03-01"),
        post("y2024b", "2024-11-20"),
        post("undated", None),
    ]
    blog = make_blog(s, posts)
    archive = blog.taxonomies["archive"]
    assert [(t.name, t.slug, t.count) for t in archive.terms] == [
        ("2024", "2024", 2),
        ("2023", "2023", 1),
        ("2022", "2022", 1),
    ]
    pages = [listing.src_uri for listing in blog.listings if listing.kind == "archive"]
    assert pages == ["blog/archive/2024.md", "blog/archive/2023.md", "blog/archive/2022.md"]
    assert listing_posts(blog, "blog/archive/2024.md") == ["y2024b", "y2024a"]
    archived = [p for listing in blog.listings if listing.kind == "archive" for p in listing.posts]
    assert "blog/posts/undated.md" not in {p.src_uri for p in archived}
    assert listing_posts(blog, "blog/index.md")[-1] == "undated"  # on the index, after the dated posts
    assert "blog/archive/index.md" in blog.overviews()


def test_month_archives_with_material_formats_in_french() -> None:
    options = {"archive_url_date_format": "yyyy/MM", "archive_date_format": "MMMM yyyy"}
    s = settings(options, theme={"language": "fr"})
    late_may = dt.datetime(2024, 5, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-2)))  # June in UTC
    posts = [
        post("may", "2024-05-02"),
        post("late-may", late_may),
        post("feb", "2024-02-10"),
        post("dec", "2023-12-24"),
    ]
    blog = make_blog(s, posts)
    terms = blog.taxonomies["archive"].terms
    assert [(t.name, t.slug) for t in terms] == [
        ("mai 2024", "2024/05"),
        ("février 2024", "2024/02"),
        ("décembre 2023", "2023/12"),
    ]
    pages = {p.src_uri: p.title for p in generated_pages(s, blog) if p.src_uri.startswith("blog/archive/")}
    assert pages == {
        "blog/archive/2024/05.md": "mai 2024",
        "blog/archive/2024/02.md": "février 2024",
        "blog/archive/2023/12.md": "décembre 2023",
        "blog/archive/index.md": "Archives",
    }
    assert listing_posts(blog, "blog/archive/2024/05.md") == ["late-may", "may"]


def test_archive_name_and_categories_name_title_the_overviews() -> None:
    posts = [post("a", "2024-01-01", categories=("Tea",))]
    s = settings({"archive_name": "Old posts", "categories_name": "Topics"})
    titles = {p.src_uri: p.title for p in generated_pages(s, make_blog(s, posts))}
    assert titles["blog/archive/index.md"] == "Old posts"
    assert titles["blog/category/index.md"] == "Topics"
    # Material's translation keys mean the default words.
    s = settings({"archive_name": "blog.archive", "categories_name": "blog.categories"})
    titles = {p.src_uri: p.title for p in generated_pages(s, make_blog(s, posts))}
    assert (titles["blog/archive/index.md"], titles["blog/category/index.md"]) == ("Archive", "Categories")


# -- pagination ----------------------------------------------------------------------------------

FIVE_TEA = [post(f"p{i}", f"2024-01-{i:02d}", categories=("Tea",), authors=("ada",)) for i in range(1, 6)]


def _pages(blog: Any, kind: str) -> list[tuple[str, int, list[str]]]:
    return [
        (listing.src_uri, listing.count, listing_posts(blog, listing.src_uri))
        for listing in blog.listings
        if listing.kind == kind
    ]


def test_pagination_false_makes_every_listing_one_page() -> None:
    options = {
        "per_page": 2,
        "pagination": False,
        "authors_profiles": True,
        "categories_pagination_per_page": 2,
    }
    s = settings(options)
    assert (s.per_page, s.groupings.categories_per_page, s.groupings.archive_per_page) == (0, 0, 0)
    blog = make_blog(s, FIVE_TEA)
    assert all(listing.count == 1 for listing in blog.listings)
    assert _pages(blog, "index") == [("blog/index.md", 1, ["p5", "p4", "p3", "p2", "p1"])]
    assert _pages(blog, "category") == [("blog/category/tea.md", 1, ["p5", "p4", "p3", "p2", "p1"])]
    assert _pages(blog, "author") == [("blog/author/ada.md", 1, ["p5", "p4", "p3", "p2", "p1"])]


def test_categories_pagination_per_page_splits_only_category_pages() -> None:
    s = settings({"categories_pagination_per_page": 2, "authors_profiles": True})
    blog = make_blog(s, FIVE_TEA)
    assert _pages(blog, "category") == [
        ("blog/category/tea.md", 3, ["p5", "p4"]),
        ("blog/category/tea/page/2.md", 3, ["p3", "p2"]),
        ("blog/category/tea/page/3.md", 3, ["p1"]),
    ]
    second = next(li for li in blog.listings if li.src_uri == "blog/category/tea/page/2.md")
    assert (second.newer_uri, second.older_uri) == ("blog/category/tea.md", "blog/category/tea/page/3.md")
    assert _pages(blog, "index") == [("blog/index.md", 1, ["p5", "p4", "p3", "p2", "p1"])]
    assert _pages(blog, "archive") == [("blog/archive/2024.md", 1, ["p5", "p4", "p3", "p2", "p1"])]
    assert _pages(blog, "author") == [("blog/author/ada.md", 1, ["p5", "p4", "p3", "p2", "p1"])]
    # Material's own switch of the category pages.
    unsplit = make_blog(settings({"per_page": 2, "categories_pagination": False}), FIVE_TEA)
    assert _pages(unsplit, "category") == [("blog/category/tea.md", 1, ["p5", "p4", "p3", "p2", "p1"])]
    assert len(_pages(unsplit, "index")) == 3


def test_categories_pagination_true_paginates_even_when_pagination_is_false() -> None:
    s = settings({"pagination": False, "categories_pagination": True, "pagination_per_page": 2})
    assert s.per_page == 0
    assert s.groupings.categories_per_page == 2


# -- authors -------------------------------------------------------------------------------------

PEOPLE = {
    "ada": Author("ada", "Ada Lovelace", slug="ada-l", url="https://ada.example/"),
    "bob": Author("bob", "Bob"),
}


def test_author_profiles_are_at_author_slug_or_id() -> None:
    s = settings({"authors_profiles": True})
    posts = [post("a", "2024-01-01", authors=("ada",)), post("b", "2024-02-01", authors=("bob", "ada"))]
    blog = make_blog(s, posts, PEOPLE)
    pages = {p.src_uri: p.title for p in generated_pages(s, blog) if p.src_uri.startswith("blog/author/")}
    assert pages == {
        "blog/author/ada-l.md": "Ada Lovelace",
        "blog/author/bob.md": "Bob",
        "blog/author/index.md": "Authors",
    }
    assert listing_posts(blog, "blog/author/ada-l.md") == ["b", "a"]
    assert [a.name for a in blog.authors_of(blog.posts[0])] == ["Bob", "Ada Lovelace"]
    # Profiles are off by default (Material's default): no author pages at all.
    default = make_blog(settings(), posts, PEOPLE)
    assert not any(uri.startswith("blog/author/") for uri in default.page_uris())
    assert [a.name for a in default.authors_of(default.posts[0])] == ["Bob", "Ada Lovelace"]


def test_credits_link_the_authors_own_url_else_their_profile() -> None:
    posts = [post("a", "2024-01-01", authors=("ada", "bob", "zed"))]
    plan = plan_for(posts, {"authors_profiles": True}, PEOPLE)
    credits = [(c.name, c.url) for c in plan.credits(plan.posts["blog/posts/a.md"])]
    assert credits == [
        ("Ada Lovelace", "https://ada.example/"),
        ("Bob", "https://example.org/blog/author/bob/"),
        ("zed", "https://example.org/blog/author/zed/"),
    ]
    problems = grouping_problems(plan.settings, posts, PEOPLE)
    assert [(p.src_uri, p.field) for p in problems] == [("blog/posts/a.md", "authors")]
    assert "'zed' is not an author id" in problems[0].message
    no_profiles = plan_for(posts, {}, PEOPLE)
    assert [c.url for c in no_profiles.credits(no_profiles.posts["blog/posts/a.md"])] == [
        "https://ada.example/",
        None,
        None,
    ]


def test_an_author_slug_cannot_lead_out_of_the_blog() -> None:
    s = settings({"authors_profiles": True})
    people = {"x": Author("x", "X", slug="../../index")}
    blog = make_blog(s, [post("a", "2024-01-01", authors=("x",))], people)
    assert all(uri.startswith("blog/") for uri in blog.page_uris()), blog.page_uris()


@pytest.mark.parametrize(
    ("fields", "overview"),
    [
        ({"categories": ("Index",)}, "blog/category/index.md"),
        ({"authors": ("index",)}, "blog/author/index.md"),
    ],
)
def test_a_term_named_index_does_not_take_its_overviews_page(fields: dict[str, Any], overview: str) -> None:
    s = settings({"authors_profiles": True})
    blog = make_blog(s, [post("a", "2024-01-01", **fields)])
    uris = blog.page_uris()
    assert len(uris) == len(set(uris)), uris
    assert overview in blog.overviews()
    assert overview not in {listing.src_uri for listing in blog.listings}


# -- pinned posts --------------------------------------------------------------------------------


def test_pinned_posts_lead_listings_but_not_tag_pages_and_feeds_stay_by_date() -> None:
    common = {"tags": ("T",), "categories": ("Tea",), "authors": ("ada",)}
    posts = [
        post("old", "2024-01-01", **common),
        post("pinned", "2024-01-02", pin=True, **common),
        post("new", "2024-01-03", **common),
    ]
    plan = plan_for(posts, {"authors_profiles": True}, PEOPLE)
    for uri in ("blog/index.md", "blog/category/tea.md", "blog/archive/2024.md", "blog/author/ada-l.md"):
        assert listing_posts(plan, uri) == ["pinned", "new", "old"], uri
    assert listing_posts(plan, "blog/tags/t/index.md") == ["new", "pinned", "old"]
    files = {f.path: f.content for f in feed_files(plan, {}, {})}
    for path in ("blog/feed.xml", "blog/category/tea/feed.xml", "blog/tags/t/atom.xml"):
        parsed = feedparser.parse(files[path])
        assert not parsed.bozo, path
        assert [e.title for e in parsed.entries] == ["New", "Pinned", "Old"], path
    # Two pinned posts: both first, newest first.
    two = make_blog(settings(), [*posts, post("older-pin", "2023-06-01", pin=True, **common)])
    assert listing_posts(two, "blog/category/tea.md") == ["pinned", "older-pin", "new", "old"]


def test_pin_and_readtime_are_read_from_front_matter() -> None:
    body = "word " * 2000  # 8 minutes at 265 words a minute
    given, problems = read_post(
        "blog/posts/x.md", f"---\ndate: 2024-01-01\nreadtime: 7\npin: true\n---\n{body}"
    )
    assert problems == []
    assert given is not None and (given.reading_time, given.pin) == (7, True)
    quoted, _ = read_post("blog/posts/x.md", f"---\ndate: 2024-01-01\nreadtime: '12'\n---\n{body}")
    assert quoted is not None and quoted.reading_time == 12
    computed, _ = read_post("blog/posts/x.md", f"---\ndate: 2024-01-01\n---\n{body}")
    assert computed is not None and (computed.reading_time, computed.pin) == (8, False)


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ("pin: maybe", "pin", "expected true or false, got 'maybe'"),
        ("readtime: soon", "readtime", "expected a whole number of minutes, got 'soon'"),
        ("readtime: 0", "readtime", "expected a whole number of minutes, got 0"),
        ("categories: {a: b}", "categories", "got dict"),
        ("categories: [[a]]", "categories", "expected each category to be text"),
        ("authors: {x: 1}", "authors", "expected a list of authors, got dict"),
    ],
)
def test_bad_grouping_fields_are_problems_of_the_post(line: str, field: str, expected: str) -> None:
    found, problems = read_post("blog/posts/x.md", f"---\ntitle: X\ndate: 2024-01-01\n{line}\n---\nText\n")
    assert found is not None and found.title == "X"
    assert [(p.src_uri, p.field) for p in problems] == [("blog/posts/x.md", field)]
    assert expected in problems[0].message
    assert not problems[0].fatal


def test_a_bad_categories_value_is_worded_in_english() -> None:
    _, problems = read_post("blog/posts/x.md", "---\ndate: 2024-01-01\ncategories: {a: b}\n---\nText\n")
    assert problems and "categorys" not in problems[0].message
    assert "expected a list of categories" in problems[0].message


@pytest.mark.parametrize("value", ["5", "true", "2024-01-01"])
def test_a_categories_value_that_is_no_text_nor_list_is_reported(value: str) -> None:
    found, problems = read_post("blog/posts/x.md", f"---\ndate: 2024-01-01\ncategories: {value}\n---\nText\n")
    assert found is not None
    assert [(p.src_uri, p.field) for p in problems] == [("blog/posts/x.md", "categories")]


# -- the order of the categories -----------------------------------------------------------------

COUNTED = [
    post("t1", "2024-01-01", categories=("Tea", "Milk")),
    post("t2", "2024-01-02", categories=("Tea", "Apple")),
    post("t3", "2024-01-03", categories=("Tea", "Coffee", "Milk", "Apple")),
]  # Tea 3, Apple 2, Milk 2, Coffee 1


@pytest.mark.parametrize(
    ("options", "order"),
    [
        ({}, ["Apple", "Coffee", "Milk", "Tea"]),
        ({"categories_sort_reverse": True}, ["Tea", "Milk", "Coffee", "Apple"]),
        ({"categories_sort_by": "count"}, ["Tea", "Apple", "Milk", "Coffee"]),  # most first, ties by name
        (  # fewest first; ties stay by name, as with Material's stable sort
            {"categories_sort_by": "count", "categories_sort_reverse": True},
            ["Coffee", "Apple", "Milk", "Tea"],
        ),
    ],
)
def test_categories_sort_by_and_sort_reverse_order_the_overview(
    options: dict[str, Any], order: list[str]
) -> None:
    plan = plan_for(COUNTED, options)
    assert [t.name for t in plan.blog.taxonomies["categories"].terms] == order
    assert overview_names(plan, "blog/category/index.md") == order
    assert list(category_pages(plan.blog)) == order


def view_post_count(view: Any) -> int:
    """Stands for ``!!python/name:material.plugins.blog.view_post_count``."""
    return len(view.posts)


def view_name(view: Any) -> str:
    return str(view.name)


def test_materials_sort_functions_are_accepted_by_name() -> None:
    option = _SortBy()
    # Material's count sorts fewest first: it is read as "fewest", never as "count" (most first).
    assert option.run_validation(view_post_count) == "fewest"
    assert option.run_validation(view_name) == "name"
    assert option.run_validation("count") == "count"
    assert settings({"categories_sort_by": view_post_count}).groupings.categories_sort == "fewest"
    assert "categories_sort_by" in BlogTagsConfig().keys()  # noqa: SIM118 -- a Config, not a dict

    def len_of(view: Any) -> int:
        return 0

    for bad in (len_of, "size", 3, None):
        errors, _ = BlogTagsPlugin().load_config({"categories_sort_by": bad})
        assert [name for name, _ in errors] == ["categories_sort_by"], bad
        assert "Expected 'name', 'count' or 'fewest'" in str(errors[0][1])


@pytest.mark.parametrize(
    ("reverse", "order"),
    [(True, ["Tea", "Apple", "Milk", "Coffee"]), (False, ["Coffee", "Apple", "Milk", "Tea"])],
)
def test_materials_view_post_count_keeps_materials_order(reverse: bool, order: list[str]) -> None:
    # Material: sorted(sorted(views, key=view_name), key=view_post_count, reverse=reverse).
    plan = plan_for(COUNTED, {"categories_sort_by": view_post_count, "categories_sort_reverse": reverse})
    assert [t.name for t in plan.blog.taxonomies["categories"].terms] == order


# -- feeds of categories, none of archives and authors --------------------------------------------


def test_each_category_has_its_own_feeds_and_archives_and_authors_none() -> None:
    posts = [
        post("a", "2024-01-01", categories=("Tea", "Slow Living"), authors=("ada",)),
        post("b", "2024-02-01", categories=("Tea",), authors=("bob",)),
    ]
    plan = plan_for(posts, {"authors_profiles": True}, PEOPLE)
    assert sorted(k for k in plan.feeds if k is not None) == [
        ("categories", "slow-living"),
        ("categories", "tea"),
    ]
    assert dict(plan.feeds[("categories", "tea")].paths) == {
        "rss": "blog/category/tea/feed.xml",
        "atom": "blog/category/tea/atom.xml",
    }
    files = {f.path: f.content for f in feed_files(plan, {}, {})}
    tea = feedparser.parse(files["blog/category/tea/atom.xml"])
    assert [e.link for e in tea.entries] == [
        "https://example.org/blog/posts/b/",
        "https://example.org/blog/posts/a/",
    ]
    assert tea.feed.title == "Site – Tea"
    slow = feedparser.parse(files["blog/category/slow-living/feed.xml"])
    assert [e.title for e in slow.entries] == ["A"]
    links = plan.head_links("blog/category/tea.md", "blog/category/tea/")
    assert [(link.rel, link.href) for link in links if link.rel == "alternate"] == [
        ("alternate", "feed.xml"),
        ("alternate", "atom.xml"),
    ]
    no_feeds = plan_for(posts, {"feeds": {"categories": False}})
    assert list(no_feeds.feeds) == [None]


def test_categories_in_post_urls_use_the_categories_separator() -> None:
    s: Settings = settings({"post_url_format": "{categories}/{slug}", "categories_slugify_separator": "_"})
    p = post("a", "2024-01-01", categories=("Slow Living",))
    assert category_pages(make_blog(s, [p])) == {"Slow Living": "blog/category/slow_living.md"}
    assert post_path(p, "{categories}/{slug}", s) == "blog/slow_living/a.md"


def test_an_explicit_category_slug_is_the_same_in_post_urls_and_on_the_category_page() -> None:
    s = settings({"post_url_format": "{categories}/{slug}", "category_slugs": {"Slow Living": "My Cat"}})
    p = post("a", "2024-01-01", categories=("Slow Living",))
    assert category_pages(make_blog(s, [p])) == {"Slow Living": "blog/category/my-cat.md"}
    assert post_path(p, "{categories}/{slug}", s) == "blog/my-cat/a.md"


def test_a_users_page_at_a_category_pages_path_keeps_it_and_the_category_moves_beside_it() -> None:
    s = settings()
    blog = make_blog(s, [post("a", "2024-01-01", categories=("CSharp",))])
    # The user's blog/category/csharp/index.md and blog/category/csharp.md publish at the same URL.
    taken = {"blog/category/csharp.md": "blog/category/csharp/index.md"}
    moved, problems = relocate(blog, taken.get)
    assert moved.moved == {"blog/category/csharp.md": "blog/category/csharp/index.md"}  # its intro
    assert problems == []
    taken = {"blog/category/csharp.md": "blog/category/csharp.html.md"}  # any other file there
    moved, problems = relocate(blog, taken.get)
    assert moved.moved == {"blog/category/csharp.md": "blog/category/csharp-2.md"}
    assert problems == [
        "blog/category/csharp.html.md is published at blog/category/csharp/, where the page of 'CSharp' would "
        "be; that page moves to blog/category/csharp-2/. Rename or move blog/category/csharp.html.md to keep "
        "the usual address."
    ]


def test_a_term_that_cannot_take_its_slug_is_named_alone() -> None:
    blog = make_blog(settings(), [post("a", "2024-01-01", categories=("Index",))])
    (collision,) = blog.taxonomies["categories"].collisions
    assert collision_message(blog.taxonomies["categories"], collision) == (
        "categories: 'Index' cannot have the slug 'index', which is taken; it gets 'index-2'. "
        "Choose slugs with the 'category_slugs' option to silence this."
    )


@pytest.mark.parametrize("value", ["people", "people/{page}"])
def test_an_author_url_format_needs_the_slug_or_the_name(value: str) -> None:
    errors, _ = BlogTagsPlugin().load_config({"authors_profiles_url_format": value})
    assert [name for name, _ in errors] == ["authors_profiles_url_format"]
    assert "{slug} or {name}" in str(errors[0][1]) or "unknown placeholder {page}" in str(errors[0][1])
