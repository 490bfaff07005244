"""Which of the names a text weighs is the one taken: a deployment type or cloud is not the
deployment's when the text sets it aside, before it ("rather than Helm", "not on AWS", "rejected
Helm") or after it ("Helm was considered but …", "AWS (ruled out)", "Helm, which was rejected");
a name told as the first idea ("At first we had written Kustomize") or taken up again by a pronoun
("Kustomize, it is not used") is set aside too, and so is every other mention of a name set aside
once in the text ("… Kustomize in the SOW, because the team likes Kustomize"); a mention the text
says was chosen ("went with Kustomize", "in favour of GKE", "accepted Helm") wins. A name the text
says the deployment changed to ("moved to Kustomize", "replaced the Helm chart with Kustomize") is
what it became: every other name of its field written before it is history (`switched_to`). A
name on one side of a contrast whose other side the text says was built ("… with Helm) rather than
the single VM that was built") is set aside.
"""

from __future__ import annotations

import re

from handoff.core.quickre import opened, quick
from handoff.read.asidephrase import phrase_end
from handoff.read.fromto import left_sides
from handoff.read.retracted import retracted
from handoff.read.vocab import Found

NOT_TAKEN_BEFORE = opened(
    re.compile(
        r"\b(?:rather than|instead of|not|no longer|without|never|away from|migrat\w* from|mov\w* from|"
        r"replac\w*|retir\w*|off|reject\w*|declin\w*|ruled out|discard\w*|dropp\w*|considered|"
        r"if|unless|whether|in case|"  # "Re-assessment if GitHub.com … is connected": a condition
        # the other side of a choice: "Helm was chosen over Kustomize"
        r"(?:chosen|preferred|picked|selected|favou?red|won|wins|taken)\s+(?:out\s+)?over|"
        r"(?:preferred|preference)\s+to|ahead of|"  # "Helm, preferred to Kustomize"
        r"at first|initially|originally|"  # the first idea, not what was done
        # its first form: "started as a …", "we started with the Helm chart (and switched …)"
        r"(?:started|began|begun)\s+(?:out\s+|off\s+|life\s+)?(?:as|with))\b[^.,;]*$",
        re.IGNORECASE,
    )
)
# set aside by the words right after the name: its own verb ("Helm was considered but the standard
# mandates Kustomize", "Helm was evaluated and rejected") or an aside ("AWS (ruled out)")
_WEIGHED = r"(?:considered|evaluated|assessed|looked at|discussed|explored|investigated)"
_SET_ASIDE = (
    r"(?:rejected|dropped|ruled out|discarded|not\s+(?:chosen|selected|used|taken|pursued|adopted)"
    # the option the writers did not take: "AWS column is the option we did not take"
    r"|(?:the|an?)\s+(?:option|alternative|route|variant|one)\s+(?:(?:we|they|the\s+\w+)\s+)?"
    r"(?:did\s+not|didn['’]t|never)\s+(?:take|choose|pick|select|go\s+with|adopt))"
)
_AUX = r"(?:was|were|has been|had been|is|got)"
# the words of a choice made or a thing done with the option: it was taken
_TAKEN = (
    r"(?:chosen|selected|adopted|taken|used|picked|preferred|approved|accepted|kept|retained|implemented|"
    r"deployed|built|installed|agreed|confirmed|recommended|proposed|favou?red|endorsed|signed)"
)
_NOT_TAKEN_AFTER = quick(  # (the name may head an option: "the Helm-on-EKS option was dropped")
    r"^\s*(?:(?:[-\w]+\s+){0,2}?(?:option|proposal|idea|approach|alternative|variant|route)s?\b"
    rf"|[-\w]+(?=\s+{_AUX}\s))?"  # or a noun of its own before the verb: "The Kustomize base was …"
    r"[\s,(]*(?:(?:which|that|it|they)\s+)?"
    rf"(?:{_AUX}\s+(?:\w+ly\s+|also\s+)?)?"
    # (when and where it was weighed between: "evaluated during design (option B) and rejected")
    rf"(?:{_WEIGHED}(?:\s+[^.;]{{1,60}}?)?\s+(?:but|and\s+{_SET_ASIDE})|{_SET_ASIDE}"
    # its weighing told as done, with what came of it and no word of choice: "Helm was considered and set
    # aside for one reason only", "was evaluated and found wanting" (not "evaluated and adopted")
    rf"|{_AUX}\s+{_WEIGHED}\s+and\s+(?:(?:then|later|finally|eventually|ultimately)\s+)?(?!(?:{_TAKEN}|is|are|will|now|remains?|stays?|works?)\b)[a-z]+)\b",
    re.IGNORECASE,
)
CHOSEN = quick(  # a choice made: "we looked at Helm but went with Kustomize"
    r"\b(?:went with|go with|going with|gone with|chose|chosen|choose|opted for|picked|selected|settled on|"
    r"decided on|decided for|decision for|in favou?r of|mandates?|standardi[sz]ed on|"
    r"accepted)\b[^.,;]{0,20}$",
    re.IGNORECASE,
)


