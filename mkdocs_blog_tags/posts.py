"""Front matter -> `Post`: field aliases, normalisation and problems named by file and field.

Nothing here knows about MkDocs: `read_post` takes the file's text and returns a
`Post` plus the `Problem`s found on the way, so the caller decides how loud they
are. A post with bad fields is still published with what could be read; only
front matter that is not YAML at all makes the post unreadable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import posixpath
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from .dates import DateError, date_from_filename, parse_date
from .values import as_text, clean_text

__all__ = [
    "DEFAULT_FIELDS",
    "FrontMatterError",
    "Post",
    "Problem",
    "front_matter_left_in",
    "merge_front_matter",
    "normalize_tags",
    "read_image",
    "read_post",
    "reading_minutes",
    "split_front_matter",
    "text_field",
]

#: Front-matter keys tried for each field, in order. ``a.b`` reads key ``b`` of mapping ``a``.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "date": ("date",),
    "updated": ("updated", "date.updated", "last_modified"),
    "description": ("description", "summary"),
    "image": ("image", "cover"),
    "image_alt": ("image_alt", "imageAlt", "imageAltAttribute", "image.alt"),
    "tags": ("tags",),
    "draft": ("draft",),
    "slug": ("slug",),
    "categories": ("categories", "category"),
    "authors": ("authors", "author"),
    "aliases": ("aliases", "redirect_from"),
    "pin": ("pin",),
    "readtime": ("readtime",),
    "links": ("links",),
}

_HANDLER = YAMLHandler()
# From the opening '---' line to the first closing line; the YAML text starts at the end of the
# opening line, so a YAML error's line N is the file's line N.
_FRONT_MATTER = re.compile(r"\A-{3,}[ \t]*(?P<yaml>\n.*?)?\n(?:\.{3}|-{3,})[ \t]*$", re.DOTALL | re.MULTILINE)
_ATX_H1 = re.compile(r"^ {0,3}#(?!#)[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_INLINE_MD = re.compile(r"[*_`]+|!?\[([^\]]*)\]\([^)]*\)")


@dataclasses.dataclass(frozen=True)
class Problem:
    """Something wrong in one post: the file (relative to docs_dir), the field, what was expected."""

    src_uri: str
    field: str
    message: str
    fatal: bool = False
    """The post could not be read at all and is left out."""

    def __str__(self) -> str:
        where = f"{self.src_uri}: " + (f"'{self.field}': " if self.field else "")
        return where + self.message


@dataclasses.dataclass(frozen=True)
class Post:
    """One published (or draft) post, as plain values."""

    src_uri: str
    title: str
    date: dt.datetime | None
    updated: dt.datetime | None = None
    description: str | None = None
    image: str | None = None
    image_alt: str | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    slug: str | None = None
    categories: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    no_image: bool = False
    """``image: false``: no share image, not even the site's default."""
    draft_given: bool = False
    """``draft`` is set in the front matter: a future post with ``draft: false`` is published (Material)."""
    aliases: tuple[str, ...] = ()
    """Former URLs of the post (``aliases``, ``redirect_from``), as written."""
    aliases_key: str = "aliases"
    """The front-matter key they were read from, for warnings."""
    reading_time: int = 1
    """Whole minutes, at least 1 (``readtime:`` when given)."""
    pin: bool = False
    """``pin: true``: listed first on the blog index (Material)."""
    links: Any = dataclasses.field(default=None, compare=False, hash=False)
    """The ``links:`` value as written (Material's related links); read by `links.parse_links`."""

    def is_future(self, now: dt.datetime) -> bool:
        return self.date is not None and self.date > now


class FrontMatterError(ValueError):
    """Front matter that is not YAML, with the 1-based line of the file where parsing failed."""

    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason.splitlines()[0] if reason else "unreadable"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader, except that an impossible timestamp (2024-13-45) stays text.

    PyYAML raises a bare ValueError there, which would abort the whole build;
    as text it reaches the date parser and is reported against the post.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def load_yaml(text: str) -> Any:
    """YAML as front matter is read here: safely, an impossible timestamp kept as text."""
    return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass


def front_matter_left_in(markdown: str) -> tuple[dict[str, Any], str] | None:
    """``(front matter, body)`` of a post whose front matter MkDocs left in its Markdown.

    MkDocs renders a front-matter block it cannot load (an impossible date such
    as ``2024-13-45`` makes PyYAML raise) as body text, markup included. This
    reader accepts such a block, and reports the bad value against its field;
    the post's page then gets the front matter as read here, not as text.
    """
    try:
        data, body = split_front_matter(markdown)
    except FrontMatterError:
        return None
    if not isinstance(data, Mapping) or not data:
        return None
    return dict(data), body.lstrip("\n")


