"""The pure core of the migration from Material's blog, tested without a MkDocs build.

Folder defaults (``.meta.yml``), post addresses (``post_url_format``), redirects
from former addresses, and which files of the blog folder are posts. Tests
that once showed a defect (found while these tests were written) keep it fixed.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import settings
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pymdownx.slugs import slugify as pymdownx_slugify

from mkdocs_blog_tags.folders import META_FILE, FolderDefaults
from mkdocs_blog_tags.permalinks import (
    material_slug,
    media_dest,
    post_path,
    post_paths,
    posts_folder,
    previous_paths,
)
from mkdocs_blog_tags.plan import post_candidate, select_posts, stray_page
from mkdocs_blog_tags.posts import Post, merge_front_matter
from mkdocs_blog_tags.redirects import Redirect, alias_path, plan_redirects, redirect_context

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 1, tzinfo=UTC)
PROPERTY = hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def post(
    src_uri: str = "blog/posts/hello.md",
    title: str = "Hello World",
    date: dt.datetime | None = dt.datetime(2024, 1, 24, 12, tzinfo=UTC),
    **fields: Any,
) -> Post:
    return Post(src_uri, title, date, **fields)


def nobody(path: str) -> str | None:
    """A ``taken``/``occupied`` callback for a site where no other file is published."""
    return None


# -- folders.py: .meta.yml ---------------------------------------------------------------------


class TestFolderDefaultsRead:
    def test_valid_mappings_keyed_by_folder(self) -> None:
        found = FolderDefaults.read(
            [
                (META_FILE, "authors: [ann]\n"),
                ("blog/posts/.meta.yml", "tags: [news]\ndraft: false\n"),
            ]
        )
        assert found.defaults == {"": {"authors": ["ann"]}, "blog/posts": {"tags": ["news"], "draft": False}}
        assert found.broken == {}
        assert found.problems == ()

    @pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", "---\n"])
    def test_empty_file_gives_nothing_and_is_no_problem(self, text: str) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", text)])
        assert found.defaults == {}
        assert found.broken == {}
        assert found.problems == ()

    def test_byte_order_mark_is_not_a_problem(self) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", "\ufefftags: [a]\n")])
        assert found.defaults == {"blog": {"tags": ["a"]}}
        assert found.problems == ()

    def test_invalid_yaml_names_the_file_and_the_one_based_line(self) -> None:
        text = "title: fine\n  draft: true\ntags: [a]\n"  # line 2: "mapping values are not allowed here"
        with pytest.raises(yaml.YAMLError) as raised:
            yaml.safe_load(text)
        assert raised.value.problem_mark.line == 1  # type: ignore[attr-defined]  # 0-based in PyYAML

        found = FolderDefaults.read([("blog/posts/.meta.yml", text)])
        assert found.defaults == {}
        assert found.broken == {"blog/posts": "blog/posts/.meta.yml"}
        [problem] = found.problems
        assert problem.src_uri == "blog/posts/.meta.yml"
        assert problem.field == ""
        assert "line 2:" in problem.message
        assert "not valid YAML" in problem.message
        assert "left out" in problem.message
        assert str(problem).startswith("blog/posts/.meta.yml: line 2: ")

    def test_unclosed_flow_sequence_reports_a_line(self) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", "a: 1\nb: 2\ntags: [x, y\n")])
        [problem] = found.problems
        assert problem.src_uri == "blog/.meta.yml"
        assert "line " in problem.message
        assert found.broken == {"blog": "blog/.meta.yml"}

    def test_yaml_error_without_a_mark_still_names_the_file(self) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", "title: a\x01b\n")])  # a ReaderError
        [problem] = found.problems
        assert problem.src_uri == "blog/.meta.yml"
        assert "not valid YAML" in problem.message
        assert found.broken == {"blog": "blog/.meta.yml"}

    @pytest.mark.parametrize(
        ("text", "kind"), [("- draft\n- true\n", "list"), ("just text\n", "str"), ("42\n", "int")]
    )
    def test_not_a_mapping_is_a_problem(self, text: str, kind: str) -> None:
        found = FolderDefaults.read([("blog/posts/.meta.yml", text)])
        assert found.defaults == {}
        assert found.broken == {"blog/posts": "blog/posts/.meta.yml"}
        [problem] = found.problems
        assert problem.src_uri == "blog/posts/.meta.yml"
        assert f"must be a mapping of keys to values, got {kind}" in problem.message

    def test_text_none_is_not_utf8(self) -> None:
        found = FolderDefaults.read([("blog/posts/.meta.yml", None)])
        assert found.defaults == {}
        assert found.broken == {"blog/posts": "blog/posts/.meta.yml"}
        [problem] = found.problems
        assert problem.src_uri == "blog/posts/.meta.yml"
        assert "not UTF-8" in problem.message

    def test_one_broken_file_does_not_hide_the_others(self) -> None:
        found = FolderDefaults.read(
            [(META_FILE, "authors: [ann]\n"), ("blog/.meta.yml", None), ("blog/posts/.meta.yml", "- x\n")]
        )
        assert found.defaults == {"": {"authors": ["ann"]}}
        assert found.broken == {"blog": "blog/.meta.yml", "blog/posts": "blog/posts/.meta.yml"}
        assert [p.src_uri for p in found.problems] == ["blog/.meta.yml", "blog/posts/.meta.yml"]

    def test_impossible_date_does_not_abort_the_reading(self) -> None:
        found = FolderDefaults.read([("blog/posts/.meta.yml", "date: 2024-13-45\n")])
        # Either read as text (like a post's front matter) or reported as a broken file; never an exception.
        assert found.defaults.get("blog/posts") == {"date": "2024-13-45"} or "blog/posts" in found.broken

    def test_bad_explicit_tag_is_a_problem_not_an_exception(self) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", "weight: !!float abc\n")])
        assert found.broken == {"blog": "blog/.meta.yml"}


class TestBlockedBy:
    def test_broken_folder_above_the_post(self) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", None)])
        assert found.blocked_by("blog/posts/hello.md") == "blog/.meta.yml"
        assert found.blocked_by("blog/posts/2024/deep/hello.md") == "blog/.meta.yml"

    def test_broken_folder_of_the_post(self) -> None:
        found = FolderDefaults.read([("blog/posts/.meta.yml", "- x\n")])
        assert found.blocked_by("blog/posts/hello.md") == "blog/posts/.meta.yml"

    def test_broken_docs_dir_root_blocks_every_page(self) -> None:
        found = FolderDefaults.read([(META_FILE, "a: [\n")])
        assert found.blocked_by("index.md") == META_FILE
        assert found.blocked_by("blog/posts/hello.md") == META_FILE

    def test_sibling_folder_does_not_block(self) -> None:
        found = FolderDefaults.read([("blog/drafts/.meta.yml", None)])
        assert found.blocked_by("blog/posts/hello.md") is None
        assert found.blocked_by("blog/hello.md") is None

    def test_no_path_prefix_bug(self) -> None:
        """Material's meta plugin tests ``src_path.startswith(dirname(meta))``: ``blog/`` reaches ``blogroll.md``."""
        found = FolderDefaults.read([("blog/.meta.yml", None), ("docs/blog/.meta.yml", "- x\n")])
        assert found.blocked_by("blogroll.md") is None
        assert found.blocked_by("blog-old/post.md") is None
        assert found.blocked_by("docs/blogroll.md") is None
        assert found.blocked_by("docs/blog/post.md") == "docs/blog/.meta.yml"

    def test_readable_files_block_nothing(self) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", "draft: true\n")])
        assert found.blocked_by("blog/posts/hello.md") is None


