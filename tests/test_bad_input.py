"""The bad-input matrix: one bad post beside good ones, for every way front matter goes wrong.

For each case the build completes, the good posts are still published with
correct listings and tag counts, and a warning names the file (relative to
docs_dir), the field and what was expected; under ``--strict`` the build fails.
Cases that are unusual but valid (CRLF, BOM, quoted dates, 1,000 tags...)
build clean under ``--strict`` instead.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import extruct
import feedparser
import mf2py
import pytest
from conftest import SEED_IMAGE, parse_html, post
from mkdocs.exceptions import Abort

pytestmark = pytest.mark.slow

GOOD = {
    "blog/good-1.md": post("Good one", "2024-03-01", ["Shared", "Alpha"]),
    "blog/good-2.md": post("Good two", "2024-02-01", ["Shared"]),
    "blog/good-3.md": post(
        "Good three", "2024-01-01", ["Shared", "Beta"], image="images/ok.jpg", image_alt="Ok"
    ),
    "blog/images/ok.jpg": SEED_IMAGE,
    "blog/images/a b.jpg": SEED_IMAGE,
    "blog/notes.txt": "not an image\n",
}
GOOD_TITLES = ["Good one", "Good two", "Good three"]
BAD = "blog/bad.md"


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    content: str | bytes
    warning: str | None
    """Substring of the expected warning; None when the input is valid."""
    field: str | None = None
    """The field the warning must name (``'field'``), if any."""
    published: bool = True
    title: str = "Bad"
    rule: str | None = None
    """The linter's rule id the warning must name (``field [rule]``), for a share-readiness finding."""
    options: dict[str, Any] = dataclasses.field(default_factory=dict)
    """Plugin options of the case (``lint: false`` brings back the plan's own image messages)."""


def fm(body: str, text: str = "Text.\n") -> str:
    return f"---\n{body}\n---\n\n{text}"


BASE = "title: Bad\ndate: 2024-01-15"
HUGE = "x" * 100_000