def split_front_matter(text: str) -> tuple[Any, str]:
    """Return ``(data, body)``: the parsed YAML front matter (``{}`` when there is none) and the body.

    Raises `FrontMatterError` for front matter that is not valid YAML.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    stripped = text.lstrip()
    skipped_lines = text[: len(text) - len(stripped)].count("\n")
    if not _HANDLER.detect(stripped):
        return {}, text
    # The closing line is '---' or YAML's document end '...', as MkDocs reads it: a draft closed
    # by '...' is a draft to MkDocs, so it must be one here too.
    found = _FRONT_MATTER.match(stripped)
    if found is None:
        return {}, text
    raw, body = found.group("yaml") or "", stripped[found.end() :]
    try:
        data = yaml.load(raw, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        # The YAML text starts at the end of the opening '---' line, so its line N is the file's.
        line = mark.line + skipped_lines + 1 if mark is not None else None
        raise FrontMatterError(line, getattr(err, "problem", None) or str(err)) from err
    return data, body


def _lookup(meta: Mapping[str, Any], keys: Sequence[str]) -> tuple[str, Any] | None:
    """Return ``(key, value)`` for the first key present (dotted keys read nested mappings)."""
    for key in keys:
        head, _, tail = key.partition(".")
        if head not in meta:
            continue
        value = meta[head]
        if tail:
            if not isinstance(value, Mapping) or tail not in value:
                continue
            value = value[tail]
        return key, value
    return None


def _text(value: Any) -> str | None:
    """Front-matter scalars as stripped text; ``None`` for empty values and containers.

    Control characters other than tab and line ends are dropped: HTML parsers
    discard or replace them, XML cannot hold them, and no reader can see them.
    """
    if value is None or isinstance(value, (Mapping, list, tuple, set)):
        return None
    return clean_text(str(value)) or None


def merge_front_matter(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``, as Material's meta plugin merges: lists concatenated, mappings merged,
    any other value of ``own`` replacing ``base``'s."""
    merged = dict(base)
    for key, value in own.items():
        if key in merged and isinstance(merged[key], list) and isinstance(value, list):
            merged[key] = [*merged[key], *value]
        elif key in merged and isinstance(merged[key], Mapping) and isinstance(value, Mapping):
            merged[key] = merge_front_matter(merged[key], value)
        else:
            merged[key] = value
    return merged


def text_field(src_uri: str, field: str, value: Any) -> tuple[str | None, Problem | None]:
    """Any page's front-matter value as text (`values.as_text`), with the problem naming file and field."""
    text, why_not = as_text(value)
    return text, Problem(src_uri, field, why_not) if why_not is not None else None


def _aliases(value: Any) -> tuple[tuple[str, ...], list[str]]:
    """Former URLs: one text or a list of texts; anything else is reported and dropped."""
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if items is None:
        return (), [f"expected a URL or a list of URLs, got {type(value).__name__}; no redirect was made"]
    urls = [item.strip() for item in items if isinstance(item, str) and item.strip()]
    problems = [
        f"expected a URL, got {item!r}; it was ignored" for item in items if not isinstance(item, str)
    ]
    return tuple(dict.fromkeys(urls)), problems


def normalize_tags(value: Any, noun: str = "tag", plural: str = "tags") -> tuple[tuple[str, ...], list[str]]:
    """Return the tags (or categories, ``noun``) of a post and messages about entries that were dropped.

    A string is one tag, or several when comma-separated; numbers become text;
    ``null`` and empty entries are dropped; duplicates differing only by case
    keep their first spelling.
    """
    problems: list[str] = []
    if value is None:
        return (), problems
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = list(value)
    elif isinstance(value, (int, float, bool, dt.date)):
        items = [value]
    else:
        return (), [f"expected a list of {plural}, got {type(value).__name__}; no {plural} were read"]
    tags: list[str] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, (Mapping, list, tuple, set)):
            problems.append(f"expected each {noun} to be text, got {type(item).__name__} {item!r}")
            continue
        name = _text(item)
        if name is None:
            continue
        name = " ".join(name.split())
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            tags.append(name)
    return tuple(tags), problems


