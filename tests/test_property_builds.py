"""Property test of whole builds: Hypothesis writes small hostile blogs, MkDocs builds each for real.

Every generated blog has 1 to 5 posts and up to 3 other pages whose front matter fields may be
missing or of any YAML type (hostile text, huge numbers, nan, dates from year 1 to 9999 with any
offset, nested lists and mappings), sometimes files at the paths of generated pages, one of a few
plugin configurations, a theme and a URL style. The built site is then checked with parsers
nobody on the project wrote (html5lib, lxml, feedparser, extruct, json):

1. the build never raises;
2. every HTML file parses, no script runs front-matter text, no ``on*`` attribute calls it, and
   no C0 control character reaches a ``<title>``;
3. every feed parses (lxml, feedparser without bozo; the JSON Feed with ``version`` and ``items``);
4. the JSON-LD of every page parses and every ``name``/``headline`` is a string;
5. no draft leaks: neither its title nor its body is in any output file, and its page is not written;
6. every ordinary page is published;
7. every post that is neither a draft nor dated in the future is published.

``BLOG_TAGS_HYPOTHESIS_PROFILE=large`` runs 500 random blogs instead of the 15 fixed ones of CI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import extruct
import feedparser
import pytest
import yaml
from conftest import SEED_IMAGE, Site, build_site, parse_html
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from mkdocs_blog_tags.taxonomy import tag_slug

pytestmark = pytest.mark.slow

_SLOW_IS_FINE = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
PROFILE = {
    "ci": settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=_SLOW_IS_FINE,
        derandomize=True,
        database=None,
        print_blob=True,
    ),
    "large": settings(
        max_examples=500,
        deadline=None,
        suppress_health_check=_SLOW_IS_FINE,
        derandomize=False,
        print_blob=True,
    ),
}[os.environ.get("BLOG_TAGS_HYPOTHESIS_PROFILE", "ci")]

NOW = dt.datetime.now(dt.timezone.utc)
PAST_LIMIT = dt.datetime(2025, 12, 31, 23, 59, 59)
"""Posts dated up to here are in the past whatever their offset and the timezone option."""

# -- text ------------------------------------------------------------------------------------------

HOSTILE = [
    "</title><script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "</script><script>alert(4)</script>",
    "<!--",
    "-->",
    "]]>",
    "&",
    "&amp;",
    "&lt;b&gt;",
    '"',
    "'",
    "`",
    "\\",
    "{{ 7*7 }}",
    "{% raw %}",
    "%s",
    "\x07",
    "\x00",
    "\x1b[31m",
    "\x0b",
    "\x0c",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\r\n",
    "\r",
    "\t",
    "\ufeff",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\U0010fffd",
    "\u202e",
    "\u200f",
    "\u200b",
    "مرحبا بالعالم",
    "שלום",
    "🙂",
    "👩\u200d💻",
    "日本語の記事",
    "한국어",
    "Café",
    "Cafe\u0301",
    "C++",
    "C#",
]
SHORT_TEXT = st.text(max_size=12)
MIXED_TEXT = st.lists(st.one_of(SHORT_TEXT, st.sampled_from(HOSTILE)), min_size=1, max_size=4).map("".join)
LONG_TEXT = st.tuples(MIXED_TEXT, st.integers(300, 420)).map(lambda t: ((t[0] or "x") * 420)[: t[1]])
CJK_RUN = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=3, max_size=8
).map(lambda s: (s * 40)[: 90 + len(s)])
TEXT = st.one_of(SHORT_TEXT, MIXED_TEXT, st.sampled_from(HOSTILE), LONG_TEXT, CJK_RUN)

# -- dates -----------------------------------------------------------------------------------------

OFFSET = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
EXTREME_DATES = [
    dt.date(1, 1, 1),
    dt.date(9999, 12, 31),
    dt.datetime(1, 1, 1),
    dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=23, minutes=59))),
    dt.datetime(1, 1, 1, 0, 0, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
    dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(-dt.timedelta(hours=23, minutes=59))),
    dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(-dt.timedelta(hours=5))),
]
ANY_DATE = st.one_of(
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=OFFSET),
    st.sampled_from(EXTREME_DATES),
)
PAST_DATE = st.one_of(
    st.dates(max_value=PAST_LIMIT.date()),
    st.datetimes(max_value=PAST_LIMIT),
    st.datetimes(max_value=PAST_LIMIT, timezones=OFFSET),
    st.sampled_from([d for d in EXTREME_DATES if d.year == 1]),
)
DATE_STRINGS = [
    "2024-06-01",
    "2016-01-24 13:16:12 -0800",
    "2024-01-24T13:16:12Z",
    "2024-1-2",
    "27/11/2026",
    "2024-02-30",
    "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59",
    "10000-01-01",
    "",
]

# -- any YAML value --------------------------------------------------------------------------------

SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),  # nan and infinities included
    TEXT,
    ANY_DATE,
)
MAP_KEYS = st.one_of(SHORT_TEXT, st.sampled_from(["created", "updated", "path", "src", "url", "alt"]))
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(MAP_KEYS, inner, max_size=3)),
    max_leaves=5,
)

TAG = st.one_of(
    st.sampled_from(
        ["C", "C++", "C#", "c#", "&", "+", "Q&A", "Python", "python", "PYTHON", "Café", "cafe", "Cafe\u0301"]
    ),
    st.sampled_from(HOSTILE),
    SHORT_TEXT,
    LONG_TEXT.map(lambda s: (s * 2)[:230]),
    CJK_RUN,
)
IMAGE = st.one_of(
    st.sampled_from(
        [
            "images/cover.jpg",
            "/images/cover.jpg",
            "cover%20image.jpg",
            "missing.png",
            "images/notes.txt",
            "../../../../etc/passwd",
            "https://example.com/a.png?x=1&y=<2>",
            "//cdn.example.com/a.png",
            "javascript:alert(5)",
            'x.png" onerror="alert(6)',
            False,
            True,
        ]
    ),
    st.fixed_dictionaries(
        {"path": st.sampled_from(["images/cover.jpg", "missing.png"])}, optional={"alt": TEXT}
    ),
)

POST_FIELDS = {
    "title": st.one_of(TEXT, VALUE),
    "date": st.one_of(
        PAST_DATE,
        ANY_DATE,
        VALUE,
        st.sampled_from(DATE_STRINGS),
        st.fixed_dictionaries({"created": st.one_of(PAST_DATE, ANY_DATE)}, optional={"updated": ANY_DATE}),
        st.fixed_dictionaries({}, optional={"updated": ANY_DATE, "other": VALUE}),
    ),
    "updated": st.one_of(ANY_DATE, VALUE, st.sampled_from(DATE_STRINGS)),
    "description": st.one_of(TEXT, VALUE),
    "image": st.one_of(IMAGE, VALUE),
    "image_alt": st.one_of(TEXT, VALUE),
    "imageAltAttribute": st.one_of(TEXT, VALUE),
    "tags": st.one_of(st.lists(TAG, max_size=4), TAG, VALUE),
    "draft": st.one_of(
        st.booleans(), st.sampled_from(["yes", "no", "on", "off", "True", " FALSE ", "maybe"]), VALUE
    ),
    "slug": st.one_of(TEXT, VALUE),
    "categories": st.one_of(TEXT, st.lists(TEXT, max_size=3), VALUE),
    "authors": st.one_of(TEXT, st.lists(TEXT, max_size=3), VALUE),
}
PAGE_FIELDS = {key: POST_FIELDS[key] for key in ("title", "description", "image", "image_alt")}

# Front matter as people type it, which yaml.safe_dump would never write.
RAW_LINES = [
    "title: 2024-06-01",
    "title: 2024-06-01 10:30:00",
    "title: .nan",
    "title: -.inf",
    "title: 0x1F",
    "title: !!binary aGVsbG8=",
    "title: !!set {a, b}",
    "title: ~",
    "title: ''",
    "title: {when: 2024-06-01}",
    "title: [a, 2024-06-01]",
    "title: '</title><script>alert(7)</script>'",
    'title: "Bell\\a and NUL\\0 and ESC\\e"',
    "date: 0001-01-01T00:00:00+01:00",
    "date: 0001-01-01T00:00:00+23:59",
    "date: 0001-01-01",
    "date: 2024-02-30",
    "date: 2016-01-24 13:16:12 -0800",
    "date: 2024-06-01 10:30:00.5",
    "date: {created: 2024-01-01, updated: 9999-12-31T23:59:59-05:00}",
    "date: {created: 0001-01-01T00:00:00+01:00}",
    "date: {updated: 2024-01-01}",
    "date: .nan",
    "date:",
    "updated: 9999-12-31T23:59:59-05:00",
    "updated: 0001-01-01T00:00:00+23:59",
    "updated: 2024-13-45",
    "description: 2024-06-01",
    "description: .inf",
    "description: '<img src=x onerror=alert(8)>'",
    "tags: [3.10, 2024-01-01, null, true, .nan, .inf, 0o17, '', '  ']",
    "tags: python, web, Python , C++",
    "tags: {a: b}",
    "tags: 2024",
    "tags: [[nested], {a: b}]",
    "image: {path: images/cover.jpg, alt: '<b>x</b>&'}",
    "image: false",
    "image: ''",
    "imageAltAttribute: [x]",
    "draft: yes",
    "draft: 'yes'",
    "draft: 'off'",
    "draft: 1",
    "draft: .nan",
    "slug: {a: 1}",
    "authors: [{name: x}, 3]",
    "categories: !!set {a, b}",
]

# ``---`` delimiters in the ways MkDocs reads them (``...`` ends a YAML document too).
FRAMES = ["plain", "plain", "plain", "plain", "crlf", "bom", "spaces", "dots"]

NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_", min_size=1, max_size=12).filter(
    lambda n: n.strip("-_").lower() not in {"index", "readme"}
)
"""Post file names without digits, so no date comes from a file name."""

COLLIDING_POSTS = ["blog/tags.md", "blog/page/2.md", "blog/feed.xml.md", "TAGSLUG"]
COLLIDING_PAGES = ["blog/index.md", "blog/README.md", "blog/tags/index.md"]
ORDINARY_PAGES = ["index.md", "about.md", "notes/x.md"]
PLUGIN_CONFIGS = [
    {},
    {"per_page": 1},
    {"slug_mode": "unicode"},
    {"tag_per_page": 1},
    {"timezone": "Europe/Paris"},
]
HEADINGS = [
    "",
    "# Café & Co\n\n",
    "# 日本語の見出し\n\n",
    "# C++ *tips* and `code`\n\n",
    "# \u202eRTL heading\n\n",
]


class _SafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader; an impossible timestamp is text, as the plugin documents it."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


@dataclasses.dataclass
class Blog:
    files: dict[str, str | Path]
    theme: str
    use_directory_urls: bool
    plugin_config: dict[str, Any]
    drafts: dict[str, list[str]]
    """src_uri -> tokens of each post whose front matter says it is a draft: none may be in the site."""
    posts: dict[str, str]
    """src_uri -> body token of each post that must be published."""
    pages: dict[str, str]
    """src_uri -> body token of each page that is not a post."""


def front_matter(
    draw: st.DrawFn,
    fields: dict[str, st.SearchStrategy[Any]],
    force: dict[str, Any],
    markup_title: bool = True,
) -> str:
    """YAML text of a front matter: dumped fields, hand-written lines, and the ``force`` fields.

    ``markup_title=False``: a text title has no ``<``. An ordinary page's title is printed by the
    theme as MkDocs prints it, raw (docs/reliability.md: "markup in it is its author's"); a title
    of another type must still never reach the theme.
    """
    meta = draw(st.fixed_dictionaries({}, optional=fields))
    lines = RAW_LINES if markup_title else [line for line in RAW_LINES if not line.startswith("title: '<")]
    raw = draw(st.lists(st.sampled_from(lines), max_size=2, unique_by=lambda line: line.split(":")[0]))
    if not markup_title and isinstance(meta.get("title"), str):
        meta["title"] = meta["title"].replace("<", "\uff1c")
    raw_keys = {line.split(":")[0] for line in raw}
    meta = {k: v for k, v in meta.items() if k not in raw_keys}
    for key, value in force.items():
        meta[key] = value
        raw = [line for line in raw if line.split(":")[0] != key]
    text = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
    return text + "".join(line + "\n" for line in raw)


def document(draw: st.DrawFn, yaml_text: str, body: str) -> str:
    """A Markdown file with front matter delimited in one of the ways MkDocs reads."""
    frame = draw(st.sampled_from(FRAMES))
    if frame == "dots":
        text = f"---\n{yaml_text}...\n\n{body}"
    elif frame == "spaces":
        text = f"--- \n{yaml_text}---\t\n\n{body}"
    else:
        text = f"---\n{yaml_text}---\n\n{body}"
    if frame == "crlf":
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    if frame == "bom":
        text = "\ufeff" + text
    return text


def load_meta(yaml_text: str) -> dict[str, Any] | None:
    """The front matter as YAML reads it; ``None`` when it is not a mapping (then nothing is checked)."""
    try:
        meta = yaml.load(yaml_text, Loader=_SafeLoader) if yaml_text.strip() else {}
    except Exception:
        return None
    return meta if isinstance(meta, dict) else None


def draft_state(meta: dict[str, Any]) -> bool | None:
    """True for a draft, False for a post that is not one, None when the value is neither."""
    value = meta.get("draft")
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "on", "false", "no", "off"}:
        return value.strip().lower() in {"true", "yes", "on"}
    return None


def in_the_past(meta: dict[str, Any]) -> bool:
    """Whether the post's date is surely in the past; no date at all counts (the post is listed last)."""
    value = meta.get("date")
    if isinstance(value, dict):
        value = value.get("created")
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value <= PAST_LIMIT
        return value <= NOW - dt.timedelta(days=2)
    if isinstance(value, dt.date):
        return value <= PAST_LIMIT.date()
    # A string may or may not be a date: not worth guessing. No date, or a value that is not one
    # (a number, a list...): reported and ignored, the post is listed last.
    return not isinstance(value, str)


