"""The MkDocs event layer: turns MkDocs objects into plain inputs, asks the core, applies the answer.

Nothing is decided here. ``on_config`` freezes the options into `Settings`;
``on_files`` reads each post candidate (through the serve cache), lets the core
select the posts and plan the build, and applies the `Plan`: inclusions,
generated files, the stylesheet. ``on_page_content`` keeps each post's excerpt
and puts its header's slot in place; ``on_page_context`` fills the listing and
overview pages; ``on_post_page`` fills the header slot (priority 100, after
search has read the page) and writes the share meta and ``<link>`` tags into
``<head>`` (priority -50); ``on_post_build`` writes the feeds and removes what a
previous ``--dirty`` build wrote and this one did not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import adapter, feeds
from . import plan as core
from .cache import ServeCache
from .config import BlogTagsConfig, Settings, blog_folder
from .folders import FolderDefaults
from .groupings import grouping_problems
from .lint import Finding, summary
from .permalinks import posts_folder
from .posts import Post, Problem, front_matter_left_in
from .render import HEADER_SLOT, Renderer, theme_partials
from .state import Build
from .views import View, Views

__all__ = ["BlogTagsPlugin"]

log = get_plugin_logger(__name__)


class BlogTagsPlugin(BasePlugin[BlogTagsConfig]):
    """``- blog-tags`` in mkdocs.yml; several entries with other ``blog_dir`` make several blogs."""

    supports_multiple_instances = True

    def __init__(self) -> None:
        self._command = "build"
        self._caches: dict[str, ServeCache] = {}
        self._language = ""
        self._build: Build | None = None

    @property
    def _cache(self) -> ServeCache:
        """What survives rebuilds, per language: mkdocs-static-i18n builds each language in turn, with
        this instance, into the same site folder (one language's outputs are not another's stale ones)."""
        return self._caches.setdefault(self._language, ServeCache())

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command

    def owns(self, src_uri: str) -> bool:
        """Whether ``src_uri`` is a page of this instance's blog (other instances leave it alone)."""
        return (
            self._build is not None
            and self._build.plan is not None
            and self._build.plan.role(src_uri) is not None
        )

    # After mkdocs-static-i18n (-100), which sets each language's theme language (and its overrides
    # of site_name...) before each language's build, with these same plugin instances.
    @event_priority(-110)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._build = None
        if not self.config.enabled:
            return config
        language = adapter.language_of(config)
        self._language = language.code if language is not None else ""
        settings = Settings.from_config(self.config, config, self._command, language)
        blogs = [p for p in config.plugins.values() if isinstance(p, BlogTagsPlugin) and p.config.enabled]
        conflict = core.claim_conflict([blog_folder(p.config) for p in blogs])
        if conflict is not None:
            raise PluginError(f"blog-tags: {conflict}")
        self._build = Build(
            settings,
            Renderer(settings.theme_dirs),
            header=View(settings.header),
            site_wide=blogs[0] is self,
            others=tuple(p.owns for p in blogs if p is not self),
        )
        for message in core.config_warnings(settings, first=blogs[0] is self):
            log.warning("%s", message)
        if settings.css and core.CSS_URI not in config.extra_css:
            config.extra_css.append(core.CSS_URI)
        return config

    # After plugins that generate posts of their own, and after mkdocs-static-i18n (-100), which
    # replaces every File by its language's (and does not expect generated ones).
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build = self._build
        if build is None:
            return files
        settings = build.settings
        folder = posts_folder(settings, files.src_uris)
        defaults = adapter.folder_defaults(files)
        for meta_problem in defaults.problems:  # the cause before the posts it leaves out
            log.warning("%s", meta_problem)
        selection, found = adapter.select_posts(
            files, settings, folder, lambda file: self._read(file, settings, defaults)
        )
        people, read_problems = adapter.read_authors(config, settings)
        tagged, tag_problems = adapter.page_tags(files, settings)
        problems: list[Problem | str] = [*read_problems, *tag_problems, *found]
        problems += grouping_problems(settings, selection.published, people)
        moved, previous = adapter.move_posts(files, config, settings, selection, folder)
        taken = adapter.occupied(files)
        blog, moves = core.relocate(
            core.make_blog(settings, selection.published, people, tagged),
            lambda src: taken.file(adapter.dest_of(config, src, settings.language)),
        )
        for taxonomy in blog.taxonomies.values():
            moves += [core.collision_message(taxonomy, collision) for collision in taxonomy.collisions]
        adapter.add_generated(files, config, build, blog)
        uris = [*(p.src_uri for p in selection.published), *blog.page_uris()]
        pages = {uri: f for uri in uris if (f := files.get_file_from_path(uri))}
        build.outputs = [f.dest_uri for f in pages.values()]
        url_of = {u: f.url for u, f in pages.items()}
        lookup = adapter.docs_lookup(files)
        plan = build.plan = core.make_plan(settings, blog, selection, url_of, lookup, taken.path, people)
        problems += [*moved, *adapter.add_redirects(files, config, build, previous)]
        for problem in [*problems, *moves, *plan.problems]:
            log.warning("%s", problem)
        _report(plan.findings)
        build.findings = list(plan.findings)
        if settings.share_preview:
            target = adapter.share_preview_target(files, config, settings)
            if isinstance(target, str):
                log.warning("%s", target)
            else:
                build.preview = target
        if settings.add_to_nav and config.nav and not core.nav_mentions(config.nav, blog.index_uri):
            config.nav.append({settings.strings["blog"]: blog.index_uri})
        adapter.rebuild_listings(pages, plan)
        post_files = [files.src_uris[p.src_uri] for p in selection.published]
        build.translations = adapter.translations(
            config, settings, post_files, lambda file: self._read(file, settings, defaults, quiet=True)
        )
        build.views = Views.of(plan, self._cache.rendered.excerpts, adapter.page_info(files))
        build.links = adapter.link_lookup(files)
        return files

    def _read(
        self, file: File, settings: Settings, defaults: FolderDefaults, *, quiet: bool = False
    ) -> Post | None:
        """A post's reading, reused while its file is unchanged (serve rebuilds); problems logged
        (unless ``quiet``: a translation's, which its own language's build reports)."""
        post, problems = adapter.read_post_file(file, settings, defaults, self._cache.reads)
        for problem in problems if not quiet else ():
            log.warning("%s", problem)
        return post

    @event_priority(-50)  # after nav plugins: awesome-nav rebuilds the whole nav in its on_nav at 100
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """One link for the blog (with its overviews under ``nav_overviews``), never every post."""
        build = self._build
        if build is None or build.plan is None:
            return nav
        return adapter.tidy_nav(build, nav, config, files)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        build = self._build
        if page.meta or build is None or build.plan is None:
            return markdown
        if not build.handles(page.file.src_uri):
            return markdown
        found = front_matter_left_in(markdown)  # front matter MkDocs could not load: not body text
        if found is None:
            return markdown
        page.meta, body = found
        return body

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        build = self._build
        if build is None or build.plan is None or build.views is None:
            return html
        # Every page is populated before any is rendered: titles are final before any nav prints them.
        problem = adapter.settle_title(build, page)
        if problem is not None:
            log.warning("%s", problem)
        post = build.plan.posts.get(page.file.src_uri)
        if post is None:
            return html
        settings = build.settings
        self._cache.rendered.add(
            post.src_uri, html, page.url, settings.excerpt_separator, settings.feeds.full_content
        )
        content, build.headers[post.src_uri] = build.renderer.post_header(
            build.views, post, page.url, html, build.header, settings.strings
        )
        return content

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        build = self._build
        if build is None or build.views is None or not build.handles(page.file.src_uri):
            return context
        for problem in adapter.fill_page(build, page, context):  # every page is read by now
            log.warning("%s", problem)
        return context

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self._build is not None and self._build.site_wide:
            theme_partials(env, self._build.settings.strings)
        return env

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        """Static templates (``404.html``, which Material's extends from ``main.html``) get ``blog`` too."""
        build = self._build
        if build is not None and build.views is not None and build.site_wide:
            context["blog"] = build.theme_blog
        return context

    @event_priority(100)  # before any plugin that rewrites the page (minifiers drop comments)
    def _fill_header_slot(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        header = self._build.headers.pop(page.file.src_uri, None) if self._build else None
        if header is None:
            return output
        return output.replace(HEADER_SLOT, header, 1)

    @event_priority(-50)  # after theme-related plugins have written their own head tags
    def _add_head_tags(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        build = self._build
        if build is None or build.plan is None:
            return output
        if not build.handles(page.file.src_uri):
            return output
        output, problems, found = adapter.head_tags(build, page, output, self._cache.rendered.excerpts)
        for problem in problems:
            log.warning("%s", problem)
        _report(found, infos=False)  # a page's information with the other pages', as the build ends
        build.findings += found
        return output

    on_post_page = CombinedEvent(_fill_header_slot, _add_head_tags)

    # Before the search plugin writes its index, the largest allocation of a build: the model and
    # the rendered entries are released first (at 10,000 posts, tens of MB off the peak).
    @event_priority(100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the feeds, delete what an earlier build in this process wrote and this one did not."""
        build, self._build = self._build, None
        outputs: list[str] = []
        if build is not None and build.plan is not None:
            adapter.write_outputs(build, config.site_dir, self._cache.rendered)
            outputs = build.outputs
            pages = build.findings[len(build.plan.findings) :]
            _report(pages, warnings=False)  # their warnings were logged as each page was written
            line = summary(build.findings, build.plan.posts)
            if line is not None:
                warned = any(finding.level == "warning" for finding in build.findings)
                (log.warning if warned else log.info)("%s", line)
        self._cache.remove_stale_outputs(config.site_dir, outputs)
        if self._command != "serve":
            feeds.clear_caches()


def _report(findings: Iterable[Finding], *, warnings: bool = True, infos: bool = True) -> None:
    """A warning for each finding that breaks a preview (``--strict`` fails on them); the rest as one
    message of a line each (a thousand log records would cost more than the checks)."""
    lines = []
    for finding in findings:
        if finding.level != "warning":
            lines.append(finding.text())
        elif warnings:
            log.warning("%s", finding.text())
    if lines and infos:
        head = "1 informational finding" if len(lines) == 1 else f"{len(lines)} informational findings"
        log.info("%s of the share meta (never a failure):\n  %s", head, "\n  ".join(lines))
