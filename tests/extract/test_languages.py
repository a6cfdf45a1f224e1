import pytest
from hypothesis import given
from hypothesis import strategies as st

from puente.extract import languages
from tests.extract.watchdog import no_hang

from .gold_files import shared_text


def test_it_reads_a_list_of_offered_languages():
    text = "See attached resources (available in English, Spanish, Hindi, Mandarin, Arabic, and Polish)."
    assert languages.offered(text) == ("en", "es", "hi", "zh", "ar", "pl")


def test_it_reads_an_offer_named_by_the_channel():
    assert languages.offered("The police unveiled Twitter in Spanish, @ChicagoPD_Vivo.") == ("es",)


def test_it_reads_offers_written_in_spanish_and_polish():
    assert languages.offered("Hay información en español y en inglés.") == ("es", "en")
    assert languages.offered("Materiały dostępne w języku polskim i angielskim.") == ("pl", "en")


def test_it_does_not_take_a_text_written_in_a_language_for_an_offer():
    assert languages.offered("Como parte de nuestro esfuerzo, el Departamento ha develado su página.") == ()
    assert languages.offered("A mural features a poem by José Martí in both English and Spanish.") == ()
    assert languages.offered("Excelentes habilidades, tanto verbal como escrita en español e inglés.") == ()
    assert languages.offered("Read in English") == ()


def test_it_does_not_take_unnamed_languages_for_an_offer():
    assert languages.offered("Interpretation: Available in multiple languages through AMN") == ()


def test_it_detects_the_language_an_item_is_written_in():
    assert languages.detect("Join us for a free legal clinic at the community center this Saturday.") == "en"
    assert languages.detect("Llame a nuestro equipo de navegación para programar una cita.") == "es"
    assert languages.detect("Zapraszamy na bezpłatne porady prawne w naszym biurze w sobotę.") == "pl"
    assert languages.detect("Bonjour à tous, voici le programme de la semaine prochaine.") == "fr"
    assert languages.detect("مرحبا بكم في المركز المجتمعي") == "ar"
    assert languages.detect("欢迎来到我们的社区中心，今天有免费的法律咨询") == "zh"


def test_it_leaves_text_too_short_to_tell_undetected():
    assert languages.detect("RSVP Here") is None
    assert languages.detect("") is None


# Running text whose function words lean English without deciding it (one 'with', one 'to').
WEAKLY_ENGLISH = "Living allowance plus education award; bilingual candidates with community roots strongly encouraged to apply"


def test_it_lets_the_documents_language_settle_a_weakly_marked_text(monkeypatch):
    assert languages.detect(WEAKLY_ENGLISH) == "en"  # lingua's answer
    monkeypatch.setattr(languages, "_by_lingua", lambda sample: pytest.fail("lingua was asked"))
    assert languages.detect(WEAKLY_ENGLISH, prior="en") == "en"
    assert languages.detect(WEAKLY_ENGLISH, lingua=False) is None


def test_it_asks_lingua_when_the_text_leans_away_from_the_document(monkeypatch):
    asked = []
    monkeypatch.setattr(languages, "_by_lingua", lambda sample: asked.append(sample) or "en")
    assert languages.detect(WEAKLY_ENGLISH, prior="es") == "en"
    assert asked


def test_it_detects_fast_enough_on_long_items():
    languages.detect("warm up the detector once so its lazy models are loaded")
    item = "Volunteer attorneys meet with clients by appointment for brief consultations. " * 400
    with no_hang(60, "detecting 200 long items"):
        for _ in range(200):
            assert languages.detect(item) == "en"
            languages.offered(item[:2000])


@pytest.mark.shared
def test_it_finds_the_offers_in_the_seed_newsletters():
    text = shared_text("seed-newsletters.txt")
    assert set(languages.offered(text)) == {"en", "es", "hi", "zh", "ar", "pl"}
    assert languages.detect(text) == "en"


@given(st.text())
def test_it_never_raises(text):
    languages.offered(text)
    found = languages.detect(text)
    assert found is None or (found.isalpha() and found.islower() and len(found) == 2)


def test_it_judges_a_long_document_by_its_body_not_its_masthead():
    masthead = "Boletín de Noticias · Read in English · " * 3
    body = "We are hiring an organizer to work with families across the state and support our clinics. " * 40
    assert languages.detect(masthead + body) == "en"
