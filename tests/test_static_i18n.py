"""Multilingual sites with mkdocs-static-i18n: a blog per language, and translations linked.

Real strict builds of an English (default) and French site, in both of
static-i18n's structures (``fr/blog/x.md`` folders and ``blog/x.fr.md``
suffixes), on the mkdocs and Material themes, with both URL styles.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from typing import Any

import feedparser
import mf2py
import pytest
from conftest import Site, build_site, parse_html, post

from mkdocs_blog_tags.languages import Language

SITE_URL = "https://example.org/sub/"
POSTS = {
    "en": {
        "hello": ("Hello world", "2024-01-02", ["python"]),
        "only-en": ("English only", "2024-01-01", ["english"]),
    },
    "fr": {
        "hello": ("Bonjour le monde", "2024-01-02", ["python"]),
        "only-fr": ("Seulement en français", "2024-01-03", ["français"]),
    },
}
TITLES = {lang: {title for title, _, _ in posts.values()} for lang, posts in POSTS.items()}
OG_LOCALE = {"en": "en_US", "fr": "fr_FR"}
OLDER = {"en": "Older posts", "fr": "Articles plus anciens"}


@dataclasses.dataclass
class Built:
    site: Site
    structure: str
    theme: str

    def path(self, lang: str, page: str) -> Path:
        """The HTML file of ``page`` (``blog/posts/hello``, ``blog/index``) in ``lang``'s part of the site."""
        prefix = "" if lang == "en" else "fr/"
        if page == "index" or page.endswith("/index"):
            rel = page + ".html"
        else:
            rel = page + ("/index.html" if self.site.use_directory_urls else ".html")
        return self.site.site / (prefix + rel)

    def html(self, lang: str, page: str) -> str:
        return self.path(lang, page).read_text(encoding="utf-8")

    def file_of(self, url: str) -> Path:
        """The file an absolute URL of the site names."""
        assert url.startswith(SITE_URL), url
        rel = url[len(SITE_URL) :]
        target = self.site.site / rel
        return target / "index.html" if rel.endswith("/") or not rel else target


def _files(structure: str) -> dict[str, str]:
    def src(lang: str, name: str) -> str:
        return f"{lang}/{name}.md" if structure == "folder" else f"{name}.{lang}.md"

    files = {src("en", "index"): "# Home\n", src("fr", "index"): "# Accueil\n"}
    for lang, posts in POSTS.items():
        for name, (title, date, tags) in posts.items():
            files[src(lang, f"blog/posts/{name}")] = post(title, date, tags)
    return files


COMBOS = list(itertools.product(("folder", "suffix"), ("mkdocs", "material"), (True, False)))


@pytest.fixture(scope="module", params=COMBOS, ids=lambda c: f"{c[0]}-{c[1]}-{'dirs' if c[2] else 'files'}")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    structure, theme, use_directory_urls = request.param
    languages = [{"locale": "en", "default": True, "name": "English"}, {"locale": "fr", "name": "Français"}]
    plugins: list[Any] = [
        "search",
        {"i18n": {"docs_structure": structure, "languages": languages}},
        {"blog-tags": {"per_page": 1, "lint": {"image-missing": False}}},
    ]
    site = build_site(
        tmp_path_factory.mktemp(f"{structure}-{theme}"),
        _files(structure),
        theme=theme,
        use_directory_urls=use_directory_urls,
        extra={"plugins": plugins, "site_url": SITE_URL},
    )
    return Built(site, structure, theme)


def h_entries(html: str) -> list[str]:
    feeds = [item for item in mf2py.parse(doc=html)["items"] if "h-feed" in item["type"]]
    assert len(feeds) == 1
    return [
        child["properties"]["name"][0] for child in feeds[0].get("children", []) if "h-entry" in child["type"]
    ]


def head(html: str) -> Any:
    found = parse_html(html).find("head")
    assert found is not None
    return found


def properties(html: str, key: str) -> list[str]:
    return [m.get("content") for m in head(html).iter("meta") if m.get("property") == key]


def alternate_links(html: str) -> list[dict[str, str]]:
    """The head's ``rel="alternate"`` links that are not feeds."""
    return [
        dict(link.attrib)
        for link in head(html).iter("link")
        if link.get("rel") == "alternate" and not link.get("type")
    ]


# -- the blog of each language -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_language_lists_its_own_posts_only(built: Built, lang: str) -> None:
    first, second = built.html(lang, "blog/index"), built.html(lang, "blog/page/2/index")
    assert set(h_entries(first) + h_entries(second)) == TITLES[lang]
    assert len(h_entries(first)) == 1
    assert OLDER[lang] in first
    assert OLDER["fr" if lang == "en" else "en"] not in first


