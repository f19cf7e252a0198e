import dataclasses
import datetime as dt
import unicodedata

import pytest

from mkdocs_blog_tags.images import ImageInfo
from mkdocs_blog_tags.lint import (
    RULES,
    Finding,
    Limits,
    LintSettings,
    ShareInput,
    check_default_image,
    check_file_date,
    check_share,
    check_terms,
    large_image_card,
    lint_posts,
    parse_lint,
    summary,
)
from mkdocs_blog_tags.posts import Post

ON = LintSettings()
URI = "blog/posts/x.md"
GOOD_IMAGE = ImageInfo(
    "https://example.com/images/a.jpg", "a cat", width=1200, height=630, type="image/jpeg", length=150_000
)
MB = 1024 * 1024

# The reference post (shared/fixtures/seed-post.md), its share fields as written.
SEED_TITLE = "TikTok sur l'Ingénierie des Médias une Ressource Incontournable"
SEED_DESCRIPTION = (
    "Découvrez comment TikTok révolutionne l'ingénierie des médias. Cette plateforme de vidéos courtes "
    "offre un aperçu unique des tendances actuelles, permettant aux ingénieurs des médias de créer des "
    "contenus captivants et de rester à jour sur les innovations et les stratégies de communication "
    "numérique. Suivez les comptes influents pour une veille technologique et créative inégalée."
)
SEED_ALT = "logo de tiktok sur un téléphone"


def share(**changes: object) -> ShareInput:
    """A post whose preview is fine; ``changes`` break one thing."""
    base = ShareInput(
        src_uri=URI,
        kind="post",
        title="A short title",
        description="A description of a reasonable length.",
        image_value="images/a.jpg",
        image=GOOD_IMAGE,
        alt="a cat",
    )
    return dataclasses.replace(base, **changes)


def image(**changes: object) -> ImageInfo:
    return dataclasses.replace(GOOD_IMAGE, **changes)


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


# rule, what breaks it, field, what the message must say
BAD = [
    ("image-missing", {"image_value": None, "image": None, "alt": None}, "image", ["default_image"]),
    (
        "image-not-found",
        {"image_value": "images/nope.jpg", "image": None, "image_problem": "not_found"},
        "image",
        ["'images/nope.jpg'", "no picture"],
    ),
    (
        "image-not-image",
        {"image_value": "docs/a.pdf", "image": None, "image_problem": "not_image"},
        "image",
        ["'docs/a.pdf'", "not an image"],
    ),
    ("image-format", {"image": image(type="image/svg+xml")}, "image", ["'image/svg+xml'", "SVG"]),
    ("image-format", {"image": image(type="image/avif")}, "image", ["'image/avif'", "JPG, PNG, WEBP, GIF"]),
    (
        "image-too-small",
        {"image": image(width=200, height=100)},
        "image",
        ["200x100", "300x157", "twitter:card=summary"],
    ),
    ("image-too-small", {"image": image(width=1200, height=156)}, "image", ["1200x156", "300x157"]),
    ("image-too-small", {"image": image(width=299, height=None)}, "image", ["299x?", "300x157"]),
    ("alt-missing", {"alt": None, "image": image(alt=None)}, "image_alt", ["no alt text"]),
    ("alt-missing", {"alt": "", "image": image(alt=None)}, "image_alt", ["no alt text"]),
    ("description-missing", {"description": None}, "description", ["300 characters"]),
    ("description-length", {"description": "d" * 161}, "description", ["161 characters", "about 160"]),
    ("title-length", {"title": "t" * 71}, "title", ["71 characters", "about 70"]),
    ("headline-length", {"title": "t" * 111}, "title", ["111 characters", "110"]),
    ("image-file-size", {"image": image(length=6 * MB)}, "image", ["6 MB", "5 MB"]),
    ("image-file-size", {"image": image(length=5 * MB + 1)}, "image", ["5,242,881 bytes is over the 5 MB"]),
    ("image-file-size", {"image": image(length=int(6.25 * MB))}, "image", ["6.2 MB is over the 5 MB"]),
    ("image-small", {"image": image(width=800, height=420)}, "image", ["800x420", "1200x630"]),
    ("image-small", {"image": image(width=1200, height=629)}, "image", ["1200x629", "1200x630"]),
    ("image-aspect", {"image": image(width=1200, height=1200)}, "image", ["1.00:1", "1.91:1"]),
    ("image-aspect", {"image": image(width=3000, height=1000)}, "image", ["3.00:1", "1.91:1"]),
    ("alt-length", {"alt": "a" * 421}, "image_alt", ["421 characters", "420"]),
]

