"""Post navigation (issue 16): newer and older neighbours, related posts, and the post footer.

Related posts are checked against a brute-force pairwise reference on random small blogs, and
the cap on large terms against a reference that picks each large term's nearest posts by sorting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import html5lib
import jinja2
import mf2py
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_blog_tags.blog import Blog, build_blog, tags_spec
from mkdocs_blog_tags.config import Groupings
from mkdocs_blog_tags.groupings import categories_spec
from mkdocs_blog_tags.neighbours import (
    _UNDATED,
    Neighbours,
    _window,
    neighbours,
    neighbours_of,
    post_terms,
    related,
    related_posts,
)
from mkdocs_blog_tags.posts import Post

UTC = dt.timezone.utc
FAR = float("inf")


def day(n: int | None, hour: int = 0) -> dt.datetime | None:
    return None if n is None else dt.datetime(2024, 1, 1, hour, tzinfo=UTC) + dt.timedelta(days=n)


def post(
    name: str,
    when: int | None,
    tags: Sequence[str] = (),
    categories: Sequence[str] = (),
    title: str | None = None,
    hour: int = 0,
) -> Post:
    return Post(
        src_uri=f"blog/posts/{name}.md",
        title=title or name,
        date=day(when, hour),
        tags=tuple(tags),
        categories=tuple(categories),
    )


def blog_of(posts: Iterable[Post]) -> Blog:
    return build_blog(posts, taxonomies=[tags_spec(), categories_spec(Groupings())])


def names(found: Iterable[Post | None]) -> list[str | None]:
    return [None if p is None else p.src_uri.removeprefix("blog/posts/").removesuffix(".md") for p in found]


def related_names(blog: Blog, **options: Any) -> dict[str, list[str | None]]:
    return {
        uri.removeprefix("blog/posts/").removesuffix(".md"): names(found)
        for uri, found in related(blog, **options).items()
    }


# --- references ------------------------------------------------------------------------------------


def stamp(p: Post) -> int | None:
    return (
        None
        if p.date is None
        else (p.date - dt.datetime(1970, 1, 1, tzinfo=UTC)) // dt.timedelta(microseconds=1)
    )


def gap(a: Post, b: Post) -> float:
    sa, sb = stamp(a), stamp(b)
    return FAR if sa is None or sb is None else abs(sa - sb)


def brute_related(
    posts: Sequence[Post], terms_of: Mapping[str, Iterable[Hashable]], limit: int
) -> dict[str, tuple[Post, ...]]:
    """O(n²): every pair, ranked by shared terms, nearest date, src_uri; no post without a shared term."""
    terms = {p.src_uri: set(terms_of.get(p.src_uri, ())) for p in posts}
    out = {}
    for p in posts:
        scored = [
            (-len(terms[p.src_uri] & terms[q.src_uri]), gap(p, q), q.src_uri, q)
            for q in posts
            if q.src_uri != p.src_uri and terms[p.src_uri] & terms[q.src_uri]
        ]
        scored.sort(key=lambda s: s[:3])
        out[p.src_uri] = tuple(s[3] for s in scored[:limit]) if limit > 0 else ()
    return out


def nearest_by_sorting(members: Sequence[Post], at: int, k: int) -> set[str]:
    """The k posts of a term nearest in date to ``members[at]`` (newest first); on a tie the newer side,
    then the one nearer in the term's order: the rule the two-pointer walk follows."""
    me = members[at]
    others = [
        (gap(me, q), 0 if i < at else 1, abs(i - at), q.src_uri) for i, q in enumerate(members) if i != at
    ]
    return {o[3] for o in sorted(others)[:k]}


def capped_related(
    posts: Sequence[Post], terms_of: Mapping[str, Iterable[Hashable]], limit: int, cap: int
) -> dict[str, tuple[Post, ...]]:
    """The capped ranking, slowly: a large term brings in only its cap nearest posts; counts stay exact."""
    terms = {p.src_uri: set(terms_of.get(p.src_uri, ())) for p in posts}
    members: dict[Hashable, list[Post]] = {}
    for p in posts:  # newest first
        for term in terms[p.src_uri]:
            members.setdefault(term, []).append(p)
    out = {}
    for p in posts:
        candidates: set[str] = set()
        for term in terms[p.src_uri]:
            found = members[term]
            if len(found) > cap:
                candidates |= nearest_by_sorting(found, found.index(p), cap)
            else:
                candidates |= {q.src_uri for q in found}
        candidates.discard(p.src_uri)
        scored = sorted(
            (-len(terms[p.src_uri] & terms[q.src_uri]), gap(p, q), q.src_uri, q)
            for q in posts
            if q.src_uri in candidates
        )
        out[p.src_uri] = tuple(s[3] for s in scored[:limit])
    return out


