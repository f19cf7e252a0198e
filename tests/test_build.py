"""End-to-end: real strict builds on every theme and both URL styles, read back with mf2py and html5lib."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import mf2py
import pytest
from conftest import SEED_IMAGE, SEED_POST, THEMES, Site, parse_html, post
from mkdocs.exceptions import Abort

SEED_TITLE = "TikTok sur l'Ingénierie des Médias une Ressource Incontournable"
SEED_TAGS = [
    "TikTok en ingénierie des médias",
    "Contenu créatif et innovant",
    "Tendances numériques",
    "Veille technologique",
]
SLUGS = {"C#": "csharp", "C++": "cpp"}


def corpus() -> dict[str, Any]:
    """A blog with a post at the blog root beside posts/, so the tests set post_dir: "{blog}"."""
    files: dict[str, Any] = {
        "index.md": "# Home\n\nWelcome.\n",
        "blog/tiktok.md": SEED_POST,
        "blog/images/TikTok.jpg": SEED_IMAGE,
        "blog/posts/cpp.md": post(
            "Zero copy in C++",
            "2024-05-02",
            ["C++", "Performance"],
            body="First paragraph with ![a frame](../images/TikTok.jpg).\n\n<!-- more -->\n\nThe rest, [see the seed](../tiktok.md).\n",
        ),
        "blog/posts/csharp.md": (
            "---\ndate:\n  created: 2024-03-01\n  updated: 2024-03-05\ncategories: [Tools]\nauthors: [ana]\n"
            "tags: [C#, performance]\n---\n\n# Tooling in C#\n\nA first paragraph about C#.\n\nA second one.\n"
        ),
        "blog/posts/draft.md": post("Secret draft", "2024-02-01", ["Brouillon secret"], draft=True),
        "blog/posts/future.md": post("From the future", "2099-01-01", ["Avenir"]),
    }
    for i in range(1, 8):
        files[f"blog/posts/filler-{i}.md"] = post(
            f"Filler {i}", f"2023-0{i}-10", ["Filler"], description=f"Filler {i} description."
        )
    return files


PUBLISHED = 10  # seed + cpp + csharp + 7 fillers


def h_entries(html: str) -> list[dict[str, Any]]:
    feeds = [item for item in mf2py.parse(doc=html)["items"] if "h-feed" in item["type"]]
    assert len(feeds) == 1
    return [child for child in feeds[0].get("children", []) if "h-entry" in child["type"]]


def listing_pages(site: Site, first: str) -> list[str]:
    """Follow rel=next from a listing's first page; return the src_uris visited."""
    uris = [first]
    while True:
        doc = parse_html(site.html(uris[-1]))
        nexts = [
            a.get("href")
            for a in doc.iter("a")
            if a.get("rel") == "next" and "blog-tags-older" in (a.get("class") or "")
        ]
        if not nexts:
            return uris
        target = site.resolve_link(uris[-1], nexts[0])
        assert target.is_file(), target
        rel = target.relative_to(site.site).as_posix()
        uris.append(
            rel.removesuffix(".html").removesuffix("/index") + "/index.md"
            if rel.endswith("index.html")
            else rel
        )


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
@pytest.mark.parametrize("theme", THEMES)
def test_blog_on_every_theme(make_site, theme: str, use_directory_urls: bool) -> None:
    site = make_site(
        corpus(),
        theme=theme,
        use_directory_urls=use_directory_urls,
        plugin_config={"per_page": 4, "tag_slugs": SLUGS, "post_dir": "{blog}"},
    )
    assert site.warnings() == []

    # The index paginates 10 posts as 4 + 4 + 2, newest first, and every entry is complete.
    pages = listing_pages(site, "blog/index.md")
    assert pages == ["blog/index.md", "blog/page/2/index.md", "blog/page/3/index.md"]
    entries = [(uri, e) for uri in pages for e in h_entries(site.html(uri))]
    assert [len(h_entries(site.html(u))) for u in pages] == [4, 4, 2]
    names = [e["properties"]["name"][0] for _, e in entries]
    assert names[:3] == ["Zero copy in C++", "Tooling in C#", SEED_TITLE]
    assert "Secret draft" not in names and "From the future" not in names
    assert len(names) == PUBLISHED
    published = [e["properties"]["published"][0] for _, e in entries]
    assert published == sorted(published, reverse=True)
    for uri, entry in entries:
        assert site.resolve_link(uri, entry["properties"]["url"][0]).is_file()
        for photo in entry["properties"].get("photo", []):
            assert site.resolve_link(uri, photo["value"]).is_file()

    seed = next(e for _, e in entries if e["properties"]["name"][0] == SEED_TITLE)["properties"]
    assert seed["category"] == SEED_TAGS
    assert seed["photo"][0]["alt"] == "logo de tiktok sur un téléphone"
    assert seed["published"][0].startswith("2024-01-24")
    assert seed["summary"][0].startswith("Découvrez comment TikTok")

    # The explicit excerpt stops at <!-- more -->, and its image still resolves from the listing.
    cpp = next(e for _, e in entries if e["properties"]["name"][0] == "Zero copy in C++")["properties"]
    assert cpp["summary"][0].startswith("First paragraph with")
    assert "The rest" not in cpp["summary"][0]
    doc = parse_html(site.html("blog/index.md"))
    excerpt_imgs = [img.get("src") for img in doc.iter("img") if img.get("alt") == "a frame"]
    assert excerpt_imgs and all(site.resolve_link("blog/index.md", src).is_file() for src in excerpt_imgs)
    # No description and no separator: the first paragraph.
    csharp = next(e for _, e in entries if e["properties"]["name"][0] == "Tooling in C#")["properties"]
    assert csharp["summary"][0].strip() == "A first paragraph about C#."

    # Pager links also in <head>.
    head_links = {
        link.get("rel"): link.get("href")
        for link in parse_html(site.html("blog/page/2/index.md")).iter("link")
    }
    assert (
        site.resolve_link("blog/page/2/index.md", head_links["prev"])
        == site.page_path("blog/index.md").resolve()
    )
    assert (
        site.resolve_link("blog/page/2/index.md", head_links["next"])
        == site.page_path("blog/page/3/index.md").resolve()
    )

    # Tag pages: C++ and C# apart, case variants of "Performance" merged, drafts' tags absent.
    for slug, expected in {
        "cpp": ["Zero copy in C++"],
        "csharp": ["Tooling in C#"],
        "performance": ["Zero copy in C++", "Tooling in C#"],
    }.items():
        tag_uri = f"blog/tags/{slug}/index.md"
        assert [e["properties"]["name"][0] for e in h_entries(site.html(tag_uri))] == expected
    # A tag's page lists all its posts on one page, as compact entries (title, date, link).
    assert listing_pages(site, "blog/tags/filler/index.md") == ["blog/tags/filler/index.md"]
    fillers = h_entries(site.html("blog/tags/filler/index.md"))
    assert [e["properties"]["name"][0] for e in fillers] == [f"Filler {i}" for i in range(7, 0, -1)]
    for filler in fillers:
        assert filler["properties"]["published"][0].startswith("2023-0")
        assert "summary" not in filler["properties"] and "photo" not in filler["properties"]
        assert site.resolve_link("blog/tags/filler/index.md", filler["properties"]["url"][0]).is_file()
    assert not (site.site / "blog/tags/brouillon-secret").exists()
    assert not (site.site / "blog/tags/avenir").exists()

    # The tags overview links every tag with its count.
    overview = parse_html(site.html("blog/tags/index.md"))
    tag_links = {a.text: a.get("href") for a in overview.iter("a") if a.get("rel") == "tag"}
    # "performance" (2024-03-01) was written before "Performance" (2024-05-02): the first spelling wins.
    assert set(tag_links) == {*SEED_TAGS, "C++", "C#", "performance", "Filler"}
    for href in tag_links.values():
        assert site.resolve_link("blog/tags/index.md", href).is_file()
    assert "7 posts" in site.html("blog/tags/index.md")

    # The post header: date, reading time, tags as rel=tag links that resolve, cover with alt.
    seed_doc = parse_html(site.html("blog/tiktok.md"))
    header = next(h for h in seed_doc.iter("header") if "blog-tags-post-header" in (h.get("class") or ""))
    assert [h1.text for h1 in seed_doc.iter("h1")].count(SEED_TITLE) == 1
    assert next(header.iter("time")).get("datetime").startswith("2024-01-24")
    assert "January 24, 2024" in "".join(header.itertext())
    assert "2 min read" in "".join(header.itertext())
    tags = [(a.text, a.get("href")) for a in header.iter("a") if a.get("rel") == "tag"]
    assert [t for t, _ in tags] == SEED_TAGS
    assert all(site.resolve_link("blog/tiktok.md", href).is_file() for _, href in tags)
    cover = next(header.iter("img"))
    assert cover.get("alt") == "logo de tiktok sur un téléphone"
    assert site.resolve_link("blog/tiktok.md", cover.get("src")).is_file()

    # Drafts and future posts are in no output at all, search included.
    for hidden in ("draft", "future"):
        assert not site.page_path(f"blog/posts/{hidden}.md").exists()
    search = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert (
        "Secret draft" not in search and "From the future" not in search and "Brouillon secret" not in search
    )
    # Posts and generated pages stay out of the nav; the blog index is in it.
    home = site.html("index.md")
    assert "Filler 1" not in home and "Zero copy" not in home
    assert any(
        site.resolve_link("index.md", a.get("href") or "") == site.page_path("blog/index.md").resolve()
        for a in parse_html(home).iter("a")
    )