class TestForPost:
    def test_nearest_folder_last(self) -> None:
        found = FolderDefaults.read(
            [
                (META_FILE, "author: root\nlicense: cc\n"),
                ("blog/.meta.yml", "author: blog\n"),
                ("blog/posts/.meta.yml", "author: posts\n"),
            ]
        )
        assert found.for_post("blog/posts/a.md") == {"author": "posts", "license": "cc"}
        assert found.for_post("blog/a.md") == {"author": "blog", "license": "cc"}
        assert found.for_post("about.md") == {"author": "root", "license": "cc"}

    def test_lists_concatenated_outermost_first(self) -> None:
        found = FolderDefaults.read(
            [
                ("blog/posts/.meta.yml", "tags: [c]\n"),  # order of reading does not matter
                (META_FILE, "tags: [a]\n"),
                ("blog/.meta.yml", "tags: [b]\n"),
            ]
        )
        assert found.for_post("blog/posts/x.md") == {"tags": ["a", "b", "c"]}

    def test_nested_mappings_merged(self) -> None:
        found = FolderDefaults.read(
            [
                ("blog/.meta.yml", "search:\n  boost: 2\n  exclude: false\nextra: {a: {x: 1}}\n"),
                ("blog/posts/.meta.yml", "search:\n  exclude: true\nextra: {a: {y: 2}}\n"),
            ]
        )
        assert found.for_post("blog/posts/x.md") == {
            "search": {"boost": 2, "exclude": True},
            "extra": {"a": {"x": 1, "y": 2}},
        }

    def test_scalars_replaced(self) -> None:
        found = FolderDefaults.read(
            [("blog/.meta.yml", "draft: true\n"), ("blog/posts/.meta.yml", "draft: false\n")]
        )
        assert found.for_post("blog/posts/x.md") == {"draft": False}

    def test_no_defaults_gives_empty_mapping(self) -> None:
        found = FolderDefaults.read([("other/.meta.yml", "draft: true\n")])
        assert found.for_post("blog/posts/x.md") == {}
        assert FolderDefaults.read([]).for_post("x.md") == {}

    def test_no_path_prefix_bug(self) -> None:
        found = FolderDefaults.read([("blog/.meta.yml", "draft: true\n")])
        assert found.for_post("blogroll.md") == {}
        assert found.for_post("blog/x.md") == {"draft": True}

    def test_broken_folder_contributes_nothing_the_others_do(self) -> None:
        found = FolderDefaults.read([(META_FILE, "tags: [a]\n"), ("blog/.meta.yml", None)])
        assert found.for_post("blog/x.md") == {"tags": ["a"]}

    def test_reading_twice_gives_the_same_defaults(self) -> None:
        found = FolderDefaults.read([(META_FILE, "tags: [a]\n"), ("blog/.meta.yml", "tags: [b]\n")])
        first = found.for_post("blog/x.md")
        second = found.for_post("blog/x.md")
        assert first == second == {"tags": ["a", "b"]}
        assert found.defaults == {"": {"tags": ["a"]}, "blog": {"tags": ["b"]}}