# rule, a case next to its limit where it stays quiet
QUIET = [
    ("image-missing", {"image_value": None, "image": image(alt="x"), "uses_default": True}),
    ("image-missing", {"image_value": "https://example.com/a.jpg", "image": image(width=None, height=None)}),
    ("image-not-found", {}),
    ("image-not-image", {}),
    ("image-format", {"image": image(type="image/png")}),
    ("image-format", {"image": image(type="image/webp")}),
    ("image-format", {"image": image(type="image/gif")}),
    ("image-format", {"image": image(type=None)}),
    ("image-too-small", {"image": image(width=300, height=157)}),
    ("image-too-small", {"image": image(width=None, height=None, type=None)}),
    ("alt-missing", {"alt": None, "image": image(alt="from the image")}),
    ("description-missing", {"description": "x"}),
    ("description-length", {"description": "d" * 160}),
    # 160 characters typed as e + combining accent: 320 code points, 160 characters in NFC.
    ("description-length", {"description": unicodedata.normalize("NFD", "é" * 160)}),
    ("title-length", {"title": "t" * 70}),
    ("headline-length", {"title": "t" * 110}),
    ("image-file-size", {"image": image(length=5 * MB)}),
    ("image-file-size", {"image": image(length=None)}),
    ("image-small", {"image": image(width=1200, height=630)}),
    ("image-small", {"image": image(width=2400, height=1260)}),
    ("image-small", {"image": image(width=200, height=100)}),  # too small instead, not both
    ("image-aspect", {"image": image(width=1200, height=700)}),  # 1.71:1, within 20%
    ("image-aspect", {"image": image(width=1200, height=None)}),
    ("alt-length", {"alt": "a" * 420}),
    ("alt-length", {"alt": unicodedata.normalize("NFD", "é" * 420)}),
]


def test_a_good_post_has_no_finding() -> None:
    assert check_share(share(), ON) == []


@pytest.mark.parametrize(("rule", "changes", "field", "words"), BAD)
def test_each_rule_fires_on_its_bad_case(rule, changes, field, words) -> None:
    found = [f for f in check_share(share(**changes), ON) if f.rule == rule]
    assert len(found) == 1
    (finding,) = found
    assert (finding.src_uri, finding.field, finding.level) == (URI, field, RULES[rule])
    for word in words:
        assert word in finding.message
    assert finding.fix
    assert "\n" not in finding.text()


@pytest.mark.parametrize(("rule", "changes"), QUIET)
def test_each_rule_stays_quiet_within_its_limit(rule, changes) -> None:
    assert rule not in rules(check_share(share(**changes), ON))


@pytest.mark.parametrize(("rule", "changes", "field", "words"), BAD)
def test_switching_a_rule_off_silences_it_and_only_it(rule, changes, field, words) -> None:
    page = share(**changes)
    everything = check_share(page, ON)
    assert rule in rules(everything)
    assert check_share(page, LintSettings(off=frozenset({rule}))) == [f for f in everything if f.rule != rule]
    assert check_share(page, LintSettings(enabled=False)) == []


def test_every_rule_has_a_bad_case() -> None:
    tested = {rule for rule, *_ in BAD} | {"term-near-duplicate", "term-single-post", "date-filename"}
    assert tested == set(RULES)
    assert {r for r, level in RULES.items() if level == "warning"} == {
        "image-missing",
        "image-not-found",
        "image-not-image",
        "image-format",
        "image-too-small",
        "alt-missing",
    }
    assert set(RULES.values()) == {"warning", "info"}


def test_the_reference_post_only_has_a_too_long_description() -> None:
    assert (len(SEED_TITLE), len(SEED_DESCRIPTION)) == (63, 382)
    page = ShareInput(
        src_uri="blog/posts/2024-01-24-tiktok.md",
        kind="post",
        title=SEED_TITLE,
        description=SEED_DESCRIPTION,
        image_value="images/TikTok.jpg",
        image=ImageInfo(
            "https://example.com/blog/posts/images/TikTok.jpg",
            SEED_ALT,
            width=1200,
            height=630,
            type="image/jpeg",
            length=150 * 1024,
        ),
        alt=SEED_ALT,
    )
    (finding,) = check_share(page, ON)
    assert (finding.rule, finding.level, finding.field) == ("description-length", "info", "description")
    assert finding.message == (
        "382 characters: search results show about 160, X about 200, Open Graph consumers about 300"
    )
    assert "160" in finding.fix