def _may_hold_cjk(text: str) -> bool:
    """False when ``text`` cannot contain a CJK character, found without scanning it character by character.

    Searching `_CJK` costs about 50 machine instructions a character (a quarter of a million for
    a 5 KB post), while CJK starts at U+3040: text that is ASCII (a flag CPython keeps) or that
    encodes to Latin-1 (a plain copy for a string stored one byte a character) has none.
    """
    if text.isascii():
        return False
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return True
    return False


def reading_minutes(body: str, words_per_minute: int = 265) -> int:
    """Whole minutes to read ``body``: words at ``words_per_minute``, CJK characters at twice that."""
    if not _may_hold_cjk(body) or _CJK.search(body) is None:
        # The common case: whitespace-separated words, counted by str.split at C speed.
        return max(1, math.ceil(len(body.split()) / words_per_minute))
    cjk = len(_CJK.findall(body))
    words = len(_WORD.findall(_CJK.sub(" ", body)))
    return max(1, math.ceil((words + cjk / 2) / words_per_minute))


def _title_heading(body: str) -> str | None:
    """The text of the body's first level-1 ATX heading, outside code fences."""
    fence: str | None = None
    for line in body.splitlines():
        opener = _FENCE.match(line)
        if opener:
            marker = opener.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None:
            heading = _ATX_H1.match(line)
            if heading:
                return _INLINE_MD.sub(lambda m: m.group(1) or "", heading.group(1)).strip()
    return None


def _title_from_filename(src_uri: str) -> str:
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    stem = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", stem)
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else stem


class _Reader:
    """Reads one post's fields, collecting problems as it goes."""

    def __init__(self, src_uri: str, meta: Mapping[str, Any], fields: Mapping[str, Sequence[str]]) -> None:
        self.src_uri = src_uri
        self.meta = meta
        self.fields = fields
        self.problems: list[Problem] = []
        self.no_image = False

    def get(self, field: str) -> tuple[str, Any] | None:
        return _lookup(self.meta, self.fields[field])

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.src_uri, field, message))

    def text(self, field: str) -> str | None:
        found = self.get(field)
        if found is None:
            return None
        key, value = found
        text, why_not = as_text(value)
        if why_not is not None:
            self.problem(key, why_not)
        elif text is None:
            self.problem(key, "is empty; remove the key or give it a value")
        return text

    def date(self, field: str, tz: dt.tzinfo) -> dt.datetime | None:
        found = self.get(field)
        if found is None:
            return None
        key, value = found
        if isinstance(value, Mapping):
            if "created" not in value:
                self.problem(key, "a date mapping needs 'created' (like Material's date.created)")
                return None
            key, value = f"{key}.created", value["created"]
        if value is None or value == "":
            self.problem(key, "is empty; expected a date like 2024-01-24")
            return None
        try:
            return parse_date(value, tz)
        except DateError as err:
            self.problem(key, str(err))
            return None

    def image(self) -> tuple[str | None, str | None]:
        found = self.get("image")
        alt = self.text("image_alt")
        if found is None:
            return None, alt
        key, value = found
        if value is False:
            self.no_image = True
            return None, alt
        if isinstance(value, Mapping):
            alt = alt or _text(value.get("alt"))
            value = value.get("path", value.get("src", value.get("url")))
            key = f"{key}.path"
        if isinstance(value, (Mapping, list, tuple, set)):
            self.problem(key, f"expected a path or URL, got {type(value).__name__}")
            return None, alt
        return _text(value), alt

    def terms(self, field: str, noun: str, plural: str, *, words: bool = False) -> tuple[str, ...]:
        """A list of names (categories, author ids); a wrong type is reported and read as none.

        A number, date or boolean is read as text, and said (Material refuses it). ``words``: a
        text value is a space-separated list, as Jekyll reads ``categories: a b``.
        """
        found = self.get(field)
        if found is None:
            return ()
        value = found[1]
        if words and isinstance(value, str) and "," not in value:
            value = value.split()
        if isinstance(value, (int, float, bool, dt.date)):
            self.problem(
                found[0],
                f"expected a list of {plural}, got {type(value).__name__} {value!r}; it is read as "
                f"the {noun} '{value}'. Write it as a list of text ([\"{value}\"]) to silence this",
            )
        names, problems = normalize_tags(value, noun, plural)
        for message in problems:
            self.problem(found[0], message)
        return names

    def minutes(self, field: str) -> int | None:
        """A whole number of minutes (``readtime: 7``); anything else is reported and ignored."""
        found = self.get(field)
        if found is None or found[1] is None:
            return None
        key, value = found
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
            return int(value)
        self.problem(
            key, f"expected a whole number of minutes, got {value!r}; the computed reading time is shown"
        )
        return None

    def flag(self, field: str, *, otherwise: bool = True) -> bool:
        """``true``/``false``; anything else is reported and read as ``otherwise``.

        ``draft`` keeps the default: a post that may be a draft is never published.
        """
        found = self.get(field)
        if found is None or found[1] is None:
            return False
        key, value = found
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {"true", "yes", "on", "false", "no", "off"}:
            return value.strip().lower() in {"true", "yes", "on"}
        then = "the post is treated as a draft" if otherwise else "it is read as false"
        self.problem(key, f"expected true or false, got {value!r}; {then}")
        return otherwise


