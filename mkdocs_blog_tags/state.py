"""The state of one build: created in ``on_config``, completed in ``on_files``, dropped in ``on_post_build``.

Everything a build decides lives in its `Plan`; this object only adds what the
event layer must carry from one event to the next while pages are written.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping

from .config import Settings
from .languages import Alternate
from .links import Target
from .lint import Finding
from .meta import HeadMeta
from .neighbours import Neighbours, related
from .plan import Plan
from .posts import Post
from .render import Renderer
from .views import Deferred, View, Views

__all__ = ["RELATED_IN_CONTEXT", "Build"]

RELATED_IN_CONTEXT = 3
"""Related posts the theme's ``post.related`` holds, whatever the footer shows."""


@dataclasses.dataclass
class Build:
    settings: Settings
    renderer: Renderer
    header: View
    """Which parts of the post header are shown, as the header template reads them."""
    plan: Plan | None = None
    views: Views | None = None
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    """Post src_uri -> the rest of its header, put in its slot when the page is written."""
    titles: dict[str, str] = dataclasses.field(default_factory=dict)
    """src_uri -> the page's title as clean text, as the head meta uses it."""
    raw_titles: dict[str, str] = dataclasses.field(default_factory=dict)
    """src_uri -> the unescaped title of a page whose title was escaped for the theme."""
    outputs: list[str] = dataclasses.field(default_factory=list)
    """Site paths this build wrote for the blog (pages and feeds)."""
    site_wide: bool = True
    """This is the first blog of the site: it also minds the pages no blog owns (their share meta)."""
    others: tuple[Callable[[str], bool], ...] = ()
    """Whether another blog of the site (another ``blog-tags`` entry) owns a page."""
    links: Callable[[str], Target | None] = lambda _: None
    """What a path of a post's ``links:`` names (the site's pages, once read)."""
    findings: list[Finding] = dataclasses.field(default_factory=list)
    """What the linter found in this build (posts, then pages as their heads are written)."""
    preview: tuple[str, str] | None = None
    """Where the share-preview page is written: ``(dest path, site-relative URL)``; ``None``: nowhere."""
    previews: dict[str, HeadMeta] = dataclasses.field(default_factory=dict)
    """Post src_uri -> the head meta its page got, for the share-preview page."""
    translations: dict[str, tuple[Alternate, ...]] = dataclasses.field(default_factory=dict)
    """Post src_uri -> its translations on a multilingual site, as their builds publish them."""

    _related: Mapping[str, tuple[Post, ...]] | None = None

    @functools.cached_property
    def theme_blog(self) -> Deferred:
        """The theme's ``blog``: one object for every page of the build, built if a template reads it."""
        assert self.views is not None
        return Deferred(self.views.theme_blog)

    def neighbours(self) -> Mapping[str, Neighbours]:
        """Each post's newer and older post, computed once per build."""
        assert self.plan is not None
        return self.plan.neighbours

    def related(self) -> Mapping[str, tuple[Post, ...]]:
        """Each post's related posts, computed once per build: as many as the footer shows, and at
        least the 3 of the theme's ``post.related``."""
        if self._related is None:
            assert self.plan is not None
            self._related = related(self.plan.blog, max(self.settings.footer["related"], RELATED_IN_CONTEXT))
        return self._related

    def minds(self, src_uri: str) -> bool:
        """Whether this blog writes the head of a page that is none of its own."""
        return self.site_wide and not any(owns(src_uri) for owns in self.others)

    def handles(self, src_uri: str) -> bool:
        """Whether this blog settles the page's title and writes its head: its own page, or one it minds."""
        return self.plan is not None and (self.plan.role(src_uri) is not None or self.minds(src_uri))
