"""A vocabulary name found in a text: where it is and the value it names (`vocab.Vocab.find`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: str  # canonical


@dataclass(frozen=True)
class Implied(Found):
    """A name read as more than it says: a bare "GitLab" taken for the edition the document names
    (`hostaddress.as_editions`). It names its host, never denies it: a clause denying it speaks of
    the bare name in passing ("mirrors not indexed: they duplicate GitLab projects")."""


def outright(found: Sequence[Found]) -> list[Found]:
    """The names of `found` written as what they name (no `Implied` one)."""
    return [f for f in found if not isinstance(f, Implied)]
