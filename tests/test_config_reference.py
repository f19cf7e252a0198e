"""docs/configuration.md against config.py: every option is documented, with the default the code has.

The reference is written by hand, so it can drift from the code; this test
makes drift a failure. Each option of `BlogTagsConfig` (Material's ignored
options aside, which the migration guide lists) must have a row in the
"Options" table, or in the table of its sub-configuration's section
("Header", "Feeds"), and the documented default, read as YAML, must equal
the option's default. ``unset`` documents an option without default.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.config import config_options as c

from mkdocs_blog_tags.config import MATERIAL_ONLY, BlogTagsConfig

DOC = Path(__file__).resolve().parent.parent / "docs" / "configuration.md"
_SECTIONS = {"Options": "", "Header": "header.", "Footer": "footer.", "Feeds": "feeds."}
NO_DEFAULT = {"unset", "none", "see meaning"}
# Options without a default in the code, whose value is decided when the build starts.
EFFECTIVE = {"draft_on_serve": "`true`", "locale": "the theme's language, else `en`"}


def documented() -> dict[str, str]:
    """Option (``feeds.limit`` for a sub-option) -> its documented default, as written."""
    rows: dict[str, str] = {}
    prefix: str | None = None
    column: int | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^#{2,3} (.+)$", line)
        if heading:
            prefix, column = _SECTIONS.get(heading.group(1).strip()), None
            continue
        if prefix is None or not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if column is None:  # the table's header: where is its "Default" column?
            column = cells.index("Default") if "Default" in cells else -1
            continue
        name = re.fullmatch(r"`([a-z_]+)`", cells[0])
        if name and column > 0 and len(cells) > column:
            rows.setdefault(prefix + name.group(1), cells[column])
    return rows


def options() -> dict[str, Any]:
    """Option -> its default in the code, sub-configurations' options included."""
    found: dict[str, Any] = {}
    for name, option in BlogTagsConfig._schema:
        if name in MATERIAL_ONLY:
            continue
        if isinstance(option, c.SubConfig):
            sub = option.config_class()
            for sub_name, sub_option in sub._schema:
                found[f"{name}.{sub_name}"] = sub_option.default
            continue
        found[name] = getattr(option, "default", None)
    return found


def test_every_option_is_documented() -> None:
    missing = sorted(set(options()) - set(documented()))
    assert missing == [], f"options missing from docs/configuration.md: {missing}"


@pytest.mark.parametrize("name", sorted(options()))
def test_the_documented_default_is_the_codes(name: str) -> None:
    written = documented().get(name)
    if written is None:
        pytest.skip("reported by test_every_option_is_documented")
    default = options()[name]
    text = written.strip("`").strip()
    if name in EFFECTIVE:
        assert default is None and written == EFFECTIVE[name], f"{name}: documented {written!r}"
        return
    if isinstance(default, str):
        assert text == default, f"{name}: documented {written!r}, code {default!r}"
        return
    if text.lower() in NO_DEFAULT or written.lower().startswith("see "):
        assert default in (None, {}, False) or name == "fields", (
            f"{name}: documented {written!r}, code {default!r}"
        )
        return
    if name == "fields":
        return  # a mapping of every field to its keys: documented in the Fields section
    value = yaml.safe_load(text)
    assert value == default, f"{name}: documented {written!r}, code {default!r}"
