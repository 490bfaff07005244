"""A total disk below one production volume of the deployment's own services, written without a
count (`gitserver | 2 TB`, `Data volume (gitserver): 1.5 TiB`, `the pgsql PVC is 600 GB`), is not
used: the volume is one part the total holds (`validate/parts.py`, `_one_volume_parts`). A bound, a
plan, a growth step or a cache is no such part."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.core.model import FieldValue, Location, TddValue
from handoff.validate.agreement import broken
from handoff.validate.parts import disk_parts


def _line(label: str, text: str, where: str = "Storage › table 1, row 2") -> TddValue:
    return TddValue(label, text, Location("tdd", f"TDD {where}"), None, "production")


def _disk(gb: float) -> dict[str, FieldValue]:
    fv = FieldValue("total_disk_gb", gb, f"{gb} GB", "tdd", Location("tdd", "TDD Summary › paragraph 2"))
    return {"total_disk_gb": fv}


@pytest.mark.parametrize(
    ("line", "gb"),
    [
        (_line("gitserver", "2 TB"), 2000),
        (_line("Data volume (gitserver)", "1.5 TB, gp3"), 1500),
        (_line("Notes", "the pgsql PVC is 600 GB"), 600),
        (_line("Search", "zoekt index volume 750 GiB"), 750),
    ],
)
def test_a_total_below_one_services_volume_is_withheld(
    line: TddValue, gb: float, catalogue: Catalogue
) -> None:
    [found] = broken(_disk(400), catalogue, [line])
    assert found.withheld == ("total_disk_gb",)
    assert "400 GB (Summary › paragraph 2)" in found.message and "(Storage › table 1, row 2)" in found.message
    assert disk_parts([line])[0].amount == pytest.approx(gb, rel=0.08)
    assert broken(_disk(gb * 1.5), catalogue, [line]) == []  # a total above it holds it


@pytest.mark.parametrize(
    "line",
    [
        _line("gitserver", "can grow to 2 TB"),  # growth
        _line("gitserver", "max 2 TB per volume"),  # a bound
        _line("zoekt", "2 TB planned for next year"),  # a plan
        _line("Repo cache", "gitserver cache 2 TB"),  # a cache
        _line("Storage pool", "40 TB of block storage"),  # no service of its own named
        _line("gitserver", "3 × 1 TB → 3 × 2 TB"),  # a resize's steps
        _line("Database", "postgres on Amazon RDS with 1 TB gp3"),  # a managed database's storage
        _line("Notes", "pgsql runs on Cloud SQL with 1 TB"),
    ],
)
def test_what_is_not_one_volume(line: TddValue, catalogue: Catalogue) -> None:
    assert broken(_disk(400), catalogue, [line]) == []
