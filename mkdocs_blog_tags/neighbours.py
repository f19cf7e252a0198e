"""Post navigation: each post's newer and older neighbour, and the posts related to it.

Pure functions of the blog's posts (and, for related posts, of each post's
terms). Each is computed once per build for every post and looked up by the
post's ``src_uri``. Every published post has a key, so a lookup never fails.

Previous and next
-----------------
The blog's sequence is the order of its index: newest first, undated posts last
(`Blog.posts`). ``previous`` is the post before this one in that sequence, which
is the **newer** post. ``next`` is the post after it, which is the **older**
post. The post footer puts ``rel="prev"`` on the newer post's link and
``rel="next"`` on the older post's link.

Jekyll does the opposite (``page.previous`` is the older post). We follow the
order of the index because the blog already uses it: the index pager puts
``rel="prev"`` on *Newer posts* and ``rel="next"`` on *Older posts*. So
``rel="next"`` always leads to older posts, on the index and under a post, and a
reader or crawler going forward from page 1 or from any post goes the same way.
The labels should name the direction, not the position. In English,
``previous_post`` should read "Newer post" and ``next_post`` "Older post", like
the pager's "Newer posts" and "Older posts". `Neighbours` has both pairs of
names: ``newer``/``older`` and ``previous``/``next``.

Undated posts are in the sequence where the index shows them, after the oldest
dated post. Pinned posts are in their date's place: only the index lists them
first.

Related posts
-------------
Posts are related when they share terms: the tags and categories by default,
counted together (a tag and a category with the same name are two terms).
Posts are ranked by the number of terms they share with the post, most first.
Ties go to the post nearest in date (the absolute time between them; an undated
post is farther than any dated one), then to the lower ``src_uri``. A post is
never related to itself. A post that shares no term is never related: a post
gets fewer than ``limit`` related posts rather than unrelated ones. The result
is a function of the posts and their terms alone.

Cost. An inverted index maps each term to its posts, in blog order. A post's
candidates are the union of the posts of its terms. Each candidate's count is
one AND of two bit masks of terms and a bit count, so every step over the
candidates runs in C. Without a cap that costs O(sum over terms t of
|posts of t|²): about linear when terms are small, but quadratic for a term on
most posts (an ``archive`` year, or a tag every post has). So a term with more
than ``max_term_posts`` posts (K, default 200) gives each of its posts as
candidates only the K other posts of the term nearest to it in date. They form a
window around the post in the term's date-ordered list, found by binary search.
On equal distances the newer post goes first. The count of each candidate is
still the exact number of terms it shares with the post, large terms included:
a post that shares a small tag *and* the tag every post has counts 2. So the
worst case is O(posts x terms per post x K), plus sorting each post's best
candidates.

The cap changes the result in one case only. A post that shares nothing but
large terms with this post, and is not among the K nearest in any of them, is
not a candidate. Such a post can only lead the ranking by sharing more large
terms than every nearer candidate does. On a blog where most terms are small
that is rare: no change at 1,000 synthetic posts. It is common when most terms
are large: at 10,000 posts with 60 tags, 45 of 69 terms large, a fifth of the
posts got other related posts, with 2% fewer shared terms in all
(``benchmarks/bench_related.py``). With ``max_term_posts=None`` there is no cap,
and the result is exactly the pairwise ranking.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from .blog import Blog
from .posts import Post

__all__ = [
    "DEFAULT_MAX_TERM_POSTS",
    "RELATED_TAXONOMIES",
    "Neighbours",
    "neighbours",
    "neighbours_of",
    "post_terms",
    "related",
    "related_posts",
]

DEFAULT_MAX_TERM_POSTS = 200
"""A term with more posts than this gives each post only this many candidates, the nearest in date."""

RELATED_TAXONOMIES = ("tags", "categories")
"""The groupings whose terms make posts related, unless told otherwise."""

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_MICROSECOND = dt.timedelta(microseconds=1)
_UNDATED = -(2**62)
"""The stamp of an undated post: farther from every dated post than any two dated posts are from each
other (years 1 to 9999 span about 2**58 microseconds), and as far from each."""


class Neighbours(NamedTuple):
    """A post's neighbours in the blog's order (newest first): ``(newer, older)``.

    ``previous`` is ``newer`` and ``next`` is ``older``, as on the index pager (see the module docstring).
    """

    newer: Post | None
    older: Post | None

    @property
    def previous(self) -> Post | None:
        """The post before this one in the blog's order: the newer one (``rel="prev"``)."""
        return self.newer

    @property
    def next(self) -> Post | None:
        """The post after this one in the blog's order: the older one (``rel="next"``)."""
        return self.older


def neighbours(blog: Blog) -> Mapping[str, Neighbours]:
    """``src_uri -> (newer, older)`` for every post of the blog, in the index's order."""
    return neighbours_of(blog.posts)


