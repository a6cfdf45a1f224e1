"""The desk's organization list: names ingestion found, checked, merged or turned down by an editor."""

from __future__ import annotations

import pytest

from puente.catalog.models import AuditLog, Contact, Item, Organization
from puente.ingest.store import Ingestor

pytestmark = pytest.mark.django_db

LETTER = (
    "Free legal clinic\n\n"
    "The Harbor Tenants Union and Know Your Rights Network host a free clinic for renters on Saturday,\n"
    "March 4, 2017 at 10am at 3500 W Lawrence Ave. Call 312-555-0100.\n"
)


def _ingest(text: str = LETTER, name: str = "letter.txt") -> None:
    Ingestor().ingest_bytes(text.encode(), name)


def _found(name: str) -> Organization:
    return Organization.objects.get(name=name)


def test_editors_see_the_names_nobody_has_checked(editor_client, organization):
    _ingest()
    page = editor_client.get("/en/desk/organizations/").content.decode()
    assert "The Harbor Tenants Union" in page
    assert organization.name not in page  # added by a person: not waiting for anyone
    assert organization.name in editor_client.get("/en/desk/organizations/?show=all").content.decode()


def test_partners_and_strangers_cannot_open_the_list(client, partner_client):
    assert partner_client.get("/en/desk/organizations/").status_code == 403
    client.logout()
    assert client.get("/en/desk/organizations/").status_code == 302


def test_merging_moves_everything_and_teaches_ingestion_the_name(editor_client, organization):
    _ingest()
    duplicate = _found("The Harbor Tenants Union")
    item = duplicate.mentioned_in.get()
    Contact.objects.create(organization=duplicate, kind="phone", value="+13125550100")
    Item.objects.filter(pk=item.pk).update(organization=duplicate)

    response = editor_client.post(
        f"/en/desk/organizations/{duplicate.slug}/merge/", {"target": organization.pk}
    )

    assert response.status_code == 302
    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    organization.refresh_from_db()
    assert "The Harbor Tenants Union" in organization.aliases
    assert list(organization.mentioned_in.all()) == [item]
    assert list(organization.items.all()) == [item]
    assert organization.contacts.filter(value="+13125550100").exists()
    assert AuditLog.objects.filter(action="merge", object_id=str(organization.pk)).exists()
    # The next newsletter naming the union links it to the organization it was merged into.
    _ingest(LETTER.replace("renters", "tenants"), "again.txt")
    assert not Organization.objects.filter(name="The Harbor Tenants Union").exists()
    assert organization.mentioned_in.count() == 2


def test_an_organization_cannot_be_merged_into_itself(editor_client, organization):
    response = editor_client.post(
        f"/en/desk/organizations/{organization.slug}/merge/", {"target": organization.pk}, follow=True
    )
    assert Organization.objects.filter(pk=organization.pk).exists()
    assert b"Choose the organization to merge with." in response.content


def test_a_name_turned_down_links_nothing_now_or_later(editor_client):
    _ingest()
    name = _found("Know Your Rights Network")
    editor_client.post(f"/en/desk/organizations/{name.slug}/reject/", {"next": "https://evil.example/"})
    name.refresh_from_db()
    assert name.rejected and not name.mentioned_in.exists()
    _ingest(LETTER.replace("renters", "neighbours"), "again.txt")
    assert not name.mentioned_in.exists()
    assert name.slug not in editor_client.get("/en/desk/organizations/").content.decode()

    editor_client.post(f"/en/desk/organizations/{name.slug}/reject/", {"undo": "1"})
    name.refresh_from_db()
    assert not name.rejected


def test_the_public_api_and_hsds_list_only_organizations_someone_stands_behind(client, organization):
    _ingest()
    rejected = _found("Know Your Rights Network")
    rejected.rejected = True
    rejected.save()
    api = [o["name"] for o in client.get("/api/organizations").json()["results"]]
    assert api == [organization.name]
    hsds = [o["name"] for o in client.get("/api/hsds/organizations.json").json()]
    assert hsds == [organization.name]
    assert client.get(f"/en/organizations/{_found('The Harbor Tenants Union').slug}/").status_code == 404
    Organization.objects.filter(name="The Harbor Tenants Union").update(last_verified="2026-11-25")
    assert "The Harbor Tenants Union" in [
        o["name"] for o in client.get("/api/organizations").json()["results"]
    ]


def test_search_finds_only_listed_organizations(client, organization):
    _ingest()
    found = client.get("/en/search/?q=harbor").content.decode()
    assert "The Harbor Tenants Union" not in found
    Organization.objects.filter(name="The Harbor Tenants Union").update(last_verified="2026-11-25")
    from puente.search.index import reindex

    reindex()
    assert "The Harbor Tenants Union" in client.get("/en/search/?q=harbor").content.decode()
