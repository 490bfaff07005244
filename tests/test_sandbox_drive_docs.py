"""Drive v3 and Docs v1 of the sandbox, through the real google-api-python-client.

The services are built exactly as production builds them against the sandbox: the bundled
discovery document with `rootUrl` rewritten (so uploads follow) and anonymous credentials.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.auth.credentials import AnonymousCredentials
from googleapiclient import discovery_cache
from googleapiclient.discovery import build_from_document
from googleapiclient.errors import HttpError
from googleapiclient.http import MediaInMemoryUpload

from handoff.gdocs.html_to_docs import html_to_docs
from handoff.sandbox.docs_api import export_html, export_text
from handoff.sandbox.drive_api import stage_human_edit
from handoff.sandbox.faults import FaultPlan
from handoff.sandbox.http import USER_HEADER
from handoff.sandbox.server import RunningSandbox, start

JSON = dict[str, Any]
SEED = Path(__file__).parent / "seeds" / "drive"
FIXTURES = Path(__file__).parent / "fixtures" / "google-docs"
DOC_MIME = "application/vnd.google-apps.document"
FOLDER_MIME = "application/vnd.google-apps.folder"
ACME_TDD = "1HndffSandboxAcmeTdd0000000000000000000000000"
SECRET_TDD = "1HndffSandboxSecretTdd00000000000000000000000"
HANDOFF_FOLDER = "1HndffSandboxHandoffDocsFolder0000"
TDD_FOLDER = "1HndffSandboxTddFolder000000000000"
HANDOFF_HTML = """<!DOCTYPE html><html><head><title>ignored</title><style>h1{color:red}</style></head><body>
<h1>Acme handoff</h1>
<p>Prepared for <b>Theo</b>, see <a href="https://sourcegraph.acme.example">the instance</a> 🚀</p>
<h2>Deployment</h2>
<table><tr><th>Field</th><th>Value</th></tr><tr><td>Deployment Type</td><td>Kubernetes</td></tr></table>
<ul><li>GitHub Enterprise<ul><li>12,400 repositories</li></ul></li></ul>
<ol><li>First step</li></ol>
</body></html>"""


# -- fixtures ------------------------------------------------------------------------------------
def google_service(base_url: str, api: str, version: str) -> Any:
    doc = json.loads(discovery_cache.get_static_doc(api, version) or "{}")
    doc["rootUrl"] = doc["mtlsRootUrl"] = base_url + "/"
    return build_from_document(doc, credentials=AnonymousCredentials())


@pytest.fixture
def drive_sandbox(tmp_path: Path) -> Iterator[RunningSandbox]:
    """A sandbox seeded from tests/seeds/drive (folders, a TDD with tabs and chips, a private TDD)."""
    running = start(tmp_path / "state", SEED, faults=FaultPlan())
    yield running
    running.stop()


@pytest.fixture
def drive(drive_sandbox: RunningSandbox) -> Iterator[Any]:
    service = google_service(drive_sandbox.url, "drive", "v3")
    yield service
    service.close()


@pytest.fixture
def docs(drive_sandbox: RunningSandbox) -> Iterator[Any]:
    service = google_service(drive_sandbox.url, "docs", "v1")
    yield service
    service.close()


def as_user(request: Any, email: str) -> Any:
    """The same API call, made by another person (the sandbox reads `X-Sandbox-User`)."""
    request.headers[USER_HEADER] = email
    return request


def html_media(html: str, resumable: bool = False) -> MediaInMemoryUpload:
    return MediaInMemoryUpload(html.encode("utf-8"), mimetype="text/html", resumable=resumable)


def create_doc(drive: Any, html: str = HANDOFF_HTML, name: str = "Acme Handoff", **meta: Any) -> JSON:
    body = {"name": name, "mimeType": DOC_MIME, "parents": [HANDOFF_FOLDER], **meta}
    request = drive.files().create(
        body=body,
        media_body=html_media(html),
        supportsAllDrives=True,
        fields="id,name,mimeType,version,webViewLink,parents,properties,modifiedTime",
    )
    result: JSON = request.execute()
    return result


def error_of(exc: pytest.ExceptionInfo[HttpError]) -> JSON:
    error: JSON = json.loads(exc.value.content)["error"]
    return error


def body_text(content: list[JSON]) -> list[str]:
    return [
        "".join(e["textRun"]["content"] for e in se["paragraph"]["elements"] if "textRun" in e)
        for se in content
        if "paragraph" in se
    ]


def without_ids(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: "ID" if k in ("listId", "headingId") else without_ids(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [without_ids(v) for v in obj]
    return obj


# -- create, read ----------------------------------------------------------------------------------
def test_multipart_html_upload_becomes_a_google_doc(drive: Any, docs: Any) -> None:
    created = create_doc(drive, properties={"handoff_account": "acme"})
    file_id = created["id"]
    assert created == {
        "id": file_id,
        "name": "Acme Handoff",
        "mimeType": DOC_MIME,
        "version": "1",
        "webViewLink": f"https://docs.google.com/document/d/{file_id}/edit",
        "parents": [HANDOFF_FOLDER],
        "properties": {"handoff_account": "acme"},
        "modifiedTime": created["modifiedTime"],
    }
    doc = docs.documents().get(documentId=file_id, includeTabsContent=True).execute()
    assert set(doc) == {"title", "tabs", "revisionId", "suggestionsViewMode", "documentId"}
    assert (doc["documentId"], doc["title"], doc["suggestionsViewMode"]) == (
        file_id,
        "Acme Handoff",
        "SUGGESTIONS_INLINE",
    )
    assert isinstance(doc["revisionId"], str) and doc["revisionId"]
    tab = doc["tabs"][0]
    assert tab["tabProperties"] == {"tabId": "t.0", "title": "Tab 1", "index": 0}
    content = tab["documentTab"]["body"]["content"]
    expected = html_to_docs(HANDOFF_HTML, document_id=file_id)["tabs"][0]["documentTab"]
    assert content == expected["body"]["content"]
    assert tab["documentTab"]["lists"] == expected["lists"]
    assert body_text(content) == [
        "Acme handoff\n",
        "Prepared for Theo, see the instance 🚀\n",
        "Deployment\n",
        "GitHub Enterprise\n",
        "12,400 repositories\n",
        "First step\n",
    ]
    table = next(se["table"] for se in content if "table" in se)
    cells = [[body_text(c["content"])[0] for c in row["tableCells"]] for row in table["tableRows"]]
    assert cells == [["Field\n", "Value\n"], ["Deployment Type\n", "Kubernetes\n"]]


def test_documents_get_legacy_view_is_the_first_tab(docs: Any) -> None:
    tabs = docs.documents().get(documentId=ACME_TDD, includeTabsContent=True).execute()
    legacy = (
        docs.documents()
        .get(documentId=ACME_TDD, suggestionsViewMode="PREVIEW_SUGGESTIONS_ACCEPTED")
        .execute()
    )
    assert set(legacy) == {
        "title",
        "body",
        "documentStyle",
        "namedStyles",
        "revisionId",
        "suggestionsViewMode",
        "documentId",
    }
    assert legacy["body"] == tabs["tabs"][0]["documentTab"]["body"]
    assert legacy["suggestionsViewMode"] == "PREVIEW_SUGGESTIONS_ACCEPTED"
    assert legacy["revisionId"] == tabs["revisionId"]
    masked = docs.documents().get(documentId=ACME_TDD, fields="tabs(tabProperties(title))").execute()
    assert masked == {
        "tabs": [{"tabProperties": {"title": "Overview"}}, {"tabProperties": {"title": "Deployment"}}]
    }


def test_seeded_tdd_has_tabs_child_tabs_and_chips(docs: Any) -> None:
    doc = docs.documents().get(documentId=ACME_TDD, includeTabsContent=True).execute()
    assert doc["title"] == "Acme - Technical Design Document"
    overview, deployment = doc["tabs"]
    contacts = overview["childTabs"][0]
    assert contacts["tabProperties"] == {
        "tabId": contacts["tabProperties"]["tabId"],
        "title": "Contacts",
        "index": 0,
        "parentTabId": "t.0",
        "nestingLevel": 1,
    }
    elements = [
        e
        for se in overview["documentTab"]["body"]["content"]
        if "paragraph" in se
        for e in se["paragraph"]["elements"]
    ]
    person = next(e["person"] for e in elements if "person" in e)
    assert person["personProperties"] == {"email": "ie@example.com", "name": "Irene Engineer"}
    date = next(e["dateElement"] for e in elements if "dateElement" in e)
    assert date["dateElementProperties"]["timestamp"] == "2026-03-02T00:00:00Z"
    assert any(
        e["richLink"]["richLinkProperties"]["title"] == "Acme runbook" for e in elements if "richLink" in e
    )
    assert any("table" in se for se in deployment["documentTab"]["body"]["content"])


def shapes(doc: JSON) -> dict[str, list[dict[str, type]]]:
    """Per element kind, each instance's {key: type of value}."""
    found = _Shapes()
    found.add("document", doc)
    found.content(doc["body"]["content"])
    for style in doc["namedStyles"]["styles"]:
        found.add("namedStyle", style)
    for lst in doc.get("lists", {}).values():
        found.add("list", lst)
        for level in lst["listProperties"]["nestingLevels"]:
            found.add("nestingLevel", level)
    return found.out


