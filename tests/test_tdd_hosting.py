"""TDD reader: where the deployment runs, read by meaning: a cloud named for a code host or the sign-in
is not the hosting; a platform of the customer's own data centre means on-premises; with no cloud
named, the instance types' shape names it."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from tdd_snippets import read


def test_a_cloud_named_for_the_sign_in_is_no_hosting(catalogue: Catalogue) -> None:
    html = (
        "<p>Sourcegraph runs in our datacenter in Modena, so it is on-premise.</p>"
        "<p>For the login we use the Azure AD of the group (SAML).</p>"
    )
    assert read(html, catalogue)["hosting_provider"] == ["on-premises"]


def test_a_cloud_that_runs_the_deployment_is_named_even_beside_the_sign_in(catalogue: Catalogue) -> None:
    html = "<p>It runs on an AKS cluster; sign-in is through Entra ID.</p>"
    assert read(html, catalogue)["hosting_provider"] == ["Azure"]


@pytest.mark.parametrize(
    "sentence",
    [
        "GitHub Enterprise Server (on-premises appliance): 2,300 repositories",
        "The on-prem GitLab Self-Managed holds 900 repositories.",
    ],
)
def test_a_hosting_word_describing_a_code_host_is_the_hosts(catalogue: Catalogue, sentence: str) -> None:
    html = f"<p>The official Helm chart on Amazon EKS.</p><p>{sentence}</p>"
    assert read(html, catalogue)["hosting_provider"] == ["AWS"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two virtual machines in the Munich data centre (VMware vSphere 8).",
        "Tamarack's own data centre, Hillsboro (vSphere cluster HB-C4).",
        "The VMs are ours, on our own hardware: no cloud is involved.",
        "Kubernetes is RKE2 from Rancher on the group's Hyper-V hosts.",
    ],
)
def test_a_platform_of_the_own_data_centre_is_on_premises(catalogue: Catalogue, sentence: str) -> None:
    assert read(f"<p>{sentence}</p>", catalogue)["hosting_provider"] == ["on-premises"]


def test_a_cloud_named_beats_an_own_platform_word(catalogue: Catalogue) -> None:
    html = "<p>We left VMware last year.</p><p>Production runs on Google Cloud, in a GKE cluster.</p>"
    html += "<p>The nightly backups go to a tape library in the data centre.</p>"
    assert read(html, catalogue)["hosting_provider"] == ["GCP"]


@pytest.mark.parametrize(
    ("machines", "cloud"),
    [
        ("3 × m6i.4xlarge", "AWS"),
        ("3 × n2-highmem-16 and 1 × n2-standard-8", "GCP"),
        ("4 × Standard_D16s_v5", "Azure"),
    ],
)
def test_with_no_cloud_named_the_instance_types_shape_names_it(
    catalogue: Catalogue, machines: str, cloud: str
) -> None:
    assert read(f"<p>Production nodes: {machines}</p>", catalogue)["hosting_provider"] == [cloud]


def test_instance_types_of_two_clouds_name_none(catalogue: Catalogue) -> None:
    found = read("<p>Nodes: 3 × m6i.4xlarge and 2 × n2-standard-8</p>", catalogue)
    assert "hosting_provider" not in found


def test_instance_types_of_a_cloud_beat_a_data_centre_word(catalogue: Catalogue) -> None:
    html = "<p>The data centre team approved the request.</p><p>Nodes: 3 × m6i.4xlarge</p>"
    assert read(html, catalogue)["hosting_provider"] == ["AWS"]


@pytest.mark.parametrize(
    ("region", "cloud"), [("eu-west-2", "AWS"), ("us-gov-west-1", "AWS"), ("europe-west4", "GCP")]
)
def test_with_nothing_else_a_regions_shape_names_the_cloud(
    catalogue: Catalogue, region: str, cloud: str
) -> None:
    html = f"<p>Production is one VM in {region} with 32 vCPU and 128 GB of memory.</p>"
    assert read(html, catalogue)["hosting_provider"] == [cloud]


def test_a_region_does_not_override_an_own_data_centre(catalogue: Catalogue) -> None:
    html = "<p>Sourcegraph runs on vSphere in our data centre.</p><p>Backups are copied to eu-west-1.</p>"
    assert read(html, catalogue)["hosting_provider"] == ["on-premises"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Production runs on three dedicated Hetzner Cloud servers in Falkenstein.",
        "The instance lives on OVHcloud Public Cloud (Gravelines), Docker Compose on one VM.",
        "Hosting: DigitalOcean, one droplet in FRA1.",
    ],
)
def test_a_smaller_public_cloud_is_other_hosting(catalogue: Catalogue, sentence: str) -> None:
    assert read(f"<p>{sentence}</p>", catalogue)["hosting_provider"] == ["other"]
