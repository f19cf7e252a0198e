"""What ``mkdocs serve`` does: several builds with the same plugin instance, clean and ``--dirty``."""

from __future__ import annotations

import os
import time

import feedparser
import mf2py
import pytest
from conftest import Site, post, write_tree
from mkdocs.commands.build import build
from mkdocs.config import load_config


def names(site: Site, uri: str) -> list[str]:
    feed = next(i for i in mf2py.parse(doc=site.html(uri))["items"] if "h-feed" in i["type"])
    return [c["properties"]["name"][0] for c in feed.get("children", [])]


@pytest.mark.parametrize("dirty", [False, True], ids=["clean", "dirty"])
def test_rebuilds_with_one_instance_leave_nothing_stale(make_site, dirty: bool) -> None:
    site = make_site(
        {
            "blog/a.md": post("A", "2024-01-01", ["x", "y"]),
            "blog/b.md": post("B", "2024-01-02", ["y"]),
            "blog/c.md": post("C", "2024-01-03", ["z"]),
            "blog/e.md": post("E", "2023-12-31", ["y"], body="E's first paragraph.\n"),
        }
    )
    earlier = time.time() - 100
    os.utime(site.docs / "blog/e.md", (earlier, earlier))
    e_output = site.page_path("blog/e.md")
    e_written = e_output.stat().st_mtime_ns
    config = load_config(str(site.root / "mkdocs.yml"))
    plugin = config.plugins["blog-tags"]
    assert site.page_path("blog/tags/x/index.md").exists()

    time.sleep(0.01)  # --dirty compares modification times
    (site.docs / "blog/b.md").unlink()
    write_tree(
        site.docs,
        {
            "blog/a.md": post("A", "2024-01-01", ["w"]),
            "blog/c.md": post("C", "2024-01-03", ["Zed"]),
            "blog/d.md": post("D", "2024-01-04", ["y"]),
        },
    )
    later = time.time() + 5
    for name in ("a.md", "c.md", "d.md"):
        os.utime(site.docs / "blog" / name, (later, later))

    config = load_config(str(site.root / "mkdocs.yml"))
    assert config.plugins["blog-tags"] is plugin  # serve keeps the instance
    build(config, dirty=dirty)

    # Under --dirty the unchanged post E is not rendered again, yet it is listed with its excerpt.
    assert (e_output.stat().st_mtime_ns == e_written) is dirty
    assert names(site, "blog/index.md") == ["D", "C", "A", "E"]
    assert "E's first paragraph." in site.html("blog/index.md")
    assert names(site, "blog/tags/w/index.md") == ["A"]
    assert names(site, "blog/tags/y/index.md") == ["D", "E"]
    assert names(site, "blog/tags/zed/index.md") == ["C"]
    for gone in ("x", "z"):
        assert not site.page_path(f"blog/tags/{gone}/index.md").exists()
        assert not (site.site / f"blog/tags/{gone}").exists()
    assert not site.page_path("blog/b.md").exists()
    overview = site.html("blog/tags/index.md")
    assert ">x<" not in overview and ">z<" not in overview and ">Zed<" in overview
    feed = feedparser.parse((site.site / "blog/feed.xml").read_bytes())
    assert [e.title for e in feed.entries] == ["D", "C", "A", "E"]
    assert "E's first paragraph." in feed.entries[3].summary
    assert [e.title for e in feedparser.parse((site.site / "blog/tags/y/feed.xml").read_bytes()).entries] == [
        "D",
        "E",
    ]
    header = site.html("blog/a.md")
    assert 'href="../tags/w/"' in header and "tags/x/" not in header
