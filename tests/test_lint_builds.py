"""The share-readiness linter in real builds: what it logs, at which level, and what ``--strict`` does.

One blog holds a post per rule, each bad in one way only; its findings are read
back from the log records (the rule id in brackets, the file), so the level a
rule is logged at is checked where it matters: a WARNING fails ``--strict``,
an INFO never does.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_IMAGE, SEED_POST, THEMES, Site, build_site, captured, parse_html, post
from mkdocs.exceptions import Abort
from PIL import Image

from mkdocs_blog_tags.lint import RULES

# The levels as the documentation gives them: a WARNING is a preview that breaks.
WARNING_RULES = {
    "image-missing",
    "image-not-found",
    "image-not-image",
    "image-format",
    "image-too-small",
    "alt-missing",
}
FINDING = re.compile(r"(?P<file>\S+): (?P<field>\S+) \[(?P<rule>[a-z]+(?:-[a-z]+)+)\]: ")
GOOD_DESCRIPTION = "A short description of what the post says, well under the length of a search snippet."
ALT = "a plain picture of one colour"
SEED_URI = "blog/tiktok.md"
LONG_DESCRIPTION = ("Word " * 40)[:199] + "."  # 200 characters
LONG_TITLE = ("A title " * 10).strip()  # 79
LONG_HEADLINE = ("A headline " * 11).strip()  # 120
LONG_ALT = ("pixel " * 75).strip()  # 449
PAGE_DESCRIPTION = ("Une phrase de description. " * 15)[:400]


def findings(records: list[logging.LogRecord]) -> list[tuple[str, str, int, str]]:
    """``(rule, file, level, line)`` of every finding logged: a record of its own, or a line of a
    record that gathers several (the informational ones)."""
    found = []
    for record in records:
        for line in record.getMessage().splitlines():
            match = FINDING.search(line)
            if match:
                found.append((match["rule"], match["file"], record.levelno, line.strip()))
    return found


def summaries(records: list[logging.LogRecord]) -> list[tuple[int, str]]:
    return [
        (r.levelno, r.getMessage())
        for r in records
        if "preview badly" in r.getMessage() or "preview better" in r.getMessage()
    ]


def build(root: Path, files: Mapping[str, str | bytes | Path], **kwargs: Any) -> Site:
    with captured() as records:
        site = build_site(root, files, **kwargs)
    site.logs = records
    return site


# --- the images, made once -------------------------------------------------------------------


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("images")

    def save(name: str, size: tuple[int, int], **options: Any) -> Path:
        path = folder / name
        Image.new("RGB", size, (40, 110, 180)).save(path, **options)
        return path

    noise = folder / "noise.png"  # incompressible: over 5 MB however it is saved
    Image.frombytes("RGB", (2000, 1047), os.urandom(2000 * 1047 * 3)).save(noise, compress_level=1)
    assert noise.stat().st_size > 5 * 1024 * 1024
    svg = folder / "card.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">'
        '<rect width="1200" height="630" fill="#2a6eb4"/></svg>',
        encoding="utf-8",
    )
    pdf = folder / "leaflet.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    return {
        "good.jpg": save("good.jpg", (1200, 630), quality=85),
        "tiny.png": save("tiny.png", (200, 100)),
        "small.png": save("small.png", (800, 419)),
        "square.jpg": save("square.jpg", (1200, 1200), quality=85),
        "noise.png": noise,
        "card.svg": svg,
        "leaflet.pdf": pdf,
    }


def good(title: str, date: str, **changes: Any) -> str:
    """A post whose preview is fine; ``changes`` (``None`` drops a field) break one thing."""
    fields: dict[str, Any] = {
        "description": GOOD_DESCRIPTION,
        "image": "images/good.jpg",
        "image_alt": ALT,
        **changes,
    }
    return post(title, date, **{k: v for k, v in fields.items() if v is not None})


# rule -> the posts that break it (and only it); a rule on several posts names them all.
RULE_POSTS: dict[str, dict[str, str]] = {
    "image-missing": {"blog/no-image.md": good("No image", "2024-01-01", image=None, image_alt=None)},
    "image-not-found": {"blog/lost.md": good("Lost image", "2024-01-02", image="images/nope.jpg")},
    "image-not-image": {"blog/leaflet.md": good("A leaflet", "2024-01-03", image="images/leaflet.pdf")},
    "image-format": {"blog/vector.md": good("A vector card", "2024-01-04", image="images/card.svg")},
    "image-too-small": {"blog/tiny.md": good("A tiny image", "2024-01-05", image="images/tiny.png")},
    "alt-missing": {"blog/no-alt.md": good("No alt text", "2024-01-06", image_alt=None)},
    "description-missing": {"blog/no-description.md": good("No description", "2024-01-07", description=None)},
    "description-length": {
        "blog/long-description.md": good("Long description", "2024-01-08", description=LONG_DESCRIPTION)
    },
    "title-length": {"blog/long-title.md": good(LONG_TITLE, "2024-01-09")},
    "headline-length": {"blog/long-headline.md": good(LONG_HEADLINE, "2024-01-10")},
    "image-file-size": {"blog/heavy.md": good("A heavy image", "2024-01-11", image="images/noise.png")},
    "image-small": {"blog/small.md": good("A small image", "2024-01-12", image="images/small.png")},
    "image-aspect": {"blog/square.md": good("A square image", "2024-01-13", image="images/square.jpg")},
    "alt-length": {"blog/long-alt.md": good("Long alt text", "2024-01-14", image_alt=LONG_ALT)},
    # Each spelling in two posts: near-duplicates, yet none of a single post.
    "term-near-duplicate": {
        "blog/media-a.md": good("Media A", "2024-01-15", tags=["Médias", "média"]),
        "blog/media-b.md": good("Media B", "2024-01-16", tags=["média", "medias"]),
        "blog/media-c.md": good("Media C", "2024-01-17", tags=["medias", "Médias"]),
    },
    "term-single-post": {"blog/alone.md": good("Alone", "2024-01-18", tags=["Solitaire"])},
    "date-filename": {"blog/2024-01-24-x.md": good("Dated by its name", "2024-02-01")},
}
# Where each rule fires in the whole blog: a headline too long for Google is too long for X as well,
# and a blog-wide finding is reported on the first of its files.
FIRES_ON = {rule: {next(iter(posts))} for rule, posts in RULE_POSTS.items()}
FIRES_ON["title-length"] = {"blog/long-title.md", "blog/long-headline.md"}
GOOD_POST = {"blog/good.md": good("A good post", "2024-03-01")}
# 'Médias' and 'medias' would share the slug 'medias': a warning of its own, which is not the linter's.
TAG_SLUGS = {"medias": "medias-sans-accent"}


def blog_files(images: dict[str, Path], *rules: str) -> dict[str, str | bytes | Path]:
    files: dict[str, str | bytes | Path] = {f"blog/images/{name}": path for name, path in images.items()}
    files.update(GOOD_POST)
    for rule in rules or RULE_POSTS:
        files.update(RULE_POSTS[rule])
    return files


def options(lint: object, **more: Any) -> dict[str, Any]:
    return {"lint": lint, "tag_slugs": TAG_SLUGS, **more}


@pytest.fixture(scope="module")
def blog(tmp_path_factory: pytest.TempPathFactory, images: dict[str, Path]) -> Site:
    return build(tmp_path_factory.mktemp("blog"), blog_files(images), plugin_config=options({}), strict=False)


def test_the_table_covers_every_rule_at_its_documented_level() -> None:
    assert set(RULE_POSTS) == set(RULES)
    assert {rule for rule, level in RULES.items() if level == "warning"} == WARNING_RULES


@pytest.mark.parametrize("rule", list(RULE_POSTS))
def test_each_rule_fires_on_its_post_at_its_level_and_nowhere_else(blog: Site, rule: str) -> None:
    found = [f for f in findings(blog.logs) if f[0] == rule]
    assert {file for _, file, _, _ in found} == FIRES_ON[rule]
    assert len(found) == len(FIRES_ON[rule])  # once per file
    level = logging.WARNING if rule in WARNING_RULES else logging.INFO
    assert {lvl for _, _, lvl, _ in found} == {level}


def test_the_blog_has_no_finding_but_the_planted_ones(blog: Site) -> None:
    logged = {(rule, file) for rule, file, _, _ in findings(blog.logs)}
    assert logged == {(rule, file) for rule, files in FIRES_ON.items() for file in files}
    assert not any(file == "blog/good.md" for _, file in logged)
    # Nothing else is wrong: every other warning is the summary line.
    others = [
        r.getMessage()
        for r in blog.logs
        if r.levelno >= logging.WARNING and not FINDING.search(r.getMessage())
    ]
    assert others == ["mkdocs_blog_tags: 6 posts would preview badly, see above"]


def test_findings_say_what_is_wrong(blog: Site) -> None:
    text = {rule: message for rule, _, _, message in findings(blog.logs)}
    assert "'images/nope.jpg' was not found" in text["image-not-found"]
    assert "blog/images/nope.jpg" in text["image-not-found"]  # where it was looked for
    assert "'images/leaflet.pdf' is not an image" in text["image-not-image"]
    assert "'image/svg+xml'" in text["image-format"]
    assert "200x100" in text["image-too-small"] and "twitter:card=summary" in text["image-too-small"]
    assert "800x419" in text["image-small"] and "1200x630" in text["image-small"]
    assert "1200x1200 is 1.00:1" in text["image-aspect"]
    assert "over the 5 MB" in text["image-file-size"]
    assert "200 characters" in text["description-length"]
    assert "79 characters" in text["title-length"] and "70" in text["title-length"]
    assert "120 characters" in text["headline-length"] and "110" in text["headline-length"]
    assert "449 characters" in text["alt-length"] and "420" in text["alt-length"]
    assert "2024-01-24" in text["date-filename"] and "2024-02-01" in text["date-filename"]
    assert "'Solitaire'" in text["term-single-post"]
    near = text["term-near-duplicate"]
    assert all(f"'blog/media-{x}.md'" in near for x in "abc")
    assert all(f"'{spelling}'" in near for spelling in ("Médias", "medias", "média"))


@pytest.mark.parametrize("rule", list(RULE_POSTS))
def test_strict_fails_on_warnings_only(tmp_path: Path, images: dict[str, Path], rule: str) -> None:
    files = blog_files(images, rule)
    with captured() as records:
        if rule in WARNING_RULES:
            with pytest.raises(Abort, match="strict"):
                build_site(tmp_path, files, plugin_config=options({}), strict=True)
        else:
            build_site(tmp_path, files, plugin_config=options({}), strict=True)
    # What the build warned about is this rule's finding (and the summary line), nothing else.
    warned = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    expected = 2 if rule in WARNING_RULES else 0
    assert len(warned) == expected, warned
    assert {rule for rule, *_ in findings(records)} == {rule} | (
        {"title-length"} if rule == "headline-length" else set()
    )


# --- the reference post ----------------------------------------------------------------------


def seed_files(**more: str | bytes | Path) -> dict[str, str | bytes | Path]:
    return {"index.md": "# Home\n", SEED_URI: SEED_POST, "blog/images/TikTok.jpg": SEED_IMAGE, **more}


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The reference post, with a docs page that has a description of its own and one that has none."""
    files = seed_files(
        **{
            "about.md": post("About", description=PAGE_DESCRIPTION),
            "plain.md": "# Plain\n\nA page with no share field of its own.\n",
        }
    )
    return build(tmp_path_factory.mktemp("reference"), files, plugin_config={"lint": {}}, strict=True)


