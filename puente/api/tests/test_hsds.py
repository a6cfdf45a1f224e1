"""The HSDS 3.0 export validates against Open Referral's schemas and survives an import round trip."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import jsonschema_rs
import pytest
from django.core.management import call_command

from puente.catalog.models import Contact, Item, Organization, Topic
from puente.digests.tests.helpers import make_item

pytestmark = pytest.mark.django_db


def validator(shared: Path, name: str):
    folder = shared / "hsds" / "schema"

    def retrieve(uri: str):
        return json.loads((folder / uri.rsplit("/", 1)[-1]).read_text())

    schema = json.loads((folder / f"{name}.json").read_text())
    return jsonschema_rs.validator_for(
        schema, retriever=retrieve, base_uri=(folder / f"{name}.json").as_uri(), validate_formats=True
    )


@pytest.fixture
def directory(db):
    org = Organization.objects.create(
        name="Lakeside Immigrant Legal Center",
        acronym="LILC",
        description="Free immigration legal help.",
        phone="+13125550100",
        email="help@lilc.example",
        website="https://lilc.example",
        address="1200 W Main St, Suite 3, Chicago, IL 60607",
        languages=["es", "en", "pl"],
    )
    Contact.objects.create(organization=org, kind="phone", value="+13125550199")
    org.areas.add(Topic.objects.get_or_create(slug="legal", defaults={"name": "Legal"})[0])
    Organization.objects.create(name="Library Friends", address="the public library")
    service = make_item("Free consultations", kind="service", organization=org, languages_offered=["es"])
    Contact.objects.create(item=service, kind="phone", value="+13125550123")
    make_item("Ordinary news", organization=org)
    make_item("Draft service", kind="service", status=Item.DRAFT)
    return org


def test_the_json_export_validates_against_the_hsds_schemas(client, directory, shared):
    organizations = client.get("/api/hsds/organizations.json").json()
    services = client.get("/api/hsds/services.json").json()
    check_org, check_service = validator(shared, "organization"), validator(shared, "service")
    example = json.loads((shared / "hsds" / "examples" / "organization_full.json").read_text())
    assert check_org.is_valid(example)  # the validator resolves $refs: Open Referral's own example passes
    assert not check_org.is_valid({**organizations[0], "id": "not-a-uuid"})  # and it can fail
    for record in organizations:
        check_org.validate(record)
    for record in services:
        check_service.validate(record)
    names = sorted(s["name"] for s in services)
    assert names == ["Free consultations", "Lakeside Immigrant Legal Center: Legal help"]
    lilc = next(o for o in organizations if o["alternate_name"] == "LILC")
    assert [p["number"] for p in lilc["phones"]] == ["+13125550100", "+13125550199"]
    [location] = lilc["locations"]
    assert (
        location["addresses"][0]["city"] == "Chicago" and location["addresses"][0]["postal_code"] == "60607"
    )
    assert [lang["code"] for lang in location["languages"]] == ["es", "en", "pl"]


def test_the_csv_package_has_every_table_with_the_hsds_columns(client, directory, shared):
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/hsds/datapackage.zip").content))
    reference = json.loads((shared / "hsds" / "datapackage.json").read_text())
    columns = {r["path"]: [f["name"] for f in r["schema"]["fields"]] for r in reference["resources"]}
    for name in (
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "phones.csv",
        "languages.csv",
        "addresses.csv",
    ):
        header = next(csv.reader(io.StringIO(archive.read(name).decode())))
        assert set(header) <= set(columns[name]), name  # only real HSDS columns
        assert "id" in header
    phones = list(csv.DictReader(io.StringIO(archive.read("phones.csv").decode())))
    assert {p["number"] for p in phones} == {"+13125550100", "+13125550199", "+13125550123"}


def test_an_export_imported_into_an_empty_site_exports_the_same(directory, tmp_path):
    call_command("hsds_export", str(tmp_path / "out"))
    before = {
        n: json.loads((tmp_path / "out" / n).read_text()) for n in ("organizations.json", "services.json")
    }
    Item.objects.all().delete()
    Organization.objects.all().delete()
    call_command("hsds_import", str(tmp_path / "out"))
    imported = Item.objects.get()
    assert imported.status == Item.DRAFT  # imported services wait for review
    imported.publish()
    imported.save()
    call_command("hsds_export", str(tmp_path / "again"))
    for name, data in before.items():
        again = json.loads((tmp_path / "again" / name).read_text())
        assert strip_times(again) == strip_times(data), name


def strip_times(records: list[dict]) -> list[dict]:
    return sorted(
        ({k: v for k, v in r.items() if k != "last_modified"} for r in records), key=lambda r: r["id"]
    )
