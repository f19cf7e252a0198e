"""Material for MkDocs' ``.authors.yml`` -> `Author`s, and a post's author ids -> its `Author`s.

Nothing here reads files or knows about MkDocs: `read_authors` takes the file's
text, `resolve_authors` one post's ids. A bad entry is reported against its file
and key, and whatever could be read is kept, so that no post loses its credit
because of a typo in the authors file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from .posts import FrontMatterError, Problem, load_yaml, text_field
from .values import clean_text, closest

__all__ = ["Author", "read_authors", "resolve_authors"]

#: The optional text keys of an author, besides ``name``; other keys are ignored.
_OPTIONAL_KEYS = ("description", "avatar", "url", "slug")


@dataclasses.dataclass(frozen=True)
class Author:
    """One author, as plain text; values are raw (templates escape them)."""

    id: str
    name: str
    description: str | None = None
    avatar: str | None = None
    """A URL, or a path relative to docs_dir, as written."""
    url: str | None = None
    slug: str | None = None
    """The profile page's slug, when it is not the id (Material's ``author.slug``)."""


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def _yaml_error(src_uri: str, err: yaml.YAMLError) -> Problem:
    """The parse error with its 1-based line, worded as posts.py words front matter errors."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    error = FrontMatterError(
        mark.line + 1 if mark is not None else None, getattr(err, "problem", None) or str(err)
    )
    where = f"line {error.line}: " if error.line is not None else ""
    return Problem(src_uri, "", f"{where}not valid YAML ({error.reason}); no authors were read")


def _author(src_uri: str, author_id: str, entry: Mapping[Any, Any]) -> tuple[Author, list[Problem]]:
    field = f"authors.{author_id}"
    problems: list[Problem] = []
    name, problem = text_field(src_uri, f"{field}.name", entry.get("name"))
    if name is None:
        got = f"got {_kind(entry['name'])}; " if problem is not None else ""
        fix = f"{got}add 'name' to {field} in {src_uri} as text; the id {author_id!r} is shown instead"
        problem = Problem(src_uri, f"{field}.name", fix)
    if problem is not None:
        problems.append(problem)
    values: dict[str, str | None] = {}
    for key in _OPTIONAL_KEYS:
        values[key], problem = text_field(src_uri, f"{field}.{key}", entry.get(key))
        if problem is not None:
            problems.append(problem)
    return Author(id=author_id, name=name or author_id, **values), problems


def read_authors(text: str, src_uri: str) -> tuple[dict[str, Author], list[Problem]]:
    """Parse the text of an authors file named src_uri (relative to docs_dir, e.g. 'blog/.authors.yml').

    Authors come back in file order, keyed by id (non-text keys such as ``123`` as text).
    """
    try:
        data = load_yaml(text.removeprefix("\ufeff"))
    except yaml.YAMLError as err:
        return {}, [_yaml_error(src_uri, err)]
    if data is None:
        return {}, []
    if not isinstance(data, Mapping) or "authors" not in data:
        keys = ", ".join(repr(str(key)) for key in list(data)[:5]) if isinstance(data, Mapping) else ""
        found = f"a {_kind(data)}" if not isinstance(data, Mapping) else f"only {keys}" if keys else "{}"
        message = f"expected a mapping with an 'authors' key, found {found}; no authors were read"
        return {}, [Problem(src_uri, "authors", message)]
    entries = data["authors"]
    if not isinstance(entries, Mapping):
        message = f"expected a mapping of author ids to authors, found {_kind(entries)}; no authors were read"
        return {}, [Problem(src_uri, "authors", message)]
    authors: dict[str, Author] = {}
    problems: list[Problem] = []
    for key, entry in entries.items():
        author_id = clean_text(str(key)) if key is not None else ""
        if not author_id or author_id in authors:
            why = "is empty" if not author_id else "is given twice"
            problems.append(
                Problem(src_uri, "authors", f"the author id {key!r} {why}; that entry was skipped")
            )
            continue
        if not isinstance(entry, Mapping):
            message = f"expected a mapping with at least 'name', found {_kind(entry)}; the author was skipped"
            problems.append(Problem(src_uri, f"authors.{author_id}", message))
            continue
        authors[author_id], found_problems = _author(src_uri, author_id, entry)
        problems.extend(found_problems)
    return authors, problems


def _unknown(value: str, authors: Mapping[str, Author]) -> str:
    """Why ``value`` is not credited from the file, and the id it most likely meant."""
    hint = closest(
        value, authors, key=str.casefold, listed="known ids", none="the authors file defines no authors"
    )
    return f"{value!r} is not an author id in the authors file ({hint}); it is shown as a plain name"


def resolve_authors(
    ids: Sequence[str], authors: Mapping[str, Author] | None, post_uri: str, field: str = "authors"
) -> tuple[tuple[Author, ...], list[Problem]]:
    """The authors of one post, in order, each id once; empty values are ignored.

    ``authors`` is ``None`` when there is no authors file: each value is then a
    plain name. With a file, an unknown id is reported against the post and kept
    as a plain name, so the post is still published and credited.
    """
    found: dict[str, Author] = {}
    problems: list[Problem] = []
    for raw in ids:
        value = raw.strip()
        if not value or value in found:
            continue
        author = authors.get(value) if authors is not None else Author(id=value, name=value)
        if author is None:
            problems.append(Problem(post_uri, field, _unknown(value, authors or {})))
            author = Author(id=value, name=value)
        found[value] = author
    return tuple(found.values()), problems
