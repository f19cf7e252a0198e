"""The few words the blog prints, per language, and dates in the reader's language.

Dates come from Babel's CLDR data (``24 janvier 2024``); the interface strings
are a small table here, overridable from ``mkdocs.yml`` (``strings:``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date

__all__ = ["Strings", "format_day", "normalize_locale", "og_locale", "strings_for"]

_EN = {
    "blog": "Blog",
    "tags": "Tags",
    "all_tags": "All tags",
    "tag_title": "Posts tagged “{tag}”",
    "tags_title": "Tags",
    "reading_time": "{minutes} min read",
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
}
_TABLE: dict[str, dict[str, str]] = {
    "en": _EN,
    "fr": {
        "blog": "Blog",
        "tags": "Étiquettes",
        "all_tags": "Toutes les étiquettes",
        "tag_title": "Articles avec l’étiquette « {tag} »",
        "tags_title": "Étiquettes",
        "reading_time": "{minutes} min de lecture",
        "newer": "Articles plus récents",
        "older": "Articles plus anciens",
        "page_of": "Page {number} sur {count}",
        "posts_one": "{count} article",
        "posts_other": "{count} articles",
        "draft": "Brouillon",
        "read_more": "Lire la suite",
        "no_posts": "Aucun article pour l’instant.",
        "published": "Publié",
        "updated": "Mis à jour",
        "tagged": "Étiquettes",
        "pagination": "Pagination",
        "blog_description": "Tous les articles, du plus récent au plus ancien.",
        "tag_description_one": "{count} article avec l’étiquette « {tag} »",
        "tag_description_other": "{count} articles avec l’étiquette « {tag} »",
        "tags_description": "Toutes les étiquettes du blog, avec leur nombre d’articles.",
        "categories": "Catégories",
        "categories_title": "Catégories",
        "category_title": "{tag}",
        "category_description_one": "{count} article dans la catégorie « {tag} »",
        "category_description_other": "{count} articles dans la catégorie « {tag} »",
        "categories_description": "Toutes les catégories du blog, avec leur nombre d’articles.",
        "all_categories": "Toutes les catégories",
        "archive": "Archives",
        "archives_title": "Archives",
        "archive_title": "{tag}",
        "archive_description_one": "{count} article de {tag}",
        "archive_description_other": "{count} articles de {tag}",
        "archives_description": "Tous les articles du blog, par date.",
        "authors": "Auteurs",
        "authors_title": "Auteurs",
        "author_title": "{tag}",
        "author_description_one": "{count} article de {tag}",
        "author_description_other": "{count} articles de {tag}",
        "authors_description": "Tous les auteurs du blog, avec leur nombre d’articles.",
        "pinned": "Épinglé",
        "related_links": "Liens connexes",
        "post_navigation": "Navigation entre les articles",
        "previous_post": "Article plus récent",
        "next_post": "Article plus ancien",
        "related_posts": "Articles liés",
        "back_to_blog": "Retour au blog",
        "pages": "Pages",
        "share_preview_title": "Aperçus de partage",
        "share_preview_intro": (
            "L’aspect du lien de chaque article une fois partagé, d’après les "
            "balises meta de cette construction, coupé là où chaque plateforme coupe."
        ),
        "share_preview_bad_one": "{count} article aurait un mauvais aperçu.",
        "share_preview_bad_other": "{count} articles auraient un mauvais aperçu.",
        "share_preview_no_image": "Pas d’image",
        "share_preview_cut": "Coupé vers {limit} caractères",
        "share_preview_ok": "Rien à corriger.",
        "share_preview_unchecked": "Les vérifications des aperçus sont désactivées (lint: false).",
        "share_preview_length": "Description : {count} caractères",
    },
    "de": {
        "blog": "Blog",
        "tags": "Schlagwörter",
        "all_tags": "Alle Schlagwörter",
        "tag_title": "Beiträge mit dem Schlagwort „{tag}“",
        "tags_title": "Schlagwörter",
        "reading_time": "{minutes} Min. Lesezeit",
        "newer": "Neuere Beiträge",
        "older": "Ältere Beiträge",
        "page_of": "Seite {number} von {count}",
        "posts_one": "{count} Beitrag",
        "posts_other": "{count} Beiträge",
        "draft": "Entwurf",
        "read_more": "Weiterlesen",
        "no_posts": "Noch keine Beiträge.",
        "published": "Veröffentlicht",
        "updated": "Aktualisiert",
        "tagged": "Schlagwörter",
        "pagination": "Seitennavigation",
        "blog_description": "Alle Beiträge, die neuesten zuerst.",
        "tag_description_one": "{count} Beitrag mit dem Schlagwort „{tag}“",
        "tag_description_other": "{count} Beiträge mit dem Schlagwort „{tag}“",
        "tags_description": "Alle Schlagwörter des Blogs mit der Zahl ihrer Beiträge.",
        "categories": "Kategorien",
        "categories_title": "Kategorien",
        "category_title": "{tag}",
        "category_description_one": "{count} Beitrag in der Kategorie „{tag}“",
        "category_description_other": "{count} Beiträge in der Kategorie „{tag}“",
        "categories_description": "Alle Kategorien des Blogs mit der Zahl ihrer Beiträge.",
        "all_categories": "Alle Kategorien",
        "archive": "Archiv",
        "archives_title": "Archiv",
        "archive_title": "{tag}",
        "archive_description_one": "{count} Beitrag aus {tag}",
        "archive_description_other": "{count} Beiträge aus {tag}",
        "archives_description": "Alle Beiträge des Blogs, nach Datum.",
        "authors": "Autoren",
        "authors_title": "Autoren",
        "author_title": "{tag}",
        "author_description_one": "{count} Beitrag von {tag}",
        "author_description_other": "{count} Beiträge von {tag}",
        "authors_description": "Alle Autoren des Blogs mit der Zahl ihrer Beiträge.",
        "pinned": "Angeheftet",
        "related_links": "Weiterführende Links",
        "post_navigation": "Beitragsnavigation",
        "previous_post": "Neuerer Beitrag",
        "next_post": "Älterer Beitrag",
        "related_posts": "Ähnliche Beiträge",
        "back_to_blog": "Zurück zum Blog",
        "pages": "Seiten",
        "share_preview_title": "Vorschau beim Teilen",
        "share_preview_intro": (
            "So sieht der Link jedes Beitrags beim Teilen aus, "
            "nach den Meta-Tags dieses Builds, gekürzt, wo jede Plattform kürzt."
        ),
        "share_preview_bad_one": "{count} Beitrag hätte eine schlechte Vorschau.",
        "share_preview_bad_other": "{count} Beiträge hätten eine schlechte Vorschau.",
        "share_preview_no_image": "Kein Bild",
        "share_preview_cut": "Nach etwa {limit} Zeichen gekürzt",
        "share_preview_ok": "Nichts zu beheben.",
        "share_preview_unchecked": "Die Prüfungen der Vorschau sind ausgeschaltet (lint: false).",
        "share_preview_length": "Beschreibung: {count} Zeichen",
    },
    "es": {
        "blog": "Blog",
        "tags": "Etiquetas",
        "all_tags": "Todas las etiquetas",
        "tag_title": "Artículos con la etiqueta «{tag}»",
        "tags_title": "Etiquetas",
        "reading_time": "{minutes} min de lectura",
        "newer": "Artículos más recientes",
        "older": "Artículos anteriores",
        "page_of": "Página {number} de {count}",
        "posts_one": "{count} artículo",
        "posts_other": "{count} artículos",
        "draft": "Borrador",
        "read_more": "Leer más",
        "no_posts": "Todavía no hay artículos.",
        "published": "Publicado",
        "updated": "Actualizado",
        "tagged": "Etiquetas",
        "pagination": "Paginación",
        "blog_description": "Todos los artículos, del más reciente al más antiguo.",
        "tag_description_one": "{count} artículo con la etiqueta «{tag}»",
        "tag_description_other": "{count} artículos con la etiqueta «{tag}»",
        "tags_description": "Todas las etiquetas del blog, con su número de artículos.",
        "categories": "Categorías",
        "categories_title": "Categorías",
        "category_title": "{tag}",
        "category_description_one": "{count} artículo en la categoría «{tag}»",
        "category_description_other": "{count} artículos en la categoría «{tag}»",
        "categories_description": "Todas las categorías del blog, con su número de artículos.",
        "all_categories": "Todas las categorías",
        "archive": "Archivo",
        "archives_title": "Archivo",
        "archive_title": "{tag}",
        "archive_description_one": "{count} artículo de {tag}",
        "archive_description_other": "{count} artículos de {tag}",
        "archives_description": "Todos los artículos del blog, por fecha.",
        "authors": "Autores",
        "authors_title": "Autores",
        "author_title": "{tag}",
        "author_description_one": "{count} artículo de {tag}",
        "author_description_other": "{count} artículos de {tag}",
        "authors_description": "Todos los autores del blog, con su número de artículos.",
        "pinned": "Fijado",
        "related_links": "Enlaces relacionados",
        "post_navigation": "Navegación entre artículos",
        "previous_post": "Artículo más reciente",
        "next_post": "Artículo más antiguo",
        "related_posts": "Artículos relacionados",
        "back_to_blog": "Volver al blog",
        "pages": "Páginas",
        "share_preview_title": "Vistas previas al compartir",
        "share_preview_intro": (
            "Cómo se ve el enlace de cada artículo al compartirlo, según "
            "las etiquetas meta de esta compilación, cortado donde corta cada plataforma."
        ),
        "share_preview_bad_one": "{count} artículo tendría una mala vista previa.",
        "share_preview_bad_other": "{count} artículos tendrían una mala vista previa.",
        "share_preview_no_image": "Sin imagen",
        "share_preview_cut": "Cortado hacia {limit} caracteres",
        "share_preview_ok": "Nada que corregir.",
        "share_preview_unchecked": "Las comprobaciones de la vista previa están desactivadas (lint: false).",
        "share_preview_length": "Descripción: {count} caracteres",
    },
}


def normalize_locale(name: str | None) -> str:
    """A Babel locale identifier (``fr``, ``pt_BR``) from ``fr``, ``fr-FR`` or a Locale; ``en`` if unknown."""
    if not name:
        return "en"
    try:
        return str(Locale.parse(str(name).replace("-", "_")))
    except (UnknownLocaleError, ValueError, TypeError):
        return "en"


class Strings:
    """Interface strings for one locale, with plural forms from CLDR."""

    KEYS = frozenset(_EN)

    def __init__(self, locale: str, overrides: Mapping[str, str] | None = None) -> None:
        self.locale = locale
        language = locale.split("_")[0]
        self._table = {**_EN, **_TABLE.get(language, {}), **(overrides or {})}
        self._plural = Locale.parse(locale).plural_form
        # Templates write ``t.read_more``: as attributes the strings are found without Jinja's
        # failed-attribute fallback to ``t["read_more"]``. No key is the name of a method.
        self.__dict__.update(self._table)

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def format(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def plural(self, key: str, count: int, **values: object) -> str:
        """``key_one`` or ``key_other`` by the locale's plural rules (French: ``0 article``)."""
        form = "one" if self._plural(count) == "one" else "other"
        return self._table[f"{key}_{form}"].format(count=count, **values)

    def posts(self, count: int) -> str:
        """``1 post`` / ``3 posts``."""
        return self.plural("posts", count)


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