def neighbours_of(posts: Sequence[Post]) -> dict[str, Neighbours]:
    """``src_uri -> (newer, older)``: each post's neighbours in ``posts``, which is newest first."""
    last = len(posts) - 1
    return {
        post.src_uri: Neighbours(posts[i - 1] if i > 0 else None, posts[i + 1] if i < last else None)
        for i, post in enumerate(posts)
    }


def post_terms(
    blog: Blog, taxonomies: Iterable[str] = RELATED_TAXONOMIES
) -> dict[str, frozenset[tuple[str, str]]]:
    """``src_uri -> {(grouping, slug)}``: the terms of each post in the named groupings.

    A grouping the blog does not have (categories switched off) adds no terms.
    """
    present = [blog.taxonomies[name] for name in dict.fromkeys(taxonomies) if name in blog.taxonomies]
    return {
        post.src_uri: frozenset(
            (taxonomy.name, term.slug)
            for taxonomy in present
            for term in taxonomy.terms_by_post.get(post.src_uri, ())
        )
        for post in blog.posts
    }


def related(
    blog: Blog,
    limit: int = 3,
    taxonomies: Iterable[str] = RELATED_TAXONOMIES,
    *,
    max_term_posts: int | None = DEFAULT_MAX_TERM_POSTS,
) -> Mapping[str, tuple[Post, ...]]:
    """``src_uri -> up to limit related posts``, best first, for every post of the blog.

    The terms are those of the groupings named in ``taxonomies``, counted together.
    The ranking and its cost are explained in the module docstring.
    """
    return related_posts(blog.posts, post_terms(blog, taxonomies), limit=limit, max_term_posts=max_term_posts)


def _stamp(post: Post) -> int | None:
    """The post's date in whole microseconds since 1970, exact (a float would round them)."""
    return None if post.date is None else (post.date - _EPOCH) // _MICROSECOND


def related_posts(
    posts: Sequence[Post],
    terms_of: Mapping[str, Iterable[Hashable]],
    *,
    limit: int = 3,
    max_term_posts: int | None = DEFAULT_MAX_TERM_POSTS,
) -> dict[str, tuple[Post, ...]]:
    """``src_uri -> up to limit related posts``, best first, from plain posts and their terms.

    ``terms_of`` maps a post's ``src_uri`` to its terms, which may be any hashable
    values; a post missing from it has none. ``posts`` may come in any order:
    they are sorted by date (stable) first. See the module docstring for the
    ranking, the cap on large terms (``max_term_posts``) and the cost.
    """
    if max_term_posts is not None and max_term_posts < 1:
        raise ValueError(f"max_term_posts must be at least 1, or None: {max_term_posts!r}")
    given = [_stamp(p) for p in posts]
    order = sorted(range(len(posts)), key=lambda i: (given[i] is None, -(given[i] or 0)))
    ordered = [posts[i] for i in order]
    dated = [given[i] is not None for i in order]
    stamps = [_UNDATED if stamp is None else stamp for stamp in (given[i] for i in order)]
    uris = [p.src_uri for p in ordered]
    if limit <= 0:
        return dict.fromkeys(uris, ())

    # The inverted index: term -> its posts (indices into ``ordered``, so newest first), and where
    # each post is in the list of each of its terms.
    own_terms: list[tuple[Hashable, ...]] = []
    places: list[list[int]] = []
    members: dict[Hashable, list[int]] = {}
    for i, uri in enumerate(uris):
        terms = tuple(dict.fromkeys(terms_of.get(uri, ())))
        own_terms.append(terms)
        place = []
        for term in terms:
            found = members.setdefault(term, [])
            place.append(len(found))
            found.append(i)
        places.append(place)
    cap = max_term_posts or 0
    large = {term for term, found in members.items() if cap and len(found) > cap}
    # A term on many posts (a category) gives most posts most of their candidates, nearly all of
    # which share that term alone. Those rank by date, so when the post's other terms are taken
    # whole (a candidate that shares more comes from their lists), the biggest term needs to give
    # only its `limit` posts nearest in date, and those as near as the farthest of them: no other
    # post of it can be among the best. The result is the same; the candidates are far fewer.
    narrow_min = 4 * limit
    sized = {term: len(found) for term, found in members.items()}
    term_stamps = {
        t: [stamps[j] for j in members[t]] for t, n in sized.items() if n > narrow_min or t in large
    }
    large_stamps = term_stamps
    # Each post's terms as the bits of an int, the most common terms in the lowest bits: the number
    # of terms two posts share is one AND and one bit count, both in C.
    bit = {term: 1 << n for n, term in enumerate(sorted(members, key=lambda t: -len(members[t])))}
    masks = [sum(bit[term] for term in terms) for terms in own_terms]

    result: dict[str, tuple[Post, ...]] = {}
    for i, uri in enumerate(uris):
        # Every step over the candidates runs in C: set.update, map, int.bit_count, sorted.
        candidates: set[int] = set()
        narrow = _narrowed(own_terms[i], sized, large, narrow_min) if dated[i] else None
        for term, at in zip(own_terms[i], places[i], strict=True):
            found = members[term]
            if term == narrow:
                window = _nearest_with_ties(term_stamps[term], at, limit, cap or len(found))
                if window is not None:
                    candidates.update(found[window[0] : at], found[at + 1 : window[1]])
                    continue
            if term in large:
                start, stop = _window(large_stamps[term], at, cap, dated[i])
                candidates.update(found[start:at], found[at + 1 : stop])
            else:
                candidates.update(found)
        candidates.discard(i)
        if not candidates:
            result[uri] = ()
            continue
        group = list(candidates)
        shared = list(map(int.bit_count, map(masks[i].__and__, map(masks.__getitem__, group))))
        best = _best(group, shared, limit, stamps[i] if dated[i] else None, stamps, uris)
        result[uri] = tuple(ordered[j] for j in best)
    return result