@pytest.mark.parametrize(
    "theme",
    [
        {"name": "mkdocs", "locale": "fr"},
        {"name": "readthedocs", "locale": "fr"},
        {"name": "material", "language": "fr"},
    ],
)
def test_theme_language_gives_french_dates_and_words(make_site, theme: dict[str, str]) -> None:
    site = make_site({"blog/tiktok.md": SEED_POST, "blog/images/TikTok.jpg": SEED_IMAGE}, theme=theme)
    text = "".join(parse_html(site.html("blog/tiktok.md")).itertext())
    assert "24 janvier 2024" in text
    assert "2\u00a0min de lecture" in text  # CLDR: a no-break space before the unit
    assert "Articles avec l’étiquette « Veille technologique »" in site.html(
        "blog/tags/veille-technologique/index.md"
    )


def test_c_family_tags_get_their_own_pages_with_no_warning(make_site) -> None:
    # Symbols are spelled out whatever other tags exist, so C, C++ and C# never collide.
    files = {
        f"blog/{n}.md": post(f"About {t}", "2024-01-0" + str(i + 1), [t])
        for i, (n, t) in enumerate([("c", "C"), ("cpp", "C++"), ("cs", "C#")])
    }
    site = make_site(files)
    assert site.warnings() == []
    for slug, title in {"c": "About C", "c-plus-plus": "About C++", "c-sharp": "About C#"}.items():
        assert [e["properties"]["name"][0] for e in h_entries(site.html(f"blog/tags/{slug}/index.md"))] == [
            title
        ]


