"""Builds are reproducible, read-only towards docs_dir, and offline."""

from __future__ import annotations

import gzip
import random
import shutil
import socket
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_blog_tags.blog import build_blog
from mkdocs_blog_tags.posts import read_post

EXAMPLE = Path(__file__).parent.parent / "example_site"


def build_example(root: Path) -> Path:
    """Copy the example site to ``root`` and build it strictly there."""
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return root / "site"


def snapshot(folder: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            out[path.relative_to(folder).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return out


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # MkDocs stamps its build date into the theme's HTML unless SOURCE_DATE_EPOCH fixes it.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = snapshot(build_example(tmp_path / "one"))
    second = snapshot(build_example(tmp_path / "two"))
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert "blog/feed.xml" in first and "blog/tags/cpp/atom.xml" in first


def test_model_does_not_depend_on_input_order() -> None:
    posts = []
    for path in sorted((EXAMPLE / "docs/blog/posts").glob("*.md")):
        post, _ = read_post(f"blog/posts/{path.name}", path.read_text(encoding="utf-8"))
        assert post is not None
        posts.append(post)
    expected = build_blog(posts, per_page=4)
    rng = random.Random(7)
    for _ in range(10):
        rng.shuffle(posts)
        assert build_blog(posts, per_page=4) == expected


def test_docs_dir_is_never_written(tmp_path: Path) -> None:
    root = tmp_path / "site-src"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    docs = root / "docs"
    before = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in docs.rglob("*")}
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    build(config)
    after = {p: (p.stat().st_mtime_ns, p.stat().st_size) for p in docs.rglob("*")}
    assert after == before


def test_build_makes_no_network_access(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access during a build")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    build_example(tmp_path / "offline")
    assert attempts == []
