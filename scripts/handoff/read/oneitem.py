"""The size of one thing is never a total written after it: "Largest: engine-main at 15 GB; about
1.4 TB of git data in all".

A form's free-text answer to "Largest repository" often goes on past its answer: "scada-gateway,
4.1 GB. All repositories together about 640 GB, which is why the 2 TB disk was chosen". A human
reads the largest repository's size as the one given for it, and the figure said to be a total
("together", "in all", "in total") as the total of many, another field's (the prose reader reads it
as such). `one_size(value, sizes, totals)` gives the first size of a labelled value that is not one
of the totals stated in it, for a field that measures one item.
"""

from __future__ import annotations

from handoff.read import shapes

ONE_ITEM = frozenset({"largest_repo_mb"})  # the fields that measure one item, not a sum


def one_size(sizes: list[shapes.Match], totals: list[shapes.Match]) -> shapes.Match | None:
    """The first of `sizes` that is not a stated total."""
    return next((s for s in sizes if all(s is not t for t in totals)), None)


__all__ = ["ONE_ITEM", "one_size"]
