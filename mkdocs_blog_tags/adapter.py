"""The thin adapter between MkDocs' `File` objects and the core: read them, move them, add them.

The core decides where things go; this module only knows how MkDocs
expresses it (a file's ``dest_uri``, ``url`` and ``abs_dest_path``; a
generated file; an override of ``is_modified``).
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import feeds, markers, navigation
from . import plan as core
from .authors import Author
from .authors import read_authors as parse_authors
from .blog import Blog
from .cache import ReadCache, Rendered
from .config import Settings
from .excerpts import Excerpt, prefix_links
from .folders import META_FILE, FolderDefaults
from .head import escape_title_element, escaped_title, insert_into_head, remove_head_tags
from .images import DocsFile
from .languages import Alternate, Language
from .links import Target, parse_links, resolve_links
from .lint import Finding, check_share
from .meta import PageInput, build_head_meta, page_facts, page_share_input
from .permalinks import media_dest, post_paths, previous_paths
from .posts import FrontMatterError, Post, Problem, normalize_tags, read_post, split_front_matter
from .preview import PREVIEW_NAME, PreviewPost, preview_page
from .redirects import plan_redirects, redirect_context
from .state import Build
from .urls import is_relative, relative_url
from .views import Deferred, View

__all__ = [
    "add_generated",
    "add_redirects",
    "alternates",
    "always_rebuild",
    "dest_of",
    "docs_lookup",
    "folder_defaults",
    "front_matter",
    "head_tags",
    "language_of",
    "move_posts",
    "occupied",
    "read_post_file",
    "rebuild_listings",
    "select_posts",
    "settle_title",
    "share_preview",
    "share_preview_target",
    "write_outputs",
]


def language_of(config: MkDocsConfig) -> Language | None:
    """This build's language when mkdocs-static-i18n builds the site once per language (its
    ``on_config`` has run: it sets ``current_language`` before each language's build)."""
    i18n = config.plugins.get("i18n")
    code = getattr(i18n, "current_language", None)
    default = getattr(i18n, "default_language", None)
    structure = getattr(getattr(i18n, "config", None), "docs_structure", None)
    if not isinstance(code, str) or not isinstance(default, str):
        return None
    return Language(code, default, folder=structure == "folder")


def _file(config: MkDocsConfig, language: Language | None, src_uri: str) -> File:
    """The file ``src_uri`` as this build writes it: in the language's folder of a multilingual site."""
    file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    _place(file, language)
    return file


def _generated(
    config: MkDocsConfig,
    language: Language | None,
    src_uri: str,
    content: str | bytes,
    inclusion: InclusionLevel = InclusionLevel.UNDEFINED,
) -> File:
    file = File.generated(config, src_uri, content=content, inclusion=inclusion)
    _place(file, language)
    return file


def _place(file: File, language: Language | None) -> None:
    """Set before anything reads the file's ``url`` or ``abs_dest_path``, which follow ``dest_uri``."""
    if language is not None:
        file.dest_uri = language.dest(file.dest_uri)


def dest_of(config: MkDocsConfig, src_uri: str, language: Language | None = None) -> str:
    """Where MkDocs writes the file ``src_uri`` (``blog/x.md`` -> ``blog/x/index.html``; in
    ``language``'s folder on a multilingual site)."""
    return _file(config, language, src_uri).dest_uri


def translations(
    config: MkDocsConfig,
    settings: Settings,
    posts: Iterable[File],
    read: Callable[[File], Post | None],
) -> dict[str, tuple[Alternate, ...]]:
    """Each post's translations that their language's build publishes, at the address it gives them
    (``post_url_format``: their own slug); drafts and posts dated in the future are none.

    static-i18n's ``File.alternates`` are mended to match, for the language selector it gives
    Material: a translation not published is dropped, a moved one gets its address.
    """
    language = settings.language
    if language is None:
        return {}
    now = dt.datetime.now(dt.timezone.utc)
    found: dict[str, tuple[Alternate, ...]] = {}
    for file in posts:
        kept = []
        for code, other in _translated(file, language):
            post = read(other)
            selection = core.select_posts(
                [(other.src_uri, post)], now, settings.show_drafts, settings.future_is_draft
            )
            if post is None or not selection.published:
                del file.alternates[code]  # type: ignore[attr-defined]  # static-i18n's
                continue
            path = core.translation_path(settings, post, language.of(code))
            if path is not None:
                target = _file(config, language.of(code), path)
                _move(other, target.dest_uri, target.url, config)
            kept.append(Alternate(code, other.url))
        if kept:
            found[file.src_uri] = tuple(kept)
    return found


