"""The shipped example site builds clean under --strict with MkDocs and with ProperDocs."""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import extruct
import feedparser
import html5lib
import mf2py
import pytest
import yaml
from lxml import etree
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_blog_tags import collation

EXAMPLE = Path(__file__).parent.parent / "example_site"
DOCS = EXAMPLE / "docs"
POSTS = DOCS / "blog" / "posts"
SITE_URL = "https://carnet.example.org/"


def entries(html: str) -> list[str]:
    feed = next(i for i in mf2py.parse(doc=html)["items"] if "h-feed" in i["type"])
    return [c["properties"]["name"][0] for c in feed.get("children", [])]


# --- What the example site's sources say, read without the plugin ------------------------------------


@dataclasses.dataclass(frozen=True)
class Source:
    """One published post of the example site, as its Markdown file says."""

    url: str
    """Site-relative URL of its page (use_directory_urls): ``blog/posts/hls-vs-dash/``."""
    title: str
    date: datetime.date
    categories: tuple[str, ...]
    authors: tuple[str, ...]
    pin: bool
    readtime: int | None
    links: Any


def front_matter(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head) or {}, body


def folder_is_draft(path: Path) -> bool:
    for folder in path.relative_to(POSTS).parents:
        meta = POSTS / folder / ".meta.yml"
        if meta.is_file() and (yaml.safe_load(meta.read_text(encoding="utf-8")) or {}).get("draft"):
            return True
    return False