class TestMergeFrontMatter:
    def test_own_values_win(self) -> None:
        assert merge_front_matter({"title": "a", "draft": True}, {"draft": False}) == {
            "title": "a",
            "draft": False,
        }

    def test_lists_concatenated(self) -> None:
        assert merge_front_matter({"tags": ["a", "b"]}, {"tags": ["b", "c"]}) == {
            "tags": ["a", "b", "b", "c"]
        }

    def test_mappings_merged_recursively(self) -> None:
        base = {"date": {"created": "2024-01-01", "updated": "2024-02-01"}, "x": {"y": {"z": 1, "l": [1]}}}
        own = {"date": {"updated": "2024-03-01"}, "x": {"y": {"w": 2, "l": [2]}}}
        assert merge_front_matter(base, own) == {
            "date": {"created": "2024-01-01", "updated": "2024-03-01"},
            "x": {"y": {"z": 1, "w": 2, "l": [1, 2]}},
        }

    @pytest.mark.parametrize(
        ("base", "own"),
        [(["a"], "b"), ("a", ["b"]), ({"a": 1}, ["b"]), (["a"], {"b": 1}), ({"a": 1}, "b"), (["a"], None)],
    )
    def test_different_kinds_replaced(self, base: Any, own: Any) -> None:
        assert merge_front_matter({"k": base}, {"k": own}) == {"k": own}

    def test_inputs_unchanged(self) -> None:
        base = {"tags": ["a"], "m": {"x": 1}}
        own = {"tags": ["b"], "m": {"y": 2}}
        merge_front_matter(base, own)
        assert base == {"tags": ["a"], "m": {"x": 1}}
        assert own == {"tags": ["b"], "m": {"y": 2}}


_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=10,
)
_FRONT_MATTER = st.dictionaries(st.sampled_from(["tags", "draft", "date", "m", "title"]), _VALUES, max_size=5)


@PROPERTY
@given(_FRONT_MATTER)
def test_merging_with_nothing_changes_nothing(front_matter: dict[str, Any]) -> None:
    assert merge_front_matter(front_matter, {}) == front_matter
    assert merge_front_matter({}, front_matter) == front_matter


@PROPERTY
@given(_FRONT_MATTER, _FRONT_MATTER)
def test_merge_keeps_every_key_and_own_scalars_win(base: dict[str, Any], own: dict[str, Any]) -> None:
    merged = merge_front_matter(base, own)
    assert set(merged) == set(base) | set(own)
    for key, value in own.items():
        if not isinstance(value, (list, dict)):
            assert merged[key] == value
        elif isinstance(value, list) and isinstance(base.get(key), list):
            assert merged[key] == [*base[key], *value]


# -- permalinks.py -------------------------------------------------------------------------------

TITLES = [
    "Hello World",
    "Café au lait",
    "Ünïcode Straße",
    "日本語のタイトル",
    "中文 标题",
    "Hello, World! (Part 2)",
    "What's new?",
    "C++ & C#",
    "a/b\\c",
    "Emoji 🎉 party",
    "🎉",
    "double  space",
    "  leading and trailing  ",
    "A — B – C",
    "tab\tseparated",
    "",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("separator", ["-", "_"])
def test_material_slug_is_pymdownx_lower(title: str, separator: str) -> None:
    assert material_slug(title, separator) == pymdownx_slugify(case="lower")(title, separator)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Hello World", "hello-world"),
        ("Café au lait", "café-au-lait"),
        ("日本語のタイトル", "日本語のタイトル"),
        ("Hello, World! (Part 2)", "hello-world-part-2"),
        ("Emoji 🎉 party", "emoji--party"),
        ("double  space", "double--space"),
    ],
)
def test_material_slug_examples(title: str, slug: str) -> None:
    assert material_slug(title) == slug


class TestPostsFolder:
    def test_post_dir_set(self) -> None:
        s = settings({"post_dir": "{blog}/articles"})
        assert posts_folder(s, ["blog/posts/a.md"]) == "blog/articles"
        assert posts_folder(settings({"post_dir": "writing"}), []) == "writing"

    @pytest.mark.parametrize("name", ["a.md", "2024/deep/a.markdown", "index.md"])
    def test_blog_posts_with_a_markdown_file(self, name: str) -> None:
        assert posts_folder(settings(), ["index.md", f"blog/posts/{name}"]) == "blog/posts"

    def test_blog_posts_with_only_an_image_is_the_blog(self) -> None:
        assert posts_folder(settings(), ["blog/index.md", "blog/posts/cover.png", "blog/a.md"]) == "blog"

    def test_no_path_prefix_bug(self) -> None:
        assert posts_folder(settings(), ["blog/posts-old/a.md", "blog/postscript.md"]) == "blog"

    def test_blog_dir_dot(self) -> None:
        s = settings({"blog_dir": "."})
        assert posts_folder(s, ["index.md", "posts/a.md"]) == "posts"
        assert posts_folder(s, ["index.md", "a.md"]) == "."
        assert posts_folder(settings({"blog_dir": ".", "post_dir": "{blog}/posts"}), []) == "posts"


