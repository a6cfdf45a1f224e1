"""Open Referral HSDS 3.0: organizations, services, locations, phones and languages.

Services are published items of kind service/resource plus one service per organization area.
Identifiers are stable UUIDs (an item's own, or derived from slugs) so a re-export updates rather
than duplicates in the receiving system.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterable
from pathlib import Path

import usaddress
from django.conf import settings
from django.db import transaction

from puente.catalog import topics as topic_labels
from puente.catalog.models import Contact, Item, Organization, Topic

NAMESPACE = uuid.UUID("3f0d6a52-2a43-4a0e-9d4f-6f3c1c7a9b21")  # Puente's own; never change it
SERVICE_KINDS = ("service", "resource")
TABLES = {
    "organizations": ["id", "name", "alternate_name", "description", "email", "website", "uri"],
    "services": [
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "assured_date",
        "last_modified",
    ],
    "locations": ["id", "location_type", "organization_id", "name", "description"],
    "addresses": [
        "id",
        "location_id",
        "address_1",
        "address_2",
        "city",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ],
    "phones": ["id", "location_id", "service_id", "organization_id", "number", "type", "description"],
    "languages": ["id", "service_id", "location_id", "name", "code"],
    "service_at_locations": ["id", "service_id", "location_id", "description"],
}
CSV_NAMES = {"service_at_locations": "service_at_location"}


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def org_id(org: Organization) -> str:
    return stable_id("organization", org.slug)


def language_records(codes: Iterable[str], **owner) -> list[dict]:
    from babel import Locale, UnknownLocaleError

    records = []
    for code in codes:
        try:
            name = Locale.parse(code.replace("-", "_")).get_display_name("en") or code
        except (ValueError, UnknownLocaleError):
            name = code
        owner_id = next(iter(owner.values()))
        records.append({"id": stable_id("language", owner_id, code), **owner, "name": name, "code": code})
    return records


def address_record(org: Organization, location_id: str) -> dict | None:
    """HSDS wants street, city, state and postal code; a free-text place without them stays a name."""
    try:
        parts, _ = usaddress.tag(org.address)
    except usaddress.RepeatedLabelError:
        return None
    street = " ".join(
        parts.get(k, "")
        for k in ("AddressNumber", "StreetNamePreDirectional", "StreetName", "StreetNamePostType")
    )
    needed = {
        "address_1": " ".join(street.split()),
        "city": parts.get("PlaceName", ""),
        "state_province": parts.get("StateName", ""),
        "postal_code": parts.get("ZipCode", ""),
    }
    if not all(needed.values()):
        return None
    suite = " ".join(filter(None, (parts.get("OccupancyType"), parts.get("OccupancyIdentifier"))))
    country = getattr(settings, "HSDS_COUNTRY", "US")
    return {
        "id": stable_id("address", org.slug),
        "location_id": location_id,
        **needed,
        "address_2": suite,
        "country": country,
        "address_type": "physical",
    }


def location_record(org: Organization) -> dict | None:
    if not org.address:
        return None
    location_id = stable_id("location", org.slug)
    address = address_record(org, location_id)
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": org_id(org),
        "name": org.name,
        "description": org.address,
        "addresses": [address] if address else [],
        "languages": language_records(org.languages, location_id=location_id),
        "phones": [],
    }


def phone_records(numbers: Iterable[str], **owner) -> list[dict]:
    owner_id = next(iter(owner.values()))
    return [
        {"id": stable_id("phone", owner_id, n), **owner, "number": n, "type": "voice", "description": ""}
        for n in dict.fromkeys(numbers)
        if n
    ]


def organization_record(org: Organization) -> dict:
    numbers = [org.phone] + [c.value for c in org.contacts.all() if c.kind == "phone"]
    location = location_record(org)
    return {
        "id": org_id(org),
        "name": org.name,
        "alternate_name": org.acronym,
        "description": org.description or org.name,
        "email": org.email,
        "website": org.website,
        "uri": f"{settings.SITE_URL}/en/organizations/{org.slug}/",
        "phones": phone_records(numbers, organization_id=org_id(org)),
        "locations": [location] if location else [],
    }


def item_service(item: Item) -> dict:
    service_id = str(item.uuid)
    return {
        "id": service_id,
        "organization_id": org_id(item.organization) if item.organization else None,
        "name": item.title,
        "description": item.body,
        "url": f"{settings.SITE_URL}/en/items/{item.uuid}/",
        "email": next((c.value for c in item.contacts.all() if c.kind == "email"), None),
        "status": "active",
        "assured_date": item.last_checked.isoformat() if item.last_checked else None,
        "last_modified": item.updated.isoformat(),
        "phones": phone_records(
            [c.value for c in item.contacts.all() if c.kind == "phone"], service_id=service_id
        ),
        "languages": language_records(item.languages_offered, service_id=service_id),
        "service_at_locations": [],
    }


def area_service(org: Organization, topic: Topic) -> dict:
    service_id = stable_id("service", org.slug, topic.slug)
    location = stable_id("location", org.slug) if org.address else None
    return {
        "id": service_id,
        "organization_id": org_id(org),
        "name": f"{org.name}: {topic_labels.label(topic.slug)}",
        "description": org.description or org.name,
        "url": f"{settings.SITE_URL}/en/organizations/{org.slug}/",
        "email": org.email or None,
        "status": "active",
        "assured_date": org.last_verified.isoformat() if org.last_verified else None,
        "last_modified": org.updated.isoformat(),
        "phones": [],
        "languages": language_records(org.languages, service_id=service_id),
        "service_at_locations": [
            {
                "id": stable_id("sal", service_id),
                "service_id": service_id,
                "location_id": location,
                "description": "",
            }
        ]
        if location
        else [],
    }


def organizations() -> list[dict]:
    return [
        clean(organization_record(o))
        for o in Organization.objects.listed().prefetch_related("contacts").order_by("name")
    ]


def services() -> list[dict]:
    items = (
        Item.objects.published()
        .of_kind(*SERVICE_KINDS)
        .select_related("organization")
        .prefetch_related("contacts")
    )
    found = [item_service(i) for i in items.order_by("published_at", "pk")]
    for org in Organization.objects.listed().prefetch_related("areas").order_by("name"):
        found += [area_service(org, topic) for topic in org.areas.all()]
    return [clean(s) for s in found]


def clean(value):
    """HSDS types optional fields strictly (an e-mail must be one): unknown values are left out."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if v not in (None, "")}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def flat_tables() -> dict[str, list[dict]]:
    """The CSV layout: nested records pulled out into their own tables."""
    orgs, svcs = organizations(), services()
    tables = {name: [] for name in TABLES}
    tables["organizations"] = orgs
    tables["services"] = svcs
    for org in orgs:
        tables["phones"] += org["phones"]
        for location in org["locations"]:
            tables["locations"].append(location)
            tables["addresses"] += location["addresses"]
            tables["languages"] += location["languages"]
    for service in svcs:
        tables["phones"] += service["phones"]
        tables["languages"] += service["languages"]
        tables["service_at_locations"] += service["service_at_locations"]
    return tables


