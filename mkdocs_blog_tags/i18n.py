"""The words the blog prints, per language, and numbers, durations, lists and dates as CLDR writes them.

What CLDR has comes from Babel: plural categories (``1 wpis``, ``2 wpisy``,
``5 wpisów``), the numbers of counts (``1 234`` in French), the reading time's
number and unit (``5 Min.``), lists of names (``A, B et C``) and dates
(``24 janvier 2024``). The rest, the interface sentences, is one JSON file per
language in ``locales/`` (``fr.json``, ``zh_Hant.json``), read once per
language, and overridable from ``mkdocs.yml`` (``strings:``).

English, the reference, stays here: it names every key, and a key a language
lacks is the English one, for that key only. A locale finds its files as CLDR
finds its data: ``pt_BR`` reads ``pt``; ``pt_PT`` reads ``pt`` then
``pt_PT``, which holds only the words Portugal says otherwise; ``zh_TW``
(``zh_Hant_TW``) reads ``zh_Hant`` and never ``zh``, Babel's parent chain
(`translation_chain`).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date
from babel.lists import format_list
from babel.localedata import locale_identifiers
from babel.numbers import format_decimal
from babel.units import format_unit

from .values import closest

__all__ = [
    "PLURAL_CATEGORIES",
    "Strings",
    "check_locale",
    "format_day",
    "languages",
    "missing_keys",
    "normalize_locale",
    "og_locale",
    "strings_for",
    "translation_chain",
]

_EN = {
    "blog": "Blog",
    "tags": "Tags",
    "all_tags": "All tags",
    "tag_title": "Posts tagged “{tag}”",
    "tags_title": "Tags",
    "reading_time": "{duration} read",
    "newer": "Newer posts",
    "older": "Older posts",
    "page_of": "Page {number} of {count}",
    "posts_one": "{count} post",
    "posts_other": "{count} posts",
    "draft": "Draft",
    "read_more": "Read more",
    "no_posts": "No posts yet.",
    "published": "Published",
    "updated": "Updated",
    "tagged": "Tags",
    "pagination": "Pagination",
    "blog_description": "All posts, newest first.",
    "tag_description_one": "{count} post tagged “{tag}”",
    "tag_description_other": "{count} posts tagged “{tag}”",
    "tags_description": "Every tag of the blog, with its number of posts.",
    "categories": "Categories",
    "categories_title": "Categories",
    "category_title": "{tag}",
    "category_description_one": "{count} post in the category “{tag}”",
    "category_description_other": "{count} posts in the category “{tag}”",
    "categories_description": "Every category of the blog, with its number of posts.",
    "all_categories": "All categories",
    "archive": "Archive",
    "archives_title": "Archive",
    "archive_title": "{tag}",
    "archive_description_one": "{count} post from {tag}",
    "archive_description_other": "{count} posts from {tag}",
    "archives_description": "Every post of the blog, by date.",
    "authors": "Authors",
    "authors_title": "Authors",
    "author_title": "{tag}",
    "author_description_one": "{count} post by {tag}",
    "author_description_other": "{count} posts by {tag}",
    "authors_description": "Every author of the blog, with their number of posts.",
    "pinned": "Pinned",
    "related_links": "Related links",
    "post_navigation": "Post navigation",
    "previous_post": "Newer post",
    "next_post": "Older post",
    "related_posts": "Related posts",
    "back_to_blog": "Back to the blog",
    "pages": "Pages",
    "share_preview_title": "Share previews",
    "share_preview_intro": (
        "How each post’s link looks when it is shared, from "
        "the meta tags of this build, cut where each platform cuts."
    ),
    "share_preview_bad_one": "{count} post would preview badly.",
    "share_preview_bad_other": "{count} posts would preview badly.",
    "share_preview_no_image": "No image",
    "share_preview_cut": "Cut at about {limit} characters",
    "share_preview_ok": "Nothing to fix.",
    "share_preview_unchecked": "The share meta checks are off (lint: false).",
    "share_preview_length": "Description: {count} characters",
    # The share meta checks' findings (`lint`): rule ids, field and option names stay as written.
    "lint_finding": "{file}: {field} [{rule}]: {message}. Fix: {fix}.",
    "lint_description_missing": (
        "no description: previews show the start of the post's text instead (about {limit} characters)"
    ),
    "lint_description_missing_fix": "add a 'description' of up to {limit} characters",
    "lint_description_length": "{count} characters: {cuts}",
    "lint_cut_search": "search results show about {limit}",
    "lint_cut_x": "X about {limit}",
    "lint_cut_og": "Open Graph consumers about {limit}",
    "lint_description_length_fix": "shorten it to {limit} characters or fewer, the point first",
    "lint_title_length": "{count} characters: X shows about {limit} and cuts the rest",
    "lint_headline_length": "{count} characters: Google truncates a schema.org headline past {limit}",
    "lint_shorten_fix": "shorten it to {limit} characters or fewer",
    "lint_no_picture": "previews have no picture",
    "lint_default_picture": "previews show the site's default image instead",
    "lint_image_not_found": "{image} was not found: {effect}",
    "lint_image_not_found_at": "{image} was not found (looked for {paths}): {effect}",
    "lint_image_not_found_fix": "fix the path (relative to the page's file, or to docs_dir)",
    "lint_image_not_image": "{image} is not an image: {effect}",
    "lint_image_not_image_fix": "point 'image' at a JPG, PNG, WEBP or GIF file",
    "lint_image_missing": (
        "no image and no site 'default_image': previews have no picture, X a small text-only card"
    ),
    "lint_image_missing_fix": "add an 'image' of {size} (or set 'default_image' in mkdocs.yml)",
    "lint_image_format": "{type} is not a format X accepts (JPG, PNG, WEBP, GIF): {effect}",
    "lint_svg_no_picture": "SVG never renders in previews",
    "lint_maybe_no_picture": "previews may show no picture",
    "lint_image_format_fix": "use a JPG or PNG image",
    "lint_image_too_small": (
        "{size} is smaller than the {minimum} X needs for a large card: "
        "X shows a small card (twitter:card=summary)"
    ),
    "lint_image_size_fix": "use an image of at least {size}",
    "lint_image_small": (
        "{size} is smaller than the {recommended} Open Graph consumers recommend: "
        "previews show it small or blurred on high-resolution screens"
    ),
    "lint_image_aspect": (
        "{size} is {ratio}:1, far from the {aspect}:1 of link previews: "
        "Facebook, LinkedIn and X crop it to fit"
    ),
    "lint_image_aspect_fix": "crop it to {aspect}:1, e.g. {size}",
    "lint_image_file_size": "{length} is over the {limit} X allows for card images: X shows no picture",
    "lint_image_file_size_fix": "compress it or scale it down to {size}",
    "lint_bytes": "{amount} bytes",
    "lint_alt_missing": (
        "the image has no alt text: screen readers announce the preview's picture "
        "without saying what it shows"
    ),
    "lint_alt_missing_fix": "add {field} describing the picture",
    "lint_alt_length": "{count} characters: X takes at most {limit} for an image's alt text",
    "lint_term_in": "{term} in {files}",
    "lint_near_duplicate_tags": (
        "{count} spellings of what looks like one tag ({spellings}): "
        "each gets its own tag page, and their posts are split between them"
    ),
    "lint_near_duplicate_categories": (
        "{count} spellings of what looks like one category ({spellings}): "
        "each gets its own category page, and their posts are split between them"
    ),
    "lint_near_duplicate_fix": "write one spelling in every post's {field}",
    "lint_single_post_tags": (
        "{term} is used by this post only (of {count}): its tag page lists a single post"
    ),
    "lint_single_post_categories": (
        "{term} is used by this post only (of {count}): its category page lists a single post"
    ),
    "lint_single_post_fix_tags": "use a tag other posts share, or drop it",
    "lint_single_post_fix_categories": "use a category other posts share, or drop it",
    "lint_date_filename": (
        "the file name starts with {name_date} but 'date' is {date}: "
        "the blog dates the post from 'date' and ignores the file name"
    ),
    "lint_date_filename_fix": "make the two dates agree",
    "lint_summary_bad": "{who} would preview badly, see above",
    "lint_summary_better": "{who} could preview better, see above (informational)",
    "lint_pages_one": "{count} page",
    "lint_pages_other": "{count} pages",
    "lint_default_image": "the default image",
}

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories: ``posts_few`` is the form of ``posts`` for the numbers CLDR calls *few*."""

