from hypothesis import given
from hypothesis import strategies as st

from puente.extract import topics


def test_it_finds_topics_from_cue_words():
    text = "Get a legal consultation: call to schedule an appointment with an attorney about asylum."
    assert topics.find(text) == ("legal",)


def test_it_finds_several_topics_in_vocabulary_order():
    text = "Know your rights if ICE comes to your door; DACA renewals and refugees' housing help."
    assert topics.find(text) == ("know-your-rights", "housing", "refugees", "detention", "daca")


def test_it_reads_spanish_and_polish_cues():
    assert topics.find("Banco de alimentos y apoyo emocional para familias") == ("mental-health", "food")
    assert topics.find("Bezpłatna pomoc prawna dla uchodźców") == ("legal", "refugees")


def test_it_matches_phrases_whose_first_word_is_a_prefix():
    assert topics.find("Trafił do ośrodka strzeżonego w Przemyślu.") == ("detention",)
    assert topics.find("Darmowe porady prawne w sobotę.") == ("legal",)


def test_it_matches_capitalised_cues_by_case():
    assert "detention" not in topics.find("Free ice cream for the volunteers")
    assert "detention" in topics.find("Report ICE activity")


def test_it_only_uses_the_sites_vocabulary():
    text = "legal help, outreach, mental health, employers, know your rights, health, housing, food, jobs, "
    text += "school, citizenship, refugees, detention, DACA"
    assert topics.find(text) == topics.TOPICS


@given(st.text())
def test_it_never_raises(text):
    assert set(topics.find(text)) <= set(topics.TOPICS)
