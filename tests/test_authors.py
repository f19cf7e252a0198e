import textwrap

import pytest

from mkdocs_blog_tags.authors import Author, read_authors, resolve_authors
from mkdocs_blog_tags.posts import Problem

SRC = "blog/.authors.yml"


def read(text: str):  # type: ignore[no-untyped-def]
    return read_authors(textwrap.dedent(text).lstrip("\n"), SRC)


def fields(problems: list[Problem]) -> list[str]:
    return [p.field for p in problems]


def test_valid_file_gives_authors_in_file_order() -> None:
    authors, problems = read(
        """
        authors:
          squidfunk:
            name: Martin Donath
            description: Creator
            avatar: https://github.com/squidfunk.png
            url: https://github.com/squidfunk
            slug: martin
          alex:
            name: Alex
            avatar: images/alex.png
          123:
            name: Numbered
        """
    )
    assert problems == []
    assert list(authors) == ["squidfunk", "alex", "123"]
    assert authors["squidfunk"] == Author(
        id="squidfunk",
        name="Martin Donath",
        description="Creator",
        avatar="https://github.com/squidfunk.png",
        url="https://github.com/squidfunk",
        slug="martin",
    )
    assert authors["alex"] == Author(id="alex", name="Alex", avatar="images/alex.png")
    assert authors["123"] == Author(id="123", name="Numbered")


def test_not_yaml_names_the_line() -> None:
    authors, problems = read(
        """
        authors:
          squidfunk:
            name: Martin
           bad: [unclosed
        """
    )
    assert authors == {}
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.src_uri, problem.field) == (SRC, "")
    assert "line 4" in problem.message
    assert "not valid YAML" in problem.message


def test_yaml_line_is_one_based_on_first_line() -> None:
    _, problems = read_authors("authors: [a\n", SRC)
    assert len(problems) == 1 and "line 2" in problems[0].message
    _, problems = read_authors("\tauthors:\n", SRC)
    assert len(problems) == 1 and "line 1" in problems[0].message


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", "\ufeff"])
def test_empty_file_is_no_authors_and_no_problem(text: str) -> None:
    assert read_authors(text, SRC) == ({}, [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("- a\n- b\n", "list"),
        ("just text\n", "str"),
        ("people:\n  a:\n    name: A\n", "only 'people'"),
        ("{}\n", "found {}"),
        ("authors: [a, b]\n", "list"),
        ("authors: someone\n", "str"),
        ("authors:\n", "nothing"),
    ],
)
def test_wrong_shape_names_the_authors_field(text: str, found: str) -> None:
    authors, problems = read_authors(text, SRC)
    assert authors == {}
    assert fields(problems) == ["authors"]
    assert problems[0].src_uri == SRC
    assert found in problems[0].message


@pytest.mark.parametrize("entry", ["Just a name", "[a, b]", "", "42"])
def test_entry_not_a_mapping_is_skipped(entry: str) -> None:
    authors, problems = read_authors(f"authors:\n  bad: {entry}\n  good:\n    name: Good\n", SRC)
    assert list(authors) == ["good"]
    assert fields(problems) == ["authors.bad"]
    assert "mapping" in problems[0].message


def test_missing_name_keeps_author_with_id_as_name() -> None:
    authors, problems = read(
        """
        authors:
          jdoe:
            avatar: me.png
        """
    )
    assert authors == {"jdoe": Author(id="jdoe", name="jdoe", avatar="me.png")}
    assert fields(problems) == ["authors.jdoe.name"]
    assert "add 'name' to authors.jdoe in blog/.authors.yml" in problems[0].message


@pytest.mark.parametrize("name", ["[a, b]", "{first: J}", "true", '""', "~"])
def test_name_not_text_keeps_author_with_id_as_name(name: str) -> None:
    authors, problems = read_authors(f"authors:\n  jdoe:\n    name: {name}\n", SRC)
    assert authors["jdoe"].name == "jdoe"
    assert fields(problems) == ["authors.jdoe.name"]
    assert "add 'name' to authors.jdoe in blog/.authors.yml" in problems[0].message


def test_numeric_name_is_used_as_text_with_a_note() -> None:
    authors, problems = read_authors("authors:\n  jdoe:\n    name: 2024\n", SRC)
    assert authors["jdoe"].name == "2024"
    assert fields(problems) == ["authors.jdoe.name"]