class TestMediaDest:
    def test_under_the_posts_folder_is_stripped(self) -> None:
        assert media_dest("blog/posts/cover.png", "blog/posts", "blog") == "blog/cover.png"
        assert media_dest("blog/posts/2024/img/a.jpg", "blog/posts", "blog") == "blog/2024/img/a.jpg"

    def test_blog_dot(self) -> None:
        assert media_dest("posts/cover.png", "posts", ".") == "cover.png"

    def test_not_under_the_posts_folder(self) -> None:
        assert media_dest("blog/cover.png", "blog/posts", "blog") is None
        assert media_dest("blog/posts-old/cover.png", "blog/posts", "blog") is None
        assert media_dest("assets/x.png", "blog/posts", "blog") is None

    def test_posts_folder_is_the_blog(self) -> None:
        assert media_dest("blog/cover.png", "blog", "blog") is None
        assert media_dest("cover.png", ".", ".") is None


class TestPostPath:
    def test_default_date_pattern(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}"})
        assert post_path(post(), "{date}/{slug}", s) == "blog/2024/01/24/hello-world.md"

    def test_custom_date_pattern(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}", "post_url_date_format": "yyyy/MM"})
        assert post_path(post(), s.post_url_format, s) == "blog/2024/01/hello-world.md"

    def test_date_pattern_in_the_locale(self) -> None:
        s = settings(
            {"post_url_format": "{date}/{slug}", "post_url_date_format": "yyyy/MMMM", "locale": "fr"}
        )
        assert post_path(post(), s.post_url_format, s) == "blog/2024/janvier/hello-world.md"

    def test_date_in_the_posts_own_offset(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}"})
        east = post(date=dt.datetime(2024, 1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=2))))
        assert post_path(east, s.post_url_format, s) == "blog/2024/01/01/hello-world.md"
        west = post(date=dt.datetime(2023, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
        assert post_path(west, s.post_url_format, s) == "blog/2023/12/31/hello-world.md"

    def test_year_month_day_in_the_posts_own_offset(self) -> None:
        s = settings({"post_url_format": "{year}/{month}/{day}/{slug}"})
        east = post(date=dt.datetime(2024, 1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=2))))
        assert post_path(east, s.post_url_format, s) == "blog/2024/01/01/hello-world.md"
        assert post_path(post(date=dt.datetime(987, 3, 5, tzinfo=UTC)), "{year}-{month}-{day}", s) == (
            "blog/0987-03-05.md"
        )

    def test_slug_from_front_matter_wins(self) -> None:
        s = settings({"post_url_format": "{slug}"})
        assert post_path(post(slug="my-own"), "{slug}", s) == "blog/my-own.md"

    @pytest.mark.parametrize("title", [t for t in TITLES if material_slug(t)])
    def test_slug_from_the_title(self, title: str) -> None:
        s = settings({"post_url_format": "{date}/{slug}"})
        expected = pymdownx_slugify(case="lower")(title, "-")
        assert post_path(post(title=title), s.post_url_format, s) == f"blog/2024/01/24/{expected}.md"

    def test_title_with_an_empty_slug_as_material(self) -> None:
        """Material's own arithmetic: normpath("2024/01/24/") takes the date folder's page."""
        s = settings({"post_url_format": "{date}/{slug}"})
        assert post_path(post(title="🎉"), s.post_url_format, s) == "blog/2024/01/24.md"

    def test_slug_separator(self) -> None:
        s = settings({"post_url_format": "{slug}", "post_slugify_separator": "_"})
        assert post_path(post(), "{slug}", s) == "blog/hello_world.md"

    def test_categories_max_one(self) -> None:
        s = settings({"post_url_format": "{categories}/{slug}"})
        p = post(categories=("Release Notes", "Python"))
        assert post_path(p, s.post_url_format, s) == "blog/release-notes/hello-world.md"

    def test_categories_max_two_slugified(self) -> None:
        s = settings({"post_url_format": "{categories}/{slug}", "post_url_max_categories": 2})
        p = post(categories=("Release Notes", "Café Crème", "Third"))
        assert post_path(p, s.post_url_format, s) == "blog/release-notes/café-crème/hello-world.md"

    def test_no_categories_collapse(self) -> None:
        s = settings({"post_url_format": "{categories}/{slug}"})
        assert post_path(post(), s.post_url_format, s) == "blog/hello-world.md"

    def test_file(self) -> None:
        s = settings({"post_url_format": "{file}"})
        assert post_path(post("blog/posts/2024/my-file.name.md"), "{file}", s) == "blog/my-file.name.md"
        assert post_path(post("blog/posts/x.markdown"), "posts/{file}", s) == "blog/posts/x.md"

    def test_blog_dir_dot(self) -> None:
        s = settings({"blog_dir": ".", "post_url_format": "{date}/{slug}"})
        assert post_path(post("posts/hello.md"), s.post_url_format, s) == "2024/01/24/hello-world.md"

    def test_slashes_stripped_and_normalised(self) -> None:
        s = settings({"post_url_format": "/{date}//{slug}/"})
        assert post_path(post(), s.post_url_format, s) == "blog/2024/01/24/hello-world.md"

    def test_undated_post_without_a_date_placeholder(self) -> None:
        s = settings({"post_url_format": "{categories}/{slug}"})
        assert (
            post_path(post(date=None, categories=("News",)), s.post_url_format, s)
            == "blog/news/hello-world.md"
        )
        assert post_path(post(date=None), "{file}", s) == "blog/hello.md"

    @pytest.mark.parametrize("url_format", ["{date}/{slug}", "{year}/{slug}", "{slug}-{month}", "x/{day}"])
    def test_undated_post_with_a_date_placeholder(self, url_format: str) -> None:
        s = settings({"post_url_format": url_format})
        assert post_path(post(date=None), url_format, s) is None

    def test_undated_post_with_a_date_placeholder_with_a_format_spec(self) -> None:
        s = settings({"post_url_format": "{date:.4}/{slug}"})
        assert s.post_url_format == "{date:.4}/{slug}"
        assert post_path(post(), s.post_url_format, s) == "blog/2024/hello-world.md"
        assert post_path(post(date=None), s.post_url_format, s) is None

    def test_categories_use_materials_category_separator(self) -> None:
        s = settings({"post_url_format": "{categories}/{slug}", "post_slugify_separator": "_"})
        p = post(categories=("Release Notes",))
        assert post_path(p, s.post_url_format, s) == "blog/release-notes/hello_world.md"

    def test_predefined_date_format_has_no_time_as_in_material(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}", "post_url_date_format": "short"})
        assert post_path(post(), s.post_url_format, s) == "blog/1/24/24/hello-world.md"

    def test_slug_cannot_leave_the_blog_folder(self) -> None:
        s = settings({"post_url_format": "{slug}"})
        path = post_path(post(slug="../../etc"), "{slug}", s)
        assert path is not None
        assert ".." not in path.split("/")
        assert path.startswith("blog/")


