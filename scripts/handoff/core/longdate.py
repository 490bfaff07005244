"""English month names and the long date form (`2 March 2026`) the reader and the renderer share."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date) -> str:
    """`2 March 2026`: the day without a leading zero, the month's English name, the year."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