@st.composite
def blogs(draw: st.DrawFn) -> Blog:
    plugin_config = dict(draw(st.sampled_from(PLUGIN_CONFIGS)))
    slug_mode = plugin_config.get("slug_mode", "transliterate")
    files: dict[str, str | Path] = {
        "images/cover.jpg": SEED_IMAGE,
        "blog/posts/images/cover.jpg": SEED_IMAGE,
        "blog/posts/cover image.jpg": SEED_IMAGE,
        "images/notes.txt": "not an image\n",
    }
    theme = draw(st.sampled_from(["mkdocs", "material"]))
    blog = Blog(files, theme, draw(st.booleans()), plugin_config, {}, {}, {})

    names = draw(st.lists(NAME, min_size=1, max_size=5, unique=True))
    tags_seen: list[str] = []
    for i, name in enumerate(names):
        src_uri = f"blog/posts/{name}.md"
        if draw(st.integers(0, 5)) == 0:
            colliding = draw(st.sampled_from(COLLIDING_POSTS))
            if colliding == "TAGSLUG":
                tag = draw(st.sampled_from(tags_seen or ["Python"]))
                colliding = f"blog/tags/{tag_slug(tag, slug_mode)}.md"
            if colliding not in files:
                src_uri = colliding
        force: dict[str, Any] = {}
        kind = draw(st.sampled_from(["draft", "published", "any", "any"]))
        title_token = f"zqdrafttitle{i}tokz"
        if kind == "draft":
            force["draft"] = True
            if draw(st.booleans()):
                force["title"] = title_token
        elif kind == "published":
            force["draft"] = draw(st.sampled_from([False, None, "no", "off"]))
            force["date"] = draw(PAST_DATE)
        if draw(st.booleans()):
            force["tags"] = draw(st.lists(TAG, min_size=1, max_size=4))
            tags_seen += [t for t in force["tags"] if isinstance(t, str) and t.strip()]
        # Outside blog/posts/ a file may be an ordinary page (when blog/posts/ exists): see markup_title.
        yaml_text = front_matter(draw, POST_FIELDS, force, markup_title=src_uri.startswith("blog/posts/"))
        token = f"zqpost{i}tokz"
        body = (
            draw(st.sampled_from(HEADINGS))
            + f"{token} opens the post.\n\n"
            + draw(st.sampled_from(["", "<!-- more -->\n\n"]))
            + draw(st.sampled_from(["", "More text after the excerpt.\n", "日本語の本文です。" * 30 + "\n"]))
        )
        files[src_uri] = document(draw, yaml_text, body)
        meta = load_meta(yaml_text)
        if meta is None:
            continue
        state = draft_state(meta)
        if state is True:
            blog.drafts[src_uri] = [token] + ([title_token] if meta.get("title") == title_token else [])
        elif state is False and in_the_past(meta):
            blog.posts[src_uri] = token

    choices = ORDINARY_PAGES + COLLIDING_PAGES
    if "blog/tags.md" in files and blog.use_directory_urls:  # both would be blog/tags/index.html
        choices.remove("blog/tags/index.md")
    pages = draw(st.lists(st.sampled_from(choices), max_size=3, unique=True))
    for i, src_uri in enumerate(pages):
        token = f"zqpage{i}tokz"
        yaml_text = front_matter(draw, PAGE_FIELDS, {}, markup_title=src_uri in COLLIDING_PAGES)
        files[src_uri] = document(
            draw, yaml_text, draw(st.sampled_from(HEADINGS)) + f"{token} is on the page.\n"
        )
        if not (src_uri == "blog/README.md" and "blog/index.md" in pages):  # MkDocs keeps index.md
            blog.pages[src_uri] = token
    return blog