def csv_files() -> dict[str, str]:
    files = {}
    for name, rows in flat_tables().items():
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=TABLES[name], extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
        files[f"{CSV_NAMES.get(name, name)}.csv"] = out.getvalue()
    return files


def datapackage() -> dict:
    return {
        "name": "puente-hsds",
        "title": f"{settings.SITE_NAME}: organizations and services",
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "resources": [
            {
                "name": CSV_NAMES.get(n, n.rstrip("s")),
                "path": f"{CSV_NAMES.get(n, n)}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "profile": "tabular-data-resource",
                "schema": {"fields": [{"name": f, "type": "string"} for f in fields]},
            }
            for n, fields in TABLES.items()
        ],
    }


def export(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in (
        ("organizations.json", organizations()),
        ("services.json", services()),
        ("datapackage.json", datapackage()),
    ):
        written.append(directory / name)
        written[-1].write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    for name, text in csv_files().items():
        written.append(directory / name)
        written[-1].write_text(text, encoding="utf-8")
    return written


# --- import ---


@transaction.atomic
def import_json(path: Path) -> dict[str, int]:
    """Read organizations.json and services.json (a directory or one of the files).

    Organizations are matched by name and updated; services that were Puente items come back as
    drafts (they go through review); area services restore the organization's areas.
    """
    directory = path if path.is_dir() else path.parent
    orgs = json.loads((directory / "organizations.json").read_text(encoding="utf-8"))
    svcs = json.loads((directory / "services.json").read_text(encoding="utf-8"))
    by_id = {record["id"]: import_organization(record) for record in orgs}
    counts = {"organizations": len(by_id), "services": 0, "areas": 0}
    for record in svcs:
        kind = import_service(record, by_id.get(record.get("organization_id")))
        counts[kind] += 1
    return counts


def import_organization(record: dict) -> Organization:
    org = Organization.objects.filter(name=record["name"]).first() or Organization(name=record["name"])
    org.acronym = record.get("alternate_name") or ""
    org.description = "" if record.get("description") == record["name"] else record.get("description", "")
    org.email, org.website = record.get("email") or "", record.get("website") or ""
    phones = [p["number"] for p in record.get("phones", [])]
    org.phone = phones[0] if phones else ""
    locations = record.get("locations") or []
    org.address = locations[0].get("description", "") if locations else ""
    org.languages = (
        [lang["code"] for lang in locations[0].get("languages", [])] if locations else org.languages
    )
    org.save()
    org.contacts.filter(kind="phone").delete()
    Contact.objects.bulk_create([Contact(organization=org, kind="phone", value=n) for n in phones[1:]])
    return org


def import_service(record: dict, org: Organization | None) -> str:
    if org is not None:
        for topic in Topic.objects.all():
            if record["id"] == stable_id("service", org.slug, topic.slug):
                org.areas.add(topic)
                return "areas"
    item, _ = Item.objects.get_or_create(
        uuid=uuid.UUID(record["id"]),
        defaults={
            "kind": "service",
            "title": record["name"][:500],
            "body": record.get("description", ""),
            "organization": org,
        },
    )
    item.languages_offered = [lang["code"] for lang in record.get("languages", []) if lang.get("code")]
    item.save(update_fields=["languages_offered"])
    item.contacts.filter(kind__in=("phone", "email")).delete()
    contacts = [Contact(item=item, kind="phone", value=p["number"]) for p in record.get("phones", [])]
    if record.get("email"):
        contacts.append(Contact(item=item, kind="email", value=record["email"]))
    Contact.objects.bulk_create(contacts)
    return "services"