class _Shapes:
    """The shapes `shapes` collects, walking a Docs body: structural elements, then their parts."""

    def __init__(self) -> None:
        self.out: dict[str, list[dict[str, type]]] = defaultdict(list)

    def add(self, kind: str, obj: JSON) -> None:
        self.out[kind].append({k: type(v) for k, v in obj.items()})

    def content(self, items: list[JSON]) -> None:
        for se in items:
            kind = next(k for k in ("paragraph", "table", "sectionBreak") if k in se)
            self.add(f"structural:{kind}", se)
            if kind == "paragraph":
                self.paragraph(se["paragraph"])
            elif kind == "table":
                self.table(se["table"])
            else:
                self.add("sectionBreak", se["sectionBreak"])

    def paragraph(self, paragraph: JSON) -> None:
        self.add("paragraph", paragraph)
        self.add("paragraphStyle", paragraph["paragraphStyle"])
        if "bullet" in paragraph:
            self.add("bullet", paragraph["bullet"])
        for element in paragraph["elements"]:
            self.add("paragraphElement", element)
            if "textRun" in element:
                self.add("textRun", element["textRun"])
                self.add("textStyle", element["textRun"]["textStyle"])

    def table(self, table: JSON) -> None:
        self.add("table", table)
        self.add("tableStyle", table["tableStyle"])
        for row in table["tableRows"]:
            self.add("tableRow", row)
            for cell in row["tableCells"]:
                self.add("tableCell", cell)
                self.add("tableCellStyle", cell["tableCellStyle"])
                self.content(cell["content"])


