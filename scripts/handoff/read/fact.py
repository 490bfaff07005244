"""The data the TDD's fact readers pass: the context a text is read in, and a fact read from it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Context:
    section: str = ""  # environment in force: "production" | "trial" | ""
    limit: bool = False  # a limits / scope / sizing-target part: counts are the max_* fields
    topic: str | None = None  # the field a heading or question is about
    year: str = ""  # the one year a heading or parent bullet names: the year of "2 Mar" under it
    host: str = ""  # the code host a parent bullet names: the host of the counts under it
    about_code: bool = False  # the paragraph speaks of code: a code host named in any of its sentences counts
    day: str = ""  # the one date a heading names (a day's entry of a log or chat): the day of what it tells
    anchor: str = ""  # the last day told before the text in its part: what "two days later" counts from
    observed: bool = (
        False  # a pasted admin page's part: its people counts are today's, no limit (`read.adminpage`)
    )


@dataclass(frozen=True)
class Fact:
    field: str
    value: str  # canonical text the field's reader accepts
    text: str  # as written
    how: str
    section: str
    role: str = ""  # "part" (one code host's repositories) | "total" | "mention" (a monorepo named) | "count"
    start: int = 0  # offset in the text read (for the caller's bookkeeping)
    new: bool = False  # the new figure of a change ("from A to B", "B (was A)"): its old one is A
