"""Real MkDocs builds in tmp_path, as the CLI runs them (startup, build, shutdown)."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import shutil
import types
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import html5lib
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_blog_tags.config import Settings
from mkdocs_blog_tags.plugin import BlogTagsPlugin

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

FIXTURES = Path(__file__).parent / "fixtures"
SEED_POST = (FIXTURES / "seed-post.md").read_text(encoding="utf-8")
SEED_IMAGE = FIXTURES / "images" / "TikTok.jpg"
THEMES = ("mkdocs", "readthedocs", "material")


@dataclasses.dataclass
class Site:
    """A built site: its folders and helpers to read pages."""

    root: Path
    docs: Path
    site: Path
    use_directory_urls: bool
    logs: list[logging.LogRecord]

    def page_path(self, src_uri: str) -> Path:
        """The HTML file MkDocs writes for a Markdown ``src_uri``."""
        stem = src_uri[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return self.site / (stem + ".html")
        if self.use_directory_urls:
            return self.site / stem / "index.html"
        return self.site / (stem + ".html")

    def html(self, src_uri: str) -> str:
        return self.page_path(src_uri).read_text(encoding="utf-8")

    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.logs if r.levelno >= logging.WARNING]

    def resolve_link(self, from_src_uri: str, href: str) -> Path:
        """The file a relative ``href`` on a page points to (index.html for folders)."""
        page = self.page_path(from_src_uri)
        target = (page.parent / href.split("#")[0]).resolve()
        if href.endswith("/") or target.is_dir():
            target = target / "index.html"
        return target


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def captured() -> Iterator[list[logging.LogRecord]]:
    """Every record of the ``mkdocs`` loggers, INFO included (pytest leaves the logger at WARNING),
    even when the build raises."""
    handler, logger = _Collect(), logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def write_tree(root: Path, files: Mapping[str, str | bytes | Path]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def build_site(
    root: Path,
    files: Mapping[str, str | bytes | Path],
    *,
    theme: str | Mapping[str, Any] = "mkdocs",
    use_directory_urls: bool = True,
    plugin_config: Mapping[str, Any] | None = None,
    extra: Mapping[str, Any] | None = None,
    strict: bool = True,
    command: str = "build",
) -> Site:
    """Write ``files`` under ``root/docs``, build with ``blog-tags`` and return the result."""
    docs = root / "docs"
    write_tree(docs, files)
    options = dict(plugin_config or {})
    # Most fixtures' posts have no image; the linter's image-missing warning is tested on its own.
    options.setdefault("lint", {"image-missing": False})
    config_data: dict[str, Any] = {
        "site_name": "Test site",
        "site_url": "https://example.org/sub/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme if isinstance(theme, Mapping) else {"name": theme},
        "use_directory_urls": use_directory_urls,
        "plugins": ["search", {"blog-tags": options}],
        **(extra or {}),
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config_data, allow_unicode=True), encoding="utf-8")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(str(config_file), strict=strict)
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return Site(root, docs, root / "site", use_directory_urls, handler.records)


@pytest.fixture
def make_site(tmp_path: Path) -> Iterator[Callable[..., Site]]:
    counter = iter(range(1000))

    def make(files: Mapping[str, str | bytes | Path], **kwargs: Any) -> Site:
        return build_site(tmp_path / f"s{next(counter)}", files, **kwargs)

    yield make


def parse_html(text: str) -> Any:
    """Parse with html5lib (an independent HTML parser) into an ElementTree without namespaces."""
    return html5lib.parse(text, namespaceHTMLElements=False)


def post(
    title: str | None = None,
    date: str | None = None,
    tags: list[str] | str | None = None,
    body: str = "Some text for the post.\n",
    **extra: Any,
) -> str:
    """A post's Markdown with YAML front matter built from the arguments."""
    meta: dict[str, Any] = {}
    if title is not None:
        meta["title"] = title
    if date is not None:
        meta["date"] = date
    if tags is not None:
        meta["tags"] = tags
    meta.update(extra)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body


class _Theme(dict[str, Any]):
    dirs: tuple[str, ...] = ()


def directory_url(uri: str) -> str:
    """MkDocs' URL of a Markdown page with use_directory_urls (for core tests without a build)."""
    stem = uri[: -len(".md")]
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def settings(options: Mapping[str, Any] | None = None, command: str = "build", **site: Any) -> Settings:
    """Settings from plugin options and a stand-in for the few MkDocs settings the core reads."""
    plugin = BlogTagsPlugin()
    errors, _ = plugin.load_config(dict(options or {}))
    assert errors == []
    theme = _Theme(site.pop("theme", {}))
    config = types.SimpleNamespace(
        site_url=site.get("site_url", "https://example.org/"),
        site_name=site.get("site_name", "Site"),
        site_description=site.get("site_description"),
        site_author=None,
        theme=theme,
        nav=None,
    )
    return Settings.from_config(plugin.config, config, command)  # type: ignore[arg-type]