def test_uploaded_doc_has_the_shape_of_real_docs_json(drive: Any, docs: Any) -> None:
    real: dict[str, list[dict[str, type]]] = defaultdict(list)
    for name in ("lists", "tables", "links", "texts", "empty"):
        for kind, instances in shapes(json.loads((FIXTURES / f"{name}.json").read_text())).items():
            real[kind].extend(instances)
    html = HANDOFF_HTML.replace(
        "</body>", "<p><i>it</i> <u>u</u> <s>s</s><br>x</p><p class='title'>T</p></body>"
    )
    ours = shapes(docs.documents().get(documentId=create_doc(drive, html)["id"]).execute())
    assert set(ours) <= set(real) and {"paragraph", "textRun", "table", "tableCell", "bullet", "list"} <= set(
        ours
    )
    for kind, instances in ours.items():
        known = {k for instance in real[kind] for k in instance}
        required = set.intersection(*(set(instance) for instance in real[kind]))
        types = {(k, t) for instance in real[kind] for k, t in instance.items()}
        for instance in instances:
            assert set(instance) <= known, (kind, set(instance) - known)
            if kind not in ("document", "textStyle"):
                assert required <= set(instance), (kind, required - set(instance))
            assert set(instance.items()) <= types, (kind, set(instance.items()) - types)