# a change that ends on the name: "moved to Kustomize", "switched over to EKS", "replaced the Helm
# chart with Kustomize overlays": what the deployment became, so the name it left is history
_SWITCHED = quick(
    r"(?:\b(?:mov|switch|chang|migrat|convert|transition)\w*\s+(?:(?:over|back|later)\s+)?to"
    r"|\breplac\w*\b[^.;:]{1,60}?\bwith)\s+(?:(?:the|an?|our)\s+)?$",
    re.IGNORECASE,
)


def switched_to(text: str, x: Found) -> bool:
    """Whether the text says the deployment changed to the name at `x` ("… and moved to Kustomize")."""
    return bool(_SWITCHED.search(text, max(0, x.start - 80), x.start))


# the other side of a contrast said to be what was built: "a small AKS cluster (… with Helm) rather than
# the single VM that was built" (a qualifier after the verb, "… deployed in the pilot", says no such thing)
_COUNTERFACTUAL = quick(
    r"^[^.;]{0,40}?\b(?:rather than|instead of|in place of)\b[^.;]{0,60}?\b(?:that|which)\s+"
    r"(?:was|were|has been|had been|got|is|are)\s+(?:\w+ly\s+)?"
    r"(?:built|deployed|delivered|installed|implemented|chosen|selected|provisioned|adopted)\s*(?:[.;,)]|$)",
    re.IGNORECASE,
)


# a name denied by a bare "no" opening its clause: "… applied with Kustomize overlays. No Helm.",
# "(no Helm)" ("no" inside a clause, "there is no need for anything but Helm", says no such thing)
_NO_BEFORE = re.compile(
    r"(?:(?:^|[.;:!?(,\u2013\u2014]\s*|\s-\s*)"
    # a thing said not to exist: "there is no Helm release to cost", "it has no Helm chart"
    r"|\b(?:there\s+(?:is|are|was|were)|there['’]s|(?:has|have|had)|with)\s+)no\s+$",
    re.IGNORECASE,
)


def set_aside(text: str, x: Found) -> bool:
    """Whether the text sets the name at `x` aside (before it or right after it, or by saying the
    other side of its contrast was what was built)."""
    end = phrase_end(text, x.end) if "(" in text else x.end  # "Kubernetes (AKS on …) was … rejected"
    # (a bracket closed before the name keeps its negation: "OpenShift (an IPI install, not ROSA) on EC2")
    closed = text.rfind(")", 0, x.start) + 1
    return bool(
        NOT_TAKEN_BEFORE.search(text[max(0, x.start - 32, closed) : x.start])
        or _NO_BEFORE.search(text[max(0, x.start - 24, closed) : x.start])
        or _NOT_TAKEN_AFTER.match(text[x.end : x.end + 120])
        or (end != x.end and _NOT_TAKEN_AFTER.match(text[end : end + 120]))
        or _COUNTERFACTUAL.match(text[x.end : x.end + 160])
    )


def weighed(text: str, found: list[Found]) -> list[Found]:
    """The names of `found` the text takes, the chosen one first: those it sets aside dropped."""
    left = left_sides(text, found) | retracted(text, found)  # "from Compose to Helm", "X, sorry, Y"
    aside = {x.value for x in found if set_aside(text, x) or x in left}
    chosen = [
        x for x in found if CHOSEN.search(text[max(0, x.start - 40) : x.start]) and not set_aside(text, x)
    ]
    return chosen or [x for x in found if x.value not in aside]
