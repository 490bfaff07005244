"""config/instance_types.toml keeps each family's published shape, so a typo in a line fails here.

Every type belongs to a family with a stated rule: its vCPU from the size in its name (AWS `large` 2,
`xlarge` 4, `8xlarge` 32; Google's and Azure's number: `n2d-highcpu-16`, `Standard_E20s_v5`) and
its memory as GiB per vCPU (AWS m 4, r 8, c 2; Google standard 4, highmem 8, highcpu 1, n1-standard
3.75, n1-highmem 6.5; Azure D 4, E 8, F 2). The sizes a provider publishes off the ratio are listed
by name with their published memory (`EXCEPTIONS`); a type that fits no family, or a family without
a rule, fails, so a new family comes with its rule.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

TYPES = Path(__file__).resolve().parents[1] / "config" / "instance_types.toml"

# (provider section, pattern of the key naming the family, GiB per vCPU); a key matches one rule
RULES: tuple[tuple[str, str, float], ...] = (
    ("aws", r"m(5|6a|6i|7a|7i)", 4),
    ("aws", r"r(5|6a|6i|7a|7i)", 8),
    ("aws", r"c(5|6a|6i|7i)", 2),
    ("aws", r"t3", 4),
    ("gcp", r"n1-standard", 3.75),
    ("gcp", r"n1-highmem", 6.5),
    ("gcp", r"(n2|n2d|e2|c2)-standard", 4),
    ("gcp", r"(n2|n2d|e2)-highmem", 8),
    ("gcp", r"(n2|n2d|e2)-highcpu", 1),
    ("azure", r"Standard_D\d+(s|ds|as|ads)?_v[345]", 4),
    ("azure", r"Standard_E\d+(i|s|is|ds|as)?_v[345]", 8),
    ("azure", r"Standard_F\d+s_v2", 2),
    ("azure", r"Standard_B\d+m?s", 4),
)

# published sizes off their family's ratio: key -> (vCPU, GiB), each as its source gives it
EXCEPTIONS: dict[str, tuple[int, float]] = {
    "t3.nano": (2, 0.5),  # t3 below large: 2 vCPU, memory 0.5 to 4 GiB (EC2 User Guide)
    "t3.micro": (2, 1),
    "t3.small": (2, 2),
    "t3.medium": (2, 4),
    "n2-highmem-128": (128, 864),  # Google: 864 GB, not 1024
    "Standard_E64_v3": (64, 432),  # Ev3/Esv3 top sizes: 432 GiB
    "Standard_E64i_v3": (64, 432),
    "Standard_E64s_v3": (64, 432),
    "Standard_E64is_v3": (64, 432),
    "Standard_E64_v4": (64, 504),  # Ev4/Esv4: 504 GiB
    "Standard_E64s_v4": (64, 504),
    "Standard_E96_v5": (96, 672),  # Ev5 family at 96 vCPU: 672 GiB
    "Standard_E96s_v5": (96, 672),
    "Standard_E96ds_v5": (96, 672),
    "Standard_E96as_v5": (96, 672),
    "Standard_B2s": (2, 4),  # B2s: 2 GiB per vCPU, the ms sizes 4
}

AWS_SIZES = {"medium": 1, "large": 2, "xlarge": 4}


def _entries() -> list[tuple[str, str, int, float]]:
    data = tomllib.loads(TYPES.read_text(encoding="utf-8"))
    return [
        (provider, key, spec["vcpu"], spec["memory_gib"])
        for provider, types in data.items()
        for key, spec in types.items()
    ]


def _vcpu_in_name(provider: str, key: str) -> int:
    if provider == "aws":
        size = key.split(".", 1)[1]
        if size in AWS_SIZES:
            return AWS_SIZES[size]
        m = re.fullmatch(r"(\d+)xlarge", size)
        assert m, f"{key}: no vCPU rule for the size {size!r}"
        return 4 * int(m.group(1))
    m = re.search(r"-(\d+)$", key) if provider == "gcp" else re.match(r"Standard_[A-Z](\d+)", key)
    assert m, f"{key}: no vCPU count in the name"
    return int(m.group(1))


def _rule(provider: str, key: str) -> float:
    family = {"aws": key.split(".", 1)[0], "gcp": re.sub(r"-\d+$", "", key)}.get(provider, key)
    found = [
        ratio for section, pattern, ratio in RULES if section == provider and re.fullmatch(pattern, family)
    ]
    assert len(found) == 1, f"{key}: matches {len(found)} family rules (add one for a new family)"
    return found[0]


def test_the_catalogue_has_the_families_checked() -> None:
    keys = {key for _, key, _, _ in _entries()}
    for key in (
        "m7a.4xlarge",
        "r7i.2xlarge",
        "c6a.8xlarge",
        "c7i.4xlarge",
        "t3.xlarge",
        "r7a.large",
        "n2d-standard-16",
        "n2-highcpu-32",
        "e2-highmem-8",
        "c2-standard-30",
        "Standard_D8s_v3",
        "Standard_E16_v3",
        "Standard_E8as_v5",
    ):
        assert key in keys, key


@pytest.mark.parametrize(("provider", "key", "vcpu", "memory"), _entries(), ids=lambda v: str(v))
def test_every_type_keeps_its_familys_published_shape(
    provider: str, key: str, vcpu: int, memory: float
) -> None:
    ratio = _rule(provider, key)
    if key in EXCEPTIONS:
        assert (vcpu, memory) == EXCEPTIONS[key], key
        return
    assert vcpu == _vcpu_in_name(provider, key), (
        f"{key}: {vcpu} vCPU, its name says {_vcpu_in_name(provider, key)}"
    )
    assert memory == pytest.approx(vcpu * ratio), f"{key}: {memory} GiB, its family has {ratio} per vCPU"


def test_every_exception_is_in_the_catalogue() -> None:
    keys = {key for _, key, _, _ in _entries()}
    assert set(EXCEPTIONS) <= keys, set(EXCEPTIONS) - keys


def test_a_typo_fails() -> None:
    """The check catches a wrong figure: 8xlarge with 16 vCPU, an r type with m memory."""
    with pytest.raises(AssertionError):
        test_every_type_keeps_its_familys_published_shape("aws", "m7a.8xlarge", 16, 64)
    with pytest.raises(AssertionError):
        test_every_type_keeps_its_familys_published_shape("aws", "r7i.2xlarge", 8, 32)
    with pytest.raises(AssertionError):
        test_every_type_keeps_its_familys_published_shape("gcp", "n2d-highcpu-16", 16, 64)
    with pytest.raises(AssertionError):
        test_every_type_keeps_its_familys_published_shape("azure", "Standard_E16_v3", 16, 64)
    with pytest.raises(AssertionError):
        test_every_type_keeps_its_familys_published_shape("aws", "x9.large", 2, 8)
