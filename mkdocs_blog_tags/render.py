"""One Jinja environment for every blog template, overridable from the theme.

MkDocs' own environment does not autoescape; ours does, so a front-matter
value can never become markup by accident. The loader looks in the theme's
folders first (``custom_dir/blog_tags/entry.html`` replaces ours), then in the
package.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import jinja2

from .blog import ListingPage
from .excerpts import prefix_links
from .i18n import Strings
from .posts import Post
from .views import View, Views

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["HEADER_SLOT", "Renderer", "theme_partials"]

# Stands for a hand-written page's content while the listing around it is rebased.
_INTRO_MARK = "<!-- blog-tags: intro -->"
# Where a post's header goes in page.content; the header itself is put there when the page is written.
HEADER_SLOT = "<!-- blog-tags: post header -->"
_ENTRY_OPEN = '<div class="h-entry blog-tags-post">'
_ENTRY_OPEN_RTL = '<div class="h-entry blog-tags-post" dir="rtl">'
_ENTRY_CLOSE = "</div>"
_H1_OPEN = re.compile(r"<h1\b", re.IGNORECASE)
_H1_CLOSE = re.compile(r"</h1\s*>", re.IGNORECASE)


def _as_is(value: Any) -> Any:
    return value


def theme_partials(env: jinja2.Environment, strings: Any) -> None:
    """Let a theme's templates ``{% include "blog_tags/tag_list.html" %}``: the package's templates
    after the theme's own, ``blog_url`` as MkDocs' ``url`` filter, the words as ``t``."""
    package = jinja2.PackageLoader("mkdocs_blog_tags", "templates")
    env.loader = jinja2.ChoiceLoader([env.loader, package]) if env.loader is not None else package
    env.filters.setdefault("blog_url", env.filters.get("url", _as_is))
    env.globals.setdefault("t", strings)


class Renderer:
    """Renders ``blog_tags/<name>`` templates with autoescaping on."""

    def __init__(self, theme_dirs: Sequence[str]) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(
                [
                    jinja2.FileSystemLoader(list(theme_dirs)),
                    jinja2.PackageLoader("mkdocs_blog_tags", "templates"),
                ]
            ),
            autoescape=jinja2.select_autoescape(enabled_extensions=("html", "xml")),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            # Templates do not change during a build; without this every {% include %} stats its file.
            auto_reload=False,
            cache_size=-1,
        )
        # The partials print URLs through blog_url: here they are already right (relative, or
        # rebased afterwards); a theme that includes them maps it to MkDocs' url filter.
        self.env.filters["blog_url"] = _as_is

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(f"blog_tags/{name}").render(**context)

    def source(self, name: str) -> str:
        """The text of ``blog_tags/<name>`` as found by the loader (for static assets)."""
        loader = self.env.loader
        assert loader is not None
        return loader.get_source(self.env, f"blog_tags/{name}")[0]

    def post_header(
        self, views: Views, post: Post, page_url: str, html: str, header: Mapping[str, bool], t: Strings
    ) -> tuple[str, str]:
        """``(content, rest)``: the post's HTML with its header's title part and a slot, and the rest.

        Until the page is written, page.content holds the header only up to its
        own ``<h1>`` (themes look there for a title) and then `HEADER_SLOT`:
        search indexes, and other plugins read, the post's text rather than its
        date, reading time and tag names, which were a fifth of the search
        plugin's work on a post. The layer puts ``rest`` in the slot at the end.
        """
        has_h1 = _H1_OPEN.search(html) is not None
        rendered = self.render(
            "post_header.html", post=views.post(post, page_url), show_title=not has_h1, header=header, t=t
        )
        title_end = _H1_CLOSE.search(rendered) if not has_h1 else None
        cut = title_end.end() if title_end else 0
        inline = rendered[:cut] + HEADER_SLOT
        closing = _H1_CLOSE.search(html) if has_h1 else None
        at = closing.end() if closing is not None else 0
        content = html[:at] + inline + html[at:]
        # The whole post is one mf2 h-entry; its properties are in the header. A right-to-left
        # language turns the whole post, on themes that set no dir (mkdocs, readthedocs).
        opening = _ENTRY_OPEN_RTL if t.direction == "rtl" else _ENTRY_OPEN
        return opening + content + _ENTRY_CLOSE, rendered[cut:]

    def generated_page(
        self, plan: Plan, views: Views, src_uri: str, page_url: str, *, title: str, intro_html: str
    ) -> str:
        """The content of a listing page or of a grouping's overview, around a hand-written intro."""
        context: dict[str, Any] = {
            "title": title,
            "show_title": _H1_OPEN.search(intro_html) is None,
            "intro_html": intro_html,
            "t": plan.settings.strings,
        }
        listing = plan.listings.get(src_uri)
        if listing is not None:
            return self.listing(views, listing, page_url, **context)
        overview: View = views.overview(plan.overviews[src_uri], page_url)
        if overview["taxonomy"] != "tags":
            return self.render("overview.html", overview=overview, **context)
        return self.render("tags.html", tags_index=overview, overview=overview, **context)

    def listing(
        self, views: Views, listing: ListingPage, page_url: str, *, intro_html: str, **context: Any
    ) -> str:
        """A listing page's HTML; each post's entry is rendered once per build and template.

        A tag page shows the compact ``tag_entry.html``, every other listing
        ``entry.html`` cards. The listing is rendered with site-relative URLs and
        rebased to its page in one pass; a hand-written intro keeps its own links untouched.
        """
        view = views.listing(listing)
        t = context.get("t")
        compact = listing.kind == "tag"
        if listing.kind == "index" and len(views.blog.taxonomies) == 1:
            # Only the blog index shows cards, each post once: they are not worth keeping in memory.
            entries_html = [self.render("entry.html", entry=entry, t=t) for entry in view["entries"]]
        else:
            # A post is on the page of each of its tags (compact entries) and, as a card, on the index
            # and its archive, categories and authors: each is rendered once per build.
            cache = views.tag_entries_html if compact else views.cards_html
            name = "tag_entry.html" if compact else "entry.html"
            entries_html = []
            for entry in view["entries"]:
                if entry.src_uri not in cache:
                    cache[entry.src_uri] = self.render(name, entry=entry, t=t)
                entries_html.append(cache[entry.src_uri])
        html = self.render(
            "listing.html",
            listing=view,
            entries_html=entries_html,
            intro_html=_INTRO_MARK if intro_html else "",
            **context,
        )
        return prefix_links(html, page_url).replace(_INTRO_MARK, intro_html, 1)
