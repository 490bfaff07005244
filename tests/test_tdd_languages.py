"""TDDs written in another language (read/languages.py, config/languages.toml): a document's
language is known from its common words, and its words are read as the English concepts the
reader knows, so every mechanism reads it as it reads English."""

from __future__ import annotations

from handoff.core.fields import Catalogue
from handoff.read.languages import gloss_for, languages_of, lexicons
from handoff.read.tdd import html_document, read_document
from tdd_snippets import read


def test_a_document_is_known_by_its_common_words_and_english_by_default() -> None:
    assert languages_of("The production cluster runs on three nodes and indexes 2,340 repositories.") == ()
    assert languages_of("Die Produktion läuft auf drei Knoten und ist mit dem Netz verbunden.") == ("de",)
    assert languages_of("A produção roda em três nós e não tem acesso à internet pelo proxy.") == ("pt",)
    spanish = "El clúster de producción tiene tres nodos y los usuarios son muy activos; fue montado en mayo."
    assert languages_of(spanish) == ("es",)  # not Portuguese too
    # an English document quoting a line of Dutch stays English
    assert (
        languages_of("The delivery report was signed. The milestones are: Productieomgeving gestart.") == ()
    )


def test_words_stems_and_compounds_become_the_readers_words() -> None:
    glossed, _ = gloss_for(("de",)).gloss(
        "Produktionsumgebung: 3 Knoten; Testumgebung: 1 Knoten, bis zu 500 Nutzer"
    )
    assert glossed == "Production: 3 Nodes; Test environment: 1 Nodes, up to 500 Users"
    swedish, _ = gloss_for(("sv",)).gloss("Utvecklingsmiljön och produktionsmiljön; största repot är 2,1 GB")
    assert swedish == "Development and production environment; largest repository is 2,1 GB"


def test_a_word_only_used_before_a_number_is_read_so_only_there() -> None:
    glossed, _ = gloss_for(("es",)).gloss("hasta 5.000 usuarios, hasta el 30 de septiembre de 2026")
    assert glossed.startswith("up to 5.000 users, until the 30 September 2026")


def test_addresses_products_and_letters_are_left_alone() -> None:
    text = "URL: https://sg-produktion.firma.de/produktion, GitHub Enterprise Server, Option A und B"
    glossed, _ = gloss_for(("de",)).gloss(text)
    assert "https://sg-produktion.firma.de/produktion" in glossed and "GitHub Enterprise Server" in glossed
    assert "Option A and B" in glossed


def test_dates_and_word_order_come_out_as_english_writes_them() -> None:
    glossed, _ = gloss_for(("de",)).gloss(
        "Der Aufbau hat am 3. März 2026 begonnen und wurde am 24. April 2026 abgenommen."
    )
    assert "started on 3 March 2026" in glossed and "accepted on 24 April 2026" in glossed
    french, _ = gloss_for(("fr",)).gloss("utilisateurs simultanés : 300, dépôt le plus volumineux : 4,2 Go")
    assert french.startswith("concurrent users : 300, largest repository : 4,2 Go")


def test_links_keep_their_place_in_a_glossed_text() -> None:
    text = "Die Produktionsumgebung ist unter dieser Adresse erreichbar: hier"
    glossed, shift = gloss_for(("de",)).gloss(text)
    assert glossed[shift(text.index("hier")) :] == "hier"


def test_every_language_names_its_words_in_one_table() -> None:
    languages = lexicons()
    assert set(languages) >= {"de", "fr", "es", "pt", "it", "nl", "sv", "da", "no", "pl", "cs"}
    for lexicon in languages.values():
        assert len(lexicon.months) >= 12 and lexicon.signs
        assert not lexicon.signs & {"the", "and", "of", "to", "a", "do", "per", "non", "till"}


def test_a_german_design_is_read_like_an_english_one(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Testumgebung</h2><p>Die Testumgebung läuft auf einer VM mit 8 vCPU und 32 GB "
        "Arbeitsspeicher; dort sind etwa 150 Repositorys angebunden.</p><h2>Produktionsumgebung</h2>"
        "<p>Die Produktion läuft auf 3 Knoten mit je 16 vCPU; insgesamt sind 2.340 Repositorys "
        "angebunden, davon zwei Monorepos. Der Aufbau der Produktion hat am 3. März 2026 begonnen und "
        "wurde am 24. April 2026 abgenommen.</p>"
        "<p>Lizenz: bis zu 3.000 Nutzer.</p>",
        catalogue,
    )
    assert got["repositories"] == ["2340"] and got["monorepos"] == ["2"] and got["total_cpu"] == ["48"]
    assert got["start_date"] == ["2026-03-03"] and got["completion_date"] == ["2026-04-24"]
    assert got["max_users"] == ["3000"]


