"""A list written one entry a paragraph, without bullets, under the `Label:` line that waits for it.

Notes and wiki pages written in a plain editor, or pasted from a terminal, write a list as plain
lines: a label ending in its colon (`Persistent volumes (pd-ssd):`) and then one entry a paragraph
(`gitserver   3 × 500 GB`, `zoekt: 2 × 400 GB`). A careful reader sees the list a bulleted one
would be: each short entry that names a thing and gives its figure is an item of the label's list, up
to the first paragraph that is not such an entry (a sentence, a heading, a table ends it). An entry
is one line of at most eight words holding a figure, and no sentence: it does not end with a full
stop, a question or exclamation mark, nor join clauses (`; `, `. `); nor is it a command (`gcloud
compute disks resize … --size=2000GB`: options, assignments, a prompt's `$`). Only a list begun so is
one: after bulleted items a plain paragraph (`Total repositories: 3,400` under a `Code hosts:` list)
is the text after the list, as before.
"""

from __future__ import annotations

import re

_WORDS = 8
_FIGURE = re.compile(r"\d")
_SENTENCE = re.compile(r"[.!?]$|[;.]\s+\S")
_COMMAND = re.compile(r"=|(?:^|\s)--?[A-Za-z]|^[$#>]")


def entry(text: str) -> bool:
    """Whether a plain paragraph is one entry of a list written a paragraph an entry (module doc)."""
    line = text.strip()
    return (
        bool(line)
        and "\n" not in line
        and len(line.split()) <= _WORDS
        and bool(_FIGURE.search(line))
        and not _SENTENCE.search(line)
        and not _COMMAND.search(line)
    )


__all__ = ["entry"]
