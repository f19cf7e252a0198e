"""Tags, categories and authors sort as the site's language sorts names (Unicode collation, CLDR tailoring)."""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, parse_html, post

from mkdocs_blog_tags import collation
from mkdocs_blog_tags.blog import build_blog, tags_spec
from mkdocs_blog_tags.config import Groupings
from mkdocs_blog_tags.groupings import categories_spec
from mkdocs_blog_tags.posts import Post

FRENCH = ["Encodage vidéo", "Éthique", "Ingénierie des médias", "Veille technologique", "Zèbre"]
GERMAN = ["Apfel", "Ärger", "Ast", "Azur", "Bär", "Baum"]
SWEDISH = ["Apa", "Orm", "Zebra", "Ångström", "Åsa", "Ärlig", "Öl"]
EXAMPLE = Path(__file__).parent.parent / "example_site"


def collated(names: list[str], locale: str) -> list[str]:
    return sorted(names, key=collation.sort_key(locale))


def shuffled(names: list[str]) -> list[str]:
    """A fixed order that is none of the expected ones: reversed, then the halves swapped."""
    reverse = names[::-1]
    return reverse[len(reverse) // 2 :] + reverse[: len(reverse) // 2]


@pytest.fixture
def fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """As without ICU installed."""
    monkeypatch.setattr(collation, "BACKEND", "fallback")


# -- the sort key --------------------------------------------------------------------------------


def test_icu_is_the_backend_of_an_install_with_the_dependencies() -> None:
    assert collation.BACKEND == "icu"


def test_french_accented_letters_sort_with_their_base_letter() -> None:
    assert (
        collated(
            ["Veille technologique", "Éthique", "Encodage vidéo", "Ingénierie des médias", "Zèbre"], "fr"
        )
        == FRENCH
    )
    assert collated(shuffled(FRENCH), "fr_FR") == FRENCH


def test_german_umlauts_sort_with_their_base_letter() -> None:
    assert collated(shuffled(GERMAN), "de") == GERMAN
    assert collated(shuffled(GERMAN), "de_CH") == GERMAN


def test_swedish_a_ring_a_and_o_umlaut_come_after_z() -> None:
    assert collated(shuffled(SWEDISH), "sv") == SWEDISH
    assert collated(shuffled(SWEDISH), "sv_SE") == SWEDISH
    # The same names in German: Ä with A, Ö with O.
    assert collated(shuffled(SWEDISH), "de") == ["Ångström", "Apa", "Ärlig", "Åsa", "Öl", "Orm", "Zebra"]


@pytest.mark.parametrize("locale", ["", "en", "xx", "pt_BR", "zh_Hant", "zh_Hans_CN", "sr_Latn", "ar", "ja"])
def test_any_babel_locale_sorts_and_an_unknown_one_falls_back_to_the_root_order(locale: str) -> None:
    names = [*FRENCH, "日本語", "Ελληνικά", "русский", "C++", "C#", "C", "10x", "🎉", ""]
    assert collated(names, locale) == collated(shuffled(names), locale)
    if locale in ("", "en", "xx"):
        assert collated(FRENCH, locale) == FRENCH


EQUAL = ["coop", "co\u00adop", "caf\u00e9", "cafe\u0301", "Café", "cafe", "CAFE"]


@pytest.mark.parametrize("backend", ["icu", "fallback"])
def test_names_that_collate_equal_still_have_one_order(monkeypatch: pytest.MonkeyPatch, backend: str) -> None:
    monkeypatch.setattr(collation, "BACKEND", backend)
    key = collation.sort_key("fr")
    assert key("caf\u00e9")[0] == key("cafe\u0301")[0]  # NFC and NFD are the same letters
    expected = sorted(EQUAL, key=key)
    for order in itertools.permutations(EQUAL):
        assert sorted(order, key=key) == expected
    assert len({key(name) for name in EQUAL}) == len(EQUAL)


def test_the_fallback_sorts_french_and_german_right(fallback: None) -> None:
    assert collation.sort_key("fr") is collation.sort_key("sv")  # no tailoring without ICU
    assert collated(shuffled(FRENCH), "fr") == FRENCH
    assert collated(shuffled(GERMAN), "de") == GERMAN
    assert collated(["Zoé", "ﬁne", "Straße", "Strasse", "Éa"], "fr") == [
        "Éa",
        "ﬁne",
        "Strasse",
        "Straße",
        "Zoé",
    ]


def test_without_icu_installed_the_module_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "icu", None)  # import icu raises ImportError
    try:
        importlib.reload(collation)
        assert collation.BACKEND == "fallback"
        assert collated(shuffled(FRENCH), "fr") == FRENCH
    finally:
        monkeypatch.undo()
        importlib.reload(collation)
    assert collation.BACKEND == "icu"


