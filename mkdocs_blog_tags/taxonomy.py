"""Tag names -> `Tag`s with unique, never-empty, deterministic slugs.

Every other tool slugifies ``C++``, ``C#`` and ``C`` to the same ``c`` and merges
their pages. Here a collision is detected, each colliding tag gets a distinct
slug (symbols spelled out first: ``c-plus-plus``, ``c-sharp``; a numeric suffix
only when that is not enough), and the caller is told so it can warn once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Literal

from slugify import slugify as _slugify

__all__ = ["Collision", "SlugMode", "Tag", "assign_slugs", "slugify", "tag_key"]

SlugMode = Literal["transliterate", "unicode"]

_SYMBOLS = {
    "+": " plus ",
    "#": " sharp ",
    "&": " and ",
    "@": " at ",
    ".": " dot ",
    "*": " star ",
    "/": " slash ",
    "%": " percent ",
    "$": " dollar ",
    "€": " euro ",
    "=": " equals ",
    "<": " lt ",
    ">": " gt ",
    "'": " ",
}
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in _SYMBOLS))


@dataclasses.dataclass(frozen=True)
class Tag:
    """A tag as the blog shows it: the display name, its URL slug and how many posts carry it."""

    name: str
    slug: str
    count: int = 0

    @property
    def key(self) -> str:
        return tag_key(self.name)


@dataclasses.dataclass(frozen=True)
class Collision:
    """Tags whose natural slug is the same, and the slugs they were given instead."""

    slug: str
    assigned: tuple[tuple[str, str], ...]
    """``(tag name, slug)`` pairs, in a stable order."""


def tag_key(name: str) -> str:
    """The identity of a tag: NFC-normalised and case-folded (``Python`` is ``python``)."""
    return unicodedata.normalize("NFC", name).casefold()


def slugify(text: str, mode: SlugMode = "transliterate") -> str:
    """A URL-safe slug; never empty (a short hash of the text when nothing else is left)."""
    text = unicodedata.normalize("NFC", text)
    slug: str = _slugify(text, allow_unicode=mode == "unicode")
    if not slug and mode == "unicode":
        slug = _slugify(text)
    if not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"tag-{digest}"
    return slug


def _spelled(name: str, mode: SlugMode) -> str:
    return slugify(_SYMBOL_RE.sub(lambda m: _SYMBOLS[m.group(0)], name), mode)


def assign_slugs(
    names: Iterable[str],
    *,
    mode: SlugMode = "transliterate",
    explicit: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], list[Collision]]:
    """Give every tag name a unique slug; return ``{name: slug}`` and the collisions resolved.

    Explicit slugs (keys matched case-insensitively) are taken as given. A tag
    whose natural slug nobody else has keeps it. Colliding tags, in sorted
    order, take their natural slug if spelling out symbols does not change it
    (``C`` keeps ``c``), else the spelled-out slug, then ``-2``, ``-3``... until free.
    """
    wanted = {tag_key(k): slugify(v, "unicode") for k, v in (explicit or {}).items()}
    ordered = sorted(dict.fromkeys(names), key=lambda n: (tag_key(n), n))
    natural = {n: wanted.get(tag_key(n)) or slugify(n, mode) for n in ordered}
    by_slug: dict[str, list[str]] = {}
    for name in ordered:
        by_slug.setdefault(natural[name], []).append(name)

    result: dict[str, str] = {}
    taken: set[str] = set()
    for name in ordered:
        unique = len(by_slug[natural[name]]) == 1
        if (unique or tag_key(name) in wanted) and natural[name] not in taken:
            result[name] = natural[name]
            taken.add(natural[name])

    collisions: list[Collision] = []
    for slug, group in sorted(by_slug.items()):
        pending = [n for n in group if n not in result]
        if not pending:
            continue
        for name in pending:
            spelled = _spelled(name, mode) if tag_key(name) not in wanted else slug
            candidate, number = spelled, 1
            while candidate in taken:
                number += 1
                candidate = f"{spelled}-{number}"
            result[name] = candidate
            taken.add(candidate)
        collisions.append(Collision(slug, tuple((n, result[n]) for n in group)))
    return result, collisions
