"""TDD reader, environment scope: which environment each list item, line and address belongs to.

A `Label:` item heads only the items nested under it; a question bullet scopes its answers; an
address whose host name carries an environment (`sg-dev.…`) is that environment's; codes a
glossary or a definition line gives an environment scope every later mention; names joined with
production say it of production.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.envwords import Environments
from tdd_snippets import read, table


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


def test_a_glossary_table_gives_its_codes_their_environments(catalogue: Catalogue) -> None:
    glossary = table(
        ("Name", "Meaning"),
        ("KESTREL", "The production platform used by all engineering"),
        ("WREN", "Acceptance copy of KESTREL where upgrades are rehearsed"),
        ("OSPREY", "Warm standby for disaster recovery"),
    )
    compute = table(
        ("Cluster", "Machine type", "Nodes"),
        ("KESTREL", "n2-standard-16", "4"),
        ("WREN", "n2-standard-8", "2"),
        ("OSPREY", "n2-standard-16", "2"),
    )
    urls = table(
        ("Cluster", "Address"),
        ("KESTREL", "https://sourcegraph.tessera.example"),
        ("OSPREY", "https://osprey.sourcegraph.tessera.example"),
    )
    got = read(glossary + compute + urls, catalogue)
    assert got["instance_types"] == ["4 × n2-standard-16"]
    assert got["instance_url"] == ["https://sourcegraph.tessera.example"]


def test_definition_lines_scope_every_later_mention(catalogue: Catalogue) -> None:
    html = (
        "<p>ORCA — production: the instance every engineer uses</p>"
        "<p>MINNOW — acceptance copy, rebuilt before each upgrade</p>"
        "<p>Storage on ORCA is 3,072 GiB in total; MINNOW has 512 GiB.</p>"
        "<p>MINNOW mirrors 120 repositories from GitHub.com.</p>"
    )
    got = read(html, catalogue)
    assert got["total_disk_gb"] == ["3072 GiB"]
    assert "repositories" not in got


def test_names_joined_with_production_say_it_of_production(catalogue: Catalogue) -> None:
    html = "<p>Production and staging both run the official Helm chart; the sandbox runs Docker Compose.</p>"
    assert read(html, catalogue)["deployment_type"] == ["Kubernetes with Helm"]


def test_acceptance_names_an_environment_only_as_a_place(catalogue: Catalogue) -> None:
    assert read("<p>Customer acceptance: 20 March 2026</p>", catalogue)["completion_date"] == ["2026-03-20"]
    assert "total_disk_gb" not in read("<p>The acceptance copy has 512 GiB of disk.</p>", catalogue)


def test_an_environments_other_name_and_product_names(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    learned = env.learn(
        "Our production, a.k.a. blue, is on AKS.\nGKE — production cluster\nCPU: production 96"
    )
    assert learned == {"blue": "production"}
    assert env.named("the blue cluster") == "production" and env.named("GKE") == ""


def test_a_column_of_cluster_names_carrying_environments_places_each_row(catalogue: Catalogue) -> None:
    html = table(
        ("Cluster", "Machine type", "Nodes"),
        ("aks-cre-prd-weu", "Standard_E16s_v5", "3"),
        ("aks-cre-stg-weu", "Standard_E8s_v5", "2"),
    )
    assert read(html, catalogue)["instance_types"] == ["3 × Standard_E16s_v5"]


def test_the_name_a_document_is_about_and_its_one_letter_twin(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    learned = env.learn(
        "We run two VMs. Everything here refers to sg-p-muc-01 unless it says otherwise.\n"
        "sg-t-muc-01 is where we try upgrades; sg-p-muc-02 and sg-p-ber-01 are planned."
    )
    assert learned == {"sg-p-muc-01": "production", "sg-t-muc-01": "trial"}


def test_a_stage_place_and_a_denied_production_are_not_production(catalogue: Catalogue) -> None:
    html = (
        "<h1>Compute</h1><p>Nodes: 4 × c2-standard-16, 3,000 GiB of pd-balanced.</p>"
        "<p>Users reach it at https://grep.fjordline.example.</p>"
        "<h1>Preview box (not production)</h1><p>Nodes: 1 × c2-standard-8, 500 GiB.</p>"
        "<h1>Roll-out</h1><p>Stage 2 of the roll-out opened it to every team.</p>"
        "<p>The stage environment lives at https://grep-stage.fjordline.example.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["4 × c2-standard-16"]
    assert got["instance_url"] == ["https://grep.fjordline.example"]
    env = Environments(catalogue)
    assert env.of_address("https://grep-stage.fjordline.example") == "trial"
    assert env.named("Stage 2 of the roll-out") == "" and env.named("a multi-stage image build") == ""


def test_in_a_migration_the_new_instance_is_production_and_the_old_one_history(catalogue: Catalogue) -> None:
    html = (
        "<p>We replaced the 2021 server with a new cluster on AKS.</p>"
        + table(
            ("", "Old server", "New cluster"),
            ("Machines", "1 × Standard_D16s_v5", "3 × Standard_E16s_v5"),
            ("Deployment", "Docker Compose", "Helm chart"),
        )
        + "<p>Dress rehearsal: https://try.grep.fjordline.example on 1 × Standard_D4s_v5.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × Standard_E16s_v5"]
    assert got["deployment_type"] == ["Kubernetes with Helm"]
    assert "instance_url" not in got


def test_a_name_its_own_verb_sets_aside_is_not_the_deployment(catalogue: Catalogue) -> None:
    html = (
        "<p>How we ship it: Helm was considered but dropped; plain manifests from the vendor are patched"
        " per cluster with Kustomize.</p>"
        "<p>Cloud: AWS was evaluated and rejected in 2025; everything runs in Google Cloud.</p>"
    )
    got = read(html, catalogue)
    assert got["deployment_type"] == ["Kubernetes with Kustomize"]
    assert got["hosting_provider"] == ["GCP"]


def test_a_read_replica_is_another_copy_but_a_pods_replica_is_not(catalogue: Catalogue) -> None:
    html = (
        "<h1>Main site</h1><p>3 × n2-highmem-16, reached at https://search.orvik.example.</p>"
        "<p>Disk: 3,000 GB in total, three volumes, one per replica.</p>"
        "<h1>Oslo copy</h1><p>A read-only replica in Oslo: 1 × n2-highmem-8, https://osl.orvik.example.</p>"
        "<h1>What is next</h1><p>4 × n2-highmem-16 once the new studio joins.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × n2-highmem-16"]
    assert got["instance_url"] == ["https://search.orvik.example"]
    assert got["total_disk_gb"] == ["3000 GB"]


def test_an_environment_named_only_to_compare_with_does_not_scope_what_follows(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production build</h2>"
        "<p>Same as the QA box but bigger: one Standard_E32s_v5 from the Sourcegraph Azure image.</p>"
        "<p>QA stays on a Standard_E8s_v5.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["1 × Standard_E32s_v5"]
    assert got["deployment_type"] == ["Machine image (AWS AMI / Azure / GCE)"]


def test_a_promotion_street_spelled_after_its_acronym_names_production_last(catalogue: Catalogue) -> None:
    html = (
        "<p>Wij werken met de OTAP-straat: Ontwikkeling, Test, Acceptatie en Productie.</p>"
        "<h2>Productie</h2><p>Adres: https://zoek.gemeente-noord.example</p>"
        "<p>Uitrol via Kustomize-overlays; 4 × Standard_E16s_v5.</p>"
        "<h2>Acceptatie</h2><p>Adres: https://zoek-a.gemeente-noord.example</p>"
        "<p>Uitrol met Docker Compose op 1 × Standard_D8s_v5.</p>"
        "<h2>Overwogen alternatieven</h2><p>Helm op AKS, 3 × Standard_E32s_v5.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_url"] == ["https://zoek.gemeente-noord.example"]
    assert got["instance_types"] == ["4 × Standard_E16s_v5"]
    assert got["deployment_type"] == ["Kubernetes with Kustomize"]


def test_a_street_name_in_lower_case_is_the_common_word(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    env.learn("Wij werken met de OTAP-straat: Ontwikkeling, Test, Acceptatie en Productie.")
    assert env.named("4.2 Acceptatie (A)") == "trial"
    assert env.named("Oplevering en acceptatie productie") == "production"
    assert env.named("DTAP: Dev, Test, Acc, Prod") == "trial"  # (known words: nothing new learnt)


def test_a_row_whose_name_cell_names_an_environment_is_in_it(catalogue: Catalogue) -> None:
    html = (
        table(
            ("#", "Box", "What it is"),
            ("1", "lb-edge — load balancer", "Terminates TLS and forwards to 2 only."),
            ("2", "vm-prd-07 — the production VM", "One VM with 32 vCPU and 128 GB RAM, Docker Compose."),
            ("3", "vm-tst-07 — test VM", "8 vCPU and 32 GB RAM, same Compose files."),
        )
        + "<p>A move to Azure was looked at and not pursued; everything runs on our own vSphere.</p>"
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["32"]
    assert got["total_memory_gb"] == ["128 GB"]
    assert got["hosting_provider"] == ["on-premises"]


def test_a_registers_numbered_references_are_no_environment_names(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    learned = env.learn(
        "R-01 — Licence too small\nR-02 — UAT validation slips\nR-03 — Disk fills\n"
        "KES-1 — the production cluster\nKES-2 — the UAT cluster\n"
    )
    assert "R-02" not in learned
    assert learned["KES-1"] == "production" and learned["KES-2"] == "trial"


def test_a_load_tests_virtual_users_are_no_user_limit(catalogue: Catalogue) -> None:
    html = "<p>The licence covers 1,800 users.</p>" + table(
        ("Step", "Simulated users", "p95"),
        ("Ramp", "150", "0.9 s"),
        ("Production (projected)", "450", "1.7 s"),
    )
    assert read(html, catalogue)["max_users"] == ["1800"]


def test_a_legend_line_names_its_environments(catalogue: Catalogue) -> None:
    html = (
        "<p>Naming: Kestrel is our production cluster, Plover was the pilot and Dunlin the sandbox.</p>"
        "<h2>Kestrel</h2><p>3 × m6i.4xlarge at https://search.lagoon.example</p>"
        "<h2>Plover</h2><p>1 × m6i.2xlarge at https://plover.lagoon.example</p>"
    )
    got = read(html, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["instance_url"] == ["https://search.lagoon.example"]
    env = Environments(catalogue)
    assert env.learn("This is production, and that is all.") == {}  # one pair, a pronoun: no legend


def test_in_a_migration_the_old_side_is_history_even_as_a_row(catalogue: Catalogue) -> None:
    html = table(
        ("Item", "Install", "Machines", "URL"),
        ("Source server", "Docker Compose", "1 × Standard_D16s_v5", "http://grep.corp.local"),
        ("Target cluster", "Helm chart", "3 × Standard_E16s_v5", "https://grep.fjordline.example"),
    )
    got = read(html, catalogue)
    assert got["deployment_type"] == ["Kubernetes with Helm"]
    assert got["instance_url"] == ["https://grep.fjordline.example"]


def test_a_shadow_copy_is_another_environment(catalogue: Catalogue) -> None:
    html = (
        "<p>sg_main is what staff use; sg_shadow is a throw-away copy we break before every upgrade.</p>"
        "<p>sg_main URL: https://grep.moorland.example</p>"
        "<p>sg_shadow URL: https://grep-shadow.moorland.example</p>"
        "<p>The shadow VM has 8 vCPU; upgrades are rehearsed on shadow first.</p>"
    )
    got = read(html, catalogue)
    assert got["instance_url"] == ["https://grep.moorland.example"]
    assert "total_cpu" not in got


def test_an_accented_name_is_one_word(catalogue: Catalogue) -> None:
    """'préprod' is pre-production, and no 'prod' inside it."""
    html = "<p>In prod, six m6i.4xlarge. The préprod is much smaller, two m6i.2xlarge.</p>"
    assert read(html, catalogue)["instance_types"] == ["6 × m6i.4xlarge"]
    html = "<ul><li>Préproduction: 2 × m6i.2xlarge</li><li>Production: 4 × m6i.4xlarge</li></ul>"
    assert read(html, catalogue)["instance_types"] == ["4 × m6i.4xlarge"]


def test_a_word_glossed_with_an_environment_names_it(catalogue: Catalogue) -> None:
    """'tuotanto = production': a word of the document's own language, glossed once, names that
    environment wherever it stands (a table's rows, a line's label); 'environment = uat' glosses none."""
    rows = table(
        ("Environment", "Role", "Address"),
        ("testi", "trials of the IT team", "https://koodihaku-testi.example.fi"),
        ("tuotanto", "service for all researchers", "https://koodihaku.example.fi"),
    )
    html = f"<p>We use the Finnish names: tuotanto = production, testi = test.</p>{rows}"
    assert read(html, catalogue)["instance_url"] == ["https://koodihaku.example.fi"]
    html = (
        "<ul><li>produktion = production</li><li>utveckling = development</li></ul>"
        "<p>utveckling: 1 × m6i.large</p><p>produktion: 4 × m6i.4xlarge</p>"
    )
    assert read(html, catalogue)["instance_types"] == ["4 × m6i.4xlarge"]
    html = "<p>environment = uat</p><p>Environment URL: https://sourcegraph.example.com</p>"
    assert read(html, catalogue)["instance_url"] == ["https://sourcegraph.example.com"]
