import datetime as dt
import re

import pytest

from mkdocs_blog_tags.blog import build_blog
from mkdocs_blog_tags.dates import DateError, date_from_filename, get_timezone, parse_date
from mkdocs_blog_tags.posts import Post, read_post

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


# -- the edges of the datetime range: every date must have a UTC equivalent ---------------------

KIRITIMATI = get_timezone("Pacific/Kiritimati")
NEW_YORK = get_timezone("America/New_York")
OUT_OF_RANGE = "is outside the range of dates a feed can carry (years 1 to 9999 in UTC)"


@pytest.mark.parametrize(
    ("value", "tz"),
    [
        ("0001-01-01T00:00:00+01:00", UTC),
        ("0001-01-01T00:00:00+00:01", UTC),
        ("0001-01-01 00:00:00 +2359", UTC),
        (dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))), UTC),
        ("0001-01-01", PARIS),  # Paris was UTC+00:09:21 before 1891
        (dt.date(1, 1, 1), PARIS),
        (dt.datetime(1, 1, 1, 0, 9), PARIS),
        ("9999-12-31T23:59:59-05:00", UTC),
        ("9999-12-31T23:59:59.999999-00:01", UTC),
        (dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(-dt.timedelta(minutes=1))), UTC),
        ("9999-12-31 20:00", NEW_YORK),
    ],
)
def test_dates_without_a_utc_equivalent_raise_date_error(value: object, tz: dt.tzinfo) -> None:
    with pytest.raises(DateError, match=re.escape(OUT_OF_RANGE)):
        parse_date(value, tz)


@pytest.mark.parametrize(
    ("value", "tz"),
    [
        ("0001-01-01", UTC),  # Hugo's zero date
        ("0001-01-01T00:00:00Z", UTC),
        ("0001-01-01T00:00:00-23:59", UTC),
        (dt.date(1, 1, 1), KIRITIMATI),  # UTC-10:29:20 before 1901
        (dt.datetime(1, 1, 1, 0, 9, 21), PARIS),
        ("9999-12-31T23:59:59.999999Z", UTC),
        ("9999-12-31T23:59:59+23:59", UTC),
        ("9999-12-31 23:59:59", KIRITIMATI),
        (dt.date(9999, 12, 31), NEW_YORK),
    ],
)
def test_dates_at_the_edges_with_a_utc_equivalent_are_kept(value: object, tz: dt.tzinfo) -> None:
    parsed = parse_date(value, tz)
    assert 1 <= parsed.astimezone(UTC).year <= 9999
    assert parsed.utcoffset() is not None


def test_out_of_range_message_names_the_value_and_its_timezone() -> None:
    with pytest.raises(DateError) as caught:
        parse_date(dt.date(1, 1, 1), PARIS)
    assert str(caught.value) == f"0001-01-01T00:00:00+00:09:21 (Europe/Paris) {OUT_OF_RANGE}"
    with pytest.raises(DateError) as caught:
        parse_date("9999-12-31T23:59:59-05:00")
    assert str(caught.value) == f"'9999-12-31T23:59:59-05:00' {OUT_OF_RANGE}"


def test_date_from_filename_outside_the_utc_range() -> None:
    with pytest.raises(DateError, match=re.escape(OUT_OF_RANGE)) as caught:
        date_from_filename("0001-01-01-zero.md", PARIS)
    assert "'0001-01-01-zero.md'" in str(caught.value)
    assert date_from_filename("0001-01-01-zero.md", KIRITIMATI) == dt.datetime(1, 1, 1, tzinfo=KIRITIMATI)
    assert date_from_filename("9999-12-31-last.md", NEW_YORK) == dt.datetime(9999, 12, 31, tzinfo=NEW_YORK)


def _read(front_matter: str, src_uri: str = "blog/post.md", tz: dt.tzinfo = UTC) -> tuple[Post, list[str]]:
    post, problems = read_post(src_uri, f"---\ntitle: T\n{front_matter}\n---\nBody.\n", tz=tz)
    assert post is not None
    return post, [str(p) for p in problems]


@pytest.mark.parametrize(
    ("front_matter", "tz"),
    [
        ("date: 0001-01-01T00:00:00+01:00", UTC),
        ("date: '0001-01-01T00:00:00+01:00'", UTC),
        ("date: 0001-01-01 00:00:00 +0100", UTC),
        ("date: 0001-01-01", PARIS),
        ("date:\n  created: 0001-01-01", PARIS),
        ("date: 9999-12-31 23:00:00", NEW_YORK),
    ],
)
def test_read_post_reports_an_out_of_range_date_and_keeps_the_post_undated(
    front_matter: str, tz: dt.tzinfo
) -> None:
    post, problems = _read(front_matter, tz=tz)
    assert post.date is None and post.updated is None
    assert post.draft is False and post.title == "T"
    field = "date.created" if "created" in front_matter else "date"
    assert any(p.startswith(f"blog/post.md: '{field}': ") and OUT_OF_RANGE in p for p in problems), problems
    assert any("no date in front matter or file name" in p for p in problems)
    # Undated, it is still published: listed after the dated posts.
    dated, _ = _read("date: 2024-01-01", "blog/dated.md")
    assert build_blog([post, dated]).posts == (dated, post)


@pytest.mark.parametrize(
    ("front_matter", "tz"),
    [
        ("date: 2024-01-01\nupdated: 9999-12-31T23:59:59-05:00", UTC),
        ("date: 2024-01-01\nupdated: '9999-12-31 23:59:59 -0500'", UTC),
        ("date: 2024-01-01\nlast_modified: 9999-12-31 23:00", NEW_YORK),
        ("date:\n  created: 2024-01-01\n  updated: 9999-12-31T23:59:59-05:00", UTC),
    ],
)
def test_read_post_reports_an_out_of_range_update_and_has_no_updated(
    front_matter: str, tz: dt.tzinfo
) -> None:
    post, problems = _read(front_matter, tz=tz)
    assert post.date is not None and post.date.year == 2024
    assert post.updated is None
    assert len(problems) == 1 and OUT_OF_RANGE in problems[0], problems
    assert problems[0].startswith("blog/post.md: '"), problems
    assert build_blog([post]).posts == (post,)


def test_read_post_reports_an_out_of_range_file_name_date() -> None:
    post, problems = _read("tags: [a]", "blog/0001-01-01-zero.md", tz=PARIS)
    assert post.date is None
    assert any(p.startswith("blog/0001-01-01-zero.md: 'date': ") and OUT_OF_RANGE in p for p in problems)
    post, problems = _read("tags: [a]", "blog/0001-01-01-zero.md", tz=UTC)
    assert post.date == dt.datetime(1, 1, 1, tzinfo=UTC) and problems == []


class _NoOffset(dt.tzinfo):
    """A tzinfo that gives no offset: Python counts such a datetime as naive."""

    def utcoffset(self, value: dt.datetime | None) -> None:
        return None


def test_a_datetime_whose_tzinfo_gives_no_offset_is_read_in_the_timezone() -> None:
    value = parse_date(dt.datetime(2024, 1, 24, 12, tzinfo=_NoOffset()), PARIS)
    assert value == dt.datetime(2024, 1, 24, 12, tzinfo=PARIS)
    with pytest.raises(DateError, match=re.escape(OUT_OF_RANGE)):
        parse_date(dt.datetime(1, 1, 1, tzinfo=_NoOffset()), PARIS)