class TestPostPaths:
    def test_no_format(self) -> None:
        assert post_paths([post()], settings(), nobody) == ({}, [])

    def test_every_post(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}"})
        paths, problems = post_paths([post(), post("blog/posts/b.md", "Other")], s, nobody)
        assert paths == {
            "blog/posts/hello.md": "blog/2024/01/24/hello-world.md",
            "blog/posts/b.md": "blog/2024/01/24/other.md",
        }
        assert problems == []

    def test_two_posts_one_address(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}"})
        first, second = post("blog/posts/a.md"), post("blog/posts/b.md")
        paths, problems = post_paths([first, second], s, nobody)
        assert paths == {
            "blog/posts/a.md": "blog/2024/01/24/hello-world.md",
            "blog/posts/b.md": "blog/2024/01/24/hello-world-2.md",
        }
        [problem] = problems
        assert "blog/posts/a.md" in problem
        assert "blog/posts/b.md" in problem
        assert "blog/2024/01/24/hello-world-2" in problem

    def test_three_posts_one_address(self) -> None:
        s = settings({"post_url_format": "{slug}"})
        posts = [post(f"blog/posts/{n}.md") for n in "abc"]
        paths, problems = post_paths(posts, s, nobody)
        assert list(paths.values()) == [
            "blog/hello-world.md",
            "blog/hello-world-2.md",
            "blog/hello-world-3.md",
        ]
        assert len(problems) == 2

    def test_path_taken_by_another_file(self) -> None:
        s = settings({"post_url_format": "{slug}"})
        files = {"blog/hello-world.md": "blog/hello-world.md"}
        paths, problems = post_paths([post()], s, files.get)
        assert paths == {"blog/posts/hello.md": "blog/hello-world-2.md"}
        [problem] = problems
        assert "blog/posts/hello.md and blog/hello-world.md" in problem

    def test_path_taken_by_the_post_itself_is_no_collision(self) -> None:
        s = settings({"post_url_format": "posts/{file}"})
        paths, problems = post_paths([post()], s, lambda path: "blog/posts/hello.md")
        assert paths == {"blog/posts/hello.md": "blog/posts/hello.md"}
        assert problems == []

    def test_undated_post(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}"})
        paths, problems = post_paths([post(date=None), post("blog/posts/b.md", "B")], s, nobody)
        assert paths == {"blog/posts/b.md": "blog/2024/01/24/b.md"}
        [problem] = problems
        assert problem.startswith("blog/posts/hello.md: 'date': ")
        assert "{date}/{slug}" in problem


class TestPreviousPaths:
    def test_false(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}"})
        assert previous_paths([post()], s) == {}

    def test_true_is_the_file_itself(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}", "post_url_redirects": True})
        assert previous_paths([post(), post("blog/posts/b.md")], s) == {
            "blog/posts/hello.md": "blog/posts/hello.md",
            "blog/posts/b.md": "blog/posts/b.md",
        }

    def test_former_format(self) -> None:
        s = settings({"post_url_format": "{date}/{slug}", "post_url_redirects": "{year}/{file}"})
        assert previous_paths([post()], s) == {"blog/posts/hello.md": "blog/2024/hello.md"}

    def test_former_format_needs_a_date_the_post_lacks(self) -> None:
        s = settings({"post_url_format": "{slug}", "post_url_redirects": "{date}/{slug}"})
        assert previous_paths([post(date=None), post("blog/posts/b.md")], s) == {
            "blog/posts/b.md": "blog/2024/01/24/hello-world.md"
        }

    def test_nothing_moved_nothing_to_redirect(self) -> None:
        assert previous_paths([post()], settings({"post_url_redirects": True})) == {}


# -- redirects.py --------------------------------------------------------------------------------


