"""Share-readiness: what will make a page's link preview (Open Graph, X card, search result) look bad.

Pure functions over plain values, so the plugin layer decides how to log and
tests need no build. Warnings are previews that break (no picture, a format
crawlers refuse, a card X downgrades); infos are previews that could be better
(text cut short, a small or oddly shaped picture). Every limit is a `Limits`
field, so a site can follow a platform that changes its numbers.

The words of a finding are the site's (`LintSettings.strings`, the ``lint_*``
keys of `i18n`); rule ids, field names, option names and code stay as written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from babel.lists import format_list
from babel.numbers import format_decimal

from .i18n import Strings
from .images import ImageInfo, locate_image
from .taxonomy import tag_key
from .values import closest

if TYPE_CHECKING:
    from .posts import Post

__all__ = [
    "RULES",
    "Finding",
    "Level",
    "Limits",
    "LintSettings",
    "ShareInput",
    "check_default_image",
    "check_file_date",
    "check_share",
    "check_terms",
    "large_image_card",
    "lint_posts",
    "parse_lint",
    "summary",
]

Level = Literal["warning", "info"]

RULES: Mapping[str, Level] = MappingProxyType(
    {
        # Warnings: the preview breaks; `mkdocs build --strict` fails on them.
        "image-missing": "warning",
        "image-not-found": "warning",
        "image-not-image": "warning",
        "image-format": "warning",
        "image-too-small": "warning",
        "alt-missing": "warning",
        # Infos: the preview could be better; never fail a build.
        "description-missing": "info",
        "description-length": "info",
        "title-length": "info",
        "headline-length": "info",
        "image-file-size": "info",
        "image-small": "info",
        "image-aspect": "info",
        "alt-length": "info",
        "term-near-duplicate": "info",
        "term-single-post": "info",
        "date-filename": "info",
    }
)
"""Every rule id and its level, in the order the documentation lists them."""

_MB = 1024 * 1024


@dataclasses.dataclass(frozen=True)
class Limits:
    """The numbers the rules compare with, and where each comes from."""

    # Search result snippets: about 160 characters; observed in Google's and Bing's results, not documented.
    description_search: int = 160
    # X Cards markup reference: twitter:description "max 200 characters".
    description_x: int = 200
    # Open Graph consumers (Facebook, LinkedIn, Slack) cut og:description around 300; observed.
    description_og: int = 300
    # X Cards markup reference: twitter:title "max 70 characters".
    title_x: int = 70
    # Google's Article structured data: headline of at most 110 characters (the AMP-era guideline;
    # the current page only says long headlines may be truncated).
    headline: int = 110
    # X Cards markup reference: twitter:image:alt "maximum 420 characters".
    alt: int = 420
    # X Cards markup reference: card images "must be less than 5MB in size".
    image_bytes: int = 5 * _MB
    # X's summary_large_image card: "minimum dimensions of 300x157"; smaller shows a summary card.
    image_min_width: int = 300
    image_min_height: int = 157
    # Facebook's sharing best practices (Open Graph): 1200x630 for the best display on high-res screens.
    image_width: int = 1200
    image_height: int = 630
    # Facebook's sharing best practices: "as close to 1.91:1 aspect ratio as possible".
    aspect: float = 1.91
    # How far from `aspect` (relative) a picture may be before previews crop it noticeably.
    aspect_tolerance: float = 0.2


_LIMITS = Limits()
_LIMIT_NAMES = tuple(f.name for f in dataclasses.fields(Limits))
_FLOAT_LIMITS = frozenset({"aspect", "aspect_tolerance"})

# X Cards markup reference: "JPG, PNG, WEBP and GIF formats are supported ... SVG is not supported".
_CARD_TYPES = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})


@dataclasses.dataclass(frozen=True)
class LintSettings:
    """The ``lint:`` option: whether the linter runs, the rules switched off, the limits."""

    enabled: bool = True
    off: frozenset[str] = frozenset()
    limits: Limits = _LIMITS
    strings: Strings | None = dataclasses.field(default=None, compare=False, repr=False)
    """The site's words for the findings; English when ``None``."""

    def on(self, rule: str) -> bool:
        """Whether ``rule`` is checked: the linter runs and the rule is not switched off."""
        return self.enabled and rule not in self.off


