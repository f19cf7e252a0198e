"""Every language of the blog's words: complete, with English's placeholders, CLDR's plural forms,
numbers, durations and lists, found from any spelling of its locale; a missing word is English's."""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from pathlib import Path

import mkdocs
import pytest
from conftest import settings

from mkdocs_blog_tags import i18n
from mkdocs_blog_tags.i18n import (
    Strings,
    check_locale,
    languages,
    missing_keys,
    normalize_locale,
    translation_chain,
)
from mkdocs_blog_tags.plan import config_warnings
from mkdocs_blog_tags.plugin import BlogTagsPlugin

LOCALES = Path(i18n.__file__).with_name("locales")
MKDOCS_THEMES = Path(mkdocs.__file__).parent / "themes"

#: The quotes each language puts around a tag's name where English writes “{tag}”.
QUOTES = {
    "en": "“”",
    "fr": "«»",
    "de": "„“",
    "es": "«»",
    "it": "«»",
    "pt": "“”",
    "pt_PT": "«»",
    "nl": "“”",
    "sv": "””",
    "nb": "«»",
    "nn": "«»",
    "da": "“”",
    "fi": "””",
    "pl": "„”",
    "cs": "„“",
    "sk": "„“",
    "hu": "„”",
    "ro": "„”",
    "ru": "«»",
    "uk": "«»",
    "tr": "“”",
    "el": "«»",
    "ar": "«»",
    "he": "””",
    "fa": "«»",
    "id": "“”",
    "ja": "「」",
    "zh_Hans": "“”",
    "zh_Hant": "「」",
    "ko": "“”",
    "ca": "«»",
    "vi": "“”",
    "hi": "“”",
    "th": "“”",
}

#: The languages the blog speaks, each complete.
EXPECTED = set(QUOTES)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _english_of(key: str) -> str:
    """The English a key translates: a plural form (``posts_few``) translates ``posts_other``."""
    if key in i18n._EN:
        return i18n._EN[key]
    base, _, category = key.rpartition("_")
    assert category in i18n.PLURAL_CATEGORIES and base in i18n._PLURALS, key
    return i18n._EN[f"{base}_other"]


def _files() -> Iterator[tuple[str, dict[str, str]]]:
    for path in sorted(LOCALES.glob("*.json")):
        yield path.stem, json.loads(path.read_text(encoding="utf-8"))


def test_complete_languages() -> None:
    lacking = {name: sorted(missing_keys(name)) for name in sorted(languages())}
    complete = {name for name, keys in lacking.items() if not keys}
    print("complete:", " ".join(sorted(complete)))
    for name, keys in lacking.items():
        if keys:
            print(f"{name} lacks: {', '.join(keys)}")
    assert {"en", "fr", "de", "es"} <= complete
    assert len(complete) >= 30
    assert complete >= EXPECTED, {name: lacking[name] for name in EXPECTED - complete}


def test_the_languages_of_mkdocs_own_themes_have_their_words() -> None:
    shipped = {path.name for path in MKDOCS_THEMES.glob("*/locales/*") if path.is_dir()}
    assert shipped >= {"de", "fr", "ja", "pt_BR", "zh_CN", "zh_TW", "nb", "nn", "fa"}
    for locale in shipped:
        assert translation_chain(normalize_locale(locale)), locale
        assert not missing_keys(normalize_locale(locale)), locale


@pytest.mark.parametrize(("name", "words"), list(_files()))
def test_every_file_keeps_english_keys_and_placeholders(name: str, words: dict[str, str]) -> None:
    assert name in languages()
    assert set(words) <= Strings.KEYS, set(words) - Strings.KEYS
    for key, text in words.items():
        assert isinstance(text, str) and text.strip() == text and text, (key, text)
        assert _placeholders(text) == _placeholders(_english_of(key)), (key, text)
        if key.startswith("lint_"):  # the linter's words take their own placeholders
            text.format(**dict.fromkeys(_placeholders(text), "x"))
        else:
            text.format(tag="x", count=1, number=1, limit=1, duration="1 min", minutes=1)


