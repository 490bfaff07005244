"""A vocabulary name found in a text: where it is and the value it names (`vocab.Vocab.find`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: str  # canonical
