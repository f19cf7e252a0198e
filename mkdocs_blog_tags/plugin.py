"""The MkDocs event layer: gathers files and pages, calls the pure core, applies the result.

Flow, one direction: ``on_files`` reads every post's front matter once and
builds the `Blog`, adding the listing pages as virtual files;
``on_page_content`` keeps each post's excerpt, renders its header and leaves a slot for it;
``on_page_context`` fills the listing pages (every post is rendered by then);
``on_post_page`` puts each header in its slot (priority 100, after search has read the page)
and writes the share meta and ``<link>`` tags into ``<head>`` (priority -50);
``on_post_build`` writes the feeds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
import json
import mimetypes
import os
import posixpath
import re
from pathlib import Path
from typing import Any

import imagesize
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import __version__, feeds
from .blog import Blog, Layout, ListingPage, build_blog
from .config import BlogTagsConfig
from .dates import DateError, get_timezone
from .excerpts import absolutize_links, first_paragraph, make_excerpt, strip_leading_h1
from .feeds import Feed, FeedEntry
from .head import escape_title_element, insert_into_head, remove_head_tags
from .i18n import Strings, normalize_locale, og_locale
from .images import locate_image
from .meta import HeadMeta, ImageInfo, PageFacts, build_head_meta, plain_text
from .posts import Post, Problem, read_image, read_post
from .render import Renderer
from .taxonomy import Collision, Tag
from .urls import quote_path, relative_url
from .views import Excerpt, View, Views

__all__ = ["BlogTagsPlugin"]

log = get_plugin_logger(__name__)

CSS_URI = "assets/blog-tags.css"
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
WRITERS = {"rss": feeds.rss, "atom": feeds.atom, "json": feeds.json_feed}
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_H1_OPEN = re.compile(r"<h1\b", re.IGNORECASE)
_H1_CLOSE = re.compile(r"</h1\s*>", re.IGNORECASE)
# Where a post's header goes in page.content; the header itself is put there in on_post_page.
HEADER_SLOT = "<!-- blog-tags: post header -->"


def _yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar: JSON's quoting, plus escapes for what YAML reads differently.

    YAML treats NEL, U+2028 and U+2029 as line breaks and refuses C1 controls and
    other non-printable characters, which JSON leaves raw.
    """
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False))


def _theme_language(config: MkDocsConfig) -> str | None:
    """The theme's language: ``theme.locale`` (mkdocs, readthedocs) or ``theme.language`` (Material)."""
    for key in ("language", "locale"):
        value = config.theme.get(key)
        if value:
            return str(value)
    return None


def _nav_mentions(nav: Any, uri: str) -> bool:
    if isinstance(nav, str):
        return posixpath.normpath(nav) == uri
    if isinstance(nav, dict):
        return any(_nav_mentions(v, uri) for v in nav.values())
    if isinstance(nav, list):
        return any(_nav_mentions(v, uri) for v in nav)
    return False


