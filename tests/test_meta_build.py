"""Head meta in real builds, read back with extruct (Open Graph, JSON-LD) and html5lib."""

from __future__ import annotations

import collections
import json
from typing import Any

import extruct
import pytest
from conftest import SEED_IMAGE, SEED_POST, THEMES, Site, parse_html, post
from PIL import Image

SEED_TITLE = "TikTok sur l'Ingénierie des Médias une Ressource Incontournable"
SEED_ALT = "logo de tiktok sur un téléphone"
SEED_TAGS = [
    "TikTok en ingénierie des médias",
    "Contenu créatif et innovant",
    "Tendances numériques",
    "Veille technologique",
]
SITE_URL = "https://example.org/sub/"


def head_tags(html: str) -> tuple[collections.Counter[str], dict[str, list[str]]]:
    """Every meta/link key in <head> with its count, and the values per key (html5lib)."""
    head = parse_html(html).find("head")
    counts: collections.Counter[str] = collections.Counter()
    values: dict[str, list[str]] = collections.defaultdict(list)
    for el in head:
        if el.tag == "meta":
            key = el.get("property") or el.get("name")
            if key:
                counts[key] += 1
                values[key].append(el.get("content"))
        elif el.tag == "link" and el.get("rel") == "canonical":
            counts["canonical"] += 1
            values["canonical"].append(el.get("href"))
    return counts, values


def opengraph(html: str, url: str) -> list[tuple[str, str]]:
    data = extruct.extract(html, base_url=url, syntaxes=["opengraph"], uniform=False)["opengraph"]
    assert len(data) == 1
    return list(data[0]["properties"])


def json_ld(html: str, url: str) -> list[dict[str, Any]]:
    return extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]


def seed_site(make_site, **kwargs: Any) -> Site:
    files = {
        "index.md": "# Home\n",
        "blog/tiktok.md": SEED_POST,
        "blog/images/TikTok.jpg": SEED_IMAGE,
        "blog/material.md": (
            "---\ndate:\n  created: 2024-05-02T10:00:00+02:00\n  updated: 2024-06-10\ncategories: [Engineering, Other]\n"
            "authors: [Ana, Bo]\ntags: [C++]\n---\n\n# Zero copy in C++\n\nFirst paragraph, long enough to describe.\n\nSecond.\n"
        ),
    }
    return make_site(files, **kwargs)


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
@pytest.mark.parametrize("theme", THEMES)
def test_seed_post_meta_on_every_theme(make_site, theme: str, use_directory_urls: bool) -> None:
    site = seed_site(make_site, theme=theme, use_directory_urls=use_directory_urls)
    assert site.warnings() == []
    html = site.html("blog/tiktok.md")
    page_url = SITE_URL + ("blog/tiktok/" if use_directory_urls else "blog/tiktok.html")
    og = dict(opengraph(html, page_url))
    props = opengraph(html, page_url)
    with Image.open(SEED_IMAGE) as image:  # an independent reading of the file's size
        width, height = image.size
    assert og["og:title"] == SEED_TITLE
    assert og["og:description"].startswith("Découvrez comment TikTok révolutionne")
    assert og["og:description"].endswith("inégalée.")
    assert og["og:type"] == "article"
    assert og["og:url"] == page_url
    assert og["og:site_name"] == "Test site"
    assert og["og:locale"] == "en_US"
    assert og["og:image"] == SITE_URL + "blog/images/TikTok.jpg"
    assert (og["og:image:width"], og["og:image:height"]) == (str(width), str(height))
    assert og["og:image:type"] == "image/jpeg"
    assert og["og:image:alt"] == SEED_ALT
    assert og["article:published_time"] == "2024-01-24T00:00:00+00:00"
    assert [v for k, v in props if k == "article:tag"] == SEED_TAGS

    counts, values = head_tags(html)
    duplicated = {k: n for k, n in counts.items() if n > 1 and k != "article:tag"}
    assert duplicated == {}
    assert counts["description"] == 1 and counts["canonical"] == 1
    assert values["canonical"] == [page_url]
    assert values["twitter:card"] == ["summary_large_image"]
    assert values["twitter:title"] == [SEED_TITLE]
    assert values["twitter:image"] == [SITE_URL + "blog/images/TikTok.jpg"]
    assert values["twitter:image:alt"] == [SEED_ALT]
    assert values["description"] == [og["og:description"]]

    (posting,) = json_ld(html, page_url)
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == SEED_TITLE
    assert posting["description"] == og["og:description"]
    assert posting["image"]["url"] == og["og:image"] and posting["image"]["width"] == width
    assert posting["datePublished"] == "2024-01-24T00:00:00+00:00"
    assert posting["dateModified"] == "2024-01-24T00:00:00+00:00"
    assert posting["keywords"] == SEED_TAGS
    assert posting["inLanguage"] == "en"
    assert posting["mainEntityOfPage"]["@id"] == page_url
    assert posting["publisher"]["name"] == "Test site"