def _translated(file: File, language: Language) -> list[tuple[str, File]]:
    """static-i18n's ``File.alternates`` of a page: the other languages' own versions of it."""
    found = getattr(file, "alternates", None)
    if not isinstance(found, Mapping):
        return []
    return [
        (code, other)
        for code, other in sorted(found.items())
        if code != language.code and isinstance(other, File) and getattr(other, "locale", None) == code
    ]


def alternates(file: File, language: Language | None) -> tuple[Alternate, ...]:
    """The page's translations as static-i18n found them (``File.alternates``), but not its own
    language, nor another language's copy of this page (static-i18n's ``fallback_to_default``)."""
    if language is None:
        return ()
    return tuple(Alternate(code, other.url) for code, other in _translated(file, language))


def occupied(files: Files, later: Iterable[str] = ()) -> core.Occupied:
    """Every path the site's files are written at (files left out of the build write nothing)."""
    return core.Occupied({f.dest_uri: f.src_uri for f in files if not f.inclusion.is_excluded()}, later)


def folder_defaults(files: Files) -> FolderDefaults:
    """Every ``.meta.yml`` of the docs (MkDocs lists them, excluded, as it does every dotfile)."""
    found: list[tuple[str, str | None]] = []
    for file in files:
        if posixpath.basename(file.src_uri) == META_FILE:
            try:
                found.append((file.src_uri, file.content_string))
            except UnicodeDecodeError:
                found.append((file.src_uri, None))
    return FolderDefaults.read(found)


def front_matter(file: File) -> Mapping[str, Any]:
    """A page's front matter, or ``{}`` when it has none or MkDocs will report it (not text, not YAML)."""
    try:
        data, _ = split_front_matter(file.content_string)
    except (UnicodeDecodeError, FrontMatterError, OSError):
        return {}
    return data if isinstance(data, Mapping) else {}


def select_posts(
    files: Files, settings: Settings, folder: str, read: Callable[[File], Post | None]
) -> tuple[core.Selection, list[Problem]]:
    """Read every post of the posts ``folder``; leave out what is not published; keep posts out of the nav.

    The other pages of the blog folder are checked too: one that looks like a
    post is named, one that may be a draft is left out (`plan.stray_page`).
    """
    problems: list[Problem] = []
    candidates: list[File] = []
    blog = settings.layout.blog_dir
    for file in files:
        if not file.is_documentation_page() or file.inclusion.is_excluded():
            continue
        if _copy_of_post(file, settings, folder):
            file.inclusion = InclusionLevel.EXCLUDED
            continue
        is_post, skipped = core.post_candidate(file.src_uri, settings, folder)
        if skipped is not None:
            problems.append(Problem(file.src_uri, "", skipped))
        if is_post:
            candidates.append(file)
        elif folder != blog and core.within(file.src_uri, blog):
            leave_out, problem = core.stray_page(file.src_uri, front_matter(file), settings, folder)
            problems += [problem] if problem is not None else []
            if leave_out:
                file.inclusion = InclusionLevel.EXCLUDED
    if settings.language is not None:
        for file in candidates:
            _drop_copies(file)
    now = dt.datetime.now(dt.timezone.utc)
    readings = ((f.src_uri, read(f)) for f in candidates)
    selection = core.select_posts(readings, now, settings.show_drafts, settings.future_is_draft)
    for file in candidates:
        if file.src_uri in selection.excluded:
            file.inclusion = InclusionLevel.EXCLUDED
        elif file.src_uri in selection.drafts:
            file.inclusion = InclusionLevel.DRAFT
        elif file.inclusion.is_in_nav():  # a nav of every post costs every page: quadratic
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return selection, problems


def _copy_of_post(file: File, settings: Settings, folder: str) -> bool:
    """A post of another language that static-i18n put in this language's build, untranslated
    (``fallback_to_default``): each language's blog has its own posts only."""
    language, locale = settings.language, getattr(file, "locale", None)
    if language is None or locale is None or locale == language.code:
        return False
    path = getattr(file, "norm_src_uri", file.src_uri)  # without the language: blog/posts/x.md
    return core.post_candidate(language.source(path), settings, folder)[0]


def _drop_copies(file: File) -> None:
    """Forget the other languages' copies of a post (`_copy_of_post`: they are not built), so that
    static-i18n's language selector (Material's) links to that language's home instead."""
    found = getattr(file, "alternates", None)
    if isinstance(found, dict):
        for code in [c for c, other in found.items() if getattr(other, "locale", c) != c]:
            del found[code]