_PLURALS = tuple(key.removesuffix("_other") for key in _EN if key.endswith("_other"))
"""The keys with plural forms: ``posts``, ``tag_description``..."""
_FORMS = frozenset(f"{key}_{category}" for key in _PLURALS for category in PLURAL_CATEGORIES)
_LOCALES = Path(__file__).with_name("locales")
_ALIASES = {"no": "nb"}
"""Norwegian without saying which written form: Bokmål, the one most write."""
_DURATION_UNIT = "duration-minute"


@functools.cache
def languages() -> frozenset[str]:
    """The names that have words of their own: the files of ``locales/`` (``fr``, ``pt_PT``,
    ``zh_Hant``), and ``en``."""
    return frozenset(path.stem for path in _LOCALES.glob("*.json")) | {"en"}


@functools.cache
def _file(name: str) -> dict[str, str]:
    """The words of ``locales/<name>.json``, read once per process (the tests check their keys)."""
    words: dict[str, str] = json.loads((_LOCALES / f"{name}.json").read_text(encoding="utf-8"))
    return words


def _babel_locale(name: str) -> Locale:
    """Babel's locale of ``fr``, ``fr-FR``, ``zh-Hant``; a language CLDR renamed is its new name
    (Material's ``sh``: ``sr_Latn``). Babel's errors when it knows neither."""
    identifier = name.replace("-", "_")
    try:
        return Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        language, _, rest = identifier.partition("_")
        alias = get_global("language_aliases").get(language)
        if not alias:
            raise
        return Locale.parse(f"{alias}_{rest}" if rest else str(alias))


