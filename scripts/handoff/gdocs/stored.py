"""The one stored form of a Docs document: the tabs form `documents.get(includeTabsContent=true)`
returns. The emulator keeps every document in it, whether written as HTML or seeded as Docs JSON."""

from __future__ import annotations

from typing import Any

from handoff.gdocs.docs_to_html import TAB_FIELDS
from handoff.gdocs.html_to_docs import html_to_docs

JSON = dict[str, Any]


def normalize_document(doc: JSON) -> JSON:
    """Any Docs JSON (tabs form or legacy single-tab form) → the stored tabs form."""
    if doc.get("tabs"):
        return {k: doc[k] for k in ("documentId", "title", "revisionId", "tabs") if k in doc}
    tab = {k: doc[k] for k in TAB_FIELDS if k in doc}
    tab.setdefault("body", html_to_docs("")["tabs"][0]["documentTab"]["body"])
    out: JSON = {k: doc[k] for k in ("documentId", "title", "revisionId") if k in doc}
    out["tabs"] = [{"tabProperties": {"tabId": "t.0", "title": "Tab 1", "index": 0}, "documentTab": tab}]
    return out