def _move(file: File, dest_uri: str, url: str, config: MkDocsConfig) -> None:
    file.dest_uri = dest_uri
    file.url = url
    file.abs_dest_path = str(Path(config.site_dir, *dest_uri.split("/")))


def move_posts(
    files: Files, config: MkDocsConfig, settings: Settings, posts: core.Selection, folder: str
) -> tuple[list[str], dict[str, str]]:
    """Give posts their ``post_url_format`` address, and the files beside them Material's.

    Returns the problems, and each moved post's former address (for the redirects it asked for).
    """
    if settings.post_url_format is None:
        return [], {}
    taken, language = occupied(files), settings.language
    paths, problems = post_paths(
        posts.published, settings, lambda path: taken.file(dest_of(config, path, language))
    )
    previous = previous_paths(posts.published, settings)
    former = {uri: dest_of(config, previous[uri], language) for uri in paths if uri in previous}
    for uri, path in paths.items():
        target = _file(config, language, path)
        _move(files.src_uris[uri], target.dest_uri, target.url, config)
    blog = settings.layout.blog_dir
    if language is not None:  # the files' dest_uri are in this language's site folder already
        folder, blog = language.dest(folder), language.dest(blog)
    for file in files.media_files():
        dest = media_dest(file.dest_uri, folder, blog)
        if dest is not None:
            target = File(dest, config.docs_dir, config.site_dir, config.use_directory_urls)
            _move(file, target.dest_uri, target.url, config)
    return problems, {uri: dest for uri, dest in former.items() if dest != files.src_uris[uri].dest_uri}


def add_generated(files: Files, config: MkDocsConfig, build: Build, blog: Blog) -> None:
    """The generated pages the user has no file for, and the stylesheet."""
    for page in core.generated_pages(build.settings, blog):
        if files.get_file_from_path(page.src_uri) is None:
            level = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(_generated(config, build.settings.language, page.src_uri, page.source, level))
    if build.settings.css and files.get_file_from_path(core.CSS_URI) is None:
        files.append(File.generated(config, core.CSS_URI, content=build.renderer.source("style.css")))


def add_redirects(files: Files, config: MkDocsConfig, build: Build, previous: Mapping[str, str]) -> list[str]:
    """A page at each former address of a post (``aliases``, ``redirect_from``, a former URL format)."""
    plan = build.plan
    assert plan is not None
    aliases = [(p.src_uri, p.aliases_key, alias) for p in plan.posts.values() for alias in p.aliases]
    redirects, problems = plan_redirects(aliases, previous, occupied(files, plan.written_later()).path)
    for redirect in redirects:
        post = plan.posts[redirect.target]
        context = redirect_context(redirect, plan.url_of[post.src_uri], build.settings.site_url, post.title)
        html = build.renderer.render("redirect.html", **context)
        files.append(File.generated(config, redirect.path, content=html))
        build.outputs.append(redirect.path)
    return problems


def page_tags(files: Files, settings: Settings) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """The ``tags:`` of the pages outside the blog (``page_tags: true``): src_uri -> tags."""
    if not settings.page_tags:
        return {}, []
    found: dict[str, tuple[str, ...]] = {}
    problems: list[Problem] = []
    for file in files.documentation_pages():
        if file.inclusion.is_excluded() or core.within(file.src_uri, settings.layout.blog_dir):
            continue
        meta = front_matter(file)
        key = next((k for k in settings.fields["tags"] if k in meta), None)
        if key is None:
            continue
        tags, messages = normalize_tags(meta[key])
        problems += [Problem(file.src_uri, key, message) for message in messages]
        if tags:
            found[file.src_uri] = tags
    return found, problems


def page_info(files: Files) -> Callable[[str], tuple[str, str] | None]:
    """``(title, site-relative URL)`` of a page, for listings of tagged pages (titles known once read)."""

    def info(src_uri: str) -> tuple[str, str] | None:
        file = files.get_file_from_path(src_uri)
        if file is None or file.page is None:
            return None
        return file.page.title or src_uri, file.url

    return info


