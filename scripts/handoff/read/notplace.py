"""Environment words that name no environment: a team, a time, a verb.

The words that name an environment ("test", "QA", "dev", "trial", "pilot", "live") are ordinary
words too, and a careful reader tells the uses apart:

* **a trade**: "the QA-automation team", "the firmware test-bench engineers", "test-rig teams": a
  compound the word opens names the trade of the people after it, not a place ("their QA team also
  runs a copy" is the QA team's environment: a bare word before the team is left as it is);
* **a time**: "After a four-week trial in July the platform team chose GKE and Kustomize", "Following
  the POC, we deployed …": the trial is when the choice was made, and what the sentence tells after it
  is the deployment's; a trial the phrase gives a place ("after the trial on an n2-standard-8 VM"), a
  verb ("after the trial ended on 31 July") or a machine noun after it stays the trial;
* **an activity**: "4. Test steps", "Test plan", "QA protocol": the word names the checks a document
  records (steps, a plan, cases, a protocol, a procedure, evidence), which run wherever the document
  says, not a test environment ("Test results" and "test report" carry measurements: left as they are),
  nor does the equipment they run on ("the Gitea server on the test-rig network", a repository
  `test-rigs`: test rigs and benches are hardware under test, not a copy of the deployment);
* **a verb**: "the public-facing SDKs live on GitHub.com", "the repos live in Gerrit": "live" after
  its subject and before a preposition of place says where things are kept, not the live
  environment.

`names_no_place(text, m)` for a non-production word's match, `live_verb(text, m)` for "live".
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened

_TEAM_WORDS = re.compile(r"test|testing|qa|qs|dev|development|perf", re.IGNORECASE)
_ACTIVITY_WORDS = re.compile(r"test|testing|qa|qs", re.IGNORECASE)
_TEAM_AFTER = re.compile(
    r"[-‐][A-Za-z]+\s+(?:teams?|groups?|squads?|engineers?|departments?|staff|leads?|managers?|guild|"
    r"colleagues|folks|tribe|chapter)\b",
    re.IGNORECASE,
)
# what a document of tests is made of: "Test steps", "Test plan", "QA protocol", "testing procedure"
_ACTIVITY_AFTER = re.compile(
    r"[\s-]+(?:steps?|plans?|cases?|scripts?|protocols?|procedures?|evidence|records?|matrix|matrices|"
    r"instructions?|criteria|execution|specifications?"
    # and the equipment the checks run on: "the test-rig network", "the test-rigs repository"
    r"|rigs?|bench(?:es)?|harness(?:es)?|tooling|automation)\b",
    re.IGNORECASE,
)
_TIME_BEFORE = opened(
    re.compile(
        r"\b(?:after|following|since|upon|post|(?:on\s+the\s+)?(?:back|strength|basis)\s+of|based\s+on|"
        r"thanks\s+to|as\s+a\s+result\s+of)\s+(?:(?!(?:and|or|but|then|we|they|it|was|were|is|are)\b)[\w-]+\s+){0,3}$",
        re.IGNORECASE,
    )
)
# what follows a trial named as a time: a comma, or a time phrase then the main clause's subject
_TIME_AFTER = re.compile(
    r"(?:\s+(?:in|over|during|last|this|earlier|early|late)\b[^,.;:()]{0,30}?)?"
    r"(?:\s*,|\s+(?:the|we|they|it|our|their|he|she|I)\b)",
)
_LIVE_BEFORE = re.compile(
    r"(?:\b(?:they|which|that|who|we|you|still|now|all|both|also|mostly|currently)|"
    r"\b(?!(?:is|was|has|its|his|this|thus|as|plus|us|does|goes|yes|always|perhaps|less|across|versus|"
    r"status|process|access)\s)[a-z]+s)\s+$",
    re.IGNORECASE,
)
_LIVE_AFTER = re.compile(r"\s+(?:on|in|at|under|inside|within)\b")


def names_no_place(text: str, m: re.Match[str]) -> bool:
    """Whether a non-production word's match names a team or a time, not an environment."""
    if _TEAM_WORDS.fullmatch(m.group(0)) and _TEAM_AFTER.match(text, m.end()):
        return True
    if _ACTIVITY_WORDS.fullmatch(m.group(0)) and _ACTIVITY_AFTER.match(text, m.end()):
        return True  # "4. Test steps" of an installation qualification: the checks, run on production
    before = _TIME_BEFORE.search(text, max(0, m.start() - 60), m.start())
    return bool(before and _TIME_AFTER.match(text, m.end()))


def live_verb(text: str, m: re.Match[str]) -> bool:
    """Whether "live" is the verb of where things are kept ("the SDKs live on GitHub.com")."""
    return (
        m.group(0) == "live"
        and bool(_LIVE_AFTER.match(text, m.end()))
        and bool(_LIVE_BEFORE.search(text, max(0, m.start() - 30), m.start()))
    )


__all__ = ["live_verb", "names_no_place"]
