"""units: numbers, sizes, dates, booleans and instance lists as people write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.core.units import (
    InstanceCount,
    ParseError,
    convert_size,
    describe,
    instance_key,
    parse_bool,
    parse_date,
    parse_instances,
    parse_integer,
    parse_number,
    parse_size,
    split_list,
    tidy_number,
    unit_in_label,
)


@pytest.mark.parametrize(
    ("text", "unit", "hint", "expected"),
    [
        ("128 GiB", "GB", None, 128.0),
        ("224 GiB", "GB", None, 224.0),  # as consoles and Kubernetes users speak
        ("1.5 TB", "GB", None, 1500.0),
        ("4 TB", "GB", None, 4000.0),
        ("1 TiB", "GB", None, 1000.0),
        ("2,000", "GB", None, 2000.0),
        ("~500", "GB", None, 500.0),
        ("about 500 GB", "GB", None, 500.0),
        ("500+ GB", "GB", None, 500.0),
        ("4000", "GB", None, 4000.0),
        ("128", "GB", "GiB", 128.0),  # the column says (GiB)
        ("128 GB", "GB", "GiB", 128.0),  # a unit in the value wins over the column's
        ("512 MiB", "GB", None, 0.512),
        ("3 x 64 GiB", "GB", None, 192.0),
        ("3 × 500 GB", "GB", None, 1500.0),
        ("500 GB SSD", "GB", None, 500.0),
        ("128 GiB RAM (three nodes)", "GB", None, 128.0),
        ("64Gi", "GB", None, 64.0),
        ("64G", "GB", None, 64.0),
        ("6.2 GB", "MB", None, 6200.0),
        ("6,200", "MB", None, 6200.0),
        ("1 GiB", "MB", None, 1000.0),
        ("900 MB", "MB", None, 900.0),
        ("3.5 gigabytes", "MB", None, 3500.0),
    ],
)
def test_sizes_follow_the_one_rule(text: str, unit: str, hint: str | None, expected: float) -> None:
    assert parse_size(text, unit, hint) == pytest.approx(expected, rel=1e-12)


def test_the_documented_conversions() -> None:
    """GB and GiB are one unit (docs/fields.md): TB/TiB ×1000, MB ↔ GB ÷/×1000."""
    assert convert_size(1, "GiB", "GB") == 1
    assert convert_size(1, "TB", "GB") == 1000
    assert convert_size(1, "TiB", "GB") == 1000
    assert convert_size(1, "MB", "GB") == pytest.approx(0.001)
    assert convert_size(1, "MiB", "GB") == pytest.approx(0.001)
    assert convert_size(1, "GiB", "MB") == 1000
    assert convert_size(6200, "MB", "GB") == pytest.approx(6.2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lots", "'lots' is not a size"),
        ("12 GiBs", "unknown unit 'GiBs'"),
        ("64 GiB per node", "per-node size"),
        ("64 GiB each", "per-node size"),
        ("1,50 GB", "digits grouped oddly"),
        ("", "is not a size"),
    ],
)
def test_sizes_refused(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_size(text, "GB")
    assert info.value.fix


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("32 vCPU", 32),
        ("2,000", 2000),
        ("~500", 500),
        ("50k", 50000),
        ("1.2M", 1_200_000),
        ("1,200 repositories", 1200),
        ("500+", 500),
        ("up to 2,500", 2500),
        ("-4", -4),
        ("0", 0),
    ],
)
def test_integers(text: str, expected: int) -> None:
    assert parse_integer(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2 GB", "a size, not a count"),
        ("1.5", "not a whole number"),
        ("many", "not a number"),
        ("12 per node", "not a whole number"),
        ("3/4", "not a whole number"),
    ],
)
def test_integers_refused(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_integer(text)


def test_plain_numbers() -> None:
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("≈ 12") == 12
    with pytest.raises(ParseError):
        parse_number("12 apples")


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-02",
        "2026/03/02",
        "2026-03-02T10:00:00Z",
        "March 2, 2026",
        "Mar 2 2026",
        "Mar. 2, 2026",
        "2 Mar 2026",
        "2nd March 2026",
        "2nd of March 2026",
        "Monday, March 2, 2026",
        "2026-3-2",
        "02.03.2026",
        "2-Mar-2026",
        "46083",
    ],
)
def test_dates_as_written(text: str) -> None:
    assert parse_date(text) == dt.date(2026, 3, 2)


def test_a_slash_date_is_read_only_when_its_numbers_decide_the_order() -> None:
    assert parse_date("25/03/2026") == dt.date(2026, 3, 25)
    assert parse_date("03/25/2026") == dt.date(2026, 3, 25)
    assert parse_date("05/05/26") == dt.date(2026, 5, 5)  # both readings are the same day


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("03/09/2026", "'03/09/2026' is ambiguous: write 2026-09-03 or 3 Sep 2026"),
        ("3/2/26", "'3/2/26' is ambiguous: write 2026-02-03 or 3 Feb 2026"),
    ],
)
def test_an_ambiguous_slash_date_is_refused(text: str, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.message == message
    assert "2026-0" in (info.value.fix or "") and "whichever is meant" in (info.value.fix or "")


def test_sheets_serial_numbers() -> None:
    assert parse_date("45658") == dt.date(2025, 1, 1)
    assert parse_date("45658.75") == dt.date(2025, 1, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("March 2026", "has no day"),
        ("2026-02-30", "not a real date"),
        ("next week", "not a date"),
        ("", "blank"),
        ("13/13/2026", "not a real date"),
    ],
)
def test_dates_refused(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_date(text)
    assert "YYYY-MM-DD" in (info.value.fix or "")


@pytest.mark.parametrize("text", ["TRUE", "true", "yes", "Yes", "y", "x", "X", "✓", "✔", "done", "1"])
def test_true(text: str) -> None:
    assert parse_bool(text) is True


@pytest.mark.parametrize("text", ["", "FALSE", "no", "n", "0", "✗", "-", "pending"])
def test_false(text: str) -> None:
    assert parse_bool(text) is False


def test_bool_refused() -> None:
    with pytest.raises(ParseError, match="not yes or no"):
        parse_bool("maybe")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3x m6i.4xlarge", [InstanceCount("m6i.4xlarge", 3)]),
        (
            "3 × m6i.4xlarge, 2 × c6i.2xlarge",
            [InstanceCount("m6i.4xlarge", 3), InstanceCount("c6i.2xlarge", 2)],
        ),
        ("4 x m5.2xlarge", [InstanceCount("m5.2xlarge", 4)]),
        ("m6i.4xlarge x 3", [InstanceCount("m6i.4xlarge", 3)]),
        ("n2-standard-16 (2)", [InstanceCount("n2-standard-16", 2)]),
        ("Standard_D16s_v5", [InstanceCount("Standard_D16s_v5", 1)]),
        ("D8s v5 x 4", [InstanceCount("D8s v5", 4)]),
        ("3 m6i.4xlarge nodes", [InstanceCount("m6i.4xlarge", 3)]),
        ("m6i.4xlarge (16 vCPU, 64 GiB)", [InstanceCount("m6i.4xlarge", 1)]),
        ("4 × standard.titan", [InstanceCount("standard.titan", 4)]),  # a provider's family.size, no digit
        ("6 × ocp.cpu.large", [InstanceCount("ocp.cpu.large", 6)]),  # an internal catalogue's names
        ("1 × HIGHMEM-XL", [InstanceCount("HIGHMEM-XL", 1)]),
        ("3 × guaranteed-medium", [InstanceCount("guaranteed-medium", 3)]),
        (
            "2 × r6i.4xlarge; 1 × m6i.xlarge",
            [InstanceCount("r6i.4xlarge", 2), InstanceCount("m6i.xlarge", 1)],
        ),
        (
            "3x m6i.4xlarge and 2x c6i.2xlarge",
            [InstanceCount("m6i.4xlarge", 3), InstanceCount("c6i.2xlarge", 2)],
        ),
    ],
)
def test_instance_lists(text: str, expected: list[InstanceCount]) -> None:
    assert parse_instances(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("large", "not an instance type"),
        ("3 × nodes", "not an instance type"),
        ("2 × XL", "not an instance type"),
        ("", "empty"),
        ("0 x m5.large", "count of 0"),
    ],
)
def test_instance_lists_refused(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_instances(text)


def test_instance_text_and_json() -> None:
    item = InstanceCount("m6i.4xlarge", 3)
    assert str(item) == "3 × m6i.4xlarge" == item.to_json()


def test_instance_keys_ignore_azure_spelling() -> None:
    assert instance_key("Standard_D16s_v5") == instance_key("D16s v5") == instance_key("d16s_v5")


def test_split_list_keeps_brackets_together() -> None:
    assert split_list("a (b, c), d; e\nf + g") == ["a (b, c)", "d", "e", "f", "g"]
    assert split_list("Bitbucket Server / Data Center") == ["Bitbucket Server / Data Center"]


def test_units_in_labels() -> None:
    assert unit_in_label("Total Memory (GiB)") == "GiB"
    assert unit_in_label("Largest repo [MB]") == "MB"
    assert unit_in_label("Total memory") is None
    assert unit_in_label("Total CPU (vCPU)") is None


def test_describe_and_tidy() -> None:
    assert tidy_number(6200.000000000001, 9) == 6200
    assert tidy_number(240.518168576, 9) == 240.518168576
    assert describe([InstanceCount("m5.large", 2), "x"]) == "2 × m5.large, x"
    assert describe(dt.date(2026, 1, 2)) == "2026-01-02"
    assert describe(12000) == "12,000"


@settings(derandomize=True)
@given(st.text(max_size=40))
def test_parsers_fail_only_with_parse_error(text: str) -> None:
    for fn in (
        parse_number,
        parse_integer,
        parse_date,
        parse_bool,
        parse_instances,
        lambda t: parse_size(t, "GB"),
        lambda t: parse_size(t, "MB", "GiB"),
    ):
        try:
            fn(text)
        except ParseError as exc:
            assert exc.message
