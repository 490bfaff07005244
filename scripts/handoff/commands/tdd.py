"""`handoff tdd FILE`: parse a local TDD and show what was found, with locations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handoff.core.errors import EXIT_OK, InputError, UsageError
from handoff.core.fields import load_catalogue
from handoff.output import check_report as report
from handoff.read.tdd import html_document, parse_document

if TYPE_CHECKING:
    from rich.console import Console

    from handoff.core.settings import Settings


def load_document_file(path: Path) -> Any:
    """A local TDD: Docs API JSON (`.json`), or HTML converted the way Drive imports it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path} cannot be read as UTF-8 text ({exc})") from None
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


def tdd_command(path: Path, as_json: bool, console: Console, settings: Settings) -> int:
    """`handoff tdd FILE`: every labelled value found, with its field, section and location."""
    catalogue = load_catalogue(settings.path(settings.fields_file))
    document = load_document_file(Path(path))
    if not isinstance(document, dict):
        raise InputError(
            f"{path} holds JSON but not a document object",
            fix="save the output of documents.get (with includeTabsContent=true)",
        )
    values = parse_document(document, catalogue)
    if as_json:
        report.print_tdd_json(console, values)
    else:
        report.print_tdd(console, values, str(path))
    return EXIT_OK