@pytest.mark.parametrize("name", sorted(QUOTES))
def test_tag_names_are_in_the_language_s_quotes(name: str) -> None:
    opening, closing = QUOTES[name][0], QUOTES[name][1]
    own = i18n._language_table(name)
    quoted = [key for key in own if "“{tag}”" in _english_of(key)]
    assert len(quoted) >= 3
    for key in quoted:
        text = own[key]
        assert f"{opening}{{tag}}{closing}" in text.replace("« ", "«").replace(" »", "»"), (key, text)
        assert '"' not in text, (key, text)


def test_no_key_is_the_name_of_a_method() -> None:
    assert not Strings.KEYS & set(dir(Strings))


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("pl", {0: "0 wpisów", 1: "1 wpis", 2: "2 wpisy", 5: "5 wpisów", 22: "22 wpisy", 25: "25 wpisów"}),
        (
            "ru",
            {0: "0 записей", 1: "1 запись", 2: "2 записи", 5: "5 записей", 21: "21 запись", 22: "22 записи"},
        ),
        ("uk", {1: "1 допис", 2: "2 дописи", 5: "5 дописів", 22: "22 дописи"}),
        ("cs", {0: "0 příspěvků", 1: "1 příspěvek", 2: "2 příspěvky", 5: "5 příspěvků", 22: "22 příspěvků"}),
        (
            "ar",
            {
                0: "0 تدوينة",
                1: "1 تدوينة",
                2: "2 تدوينتان",
                5: "5 تدوينات",
                22: "22 تدوينةً",
                100: "100 تدوينة",
            },
        ),
        ("he", {1: "1 פוסט", 2: "2 פוסטים", 5: "5 פוסטים"}),
        ("ro", {1: "1 articol", 2: "2 articole", 5: "5 articole", 22: "22 de articole"}),
        ("fr", {0: "0 article", 1: "1 article", 2: "2 articles"}),
        ("pt", {0: "0 artigo", 1: "1 artigo", 2: "2 artigos"}),
        ("pt_PT", {0: "0 artigos", 1: "1 artigo", 2: "2 artigos"}),
        ("ja", {1: "1 件の記事", 5: "5 件の記事"}),
        ("en", {0: "0 posts", 1: "1 post", 2: "2 posts"}),
    ],
)
def test_plural_forms_are_cldr_s(locale: str, expected: dict[int, str]) -> None:
    t = Strings(locale)
    assert {count: t.posts(count) for count in expected} == expected


def test_every_plural_key_takes_the_language_s_forms() -> None:
    t = Strings("pl")
    assert t.plural("tag_description", 3, tag="Go") == "3 wpisy z tagiem „Go”"
    assert t.plural("share_preview_bad", 12) == "12 wpisów miałoby zły podgląd."
    assert Strings("ar").plural("share_preview_bad", 2) == "2 تدوينتان ستكون معاينتهما سيئة."


@pytest.mark.parametrize(
    ("locale", "minutes", "expected"),
    [
        # CLDR's short unit in a sentence of the language; en, de and es read as before.
        ("en", 5, "5 min read"),
        ("en", 1, "1 min read"),
        ("de", 5, "5 Min. Lesezeit"),
        ("es", 5, "5 min de lectura"),
        ("fr", 5, "5\u00a0min de lecture"),  # CLDR's no-break space: "5" and "min" stay on one line
        ("ja", 5, "5 分で読めます"),
        ("zh_Hans", 5, "预计阅读5分钟"),
        ("zh_Hant_TW", 5, "預計閱讀 5 分鐘"),
        ("ru", 5, "5 мин чтения"),
        ("pl", 12, "12 min czytania"),
        ("ko", 3, "읽는 데 3분"),
    ],
)
def test_reading_time_is_cldr_s_unit_in_a_translated_sentence(
    locale: str, minutes: int, expected: str
) -> None:
    assert Strings(locale).format("reading_time", minutes=minutes) == expected


