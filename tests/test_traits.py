"""The three-way trait diff: desired (the sheet), current (Vitally), last written (the state tab)."""

from __future__ import annotations

from handoff.plan.traits import diff_traits

KEY = "vitally.custom.totalCpu"


def _one(current: dict[str, object], last: dict[str, object], force: tuple[str, ...] = ()) -> tuple[str, str]:
    changes = diff_traits({KEY: 66}, current, last, force, {KEY: "total_cpu"})
    assert len(changes) == 1 and changes[0].target == KEY and changes[0].after == 66
    return changes[0].kind, changes[0].reason


def test_equal_values_make_no_change() -> None:
    assert diff_traits({KEY: 64}, {KEY: 64.0}, {KEY: 64}) == []


def test_new_and_changed_values_are_set() -> None:
    assert _one({}, {}) == ("trait.set", "new")
    assert _one({KEY: 64}, {KEY: 64}) == ("trait.set", "value changed")


def test_a_ta_edit_is_kept_until_forced_by_label_or_key() -> None:
    kind, reason = _one({KEY: 72}, {KEY: 64})
    assert kind == "trait.keep" and "--force-field total_cpu" in reason
    assert _one({KEY: 72}, {KEY: 64}, ("total_cpu",)) == ("trait.set", "forced over a Vitally edit")
    assert _one({KEY: 72}, {KEY: 64}, (KEY,)) == ("trait.set", "forced over a Vitally edit")