# --- neighbours --------------------------------------------------------------------------------------


def test_neighbours_follow_the_index_order_newer_is_previous() -> None:
    blog = blog_of([post("old", 1), post("new", 9), post("mid", 5), post("undated", None)])
    found = neighbours(blog)
    assert names(found["blog/posts/new.md"]) == [None, "mid"]
    assert names(found["blog/posts/mid.md"]) == ["new", "old"]
    # Undated posts come after the oldest dated one, as on the index.
    assert names(found["blog/posts/old.md"]) == ["mid", "undated"]
    assert names(found["blog/posts/undated.md"]) == ["old", None]
    mid = found["blog/posts/mid.md"]
    assert mid.previous is mid.newer and mid.next is mid.older
    assert names([mid.previous, mid.next]) == ["new", "old"]


def test_neighbours_of_equal_dates_follow_the_index_ties_title_then_path() -> None:
    posts = [
        post("b", 3, title="Beta"),
        post("a2", 3, title="Alpha"),
        post("a1", 3, title="Alpha"),
        post("u2", None, title="Zed"),
        post("u1", None, title="Ant"),
    ]
    blog = blog_of(posts)
    assert names(blog.posts) == ["a1", "a2", "b", "u1", "u2"]
    found = neighbours(blog)
    chain = [names(found[p.src_uri]) for p in blog.posts]
    assert chain == [[None, "a2"], ["a1", "b"], ["a2", "u1"], ["b", "u2"], ["u1", None]]


def test_pinned_posts_keep_their_date_place() -> None:
    pinned = dataclasses.replace(post("pinned", 1), pin=True)
    blog = blog_of([pinned, post("new", 9)])
    assert blog.listings[0].posts[0].src_uri == "blog/posts/pinned.md"  # the index lists it first
    assert names(neighbours(blog)["blog/posts/pinned.md"]) == ["new", None]


def test_neighbours_of_no_post_and_one_post() -> None:
    assert neighbours_of([]) == {}
    only = post("only", 1)
    assert neighbours_of([only]) == {only.src_uri: Neighbours(None, None)}


# --- related -----------------------------------------------------------------------------------------


def test_related_ranks_by_shared_terms_then_date_then_path() -> None:
    blog = blog_of(
        [
            post("me", 10, tags=["a", "b", "c"]),
            post("two-far", 1, tags=["a", "b"]),
            post("one-near", 11, tags=["c"]),
            post("one-far", 30, tags=["a"]),
            post("tie-y", 12, tags=["b"]),
            post("tie-x", 8, tags=["b"]),
            post("none", 10, tags=["z"]),
        ]
    )
    got = related_names(blog, limit=5)
    assert got["me"] == ["two-far", "one-near", "tie-x", "tie-y", "one-far"]
    # Never itself, never padded with posts that share nothing.
    assert got["none"] == []
    assert all("me" not in found for uri, found in got.items() if uri == "me")
    assert related_names(blog)["me"] == ["two-far", "one-near", "tie-x"]  # limit 3 by default


def test_tags_and_categories_count_together_and_can_be_chosen() -> None:
    blog = blog_of(
        [
            post("me", 10, tags=["Python"], categories=["Python"]),
            post("both", 1, tags=["Python"], categories=["Python"]),
            post("tag", 10, tags=["Python"]),
            post("category", 10, categories=["Python"]),
        ]
    )
    assert related_names(blog)["me"] == ["both", "category", "tag"]
    assert related_names(blog, taxonomies=("tags",))["me"] == ["tag", "both"]
    # A grouping the blog does not have adds nothing.
    assert related_names(blog, taxonomies=("tags", "authors"))["me"] == ["tag", "both"]
    assert related_names(blog, limit=0)["me"] == []