def parse_lint(value: object) -> LintSettings:
    """The settings of a ``lint:`` value: ``true``/``false``/none, or rule ids and limits as keys.

    Raises `ValueError` naming the key that is wrong, so a typo in mkdocs.yml
    never silently leaves a rule on or a limit unchanged.
    """
    if value is None or value is True:
        return LintSettings()
    if value is False:
        return LintSettings(enabled=False)
    if not isinstance(value, Mapping):
        raise ValueError(
            f"lint: expected true, false or a mapping of rule ids and limits, got {type(value).__name__}"
        )
    enabled = True
    off: set[str] = set()
    limits: dict[str, Any] = {}  # each value checked by `_limit` for its field
    for key, item in value.items():
        if not isinstance(key, str):
            raise ValueError(f"lint: keys are rule ids or limit names, got {key!r}")
        if key == "enabled" or key in RULES:
            if not isinstance(item, bool):
                raise ValueError(f"lint: {key!r} must be true or false, got {item!r}")
            if key == "enabled":
                enabled = item
            elif item:
                off.discard(key)
            else:
                off.add(key)
        elif key in _LIMIT_NAMES:
            limits[key] = _limit(key, item)
        else:
            hint = closest(key, [*RULES, *_LIMIT_NAMES, "enabled"], listed="rule ids and limits")
            raise ValueError(f"lint: unknown key {key!r}; {hint}")
    return LintSettings(
        enabled=enabled,
        off=frozenset(off),
        limits=dataclasses.replace(_LIMITS, **limits) if limits else _LIMITS,
    )


def _limit(key: str, item: object) -> int | float:
    """A limit's value: a positive whole number (a positive number for the aspect ratio and tolerance)."""
    if key in _FLOAT_LIMITS:
        if isinstance(item, (int, float)) and not isinstance(item, bool) and math.isfinite(item) and item > 0:
            return float(item)
        raise ValueError(f"lint: {key!r} must be a positive number, got {item!r}")
    if isinstance(item, int) and not isinstance(item, bool) and item > 0:
        return item
    raise ValueError(f"lint: {key!r} must be a positive whole number, got {item!r}")


class Finding(NamedTuple):
    """One thing that makes a preview bad: where, which rule, what platforms do, how to fix it.

    A named tuple: a 1,000-post build makes thousands, and a frozen dataclass costs 2.7 µs each."""

    src_uri: str
    """The file, relative to docs_dir (``mkdocs.yml`` for the site's default image)."""
    field: str
    """The front-matter field (``default_image``/``default_image_alt`` for the config)."""
    rule: str
    level: Level
    message: str
    """What is wrong and what the platforms do with it, one sentence without the final period."""
    fix: str
    """How to fix it, one short sentence without the final period."""
    files: tuple[str, ...] = ()
    """Blog-wide rules: every file involved, sorted."""
    strings: Strings | None = None
    """The words it was written in (its log line's, and `summary`'s); English when ``None``."""

    def text(self) -> str:
        """The finding as one log line."""
        return _words(self.strings)(
            "lint_finding",
            file=self.src_uri,
            field=self.field,
            rule=self.rule,
            message=self.message,
            fix=self.fix,
        )


@functools.cache
def _english() -> Strings:
    return Strings("en")


