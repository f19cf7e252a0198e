"""The shipped example site builds clean under --strict with MkDocs and with ProperDocs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import feedparser
import mf2py
from lxml import etree
from mkdocs.commands.build import build
from mkdocs.config import load_config

EXAMPLE = Path(__file__).parent.parent / "example_site"


def entries(html: str) -> list[str]:
    feed = next(i for i in mf2py.parse(doc=html)["items"] if "h-feed" in i["type"])
    return [c["properties"]["name"][0] for c in feed.get("children", [])]


def test_example_site_builds_strict_with_mkdocs(tmp_path: Path) -> None:
    config = load_config(str(EXAMPLE / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    site = tmp_path / "site"
    first, second = (
        entries((site / "blog/index.html").read_text()),
        entries((site / "blog/page/2/index.html").read_text()),
    )
    assert len(first) == 10 and len(second) >= 3
    titles = first + second
    assert len(set(titles)) == len(titles)
    assert (site / "blog/tags/cpp/index.html").is_file() and (site / "blog/tags/csharp/index.html").is_file()
    assert not (site / "blog/tags/brouillon-secret").exists()  # a draft by its folder's .meta.yml
    assert not list(site.rglob("*provenance*"))
    redirect = (site / "2016/01/24/migrer-de-jekyll-vers-mkdocs.html").read_text(encoding="utf-8")
    assert 'url=https://carnet.example.org/blog/posts/2016-01-24-migrer-de-jekyll-vers-mkdocs/"' in redirect
    assert not (site / "blog/tags/avenir").exists()
    assert "janvier" in (site / "blog/posts/2016-01-24-migrer-de-jekyll-vers-mkdocs/index.html").read_text()

    # Every feed parses cleanly with feedparser and lxml; the JSON Feed has the required fields.
    feeds = sorted(site.rglob("*.xml"))
    feeds = [f for f in feeds if f.name in {"feed.xml", "atom.xml"}]
    tag_pages = [d for d in (site / "blog/tags").iterdir() if (d / "index.html").is_file()]
    assert len(feeds) == 2 * (len(tag_pages) + 1)  # the blog's and each tag's RSS and Atom
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
        etree.fromstring(path.read_bytes())
        assert parsed.entries
    data = json.loads((site / "blog/feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] and data["items"]
    assert all(item["id"] and ("content_html" in item or "content_text" in item) for item in data["items"])
    assert [i["title"] for i in data["items"]] == first + second


def test_example_site_builds_strict_with_properdocs(tmp_path: Path) -> None:
    properdocs = Path(sys.executable).with_name("properdocs")
    assert properdocs.exists(), "properdocs is a test dependency"
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [
            str(properdocs),
            "build",
            "--strict",
            "-f",
            str(EXAMPLE / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    html = (tmp_path / "site/blog/index.html").read_text()
    assert len(entries(html)) == 10
