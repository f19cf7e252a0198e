"""Names in the order a reader of the site's language expects: Unicode collation, tailored per locale.

Code points put ``Éthique`` after ``Zèbre`` and casefolding does not help; the
Unicode Collation Algorithm with CLDR's tailoring of the site's locale puts it
after ``Encodage`` in French and German and keeps ``Å Ä Ö`` after ``Z`` in
Swedish. ICU (through the ``pyicu-wheels`` dependency) does it; without ICU (an
install without the dependency, a platform without its wheels) the names sort
by their letters without accents, which is right for most Latin-script
languages, wrong for Swedish-like tailorings, and never an error. `BACKEND`
says which one this process uses.

Every key ends with the name itself, so names that collate equal (``é`` in NFC
and NFD, a soft hyphen) still sort the same whatever order they come in.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from typing import Literal

__all__ = ["BACKEND", "SortKey", "sort_key"]

try:
    import icu as _icu
except ImportError:  # pragma: no cover - the dependency is installed; the fallback is tested
    _icu = None

BACKEND: Literal["icu", "fallback"] = "icu" if _icu is not None else "fallback"
"""``icu``: tailored Unicode collation; ``fallback``: letters without accents, then case, then code points."""

SortKey = tuple[bytes, str, str]
"""The collation key, the NFC name, the name: equal names in any spelling still have one order."""


def sort_key(locale: str) -> Callable[[str], SortKey]:
    """The sort key of a name for ``locale`` (a Babel id: ``fr``, ``sv``, ``pt_BR``; ``""``: the root).

    A locale ICU does not know sorts in the root order, as ICU does.
    """
    if BACKEND == "icu":
        return _icu_key(locale)
    return _fallback_key


@functools.cache  # a collator once per locale and process
def _icu_key(locale: str) -> Callable[[str], SortKey]:
    collator = _icu.Collator.createInstance(_icu.Locale(locale) if locale else _icu.Locale.getRoot())

    def key(name: str) -> SortKey:
        nfc = unicodedata.normalize("NFC", name)
        return bytes(collator.getSortKey(nfc)), nfc, name

    return key


def _fallback_key(name: str) -> SortKey:
    """Base letters (NFKD without combining marks or invisible format characters) casefolded, then
    the casefolded NFC name, then the name. UTF-8 bytes sort as code points do, so the key has the
    type of ICU's."""
    nfc = unicodedata.normalize("NFC", name)
    letters = "".join(
        c
        for c in unicodedata.normalize("NFKD", nfc)
        if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    return letters.casefold().encode("utf-8"), nfc.casefold(), name
