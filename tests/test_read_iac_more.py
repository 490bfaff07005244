"""Infrastructure as code, written other ways (stop 26): probes of shapes no tuning document uses.

Each probe is a short TDD that documents production by pasting what built it or what it reports
(Terraform maps and `for_each`, per-environment `.tfvars`, CloudFormation, Pulumi, Helm values,
docker-compose `deploy.resources`, Ansible `group_vars`, CLI listings with the environments' rows
mixed), and is read twice: with production's values in one place and a non-production environment's
in another, then with the two swapped, so what is read follows the structure (a file's path, a
block's labels, a row's name or group), not the order or the size of the values. What a careful
reader does not take: another environment's sizes, a default the document overrides, a commented-out
line, an autoscaler's maximum, a bastion's, CI runner's or monitoring host's size, usage for capacity.
"""

from __future__ import annotations

from html import escape

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields


def code(*texts: str) -> str:
    """Each line its own paragraph, as a paste into Docs gives (spaces kept as a Docs export does)."""
    return "".join(f"<p>{escape(t, quote=False).replace(' ', '&nbsp;')}</p>" for t in texts)


def fields(html: str, catalogue: Catalogue) -> dict[str, object]:
    """The fields the reader gives a document (after validation: conflicts withheld)."""
    reading = read_document(html_document(f"<html><body>{html}</body></html>"), catalogue)
    view = tdd_fields(reading.values, catalogue)
    return {name: fv.to_json()["value"] for name, fv in view.fields.items()}


# (the production word, the other environment's word) each probe is written with; the second run
# swaps which values each carries
ENVS = [("prod", "staging"), ("production", "dev"), ("prd", "uat"), ("live", "test")]
BIG, SMALL = ("m6i.8xlarge", 32, 128), ("m6i.2xlarge", 8, 32)


def _sizes(swap: bool) -> tuple[tuple[str, int, int], tuple[str, int, int]]:
    """(production's size, the other's): swapped on the second run."""
    return (SMALL, BIG) if swap else (BIG, SMALL)


@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize(("prod", "other"), ENVS[:2])
def test_tfvars_per_environment_directory(catalogue: Catalogue, prod: str, other: str, swap: bool) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = (
        "<h2>Infrastructure</h2><p>Each environment has its own variables file.</p>"
        + code(
            f"# envs/{other}/terraform.tfvars",
            f'node_instance_type = "{o_type}"',
            "node_count         = 1",
            "data_volume_gb     = 200",
        )
        + code(
            f"# envs/{prod}/terraform.tfvars",
            f'node_instance_type = "{p_type}"',
            "node_count         = 3",
            "data_volume_gb     = 1000",
        )
    )
    got = fields(html, catalogue)
    assert got.get("instance_types") == [f"3 × {p_type}"]


@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize(("prod", "other"), ENVS)
def test_tfvars_named_by_a_paragraph_before_the_block(
    catalogue: Catalogue, prod: str, other: str, swap: bool
) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = (
        f"<p>{other}.tfvars:</p>"
        + code(f'instance_type = "{o_type}"', "instance_count = 1", 'region = "eu-west-1"')
        + f"<p>{prod}.tfvars:</p>"
        + code(f'instance_type = "{p_type}"', "instance_count = 2", 'region = "eu-west-1"')
    )
    assert fields(html, catalogue).get("instance_types") == [f"2 × {p_type}"]


@pytest.mark.parametrize("swap", [False, True])
def test_a_map_of_node_groups_per_environment_in_locals(catalogue: Catalogue, swap: bool) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = "<h2>Terraform</h2>" + code(
        "locals {",
        "  node_groups = {",
        "    staging = {",
        f'      instance_type = "{o_type}"',
        "      desired_size  = 1",
        "      max_size      = 2",
        "    }",
        "    production = {",
        f'      instance_type = "{p_type}"',
        "      desired_size  = 3",
        "      max_size      = 8",
        "    }",
        "  }",
        "}",
        'resource "aws_eks_node_group" "sg" {',
        "  for_each       = local.node_groups",
        "  instance_types = [each.value.instance_type]",
        "}",
    )
    got = fields(html, catalogue)
    types = got.get("instance_types")
    assert types in ([f"3 × {p_type}"], [f"1 × {p_type}"], None), types
    assert o_type not in str(types)