def test_colliding_tags_get_separate_pages_and_one_warning(make_site) -> None:
    # Different tags with one slug: the tag whose first post is older keeps the plain slug.
    files = {
        "blog/new.md": post("About Cafe", "2024-02-01", ["Cafe"]),
        "blog/old.md": post("About Café", "2024-01-01", ["Café"]),
    }
    site = make_site(files, strict=False)
    collision = [w for w in site.warnings() if "all give the slug 'cafe'" in w]
    assert len(collision) == 1
    assert all(f"'{name}'" in collision[0] for name in ("Café", "Cafe"))
    for slug, title in {"cafe": "About Café", "cafe-2": "About Cafe"}.items():
        assert [e["properties"]["name"][0] for e in h_entries(site.html(f"blog/tags/{slug}/index.md"))] == [
            title
        ]
    with pytest.raises(Abort):
        make_site(files)


def test_invalid_yaml_skips_only_that_post(make_site) -> None:
    files = {
        "blog/good.md": post("Good post", "2024-01-01", ["ok"]),
        "blog/bad.md": "---\ntitle: Bad\ntags: [unclosed\n---\nbody\n",
    }
    site = make_site(files, strict=False)
    assert any("blog/bad.md: line 4: front matter is not valid YAML" in w for w in site.warnings()), (
        site.warnings()
    )
    assert [e["properties"]["name"][0] for e in h_entries(site.html("blog/index.md"))] == ["Good post"]
    assert not site.page_path("blog/bad.md").exists()
    with pytest.raises(Abort, match="strict"):
        make_site(files)


@pytest.mark.parametrize(
    ("lint", "not_found"),
    [
        # The linter's finding: file, field, [rule id], what previews do.
        ({"image-missing": False}, "blog/undated.md: image [image-not-found]: 'nowhere.png' was not found"),
        # Without the linter, the plan's own message.
        (False, "blog/undated.md: 'image': 'nowhere.png' was not found"),
    ],
    ids=["lint", "no-lint"],
)
def test_missing_date_and_missing_image_warn_but_publish(make_site, lint: Any, not_found: str) -> None:
    files = {
        "blog/undated.md": post("Undated", None, ["x"], image="nowhere.png"),
        "blog/dated.md": post("Dated", "2024-01-01"),
    }
    site = make_site(files, strict=False, plugin_config={"lint": lint})
    warnings = site.warnings()
    assert any("blog/undated.md: 'date': no date" in w for w in warnings), warnings
    assert [w for w in warnings if "nowhere.png" in w and not_found not in w] == [], warnings  # reported once
    assert any(not_found in w for w in warnings), warnings
    assert [e["properties"]["name"][0] for e in h_entries(site.html("blog/index.md"))] == ["Dated", "Undated"]
    assert site.page_path("blog/undated.md").exists()


