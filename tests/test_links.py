"""`links:` front matter (Material's related links): reading, resolving, and the template."""

from __future__ import annotations

import textwrap
from types import SimpleNamespace
from typing import Any

import html5lib
import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_tags.links import LinkItem, ResolvedLink, Target, parse_links, resolve_links
from mkdocs_blog_tags.posts import Problem, load_yaml

SRC = "blog/posts/hello.md"
PAGE_URL = "blog/2024/01/24/hello/"


def parse(value: Any) -> tuple[tuple[LinkItem, ...], list[Problem]]:
    return parse_links(value, SRC)


def from_yaml(text: str) -> Any:
    return load_yaml(textwrap.dedent(text))["links"]


def fields(problems: list[Problem]) -> list[str]:
    assert all(p.src_uri == SRC for p in problems), problems
    return [p.field for p in problems]


# --- parse_links: the forms Material documents ---------------------------------------------------


def test_documented_forms() -> None:
    value = from_yaml(
        """
        links:
          - setup/setting-up-site-search.md#built-in-search-plugin
          - insiders/index.md
          - Getting started: insiders/getting-started.md
          - https://example.org/a?b=c#d
          - Insiders:
            - insiders/index.md#how-to-become-a-sponsor
            - Requirements: insiders/getting-started.md#requirements
        """
    )
    items, problems = parse(value)
    assert problems == []
    assert items == (
        LinkItem(None, "setup/setting-up-site-search.md", "built-in-search-plugin"),
        LinkItem(None, "insiders/index.md", None),
        LinkItem("Getting started", "insiders/getting-started.md", None),
        LinkItem(None, "https://example.org/a?b=c#d", None),
        LinkItem(
            "Insiders",
            None,
            None,
            (
                LinkItem(None, "insiders/index.md", "how-to-become-a-sponsor"),
                LinkItem("Requirements", "insiders/getting-started.md", "requirements"),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("written", "target", "anchor"),
    [
        ("./setup/x.md", "setup/x.md", None),
        ("/setup/x.md", "setup/x.md", None),
        ("setup//./x.md", "setup/x.md", None),
        ("setup/sub/../x.md", "setup/x.md", None),
        ("  setup/x.md  ", "setup/x.md", None),
        ("setup/x.md#", "setup/x.md", None),
        ("setup/x.md#sec", "setup/x.md", "sec"),
        ("mailto:me@example.org", "mailto:me@example.org", None),
        ("//cdn.example.org/x", "//cdn.example.org/x", None),
        ("http://example.org/x#y", "http://example.org/x#y", None),
    ],
)
def test_targets_are_normalised(written: str, target: str, anchor: str | None) -> None:
    items, problems = parse([written])
    assert problems == []
    assert items == (LinkItem(None, target, anchor),)


def test_none_is_no_links_like_an_absent_key() -> None:
    assert parse(None) == ((), [])


def test_empty_list() -> None:
    assert parse([]) == ((), [])


def test_field_name_is_the_one_given() -> None:
    items, problems = parse_links([None], SRC, field="related")
    assert items == ()
    assert [p.field for p in problems] == ["related[0]"]


# --- parse_links: bad input, each reported and the rest kept -----------------------------------


def test_a_single_string_is_one_item() -> None:
    items, problems = parse("setup/x.md#a")
    assert items == (LinkItem(None, "setup/x.md", "a"),)
    assert fields(problems) == ["links"]
    assert "list" in problems[0].message


@pytest.mark.parametrize("value", [3, 2.5, True, float("nan")])
def test_a_number_or_boolean(value: Any) -> None:
    items, problems = parse(value)
    assert items == ()
    assert fields(problems) == ["links"]
    assert type(value).__name__ in problems[0].message


def test_a_date() -> None:
    items, problems = parse(from_yaml("links: 2024-01-24\n"))
    assert items == ()
    assert fields(problems) == ["links"]


def test_a_mapping_instead_of_a_list() -> None:
    items, problems = parse({"One": "a.md", "Two": "b.md#x"})
    assert items == (LinkItem("One", "a.md", None), LinkItem("Two", "b.md", "x"))
    assert fields(problems) == ["links"]
    assert "mapping" in problems[0].message


def test_an_item_that_is_a_list() -> None:
    items, problems = parse(["a.md", ["b.md", "c.md"], "d.md"])
    assert [i.target for i in items] == ["a.md", "b.md", "c.md", "d.md"]
    assert fields(problems) == ["links[1]"]
    assert "section needs a title" in problems[0].message


def test_a_mapping_with_two_keys() -> None:
    items, problems = parse(["a.md", {"B": "b.md", "C": "c.md"}])
    assert items == (LinkItem(None, "a.md", None), LinkItem("B", "b.md", None), LinkItem("C", "c.md", None))
    assert fields(problems) == ["links[1]"]
    assert "2 keys" in problems[0].message


def test_an_empty_mapping() -> None:
    items, problems = parse([{}, "a.md"])
    assert items == (LinkItem(None, "a.md", None),)
    assert fields(problems) == ["links[0]"]


@pytest.mark.parametrize("title", [True, None, ""])
def test_a_title_that_is_no_text(title: Any) -> None:
    items, problems = parse(["a.md", {title: "b.md"}])
    # The link stays, with the page's own title.
    assert items == (LinkItem(None, "a.md", None), LinkItem(None, "b.md", None))
    assert fields(problems) == ["links[1]"]


def test_a_numeric_title_is_used_as_text_and_reported() -> None:
    items, problems = parse([{2024: "b.md"}])
    assert items == (LinkItem("2024", "b.md", None),)
    assert fields(problems) == ["links[0]"]
    assert "quote it" in problems[0].message


def test_a_date_title_is_used_as_text() -> None:
    items, problems = parse(from_yaml("links:\n  - 2024-01-24: b.md\n"))
    assert items == (LinkItem("2024-01-24", "b.md", None),)
    assert fields(problems) == ["links[0]"]


def test_titles_are_cleaned() -> None:
    items, problems = parse([{"  Caf\u0065\u0301\x07  ": "b.md"}])
    assert problems == []
    assert items[0].title == "Café"


@pytest.mark.parametrize("entry", ["", "   ", None, "\x00"])
def test_empty_entries(entry: Any) -> None:
    items, problems = parse(["a.md", entry, "c.md"])
    assert [i.target for i in items] == ["a.md", "c.md"]
    assert fields(problems) == ["links[1]"]
    assert "empty" in problems[0].message


@pytest.mark.parametrize("value", [None, "", 3, False])
def test_a_titled_entry_without_a_usable_target(value: Any) -> None:
    items, problems = parse(["a.md", {"B": value}])
    assert items == (LinkItem(None, "a.md", None),)
    assert fields(problems) == ["links[1]"]


@pytest.mark.parametrize("entry", [3, 2.5, True])
def test_an_item_that_is_a_number(entry: Any) -> None:
    items, problems = parse([entry, "a.md"])
    assert items == (LinkItem(None, "a.md", None),)
    assert fields(problems) == ["links[0]"]


@pytest.mark.parametrize("written", ["#section", "/", "./", "."])
def test_a_target_that_names_no_page(written: str) -> None:
    items, problems = parse([written, "a.md"])
    assert items == (LinkItem(None, "a.md", None),)
    assert fields(problems) == ["links[0]"]
    assert "docs_dir" in problems[0].message


@pytest.mark.parametrize("written", ["../outside.md", "a/../../outside.md", ".."])
def test_a_path_outside_docs_dir(written: str) -> None:
    items, problems = parse([written])
    assert items == ()
    assert fields(problems) == ["links[0]"]
    assert "not to the post" in problems[0].message


def test_an_invalid_url_is_read_as_a_path_and_not_raised() -> None:
    items, problems = parse(["http://[broken"])
    assert problems == []
    assert len(items) == 1


def test_nested_sections_of_bad_shape() -> None:
    value = from_yaml(
        """
        links:
          - Good:
            - a.md
            - 7
            - Inner:
              - b.md
              - null
            - Empty inner: []
          - Empty: []
          - Mapping section:
              One: c.md
          - Scalar section: 5
          - Section of text: d.md e.md
        """
    )
    items, problems = parse(value)
    assert items == (
        LinkItem(
            "Good",
            None,
            None,
            (LinkItem(None, "a.md", None), LinkItem("Inner", None, None, (LinkItem(None, "b.md", None),))),
        ),
        LinkItem("Mapping section", None, None, (LinkItem("One", "c.md", None),)),
        # A text is a path, as in nav; that it names no page is found when resolving.
        LinkItem("Section of text", "d.md e.md", None),
    )
    assert fields(problems) == [
        "links[0][1]",
        "links[0][2][1]",
        "links[0][3]",
        "links[1]",
        "links[2]",
        "links[3]",
    ]


def test_a_section_without_a_title_keeps_its_links() -> None:
    items, problems = parse([{None: ["a.md", "b.md"]}])
    assert items == (LinkItem(None, "a.md", None), LinkItem(None, "b.md", None))
    assert fields(problems) == ["links[0]"]


def test_a_section_whose_links_are_all_bad_is_left_out() -> None:
    items, problems = parse([{"S": [None, 3]}, "a.md"])
    assert items == (LinkItem(None, "a.md", None),)
    assert fields(problems) == ["links[0][0]", "links[0][1]"]


def test_a_list_that_contains_itself() -> None:
    value = from_yaml("links: &a [a.md, *a]\n")
    items, problems = parse(value)
    assert items == (LinkItem(None, "a.md", None),)
    assert "links[1]" in fields(problems)


def test_a_section_that_contains_itself() -> None:
    value = from_yaml("links: [&m {S: [a.md, *m]}]\n")
    items, problems = parse(value)
    assert items == (LinkItem("S", None, None, (LinkItem(None, "a.md", None),)),)
    assert problems


def test_sections_nested_too_deep() -> None:
    value: Any = ["deep.md"]
    for level in range(30):
        value = [{f"L{level}": value}]
    items, problems = parse(["shallow.md", *value])
    # The one link below the limit is dropped, so are the sections left empty; the rest stays.
    assert items == (LinkItem(None, "shallow.md", None),)
    assert len(problems) == 1 and "deeper than 10" in problems[0].message
    assert problems[0].field == "links[1]" + "[0]" * 10


def test_bad_entries_keep_their_neighbours_in_order() -> None:
    items, problems = parse(["a.md", 3, {"B": "b.md", "C": None}, None, "https://x.org"])
    assert [i.target for i in items] == ["a.md", "b.md", "https://x.org"]
    assert fields(problems) == ["links[1]", "links[2]", "links[2]", "links[3]"]


_yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.dates()
    | st.sampled_from(["a.md", "a.md#x", "/b.md", "../c.md", "https://x.org", "#y"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.text(max_size=5) | st.integers() | st.none() | st.booleans(), children, max_size=3
        )
    ),
    max_leaves=20,
)


def _walk(items: tuple[LinkItem, ...]) -> list[LinkItem]:
    return [x for item in items for x in [item, *_walk(item.children)]]


@given(_yaml_values)
def test_any_yaml_value_is_read_without_raising(value: Any) -> None:
    items, problems = parse(value)
    assert all(isinstance(p, Problem) and p.src_uri == SRC and p.field.startswith("links") for p in problems)
    for item in _walk(items):
        assert item.title is None or (isinstance(item.title, str) and item.title)
        if item.target is None:
            assert item.children and item.title
        else:
            assert item.target and not item.children
            assert not item.target.startswith(("/", "./", "../")) or item.target.startswith("//")
        assert item.anchor is None or (item.anchor and "#" not in item.anchor)
    links, more = resolve_links(items, lambda path: None, PAGE_URL, SRC)
    # With no pages at all only URLs survive, and every path left out is reported.
    assert all(link.external for link in _walk_resolved(links) if not link.children)
    dropped = [i for i in _walk(items) if i.target is not None]
    assert len(more) == len(dropped) - len([x for x in _walk_resolved(links) if x.external])
    assert all(p.field == "links" for p in more)


def _walk_resolved(links: tuple[ResolvedLink, ...]) -> list[ResolvedLink]:
    return [x for link in links for x in [link, *_walk_resolved(link.children)]]


# --- resolve_links ---------------------------------------------------------------------------------

PAGES = {
    "setup/x.md": Target("setup/x/", "Setting up X", {"install": "Install X", "use": "Using it"}),
    "index.md": Target("", "Home", {}),
    "blog/posts/other.md": Target("blog/2024/02/01/other/", "Another post", {}),
    "plain/page.md": Target("plain/page.html", "Plain page", {}),
}


def resolve(items: Any, page_url: str = PAGE_URL) -> tuple[tuple[ResolvedLink, ...], list[Problem]]:
    if not isinstance(items, tuple):
        items, problems = parse(items)
        assert problems == []
    return resolve_links(items, PAGES.get, page_url, SRC)


def test_urls_are_relative_to_the_post() -> None:
    links, problems = resolve(["setup/x.md", "index.md", "blog/posts/other.md", "plain/page.md"])
    assert problems == []
    assert links == (
        ResolvedLink("Setting up X", "../../../../../setup/x/", False),
        ResolvedLink("Home", "../../../../..", False),
        ResolvedLink("Another post", "../../../02/01/other/", False),
        ResolvedLink("Plain page", "../../../../../plain/page.html", False),
    )


def test_urls_from_a_page_without_directory_urls() -> None:
    links, _ = resolve(["setup/x.md", "index.md"], page_url="blog/2024/01/24/hello.html")
    assert [link.url for link in links] == ["../../../../setup/x/", "../../../.."]


def test_explicit_titles_win() -> None:
    links, problems = resolve([{"Read this": "setup/x.md#install"}])
    assert problems == []
    assert links == (ResolvedLink("Read this", "../../../../../setup/x/#install", False),)


def test_untitled_anchor_link_takes_the_heading_text() -> None:
    links, problems = resolve(["setup/x.md#use"])
    assert problems == []
    assert links == (ResolvedLink("Using it", "../../../../../setup/x/#use", False),)


def test_untitled_anchor_link_without_known_headings_takes_the_page_title() -> None:
    links, problems = resolve(["plain/page.md#somewhere"])
    assert problems == []
    assert links == (ResolvedLink("Plain page", "../../../../../plain/page.html#somewhere", False),)


def test_an_anchor_the_page_does_not_have_is_reported_and_kept() -> None:
    links, problems = resolve(["setup/x.md#nope"])
    assert links == (ResolvedLink("Setting up X", "../../../../../setup/x/#nope", False),)
    assert [(p.src_uri, p.field) for p in problems] == [(SRC, "links")]
    assert "nope" in problems[0].message


def test_external_urls() -> None:
    links, problems = resolve(["https://example.org/x#y", {"Example": "https://example.org/"}])
    assert problems == []
    assert links == (
        ResolvedLink("https://example.org/x#y", "https://example.org/x#y", True),
        ResolvedLink("Example", "https://example.org/", True),
    )


def test_a_path_that_is_no_page() -> None:
    links, problems = resolve(["setup/x.md", "setup/missing.md#a", "index.md"])
    assert [link.title for link in links] == ["Setting up X", "Home"]
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.src_uri, problem.field) == (SRC, "links")
    assert "setup/missing.md" in problem.message
    assert str(problem).startswith(f"{SRC}: 'links': ")