def read_authors(config: MkDocsConfig, settings: Settings) -> tuple[dict[str, Author] | None, list[Problem]]:
    """The authors file (``None`` when authors are off, or there is no file and none was named)."""
    groupings = settings.groupings
    if not groupings.authors:
        return None, []
    path = Path(config.docs_dir, *groupings.authors_file.split("/"))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        if not groupings.authors_file_given:
            return None, []
        message = "'authors_file' names this file, which does not exist; authors are shown as written"
        return None, [Problem(groupings.authors_file, "", message)]
    except (OSError, UnicodeDecodeError) as err:
        return None, [
            Problem(groupings.authors_file, "", f"could not be read ({err}); authors are shown as written")
        ]
    people, problems = parse_authors(text, groupings.authors_file)
    # A broken file is reported once, not again as an unknown id in every post.
    return (people if people or not problems else None), problems


def docs_lookup(files: Files) -> Callable[[str], DocsFile | None]:
    """What the core may know of any file of the docs, by src_uri (images are found through it)."""
    by_uri = files.src_uris

    def lookup(src_uri: str) -> DocsFile | None:
        file = by_uri.get(src_uri)
        return DocsFile(file.url, file.abs_src_path) if file is not None else None

    return lookup


def read_post_file(
    file: File, settings: Settings, defaults: FolderDefaults, reads: ReadCache
) -> tuple[Post | None, list[Problem]]:
    """A post read with its folders' defaults, through the serve cache while its file is unchanged."""
    blocked = defaults.blocked_by(file.src_uri)
    if blocked is not None:
        return None, [
            Problem(file.src_uri, "", f"left out: {blocked} cannot be read, and may make it a draft")
        ]
    folder = defaults.for_post(file.src_uri)

    def read() -> tuple[Post | None, list[Problem]]:
        try:
            text = file.content_string
        except UnicodeDecodeError as err:
            return None, [Problem(file.src_uri, "", f"is not UTF-8 text ({err.reason}); skipped")]
        return read_post(
            file.src_uri,
            text,
            fields=settings.fields,
            tz=settings.tz,
            words_per_minute=settings.words_per_minute,
            defaults=folder,
        )

    path = None if file.generated_by else file.abs_src_path
    key = (*settings.read_key, repr(folder)) if folder else settings.read_key
    return reads.read(file.src_uri, path, key, read)


def _headings(items: Iterable[Any]) -> Iterable[tuple[str, str]]:
    for item in items:
        yield item.id, item.title
        yield from _headings(item.children)


def link_lookup(files: Files) -> Callable[[str], Target | None]:
    """What a ``links:`` path names: a page's URL, title and headings (all known once pages are read)."""

    def lookup(path: str) -> Target | None:
        file = files.get_file_from_path(path)
        page = file.page if file is not None else None
        if page is None:
            return None
        return Target(page.url, page.title or path, dict(_headings(page.toc)))

    return lookup


def related_links(
    build: Build, page: Page, lookup: Callable[[str], Target | None]
) -> tuple[str, list[Problem]]:
    """The HTML of a post's ``links:`` (Material's related links), seen from its page; problems named."""
    post = build.plan.posts.get(page.file.src_uri) if build.plan else None
    if post is None or post.links is None:
        return "", []
    items, problems = parse_links(post.links, post.src_uri)
    resolved, unresolved = resolve_links(items, lookup, page.url, post.src_uri)
    html = build.renderer.render("post_links.html", links=resolved, t=build.settings.strings)
    return html, [*problems, *unresolved]