def test_user_index_content_stays_above_the_listing(make_site) -> None:
    files = {
        "blog/index.md": "---\ntitle: Journal\n---\n\nIntro text of the blog.\n",
        "blog/a.md": post("A post", "2024-01-01"),
    }
    site = make_site(files)
    html = site.html("blog/index.md")
    assert html.index("Intro text of the blog.") < html.index("A post")
    assert "<h1>Journal</h1>" in html or '<h1 class="p-name" id="blog-tags-title">Journal</h1>' in html


def test_custom_dir_overrides_one_template(make_site, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides" / "blog_tags"
    overrides.mkdir(parents=True)
    (overrides / "entry.html").write_text(
        '<p class="my-entry">{{ entry.title }} / {{ entry.date_text }}</p>\n', encoding="utf-8"
    )
    site = make_site(
        {"blog/a.md": post("A <b>post</b>", "2024-01-01")},
        theme={"name": "mkdocs", "custom_dir": str(tmp_path / "overrides")},
    )
    html = site.html("blog/index.md")
    assert '<p class="my-entry">A &lt;b&gt;post&lt;/b&gt; / January 1, 2024</p>' in html
    assert "blog-tags-pager" not in html  # one page only; the other templates are still ours


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["dir-urls", "file-urls"])
def test_tag_per_page_paginates_tag_pages_with_full_cards_from_an_override(
    make_site, tmp_path: Path, use_directory_urls: bool
) -> None:
    # The documented override: tag pages show the index's cards instead of compact entries.
    overrides = tmp_path / "overrides" / "blog_tags"
    overrides.mkdir(parents=True)
    (overrides / "tag_entry.html").write_text('{% include "blog_tags/entry.html" %}\n', encoding="utf-8")
    site = make_site(
        corpus(),
        theme={"name": "mkdocs", "custom_dir": str(tmp_path / "overrides")},
        use_directory_urls=use_directory_urls,
        plugin_config={"tag_per_page": 3, "tag_slugs": SLUGS, "post_dir": "{blog}"},
    )
    assert site.warnings() == []
    pages = listing_pages(site, "blog/tags/filler/index.md")
    assert pages == [
        "blog/tags/filler/index.md",
        "blog/tags/filler/page/2/index.md",
        "blog/tags/filler/page/3/index.md",
    ]
    entries = [(uri, e) for uri in pages for e in h_entries(site.html(uri))]
    assert [e["properties"]["name"][0] for _, e in entries] == [f"Filler {i}" for i in range(7, 0, -1)]
    for uri, entry in entries:
        assert entry["properties"]["summary"][0].startswith("Filler ")
        assert site.resolve_link(uri, entry["properties"]["url"][0]).is_file()
    # The blog index keeps its own page size (10) and its cards.
    assert listing_pages(site, "blog/index.md") == ["blog/index.md"]


def test_explicit_nav_gets_the_blog_appended(make_site) -> None:
    site = make_site(
        {"index.md": "# Home\n", "blog/a.md": post("A post", "2024-01-01")},
        extra={"nav": [{"Home": "index.md"}]},
    )
    home = parse_html(site.html("index.md"))
    assert any(a.text and a.text.strip() == "Blog" for a in home.iter("a"))


def test_nothing_is_written_into_docs_dir(make_site, tmp_path: Path) -> None:
    site = make_site(corpus(), plugin_config={"tag_slugs": SLUGS, "post_dir": "{blog}"})
    written = sorted(p.relative_to(site.docs).as_posix() for p in site.docs.rglob("*"))
    assert written == sorted(
        [
            "index.md",
            "blog",
            "blog/tiktok.md",
            "blog/images",
            "blog/images/TikTok.jpg",
            "blog/posts",
            *(
                f"blog/posts/{n}"
                for n in [
                    "cpp.md",
                    "csharp.md",
                    "draft.md",
                    "future.md",
                    *(f"filler-{i}.md" for i in range(1, 8)),
                ]
            ),
        ]
    )


