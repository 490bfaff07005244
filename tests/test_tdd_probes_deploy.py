# ruff: noqa: E501
"""Probes of the deployment fields and of which part of a document is production (one fact each).

Each case is a short TDD body (`<h1>` title added) read through the whole reader and the view a
`handoff tdd` shows: the deployment type, the cloud, the code hosts and the instance URL, written
the ways people write them (Helm on EKS, "k8s", OpenShift, a form's ticked box, a transcript's
turns; code hosts by product, by short name, by address; URLs with pages, ports, credentials), and
two- or three-part documents whose production is not called "production" (live, prod-eu, "the
customer instance", a code name, "the real one") beside a trial, a POC, staging, DR, an old
instance or a migration's source, as headings, table columns, speaker turns, mail replies, dated
updates and footnotes. `want` gives the value each named field must have (None: the field must be
absent; code hosts compared as a set). Cases marked `_known` are gaps the reader still has
(`strict`: the day one is read right, the mark must go).
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import html_document, read_document
from handoff.validate.tdd_view import tdd_fields
from tdd_snippets import paragraph

Doc = str | dict[str, Any]  # an HTML body, or a Docs API document (`_tabs`)


def _case(id_: str, html: Doc, want: dict[str, Any]) -> Any:
    return pytest.param(html, want, id=id_)


def _known(id_: str, html: Doc, want: dict[str, Any]) -> Any:
    return pytest.param(html, want, id=id_, marks=pytest.mark.xfail(strict=True, reason="a gap still open"))


def _tabs(*tabs: tuple[Any, ...]) -> dict[str, Any]:
    """A Docs API document of tabs: each (title, [paragraph text, …]) or (title, [text, …], [child tab, …])."""

    def tab(key: str, spec: tuple[Any, ...]) -> dict[str, Any]:
        title, texts, *children = spec
        out: dict[str, Any] = {
            "tabProperties": {"tabId": f"t.{key}", "title": title},
            "documentTab": {"body": {"content": [paragraph(text) for text in texts]}},
        }
        if children:
            out["childTabs"] = [tab(f"{key}.{i}", c) for i, c in enumerate(children[0])]
        return out

    return {"title": "Sourcegraph TDD", "tabs": [tab(str(i), t) for i, t in enumerate(tabs)]}


# fmt: off
CASES = [
    _case('dt-helm-eks', '<h2>Production</h2><p>We run Sourcegraph with the Helm chart on EKS.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('dt-compose-one-vm', '<h2>Production</h2><p>Deployed via docker compose on a single VM in our own datacenter.</p>', {'deployment_type': 'Docker Compose', 'hosting_provider': 'on-premises'}),
    _case('dt-kustomize-gke', '<h2>Production</h2><p>Kustomize overlays, applied to a GKE cluster.</p>', {'deployment_type': 'Kubernetes with Kustomize', 'hosting_provider': 'GCP'}),
    _case('dt-k8s-bare', '<h2>Production</h2><p>Deployment: k8s (helm)</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('dt-openshift', '<h2>Production</h2><p>Platform: OpenShift 4.14 on-prem, installed from the Helm chart.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'on-premises'}),
    _case('dt-aks-helm', '<h2>Production</h2><p>Runs on AKS, deployed with helm upgrade --install.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'Azure'}),
    _case('dt-label-compose', '<h2>Production</h2><p>Deployment method: Docker Compose</p>', {'deployment_type': 'Docker Compose'}),
    _case('dt-label-dash', '<h2>Production</h2><p>Deployment type — docker-compose (single host)</p>', {'deployment_type': 'Docker Compose'}),
    _case('dt-table', '<h2>Production</h2><table><tr><td><p>Deployment type</p></td><td><p>Kubernetes (Kustomize)</p></td></tr><tr><td><p>Cloud</p></td><td><p>Azure</p></td></tr></table>', {'deployment_type': 'Kubernetes with Kustomize', 'hosting_provider': 'Azure'}),
    _case('dt-table-cols', '<h2>Production</h2><table><tr><th><p>Deployment</p></th><th><p>Provider</p></th></tr><tr><td><p>Kubernetes + Helm</p></td><td><p>AWS</p></td></tr></table>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('dt-ami', '<h2>Production</h2><p>Installed from the Sourcegraph AMI on one EC2 instance.</p>', {'deployment_type': 'Machine image (AWS AMI / Azure / GCE)', 'hosting_provider': 'AWS'}),
    _case('dt-azure-image', '<h2>Production</h2><p>Deployment: Azure VM image (Sourcegraph machine image)</p>', {'deployment_type': 'Machine image (AWS AMI / Azure / GCE)', 'hosting_provider': 'Azure'}),
    _case('dt-gce-image', '<h2>Production</h2><p>We used the GCE machine image from the marketplace; the VM lives in europe-west4.</p>', {'deployment_type': 'Machine image (AWS AMI / Azure / GCE)', 'hosting_provider': 'GCP'}),
    _case('dt-cloud-managed', '<h2>Production</h2><p>Sourcegraph Cloud (managed by Sourcegraph), dedicated instance.</p>', {'deployment_type': 'Sourcegraph Cloud'}),
    _case('dt-single-trial-distractor', '<h2>Trial</h2><p>Single docker container on a laptop.</p><h2>Production</h2><p>Helm on EKS.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('dt-single-prod', '<h2>Production</h2><p>Deployment: sourcegraph/server single container on one VM (small team, 40 users).</p>', {'deployment_type': 'Single container'}),
    _case('dt-compose-bullet', '<h2>Production</h2><ul><li>Deployment<ul><li>docker compose, one host</li></ul></li></ul>', {'deployment_type': 'Docker Compose'}),
    _case('dt-helm-values', '<h2>Production</h2><p>Helm release <code>sourcegraph</code> in namespace <code>sg</code>, values in our infra repo.</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('dt-kustomize-argocd', '<h2>Production</h2><p>ArgoCD syncs our kustomize overlay (deploy-sourcegraph-k8s) into the cluster.</p>', {'deployment_type': 'Kubernetes with Kustomize'}),
    _case('dt-nomad', '<h2>Production</h2><p>Deployment: HashiCorp Nomad job running the sourcegraph containers.</p>', {'deployment_type': None}),
    _case('dt-migrate-compose-to-helm', '<h2>Production</h2><p>Deployment: Helm on EKS (moved from docker compose in 2023).</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('dt-planned-helm', '<h2>Production</h2><p>Deployment: Docker Compose today; a move to Helm is planned for next year.</p>', {'deployment_type': 'Docker Compose'}),
    _case('dt-transcript', "<h2>Production</h2><p><b>Dana (customer):</b> So we're on compose, well, docker compose on one big box.</p><p><b>Lee (Sourcegraph):</b> Got it, compose.</p>", {'deployment_type': 'Docker Compose'}),
    _case('dt-self-correct', "<h2>Production</h2><p><b>Ravi:</b> We deploy with kustomize — sorry, no, it's the helm chart, we switched.</p>", {'deployment_type': 'Kubernetes with Helm'}),
    _case('dt-form-tick', '<h2>Production</h2><p>Deployment type: ☐ Docker Compose ☒ Kubernetes (Helm) ☐ Kustomize ☐ AMI</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('dt-form-x', '<h2>Production</h2><p>Deployment: [ ] Compose [x] Kustomize [ ] Helm</p>', {'deployment_type': 'Kubernetes with Kustomize'}),
    _case('dt-non-native', '<h2>Production</h2><p>Deploy is make by helm chart in kubernetes cluster of the AWS.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('dt-k8s-manifests', '<h2>Production</h2><p>Deployed to Kubernetes using the deploy-sourcegraph-k8s manifests with kustomize components.</p>', {'deployment_type': 'Kubernetes with Kustomize'}),
    _case('dt-compose-ec2', '<h2>Production</h2><p>Docker Compose on a single m6i.4xlarge EC2 instance.</p>', {'deployment_type': 'Docker Compose', 'hosting_provider': 'AWS'}),
    _known('dt-option-not-taken', '<h2>Production</h2><p>We considered Kustomize but chose Helm.</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('dt-helm-chart-version', '<h2>Production</h2><p>Helm chart 5.3.1 (sourcegraph/sourcegraph), Kubernetes 1.29.</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('dt-eks-only', '<h2>Production</h2><p>Hosted on an EKS cluster in us-east-1.</p>', {'hosting_provider': 'AWS'}),
    _case('dt-compose-dr', '<h2>Production</h2><p>Deployment: Helm (EKS).</p><p>DR copy: docker compose on a VM in another region.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('dt-caps', '<h2>Production</h2><p>DEPLOYMENT: KUBERNETES / HELM</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('dt-slash', '<h2>Production</h2><p>Deployment: K8s/Helm on GKE Autopilot</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'GCP'}),
    _case('hp-aws-words', '<h2>Production</h2><p>Everything runs in our Amazon Web Services account (eu-central-1).</p>', {'hosting_provider': 'AWS'}),
    _case('hp-gcp-words', '<h2>Production</h2><p>Hosting: Google Cloud (project sg-prod).</p>', {'hosting_provider': 'GCP'}),
    _case('hp-azure-words', '<h2>Production</h2><p>Cloud provider: Microsoft Azure, West Europe region.</p>', {'hosting_provider': 'Azure'}),
    _case('hp-onprem-vmware', "<h2>Production</h2><p>Hosted on VMware vSphere in the customer's own data centre.</p>", {'hosting_provider': 'on-premises'}),
    _case('hp-onprem-label', '<h2>Production</h2><p>Hosting provider: on-prem (bare metal)</p>', {'hosting_provider': 'on-premises'}),
    _case('hp-hetzner', '<h2>Production</h2><p>Hosted on: Hetzner Cloud, Falkenstein.</p>', {'hosting_provider': 'other'}),
    _case('hp-oci', '<h2>Production</h2><p>Provider: Oracle Cloud Infrastructure (OCI), Frankfurt.</p>', {'hosting_provider': 'other'}),
    _case('hp-region-only', '<h2>Production</h2><p>Region: us-west-2</p><p>Instance types: 3 × m6i.4xlarge</p>', {'hosting_provider': 'AWS'}),
    _case('hp-staging-gcp', '<h2>Staging</h2><p>Cloud: GCP</p><h2>Production</h2><p>Cloud: AWS</p>', {'hosting_provider': 'AWS'}),
    _case('hp-migrating', '<h2>Production</h2><p>Hosting: Azure (migrating to AWS in Q3 2027).</p>', {'hosting_provider': 'Azure'}),
    _case('hp-was', '<h2>Production</h2><p>Hosting: AWS (previously on-prem).</p>', {'hosting_provider': 'AWS'}),
    _case('hp-s3-only', '<h2>Production</h2><p>Hosting: on-premises. Backups are copied to an S3 bucket nightly.</p>', {'hosting_provider': 'on-premises'}),
    _case('hp-digitalocean', '<h2>Production</h2><p>It lives on DigitalOcean droplets.</p>', {'hosting_provider': 'other'}),
    _case('hp-aws-gov', '<h2>Production</h2><p>Cloud: AWS GovCloud (US-West).</p>', {'hosting_provider': 'AWS'}),
    _case('hp-ibm', '<h2>Production</h2><p>Provider — IBM Cloud (Red Hat OpenShift on IBM Cloud).</p>', {'hosting_provider': 'other'}),
    _case('ch-ghes-url', '<h2>Production</h2><p>Code host: https://github.example.com (GitHub Enterprise Server 3.12)</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-ghe-url-only', '<h2>Production</h2><p>Code host: github.acme-corp.com</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-gitlab-selfmanaged', '<h2>Production</h2><p>Code host: gitlab.internal.acme.io (self-managed GitLab 16.9)</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-gitlab-com', '<h2>Production</h2><p>Code hosts: gitlab.com (SaaS) for all product teams.</p>', {'code_hosts': ['GitLab.com']}),
    _case('ch-bitbucket-dc', '<h2>Production</h2><p>SCM: Bitbucket Data Center 8.9</p>', {'code_hosts': ['Bitbucket Server / Data Center']}),
    _case('ch-bitbucket-org', '<h2>Production</h2><p>Source control: bitbucket.org workspace acme</p>', {'code_hosts': ['Bitbucket Cloud']}),
    _case('ch-ado', '<h2>Production</h2><p>Repositories live in Azure DevOps (dev.azure.com/acme).</p>', {'code_hosts': ['Azure DevOps']}),
    _case('ch-tfs', '<h2>Production</h2><p>Code host: TFS 2018 on-prem</p>', {'code_hosts': ['Azure DevOps']}),
    _case('ch-gerrit', '<h2>Production</h2><p>Code host: Gerrit (gerrit.acme.net)</p>', {'code_hosts': ['Gerrit']}),
    _case('ch-perforce', '<h2>Production</h2><p>Code hosts: Perforce Helix Core, and GitHub Enterprise Cloud for newer services.</p>', {'code_hosts': ['Perforce', 'GitHub.com']}),
    _case('ch-two-list', '<h2>Production</h2><p>Code hosts: GitHub Enterprise Server, GitLab Self-Managed</p>', {'code_hosts': ['GitHub Enterprise Server', 'GitLab Self-Managed']}),
    _case('ch-bullets', '<h2>Production</h2><p>Code hosts:</p><ul><li>GitHub.com (org acme)</li><li>Bitbucket Server (legacy, 300 repos)</li></ul>', {'code_hosts': ['GitHub.com', 'Bitbucket Server / Data Center']}),
    _case('ch-gitea', '<h2>Production</h2><p>Code host: a self-hosted Gitea</p>', {'code_hosts': ['Other Git']}),
    _case('ch-codecommit', '<h2>Production</h2><p>Code host: AWS CodeCommit</p>', {'code_hosts': ['AWS CodeCommit']}),
    _case('ch-helm-from-github', '<h2>Production</h2><p>Code hosts: GitLab Self-Managed. The Helm chart itself comes from GitHub.com.</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-helm-from-github-label', '<h2>Production</h2><p>Code host: Bitbucket Server (chart pulled from github.com/sourcegraph/deploy-sourcegraph-helm)</p>', {'code_hosts': ['Bitbucket Server / Data Center']}),
    _case('ch-planned', '<h2>Production</h2><p>Code hosts: GitHub Enterprise Server; GitLab to be connected next quarter.</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-not-connected', '<h2>Production</h2><p>Code hosts: GitHub.com. Their Bitbucket Server is not connected.</p>', {'code_hosts': ['GitHub.com']}),
    _case('ch-ghes-product', '<h2>Production</h2><p>Code host: GitHub Enterprise (self-hosted appliance)</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-ghec', '<h2>Production</h2><p>Code host: GitHub Enterprise Cloud (acme-enterprise)</p>', {'code_hosts': ['GitHub.com']}),
    _case('ch-ghes-and-ghec', '<h2>Production</h2><p>Sourcegraph indexes 300 repositories from GitHub Enterprise Server and GitHub Enterprise Cloud.</p>', {'code_hosts': ['GitHub Enterprise Server', 'GitHub.com']}),
    _case('ch-table', '<h2>Production</h2><table><tr><th><p>Code host</p></th><th><p>Repositories</p></th></tr><tr><td><p>GitHub Enterprise Server</p></td><td><p>4,200</p></td></tr><tr><td><p>GitLab Self-Managed</p></td><td><p>800</p></td></tr></table>', {'code_hosts': ['GitHub Enterprise Server', 'GitLab Self-Managed']}),
    _case('ch-sentence', '<h2>Production</h2><p>All 3,100 repositories are on their GitLab instance at gitlab.acme.de.</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-stash', '<h2>Production</h2><p>Code host: Stash (old name, Bitbucket Server 7)</p>', {'code_hosts': ['Bitbucket Server / Data Center']}),
    _case('ch-ci-distractor', '<h2>Production</h2><p>Code host: GitHub Enterprise Server. CI runs on Jenkins and GitLab runners.</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-issues-jira', '<h2>Production</h2><p>Code host: Bitbucket Cloud; issues in Jira.</p>', {'code_hosts': ['Bitbucket Cloud']}),
    _case('ch-mirror-distractor', '<h2>Production</h2><p>Code host: GitLab Self-Managed (a read-only mirror on GitHub.com is not indexed).</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-trial-section', '<h2>Trial</h2><p>Code host: GitHub.com</p><h2>Production</h2><p>Code host: GitHub Enterprise Server</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _known('ch-transcript', '<h2>Production</h2><p><b>Mia:</b> Where do your repos live?</p><p><b>Tom (Acme):</b> Mostly Bitbucket, the data center edition, plus a few on GitHub dot com.</p>', {'code_hosts': ['Bitbucket Server / Data Center', 'GitHub.com']}),
    _case('ch-perforce-p4', '<h2>Production</h2><p>Code host: P4 (perforce.acme.local:1666)</p>', {'code_hosts': ['Perforce']}),
    _known('ch-plain-git', '<h2>Production</h2><p>Code host: plain git over ssh (git.acme.internal)</p>', {'code_hosts': ['Other Git']}),
    _case('ch-azure-repos', '<h2>Production</h2><p>SCM — Azure Repos</p>', {'code_hosts': ['Azure DevOps']}),
    _case('ch-ghe-url-path', '<h2>Production</h2><p>Code host URL: https://ghe.corp.acme.com/api/v3</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-gitlab-url', '<h2>Production</h2><p>Code host: https://gitlab.acme.com</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-bb-url', '<h2>Production</h2><p>Code host: https://bitbucket.acme.com</p>', {'code_hosts': ['Bitbucket Server / Data Center']}),
    _case('ch-github-url-public', '<h2>Production</h2><p>Code host: https://github.com/acme</p>', {'code_hosts': ['GitHub.com']}),
    _case('ch-docs-on-github', '<h2>Production</h2><p>Code host: Azure DevOps. Our runbooks are kept on GitHub.com.</p>', {'code_hosts': ['Azure DevOps']}),
    _case('ch-sso-github', '<h2>Production</h2><p>Code host: GitLab Self-Managed. Sign-in uses Okta.</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-migrated-away', '<h2>Production</h2><p>Code host: GitHub Enterprise Cloud (migrated from Bitbucket Server in 2024).</p>', {'code_hosts': ['GitHub.com']}),
    _case('ch-form', '<h2>Production</h2><p>Code hosts (tick all): ☒ GitHub ☐ GitLab ☒ Bitbucket Server ☐ Azure DevOps</p>', {'code_hosts': ['GitHub.com', 'Bitbucket Server / Data Center']}),
    _case('url-plain', '<h2>Production</h2><p>Instance URL: https://sourcegraph.acme.com</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-search-path', '<h2>Production</h2><p>Instance URL: https://sourcegraph.acme.com/search</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-search-query', '<h2>Production</h2><p>URL: https://sg.acme.io/search?q=context:global+repo:foo</p>', {'instance_url': 'https://sg.acme.io'}),
    _case('url-port', '<h2>Production</h2><p>Sourcegraph URL: https://sourcegraph.acme.internal:8443</p>', {'instance_url': 'https://sourcegraph.acme.internal:8443'}),
    _case('url-creds', '<h2>Production</h2><p>Instance URL: https://admin:S3cret@sourcegraph.acme.com</p>', {'instance_url': None}),
    _case('url-no-scheme', '<h2>Production</h2><p>Instance: sourcegraph.acme.com</p>', {'instance_url': None}),
    _case('url-sentence', '<h2>Production</h2><p>Users reach it at https://code.acme.com.</p>', {'instance_url': 'https://code.acme.com'}),
    _case('url-old-new', '<h2>Production</h2><p>URL: https://sourcegraph.acme.com (old: https://sg-old.acme.com, redirects)</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _known('url-redirect', '<h2>Production</h2><p>https://sg.acme.com redirects to the real instance at https://sourcegraph.acme.com.</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-trial-section', '<h2>Trial</h2><p>URL: https://acme-trial.sourcegraph.com</p><h2>Production</h2><p>URL: https://sourcegraph.acme.com</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-staging-line', '<h2>Production</h2><p>URL: https://sourcegraph.acme.com (staging: https://sourcegraph-staging.acme.com)</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-internal-public', '<h2>Production</h2><p>Instance URL: https://sourcegraph.acme.com (internal LB: http://10.2.3.4:3080)</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-cloud', '<h2>Production</h2><p>Instance: https://acme.sourcegraphcloud.com</p>', {'instance_url': 'https://acme.sourcegraphcloud.com'}),
    _case('url-grafana-distractor', '<h2>Production</h2><p>Instance URL: https://sourcegraph.acme.com. Grafana at https://sourcegraph.acme.com/-/debug/grafana.</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _known('url-site-admin', '<h2>Production</h2><p>Site admin: https://sourcegraph.acme.com/site-admin</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-table', '<h2>Production</h2><table><tr><td><p>Instance URL</p></td><td><p>https://sg.prod.acme.net</p></td></tr><tr><td><p>Deployment</p></td><td><p>Helm</p></td></tr></table>', {'instance_url': 'https://sg.prod.acme.net', 'deployment_type': 'Kubernetes with Helm'}),
    _case('url-code-host-not', '<h2>Production</h2><p>Code host: https://github.acme.com</p>', {'instance_url': None}),
    _case('url-docs-not', '<h2>Production</h2><p>See https://docs.sourcegraph.com/admin/deploy for the guide.</p>', {'instance_url': None}),
    _case('url-jira-not', '<h2>Production</h2><p>Ticket: https://acme.atlassian.net/browse/SG-123</p>', {'instance_url': None}),
    _case('url-angle', '<h2>Production</h2><p>URL: &lt;https://sourcegraph.acme.com/&gt;</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-http', '<h2>Production</h2><p>Instance URL: http://sourcegraph.corp.local</p>', {'instance_url': 'http://sourcegraph.corp.local'}),
    _case('url-new-planned', '<h2>Production</h2><p>URL: https://sourcegraph.acme.com (will move to https://code.acme.com in 2027)</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-transcript', '<h2>Production</h2><p><b>Ana:</b> And the URL? <b>Ben:</b> sourcegraph dot acme dot com — https://sourcegraph.acme.com.</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-repo-path', '<h2>Production</h2><p>Instance URL: https://sourcegraph.acme.com/github.com/acme/api</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-path-prefix', '<h2>Production</h2><p>Instance URL: https://tools.acme.com/sourcegraph</p>', {'instance_url': 'https://tools.acme.com'}),
    _case('url-token', '<h2>Production</h2><p>URL: https://sourcegraph.acme.com?token=abc123</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-dr', '<h2>Production</h2><p>URL: https://sourcegraph.acme.com</p><p>DR URL: https://sourcegraph-dr.acme.com</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-bullet', '<h2>Production</h2><ul><li>Instance<ul><li>https://search.acme.dev</li></ul></li></ul>', {'instance_url': 'https://search.acme.dev'}),
    _case('url-trailing-slash', '<h2>Production</h2><p>External URL: https://sourcegraph.acme.com/</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-live-vs-trial', '<h2>Trial (Jan)</h2><p>Deployment: single docker container</p><p>URL: https://sg-trial.acme.com</p><h2>Live</h2><p>Deployment: Helm on EKS</p><p>URL: https://sourcegraph.acme.com</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-prod-eu-vs-poc', '<h2>POC</h2><p>Docker Compose on GCP, code host GitHub.com</p><h2>prod-eu</h2><p>Kustomize on AKS; code host Azure DevOps</p>', {'deployment_type': 'Kubernetes with Kustomize', 'hosting_provider': 'Azure', 'code_hosts': ['Azure DevOps']}),
    _case('sec-customer-instance', '<h2>Our sandbox</h2><p>Compose on a VM in AWS, https://sandbox.sgdev.org</p><h2>The customer instance</h2><p>Helm on GKE, https://sourcegraph.acme.com</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'GCP', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-codename', '<p>Two environments exist. Falcon is the production environment; Sparrow is the evaluation box.</p><h2>Sparrow</h2><p>Deployment: Docker Compose</p><p>URL: https://sparrow.acme.com</p><h2>Falcon</h2><p>Deployment: Helm</p><p>URL: https://falcon.acme.com</p>', {'deployment_type': 'Kubernetes with Helm', 'instance_url': 'https://falcon.acme.com'}),
    _case('sec-real-one', '<h2>Test instance</h2><p>Compose, https://sg-test.acme.com</p><h2>The real one</h2><p>Helm on EKS, https://sourcegraph.acme.com</p>', {'deployment_type': 'Kubernetes with Helm', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-staging-first', '<h2>Staging</h2><p>Cloud: Azure</p><p>Deployment: Kustomize</p><h2>Prod</h2><p>Cloud: Azure</p><p>Deployment: Helm</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'Azure'}),
    _case('sec-dr', '<h2>Primary</h2><p>Helm on EKS (us-east-1), https://sourcegraph.acme.com</p><h2>Disaster recovery</h2><p>Docker Compose on-prem, https://sg-dr.acme.com</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sourcegraph.acme.com'}),
    _known('sec-old-instance', '<h2>Old instance (decommissioned)</h2><p>Docker Compose, on-prem, https://sg.acme.local, Bitbucket Server</p><h2>New instance</h2><p>Helm, AWS, https://sourcegraph.acme.com, GitHub Enterprise Cloud</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sourcegraph.acme.com', 'code_hosts': ['GitHub.com']}),
    _known('sec-migration-source', '<h2>Migration</h2><p>Source: Docker Compose on VMware (https://sg.acme.corp). Target: Helm on AKS (https://sourcegraph.acme.com).</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'Azure', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-table-cols', '<table><tr><th><p></p></th><th><p>POC</p></th><th><p>Production</p></th></tr><tr><td><p>Deployment</p></td><td><p>Docker Compose</p></td><td><p>Helm</p></td></tr><tr><td><p>Cloud</p></td><td><p>AWS</p></td><td><p>GCP</p></td></tr><tr><td><p>URL</p></td><td><p>https://sg-poc.acme.com</p></td><td><p>https://sourcegraph.acme.com</p></td></tr></table>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'GCP', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-table-cols-live', '<table><tr><th><p></p></th><th><p>Live</p></th><th><p>Evaluation</p></th></tr><tr><td><p>Deployment</p></td><td><p>Kustomize</p></td><td><p>Helm</p></td></tr><tr><td><p>Provider</p></td><td><p>Azure</p></td><td><p>Azure</p></td></tr><tr><td><p>URL</p></td><td><p>https://sg.acme.com</p></td><td><p>https://sg-eval.acme.com</p></td></tr></table>', {'deployment_type': 'Kubernetes with Kustomize', 'hosting_provider': 'Azure', 'instance_url': 'https://sg.acme.com'}),
    _case('sec-table-rows', '<table><tr><th><p>Environment</p></th><th><p>Deployment</p></th><th><p>URL</p></th></tr><tr><td><p>Staging</p></td><td><p>Helm</p></td><td><p>https://sg-stg.acme.com</p></td></tr><tr><td><p>Production</p></td><td><p>Helm</p></td><td><p>https://sourcegraph.acme.com</p></td></tr></table>', {'deployment_type': 'Kubernetes with Helm', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-mail-reply', '<p>On Tue, Lee wrote:</p><blockquote><p>&gt; Is the trial still docker compose on a single VM?</p></blockquote><p>Yes the trial is. Production will be (and now is) Helm on EKS at https://sourcegraph.acme.com.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-dated-updates', '<h2>Update 2026-03-02</h2><p>Trial running: docker compose on a t3.2xlarge.</p><h2>Update 2026-05-20</h2><p>Production is live: Helm on EKS, https://sourcegraph.acme.com.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-transcript-env', "<p><b>SE:</b> what's the trial running on?</p><p><b>Customer:</b> The trial is compose on a laptop basically.</p><p><b>SE:</b> and production?</p><p><b>Customer:</b> Production is Helm on AKS.</p>", {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'Azure'}),
    _case('sec-footnote-trial', "<h2>Production</h2><p>Deployment: Helm on EKS<sup><a href='#ftnt1' id='ftnt_ref1'>[1]</a></sup></p><hr><div><p><a href='#ftnt_ref1' id='ftnt1'>[1]</a> The trial ran on Docker Compose on GCP.</p></div>", {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('sec-no-heading-prose', '<p>The trial was a single container on a laptop. Production runs on EKS with Helm.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('sec-nonprod-only', '<h2>Staging</h2><p>Deployment: Helm on GKE</p><p>URL: https://sg-staging.acme.com</p>', {'deployment_type': None, 'instance_url': None}),
    _case('sec-poc-only', '<h2>Proof of concept</h2><p>Docker Compose on AWS; code host GitHub.com; https://poc.acme.com</p>', {'deployment_type': None, 'hosting_provider': None, 'instance_url': None, 'code_hosts': None}),
    _case('sec-qa-env', '<h2>QA environment</h2><p>Deployment: Kustomize</p><h2>PRD</h2><p>Deployment: Helm</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('sec-uat', '<h2>UAT</h2><p>URL: https://sg-uat.acme.com</p><h2>PROD</h2><p>URL: https://sg.acme.com</p>', {'instance_url': 'https://sg.acme.com'}),
    _case('sec-pre-prod', '<h2>Pre-production</h2><p>Cloud: GCP</p><h2>Production</h2><p>Cloud: AWS</p>', {'hosting_provider': 'AWS'}),
    _case('sec-bullets-envs', '<ul><li>Trial<ul><li>Docker Compose, https://trial.acme.com</li></ul></li><li>Production<ul><li>Helm on EKS, https://sourcegraph.acme.com</li></ul></li></ul>', {'deployment_type': 'Kubernetes with Helm', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-inline-envs', '<p>Deployment: Helm (production); Docker Compose (staging).</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('sec-inline-envs2', '<p>URLs: prod https://sourcegraph.acme.com, dev https://sg-dev.acme.com</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-inline-envs3', '<p>Cloud: AWS for production, GCP for the DR copy.</p>', {'hosting_provider': 'AWS'}),
    _case('sec-trial-then-prod-noheads', '<p>During the trial we used https://acme.sourcegraph.com (Sourcegraph Cloud trial). For production they self-host: Helm on EKS at https://sourcegraph.acme.com.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-h3-under-prod', '<h2>Production</h2><h3>Infrastructure</h3><p>Helm on EKS</p><h2>Staging</h2><h3>Infrastructure</h3><p>Kustomize on GKE</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('sec-prod-later-in-doc', '<h2>Environment A (non-production)</h2><p>Deployment: Docker Compose; URL https://a.acme.com</p><h2>Environment B (production)</h2><p>Deployment: Helm; URL https://b.acme.com</p>', {'deployment_type': 'Kubernetes with Helm', 'instance_url': 'https://b.acme.com'}),
    _case('sec-live-prose', '<p>The live instance is https://sourcegraph.acme.com; the sandbox is https://sandbox.acme.com.</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-blue-green', '<h2>Production</h2><p>Helm on EKS, https://sourcegraph.acme.com. A second cluster (green) is kept for upgrades.</p>', {'deployment_type': 'Kubernetes with Helm', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec-hosts-trial-prod-table', '<table><tr><th><p>Item</p></th><th><p>Trial</p></th><th><p>Production</p></th></tr><tr><td><p>Code hosts</p></td><td><p>GitHub.com</p></td><td><p>GitHub Enterprise Server, Bitbucket Server</p></td></tr></table>', {'code_hosts': ['GitHub Enterprise Server', 'Bitbucket Server / Data Center']}),
    _case('sec-callout-trial', '<h2>Production</h2><p>Deployment: Helm</p><table><tr><td><p>Note: the trial used Docker Compose on Azure.</p></td></tr></table><p>Cloud: AWS</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('url-creds-path', '<h2>Production</h2><p>URL: https://ci-bot:ghp_abcdef123@sourcegraph.acme.com/search</p>', {'instance_url': None}),
    _case('url-creds-prose', '<h2>Production</h2><p>Reach it at https://admin:S3cret@sg.acme.com (shared admin account).</p>', {'instance_url': None}),
    _case('url-g-port-path', '<h2>Production</h2><p>Instance URL: https://sg.acme.co.uk:8443/site-admin/configuration</p>', {'instance_url': 'https://sg.acme.co.uk:8443'}),
    _case('url-g-fragment', '<h2>Production</h2><p>External URL: https://sourcegraph.acme.com/#readme</p>', {'instance_url': 'https://sourcegraph.acme.com'}),
    _case('url-g-table-path', '<h2>Production</h2><table><tr><td><p>Sourcegraph URL</p></td><td><p>https://code.acme.io/search</p></td></tr><tr><td><p>Hosting</p></td><td><p>GCP</p></td></tr></table>', {'instance_url': 'https://code.acme.io', 'hosting_provider': 'GCP'}),
    _case('url-g-prose-path', '<h2>Production</h2><p>Engineers reach it at https://search.acme.dev/search?q=foo.</p>', {'instance_url': 'https://search.acme.dev'}),
    _case('ch-g-terraform', '<h2>Production</h2><p>Code host: Azure DevOps Services — our Terraform lives on GitLab.com.</p>', {'code_hosts': ['Azure DevOps']}),
    _case('ch-g-sso', '<h2>Production</h2><p>SCM: Bitbucket Data Center (SSO through GitHub Enterprise Cloud)</p>', {'code_hosts': ['Bitbucket Server / Data Center']}),
    _case('ch-g-values-only', '<h2>Production</h2><p>Code hosts: GitLab Self-Managed (all code) and GitHub.com (Helm values only)</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-g-chart-url', '<h2>Production</h2><p>Code host: GitLab Self-Managed</p><p>Helm chart: https://github.com/sourcegraph/deploy-sourcegraph-helm</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-g-issue-link', '<h2>Production</h2><p>Code host: Gerrit. See https://github.com/sourcegraph/sourcegraph/issues/123 for the bug.</p>', {'code_hosts': ['Gerrit']}),
    _case('ch-g-ghes-host', '<h2>Production</h2><p>Code host: ghes.acme.internal</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-g-two-hosts', '<h2>Production</h2><p>Code hosts: github.acme.com and bitbucket.acme.com</p>', {'code_hosts': ['GitHub Enterprise Server', 'Bitbucket Server / Data Center']}),
    _case('ch-g-repos-live-on', '<h2>Production</h2><p>Our 800 repositories live on gitlab.corp.example.org.</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-g-refine-gh', '<h2>Production</h2><p>Code host: GitHub (https://github.acme-corp.net)</p>', {'code_hosts': ['GitHub Enterprise Server']}),
    _case('ch-g-refine-bb', '<h2>Production</h2><p>Code host: Bitbucket, at https://stash.acme.com</p>', {'code_hosts': ['Bitbucket Server / Data Center']}),
    _case('ch-g-public-gitlab', '<h2>Production</h2><p>Code host: https://gitlab.com/acme-group</p>', {'code_hosts': ['GitLab.com']}),
    _case('ch-g-ado-url', '<h2>Production</h2><p>Code host: https://dev.azure.com/acme/</p>', {'code_hosts': ['Azure DevOps']}),
    _case('ch-g-moved-off', '<h2>Production</h2><p>Code hosts: GitLab Self-Managed (moved off Perforce in 2023)</p>', {'code_hosts': ['GitLab Self-Managed']}),
    _case('ch-g-used-to', '<h2>Production</h2><p>The repos used to be on Bitbucket Server; since March all 1,400 repositories are on GitHub Enterprise Cloud.</p>', {'code_hosts': ['GitHub.com']}),
    _case('ch-g-formerly', '<h2>Production</h2><p>Code host: GitHub.com (formerly GitLab.com)</p>', {'code_hosts': ['GitHub.com']}),
    _known('ch-g-still-there', '<h2>Production</h2><p>About 300 repos were migrated from GitLab Self-Managed to GitHub.com; the other 1,200 are still on GitLab.</p>', {'code_hosts': ['GitLab Self-Managed', 'GitHub.com']}),
    _case('sec2-live-cpu', '<h2>Pilot</h2><p>1 × m6i.2xlarge, 8 vCPU, 32 GB</p><h2>Live</h2><p>3 × m6i.4xlarge, 48 vCPU, 192 GB</p>', {'total_cpu': 48, 'total_memory_gb': 192, 'instance_types': ['3 × m6i.4xlarge']}),
    _case('sec2-prod-eu-us', '<h2>prod-eu</h2><p>Helm on EKS eu-west-1, https://sg.eu.acme.com</p><h2>sandbox-us</h2><p>Compose, https://sg-sbx.acme.com</p>', {'deployment_type': 'Kubernetes with Helm', 'instance_url': 'https://sg.eu.acme.com'}),
    _case('sec2-trial-after', '<h2>Production</h2><p>Repositories: 4,200</p><p>Users: 1,500</p><h2>Trial</h2><p>Repositories: 300</p><p>Users: 40</p>', {'repositories': 4200, 'max_users': 1500}),
    _case('sec2-dr-users', '<h2>Primary site</h2><p>48 vCPU, 2,000 users</p><h2>DR site (warm standby)</h2><p>16 vCPU</p>', {'total_cpu': 48}),
    _case('sec2-old-vs-new-repos', '<h2>Old instance (to be retired)</h2><p>Repositories: 900; URL https://sg-old.acme.com</p><h2>New instance</h2><p>Repositories: 2,300; URL https://sourcegraph.acme.com</p>', {'repositories': 2300, 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec2-codename-table', '<p>Orion = production, Vega = staging.</p><table><tr><th><p></p></th><th><p>Orion</p></th><th><p>Vega</p></th></tr><tr><td><p>Deployment</p></td><td><p>Helm</p></td><td><p>Kustomize</p></td></tr><tr><td><p>vCPU</p></td><td><p>64</p></td><td><p>16</p></td></tr></table>', {'deployment_type': 'Kubernetes with Helm', 'total_cpu': 64}),
    _known('sec2-columns-customer', '<table><tr><th><p></p></th><th><p>Customer instance</p></th><th><p>Our trial</p></th></tr><tr><td><p>Cloud</p></td><td><p>AWS</p></td><td><p>GCP</p></td></tr><tr><td><p>URL</p></td><td><p>https://sg.acme.com</p></td><td><p>https://acme-trial.sourcegraph.app</p></td></tr></table>', {'hosting_provider': 'AWS', 'instance_url': 'https://sg.acme.com'}),
    _case('sec2-transcript-turns', '<p><b>Priya (SE):</b> For the POC we gave you 8 cores.</p><p><b>Jon (Acme):</b> Right, and prod has 64 vCPU across four nodes, on GKE.</p>', {'total_cpu': 64, 'hosting_provider': 'GCP'}),
    _case('sec2-mail-quoted-old', '<p>Hi team, correction below: production is on Azure (AKS), not AWS.</p><blockquote><p>&gt; Production: AWS (EKS)</p></blockquote>', {'hosting_provider': 'Azure'}),
    _case('sec2-dated-newest', '<p><b>12 May:</b> Trial extended; still on Docker Compose.</p><p><b>3 June:</b> Production deployed with Helm on AKS.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'Azure'}),
    _case('sec2-footnote-staging-url', "<h2>Production</h2><p>URL: https://sourcegraph.acme.com<sup><a href='#ftnt1' id='ftnt_ref1'>[1]</a></sup></p><hr><div><p><a href='#ftnt_ref1' id='ftnt1'>[1]</a> Staging is at https://sg-stg.acme.com.</p></div>", {'instance_url': 'https://sourcegraph.acme.com'}),
    _known('sec2-migration-from-to', '<p>Migration plan: from the on-prem Docker Compose box (https://sg.acme.local) to Helm on EKS (https://sourcegraph.acme.com). Cut-over done on 2 March.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sourcegraph.acme.com'}),
    _case('sec2-heading-prod-word-later', '<h2>1. Evaluation</h2><p>Compose, 8 vCPU</p><h2>2. Go-live</h2><p>Helm, 96 vCPU</p>', {'deployment_type': 'Kubernetes with Helm', 'total_cpu': 96}),
    _known('sec2-two-tables', '<p>Test environment</p><table><tr><td><p>Deployment</p></td><td><p>Compose</p></td></tr><tr><td><p>CPU</p></td><td><p>8</p></td></tr></table><p>Production environment</p><table><tr><td><p>Deployment</p></td><td><p>Helm</p></td></tr><tr><td><p>CPU</p></td><td><p>32</p></td></tr></table>', {'deployment_type': 'Kubernetes with Helm', 'total_cpu': 32}),
    _case('sec2-row-env-code-hosts', '<table><tr><th><p>Env</p></th><th><p>Code host</p></th><th><p>URL</p></th></tr><tr><td><p>Staging</p></td><td><p>GitHub.com</p></td><td><p>https://sg-stg.acme.com</p></td></tr><tr><td><p>Production</p></td><td><p>GitHub Enterprise Server</p></td><td><p>https://sg.acme.com</p></td></tr></table>', {'code_hosts': ['GitHub Enterprise Server'], 'instance_url': 'https://sg.acme.com'}),
    _case('sec2-nonprod-label', '<p>Non-production: Docker Compose on GCP</p><p>Production: Helm on AWS</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('sec2-prod-not-yet', '<h2>Staging (live now)</h2><p>Helm on EKS, https://sg-stg.acme.com</p><h2>Production (build starts in Q3)</h2><p>Helm on EKS</p>', {'instance_url': None}),
    _known('sec2-the-real-instance-prose', '<p>The sandbox (compose, 4 vCPU) was just for the demo; the real instance has 32 vCPU and runs on Kubernetes via Helm.</p>', {'total_cpu': 32, 'deployment_type': 'Kubernetes with Helm'}),
    _case('sec2-dev-prod-inline-cpu', '<p>vCPU: 16 (dev) / 64 (prod)</p>', {'total_cpu': 64}),
    _case('sec2-prod-dev-inline-url', '<p>Instance URLs — prod: https://sg.acme.com · dev: https://sg.dev.acme.com</p>', {'instance_url': 'https://sg.acme.com'}),
    _case('sec2-blockquote-trial', '<h2>Production</h2><p>Helm on GKE.</p><blockquote><p>Trial note: the trial ran on AWS with Docker Compose.</p></blockquote>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'GCP'}),
    _case('sec2-h3-env-under-h2', '<h2>Environments</h2><h3>Staging</h3><p>Kustomize, Azure</p><h3>Production</h3><p>Helm, Azure</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'Azure'}),
    _case('sec2-bold-para-labels', '<p><b>Trial</b></p><p>Deployment: Docker Compose</p><p><b>Production</b></p><p>Deployment: Kubernetes (Kustomize)</p>', {'deployment_type': 'Kubernetes with Kustomize'}),
    _case('sec2-prod-code-hosts-staging-extra', '<h2>Staging</h2><p>Code hosts: GitHub.com, GitLab.com</p><h2>Production</h2><p>Code hosts: GitHub.com</p>', {'code_hosts': ['GitHub.com']}),
    _case('sec2-secondary-region', '<h2>Production</h2><p>Primary: AWS us-east-1 (Helm on EKS). Failover: Azure West Europe (cold).</p>', {'hosting_provider': 'AWS'}),
    _case('ft-g-went-from', '<p>Last spring we went from GKE to AKS; everything runs in Azure now.</p>', {'hosting_provider': 'Azure'}),
    _case('ft-g-arrow', '<p>Deployment: Docker Compose → Helm (cut over in May)</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('ft-g-from-to-k', '<p>The platform team moved the install from Helm to Kustomize overlays in 2025.</p>', {'deployment_type': 'Kubernetes with Kustomize'}),
    _case('ft-g-lone-from', '<p>We deploy from the Helm chart to our EKS cluster.</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('ft-g-from-to-cloud-label', '<p>Hosting: moved from on-prem VMware to AWS (eu-west-1) in 2024</p>', {'hosting_provider': 'AWS'}),
    _case('ep-g-mem', '<p>RAM: 32 GB (staging) / 128 GB (production)</p>', {'total_memory_gb': 128}),
    _case('ep-g-users-before', '<p>Users: pilot 50; production 1,800</p>', {'max_users': 1800}),
    _case('ep-g-dt', '<p>Deployment: Kustomize (test) / Helm (prod)</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('ep-g-url-dot', '<p>Address: https://sg.acme.com (live) · https://sg-uat.acme.com (UAT)</p>', {'instance_url': 'https://sg.acme.com'}),
    _case('ep-g-no-env', '<p>vCPU: 16 / 32</p>', {'total_cpu': 16}),
    _case('yr-g-mono-split', '<h2>Production</h2><p>Monorepos: 2024 split planned</p>', {'monorepos': None}),
    _case('yr-g-repos-target', '<h2>Production</h2><p>Repositories: 2027 target 8,000</p>', {'repositories': None}),
    _case('yr-g-repos-as-of', '<h2>Production</h2><p>Repositories: 2,024 (as of March)</p>', {'repositories': 2024}),
    _case('yr-g-users-rollout', '<h2>Production</h2><p>Users: 2026 rollout to all engineers</p>', {'max_users': None}),
    _case('nm-g-birds', '<p>Kestrel is our staging copy; Falcon is what the developers use every day.</p><h2>Kestrel</h2><p>Deployment: Docker Compose</p><h2>Falcon</h2><p>Deployment: Helm</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('nm-g-ships', '<p>Endeavour is the production instance and Beagle is the sandbox.</p><p>vCPU: 64 (Endeavour) / 8 (Beagle)</p>', {'total_cpu': 64}),
    _known('nm-g-table', '<p>Atlas is the pilot environment.</p><table><tr><th><p></p></th><th><p>Atlas</p></th><th><p>Main</p></th></tr><tr><td><p>URL</p></td><td><p>https://atlas.acme.io</p></td><td><p>https://sg.acme.io</p></td></tr></table>', {'instance_url': 'https://sg.acme.io'}),
    _case('nm-g-product-not-name', '<p>Helm is the package manager we use for production.</p><p>Deployment: Helm</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('rb-g-rollback-h', '<h2>Production</h2><p>Helm on EKS, 48 vCPU.</p><h2>Rollback plan</h2><p>Restart the old Docker Compose VM (16 vCPU) and repoint DNS.</p>', {'deployment_type': 'Kubernetes with Helm', 'total_cpu': 48}),
    _case('rb-g-fallback', '<h2>Production</h2><p>URL: https://sg.acme.com</p><h2>Fallback</h2><p>URL: https://sg-old.acme.com</p>', {'instance_url': 'https://sg.acme.com'}),
    _case('rt-g-i-mean', '<h2>Production</h2><p><b>Ana (Acme):</b> It runs on AWS, I mean Azure, in West Europe.</p>', {'hosting_provider': 'Azure'}),
    _case('rt-g-correction', '<h2>Production</h2><p><b>Li:</b> The cluster is GKE — correction: AKS.</p>', {'hosting_provider': 'Azure'}),
    _case('rt-g-or-rather', '<h2>Production</h2><p>Deployed with compose… or rather the Helm chart now.</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('rt-g-sorry-for', '<h2>Production</h2><p><b>Tom:</b> Helm, sorry for the slow reply.</p>', {'deployment_type': 'Kubernetes with Helm'}),
    _case('rt-g-next-sentence-no', '<h2>Production</h2><p>Cloud: AWS. No, GCP only holds the backups.</p>', {'hosting_provider': 'AWS'}),
    _case('sl-g-table', '<table><tr><th><p></p></th><th><p>Source</p></th><th><p>Target</p></th></tr><tr><td><p>Deployment</p></td><td><p>Docker Compose</p></td><td><p>Helm</p></td></tr><tr><td><p>vCPU</p></td><td><p>16</p></td><td><p>64</p></td></tr></table>', {'deployment_type': 'Kubernetes with Helm', 'total_cpu': 64}),
    _case('sl-g-source-hosts', '<p>Source: Bitbucket Data Center, 2,410 repositories</p>', {'code_hosts': ['Bitbucket Server / Data Center'], 'repositories': 2410}),
    _case('tab-live-sandbox-children', _tabs(('Overview', ['Code search for Acme.']), ('Environments', ['Two environments.'], [('Sandbox', ['Deployment: Docker Compose', 'URL: https://sbx.acme.com']), ('Live', ['Deployment: Helm on EKS', 'URL: https://sg.acme.com'])])), {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sg.acme.com'}),
    _case('tab-trial-first', _tabs(('Trial', ['Cloud: GCP', 'Code host: GitHub.com']), ('Customer instance', ['Cloud: Azure', 'Code host: Azure DevOps'])), {'hosting_provider': 'Azure', 'code_hosts': ['Azure DevOps']}),
    _case('tab-codename', _tabs(('Overview', ['Falcon is the production environment; Osprey is the proof of concept.']), ('Osprey', ['Deployment: Docker Compose', 'vCPU: 8']), ('Falcon', ['Deployment: Kustomize', 'vCPU: 64'])), {'deployment_type': 'Kubernetes with Kustomize', 'total_cpu': 64}),
    _case('tab-dr-child', _tabs(('Production', ['Deployment: Helm', 'Cloud: AWS', 'URL: https://sg.acme.com'], [('DR', ['Cloud: Azure', 'URL: https://sg-dr.acme.com'])]),), {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS', 'instance_url': 'https://sg.acme.com'}),
    _case('tab-old-instance', _tabs(('Old instance', ['Deployment: Docker Compose', 'Code host: Bitbucket Server']), ('New instance', ['Deployment: Helm', 'Code host: GitHub Enterprise Cloud'])), {'deployment_type': 'Kubernetes with Helm', 'code_hosts': ['GitHub.com']}),
    _case('tab-prod-eu-staging', _tabs(('prod-eu', ['Hosting: GCP (europe-west3)', 'Deployment: Helm']), ('staging', ['Hosting: GCP', 'Deployment: Kustomize'])), {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'GCP'}),
    _case('ep-g-hosts-comma', '<p>Code hosts: GitHub.com (prod), GitLab.com (staging)</p>', {'code_hosts': ['GitHub.com']}),
    _case('ep-g-url-for', '<p>Instance URL: https://sg.acme.com for production, https://sg-stg.acme.com for staging</p>', {'instance_url': 'https://sg.acme.com'}),
    _case('ep-g-one-env', '<p>Deployment: Helm on EKS, us-east-1 (production)</p>', {'deployment_type': 'Kubernetes with Helm', 'hosting_provider': 'AWS'}),
    _case('ep-g-cloud-for', '<p>Hosting: Azure for live traffic, AWS for the DR standby</p>', {'hosting_provider': 'Azure'}),
]
# fmt: on


def _read(html: Doc, catalogue: Catalogue) -> tuple[dict[str, Any], str]:
    doc = (
        html
        if isinstance(html, dict)
        else html_document(f"<html><body><h1>Sourcegraph TDD</h1>{html}</body></html>")
    )
    reading = read_document(doc, catalogue)
    view = tdd_fields(reading.values, catalogue)
    shown = repr([fv.to_json() for fv in view.fields.values()]) + repr(
        [p.message + (p.fix or "") for p in view.problems]
    )
    return {n: fv.to_json()["value"] for n, fv in view.fields.items()}, shown


@pytest.mark.parametrize(("html", "want"), CASES)
def test_probe(catalogue: Catalogue, html: Doc, want: dict[str, Any]) -> None:
    got, shown = _read(html, catalogue)
    for name, value in want.items():
        if name in ("code_hosts", "instance_types") and value is not None:
            assert set(got.get(name) or ()) == set(value), (name, got.get(name))
        else:
            assert got.get(name) == value, (name, got.get(name))
    assert "S3cret" not in shown and "ghp_abcdef" not in shown  # credentials are shown masked only
