import yaml
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_blog_tags.plan import yaml_string


@given(st.text(st.characters(exclude_categories=["Cs"])))
def test_generated_titles_read_back_exactly(title: str) -> None:
    assert yaml.safe_load("title: " + yaml_string(title))["title"] == title