# -- update ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("resumable", [False, True])
def test_update_in_place_keeps_the_id_and_bumps_version(drive: Any, docs: Any, resumable: bool) -> None:
    created = create_doc(drive)
    before = docs.documents().get(documentId=created["id"]).execute()
    request = drive.files().update(
        fileId=created["id"],
        media_body=html_media("<p>second <b>draft</b></p>", resumable),
        fields="id,version,modifiedTime,lastModifyingUser(me,emailAddress)",
    )
    updated = request.execute()
    assert updated["id"] == created["id"] and updated["version"] == "2"
    assert updated["modifiedTime"] > created["modifiedTime"]
    assert updated["lastModifyingUser"] == {"me": True, "emailAddress": "handoff-bot@sandbox.local"}
    after = docs.documents().get(documentId=created["id"]).execute()
    assert after["revisionId"] != before["revisionId"]
    assert body_text(after["body"]["content"]) == ["second draft\n"]


def test_metadata_update_merges_properties_and_moves_parents(drive: Any, docs: Any) -> None:
    file_id = create_doc(drive, properties={"handoff_account": "acme", "handoff_run": "1"})["id"]
    updated = (
        drive.files()
        .update(
            fileId=file_id,
            body={"name": "Acme Handoff v2", "properties": {"handoff_run": None, "state": "done"}},
            addParents=TDD_FOLDER,
            removeParents=HANDOFF_FOLDER,
            fields="name,properties,parents,version",
        )
        .execute()
    )
    assert updated == {
        "name": "Acme Handoff v2",
        "properties": {"handoff_account": "acme", "state": "done"},
        "parents": [TDD_FOLDER],
        "version": "2",
    }
    assert docs.documents().get(documentId=file_id).execute()["title"] == "Acme Handoff v2"
    with pytest.raises(HttpError) as exc:
        drive.files().update(fileId=file_id, body={"parents": [HANDOFF_FOLDER]}).execute()
    assert exc.value.status_code == 403 and error_of(exc)["errors"][0]["reason"] == "fieldNotWritable"


def test_version_counts_every_change(drive: Any) -> None:
    created = create_doc(drive)
    file_id = created["id"]
    drive.files().update(fileId=file_id, body={"description": "handoff"}).execute()
    drive.permissions().create(
        fileId=file_id, body={"type": "user", "role": "reader", "emailAddress": "ta@example.com"}
    ).execute()
    after_share = drive.files().get(fileId=file_id, fields="version,modifiedTime").execute()
    assert after_share["version"] == "3"
    drive.files().update(fileId=file_id, media_body=html_media("<p>x</p>")).execute()
    assert drive.files().get(fileId=file_id, fields="version").execute() == {"version": "4"}


def test_staged_human_edit_is_seen_as_someone_else(drive_sandbox: RunningSandbox, drive: Any) -> None:
    file_id = create_doc(drive)["id"]
    staged = stage_human_edit(drive_sandbox.url, file_id, "<p>TA notes</p>")
    assert staged["lastModifyingUser"]["me"] is True  # the TA made that call
    seen = drive.files().get(fileId=file_id, fields="version,lastModifyingUser,modifiedByMe").execute()
    assert seen["version"] == "2" and seen["modifiedByMe"] is False
    assert seen["lastModifyingUser"] == {
        "kind": "drive#user",
        "displayName": "Theo Advisor",
        "me": False,
        "permissionId": seen["lastModifyingUser"]["permissionId"],
        "emailAddress": "ta@example.com",
    }
    assert drive.files().export(fileId=file_id, mimeType="text/plain").execute() == "\ufeffTA notes".encode()
    as_user(drive.files().update(fileId=file_id, body={"properties": {"x": "1"}}), "ie@example.com").execute()
    by_ie = drive.files().get(fileId=file_id, fields="lastModifyingUser/emailAddress").execute()
    assert by_ie == {"lastModifyingUser": {"emailAddress": "ie@example.com"}}