def test_description_length_names_only_the_limits_it_exceeds() -> None:
    (finding,) = check_share(share(description="d" * 250), ON)
    assert finding.message == "250 characters: search results show about 160, X about 200"


def test_a_long_title_can_be_too_long_for_both_x_and_the_headline() -> None:
    assert rules(check_share(share(title="t" * 120), ON)) == ["title-length", "headline-length"]


def test_too_small_and_small_are_never_both_reported() -> None:
    found = rules(check_share(share(image=image(width=200, height=105)), ON))
    assert "image-too-small" in found
    assert "image-small" not in found


def test_an_outside_image_is_only_checked_for_its_alt_text() -> None:
    outside = ImageInfo("https://cdn.example.com/a", None)
    assert check_share(share(image_value="https://cdn.example.com/a", image=outside, alt="x"), ON) == []
    assert rules(
        check_share(share(image_value="https://cdn.example.com/a", image=outside, alt=None), ON)
    ) == ["alt-missing"]


def test_the_default_image_is_not_checked_on_every_post() -> None:
    tiny = image(width=10, height=10, type="image/svg+xml", alt=None, length=9 * MB)
    assert check_share(share(image_value=None, image=tiny, alt=None, uses_default=True), ON) == []


def test_an_image_not_found_says_the_default_image_is_shown_instead() -> None:
    page = share(image_value="x.jpg", image=image(), image_problem="not_found", uses_default=True)
    (finding,) = check_share(page, ON)
    assert finding.rule == "image-not-found"
    assert "default image" in finding.message


def test_a_docs_page_is_only_checked_for_what_its_author_wrote() -> None:
    bare = share(kind="page", description=None, image_value=None, image=None, alt=None)
    assert check_share(bare, ON) == []
    assert rules(check_share(dataclasses.replace(bare, description="d" * 200, title="t" * 111), ON)) == [
        "description-length",
        "title-length",
        "headline-length",
    ]
    own = dataclasses.replace(
        bare, image_value="a.png", image=image(width=200, height=200, alt=None), alt=None
    )
    assert rules(check_share(own, ON)) == ["image-too-small", "image-aspect", "alt-missing"]
    broken = dataclasses.replace(bare, image_value="a.png", image_problem="not_found")
    assert rules(check_share(broken, ON)) == ["image-not-found"]


@pytest.mark.parametrize(
    ("limits", "changes", "rule"),
    [
        (Limits(title_x=50), {"title": "t" * 51}, "title-length"),
        (Limits(headline=60), {"title": "t" * 61}, "headline-length"),
        (Limits(description_search=20, description_x=30, description_og=40), {"description": "d" * 41}, None),
        (Limits(alt=10), {"alt": "a" * 11}, "alt-length"),
        (Limits(image_bytes=100_000), {}, "image-file-size"),
        (Limits(image_min_width=1300), {}, "image-too-small"),
        (Limits(image_width=1600, image_height=900), {}, "image-small"),
        (Limits(aspect=1.0), {}, "image-aspect"),
        (Limits(aspect_tolerance=0.001), {}, "image-aspect"),
    ],
)
def test_limits_move_the_thresholds(limits, changes, rule) -> None:
    page = share(**changes)
    assert rule not in rules(check_share(page, ON))
    found = check_share(page, LintSettings(limits=limits))
    if rule is None:  # the description: one finding naming the three changed limits
        (finding,) = found
        assert (
            finding.message
            == "41 characters: search results show about 20, X about 30, Open Graph consumers about 40"
        )
    else:
        assert rule in rules(found)


def test_a_wider_tolerance_accepts_a_square_image() -> None:
    square = share(image=image(width=1200, height=1200))
    assert "image-aspect" in rules(check_share(square, ON))
    assert "image-aspect" not in rules(check_share(square, LintSettings(limits=Limits(aspect_tolerance=0.5))))


