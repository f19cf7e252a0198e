import pytest

from mkdocs_blog_tags.plugin import BlogTagsPlugin
from mkdocs_blog_tags.posts import DEFAULT_FIELDS


def test_defaults_need_no_configuration() -> None:
    plugin = BlogTagsPlugin()
    errors, warnings = plugin.load_config({})
    assert (errors, warnings) == ([], [])
    assert plugin.config.blog_dir == "blog"
    assert plugin.config.per_page == 10
    assert plugin.config.tag_per_page == 0
    assert plugin.config.fields == DEFAULT_FIELDS
    assert plugin.config.meta is True


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"words_per_minute": 0}, "whole number >= 1"),
        ({"per_page": -1}, "whole number >= 0"),
        ({"tag_per_page": -2}, "whole number >= 0"),
        ({"slug_mode": "ascii"}, "Expected one of"),
        ({"fields": {"nope": "x"}}, "Unknown field 'nope'"),
        ({"fields": {"tags": []}}, "expected a key or a list of keys"),
        ({"meta_scope": "some"}, "Expected one of"),
    ],
)
def test_bad_options_are_configuration_errors(options: dict[str, object], message: str) -> None:
    errors, _ = BlogTagsPlugin().load_config(options)
    assert errors and message in str(errors[0][1])


def test_fields_override_replaces_only_that_field() -> None:
    plugin = BlogTagsPlugin()
    plugin.load_config({"fields": {"tags": "keywords"}})
    assert plugin.config.fields["tags"] == ("keywords",)
    assert plugin.config.fields["date"] == DEFAULT_FIELDS["date"]
