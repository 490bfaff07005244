"""What infrastructure-as-code TDDs need (stop 25): Terraform pasted as it is. A braced block's
labels name its environment (`read/codescope.py`), a machine resource's `count` is its machines
(`read/resourcecount.py`), a variable's default set elsewhere is overridden (`read/tfdefaults.py`),
a bare `stage:` label is a place where the document uses "stage" as one (`read/envwords.py`), a
connection deleted in a host's row leaves the host out (`read/connection.py`), and a listing's
name ending in digits gives no count (`read/shapes.py`)."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.codescope import is_code, line_sections
from handoff.read.resourcecount import counted
from handoff.read.shapes import instances
from handoff.read.tdd import html_document, read_document
from handoff.read.tfdefaults import assigned, overridden
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import read


def lines(*texts: str) -> str:
    """Each text its own paragraph, as a paste into Docs gives (spaces kept as a Docs export does)."""
    return "".join(f"<p>{t.replace(' ', '&nbsp;')}</p>" for t in texts)


def fields(html: str, catalogue: Catalogue) -> dict[str, object]:
    """The fields the reader gives a snippet (after validation: conflicts withheld)."""
    reading = read_document(html_document(f"<html><body>{html}</body></html>"), catalogue)
    view = tdd_fields(reading.values, catalogue)
    return {name: fv.to_json()["value"] for name, fv in view.fields.items()}


def _named(text: str) -> str:
    return (
        "trial" if any(w in text for w in ("stag", "dev", "qa")) else ("production" if "prod" in text else "")
    )


def test_a_braced_block_naming_an_environment_scopes_its_lines() -> None:
    block = [
        'module "search_qa" {',
        '  source       = "./modules/sg"',
        '  machine_type = "n2-standard-8"',
        "}",
        'module "search_prod" {',
        '  machine_type = "n2-standard-32"',
        "}",
        'resource "google_dns_record_set" "sg" {',
        '  name = "code.example.com."',
        "}",
    ]
    assert is_code(block)
    got = line_sections(block, _named, frozenset({"environment"}))
    assert got[:3] == ["trial"] * 3  # (a closing brace is the block around it's)
    assert got[4:6] == ["production"] * 2
    assert got[3] == got[6] == "" and got[7:] == ["", "", ""]


def test_a_terraform_block_whose_braces_are_all_its_structure_is_code() -> None:
    assert is_code(['variable "size" {', '  default = "m6i.2xlarge"', "}"])
    assert not is_code(["The cluster runs {mostly} on spot.", "Nothing else changed."])


def test_a_machine_resources_count_is_its_machines() -> None:
    tf = [
        'resource "aws_instance" "sourcegraph" {',
        "  count         = 3",
        '  ami           = "ami-0abc"',
        '  instance_type = "m6i.4xlarge"',
        "  root_block_device {",
        "    volume_size = 200",
        "  }",
        "}",
        'resource "aws_ebs_volume" "data" {',
        "  count = 3",
        "  size  = 500",
        "}",
    ]
    got = counted(tf)
    assert got[3] == '  instance_type = "3 × m6i.4xlarge"'
    assert got[8:] == tf[8:]  # a volume's count: no machines
    azure = ['resource "azurerm_linux_virtual_machine" "sg" {', "count = 2", 'size = "Standard_E16s_v5"', "}"]
    assert counted(azure)[2] == 'size = "2 × Standard_E16s_v5"'


def test_a_count_that_is_no_literal_or_a_block_of_two_sizes_is_left() -> None:
    var = [
        'resource "google_compute_instance" "sg" {',
        "count = var.nodes",
        'machine_type = "n2-standard-16"',
        "}",
    ]
    assert counted(var) == var
    two = [
        'resource "hcloud_server" "sg" {',
        "count = 2",
        'server_type = "ccx33"',
        'size = "ccx53"',
        "}",
    ]
    assert counted(two) == two


def test_terraform_servers_and_a_stage_block_read_as_productions_machines(catalogue: Catalogue) -> None:
    html = "<p>Servers come from Terraform:</p>" + lines(
        'resource "google_compute_instance" "codesearch" {',
        "  count        = 2",
        '  machine_type = "n2-standard-32"',
        "}",
        'resource "google_compute_instance" "codesearch_stage" {',
        "  count        = 1",
        '  machine_type = "n2-standard-8"',
        "}",
    )
    assert fields(html, catalogue).get("instance_types") == ["2 × n2-standard-32"]


def test_defaults_of_variables_the_document_sets_are_overridden() -> None:
    text = (
        'variable "worker_size" {\n  default = "m6i.2xlarge"\n}\n'
        'variable "worker_count" {\n  type = number\n  default = 3\n}\n'
        'variable "region" {\n  default = "eu-west-1"\n}\n'
        '# prod.tfvars\nworker_size  = "m6i.8xlarge"\nworker_count\u00a0= 5\n'
    )
    names = assigned(text)
    assert {"worker_size", "worker_count"} <= names and "region" not in names
    block = text.split("# prod.tfvars")[0].rstrip("\n").split("\n")
    assert overridden(block, names) == {1, 5}  # the region's default stays: nothing sets it
    assert assigned("worker_size = 3") == frozenset()  # (no variable declared: nothing to override)


def test_a_module_default_beside_the_applied_tfvars_is_no_value(catalogue: Catalogue) -> None:
    html = (
        "<p>The module's variables:</p>"
        + lines(
            'variable "node_type" {',
            "  type    = string",
            '  default = "n2-standard-16"',
            "}",
        )
        + "<p>What we applied:</p>"
        + lines("# live/prod.tfvars", 'node_type  = "n2-highmem-32"', "node_count = 3")
    )
    assert fields(html, catalogue).get("instance_types") == ["3 × n2-highmem-32"]


def test_a_bare_stage_label_is_a_place_where_the_document_names_a_stage_place(catalogue: Catalogue) -> None:
    html = (
        "<p>Production: 3 × c6i.8xlarge (96 vCPU / 192 GiB)</p>"
        "<p>The stage cluster (k8s-stage-01) is smaller.</p>"
        "<p>Stage: 1 × c6i.2xlarge (8 vCPU / 16 GiB)</p>"
    )
    got = fields(html, catalogue)
    assert got.get("total_cpu") == 96
    assert got.get("instance_types") == ["3 × c6i.8xlarge"]


def test_a_bare_stage_label_in_a_document_without_a_stage_place_is_a_step(catalogue: Catalogue) -> None:
    html = "<p>Stage: 2026-03-02</p><p>Production: 2 × m6i.4xlarge, built 2026-03-02 to 2026-03-12.</p>"
    assert read(html, catalogue).get("instance_types") == ["2 × m6i.4xlarge"]


def test_a_host_whose_connection_was_deleted_in_its_row_is_not_connected(catalogue: Catalogue) -> None:
    for status in (
        "– (connection deleted 12 Mar, projects moved to GitHub)",
        "Integration removed in May",
        "connection was deleted after the migration",
    ):
        html = (
            "<table><tr><td><p>Host</p></td><td><p>Repos</p></td></tr>"
            "<tr><td><p>GitHub Enterprise Server</p></td><td><p>900</p></td></tr>"
            f"<tr><td><p>Bitbucket Server</p></td><td><p>{status}</p></td></tr></table>"
        )
        assert fields(html, catalogue).get("code_hosts") == ["GitHub Enterprise Server"], status


def test_a_name_ending_in_digits_before_a_type_is_no_count() -> None:
    assert [m.value for m in instances("vm-build-02   Standard_F8s_v2")] == ["1 × Standard_F8s_v2"]
    assert [m.value for m in instances("runner/03 c6i.2xlarge")] == ["1 × c6i.2xlarge"]
    assert [m.value for m in instances("Nodes: 3 m6i.4xlarge")] == ["3 × m6i.4xlarge"]


def test_files_pasted_one_after_another_are_each_their_paths_environment() -> None:
    block = [
        "# live/staging/terraform.tfvars",
        'node_size = "e2-standard-8"',
        "# live/production/terraform.tfvars",
        'node_size = "n2-highmem-16"',
        "// overlays/acme-dev/kustomization.yaml",
        "replicas: 1",
        "# docker-compose.override.yml (prod)",
        "cpus: 8",
    ]
    got = line_sections(block, _named, frozenset({"environment"}))
    assert got == ["trial", "trial", "production", "production", "trial", "trial", "production", "production"]


def test_a_module_call_per_environment_file_reads_productions(catalogue: Catalogue) -> None:
    html = "<p>The VM is in Terraform:</p>" + lines(
        "# stacks/prod/main.tf",
        'module "search_vm" {',
        '  machine_type = "n2-highmem-16"',
        "}",
        "# stacks/uat/main.tf",
        'module "search_vm" {',
        '  machine_type = "n2-standard-4"',
        "}",
    )
    assert fields(html, catalogue).get("instance_types") == ["1 × n2-highmem-16"]


def test_pools_of_two_files_pair_their_own_counts_and_an_autoscaler_bound_is_none(
    catalogue: Catalogue,
) -> None:
    html = "<p>Workspaces:</p>" + lines(
        "# vars/test.tfvars",
        'app_pool_vm_size  = "Standard_D8s_v5"',
        "app_pool_count    = 1",
        "# vars/live.tfvars",
        'app_pool_vm_size  = "Standard_E8s_v5"',
        "app_pool_count    = 3",
        "app_pool_max_count = 9",
        'user_pool_vm_size = "Standard_D4s_v5"',
        "user_pool_node_count = 2",
    )
    got = fields(html, catalogue)
    types = got.get("instance_types")
    assert isinstance(types, list) and sorted(types) == ["2 × Standard_D4s_v5", "3 × Standard_E8s_v5"]
    assert "max_users" not in got


def test_a_guessed_figure_is_no_limit(catalogue: Catalogue) -> None:
    for sentence in (
        "Nobody agreed a concurrency figure; my guess is 120 at peak.",
        "Concurrency was never fixed. I'd say about 90 users at once.",
        "Peak concurrent users: not agreed (a hunch: 200 at once).",
    ):
        got = fields(f"<h2>Limits</h2><p>Licensed for 800 users.</p><p>{sentence}</p>", catalogue)
        assert got.get("max_users") == 800 and "max_concurrent_users" not in got, sentence


def test_a_code_comment_counting_people_is_no_limit(catalogue: Catalogue) -> None:
    html = "<h2>Limits</h2><p>Licence: 300 users.</p>" + lines(
        "# kustomize/overlays/prod/kustomization.yaml",
        "components:",
        "- ../../components/resources/m   # sized for up to 2,000 users",
        "- ../../components/storage-class/gcp",
    )
    assert fields(html, catalogue).get("max_users") == 300


def test_a_hosts_count_after_its_org_aside_and_address_is_its_part(catalogue: Catalogue) -> None:
    for text in (
        "Bitbucket Data Center (payments org): 2,700 repos indexed. Gitea (lab team): 450.",
        "GitHub Enterprise Cloud (org acme): 2,700 repos synced. Gitea (research group): 450.",
    ):
        assert fields(f"<h2>Code hosts</h2><p>{text}</p>", catalogue).get("repositories") == 3150, text


def test_disk_keys_that_add_up_to_a_total_stated_elsewhere_are_its_parts(catalogue: Catalogue) -> None:
    html = (
        "<h2>Disks</h2><p>A 50 GB OS disk and a 1 TB data disk: 1.05 TB in total.</p>"
        "<h2>Terraform</h2>"
        + lines("# envs/prod/main.tf", 'module "vm" {', "  os_disk_gb   = 50", "  data_disk_gb = 1000", "}")
    )
    assert fields(html, catalogue).get("total_disk_gb") == 1050
