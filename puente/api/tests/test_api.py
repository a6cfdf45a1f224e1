"""The JSON API: published things only, filters, pages, partner submissions, local docs."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from puente.accounts.models import Profile
from puente.api.auth import issue
from puente.catalog.models import AuditLog, Item, Story, Translation
from puente.digests.tests.helpers import make_event, make_item

pytestmark = pytest.mark.django_db


def test_it_lists_only_published_items_newest_first(client):
    make_item("Older", published_at=timezone.now() - timedelta(days=2))
    make_item("Newer")
    make_item("Draft", status=Item.DRAFT)
    data = client.get("/api/items").json()
    assert [r["title"] for r in data["results"]] == ["Newer", "Older"]
    assert data["count"] == 2 and data["pages"] == 1


def test_it_filters_by_kind_topic_language_and_since(client):
    legal = make_item("Clinic", topics=["legal"], kind="service")
    make_item("Counselling", topics=["mental-health"])
    Translation.objects.create(
        item=legal, language="es", title="Clínica", body="Sábado", source_hash=legal.source_hash
    )
    assert [r["title"] for r in client.get("/api/items?topic=legal").json()["results"]] == ["Clinic"]
    assert [r["title"] for r in client.get("/api/items?kind=service").json()["results"]] == ["Clinic"]
    [spanish] = client.get("/api/items?language=es").json()["results"]
    assert (spanish["title"], spanish["language"], spanish["original_language"]) == ("Clínica", "es", "en")
    future = (timezone.now() + timedelta(hours=1)).isoformat()
    assert client.get("/api/items", {"since": future}).json()["count"] == 0
    assert client.get("/api/services").json()["count"] == 1


def test_it_pages_results(client, django_assert_max_num_queries):
    for n in range(25):
        make_item(f"Item {n}")
    with django_assert_max_num_queries(6):
        first = client.get("/api/items?page_size=10").json()
    last = client.get("/api/items?page_size=10&page=3").json()
    assert (first["count"], first["pages"], len(first["results"]), len(last["results"])) == (25, 3, 10, 5)
    assert client.get("/api/items?page=0").status_code == 422


def test_a_draft_is_not_found_by_uuid(client):
    draft = make_item("Draft", status=Item.DRAFT)
    assert client.get(f"/api/items/{draft.uuid}").status_code == 404
    published = make_item("Public")
    assert client.get(f"/api/items/{published.uuid}").json()["title"] == "Public"


def test_events_filter_upcoming_and_past(client):
    make_event("Soon")
    make_event("Over", start=timezone.now() - timedelta(days=3))
    assert [e["title"] for e in client.get("/api/events?upcoming=true").json()["results"]] == ["Soon"]
    assert [e["title"] for e in client.get("/api/events?upcoming=false").json()["results"]] == ["Over"]
    assert client.get("/api/events").json()["count"] == 2


def test_stories_organizations_and_topics(client, organization):
    story = Story.objects.create(title="Raids in the county")
    make_item("Report", story=story)
    Story.objects.create(title="Only drafts")
    organization.languages = ["es", "en"]
    organization.save()
    assert [s["title"] for s in client.get("/api/stories").json()["results"]] == ["Raids in the county"]
    assert client.get("/api/organizations?language=es").json()["count"] == 1
    assert client.get("/api/organizations?language=pl").json()["count"] == 0
    assert client.get(f"/api/organizations/{organization.slug}").json()["acronym"] == "LILC"
    names = {t["slug"]: t["name"] for t in client.get("/api/topics?language=es").json()}
    assert names["legal"] != "Legal help"  # translated by the catalogue's labels


def test_a_partner_submits_an_item_as_a_draft_of_their_organization(client, partner, organization):
    token = issue(partner.profile)
    payload = {
        "kind": "event",
        "title": "Community meeting",
        "body": "Thursday at the library.",
        "topics": ["community-education"],
        "events": [{"start": "2026-12-03T18:00:00-06:00", "location": "Library"}],
    }
    response = client.post(
        "/api/items", payload, content_type="application/json", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 201
    item = Item.objects.get(uuid=response.json()["uuid"])
    assert (item.status, item.organization, item.submitted_by) == (Item.DRAFT, organization, partner)
    assert item.events.get().location == "Library"
    assert AuditLog.objects.filter(action="api_submit", object_id=str(item.pk)).exists()
    assert client.get(f"/api/items/{item.uuid}").status_code == 404  # not public before review


def test_submissions_need_a_partners_token(client, editor, partner):
    payload = {"kind": "news", "title": "x", "body": "y"}
    assert client.post("/api/items", payload, content_type="application/json").status_code == 401
    wrong = {"Authorization": "Bearer not-a-token"}
    assert (
        client.post("/api/items", payload, content_type="application/json", headers=wrong).status_code == 401
    )
    Profile.objects.filter(user=partner).update(role=Profile.EDITOR)
    token = issue(Profile.objects.get(user=partner))
    headers = {"Authorization": f"Bearer {token}"}
    assert (
        client.post("/api/items", payload, content_type="application/json", headers=headers).status_code
        == 401
    )


def test_the_token_command_shows_a_token_once_and_stores_only_its_hash(partner, capsys):
    call_command("api_token", partner.username)
    token = capsys.readouterr().out.strip()
    partner.profile.refresh_from_db()
    assert len(token) > 30 and token not in partner.profile.api_token_hash


def test_the_docs_page_loads_nothing_from_elsewhere(client):
    html = client.get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources)
    for source in sources:
        assert client.get(source).status_code == 200
    assert client.get("/api/openapi.json").json()["info"]["title"] == "Puente API"


def test_text_postgresql_cannot_store_and_dates_it_cannot_hold_are_refused(client, partner):
    headers = {"Authorization": f"Bearer {issue(partner.profile)}"}
    payload = {"kind": "news", "title": "a\x00b", "body": "y"}
    response = client.post("/api/items", payload, content_type="application/json", headers=headers)
    assert response.status_code == 422
    assert client.get("/api/items", {"since": "0001-01-01T00:00:00+01:00"}).status_code == 422
    assert client.get("/api/organizations/a%00b").status_code in (404, 422)