def test_the_default_image_is_checked_once_against_mkdocs_yml() -> None:
    bad = image(width=200, height=200, type="image/svg+xml", alt=None, length=6 * MB)
    found = check_default_image("images/logo.svg", bad, None, ON)
    assert rules(found) == [
        "image-format",
        "image-too-small",
        "image-aspect",
        "image-file-size",
        "alt-missing",
    ]
    assert {f.src_uri for f in found} == {"mkdocs.yml"}
    assert [f.field for f in found] == ["default_image"] * 4 + ["default_image_alt"]
    assert "default_image_alt" in found[-1].fix
    assert check_default_image("images/logo.png", GOOD_IMAGE, "a logo", ON) == []
    assert rules(check_default_image("images/logo.png", GOOD_IMAGE, "a" * 421, ON)) == ["alt-length"]
    assert check_default_image(None, bad, None, ON) == []
    assert check_default_image("images/missing.png", None, None, ON) == []
    assert check_default_image("images/logo.svg", bad, None, LintSettings(enabled=False)) == []
    off = LintSettings(off=frozenset({"image-format", "alt-missing"}))
    assert rules(check_default_image("images/logo.svg", bad, None, off)) == [
        "image-too-small",
        "image-aspect",
        "image-file-size",
    ]


@pytest.mark.parametrize(
    ("info", "limits", "large"),
    [
        (None, Limits(), False),
        (GOOD_IMAGE, Limits(), True),
        (image(width=300, height=157), Limits(), True),
        (image(width=299, height=630), Limits(), False),
        (image(width=1200, height=156), Limits(), False),
        (image(width=None, height=None), Limits(), True),
        (image(width=None, height=100), Limits(), False),
        (GOOD_IMAGE, Limits(image_min_width=1201), False),
        (image(width=200, height=100), Limits(image_min_width=100, image_min_height=50), True),
    ],
)
def test_large_image_card(info, limits, large) -> None:
    assert large_image_card(info, limits) is large


def test_large_image_card_agrees_with_image_too_small() -> None:
    for width, height in [(200, 100), (300, 157), (299, 157), (300, 156), (1200, 630)]:
        too_small = "image-too-small" in rules(
            check_share(share(image=image(width=width, height=height)), ON)
        )
        assert too_small is not large_image_card(image(width=width, height=height))


# --- parse_lint


@pytest.mark.parametrize("value", [None, True, {}])
def test_parse_lint_defaults(value) -> None:
    assert parse_lint(value) == LintSettings()
    assert parse_lint(value).on("image-missing")


def test_parse_lint_false_switches_everything_off() -> None:
    settings = parse_lint(False)
    assert not settings.enabled
    assert not any(settings.on(rule) for rule in RULES)
    assert parse_lint({"enabled": False}) == settings


def test_parse_lint_rules_and_limits() -> None:
    settings = parse_lint(
        {"term-single-post": False, "alt-missing": True, "title_x": 60, "aspect": 2, "aspect_tolerance": 0.1}
    )
    assert settings.off == frozenset({"term-single-post"})
    assert not settings.on("term-single-post")
    assert settings.on("alt-missing")
    assert settings.limits == Limits(title_x=60, aspect=2.0, aspect_tolerance=0.1)
    assert isinstance(settings.limits.aspect, float)
    assert "title-length" in rules(check_share(share(title="t" * 61), settings))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"descripton-length": False}, ["'descripton-length'", "did you mean 'description-length'?"]),
        ({"title-x": 60}, ["'title-x'", "did you mean 'title_x'?"]),
        ({"zzz": 1}, ["'zzz'", "rule ids and limits: "]),
        ({"title_x": True}, ["'title_x'", "positive whole number", "True"]),
        ({"title_x": 7.5}, ["'title_x'", "positive whole number"]),
        ({"title_x": 0}, ["'title_x'", "positive"]),
        ({"title_x": "70"}, ["'title_x'", "'70'"]),
        ({"aspect": False}, ["'aspect'", "positive number"]),
        ({"aspect": float("nan")}, ["'aspect'", "positive number"]),
        ({"aspect_tolerance": -0.2}, ["'aspect_tolerance'", "positive number"]),
        ({"alt-missing": "no"}, ["'alt-missing'", "true or false"]),
        ({"enabled": 0}, ["'enabled'", "true or false"]),
        ({1: False}, ["keys", "1"]),
        ("strict", ["true, false or a mapping", "str"]),
        (["alt-missing"], ["true, false or a mapping", "list"]),
    ],
)
def test_parse_lint_rejects_with_a_clear_message(value, words) -> None:
    with pytest.raises(ValueError, match=r"^lint: ") as err:
        parse_lint(value)
    for word in words:
        assert word in str(err.value)