class _Words:
    """The lint keys of one `Strings`, and its numbers and lists. English keeps what its log has
    always written: plain digits (``1234 characters``), ``a, b`` and ``a or b``."""

    def __init__(self, strings: Strings | None) -> None:
        self.strings = strings if strings is not None else _english()
        self.english = self.strings.locale.partition("_")[0] == "en"
        self._done: dict[tuple[object, ...], str] = {}

    def __call__(self, key: str, **values: str) -> str:
        # The values are text already (numbers through `number`): no need for Strings.format's pass.
        # Most fixes and parts of messages repeat from post to post: each is formatted once.
        memo = (key, *values.items())
        text = self._done.get(memo)
        if text is None:
            text = self._done[memo] = self.strings[key].format(**values)
        return text

    def number(self, value: int) -> str:
        return str(value) if self.english else self.strings.number(value)

    def decimal(self, value: float) -> str:
        """``6.2`` (``6,2`` in French); a whole one without its ``.0``."""
        if self.english:
            return f"{value:.1f}".removesuffix(".0")
        return str(format_decimal(round(value, 1), format="#,##0.#", locale=self.strings.locale))

    def all(self, items: Sequence[str]) -> str:
        """``a, b``: English's comma, the locale's list (``a, b et c``) elsewhere."""
        return ", ".join(items) if self.english else self.strings.list(items)

    def either(self, items: Sequence[str]) -> str:
        """``a or b``, as the locale writes it (``a ou b``)."""
        if self.english:
            return " or ".join(items)
        return str(format_list(list(items), style="or", locale=self.strings.locale))


@functools.lru_cache(maxsize=8)
def _words(strings: Strings | None) -> _Words:
    return _Words(strings)


@dataclasses.dataclass(frozen=True)
class ShareInput:
    """One page's share fields, as the head meta uses them."""

    src_uri: str
    kind: Literal["post", "page"]
    title: str
    description: str | None
    """The author's own description; ``None`` when not given."""
    image_value: str | None
    """The image as written in front matter; ``None`` when none."""
    image: ImageInfo | None
    """The image resolved (own, or the default one when `uses_default`); ``None`` when none or not found."""
    image_problem: Literal["not_found", "not_image"] | None = None
    alt: str | None = None
    """Alt text of the image used."""
    uses_default: bool = False
    """No own image: the site's default image is used (and checked once, by `check_default_image`)."""


def _finding(
    rule: str,
    src_uri: str,
    field: str,
    message: str,
    fix: str,
    files: tuple[str, ...] = (),
    strings: Strings | None = None,
) -> Finding:
    return Finding(src_uri, field, rule, RULES[rule], message, fix, files, strings)


def _length(text: str) -> int:
    """Characters as platforms count them: code points of the NFC form (``é`` is one, however typed)."""
    return len(unicodedata.normalize("NFC", text))


def check_share(page: ShareInput, settings: LintSettings) -> list[Finding]:
    """What will make ``page``'s link preview bad: its description, title, image and alt text.

    A docs page (``kind="page"``) is only checked for what its author wrote;
    what it lacks falls back to the site's values, which are not its author's.
    """
    if not settings.enabled:
        return []
    limits = settings.limits
    w = _words(settings.strings)
    uri = page.src_uri
    post = page.kind == "post"
    found: list[Finding] = []
    if page.description:
        found += _description_length(uri, page.description, settings)
    elif post and settings.on("description-missing"):
        found.append(
            _finding(
                "description-missing",
                uri,
                "description",
                w("lint_description_missing", limit=w.number(limits.description_og)),
                w("lint_description_missing_fix", limit=w.number(limits.description_search)),
                strings=settings.strings,
            )
        )
    if page.title:
        found += _title_length(uri, page.title, settings)
    if post or page.image_value is not None:
        found += _page_image(page, settings)
    return found


