from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from puente.extract import organizations
from puente.extract.org_names import tokens, tokens_within
from tests.extract.watchdog import no_hang

from .gold_files import shared_json, shared_text


def orgs(text: str, document: str | None = None) -> tuple[str, ...]:
    return organizations.find(text, organizations.acronyms(document if document is not None else text))


def test_it_finds_names_with_a_head_word():
    text = "The Chicago Board of Health passed a resolution; Lurie Children’s Hospital and the Ninth Circuit Court of Appeals agreed."
    assert orgs(text) == (
        "The Chicago Board of Health",
        "Lurie Children’s Hospital",
        "Ninth Circuit Court of Appeals",
    )


def test_it_keeps_the_name_as_written_with_curly_apostrophes():
    assert orgs("Summit at Chicago Teacher’s Union") == ("Chicago Teacher’s Union",)


def test_it_drops_verbs_before_a_name_and_words_after_it():
    text = "Visit Women & Children First Bookstore today. TRUST Collective Denounces the order."
    assert orgs(text) == ("Women & Children First Bookstore", "TRUST Collective")


def test_it_expands_an_acronym_defined_in_another_item_of_the_same_document():
    document = "Share the toolkit prepared by Immigrant Defense Project (IDP).\n\nIDP will host a call."
    acronyms = organizations.acronyms(document)
    assert organizations.find("IDP will host a call.", acronyms) == ("Immigrant Defense Project",)


def test_it_expands_an_acronym_whose_initials_fit_one_name_in_the_document():
    document = "Donate to the National Immigrant Justice Center.\n\nNIJC is hiring."
    assert organizations.acronyms(document)["NIJC"] == "National Immigrant Justice Center"


def test_it_keeps_an_acronym_the_text_never_expands():
    assert orgs("According to FBI data and an OJJDP webinar, ICE raids rose.") == ("FBI", "OJJDP", "ICE")


def test_it_splits_two_names_joined_by_and():
    text = "OJJDP and the Substance Abuse and Mental Health Services Administration will present."
    assert orgs(text) == ("OJJDP", "Substance Abuse and Mental Health Services Administration")


def test_it_leaves_out_people_places_generic_references_and_platforms():
    text = (
        "Mayor Rahm Emanuel said Chicago and Cook County stand firm against the Trump Administration. "
        "Follow us on Facebook and Twitter. The U.S. Refugee Admissions Program is suspended."
    )
    assert orgs(text) == ()


def test_it_reads_spanish_names_whose_head_comes_first():
    text = "Visite El Centro de la Raza y la Asociación Tepeyac en la Corte de Inmigración de Portland."
    assert orgs(text) == ("El Centro de la Raza", "Asociación Tepeyac", "Corte de Inmigración de Portland")


def test_it_reads_the_entries_of_a_list_of_organizations():
    line = "Speakers: Families for Freedom; Raquel Batista; Homies Unidos; City Council Members (invited); ACLU-NJ"
    assert orgs(line) == ("Families for Freedom", "Homies Unidos", "ACLU-NJ")


def test_it_reads_where_a_person_works():
    text = "- Aarti Shahani, Families for Freedom\n- Carlos Canales, Workplace Project, Long Island"
    assert orgs(text) == ("Families for Freedom", "Workplace Project")


def test_it_reads_the_outlets_of_a_press_list():
    text = (
        "Chicago Reader: Lawyers to Immigrants: Know Your Rights\n"
        "NBC Chicago: Activists rally at the airport against the order\n"
        "DNA Info: Crackdown will demonize immigrants, advocates say\n"
    )
    assert orgs(text) == ("Chicago Reader", "NBC Chicago", "DNA Info")


def test_it_learns_a_name_the_document_describes_as_an_organization():
    document = (
        "Pueblo Unido es un empleador que ofrece igualdad de oportunidades.\n\nLlame a Pueblo Unido hoy."
    )
    assert organizations.find("Llame a Pueblo Unido hoy.", organizations.acronyms(document)) == (
        "Pueblo Unido",
    )


def test_it_does_not_take_a_program_for_an_organization():
    assert orgs("It runs as part of the Neighborhood Legal Clinics (NLC) program.") == ()


