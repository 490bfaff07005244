"""Docs v1 subset of the sandbox: `documents.get` (and `documents.create`), plus export helpers.

A document's content lives in the store collection `docs` under its Drive file id, in the
shape `documents.get(includeTabsContent=true)` returns (`documentId`, `title`,
`revisionId`, `tabs`); the Drive module writes it (HTML import) and keeps `drive_files`
as the source of the title and of access rights. `documents.get`:

* `includeTabsContent=true` (or a `fields` mask naming `tabs`): content under
  `tabs[].documentTab`, legacy fields absent;
* otherwise the first tab's content in the legacy top-level `body`, `lists`,
  `documentStyle`, `namedStyles`, … and no `tabs`;
* `suggestionsViewMode` is echoed (`SUGGESTIONS_INLINE` for the default, the caller being
  an editor) and applied to a document stored with suggestions (Docs JSON seeds can hold
  them): `PREVIEW_WITHOUT_SUGGESTIONS` drops every element, run, row or cell marked with
  `suggestedInsertionIds` and unmarks suggested deletions (the text as it stands);
  `PREVIEW_SUGGESTIONS_ACCEPTED` does the opposite. Indexes are left as stored (gaps where
  something was dropped; the tool never relies on them). Errors: 404 NOT_FOUND (unknown id),
  400 for a Drive file that is not a Google Doc, 403 PERMISSION_DENIED for a `restricted`
  file the caller was not given.

`export_html(store, doc_id)` / `export_text(store, doc_id)` give what `files.export` would,
or None when the id is not a Google Doc (used by the browsable index).
"""

from __future__ import annotations

from typing import Any

from handoff.gdocs.docs_to_html import to_html, to_text
from handoff.gdocs.html_to_docs import html_to_docs
from handoff.gdocs.stored import normalize_document
from handoff.sandbox.drive_api import DOC_MIME, DOCS, FILES, access_role, create_file, fields_mask
from handoff.sandbox.drive_query import apply_mask
from handoff.sandbox.http import ApiError, Request, Response, route
from handoff.sandbox.store import Store

JSON = dict[str, Any]

VIEW_MODES = (
    "DEFAULT_FOR_CURRENT_ACCESS",
    "SUGGESTIONS_INLINE",
    "PREVIEW_SUGGESTIONS_ACCEPTED",
    "PREVIEW_WITHOUT_SUGGESTIONS",
)
LEGACY_ORDER = (
    "title",
    "body",
    "headers",
    "footers",
    "footnotes",
    "documentStyle",
    "namedStyles",
    "lists",
    "namedRanges",
    "revisionId",
    "suggestionsViewMode",
    "inlineObjects",
    "positionedObjects",
    "documentId",
)


SUGGESTION_PREVIEWS = {  # mode -> (mark whose content is dropped, mark that is removed)
    "PREVIEW_WITHOUT_SUGGESTIONS": ("suggestedInsertionIds", "suggestedDeletionIds"),
    "PREVIEW_SUGGESTIONS_ACCEPTED": ("suggestedDeletionIds", "suggestedInsertionIds"),
}


def _suggested(item: Any, mark: str) -> bool:
    """`item` (an element, run, row, cell …) carries `mark`, itself or in its one typed child."""
    if not isinstance(item, dict):
        return False
    if item.get(mark):
        return True
    children = [v for v in item.values() if isinstance(v, dict)]
    return len(children) == 1 and bool(children[0].get(mark))


def preview_suggestions(value: Any, drop: str, unmark: str) -> Any:
    """A copy of Docs JSON without what is marked `drop` and without the `unmark` marks."""
    if isinstance(value, list):
        return [preview_suggestions(v, drop, unmark) for v in value if not _suggested(v, drop)]
    if isinstance(value, dict):
        return {k: preview_suggestions(v, drop, unmark) for k, v in value.items() if k != unmark}
    return value