@pytest.mark.parametrize("swap", [False, True])
def test_module_calls_with_for_each_over_environments(catalogue: Catalogue, swap: bool) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = "<h2>Terraform</h2>" + code(
        'module "sourcegraph" {',
        '  source   = "./modules/sg-vm"',
        "  for_each = {",
        f'    qa   = {{ machine = "{o_type}", disk_gb = 250 }}',
        f'    prod = {{ machine = "{p_type}", disk_gb = 2000 }}',
        "  }",
        "  instance_type = each.value.machine",
        "}",
    )
    types = fields(html, catalogue).get("instance_types")
    assert o_type not in str(types) and "each.value" not in str(types)


@pytest.mark.parametrize("swap", [False, True])
def test_cloudformation_parameters_default_and_the_applied_parameter_file(
    catalogue: Catalogue, swap: bool
) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = (
        "<h2>Stack</h2><p>template.yaml:</p>"
        + code(
            "Parameters:",
            "  InstanceType:",
            "    Type: String",
            f"    Default: {o_type}",
            "Resources:",
            "  SourcegraphHost:",
            "    Type: AWS::EC2::Instance",
            "    Properties:",
            "      InstanceType: !Ref InstanceType",
        )
        + "<p>params/prod.json, what the production stack was created with:</p>"
        + code(
            "[",
            f'  {{ "ParameterKey": "InstanceType", "ParameterValue": "{p_type}" }}',
            "]",
        )
    )
    types = fields(html, catalogue).get("instance_types")
    assert o_type not in str(types)


@pytest.mark.parametrize("swap", [False, True])
def test_helm_values_per_environment_file_names(catalogue: Catalogue, swap: bool) -> None:
    p_disk, o_disk = ("500Gi", "50Gi") if not swap else ("50Gi", "500Gi")
    html = "<h2>Helm</h2><p>We keep one override per environment.</p>" + code(
        "# values-staging.yaml",
        "gitserver:",
        "  persistence:",
        f"    size: {o_disk}",
        "# values-production.yaml",
        "gitserver:",
        "  persistence:",
        f"    size: {p_disk}",
    )
    disk = fields(html, catalogue).get("total_disk_gb")
    assert disk in (None, 537 if not swap else 54, 500 if not swap else 50), disk


@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize(("prod", "other"), ENVS[:3])
def test_ansible_group_vars_per_environment(catalogue: Catalogue, prod: str, other: str, swap: bool) -> None:
    p_type, o_type = (
        ("Standard_E16s_v5", "Standard_D4s_v5") if not swap else ("Standard_D4s_v5", "Standard_E16s_v5")
    )
    html = (
        "<h2>Ansible</h2>"
        + code(f"# group_vars/{other}.yml", f"vm_size: {o_type}", "data_disk_gb: 256")
        + code(f"# group_vars/{prod}.yml", f"vm_size: {p_type}", "data_disk_gb: 1024")
    )
    got = fields(html, catalogue)
    assert got.get("instance_types") == [f"1 × {p_type}"]


@pytest.mark.parametrize("swap", [False, True])
def test_an_ini_inventory_s_groups_name_the_hosts_environments(catalogue: Catalogue, swap: bool) -> None:
    p_type, o_type = (
        ("Standard_E16s_v5", "Standard_D4s_v5") if not swap else ("Standard_D4s_v5", "Standard_E16s_v5")
    )
    html = "<h2>Inventory</h2>" + code(
        "[sourcegraph_staging]",
        f"sg-stg-01 ansible_host=10.2.0.4 vm_size={o_type}",
        "[sourcegraph_production]",
        f"sg-a-01 ansible_host=10.1.0.4 vm_size={p_type}",
        f"sg-a-02 ansible_host=10.1.0.5 vm_size={p_type}",
    )
    types = fields(html, catalogue).get("instance_types")
    assert types in ([f"2 × {p_type}"], None), types


