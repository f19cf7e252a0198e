"""Build cost of ``blog-tags`` against a bare MkDocs build of the same posts.

Generates a deterministic corpus of French posts shaped like the reference post, then builds it
with (a) MkDocs alone, (b) ``blog-tags`` with its default configuration and, for the Material
theme, (c) Material's own ``blog`` and ``tags`` plugins. Every build runs in a fresh child
process, which also rebuilds once with the same plugin instances, as ``mkdocs serve`` does
after an edit. Runs alternate between the variants; medians are reported.

Examples::

    python benchmarks/bench_build.py --smoke
    python benchmarks/bench_build.py --posts 200,1000 --themes mkdocs,material --runs 3
    python benchmarks/bench_build.py --posts 1000 --ablation --instructions --runs 1

``--ablation`` adds builds of (b) with the share meta, the feeds, the post headers, all three, and
the archive and category pages switched off (``--ablation no-groupings,core`` for some of them).
``--instructions`` counts the instructions of each first build under valgrind instead of timing
it: slower, but the same on every run, where wall time on a shared machine drifts by tens of
percent.

The default work directory is a temporary folder, removed at the end; pass ``--workdir`` to keep
the corpus and the configurations (a corpus is then reused when its size and seed match).
"""

from __future__ import annotations

import argparse
import base64
import compileall
import dataclasses
import datetime as dt
import importlib.metadata
import importlib.util
import io
import json
import logging
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

SMOKE_POSTS = 50
CHILD_TIMEOUT_S = 3600
IMAGE_COUNT = 10
DATE_START = dt.date(2015, 1, 1)
DATE_END = dt.date(2025, 12, 31)

# A 16x9 JPEG, written when Pillow is missing.
FALLBACK_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1R"
    "V19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2Nj"
    "Y2NjY2NjY2NjY2NjY2P/wAARCAAJABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAA"
    "AAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIgGDv/Z"
)

_VOCABULARY = (
    "le la les un une des du de et ou mais donc car dans sur pour avec sans sous entre vers "
    "plateforme média médias ingénieur ingénieurs contenu contenus vidéo vidéos réseau réseaux "
    "numérique numériques tendance tendances public outil outils création stratégie communication "
    "innovation algorithme données image images son sons signal flux format formats qualité "
    "utilisateur utilisateurs développement projet projets équipe technique techniques approche "
    "méthode solution solutions système systèmes logiciel matériel serveur navigateur écran "
    "permet offre propose favorise améliore transforme révèle simplifie accélère explore "
    "comprendre concevoir diffuser partager produire analyser mesurer optimiser publier apprendre "
    "essentiel incontournable efficace rapide simple complexe moderne récent actuel précieux "
    "créatif innovant accessible pertinent captivant unique léger robuste ouvert libre "
    "aujourd'hui ensuite enfin toujours souvent rapidement clairement également notamment "
    "monde société culture veille recherche école étudiant étudiants article articles série "
    "expérience interface conception audience mesure visibilité usage usages évolution avenir"
)
WORDS = tuple(_VOCABULARY.split())

