"""Build the example site and the docs in every configuration into one folder, to compare two commits.

Used to show that a refactoring changes no output: run it before and after, then
``diff -r`` the two folders. Each build runs in its own process with the
working tree's package, on themes mkdocs, readthedocs and material, with both
``use_directory_urls`` values. ``sitemap.xml.gz`` is left out: gzip stamps it
with the build time.

    python tools/snapshot_builds.py /tmp/before
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
THEMES = ("mkdocs", "readthedocs", "material")


def _build(config: dict[str, object], docs_dir: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config_file = Path(tmp, "mkdocs.yml")
        config = {**config, "docs_dir": str(docs_dir), "site_dir": str(out)}
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file)],
            check=True,
            env={
                **os.environ,
                "NO_MKDOCS_2_WARNING": "1",
                "DISABLE_MKDOCS_2_WARNING": "true",
                "SOURCE_DATE_EPOCH": "0",
            },
        )
    for gz in out.rglob("*.gz"):
        gz.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the builds into (emptied first)")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    example = yaml.safe_load((ROOT / "example_site" / "mkdocs.yml").read_text(encoding="utf-8"))
    for theme in THEMES:
        for directory_urls in (True, False):
            config = dict(example)
            config["theme"] = {**example["theme"], "name": theme}
            if theme == "material":
                config["theme"] = {"name": theme, "language": "fr"}
            config["use_directory_urls"] = directory_urls
            name = f"example-{theme}-{'dirs' if directory_urls else 'files'}"
            _build(config, ROOT / "example_site" / "docs", args.out / name)
    docs = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    _build(docs, ROOT / "docs", args.out / "docs")
    print(f"wrote {len(list(args.out.iterdir()))} builds to {args.out}")


if __name__ == "__main__":
    main()