def test_reference_post_passes_strict_with_one_description_finding(reference: Site) -> None:
    assert [r for r in reference.logs if r.levelno >= logging.WARNING] == []
    of_post = [f for f in findings(reference.logs) if f[1] == SEED_URI]
    assert [(rule, level) for rule, _, level, _ in of_post] == [("description-length", logging.INFO)]
    message = of_post[0][3]
    assert "382 characters" in message
    assert all(re.search(rf"\b{n}\b", message) for n in ("160", "200", "300"))


def test_the_summary_is_informational_without_warnings(reference: Site) -> None:
    assert summaries(reference.logs) == [
        (logging.INFO, "mkdocs_blog_tags: 1 post and 1 page could preview better, see above (informational)")
    ]


def test_the_summary_is_a_warning_when_a_preview_breaks(blog: Site) -> None:
    assert summaries(blog.logs) == [
        (logging.WARNING, "mkdocs_blog_tags: 6 posts would preview badly, see above")
    ]


def test_a_docs_page_is_checked_for_what_its_author_wrote(reference: Site) -> None:
    about = [f for f in findings(reference.logs) if f[1] == "about.md"]
    assert [(rule, level) for rule, _, level, _ in about] == [("description-length", logging.INFO)]
    assert len(PAGE_DESCRIPTION) == 400 and "400 characters" in about[0][3]
    assert not [f for f in findings(reference.logs) if f[1] == "plain.md"]