# -- the model -----------------------------------------------------------------------------------


def test_terms_sort_by_the_locale_and_counts_tie_by_collated_name() -> None:
    day = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    posts = [
        Post(f"blog/{i}.md", f"Post {i}", day + dt.timedelta(days=i), tags=(name,), categories=(name,))
        for i, name in enumerate(shuffled(SWEDISH))
    ]
    groupings = Groupings(categories_sort="count")
    taxonomies = [tags_spec(), categories_spec(groupings)]
    swedish = build_blog(posts, taxonomies=taxonomies, locale="sv")
    assert [t.name for t in swedish.tags] == SWEDISH
    assert [t.name for t in swedish.taxonomies["categories"].terms] == SWEDISH  # every count is 1
    german = build_blog(posts, taxonomies=taxonomies, locale="de")
    assert [t.name for t in german.tags] == ["Ångström", "Apa", "Ärlig", "Åsa", "Öl", "Orm", "Zebra"]


# -- real builds ---------------------------------------------------------------------------------

AUTHORS = """\
authors:
  zoe:
    name: Zoé Martin
  emile:
    name: Émile Zola
  eva:
    name: Eva Durand
"""


def files_with_tags(names: list[str]) -> dict[str, Any]:
    """A post per name, in an order that is not the sorted one, each with that tag and category."""
    files: dict[str, Any] = {"index.md": "# Home\n", "blog/.authors.yml": AUTHORS}
    authors = ["zoe", "emile", "eva"]
    for i, name in enumerate(shuffled(names)):
        files[f"blog/posts/p{i}.md"] = post(
            f"Post {i}", f"2024-01-{i + 1:02}", [name], categories=[name], authors=[authors[i % 3]]
        )
    files["tags.md"] = "# Tags\n\n<!-- blog-tags:tags -->\n"
    return files


def cloud(html: str) -> list[str]:
    """The tags of the first tag cloud (the tags overview, a tags marker), in order."""
    (first, *_) = (
        ul for ul in parse_html(html).iter("ul") if "blog-tags-cloud" in (ul.get("class") or "").split()
    )
    return ["".join(a.itertext()).strip() for a in first.iter("a")]


def terms(html: str) -> list[str]:
    """The terms of a categories or authors overview, in order."""
    (ul,) = (ul for ul in parse_html(html).iter("ul") if "blog-tags-terms" in (ul.get("class") or "").split())
    return ["".join(a.itertext()).strip() for a in ul.iter("a")]


BUILDS = [
    pytest.param({"name": "material", "language": "fr"}, {}, FRENCH, id="material-fr"),
    pytest.param("mkdocs", {"locale": "fr"}, FRENCH, id="mkdocs-locale-fr"),
    pytest.param({"name": "material", "language": "de"}, {}, GERMAN, id="material-de"),
    pytest.param({"name": "material", "language": "sv"}, {}, SWEDISH, id="material-sv"),
    pytest.param({"name": "mkdocs", "locale": "de"}, {}, GERMAN, id="mkdocs-theme-de"),
    pytest.param("readthedocs", {"locale": "sv"}, SWEDISH, id="readthedocs-locale-sv"),
]


@pytest.mark.parametrize(("theme", "options", "expected"), BUILDS)
def test_overviews_and_the_tags_marker_sort_in_the_site_language(
    make_site: Callable[..., Site], theme: Any, options: dict[str, Any], expected: list[str]
) -> None:
    site = make_site(
        files_with_tags(expected), theme=theme, plugin_config={"authors_profiles": True, **options}
    )
    assert cloud(site.html("blog/tags/index.md")) == expected
    assert cloud(site.html("tags.md")) == expected
    assert terms(site.html("blog/category/index.md")) == expected
    assert terms(site.html("blog/author/index.md")) == ["Émile Zola", "Eva Durand", "Zoé Martin"]


def test_french_without_icu_sorts_the_same(make_site: Callable[..., Site], fallback: None) -> None:
    site = make_site(files_with_tags(FRENCH), plugin_config={"locale": "fr"}, strict=False)
    assert cloud(site.html("blog/tags/index.md")) == FRENCH
    # The site is told once why its tags may sort otherwise than its readers expect.
    said = [w for w in site.warnings() if "ICU is not installed" in w]
    assert len(said) == 1 and "pyicu-wheels" in said[0]
