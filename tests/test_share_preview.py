"""The share-preview page in real builds: where it is written, what it shows, and where it never appears.

The page is read back with html5lib and compared with what the posts' own
pages and the linter say, so it is checked against the head meta crawlers read
rather than against itself. When Chromium is installed, a real browser renders
it too.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import conftest
import pytest
from conftest import SEED_IMAGE, SEED_POST, THEMES, Site, build_site, captured, parse_html, post
from mkdocs.commands.build import build as mkdocs_build
from PIL import Image

PREVIEW = "blog/share-preview.md"  # where MkDocs would write a page of that name
SITE_URL = "https://example.org/sub/"
COVER_COLOUR = (230, 40, 160)
PLATFORMS = ["x", "facebook", "chat", "search"]
FINDING = re.compile(r"(?P<file>\S+): (?P<field>\S+) \[(?P<rule>[a-z]+(?:-[a-z]+)+)\]: ")
SMALL_DESCRIPTION = ("A description long enough for a search snippet to cut it, not X. " * 3)[:179] + "."
NEWEST_FIRST = ["blog/cover.md", "blog/small.md", "blog/bare.md", "blog/tiktok.md"]


def build(root: Path, files: Mapping[str, str | bytes | Path], **kwargs: Any) -> Site:
    with captured() as records:
        site = build_site(root, files, **kwargs)
    site.logs = records
    return site


def logged_rules(site: Site) -> dict[str, list[str]]:
    """File -> the rule ids the linter logged for it, sorted."""
    found: dict[str, list[str]] = {}
    for record in site.logs:
        for line in record.getMessage().splitlines():
            match = FINDING.search(line)
            if match:
                found.setdefault(match["file"], []).append(match["rule"])
    return {file: sorted(rules) for file, rules in found.items()}


def blog_files(images: Path) -> dict[str, str | bytes | Path]:
    """Four published posts (a good one, a small image, no image, the reference post) and a draft."""
    return {
        "index.md": "# Home\n",
        "about.md": post("About", description="A page about the site.", body="# About\n\nText.\n"),
        "blog/images/cover.jpg": images / "cover.jpg",
        "blog/images/tiny.png": images / "tiny.png",
        "blog/images/TikTok.jpg": SEED_IMAGE,
        "blog/cover.md": post(
            "A good cover",
            "2024-05-01",
            ["Vidéo", "Son"],
            description="A post whose preview is fine.",
            image="images/cover.jpg",
            image_alt="a magenta card",
        ),
        "blog/small.md": post(
            "A small image",
            "2024-03-01",
            ["Vidéo"],
            description=SMALL_DESCRIPTION,
            image="images/tiny.png",
            image_alt="a tiny card",
        ),
        "blog/bare.md": post("No image at all", "2024-02-01", ["Son"], body="Only some text.\n"),
        "blog/tiktok.md": SEED_POST,
        "blog/draft.md": post("A secret draft", "2024-04-01", ["Son"], draft=True, description="Not yet."),
    }


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("images")
    Image.new("RGB", (1200, 630), COVER_COLOUR).save(folder / "cover.jpg", quality=95)
    Image.new("RGB", (200, 100), (20, 160, 60)).save(folder / "tiny.png")
    return folder


_BUILDS: dict[tuple[str, bool], Site] = {}


@pytest.fixture(scope="module")
def build_of(tmp_path_factory: pytest.TempPathFactory, images: Path) -> Iterator[Callable[[str, bool], Site]]:
    """The blog built with ``share_preview: true`` on a theme, each combination once."""

    def make(theme: str, use_directory_urls: bool) -> Site:
        key = (theme, use_directory_urls)
        if key not in _BUILDS:
            _BUILDS[key] = build(
                tmp_path_factory.mktemp(f"{theme}-{use_directory_urls}"),
                blog_files(images),
                theme=theme,
                use_directory_urls=use_directory_urls,
                plugin_config={"lint": {}, "share_preview": True},
                strict=False,  # the small image and the missing one are warnings
            )
        return _BUILDS[key]

    yield make
    _BUILDS.clear()


@pytest.fixture(
    scope="module",
    params=[(theme, urls) for theme in THEMES for urls in (True, False)],
    ids=[f"{theme}-{'dir' if urls else 'file'}-urls" for theme in THEMES for urls in (True, False)],
)
def site(request: pytest.FixtureRequest, build_of: Callable[[str, bool], Site]) -> Site:
    theme, use_directory_urls = request.param
    return build_of(theme, use_directory_urls)


def preview(site: Site) -> Any:
    return parse_html(site.html(PREVIEW))


def articles(site: Site) -> dict[str, Any]:
    return {a.get("id"): a for a in preview(site).iter("article") if "post" in a.get("class", "").split()}


def cards(article: Any) -> dict[str, Any]:
    return {s.get("data-platform"): s for s in article.iter("section") if s.get("data-platform")}


def by_class(element: Any, name: str) -> list[Any]:
    return [e for e in element.iter() if name in (e.get("class") or "").split()]


def text(element: Any) -> str:
    return "".join(element.itertext()).strip()


def head_meta(site: Site, src_uri: str) -> dict[str, str]:
    head = parse_html(site.html(src_uri)).find("head")
    return {m.get("property") or m.get("name"): m.get("content") for m in head.iter("meta")}


def test_the_page_is_written_where_the_urls_put_it(site: Site) -> None:
    expected = "blog/share-preview/index.html" if site.use_directory_urls else "blog/share-preview.html"
    other = "blog/share-preview.html" if site.use_directory_urls else "blog/share-preview/index.html"
    assert site.page_path(PREVIEW) == site.site / expected
    assert (site.site / expected).is_file()
    assert not (site.site / other).exists()
    robots = [m for m in preview(site).iter("meta") if m.get("name") == "robots"]
    assert [m.get("content") for m in robots] == ["noindex, nofollow"]
    assert list(preview(site).iter("script")) == []


def test_one_article_per_published_post_newest_first(site: Site) -> None:
    found = articles(site)
    assert list(found) == NEWEST_FIRST
    assert "A secret draft" not in site.html(PREVIEW)
    assert by_class(preview(site), "draft") == []
    for article in found.values():
        assert list(cards(article)) == PLATFORMS


def test_each_article_links_to_its_post_and_shows_its_image(site: Site) -> None:
    for src_uri, article in articles(site).items():
        (link,) = article.find("h2").iter("a")
        assert site.resolve_link(PREVIEW, link.get("href")) == site.page_path(src_uri).resolve()
        meta = head_meta(site, src_uri)
        imgs = list(article.iter("img"))
        if "og:image" not in meta:
            assert imgs == [] and by_class(article, "noimage")
            continue
        # Every picture of the cards is the post's og:image, a file of the built site.
        own = (site.site / meta["og:image"].removeprefix(SITE_URL)).resolve()
        assert own.is_file()
        assert len(imgs) == 3  # X, Facebook, chat; a search result has none
        for img in imgs:
            assert site.resolve_link(PREVIEW, img.get("src")) == own
            assert img.get("alt") == meta["og:image:alt"]


def test_the_x_card_is_the_one_the_post_page_declares(site: Site) -> None:
    declared = {}
    for src_uri, article in articles(site).items():
        card = cards(article)["x"]
        assert card.get("data-card") == head_meta(site, src_uri)["twitter:card"]
        declared[src_uri] = card.get("data-card")
    # Both kinds are there: the check compares something.
    assert declared["blog/cover.md"] == "summary_large_image"
    assert declared["blog/small.md"] == "summary"
    assert declared["blog/bare.md"] == "summary"


def test_long_descriptions_are_cut_where_each_platform_cuts(site: Site) -> None:
    found = articles(site)
    search = cards(found["blog/small.md"])["search"]
    (description,) = by_class(search, "description")
    shown = text(description)
    assert len(SMALL_DESCRIPTION) == 180
    assert shown.endswith("…") and len(shown) <= 160
    assert SMALL_DESCRIPTION.startswith(shown[:-1].rstrip())
    (note,) = by_class(search, "cut")
    assert "160" in text(note)
    # X shows up to 200: the same description whole, with no note.
    x = cards(found["blog/small.md"])["x"]
    assert [text(d) for d in by_class(x, "description")] == [SMALL_DESCRIPTION]
    assert by_class(x, "cut") == []
    # The reference post (382 characters) is cut in every card, shorter in the search result.
    seed = cards(found["blog/tiktok.md"])
    lengths = {}
    for key, card in seed.items():
        (description,) = by_class(card, "description")
        lengths[key] = len(text(description))
        assert text(description).endswith("…") and by_class(card, "cut")
    assert lengths["search"] <= 160 < lengths["x"] <= 200 < lengths["facebook"] <= 300


def test_each_article_lists_the_linters_findings_for_its_post(site: Site) -> None:
    logged = logged_rules(site)
    for src_uri, article in articles(site).items():
        listed = sorted(li.get("data-rule") for li in article.iter("li") if li.get("data-rule"))
        assert listed == logged.get(src_uri, [])
    assert articles(site)["blog/bare.md"].get("data-warnings") == "1"
    assert "image-missing" in logged["blog/bare.md"] and "image-too-small" in logged["blog/small.md"]
    assert by_class(articles(site)["blog/cover.md"], "ok")  # nothing to fix, said so


def test_the_page_is_nowhere_in_the_site(site: Site) -> None:
    own = site.page_path(PREVIEW)
    pages = [p for p in site.site.rglob("*.html") if p != own]
    assert len(pages) > 5
    for page in pages:
        hrefs = [a.get("href") or "" for a in parse_html(page.read_text(encoding="utf-8")).iter("a")]
        assert not [h for h in hrefs if "share-preview" in h], page
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any("tiktok" in location for location in locations)
    assert not [location for location in locations if "share-preview" in location]
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "blog/tiktok" in sitemap and "share-preview" not in sitemap
    feeds = [p for name in ("feed.xml", "atom.xml", "feed.json") for p in site.site.rglob(name)]
    assert {p.name for p in feeds} == {"feed.xml", "atom.xml", "feed.json"}
    for feed in feeds:
        content = feed.read_text(encoding="utf-8")
        assert "share-preview" not in content and "Share previews" not in content, feed


# --- when the page is written ----------------------------------------------------------------


def small_blog(folder: str = "blog") -> dict[str, str | bytes | Path]:
    return {
        f"{folder}/tiktok.md": SEED_POST,
        f"{folder}/images/TikTok.jpg": SEED_IMAGE,
        f"{folder}/draft.md": post("A secret draft", "2024-04-01", draft=True, description="Not yet."),
    }


def test_a_plain_build_writes_no_preview(tmp_path: Path) -> None:
    site = build(tmp_path, small_blog(), plugin_config={"lint": {}})
    assert site.page_path("blog/tiktok.md").is_file()
    assert not list(site.site.rglob("*share-preview*"))


def test_share_preview_false_is_never_written_even_under_serve(tmp_path: Path) -> None:
    site = build(
        tmp_path,
        small_blog(),
        plugin_config={"lint": {}, "share_preview": False},
        command="serve",
        strict=False,  # under serve the draft is a post, and it has no image
    )
    assert site.page_path("blog/tiktok.md").is_file()
    assert not list(site.site.rglob("*share-preview*"))


def test_serve_writes_it_with_drafts_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `mkdocs serve` builds with a serve_url: MkDocs builds drafts only then.
    monkeypatch.setattr(
        conftest, "build", functools.partial(mkdocs_build, serve_url="http://127.0.0.1:8000/")
    )
    site = build(tmp_path, small_blog(), plugin_config={"lint": {}}, command="serve", strict=False)
    found = articles(site)
    assert list(found) == ["blog/draft.md", "blog/tiktok.md"]
    assert [text(mark) for mark in by_class(found["blog/draft.md"], "draft")] == ["Draft"]
    assert by_class(found["blog/tiktok.md"], "draft") == []
    (link,) = found["blog/draft.md"].find("h2").iter("a")
    assert site.resolve_link(PREVIEW, link.get("href")) == site.page_path("blog/draft.md").resolve()


def test_a_user_page_at_the_same_path_wins(tmp_path: Path) -> None:
    # The posts in blog/posts/: blog/share-preview.md is a page of the blog folder, not a post.
    files = {**small_blog("blog/posts"), PREVIEW: "# My own page\n\nHand-written.\n"}
    site = build(tmp_path, files, plugin_config={"lint": {}, "share_preview": True}, strict=False)
    assert site.warnings() == [
        f"mkdocs_blog_tags: {PREVIEW} is published at blog/share-preview/index.html, where the "
        "share-preview page would be; the page is not written"
    ]
    html = site.html(PREVIEW)
    assert "Hand-written." in html
    assert "noindex" not in html and 'data-platform="x"' not in html


# --- a real browser --------------------------------------------------------------------------


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium or Chrome installed")


def run_browser(browser: str, *args: str) -> str:
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def test_a_browser_renders_the_cards(build_of: Callable[[str, bool], Site]) -> None:
    browser = chromium()  # before the build: skipped at once without a browser
    site = build_of("mkdocs", True)
    dom = parse_html(run_browser(browser, "--dump-dom", site.page_path(PREVIEW).as_uri()))
    found = {a.get("id"): a for a in dom.iter("article")}
    assert list(found) == NEWEST_FIRST
    for article in found.values():
        assert list(cards(article)) == PLATFORMS


def test_a_browser_draws_the_cover_images(build_of: Callable[[str, bool], Site], tmp_path: Path) -> None:
    browser = chromium()
    site = build_of("mkdocs", True)
    shot = tmp_path / "preview.png"
    run_browser(browser, "--window-size=1280,2000", f"--screenshot={shot}", site.page_path(PREVIEW).as_uri())
    with Image.open(shot) as image:
        assert image.width == 1280
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 24) or []
    assert len(colours) > 1000  # text, pictures, borders: a page that rendered
    # The first post's cover is a magenta picture: drawn in its cards, it covers many pixels.
    near = sum(n for n, c in colours if all(abs(a - b) <= 12 for a, b in zip(c, COVER_COLOUR, strict=True)))
    assert near > 20_000
    background = max(colours)[1]
    assert all(abs(a - b) <= 12 for a, b in zip(background, (0xF6, 0xF8, 0xFA), strict=True))