@pytest.mark.parametrize("swap", [False, True])
def test_gcloud_list_with_staging_rows_and_a_ci_runner(catalogue: Catalogue, swap: bool) -> None:
    p_type, o_type = ("n2-highmem-16", "e2-standard-8") if not swap else ("e2-standard-8", "n2-highmem-16")
    html = "<h2>Machines</h2><p>$ gcloud compute instances list</p>" + code(
        "NAME             ZONE            MACHINE_TYPE    INTERNAL_IP  STATUS",
        f"sg-prod-0        europe-west4-a  {p_type}   10.1.0.2     RUNNING",
        f"sg-prod-1        europe-west4-b  {p_type}   10.1.0.3     RUNNING",
        f"sg-staging-0     europe-west4-a  {o_type}   10.2.0.2     RUNNING",
        "gha-runner-01    europe-west4-a  c2-standard-8   10.9.0.2     RUNNING",
        "bastion          europe-west4-a  e2-micro        10.0.0.2     RUNNING",
    )
    assert fields(html, catalogue).get("instance_types") == [f"2 × {p_type}"]


@pytest.mark.parametrize("headers", ["NAME  ZONE  MACHINE_TYPE  STATUS", "Name  Zone  InstanceType  State"])
def test_a_listing_s_other_systems_rows_are_not_the_deployment_s(catalogue: Catalogue, headers: str) -> None:
    name, zone, kind, state = headers.split("  ")
    html = "<h2>Compute</h2><p>Everything in the project:</p>" + code(
        f"{name:<20}{zone:<16}{kind:<16}{state}",
        *(["-" * 18 + "  " + "-" * 14 + "  " + "-" * 14 + "  " + "-" * 8] if name == "Name" else []),
        f"{'sourcegraph-0':<20}{'us-east1-b':<16}{'n2-highmem-16':<16}RUNNING",
        f"{'sourcegraph-1':<20}{'us-east1-c':<16}{'n2-highmem-16':<16}RUNNING",
        f"{'gitlab-runner-7':<20}{'us-east1-b':<16}{'c2-standard-8':<16}RUNNING",
        f"{'grafana':<20}{'us-east1-b':<16}{'e2-standard-4':<16}RUNNING",
        f"{'iap-bastion':<20}{'us-east1-b':<16}{'e2-micro':<16}RUNNING",
    )
    assert fields(html, catalogue).get("instance_types") == ["2 × n2-highmem-16"]


@pytest.mark.parametrize("swap", [False, True])
def test_az_vm_list_with_a_dev_vm_and_a_jumpbox(catalogue: Catalogue, swap: bool) -> None:
    p_type, o_type = (
        ("Standard_E16s_v5", "Standard_D4s_v5") if not swap else ("Standard_D4s_v5", "Standard_E16s_v5")
    )
    html = "<h2>VMs</h2><p>az vm list -d -o table:</p>" + code(
        "Name          ResourceGroup   PowerState   Location    VmSize",
        "------------  --------------  -----------  ----------  ----------------",
        f"vm-sg-prd     rg-sg-prd       VM running   westeurope  {p_type}",
        f"vm-sg-dev     rg-sg-dev       VM running   westeurope  {o_type}",
        "vm-jump       rg-sg-prd       VM running   westeurope  Standard_B2s",
    )
    assert fields(html, catalogue).get("instance_types") == [f"1 × {p_type}"]


@pytest.mark.xfail(strict=True, reason="a listing without a header row: no column says which is the type")
@pytest.mark.parametrize("swap", [False, True])
def test_aws_describe_instances_text_with_name_tags(catalogue: Catalogue, swap: bool) -> None:
    p_type, o_type = ("r6i.4xlarge", "r6i.xlarge") if not swap else ("r6i.xlarge", "r6i.4xlarge")
    html = (
        "<h2>EC2</h2>"
        "<p>aws ec2 describe-instances --query "
        "'Reservations[].Instances[].[Tags[?Key==`Name`]|[0].Value,InstanceType,State.Name]'"
        " --output text</p>"
        + code(
            f"sourcegraph-production-a    {p_type}    running",
            f"sourcegraph-production-b    {p_type}    running",
            f"sourcegraph-uat-a           {o_type}    running",
            "prometheus-prod             m6i.large      running",
            "bastion-prod                t3.micro       running",
        )
    )
    assert fields(html, catalogue).get("instance_types") == [f"2 × {p_type}"]


