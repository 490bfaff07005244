"""The passes that rewrite a document before the walk, gated on one quick look at its text.

Each pass reads a structure a human reads before the values (a table of services, a table of
options with a column of ticks, options marked on a line or in a list, a question form) and
returns a changed copy, or the document itself when its gate finds nothing to do. The gates share
one list of the document's paragraphs and their texts (struck-through runs included: a gate may say yes too
often, never too rarely), so a document with none of these structures costs one walk of its text.
"""

from __future__ import annotations

from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.answercolumns import answered_rows
from handoff.read.branches import untaken_branches
from handoff.read.estate import estate_tables
from handoff.read.forms import answered
from handoff.read.guidance import without_guidance
from handoff.read.leftover import without_leftovers
from handoff.read.markcolumns import ticked_rows
from handoff.read.markedoptions import chosen_options
from handoff.read.ownnames import named_sourcegraph
from handoff.read.ownsections import own_sections
from handoff.read.quicktext import quick_texts
from handoff.read.reviewed import reviewed_answers
from handoff.read.scopecolumns import in_scope_columns
from handoff.read.services import own_parts
from handoff.read.spoken import spoken_record
from handoff.read.vocab import Vocab


def before_walk(doc: dict[str, Any], catalogue: Catalogue) -> Any:
    """`doc` as the walk reads it: other services' rows, unticked options and unchosen answers out."""
    texts = list(quick_texts(doc))
    said = spoken_record(doc, texts)  # dictated punctuation written, a figure taken back replaced
    if said is not doc:
        doc, texts = said, list(quick_texts(said))
    named = named_sourcegraph(doc, catalogue, texts)  # "Lighthouse is our name for the Sourcegraph instance"
    if named is not doc:
        doc, texts = named, list(quick_texts(named))
    left = without_leftovers(doc, texts)  # another customer's text the document disowns
    if left is not doc:
        doc, texts = left, list(quick_texts(left))
    bare = without_guidance(doc, texts)  # a template's grey italic guidance
    if bare is not doc:
        doc, texts = bare, list(quick_texts(bare))
    doc = in_scope_columns(doc, texts)  # `Item | North (this handoff) | South`: the other instances' columns
    doc = own_parts(doc, catalogue, texts)
    doc = estate_tables(doc, catalogue)  # the code hosts', runners' and other systems' own servers
    doc = own_sections(doc, catalogue, texts)
    doc = answered_rows(doc, texts)  # (a question answered no or N/A states nothing; before the ticks)
    doc = ticked_rows(doc, texts)
    single = [Vocab(catalogue, "deployment_type"), Vocab(catalogue, "hosting_provider")]  # (one value each)
    doc = reviewed_answers(doc, texts)  # (a reviewer's correction beside an answer replaces it)
    doc = chosen_options(doc, texts, single)
    return untaken_branches(answered(doc), texts)  # (after the options: a branch's deciding answer chosen)


__all__ = ["before_walk"]
