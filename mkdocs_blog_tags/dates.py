"""Every date shape a post may carry, turned into one aware ``datetime``.

Front matter mixes ``date`` objects (YAML timestamps), naive and aware
``datetime`` objects and strings (quoted dates, Jekyll's
``2016-01-24 13:16:12 -0800`` that YAML does not recognise). Sorting needs one
comparable type, so everything becomes an aware ``datetime`` here; naive values
are read in the site's timezone. Every date returned also has a UTC equivalent
within years 1 to 9999: the feeds write dates in UTC, and ``0001-01-01`` (Hugo's
zero date) with a positive offset has none, nor has ``9999-12-31`` late in the day
with a negative one. Those raise `DateError` here, against the post, rather than
OverflowError in the feed writer once every page has been written.
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
_OUT_OF_RANGE = "is outside the range of dates a feed can carry (years 1 to 9999 in UTC)"


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
    # Naive as Python defines it: no tzinfo, or one that gives no offset.
    return value.replace(tzinfo=tz) if value.utcoffset() is None else value


def _describe(value: dt.datetime) -> str:
    """``value`` as ISO 8601, with the name of its timezone when it has one (``Europe/Paris``)."""
    key = getattr(value.tzinfo, "key", None)
    return value.isoformat() + (f" ({key})" if key else "")


def _within_utc_range(value: dt.datetime, shown: str) -> dt.datetime:
    """``value``, once it is known to have a UTC equivalent; else `DateError` naming ``shown``."""
    try:
        value.astimezone(dt.timezone.utc)
    except OverflowError:
        raise DateError(f"{shown} {_OUT_OF_RANGE}") from None
    return value


def parse_date(value: object, tz: dt.tzinfo = dt.timezone.utc) -> dt.datetime:
    """Return ``value`` as an aware datetime; naive values are taken to be in ``tz``.

    Raises `DateError` for anything that is not a date, including ``bool`` and
    numbers (YAML reads ``date: 2024`` as an int; guessing would hide typos), and
    for a date whose UTC equivalent falls outside years 1 to 9999.
    """
    if isinstance(value, dt.datetime):
        result = _localize(value, tz)
    elif isinstance(value, dt.date):
        result = dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    elif isinstance(value, str):
        return _within_utc_range(_from_string(value, tz), repr(value))
    else:
        raise DateError(f"expected a date like 2024-01-24, got {type(value).__name__} {value!r}")
    return _within_utc_range(result, _describe(result))


def date_from_filename(name: str, tz: dt.tzinfo = dt.timezone.utc) -> dt.datetime | None:
    """Return the date of a Jekyll-style ``YYYY-MM-DD-title.md`` file name, else ``None``.

    An impossible date (``2016-13-24-``) is no date; one whose UTC equivalent falls
    outside years 1 to 9999 raises `DateError`, as in `parse_date`.
    """
    match = _FILENAME_RE.match(name)
    if not match:
        return None
    try:
        year, month, day = map(int, match.groups())
        value = dt.datetime(year, month, day, tzinfo=tz)
    except ValueError:
        return None
    return _within_utc_range(value, f"the date of the file name {name!r}, {_describe(value)},")