CATEGORIES = ("Ingénierie", "Actualités", "Outils", "Recherche", "Retours d’expérience")
TAGS = (
    "Ingénierie des médias", "Éthique", "Réseau", "Sécurité", "Données", "Télécommunications",
    "Intelligence artificielle", "Cybersécurité", "Développement web", "Expérience utilisateur",
    "Vidéo", "Audio numérique", "Réalité virtuelle", "Réalité augmentée", "Éducation",
    "Écologie numérique", "Économie", "Société", "Télévision", "Cinéma", "Photographie", "Musique",
    "Radio", "Podcast", "Journalisme", "Médias sociaux", "Stratégie de marque", "Communication",
    "Marketing numérique", "Référencement", "Accessibilité", "Typographie", "Design graphique",
    "Animation 3D", "Jeux vidéo", "Programmation", "Algorithmique", "Base de données",
    "Systèmes embarqués", "Électronique", "Informatique quantique", "Cloud", "DevOps", "Open source",
    "Logiciel libre", "Vie privée", "RGPD", "Droit d'auteur", "Veille technologique",
    "Tendances numériques", "Contenu créatif et innovant", "TikTok en ingénierie des médias",
    "YouTube", "Instagram", "Mastodon", "Linux", "Windows", "macOS", "Android", "iOS", "Python",
    "JavaScript", "TypeScript", "Rust", "Go", "Java", "Kotlin", "C++", "C#", "PHP", "HTML", "CSS",
    "SQL", "Docker", "Kubernetes", "Git", "Markdown", "MkDocs", "Blender", "FFmpeg", "OBS", "Unity",
    "Unreal Engine", "Arduino", "Raspberry Pi", "Compression", "Streaming", "Codec",
    "Réseaux de neurones", "Apprentissage automatique", "Vision par ordinateur",
    "Traitement du signal", "Mathématiques", "Statistiques", "Gestion de projet", "Agilité",
    "Entrepreneuriat", "Carrière", "Tutoriel", "Retour d'expérience", "Conférence", "Livres",
)  # fmt: skip

VARIANTS = ("bare", "blog-tags", "material-blog")
# --ablation: (b) with one part of the plugin switched off, to see what each part costs.
ABLATIONS = {
    "no-meta": ["meta: false"],
    "no-feeds": ["feeds: {rss: false, atom: false, json: false}"],
    "no-header": ["header: {date: false, reading_time: false, tags: false, image: false}"],
    "no-groupings": ["archive: false", "categories: false"],
    "no-footer": ["footer: {previous_next: false, related: 0, blog_link: false}"],
    "no-related": ["footer: {related: 0}"],
    "no-lint": ["lint: false"],
    "core": [
        "meta: false",
        "feeds: {rss: false, atom: false, json: false}",
        "header: {date: false, reading_time: false, tags: false, image: false}",
    ],
}
LABELS = {
    "bare": "(a) bare",
    "blog-tags": "(b) blog-tags",
    "material-blog": "(c) material blog",
    **{name: f"(b) {name}" for name in ABLATIONS},
}
COLUMNS = (
    "N",
    "theme",
    "variant",
    "median s",
    "ratio",
    "peak RSS MB",
    "RSS ratio",
    "rebuild s",
    "rebuild ratio",
    "rebuild RSS MB",
)


@dataclasses.dataclass(frozen=True)
class Build:
    """One child process: first build, rebuild, peak RSS, warnings logged."""

    first: float
    rebuild: float
    maxrss_kb: float
    """Peak resident memory of the process when its first build ended (what ``mkdocs build`` needs)."""
    warnings: int
    rebuild_maxrss_kb: float = 0.0
    """Peak of the whole process, rebuild included (what ``mkdocs serve`` needs after an edit)."""


@dataclasses.dataclass(frozen=True)
class Case:
    """One configuration to build: posts, theme, variant, mkdocs.yml."""

    n: int
    theme: str
    variant: str
    config: Path


@dataclasses.dataclass(frozen=True)
class Row:
    """Medians of one case and their ratios to the bare build."""

    case: Case
    first: float
    rss_mb: float
    rebuild: float
    warnings: int
    base: Row | None
    rebuild_rss_mb: float = 0.0


# -- corpus ----------------------------------------------------------------------------------


def _sentence(rng: random.Random, low: int = 8, high: int = 20) -> str:
    """A capitalised French-ish sentence, sometimes with a comma or a bold word."""
    words = rng.choices(WORDS, k=rng.randint(low, high))
    if len(words) > 8 and rng.random() < 0.4:
        words[rng.randint(3, len(words) - 3)] += ","
    if rng.random() < 0.15:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i].rstrip(',')}**"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: int) -> str:
    """Sentences until about ``words`` words."""
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def _title(rng: random.Random, low: int, high: int) -> str:
    """A capitalised phrase without final punctuation."""
    text = " ".join(rng.choices(WORDS, k=rng.randint(low, high)))
    return text[0].upper() + text[1:]