class TestAliasPath:
    @pytest.mark.parametrize(
        ("alias", "path"),
        [
            ("/2016/01/old/", "2016/01/old/index.html"),
            ("2016/01/old/", "2016/01/old/index.html"),
            ("old/page.html", "old/page.html"),
            ("/old/page.html", "old/page.html"),
            ("/old", "old/index.html"),
            ("/old/?page=2#top", "old/index.html"),
            ("/old/page.html?x=1", "old/page.html"),
            ("/old#frag", "old/index.html"),
            ("/caf%C3%A9/", "café/index.html"),
            ("/a%20b/", "a b/index.html"),
            ("/a/./b/", "a/b/index.html"),
            ("/a//b/", "a/b/index.html"),
            ("\\win\\path\\", "win/path/index.html"),
        ],
    )
    def test_site_paths(self, alias: str, path: str) -> None:
        assert alias_path(alias) == (path, None)

    @pytest.mark.parametrize("alias", ["https://x/y", "http://example.org/old/", "//host/y", "mailto:a@b"])
    def test_absolute_refused(self, alias: str) -> None:
        path, why = alias_path(alias)
        assert path is None
        assert why is not None and "absolute URL" in why

    @pytest.mark.parametrize(
        "alias", ["../x", "a/../../x", "/a/../b/", "%2e%2e/x", "a/%2E%2E/x", "..\\x", "..%5cx"]
    )
    def test_leaving_the_site_refused(self, alias: str) -> None:
        path, why = alias_path(alias)
        assert path is None
        assert why is not None and "'..'" in why

    @pytest.mark.parametrize("alias", ["/", "", "//", "?x=1", "#top"])
    def test_home_page_refused(self, alias: str) -> None:
        path, why = alias_path(alias)
        assert path is None
        assert why is not None and "home page" in why

    @pytest.mark.parametrize("alias", ["//[", "http://[::1", "https://[bad/", "//a]b"])
    def test_malformed_host_is_refused(self, alias: str) -> None:
        path, why = alias_path(alias)
        assert path is None
        assert why is not None

    def test_trailing_slash_is_a_folder_even_with_a_dot(self) -> None:
        assert alias_path("/v1.5-released/") == ("v1.5-released/index.html", None)
        assert alias_path("/2016/01/hello.world/") == ("2016/01/hello.world/index.html", None)

    @pytest.mark.parametrize("alias", [".", "./", "/./"])
    def test_dot_is_the_home_page_too(self, alias: str) -> None:
        assert alias_path(alias)[0] is None


_ALIAS_PARTS = st.sampled_from(
    [
        "..",
        ".",
        "",
        "a",
        "b.html",
        "%2e%2e",
        "%2E.",
        ".%2e",
        "%2f",
        "%2F..",
        "%5c",
        "\\",
        "..\\",
        "?q",
        "#f",
        "x:y",
    ]
)
_ALIASES = st.one_of(
    st.text(),
    st.lists(_ALIAS_PARTS, max_size=6).map("/".join),
    st.tuples(st.sampled_from(["", "/", "//", "\\", "./"]), st.lists(_ALIAS_PARTS | st.text(max_size=4))).map(
        lambda t: t[0] + "/".join(t[1])
    ),
)


@PROPERTY
@given(_ALIASES)
def test_alias_path_never_leaves_the_site(alias: str) -> None:
    try:
        urlsplit(alias)
    except ValueError:  # a malformed IPv6 host: the known defect of test_malformed_host_is_refused
        assume(False)
    path, why = alias_path(alias)
    assert (path is None) != (why is None)
    if path is not None:
        assert not path.startswith("/")
        assert ".." not in path.split("/")
        assert "" not in path.split("/")
        assert "\\" not in path
        assert posixpath.normpath(path) == path


class TestPlanRedirects:
    def test_redirects_sorted(self) -> None:
        aliases = [("blog/posts/b.md", "aliases", "/z/"), ("blog/posts/a.md", "aliases", "/a/old.html")]
        redirects, problems = plan_redirects(aliases, {}, nobody)
        assert redirects == [
            Redirect("a/old.html", "blog/posts/a.md"),
            Redirect("z/index.html", "blog/posts/b.md"),
        ]
        assert problems == []

    def test_collision_with_an_occupied_path(self) -> None:
        site = {"about/index.html": "about.md"}
        redirects, problems = plan_redirects([("blog/posts/a.md", "redirect_from", "/about/")], {}, site.get)
        assert redirects == []
        [problem] = problems
        assert problem.startswith("blog/posts/a.md: 'redirect_from': '/about/'")
        assert "about.md" in problem

    def test_two_posts_one_alias_first_wins(self) -> None:
        aliases = [("blog/posts/a.md", "aliases", "/old/"), ("blog/posts/b.md", "aliases", "old")]
        redirects, problems = plan_redirects(aliases, {}, nobody)
        assert redirects == [Redirect("old/index.html", "blog/posts/a.md")]
        [problem] = problems
        assert problem.startswith("blog/posts/b.md: 'aliases': 'old'")
        assert "blog/posts/a.md" in problem

    def test_same_post_same_path_twice_is_no_problem(self) -> None:
        aliases = [("blog/posts/a.md", "aliases", "/old/"), ("blog/posts/a.md", "aliases", "/old/index.html")]
        assert plan_redirects(aliases, {}, nobody) == ([Redirect("old/index.html", "blog/posts/a.md")], [])

    def test_refused_alias_names_the_key(self) -> None:
        redirects, problems = plan_redirects(
            [("blog/posts/a.md", "redirect_from", "https://x/y")], {}, nobody
        )
        assert redirects == []
        [problem] = problems
        assert problem.startswith("blog/posts/a.md: 'redirect_from': 'https://x/y' is an absolute URL")

    def test_previous_addresses_added_unless_occupied(self) -> None:
        previous = {
            "blog/posts/a.md": "blog/posts/a/index.html",
            "blog/posts/b.md": "blog/posts/b/index.html",
        }
        site = {"blog/posts/b/index.html": "blog/posts/b/index.md"}
        redirects, problems = plan_redirects([], previous, site.get)
        assert redirects == [Redirect("blog/posts/a/index.html", "blog/posts/a.md")]
        assert problems == []

    def test_alias_wins_over_a_previous_address(self) -> None:
        redirects, problems = plan_redirects(
            [("blog/posts/a.md", "aliases", "/blog/posts/b/")],
            {"blog/posts/b.md": "blog/posts/b/index.html"},
            nobody,
        )
        assert redirects == [Redirect("blog/posts/b/index.html", "blog/posts/a.md")]
        assert problems == []

    def test_aliases_and_previous_together_sorted(self) -> None:
        redirects, _ = plan_redirects(
            [("blog/posts/a.md", "aliases", "/m/")], {"blog/posts/a.md": "blog/posts/a/index.html"}, nobody
        )
        assert [r.path for r in redirects] == ["blog/posts/a/index.html", "m/index.html"]