def test_a_post_relative_path_is_no_page() -> None:
    # "other.md" next to the post is "blog/posts/other.md" from docs_dir; Material does not guess either.
    links, problems = resolve(["other.md"])
    assert links == ()
    assert "'other.md'" in problems[0].message and "docs_dir" in problems[0].message


def test_sections() -> None:
    links, problems = resolve(
        [
            {"Setup": ["setup/x.md#install", {"Elsewhere": "https://x.org"}, "missing.md"]},
            {"Gone": ["missing.md"]},
        ]
    )
    assert links == (
        ResolvedLink(
            "Setup",
            "",
            False,
            (
                ResolvedLink("Install X", "../../../../../setup/x/#install", False),
                ResolvedLink("Elsewhere", "https://x.org", True),
            ),
        ),
    )
    assert [p.field for p in problems] == ["links", "links"]


def test_an_untitled_section_built_by_hand_is_spliced() -> None:
    items = (LinkItem(None, None, None, (LinkItem(None, "index.md", None),)),)
    links, problems = resolve(items)
    assert problems == []
    assert links == (ResolvedLink("Home", "../../../../..", False),)


def test_a_page_without_a_title_shows_its_path() -> None:
    links, _ = resolve_links(
        (LinkItem(None, "a.md", None),), {"a.md": Target("a/", "", {})}.get, PAGE_URL, SRC
    )
    assert links == (ResolvedLink("a.md", "../../../../../a/", False),)