def listed(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (str(value),)


def read_sources() -> list[Source]:
    """The posts the site publishes: not drafts (front matter or folder), not dated in the future."""
    sources = []
    for path in sorted(POSTS.rglob("*.md")):
        meta, body = front_matter(path)
        date = meta["date"]["created"] if isinstance(meta["date"], dict) else meta["date"]
        day = datetime.date.fromisoformat(str(date)[:10])
        if meta.get("draft") or folder_is_draft(path) or day > datetime.date.today():
            continue
        title = meta.get("title") or next(
            line[2:].strip() for line in body.splitlines() if line.startswith("# ")
        )
        sources.append(
            Source(
                url=path.relative_to(DOCS).with_suffix("").as_posix() + "/",
                title=title,
                date=day,
                categories=listed(meta.get("categories")),
                authors=listed(meta.get("authors")),
                pin=bool(meta.get("pin")),
                readtime=meta.get("readtime"),
                links=meta.get("links"),
            )
        )
    return sources


SOURCES = read_sources()
PEOPLE: dict[str, dict[str, str]] = yaml.safe_load((DOCS / "blog/.authors.yml").read_text(encoding="utf-8"))[
    "authors"
]


# --- Reading the built site -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once for the checks below (strict: any warning fails the build)."""
    site_dir = tmp_path_factory.mktemp("example") / "site"
    config = load_config(str(EXAMPLE / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def url_of(page: str) -> str:
    """The absolute URL of a site-relative page path (``blog/index.html`` -> ``…/blog/``)."""
    return SITE_URL + page.removesuffix("index.html")


def local(site: Path, url: str) -> Path:
    """The file in site/ an absolute URL of the site names (a folder URL is its index.html)."""
    assert url.startswith(SITE_URL), url
    path = unquote(urlsplit(url).path)[len(urlsplit(SITE_URL).path) :]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def site_path(url: str) -> str:
    """An absolute URL of the site, without fragment, as a site-relative URL (``blog/posts/x/``)."""
    assert url.startswith(SITE_URL), url
    return unquote(urlsplit(url).path)[len(urlsplit(SITE_URL).path) :]


def mf2(site: Path, page: str) -> dict[str, Any]:
    return mf2py.parse(doc=(site / page).read_text(encoding="utf-8"), url=url_of(page))


def html_tree(site: Path, page: str) -> ElementTree.Element:
    return html5lib.parse((site / page).read_text(encoding="utf-8"), namespaceHTMLElements=False)


def with_class(root: ElementTree.Element, tag: str, cls: str) -> Iterator[ElementTree.Element]:
    return (e for e in root.iter(tag) if cls in (e.get("class") or "").split())


def text_of(element: ElementTree.Element) -> str:
    return "".join(element.itertext()).strip()


def listing_pages(site: Path, first: str) -> list[str]:
    """A listing's pages, from ``first`` (``blog/category/x/index.html``) along its pager's older links."""
    pages, page = [], first
    while True:
        assert (site / page).is_file(), page
        pages.append(page)
        older = [
            a
            for nav in with_class(html_tree(site, page), "nav", "blog-tags-pager")
            for a in with_class(nav, "a", "blog-tags-older")
        ]
        if not older:
            return pages
        page = str(local(site, urljoin(url_of(page), older[0].get("href"))).relative_to(site).as_posix())


def listing_urls(site: Path, first: str) -> list[str]:
    """The posts a listing shows, in order, as site-relative URLs, from its h-feed's h-entries."""
    urls = []
    for page in listing_pages(site, first):
        feeds = [i for i in mf2(site, page)["items"] if "h-feed" in i["type"]]
        assert len(feeds) == 1, page
        urls += [site_path(child["properties"]["url"][0]) for child in feeds[0].get("children", [])]
    return urls


def photo_url(value: Any) -> str:
    return value["value"] if isinstance(value, dict) else value


def test_example_site_builds_strict_with_mkdocs(tmp_path: Path) -> None:
    config = load_config(str(EXAMPLE / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    site = tmp_path / "site"
    first, second = (
        entries((site / "blog/index.html").read_text()),
        entries((site / "blog/page/2/index.html").read_text()),
    )
    assert len(first) == 10 and len(second) >= 3
    titles = first + second
    assert len(set(titles)) == len(titles)
    assert (site / "blog/tags/cpp/index.html").is_file() and (site / "blog/tags/csharp/index.html").is_file()
    assert not (site / "blog/tags/brouillon-secret").exists()  # a draft by its folder's .meta.yml
    assert not list(site.rglob("*provenance*"))
    redirect = (site / "2016/01/24/migrer-de-jekyll-vers-mkdocs.html").read_text(encoding="utf-8")
    assert 'url=https://carnet.example.org/blog/posts/2016-01-24-migrer-de-jekyll-vers-mkdocs/"' in redirect
    assert not (site / "blog/tags/avenir").exists()
    assert "janvier" in (site / "blog/posts/2016-01-24-migrer-de-jekyll-vers-mkdocs/index.html").read_text()

    # Every feed parses cleanly with feedparser and lxml; the JSON Feed has the required fields.
    feeds = sorted(site.rglob("*.xml"))
    feeds = [f for f in feeds if f.name in {"feed.xml", "atom.xml"}]
    tag_pages = [d for d in (site / "blog/tags").iterdir() if (d / "index.html").is_file()]
    category_pages = [d for d in (site / "blog/category").iterdir() if (d / "index.html").is_file()]
    assert category_pages
    # The blog's, each tag's and each category's RSS and Atom.
    assert len(feeds) == 2 * (len(tag_pages) + len(category_pages) + 1)
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        etree.fromstring(path.read_bytes())
        assert parsed.entries
    data = json.loads((site / "blog/feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and data["items"]
    assert all(item["id"] and ("content_html" in item or "content_text" in item) for item in data["items"])
    # The feed is newest first; the listing also, but for the pinned post, which comes first there.
    pinned = {s.title for s in SOURCES if s.pin}
    assert sorted(i["title"] for i in data["items"]) == sorted(first + second)
    assert [i["title"] for i in data["items"] if i["title"] not in pinned] == [
        t for t in first + second if t not in pinned
    ]


def test_example_site_builds_strict_with_properdocs(tmp_path: Path) -> None:
    properdocs = Path(sys.executable).with_name("properdocs")
    assert properdocs.exists(), "properdocs is a test dependency"
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [
            str(properdocs),
            "build",
            "--strict",
            "-f",
            str(EXAMPLE / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    html = (tmp_path / "site/blog/index.html").read_text()
    assert len(entries(html)) == 10


# --- Categories, archives, authors, pin, readtime and links on the example site ---------------------


def test_the_example_uses_every_grouping() -> None:
    """The sources exercise what the checks below check (so that they cannot pass by being empty)."""
    categories = {c for s in SOURCES for c in s.categories}
    assert 3 <= len(categories) <= 5
    assert any(len(s.categories) >= 2 for s in SOURCES)
    assert set(PEOPLE) == {a for s in SOURCES for a in s.authors} and len(PEOPLE) == 2
    assert all(s.authors for s in SOURCES)
    assert any(len(s.authors) == 2 for s in SOURCES)
    assert sum(1 for person in PEOPLE.values() if person.get("url")) == 1
    assert all((DOCS / person["avatar"]).is_file() for person in PEOPLE.values())
    assert len({(DOCS / person["avatar"]).read_bytes() for person in PEOPLE.values()}) == 2
    (pinned,) = (s for s in SOURCES if s.pin)
    assert max(s.date for s in SOURCES) > pinned.date  # not the newest: pinning moves it
    assert any(s.readtime for s in SOURCES) and any(s.links for s in SOURCES)


def test_the_pinned_post_comes_first_on_the_blog_index_with_its_mark(site: Path) -> None:
    (pinned,) = (s for s in SOURCES if s.pin)
    urls = listing_urls(site, "blog/index.html")
    assert urls[0] == pinned.url
    assert sorted(urls) == sorted(s.url for s in SOURCES)
    by_url = {s.url: s for s in SOURCES}
    rest = [by_url[u].date for u in urls[1:]]
    assert rest == sorted(rest, reverse=True)  # the others newest first

    for page in listing_pages(site, "blog/index.html"):
        articles = list(with_class(html_tree(site, page), "article", "h-entry"))
        marks = [bool(list(with_class(a, "span", "blog-tags-pinned"))) for a in articles]
        assert marks == (
            [True] + [False] * (len(articles) - 1) if page == "blog/index.html" else [False] * len(articles)
        )
    header = next(with_class(html_tree(site, pinned.url + "index.html"), "header", "blog-tags-post-header"))
    assert list(with_class(header, "span", "blog-tags-pinned"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.url)
def test_each_post_credits_its_authors_as_h_cards(site: Path, source: Source) -> None:
    page = source.url + "index.html"
    (entry,) = (i for i in mf2(site, page)["items"] if "h-entry" in i["type"])
    cards = entry["properties"]["author"]
    assert all("h-card" in card["type"] for card in cards)
    assert [card["properties"]["name"] for card in cards] == [[PEOPLE[a]["name"]] for a in source.authors]
    for author_id, card in zip(source.authors, cards, strict=True):
        (photo,) = card["properties"]["photo"]
        avatar = local(site, photo_url(photo))
        assert avatar.is_file(), photo
        assert avatar.read_bytes() == (DOCS / PEOPLE[author_id]["avatar"]).read_bytes()
        # The author's own url, else the profile page, which exists.
        (link,) = card["properties"]["url"]
        if PEOPLE[author_id].get("url"):
            assert link == PEOPLE[author_id]["url"]
        else:
            assert site_path(link) == f"blog/author/{author_id}/" and local(site, link).is_file()
    # The share metadata credits the same people, by name: JSON-LD Persons and article:author URLs.
    data = extruct.extract(
        (site / page).read_text(encoding="utf-8"), base_url=url_of(page), syntaxes=["json-ld", "opengraph"]
    )
    (posting,) = (d for d in data["json-ld"] if d.get("@type") == "BlogPosting")
    people = posting["author"] if isinstance(posting["author"], list) else [posting["author"]]
    assert [(p["@type"], p["name"]) for p in people] == [
        ("Person", PEOPLE[a]["name"]) for a in source.authors
    ]
    (og,) = data["opengraph"]
    assert [v for k, v in og["properties"] if k == "article:author"] == [p["url"] for p in people]
    if source.readtime:
        header = next(with_class(html_tree(site, page), "header", "blog-tags-post-header"))
        (minutes,) = with_class(header, "span", "blog-tags-reading-time")
        assert text_of(minutes).split()[0] == str(source.readtime)


def overview_terms(site: Path, page: str) -> dict[str, str]:
    """Term name -> the first page of its listing (``blog/category/x/index.html``), from an overview."""
    (terms,) = with_class(html_tree(site, page), "ul", "blog-tags-terms")
    found = {}
    for a in terms.iter("a"):
        target = local(site, urljoin(url_of(page), a.get("href")))
        assert target.is_file(), a.get("href")
        found[text_of(a)] = target.relative_to(site).as_posix()
    return found


def test_each_category_page_lists_exactly_the_posts_of_that_category(site: Path) -> None:
    terms = overview_terms(site, "blog/category/index.html")
    assert set(terms) == {c for s in SOURCES for c in s.categories}
    for name, page in terms.items():
        expected = {s.url for s in SOURCES if name in s.categories}
        urls = listing_urls(site, page)
        assert len(urls) == len(set(urls)) and set(urls) == expected, name
        (feed,) = (i for i in mf2(site, page)["items"] if "h-feed" in i["type"])
        assert feed["properties"]["name"] == [name]
    # Every post's page links to exactly its categories' pages.
    for source in SOURCES:
        header = next(
            with_class(html_tree(site, source.url + "index.html"), "header", "blog-tags-post-header")
        )
        (listed_here,) = with_class(header, "ul", "blog-tags-categories")
        links = [
            (text_of(a), local(site, urljoin(url_of(source.url), a.get("href"))))
            for a in listed_here.iter("a")
        ]
        assert [name for name, _ in links] == list(source.categories)
        assert all(path.relative_to(site).as_posix() == terms[name] for name, path in links)


def test_each_archive_page_lists_exactly_the_posts_of_its_year(site: Path) -> None:
    years = {str(s.date.year) for s in SOURCES}
    archive = site / "blog/archive"
    assert {d.name for d in archive.iterdir() if d.is_dir()} == years
    assert set(overview_terms(site, "blog/archive/index.html")) == years
    for year in years:
        urls = listing_urls(site, f"blog/archive/{year}/index.html")
        assert len(urls) == len(set(urls))
        assert set(urls) == {s.url for s in SOURCES if str(s.date.year) == year}, year


def test_each_author_has_a_profile_page_listing_their_posts(site: Path) -> None:
    terms = overview_terms(site, "blog/author/index.html")
    assert set(terms) == {person["name"] for person in PEOPLE.values()}
    for author_id, person in PEOPLE.items():
        page = f"blog/author/{author_id}/index.html"
        assert terms[person["name"]] == page
        urls = listing_urls(site, page)
        assert len(urls) == len(set(urls))
        assert set(urls) == {s.url for s in SOURCES if author_id in s.authors}, author_id
        # The page presents the author: an h-card with name, photo and description.
        card = next(with_class(html_tree(site, page), "div", "blog-tags-author"))
        (name,) = with_class(card, "*", "p-name")
        assert text_of(name) == person["name"]
        (photo,) = with_class(card, "img", "u-photo")
        avatar = local(site, urljoin(url_of(page), photo.get("src")))
        assert avatar.read_bytes() == (DOCS / person["avatar"]).read_bytes()
        (note,) = with_class(card, "span", "p-note")
        assert text_of(note) == person["description"]


DC = "{http://purl.org/dc/elements/1.1/}creator"


def test_rss_creators_are_author_names_never_ids(site: Path) -> None:
    names = {person["name"] for person in PEOPLE.values()}
    rss = sorted(site.rglob("feed.xml"))
    assert site / "blog/feed.xml" in rss and len(rss) > 1
    by_url = {SITE_URL + s.url: s for s in SOURCES}
    for path in rss:
        for item in etree.fromstring(path.read_bytes()).iter("item"):
            creators = [c.text for c in item.iter(DC)]
            assert creators and set(creators) <= names, (path, creators)
            assert not set(creators) & set(PEOPLE), (path, creators)
            source = by_url[item.findtext("link")]
            assert creators == [PEOPLE[a]["name"] for a in source.authors], (path, source.url)
    # feedparser reads them as the entries' authors.
    parsed = feedparser.parse((site / "blog/feed.xml").read_bytes())
    assert {a["name"] for e in parsed.entries for a in e.get("authors", [])} == names


def expected_links(value: Any) -> list[tuple[str, bool]]:
    """The hrefs a ``links:`` value should become, as absolute URLs (paths are relative to docs_dir),
    each with whether it was written as a bare path (so that it takes the title of its page)."""
    found: list[tuple[str, bool]] = []
    for entry in value:
        target = entry
        if isinstance(entry, dict):
            ((_, target),) = entry.items()
        if isinstance(target, list):
            found += expected_links(target)
        elif urlsplit(target).scheme:
            found.append((target, False))
        else:
            path, _, fragment = target.partition("#")
            page = (path.removesuffix(".md").removesuffix("index") + "/").replace("//", "/").lstrip("/")
            found.append((SITE_URL + page + (f"#{fragment}" if fragment else ""), isinstance(entry, str)))
    return found


def test_the_links_post_shows_its_related_links(site: Path) -> None:
    (source,) = (s for s in SOURCES if s.links)
    page = source.url + "index.html"
    (nav,) = with_class(html_tree(site, page), "nav", "blog-tags-links")
    anchors = list(nav.iter("a"))
    hrefs = [urljoin(url_of(page), a.get("href")) for a in anchors]
    expected = expected_links(source.links)
    assert hrefs == [href for href, _ in expected]
    assert any(href.startswith(SITE_URL) for href in hrefs)
    for href in hrefs:
        if not href.startswith(SITE_URL):
            assert urlsplit(href).scheme == "https"
            continue
        target = local(site, href)
        assert target.is_file(), href
        fragment = urlsplit(href).fragment
        if fragment:
            ids = {e.get("id") for e in html_tree(site, target.relative_to(site).as_posix()).iter()}
            assert fragment in ids, href
    # A bare path takes the title of the page it names.
    titles = {SITE_URL + s.url: s.title for s in SOURCES}
    bare = [(a, href) for a, (href, is_bare) in zip(anchors, expected, strict=True) if is_bare]
    assert bare and all(text_of(a) == titles[href] for a, href in bare)


def test_the_home_page_lists_the_latest_posts_through_a_marker(site: Path) -> None:
    """``<!-- blog-tags:posts {limit: 3, ...} -->`` in index.md: an h-feed of the 3 newest posts."""
    parsed = mf2py.parse(
        doc=(site / "index.html").read_text(encoding="utf-8"), url="https://carnet.example.org/"
    )
    feeds = [item for item in parsed["items"] if "h-feed" in item["type"]]
    assert len(feeds) == 1
    entries = [child for child in feeds[0].get("children", []) if "h-entry" in child["type"]]
    # Newest first; posts of one day by title, as the blog sorts them.
    newest = sorted(SOURCES, key=lambda s: (-s.date.toordinal(), s.title.casefold()))[:3]
    assert [e["properties"]["url"][0] for e in entries] == [
        urljoin("https://carnet.example.org/", s.url) for s in newest
    ]
    for source in newest:
        assert (site / unquote(source.url) / "index.html").is_file()


def test_the_tags_overview_sorts_ethique_between_encodage_and_ingenierie(site: Path) -> None:
    """French readers find É with E (ICU collation with the site's locale), not after Z."""
    page = html5lib.parse(
        (site / "blog/tags/index.html").read_text(encoding="utf-8"), namespaceHTMLElements=False
    )
    (cloud, *_) = (ul for ul in page.iter("ul") if "blog-tags-cloud" in (ul.get("class") or "").split())
    tags = ["".join(a.itertext()).strip() for a in cloud.iter("a")]
    assert tags.index("Encodage vidéo") + 1 == tags.index("Éthique")
    assert tags.index("Éthique") + 1 == tags.index("Ingénierie des médias")
    assert tags == sorted(tags, key=collation.sort_key("fr"))
