import datetime as dt
import math
import re
import textwrap

import pytest
from conftest import SEED_POST
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_tags.dates import get_timezone
from mkdocs_blog_tags.posts import _CJK, DEFAULT_FIELDS, normalize_tags, read_post, reading_minutes

UTC = dt.timezone.utc


def read(text: str, src_uri: str = "blog/post.md", **kwargs):  # type: ignore[no-untyped-def]
    return read_post(src_uri, textwrap.dedent(text).lstrip(), **kwargs)


def test_seed_post_with_zero_configuration() -> None:
    post, problems = read_post("blog/tiktok.md", SEED_POST)
    assert problems == []
    assert post is not None
    assert post.title == "TikTok sur l'Ingénierie des Médias une Ressource Incontournable"
    assert post.date == dt.datetime(2024, 1, 24, tzinfo=UTC)
    assert post.description is not None and post.description.startswith("Découvrez comment TikTok")
    assert post.image == "images/TikTok.jpg"
    assert post.image_alt == "logo de tiktok sur un téléphone"
    assert post.tags == (
        "TikTok en ingénierie des médias",
        "Contenu créatif et innovant",
        "Tendances numériques",
        "Veille technologique",
    )
    assert post.draft is False
    words = len(SEED_POST.split("---", 2)[2].split())
    assert 265 < words <= 530  # so two minutes at 265 words a minute
    assert post.reading_time == 2


def test_material_shape() -> None:
    post, problems = read(
        """
        ---
        date:
          created: 2024-05-02
          updated: 2024-06-10
        categories: [Engineering]
        authors: [camille]
        slug: zero-copy
        tags: [C++, Performance]
        ---

        # Zero-copy *frames* in C++

        Body.
        """
    )
    assert problems == []
    assert post is not None
    assert post.title == "Zero-copy frames in C++"
    assert post.date == dt.datetime(2024, 5, 2, tzinfo=UTC)
    assert post.updated == dt.datetime(2024, 6, 10, tzinfo=UTC)
    assert post.categories == ("Engineering",)
    assert post.authors == ("camille",)
    assert post.slug == "zero-copy"


def test_jekyll_shape_with_date_in_file_name_only() -> None:
    post, problems = read(
        """
        ---
        title: Welcome
        tags: jekyll, migration
        ---
        Text
        """,
        src_uri="blog/2016-01-24-welcome.md",
    )
    assert problems == []
    assert post is not None
    assert post.date == dt.datetime(2016, 1, 24, tzinfo=UTC)
    assert post.tags == ("jekyll", "migration")


def test_heading_inside_code_fence_is_not_the_title() -> None:
    post, _ = read(
        """
        ```
        # not a title
        ```
        ## Sub
        """,
        src_uri="blog/2020-01-01-my_first-post.md",
    )
    assert post is not None
    assert post.title == "My first post"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("python", ("python",)),
        ("a, b ,, c", ("a", "b", "c")),
        ([2024, 3.5, True], ("2024", "3.5", "True")),
        (["x", None, "", "  "], ("x",)),
        (["Python", "python", "PYTHON"], ("Python",)),
        (["e\u0301t\u00e9"], ("été",)),
        (["  many   spaces "], ("many spaces",)),
        (None, ()),
    ],
)
def test_tag_normalisation(value: object, expected: tuple[str, ...]) -> None:
    tags, problems = normalize_tags(value)
    assert tags == expected
    assert problems == []


def test_nested_tag_entries_are_reported() -> None:
    tags, problems = normalize_tags(["ok", ["nested"], {"a": 1}])
    assert tags == ("ok",)
    assert len(problems) == 2
    assert "expected each tag to be text" in problems[0]


def test_invalid_yaml_names_the_line_and_skips_the_post() -> None:
    post, problems = read(
        """
        ---
        title: ok
        tags: [unclosed
        date: 2024-01-01
        ---
        body
        """
    )
    assert post is None
    assert len(problems) == 1
    assert problems[0].fatal
    text = str(problems[0])
    assert text.startswith("blog/post.md: ")
    assert "line 4:" in text  # the line where the parser gave up
    assert "not valid YAML" in text


def test_front_matter_that_is_a_list_is_reported_but_post_kept() -> None:
    post, problems = read("---\n- a\n- b\n---\n# Title\n")
    assert post is not None and post.title == "Title"
    messages = [str(p) for p in problems]
    assert any("front matter must be a mapping" in m and "got list" in m for m in messages)


@pytest.mark.parametrize(
    ("date_yaml", "message"),
    [
        ("date: 2024-13-45", "is not a real date"),
        ("date:", "is empty"),
        ("date: 2024", "expected a date"),
        ("date: {updated: 2024-01-01}", "needs 'created'"),
    ],
)
def test_bad_dates_are_reported_and_post_is_kept(date_yaml: str, message: str) -> None:
    post, problems = read(f"---\ntitle: T\n{date_yaml}\n---\nbody\n")
    assert post is not None
    assert post.date is None
    found = [str(p) for p in problems]
    assert any(message in m for m in found), found
    assert any("no date in front matter or file name" in m for m in found)
    assert all(m.startswith("blog/post.md: 'date") for m in found)