@functools.cache
def _parse(locale: str) -> Locale:
    return _babel_locale(locale)


def _likely_script(language: str) -> str | None:
    """The script a language is written in when none is said (``zh`` -> ``Hans``, ``sr`` -> ``Cyrl``)."""
    likely = str(get_global("likely_subtags").get(language, ""))
    return next((part for part in likely.split("_")[1:] if len(part) == 4), None)


def _parent(name: str) -> str | None:
    """CLDR's parent of a locale identifier, as Babel loads data: ``es_MX`` -> ``es_419`` -> ``es``;
    ``zh_Hant`` -> none (root), not ``zh``, which is Simplified."""
    parent = get_global("parent_exceptions").get(name)
    if parent:
        return None if parent == "root" else str(parent)
    parts = name.split("_")
    if len(parts) == 1:
        return None
    if len(parts) == 2 and len(parts[1]) == 4 and parts[1] != _likely_script(parts[0]):
        return None
    return "_".join(parts[:-1])


@functools.cache
def translation_chain(locale: str) -> tuple[str, ...]:
    """The files of words of ``locale``, most specific first: ``pt_PT`` -> ``("pt_PT", "pt")``,
    ``pt_BR`` -> ``("pt",)``, ``zh_TW`` -> ``("zh_Hant",)``, ``zh`` -> ``("zh_Hans",)``; ``()`` for
    English and for a language with no file (its words are English)."""
    try:
        parsed = _parse(locale)
    except (UnknownLocaleError, ValueError, TypeError):
        return ()
    names: list[str] = []
    name: str | None = "_".join(
        part for part in (parsed.language, parsed.script, parsed.territory, parsed.variant) if part
    )
    while name:
        names.append(name)
        name = _parent(name)
    script = parsed.script or _likely_script(parsed.language)
    if script and parsed.language in names:  # ``zh`` and ``zh_CN`` are written in ``zh_Hans``
        names.insert(names.index(parsed.language), f"{parsed.language}_{script}")
    names += [alias for name in names if (alias := _ALIASES.get(name))]
    known = languages() - {"en"}
    return tuple(dict.fromkeys(name for name in names if name in known))


@functools.cache
def _language_table(locale: str) -> Mapping[str, str]:
    """The words of ``locale``'s files, the most specific winning; English's own for English."""
    table: dict[str, str] = dict(_EN) if _parse_language(locale) == "en" else {}
    for name in reversed(translation_chain(locale)):
        table.update(_file(name))
    return table


