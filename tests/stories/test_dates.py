"""Vague dates become sortable year ranges."""

import pytest

from stories.services.dates import parse_fuzzy_date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("circa 1975", (1973, 1977)),
        ("ca. 1975", (1973, 1977)),
        ("rond 1960", (1958, 1962)),
        ("1970s", (1970, 1979)),
        ("1970's", (1970, 1979)),
        ("jaren 60", (1960, 1969)),
        ("de jaren '80", (1980, 1989)),
        ("1965-1972", (1965, 1972)),
        ("12 mei 2019", (2019, 2019)),
        ("voorjaar 1983", (1983, 1983)),
        ("", None),
        ("onbekend", None),
    ],
)
def test_fuzzy_dates_become_year_ranges(text, expected):
    assert parse_fuzzy_date(text) == expected