def test_drafts_on_serve_are_built_and_marked(make_site) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = make_site(
        {"blog/a.md": post("A post", "2024-01-01"), "blog/d.md": post("Draft post", "2024-02-01", draft=True)}
    )
    # Most fixtures' posts have no image; the linter's image-missing warning is tested on its own.
    options = {"lint": {"image-missing": False}, "drafts_on_serve": True}
    config = load_config(str(site.root / "mkdocs.yml"), plugins=["search", {"blog-tags": options}])
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_shutdown()
    entries = h_entries(site.html("blog/index.md"))
    assert [e["properties"]["name"][0] for e in entries] == ["Draft post", "A post"]
    assert "Draft" in "".join(parse_html(site.html("blog/d.md")).itertext())


def test_two_builds_in_one_process_leave_nothing_stale(make_site, tmp_path: Path) -> None:
    files = {
        "blog/a.md": post("A post", "2024-01-01", ["old"]),
        "blog/b.md": post("B post", "2024-01-02", ["old"]),
    }
    first = make_site(files)
    assert first.page_path("blog/tags/old/index.md").exists()
    second = make_site({"blog/a.md": post("A post", "2024-01-01", ["new"])})
    assert not second.page_path("blog/tags/old/index.md").exists()
    assert [e["properties"]["name"][0] for e in h_entries(second.html("blog/tags/new/index.md"))] == [
        "A post"
    ]
    assert [e["properties"]["name"][0] for e in h_entries(second.html("blog/index.md"))] == ["A post"]


def test_search_index_lists_posts_and_generated_pages(make_site) -> None:
    site = make_site({"blog/a.md": post("A post", "2024-01-01", ["x"])})
    locations = {
        doc["location"] for doc in json.loads((site.site / "search/search_index.json").read_text())["docs"]
    }
    assert {"blog/a/", "blog/", "blog/tags/x/", "blog/tags/"} <= locations


def test_blog_at_the_site_root(make_site) -> None:
    site = make_site(
        {"index.md": "---\ntitle: Home\n---\nWelcome.\n", "a.md": post("A post", "2024-01-01", ["x"])},
        plugin_config={"blog_dir": "."},
    )
    html = site.html("index.md")
    assert html.index("Welcome.") < html.index("A post")
    assert [e["properties"]["name"][0] for e in h_entries(site.html("tags/x/index.md"))] == ["A post"]
    assert (site.site / "feed.xml").is_file()


def test_explicit_nav_may_list_a_post(make_site) -> None:
    site = make_site(
        {
            "index.md": "# Home\n",
            "blog/a.md": post("A post", "2024-01-01"),
            "blog/b.md": post("B post", "2024-01-02"),
        },
        extra={"nav": [{"Home": "index.md"}, {"Featured": "blog/a.md"}]},
    )
    home = parse_html(site.html("index.md"))
    nav_texts = [a.text.strip() for a in home.iter("a") if a.text]
    assert "Featured" in nav_texts and "Blog" in nav_texts and "B post" not in nav_texts


def test_post_header_is_kept_out_of_search_and_survives_page_rewriters(make_site, tmp_path: Path) -> None:
    """The header reaches the page, not the search index; a minifier's comment stripping cannot lose it."""
    hook = tmp_path / "strip_comments.py"
    hook.write_text(
        "import re\n\n"
        "def on_post_page(output, page, config):\n"
        "    return re.sub(r'<!--.*?-->', '', output, flags=re.S)\n",
        encoding="utf-8",
    )
    files = {
        "blog/own-title.md": post(
            "Own title", "2024-01-02", ["Zyxtag"], body="# Own title\n\nBody words here.\n"
        ),
        "blog/no-title.md": post("Front title", "2024-01-01", ["Zyxtag"], body="Other words here.\n"),
    }
    site = make_site(files, extra={"hooks": [str(hook)]})
    docs = json.loads((site.site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    for uri, words, title in (
        ("blog/own-title.md", "Body words", "Own title"),
        ("blog/no-title.md", "Other words", "Front title"),
    ):
        location = uri.removesuffix(".md") + "/"
        text = " ".join(d["text"] for d in docs if d["location"].split("#")[0] == location)
        assert words in text and "Zyxtag" not in text and "min read" not in text
        assert "1 min read" in site.html(uri)
        page = parse_html(site.html(uri))
        assert [h.text for h in page.iter("h1")] == [title]
        header = next(h for h in page.iter("header") if "blog-tags-post-header" in (h.get("class") or ""))
        assert [a.text for a in header.iter("a")] == ["Zyxtag"]
        assert header.find(".//time") is not None
        assert "blog-tags: post header" not in site.html(uri)