# --- Finding, summary


def test_finding_text_is_one_line() -> None:
    finding = Finding(
        URI, "description", "description-length", "info", "417 characters: X about 200", "shorten it"
    )
    assert finding.text() == (
        "blog/posts/x.md: description [description-length]: 417 characters: X about 200. Fix: shorten it."
    )


def _f(uri: str, level: str) -> Finding:
    return Finding(uri, "image", "image-missing" if level == "warning" else "image-small", level, "m", "f")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("findings", "line"),
    [
        ([], None),
        ([_f("a.md", "warning")], "1 post would preview badly, see above"),
        (
            [_f("a.md", "warning"), _f("a.md", "warning"), _f("b.md", "warning"), _f("c.md", "info")],
            "2 posts would preview badly, see above",
        ),
        (
            [_f("a.md", "warning"), _f("mkdocs.yml", "warning")],
            "1 post and the default image would preview badly, see above",
        ),
        ([_f("mkdocs.yml", "warning")], "the default image would preview badly, see above"),
        (
            [_f(f"{n}.md", "info") for n in range(5)],
            "5 posts could preview better, see above (informational)",
        ),
        ([_f("a.md", "info")], "1 post could preview better, see above (informational)"),
        (
            [_f("a.md", "info"), _f("mkdocs.yml", "info")],
            "1 post and the default image could preview better, see above (informational)",
        ),
    ],
)
def test_summary(findings, line) -> None:
    assert summary(iter(findings)) == line


def test_summary_counts_posts_and_pages_apart() -> None:
    found = [_f("blog/a.md", "warning"), _f("about.md", "warning"), _f("docs/x.md", "warning")]
    assert summary(found, {"blog/a.md"}) == "1 post and 2 pages would preview badly, see above"
    found.append(_f("mkdocs.yml", "warning"))
    assert (
        summary(found, {"blog/a.md"})
        == "1 post, 2 pages and the default image would preview badly, see above"
    )


# --- terms


def test_near_duplicate_terms_are_one_finding_naming_every_spelling_and_file() -> None:
    occurrences = {
        "tags": [
            ("Médias", "blog/posts/c.md"),
            ("medias", "blog/posts/c.md"),
            ("média", "blog/posts/a.md"),
            ("Médias", "blog/posts/b.md"),
            ("Python", "blog/posts/a.md"),
            ("python", "blog/posts/b.md"),
        ]
    }
    (finding,) = check_terms(occurrences, 3, LintSettings(off=frozenset({"term-single-post"})))
    assert (finding.rule, finding.level, finding.field) == ("term-near-duplicate", "info", "tags")
    assert finding.src_uri == "blog/posts/a.md"
    assert finding.files == ("blog/posts/a.md", "blog/posts/b.md", "blog/posts/c.md")
    for spelling in ("'Médias'", "'medias'", "'média'"):
        assert spelling in finding.message
    for file in finding.files:
        assert repr(file) in finding.message
    assert "Python" not in finding.message
    # Spellings in the order of their first file, so the line reads like the file list.
    assert finding.message == (
        "3 spellings of what looks like one tag ('média' in 'blog/posts/a.md'; "
        "'Médias' in 'blog/posts/b.md', 'blog/posts/c.md'; 'medias' in 'blog/posts/c.md'): "
        "each gets its own tag page, and their posts are split between them"
    )
    assert finding.fix == "write one spelling in every post's 'tags'"


@pytest.mark.parametrize(
    "spellings",
    [
        ["Open Source", "open-source"],
        ["open_source", "OpenSource"],
        ["Café", "cafe"],
        ["Tutorials", "tutorial"],
        ["Media", "Médias"],
    ],
)
def test_near_duplicates_ignore_accents_case_separators_and_plurals(spellings) -> None:
    occurrences = {"tags": [(s, f"{i}.md") for i, s in enumerate(spellings)]}
    assert rules(check_terms(occurrences, 1, ON)) == ["term-near-duplicate"]