def test_it_stays_linear_on_long_capitalised_text():
    n = 20_000
    text = ("Aaa " * 5 * n) + ("(AAA) " * n) + ("Center of " * 2 * n) + ("Speakers: A B; C D; " * n)
    with no_hang(60, "long capitalised text"):
        organizations.find(text, organizations.acronyms(text))


@pytest.mark.shared
def test_it_finds_most_organizations_of_the_seed_newsletters():
    gold = shared_json("seed-newsletters.json")
    text = shared_text("seed-newsletters.txt")
    acronyms = organizations.acronyms(text)
    starts = [text.find(item["starts_with"]) for item in gold["items"]]
    found, wanted = set(), set()
    for i, item in enumerate(gold["items"]):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        found |= {organizations._key(o) for o in organizations.find(text[starts[i] : end], acronyms)}
        wanted |= {organizations._key(o) for o in item["organizations"]}
    precision, recall = len(found & wanted) / len(found), len(found & wanted) / len(wanted)
    assert 2 * precision * recall / (precision + recall) >= 0.85


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AB Cc(),;:*&-’'\n.of"))) | st.text())
def test_it_never_raises(text):
    acronyms = organizations.acronyms(text)
    assert all(isinstance(o, str) and o for o in organizations.find(text, acronyms))


def test_it_reads_a_name_after_an_organization_noun():
    assert orgs("El comedor comunitario La Olla busca cocinero.") == ("La Olla",)


def test_it_drops_an_article_that_only_opens_the_sentence():
    assert orgs("La Ciudad de San Antonio quiere escuchar a las familias.") == ("Ciudad de San Antonio",)


def test_it_keeps_an_article_the_document_writes_mid_sentence():
    document = "El Centro de la Raza hosted a camp.\n\nWe met at El Centro de la Raza."
    acronyms = organizations.acronyms(document)
    assert organizations.find("El Centro de la Raza hosted a camp.", acronyms) == ("El Centro de la Raza",)


def test_it_does_not_take_a_venue_with_a_street_address_for_an_organization():
    assert orgs("Location: Immigrant Legal Resource Center, 1663 Mission Street, Suite 602") == ()


def test_it_reads_an_acronym_given_as_also_known_as():
    document = "Equity Corps de Oregon, también conocido como ECO, ayuda a inmigrantes.\n\nECO es gratuito."
    assert organizations.acronyms(document)["ECO"] == "Equity Corps de Oregon"


@given(
    st.lists(
        st.sampled_from(
            ["Casa Luz", "the ACLU of Illinois", "  NIJC’s", "—", "x", " ", "\n", "Centro de la Raza,"]
        ),
        max_size=12,
    ),
    st.data(),
)
def test_it_cuts_a_slices_words_from_the_whole_texts(parts, data):
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert tokens_within(tokens(text), text, start, end) == tokens(text[start:end])


_PIECES = [
    "Casa Luz",
    "the ACLU of Illinois",
    "  NIJC’s",
    "National Immigrant Justice Center (NIJC)",
    "—",
    "• ",
    "4) ",
    "I. ",
    "x",
    " ",
    "\n",
    "Centro de la Raza, 1663 Mission St.",
    "Speakers: Ana Ruiz, Legal Aid Chicago",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.data())
def test_an_items_names_cut_from_its_documents_are_the_items_own(parts, data):
    text = "".join(parts)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    names = organizations.read(text)
    assert organizations.find_within(names, start, end) == organizations.find(text[start:end], names.acronyms)


def test_every_item_of_the_own_newsletters_gets_the_names_of_its_own_text():
    from puente.extract import extract_document, read
    from puente.extract.normalise import normalise

    for path in sorted((Path(__file__).parents[1] / "docs").glob("*.txt")):
        text = normalise(read(path.read_bytes(), path.name)[0].text)
        names = organizations.read(text)
        for item in extract_document(read(path.read_bytes(), path.name)[0], date(2026, 12, 1)).items:
            assert item.organizations == organizations.find(text[item.start : item.end], names.acronyms), (
                path.name
            )
