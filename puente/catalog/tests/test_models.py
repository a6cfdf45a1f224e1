"""The catalogue's vocabulary everyone starts from: published(), visible_to(), upcoming(), outdated."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from puente.catalog.models import Event, Item, Topic, Translation

pytestmark = pytest.mark.django_db


def test_only_published_items_are_public():
    draft = Item.objects.create(title="Draft", body="x")
    live = Item.objects.create(title="Live", body="x")
    live.publish()
    live.save()
    assert list(Item.objects.published()) == [live]
    assert list(Item.objects.awaiting_review()) == [draft]


def test_each_role_sees_what_it_may(editor, partner, outsider, admin_user, organization, other_organization):
    ours = Item.objects.create(title="Ours", body="x", organization=organization)
    Item.objects.create(title="Theirs", body="x", organization=other_organization)
    assert Item.objects.visible_to(editor).count() == 2
    assert Item.objects.visible_to(admin_user).count() == 2
    assert list(Item.objects.visible_to(partner)) == [ours]
    assert not Item.objects.visible_to(outsider).exists()


def test_events_are_upcoming_until_they_end():
    item = Item.objects.create(title="Rally", body="x", status=Item.PUBLISHED)
    now = timezone.now()
    running = Event.objects.create(item=item, start=now - timedelta(hours=1), end=now + timedelta(hours=1))
    past = Event.objects.create(item=item, start=now - timedelta(days=2))
    assert list(Event.objects.published().upcoming(now)) == [running]
    assert list(Event.objects.published().past(now)) == [past]


def test_a_translation_is_outdated_once_the_original_changes():
    item = Item.objects.create(title="Coats", body="Winter coats.")
    translation = Translation.objects.create(item=item, language="es", title="Abrigos", body="Abrigos.",
                                             source_hash=item.source_hash)  # fmt: skip
    assert translation.status == Translation.CURRENT
    item.body = "Winter coats and boots."
    item.save()
    translation.refresh_from_db()
    assert translation.status == Translation.OUTDATED


def test_the_topics_are_seeded_with_the_needs_first():
    needs = list(Topic.objects.filter(is_need=True).values_list("slug", flat=True))
    assert needs == ["legal", "community-education", "mental-health", "employers", "know-your-rights"]
    assert Topic.objects.get(slug="daca").name == "DACA"