# --- twitter:card ----------------------------------------------------------------------------


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
@pytest.mark.parametrize("theme", THEMES)
def test_twitter_card_follows_the_image_size(
    tmp_path: Path, images: dict[str, Path], theme: str, use_directory_urls: bool
) -> None:
    files: dict[str, str | bytes | Path] = {
        "blog/images/tiny.png": images["tiny.png"],
        "blog/images/good.jpg": images["good.jpg"],
        "blog/tiny.md": good("A tiny image", "2024-01-05", image="images/tiny.png"),
        "blog/large.md": good("A large image", "2024-01-06"),
    }
    site = build(
        tmp_path,
        files,
        theme=theme,
        use_directory_urls=use_directory_urls,
        plugin_config={"lint": {}},
        strict=False,
    )

    def card(uri: str) -> list[str]:
        head = parse_html(site.html(uri)).find("head")
        return [m.get("content") for m in head.iter("meta") if m.get("name") == "twitter:card"]

    assert card("blog/tiny.md") == ["summary"]
    assert card("blog/large.md") == ["summary_large_image"]
    # The small card is the one the linter warned about.
    assert [(rule, file) for rule, file, _, _ in findings(site.logs)] == [("image-too-small", "blog/tiny.md")]


# --- the lint option -------------------------------------------------------------------------


