"""Head meta as data: Open Graph, Twitter cards, JSON-LD, description and canonical.

`page_facts` gathers what the plan knows about one page (which description,
which image, which posts a listing shows); `build_head_meta` turns those facts
into a `HeadMeta`; the ``blog_tags/meta.html`` template prints it, escaping
every value, so a theme author can add or drop a tag without touching Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from .excerpts import Excerpt
from .i18n import og_locale
from .images import ImageInfo
from .languages import Alternate
from .lint import Limits, ShareInput, large_image_card
from .posts import Problem, read_image, text_field

if TYPE_CHECKING:
    from .plan import Credit, Plan

__all__ = [
    "HeadMeta",
    "ImageInfo",
    "PageFacts",
    "PageInput",
    "build_head_meta",
    "page_facts",
    "page_share_input",
    "plain_text",
]

_TAG = re.compile(r"<[^>]*>")
# Tags that separate words (block elements, line breaks, cells); any other tag joins its neighbours:
# "<b>text</b>." is "text.", not "text .".
_BREAKING_TAG = re.compile(
    r"</?(?:address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|"
    r"header|hr|img|li|main|nav|ol|p|pre|section|summary|table|td|th|tr|ul)\b[^>]*>",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_LIMITS = Limits()


@dataclasses.dataclass(frozen=True)
class PageFacts:
    """What is known about one page, gathered by the plugin from the model and MkDocs."""

    kind: Literal["post", "listing", "page"]
    title: str
    site_name: str
    locale: str
    """Babel locale, e.g. ``fr`` or ``fr_FR``."""
    og_locale: str
    """Open Graph locale, e.g. ``fr_FR``."""
    og_alternates: tuple[str, ...] = ()
    """Open Graph locales of the page's translations (``og:locale:alternate``), e.g. ``("en_US",)``."""
    description: str | None = None
    url: str | None = None
    """Absolute canonical URL; ``None`` without ``site_url``."""
    site_url: str | None = None
    image: ImageInfo | None = None
    published: dt.datetime | None = None
    modified: dt.datetime | None = None
    tags: tuple[str, ...] = ()
    section: str | None = None
    authors: tuple[Credit, ...] = ()
    items: tuple[str, ...] = ()
    """Absolute URLs of the posts a listing shows, in order."""
    twitter_site: str | None = None
    twitter_creator: str | None = None


@dataclasses.dataclass(frozen=True)
class HeadMeta:
    """Every tag the head template prints, already decided; values are plain (unescaped) text."""

    description: str | None
    canonical: str | None
    properties: tuple[tuple[str, str], ...]
    """``<meta property=...>``: og:* and article:*."""
    names: tuple[tuple[str, str], ...]
    """``<meta name=...>``: twitter:*."""
    json_ld: dict[str, Any] | None

    @property
    def keys(self) -> frozenset[str]:
        """Every property and name emitted (used to drop the theme's duplicates)."""
        return frozenset(k for k, _ in self.properties) | frozenset(k for k, _ in self.names)


def plain_text(fragment: str, limit: int = 300) -> str:
    """Text of an HTML fragment, whitespace folded, cut at a word boundary near ``limit``."""
    text = _SPACE.sub(" ", html.unescape(_TAG.sub("", _BREAKING_TAG.sub(" ", fragment)))).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.!?")
    return cut + "…"


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _person(credit: Credit) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": credit.name}
    if credit.url:
        person["url"] = credit.url
    return person


def _image_json(image: ImageInfo) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "ImageObject", "url": image.url}
    if image.width and image.height:
        data["width"] = image.width
        data["height"] = image.height
    if image.alt:
        data["caption"] = image.alt
    return data