def test_kubectl_top_nodes_is_usage_not_capacity(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>Three m6i.4xlarge nodes (16 vCPU / 64 GiB each).</p>"
        "<p>kubectl top nodes, a day after go-live:</p>"
        + code(
            "NAME                         CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%",
            "ip-10-0-1-11.ec2.internal    3120m        19%    41236Mi         66%",
            "ip-10-0-2-12.ec2.internal    2870m        17%    39810Mi         63%",
            "ip-10-0-3-13.ec2.internal    2210m        13%    35002Mi         56%",
        )
    )
    got = fields(html, catalogue)
    assert got.get("instance_types") == ["3 × m6i.4xlarge"]
    assert got.get("total_cpu") in (48, None) and got.get("total_memory_gb") in (192, None)


@pytest.mark.parametrize("swap", [False, True])
def test_df_on_several_hosts(catalogue: Catalogue, swap: bool) -> None:
    p_size, o_size = ("2.0T", "500G") if not swap else ("500G", "2.0T")
    html = "<h2>Storage</h2>" + code(
        "sg-prod-01:~$ df -h /data",
        "Filesystem      Size  Used Avail Use% Mounted on",
        f"/dev/nvme1n1    {p_size}  310G  1.6T  17% /data",
        "sg-staging-01:~$ df -h /data",
        "Filesystem      Size  Used Avail Use% Mounted on",
        f"/dev/nvme1n1    {o_size}   90G  400G  19% /data",
    )
    disk = fields(html, catalogue).get("total_disk_gb")
    assert disk in (None, 2000 if not swap else 500, 2048 if not swap else 500), disk


def test_a_commented_out_size_is_not_read(catalogue: Catalogue) -> None:
    for comment in ("#", "//", "# ", "## was:"):
        html = "<h2>Production</h2>" + code(
            "# envs/prod/terraform.tfvars",
            f'{comment}instance_type = "m6i.2xlarge"',
            'instance_type = "m6i.8xlarge"',
            "instance_count = 2",
        )
        assert fields(html, catalogue).get("instance_types") == ["2 × m6i.8xlarge"], comment


def test_autoscaler_maxima_are_not_node_counts(catalogue: Catalogue) -> None:
    for lo, hi in (("min_size", "max_size"), ("minCount", "maxCount"), ("min_node_count", "max_node_count")):
        html = "<h2>Production node pool</h2>" + code(
            "# envs/prod/terraform.tfvars",
            'node_instance_type = "n2-standard-16"',
            f"{lo} = 2",
            f"{hi} = 10",
        )
        types = fields(html, catalogue).get("instance_types")
        assert types in (["1 × n2-standard-16"], ["2 × n2-standard-16"], None), (lo, types)
        assert "10 ×" not in str(types)


def test_docker_compose_deploy_resources_are_containers_not_the_host(catalogue: Catalogue) -> None:
    html = "<h2>Production host</h2><p>One c6i.8xlarge (32 vCPU, 64 GiB) runs Docker Compose.</p>" + code(
        "# docker-compose.override.yaml (prod)",
        "services:",
        "  gitserver-0:",
        "    deploy:",
        "      resources:",
        "        limits:",
        "          cpus: '8'",
        "          memory: 16g",
        "  zoekt-webserver-0:",
        "    deploy:",
        "      resources:",
        "        limits:",
        "          cpus: '12'",
        "          memory: 32g",
    )
    got = fields(html, catalogue)
    assert got.get("instance_types") == ["1 × c6i.8xlarge"]
    assert got.get("total_cpu") == 32 and got.get("total_memory_gb") == 64


