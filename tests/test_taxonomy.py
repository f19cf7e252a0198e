import hashlib
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_blog_tags.taxonomy import MAX_SLUG_BYTES, Collision, assign_slugs, slugify, tag_key, tag_slug

MODES = ("transliterate", "unicode")
SENTENCE = (
    "A very long tag that is really a whole sentence about media engineering, creative content, "
    "digital trends and technology watch, written by someone who did not know tags should be short, "
    "and who kept on writing well past any file name limit a file system would ever accept for it"
)
CJK = "日本語の長いタグ" * 11 + "日本"  # 90 characters, 270 bytes of UTF-8


def nbytes(slug: str) -> int:
    return len(slug.encode("utf-8"))


def short_hash(name: str) -> str:
    return hashlib.sha1(tag_key(name).encode("utf-8")).hexdigest()[:8]


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
    assert tag_slug(name) == transliterated
    assert tag_slug(name, "unicode") == unicode


@pytest.mark.parametrize("name", ["🎉", "+++", "   ", "#", ""])
def test_slug_is_never_empty_and_stable(name: str) -> None:
    for mode in MODES:
        for slug_of in (slugify, tag_slug):
            slug = slug_of(name, mode)  # type: ignore[arg-type]
            assert slug
            assert slug == slug_of(name, mode)  # type: ignore[arg-type]
    assert slugify("🎉") != slugify("🎊")
    assert tag_slug("🎉") != tag_slug("🎊")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("C", "c"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("F#", "f-sharp"),
        ("Q&A", "q-and-a"),
        ("user@host", "user-at-host"),
        ("100%", "100-percent"),
        ("$HOME", "dollar-home"),
        ("5€", "5-euro"),
        ("a=b", "a-equals-b"),
        ("<tag>", "lt-tag-gt"),
        ("a*", "a-star"),
        ("+++", "plus-plus-plus"),
        # Word separators stay separators, never spelled out.
        ("Node.js", "node-js"),
        ("CI/CD", "ci-cd"),
        ("l'Ingenierie", "l-ingenierie"),
        ("snake_case", "snake-case"),
        ("hello-world", "hello-world"),
        ("hello world", "hello-world"),
    ],
)
def test_symbols_are_always_spelled_out_and_separators_are_not(name: str, slug: str) -> None:
    assert tag_slug(name) == slug
    assert tag_slug(name, "unicode") == slug
    alone, collisions = assign_slugs([name])
    assert alone == {name: slug}
    assert collisions == []


def test_c_family_gets_distinct_readable_slugs_without_a_collision() -> None:
    slugs, collisions = assign_slugs(["C++", "C#", "C"])
    assert slugs == {"C": "c", "C++": "c-plus-plus", "C#": "c-sharp"}
    assert collisions == []


@pytest.mark.parametrize("mode", MODES)
def test_a_tag_has_the_same_slug_alone_and_next_to_others(mode: str) -> None:
    """The C++ feed must not start serving C posts because a C post was written."""
    alone, _ = assign_slugs(["C++"], mode=mode)  # type: ignore[arg-type]
    for names in (["C", "C++"], ["C++", "C"], ["C#", "C", "C++"], ["C++", "c plus", "C#"]):
        together, _ = assign_slugs(names, mode=mode)  # type: ignore[arg-type]
        assert together["C++"] == alone["C++"] == "c-plus-plus"
        assert together.get("C", "c") == "c"


@pytest.mark.parametrize(
    ("older", "newer", "slug"),
    [
        ("Café", "Cafe", "cafe"),
        ("Cafe", "Café", "cafe"),
        ("hello world", "hello-world", "hello-world"),
        ("hello-world", "hello world", "hello-world"),
        ("médias", "medias", "medias"),
        ("C++", "c plus plus", "c-plus-plus"),
    ],
)
def test_the_older_tag_keeps_the_plain_slug(older: str, newer: str, slug: str) -> None:
    slugs, collisions = assign_slugs([older, newer])
    assert slugs == {older: slug, newer: f"{slug}-2"}
    assert collisions == [Collision(slug, ((older, slug), (newer, f"{slug}-2")))]
    third, collisions = assign_slugs([older, newer, slug.upper() + " "])
    assert third[slug.upper() + " "] == f"{slug}-3"
    assert collisions == [
        Collision(slug, ((older, slug), (newer, f"{slug}-2"), (slug.upper() + " ", f"{slug}-3")))
    ]