class TestRedirectContext:
    def test_with_site_url(self) -> None:
        redirect = Redirect("2016/01/old/index.html", "blog/posts/a.md")
        context = redirect_context(redirect, "blog/2024/01/24/a/", "https://example.org/", "A <title>")
        assert context == {
            "url": "https://example.org/blog/2024/01/24/a/",
            "canonical": "https://example.org/blog/2024/01/24/a/",
            "title": "A <title>",
        }

    @pytest.mark.parametrize(
        ("path", "url"),
        [
            ("2016/01/old/index.html", "../../../blog/2024/01/24/a/"),
            ("old/page.html", "../blog/2024/01/24/a/"),
            ("old.html", "blog/2024/01/24/a/"),
            ("old/index.html", "../blog/2024/01/24/a/"),
            ("blog/2024/01/24/old/index.html", "../a/"),
        ],
    )
    def test_without_site_url(self, path: str, url: str) -> None:
        context = redirect_context(Redirect(path, "blog/posts/a.md"), "blog/2024/01/24/a/", None, "A")
        assert context == {"url": url, "canonical": None, "title": "A"}
        # The relative link, resolved from the redirect's folder, is the post's address.
        assert posixpath.normpath(posixpath.join(posixpath.dirname(path), url)) + "/" == "blog/2024/01/24/a/"


# -- plan.py: which files are posts ----------------------------------------------------------------


class TestPostCandidate:
    def test_in_the_posts_folder(self) -> None:
        s = settings()
        assert post_candidate("blog/posts/a.md", s, "blog/posts") == (True, None)
        assert post_candidate("blog/posts/2024/01/a.md", s, "blog/posts") == (True, None)

    def test_outside_the_posts_folder(self) -> None:
        s = settings()
        assert post_candidate("blog/a.md", s, "blog/posts") == (False, None)
        assert post_candidate("blog/postscript.md", s, "blog/posts") == (False, None)
        assert post_candidate("about.md", s, "blog/posts") == (False, None)

    @pytest.mark.parametrize("name", ["index.md", "README.md", "2024/index.md"])
    def test_folder_index_in_the_posts_folder_is_skipped_with_a_reason(self, name: str) -> None:
        is_post, why = post_candidate(f"blog/posts/{name}", settings(), "blog/posts")
        assert is_post is False
        assert why is not None and "folder index" in why

    @pytest.mark.parametrize("src_uri", ["blog/index.md", "blog/README.md", "blog/2024/index.md"])
    def test_index_in_the_blog_folder_itself_is_silently_no_post(self, src_uri: str) -> None:
        assert post_candidate(src_uri, settings(), "blog") == (False, None)
        assert post_candidate(src_uri, settings(), "blog/posts") == (False, None)

    def test_blog_dot_posts_at_the_root(self) -> None:
        s = settings({"blog_dir": "."})
        assert post_candidate("index.md", s, ".") == (False, None)
        assert post_candidate("a.md", s, ".") == (True, None)

    def test_include(self) -> None:
        s = settings({"include": ["2024-*"]})
        assert post_candidate("blog/posts/2024-a.md", s, "blog/posts") == (True, None)
        is_post, why = post_candidate("blog/posts/2023-a.md", s, "blog/posts")
        assert is_post is False
        assert why is not None and "'include'" in why

    def test_exclude_gives_no_reason(self) -> None:
        s = settings({"exclude": ["drafts/*", "*.tmp.md", "index.md"]})
        assert post_candidate("blog/posts/drafts/a.md", s, "blog/posts") == (False, None)
        assert post_candidate("blog/posts/a.tmp.md", s, "blog/posts") == (False, None)
        assert post_candidate("blog/posts/index.md", s, "blog/posts") == (False, None)
        assert post_candidate("blog/posts/a.md", s, "blog/posts") == (True, None)


