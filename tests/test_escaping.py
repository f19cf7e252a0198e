"""Front-matter values are text wherever the plugin prints them, never markup."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import SEED_IMAGE, THEMES, parse_html, post

HOSTILE = 'Q&A "quoted" <script>alert(1)</script> <img src=x onerror=alert(2)> </div>'


def scripts_with_alert(doc: Any) -> list[str]:
    """Script elements made from the hostile text (a theme's JSON-escaped page name is not one)."""
    return [s.text or "" for s in doc.iter("script") if (s.text or "").strip() == "alert(1)"]


@pytest.mark.parametrize("theme", THEMES)
def test_hostile_front_matter_stays_text(make_site, theme: str) -> None:
    files = {
        "blog/images/a.jpg": SEED_IMAGE,
        "blog/evil.md": post(
            HOSTILE,
            "2024-01-01",
            [HOSTILE, "ok"],
            description=HOSTILE,
            image="images/a.jpg",
            imageAltAttribute=HOSTILE,
            body="Body.\n",
        ),
    }
    site = make_site(files, theme=theme, strict=False)
    pages = ["blog/index.md", "blog/evil.md", "blog/tags/index.md", "blog/tags/ok/index.md"]
    for uri in pages:
        html = site.html(uri)
        doc = parse_html(html)
        assert "<script>alert(1)</script>" not in html, uri
        assert scripts_with_alert(doc) == [], uri
        assert not [i for i in doc.iter("img") if i.get("onerror")], uri
    listing = parse_html(site.html("blog/index.md"))
    entry = next(a for a in listing.iter("article"))
    assert HOSTILE in "".join(entry.itertext())
    assert [i.get("alt") for i in entry.iter("img")] == [HOSTILE]
    tag_names = [a.text for a in entry.iter("a") if a.get("rel") == "tag"]
    assert tag_names == [HOSTILE, "ok"]
    header = next(
        h
        for h in parse_html(site.html("blog/evil.md")).iter("header")
        if "blog-tags-post-header" in (h.get("class") or "")
    )
    assert [i.get("alt") for i in header.iter("img")] == [HOSTILE]


def test_theme_title_element_is_escaped_on_blog_pages(make_site) -> None:
    site = make_site({"blog/evil.md": post(HOSTILE, "2024-01-01", ["ok"])}, strict=False)
    title = parse_html(site.html("blog/evil.md")).find(".//title")
    assert title is not None and title.text is not None
    assert title.text.startswith(HOSTILE)
