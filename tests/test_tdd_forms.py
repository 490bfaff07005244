"""TDD reader, question-and-answer forms: only a question's marked or keyed option is a fact.

Options of a multiple-choice question are distractors unless a mark, the one emphasised option,
an answer line or an answer key elsewhere says which one is the answer; the answer is read as a
child of its question. A line of boxes is a choice field: only the checked choices count.
"""

from __future__ import annotations

from handoff.core.fields import Catalogue
from tdd_snippets import read


def _quiz(*questions: tuple[str, tuple[str, ...]]) -> str:
    """Numbered questions (an `<ol>`), each with its options as a lettered second level."""
    out = ""
    for q, options in questions:
        out += f'<ol class="lst-kix_quiz-0"><li>{q}</li></ol>'
        out += '<ol class="lst-kix_quiz-1">' + "".join(f"<li>{o}</li>" for o in options) + "</ol>"
    return out


_QUESTIONS = (
    ("Which machines run production?", ("2 × m6i.2xlarge", "3 × m6i.4xlarge", "6 × c6i.8xlarge")),
    ("How much disk does production have?", ("1 TB", "2.5 TB", "4 TB")),
    ("Where does production live?", ("https://sg-old.tarn.example", "https://search.tarn.example",
                                     "https://tarn.sourcegraph.com")),
)  # fmt: skip


def test_an_answer_key_elsewhere_picks_each_questions_option_in_order(catalogue: Catalogue) -> None:
    key = '<h2>Answers</h2><ol class="lst-kix_key-0"><li>b. Three nodes.</li><li>b</li><li>b.</li></ol>'
    got = read(_quiz(*_QUESTIONS) + key, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["total_disk_gb"] == ["2.5 TB"]
    assert got["instance_url"] == ["https://search.tarn.example"]


def test_a_keys_typed_numbers_say_which_question_each_letter_answers(catalogue: Catalogue) -> None:
    key = "<p>Key:</p><p>3 – b</p><p>1 – b</p>"
    got = read(_quiz(*_QUESTIONS) + key, catalogue)
    assert got["instance_types"] == ["3 × m6i.4xlarge"]
    assert got["instance_url"] == ["https://search.tarn.example"]
    assert "total_disk_gb" not in got  # question 2 has no answer in the key: its options are no facts


def test_an_unanswered_quiz_gives_no_option_as_a_fact(catalogue: Catalogue) -> None:
    got = read(_quiz(*_QUESTIONS), catalogue)
    assert not {"instance_types", "total_disk_gb", "instance_url"} & set(got)


def test_an_answer_line_after_typed_options_picks_one(catalogue: Catalogue) -> None:
    html = (
        "<p>Q4. What is the production deployment?</p>"
        "<p>a) Docker Compose on one VM</p><p>b) Helm chart on Amazon EKS</p><p>c) Sourcegraph Cloud</p>"
        "<p>Answer: B</p>"
    )
    got = read(html, catalogue)
    assert got["deployment_type"] == ["Kubernetes with Helm"]
    assert got["hosting_provider"] == ["AWS"]


def test_a_ticked_or_emphasised_option_is_the_answer(catalogue: Catalogue) -> None:
    ticked = (
        '<ol class="lst-kix_t-0"><li>How many vCPUs does production have in total?</li></ol>'
        '<ol class="lst-kix_t-1"><li>48 vCPU</li><li>64 vCPU ✓</li><li>96 vCPU</li></ol>'
    )
    assert read(ticked, catalogue)["total_cpu"] == ["64"]
    bold = (
        "<p>How much memory does production have?</p>"
        "<p>a) 192 GiB</p><p><b>b) 256 GiB</b></p><p>c) 512 GiB</p>"
    )
    assert read(bold, catalogue)["total_memory_gb"] == ["256 GiB"]


def test_boxes_under_a_question_keep_only_the_checked_choices(catalogue: Catalogue) -> None:
    html = (
        "<p>Which code hosts will Sourcegraph connect to?</p>"
        "<p>☒ GitHub Enterprise Server</p><p>☐ GitLab.com</p><p>☒ Bitbucket Data Center</p><p>☐ Perforce</p>"
    )
    assert read(html, catalogue)["code_hosts"] == ["GitHub Enterprise Server, Bitbucket Server / Data Center"]


def test_a_line_of_boxes_is_a_choice_field(catalogue: Catalogue) -> None:
    html = "<p>Deployment method: ☐ Docker Compose ☒ Kubernetes (Helm) ☐ Machine image</p>"
    assert read(html, catalogue)["deployment_type"] == ["Kubernetes with Helm"]


def test_a_checklist_and_a_questions_answers_are_still_read(catalogue: Catalogue) -> None:
    checklist = (
        "<p>☐ CodeCommit stays connected until 2027 (95 repositories).</p>"
        "<p>☑ GitHub.com: 1,200 repositories</p>"
    )
    assert read(checklist, catalogue)["code_hosts"] == ["AWS CodeCommit, GitHub.com"]
    faq = (
        '<ul class="lst-kix_f-0"><li>Which machines does production run on?</li></ul>'
        '<ul class="lst-kix_f-1"><li>app pool: 3 × m6i.4xlarge</li><li>index pool: 2 × r6i.2xlarge</li></ul>'
    )
    assert read(faq, catalogue)["instance_types"] == ["3 × m6i.4xlarge, 2 × r6i.2xlarge"]


def test_an_answer_is_read_with_its_questions_field_and_words(catalogue: Catalogue) -> None:
    count = (
        "<p>Q7. How many repositories does production index?</p>"
        "<p>A. about 180</p><p>B. about 2,340</p><p>Answer: B</p>"
    )
    assert read(count, catalogue)["repositories"] == ["2340"]
    hosts = (
        "<p><b>Which source-code systems will the service read from?</b></p>"
        "<p>☒ GitLab self-managed (gitlab.acme.example)</p><p>☐ GitHub.com</p><p>☒ Gerrit</p>"
    )
    assert read(hosts, catalogue)["code_hosts"] == ["GitLab Self-Managed, Gerrit"]


def test_a_figure_in_a_field_row_beats_one_in_free_prose(catalogue: Catalogue) -> None:
    html = (
        "<p><b>Instance: </b>1 × m6i.12xlarge (48 vCPU, 192 GiB), resized after review</p>"
        "<p><b>Storage: </b>2.6 TB of gp3</p>"
        "<p>For comparison, the platform quota we were offered was 64 vCPU / 256 GiB with 1 TB.</p>"
    )
    got = read(html, catalogue)
    assert got["total_cpu"] == ["48"]
    assert got["total_memory_gb"] == ["192 GiB"]
    assert got["total_disk_gb"] == ["2.6 TB"]


def test_a_label_read_by_meaning_gives_way_to_a_value_opening_with_another_fields_count(
    catalogue: Catalogue,
) -> None:
    html = (
        "<ul><li>Volume: approximately 1.850 repositories, of which 1.720 on Bitbucket Data Center and 130 on"
        " Gerrit. The source code held amounts to roughly 0,9 TB.</li></ul>"
        "<p>Data volume: 2,5 TB on the SAN</p>"
    )
    got = read(html, catalogue)
    assert got["total_disk_gb"] == ["2.5 TB"]
    assert got["total_repo_size_gb"] == ["0.9 TB"]


def test_an_abbreviation_before_a_figure_ends_no_sentence(catalogue: Catalogue) -> None:
    html = "<p>policy-core is the largest repository, with approx. 7,4 GB.</p>"
    assert read(html, catalogue)["largest_repo_mb"] == ["7.4 GB"]
