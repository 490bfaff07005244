"""The three-way trait diff: desired (the sheet), current (Vitally), last written (the record trait)."""

from __future__ import annotations

from handoff.core.written import fingerprints
from handoff.plan.traits import diff_traits, to_vitally

KEY = "vitally.custom.totalCpu"


def _one(current: dict[str, object], last: dict[str, object], force: tuple[str, ...] = ()) -> tuple[str, str]:
    changes = diff_traits({KEY: 66}, current, fingerprints(last), force, {KEY: "total_cpu"}, last)
    assert len(changes) == 1 and changes[0].target == KEY and changes[0].after == 66
    return changes[0].kind, changes[0].reason


def test_equal_values_make_no_change() -> None:
    assert diff_traits({KEY: 64}, {KEY: 64.0}, fingerprints({KEY: 64})) == []


def test_new_and_changed_values_are_set() -> None:
    assert _one({}, {}) == ("trait.set", "new")
    assert _one({KEY: 64}, {KEY: 64}) == ("trait.set", "value changed")


def test_a_ta_edit_is_kept_until_forced_by_label_or_key() -> None:
    kind, reason = _one({KEY: 72}, {KEY: 64})
    assert kind == "trait.keep" and "--force-field total_cpu" in reason
    assert _one({KEY: 72}, {KEY: 64}, ("total_cpu",)) == ("trait.set", "forced over a Vitally edit")
    assert _one({KEY: 72}, {KEY: 64}, (KEY,)) == ("trait.set", "forced over a Vitally edit")


def test_a_value_vitally_normalised_is_still_ours() -> None:
    """48.0 for 48, a date with a time for the day, padded text: not an edit, so a new value is set."""
    for sent, stored in ((48, 48.0), ("2026-11-27T00:00:00.000Z", "2026-11-27"), ("k8s", " k8s ")):
        changes = diff_traits({KEY: 66}, {KEY: stored}, fingerprints({KEY: sent}))
        assert [c.kind for c in changes] == ["trait.set"], (sent, stored)


def test_the_report_names_the_value_written_only_when_the_cache_agrees_with_the_record() -> None:
    (keep,) = diff_traits({KEY: 66}, {KEY: 72}, fingerprints({KEY: 64}), written={KEY: 64})
    assert "since handoff wrote 64;" in keep.reason
    (keep,) = diff_traits({KEY: 66}, {KEY: 72}, fingerprints({KEY: 64}), written={KEY: 50})
    assert "since handoff wrote it;" in keep.reason


def test_vitally_numbers_carry_at_most_one_decimal() -> None:
    assert to_vitally(6.25) == 6.2 and to_vitally(240.518168576) == 240.5
    assert to_vitally(224.0) == 224 and isinstance(to_vitally(224.0), int)
    assert to_vitally(0.04) == 0