def _body(rng: random.Random) -> str:
    """300-600 words in 3-5 paragraphs, two ``##`` headings, ``<!-- more -->`` after the first."""
    total = rng.randint(300, 600)
    count = rng.randint(3, 5)
    cuts = sorted(rng.sample(range(40, total - 40), count - 1))
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    headed = set(rng.sample(range(1, count), 2))
    blocks: list[str] = []
    for i, size in enumerate(sizes):
        if i in headed:
            blocks.append("## " + _title(rng, 2, 6))
        blocks.append(_paragraph(rng, size))
        if i == 0:
            blocks.append("<!-- more -->")
    return "\n\n".join(blocks) + "\n"


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _categories(title: str) -> list[str]:
    """One or two categories, a function of the title: the corpus's other fields keep the seed's values."""
    first = zlib.crc32(title.encode("utf-8"))
    picked = [CATEGORIES[first % len(CATEGORIES)]]
    if first % 3 == 0:
        picked.append(CATEGORIES[(first // 7 + 1) % len(CATEGORIES)])
    return list(dict.fromkeys(picked))


def make_post(rng: random.Random) -> str:
    """One post with the reference post's front matter fields, and Material's ``categories``."""
    date = DATE_START + dt.timedelta(days=rng.randint(0, (DATE_END - DATE_START).days))
    tags = rng.sample(TAGS, rng.randint(1, 5))
    title = _title(rng, 4, 10)
    lines = [
        "---",
        f"title: {_quote(title)}",
        f"date: {date.isoformat()}",
        f"description: {_quote(' '.join(_sentence(rng) for _ in range(rng.randint(1, 2))))}",
        f"image: ../images/img-{rng.randrange(IMAGE_COUNT)}.jpg",
        f"imageAltAttribute: {_quote('illustration de ' + ' '.join(rng.choices(WORDS, k=3)))}",
        "tags:",
        *(f"   - {_quote(tag)}" for tag in tags),
        "categories:",
        *(f"   - {_quote(name)}" for name in _categories(title)),
        "---",
    ]
    return "\n".join(lines) + "\n" + _body(rng)


def write_images(folder: Path, rng: random.Random) -> None:
    """``img-0.jpg`` ... ``img-9.jpg``: small real JPEGs (Pillow), else a tiny embedded one."""
    folder.mkdir(parents=True, exist_ok=True)
    pillow = importlib.util.find_spec("PIL") is not None
    for k in range(IMAGE_COUNT):
        path = folder / f"img-{k}.jpg"
        if not pillow:
            path.write_bytes(FALLBACK_JPEG)
            continue
        from PIL import Image, ImageDraw

        image = Image.new("RGB", (320, 180), tuple(rng.randrange(256) for _ in range(3)))
        draw = ImageDraw.Draw(image)
        for _ in range(6):
            x, y = rng.randrange(280), rng.randrange(140)
            fill = tuple(rng.randrange(256) for _ in range(3))
            draw.rectangle((x, y, x + rng.randint(10, 80), y + rng.randint(10, 60)), fill=fill)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        path.write_bytes(buffer.getvalue())


def _write_tree(docs: Path, posts: Sequence[str], images: Path, extra: dict[str, str]) -> None:
    """A docs folder: home page, blog index, posts, the shared images, extra pages."""
    pages = {
        "index.md": "# Bench\n\nA generated site to time blog builds.\n",
        "blog/index.md": "# Blog\n",
        **extra,
    }
    for uri, text in pages.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(text, encoding="utf-8")
    (docs / "blog/posts").mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(posts):
        (docs / f"blog/posts/post-{i:05d}.md").write_text(text, encoding="utf-8")
    shutil.copytree(images, docs / "blog/images")


def write_corpus(workdir: Path, n: int, seed: int) -> Path:
    """``workdir/corpus-N`` with ``docs/`` and ``docs-material/``; reused if already complete."""
    root = workdir / f"corpus-{n}"
    stamp = root / ".complete"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == f"{seed}\n":
        return root
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed * 1_000_003 + n)
    posts = [make_post(rng) for _ in range(n)]
    images = root / "images"
    write_images(images, rng)
    _write_tree(root / "docs", posts, images, {})
    # Material's blog reads posts from blog/posts/ and needs blog/index.md and a `date` in
    # every post; its PostConfig drops the keys it does not know (title, image...), and
    # `categories` is optional. The tags overview page makes its tags plugin render one.
    tags_page = {"tags.md": "# Tags\n\n<!-- material/tags -->\n"}
    _write_tree(root / "docs-material", posts, images, tags_page)
    shutil.rmtree(images)
    stamp.write_text(f"{seed}\n", encoding="utf-8")
    return root


def write_config(workdir: Path, corpus: Path, theme: str, variant: str) -> Path:
    """The mkdocs.yml of one variant, next to the corpus."""
    docs = corpus / ("docs-material" if variant == "material-blog" else "docs")
    plugins = {
        "bare": ["search"],
        "blog-tags": ["search", "blog-tags"],
        "material-blog": ["search", "material/blog", "material/tags"],
    }.get(variant, ["search", "blog-tags:"])
    options = [f"      {line}" for line in ABLATIONS.get(variant, [])]
    lines = [
        "site_name: Bench",
        "site_url: https://example.org/",
        f"docs_dir: {_quote(str(docs))}",
        "theme:",
        f"  name: {theme}",
        "plugins:",
        *(f"  - {name}" for name in plugins),
        *options,
    ]
    if variant == "bare":
        # Posts out of the automatic nav, as blog-tags and Material's blog do.
        lines += ["not_in_nav: |", "  /blog/**"]
    path = workdir / f"mkdocs-{corpus.name}-{theme}-{variant}.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- child process ---------------------------------------------------------------------------


class _CountingHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes records to stderr and counts the warnings."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.warnings += 1
        super().emit(record)


def _maxrss_kb() -> float:
    """Peak resident set size of this process, in KiB (0 where ``resource`` is missing)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return peak / 1024 if sys.platform == "darwin" else peak  # bytes on macOS


def child(config_file: str, site_dir: str) -> int:
    """Build, rebuild with the same plugin instances (as ``serve`` does), print JSON timings."""
    handler = _CountingHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    logger.propagate = False

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    first = time.perf_counter() - start
    first_maxrss_kb = _maxrss_kb()

    rebuild = 0.0
    if not os.environ.get("BENCH_FIRST_BUILD_ONLY"):
        start = time.perf_counter()
        config = load_config(config_file, site_dir=site_dir)
        build(config)
        rebuild = time.perf_counter() - start

    config.plugins.on_shutdown()
    result = {
        "first": first,
        "rebuild": rebuild,
        "maxrss_kb": first_maxrss_kb,
        "rebuild_maxrss_kb": _maxrss_kb(),
        "warnings": handler.warnings,
    }
    print(json.dumps(result))
    return 0


_IREFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def run_child(case: Case, site_dir: Path, instructions: bool = False) -> tuple[Build | None, str]:
    """One build in a fresh interpreter; the result, or None and the child's output.

    With ``instructions``, the child runs its first build only, under valgrind's cachegrind,
    and ``Build.first`` is the number of instructions it executed, in millions.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(case.config), str(site_dir)]
    if instructions:
        env.update(BENCH_FIRST_BUILD_ONLY="1", PYTHONHASHSEED="0")
        valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        command = [*valgrind, *command]
    try:
        proc = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=CHILD_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return None, f"timed out after {CHILD_TIMEOUT_S} s"
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return None, (proc.stdout + proc.stderr).strip() or f"exit code {proc.returncode}"
    data = json.loads(lines[-1])
    build = Build(
        float(data["first"]),
        float(data["rebuild"]),
        float(data["maxrss_kb"]),
        int(data["warnings"]),
        float(data["rebuild_maxrss_kb"]),
    )
    if instructions:
        found = _IREFS.search(proc.stderr)
        if not found:
            return None, "no instruction count in valgrind's output:\n" + proc.stderr
        build = dataclasses.replace(
            build, first=int(found.group(1).replace(",", "")) / 1e6, maxrss_kb=0, rebuild_maxrss_kb=0
        )
    return build, proc.stderr


# -- report ----------------------------------------------------------------------------------


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x" if base > 0 else "n/a"


def summarize(cases: Sequence[Case], results: dict[Case, list[Build]]) -> list[Row]:
    """Medians per case, each linked to the bare build of the same N and theme."""
    rows: list[Row] = []
    bases: dict[tuple[int, str], Row] = {}
    for case in cases:
        builds = results.get(case, [])
        if not builds:
            continue
        row = Row(
            case=case,
            first=statistics.median(b.first for b in builds),
            rss_mb=statistics.median(b.maxrss_kb for b in builds) / 1024,
            rebuild=statistics.median(b.rebuild for b in builds),
            warnings=max(b.warnings for b in builds),
            base=bases.get((case.n, case.theme)),
            rebuild_rss_mb=statistics.median(b.rebuild_maxrss_kb for b in builds) / 1024,
        )
        if case.variant == "bare":
            bases[(case.n, case.theme)] = row
        rows.append(row)
    return rows


def table_cells(rows: Sequence[Row], failed: Sequence[Case], instructions: bool = False) -> list[list[str]]:
    """The cells of the results table, failed cases last (no memory or rebuild when counting)."""
    cells: list[list[str]] = []
    for row in rows:
        base = row if row.case.variant == "bare" else row.base
        cells.append(
            [
                str(row.case.n),
                row.case.theme,
                LABELS[row.case.variant],
                f"{row.first:.0f}" if instructions else f"{row.first:.3f}",
                _ratio(row.first, base.first) if base else "n/a",
                *(
                    ["n/a"] * 5
                    if instructions
                    else [
                        f"{row.rss_mb:.1f}",
                        _ratio(row.rss_mb, base.rss_mb) if base else "n/a",
                        f"{row.rebuild:.3f}",
                        _ratio(row.rebuild, base.rebuild) if base else "n/a",
                        f"{row.rebuild_rss_mb:.1f}",
                    ]
                ),
            ]
        )
    for case in failed:
        cells.append([str(case.n), case.theme, LABELS[case.variant], "FAILED", *[""] * (len(COLUMNS) - 4)])
    return cells


def plain_table(cells: Sequence[Sequence[str]], columns: Sequence[str] = COLUMNS) -> str:
    """Aligned columns: text left, numbers right."""
    widths = [max(len(r[i]) for r in [columns, *cells]) for i in range(len(columns))]
    left = {1, 2}

    def line(row: Sequence[str]) -> str:
        parts = [
            v.ljust(w) if i in left else v.rjust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(columns), rule, *(line(r) for r in cells)])


