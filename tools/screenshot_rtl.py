"""Screenshot a small Arabic blog on Material, for the documentation (docs/assets/rtl-ar.png).

Why a script: the picture in the docs must show what the plugin really renders
right to left, and it goes stale whenever the templates or the stylesheet change.
This writes a five-post blog in Arabic into a temporary folder, builds it with
``theme: {name: material, language: ar}`` and ``per_page: 2``, has headless
Chromium draw page 2 of the blog index (cards, and a pager with both its links)
and the middle post (header, and the links to the newer and the older post),
each 1280 pixels wide, and puts the first above the second:

    python tools/screenshot_rtl.py [--out PATH] [--browser PATH]

The theme's web font is off (``font: false``): Chromium draws with the fonts of
the machine, and never waits for Google Fonts. Needs Pillow (a test dependency)
to put the two pictures together.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from screenshot_share_preview import find_browser, screenshot

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "assets" / "rtl-ar.png"
WINDOW = (1280, 1600)
GAP = 24
"""Pixels of grey between the two pictures, and of white under each one's content."""
WHITE = (255, 255, 255)

PARAGRAPH = (
    "نكتب هنا ملاحظات قصيرة عن العمل اليومي: ما جرّبناه، وما نجح، وما سنفعله بطريقة أخرى في المرة القادمة."
)
POSTS = {
    "welcome.md": ("مرحبًا بكم في المدونة", "2024-01-10", ["إعلانات"]),
    "streaming.md": ("كيف نختار صيغة البث", "2024-02-14", ["بث", "فيديو"]),
    "translation.md": ("ترجمة الواجهات إلى العربية", "2024-03-20", ["ترجمة", "واجهات"]),
    "right-to-left.md": ("الكتابة من اليمين إلى اليسار", "2024-04-25", ["ترجمة", "تصميم"]),
    "audio.md": ("ملاحظات عن ضبط مستوى الصوت", "2024-05-30", ["صوت", "فيديو"]),
}
MIDDLE = "translation.md"
"""The post shown: it has a newer and an older neighbour."""


def write_blog(docs: Path) -> None:
    """The blog's Markdown: a home page and `POSTS`, each cut by ``<!-- more -->``."""
    (docs / "blog" / "posts").mkdir(parents=True)
    (docs / "index.md").write_text("# الصفحة الرئيسية\n\nأهلًا وسهلًا.\n", encoding="utf-8")
    for name, (title, date, tags) in POSTS.items():
        meta = yaml.safe_dump({"title": title, "date": date, "tags": tags}, allow_unicode=True)
        body = f"{PARAGRAPH}\n\n<!-- more -->\n\n## التفاصيل\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
        (docs / "blog" / "posts" / name).write_text(f"---\n{meta}---\n\n{body}", encoding="utf-8")


def build(folder: Path) -> Path:
    """Build the Arabic blog into ``folder``/site; returns the site folder."""
    docs = folder / "docs"
    write_blog(docs)
    config = {
        "site_name": "مدونة تجريبية",
        "site_url": "https://example.org/",
        "docs_dir": str(docs),
        "site_dir": str(folder / "site"),
        "theme": {"name": "material", "language": "ar", "font": False},
        "plugins": ["search", {"blog-tags": {"per_page": 2, "lint": {"image-missing": False}}}],
    }
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config_file)],
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
    )
    return folder / "site"


def _content_height(picture: Any) -> int:
    """The height of ``picture`` down to its lowest content, above the theme's footer (the full-width
    band at the bottom of the window), and a margin."""
    from PIL import Image, ImageChops

    bottom = picture.height
    while bottom > 0 and picture.getpixel((picture.width // 2, bottom - 1)) != WHITE:
        bottom -= 1  # the footer: Material draws it at the bottom of the window
    page = picture.crop((0, 0, picture.width, bottom))
    box = ImageChops.difference(page, Image.new("RGB", page.size, WHITE)).getbbox()
    return min(picture.height, (box[3] if box else bottom) + GAP)


def stacked(top: Path, bottom: Path, out: Path) -> None:
    """``top`` above ``bottom`` in one PNG, each cut below its content, a grey band between them."""
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("Pillow is needed to join the pictures: pip install pillow") from None
    with Image.open(top) as a, Image.open(bottom) as b:
        pictures = [a.convert("RGB"), b.convert("RGB")]
    heights = [_content_height(picture) for picture in pictures]
    width = max(picture.width for picture in pictures)
    joined = Image.new("RGB", (width, sum(heights) + GAP), (200, 200, 200))
    joined.paste(pictures[0].crop((0, 0, pictures[0].width, heights[0])), (0, 0))
    joined.paste(pictures[1].crop((0, 0, pictures[1].width, heights[1])), (0, heights[0] + GAP))
    out.parent.mkdir(parents=True, exist_ok=True)
    joined.save(out, optimize=True)


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
        site = build(Path(tmp))
        index, post = Path(tmp, "index.png"), Path(tmp, "post.png")
        screenshot(browser, site / "blog" / "page" / "2" / "index.html", index, WINDOW)
        screenshot(browser, site / "blog" / "posts" / MIDDLE.removesuffix(".md") / "index.html", post, WINDOW)
        stacked(index, post, args.out.resolve())
    print(f"wrote {args.out}: page 2 of the blog index (top) and the post {MIDDLE} (bottom)")


if __name__ == "__main__":
    main()