class TestStrayPage:
    @pytest.mark.parametrize("draft", [True, "yes", "true", "on", "maybe"])
    def test_draft_outside_the_posts_folder_is_left_out(self, draft: Any) -> None:
        leave_out, problem = stray_page("blog/about.md", {"draft": draft}, settings(), "blog/posts")
        assert leave_out is True
        assert problem is not None
        assert (problem.src_uri, problem.field) == ("blog/about.md", "draft")
        assert "blog/posts/" in problem.message

    def test_draft_yes_read_from_yaml(self) -> None:
        front_matter = yaml.safe_load("draft: yes\n")
        assert stray_page("blog/about.md", front_matter, settings(), "blog/posts")[0] is True

    @pytest.mark.parametrize("draft", [False, "false", "no", " No ", "off", None])
    def test_not_a_draft(self, draft: Any) -> None:
        assert stray_page("blog/about.md", {"draft": draft}, settings(), "blog/posts") == (False, None)

    def test_draft_no_quoted_in_yaml(self) -> None:
        front_matter = yaml.safe_load('draft: "no"\n')
        assert front_matter == {"draft": "no"}
        assert stray_page("blog/about.md", front_matter, settings(), "blog/posts") == (False, None)

    def test_with_a_date(self) -> None:
        leave_out, problem = stray_page("blog/about.md", {"date": "2024-01-01"}, settings(), "blog/posts")
        assert leave_out is False
        assert problem is not None
        assert (problem.src_uri, problem.field) == ("blog/about.md", "date")
        assert "outside the posts folder blog/posts/" in problem.message

    def test_draft_wins_over_date(self) -> None:
        leave_out, problem = stray_page(
            "blog/a.md", {"date": "2024-01-01", "draft": True}, settings(), "blog/posts"
        )
        assert leave_out is True
        assert problem is not None and problem.field == "draft"

    def test_with_neither(self) -> None:
        assert stray_page("blog/subscribe.md", {"title": "Subscribe"}, settings(), "blog/posts") == (
            False,
            None,
        )

    def test_inside_the_posts_folder(self) -> None:
        s = settings()
        assert stray_page("blog/posts/a.md", {"draft": True, "date": "x"}, s, "blog/posts") == (False, None)

    def test_folder_is_the_blog(self) -> None:
        assert stray_page("blog/a.md", {"draft": True, "date": "x"}, settings(), "blog") == (False, None)

    def test_outside_the_blog(self) -> None:
        assert stray_page("about.md", {"draft": True}, settings(), "blog/posts") == (False, None)
        assert stray_page("blogroll.md", {"date": "x"}, settings(), "blog/posts") == (False, None)

    def test_folder_index(self) -> None:
        assert stray_page("blog/index.md", {"draft": True}, settings(), "blog/posts") == (False, None)


class TestSelectPosts:
    def readings(self) -> list[tuple[str, Post | None]]:
        return [
            ("blog/posts/past.md", post("blog/posts/past.md", date=dt.datetime(2024, 1, 1, tzinfo=UTC))),
            ("blog/posts/future.md", post("blog/posts/future.md", date=dt.datetime(2030, 1, 1, tzinfo=UTC))),
            ("blog/posts/draft.md", post("blog/posts/draft.md", draft=True)),
            ("blog/posts/undated.md", post("blog/posts/undated.md", date=None)),
            ("blog/posts/broken.md", None),
        ]

    def test_future_is_draft_false_publishes_future_posts(self) -> None:
        selection = select_posts(self.readings(), NOW, show_drafts=False, future_is_draft=False)
        assert [p.src_uri for p in selection.published] == [
            "blog/posts/past.md",
            "blog/posts/future.md",
            "blog/posts/undated.md",
        ]
        assert selection.drafts == frozenset()
        assert selection.excluded == {"blog/posts/draft.md", "blog/posts/broken.md"}

    def test_future_is_draft_true_leaves_future_posts_out(self) -> None:
        selection = select_posts(self.readings(), NOW, show_drafts=False, future_is_draft=True)
        assert [p.src_uri for p in selection.published] == ["blog/posts/past.md", "blog/posts/undated.md"]
        assert selection.excluded == {"blog/posts/future.md", "blog/posts/draft.md", "blog/posts/broken.md"}

    def test_future_is_draft_true_shown_as_drafts(self) -> None:
        selection = select_posts(self.readings(), NOW, show_drafts=True, future_is_draft=True)
        assert [p.src_uri for p in selection.published] == [
            "blog/posts/past.md",
            "blog/posts/future.md",
            "blog/posts/draft.md",
            "blog/posts/undated.md",
        ]
        assert selection.drafts == {"blog/posts/future.md", "blog/posts/draft.md"}
        assert selection.excluded == {"blog/posts/broken.md"}

    def test_future_is_draft_false_shown_drafts_are_only_real_drafts(self) -> None:
        selection = select_posts(self.readings(), NOW, show_drafts=True, future_is_draft=False)
        assert selection.drafts == {"blog/posts/draft.md"}


def test_a_slug_of_dots_keeps_the_post_in_its_own_file_name() -> None:
    """'..' segments are dropped; with nothing left, the post's file name, never the blog's index."""
    s = settings({"post_url_format": "{slug}"})
    post = Post("blog/posts/escape.md", "Escape", dt.datetime(2024, 1, 24, tzinfo=dt.timezone.utc), slug="..")
    assert post_path(post, "{slug}", s) == "blog/escape.md"