def _json_ld(facts: PageFacts) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org"}
    language = facts.locale.replace("_", "-")
    publisher: dict[str, Any] = {"@type": "Organization", "name": facts.site_name}
    if facts.site_url:
        publisher["url"] = facts.site_url
    if facts.kind == "post":
        data["@type"] = "BlogPosting"
        data["headline"] = facts.title
        if facts.description:
            data["description"] = facts.description
        if facts.image and facts.image.absolute:
            data["image"] = _image_json(facts.image)
        if facts.published:
            data["datePublished"] = _iso(facts.published)
            data["dateModified"] = _iso(facts.modified or facts.published)
        if facts.authors:
            data["author"] = [_person(credit) for credit in facts.authors]
        else:
            data["author"] = publisher
        data["publisher"] = publisher
        if facts.url:
            data["url"] = facts.url
            data["mainEntityOfPage"] = {"@type": "WebPage", "@id": facts.url}
        if facts.tags:
            data["keywords"] = list(facts.tags)
        if facts.section:
            data["articleSection"] = facts.section
    else:
        data["@type"] = "CollectionPage" if facts.kind == "listing" else "WebPage"
        data["name"] = facts.title
        if facts.description:
            data["description"] = facts.description
        if facts.url:
            data["url"] = facts.url
        if facts.image and facts.image.absolute:
            data["image"] = _image_json(facts.image)
        if facts.kind == "listing":
            data["mainEntity"] = {
                "@type": "ItemList",
                "itemListElement": [
                    {"@type": "ListItem", "position": i, "url": url}
                    for i, url in enumerate(facts.items, start=1)
                ],
            }
        data["isPartOf"] = {"@type": "WebSite", "name": facts.site_name}
        if facts.site_url:
            data["isPartOf"]["url"] = facts.site_url
    data["inLanguage"] = language
    return data


def build_head_meta(facts: PageFacts, limits: Limits = _LIMITS) -> HeadMeta:
    """Decide every head tag of one page from its facts (``limits``: the linter's, for the card type)."""
    props: list[tuple[str, str]] = [
        ("og:type", "article" if facts.kind == "post" else "website"),
        ("og:title", facts.title),
    ]
    if facts.description:
        props.append(("og:description", facts.description))
    if facts.url:
        props.append(("og:url", facts.url))
    props += [("og:site_name", facts.site_name), ("og:locale", facts.og_locale)]
    props += [("og:locale:alternate", locale) for locale in facts.og_alternates]

    image = facts.image if facts.image and facts.image.absolute else None
    if image:
        props.append(("og:image", image.url))
        if image.url.startswith("https://"):
            props.append(("og:image:secure_url", image.url))
        if image.type:
            props.append(("og:image:type", image.type))
        if image.width and image.height:
            props += [("og:image:width", str(image.width)), ("og:image:height", str(image.height))]
        if image.alt:
            props.append(("og:image:alt", image.alt))

    if facts.kind == "post":
        if facts.published:
            props.append(("article:published_time", _iso(facts.published)))
            props.append(("article:modified_time", _iso(facts.modified or facts.published)))
        # Open Graph wants a profile URL; a name is what most consumers show when there is none.
        props += [("article:author", credit.url or credit.name) for credit in facts.authors]
        if facts.section:
            props.append(("article:section", facts.section))
        props += [("article:tag", tag) for tag in facts.tags]

    names: list[tuple[str, str]] = [
        # X shows no large card for an image under 300x157: a small card shows it.
        ("twitter:card", "summary_large_image" if large_image_card(image, limits) else "summary"),
        ("twitter:title", facts.title),
    ]
    if facts.description:
        names.append(("twitter:description", facts.description))
    if image:
        names.append(("twitter:image", image.url))
        if image.alt:
            names.append(("twitter:image:alt", image.alt))
    if facts.twitter_site:
        names.append(("twitter:site", facts.twitter_site))
    if facts.twitter_creator:
        names.append(("twitter:creator", facts.twitter_creator))

    return HeadMeta(
        description=facts.description,
        canonical=facts.url,
        properties=tuple(props),
        names=tuple(names),
        json_ld=_json_ld(facts),
    )


@dataclasses.dataclass(frozen=True)
class PageInput:
    """What MkDocs knows of a page when its head is written, as plain values."""

    src_uri: str
    title: str
    """The page's title as clean text (unescaped), or the site name."""
    canonical_url: str | None
    meta: Mapping[str, Any]
    """The page's front matter."""
    alternates: tuple[Alternate, ...] = ()
    """The page's translations on a multilingual site (mkdocs-static-i18n)."""


