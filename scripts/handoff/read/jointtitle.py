"""A section title joining a topic of the deployment's present to one of another time.

A prose-led document often gives one section two topics: "Users, limits and what comes next", "Who
they are and what they had", "Sizing and next steps". A careful reader does not take the whole
section as the future or the past because its last topic is: the paragraphs on the licence and the
agreed ceiling are the deployment's, the one on next year's growth is not, and each says so in its
own words (a year to come, "would", "plan", a past tense). So a title whose words of another time or
another system (`what comes next`, `what they had`) name one of its topics, while another topic is
of the present (it names a field of the deployment, "Users", "Repositories", or is said in the
present tense, "who they are", or names what was built: "Sizing: what was recommended, what we
built", whose built side is the deployment as it stands), puts its section in no environment: its
sentences place their own figures. A title of one topic ("What comes next", "What we had before")
keeps its time, and so does one whose every topic is of another time ("Legacy search and what we
had").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.read.labelwords import label_meaning

# the joints between a title's topics: commas, "and", "&", "+", "/", ";"
_JOINT = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+(?:and|&|\+)\s+|\s*/\s*)", re.IGNORECASE)
# a topic told in the present tense about the customer or the deployment: "who they are", "what it is"
# or the build, said in the past: what stands today is what was built ("what we built", "what was
# actually deployed", "what went live", "as built")
_PRESENT = re.compile(
    r"^(?:(?:who|what|where|how)\s+(?:they|we|it|the\s+\w+)\s+(?:are|is|do|does|run|runs|use|uses)"
    r"|what\s+(?:(?:we|they|was|got|has\s+been|have)\s+)?(?:actually\s+|finally\s+|really\s+)?"
    r"(?:built|deployed|installed|delivered|provisioned|went\s+live)|as[\s-]built)$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+")  # a section number: "7.", "4.2", "B."


def joins_present(title: str, other_time: Callable[[str], bool]) -> bool:
    """Whether `title` joins a topic of another time (`other_time` says which topics are) to a topic
    of the deployment's present (see the docstring)."""
    if len(title) > 80:
        return False
    if "(" in title or "[" in title:  # "sg-pool (at go-live, replaced 2026-07-18)": an aside, no topics
        return False
    topics = [t.strip(" .:?!") for t in _JOINT.split(_NUMBER.sub("", title.strip()))]
    topics = [t for t in topics if t]
    if len(topics) < 2:
        return False
    other = [t for t in topics if other_time(t)]
    present = [
        t
        for t in topics
        if t not in other and (_PRESENT.match(t) is not None or label_meaning(t) is not None)
    ]
    return bool(other) and bool(present)


__all__ = ["joins_present"]