CASES = [
    # front matter as a whole
    Case(
        "invalid-yaml", fm("title: [Bad\ndate: 2024-01-15"), "front matter is not valid YAML", published=False
    ),
    Case(
        "yaml-python-tag",
        fm("title: !!python/object/apply:os.system [ls]\ndate: 2024-01-15"),
        "not valid YAML",
        published=False,
    ),
    Case("yaml-tab-indent", fm("title: Bad\ntags:\n\t- a"), "not valid YAML", published=False),
    Case("front-matter-list", fm("- a\n- b", "# Bad\n"), "front matter must be a mapping"),
    Case("front-matter-scalar", fm("just words", "# Bad\n"), "front matter must be a mapping"),
    Case("empty-file", "", "no date in front matter or file name", "date", title="Bad"),
    Case("empty-front-matter", "---\n---\n# Bad\n", "no date", "date"),
    # dates
    Case("date-missing", fm("title: Bad"), "no date in front matter or file name", "date"),
    Case("date-empty", fm("title: Bad\ndate:"), "is empty", "date"),
    Case("date-quoted", fm('title: Bad\ndate: "2024-01-15"'), None),
    Case("date-number", fm("title: Bad\ndate: 2024"), "expected a date like 2024-01-24", "date"),
    Case("date-impossible", fm("title: Bad\ndate: 2024-13-45"), "is not a real date", "date"),
    Case("date-february-30", fm("title: Bad\ndate: 2024-02-30"), "is not a real date", "date"),
    Case("date-words", fm("title: Bad\ndate: last tuesday"), "is not a date like", "date"),
    Case(
        "date-mapping-without-created",
        fm("title: Bad\ndate:\n  updated: 2024-01-15"),
        "needs 'created'",
        "date",
    ),
    Case(
        "date-mapping-material", fm("title: Bad\ndate:\n  created: 2024-01-15\n  updated: 2024-02-01"), None
    ),
    Case("date-naive-datetime", fm("title: Bad\ndate: 2024-01-15 10:30:00"), None),
    Case("date-aware-datetime", fm("title: Bad\ndate: 2024-01-15T10:30:00+05:00"), None),
    Case("date-jekyll-offset", fm("title: Bad\ndate: 2024-01-15 10:30:00 -0800"), None),
    Case("date-bad-offset", fm("title: Bad\ndate: 2024-01-15T10:30:00+25:00"), "out of range", "date"),
    Case("date-far-past", fm("title: Bad\ndate: 0001-01-01"), None),
    Case("date-far-future", fm("title: Bad\ndate: 9999-12-31"), None, published=False),
    Case("updated-before-created", fm("title: Bad\ndate: 2024-01-15\nupdated: 2020-01-01"), None),
    # tags
    Case("tags-string", fm(f"{BASE}\ntags: Shared"), None),
    Case("tags-comma-string", fm(f"{BASE}\ntags: Shared, Gamma"), None),
    Case("tags-number", fm(f"{BASE}\ntags: 42"), None),
    Case("tags-null", fm(f"{BASE}\ntags:"), None),
    Case("tags-nested-list", fm(f"{BASE}\ntags: [[a, b], Shared]"), "expected each tag to be text", "tags"),
    Case("tags-mapping", fm(f"{BASE}\ntags: {{a: 1}}"), "expected a list of tags", "tags"),
    Case(
        "tags-thousand",
        fm(BASE + "\ntags:\n" + "".join(f"  - tag {i}\n" for i in range(1000)).rstrip("\n")),
        None,
    ),
    Case("tags-case-duplicates", fm(f"{BASE}\ntags: [shared, SHARED, Shared]"), None),
    Case("tags-accent-duplicates", fm(f"{BASE}\ntags: [médias, medias]"), "all give the slug 'medias'"),
    Case("tags-empty-strings", fm(f'{BASE}\ntags: ["", "  ", null, Shared]'), None),
    Case("tags-same-tag-in-two-cases", fm(f"{BASE}\ntags: [Shared, SHARED]"), None),
    Case("tags-colliding-slugs", fm(f"{BASE}\ntags: [Café, Cafe]"), "all give the slug 'cafe'"),
    # text fields
    Case("title-empty", fm('title: ""\ndate: 2024-01-15', "# Bad\n"), "is empty", "title"),
    Case("title-list", fm("title: [a, b]\ndate: 2024-01-15", "# Bad\n"), "expected text, got list", "title"),
    Case("title-huge", fm(f"title: {HUGE}\ndate: 2024-01-15"), None, title=HUGE),
    Case(
        "title-multiline",
        fm("title: |\n  Bad\n  on two lines\ndate: 2024-01-15"),
        None,
        title="Bad on two lines",
    ),  # as mf2 text: whitespace folded
    Case(
        "title-markup",
        fm('title: "Bad \\"<script>alert(1)</script>\\" & co"\ndate: 2024-01-15'),
        None,
        title='Bad "<script>alert(1)</script>" & co',
    ),
    Case(
        "title-control-characters", fm('title: "Bad\\x01\\x1fok"\ndate: 2024-01-15'), None, title="Badok"
    ),  # control characters dropped
    Case("title-rtl-emoji", fm("title: Bad مرحبا 🎉\ndate: 2024-01-15"), None, title="Bad مرحبا 🎉"),
    Case("description-empty", fm(f'{BASE}\ndescription: ""'), "is empty", "description"),
    Case(
        "description-mapping", fm(f"{BASE}\ndescription: {{a: b}}"), "expected text, got dict", "description"
    ),
    Case("description-huge", fm(f"{BASE}\ndescription: {HUGE}"), None),
    # An impossible date makes MkDocs render the whole front matter as text, markup included; as a
    # post it gets its front matter as read here, and no front-matter text reaches the page.
    Case(
        "front-matter-mkdocs-cannot-load",
        fm(f"{BASE}\nupdated: 2024-13-45\ndescription: '<b>BOLD</b><script>alert(9)</script>'"),
        "is not a real date",
        "updated",
    ),
    # Front matter closed by YAML's '...', which MkDocs reads: the draft must stay a draft.
    Case("draft-closed-by-dots", f"---\n{BASE}\ndraft: true\n...\n\nText.\n", None, published=False),
    Case("closed-by-dots", f"---\n{BASE}\ntags: [Shared]\n...\n\nText.\n", None),
    # A post that may be a draft is never published.
    Case("draft-not-boolean", fm(f"{BASE}\ndraft: maybe"), "treated as a draft", "draft", published=False),
    # images
    Case(
        "alt-empty",
        fm(f'{BASE}\nimage: images/ok.jpg\nimageAltAttribute: ""'),
        "is empty",
        "imageAltAttribute",
    ),
    Case(
        "alt-missing",
        fm(f"{BASE}\nimage: images/ok.jpg"),
        "has no alt text",
        "image_alt",
        rule="alt-missing",
    ),
    Case(
        "image-missing",
        fm(f"{BASE}\nimage: images/gone.jpg\nimage_alt: A"),
        "'images/gone.jpg' was not found (looked for blog/images/gone.jpg or images/gone.jpg)",
        "image",
        rule="image-not-found",
    ),
    Case("image-absolute-url", fm(f"{BASE}\nimage: https://cdn.example.org/a.jpg\nimage_alt: A"), None),
    Case("image-site-root", fm(f"{BASE}\nimage: /blog/images/ok.jpg\nimage_alt: A"), None),
    Case("image-with-space", fm(f'{BASE}\nimage: "images/a b.jpg"\nimage_alt: A'), None),
    Case("image-dotdot", fm(f"{BASE}\nimage: ../blog/images/ok.jpg\nimage_alt: A"), None),
    Case(
        "image-outside-docs",
        fm(f"{BASE}\nimage: ../../../../etc/passwd\nimage_alt: A"),
        "'../../../../etc/passwd' was not found",
        "image",
        rule="image-not-found",
    ),
    Case(
        "image-not-an-image",
        fm(f"{BASE}\nimage: notes.txt\nimage_alt: A"),
        "'notes.txt' is not an image",
        "image",
        rule="image-not-image",
    ),
    # The same three without the linter: the plan's own messages.
    Case(
        "alt-missing-lint-off",
        fm(f"{BASE}\nimage: images/ok.jpg"),
        "has no alt text; add 'image_alt'",
        "image",
        options={"lint": False},
    ),
    Case(
        "image-missing-lint-off",
        fm(f"{BASE}\nimage: images/gone.jpg\nimage_alt: A"),
        "'images/gone.jpg' was not found (looked for blog/images/gone.jpg or images/gone.jpg)",
        "image",
        options={"lint": False},
    ),
    Case(
        "image-not-an-image-lint-off",
        fm(f"{BASE}\nimage: notes.txt\nimage_alt: A"),
        "'notes.txt' is not an image (text/plain)",
        "image",
        options={"lint": False},
    ),
    # files
    Case("big-post", fm(BASE, ("Un paragraphe de texte assez long. " * 40 + "\n\n") * 3500), None),
    Case("bom", "\ufeff" + fm(BASE), None),
    Case("crlf", fm(BASE).replace("\n", "\r\n"), None),
    Case(
        "non-utf8",
        b"---\ntitle: Caf\xe9\ndate: 2024-01-15\n---\nText\n",
        "is not UTF-8 text",
        published=False,
    ),
]


