"""The blog in Japanese, Arabic, German and French on real Material builds: the interface words of
the language, dates as CLDR writes them, tags in the language's collation order, and, for Arabic,
written right to left: ``dir="rtl"`` on the blog's own blocks on every theme, a stylesheet with no
left or right of its own, arrows that point where they lead (checked in Chromium when there is one)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date
from conftest import Site, build_site, parse_html, post

from mkdocs_blog_tags import collation
from mkdocs_blog_tags.i18n import _EN, Strings

LANGUAGES = ("ja", "ar", "de", "fr")

#: Every tag of the blog: accented Latin, Japanese (kana and kanji) and Arabic names.
TAGS = (
    "Encodage vidéo",
    "Éthique",
    "Ingénierie des médias",
    "Zèbre",
    "Affe",
    "Ähre",
    "Bär",
    "カタカナ",
    "ひらがな",
    "日本語",
    "東京",
    "برمجة",
    "تصميم",
)

DATES = {"a": dt.date(2024, 1, 24), "b": dt.date(2024, 3, 5), "c": dt.date(2024, 6, 11)}

#: The "older posts" of each language, written here so that a wrong table fails the test.
OLDER = {
    "fr": "Articles plus anciens",
    "de": "Ältere Beiträge",
    "ja": "古い記事",
    "ar": "تدوينات أقدم",
}

#: The long date of post c (2024-06-11), as each language writes it.
LONG_DATE = {
    "fr": "11 juin 2024",
    "de": "11. Juni 2024",
    "ja": "2024年6月11日",
    "ar": "11 يونيو 2024",
}

#: Names that each locale orders otherwise than code points do (first before second).
ORDERED = {
    "fr": [("Encodage vidéo", "Éthique"), ("Éthique", "Ingénierie des médias")],
    "de": [("Affe", "Ähre"), ("Ähre", "Bär")],
    # Kana in the order of the syllabary (カ ka before ひ hi), kanji in the Japanese order.
    "ja": [("カタカナ", "ひらがな"), ("東京", "日本語"), ("日本語", "برمجة")],
    # Arabic letters first in Arabic.
    "ar": [("برمجة", "تصميم"), ("تصميم", "Affe")],
}
#: Pairs that only ICU's tailorings order so (the fallback without ICU sorts by letters).
ICU_ONLY = {"ja", "ar"}

#: A physical side in CSS: what a right-to-left page would need mirrored.
PHYSICAL = re.compile(
    r"(margin|padding|border)-(left|right)|text-align:\s*(left|right)|float:\s*(left|right)"
    r"|clear:\s*(left|right)|\bleft:|\bright:"
)
STYLE_CSS = Path(__file__).parent.parent / "mkdocs_blog_tags" / "templates" / "blog_tags" / "style.css"
ARROWS = "←→"


def blog(posts: int = 3) -> dict[str, str]:
    """Posts a, b, c (and older fillers up to ``posts``) sharing the tags; c, the newest, is cut by
    <!-- more --> so the index shows its "read more" link."""
    files = {
        "index.md": "# Home\n\nWelcome.\n",
        "blog/posts/a.md": post("Post A", "2024-01-24", list(TAGS[0:5])),
        "blog/posts/b.md": post("Post B", "2024-03-05", list(TAGS[5:9])),
        "blog/posts/c.md": post(
            "Post C",
            "2024-06-11",
            [*TAGS[9:], "Éthique"],
            body="The beginning.\n\n<!-- more -->\n\nThe rest.\n",
        ),
    }
    for i in range(3, posts):
        files[f"blog/posts/f{i}.md"] = post(f"Filler {i}", f"2023-0{i}-01", ["Affe"])
    return files


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Site]:
    language = request.param
    site = build_site(
        tmp_path_factory.mktemp(f"material-{language}"),
        blog(),
        theme={"name": "material", "language": language},
        plugin_config={"per_page": 2},
    )
    return language, site


def _classes(element: Any) -> list[str]:
    return str(element.get("class") or "").split()


def _by_class(doc: Any, name: str) -> list[Any]:
    return [element for element in doc.iter() if name in _classes(element)]


def _text(element: Any) -> str:
    """The element's text with the template's spaces and line breaks as one space (not CLDR's
    no-break spaces: ``1\u00a0min``)."""
    return re.sub(r"[ \t\r\n]+", " ", "".join(element.itertext())).strip()


def _roots(site: Site) -> Iterator[tuple[str, Any]]:
    """The blog's own root blocks on its pages: listings, the tags overview, a post's header and
    footer; each with the page it is on."""
    for uri, classes in (
        ("blog/index.md", ("blog-tags-listing",)),
        ("blog/page/2/index.md", ("blog-tags-listing",)),
        ("blog/tags/index.md", ("blog-tags-overview",)),
        ("blog/posts/b.md", ("blog-tags-post-header", "blog-tags-post-nav")),
    ):
        doc = parse_html(site.html(uri))
        for name in classes:
            found = _by_class(doc, name)
            assert len(found) == 1, (uri, name)
            yield uri, found[0]


def test_the_index_speaks_the_language(built: tuple[str, Site]) -> None:
    language, site = built
    t = Strings(language)
    assert t.older == OLDER[language] != _EN["older"]
    assert t.newer != _EN["newer"] and t.read_more != _EN["read_more"]
    first = parse_html(site.html("blog/index.md"))
    (older,) = _by_class(first, "blog-tags-older")
    assert _text(older) == f"{OLDER[language]} →"
    (number,) = _by_class(first, "blog-tags-page-number")
    assert _text(number) == t.format("page_of", number=1, count=2)
    (read_more,) = _by_class(first, "blog-tags-read-more")
    assert _text(read_more) == t.read_more
    times = {_text(span) for span in _by_class(first, "blog-tags-reading-time")}
    assert times == {t.format("reading_time", minutes=1)}
    assert _EN["older"] not in site.html("blog/index.md")
    second = parse_html(site.html("blog/page/2/index.md"))
    (newer,) = _by_class(second, "blog-tags-newer")
    assert _text(newer) == f"← {t.newer}"
    assert not _by_class(second, "blog-tags-older")


def test_dates_are_written_as_the_language_writes_them(built: tuple[str, Site]) -> None:
    language, site = built
    first = parse_html(site.html("blog/index.md"))
    shown = {element.get("datetime")[:10]: _text(element) for element in first.iter("time")}
    assert shown == {
        day.isoformat(): format_date(day, format="long", locale=language)
        for key, day in DATES.items()
        if key in ("b", "c")
    }
    assert shown["2024-06-11"] == LONG_DATE[language]
    header = _by_class(parse_html(site.html("blog/posts/a.md")), "blog-tags-post-header")[0]
    assert [_text(time) for time in header.iter("time")] == [
        format_date(DATES["a"], format="long", locale=language)
    ]


def test_the_tags_overview_follows_the_languages_collation(built: tuple[str, Site]) -> None:
    language, site = built
    (cloud,) = _by_class(parse_html(site.html("blog/tags/index.md")), "blog-tags-cloud")
    names = [_text(a) for a in cloud.iter("a")]
    assert names == sorted(TAGS, key=collation.sort_key(language))
    assert names != sorted(TAGS)  # code points would put Éthique and Ähre after Zèbre
    if collation.BACKEND == "icu" or language not in ICU_ONLY:
        for first, then in ORDERED[language]:
            assert names.index(first) + 1 == names.index(then), (first, then, names)


def test_only_a_right_to_left_language_marks_the_blogs_blocks(built: tuple[str, Site]) -> None:
    language, site = built
    rtl = language == "ar"
    assert Strings(language).direction == ("rtl" if rtl else "ltr")
    body = parse_html(site.html("blog/index.md")).find("body")
    assert body.get("dir") == ("rtl" if rtl else "ltr")  # Material's own
    for uri, root in _roots(site):
        assert root.get("dir") == ("rtl" if rtl else None), uri
    for uri in ("blog/index.md", "blog/page/2/index.md", "blog/tags/index.md", "blog/posts/b.md"):
        html = site.html(uri)
        if not rtl:  # a left-to-right language prints no dir of its own
            assert 'dir="rtl"' not in html
        # Every arrow the blog prints can be mirrored, and a screen reader does not read it.
        doc = parse_html(html)
        arrows = _by_class(doc, "blog-tags-arrow")
        assert arrows, uri
        for arrow in arrows:
            assert arrow.get("aria-hidden") == "true" and _text(arrow) in ARROWS
        for root in (*_by_class(doc, "blog-tags-pager"), *_by_class(doc, "blog-tags-post-nav")):
            assert sum(_text(root).count(a) for a in ARROWS) == len(_by_class(root, "blog-tags-arrow"))


def test_the_stylesheet_has_no_left_or_right(built: tuple[str, Site]) -> None:
    _, site = built
    served = (site.site / "assets" / "blog-tags.css").read_text(encoding="utf-8")
    assert served == STYLE_CSS.read_text(encoding="utf-8")
    assert PHYSICAL.findall(served) == []
    assert PHYSICAL.findall("a { margin-left: 1em; text-align: right } b { right: 0 }")  # it finds them
    rule = re.search(r'\[dir="rtl"\] \.blog-tags-arrow \{([^}]*)\}', served)
    assert rule is not None and "scaleX(-1)" in rule.group(1) and "inline-block" in rule.group(1)


@pytest.mark.parametrize(
    ("theme", "options"),
    [
        # MkDocs' themes have no Arabic words of their own: the blog's locale is the plugin's.
        ({"name": "mkdocs"}, {"locale": "ar"}),
        ({"name": "readthedocs"}, {"locale": "ar"}),
        # Persian is one of their languages: the blog's locale comes from the theme's.
        ({"name": "mkdocs", "locale": "fa"}, {}),
        ({"name": "readthedocs", "locale": "fa"}, {}),
    ],
    ids=["mkdocs-locale-ar", "readthedocs-locale-ar", "mkdocs-theme-fa", "readthedocs-theme-fa"],
)
def test_mkdocs_themes_get_dir_from_the_blog(
    make_site: Any, theme: dict[str, str], options: dict[str, str]
) -> None:
    site = make_site(blog(), theme=theme, plugin_config={"per_page": 2, **options})
    language = options.get("locale") or theme["locale"]
    t = Strings(language)
    assert t.direction == "rtl"
    page = parse_html(site.html("blog/index.md"))
    # The theme sets no direction: only the blog's own blocks are right to left.
    assert page.get("dir") is None and page.find("body").get("dir") is None
    for uri, root in _roots(site):
        assert root.get("dir") == "rtl", uri
    (older,) = _by_class(page, "blog-tags-older")
    assert _text(older) == f"{t.older} →"
    assert site.warnings() == []


def test_mkdocs_theme_in_arabic_warns_only_of_its_own_words(make_site: Any) -> None:
    """``theme.locale: ar`` on the mkdocs theme: MkDocs warns that its theme has no Arabic (a strict
    build stops there); the blog is Arabic and right to left all the same."""
    site = make_site(
        blog(), theme={"name": "mkdocs", "locale": "ar"}, plugin_config={"per_page": 2}, strict=False
    )
    assert site.warnings() and all("translation" in w.lower() for w in site.warnings())
    for uri, root in _roots(site):
        assert root.get("dir") == "rtl", uri
    assert Strings("ar").read_more in site.html("blog/index.md")


# --- in a browser --------------------------------------------------------------------------------

BROWSER = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))),
    None,
)
#: Paints the pager's links in flat colours (their words in the same colour, so only the arrows
#: show) and the arrows large and blue, to find them in the screenshot.
PAINT = """
.blog-tags .blog-tags-pager a, .blog-tags .blog-tags-pager a:hover { text-decoration: none !important; }
.blog-tags .blog-tags-pager .blog-tags-newer { background: #ff0000 !important; color: #ff0000 !important; }
.blog-tags .blog-tags-pager .blog-tags-older { background: #00ff00 !important; color: #00ff00 !important; }
.blog-tags .blog-tags-pager .blog-tags-arrow { color: #0000ff !important; font-size: 64px; line-height: 1; }
.blog-tags .blog-tags-page-number { visibility: hidden; }
"""


def _box(pixels: Any, size: tuple[int, int], colour: tuple[int, int, int]) -> tuple[int, int, int, int]:
    """The bounding box (left, top, right, bottom) of the pixels of exactly ``colour``."""
    width, height = size
    xs, ys = [], []
    for y in range(0, height, 2):
        for x in range(width):
            if pixels[x, y][:3] == colour:
                xs.append(x)
                ys.append(y)
    assert xs, f"no pixel of {colour}"
    return min(xs), min(ys), max(xs), max(ys)


def _head_side(pixels: Any, box: tuple[int, int, int, int]) -> str:
    """Where the arrow in ``box`` has its head: the side of its tallest columns of blue ink."""
    left, top, right, bottom = box
    heights = []
    for x in range(left, right + 1):
        column = [pixels[x, y] for y in range(top, bottom + 1)]
        heights.append((sum(1 for r, g, b, *_ in column if b > 160 and r < 120 and g < 120), x))
    inked = [x for height, x in heights if height]
    assert inked, "no arrow in the link"
    tallest = max(heights)[0]
    head = [x for height, x in heights if height >= 0.6 * tallest]
    middle = (min(inked) + max(inked)) / 2
    return "right" if sum(head) / len(head) > middle else "left"


@pytest.mark.skipif(BROWSER is None, reason="no Chromium to draw the page")
@pytest.mark.parametrize("language", ["ar", "de"])
def test_chromium_draws_the_pager_mirrored_in_arabic(make_site: Any, tmp_path: Path, language: str) -> None:
    """Page 2 of 3 has both links. In German the newer one is on the left, its arrow pointing left;
    in Arabic it is on the right, its arrow pointing right: each arrow points away from the middle."""
    image = pytest.importorskip("PIL.Image")
    files = {**blog(posts=5), "stylesheets/paint.css": PAINT}
    site = make_site(
        files,
        theme={"name": "material", "language": language, "font": False},
        plugin_config={"per_page": 2},
        extra={"extra_css": ["stylesheets/paint.css"]},
    )
    shot = tmp_path / f"pager-{language}.png"
    assert BROWSER is not None
    subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1280,1600",
            f"--screenshot={shot}",
            site.page_path("blog/page/2/index.md").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with image.open(shot) as picture:
        rgb = picture.convert("RGB")
    pixels, size = rgb.load(), rgb.size
    newer, older = _box(pixels, size, (255, 0, 0)), _box(pixels, size, (0, 255, 0))
    if language == "ar":
        assert newer[0] > older[2], (newer, older)
        assert (_head_side(pixels, newer), _head_side(pixels, older)) == ("right", "left")
    else:
        assert newer[2] < older[0], (newer, older)
        assert (_head_side(pixels, newer), _head_side(pixels, older)) == ("left", "right")