# -- list ----------------------------------------------------------------------------------------------
@pytest.fixture
def listed(drive: Any) -> dict[str, str]:
    """A few files to search: two live handoff docs, a trashed one and a plain text file."""
    ids = {
        "Acme Handoff": create_doc(drive, properties={"handoff_account": "acme", "kind": "handoff"})["id"],
        "Globex Handoff": create_doc(
            drive, name="Globex Handoff", properties={"handoff_account": "globex", "kind": "handoff"}
        )["id"],
        "Old Acme handoff": create_doc(
            drive, name="Old Acme handoff", properties={"handoff_account": "acme"}
        )["id"],
    }
    drive.files().update(fileId=ids["Old Acme handoff"], body={"trashed": True}).execute()
    notes = (
        drive.files()
        .create(
            body={"name": "notes.txt", "parents": [TDD_FOLDER]},
            media_body=MediaInMemoryUpload(b"n", mimetype="text/plain"),
        )
        .execute()
    )
    ids["notes.txt"] = notes["id"]
    return ids


SEEDED_VISIBLE = {"Handoff docs", "TDDs", "Acme - Technical Design Document"}
QUERIES = [
    ("properties has { key='handoff_account' and value='acme' }", {"Acme Handoff", "Old Acme handoff"}),
    ("properties has { key='handoff_account' and value='acme' } and trashed = false", {"Acme Handoff"}),
    (
        "properties has { key='kind' and value='handoff' } and properties has { key='handoff_account' and "
        "value='globex' }",
        {"Globex Handoff"},
    ),
    ("name = 'Acme Handoff'", {"Acme Handoff"}),
    ('name = "Globex Handoff" and trashed = false', {"Globex Handoff"}),
    ("name contains 'handoff'", {"Acme Handoff", "Globex Handoff", "Old Acme handoff", "Handoff docs"}),
    ("trashed = false", {"Acme Handoff", "Globex Handoff", "notes.txt", *SEEDED_VISIBLE}),
    (f"'{HANDOFF_FOLDER}' in parents", {"Acme Handoff", "Globex Handoff", "Old Acme handoff"}),
    (f"mimeType = '{FOLDER_MIME}'", {"Handoff docs", "TDDs"}),
    (
        f"'{TDD_FOLDER}' in parents and mimeType = '{DOC_MIME}' and trashed = false",
        {"Acme - Technical Design Document"},
    ),
    ("name = 'Acme Handoff' or name = 'notes.txt'", {"Acme Handoff", "notes.txt"}),
]


@pytest.mark.parametrize(("q", "names"), QUERIES)
def test_files_list_q_forms(drive: Any, listed: dict[str, str], q: str, names: set[str]) -> None:
    result = (
        drive.files()
        .list(
            q=q,
            fields="files(id,name,version),nextPageToken",
            supportsAllDrives=True,
            includeItemsFromAllDrives=True,
            corpora="user",
        )
        .execute()
    )
    assert {f["name"] for f in result["files"]} == names
    assert all(set(f) == {"id", "name", "version"} and f["version"].isdigit() for f in result["files"])
    assert "nextPageToken" not in result


def test_files_list_pages_and_defaults(drive: Any, listed: dict[str, str]) -> None:
    everything = drive.files().list().execute()
    assert set(everything) == {"kind", "incompleteSearch", "files"} and everything["kind"] == "drive#fileList"
    assert set(everything["files"][0]) == {"kind", "id", "name", "mimeType"}
    seen, token = [], None
    while True:
        page = drive.files().list(pageSize=2, pageToken=token, fields="nextPageToken,files(id)").execute()
        seen += [f["id"] for f in page["files"]]
        token = page.get("nextPageToken")
        if not token:
            break
    assert seen == [f["id"] for f in everything["files"]] and len(seen) == 7
    with pytest.raises(HttpError) as exc:
        drive.files().list(q="name === 'x'").execute()
    assert exc.value.status_code == 400 and error_of(exc)["errors"][0]["reason"] == "invalid"