def test_lint_false_reports_nothing(tmp_path: Path, images: dict[str, Path]) -> None:
    site = build(tmp_path, blog_files(images), plugin_config=options(False), strict=False)
    assert findings(site.logs) == []
    assert not any(
        re.search(r"\[(image|alt|description|title|headline|term|date)-", r.getMessage()) for r in site.logs
    )
    assert summaries(site.logs) == []
    # The pages are still built, with their share meta.
    assert "twitter:card" in site.html("blog/good.md")


def test_switching_one_rule_off_silences_it_only(blog: Site, tmp_path: Path, images: dict[str, Path]) -> None:
    site = build(tmp_path, blog_files(images), plugin_config=options({"image-missing": False}), strict=False)
    every = {(rule, file) for rule, file, _, _ in findings(blog.logs)}
    assert ("image-missing", "blog/no-image.md") in every
    assert {(rule, file) for rule, file, _, _ in findings(site.logs)} == every - {
        ("image-missing", "blog/no-image.md")
    }
    assert summaries(site.logs) == [
        (logging.WARNING, "mkdocs_blog_tags: 5 posts would preview badly, see above")
    ]


def test_raised_limits_silence_the_reference_post(tmp_path: Path) -> None:
    lint = {"description_search": 500, "description_x": 500, "description_og": 500}
    site = build(tmp_path, seed_files(), plugin_config={"lint": lint}, strict=True)
    assert findings(site.logs) == []
    assert summaries(site.logs) == []


def test_an_unknown_lint_key_is_a_config_error_with_a_hint(tmp_path: Path) -> None:
    with captured() as records, pytest.raises(Abort, match="configuration error"):
        build_site(tmp_path, seed_files(), plugin_config={"lint": {"descripton-length": False}}, strict=False)
    errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "'descripton-length'" in errors[0]
    assert "did you mean 'description-length'?" in errors[0]
    assert not (tmp_path / "site").exists()


# --- escaping --------------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script> "quoted" & \'single\''


def test_every_value_is_escaped(tmp_path: Path, images: dict[str, Path]) -> None:
    files: dict[str, str | bytes | Path] = {
        "blog/images/good.jpg": images["good.jpg"],
        "blog/hostile.md": good(
            "Title " + HOSTILE, "2024-01-05", description="Description " + HOSTILE, image_alt="Alt " + HOSTILE
        ),
        "blog/good.md": good("A good post", "2024-01-06"),
    }
    site = build(tmp_path, files, plugin_config={"lint": {}, "share_preview": True}, strict=True)
    raw = site.html("blog/share-preview.md")
    assert "<script" not in raw
    tree = parse_html(raw)
    assert list(tree.iter("script")) == []
    (article,) = [a for a in tree.iter("article") if a.get("id") == "blog/hostile.md"]
    text = "".join(article.itertext())
    # Shown as written, as text: the title, the description and (as alt attributes) the alt text.
    assert "Title " + HOSTILE in text and "Description " + HOSTILE in text
    assert {img.get("alt") for img in article.iter("img")} == {"Alt " + HOSTILE}
    # The post's own page: the head meta carries the values as attribute text, and no script runs them.
    page = parse_html(site.html("blog/hostile.md"))
    metas = {m.get("property") or m.get("name"): m.get("content") for m in page.find("head").iter("meta")}
    assert metas["og:title"] == "Title " + HOSTILE
    assert metas["og:description"] == "Description " + HOSTILE
    assert metas["og:image:alt"] == "Alt " + HOSTILE
    # The values reach the JSON-LD script as JSON, never as markup that could close the script.
    scripts = [s.text or "" for s in page.iter("script")]
    assert not any("<script" in text.lower() or "</" in text for text in scripts)
    (posting,) = [json.loads(s.text) for s in page.iter("script") if s.get("type") == "application/ld+json"]
    assert posting["headline"] == "Title " + HOSTILE
    assert posting["description"] == "Description " + HOSTILE
    assert "Title " + HOSTILE in "".join(page.find("head").find("title").itertext())


def test_findings_are_one_line_each(blog: Site) -> None:
    for *_, message in findings(blog.logs):
        assert "\n" not in message and message.endswith(".") and ". Fix: " in message
