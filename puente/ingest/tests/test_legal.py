"""Items that sound like legal advice wait for a person, in every language we read."""

from puente.ingest.legal import legal_words, sounds_legal


def test_it_finds_legal_words_in_several_languages():
    assert legal_words("Talk to an Attorney about your immigration   status") == [
        "attorney",
        "immigration status",
    ]
    assert legal_words("Consulta gratis con un abogado") == ["abogado"]
    assert legal_words("免费律师咨询") == ["律师"]
    assert legal_words("Porada prawna w sobotę") == ["porada prawna"]


def test_it_matches_whole_words_only():
    assert sounds_legal("Open gym at the basketball court")  # "court" is a legal word: held, to be safe
    assert legal_words("A courtesy visit to the courtyard") == []


def test_the_legal_topic_alone_is_enough():
    assert sounds_legal("Know your neighbours", topics=("legal",))
    assert not sounds_legal("Food pantry open on Saturday")