@pytest.mark.parametrize(
    "spellings",
    [
        ["Python", "python", "PYTHON"],  # the blog merges these already
        ["bus", "bu"],  # "s" only comes off words longer than 3 characters
        ["Rust", "Go"],
        ["Cafe\u0301", "Café"],  # the same after NFC
    ],
)
def test_terms_that_are_not_near_duplicates(spellings) -> None:
    occurrences = {"tags": [(s, f"{i}.md") for i, s in enumerate(spellings)]}
    assert check_terms(occurrences, 1, ON) == []


def test_tags_and_categories_are_grouped_separately() -> None:
    occurrences = {
        "tags": [("Media", "a.md"), ("News", "b.md")],
        "categories": [("medias", "b.md"), ("news", "a.md")],
    }
    assert check_terms(occurrences, 1, ON) == []
    occurrences["categories"].append(("Media", "c.md"))
    (finding,) = check_terms(occurrences, 1, ON)
    assert (finding.field, finding.files) == ("categories", ("b.md", "c.md"))


def test_single_post_terms_only_in_a_blog_of_two_posts_or_more() -> None:
    occurrences = {
        "tags": [
            ("Solo", "b.md"),
            ("Shared", "a.md"),
            ("shared", "b.md"),
            ("Twice", "a.md"),
            ("Twice", "a.md"),
        ],
        "categories": [("Only", "a.md")],
    }
    assert check_terms(occurrences, 1, ON) == []
    found = check_terms(occurrences, 2, ON)
    assert [(f.rule, f.field, f.src_uri, f.level) for f in found] == [
        ("term-single-post", "tags", "a.md", "info"),
        ("term-single-post", "tags", "b.md", "info"),
        ("term-single-post", "categories", "a.md", "info"),
    ]
    assert "'Twice'" in found[0].message
    assert "'Solo'" in found[1].message
    assert "of 2" in found[1].message
    assert check_terms(occurrences, 2, LintSettings(off=frozenset({"term-single-post"}))) == []


def test_term_rules_can_be_switched_off() -> None:
    occurrences = {"tags": [("Media", "a.md"), ("medias", "b.md")]}
    assert rules(check_terms(occurrences, 2, ON)) == [
        "term-near-duplicate",
        "term-single-post",
        "term-single-post",
    ]
    assert rules(check_terms(occurrences, 2, LintSettings(off=frozenset({"term-near-duplicate"})))) == [
        "term-single-post",
        "term-single-post",
    ]
    assert check_terms(occurrences, 2, LintSettings(enabled=False)) == []


def test_term_findings_do_not_depend_on_the_order_of_the_posts() -> None:
    pairs = [("Media", "c.md"), ("medias", "a.md"), ("News", "b.md"), ("média", "b.md"), ("Solo", "a.md")]
    assert check_terms({"tags": pairs}, 3, ON) == check_terms({"tags": pairs[::-1]}, 3, ON)


# --- file dates


@pytest.mark.parametrize(
    ("src_uri", "date"),
    [
        ("blog/posts/2024-01-24-tiktok.md", dt.datetime(2024, 1, 24)),
        ("blog/posts/2024-01-24-tiktok.md", dt.datetime(2024, 1, 24, 23, 59)),
        ("blog/posts/2024-01-24-tiktok.md", None),
        ("blog/posts/tiktok.md", dt.datetime(2024, 1, 24)),
        ("blog/2023-05-01/tiktok.md", dt.datetime(2024, 1, 24)),  # a folder, not the file name
        ("blog/posts/2024-13-45-tiktok.md", dt.datetime(2024, 1, 24)),
        ("blog/posts/20240124-tiktok.md", dt.datetime(2024, 1, 1)),
        ("blog/posts/2024-01-245.md", dt.datetime(2024, 1, 1)),
    ],
)
def test_file_date_quiet(src_uri, date) -> None:
    assert check_file_date(src_uri, date, ON) == []


def test_file_date_that_disagrees_with_the_front_matter() -> None:
    (finding,) = check_file_date("blog/posts/2024-01-24-tiktok.md", dt.datetime(2024, 2, 1, 10), ON)
    assert (finding.rule, finding.level, finding.field, finding.src_uri) == (
        "date-filename",
        "info",
        "date",
        "blog/posts/2024-01-24-tiktok.md",
    )
    assert "2024-01-24" in finding.message
    assert "2024-02-01" in finding.message
    assert (
        check_file_date(
            "blog/posts/2024-01-24-tiktok.md",
            dt.datetime(2024, 2, 1),
            LintSettings(off=frozenset({"date-filename"})),
        )
        == []
    )


