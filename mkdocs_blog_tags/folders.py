"""Folder defaults: ``.meta.yml`` files (Material's meta plugin) give front matter to every post below them.

A post's front matter is its folders' ``.meta.yml`` mappings merged from the
outermost to the nearest, then its own keys, merged the way Material's meta
plugin merges them (lists are concatenated, mappings merged, other values
replaced), so a blog gets the same posts whether that plugin is on or not.
A ``.meta.yml`` that cannot be read may hold ``draft: true``: the posts below
it are left out until it is fixed.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from .posts import Problem, load_yaml, merge_front_matter

__all__ = ["META_FILE", "FolderDefaults", "merge_front_matter"]

META_FILE = ".meta.yml"


@dataclasses.dataclass(frozen=True)
class FolderDefaults:
    """Every ``.meta.yml`` of the docs, read; what each post's folders give it."""

    defaults: Mapping[str, Mapping[str, Any]]
    """Folder (``blog/posts``, ``""`` for docs_dir) -> its mapping."""
    broken: Mapping[str, str]
    """Folder -> src_uri of its ``.meta.yml`` that could not be read."""
    problems: tuple[Problem, ...] = ()

    @classmethod
    def read(cls, files: Iterable[tuple[str, str | None]]) -> FolderDefaults:
        """From ``(src_uri, text)`` of every ``.meta.yml``; text ``None`` when it is not UTF-8."""
        defaults: dict[str, Mapping[str, Any]] = {}
        broken: dict[str, str] = {}
        problems: list[Problem] = []
        for src_uri, text in files:
            folder = posixpath.dirname(src_uri)
            if text is None:
                problems.append(Problem(src_uri, "", f"is not UTF-8 text; {_LEFT_OUT}"))
                broken[folder] = src_uri
                continue
            try:
                data = load_yaml(text)
            except (yaml.YAMLError, ValueError, TypeError) as err:  # PyYAML raises ValueError too
                mark = getattr(err, "problem_mark", None)
                where = f"line {mark.line + 1}: " if mark is not None else ""
                reason = getattr(err, "problem", None) or str(err).splitlines()[0]
                problems.append(Problem(src_uri, "", f"{where}not valid YAML ({reason}); {_LEFT_OUT}"))
                broken[folder] = src_uri
                continue
            if data is None:
                continue
            if not isinstance(data, Mapping):
                kind = type(data).__name__
                problems.append(
                    Problem(src_uri, "", f"must be a mapping of keys to values, got {kind}; {_LEFT_OUT}")
                )
                broken[folder] = src_uri
                continue
            defaults[folder] = data
        return cls(defaults, broken, tuple(problems))

    def _folders(self, src_uri: str) -> list[str]:
        """The folders of ``src_uri``, outermost first (``""`` is docs_dir)."""
        parts = src_uri.split("/")[:-1]
        return ["", *("/".join(parts[: i + 1]) for i in range(len(parts)))]

    def blocked_by(self, src_uri: str) -> str | None:
        """The unreadable ``.meta.yml`` above ``src_uri``, if any: the post may be a draft."""
        return next((self.broken[f] for f in self._folders(src_uri) if f in self.broken), None)

    def for_post(self, src_uri: str) -> Mapping[str, Any]:
        """The defaults of ``src_uri``'s folders, nearest last; ``{}`` when there are none."""
        merged: dict[str, Any] = {}
        for folder in self._folders(src_uri):
            if folder in self.defaults:
                merged = merge_front_matter(merged, self.defaults[folder])
        return merged


_LEFT_OUT = "the posts below it are left out of the build until it is fixed, since they may be drafts"