def document_view(doc: JSON, *, include_tabs: bool, view_mode: str | None = None) -> JSON:
    """The `documents.get` response for a stored (tabs form) document."""
    doc = normalize_document(doc)
    mode = view_mode if view_mode and view_mode != "DEFAULT_FOR_CURRENT_ACCESS" else "SUGGESTIONS_INLINE"
    if mode in SUGGESTION_PREVIEWS:
        doc = {**doc, "tabs": preview_suggestions(doc["tabs"], *SUGGESTION_PREVIEWS[mode])}
    if include_tabs:
        return {
            "title": doc.get("title", ""),
            "tabs": doc["tabs"],
            "revisionId": doc.get("revisionId", ""),
            "suggestionsViewMode": mode,
            "documentId": doc.get("documentId", ""),
        }
    first = doc["tabs"][0].get("documentTab", {})
    flat = {
        **first,
        "title": doc.get("title", ""),
        "revisionId": doc.get("revisionId", ""),
        "suggestionsViewMode": mode,
        "documentId": doc.get("documentId", ""),
    }
    return {k: flat[k] for k in LEGACY_ORDER if k in flat}


def load_document(store: Store, document_id: str, user: str) -> JSON:
    """The stored document (title from Drive), or the Docs API error this user would get."""
    record = store.get(FILES, document_id)
    doc = store.get(DOCS, document_id)
    if record is None and doc is None:
        raise ApiError(404, "Requested entity was not found.")
    if record is not None:
        if record.get("mimeType") != DOC_MIME:
            raise ApiError(400, "This operation is not supported for this document")
        if access_role(record, user) is None:
            raise ApiError(403, "The caller does not have permission")
    doc = normalize_document(doc or html_to_docs("", document_id=document_id))
    if record is not None:
        doc["title"] = record.get("name", doc.get("title", ""))
    doc["documentId"] = document_id
    return doc


@route("docs", "GET", r"/v1/documents/(?P<document_id>[^/:]+)", "docs.documents.get")
def documents_get(req: Request, store: Store, document_id: str) -> Response:
    mode = req.arg("suggestionsViewMode")
    if mode is not None and mode not in VIEW_MODES:
        raise ApiError(400, f"Invalid value at 'suggestions_view_mode' ({mode})")
    doc = load_document(store, document_id, req.user)
    fields = req.arg("fields") or ""
    include_tabs = (
        req.flag("includeTabsContent")
        or "tabs" in fields.replace(" ", "").split(",")
        or ("tabs(" in fields or "tabs/" in fields)
    )
    view = document_view(doc, include_tabs=include_tabs, view_mode=mode)
    return Response.json(apply_mask(view, fields_mask(req.arg("fields"), "*")))


@route("docs", "POST", r"/v1/documents", "docs.documents.create")
def documents_create(req: Request, store: Store) -> Response:
    body = req.json()
    title = str(body.get("title") or "Untitled document") if isinstance(body, dict) else "Untitled document"
    record = create_file(store, {"name": title, "mimeType": DOC_MIME}, req.user)
    return Response.json(document_view(load_document(store, record["id"], req.user), include_tabs=False))


def export_html(store: Store, doc_id: str) -> str | None:
    """What `files.export(mimeType="text/html")` returns for a Google Doc; None if it is not one."""
    doc = _exportable(store, doc_id)
    return None if doc is None else to_html(doc)


def export_text(store: Store, doc_id: str) -> str | None:
    """What `files.export(mimeType="text/plain")` returns for a Google Doc; None if it is not one."""
    doc = _exportable(store, doc_id)
    return None if doc is None else to_text(doc)


def _exportable(store: Store, doc_id: str) -> JSON | None:
    record = store.get(FILES, doc_id)
    if (record is not None and record.get("mimeType") != DOC_MIME) or (
        record is None and store.get(DOCS, doc_id) is None
    ):
        return None
    doc = normalize_document(store.get(DOCS, doc_id) or html_to_docs("", document_id=doc_id))
    if record is not None:
        doc["title"] = record.get("name", "")
    return doc
