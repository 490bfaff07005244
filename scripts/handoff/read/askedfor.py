"""A question used as a label that asks for no amount: its answer says what its figures are itself.

A security or vendor questionnaire sets each question above or beside its answer (`C1 | How do users
authenticate?` over `Answer | SAML 2.0 via Keycloak; group sg-licensed (1,200 members)`, `Which
repositories will the application read? | 2,240 Bitbucket repositories and 180 Gerrit projects. Total
2,420. About 1,100 clinical ones are excluded.`). The reader takes a label's meaning from its words,
and such a question's words name a field (`users`, `repositories`) only as its subject: it asks how
something is done, which things, who or where, or whether, never how many. A careful reader reads the
answer on its own, as prose whose nouns say what each figure counts (not `2` users from `SAML 2.0`, not
a withheld count where the answer tells its total and what it leaves out).

`asks_no_amount(label)`: the label is a question (it ends in a question mark) opening with such an
interrogative (`How do …`, `How is …`, `Which …`, `Who …`, `Where …`, `Is there …`, `Does …`, `Are
…`), its own number or letter before it allowed (`B4.`, `Q3)`). `How many`, `How much`, `How large`,
`What is the number of …` ask for an amount and are not such questions. An answer that says what it
is only through its question (a bare figure, a value not set: `read.questionlabel`) is still read
under its question's field by the caller.
"""

from __future__ import annotations

import re

_ASKS_NO_AMOUNT = re.compile(
    r"^\s*(?:[A-Za-z]{0,6}[-\s]?\d+(?:\.\d+)*[.):]?\s+)?"  # `B4.`, `Q3)`, `SEC-12`
    r"(?:how\s+(?:do|does|did|is|are|was|were|will|would|should|can|could|has|have)"
    r"|which|who|whom|whose|where|why"
    r"|(?:is|are|was|were|does|do|did|will|can|could|has|have|should|would)\s+(?:there|the|a|an|any|it|they|this|your|you|users?)"
    r")\b[^?]*\?\s*$",
    re.IGNORECASE,
)


def asks_no_amount(label: str) -> bool:
    """Whether a label is a question asking how, which, who, where or whether: no amount (module doc)."""
    return label.rstrip().endswith("?") and bool(_ASKS_NO_AMOUNT.match(label))


__all__ = ["asks_no_amount"]
