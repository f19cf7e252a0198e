"""The share-preview page: each post's link as the platforms will show it, from its head meta.

The page is built from the `HeadMeta` each post's ``<head>`` got in this build,
so the title, description, image and card type it shows are the ones crawlers
read. Each platform cuts the title and the description at its own length
(`PLATFORMS`); the page shows them cut there, with the linter's findings for
the post beside the cards. Pure: the event layer records the head meta and
writes the rendered page.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from .lint import Finding, Limits
from .meta import HeadMeta
from .views import View

__all__ = ["PLATFORMS", "Platform", "PreviewPost", "cut", "preview_page"]

PREVIEW_NAME = "share-preview"
"""The page's name under the blog folder: ``blog/share-preview/`` (or ``blog/share-preview.html``)."""


@dataclasses.dataclass(frozen=True)
class Platform:
    """Where a shared link is shown, and how much of its title and description it shows."""

    key: str
    name: str
    title: int
    """Characters of the title shown (about; the platforms cut by width)."""
    description: int
    """Characters of the description shown; 0 when the platform shows none."""


_LIMITS = Limits()

PLATFORMS: tuple[Platform, ...] = (
    # X's card documentation: title up to 70 characters, description up to 200.
    Platform("x", "X", _LIMITS.title_x, _LIMITS.description_x),
    # Open Graph consumers show about 300 characters of og:description (observed), the title on two lines.
    Platform("facebook", "Facebook, LinkedIn", 100, _LIMITS.description_og),
    Platform("chat", "Slack, Discord", 150, _LIMITS.description_og),
    # Search results: titles cut at about 600 px (about 60 characters), snippets at about 160 (observed).
    Platform("search", "Search result", 60, _LIMITS.description_search),
)


def cut(text: str | None, limit: int) -> tuple[str, bool]:
    """``(shown, was_cut)``: ``text`` cut at a word boundary before ``limit`` characters, with ``…``."""
    if not text:
        return "", False
    if len(text) <= limit:
        return text, False
    if limit <= 1:
        return "…", True
    head = text[: limit - 1]
    word = head.rsplit(" ", 1)[0] if " " in head else head
    return word.rstrip(" ,;:.!?") + "…", True


@dataclasses.dataclass(frozen=True)
class PreviewPost:
    """One post as its head meta has it, with URLs as seen from the preview page."""

    src_uri: str
    url: str
    """The post's page, relative to the preview page."""
    meta: HeadMeta
    image_url: str | None = None
    """The share image as the preview page can load it (relative, or the outside URL)."""
    draft: bool = False


def _domain(url: str | None) -> str:
    return urlsplit(url).netloc if url else ""


def _entry(post: PreviewPost, findings: Sequence[Finding]) -> View:
    props = dict(post.meta.properties)
    names = dict(post.meta.names)
    # Counted as the linter counts them: NFC characters.
    title = unicodedata.normalize("NFC", props.get("og:title") or names.get("twitter:title") or "")
    description = unicodedata.normalize(
        "NFC", props.get("og:description") or names.get("twitter:description") or ""
    )
    cards = []
    for platform in PLATFORMS:
        shown_title, title_cut = cut(title, platform.title)
        shown_description, description_cut = cut(description, platform.description)
        cards.append(
            View(
                key=platform.key,
                name=platform.name,
                title=shown_title,
                title_cut=title_cut,
                title_limit=platform.title,
                description=shown_description,
                description_cut=description_cut,
                description_limit=platform.description,
            )
        )
    return View(
        src_uri=post.src_uri,
        url=post.url,
        title=title,
        description=description or "",
        description_length=len(description or ""),
        image=View(url=post.image_url, alt=props.get("og:image:alt", ""), absolute=props.get("og:image", ""))
        if post.image_url
        else None,
        image_size=(
            f"{props['og:image:width']}x{props['og:image:height']}" if "og:image:width" in props else None
        ),
        large_card=names.get("twitter:card") == "summary_large_image",
        twitter_card=names.get("twitter:card", ""),
        site_name=props.get("og:site_name", ""),
        domain=_domain(props.get("og:url")),
        canonical=props.get("og:url", ""),
        draft=post.draft,
        cards=cards,
        findings=list(findings),  # the template reads rule, level, field, message and fix
        warnings=sum(1 for f in findings if f.level == "warning"),
    )


def preview_page(posts: Iterable[PreviewPost], findings: Iterable[Finding]) -> View:
    """The context of ``share_preview.html``: every post, newest first as given, with its findings."""
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.src_uri, []).append(finding)
    entries = [_entry(post, by_file.get(post.src_uri, ())) for post in posts]
    return View(
        posts=entries,
        platforms=[View(key=p.key, name=p.name, title=p.title, description=p.description) for p in PLATFORMS],
        bad=sum(1 for entry in entries if entry["warnings"]),
        site_findings=by_file.get("mkdocs.yml", []),  # the default image's
    )
