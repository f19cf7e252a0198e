import random

import pytest

from mkdocs_blog_tags.taxonomy import assign_slugs, slugify, tag_key


@pytest.mark.parametrize(
    ("name", "transliterated", "unicode"),
    [
        ("ingénierie des médias", "ingenierie-des-medias", "ingénierie-des-médias"),
        ("Veille technologique", "veille-technologique", "veille-technologique"),
        ("日本語", "ri-ben-yu", "日本語"),
        ("Ελληνικά", "ellenika", "ελληνικά"),
        ("AI/ML", "ai-ml", "ai-ml"),
    ],
)
def test_slug_modes(name: str, transliterated: str, unicode: str) -> None:
    assert slugify(name) == transliterated
    assert slugify(name, "unicode") == unicode


@pytest.mark.parametrize("name", ["🎉", "+++", "   ", "#"])
def test_slug_is_never_empty_and_stable(name: str) -> None:
    for mode in ("transliterate", "unicode"):
        slug = slugify(name, mode)  # type: ignore[arg-type]
        assert slug
        assert slug == slugify(name, mode)  # type: ignore[arg-type]
    assert slugify("🎉") != slugify("🎊")


def test_c_family_gets_distinct_readable_slugs() -> None:
    slugs, collisions = assign_slugs(["C++", "C#", "C"])
    assert slugs == {"C": "c", "C++": "c-plus-plus", "C#": "c-sharp"}
    assert len(collisions) == 1
    assert collisions[0].slug == "c"
    assert {name for name, _ in collisions[0].assigned} == {"C", "C++", "C#"}


def test_explicit_slugs_win_and_silence_the_collision() -> None:
    slugs, collisions = assign_slugs(["C++", "C#"], explicit={"c#": "csharp", "C++": "cpp"})
    assert slugs == {"C++": "cpp", "C#": "csharp"}
    assert collisions == []


def test_explicit_slug_taken_by_another_tag_still_unique() -> None:
    slugs, collisions = assign_slugs(["Py", "Python"], explicit={"Py": "python"})
    assert slugs["Py"] == "python"
    assert slugs["Python"] == "python-2"
    assert collisions


def test_accent_variants_collide_and_get_suffixes() -> None:
    slugs, collisions = assign_slugs(["médias", "medias"])
    assert sorted(slugs.values()) == ["medias", "medias-2"]
    assert len(collisions) == 1


def test_assignment_does_not_depend_on_input_order() -> None:
    names = ["C++", "C#", "C", "médias", "medias", "Python", "日本語", "🎉", "Node.js", "nodejs"]
    expected = assign_slugs(names)
    rng = random.Random(4)
    for _ in range(20):
        shuffled = names[:]
        rng.shuffle(shuffled)
        assert assign_slugs(shuffled) == expected
    assert len(set(expected[0].values())) == len(names)


def test_tag_key_folds_case_and_normalizes() -> None:
    assert tag_key("Python") == tag_key("python") == tag_key("PYTHON")
    assert tag_key("e\u0301") == tag_key("é")