class BlogTagsPlugin(BasePlugin[BlogTagsConfig]):
    """``- blog-tags`` in mkdocs.yml."""

    def __init__(self) -> None:
        self._command = "build"
        # Excerpts outlive a build: under `serve --dirty` unchanged posts are not rendered again.
        self._excerpts: dict[str, Excerpt] = {}
        self._read_cache: dict[str, tuple[tuple[object, ...], Post | None, list[Problem]]] = {}
        # What each site folder received from the last build of this process (for --dirty).
        self._previous_outputs: dict[str, set[str]] = {}
        self._contents: dict[str, Excerpt] = {}
        self._reset()

    def _reset(self) -> None:
        """Forget everything about the previous build (serve keeps this instance alive)."""
        self._blog: Blog | None = None
        self._views: Views | None = None
        self._renderer: Renderer | None = None
        self._strings: Strings | None = None
        self._tz: dt.tzinfo = dt.timezone.utc
        self._posts: dict[str, Post] = {}
        self._listings: dict[str, ListingPage] = {}
        self._raw_titles: dict[str, str] = {}
        self._post_headers: dict[str, str] = {}
        self._feed_links: dict[str | None, list[tuple[str, str, str]]] = {}
        self._files: Files | None = None
        self._outputs: list[str] = []
        self._images: dict[str, tuple[ImageInfo, str]] = {}
        self._post_images: dict[str, tuple[ImageInfo, str]] = {}
        self._locale = "en"
        self._read_options: tuple[object, ...] = ()
        self._header: View = View()
        self._site_url: str | None = None
        self._site_name = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    # -- configuration -----------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._reset()
        try:
            self._tz = get_timezone(self.config.timezone)
        except DateError as err:
            raise PluginError(f"blog-tags: 'timezone': {err}") from err
        locale = normalize_locale(self.config.locale or _theme_language(config))
        unknown = sorted(set(self.config.strings) - Strings.KEYS)
        if unknown:
            raise PluginError(f"blog-tags: 'strings': unknown keys {', '.join(unknown)}")
        self._strings = Strings(locale, self.config.strings)
        # What a post's reading depends on besides its file (part of the read cache's key).
        self._read_options = (repr(self.config.fields), str(self._tz), self.config.words_per_minute)
        # Plain values for the per-post template: a Config object's attributes are slow descriptors.
        self._header = View({key: bool(value) for key, value in self.config.header.items()})
        self._locale = locale
        self._site_url = config.site_url or None
        self._site_name = config.site_name
        if (self.config.meta or self._feed_formats()) and not self._site_url:
            log.warning(
                "'site_url' is not set in mkdocs.yml: og:url, og:image, canonical links and other "
                "absolute URLs are left out of every page, and no feed is written. Set site_url to "
                "the address the site is published at."
            )
        self._renderer = Renderer(config.theme.dirs)
        if self.config.css and CSS_URI not in config.extra_css:
            config.extra_css.append(CSS_URI)
        index_uri = self._layout().index_uri()
        if self.config.add_to_nav and config.nav and not _nav_mentions(config.nav, index_uri):
            config.nav.append({self._strings["blog"]: index_uri})
        return config

    def _layout(self) -> Layout:
        return Layout(
            blog_dir=posixpath.normpath(self.config.blog_dir.strip("/")) or ".",
            tags_dir=self.config.tags_dir.strip("/"),
            page_dir=self.config.page_dir.strip("/"),
        )

    # -- files: read posts, build the model, add the generated pages ---------------------------

    def _is_post(self, file: File, blog_dir: str) -> bool:
        if not file.is_documentation_page() or file.inclusion.is_excluded():
            return False
        if posixpath.basename(file.src_uri) in {"index.md", "README.md"}:
            return False
        prefix = "" if blog_dir == "." else blog_dir + "/"
        if not file.src_uri.startswith(prefix):
            return False
        inner = file.src_uri[len(prefix) :]
        return any(fnmatch.fnmatchcase(inner, p) for p in self.config.include) and not any(
            fnmatch.fnmatchcase(inner, p) for p in self.config.exclude
        )

    def _report(self, problem: Problem) -> None:
        log.warning("%s", problem)

    @event_priority(-50)  # after plugins that generate posts of their own
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        layout = self._layout()
        now = dt.datetime.now(dt.timezone.utc)
        show_drafts = self.config.drafts_on_serve and self._command == "serve"
        drafts: set[str] = set()
        published: list[Post] = []
        for file in [f for f in files if self._is_post(f, layout.blog_dir)]:
            post = self._read(file)
            if post is None:
                file.inclusion = InclusionLevel.EXCLUDED
                continue
            if post.draft or post.is_future(now):
                if not show_drafts:
                    file.inclusion = InclusionLevel.EXCLUDED
                    continue
                drafts.add(post.src_uri)
                file.inclusion = InclusionLevel.DRAFT
            elif file.inclusion.is_in_nav():
                # A nav listing every post makes every page render it: quadratic build time.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            published.append(post)
            self._posts[post.src_uri] = post

        blog = build_blog(
            published,
            layout=layout,
            per_page=self.config.per_page,
            tag_per_page=self.config.tag_per_page,
            slug_mode="unicode" if self.config.slug_mode == "unicode" else "transliterate",
            tag_slugs=self.config.tag_slugs,
        )
        for collision in blog.collisions:
            self._warn_collision(collision)
        self._blog = blog
        self._add_generated_pages(files, config, blog)
        if self.config.css and files.get_file_from_path(CSS_URI) is None:
            assert self._renderer is not None
            css = self._renderer.source("style.css")
            files.append(File.generated(config, CSS_URI, content=css))

        self._files = files
        pages = {uri: f for uri in self._all_uris(blog) if (f := files.get_file_from_path(uri))}
        self._outputs = [f.dest_uri for f in pages.values()]
        self._post_images = self._resolve_post_images()
        if self.config.default_image and self._default_image() is None:
            log.warning("'default_image': %r was not found in docs_dir", self.config.default_image)
        assert self._strings is not None
        self._views = Views(
            blog=blog,
            url_of={uri: f.url for uri, f in pages.items()},
            image_url_of={uri: local for uri, (_, local) in self._post_images.items()},
            excerpts=self._excerpts,
            strings=self._strings,
            date_format=self.config.date_format,
            drafts=frozenset(drafts),
        )
        return files

    def _read(self, file: File) -> Post | None:
        """Read a post's front matter, or reuse the reading of an unchanged file (serve rebuilds)."""
        key = self._cache_key(file)
        cached = self._read_cache.get(file.src_uri) if key else None
        if cached is not None and cached[0] == key:
            post, problems = cached[1], cached[2]
        else:
            try:
                text = file.content_string
            except UnicodeDecodeError as err:
                self._report(Problem(file.src_uri, "", f"is not UTF-8 text ({err.reason}); skipped"))
                return None
            post, problems = read_post(
                file.src_uri,
                text,
                fields=self.config.fields,
                tz=self._tz,
                words_per_minute=self.config.words_per_minute,
            )
            if key:
                self._read_cache[file.src_uri] = (key, post, problems)
        for problem in problems:
            self._report(problem)
        return post

    def _cache_key(self, file: File) -> tuple[object, ...] | None:
        """What a post's reading depends on: the file's identity and the options that shape it."""
        if file.generated_by or not file.abs_src_path:
            return None
        try:
            stat = os.stat(file.abs_src_path)  # noqa: PTH116 -- once per post; pathlib parsing costs more
        except OSError:
            return None
        return (file.abs_src_path, stat.st_mtime_ns, stat.st_size, self._read_options)

    def _warn_collision(self, collision: Collision) -> None:
        names = ", ".join(f"'{name}'" for name, _ in collision.assigned)
        pages = ", ".join(f"'{name}' -> {slug}" for name, slug in collision.assigned)
        log.warning(
            "tags %s all give the slug '%s'; they keep separate pages: %s. "
            "Choose slugs with the 'tag_slugs' option to silence this.",
            names,
            collision.slug,
            pages,
        )

    def _all_uris(self, blog: Blog) -> list[str]:
        return [*self._posts, *(li.src_uri for li in blog.listings), blog.tags_index_uri]

    def _add_generated_pages(self, files: Files, config: MkDocsConfig, blog: Blog) -> None:
        """Add the listing pages and the tags overview; a user's own file at that path is kept."""
        strings = self._strings
        assert strings is not None
        for listing in blog.listings:
            title = self._listing_title(listing, strings)
            self._listings[listing.src_uri] = listing
            in_nav = listing.kind == "index" and listing.number == 1
            # Later pages would only add "Page 2 of 9" titles to search results (Material honours this).
            self._add_page(files, config, listing.src_uri, title, in_nav, searchable=listing.number == 1)
        self._add_page(files, config, blog.tags_index_uri, strings["tags_title"], False)

    def _add_page(
        self, files: Files, config: MkDocsConfig, uri: str, title: str, in_nav: bool, searchable: bool = True
    ) -> None:
        if files.get_file_from_path(uri) is not None:
            return
        # A JSON string is a valid YAML scalar, and json.dumps is far cheaper than yaml.safe_dump.
        content = "---\ntitle: " + _yaml_string(title) + "\n"
        if not searchable:
            content += "search:\n  exclude: true\n"
        content += "---\n"
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))

    @staticmethod
    def _listing_title(listing: ListingPage, strings: Strings) -> str:
        if listing.tag is not None:
            title = strings.format("tag_title", tag=listing.tag.name)
        else:
            title = strings["blog"]
        if listing.number > 1:
            title += " – " + strings.format("page_of", number=listing.number, count=listing.count)
        return title

    def _image(self, image: str, alt: str | None, from_uri: str) -> tuple[ImageInfo, str] | None:
        """A share image and its site-relative URL; outside URLs kept, size and type read from the file."""
        files = self._files
        assert files is not None
        ref = locate_image(image, from_uri, lambda uri: uri in files.src_uris)
        if ref.url:
            url = quote_path("https:" + ref.url if ref.url.startswith("//") else ref.url)
            return ImageInfo(url, alt, type=mimetypes.guess_type(url.split("?")[0])[0]), url
        if ref.src_uri is None:
            return None
        found = self._file_image(ref.src_uri)
        return dataclasses.replace(found[0], alt=alt), found[1]

    def _file_image(self, src_uri: str) -> tuple[ImageInfo, str]:
        """A docs file as a share image; its header is read once per build, however many posts use it."""
        if src_uri in self._images:
            return self._images[src_uri]
        file = self._files.get_file_from_path(src_uri) if self._files else None
        assert file is not None
        width = height = length = None
        if file.abs_src_path:
            try:
                width, height = imagesize.get(file.abs_src_path)
                length = Path(file.abs_src_path).stat().st_size
            except (OSError, ValueError):
                width = height = -1
        url = self._absolute(file.url) or file.url
        info = ImageInfo(
            url,
            None,
            width=width if width and width > 0 else None,
            height=height if height and height > 0 else None,
            type=mimetypes.guess_type(file.src_uri)[0],
            absolute=bool(self._site_url),
            length=length,
        )
        self._images[src_uri] = (info, file.url)
        return info, file.url

    def _resolve_post_images(self) -> dict[str, tuple[ImageInfo, str]]:
        found: dict[str, tuple[ImageInfo, str]] = {}
        for post in self._posts.values():
            if not post.image:
                continue
            info = self._image(post.image, post.image_alt, post.src_uri)
            if info is None:
                tried = " or ".join(locate_image(post.image, post.src_uri, lambda _: False).tried)
                self._report(
                    Problem(post.src_uri, "image", f"{post.image!r} was not found (looked for {tried})")
                )
                continue
            kind = info[0].type
            if kind is not None and not kind.startswith("image/"):
                self._report(Problem(post.src_uri, "image", f"{post.image!r} is not an image ({kind})"))
                continue
            if not post.image_alt:
                self._report(
                    Problem(post.src_uri, "image", "has no alt text; add 'image_alt' (or imageAltAttribute)")
                )
            found[post.src_uri] = info
        return found

    # -- pages ---------------------------------------------------------------------------------

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        post = self._posts.get(page.file.src_uri)
        if post is None or self._views is None or self._renderer is None:
            return html
        excerpt, explicit = make_excerpt(html, self.config.excerpt_separator)
        if excerpt is None:
            excerpt = first_paragraph(strip_leading_h1(html)) or ""
        self._excerpts[post.src_uri] = Excerpt(excerpt, page.url, explicit)
        if self.config.feeds.full_content:
            self._contents[post.src_uri] = Excerpt(strip_leading_h1(html), page.url, True)

        has_h1 = _H1_OPEN.search(html) is not None
        header = self._renderer.render(
            "post_header.html",
            post=self._views.post(post, page.url),
            show_title=not has_h1,
            header=self._header,
            t=self._strings,
        )
        # Until the page is written, page.content holds the header only up to its own <h1>
        # (themes look there for a title) and then a slot: search indexes, and other plugins
        # read, the post's text rather than its date, reading time and tag names, which were a
        # fifth of the search plugin's work on a post. `_fill_header_slot` puts the rest back.
        title_end = _H1_CLOSE.search(header) if not has_h1 else None
        cut = title_end.end() if title_end else 0
        self._post_headers[post.src_uri] = header[cut:]
        inline = header[:cut] + HEADER_SLOT
        closing = _H1_CLOSE.search(html) if has_h1 else None
        if closing is None:
            return inline + html
        return html[: closing.end()] + inline + html[closing.end() :]

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        uri = page.file.src_uri
        if self._views is None or self._renderer is None or self._blog is None:
            return context
        if uri in self._posts or uri in self._listings or uri == self._blog.tags_index_uri:
            self._escape_page_title(page)
        listing = self._listings.get(uri)
        if listing is None and uri != self._blog.tags_index_uri:
            return context
        intro = page.content or ""
        common: dict[str, Any] = {
            "title": self._raw_titles.get(uri, page.title or ""),
            "show_title": _H1_OPEN.search(intro) is None,
            "intro_html": intro,
            "t": self._strings,
        }
        if listing is not None:
            page.content = self._renderer.listing(self._views, listing, page.url, **common)
        else:
            page.content = self._renderer.render(
                "tags.html", tags_index=self._views.tags_index(page.url), **common
            )
        return context

    def _escape_page_title(self, page: Page) -> None:
        """Hand themes an HTML-escaped title: they print ``page.title`` and ``page.meta.title`` raw.

        MkDocs' Jinja environment does not autoescape, so a title like
        ``Q&A </title><script>`` would become markup in every theme's ``<title>``,
        breadcrumbs or header. Our own templates print the unescaped model value.
        """
        title = page.title
        if not title or not any(ch in title for ch in '<>&"'):
            return
        self._raw_titles[page.file.src_uri] = title
        page.title = str(escape(title))
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = str(escape(page.meta["title"]))

    @event_priority(100)  # before any plugin that rewrites the page (minifiers drop comments)
    def _fill_header_slot(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        header = self._post_headers.pop(page.file.src_uri, None)
        if header is None:
            return output
        return output.replace(HEADER_SLOT, header, 1)

    @event_priority(-50)  # after theme-related plugins have written their own head tags
    def _add_head_tags(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._renderer is None or self._views is None:
            return output
        uri = page.file.src_uri
        if uri in self._raw_titles:
            output = escape_title_element(output, self._raw_titles[uri])
        meta = self._head_meta(page, config)
        links = self._head_links(page)
        if uri in self._listings and page.file.generated_by:
            # MkDocs keeps every page's HTML until the build ends; a generated listing's copy is
            # needed by nobody once its page is written (at 1,000 posts: ~20 MB of peak memory).
            page.content = ""
        if meta is None and not links:
            return output
        if meta is not None:
            keys = set(meta.keys) | ({"description"} if meta.description else set())
            raw = [v for v in (page.meta.get("description"), config.site_description) if isinstance(v, str)]
            output = remove_head_tags(output, keys, canonical=meta.canonical is not None, raw_values=raw)
        return insert_into_head(output, self._renderer.render("head.html", meta=meta, links=links))

    on_post_page = CombinedEvent(_fill_header_slot, _add_head_tags)

    def _head_links(self, page: Page) -> list[View]:
        """Pager links of a listing, and feed autodiscovery on listings and posts."""
        uri = page.file.src_uri
        listing = self._listings.get(uri)
        if self._views is None or self._blog is None or (listing is None and uri not in self._posts):
            return []
        links: list[View] = []
        if listing is not None:
            url_of = self._views.url_of
            links += [
                View(rel=rel, href=relative_url(url_of[target], page.url), type=None, title=None)
                for rel, target in (("prev", listing.newer_uri), ("next", listing.older_uri))
                if target
            ]
        tag = listing.tag if listing is not None else None
        if self._site_url and (tag is None or self.config.feeds.tags):
            links += [
                View(rel="alternate", href=relative_url(path, page.url), type=kind, title=title)
                for path, kind, title in self._feed_links_of(tag)
            ]
        return links

    def _feed_links_of(self, tag: Tag | None) -> list[tuple[str, str, str]]:
        """(site path, MIME type, title) of the feeds of the blog or of one tag; once per build."""
        key = tag.slug if tag else None
        if key not in self._feed_links:
            title = self._feed_title(tag.name if tag else None)
            self._feed_links[key] = [
                (path, FEED_TYPES[kind], title) for kind, path in self._feed_paths(key).items()
            ]
        return self._feed_links[key]

    # -- feeds ---------------------------------------------------------------------------------

    def _feed_formats(self) -> list[str]:
        feeds = self.config.feeds
        return [kind for kind, on in (("rss", feeds.rss), ("atom", feeds.atom), ("json", feeds.json)) if on]

    def _feed_paths(self, tag_slug: str | None) -> dict[str, str]:
        """Site-relative paths of the feeds of the blog (``None``) or of one tag."""
        assert self._blog is not None
        layout = self._blog.layout
        folder = posixpath.dirname(layout.tag_uri(tag_slug) if tag_slug else layout.index_uri())
        names = {"rss": self.config.feeds.rss_name, "atom": self.config.feeds.atom_name}
        if tag_slug is None:
            names["json"] = self.config.feeds.json_name
        return {
            kind: posixpath.join(folder, names[kind]) if folder else names[kind]
            for kind in self._feed_formats()
            if kind in names
        }

    def _feed_title(self, tag_name: str | None) -> str:
        assert self._strings is not None
        site = self._site_name
        return f"{site} – {self._strings.format('tag_title', tag=tag_name)}" if tag_name else site

    def _feed_entry(self, post: Post) -> FeedEntry:
        assert self._views is not None and self._site_url is not None and self._blog is not None
        url = self._site_url + self._views.url_of[post.src_uri]
        excerpt = self._views.excerpt(post)
        if excerpt is not None:
            summary_html = absolutize_links(excerpt.html, self._site_url + excerpt.base_url)
        else:  # the description: plain text, escaped so that it reads the same as HTML
            summary_html = str(escape(post.description or ""))
        content = self._contents.get(post.src_uri) if self.config.feeds.full_content else None
        image = self._post_images.get(post.src_uri)
        return FeedEntry(
            id=url,
            title=post.title,
            url=url,
            published=post.date,
            updated=post.updated,
            summary_html=summary_html,
            content_html=absolutize_links(content.html, url) if content else None,
            tags=tuple(tag.name for tag in self._blog.tags_of(post)),
            authors=post.authors,
            image_url=image[0].url if image else None,
            image_type=image[0].type if image else None,
            image_length=image[0].length if image else None,
        )

    # Before the search plugin writes its index, the largest allocation of a build: the model and
    # the rendered entries are released first (at 10,000 posts, tens of MB off the peak).
    @event_priority(100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds, delete what an earlier build in this process wrote and this one did not."""
        self._write_feeds(config)
        self._remove_stale_outputs(config)
        self._release()

    def _release(self) -> None:
        """Drop what only this build needed; keep the caches that serve rebuilds reuse."""
        self._reset()
        if self._command != "serve":
            feeds.clear_caches()

    def _remove_stale_outputs(self, config: MkDocsConfig) -> None:
        """Under ``--dirty`` the site folder is not cleaned: a renamed tag's old page would survive."""
        site_dir = Path(config.site_dir).resolve()
        current = set(self._outputs)
        for rel in sorted(self._previous_outputs.get(str(site_dir), set()) - current):
            target = (site_dir / rel).resolve()
            if target.is_relative_to(site_dir) and target.is_file():
                target.unlink()
                folder = target.parent
                while folder != site_dir and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent
        self._previous_outputs[str(site_dir)] = current

    def _write_feeds(self, config: MkDocsConfig) -> None:
        if self._blog is None or self._strings is None or not self._site_url or not self._feed_formats():
            return
        blog, strings, limit = self._blog, self._strings, self.config.feeds.limit
        entries: dict[str, FeedEntry] = {}

        def entry(post: Post) -> FeedEntry:
            if post.src_uri not in entries:
                entries[post.src_uri] = self._feed_entry(post)
            return entries[post.src_uri]

        jobs: list[tuple[Tag | None, tuple[Post, ...]]] = [(None, blog.posts)]
        if self.config.feeds.tags:
            jobs += [(tag, blog.posts_by_tag[tag.slug]) for tag in blog.tags]
        for tag, posts in jobs:
            home = blog.layout.tag_uri(tag.slug) if tag else blog.index_uri
            paths = self._feed_paths(tag.slug if tag else None)
            feed = Feed(
                title=self._feed_title(tag.name if tag else None),
                description=(
                    strings.plural("tag_description", tag.count, tag=tag.name)
                    if tag
                    else config.site_description or strings["blog_description"]
                ),
                home_url=self._site_url + self._views_url(home),
                rss_url=self._site_url + paths["rss"] if "rss" in paths else None,
                atom_url=self._site_url + paths["atom"] if "atom" in paths else None,
                json_url=self._site_url + paths["json"] if "json" in paths else None,
                language=self._locale,
                author=config.site_author or config.site_name,
                generator="mkdocs-blog-tags",
                generator_version=__version__,
                entries=tuple(entry(p) for p in (posts[:limit] if limit else posts)),
            )
            for kind, path in paths.items():
                target = Path(config.site_dir, *path.split("/"))
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(WRITERS[kind](feed))
                self._outputs.append(path)

    def _absolute(self, url: str) -> str | None:
        # site_url always ends with "/" (MkDocs validates it) and site URLs never start with one.
        return self._site_url + url if self._site_url else None

    def _head_meta(self, page: Page, config: MkDocsConfig) -> HeadMeta | None:
        """The facts about one page, turned into head meta by the pure `build_head_meta`."""
        if not self.config.meta or self._blog is None or self._strings is None:
            return None
        uri = page.file.src_uri
        post = self._posts.get(uri)
        listing = self._listings.get(uri)
        is_tags_index = uri == self._blog.tags_index_uri
        if post is None and listing is None and not is_tags_index and self.config.meta_scope == "blog":
            return None
        strings = self._strings
        common: dict[str, Any] = {
            "site_name": config.site_name,
            "locale": self._locale,
            "og_locale": og_locale(self._locale),
            "url": page.canonical_url if self._site_url else None,
            "site_url": self._site_url,
            "twitter_site": self.config.twitter_site,
            "twitter_creator": self.config.twitter_creator,
        }
        if post is not None:
            excerpt = self._excerpts.get(uri)
            description = post.description or (plain_text(excerpt.html) if excerpt and excerpt.html else None)
            post_image = self._post_images.get(uri)
            facts = PageFacts(
                kind="post",
                title=post.title,
                description=description,
                image=post_image[0] if post_image else None if post.no_image else self._default_image(),
                published=post.date,
                modified=post.updated,
                tags=tuple(tag.name for tag in self._blog.tags_of(post)),
                section=post.categories[0] if post.categories else None,
                authors=post.authors,
                **common,
            )
            return build_head_meta(facts)

        image_value, alt, no_image = read_image(page.meta, self.config.fields)
        page_image = self._image(image_value, alt, uri) if image_value else None
        if image_value and page_image is None:
            self._report(Problem(uri, "image", f"{image_value!r} was not found; the default image is used"))
        image = page_image[0] if page_image else None if no_image else self._default_image()
        own_description = page.meta.get("description")
        own_description = own_description.strip() if isinstance(own_description, str) else None
        title = self._raw_titles.get(uri, page.title or config.site_name)
        if listing is not None or is_tags_index:
            if listing is not None and listing.tag is not None:
                description = own_description or strings.plural(
                    "tag_description", listing.tag.count, tag=listing.tag.name
                )
            elif listing is not None:
                description = own_description or config.site_description or strings["blog_description"]
            else:
                description = own_description or strings["tags_description"]
            targets = (
                [p.src_uri for p in listing.posts]
                if listing
                else [self._blog.layout.tag_uri(tag.slug) for tag in self._blog.tags]
            )
            items = tuple(url for t in targets if (url := self._absolute(self._views_url(t))))
            facts = PageFacts(
                kind="listing", title=title, description=description, image=image, items=items, **common
            )
        else:
            description = own_description or config.site_description or None
            facts = PageFacts(kind="page", title=title, description=description, image=image, **common)
        return build_head_meta(facts)

    def _views_url(self, src_uri: str) -> str:
        assert self._views is not None
        return self._views.url_of[src_uri]

    def _default_image(self) -> ImageInfo | None:
        """The site-wide share image; a missing file was reported once, in `on_files`."""
        if not self.config.default_image:
            return None
        found = self._image(self.config.default_image, self.config.default_image_alt, "index.md")
        return found[0] if found else None