def _description_length(uri: str, description: str, settings: LintSettings) -> list[Finding]:
    if not settings.on("description-length"):
        return []
    limits = settings.limits
    w = _words(settings.strings)
    n = _length(description)
    cut = [
        w(key, limit=w.number(limit))
        for key, limit in (
            ("lint_cut_search", limits.description_search),
            ("lint_cut_x", limits.description_x),
            ("lint_cut_og", limits.description_og),
        )
        if n > limit
    ]
    if not cut:
        return []
    shortest = min(limits.description_search, limits.description_x, limits.description_og)
    return [
        _finding(
            "description-length",
            uri,
            "description",
            w("lint_description_length", count=w.number(n), cuts=w.all(cut)),
            w("lint_description_length_fix", limit=w.number(shortest)),
            strings=settings.strings,
        )
    ]


def _title_length(uri: str, title: str, settings: LintSettings) -> list[Finding]:
    limits = settings.limits
    w = _words(settings.strings)
    n = _length(title)
    found = []
    for rule, key, limit in (
        ("title-length", "lint_title_length", limits.title_x),
        ("headline-length", "lint_headline_length", limits.headline),
    ):
        if n > limit and settings.on(rule):
            found.append(
                _finding(
                    rule,
                    uri,
                    "title",
                    w(key, count=w.number(n), limit=w.number(limit)),
                    w("lint_shorten_fix", limit=w.number(limit)),
                    strings=settings.strings,
                )
            )
    return found


def _page_image(page: ShareInput, settings: LintSettings) -> list[Finding]:
    """The image rules of one page; the default image is left to `check_default_image`."""
    uri, value = page.src_uri, page.image_value
    w = _words(settings.strings)
    fallback = w("lint_default_picture" if page.uses_default else "lint_no_picture")
    if page.image_problem == "not_found":
        if not settings.on("image-not-found"):
            return []
        # The docs paths the image path was read as.
        tried = locate_image(value, uri, lambda _: False).tried if value else ()
        message = (
            w("lint_image_not_found_at", image=repr(value), paths=w.either(tried), effect=fallback)
            if tried
            else w("lint_image_not_found", image=repr(value), effect=fallback)
        )
        return [
            _finding(
                "image-not-found",
                uri,
                "image",
                message,
                w("lint_image_not_found_fix"),
                strings=settings.strings,
            )
        ]
    if page.image_problem == "not_image":
        if not settings.on("image-not-image"):
            return []
        return [
            _finding(
                "image-not-image",
                uri,
                "image",
                w("lint_image_not_image", image=repr(value), effect=fallback),
                w("lint_image_not_image_fix"),
                strings=settings.strings,
            )
        ]
    if page.uses_default:
        return []
    if page.image is None:
        if value is not None or not settings.on("image-missing"):
            return []
        return [
            _finding(
                "image-missing",
                uri,
                "image",
                w("lint_image_missing"),
                w(
                    "lint_image_missing_fix",
                    size=f"{settings.limits.image_width}x{settings.limits.image_height}",
                ),
                strings=settings.strings,
            )
        ]
    alt = page.alt if page.alt is not None else page.image.alt
    return _image(page.image, alt, uri, "image", "image_alt", settings)


