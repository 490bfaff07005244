"""TDD reader: slide decks and pasted-output TDDs (tuning sets blind 101 and 103).

* A lab cluster, lab environment or lab VM is a test bed, not production: its dates and sizes are
  never production's (`config/fields.toml` `trial_words`).
* An event measured against a named plan ("Build ran 19 October to 6 November as on the roadmap") is
  what happened: naming the roadmap does not make the sentence a plan (`read/limitwords.py`).
* A line labelled with a fiscal year ("FY27: 3,500 seats") is a budget period's figure, a plan, not
  the deployment's (`read/limitwords.py`).
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.limitwords import is_growth
from tddview import settled

HEAD = "<h2>Production</h2><p>Kubernetes with Helm on EKS.</p>"


def test_a_lab_clusters_dates_are_not_production(catalogue: Catalogue) -> None:
    body = (
        "<p>The production build started on 7 September 2026 and was done on 2 October 2026. The lab "
        "cluster was built earlier, from 17 to 28 August 2026.</p>"
    )
    got = settled(HEAD + body, catalogue)
    assert got.get("start_date") == "2026-09-07"
    assert got.get("completion_date") == "2026-10-02"


def test_a_lab_cluster_heading_is_no_production(catalogue: Catalogue) -> None:
    body = (
        "<p>URL: https://sourcegraph.acme.example</p>"
        "<h2>Lab cluster</h2><p>URL: https://sourcegraph-two.acme.example</p>"
        "<p>Built 17 Aug – 28 Aug 2026.</p>"
    )
    got = settled(HEAD + body, catalogue)
    assert got.get("instance_url") == "https://sourcegraph.acme.example"
    assert got.get("start_date") is None


def test_a_build_as_on_the_roadmap_is_what_happened(catalogue: Catalogue) -> None:
    body = (
        "<p>Approved in the meeting. Build ran 19 October to 6 November 2026 as on the roadmap: node pool "
        "created 19 Oct, production signed off 6 Nov.</p>"
    )
    got = settled(HEAD + body, catalogue)
    assert got.get("start_date") == "2026-10-19"
    assert got.get("completion_date") == "2026-11-06"


def test_the_roadmap_itself_is_still_a_plan() -> None:
    assert is_growth("On the roadmap: 8 nodes in Q1 2027.")
    assert not is_growth("The build finished on 6 November as on the roadmap.")


def test_a_fiscal_year_label_is_a_plan(catalogue: Catalogue) -> None:
    body = (
        "<h2>Licence and limits</h2><p>Licensed users: 2,000</p>"
        "<ul><li>FY27: 3,500 seats incl. the reinsurance arm (not ordered)</li></ul>"
    )
    assert settled(HEAD + body, catalogue).get("max_users") == 2000
    assert is_growth("FY27: 3,500 seats")
    assert is_growth("FY 2027 – 3,500 seats")
    assert not is_growth("3,500 seats")
