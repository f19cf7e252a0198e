"""Check the built sdist and wheel: the wheel holds every file the plugin needs; the sdist builds it again.

    python tools/check_dist.py dist

A template, the stylesheet or ``py.typed`` missing from the wheel would pass
every test run from a checkout and break every user's install; this fails
instead. The sdist is unpacked and built into a second wheel, whose files
must be the same, byte for byte, as the first's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "mkdocs_blog_tags"


def _wheel_files(wheel: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(wheel) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if not name.endswith("/") and ".dist-info/RECORD" not in name
        }


def _required() -> list[str]:
    """Every file of the package a user's build reads: modules, templates, stylesheet, py.typed."""
    source = ROOT / PACKAGE
    files = [p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted(f"{PACKAGE}/{p.relative_to(source).as_posix()}" for p in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path)
    args = parser.parse_args()
    wheels = sorted(args.dist.glob("*.whl"))
    sdists = sorted(args.dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"expected one wheel and one sdist in {args.dist}, found {wheels + sdists}")
        return 1
    files = _wheel_files(wheels[0])
    missing = [name for name in _required() if name not in files]
    for needed in ("templates/blog_tags/style.css", "py.typed", "templates/blog_tags/entry.html"):
        if f"{PACKAGE}/{needed}" not in files:
            missing.append(f"{PACKAGE}/{needed}")
    if missing:
        print("the wheel lacks:\n  " + "\n  ".join(sorted(set(missing))))
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(sdists[0]) as archive:
            archive.extractall(tmp, filter="data")
        (unpacked,) = Path(tmp).iterdir()
        out = Path(tmp) / "rebuilt"
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(unpacked)],
            check=True,
            capture_output=True,
        )
        (rebuilt,) = out.glob("*.whl")
        again = _wheel_files(rebuilt)
    if again != files:
        differ = sorted(set(again) ^ set(files) | {n for n in files if n in again and again[n] != files[n]})
        print("the wheel built from the sdist differs in:\n  " + "\n  ".join(differ))
        return 1
    templates = sum(1 for name in files if name.startswith(f"{PACKAGE}/templates/"))
    print(
        f"{wheels[0].name}: {len(files)} files ({templates} templates, style.css, py.typed); "
        f"{sdists[0].name} builds the same wheel"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