def entries(html: str) -> list[dict[str, Any]]:
    feed = next(i for i in mf2py.parse(doc=html)["items"] if "h-feed" in i["type"])
    return [c for c in feed.get("children", []) if "h-entry" in c["type"]]


def test_the_matrix_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_post_beside_good_posts(make_site, case: Case) -> None:
    files = {**GOOD, BAD: case.content}
    options = {"per_page": 0, **case.options}
    site = make_site(files, strict=False, plugin_config=options)
    if case.published:  # no front-matter text is ever rendered as the page's body
        body = site.html(BAD)
        assert "updated: 2024" not in body and "<script>alert" not in body
    warnings = site.warnings()
    if case.warning is None:
        assert warnings == []
    else:
        matching = [w for w in warnings if case.warning in w]
        assert matching, warnings
        if case.rule is not None:  # the linter's finding replaces the plan's message: one warning
            assert [w for w in matching if f"{BAD}: {case.field} [{case.rule}]: " in w] == matching, matching
            assert len(matching) == 1, matching
        elif case.field is not None:
            assert any(f"{BAD}: '{case.field}'" in w for w in matching), matching
        elif "slug" not in case.warning:
            assert any(BAD in w for w in matching), matching

    titles = [e["properties"]["name"][0] for e in entries(site.html("blog/index.md"))]
    for good in GOOD_TITLES:
        assert good in titles
    assert titles.count(case.title) == (1 if case.published else 0), titles
    assert site.page_path(BAD).exists() == case.published
    shared = [e["properties"]["name"][0] for e in entries(site.html("blog/tags/shared/index.md"))]
    assert [t for t in shared if t in GOOD_TITLES] == GOOD_TITLES
    assert {t for t in shared} <= {*GOOD_TITLES, case.title}
    overview = site.html("blog/tags/index.md")
    assert "Alpha" in overview and "Beta" in overview

    if case.warning is not None:
        with pytest.raises(Abort, match="strict"):
            make_site(files, plugin_config=options)