def tidy_nav(build: Build, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The site's navigation with the blog as one link (`navigation.tidy_nav`)."""
    plan, settings = build.plan, build.settings
    assert plan is not None
    index = plan.blog.index_uri
    return navigation.tidy_nav(
        nav,
        owns=plan.role,
        index_uri=index,
        files=files,
        overviews=list(plan.overviews),
        with_overviews=settings.nav_overviews,
        title=plan.page_titles.get(index, settings.strings["blog"]),
        keep=navigation.nav_paths(settings.nav),
        nav_config=config.nav,
    )


def fill_page(build: Build, page: Page, context: dict[str, Any]) -> list[Problem]:
    """The blog's part of a page once every page is read: listing and overview content, a post's
    related links and footer, the markers of any page, and the theme's ``blog``/``post``/``listing``."""
    plan, views, renderer = build.plan, build.views, build.renderer
    assert plan is not None and views is not None
    uri = page.file.src_uri
    role = plan.role(uri)
    problems: list[Problem] = []
    if role == "post":
        post = plan.posts[uri]
        links, problems = related_links(build, page, build.links)
        footer_html = post_footer(build, post, page.url)
        page.content = (page.content or "") + links + footer_html
        navigation.toc_with_title(page, post.title)  # a post with no heading of its own
        context["post"] = Deferred(functools.partial(theme_post, build, post, page.url))
    elif role is not None:
        title = build.titles.get(uri, "")
        page.content = renderer.generated_page(
            plan, views, uri, page.url, title=title, intro_html=page.content or ""
        )
        navigation.toc_with_title(page, title)  # themes that always show a TOC get its h1, not a blank
        listing = plan.listings.get(uri)
        if listing is not None:
            context["listing"] = Deferred(functools.partial(views.theme_listing, listing))
    page.content, found = markers.expand(
        page.content or "", src_uri=uri, page_url=page.url, plan=plan, views=views, renderer=renderer
    )
    context["blog"] = build.theme_blog
    return [*problems, *found]


def theme_post(build: Build, post: Post, page_url: str) -> View:
    """The theme's ``post`` (built when a template reads it)."""
    assert build.views is not None
    uri = post.src_uri
    return build.views.theme_post(post, page_url, build.neighbours()[uri], build.related().get(uri, ()))


def post_footer(build: Build, post: Post, page_url: str) -> str:
    """The navigation under a post (``post_footer.html``), rendered with site-relative URLs (the
    posts' entries, shared) and made relative to the page in one pass."""
    plan, views, footer = build.plan, build.views, build.settings.footer
    assert plan is not None and views is not None
    if not (footer["previous_next"] or footer["related"] or footer["blog_link"]):
        return ""
    newer, older = build.neighbours()[post.src_uri]
    related = build.related().get(post.src_uri, ())[: footer["related"]] if footer["related"] else ()
    html = build.renderer.render(
        "post_footer.html",
        footer=footer,
        previous=views.entry(newer) if newer is not None else None,
        next=views.entry(older) if older is not None else None,
        related=[views.entry(other) for other in related],
        blog_url=plan.url_of[plan.blog.index_uri],
        t=build.settings.strings,
    )
    return prefix_links(html, page_url)


def rebuild_listings(pages: Mapping[str, File], plan: core.Plan) -> None:
    """A hand-written listing page shows other pages: ``--dirty`` builds must rebuild it always."""
    for uri, file in pages.items():
        if not file.generated_by and plan.role(uri) in ("listing", "overview"):
            always_rebuild(file)


def settle_title(build: Build, page: Page) -> Problem | None:
    """The page's title as clean text; the blog's own pages hand themes an escaped copy.

    Themes print ``page.title`` and ``page.meta.title`` raw. An ordinary
    page's title is only rid of control characters: markup in it is the
    author's, as MkDocs prints it.
    """
    assert build.plan is not None
    uri = page.file.src_uri
    if not build.handles(uri):
        return None
    value = page.title
    if build.plan.role(uri) in ("listing", "overview") and "title" not in page.meta:
        # A hand-written listing page without a title or h1 gets its generated title, not MkDocs'
        # fallback from the file name ("Index").
        value = getattr(page, "_title_from_render", None)
    title, problem = build.plan.title_of(uri, value)
    if title is None:
        if isinstance(page.title, str) and page.title.strip():
            page.title = None  # only control characters: the theme prints its fallback
        return problem
    build.titles[uri] = title
    if build.plan.role(uri) is None:
        if not isinstance(page.title, str) or title == page.title:
            return problem
    else:
        escaped = escaped_title(title)
        if escaped is not None:
            build.raw_titles[uri] = title
        title = escaped or title
    page.title = title
    if "title" in page.meta and (isinstance(page.meta["title"], str) or build.plan.role(uri)):
        page.meta["title"] = title
    return problem


def _modified() -> bool:
    """`File.is_modified` of a page whose content depends on other pages."""
    return True


def always_rebuild(file: File) -> None:
    """Make ``--dirty`` builds rebuild ``file`` even when its source did not change."""
    setattr(file, "is_modified", _modified)  # noqa: B010 -- an instance's override of the method


def share_preview_target(files: Files, config: MkDocsConfig, settings: Settings) -> tuple[str, str] | str:
    """``(dest path, URL)`` of the share-preview page, or why it is not written (a file is there)."""
    src_uri = f"{settings.layout.blog_dir}/{PREVIEW_NAME}.md".lstrip("/")
    target = _file(config, settings.language, src_uri)
    owner = occupied(files).file(target.dest_uri)
    if owner is not None:
        return (
            f"{owner} is published at {target.dest_uri}, where the share-preview page would be; "
            "the page is not written"
        )
    return target.dest_uri, target.url


def share_preview(build: Build) -> str:
    """The share-preview page: every post's previews from the head meta its page got in this build."""
    plan, target = build.plan, build.preview
    assert plan is not None and target is not None
    settings, page_url = build.settings, target[1]

    def seen(url: str) -> str:
        return relative_url(url, page_url) if is_relative(url) else url

    default_url = None
    if plan.default_image is not None and settings.default_image:
        found = plan.images.resolve(settings.default_image, settings.default_image_alt, "index.md")
        default_url = found[1] if found else None
    posts = []
    for post in plan.blog.posts:
        meta = build.previews.get(post.src_uri)
        if meta is None:
            continue
        own = plan.post_images.get(post.src_uri)
        shown = any(key == "og:image" for key, _ in meta.properties)
        local = own[1] if own is not None else default_url
        posts.append(
            PreviewPost(
                post.src_uri,
                seen(plan.url_of[post.src_uri]),
                meta,
                image_url=seen(local) if shown and local else None,
                draft=post.src_uri in plan.drafts,
            )
        )
    return build.renderer.render(
        "share_preview.html",
        page=preview_page(posts, build.findings),
        lang=settings.locale.replace("_", "-"),
        site_name=settings.site_name,
        blog_url=seen(plan.url_of[plan.blog.index_uri]),
        checked=settings.lint.enabled,
        t=settings.strings,
    )


def head_tags(
    build: Build, page: Page, output: str, excerpts: Mapping[str, Excerpt]
) -> tuple[str, list[Problem], list[Finding]]:
    """A written page with the blog's ``<head>`` tags (share meta, pager, feeds, translations) in
    place of the theme's duplicates; what its front matter got wrong; what the linter finds in a
    page that is not a post (the posts are checked with the plan)."""
    plan, settings, uri = build.plan, build.settings, page.file.src_uri
    assert plan is not None
    if uri in build.raw_titles:
        output = escape_title_element(output, build.raw_titles[uri])
    title = build.titles.get(uri) or settings.site_name
    if uri in plan.posts:
        found_alternates = build.translations.get(uri, ())
    else:
        found_alternates = alternates(page.file, settings.language)
    facts, problems = page_facts(
        plan, PageInput(uri, title, page.canonical_url, page.meta, found_alternates), excerpts
    )
    meta = build_head_meta(facts, settings.lint.limits) if facts is not None else None
    findings: list[Finding] = []
    if meta is not None and build.preview is not None and uri in plan.posts:
        build.previews[uri] = meta
    if settings.lint.enabled and facts is not None and uri not in plan.posts:
        share = page_share_input(plan, PageInput(uri, title, page.canonical_url, page.meta))
        findings = check_share(share, settings.lint) if share is not None else []
    translations = plan.translation_links(page.url, found_alternates)
    links = plan.head_links(uri, page.url) + translations
    if uri in plan.listings and page.file.generated_by:
        # MkDocs keeps every page's HTML until the build ends; a generated listing's copy is
        # needed by nobody once its page is written (at 1,000 posts: ~20 MB of peak memory).
        page.content = ""
    if meta is None and not links:
        return output, problems, findings
    # The pager's or the post footer's prev/next replace the theme's (Material's: the nav's next).
    navigated = uri in plan.listings or (uri in plan.posts and settings.footer["previous_next"])
    rels: tuple[str, ...] = ("prev", "next") if navigated else ()
    rels += ("hreflang",) if translations else ()  # Material's, from its language selector
    if meta is not None:
        keys = set(meta.keys) | ({"description"} if meta.description else set())
        raw = [v for v in (page.meta.get("description"), settings.site_description) if isinstance(v, str)]
        output = remove_head_tags(
            output, keys, canonical=meta.canonical is not None, raw_values=raw, rels=rels
        )
    elif rels:
        output = remove_head_tags(output, (), rels=rels)
    output = insert_into_head(output, build.renderer.render("head.html", meta=meta, links=links))
    return output, problems, findings


def write_outputs(build: Build, site_dir: str, rendered: Rendered) -> None:
    """The files the blog writes once every page is: its feeds, and the share-preview page."""
    assert build.plan is not None
    written = [
        (feed.path, feed.content)
        for feed in feeds.feed_files(build.plan, rendered.excerpts, rendered.contents)
    ]
    if build.preview is not None:
        written.append((build.preview[0], share_preview(build).encode("utf-8")))
    for path, content in written:
        target = Path(site_dir, *path.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        build.outputs.append(path)