def _image(
    image: ImageInfo, alt: str | None, uri: str, field: str, alt_field: str, settings: LintSettings
) -> list[Finding]:
    """The rules on one resolved image and its alt text; unknown sizes and types are not guessed.

    Sizes (``1200x630``) and ratios (``1.91:1``) are written as code, the same in every language.
    """
    limits = settings.limits
    w = _words(settings.strings)
    found: list[Finding] = []

    def add(rule: str, at: str, message: str, fix: str) -> None:
        found.append(_finding(rule, uri, at, message, fix, strings=settings.strings))

    kind = image.type
    if kind is not None and kind not in _CARD_TYPES and settings.on("image-format"):
        never = w("lint_svg_no_picture" if kind == "image/svg+xml" else "lint_maybe_no_picture")
        add(
            "image-format",
            field,
            w("lint_image_format", type=repr(kind), effect=never),
            w("lint_image_format_fix"),
        )
    width, height = image.width, image.height
    size = f"{width if width is not None else '?'}x{height if height is not None else '?'}"
    recommended = f"{limits.image_width}x{limits.image_height}"
    if not large_image_card(image, limits):
        if settings.on("image-too-small"):
            minimum = f"{limits.image_min_width}x{limits.image_min_height}"
            add(
                "image-too-small",
                field,
                w("lint_image_too_small", size=size, minimum=minimum),
                w("lint_image_size_fix", size=recommended),
            )
    elif (
        (width is not None and width < limits.image_width)
        or (height is not None and height < limits.image_height)
    ) and settings.on("image-small"):
        add(
            "image-small",
            field,
            w("lint_image_small", size=size, recommended=recommended),
            w("lint_image_size_fix", size=recommended),
        )
    if width and height and settings.on("image-aspect"):
        ratio = width / height
        if abs(ratio - limits.aspect) / limits.aspect > limits.aspect_tolerance:
            aspect = f"{limits.aspect:g}"
            add(
                "image-aspect",
                field,
                w("lint_image_aspect", size=size, ratio=f"{ratio:.2f}", aspect=aspect),
                w("lint_image_aspect_fix", aspect=aspect, size=recommended),
            )
    if image.length is not None and image.length > limits.image_bytes and settings.on("image-file-size"):
        add(
            "image-file-size",
            field,
            w(
                "lint_image_file_size",
                length=_size(image.length, w, limits.image_bytes),
                limit=_size(limits.image_bytes, w),
            ),
            w("lint_image_file_size_fix", size=recommended),
        )
    if not alt:
        if settings.on("alt-missing"):
            add(
                "alt-missing",
                alt_field,
                w("lint_alt_missing"),
                w("lint_alt_missing_fix", field=repr(alt_field)),
            )
    elif settings.on("alt-length"):
        n = _length(alt)
        if n > limits.alt:
            add(
                "alt-length",
                alt_field,
                w("lint_alt_length", count=w.number(n), limit=w.number(limits.alt)),
                w("lint_shorten_fix", limit=w.number(limits.alt)),
            )
    return found


def _size(length: int, w: _Words, other: int | None = None) -> str:
    """A file size as people read it (``5 MB``, ``6.2 MB``, ``850 KB``); in bytes when that is the
    only way to tell it from ``other`` (``5,242,881 bytes`` is over ``5 MB``)."""
    text = f"{w.decimal(length / _MB)} MB" if length >= _MB else f"{w.number(math.ceil(length / 1024))} KB"
    if other is not None and other != length and text == _size(other, w):
        return w("lint_bytes", amount=w.strings.number(length))
    return text


def check_default_image(
    value: str | None, image: ImageInfo | None, alt: str | None, settings: LintSettings
) -> list[Finding]:
    """The site's ``default_image``, checked once rather than on every page that uses it.

    Not finding it is reported by the plan, so a missing file gives nothing here.
    """
    if value is None or image is None or not settings.enabled:
        return []
    return _image(image, alt, "mkdocs.yml", "default_image", "default_image_alt", settings)


def large_image_card(image: ImageInfo | None, limits: Limits = _LIMITS) -> bool:
    """Whether ``twitter:card`` may be ``summary_large_image``: an image not known to be too small for it."""
    if image is None:
        return False
    return not (
        (image.width is not None and image.width < limits.image_min_width)
        or (image.height is not None and image.height < limits.image_min_height)
    )


_SINGULAR = {"tags": "tag", "categories": "category", "authors": "author"}
_TERM_GROUPINGS = frozenset({"tags", "categories"})
"""The groupings whose term findings have words of their own in every language (``lint_*_tags``)."""


def _near_key(key: str) -> str:
    """What is left of a term's `tag_key` once accents, plural "s" and word separators (spaces,
    ``-``, ``_``: "open-source", "open_source", "open source") are ignored."""
    if not key.isascii():
        key = "".join(
            c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c)
        ).casefold()
    words = key.replace("-", " ").replace("_", " ").split()
    return "".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