@pytest.mark.parametrize(
    ("other", "prod"),
    [
        (
            "$ terraform workspace select staging && terraform output",
            "$ terraform workspace select prod && terraform output",
        ),
        (
            "ops@bastion:~$ terraform output -state=envs/dev/terraform.tfstate",
            "ops@bastion:~$ terraform output -state=envs/production/terraform.tfstate",
        ),
        ("$ TF_WORKSPACE=uat terraform output", "$ TF_WORKSPACE=prd terraform output"),
    ],
)
@pytest.mark.parametrize("swap", [False, True])
def test_terraform_output_of_each_workspace_after_its_command(
    catalogue: Catalogue, other: str, prod: str, swap: bool
) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = "<h2>Build</h2>" + code(
        other,
        f'instance_type = "{o_type}"',
        "node_count = 1",
        prod,
        f'instance_type = "{p_type}"',
        "node_count = 3",
    )
    assert fields(html, catalogue).get("instance_types") == [f"3 × {p_type}"]


@pytest.mark.parametrize("swap", [False, True])
def test_pulumi_stack_config_files(catalogue: Catalogue, swap: bool) -> None:
    p_type, o_type = ("n2-highmem-16", "e2-standard-8") if not swap else ("e2-standard-8", "n2-highmem-16")
    html = (
        "<h2>Pulumi</h2>"
        + code("# Pulumi.dev.yaml", "config:", f"  sg:machineType: {o_type}", '  sg:nodeCount: "1"')
        + code("# Pulumi.prod.yaml", "config:", f"  sg:machineType: {p_type}", '  sg:nodeCount: "3"')
    )
    types = fields(html, catalogue).get("instance_types")
    assert o_type not in str(types), types


def test_kubectl_get_nodes_with_instance_type_label_per_context(catalogue: Catalogue) -> None:
    html = "<h2>Nodes</h2>" + code(
        "$ kubectl --context sg-staging get nodes -L node.kubernetes.io/instance-type",
        "NAME                          STATUS   ROLES    AGE   VERSION   INSTANCE-TYPE",
        "ip-10-2-1-10.ec2.internal     Ready    <none>   12d   v1.29.3   m6i.2xlarge",
        "$ kubectl --context sg-prod get nodes -L node.kubernetes.io/instance-type",
        "NAME                          STATUS   ROLES    AGE   VERSION   INSTANCE-TYPE",
        "ip-10-1-1-10.ec2.internal     Ready    <none>   12d   v1.29.3   m6i.8xlarge",
        "ip-10-1-2-10.ec2.internal     Ready    <none>   12d   v1.29.3   m6i.8xlarge",
    )
    assert fields(html, catalogue).get("instance_types") == ["2 × m6i.8xlarge"]


@pytest.mark.parametrize("swap", [False, True])
def test_module_calls_named_per_environment_with_their_counts(catalogue: Catalogue, swap: bool) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = "<h2>main.tf</h2>" + code(
        'module "codesearch_nonprod" {',
        '  source        = "git::https://git.example.com/tf/sg.git?ref=v3"',
        f'  instance_type = "{o_type}"',
        "  node_count    = 1",
        "}",
        "",
        'module "codesearch_production" {',
        '  source        = "git::https://git.example.com/tf/sg.git?ref=v3"',
        f'  instance_type = "{p_type}"',
        "  node_count    = 4",
        "}",
    )
    assert fields(html, catalogue).get("instance_types") == [f"4 × {p_type}"]


@pytest.mark.parametrize("swap", [False, True])
def test_eksctl_cluster_configs_of_two_clusters(catalogue: Catalogue, swap: bool) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = (
        "<h2>Clusters</h2>"
        + code(
            "# clusters/sg-staging.yaml",
            "apiVersion: eksctl.io/v1alpha5",
            "kind: ClusterConfig",
            "managedNodeGroups:",
            "  - name: workers",
            f"    instanceType: {o_type}",
            "    desiredCapacity: 1",
        )
        + "<p></p>"
        + code(
            "# clusters/sg-production.yaml",
            "apiVersion: eksctl.io/v1alpha5",
            "kind: ClusterConfig",
            "managedNodeGroups:",
            "  - name: workers",
            f"    instanceType: {p_type}",
            "    desiredCapacity: 3",
            "    maxSize: 9",
        )
    )
    types = fields(html, catalogue).get("instance_types")
    assert o_type not in str(types) and "9 ×" not in str(types), types


