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
from handoff.read.mounts import blanked
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


DF = [
    "$ df -h",
    "Filesystem                 Size  Used Avail Use% Mounted on",
    "devtmpfs                   4.0M     0  4.0M   0% /dev",
    "tmpfs                       63G     0   63G   0% /dev/shm",
    "/dev/mapper/rhel-root       98G   14G   84G  15% /",
    "/dev/sda1                  960M  312M  649M  33% /boot",
    "/dev/sdb1                  1.5T  402G  1.1T  27% /var/lib/docker",
]
LSBLK = [
    "$ lsblk",
    "NAME          MAJ:MIN RM  SIZE RO TYPE MOUNTPOINTS",
    "sda             8:0    0  100G  0 disk",
    "├─sda1          8:1    0    1G  0 part /boot",
    "└─sda2          8:2    0   99G  0 part",
    "  ├─rhel-root 253:0    0   98G  0 lvm  /",
    "  └─rhel-swap 253:1    0    8G  0 lvm  [SWAP]",
    "sdb             8:16   0  1.5T  0 disk",
    "└─sdb1          8:17   0  1.5T  0 part /var/lib/docker",
]


def _box(lines: list[str]) -> str:
    """A code box: a one-cell table, one paragraph a line, spaces kept as Google Docs exports them."""
    cells = "".join(f"<p>{line.replace(' ', '&nbsp;')}</p>" for line in lines)
    return f"<table><tbody><tr><td>{cells}</td></tr></tbody></table><p></p>"


def test_pasted_df_and_lsblk_give_the_data_disk(catalogue: Catalogue) -> None:
    body = "<h2>And the disk?</h2>" + _box(DF) + _box(LSBLK)
    assert settled(HEAD + body, catalogue).get("total_disk_gb") == 1500


def test_a_df_line_of_the_os_alone_gives_no_disk(catalogue: Catalogue) -> None:
    body = "<h2>Disk</h2>" + _box(DF[:6])
    assert settled(HEAD + body, catalogue).get("total_disk_gb") is None


def test_df_usage_columns_are_blanked() -> None:
    line = "/dev/nvme1n1      2.0T  468G  1.5T  24% /data"
    out = blanked(line)
    assert len(out) == len(line)
    assert "2.0T" in out and "468G" not in out and "1.5T" not in out
    assert blanked("tmpfs  62G  0  62G  0% /dev/shm").count("62G") == 0
    assert "1.5T" not in blanked("sdb   8:16   0  1.5T  0 disk")
    assert blanked("Size 4 GB, 10% of the disk") == "Size 4 GB, 10% of the disk"


def test_an_os_disk_beside_a_data_disk_gives_way(catalogue: Catalogue) -> None:
    body = "<h2>The VM</h2>" + _box(
        ["VM Hardware", "  CPU            32 CPU(s)", "  Hard disk 1    100 GB   (OS, thin)",
         "  Hard disk 2    1,500 GB (data, thick eager zeroed)"]
    )  # fmt: skip
    assert settled(HEAD + body, catalogue).get("total_disk_gb") == 1500
    disks = "<p>OS disk: 128 GB</p><p>Data disk: 2,048 GB</p>"
    assert settled(HEAD + disks, catalogue).get("total_disk_gb") == 2048


def test_du_output_of_the_gitserver_is_the_repositories_size(catalogue: Catalogue) -> None:
    body = "<p>Whole repository set on disk:</p>" + _box(
        ["$ sudo du -sh /var/lib/docker/volumes/sourcegraph_gitserver-0/_data",
         "310G    /var/lib/docker/volumes/sourcegraph_gitserver-0/_data"]
    )  # fmt: skip
    got = settled(HEAD + body, catalogue)
    assert got.get("total_repo_size_gb") == 310
    assert got.get("total_disk_gb") is None


def test_a_said_size_wins_over_du_lines_of_shards(catalogue: Catalogue) -> None:
    body = "<p>About 610 GB of repos across the 3 gitservers.</p>" + _box(
        ["$ for i in 0 1 2; do kubectl exec gitserver-$i -- du -sh /data/repos; done",
         "212G    /data/repos", "187G    /data/repos", "211G    /data/repos",
         "3.4G    /data/repos/github.com/acme/chem-models"]
    )  # fmt: skip
    assert settled(HEAD + body, catalogue).get("total_repo_size_gb") == 610


def test_a_bare_total_size_on_the_repositories_slide_is_their_size(catalogue: Catalogue) -> None:
    body = (
        "<h2>7 / 16 · Repos</h2><p>1,850</p><ul><li>GitHub Enterprise Server: 1,210</li>"
        "<li>AWS CodeCommit: 640</li><li>Largest: claims-etl, 3.2 GB</li><li>~180 GB in total</li></ul>"
    )
    got = settled(HEAD + body, catalogue)
    assert got.get("total_repo_size_gb") == 180
    assert got.get("total_disk_gb") is None
    assert (
        settled(HEAD + "<h2>Storage</h2><ul><li>~180 GB in total</li></ul>", catalogue).get(
            "total_repo_size_gb"
        )
        is None
    )


ROADMAP = (
    "<h2>Slide 10 — Rollout roadmap</h2><table><tbody>"
    "<tr><td><p>Phase</p></td><td><p>When</p></td><td><p>What</p></td></tr>"
    "<tr><td><p>1</p></td><td><p>22 Jun – 10 Jul 2026</p></td><td><p>Production build on EKS</p></td></tr>"
    "<tr><td><p>2</p></td><td><p>Q4 2026</p></td><td><p>Grow node group to 6 × r6i.4xlarge</p></td></tr>"
    "</tbody></table><p></p>"
)


def test_a_roadmaps_notes_reporting_the_build_done_are_facts(catalogue: Catalogue) -> None:
    notes = (
        "<p>Speaker notes: Phase 1 happened as planned: node group and Helm install started 22 June, "
        "production signed off by the platform lead on 10 July 2026. Phases 2 and 3 are plans only.</p>"
    )
    got = settled(HEAD + ROADMAP + notes, catalogue)
    assert got.get("start_date") == "2026-06-22"
    assert got.get("completion_date") == "2026-07-10"
    assert got.get("instance_types") is None


def test_a_roadmaps_notes_telling_the_plan_are_no_facts(catalogue: Catalogue) -> None:
    notes = (
        "<p>Speaker notes: the production build will start on 22 June and be signed off on 10 July 2026.</p>"
    )
    got = settled(HEAD + ROADMAP + notes, catalogue)
    assert got.get("start_date") is None
    assert got.get("completion_date") is None


def test_the_column_we_did_not_take_is_no_hosting(catalogue: Catalogue) -> None:
    body = (
        "<h2>hosting: Hetzner vs AWS</h2>"
        "<p>speaker notes: same shape either way; Hetzner won on cost. "
        "AWS column is the option we did not take.</p>"
    )
    assert settled(body, catalogue).get("hosting_provider") == "other"