def check_terms(
    occurrences: Mapping[str, Sequence[tuple[str, str]]], post_count: int, settings: LintSettings
) -> list[Finding]:
    """Terms spelled several ways, and (in a blog of 2 posts or more) terms of a single post.

    ``occurrences``: grouping name -> every ``(term as written, src_uri)`` of the posts.
    One dict pass over the occurrences, then work per distinct spelling; findings sorted by
    file, then term, so they do not depend on the order of the posts.
    """
    if not settings.enabled:
        return []
    found: list[Finding] = []
    for grouping, pairs in occurrences.items():
        files_of: dict[str, set[str]] = {}
        for term, uri in pairs:
            files = files_of.get(term)
            if files is None:
                files_of[term] = {uri}
            else:
                files.add(uri)
        spellings_of: dict[str, list[str]] = {}  # tag_key -> its spellings as written
        for term in files_of:
            spellings_of.setdefault(tag_key(term), []).append(term)
        keyed = sorted(
            _term_findings(grouping, files_of, spellings_of, post_count, settings), key=lambda item: item[:3]
        )
        found += [finding for *_, finding in keyed]
    return found


def _term_findings(
    grouping: str,
    files_of: Mapping[str, set[str]],
    spellings_of: Mapping[str, list[str]],
    post_count: int,
    settings: LintSettings,
) -> Iterable[tuple[str, str, str, Finding]]:
    """The findings of one grouping, each with its sort key (file, term, rule)."""
    w = _words(settings.strings)
    singular = _SINGULAR.get(grouping, grouping)
    # The words of tags and categories are the site's; those of another grouping stay English.
    own = grouping in _TERM_GROUPINGS
    if settings.on("term-near-duplicate"):
        keys_of: dict[str, list[str]] = {}  # near key -> tag_keys
        for key in spellings_of:
            keys_of.setdefault(_near_key(key), []).append(key)
        for keys in keys_of.values():
            if len(keys) < 2:
                continue
            spellings = sorted(
                ((term, sorted(files_of[term])) for key in keys for term in spellings_of[key]),
                key=lambda item: (item[1][0], item[0]),
            )
            files = tuple(sorted({f for _, fs in spellings for f in fs}))
            named = "; ".join(
                w("lint_term_in", term=repr(term), files=w.all([repr(f) for f in fs]))
                for term, fs in spellings
            )
            count = w.number(len(spellings))
            message = (
                w(f"lint_near_duplicate_{grouping}", count=count, spellings=named)
                if own
                else f"{count} spellings of what looks like one {singular} ({named}): "
                f"each gets its own {singular} page, and their posts are split between them"
            )
            yield (
                files[0],
                spellings[0][0],
                "term-near-duplicate",
                _finding(
                    "term-near-duplicate",
                    files[0],
                    grouping,
                    message,
                    w("lint_near_duplicate_fix", field=repr(grouping)),
                    files,
                    settings.strings,
                ),
            )
    if post_count >= 2 and settings.on("term-single-post"):
        for terms in spellings_of.values():
            uris = files_of[terms[0]] if len(terms) == 1 else set().union(*(files_of[t] for t in terms))
            if len(uris) != 1:
                continue
            (uri,) = uris
            term, count = repr(terms[0]), w.number(post_count)
            message, fix = (
                (
                    w(f"lint_single_post_{grouping}", term=term, count=count),
                    w(f"lint_single_post_fix_{grouping}"),
                )
                if own
                else (
                    f"{term} is used by this post only (of {count}): its {singular} page lists a single post",
                    f"use a {singular} other posts share, or drop it",
                )
            )
            yield (
                uri,
                terms[0],
                "term-single-post",
                _finding("term-single-post", uri, grouping, message, fix, (uri,), settings.strings),
            )


# Jekyll's post file names: YYYY-MM-DD-title.md.
_FILE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?!\d)")


