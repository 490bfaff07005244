"""Per-account machine state: what this tool last wrote, kept in the sheet's hidden state tab.

One JSON cell per account, so any teammate's run sees the same state. It records the
doc ids (with the Drive version and content hashes at our last write), the Vitally trait
values we last wrote (the third leg of the three-way diff), and the note and task ids.
The JSON is versioned; an unreadable cell is reported, never silently discarded. The sheet reader
parses each cell once (`core/model.StateCell`); everything else reads the parsed state.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

STATE_VERSION = 1


@dataclass
class DocState:
    id: str
    version: str = ""  # Drive `version` right after our last write
    html_sha256: str = ""  # hash of the HTML we uploaded
    text_sha256: str = ""  # hash of files.export(text/plain) right after our last write
    generated_at: str = ""  # the "as of" stamp rendered into the doc
    shared_with: list[str] = field(default_factory=list)


@dataclass
class AccountState:
    docs: dict[str, DocState] = field(default_factory=dict)
    vitally_account_id: str = ""
    traits: dict[str, Any] = field(default_factory=dict)  # trait key -> value we last wrote
    ta_admin: dict[str, str] = field(default_factory=dict)  # {"email", "id", "name"} last resolved
    note_id: str = ""
    note_sha256: str = ""
    task_id: str = ""
    unsettled: list[str] = field(default_factory=list)  # "note"/"task" whose create was retried
    status: str = ""
    last_run: str = ""
    override_reason: str = ""  # a readiness override, honoured by later runs until the checklist is complete

    def to_cell(self) -> str:
        data = {"v": STATE_VERSION, **asdict(self)}
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_cell(cls, text: str) -> AccountState:
        """Parse a state cell; raises ValueError with a readable reason when it is not ours."""
        if not text.strip():
            return cls()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not valid JSON ({exc.msg} at character {exc.pos})") from None
        if not isinstance(data, dict) or data.get("v") != STATE_VERSION:
            raise ValueError(f"not a handoff state record of version {STATE_VERSION}")
        docs_data = data.get("docs") or {}
        fields = DocState.__dataclass_fields__
        if not isinstance(docs_data, dict) or not all(
            isinstance(d, dict) and isinstance(d.get("id"), str) for d in docs_data.values()
        ):
            raise ValueError("its docs are not a record of doc ids")
        docs = {k: DocState(**{f: v for f, v in d.items() if f in fields}) for k, d in docs_data.items()}
        known = {f for f in cls.__dataclass_fields__ if f != "docs"}
        values = {k: v for k, v in data.items() if k in known}
        for key, value in values.items():
            want = _FIELD_TYPES[key]
            if not isinstance(value, want):
                raise ValueError(f"its '{key}' is a {type(value).__name__}, not a {want.__name__}")
        return cls(docs=docs, **values)


_FIELD_TYPES: dict[str, type] = {
    "vitally_account_id": str,
    "traits": dict,
    "ta_admin": dict,
    "note_id": str,
    "note_sha256": str,
    "task_id": str,
    "unsettled": list,
    "status": str,
    "last_run": str,
    "override_reason": str,
}