def _parse_language(locale: str) -> str | None:
    try:
        return str(_parse(locale).language)
    except (UnknownLocaleError, ValueError, TypeError):
        return None


@functools.cache
def _direction(locale: str) -> str:
    """``rtl`` for a language written right to left (CLDR's character order: ``ar``, ``he``, ``fa``),
    else ``ltr``, and for a locale Babel does not know."""
    try:
        return "rtl" if _parse(locale).text_direction == "rtl" else "ltr"
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"


@functools.cache
def _plural_rule(locale: str) -> Callable[[int], str]:
    rule: Callable[[int], str] = _parse(locale).plural_form
    return rule


@functools.cache
def _whole_number_categories(locale: str) -> frozenset[str]:
    """The plural categories CLDR gives the whole numbers 0 to 1000 in ``locale``, and ``other``."""
    return frozenset(map(_plural_rule(locale), range(1001))) | {"other"}


def missing_keys(locale: str) -> frozenset[str]:
    """The keys ``locale``'s files lack: every key of English but the plural forms, and of these the
    categories its whole numbers up to 1000 take (``posts_one``, ``posts_few``, ``posts_many`` in
    Polish; only ``posts_other`` in Japanese) and ``_other``. English lacks none."""
    categories = _whole_number_categories(locale)
    needed = {key for key in _EN if key not in _FORMS}
    needed |= {f"{key}_{category}" for key in _PLURALS for category in categories}
    return frozenset(needed - _language_table(locale).keys())


class _Number(int):
    """A whole number that a format string writes as the locale does (``{count}`` -> ``1 234``);
    with a format spec (``{count:d}``) it is the plain integer it always was."""

    _text: str

    def __new__(cls, value: int, text: str) -> _Number:
        number = super().__new__(cls, value)
        number._text = text
        return number

    def __format__(self, spec: str) -> str:
        return int.__format__(self, spec) if spec else self._text


def normalize_locale(name: str | None) -> str:
    """A Babel locale identifier (``fr``, ``pt_BR``) from ``fr``, ``fr-FR`` or a Locale; ``en`` if unknown."""
    if not name:
        return "en"
    try:
        return str(_babel_locale(str(name)))
    except (UnknownLocaleError, ValueError, TypeError):
        return "en"


def check_locale(name: str) -> str:
    """``name`` as Babel's identifier (``fr-FR`` -> ``fr_FR``, ``zh-Hant`` -> ``zh_Hant``); a
    ValueError naming it, and the closest locale Babel knows, when Babel has no data for it."""
    text = str(name).strip()
    try:
        return str(_babel_locale(text))
    except (UnknownLocaleError, ValueError, TypeError):
        pass
    identifier = text.replace("-", "_")
    language, _, rest = identifier.partition("_")
    identifiers = locale_identifiers()
    # A typo of a locale of the same territory (``frr_FR``: ``fr_FR``), else the language alone when
    # Babel knows it (``fr_XX``: ``fr``), else the closest of all.
    same_rest = [known for known in identifiers if rest and known.partition("_")[2] == rest]
    hint = closest(identifier, same_rest, key=str.casefold, shown=())
    if not hint and rest and _parse_language(language) is not None:
        hint = f"did you mean {language!r}?"
    if not hint:
        shown = sorted(languages())
        hint = closest(identifier, identifiers, key=str.casefold, listed="known locales include", shown=shown)
    raise ValueError(f"unknown locale {text!r}: Babel has no data for it; {hint}")