def test_image_aliases() -> None:
    for meta in (
        "image: a.png\nimage_alt: Alt",
        "cover: a.png\nimageAlt: Alt",
        "image: {path: a.png, alt: Alt}",
        "image: a.png\nimageAltAttribute: Alt",
    ):
        post, problems = read(f"---\ntitle: T\ndate: 2024-01-01\n{meta}\n---\n")
        assert problems == []
        assert post is not None
        assert (post.image, post.image_alt) == ("a.png", "Alt")


def test_description_falls_back_to_summary_and_updated_to_last_modified() -> None:
    post, _ = read("---\ntitle: T\ndate: 2024-01-01\nsummary: S\nlast_modified: 2024-02-01\n---\n")
    assert post is not None
    assert post.description == "S"
    assert post.updated == dt.datetime(2024, 2, 1, tzinfo=UTC)


def test_fields_can_be_renamed() -> None:
    fields = {**DEFAULT_FIELDS, "tags": ("keywords",), "date": ("published",)}
    post, problems = read(
        "---\ntitle: T\npublished: 2024-01-01\nkeywords: [a]\ntags: [b]\n---\n", fields=fields
    )
    assert problems == []
    assert post is not None
    assert post.tags == ("a",)
    assert post.date == dt.datetime(2024, 1, 1, tzinfo=UTC)


def test_timezone_applies_to_naive_dates() -> None:
    post, _ = read("---\ntitle: T\ndate: 2024-01-24 00:30:00\n---\n", tz=get_timezone("Europe/Paris"))
    assert post is not None and post.date is not None
    assert post.date.astimezone(UTC) == dt.datetime(2024, 1, 23, 23, 30, tzinfo=UTC)


def test_draft_flag() -> None:
    post, problems = read("---\ntitle: T\ndate: 2024-01-01\ndraft: true\n---\n")
    assert post is not None and post.draft
    # A value that is not a boolean may mean a draft: the post is treated as one.
    for value in ("maybe", "1", "[true]", "{x: 1}"):
        post, problems = read(f"---\ntitle: T\ndate: 2024-01-01\ndraft: {value}\n---\n")
        assert post is not None and post.draft, value
        assert "expected true or false" in str(problems[0]) and "treated as a draft" in str(problems[0])
    post, problems = read("---\ntitle: T\ndate: 2024-01-01\ndraft: no\n---\n")
    assert post is not None and not post.draft and problems == []


def test_reading_time_counts_cjk_characters() -> None:
    assert reading_minutes("word " * 265) == 1
    assert reading_minutes("word " * 266) == 2
    assert reading_minutes("字" * 1060) == 2
    assert reading_minutes("") == 1
    # CJK after Latin-1 or ASCII text, and text that is neither but has no CJK.
    assert reading_minutes("é " * 10 + "字" * 1060) == 3
    assert reading_minutes("word " * 10 + "字" * 1060) == 3
    assert reading_minutes("l’été " * 266) == 2


# Text from a few alphabets at once: ASCII, Latin-1, typographic punctuation, kana and hanzi.
_MIXED_TEXT = st.text(alphabet=st.sampled_from(list("ab é\n\u00a0’—あ字한\U0001f600")), max_size=3000)


@given(_MIXED_TEXT)
def test_reading_time_skips_the_cjk_search_only_when_it_cannot_match(text: str) -> None:
    cjk = len(_CJK.findall(text))
    if cjk:
        words = len(re.findall(r"\w+", _CJK.sub(" ", text)))
        expected = max(1, math.ceil(words + cjk / 2))
    else:
        expected = max(1, len(text.split()))
    # One word a minute: every word and character counted shows in the result.
    assert reading_minutes(text, words_per_minute=1) == expected


def test_bom_and_crlf() -> None:
    post, problems = read_post("blog/p.md", "\ufeff---\r\ntitle: T\r\ndate: 2024-01-01\r\n---\r\nbody\r\n")
    assert problems == []
    assert post is not None and post.title == "T"


def test_a_posts_text_fields_read_any_yaml_type_as_a_page_does() -> None:
    """Posts and ordinary pages read text through one function (values.as_text), so they agree."""
    post, problems = read("---\ntitle: 2024-06-01\ndate: 2024-01-01\n---\n")
    assert post is not None and post.title == "2024-06-01"
    assert ["YAML reads 2024-06-01 as a date" in str(p) for p in problems] == [True]
    post, problems = read("---\ntitle: true\ndate: 2024-01-01\n---\n# Heading title\n")
    assert post is not None and post.title == "Heading title"  # a boolean is not a title
    assert "'title': expected text, got bool" in str(problems[0])
    post, problems = read("---\ntitle: T\ndate: 2024-01-01\ndescription: .nan\n---\n")
    assert post is not None and post.description is None
    assert "expected text, got the number nan" in str(problems[0])
