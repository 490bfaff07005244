"""What the TDD reader settles for a small HTML body: the fields a reader test asserts on."""

from __future__ import annotations

from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields


def settled(body: str, catalogue: Catalogue) -> dict[str, Any]:
    """The fields read from `body` (HTML inside <body>) as `handoff tdd --json` reports their
    values, leaving out the fields the TDD states twice in disagreement (conflicted)."""
    reading = read_document(html_document(f"<html><body>{body}</body></html>"), catalogue)
    view = tdd_fields(reading.values, catalogue)
    return {n: fv.to_json()["value"] for n, fv in view.fields.items() if n not in view.conflicted}


def present(body: str, catalogue: Catalogue) -> dict[str, Any]:
    """`settled`, keeping only the fields that have a value."""
    return {name: value for name, value in settled(body, catalogue).items() if value is not None}