def test_a_term_written_twice_counts_once() -> None:
    blog = blog_of([post("me", 5, tags=["Go", "go"]), post("x", 1, tags=["go"]), post("y", 4, tags=["rust"])])
    assert post_terms(blog)["blog/posts/me.md"] == {("tags", "go")}
    assert related_names(blog)["me"] == ["x"]


def test_undated_posts_are_farther_than_any_dated_one() -> None:
    blog = blog_of(
        [
            post("me", 10, tags=["a"]),
            post("u1", None, tags=["a"]),
            post("far", 400, tags=["a"]),
            post("u2", None, tags=["a"]),
        ]
    )
    got = related_names(blog)
    assert got["me"] == ["far", "u1", "u2"]
    # From an undated post every distance is the same: ties go by path.
    assert got["u1"] == ["far", "me", "u2"]


def test_equal_instants_tie_by_path() -> None:
    blog = blog_of([post("me", 3, tags=["a"]), post("c", 3, tags=["a"]), post("b", 3, tags=["a"])])
    assert related_names(blog)["me"] == ["b", "c"]


def test_related_posts_takes_plain_posts_in_any_order() -> None:
    posts = [post(f"p{i}", (i * 7) % 11, tags=[f"t{i % 3}", f"u{i % 2}"]) for i in range(12)]
    terms = {p.src_uri: p.tags for p in posts}
    assert (
        related_posts(posts, terms)
        == related_posts(list(reversed(posts)), terms)
        == brute_related(posts, terms, 3)
    )
    assert related_posts(posts, {}, limit=2) == {p.src_uri: () for p in posts}
    with pytest.raises(ValueError, match="max_term_posts"):
        related_posts(posts, terms, max_term_posts=0)


def test_a_tag_on_every_post_is_capped_and_counts_stay_exact() -> None:
    # 30 posts share "all"; "me" also shares "rare" with a post far in date.
    posts = [post(f"p{i:02}", i, tags=["all"]) for i in range(30)]
    posts += [post("me", 15, tags=["all", "rare"]), post("rare-far", 100, tags=["all", "rare"])]
    blog = blog_of(posts)
    got = related_names(blog, max_term_posts=4)
    # "rare-far" is not among the 4 nearest of "all", but it shares "rare" too: it counts 2 and leads.
    assert got["me"][0] == "rare-far"
    assert got["me"][1:] == ["p15", "p14"]  # equal distance: p15 (same day), then p14 before p16 (path)
    assert related_names(blog, max_term_posts=None) == related_names(blog, max_term_posts=1000)


def test_the_cap_changes_nothing_while_terms_are_small() -> None:
    posts = [post(f"p{i:02}", i % 9, tags=[f"t{i % 4}", "all"], categories=[f"c{i % 3}"]) for i in range(40)]
    blog = blog_of(posts)
    terms = post_terms(blog)
    expected = brute_related(blog.posts, terms, 3)
    assert related(blog, max_term_posts=40) == related(blog, max_term_posts=None) == expected
    assert related(blog, max_term_posts=5) == capped_related(blog.posts, terms, 3, 5)


def test_nearest_window_matches_the_walk() -> None:
    members = [post(f"p{i}", d) for i, d in enumerate([9, 8, 8, 5, 4, 4, 4, 1, None, None])]
    stamps = [_UNDATED if stamp(p) is None else stamp(p) for p in members]
    for at in range(len(members)):
        for k in range(1, len(members)):
            start, stop = _window(stamps, at, k, dated=members[at].date is not None)
            got = {p.src_uri for p in [*members[start:at], *members[at + 1 : stop]]}
            assert got == nearest_by_sorting(members, at, k), (at, k)


# --- properties --------------------------------------------------------------------------------------

