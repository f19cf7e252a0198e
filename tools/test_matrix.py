"""Run the tests on every CPython from 3.10 to 3.13 that this machine has, and once on the oldest MkDocs.

    python tools/test_matrix.py            # the quick suite (not the tests marked slow)
    python tools/test_matrix.py --full     # everything, on every Python

Each run installs the project from the checkout, as a user's ``pip install``
would (not editable), into its own virtualenv under ``.venv-matrix/``, and
runs pytest there. The interpreter running this script has had the whole
suite already (``make test``), so it only gets the run on MkDocs 1.6.0, the
oldest supported. Interpreters are looked for among pyenv's versions and as
``python3.X`` on PATH. A table at the end says which ran and how they ended.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENVS = ROOT / ".venv-matrix"
MINORS = (10, 11, 12, 13)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _works(python: str, minor: int) -> bool:
    try:
        found = subprocess.run(
            [python, "-c", "import sys, venv; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return found.returncode == 0 and found.stdout.split() == ["3", str(minor)]


def interpreters() -> dict[int, str]:
    """Minor version -> an interpreter of it, found among pyenv's versions or on PATH."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found: dict[int, str] = {}
    for minor in MINORS:
        candidates = (
            sorted(root.glob(f"3.{minor}.*/bin/python3.{minor}"), reverse=True) if root.is_dir() else []
        )
        for python in [*map(str, candidates), f"python3.{minor}"]:
            if _works(python, minor):
                found[minor] = python
                break
    return found


def run(name: str, python: str, extra: list[str], pytest_args: list[str]) -> tuple[str, bool, float]:
    start = time.monotonic()
    venv = VENVS / name
    steps = [
        [python, "-m", "venv", "--clear", str(venv)],
        [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
        [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", f"{ROOT}[test]", *extra],
        # The pytest executable, not `python -m pytest`: the checkout's folder must not shadow the
        # installed package.
        [str(venv / "bin/pytest"), "-q", "-p", "no:cacheprovider", *pytest_args, str(ROOT / "tests")],
    ]
    print(f"== {name}: {python} {' '.join(extra)}", flush=True)
    for step in steps[:-1]:  # installs: their output only when they fail
        done = subprocess.run(step, env=ENV, cwd=VENVS, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout + done.stderr)
            return name, False, time.monotonic() - start
    if subprocess.run(steps[-1], env=ENV, cwd=VENVS).returncode != 0:
        return name, False, time.monotonic() - start
    return name, True, time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="run the slow tests too, on every Python")
    args = parser.parse_args()
    pytest_args = [] if args.full else ["-m", "not slow"]
    VENVS.mkdir(exist_ok=True)
    found = interpreters()
    current = sys.version_info.minor
    print("Pythons found: " + ", ".join(f"3.{m} ({p})" for m, p in sorted(found.items())), flush=True)
    others = {m: p for m, p in sorted(found.items()) if m != current}
    if not others:
        print(f"only Python 3.{current} found: no other Python to run; the MkDocs 1.6.0 run follows")
    results = [run(f"py3.{m}", p, [], pytest_args) for m, p in others.items()]
    results.append(run(f"py3.{current}-mkdocs-1.6.0", sys.executable, ["mkdocs==1.6.0"], pytest_args))
    print(
        f"\nmatrix (the whole suite ran on 3.{current} with the latest MkDocs and ProperDocs in make test):"
    )
    for name, ok, seconds in results:
        print(f"  {name:<24} {'passed' if ok else 'FAILED':<7} {seconds:6.0f} s")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