def test_free_on_the_production_host_is_below_the_type_s_memory(catalogue: Catalogue) -> None:
    html = (
        "<h2>Production</h2><p>One r6i.4xlarge (16 vCPU, 128 GiB).</p>"
        + code(
            "sg-prod-01:~$ free -g",
            "              total        used        free      shared  buff/cache   available",
            "Mem:            124          38           9           1          77          84",
            "Swap:             0           0           0",
        )
        + code(
            "sg-stage-01:~$ free -g",
            "              total        used        free      shared  buff/cache   available",
            "Mem:             30          11           4           0          15          18",
        )
    )
    got = fields(html, catalogue)
    assert got.get("instance_types") == ["1 × r6i.4xlarge"]
    assert got.get("total_memory_gb") in (128, None)


@pytest.mark.parametrize("swap", [False, True])
def test_pulumi_program_resources_named_per_environment(catalogue: Catalogue, swap: bool) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = "<h2>index.ts</h2>" + code(
        'const staging = new aws.ec2.Instance("sg-staging", {',
        f'    instanceType: "{o_type}",',
        "    ami: ami.id,",
        "});",
        'const production = new aws.ec2.Instance("sg-production", {',
        f'    instanceType: "{p_type}",',
        "    ami: ami.id,",
        "});",
    )
    assert fields(html, catalogue).get("instance_types") == [f"1 × {p_type}"]


@pytest.mark.parametrize("swap", [False, True])
def test_cdk_constructs_per_stage(catalogue: Catalogue, swap: bool) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    html = "<h2>CDK app</h2>" + code(
        "new SourcegraphStack(app, 'SgDev', {",
        f"  instanceType: '{o_type}',",
        "  nodeCount: 1,",
        "});",
        "new SourcegraphStack(app, 'SgProd', {",
        f"  instanceType: '{p_type}',",
        "  nodeCount: 3,",
        "});",
    )
    assert fields(html, catalogue).get("instance_types") == [f"3 × {p_type}"]


@pytest.mark.parametrize(("prod", "other"), [("prod", "stg"), ("production", "qa"), ("prd", "dev")])
def test_a_listing_s_rows_naming_no_environment_beside_rows_naming_one_are_not_read(
    catalogue: Catalogue, prod: str, other: str
) -> None:
    html = "<h2>Compute</h2><p>openstack server list -c Name -c Flavor -c Status</p>" + code(
        "NAME             FLAVOR          STATUS",
        f"sg-{prod}-1      c6i.8xlarge     ACTIVE",
        f"sg-{prod}-2      c6i.8xlarge     ACTIVE",
        f"sg-{other}-1       c6i.2xlarge     ACTIVE",
        "sg-metrics-1     m6i.large       ACTIVE",
        "sg-ci-1          c6i.4xlarge     ACTIVE",
    )
    assert fields(html, catalogue).get("instance_types") == ["2 × c6i.8xlarge"]


@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize("shape", ["mappings", "resources"])
def test_cloudformation_pascal_case_keys_under_an_environment_s_key(
    catalogue: Catalogue, shape: str, swap: bool
) -> None:
    (p_type, _, _), (o_type, _, _) = _sizes(swap)
    if shape == "mappings":
        block = ["Mappings:", "  EnvSize:", "    staging:", f"      InstanceType: {o_type}"]
        block += ["    production:", f"      InstanceType: {p_type}"]
    else:
        block = ["Resources:", "  SgStagingHost:", "    Type: AWS::EC2::Instance", "    Properties:"]
        block += [f"      InstanceType: {o_type}", "  SgProductionHost:", "    Type: AWS::EC2::Instance"]
        block += ["    Properties:", f"      InstanceType: {p_type}"]
    html = "<h2>template.yaml</h2>" + code(*block)
    assert fields(html, catalogue).get("instance_types") == [f"1 × {p_type}"]