def test_an_old_reading_time_override_still_gets_minutes() -> None:
    t = Strings("en", {"reading_time": "{minutes} minutes to read"})
    assert t.format("reading_time", minutes=7) == "7 minutes to read"
    assert Strings("de", {"reading_time": "Lesezeit: {duration}"}).format("reading_time", minutes=7) == (
        "Lesezeit: 7 Min."
    )


def test_counts_are_written_as_the_locale_writes_numbers() -> None:
    assert Strings("en").posts(1234) == "1,234 posts"
    assert Strings("fr").posts(1234) == "1\u202f234 articles"
    assert Strings("de").posts(1234) == "1.234 Beiträge"
    assert Strings("fr").format("page_of", number=2, count=1500) == "Page 2 sur 1\u202f500"
    assert Strings("ru").format("reading_time", minutes=1500) == "1\xa0500 мин чтения"
    # A format spec still formats the plain number.
    assert Strings("fr", {"posts_other": "{count:d} billets"}).posts(1234) == "1234 billets"


def test_lists_of_names_are_joined_as_the_locale_joins_them() -> None:
    names = ["Ada", "Brian", "Chloé"]
    assert Strings("en").list(names) == "Ada, Brian, and Chloé"
    assert Strings("fr").list(names) == "Ada, Brian et Chloé"
    assert Strings("de").list(names) == "Ada, Brian und Chloé"
    assert Strings("ja").list(names) == "Ada、Brian、Chloé"
    assert Strings("es").list(["Ada", "Brian"]) == "Ada y Brian"
    assert Strings("fr").list(["Ada"]) == "Ada"
    assert Strings("fr").list([]) == ""


def test_a_missing_key_is_english_for_that_key_only(monkeypatch: pytest.MonkeyPatch) -> None:
    french = dict(i18n._file("fr"))
    del french["read_more"], french["tag_description_one"], french["tag_description_other"]
    del french["posts_one"]
    monkeypatch.setattr(i18n, "_language_table", lambda locale: french)
    t = Strings("fr")
    assert t.read_more == t["read_more"] == "Read more"
    assert t.blog == "Blog" and t.tags == "Étiquettes" and t.draft == "Brouillon"
    # A plural key the language lacks altogether is English, by English's rules.
    assert t.plural("tag_description", 1, tag="Go") == "1 post tagged “Go”"
    assert t.plural("tag_description", 0, tag="Go") == "0 posts tagged “Go”"
    # A form it lacks is its _other.
    assert t.posts(1) == "1 articles"
    assert t.posts(3) == "3 articles"


def test_overrides_replace_one_key_and_may_give_any_plural_form() -> None:
    t = Strings("fr", {"posts_other": "{count} billets", "blog": "Journal"})
    assert (t.blog, t.posts(1), t.posts(3), t.tags) == ("Journal", "1 article", "3 billets", "Étiquettes")
    assert "posts_few" in Strings.KEYS and "tag_description_many" in Strings.KEYS
    ru = Strings("ru", {"posts_few": "{count} заметки"})
    assert (ru.posts(1), ru.posts(3), ru.posts(5)) == ("1 запись", "3 заметки", "5 записей")
    errors, _ = BlogTagsPlugin().load_config({"strings": {"posts_few": "{count} заметки"}})
    assert errors == []


def test_english_overrides_of_one_form_keep_the_other_english() -> None:
    t = Strings("en", {"posts_other": "{count} articles"})
    assert (t.posts(1), t.posts(2)) == ("1 post", "2 articles")


