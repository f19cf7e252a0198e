from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from mkdocs_blog_tags.excerpts import first_paragraph, make_excerpt, prefix_links, rebase_links
from mkdocs_blog_tags.urls import is_relative, relative_url, resolve, root_prefix

segment = st.sampled_from(["blog", "posts", "tags", "a", "b", "page", "2"])
site_url = st.builds(
    lambda parts, kind: "/".join(parts) + ("/" if kind == "dir" and parts else ".html" if parts else ""),
    st.lists(segment, max_size=4),
    st.sampled_from(["dir", "file"]),
)


@given(site_url, site_url)
def test_relative_url_agrees_with_mkdocs(target: str, base: str) -> None:
    assert relative_url(target, base) == get_relative_url(target, base)


def test_resolve() -> None:
    assert resolve("../images/a.jpg", "blog/posts/x/") == "blog/posts/images/a.jpg"
    assert resolve("../images/a.jpg", "blog/posts/x.html") == "blog/images/a.jpg"
    assert resolve("y/#part", "blog/x/") == "blog/x/y/#part"


def test_excerpt_cut_at_separator_without_title() -> None:
    html = '<h1 id="t">T</h1>\n<p>One</p>\n<!-- more -->\n<p>Two</p>'
    assert make_excerpt(html) == ("<p>One</p>", True)
    assert make_excerpt("<p>One</p>") == (None, False)
    assert first_paragraph('<h2>x</h2><p class="a">One</p><p>Two</p>') == '<p class="a">One</p>'


def test_rebase_links_from_post_to_listing() -> None:
    html = '<p><a href="../other/">o</a> <img src="../img/a.png"> <a href="https://x.org/">x</a> <a href="#h">h</a></p>'
    out = rebase_links(html, "blog/posts/x/", "blog/")
    assert 'href="posts/other/"' in out
    assert 'src="posts/img/a.png"' in out
    assert 'href="https://x.org/"' in out
    # An in-page link meant the post; on the listing it points there.
    assert 'href="posts/x/#h"' in out


_HREFS = st.sampled_from(
    [
        "",
        "a",
        "blog/x/",
        "/abs",
        "#frag",
        "?q=1",
        "https://x.org/",
        "mailto:a@b",
        "HTTP:x",
        "a:b",
        "1a:b",
        " x",
        "../up",
        "c++/x",
        "é/ü",
        "javascript:alert(1)",
        "-a:b",
        "a-b:c",
        "x'y",
        'x"y',
    ]
)


@given(
    links=st.lists(
        st.tuples(
            st.sampled_from(["href", "src", "HREF", "Src", "data-src", "title"]),
            st.sampled_from([" ", "\n", "  "]),
            st.sampled_from(["=", " = "]),
            st.sampled_from(['"', "'"]),
            _HREFS,
            st.sampled_from(["text", "İstanbul, é, ß", "a\u00a0b", "src", " href"]),
        ),
        max_size=6,
    ),
    page_url=st.sampled_from(["", "blog/", "blog/tags/x/", "a.html", "blog/page/2/"]),
)
def test_prefix_links_prefixes_exactly_the_relative_links(
    links: list[tuple[str, str, str, str, str, str]], page_url: str
) -> None:
    """Every relative href/src value, and only those, gets the way back to the root."""
    html = "".join(
        f"<a{ws}{attr}{eq}{q}{value.replace(q, '')}{q}>{text}</a>" for attr, ws, eq, q, value, text in links
    )
    prefix = root_prefix(page_url)
    expected = "".join(
        f"<a{ws}{attr}{eq}{q}"
        + (prefix if attr.lower() in {"href", "src"} and is_relative(value.replace(q, "")) else "")
        + f"{value.replace(q, '')}{q}>{text}</a>"
        for attr, ws, eq, q, value, text in links
    )
    assert prefix_links(html, page_url) == expected
