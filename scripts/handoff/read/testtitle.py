"""A title that heads load tests run against the deployment: their figures are the test's load.

A load or performance test section tells what the test drove: "Locust: 900 concurrent users for an
hour", "JMeter from a 16 vCPU generator", "searched 150 projects in a loop". The users are a test's
simulated load and the machines its generators, never the concurrency the deployment was sized for
nor its own machines. A careful reader takes a figure under such a title as the test's.

Only a title wholly about a load, performance, stress or soak test counts (`Load test`, `5.2
Performance test results`, `Soak testing`): an acceptance test or a test case checks the deployment
itself (`Test cases | Expected | Actual` holds its own figures), and a title naming anything besides
("Load test and go-live") holds the build's own facts too.

`test_title(title)`: whether a section title (a heading, a parent bullet) is only about such a test.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_GATE = opened(re.compile(r"\btest", re.IGNORECASE))
_WORD = re.compile(r"[^\W\d_]+")
_TEST = frozenset({"test", "tests", "testing"})
_LOAD = frozenset({"load", "performance", "stress", "soak"})
_TEST_WORDS = frozenset({
    *_TEST, *_LOAD, "results", "result", "runs", "run", "report", "of", "the", "and", "our",
})  # fmt: skip


def test_title(title: str) -> bool:
    """Whether a section title is only about a load test run against the deployment (module doc)."""
    if len(title) > 60 or not _GATE.search(title):
        return False
    words = {w.casefold() for w in _WORD.findall(title)}
    return bool(_TEST & words) and bool(_LOAD & words) and words <= _TEST_WORDS


__all__ = ["test_title"]