# -- any YAML type in any field of any page ------------------------------------------------------

YAML_VALUES = {
    "date": "2024-06-01",
    "datetime": "2024-06-01 10:30:00",
    "year-1-date": "0001-01-01T00:00:00+01:00",
    "year-9999-date": "9999-12-31T23:59:59-05:00",
    "int": "42",
    "nan": ".nan",
    "infinity": "-.inf",
    "bool": "true",
    "null": "null",
    "empty-text": '""',
    "markup": "'</title><script>alert(1)</script> & \"q\"'",
    "control-characters": '"bell\\a and \\x1b escape"',
    "list": "[a, 2024-06-01, {k: v}]",
    "mapping": "{created: 2024-06-01, x: [1, 2]}",
    "nested": "{a: {b: {c: [.nan]}}}",
    "long-text": "'" + "word " * 200 + "'",
}
ANY_FIELDS = (
    "title", "date", "updated", "last_modified", "description", "summary", "image", "cover",
    "image_alt", "imageAltAttribute", "tags", "slug", "categories", "authors", "author",
)  # fmt: skip


def _every_field(value: str, *, draft: bool = False) -> str:
    keys = (*ANY_FIELDS, "draft") if draft else ANY_FIELDS
    return "---\n" + "".join(f"{key}: {value}\n" for key in keys) + "---\n\nBody of the page.\n"


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
@pytest.mark.parametrize("name", list(YAML_VALUES))
def test_any_yaml_type_in_any_field_of_any_page(make_site, name: str, theme: str) -> None:
    """Every field of a post, of an ordinary page and of a hand-written blog index holds one type."""
    value = YAML_VALUES[name]
    files = {
        **GOOD,
        BAD: _every_field(value),
        "blog/maybe-draft.md": _every_field(value, draft=True),
        # Markup in an ordinary page's title is the author's: the theme prints it as MkDocs does.
        "about.md": _every_field(value).replace(f"title: {value}\n", "")
        if name == "markup"
        else _every_field(value),
        "blog/index.md": _every_field(value),
    }
    site = make_site(files, theme=theme, strict=False, plugin_config={"per_page": 0})
    titles = [e["properties"]["name"][0] for e in entries(site.html("blog/index.md"))]
    assert [t for t in titles if t in GOOD_TITLES] == GOOD_TITLES
    assert site.page_path(BAD).exists()
    # `draft` holding anything but a boolean (or nothing) may mean a draft: never published.
    assert site.page_path("blog/maybe-draft.md").exists() == (name == "null")
    for path in site.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        document = parse_html(html)
        code = [e.text or "" for e in document.iter("script") if e.get("type") != "application/ld+json"]
        assert not [text for text in code if "alert(1)" in text], path
        for data in extruct.extract(html, syntaxes=["json-ld"])["json-ld"]:
            assert all(isinstance(data[k], str) for k in ("name", "headline") if k in data), path
    for feed in (*site.site.rglob("feed.xml"), *site.site.rglob("atom.xml")):
        assert not feedparser.parse(feed.read_bytes()).bozo, feed
    json.loads((site.site / "blog/feed.json").read_text(encoding="utf-8"))
    if theme == "mkdocs" and site.warnings():
        with pytest.raises(Abort, match="strict"):
            make_site(files, plugin_config={"per_page": 0})
