import datetime as dt

import pytest

from mkdocs_blog_tags.dates import DateError, date_from_filename, get_timezone, parse_date

UTC = dt.timezone.utc
PARIS = get_timezone("Europe/Paris")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2024, 1, 24), dt.datetime(2024, 1, 24, tzinfo=UTC)),
        (dt.datetime(2024, 1, 24, 13, 16), dt.datetime(2024, 1, 24, 13, 16, tzinfo=UTC)),
        ("2024-01-24", dt.datetime(2024, 1, 24, tzinfo=UTC)),
        ("2024-1-5", dt.datetime(2024, 1, 5, tzinfo=UTC)),
        ("2024-01-24 10:00", dt.datetime(2024, 1, 24, 10, tzinfo=UTC)),
        ("2024-01-24T10:00:30Z", dt.datetime(2024, 1, 24, 10, 0, 30, tzinfo=UTC)),
        ("2024-01-24T10:00:30.25+02:00", dt.datetime(2024, 1, 24, 8, 0, 30, 250000, tzinfo=UTC)),
    ],
)
def test_accepted_forms(value: object, expected: dt.datetime) -> None:
    assert parse_date(value) == expected
    assert parse_date(value).tzinfo is not None


def test_jekyll_string_with_offset_keeps_its_offset() -> None:
    value = parse_date("2016-01-24 13:16:12 -0800")
    assert value.utcoffset() == dt.timedelta(hours=-8)
    assert value.astimezone(UTC) == dt.datetime(2016, 1, 24, 21, 16, 12, tzinfo=UTC)


def test_naive_values_are_read_in_the_configured_timezone() -> None:
    winter = parse_date("2024-01-24 12:00", PARIS)
    assert winter.astimezone(UTC).hour == 11
    summer = parse_date(dt.datetime(2024, 7, 1, 12, 0), PARIS)
    assert summer.astimezone(UTC).hour == 10
    assert parse_date(dt.date(2024, 7, 1), PARIS).astimezone(UTC) == dt.datetime(2024, 6, 30, 22, tzinfo=UTC)


def test_aware_datetime_is_kept() -> None:
    value = dt.datetime(2024, 1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert parse_date(value, PARIS) is value


@pytest.mark.parametrize(
    "value", ["2024-13-45", "yesterday", "", 2024, 3.5, True, None, [2024], "2024-02-30"]
)
def test_rejected_values_raise_date_error(value: object) -> None:
    with pytest.raises(DateError):
        parse_date(value)


def test_unknown_timezone() -> None:
    with pytest.raises(DateError, match="Mars/Olympus"):
        get_timezone("Mars/Olympus")


def test_date_from_filename() -> None:
    assert date_from_filename("2016-01-24-welcome.md") == dt.datetime(2016, 1, 24, tzinfo=UTC)
    assert date_from_filename("welcome.md") is None
    assert date_from_filename("2016-13-24-bad.md") is None
