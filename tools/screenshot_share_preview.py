"""Screenshot the example site's share-preview page, for the documentation (docs/assets/share-preview.png).

Why a script: the picture in the docs must show what the plugin really renders,
and it goes stale whenever the page's template or the example posts change.
This builds ``example_site`` with ``share_preview: true`` into a temporary
folder (the docs are read in place: only mkdocs.yml is copied, with the option
added) and has headless Chromium draw ``blog/share-preview/`` at 1280 pixels
wide, so the picture can be made again with one command:

    python tools/screenshot_share_preview.py [--out PATH] [--browser PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example_site"
DEFAULT_OUT = ROOT / "docs" / "assets" / "share-preview.png"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
WINDOW = (1280, 1800)


def find_browser(given: str | None) -> str | None:
    """The Chromium (or Chrome) to run: ``given``, else the first of `BROWSERS` on the PATH."""
    if given:
        return shutil.which(given) or (given if Path(given).is_file() else None)
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def with_share_preview(config: dict[str, Any]) -> dict[str, Any]:
    """The example's configuration with ``share_preview: true`` on its blog-tags entry."""
    plugins: list[Any] = []
    found = False
    for entry in config.get("plugins") or []:
        if entry == "blog-tags":
            entry = {"blog-tags": {}}
        if isinstance(entry, dict) and "blog-tags" in entry:
            entry = {"blog-tags": {**(entry["blog-tags"] or {}), "share_preview": True}}
            found = True
        plugins.append(entry)
    if not found:
        raise SystemExit(f"no blog-tags entry in {EXAMPLE / 'mkdocs.yml'}")
    return {**config, "plugins": plugins}


def build_example(folder: Path) -> Path:
    """Build the example site into ``folder``/site; the share-preview page written there."""
    config = with_share_preview(yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8")))
    config["docs_dir"] = str((EXAMPLE / config.get("docs_dir", "docs")).resolve())
    config["site_dir"] = str(folder / "site")
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file)],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
    )
    for page in ("blog/share-preview/index.html", "blog/share-preview.html"):
        if (folder / "site" / page).is_file():
            return folder / "site" / page
    raise SystemExit("the build wrote no share-preview page (is a page of the site at blog/share-preview?)")


def screenshot(browser: str, page: Path, out: Path, window: tuple[int, int] = WINDOW) -> None:
    """Draw ``page`` with headless Chromium into the PNG ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={window[0]},{window[1]}",
            f"--screenshot={out}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    if not out.is_file():
        raise SystemExit(f"{browser} wrote no screenshot at {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"PNG to write (default: {DEFAULT_OUT})"
    )
    parser.add_argument("--browser", help="Chromium or Chrome to run (default: the first found on the PATH)")
    args = parser.parse_args()
    browser = find_browser(args.browser)
    if browser is None:
        raise SystemExit(
            "no Chromium found: install chromium (or Google Chrome), or give its path with --browser"
        )
    with tempfile.TemporaryDirectory() as tmp:
        page = build_example(Path(tmp))
        screenshot(browser, page, args.out.resolve())
    print(f"wrote {args.out} ({WINDOW[0]}x{WINDOW[1]}) from {page.relative_to(tmp)}")


if __name__ == "__main__":
    main()
