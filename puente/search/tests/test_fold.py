"""Folding is pure: no database."""

from puente.search.fold import fold, without_spaces, words


def test_it_removes_accents_and_case_from_latin_text():
    assert fold("Asesoría LEGAL gratuita, Łódź") == "asesoria legal gratuita, łodz"


def test_it_keeps_devanagari_vowel_signs():
    assert fold("कानूनी मदद") == "कानूनी मदद"


def test_it_removes_arabic_vowel_marks():
    assert fold("مُسَاعَدَة") == "مساعدة"


def test_it_splits_words_after_folding():
    assert words("¿Dónde está la clínica?") == ["donde", "esta", "la", "clinica"]


def test_it_knows_chinese_has_no_spaces():
    assert without_spaces("法律帮助")
    assert not without_spaces("legal help")
