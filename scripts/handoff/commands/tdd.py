"""`handoff tdd SOURCE [--json]` and `handoff tdd template [--create]`.

SOURCE is a local file (Docs API JSON, HTML, or the .zip that Google Docs' "Download → Web page"
gives), a Google Docs URL as people copy it (`…/edit?usp=sharing`, `…/edit#heading=h.x`), or a
bare document id; URLs and ids are read through the Docs API with the configured clients (the
sandbox in the default profile). The output is what the TDD alone gives each field, normalised as
`handoff check --json` reports it, the fact-like lines the reader could not place, and the TDD's
own problems. Read only: nothing is written, except `template --create`, which creates one Google
Doc in the configured Drive folder.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff.clients.drive_docs import create_doc
from handoff.commands import open_clients
from handoff.core.errors import EXIT_OK, InputError, NotFoundError, ServiceError, UsageError
from handoff.core.fields import load_catalogue
from handoff.output import tdd_report
from handoff.read.batch import fetch_document
from handoff.read.tdd import html_document, read_document
from handoff.validate.rules import doc_id
from handoff.validate.tdd_view import tdd_fields

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings

_BARE_ID = re.compile(r"^[A-Za-z0-9_-]{25,}$")
_FIX = "give a TDD file (.json, .html or the .zip of Download → Web page), a Google Docs URL or a document id"


def load_document_file(path: Path) -> Any:
    """A local TDD: Docs API JSON (`.json`), HTML converted the way Drive imports it, or a web-page .zip."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist", fix=_FIX) from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror or exc})") from None
    if raw[:4] == b"PK\x03\x04":
        return html_document(_html_in_zip(path, raw), title=path.stem)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} cannot be read as UTF-8 text ({exc.reason})", fix=_FIX) from None
    if path.suffix.lower() in (".html", ".htm") or text.lstrip()[:1] == "<":
        return html_document(text, title=path.stem)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path} is neither Docs API JSON nor HTML (JSON error at line {exc.lineno}: {exc.msg})",
            fix="save the output of documents.get (with includeTabsContent=true), or an HTML export",
        ) from None
    except RecursionError:
        raise InputError(
            f"{path} is JSON nested too deeply to be a document",
            fix="save the output of documents.get (with includeTabsContent=true), or an HTML export",
        ) from None


def _html_in_zip(path: Path, raw: bytes) -> str:
    """The HTML page in a Download → Web page (.zip): one `<name>.html` and an `images/` folder."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            pages = [
                n for n in z.namelist() if n.lower().endswith((".html", ".htm")) and not n.startswith("__")
            ]
            if not pages:
                raise InputError(f"{path} is a .zip without an HTML page in it", fix=_FIX)
            return z.read(sorted(pages, key=len)[0]).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path} is not a readable .zip ({exc})", fix=_FIX) from None


def document_id(source: str) -> str | None:
    """The document id in a Google Docs URL (any copy of the address bar) or a bare id, else None."""
    text = source.strip()
    found = doc_id(text if "://" in text else f"https://{text}") if "docs.google.com" in text else None
    if found:
        return found
    return text if _BARE_ID.match(text) else None


def fetch(settings: Settings, document: str) -> Any:
    """The document through the Docs API (every tab, suggestions not applied)."""
    with open_clients(settings) as clients:
        identity = str(getattr(clients, "identity", "") or "the tool's Google account")
        try:
            return fetch_document(clients, document)
        except NotFoundError:
            raise InputError(
                f"there is no Google Doc {document} (or {identity} may not see it)",
                fix=f"check the address, and share the document with {identity} as a Viewer",
            ) from None
        except ServiceError as exc:
            if exc.status == 403:
                raise InputError(
                    f"{identity} may not read the Google Doc {document} (permission denied)",
                    fix=f"share the document with {identity} as a Viewer",
                ) from None
            if exc.status == 400:
                raise InputError(
                    f"{document} is not a Google Doc ({exc.message})",
                    fix="open it in Google Drive, use File → Save as Google Docs, and give that address",
                ) from None
            raise


def tdd_command(source: str, as_json: bool, console: Console, settings: Settings) -> int:
    """`handoff tdd SOURCE`: the TDD's production values, what was not placed, and its problems."""
    catalogue = load_catalogue(settings.path(settings.fields_file))
    path = Path(source)
    document_ref = None if path.exists() else document_id(source)
    if path.exists():
        document = load_document_file(path)
    elif document_ref:
        document = fetch(settings, document_ref)
    else:
        raise UsageError(f"{source} is not a file, a Google Docs URL or a document id", fix=_FIX)
    if not isinstance(document, dict):
        raise InputError(
            f"{source} holds JSON but not a document object",
            fix="save the output of documents.get (with includeTabsContent=true)",
        )
    reading = read_document(document, catalogue)
    view = tdd_fields(reading.values, catalogue)
    shown = source if path.exists() else f"document {document_ref}"
    if as_json:
        tdd_report.print_json(console, shown, view, reading)
    else:
        tdd_report.print_text(console, shown, view, reading, catalogue)
    return EXIT_OK


TEMPLATE = "tdd-template.html"


def template_html(settings: Settings) -> str:
    """The TDD skeleton (templates/tdd-template.html): HTML that Drive imports as a Google Doc."""
    path = settings.path(settings.templates_dir) / TEMPLATE
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"the TDD template {path} cannot be read ({exc.strerror or exc})") from None


def template_command(create: bool, console: Console, settings: Settings) -> int:
    """`handoff tdd template`: print the skeleton; with --create, create it as a Google Doc in Drive."""
    html = template_html(settings)
    if not create:
        console.out(html, highlight=False, end="")
        return EXIT_OK
    with open_clients(settings) as clients:
        doc = create_doc(
            clients,
            title="Sourcegraph TDD (template)",
            html=html,
            account="",
            kind="tdd-template",
            folder_id=settings.docs.folder_id,
        )
    console.print(f"created the TDD template as a Google Doc: {doc.url}", highlight=False)
    return EXIT_OK
