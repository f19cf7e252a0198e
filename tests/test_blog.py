import datetime as dt

from mkdocs_blog_tags.blog import Layout, build_blog, paginate, sort_posts
from mkdocs_blog_tags.posts import Post

UTC = dt.timezone.utc


def p(uri: str, title: str, day: int | None, tags: tuple[str, ...] = ()) -> Post:
    date = dt.datetime(2024, 1, day, tzinfo=UTC) if day else None
    return Post(src_uri=uri, title=title, date=date, tags=tags)


def test_sort_newest_first_ties_by_title_then_path_undated_last() -> None:
    posts = [
        p("blog/d.md", "Undated", None),
        p("blog/b.md", "Beta", 5),
        p("blog/a2.md", "Alpha", 5),
        p("blog/a1.md", "Alpha", 5),
        p("blog/c.md", "Gamma", 9),
    ]
    assert [x.src_uri for x in sort_posts(posts)] == [
        "blog/c.md",
        "blog/a1.md",
        "blog/a2.md",
        "blog/b.md",
        "blog/d.md",
    ]


def test_aware_datetimes_with_offsets_sort_by_instant() -> None:
    early = Post("blog/x.md", "X", dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=5))))
    late = Post("blog/y.md", "Y", dt.datetime(2024, 1, 1, 10, tzinfo=UTC))
    assert [q.title for q in sort_posts([early, late])] == ["Y", "X"]


def test_paginate() -> None:
    items = [p(f"blog/{i}.md", str(i), 1) for i in range(25)]
    pages = paginate(items, 10)
    assert [len(x) for x in pages] == [10, 10, 5]
    assert [q for page in pages for q in page] == items
    assert paginate(items, 0) == [tuple(items)]
    assert paginate([], 10) == [()]


def test_blog_model_listings_and_tags() -> None:
    posts = [
        p(f"blog/{i:02}.md", f"Post {i:02}", i + 1, ("Python",) if i % 2 else ("python", "C#"))
        for i in range(23)
    ]
    blog = build_blog(posts, per_page=10)
    index = [li for li in blog.listings if li.kind == "index"]
    assert [li.src_uri for li in index] == ["blog/index.md", "blog/page/2/index.md", "blog/page/3/index.md"]
    assert index[0].newer_uri is None and index[0].older_uri == "blog/page/2/index.md"
    assert index[1].newer_uri == "blog/index.md" and index[2].older_uri is None
    # One tag for both spellings; the spelling of the oldest post wins.
    assert [t.name for t in blog.tags] == ["C#", "python"]
    python = blog.tag_by_key["python"]
    assert python.count == 23
    assert blog.posts_by_tag[python.slug][0].src_uri == "blog/22.md"
    # A tag's posts are on one page unless tag_per_page says otherwise.
    tag_pages = [li for li in blog.listings if li.tag == python]
    assert [(li.src_uri, len(li.posts)) for li in tag_pages] == [("blog/tags/python/index.md", 23)]
    paged = build_blog(posts, per_page=10, tag_per_page=10)
    assert [li.src_uri for li in paged.listings if li.tag == python] == [
        "blog/tags/python/index.md",
        "blog/tags/python/page/2/index.md",
        "blog/tags/python/page/3/index.md",
    ]
    assert blog.tags_index_uri == "blog/tags/index.md"


def test_layout_at_site_root() -> None:
    layout = Layout(blog_dir=".", tags_dir="t", page_dir="p")
    assert layout.index_uri() == "index.md"
    assert layout.index_uri(2) == "p/2/index.md"
    assert layout.tag_uri("c", 3) == "t/c/p/3/index.md"