settings.register_profile(
    "neighbours", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

DAYS = st.one_of(st.none(), st.integers(0, 6))
SMALL_POSTS = st.lists(
    st.tuples(
        DAYS,
        st.integers(0, 2),
        st.lists(st.sampled_from("abcdef"), max_size=4),
        st.lists(st.sampled_from(["X", "Y", "a"]), max_size=2),
    ),
    max_size=25,
)


def random_blog(rows: list[tuple[int | None, int, list[str], list[str]]]) -> Blog:
    return blog_of(
        post(f"p{i:02}", when, tags, categories, title=f"T{i % 3}", hour=hour)
        for i, (when, hour, tags, categories) in enumerate(rows)
    )


@settings(settings.get_profile("neighbours"))
@given(SMALL_POSTS, st.integers(0, 5))
def test_related_is_the_pairwise_ranking(rows: list[Any], limit: int) -> None:
    blog = random_blog(rows)
    assert related(blog, limit=limit) == brute_related(blog.posts, post_terms(blog), limit)


@settings(settings.get_profile("neighbours"))
@given(SMALL_POSTS, st.integers(1, 4), st.integers(1, 4))
def test_capped_related_is_the_capped_ranking(rows: list[Any], limit: int, cap: int) -> None:
    blog = random_blog(rows)
    got = related(blog, limit=limit, max_term_posts=cap)
    assert got == capped_related(blog.posts, post_terms(blog), limit, cap)
    for uri, found in got.items():
        assert uri not in {p.src_uri for p in found}
        mine = post_terms(blog)[uri]
        assert all(mine & post_terms(blog)[p.src_uri] for p in found)


@settings(settings.get_profile("neighbours"))
@given(SMALL_POSTS)
def test_neighbours_chain_the_index_order(rows: list[Any]) -> None:
    blog = random_blog(rows)
    found = neighbours(blog)
    assert set(found) == {p.src_uri for p in blog.posts}
    chain = list(blog.posts)
    for i, p in enumerate(chain):
        newer, older = found[p.src_uri]
        assert newer is (chain[i - 1] if i else None)
        assert older is (chain[i + 1] if i + 1 < len(chain) else None)


# --- the footer template -----------------------------------------------------------------------------

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("mkdocs_blog_tags", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)
T = types.SimpleNamespace(
    post_navigation="Post navigation",
    previous_post="Newer post",
    next_post="Older post",
    related_posts="Related posts",
    back_to_blog="Back to the blog",
)
ON = {"previous_next": True, "related": True, "blog_link": True}


def view(title: str, url: str, date: bool = True) -> dict[str, Any]:
    return {
        "title": title,
        "url": url,
        "date_iso": "2024-01-05T00:00:00+00:00" if date else None,
        "date_text": "5 January 2024" if date else None,
    }


def footer(**context: Any) -> str:
    values: dict[str, Any] = {
        "footer": ON,
        "previous": view("Newer", "../newer/"),
        "next": view("Older", "../older/"),
        "related": [view("R1", "../r1/"), view("R2", "../r2/", date=False)],
        "blog_url": "../../",
        "t": T,
    }
    values.update(context)
    return ENV.get_template("blog_tags/post_footer.html").render(**values)


def parse(html: str) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(html)


def test_footer_links_and_their_rels() -> None:
    html = footer()
    doc = parse(html)
    (nav,) = doc.findall("nav")
    assert nav.get("class") == "blog-tags blog-tags-post-nav"
    assert nav.get("aria-label") == "Post navigation"
    prev, nxt = nav.findall("div/a")
    assert (prev.get("rel"), prev.get("href"), prev.get("class")) == (
        "prev",
        "../newer/",
        "blog-tags-previous",
    )
    assert (nxt.get("rel"), nxt.get("href"), nxt.get("class")) == ("next", "../older/", "blog-tags-next")
    assert "".join(prev.itertext()).split() == ["←", "Newer", "post", "Newer"]
    assert "".join(nxt.itertext()).split() == ["Older", "post", "→", "Older"]
    assert nav.find("section/h2").text == "Related posts"
    items = nav.findall("section/ul[@class='blog-tags-related']/li")
    assert [(li.find("a").get("href"), li.find("a").text) for li in items] == [
        ("../r1/", "R1"),
        ("../r2/", "R2"),
    ]
    assert items[0].find("time").get("datetime") == "2024-01-05T00:00:00+00:00"
    assert items[0].find("time").text == "5 January 2024"
    assert items[1].find("time") is None
    back = nav.find("p/a[@class='blog-tags-back']")
    assert (back.get("href"), back.text) == ("../../", "Back to the blog")


def test_footer_parts_switch_off() -> None:
    def parts(html: str) -> set[str]:
        doc = parse(html)
        found = set()
        if doc.findall(".//a[@rel='prev']"):
            found.add("prev")
        if doc.findall(".//a[@rel='next']"):
            found.add("next")
        if doc.findall(".//ul[@class='blog-tags-related']"):
            found.add("related")
        if doc.findall(".//a[@class='blog-tags-back']"):
            found.add("blog")
        return found

    assert parts(footer()) == {"prev", "next", "related", "blog"}
    assert parts(footer(footer={**ON, "previous_next": False})) == {"related", "blog"}
    assert parts(footer(footer={**ON, "related": False})) == {"prev", "next", "blog"}
    assert parts(footer(footer={**ON, "blog_link": False})) == {"prev", "next", "related"}
    assert parts(footer(previous=None)) == {"next", "related", "blog"}
    assert parts(footer(next=None, related=[])) == {"prev", "blog"}
    # Nothing to show: no empty <nav> at all.
    assert footer(footer=dict.fromkeys(ON, False)).strip() == ""
    assert footer(previous=None, next=None, related=[], blog_url=None).strip() == ""
    assert "blog-tags-neighbours" not in footer(previous=None, next=None)


def test_footer_escapes_titles_and_urls() -> None:
    evil = '<script>alert("x")</script>'
    html = footer(
        previous=view(evil, '"><script>1</script>'),
        related=[view(evil, "../r/")],
        t=types.SimpleNamespace(**{**vars(T), "back_to_blog": "<b>Back</b>"}),
    )
    assert "<script>" not in html and "<b>" not in html
    doc = parse(html)
    assert not doc.findall(".//script") and not doc.findall(".//b")
    prev = doc.find(".//a[@rel='prev']")
    assert prev.get("href") == '"><script>1</script>'
    assert prev.find("span[@class='blog-tags-nav-title']").text == evil
    assert doc.find(".//ul/li/a").text == evil
    assert doc.find(".//a[@class='blog-tags-back']").text == "<b>Back</b>"


def test_footer_needs_every_variable() -> None:
    with pytest.raises(jinja2.UndefinedError):
        ENV.get_template("blog_tags/post_footer.html").render(footer=ON, previous=None, next=None, t=T)


def test_footer_adds_no_property_to_the_posts_h_entry() -> None:
    page = (
        '<div class="h-entry"><data class="p-name" value="This post"></data>'
        f'<data class="u-url" value="/blog/posts/this/"></data>{footer()}</div>'
    )
    parsed = mf2py.parse(doc=page, url="https://example.org/blog/posts/this/")
    (entry,) = parsed["items"]
    assert set(entry["properties"]) == {"name", "url"}
    assert "children" not in entry
    assert parsed["rels"]["prev"] == ["https://example.org/blog/posts/newer/"]
    assert parsed["rels"]["next"] == ["https://example.org/blog/posts/older/"]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("cap", [None, 30, 8])
def test_a_post_whose_biggest_term_is_narrowed_gets_the_same_related_posts(
    seed: int, cap: int | None
) -> None:
    """A category on most posts, many posts on one day (ties), a few tags: related_posts takes only the
    nearest posts of each post's biggest term; the result is still the reference's, capped or not."""
    import random

    rng = random.Random(seed)
    posts = [
        post(
            f"p{i:03d}",
            rng.choice([rng.randint(0, 60), 7, 7, None if rng.random() < 0.05 else 7]),
            rng.sample(["a", "b", "c", "d", "e", "f"], rng.randint(0, 2)),
            ["big"] if rng.random() < 0.8 else ["small"] if rng.random() < 0.5 else [],
            hour=rng.choice([0, 0, 5]),
        )
        for i in range(120)
    ]
    blog = blog_of(posts)
    terms = post_terms(blog)
    for limit in (1, 3):
        found = related_posts(blog.posts, terms, limit=limit, max_term_posts=cap)
        expected = (
            brute_related(blog.posts, terms, limit)
            if cap is None
            else capped_related(blog.posts, terms, limit, cap)
        )
        assert {u: names(v) for u, v in found.items()} == {u: names(v) for u, v in expected.items()}
