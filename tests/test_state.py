"""The per-account state cell: a round trip, and every malformed cell refused with a reason."""

from __future__ import annotations

import json

import pytest

from handoff.core.state import AccountState, DocState


def test_round_trip() -> None:
    state = AccountState(
        docs={"handoff": DocState(id="doc1", version="3", shared_with=["ta@example.com"])},
        traits={"vitally.custom.totalCpu": 64},
        note_id="n1",
        task_id="t1",
        status="handed off",
    )
    assert AccountState.from_cell(state.to_cell()) == state


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"v": 99}), "not a handoff state record"),
        (json.dumps({"v": 1, "docs": {"handoff": {"version": "1"}}}), "docs are not a record"),
        (json.dumps({"v": 1, "traits": "x"}), "'traits' is a str, not a dict"),
        (json.dumps({"v": 1, "note_id": 7}), "'note_id' is a int, not a str"),
    ],
)
def test_malformed_cells_are_refused_with_a_reason(cell: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        AccountState.from_cell(cell)
