"""Property tests over the pure core: random front matter -> model -> HTML, head meta, JSON-LD, feeds.

Every output must parse (html5lib, json, lxml), and no front-matter text may
become live markup. The CI profile runs a few hundred examples per property;
``HYPOTHESIS_PROFILE=large`` runs thousands (see docs/reliability.md).
"""

from __future__ import annotations

import json
import os
from typing import Any

import html5lib
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from mkdocs_blog_tags.blog import build_blog
from mkdocs_blog_tags.feeds import Feed, FeedEntry, atom, rss
from mkdocs_blog_tags.i18n import Strings
from mkdocs_blog_tags.meta import PageFacts, build_head_meta
from mkdocs_blog_tags.plan import Credit
from mkdocs_blog_tags.posts import Post, read_post
from mkdocs_blog_tags.render import Renderer
from mkdocs_blog_tags.views import Excerpt, Views

pytestmark = pytest.mark.slow

settings.register_profile("ci", max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "large", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

MARKUP = st.sampled_from(
    [
        '"',
        "'",
        "<",
        ">",
        "&",
        "</script>",
        "<!--",
        "-->",
        "onerror=",
        "<img src=x>",
        "]]>",
        "\u2028",
        "\x00",
        "\x1b",
        "\r\n",
        "{{ x }}",
        "{% if %}",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=8), MARKUP), max_size=6).map("".join)
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    TEXT,
    st.dates(),
    st.datetimes(),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=6,
)
KEYS = [
    "title",
    "date",
    "description",
    "summary",
    "image",
    "imageAltAttribute",
    "image_alt",
    "tags",
    "draft",
    "slug",
    "categories",
    "authors",
    "updated",
]
FRONT_MATTER = st.dictionaries(
    st.sampled_from(KEYS), st.one_of(VALUE, st.lists(TEXT, max_size=5), TEXT), max_size=8
)

RENDERER = Renderer([])
STRINGS = Strings("fr")
# Every element the shipped templates can produce; anything else in the output would be injected markup.
ALLOWED = {
    "html",
    "head",
    "body",
    "div",
    "article",
    "h1",
    "h2",
    "p",
    "a",
    "time",
    "span",
    "img",
    "ul",
    "li",
    "nav",
    "data",
    "header",
}


def to_file(meta: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body


def newlines(text: str) -> str:
    """Line ends as an HTML parser reports them: CR and CRLF become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(fragment: str) -> Any:
    return html5lib.parse(fragment, namespaceHTMLElements=False)


def assert_inert(fragment: str) -> None:
    doc = parse(fragment)
    for element in doc.iter():
        assert element.tag in ALLOWED, (element.tag, fragment)
        assert not any(name.lower().startswith("on") for name in element.attrib), fragment


def views_for(posts: list[Post]) -> Views:
    blog = build_blog(posts, per_page=2, tag_per_page=2)
    url_of = {p.src_uri: p.src_uri[:-3] + "/" for p in posts}
    url_of.update({li.src_uri: li.src_uri[: -len("index.md")] for li in blog.listings})
    url_of[blog.tags_index_uri] = blog.tags_index_uri[: -len("index.md")]
    excerpts = {p.src_uri: Excerpt("<p>Body text.</p>", url_of[p.src_uri], False) for p in posts}
    images = {p.src_uri: "blog/images/a.jpg" for p in posts if p.image}
    return Views(blog, url_of, images, excerpts, STRINGS)


@given(st.lists(FRONT_MATTER, min_size=1, max_size=3), TEXT)
def test_random_front_matter_renders_inert_html(metas: list[dict[str, Any]], body: str) -> None:
    posts = []
    for i, meta in enumerate(metas):
        post, problems = read_post(f"blog/p{i}.md", to_file(meta, body))
        assert all(str(p).startswith(f"blog/p{i}.md") for p in problems)
        if post is not None:
            posts.append(post)
    if not posts:
        return
    views = views_for(posts)
    blog = views.blog
    for post in posts:
        header = RENDERER.render(
            "post_header.html",
            post=views.post(post, "blog/x/"),
            show_title=True,
            header={
                "date": True,
                "reading_time": True,
                "authors": True,
                "categories": True,
                "tags": True,
                "image": True,
            },
            t=STRINGS,
        )
        assert_inert(header)
        assert newlines(post.title).strip() in newlines("".join(parse(header).itertext()))
    for listing in blog.listings:
        page_url = views.url_of[listing.src_uri]
        html = RENDERER.listing(
            views, listing, page_url, title="T", show_title=True, intro_html="", t=STRINGS
        )
        assert_inert(html)
    tags_html = RENDERER.render(
        "tags.html",
        tags_index=views.tags_index("blog/tags/"),
        title="T",
        show_title=True,
        intro_html="",
        t=STRINGS,
    )
    assert_inert(tags_html)
    assert [a.text or "" for a in parse(tags_html).iter("a") if a.get("rel") == "tag"] == [
        t.name for t in blog.tags
    ]


@given(FRONT_MATTER)
def test_random_front_matter_gives_exact_meta_and_json_ld(meta: dict[str, Any]) -> None:
    post, _ = read_post("blog/p.md", to_file(meta, "Body"))
    if post is None:
        return
    facts = PageFacts(
        kind="post",
        title=post.title,
        site_name="S <&>",
        locale="fr",
        og_locale="fr_FR",
        description=post.description,
        url="https://x.org/p/",
        published=post.date,
        modified=post.updated,
        tags=post.tags,
        section=post.categories[0] if post.categories else None,
        authors=tuple(Credit(name) for name in post.authors),
    )
    head = build_head_meta(facts)
    html = RENDERER.render("meta.html", meta=head)
    doc = parse(html)
    elements = [e for e in doc.find("head")] + [e for e in doc.find("body")]
    assert {e.tag for e in elements} <= {"meta", "link", "script"}
    scripts = [e for e in elements if e.tag == "script"]
    assert len(scripts) == 1 and scripts[0].get("type") == "application/ld+json"
    assert json.loads(scripts[0].text) == head.json_ld
    emitted = [(e.get("property") or e.get("name"), e.get("content")) for e in elements if e.tag == "meta"]
    expected = (
        ([("description", head.description)] if head.description else [])
        + list(head.properties)
        + list(head.names)
    )
    # html5lib turns CR and CRLF into LF and NUL into U+FFFD, as every HTML parser must.
    assert emitted == [(k, newlines(v)) for k, v in expected]


@given(st.lists(FRONT_MATTER, min_size=1, max_size=3))
def test_random_front_matter_gives_parseable_feeds(metas: list[dict[str, Any]]) -> None:
    entries = []
    for i, meta in enumerate(metas):
        post, _ = read_post(f"blog/p{i}.md", to_file(meta, "Body"))
        if post is None:
            continue
        entries.append(
            FeedEntry(
                id=f"https://x.org/p{i}/",
                title=post.title,
                url=f"https://x.org/p{i}/",
                published=post.date,
                updated=post.updated,
                summary_html=f"<p>{post.description or ''}</p>",
                summary_text=post.description or "",
                tags=post.tags,
                authors=tuple((name, None) for name in post.authors),
            )
        )
    feed = Feed(
        "T",
        "D",
        "https://x.org/",
        "https://x.org/f.xml",
        "https://x.org/a.xml",
        None,
        "fr",
        "A",
        "g",
        "1",
        tuple(entries),
    )
    assert len(etree.fromstring(rss(feed)).findall("channel/item")) == len(entries)
    assert len(etree.fromstring(atom(feed)).findall("{http://www.w3.org/2005/Atom}entry")) == len(entries)