@pytest.mark.parametrize(
    ("locale", "chain", "blog"),
    [
        ("zh_TW", ("zh_Hant",), "部落格"),
        ("zh-TW", ("zh_Hant",), "部落格"),
        ("zh_HK", ("zh_Hant",), "部落格"),
        ("zh_CN", ("zh_Hans",), "博客"),
        ("zh", ("zh_Hans",), "博客"),
        ("zh-Hant", ("zh_Hant",), "部落格"),
        ("pt_BR", ("pt",), "Blog"),
        ("pt", ("pt",), "Blog"),
        ("pt_PT", ("pt_PT", "pt"), "Blog"),
        ("nb", ("nb",), "Blogg"),
        ("nb_NO", ("nb",), "Blogg"),
        ("no", ("nb",), "Blogg"),
        ("iw", ("he",), "בלוג"),
        ("es_MX", ("es",), "Blog"),
        ("fr_CA", ("fr",), "Blog"),
        ("en_GB", (), "Blog"),
        ("sw", (), "Blog"),
    ],
)
def test_a_locale_finds_its_files_by_cldr_s_parents(locale: str, chain: tuple[str, ...], blog: str) -> None:
    assert translation_chain(normalize_locale(locale))[: len(chain)] == chain
    assert Strings(normalize_locale(locale)).blog == blog


def test_regional_words_win_and_the_rest_is_the_language_s() -> None:
    brazil, portugal = Strings("pt_BR"), Strings("pt_PT")
    assert (brazil.tags, portugal.tags) == ("Tags", "Etiquetas")
    assert (brazil.related_links, portugal.related_links) == ("Links relacionados", "Ligações relacionadas")
    assert brazil.draft == portugal.draft == "Rascunho"
    assert Strings("zh_TW").tags == "標籤" and Strings("zh_CN").tags == "标签"
    assert Strings("nn").read_more == "Les meir" and Strings("nb").read_more == "Les mer"


@pytest.mark.parametrize(
    "name", ["fr", "fr_FR", "fr-FR", "pt-BR", "zh-Hant", "zh_TW", "nb", "de_CH", "iw", "sh"]
)
def test_known_locales_are_accepted(name: str) -> None:
    errors, _ = BlogTagsPlugin().load_config({"locale": name})
    assert errors == []
    assert check_locale(name)


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("frr_FR", "did you mean 'fr_FR'?"),
        ("fr-XX", "did you mean 'fr'?"),
        ("en_XX", "did you mean 'en'?"),
        ("xx", "known locales include: 'ar'"),
    ],
)
def test_an_unknown_locale_is_a_config_error_naming_it(name: str, hint: str) -> None:
    errors, _ = BlogTagsPlugin().load_config({"locale": name})
    assert len(errors) == 1
    message = str(errors[0][1])
    assert f"unknown locale {name!r}" in message and hint in message


def test_an_unknown_theme_language_is_said_once_and_english() -> None:
    s = settings(theme={"name": "material", "language": "custom"})
    assert s.locale == "en" and s.strings.blog == "Blog"
    said = [w for w in config_warnings(s, first=True) if "theme language" in w]
    assert len(said) == 1
    assert "theme language: unknown locale 'custom'" in said[0] and "'locale'" in said[0]


def test_a_known_theme_language_is_silent() -> None:
    assert settings(theme={"name": "material", "language": "zh-TW"}).strings.blog == "部落格"
    assert settings(theme={"name": "mkdocs", "locale": "pt_BR"}).strings.posts(2) == "2 artigos"
    # The plugin's own option wins over the theme's, and is checked on its own.
    chosen = settings({"locale": "de"}, theme={"language": "custom"})
    assert chosen.locale == "de" and chosen.locale_problem is None


def test_each_language_file_is_read_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strings are made once per build: their files must not be read again each time."""
    i18n._file.cache_clear()
    i18n._language_table.cache_clear()
    reads: list[str] = []
    original = Path.read_text

    def counting(self: Path, *args: object, **kwargs: object) -> str:
        if self.parent.name == "locales":
            reads.append(self.name)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", counting)
    for _ in range(5):
        for name in ("fr", "zh_Hant_TW", "pt_PT", "ar"):
            Strings(name, {"blog": "Journal"})
    assert sorted(reads) == sorted(set(reads)) and "fr.json" in reads