GOOD_POST = {"blog/posts/good.md": "---\ndate: 2024-01-01\n---\n\nzqpost9tokz opens the post.\n"}


def regression(files: dict[str, str]) -> Blog:
    """A hand-written blog for ``@example``: what each file must give, as `blogs` records it."""
    blog = Blog(dict(files), "mkdocs", True, {}, {}, {}, {})
    for src_uri, text in files.items():
        token = re.search(r"zq\w+?tokz", text)
        assert token is not None
        if "draft: true" in text:
            blog.drafts[src_uri] = [token.group(0)]
        elif src_uri.startswith("blog/posts/"):
            blog.posts[src_uri] = token.group(0)
        else:
            blog.pages[src_uri] = token.group(0)
    return blog


# -- checks ----------------------------------------------------------------------------------------

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def strict_json(text: str) -> Any:
    """``json.loads`` that refuses NaN and Infinity, which are not JSON."""

    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def walk(value: Any) -> Iterator[tuple[str, Any]]:
    """Every ``(key, value)`` pair of nested JSON data."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key, item
            yield from walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk(item)


def check_html(path: Path, text: str) -> None:
    document = parse_html(text)
    for script in document.iter("script"):
        content = script.text or ""
        if (script.get("type") or "").strip().lower() in JSON_SCRIPT_TYPES:
            strict_json(content)  # front-matter text may be data here, as long as it stays JSON
        else:
            assert "alert" not in content, (path, content[:300])
    for element in document.iter():
        for name, value in element.attrib.items():
            assert name.lower() != "onerror", (path, element.tag, element.attrib)
            if name.lower().startswith("on"):
                assert "alert" not in value, (path, element.tag, element.attrib)
    for title in document.iter("title"):
        title_text = "".join(title.itertext())
        assert not CONTROL.search(title_text), (path, title_text)
    data = extruct.extract(text, base_url="https://example.org/sub/", syntaxes=["json-ld"])
    for item in data["json-ld"]:
        for key, value in walk(item):
            if key in ("name", "headline"):
                assert isinstance(value, str), (path, key, value)


def check_feeds(site: Site) -> None:
    blog = site.site / "blog"
    assert (blog / "atom.xml").is_file()
    assert (blog / "feed.xml").is_file() or (blog / "feed.xml").is_dir()  # a post's folder wins
    feeds = sorted({*site.site.glob("**/feed.xml"), *site.site.glob("**/atom.xml")})
    for path in (p for p in feeds if p.is_file()):
        data = path.read_bytes()
        etree.fromstring(data)
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    feed = strict_json((blog / "feed.json").read_text(encoding="utf-8"))
    assert "version" in feed and "items" in feed, feed


@PROFILE
@given(blogs())
@example(  # fixed: a draft whose front matter ends with YAML's "..." (MkDocs reads it) was published
    regression({"blog/posts/a.md": "---\ndraft: true\n...\n\nzqpost0tokz opens the post.\n"})
)
@example(  # fixed: a control character at either end of an ordinary page's title reached <title>
    regression({"about.md": '---\ntitle: "\\vHello"\n---\n\nzqpage0tokz is on the page.\n', **GOOD_POST})
)
@example(  # fixed: a title of control characters only reached <title> as it was
    regression({"about.md": '---\ntitle: "\\x19"\n---\n\nzqpage0tokz is on the page.\n', **GOOD_POST})
)
@example(  # front matter MkDocs cannot load (an impossible date) is shown as an ordinary page's Markdown (2.)
    regression(
        {
            "about.md": "---\nupdated: 2024-13-45\ndescription: '<img src=x onerror=alert(8)>'\n---\n\n"
            "zqpage0tokz is on the page.\n",
            **GOOD_POST,
        }
    )
)
@example(  # fixed: the same on the blog's hand-written index
    regression(
        {
            "blog/index.md": "---\nupdated: 2024-13-45\ndescription: '<img src=x onerror=alert(8)>'\n---\n\n"
            "zqpage0tokz is on the page.\n",
            **GOOD_POST,
        }
    )
)
def test_a_hostile_blog_builds_into_a_valid_site_without_leaks(blog: Blog) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(  # 1. never raises
            Path(tmp),
            blog.files,
            theme=blog.theme,
            use_directory_urls=blog.use_directory_urls,
            strict=False,
            plugin_config=blog.plugin_config,
        )
        outputs = {p: p.read_bytes() for p in site.site.rglob("*") if p.is_file()}
        html = {p: data for p, data in outputs.items() if p.suffix == ".html"}
        for path, data in html.items():  # 2. and 4.
            check_html(path, data.decode("utf-8"))
        for path, data in outputs.items():
            if path.suffix == ".xml":
                etree.fromstring(data)
        check_feeds(site)  # 3.
        for src_uri, tokens in blog.drafts.items():  # 5.
            for token in tokens:
                leaks = [str(p.relative_to(site.site)) for p, d in outputs.items() if token.encode() in d]
                assert not leaks, (src_uri, token, leaks)
            if src_uri.startswith("blog/posts/"):  # elsewhere a generated page may take the path
                assert not site.page_path(src_uri).exists(), src_uri
        for kind, expected in (("page", blog.pages), ("post", blog.posts)):  # 6. and 7.
            for src_uri, token in expected.items():
                assert any(token.encode() in d for d in html.values()), (kind, src_uri, site.warnings())