def read_image(
    meta: Mapping[str, Any], fields: Mapping[str, Sequence[str]] = DEFAULT_FIELDS
) -> tuple[str | None, str | None, bool]:
    """``(image, alt, no_image)`` from any page's front matter, with the same aliases as posts."""
    reader = _Reader("", meta, fields)
    image, alt = reader.image()
    return image, alt, reader.no_image


def read_post(
    src_uri: str,
    text: str,
    *,
    fields: Mapping[str, Sequence[str]] = DEFAULT_FIELDS,
    tz: dt.tzinfo = dt.timezone.utc,
    words_per_minute: int = 265,
    defaults: Mapping[str, Any] | None = None,
) -> tuple[Post | None, list[Problem]]:
    """Read one post from its file text. ``None`` comes back only when the front matter is not YAML.

    ``defaults`` (its folders' ``.meta.yml``) are merged under the post's own front matter.
    """
    try:
        meta, body = split_front_matter(text)
    except FrontMatterError as err:
        where = f"line {err.line}: " if err.line is not None else ""
        message = f"{where}front matter is not valid YAML ({err.reason}); the post was skipped"
        return None, [Problem(src_uri, "", message, fatal=True)]
    reader = _Reader(src_uri, {}, fields)
    if not isinstance(meta, Mapping):
        reader.problem(
            "",
            f"front matter must be a mapping of keys to values, got {type(meta).__name__}; it was ignored",
        )
        meta = {}
    if defaults:
        meta = merge_front_matter(defaults, meta)
    reader.meta = meta

    title = reader.text("title") or _title_heading(body) or _title_from_filename(src_uri)

    date = reader.date("date", tz)
    if date is None:
        try:
            date = date_from_filename(posixpath.basename(src_uri), tz)
        except DateError as err:
            reader.problem("date", str(err))
    if date is None:
        reader.problem(
            "date",
            "no date in front matter or file name; the post is listed after all dated posts",
        )
    updated = reader.date("updated", tz) if reader.get("updated") else None
    if updated is not None and date is not None and updated < date:
        updated = None

    tags_found = reader.get("tags")
    tags: tuple[str, ...] = ()
    if tags_found is not None:
        tags, tag_problems = normalize_tags(tags_found[1])
        for message in tag_problems:
            reader.problem(tags_found[0], message)

    # In Jekyll's _posts folder, "categories: a b" is two categories, as Jekyll reads it.
    jekyll = src_uri.startswith("_posts/") or "/_posts/" in src_uri
    categories = reader.terms("categories", "category", "categories", words=jekyll)
    authors = reader.terms("authors", "author", "authors")
    image, image_alt = reader.image()
    aliases_found = reader.get("aliases")
    aliases: tuple[str, ...] = ()
    if aliases_found is not None:
        aliases, alias_problems = _aliases(aliases_found[1])
        for message in alias_problems:
            reader.problem(aliases_found[0], message)
    post = Post(
        src_uri=src_uri,
        title=title,
        date=date,
        updated=updated,
        description=reader.text("description"),
        image=image,
        image_alt=image_alt,
        tags=tags,
        draft=reader.flag("draft"),
        draft_given=(reader.get("draft") or ("", None))[1] is not None,
        slug=reader.text("slug"),
        categories=categories,
        authors=authors,
        no_image=reader.no_image,
        reading_time=reader.minutes("readtime") or reading_minutes(body, words_per_minute),
        pin=reader.flag("pin", otherwise=False),
        links=(reader.get("links") or ("", None))[1],
        aliases=aliases,
        aliases_key=aliases_found[0] if aliases_found else "aliases",
    )
    return post, reader.problems
