"""Every date shape a post may carry, turned into one aware ``datetime``.

Front matter mixes ``date`` objects (YAML timestamps), naive and aware
``datetime`` objects and strings (quoted dates, Jekyll's
``2016-01-24 13:16:12 -0800`` that YAML does not recognise). Sorting needs one
comparable type, so everything becomes an aware ``datetime`` here; naive values
are read in the site's timezone.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["DateError", "date_from_filename", "get_timezone", "parse_date"]

_DATE_RE = re.compile(
    r"""^\s*
    (?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})
    (?:[T\s]+
        (?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d{1,9}))?)?
    )?
    \s*(?P<tz>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?
    \s*$""",
    re.VERBOSE,
)
_FILENAME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")


class DateError(ValueError):
    """A value that is present but cannot be read as a date."""


def get_timezone(name: str) -> dt.tzinfo:
    """Return the tzinfo for an IANA name such as ``Europe/Paris`` (``UTC`` is built in)."""
    if name.upper() in {"UTC", "Z", "GMT"}:
        return dt.timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise DateError(f"unknown timezone {name!r}") from err


def _offset(text: str) -> dt.tzinfo:
    if text.upper() in {"Z", "UTC", "GMT"}:
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise DateError(f"offset {text!r} is out of range")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _from_string(text: str, tz: dt.tzinfo) -> dt.datetime:
    match = _DATE_RE.match(text)
    if not match:
        raise DateError(f"{text!r} is not a date like 2024-01-24 or 2024-01-24T13:16:12+01:00")
    g = match.groupdict()
    fraction = (g["f"] or "0")[:6].ljust(6, "0")
    try:
        value = dt.datetime(
            int(g["y"]),
            int(g["m"]),
            int(g["d"]),
            int(g["H"] or 0),
            int(g["M"] or 0),
            int(g["S"] or 0),
            int(fraction),
        )
    except ValueError as err:
        raise DateError(f"{text!r} is not a real date ({err})") from err
    if g["tz"]:
        return value.replace(tzinfo=_offset(g["tz"]))
    return _localize(value, tz)


def _localize(value: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    return value.replace(tzinfo=tz) if value.tzinfo is None else value


def parse_date(value: object, tz: dt.tzinfo = dt.timezone.utc) -> dt.datetime:
    """Return ``value`` as an aware datetime; naive values are taken to be in ``tz``.

    Raises `DateError` for anything that is not a date, including ``bool`` and
    numbers (YAML reads ``date: 2024`` as an int; guessing would hide typos).
    """
    if isinstance(value, dt.datetime):
        return _localize(value, tz)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    if isinstance(value, str):
        return _from_string(value, tz)
    raise DateError(f"expected a date like 2024-01-24, got {type(value).__name__} {value!r}")


def date_from_filename(name: str, tz: dt.tzinfo = dt.timezone.utc) -> dt.datetime | None:
    """Return the date of a Jekyll-style ``YYYY-MM-DD-title.md`` file name, else ``None``."""
    match = _FILENAME_RE.match(name)
    if not match:
        return None
    try:
        year, month, day = map(int, match.groups())
        return dt.datetime(year, month, day, tzinfo=tz)
    except ValueError:
        return None