def test_a_newer_tag_never_moves_an_older_one() -> None:
    names = ["Café", "Cafe", "cafe 2", "CAFE_2", "C", "C++", "c-plus-plus", "hello world", "hello-world"]
    for end in range(1, len(names)):
        before, _ = assign_slugs(names[:end])
        after, _ = assign_slugs(names[: end + 1])
        assert {n: after[n] for n in before} == before
    final, collisions = assign_slugs(names)
    # "cafe 2" wants "cafe-2", which the older "Cafe" already has: it takes "cafe-2-2", never "Cafe"'s.
    assert final["Cafe"] == "cafe-2"
    assert final["cafe 2"] == "cafe-2-2"
    assert final["CAFE_2"] == "cafe-2-3"
    assert len(set(final.values())) == len(names)
    assert [c.slug for c in collisions] == ["c-plus-plus", "cafe", "cafe-2", "hello-world"]
    assert collisions[2].assigned == (("Cafe", "cafe-2"), ("cafe 2", "cafe-2-2"), ("CAFE_2", "cafe-2-3"))


def test_explicit_slugs_win_and_silence_the_collision() -> None:
    slugs, collisions = assign_slugs(["C++", "C#"], explicit={"c#": "csharp", "C++": "cpp"})
    assert slugs == {"C++": "cpp", "C#": "csharp"}
    assert collisions == []


def test_explicit_slug_taken_by_another_tag_still_unique() -> None:
    slugs, collisions = assign_slugs(["Py", "Python"], explicit={"Py": "python"})
    assert slugs["Py"] == "python"
    assert slugs["Python"] == "python-2"
    assert collisions == [Collision("python", (("Py", "python"), ("Python", "python-2")))]


def test_explicit_slug_wins_over_an_older_tag_and_is_reserved_even_unused() -> None:
    # "Python" is older than "Py", but Py's explicit slug wins.
    slugs, collisions = assign_slugs(["Python", "Py"], explicit={"py": "python"})
    assert slugs == {"Python": "python-2", "Py": "python"}
    assert collisions == [Collision("python", (("Py", "python"), ("Python", "python-2")))]
    # Writing the first post tagged "Py" later does not move Python's page: the slug is reserved.
    before, collisions = assign_slugs(["Python"], explicit={"py": "python"})
    assert before == {"Python": "python-2"}
    assert collisions == [Collision("python", (("py", "python"), ("Python", "python-2")))]


def test_equal_explicit_slugs_are_parted_in_the_order_of_the_option() -> None:
    explicit = {"C++": "cpp", "cplusplus": "cpp"}
    for names in (["C++", "cplusplus"], ["cplusplus", "C++"]):
        slugs, collisions = assign_slugs(names, explicit=explicit)
        assert slugs == {"C++": "cpp", "cplusplus": "cpp-2"}
        assert collisions == [Collision("cpp", (("C++", "cpp"), ("cplusplus", "cpp-2")))]


def test_assignment_without_collisions_does_not_depend_on_input_order() -> None:
    names = ["C++", "C#", "C", "médias", "Python", "日本語", "🎉", "Node.js", "nodejs", "Q&A", "CI/CD"]
    expected = assign_slugs(names)
    assert expected[1] == []
    assert expected[0] == {name: tag_slug(name) for name in names}
    rng = random.Random(4)
    for _ in range(20):
        shuffled = names[:]
        rng.shuffle(shuffled)
        assert assign_slugs(shuffled) == expected
    assert len(set(expected[0].values())) == len(names)


def test_assignment_is_deterministic() -> None:
    names = ["Café", "Cafe", SENTENCE, SENTENCE + " again", CJK, "C++", "Py", "python"]
    for mode in MODES:
        first = assign_slugs(names, mode=mode, explicit={"Py": "python"})  # type: ignore[arg-type]
        assert all(assign_slugs(names, mode=mode, explicit={"Py": "python"}) == first for _ in range(3))  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
def test_long_tags_are_capped_readable_and_distinct(mode: str) -> None:
    other = SENTENCE.replace("file system", "filesystem")  # shares the first 100 bytes of slug
    slugs, collisions = assign_slugs([SENTENCE, other], mode=mode)  # type: ignore[arg-type]
    assert collisions == []
    for name in (SENTENCE, other):
        slug = slugs[name]
        assert nbytes(slug) <= MAX_SLUG_BYTES
        assert slug.endswith("-" + short_hash(name))
        prefix = slug.removesuffix("-" + short_hash(name))
        # Cut at a word boundary, as close to the limit as the hash allows.
        assert slugify(SENTENCE).startswith(prefix + "-")
        assert (
            prefix
            == "a-very-long-tag-that-is-really-a-whole-sentence-about-media-engineering-creative-content"
        )
    assert slugs[SENTENCE] != slugs[other]


def test_short_slugs_are_not_touched() -> None:
    name = "a" * MAX_SLUG_BYTES
    assert tag_slug(name) == name
    assert tag_slug(name + "b") == "a" * 91 + "-" + short_hash(name + "b")


