"""Time of post navigation (`neighbours`, `related`) on synthetic blogs, against a pairwise reference.

Each post has 1 to 5 of 60 tags, drawn with Zipf-like popularity (a few tags on many posts, most on
few), one of 8 categories, and the tag ``everything``, which every post has: the term the cap on
large terms (``max_term_posts``) is there for. Dates spread over ten years, some on the same day.
The blog is built with `build_blog`, tags and categories, as the plugin builds it.

Examples::

    python benchmarks/bench_related.py
    python benchmarks/bench_related.py --posts 1000,10000,30000 --runs 5 --brute 1000

Printed: the best of ``--runs`` times of `neighbours`, `related` (capped, the default), `related`
without the cap, and, at the sizes in ``--brute``, the O(n²) pairwise ranking; then how many
posts' related posts the cap changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import time
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

from mkdocs_blog_tags.blog import Blog, build_blog, tags_spec
from mkdocs_blog_tags.config import Groupings
from mkdocs_blog_tags.groupings import categories_spec
from mkdocs_blog_tags.neighbours import DEFAULT_MAX_TERM_POSTS, neighbours, post_terms, related
from mkdocs_blog_tags.posts import Post

T = TypeVar("T")
START = dt.datetime(2015, 1, 1, tzinfo=dt.timezone.utc)
TAGS = [f"tag-{i:02}" for i in range(60)]
WEIGHTS = [1 / (rank + 1) for rank in range(len(TAGS))]
CATEGORIES = [f"category-{i}" for i in range(8)]


def synthetic_posts(count: int, seed: int = 16) -> list[Post]:
    rng = random.Random(seed)
    posts = []
    for i in range(count):
        wanted = rng.randint(1, 5)
        tags: dict[str, None] = {}
        while len(tags) < wanted:
            tags[rng.choices(TAGS, WEIGHTS)[0]] = None
        posts.append(
            Post(
                src_uri=f"blog/posts/post-{i:05}.md",
                title=f"Post {i}",
                date=START + dt.timedelta(days=rng.randint(0, 3650), hours=rng.choice((0, 0, 9, 17))),
                tags=(*tags, "everything"),
                categories=(rng.choice(CATEGORIES),),
            )
        )
    return posts


def brute_related(
    posts: Sequence[Post], terms_of: Mapping[str, Iterable[Hashable]], limit: int = 3
) -> dict[str, tuple[Post, ...]]:
    """Every pair: most shared terms, nearest in date, lowest src_uri."""
    terms = {p.src_uri: frozenset(terms_of[p.src_uri]) for p in posts}
    far = float("inf")
    out = {}
    for p in posts:
        mine = terms[p.src_uri]
        scored = []
        for q in posts:
            if q is p:
                continue
            shared = len(mine & terms[q.src_uri])
            if shared:
                gap = abs((p.date - q.date).total_seconds()) if p.date and q.date else far
                scored.append((-shared, gap, q.src_uri, q))
        scored.sort(key=lambda s: s[:3])
        out[p.src_uri] = tuple(s[3] for s in scored[:limit])
    return out


def best_of(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def make_blog(count: int) -> Blog:
    return build_blog(synthetic_posts(count), taxonomies=[tags_spec(), categories_spec(Groupings())])


def shared_terms(
    found: Mapping[str, tuple[Post, ...]], terms: Mapping[str, frozenset[tuple[str, str]]]
) -> int:
    """The terms shared between every post and its related posts, summed."""
    return sum(len(terms[uri] & terms[p.src_uri]) for uri, posts in found.items() for p in posts)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", default="1000,10000", help="comma-separated blog sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure; the best is printed")
    parser.add_argument(
        "--caps", default="200,100", help="max_term_posts values to time (the first: default)"
    )
    parser.add_argument("--brute", default="1000", help="sizes at which to time the O(n²) reference too")
    args = parser.parse_args()
    brute_sizes = {int(n) for n in args.brute.split(",") if n}
    caps = [int(n) for n in args.caps.split(",") if n]

    for count in (int(n) for n in args.posts.split(",")):
        built, blog = best_of(1, functools.partial(make_blog, count))
        terms = post_terms(blog)
        sizes = sorted(len(found) for t in blog.taxonomies.values() for found in t.posts_by_slug.values())
        cap = caps[0] if caps else DEFAULT_MAX_TERM_POSTS
        large = sum(size > cap for size in sizes)
        print(f"{count} posts: {len(sizes)} terms, {large} of them on more than {cap} posts")
        print(f"  build_blog               {built:8.3f} s")
        t_neighbours, _ = best_of(args.runs, functools.partial(neighbours, blog))
        print(f"  neighbours               {t_neighbours * 1000:8.2f} ms")
        # The uncapped ranking is O(sum of |term|²): run once.
        t_exact, exact = best_of(1, functools.partial(related, blog, max_term_posts=None))
        exact_shared = shared_terms(exact, terms)
        for cap in caps:
            t_capped, capped = best_of(args.runs, functools.partial(related, blog, max_term_posts=cap))
            changed = sum(capped[uri] != exact[uri] for uri in exact)
            lost = exact_shared - shared_terms(capped, terms)
            print(
                f"  related, K={cap:<5}        {t_capped:8.3f} s   differs from uncapped for {changed} posts;"
                f" shared terms {lost / max(exact_shared, 1):.1%} fewer"
            )
        print(f"  related, uncapped        {t_exact:8.3f} s")
        if count in brute_sizes:
            t_brute, reference = best_of(1, functools.partial(brute_related, blog.posts, terms))
            assert reference == exact, "related(max_term_posts=None) differs from the pairwise ranking"
            print(f"  pairwise (brute force)   {t_brute:8.3f} s   (the same result as uncapped)")


if __name__ == "__main__":
    main()