def _narrowed(
    terms: Sequence[Hashable], sized: Mapping[Hashable, int], large: Collection[Hashable], narrow_min: int
) -> Hashable | None:
    """The post's biggest term, if it is big and every other term of the post is taken whole."""
    if not terms:
        return None
    biggest = max(terms, key=sized.__getitem__)
    if sized[biggest] <= narrow_min or any(t in large for t in terms if t != biggest):
        return None
    return biggest


def _nearest_with_ties(stamps: Sequence[int], at: int, limit: int, k: int) -> tuple[int, int] | None:
    """``(start, stop)``: the ``limit`` posts of a term nearest in date to the one at ``at``, and every
    other as near as the farthest of them; ``None`` when that is more than the ``k`` a capped term
    gives (then its usual window decides, so the cap's result never changes)."""
    start, stop = _window(stamps, at, min(limit, len(stamps) - 1), True)
    stamp = stamps[at]
    far = max(stamps[start] - stamp if start < at else 0, stamp - stamps[stop - 1] if stop - 1 > at else 0)
    while start > 0 and stamps[start - 1] - stamp <= far:
        start -= 1
    while stop < len(stamps) and stamp - stamps[stop] <= far:
        stop += 1
    return (start, stop) if stop - start - 1 <= k else None


def _best(
    group: list[int],
    shared: list[int],
    limit: int,
    stamp: int | None,
    stamps: Sequence[int],
    uris: Sequence[str],
) -> list[int]:
    """The ``limit`` best of the candidates ``group``, which share ``shared`` terms with the post:
    most shared terms, then nearest in date, then lowest src_uri.

    ``stamp`` is the post's date, ``None`` when it has none: then every candidate is as far as any
    other, and the paths decide.
    """
    if len(group) > limit:
        # Only the candidates with at least the limit-th highest count can be among the best:
        # find that count with a few passes in C (shared counts are small integers).
        threshold = max(shared)
        kept = shared.count(threshold)
        while kept < limit and threshold > 1:
            threshold -= 1
            kept += shared.count(threshold)
        if kept < len(group):
            keep = list(map(threshold.__le__, shared))
            group = list(itertools.compress(group, keep))
            shared = list(itertools.compress(shared, keep))
    most = map(operator.neg, shared)
    paths = map(uris.__getitem__, group)
    if stamp is None:
        ranked: list[tuple[Any, ...]] = sorted(zip(most, paths, group, strict=True))
    else:
        gaps = map(abs, map(stamp.__sub__, map(stamps.__getitem__, group)))
        ranked = sorted(zip(most, gaps, paths, group, strict=True))
    return [row[-1] for row in ranked[:limit]]


def _window(stamps: Sequence[int], at: int, k: int, dated: bool) -> tuple[int, int]:
    """The ``k`` posts of a term nearest in date to the one at ``at``: ``[start:at]`` and ``[at + 1:stop]``.

    ``stamps`` are the dates of the term's posts, newest first (`_UNDATED` last).
    The nearest posts are a window around ``at``: its ``a`` posts just before
    (newer) and ``k - a`` just after (older). Taking posts one by one from
    whichever side is nearer, the newer on a tie, stops at the smallest ``a``
    after which the next newer post is farther than the last older one taken.
    That is monotonic in ``a``, so a binary search finds it in O(log k). From an
    undated post every other post is equally far: the ``k`` posts before it.
    """
    lo, hi = max(0, k - (len(stamps) - 1 - at)), min(k, at)
    if not dated:
        lo = hi
    stamp = stamps[at]
    while lo < hi:
        mid = (lo + hi) // 2
        if stamps[at - mid - 1] - stamp <= stamp - stamps[at + k - mid]:
            lo = mid + 1
        else:
            hi = mid
    return at - lo, at + 1 + k - lo