def check_file_date(src_uri: str, date: dt.date | None, settings: LintSettings) -> list[Finding]:
    """A Jekyll-style file name whose date is not the post's date: the author may expect the other one."""
    if date is None or not settings.on("date-filename"):
        return []
    name = src_uri.rpartition("/")[2]
    match = _FILE_DATE.match(name) if name[:1].isdigit() else None
    if match is None:
        return []
    try:
        in_name = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return []
    day = date.date() if isinstance(date, dt.datetime) else date
    if in_name == day:
        return []
    w = _words(settings.strings)
    return [
        _finding(
            "date-filename",
            src_uri,
            "date",
            w("lint_date_filename", name_date=in_name.isoformat(), date=day.isoformat()),
            w("lint_date_filename_fix"),
            strings=settings.strings,
        )
    ]


def lint_posts(
    posts: Sequence[Post],
    images: Mapping[str, ImageInfo],
    broken: Mapping[str, Literal["not_found", "not_image"]],
    default_image: ImageInfo | None,
    settings: LintSettings,
    *,
    default_value: str | None = None,
    default_alt: str | None = None,
    groupings: Iterable[str] = ("tags", "categories"),
) -> tuple[Finding, ...]:
    """Every finding of the blog: each post's share fields and file date, the default image, the terms.

    ``images``: src_uri -> the post's own image, when found; ``broken``: src_uri
    -> why a post's own image could not be used.
    """
    if not settings.enabled:
        return ()
    found: list[Finding] = []
    no_image_settings = dataclasses.replace(settings, off=settings.off | {"image-missing"})
    for post in posts:
        own = images.get(post.src_uri)
        uses_default = own is None and not post.no_image and default_image is not None
        found += check_share(
            ShareInput(
                src_uri=post.src_uri,
                kind="post",
                title=post.title,
                description=post.description,
                image_value=None if post.no_image else post.image,
                image=own if own is not None else default_image if uses_default else None,
                image_problem=broken.get(post.src_uri),
                alt=post.image_alt if own is not None else default_alt if uses_default else None,
                uses_default=uses_default,
            ),
            # ``image: false`` is a choice: a post without a picture on purpose is not told to add one.
            no_image_settings if post.no_image else settings,
        )
        found += check_file_date(post.src_uri, post.date, settings)
    found += check_default_image(default_value, default_image, default_alt, settings)
    occurrences: dict[str, list[tuple[str, str]]] = {}
    for grouping in groupings:
        if grouping in ("tags", "categories"):
            occurrences[grouping] = [
                (term, post.src_uri) for post in posts for term in getattr(post, grouping)
            ]
    found += check_terms(occurrences, len(posts), settings)
    return tuple(found)


def summary(
    findings: Iterable[Finding], posts: Collection[str] = (), strings: Strings | None = None
) -> str | None:
    """The line at the end of the build: how many posts (and pages) would preview badly, or could
    preview better. ``posts`` are the src_uris of the posts; any other file is a page. In
    ``strings``' words, else the findings' own (English when they have none)."""
    warned: set[str] = set()
    informed: set[str] = set()
    for finding in findings:
        (warned if finding.level == "warning" else informed).add(finding.src_uri)
        if strings is None:
            strings = finding.strings
    w = _words(strings)
    if warned:
        return w("lint_summary_bad", who=_who(warned, posts, w))
    if informed:
        return w("lint_summary_better", who=_who(informed, posts, w))
    return None


def _who(uris: set[str], posts: Collection[str], w: _Words) -> str:
    """``3 posts``, ``1 post, 2 pages and the default image``, ``the default image``."""
    default = "mkdocs.yml" in uris
    uris = uris - {"mkdocs.yml"}
    n_posts = sum(1 for uri in uris if uri in posts) if posts else len(uris)
    n_pages = len(uris) - n_posts
    parts = [w.strings.plural(key, n) for n, key in ((n_posts, "posts"), (n_pages, "lint_pages")) if n]
    parts += [w("lint_default_image")] if default else []
    if not w.english:
        return w.strings.list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