def test_a_polish_design_is_read_like_an_english_one(catalogue: Catalogue) -> None:
    got = read(
        "<h2>Środowisko testowe</h2><p>Środowisko testowe ma 150 repozytoriów.</p>"
        "<h2>Środowisko produkcyjne</h2>"
        "<p>Łącznie 2 450 repozytoriów, w tym 3 monorepozytoria. Budowa rozpoczęła się 3 sierpnia 2026 r., "
        "odbiór 25 września 2026 r.</p>",
        catalogue,
    )
    assert got["repositories"] == ["2450"] and got["monorepos"] == ["3"]
    assert got["start_date"] == ["2026-08-03"] and got["completion_date"] == ["2026-09-25"]


def test_an_answer_opening_with_its_count_then_its_parts_counts_the_questions_topic(
    catalogue: Catalogue,
) -> None:
    got = read(
        "<p><b>How many repositories are indexed?</b></p><p>About 3,200, of which two monorepos.</p>",
        catalogue,
    )
    assert got["repositories"] == ["3200"] and got["monorepos"] == ["2"]


def test_a_label_sheet_is_known_by_its_words_and_a_few_foreign_terms_keep_english() -> None:
    sheet = "Bereitstellung: Helm\nKnoten: 4 × m6i.4xlarge\nArbeitsspeicher gesamt: 256 GiB\nNutzer: 2.500"
    assert languages_of(sheet) == ("de",)
    english = (
        "The production cluster (Produktion) was built in August; the test environment (Testumgebung) "
        "is smaller. We index 2,340 repositories and the largest is 4 GB. It was accepted on 3 May."
    )
    assert languages_of(english) == ()


def test_none_and_the_sides_of_a_change_read_as_english_writes_them() -> None:
    glossed, _ = gloss_for(("no",)).gloss("Monorepoer: ingen")
    assert glossed == "Monorepos: none"
    spanish, _ = gloss_for(("es",)).gloss(
        "Nodos redimensionados de 3 × r6i.2xlarge a 4 × r6i.2xlarge el 2026-09-01"
    )
    assert "from 3 × r6i.2xlarge to 4 × r6i.2xlarge on 2026-09-01" in spanish


def test_french_groups_with_narrow_spaces_and_writes_a_decimal_comma(catalogue: Catalogue) -> None:
    got = read("<p>Volumes : 1\u202f800 Gio au total, un disque de 2,5 Go pour les journaux.</p>", catalogue)
    assert got["total_disk_gb"] == ["1800 GiB"]  # not 1.8: the narrow space groups thousands


def test_a_place_names_the_heading_as_the_document_writes_it(catalogue: Catalogue) -> None:
    """The IE looks for the heading the document shows, not the reader's English for it."""
    doc = html_document(
        "<html><body><h2>Produktionsumgebung</h2><p>Die Produktion läuft auf 3 Knoten; insgesamt sind "
        "2.340 Repositorys angebunden.</p></body></html>"
    )
    places = {v.field: v.location.ref for v in read_document(doc, catalogue).values if v.field}
    assert places["repositories"].startswith("TDD Produktionsumgebung ›"), places


def test_a_value_is_quoted_in_the_documents_words_and_read_in_the_readers(catalogue: Catalogue) -> None:
    """The IE finds `con` and `1.500 utenti` in the document; the reader reads Helm and 1500 users."""
    doc = html_document(
        "<html><body><h2>Ambiente di produzione</h2>"
        "<p>Installazione: Kubernetes con Helm chart ufficiale.</p>"
        "<p>Il dimensionamento è adeguato ai limiti contrattuali: fino a 1.500 utenti registrati.</p>"
        "</body></html>"
    )
    values = {v.field: v for v in read_document(doc, catalogue).values if v.field}
    assert values["deployment_type"].text == "Kubernetes con Helm chart ufficiale.", values
    assert values["deployment_type"].value == "Kubernetes with Helm"
    assert values["max_users"].text == "1.500 utenti" and (values["max_users"].value or "").startswith("1")