def test_cjk_tag_is_capped_at_a_character_boundary_in_unicode_mode() -> None:
    assert nbytes(CJK) == 270
    slug = tag_slug(CJK, "unicode")
    assert nbytes(slug) <= MAX_SLUG_BYTES
    assert slug == CJK[:30] + "-" + short_hash(CJK)  # 90 bytes of characters (no "-" to cut at)
    transliterated = tag_slug(CJK)
    assert nbytes(transliterated) <= MAX_SLUG_BYTES
    assert transliterated.startswith("ri-ben-yu-")
    assert transliterated.endswith("-" + short_hash(CJK))


def test_suffixed_and_explicit_slugs_are_capped_too() -> None:
    # Two spellings of one key (assign_slugs takes any names) share the capped slug: "-2" still fits.
    upper, lower = SENTENCE.upper(), SENTENCE.lower()
    slugs, collisions = assign_slugs([upper, lower])
    assert slugs[upper] == tag_slug(upper)
    assert slugs[lower] == slugs[upper] + "-2"
    assert all(nbytes(s) <= MAX_SLUG_BYTES for s in slugs.values())
    assert len(collisions) == 1
    # An explicit slug that is too long is capped with the hash of its tag.
    slugs, _ = assign_slugs(["T"], explicit={"t": "x" * 300})
    assert slugs == {"T": "x" * 91 + "-" + short_hash("t")}
    # A hundred names of one key: every suffix fits.
    letters = [i for i, c in enumerate(SENTENCE) if c.isalpha()][:100]
    many = [SENTENCE[:i] + SENTENCE[i].swapcase() + SENTENCE[i + 1 :] for i in letters]
    slugs, _ = assign_slugs(many, mode="unicode")
    assert len(set(slugs.values())) == 100
    assert all(nbytes(s) <= MAX_SLUG_BYTES for s in slugs.values())
    # "-100" leaves no room for "-content": the prefix is cut again, at the "-" before it.
    assert slugs[many[-1]] == (
        "a-very-long-tag-that-is-really-a-whole-sentence-about-media-engineering-creative-"
        + short_hash(SENTENCE)
        + "-100"
    )


def test_tag_key_folds_case_and_normalizes() -> None:
    assert tag_key("Python") == tag_key("python") == tag_key("PYTHON")
    assert tag_key("e\u0301") == tag_key("é")


# -- properties -------------------------------------------------------------------------------

NAME = st.one_of(
    st.text(),
    st.text(min_size=40, max_size=300),
    st.text(alphabet="日本語éeE +#&.-_/ ", min_size=30, max_size=120),
    st.sampled_from(
        ["C", "C++", "C#", "Café", "Cafe", "cafe-2", "hello world", "hello-world", SENTENCE, CJK]
    ),
)
NAMES = st.lists(NAME, max_size=12, unique_by=tag_key)
EXPLICIT = st.dictionaries(
    NAME, st.one_of(st.text(), st.sampled_from(["c", "cafe", "cafe-2", "x" * 150])), max_size=3
)


def check_slugs(slugs: dict[str, str], names: list[str]) -> None:
    assert set(slugs) == set(names)
    assert len(set(slugs.values())) == len(names), "slugs must be unique within the blog"
    for slug in slugs.values():
        assert slug
        assert nbytes(slug) <= MAX_SLUG_BYTES
        assert "/" not in slug and "\\" not in slug and slug not in (".", "..")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=NAMES, newer=NAMES, mode=st.sampled_from(MODES), explicit=st.one_of(st.just({}), EXPLICIT))
def test_slugs_are_valid_unique_and_never_move_when_newer_tags_come(
    names: list[str], newer: list[str], mode: str, explicit: dict[str, str]
) -> None:
    keys = {tag_key(n) for n in names}
    newer = [n for n in newer if tag_key(n) not in keys]
    before, _ = assign_slugs(names, mode=mode, explicit=explicit)  # type: ignore[arg-type]
    after, collisions = assign_slugs(names + newer, mode=mode, explicit=explicit)  # type: ignore[arg-type]
    check_slugs(before, names)
    check_slugs(after, names + newer)
    assert {n: after[n] for n in names} == before
    # A slug that nobody else wants is the tag's own, whatever the other tags.
    wanted = {tag_key(k) for k in explicit}
    contested = {c.slug for c in collisions}
    for name in names + newer:
        if tag_key(name) not in wanted and tag_slug(name, mode) not in contested:  # type: ignore[arg-type]
            assert after[name] == tag_slug(name, mode)  # type: ignore[arg-type]
    for collision in collisions:
        assert all(after.get(n, s) == s for n, s in collision.assigned)