# -- export ---------------------------------------------------------------------------------------------
def test_export_html_and_text(drive_sandbox: RunningSandbox, drive: Any, docs: Any) -> None:
    file_id = create_doc(drive)["id"]
    exported = drive.files().export(fileId=file_id, mimeType="text/html").execute().decode("utf-8")
    assert exported.startswith("<!DOCTYPE html>") and "<title>Acme Handoff</title>" in exported
    assert '<a href="https://sourcegraph.acme.example">the instance</a>' in exported
    assert exported == export_html(drive_sandbox.store, file_id)
    again = create_doc(drive, html=exported, name="Re-imported")["id"]
    original = docs.documents().get(documentId=file_id).execute()
    reimported = docs.documents().get(documentId=again).execute()
    assert without_ids(reimported["body"]) == without_ids(original["body"])
    text = drive.files().export(fileId=file_id, mimeType="text/plain").execute().decode("utf-8")
    assert text == export_text(drive_sandbox.store, file_id)
    assert (
        text.startswith("\ufeffAcme handoff\r\n")
        and "* GitHub Enterprise\r\n    * 12,400 repositories" in text
    )
    assert "Deployment Type\tKubernetes" in text and "1. First step" in text
    assert drive.files().export_media(fileId=file_id, mimeType="text/plain").execute() == text.encode()
    with pytest.raises(HttpError) as exc:
        drive.files().export(fileId=file_id, mimeType="application/pdf").execute()
    assert exc.value.status_code == 400
    with pytest.raises(HttpError) as exc:
        drive.files().get_media(fileId=file_id).execute()
    assert exc.value.status_code == 403 and error_of(exc)["errors"][0]["reason"] == "fileNotDownloadable"
    assert export_html(drive_sandbox.store, TDD_FOLDER) is None


# -- permissions -------------------------------------------------------------------------------------------
def test_permissions_create_list_delete(drive: Any) -> None:
    file_id = create_doc(drive)["id"]
    created = (
        drive.permissions()
        .create(
            fileId=file_id,
            sendNotificationEmail=False,
            supportsAllDrives=True,
            body={"type": "user", "role": "writer", "emailAddress": "ta@example.com"},
        )
        .execute()
    )
    assert set(created) == {"kind", "id", "type", "role"}
    assert (created["kind"], created["type"], created["role"]) == ("drive#permission", "user", "writer")
    anyone = drive.permissions().create(fileId=file_id, body={"type": "anyone", "role": "reader"}).execute()
    assert anyone["id"] == "anyoneWithLink"
    listed = drive.permissions().list(fileId=file_id).execute()
    assert listed["kind"] == "drive#permissionList"
    roles = {(p.get("emailAddress"), p["role"]) for p in listed["permissions"]}
    assert roles == {("handoff-bot@sandbox.local", "owner"), ("ta@example.com", "writer"), (None, "reader")}
    shared = drive.files().get(fileId=file_id, fields="shared,permissionIds,version").execute()
    assert shared["shared"] is True and created["id"] in shared["permissionIds"] and shared["version"] == "3"
    drive.permissions().delete(fileId=file_id, permissionId=created["id"]).execute()
    assert len(drive.permissions().list(fileId=file_id).execute()["permissions"]) == 2
    with pytest.raises(HttpError) as exc:
        drive.permissions().create(fileId=file_id, body={"type": "user", "role": "reader"}).execute()
    assert exc.value.status_code == 400


# -- errors, access, delete ----------------------------------------------------------------------------------
def test_not_found_and_wrong_kind_errors(drive: Any, docs: Any) -> None:
    with pytest.raises(HttpError) as exc:
        drive.files().get(fileId="1NoSuchFile").execute()
    assert exc.value.status_code == 404
    assert error_of(exc)["message"] == "File not found: 1NoSuchFile."
    assert error_of(exc)["errors"] == [
        {"message": "File not found: 1NoSuchFile.", "domain": "global", "reason": "notFound"}
    ]
    with pytest.raises(HttpError) as exc:
        docs.documents().get(documentId="1NoSuchFile").execute()
    assert (exc.value.status_code, error_of(exc)["status"]) == (404, "NOT_FOUND")
    with pytest.raises(HttpError) as exc:
        docs.documents().get(documentId=TDD_FOLDER).execute()
    assert (
        exc.value.status_code == 400
        and error_of(exc)["message"] == "This operation is not supported for this document"
    )