def test_a_link_to_the_post_itself() -> None:
    pages = {SRC: Target(PAGE_URL, "Hello", {"intro": "Intro"})}
    links, _ = resolve_links((LinkItem(None, SRC, "intro"),), pages.get, PAGE_URL, SRC)
    assert links == (ResolvedLink("Intro", "./#intro", False),)


# --- the template --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def env() -> jinja2.Environment:
    return jinja2.Environment(
        autoescape=True,
        loader=jinja2.PackageLoader("mkdocs_blog_tags", "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


T = SimpleNamespace(related_links="Related <links>")


def render(env: jinja2.Environment, links: Any) -> Any:
    html = env.get_template("blog_tags/post_links.html").render(links=links, t=T)
    return html, html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)


def _text(element: Any) -> str:
    return "".join(element.itertext()).strip()


def test_template_markup(env: jinja2.Environment) -> None:
    links, _ = resolve(
        [
            "setup/x.md#install",
            {"Example": "https://example.org/?a=1&b=2"},
            {"Setup": ["index.md", {"Deeper": ["plain/page.md"]}]},
        ]
    )
    html, tree = render(env, links)
    nav = tree.find(".//nav")
    assert nav.get("class") == "blog-tags blog-tags-links"
    assert nav.get("aria-label") == "Related <links>"
    assert "Related &lt;links&gt;" in html
    assert _text(nav.find("h2")) == "Related <links>"
    top = nav.find("ul")
    items = top.findall("li")
    assert [(a.get("href"), _text(a)) for a in (li.find("a") for li in items[:2])] == [
        ("../../../../../setup/x/#install", "Install X"),
        ("https://example.org/?a=1&b=2", "Example"),
    ]
    section = items[2]
    assert section.find("a") is None
    assert _text(section.find("span")) == "Setup"
    inner = section.find("ul").findall("li")
    assert [(a.get("href"), _text(a)) for a in inner[0].findall("a")] == [("../../../../..", "Home")]
    assert _text(inner[1].find("span")) == "Deeper"
    assert [(a.get("href"), _text(a)) for a in inner[1].iter("a")] == [
        ("../../../../../plain/page.html", "Plain page")
    ]
    assert len(tree.findall(".//a")) == 4


def test_template_escapes_titles_and_urls(env: jinja2.Environment) -> None:
    title = "<script>alert('x')</script> & co"
    url = 'https://example.org/"><script>x</script>'
    links = (
        ResolvedLink(title, url, True),
        ResolvedLink("<b>Section</b>", "", False, (ResolvedLink(title, "a/", False),)),
    )
    html, tree = render(env, links)
    assert "<script>" not in html and "<b>" not in html
    assert tree.find(".//script") is None and tree.find(".//b") is None
    anchors = tree.findall(".//a")
    assert [(a.get("href"), _text(a)) for a in anchors] == [(url, title), ("a/", title)]
    assert _text(tree.find(".//li/span")) == "<b>Section</b>"


def test_template_without_links_renders_nothing(env: jinja2.Environment) -> None:
    html, _ = render(env, ())
    assert html.strip() == ""