def markdown_table(cells: Sequence[Sequence[str]], columns: Sequence[str] = COLUMNS) -> str:
    """A GitHub-flavoured Markdown table."""
    align = ["---:" if i not in (1, 2) else ":---" for i in range(len(columns))]
    rows = [columns, align, *cells]
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def scaling_lines(rows: Sequence[Row]) -> list[str]:
    """time(N_max) / time(N_min) per theme and variant, (b) first."""
    sizes = sorted({r.case.n for r in rows})
    if len(sizes) < 2:
        return []
    low, high = sizes[0], sizes[-1]
    by_key = {(r.case.n, r.case.theme, r.case.variant): r for r in rows}
    order = ["blog-tags", "bare", "material-blog"]
    lines = [f"Scaling, first build time(N={high}) / time(N={low}), posts x{high / low:.1f}:"]
    for theme in dict.fromkeys(r.case.theme for r in rows):
        for variant in order:
            a, b = by_key.get((low, theme, variant)), by_key.get((high, theme, variant))
            if a and b:
                lines.append(f"  {theme:<10} {LABELS[variant]:<18} {_ratio(b.first, a.first)}")
    return lines


def machine_info() -> str:
    """Platform, Python, CPUs and the MkDocs and Material versions."""
    versions = []
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-blog-tags"):
        try:
            versions.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    python = f"Python {platform.python_version()} ({platform.python_implementation()})"
    return f"Machine: {platform.platform()}; {python}; cpu_count={os.cpu_count()}; " + ", ".join(versions)


