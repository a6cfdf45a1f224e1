import pytest

from puente.catalog.display import localized, same_language
from puente.public import factories

pytestmark = pytest.mark.django_db


def test_it_shows_the_original_to_readers_of_its_language():
    item = factories.item(title="Taller", body="Texto", language="es")
    shown = localized(item, "es")
    assert (shown.title, shown.is_translation, shown.language) == ("Taller", False, "es")


def test_it_shows_a_translation_when_there_is_one():
    item = factories.item(title="Workshop", body="Text")
    factories.translation(item, "zh-hans", "讲座", "正文", machine=True)
    shown = localized(item, "zh-hans")
    assert (shown.title, shown.is_translation, shown.machine, shown.outdated) == ("讲座", True, True, False)


def test_it_falls_back_to_the_original_without_a_translation():
    item = factories.item(title="Workshop", body="Text")
    shown = localized(item, "ar")
    assert (shown.title, shown.is_translation, shown.language) == ("Workshop", False, "en")


def test_it_says_when_the_original_changed_after_translation():
    item = factories.item(title="Workshop", body="Text")
    factories.translation(item, "es", "Taller", "Texto")
    item.body = "Text, now at a new time"
    item.save()
    assert localized(item, "es").outdated


def test_it_matches_chinese_whatever_the_code_style():
    assert same_language("zh", "zh-hans") and same_language("zh_Hans", "zh-hans")
    assert not same_language("", "en")


def test_it_splits_paragraphs_at_blank_lines():
    item = factories.item(body="One\r\n\r\nTwo\n\n\n")
    assert localized(item, "en").paragraphs == ["One", "Two"]