@pytest.mark.parametrize("key", ["description", "avatar", "url", "slug"])
@pytest.mark.parametrize("value", ["[a, b]", "{x: 1}", "true"])
def test_optional_value_of_wrong_type_is_dropped(key: str, value: str) -> None:
    authors, problems = read_authors(f"authors:\n  a:\n    name: A\n    {key}: {value}\n", SRC)
    assert authors["a"] == Author(id="a", name="A")
    assert fields(problems) == [f"authors.a.{key}"]


def test_number_as_optional_value_is_reported() -> None:
    authors, problems = read_authors("authors:\n  a:\n    name: A\n    slug: 42\n", SRC)
    assert authors["a"].slug == "42"
    assert fields(problems) == ["authors.a.slug"]


def test_text_is_cleaned_of_control_characters() -> None:
    authors, problems = read_authors(
        'authors:\n  a:\n    name: " Ann\\x07 "\n    description: "x\\x00y"\n', SRC
    )
    assert problems == []
    assert authors["a"].name == "Ann"
    assert authors["a"].description == "xy"


def test_unknown_keys_are_ignored() -> None:
    authors, problems = read(
        """
        authors:
          a:
            name: A
            twitter: "@a"
            socials: [x, y]
            nested: {deep: {er: 1}}
        """
    )
    assert problems == []
    assert authors == {"a": Author(id="a", name="A")}


def test_html_and_quotes_stay_raw() -> None:
    authors, problems = read_authors(
        "authors:\n  x:\n    name: '<b>\"x\"</b>'\n    description: a & b\n", SRC
    )
    assert problems == []
    assert authors["x"].name == '<b>"x"</b>'
    assert authors["x"].description == "a & b"


def test_odd_ids_are_coerced_or_reported() -> None:
    authors, problems = read_authors(
        "authors:\n  ~: {name: N}\n  true: {name: T}\n  2: {name: Two}\n  '2': {name: Dup}\n", SRC
    )
    assert list(authors) == ["True", "2"]
    assert fields(problems) == ["authors", "authors"]
    assert "empty" in problems[0].message and "twice" in problems[1].message


def test_resolve_without_file_gives_plain_names() -> None:
    found, problems = resolve_authors(["Ann", "Bob Smith"], None, "blog/post.md")
    assert problems == []
    assert found == (Author(id="Ann", name="Ann"), Author(id="Bob Smith", name="Bob Smith"))


def test_resolve_with_file_maps_ids() -> None:
    authors, _ = read_authors("authors:\n  sq:\n    name: Martin\n  al:\n    name: Alex\n", SRC)
    found, problems = resolve_authors(["al", "sq"], authors, "blog/post.md")
    assert problems == []
    assert found == (authors["al"], authors["sq"])


def test_resolve_unknown_id_suggests_the_closest() -> None:
    authors, _ = read_authors("authors:\n  squidfunk:\n    name: Martin\n", SRC)
    found, problems = resolve_authors(["squidfnuk"], authors, "blog/post.md", field="author")
    assert found == (Author(id="squidfnuk", name="squidfnuk"),)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.src_uri, problem.field) == ("blog/post.md", "author")
    assert "'squidfnuk'" in problem.message and "did you mean 'squidfunk'" in problem.message


def test_resolve_unknown_id_lists_known_ids() -> None:
    authors, _ = read_authors("authors:\n  ann:\n    name: A\n  bob:\n    name: B\n", SRC)
    found, problems = resolve_authors(["zzzzzz", "ann"], authors, "blog/post.md")
    assert found == (Author(id="zzzzzz", name="zzzzzz"), authors["ann"])
    assert len(problems) == 1
    assert "'ann', 'bob'" in problems[0].message


def test_resolve_unknown_id_with_empty_file() -> None:
    found, problems = resolve_authors(["ann"], {}, "blog/post.md")
    assert found == (Author(id="ann", name="ann"),)
    assert len(problems) == 1 and "no authors" in problems[0].message


def test_resolve_collapses_duplicates_and_ignores_empty() -> None:
    authors = {"a": Author(id="a", name="A"), "b": Author(id="b", name="B")}
    found, problems = resolve_authors(["a", "", "b", "a", "  ", "b"], authors, "blog/post.md")
    assert problems == []
    assert found == (authors["a"], authors["b"])
    found, problems = resolve_authors(["x", "", "x"], None, "blog/post.md")
    assert found == (Author(id="x", name="x"),)
    found, problems = resolve_authors(["zz", "zz"], authors, "blog/post.md")
    assert found == (Author(id="zz", name="zz"),) and len(problems) == 1