class Strings:
    """Interface strings for one locale: ``t.read_more``, ``t["read_more"]``, ``t.format(key, ...)``,
    ``t.plural(key, count)`` by CLDR's plural rules, counts as the locale writes numbers, and
    ``t.direction``, the locale's writing direction (``rtl``, ``ltr``)."""

    KEYS = frozenset(_EN) | _FORMS
    """The keys ``strings:`` may override: English's, and every CLDR plural form of a plural key."""

    def __init__(self, locale: str, overrides: Mapping[str, str] | None = None) -> None:
        self.locale = locale
        # The locale's words and the overrides, without English: where plural forms are looked up.
        self._own = {**_language_table(locale), **(overrides or {})}
        self._table = {**_EN, **self._own}
        self._plural = _plural_rule(locale)
        self._numbers: dict[int, _Number] = {}
        self._durations: dict[int, str] = {}
        self._categories: dict[int, str] = {}
        # Templates write ``t.read_more``: as attributes the strings are found without Jinja's
        # failed-attribute fallback to ``t["read_more"]``. No key is the name of a method.
        self.__dict__.update(self._table)
        self.direction: str = _direction(locale)
        """``rtl`` or ``ltr``: the templates give the blog's own blocks ``dir="rtl"`` in a right-to-left
        language, as the ``mkdocs`` and ``readthedocs`` themes set no direction on the page."""

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    if TYPE_CHECKING:

        def __getattr__(self, key: str) -> str: ...  # ``t.read_more``: the keys, set in __init__

    def format(self, key: str, **values: object) -> str:
        """The string ``key`` with ``values``; whole numbers as the locale writes them. A ``minutes``
        value also gives ``{duration}``, the number and unit (``reading_time``: ``{duration} read``)."""
        return self._table[key].format(**self._shown(values))

    def plural(self, key: str, count: int, **values: object) -> str:
        """The form of ``key`` for ``count`` by the locale's plural rules (``key_one``, ``key_few``...,
        ``key_other`` when the form is not given); a key the locale lacks altogether is English's."""
        own = self._own
        category = self._categories.get(count)
        if category is None:
            category = self._categories[count] = self._plural(count)
        text = own.get(f"{key}_{category}")
        if text is None:
            text = own.get(f"{key}_other")
        if text is None:
            text = _EN.get(f"{key}_{_plural_rule('en')(count)}") or _EN[f"{key}_other"]
        values["count"] = count
        return text.format(**self._shown(values))

    def posts(self, count: int) -> str:
        """``1 post`` / ``3 posts``."""
        return self.plural("posts", count)

    def number(self, value: int) -> str:
        """A whole number as the locale writes it: ``1,234``, ``1 234`` (fr), ``1.234`` (de)."""
        return self._number(value)._text

    def duration(self, minutes: int) -> str:
        """A number of minutes with CLDR's short unit: ``5 min``, ``5 Min.``, ``5分钟``."""
        text = self._durations.get(minutes)
        if text is None:
            text = format_unit(int(minutes), _DURATION_UNIT, length="short", locale=self.locale)
            self._durations[minutes] = text
        return text

    def list(self, items: Iterable[str]) -> str:
        """Names joined as the locale joins them: ``A, B, and C``, ``A, B et C``, ``A、B、C``."""
        return str(format_list([str(item) for item in items], locale=self.locale))

    def _number(self, value: int) -> _Number:
        number = self._numbers.get(value)
        if number is None:
            number = self._numbers[value] = _Number(value, format_decimal(value, locale=self.locale))
        return number

    def _shown(self, values: dict[str, object]) -> dict[str, object]:
        """``values`` (a call's own keyword dict) with whole numbers in the locale's digits and
        grouping, and ``duration`` beside ``minutes``."""
        minutes = values.get("minutes")
        if type(minutes) is int and "duration" not in values:
            values["duration"] = self.duration(minutes)
        for name, value in values.items():
            if type(value) is int:
                values[name] = self._number(value)
        return values


def strings_for(locale: str, overrides: Mapping[str, str] | None = None) -> Strings:
    return Strings(locale, overrides)


def format_day(value: dt.datetime, locale: str, date_format: str = "long") -> str:
    """The day of ``value`` in its own timezone, as the locale writes it (``24 janvier 2024``)."""
    return str(format_date(value.date(), format=date_format, locale=locale))


@functools.lru_cache(maxsize=32)
def og_locale(locale: str) -> str:
    """The Open Graph ``language_TERRITORY`` form: ``fr`` -> ``fr_FR``, ``en`` -> ``en_US``."""
    parsed = Locale.parse(locale)
    if parsed.territory:
        return f"{parsed.language}_{parsed.territory}"
    likely = get_global("likely_subtags").get(parsed.language, "")
    territory = next((p for p in likely.split("_")[1:] if len(p) == 2 and p.isupper()), None)
    return f"{parsed.language}_{territory}" if territory else parsed.language