# -- command line ----------------------------------------------------------------------------


def parse_posts(values: Sequence[str]) -> list[int]:
    """``--posts 200 --posts 500,1000`` -> [200, 500, 1000]."""
    sizes: set[int] = set()
    for value in values:
        for part in value.split(","):
            if part.strip():
                number = int(part)
                if number < 1:
                    raise argparse.ArgumentTypeError(f"--posts: expected a positive number, got {part!r}")
                sizes.add(number)
    return sorted(sizes)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--posts", action="append", metavar="N", help="posts per corpus (repeatable, or 200,1000)"
    )
    parser.add_argument("--themes", default="mkdocs", help="comma list of themes (default: mkdocs)")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant (default: 3)")
    parser.add_argument("--workdir", type=Path, help="where corpora and configs go (default: a temp dir)")
    parser.add_argument("--no-material-blog", action="store_true", help="skip (c), Material's blog plugin")
    parser.add_argument("--markdown-table", action="store_true", help="also print a Markdown table")
    parser.add_argument("--seed", type=int, default=1, help="seed of the corpus generator (default: 1)")
    parser.add_argument(
        "--ablation",
        nargs="?",
        const=",".join(ABLATIONS),
        default="",
        help="also build (b) with parts off: all of " + ", ".join(ABLATIONS) + ", or a comma list of them",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions under valgrind (first build only), not time: exact on a noisy machine",
    )
    parser.add_argument("--smoke", action="store_true", help="CI check: N=50, 1 run, mkdocs theme, no (c)")
    parser.add_argument("--child", nargs=2, metavar=("CONFIG", "SITE_DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return args
    try:
        args.posts = parse_posts(args.posts or ["1000"])
    except (ValueError, argparse.ArgumentTypeError) as err:
        parser.error(str(err))
    args.themes = list(dict.fromkeys(t.strip() for t in args.themes.split(",") if t.strip()))
    if args.smoke:
        args.posts, args.runs, args.themes, args.no_material_blog = [SMOKE_POSTS], 1, ["mkdocs"], True
    if args.runs < 1 or not args.themes:
        parser.error("--runs must be >= 1 and --themes must name a theme")
    unknown = [name for name in args.ablation.split(",") if name and name not in ABLATIONS]
    if unknown:
        parser.error(f"--ablation: unknown {', '.join(unknown)}; known: {', '.join(ABLATIONS)}")
    return args


def _material_available() -> bool:
    return importlib.util.find_spec("material") is not None


def _compile_plugin() -> None:
    """Byte-compile the plugin's package where it is imported from, as a wheel install does.

    An editable install (``make install``) has no bytecode until the first import writes it,
    and none at all under ``PYTHONDONTWRITEBYTECODE``: every child would then compile the
    plugin's modules again, a cost no installed site pays (MkDocs and Material are compiled
    by pip).
    """
    spec = importlib.util.find_spec("mkdocs_blog_tags")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the corpora, alternate the builds, print the tables; 1 if a build failed."""
    args = parse_args(argv)
    if args.child:
        return child(*args.child)

    _compile_plugin()
    own_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="bench-blog-tags-")) if own_workdir else args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    material = _material_available()
    if "material" in args.themes and not material:
        print("mkdocs-material is not installed: skipping the material theme.", file=sys.stderr)
        args.themes = [t for t in args.themes if t != "material"]

    try:
        cases: list[Case] = []
        for n in args.posts:
            start = time.perf_counter()
            corpus = write_corpus(workdir, n, args.seed)
            print(f"corpus N={n}: {corpus} ({time.perf_counter() - start:.1f} s)", file=sys.stderr)
            for theme in args.themes:
                ablations = [name for name in args.ablation.split(",") if name]
                for variant in (*VARIANTS, *ablations):
                    if variant == "material-blog" and (theme != "material" or args.no_material_blog):
                        continue
                    cases.append(Case(n, theme, variant, write_config(workdir, corpus, theme, variant)))

        results: dict[Case, list[Build]] = {case: [] for case in cases}
        failed: list[Case] = []
        groups = list(dict.fromkeys((c.n, c.theme) for c in cases))
        for run in range(args.runs):
            for n, theme in groups:
                for case in (c for c in cases if (c.n, c.theme) == (n, theme)):
                    if case in failed:
                        continue
                    site_dir = Path(tempfile.mkdtemp(prefix="site-", dir=workdir))
                    build, output = run_child(case, site_dir, args.instructions)
                    where = f"run {run + 1}/{args.runs} N={n} {theme} {LABELS[case.variant]}"
                    if build is None:
                        failed.append(case)
                        print(f"{where}: FAILED\n{output}", file=sys.stderr)
                        continue
                    results[case].append(build)
                    note = f", {build.warnings} warning(s)" if build.warnings else ""
                    if args.instructions:
                        print(f"{where}: {build.first:.0f} M instructions{note}", file=sys.stderr)
                    else:
                        print(
                            f"{where}: {build.first:.2f} s, {build.maxrss_kb / 1024:.0f} MB, "
                            f"rebuild {build.rebuild:.2f} s, {build.rebuild_maxrss_kb / 1024:.0f} MB{note}",
                            file=sys.stderr,
                        )
    finally:
        if own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    rows = summarize([c for c in cases if c not in failed], results)
    cells = table_cells(rows, failed, args.instructions)
    columns = (*COLUMNS[:3], "M instructions", *COLUMNS[4:]) if args.instructions else COLUMNS
    print(machine_info())
    print("Command: " + shlex.join([sys.executable, *sys.argv]))
    themes = ",".join(args.themes)
    posts = ",".join(map(str, args.posts))
    resolved = ["--posts", posts, "--themes", themes, "--runs", str(args.runs), "--seed", str(args.seed)]
    if args.no_material_blog:
        resolved.append("--no-material-blog")
    if args.ablation:
        resolved += ["--ablation", args.ablation]
    if args.instructions:
        resolved.append("--instructions")
    print("Same as:  " + shlex.join([sys.executable, sys.argv[0], *resolved]))
    if args.instructions:
        print(
            f"Instructions executed by a fresh process that imports MkDocs and builds once "
            f"(valgrind cachegrind), medians of {args.runs} run(s); ratios are to (a) bare."
        )
    else:
        print(f"Medians of {args.runs} run(s), each build in a fresh process; ratios are to (a) bare.")
        print(
            "Peak RSS: the process's peak when its first build ended. Rebuild RSS: its peak after "
            "the rebuild too, with whatever the plugins keep between builds for serve."
        )
    print()
    print(plain_table(cells, columns))
    warned = [r for r in rows if r.warnings]
    if warned:
        print()
        print(
            "Warnings logged per child (build, and rebuild unless counting instructions): "
            + "; ".join(f"{r.case.n} {r.case.theme} {LABELS[r.case.variant]}: {r.warnings}" for r in warned)
        )
    scaling = scaling_lines(rows)
    if scaling:
        print()
        print("\n".join(scaling))
    if args.markdown_table:
        print()
        print(markdown_table(cells, columns))
    if failed:
        print(f"\n{len(failed)} configuration(s) failed to build.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
