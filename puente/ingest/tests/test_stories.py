"""The same story from several sources becomes one Story crediting each; different ones stay apart."""

from __future__ import annotations

import pytest

from puente.catalog.models import AuditLog, Item, Source, Story
from puente.ingest import stories
from puente.ingest.store import Ingestor

CLINIC = [
    "Free immigration clinic at the Albany Park library on Saturday, March 4 from 10am to 2pm. "
    "Volunteers help families prepare documents and plan for emergencies. Spanish and Polish "
    "interpreters will be there. Please bring your questions and share with neighbours.",
    "REMINDER: free immigration clinic at the Albany Park library on Saturday, March 4, from 10am "
    "to 2pm! Volunteers help families prepare documents and plan for emergencies. Spanish and "
    "Polish interpreters will be there. Bring your questions and share with your neighbours.",
    "Join us: a free immigration clinic at the Albany Park library on Saturday, March 4 from 10am "
    "to 2pm. Volunteers help families prepare documents and plan for emergencies; Spanish and "
    "Polish interpreters will be there. Please bring your questions.",
]
UNRELATED = [
    "The food pantry on Lawrence Avenue now opens every Tuesday and Thursday afternoon for "
    "families in the neighbourhood, with fresh produce and no identification required.",
    "We are hiring a bilingual community organizer to lead our outreach in the northwest side; "
    "applications close at the end of the month and the job is full time with benefits.",
]


def test_rewrites_of_one_announcement_group_together_and_others_stay_apart():
    entries = [(f"c{n}", t, ()) for n, t in enumerate(CLINIC)] + [
        (f"u{n}", t, ()) for n, t in enumerate(UNRELATED)
    ]
    assert [sorted(g) for g in stories.group(entries)] == [["c0", "c1", "c2"]]


def test_short_boilerplate_is_never_a_story():
    entries = [("a", "Read in English", ()), ("b", "Read in English", ()), ("c", "Donate today!", ())]
    assert stories.group(entries) == []


def test_the_same_start_and_place_is_the_same_event_however_worded():
    key = stories.event_key("2017-03-04T10:00", "Albany Park Library, 5150 N Kimball")
    assert key == stories.event_key("2017-03-04T10:00", "albany park library 5150 n kimball ave")
    assert key != stories.event_key("2017-03-04T11:00", "Albany Park Library, 5150 N Kimball")
    assert stories.event_key("2017-03-04T10:00", "") is None
    entries = [
        ("a", "Saturday gathering for families", (key,)),
        ("b", "Spring potluck and rights talk", (key,)),
    ]
    assert stories.group(entries) == [["a", "b"]]


def test_signatures_survive_storage():
    sig = stories.signature(CLINIC[0])
    back = stories.from_bytes(stories.to_bytes(sig))
    assert back.jaccard(sig) == 1.0
    assert stories.from_bytes(b"") is None


@pytest.mark.django_db
def test_three_sources_telling_one_story_make_one_story_with_three_sources():
    for n, text in enumerate([*CLINIC, *UNRELATED]):
        source = Source.objects.create(name=f"Partner {n}", kind="upload", address=f"p{n}")
        Ingestor(source).ingest_bytes(f"{text}\n".encode(), f"letter-{n}.txt")
    story = Story.objects.get()
    assert story.items.count() == 3
    assert set(story.items.values_list("document__source__name", flat=True)) == {
        "Partner 0",
        "Partner 1",
        "Partner 2",
    }
    assert not Item.objects.filter(story__isnull=True, body__icontains="clinic").exists()
    assert Item.objects.filter(story__isnull=True).count() == 2


@pytest.mark.django_db
def test_an_index_rebuilt_from_stored_signatures_still_finds_the_story():
    for n, text in enumerate(CLINIC[:2]):
        source = Source.objects.create(name=f"Partner {n}", kind="upload", address=f"p{n}")
        Ingestor(source).ingest_bytes(f"{text}\n".encode(), f"letter-{n}.txt")  # a fresh index each run
    assert Story.objects.get().items.count() == 2


@pytest.mark.django_db
def test_an_editor_splits_an_item_out_and_merges_it_back(editor_client):
    for n, text in enumerate([CLINIC[0], CLINIC[1], UNRELATED[0]]):
        source = Source.objects.create(name=f"Partner {n}", kind="upload", address=f"p{n}")
        Ingestor(source).ingest_bytes(f"{text}\n".encode(), f"letter-{n}.txt")
    first, second = Item.objects.filter(story__isnull=False).order_by("pk")
    pantry = Item.objects.get(story__isnull=True)

    assert editor_client.post(f"/en/desk/items/{second.pk}/split/").status_code == 302
    assert not Story.objects.exists()  # a story of one is no story
    assert AuditLog.objects.filter(action="split", object_id=str(second.pk)).exists()

    editor_client.post(f"/en/desk/items/{pantry.pk}/merge/", {"target": first.pk})
    editor_client.post(f"/en/desk/items/{second.pk}/merge/", {"target": pantry.pk})
    story = Story.objects.get()
    assert set(story.items.values_list("pk", flat=True)) == {first.pk, second.pk, pantry.pk}
    assert AuditLog.objects.filter(action="merge").count() == 2


@pytest.mark.django_db
def test_a_partner_cannot_merge_or_split(partner_client):
    assert partner_client.post("/en/desk/items/1/split/").status_code == 403


@pytest.mark.django_db
def test_newsletters_pasted_into_one_file_can_share_a_story_but_one_newsletter_cannot():
    source = Source.objects.create(name="Digest", kind="upload", address="d")
    from puente.catalog.models import Document

    doc = Document.objects.create(source=source, content_hash="c" * 64, raw=b"x", text="x")
    index = stories.StoryIndex()

    def add(text: str, newsletter: int) -> Item:
        item = Item.objects.create(document=doc, title=text[:40], body=text, extracted={"newsletter": newsletter},
                                   signature=stories.to_bytes(stories.signature(text)))  # fmt: skip
        stories.attach(item, index)
        return item

    first = add(CLINIC[0], 0)
    same_letter = add(CLINIC[1], 0)
    assert same_letter.story is None
    other_letter = add(CLINIC[2], 1)
    assert other_letter.story is not None
    assert set(other_letter.story.items.values_list("pk", flat=True)) >= {first.pk, other_letter.pk}