def test_restricted_file_is_hidden_from_the_tool_until_shared(drive: Any, docs: Any) -> None:
    with pytest.raises(HttpError) as exc:
        docs.documents().get(documentId=SECRET_TDD).execute()
    assert (exc.value.status_code, error_of(exc)["status"]) == (403, "PERMISSION_DENIED")
    with pytest.raises(HttpError) as exc:
        drive.files().get(fileId=SECRET_TDD).execute()
    assert exc.value.status_code == 404
    assert SECRET_TDD not in {f["id"] for f in drive.files().list().execute()["files"]}
    as_owner = as_user(docs.documents().get(documentId=SECRET_TDD), "ie@example.com").execute()
    assert (
        as_owner["body"]["content"][1]["paragraph"]["elements"][0]["textRun"]["content"]
        == "Max Users: 2500 ok\n"
    )
    share = drive.permissions().create(
        fileId=SECRET_TDD,
        body={"type": "user", "role": "reader", "emailAddress": "handoff-bot@sandbox.local"},
    )
    as_user(share, "ie@example.com").execute()
    assert docs.documents().get(documentId=SECRET_TDD).execute()["title"].startswith("Globex")


def test_delete(drive: Any, docs: Any) -> None:
    file_id = create_doc(drive)["id"]
    assert drive.files().delete(fileId=file_id, supportsAllDrives=True).execute() == ""
    for call in (drive.files().get(fileId=file_id), docs.documents().get(documentId=file_id)):
        with pytest.raises(HttpError) as exc:
            call.execute()
        assert exc.value.status_code == 404
    with pytest.raises(HttpError) as exc:
        drive.files().delete(fileId=ACME_TDD).execute()  # owned by the IE
    assert (
        exc.value.status_code == 403 and error_of(exc)["errors"][0]["reason"] == "insufficientFilePermissions"
    )


def test_metadata_only_create_and_about(drive: Any, docs: Any) -> None:
    folder = (
        drive.files()
        .create(body={"name": "Sub", "mimeType": FOLDER_MIME, "parents": [HANDOFF_FOLDER]})
        .execute()
    )
    assert set(folder) == {"kind", "id", "name", "mimeType"} and folder["kind"] == "drive#file"
    empty = (
        drive.files()
        .create(body={"name": "Blank", "mimeType": DOC_MIME, "parents": [folder["id"]]})
        .execute()
    )
    assert body_text(docs.documents().get(documentId=empty["id"]).execute()["body"]["content"]) == ["\n"]
    with pytest.raises(HttpError) as exc:
        drive.files().create(body={"name": "x", "parents": ["1NoSuchFolder"]}).execute()
    assert exc.value.status_code == 404
    made = docs.documents().create(body={"title": "Made by Docs"}).execute()
    assert made["title"] == "Made by Docs" and body_text(made["body"]["content"]) == ["\n"]
    assert drive.files().get(fileId=made["documentId"], fields="mimeType").execute() == {"mimeType": DOC_MIME}
    about = drive.about().get(fields="user(emailAddress,me),importFormats").execute()
    assert about["user"] == {"emailAddress": "handoff-bot@sandbox.local", "me": True}
    assert DOC_MIME in about["importFormats"]["text/html"]


def test_minimal_seed_without_drive_json_lists_the_spreadsheet(sandbox: RunningSandbox) -> None:
    drive, docs = google_service(sandbox.url, "drive", "v3"), google_service(sandbox.url, "docs", "v1")
    try:
        files = (
            drive.files()
            .list(q="mimeType = 'application/vnd.google-apps.spreadsheet'", fields="files(id,version)")
            .execute()["files"]
        )
        assert files and files[0]["version"].isdigit()
        with pytest.raises(HttpError) as exc:
            docs.documents().get(documentId=files[0]["id"]).execute()
        assert exc.value.status_code == 400
    finally:
        drive.close()
        docs.close()