def page_facts(
    plan: Plan, page: PageInput, excerpts: Mapping[str, Excerpt]
) -> tuple[PageFacts | None, list[Problem]]:
    """The facts behind one page's head meta; ``None`` when the page gets none."""
    settings, blog = plan.settings, plan.blog
    if not settings.meta:
        return None, []
    uri = page.src_uri
    role = plan.role(uri)
    if role is None and settings.meta_scope == "blog":
        return None, []
    strings = settings.strings
    common: dict[str, Any] = {
        "site_name": settings.site_name,
        "locale": settings.locale,
        "og_locale": og_locale(settings.locale),
        "og_alternates": tuple(dict.fromkeys(og_locale(a.code) for a in page.alternates)),
        "url": page.canonical_url if settings.site_url else None,
        "site_url": settings.site_url,
        "twitter_site": settings.twitter_site,
        "twitter_creator": settings.twitter_creator,
    }
    if role == "post":
        post = plan.posts[uri]
        categories = blog.taxonomies["categories"].terms_of(post) if "categories" in blog.taxonomies else ()
        excerpt = excerpts.get(uri)
        description = post.description or (plain_text(excerpt.html) if excerpt and excerpt.html else None)
        post_image = plan.post_images.get(uri)
        facts = PageFacts(
            kind="post",
            title=post.title,
            description=description,
            image=post_image[0] if post_image else None if post.no_image else plan.default_image,
            published=post.date,
            modified=post.updated,
            tags=tuple(tag.name for tag in blog.tags_of(post)),
            section=categories[0].name if categories else post.categories[0] if post.categories else None,
            authors=plan.credits(post),
            **common,
        )
        return facts, []

    problems: list[Problem] = []
    image_value, alt, no_image = read_image(page.meta, settings.fields)
    page_image = plan.images.resolve(image_value, alt, uri) if image_value else None
    if image_value and page_image is None:
        problems.append(Problem(uri, "image", f"{image_value!r} was not found; the default image is used"))
    image = page_image[0] if page_image else None if no_image else plan.default_image
    own_description, problem = text_field(uri, "description", page.meta.get("description"))
    if problem is not None:
        problems.append(problem)
    if role is None:
        description = own_description or settings.site_description
        return PageFacts(
            kind="page", title=page.title, description=description, image=image, **common
        ), problems

    if role == "listing":
        listing = plan.listings[uri]
        if listing.term is not None and listing.taxonomy is not None:
            spec = blog.taxonomies[listing.taxonomy].spec
            default = strings.plural(spec.description_key, listing.term.count, tag=listing.term.name)
        else:
            default = settings.site_description or strings["blog_description"]
        targets = [p.src_uri for p in listing.posts]
    else:
        taxonomy = blog.taxonomies[plan.overviews[uri]]
        default = strings[taxonomy.spec.overview_description_key]
        targets = [blog.term_uri(taxonomy.name, term.slug) for term in taxonomy.terms]
    items = tuple(url for target in targets if (url := plan.absolute(target)))
    facts = PageFacts(
        kind="listing",
        title=page.title,
        description=own_description or default,
        image=image,
        items=items,
        **common,
    )
    return facts, problems


def page_share_input(plan: Plan, page: PageInput) -> ShareInput | None:
    """The share fields an author wrote on a page that is not a post, for the linter.

    Only a page with its own ``description`` or ``image`` is checked: a docs
    page without them shows the site's, checked once. An image that was not
    found is left out, as `page_facts` reports it already.
    """
    if plan.role(page.src_uri) == "post" or not plan.settings.meta:
        return None
    if plan.role(page.src_uri) is None and plan.settings.meta_scope == "blog":
        return None
    fields = plan.settings.fields
    if "description" not in page.meta and not any(key in page.meta for key in fields["image"]):
        return None  # most pages: nothing of their own to check
    image_value, alt, _ = read_image(page.meta, fields)
    description = page.meta.get("description")
    description = description if isinstance(description, str) and description.strip() else None
    if image_value is None and description is None:
        return None
    found = plan.images.resolve(image_value, alt, page.src_uri) if image_value else None
    return ShareInput(
        src_uri=page.src_uri,
        kind="page",
        title=page.title,
        description=description,
        image_value=image_value if found is not None else None,
        image=found[0] if found is not None else None,
        alt=alt,
    )
