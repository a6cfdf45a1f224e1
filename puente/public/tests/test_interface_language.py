"""No English left on a page in another language.

Each page type is rendered in English and in every other language. Text shown by the interface
(everything outside content blocks, which carry their own ``lang``) that is identical in both
renderings is an untranslated string, unless it is a name, a number or a word that really is the
same in that language.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LANGUAGES = ["es", "hi", "zh-hans", "ar", "pl"]
LOCALE = Path(__file__).resolve().parents[2] / "locale"
# Words that are the same in both languages (checked by a speaker, not guessed).
SAME_IN = {
    "pl": {"E-mail", "Online", "Hindi", "DACA"},
    "es": {"DACA", "Hindi"},
    "hi": {"DACA"},
}
VISIBLE_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class InterfaceText(HTMLParser):
    """Collects text and labelling attributes, skipping anything inside an element with its own lang."""

    VOID = {"meta", "link", "br", "input", "img", "hr", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.texts: set[str] = set()

    def skipping(self) -> bool:
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        own_language = "lang" in attrs and tag != "html"
        if tag == "meta" and attrs.get("name") == "description":
            self.texts.add(attrs.get("content", "").strip())
        if not (own_language or self.skipping()):
            self.texts.update(attrs[a].strip() for a in VISIBLE_ATTRIBUTES if attrs.get(a))
        if tag not in self.VOID:
            self.stack.append((tag, own_language or tag in ("script", "style", "time", "bdi")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.skipping() and data.strip():
            self.texts.add(" ".join(data.split()))


def interface_text(html: str) -> set[str]:
    parser = InterfaceText()
    parser.feed(html)
    return {t for t in parser.texts if any(c.isalpha() for c in t)}


def content_values(db_objects) -> set[str]:
    return {v for v in db_objects if v}


@pytest.fixture
def content(site) -> set[str]:
    from puente.catalog.models import Contact, Event, Item, Organization, Page, Story

    values = {"Puente", "WhatsApp"}
    for org in Organization.objects.all():
        values |= {org.name, org.acronym, f"({org.acronym})", org.email, org.hours, org.phone}
    values |= set(Item.objects.values_list("title", flat=True))
    values |= set(Story.objects.values_list("title", flat=True))
    values |= set(Page.objects.values_list("title", flat=True))
    values |= set(Event.objects.values_list("location", flat=True))
    values |= set(Contact.objects.values_list("value", flat=True))
    return {v for v in values if v}


def leftovers(english: set[str], other: set[str], content: set[str], language: str) -> set[str]:
    same = english & other
    allowed = SAME_IN.get(language.split("-")[0], set())
    return {
        t
        for t in same
        if t not in content and t not in allowed and not any(c in t for c in content if len(c) > 6)
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_interface_string_is_left_in_english(client, site, content, language):
    for name, path in site.items():
        english = interface_text(client.get(f"/en/{path}").content.decode())
        other = interface_text(client.get(f"/{language}/{path}").content.decode())
        assert not leftovers(english, other, content, language), name


@pytest.mark.parametrize("language", ["es", "hi", "zh_Hans", "ar", "pl"])
def test_every_message_in_the_catalogue_is_translated(language):
    with (LOCALE / language / "LC_MESSAGES" / "django.po").open("rb") as f:
        catalog = read_po(f)
    assert not catalog.fuzzy
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), message.id
        assert "fuzzy" not in message.flags, message.id


@pytest.mark.parametrize("language", ["es", "hi", "zh_Hans", "ar", "pl"])
def test_compiled_catalogues_are_not_older_than_their_sources(language):
    folder = LOCALE / language / "LC_MESSAGES"
    assert (folder / "django.mo").stat().st_mtime >= (folder / "django.po").stat().st_mtime - 1


def test_the_check_would_notice_english(client, site, content):
    # Compare English with itself: every interface string is then "left in English".
    english = interface_text(client.get(f"/en/{site['event']}").content.decode())
    found = leftovers(english, english, content, "es")
    assert {"Add to calendar", "Skip to content", "Find help", "Share"} <= found
    assert "Know-your-rights workshop" not in found  # content is not interface
