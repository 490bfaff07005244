"""TDD reader, environment scope: which environment each list item, line and address belongs to.

A `Label:` item heads only the items nested under it; a question bullet scopes its answers; an
address whose host name carries an environment (`sg-dev.…`) is that environment's.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read


def test_a_label_item_heads_only_the_items_nested_under_it(catalogue: Catalogue) -> None:
    html = (
        '<ul class="lst-kix_q-0"><li>What machines?</li></ul>'
        '<ul class="lst-kix_q-1"><li>Production node pools:</li></ul>'
        '<ul class="lst-kix_q-2"><li>app: 4 × Standard_D16s_v5</li><li>mem: 1 × Standard_E8s_v5</li></ul>'
        '<ul class="lst-kix_q-0"><li>What was the pilot?</li></ul>'
        '<ul class="lst-kix_q-1"><li>Docker Compose on a single Standard_D8s_v5, 300 repositories.</li></ul>'
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["4 × Standard_D16s_v5, 1 × Standard_E8s_v5"]
    assert "deployment_type" not in got and "repositories" not in got


def test_an_address_whose_host_names_another_environment_is_not_the_instance(catalogue: Catalogue) -> None:
    html = (
        "<ul><li>✅ prod is gke-acme-prod-1 → https://sourcegraph.acme.dev</li>"
        "<li>dev cluster gke-acme-dev-1 is up → https://sg-dev.acme.dev, just for poking</li></ul>"
    )
    assert read(html, catalogue)["instance_url"] == ["https://sourcegraph.acme.dev"]
    assert "instance_url" not in read("<p>URL: https://sourcegraph-stg.acme.com</p>", catalogue)


def test_an_increase_is_no_current_figure(catalogue: Catalogue) -> None:
    html = "<p>We are licensed for 1,800 seats.</p><p>When the Baltic team joins we add about +600 seats.</p>"
    assert read(html, catalogue)["max_users"] == ["1800"]