@pytest.mark.parametrize("theme", THEMES)
def test_material_shaped_post_meta(make_site, theme: str) -> None:
    site = seed_site(
        make_site, theme=theme, plugin_config={"twitter_site": "@site", "twitter_creator": "@ana"}
    )
    html = site.html("blog/material.md")
    props = opengraph(html, SITE_URL + "blog/material/")
    og = dict(props)
    assert og["og:title"] == "Zero copy in C++"
    assert og["og:description"] == "First paragraph, long enough to describe."
    assert og["article:published_time"] == "2024-05-02T10:00:00+02:00"
    assert og["article:modified_time"] == "2024-06-10T00:00:00+00:00"
    assert og["article:section"] == "Engineering"
    assert [v for k, v in props if k == "article:author"] == ["Ana", "Bo"]
    assert "og:image" not in og
    counts, values = head_tags(html)
    assert values["twitter:card"] == ["summary"]
    assert values["twitter:site"] == ["@site"] and values["twitter:creator"] == ["@ana"]
    assert counts["description"] == 1
    (posting,) = json_ld(html, SITE_URL)
    assert [a["name"] for a in posting["author"]] == ["Ana", "Bo"]


@pytest.mark.parametrize(
    "theme", [{"name": "mkdocs", "locale": "fr"}, {"name": "material", "language": "fr"}]
)
def test_listing_meta_is_localized_and_lists_posts(make_site, theme: dict[str, str]) -> None:
    site = seed_site(make_site, theme=theme)
    html = site.html("blog/tags/veille-technologique/index.md")
    url = SITE_URL + "blog/tags/veille-technologique/"
    og = dict(opengraph(html, url))
    assert og["og:type"] == "website"
    assert og["og:locale"] == "fr_FR"
    assert og["og:description"] == "1 article avec l’étiquette « Veille technologique »"
    assert og["og:title"] == "Articles avec l’étiquette « Veille technologique »"
    (collection,) = json_ld(html, url)
    assert collection["@type"] == "CollectionPage"
    assert [i["url"] for i in collection["mainEntity"]["itemListElement"]] == [SITE_URL + "blog/tiktok/"]
    index = site.html("blog/index.md")
    items = json_ld(index, SITE_URL + "blog/")[0]["mainEntity"]["itemListElement"]
    assert [i["url"] for i in items] == [SITE_URL + "blog/material/", SITE_URL + "blog/tiktok/"]
    assert "article:tag" not in dict(opengraph(index, SITE_URL + "blog/"))
    counts, _ = head_tags(index)
    assert counts["description"] == 1 and counts["canonical"] == 1


@pytest.mark.parametrize("theme", THEMES)
def test_plain_pages_get_basic_meta_and_default_image(make_site, theme: str) -> None:
    files = {
        "index.md": "# Home\n",
        "about.md": "---\ndescription: About us.\nimage: img/a b.jpg\nimage_alt: Team photo\n---\n# About\n",
        "nothing.md": "# Nothing\n",
        "optout.md": "---\nimage: false\n---\n# Opt out\n",
        "img/a b.jpg": SEED_IMAGE,
        "img/default.jpg": SEED_IMAGE,
    }
    site = make_site(
        files,
        theme=theme,
        plugin_config={"default_image": "img/default.jpg", "default_image_alt": "Logo"},
        extra={"site_description": "Site wide."},
    )
    about = dict(opengraph(site.html("about.md"), SITE_URL + "about/"))
    assert about["og:type"] == "website"
    assert about["og:description"] == "About us."
    assert about["og:image"] == SITE_URL + "img/a%20b.jpg"
    assert about["og:image:alt"] == "Team photo"
    nothing = dict(opengraph(site.html("nothing.md"), SITE_URL + "nothing/"))
    assert nothing["og:image"] == SITE_URL + "img/default.jpg"
    assert nothing["og:image:alt"] == "Logo"
    assert nothing["og:description"] == "Site wide."
    optout = dict(opengraph(site.html("optout.md"), SITE_URL + "optout/"))
    assert "og:image" not in optout
    for uri in ("about.md", "nothing.md", "optout.md", "index.md"):
        counts, _ = head_tags(site.html(uri))
        assert counts["description"] == 1 and counts["canonical"] == 1, (uri, counts)


