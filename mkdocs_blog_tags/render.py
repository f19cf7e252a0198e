"""One Jinja environment for every blog template, overridable from the theme.

MkDocs' own environment does not autoescape; ours does, so a front-matter
value can never become markup by accident. The loader looks in the theme's
folders first (``custom_dir/blog_tags/entry.html`` replaces ours), then in the
package.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jinja2

from .blog import ListingPage
from .excerpts import prefix_links
from .views import Views

__all__ = ["Renderer"]

# Stands for a hand-written page's content while the listing around it is rebased.
_INTRO_MARK = "<!-- blog-tags: intro -->"


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

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(f"blog_tags/{name}").render(**context)

    def source(self, name: str) -> str:
        """The text of ``blog_tags/<name>`` as found by the loader (for static assets)."""
        loader = self.env.loader
        assert loader is not None
        return loader.get_source(self.env, f"blog_tags/{name}")[0]

    def listing(
        self, views: Views, listing: ListingPage, page_url: str, *, intro_html: str, **context: Any
    ) -> str:
        """A listing page's HTML; each post's entry is rendered once per build and template.

        The blog index shows ``entry.html`` cards, a tag page the compact
        ``tag_entry.html``. The listing is rendered with site-relative URLs and
        rebased to its page in one pass; a hand-written intro keeps its own links untouched.
        """
        view = views.listing(listing)
        t = context.get("t")
        if listing.kind == "index":
            # The blog index shows each post once: its cards are not worth keeping in memory.
            entries_html = [self.render("entry.html", entry=entry, t=t) for entry in view["entries"]]
        else:
            # A post is on the page of each of its tags: its compact entry is rendered once.
            cache = views.tag_entries_html
            entries_html = []
            for entry in view["entries"]:
                if entry.src_uri not in cache:
                    cache[entry.src_uri] = self.render("tag_entry.html", entry=entry, t=t)
                entries_html.append(cache[entry.src_uri])
        html = self.render(
            "listing.html",
            listing=view,
            entries_html=entries_html,
            intro_html=_INTRO_MARK if intro_html else "",
            **context,
        )
        return prefix_links(html, page_url).replace(_INTRO_MARK, intro_html, 1)