def test_an_untranslated_post_stays_in_its_language(built: Built) -> None:
    # static-i18n's fallback_to_default would put a copy of it in the French build: it is left out.
    assert built.path("en", "blog/posts/only-en").is_file()
    assert not built.path("fr", "blog/posts/only-en").exists()
    assert not built.path("en", "blog/posts/only-fr").exists()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_language_has_its_tags(built: Built, lang: str) -> None:
    assert h_entries(built.html(lang, "blog/tags/python/index")) == [POSTS[lang]["hello"][0]]
    own, other = ("english", "francais") if lang == "en" else ("francais", "english")
    assert built.path(lang, f"blog/tags/{own}/index").is_file()
    assert not built.path(lang, f"blog/tags/{other}/index").exists()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_language_has_its_feeds(built: Built, lang: str) -> None:
    folder = built.path(lang, "blog/index").parent
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((folder / name).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert {entry.title for entry in feed.entries} == TITLES[lang]
        assert feed.feed.get("language", lang) == lang
        for entry in feed.entries:
            assert built.file_of(entry.link).is_file(), entry.link
    rss = (folder / "feed.xml").read_text(encoding="utf-8")
    assert f"<language>{lang}</language>" in rss


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_language_has_its_og_locale(built: Built, lang: str) -> None:
    for page in ("blog/index", "blog/posts/hello", "blog/tags/python/index"):
        assert properties(built.html(lang, page), "og:locale") == [OG_LOCALE[lang]]


# -- translations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "other"), [("en", "fr"), ("fr", "en")])
def test_a_translated_post_names_its_translation(built: Built, lang: str, other: str) -> None:
    html = built.html(lang, "blog/posts/hello")
    assert properties(html, "og:locale:alternate") == [OG_LOCALE[other]]
    own_url = properties(html, "og:url")[0]
    hrefs = [link["href"] for link in alternate_links(html)]
    assert built.file_of(own_url) == built.path(lang, "blog/posts/hello")
    translation = [href for href in hrefs if built.file_of(href) == built.path(other, "blog/posts/hello")]
    assert len(translation) == 1, hrefs
    assert own_url in hrefs  # its own language too, as Google asks
    assert len(hrefs) == 2  # Material's own hreflang links are replaced, not doubled
    by_lang = {link.get("hreflang"): link["href"] for link in alternate_links(html)}
    assert by_lang == {lang: own_url, other: translation[0]}


def test_an_untranslated_post_names_no_translation(built: Built) -> None:
    html = built.html("en", "blog/posts/only-en")
    assert properties(html, "og:locale:alternate") == []
    page = built.path("en", "blog/posts/only-en")
    for link in alternate_links(html):  # Material's language selector: the French home, not a copy
        href = link["href"]
        target = built.file_of(href) if href.startswith("http") else page.parent / href
        if href.startswith("/"):
            target = built.site.site / href.removeprefix("/sub/")
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), href


@pytest.mark.parametrize("structure", ["folder", "suffix"])
def test_translations_have_their_own_address_and_drafts_none(tmp_path: Path, structure: str) -> None:
    files = _files(structure)
    draft = "fr/blog/posts/draft.md" if structure == "folder" else "blog/posts/draft.fr.md"
    files[draft] = post("Brouillon", "2024-01-04", draft=True)
    files[draft.replace("fr", "en", 1) if structure == "folder" else "blog/posts/draft.en.md"] = post(
        "Drafted in French", "2024-01-04"
    )
    languages = [{"locale": "en", "default": True, "name": "English"}, {"locale": "fr", "name": "Français"}]
    site = build_site(
        tmp_path,
        files,
        extra={
            "site_url": SITE_URL,
            "plugins": [
                {"i18n": {"docs_structure": structure, "languages": languages}},
                {"blog-tags": {"post_url_format": "{date}/{slug}", "lint": {"image-missing": False}}},
            ],
        },
    )
    built = Built(site, structure, "mkdocs")
    english, french = "blog/2024/01/02/hello-world", "blog/2024/01/02/bonjour-le-monde"
    for lang, page, other in (("en", english, ("fr", french)), ("fr", french, ("en", english))):
        html = built.html(lang, page)
        hrefs = [link["href"] for link in alternate_links(html)]
        assert [built.file_of(href) for href in hrefs] == [built.path(lang, page), built.path(*other)]
    drafted = built.html("en", "blog/2024/01/04/drafted-in-french")
    assert properties(drafted, "og:locale:alternate") == []
    assert alternate_links(drafted) == []
    assert not built.path("fr", "blog/2024/01/04/brouillon").exists()


# -- the core --------------------------------------------------------------------------------------


def test_the_default_language_is_written_at_the_root() -> None:
    folder, suffix = Language("en", "en", folder=True), Language("en", "en", folder=False)
    assert folder.source("blog") == "en/blog"
    assert folder.dest("en/blog/index.html") == "blog/index.html"
    assert folder.dest("en") == "."
    assert suffix.source("blog") == "blog"
    assert suffix.dest("blog/index.html") == "blog/index.html"


def test_another_language_is_written_in_its_folder() -> None:
    folder, suffix = Language("fr", "en", folder=True), Language("fr", "en", folder=False)
    assert folder.source("blog") == "fr/blog"
    assert folder.source(".") == "fr"
    assert folder.dest("fr/blog/index.html") == "fr/blog/index.html"
    assert folder.dest("fr") == "fr"
    assert suffix.source("blog") == "blog"
    assert suffix.dest("blog/feed.xml") == "fr/blog/feed.xml"
    assert suffix.dest(".") == "fr"