def test_meta_scope_blog_leaves_other_pages_alone(make_site) -> None:
    site = seed_site(make_site, plugin_config={"meta_scope": "blog"})
    assert "og:title" not in site.html("index.md")
    assert "og:title" in site.html("blog/tiktok.md")


def test_without_site_url_one_warning_and_no_absolute_urls(make_site) -> None:
    site = seed_site(make_site, extra={"site_url": None}, strict=False)
    warnings = [w for w in site.warnings() if "site_url" in w]
    assert len(warnings) == 1
    html = site.html("blog/tiktok.md")
    og = dict(opengraph(html, "http://localhost/"))
    assert og["og:title"] == SEED_TITLE
    assert "og:url" not in og and "og:image" not in og
    counts, _ = head_tags(html)
    assert counts["canonical"] == 0
    assert "url" not in json_ld(html, "http://localhost/")[0]


@pytest.mark.parametrize(
    ("lint", "no_alt"),
    [
        # The linter's finding: file, field, [rule id], what previews do.
        ({"image-missing": False}, "blog/p.md: image_alt [alt-missing]: the image has no alt text"),
        # Without the linter, the plan's own message.
        (False, "blog/p.md: 'image': has no alt text"),
    ],
    ids=["lint", "no-lint"],
)
def test_image_without_alt_warns(make_site, lint: Any, no_alt: str) -> None:
    files = {"blog/p.md": post("P", "2024-01-01", image="a.jpg"), "blog/a.jpg": SEED_IMAGE}
    site = make_site(files, strict=False, plugin_config={"lint": lint})
    warnings = site.warnings()
    assert [w for w in warnings if "alt text" in w and no_alt not in w] == [], warnings  # reported once
    assert any(no_alt in w for w in warnings), warnings
    _, values = head_tags(site.html("blog/p.md"))  # published, and the image still shared
    assert values["og:image"] == [SITE_URL + "blog/a.jpg"]
    assert "og:image:alt" not in values


HOSTILE = 'Q&A "quoted" <script>alert(1)</script></script><!-- x --> <img src=x onerror=alert(2)> \u2028 end'


@pytest.mark.parametrize("theme", THEMES)
def test_hostile_values_round_trip_in_meta_and_json_ld(make_site, theme: str) -> None:
    files = {
        "blog/evil.md": post(
            HOSTILE,
            "2024-01-01",
            [HOSTILE, "ok"],
            description=HOSTILE,
            image="a.jpg",
            image_alt=HOSTILE,
            categories=[HOSTILE],
        ),
        "blog/a.jpg": SEED_IMAGE,
    }
    site = make_site(files, theme=theme)
    html = site.html("blog/evil.md")
    props = opengraph(html, SITE_URL)
    og = dict(props)
    for key in ("og:title", "og:description", "og:image:alt"):
        assert og[key] == HOSTILE, key
    folded = " ".join(HOSTILE.split())  # tag and category names fold runs of whitespace (U+2028 included)
    assert og["article:section"] == folded
    assert [v for k, v in props if k == "article:tag"] == [folded, "ok"]
    _, values = head_tags(html)
    assert values["twitter:title"] == [HOSTILE] and values["description"] == [HOSTILE]
    doc = parse_html(html)
    scripts = [s for s in doc.iter("script") if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["headline"] == HOSTILE and data["keywords"] == [folded, "ok"]
    assert not [s for s in doc.iter("script") if (s.text or "").strip() == "alert(1)"]
    assert not [i for i in doc.iter("img") if i.get("onerror")]


def test_missing_images_warn_once_each(make_site) -> None:
    files = {
        "index.md": "# Home\n",
        "a.md": "---\nimage: gone.png\n---\n# A\n",
        "b.md": "# B\n",
        "c.md": "# C\n",
    }
    site = make_site(files, plugin_config={"default_image": "nope.png"}, strict=False)
    warnings = site.warnings()
    assert len([w for w in warnings if "'default_image': 'nope.png' was not found" in w]) == 1
    assert len([w for w in warnings if "a.md: 'image': 'gone.png' was not found" in w]) == 1


def test_tags_overview_lists_tag_pages(make_site) -> None:
    site = seed_site(make_site)
    (collection,) = json_ld(site.html("blog/tags/index.md"), SITE_URL + "blog/tags/")
    urls = [i["url"] for i in collection["mainEntity"]["itemListElement"]]
    assert len(urls) == len(SEED_TAGS) + 1
    assert SITE_URL + "blog/tags/veille-technologique/" in urls