# --- the whole blog


def test_lint_posts() -> None:
    posts = [
        Post(
            "blog/posts/2024-01-01-a.md",
            "A",
            dt.datetime(2024, 1, 2),
            description="d",
            image="a.jpg",
            image_alt="x",
            tags=("Media",),
        ),
        Post("blog/posts/b.md", "B", dt.datetime(2024, 1, 3), description="d", tags=("medias",)),
        Post(
            "blog/posts/c.md", "C", dt.datetime(2024, 1, 4), description="d", no_image=True, tags=("Media",)
        ),
        Post(
            "blog/posts/d.md",
            "D",
            dt.datetime(2024, 1, 5),
            description="d",
            image="gone.jpg",
            tags=("Media",),
        ),
    ]
    default = image(width=200, height=200)
    found = lint_posts(
        posts,
        {"blog/posts/2024-01-01-a.md": GOOD_IMAGE},
        {"blog/posts/d.md": "not_found"},
        default,
        ON,
        default_value="images/default.png",
        default_alt="a logo",
    )
    assert [(f.src_uri, f.rule) for f in found] == [
        ("blog/posts/2024-01-01-a.md", "date-filename"),
        ("blog/posts/d.md", "image-not-found"),
        ("mkdocs.yml", "image-too-small"),
        ("mkdocs.yml", "image-aspect"),
        ("blog/posts/2024-01-01-a.md", "term-near-duplicate"),
        ("blog/posts/b.md", "term-single-post"),
    ]
    assert "default image" in found[1].message
    # Without a default image, b.md has no picture; c.md chose none (image: false).
    found = lint_posts(posts, {"blog/posts/2024-01-01-a.md": GOOD_IMAGE}, {}, None, ON, groupings=["tags"])
    assert [(f.src_uri, f.rule) for f in found if f.rule == "image-missing"] == [
        ("blog/posts/b.md", "image-missing")
    ]
    assert lint_posts(posts, {}, {}, None, LintSettings(enabled=False)) == ()


# --- the site's language


def test_findings_are_in_the_site_s_language() -> None:
    from mkdocs_blog_tags.i18n import Strings

    french = LintSettings(strings=Strings("fr"))
    (length,) = check_share(share(description="d" * 1234), french)
    assert length.rule == "description-length"
    assert length.message == (
        "1\u202f234 caractères : les résultats de recherche en montrent environ 160, X environ 200 et "
        "les consommateurs Open Graph environ 300"
    )
    assert length.fix == "raccourcissez-la à 160 caractères au plus, l’essentiel d’abord"
    assert length.text().startswith(
        "blog/posts/x.md : description [description-length] : 1\u202f234 caractères"
    )
    assert length.text().endswith(
        ". Correction : raccourcissez-la à 160 caractères au plus, l’essentiel d’abord."
    )
    (missing,) = check_share(share(image_value=None, image=None), french)
    assert missing.rule == "image-missing"
    assert missing.message.startswith("pas d’image ni de 'default_image' pour le site")
    assert missing.fix == "ajoutez une 'image' de 1200x630 (ou définissez 'default_image' dans mkdocs.yml)"
    # The summary speaks the findings' language.
    assert summary([missing, length], {URI}) == "1 article : aperçu de partage défectueux, voir ci-dessus"
    assert summary([missing], {"blog/other.md"}) == "1 page : aperçu de partage défectueux, voir ci-dessus"


def test_english_stays_the_reference_and_parse_lint_is_english() -> None:
    from mkdocs_blog_tags.i18n import Strings

    assert parse_lint(None).strings is None
    english = LintSettings(strings=Strings("en"))
    for changes in ({"description": "d" * 1234}, {"image_value": None, "image": None}, {"alt": None}):
        assert [f.text() for f in check_share(share(**changes), english)] == [
            f.text() for f in check_share(share(**changes), ON)
        ]
    (length,) = check_share(share(description="d" * 1234), ON)
    assert length.message.startswith("1234 characters: search results show about 160, X about 200, Open")
