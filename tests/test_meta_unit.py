import datetime as dt

from mkdocs_blog_tags.head import escape_title_element, insert_into_head, remove_head_tags
from mkdocs_blog_tags.i18n import og_locale
from mkdocs_blog_tags.meta import ImageInfo, PageFacts, build_head_meta, plain_text

BASE = {"site_name": "S", "locale": "fr", "og_locale": "fr_FR"}


def test_post_with_image() -> None:
    facts = PageFacts(
        kind="post",
        title="T",
        description="D",
        url="https://x.org/p/",
        image=ImageInfo("https://x.org/a.png", "Alt", 1200, 630, "image/png"),
        published=dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
        tags=("a", "b"),
        **BASE,
    )
    meta = build_head_meta(facts)
    props = dict(meta.properties)
    assert props["og:type"] == "article"
    assert props["og:image:width"] == "1200" and props["og:image:height"] == "630"
    assert [v for k, v in meta.properties if k == "article:tag"] == ["a", "b"]
    assert dict(meta.names)["twitter:card"] == "summary_large_image"
    assert meta.json_ld is not None and meta.json_ld["dateModified"] == "2024-01-01T00:00:00+00:00"
    assert meta.canonical == "https://x.org/p/"


def test_image_too_small_for_a_large_card_gets_a_summary_card() -> None:
    # X needs 300x157 for summary_large_image; a smaller image is still shared, on a small card.
    image = ImageInfo("https://x.org/small.png", "Alt", 200, 100, "image/png")
    meta = build_head_meta(PageFacts(kind="post", title="T", url="https://x.org/p/", image=image, **BASE))
    props = dict(meta.properties)
    assert props["og:image"] == "https://x.org/small.png"
    assert props["og:image:width"] == "200" and props["og:image:height"] == "100"
    assert dict(meta.names)["twitter:card"] == "summary"
    assert dict(meta.names)["twitter:image"] == "https://x.org/small.png"


def test_relative_image_is_not_emitted() -> None:
    meta = build_head_meta(
        PageFacts(kind="page", title="T", image=ImageInfo("a.png", absolute=False), **BASE)
    )
    assert "og:image" not in dict(meta.properties)
    assert dict(meta.names)["twitter:card"] == "summary"
    assert meta.json_ld is not None and meta.json_ld["@type"] == "WebPage"


def test_plain_text() -> None:
    assert plain_text("<p>a &amp; <b>b</b>\n c</p>") == "a & b c"
    # Inline elements join their neighbours; block elements and line breaks separate words.
    assert plain_text("<p>see <code>mkdocs.yml</code>, then <a href='x'>the docs</a>.</p>") == (
        "see mkdocs.yml, then the docs."
    )
    assert plain_text("<p>one</p><p>two</p><ul><li>three</li><li>four<br>five</li></ul>") == (
        "one two three four five"
    )
    text = plain_text("<p>" + "word " * 100 + "</p>", limit=50)
    assert text.endswith("…") and len(text) <= 51


def test_og_locale() -> None:
    assert og_locale("fr") == "fr_FR"
    assert og_locale("en") == "en_US"
    assert og_locale("pt_BR") == "pt_BR"


def test_remove_head_tags_handles_a_theme_printing_a_raw_value() -> None:
    raw = 'He said "hi" <b>'
    html = (
        '<html><head><meta charset="utf-8">\n<meta name="description" content="' + raw + '">\n'
        '<link rel="canonical" href="https://x/">\n<meta property="og:title" content=\'x\' />\n'
        '<meta name="viewport" content="w"></head><body><meta name="description" content="body"></body></html>'
    )
    out = remove_head_tags(html, {"description", "og:title"}, canonical=True, raw_values=[raw])
    assert out == (
        '<html><head><meta charset="utf-8">\n<meta name="viewport" content="w"></head>'
        '<body><meta name="description" content="body"></body></html>'
    )


def test_insert_into_head_and_title_escape() -> None:
    assert insert_into_head("<head></HEAD>", "<x>") == "<head><x></HEAD>"
    assert insert_into_head("no head", "<x>") == "no head"
    html = "<title>a</title><b> - S</title>"
    assert escape_title_element(html, "a</title><b>") == "<title>a&lt;/title&gt;&lt;b&gt; - S</title>"
