"""The review desk: sign-in, the queue, reviewing a document, editing, approving, partners' limits."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from puente.catalog.models import AuditLog, Document, Event, Item, Source, Translation
from puente.ingest.store import Ingestor

pytestmark = pytest.mark.django_db

LETTER = (
    "Know your rights workshop\n\n"
    "A workshop for families on Saturday, March 4, 2017 at 10am at 3500 W Lawrence Ave.\n\n"
    "Food pantry open every Tuesday\n\n"
    "Fresh produce every Tuesday afternoon at 4750 N Sheridan Rd. No ID needed.\n"
)


def _item(organization=None, **fields) -> Item:
    defaults = {
        "title": "Winter coats for families",
        "body": "Coats for children at the centre.",
        "kind": "resource",
    }
    return Item.objects.create(organization=organization, **{**defaults, **fields})


def _document(text: str = LETTER, name: str = "letter.txt") -> Document:
    Ingestor().ingest_bytes(text.encode(), name)
    return Document.objects.get(filename=name)


# --- signing in --------------------------------------------------------------------------------------


def test_the_desk_asks_strangers_to_sign_in(client):
    response = client.get("/en/desk/")
    assert response.status_code == 302 and response["Location"].startswith("/en/desk/login/")
    page = client.get("/en/desk/login/")
    assert page.status_code == 200 and b"csrfmiddlewaretoken" in page.content


def test_an_editor_signs_in_and_out(client, editor):
    response = client.post(
        "/en/desk/login/", {"username": editor.username, "password": "correct horse battery"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/desk/"
    assert client.get("/en/desk/").status_code == 200
    client.post("/en/desk/logout/")
    assert client.get("/en/desk/").status_code == 302


def test_five_wrong_passwords_lock_the_account(client, editor):
    for _ in range(5):
        client.post(
            "/en/desk/login/", {"username": editor.username, "password": "wrong"}, REMOTE_ADDR="10.9.9.9"
        )
    locked = client.post(
        "/en/desk/login/",
        {"username": editor.username, "password": "correct horse battery"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert locked.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_someone_without_a_role_is_refused(client, outsider):
    client.force_login(outsider)
    assert client.get("/en/desk/").status_code == 403


# --- the queue ------------------------------------------------------------------------------------------


def test_the_queue_lists_drafts_in_a_fixed_number_of_queries(editor_client, django_assert_num_queries):
    source = Source.objects.create(name="Partner", kind="upload", address="p")
    doc = Document.objects.create(source=source, content_hash="a" * 64, raw=b"x", text="x")
    for n in range(3):
        _item(title=f"Draft {n}", document=doc)
    editor_client.get("/en/desk/")  # warm the session and caches
    with django_assert_num_queries(8) as few:
        editor_client.get("/en/desk/")
    for n in range(20):
        _item(title=f"More {n}", document=doc)
    with django_assert_num_queries(len(few.captured_queries)):
        response = editor_client.get("/en/desk/")
    assert response.content.count(b'class="card"') == 23


def test_the_queue_filters_by_status_kind_and_source(editor_client):
    _item(title="Draft resource")
    _item(title="Published event", kind="event", status=Item.PUBLISHED)
    assert b"Draft resource" in editor_client.get("/en/desk/").content
    events = editor_client.get("/en/desk/?status=published&kind=event").content
    assert b"Published event" in events and b"Draft resource" not in events
    assert b"Published event" not in editor_client.get("/en/desk/?status=published&kind=job").content


# --- reviewing a document ------------------------------------------------------------------------------------


def test_the_document_screen_marks_each_items_span_and_links_its_form(editor_client):
    doc = _document()
    page = editor_client.get(f"/en/desk/documents/{doc.pk}/").content.decode()
    for item in doc.items.all():
        assert f'<mark id="span-{item.pk}"><a class="span-label" href="#item-{item.pk}">' in page
        assert f'id="item-{item.pk}"' in page
        assert f'action="/en/desk/items/{item.pk}/"' in page
    assert page.count("csrfmiddlewaretoken") >= doc.items.count()


def test_a_long_document_shows_every_span_and_a_page_of_forms(editor_client):
    source = Source.objects.create(name="Partner", kind="upload", address="p")
    text = "".join(f"Notice {n}. " for n in range(30))
    doc = Document.objects.create(source=source, content_hash="b" * 64, raw=text.encode(), text=text)
    items = [
        _item(title=f"Notice {n}", document=doc, position=n, span_start=text.index(f"Notice {n}."),
              span_end=text.index(f"Notice {n}.") + len(f"Notice {n}."))
        for n in range(30)
    ]  # fmt: skip
    first = editor_client.get(f"/en/desk/documents/{doc.pk}/").content.decode()
    assert first.count("<mark ") == 30
    assert first.count('class="card item-card') == 12
    assert f'href="#item-{items[0].pk}"' in first and f'href="?page=2#item-{items[12].pk}"' in first
    second = editor_client.get(f"/en/desk/documents/{doc.pk}/?page=2").content.decode()
    assert f'id="item-{items[12].pk}"' in second and f'id="item-{items[0].pk}"' not in second
    approved = editor_client.post(f"/en/desk/items/{items[13].pk}/approve/")
    assert approved["Location"] == f"/en/desk/documents/{doc.pk}/?page=2#item-{items[13].pk}"


def test_html_with_scripts_is_stored_but_never_rendered(editor_client):
    html = (
        b'<html><body><h1>Clinic on Saturday</h1><p onclick="steal()">Free help at 10am.</p>'
        b"<script>alert('owned')</script><p>&lt;script&gt;alert('text')&lt;/script&gt;</p></body></html>"
    )
    Ingestor().ingest_bytes(html, "letter.html")
    doc = Document.objects.get()
    assert bytes(doc.raw) == html
    page = editor_client.get(f"/en/desk/documents/{doc.pk}/").content
    assert b"<script>alert" not in page and b"onclick" not in page and b"steal()" not in page
    if b"alert('text')" in page:  # the text's own "<script>" words are shown, escaped
        assert b"&lt;script&gt;alert(&#x27;text&#x27;)" in page


def test_editing_an_item_records_the_correction_and_the_audit(editor_client, editor):
    doc = _document()
    item = doc.items.order_by("position").first()
    p = f"item-{item.pk}"
    data = {
        f"{p}-kind": "service", f"{p}-title": item.title, f"{p}-body": item.body, f"{p}-language": item.language,
        f"ev-{item.pk}-TOTAL_FORMS": "1", f"ev-{item.pk}-INITIAL_FORMS": "0",
        f"ev-{item.pk}-0-starts": "2017-03-04T10:00", f"ev-{item.pk}-0-timezone": "America/New_York",
        f"ev-{item.pk}-0-location": "Lawrence Ave",
        f"ct-{item.pk}-TOTAL_FORMS": "0", f"ct-{item.pk}-INITIAL_FORMS": "0",
    }  # fmt: skip
    item.events.all().delete()
    response = editor_client.post(f"/en/desk/items/{item.pk}/", data)
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{item.pk}")
    item.refresh_from_db()
    assert item.kind == "service"
    assert {"kind", "events"} <= set(item.corrected_fields)
    event = Event.objects.get(item=item)
    assert event.timezone == "America/New_York"
    assert event.start.astimezone(timezone.get_fixed_timezone(-300)).hour == 10  # 10am Eastern
    entry = AuditLog.objects.get(action="edit")
    assert entry.user == editor and entry.before["kind"] != "service" and entry.after["kind"] == "service"


def test_approving_publishes_and_is_audited(editor_client):
    item = _item()
    editor_client.post(f"/en/desk/items/{item.pk}/approve/")
    item.refresh_from_db()
    assert item.status == Item.PUBLISHED and item.published_at
    assert Item.objects.published().filter(pk=item.pk).exists()
    assert AuditLog.objects.filter(action="approve", object_id=str(item.pk)).exists()
    editor_client.post(f"/en/desk/items/{item.pk}/reject/")
    item.refresh_from_db()
    assert item.status == Item.REJECTED


def test_a_whole_document_is_approved_at_once(editor_client):
    doc = _document()
    editor_client.post(f"/en/desk/documents/{doc.pk}/approve/")
    assert not doc.items.filter(status=Item.DRAFT).exists()
    assert AuditLog.objects.filter(action="approve").count() == doc.items.count()


def test_actions_need_post_and_csrf(editor):
    from django.test import Client

    item = _item()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.get(f"/en/desk/items/{item.pk}/approve/").status_code == 405
    assert strict.post(f"/en/desk/items/{item.pk}/approve/").status_code == 403
    item.refresh_from_db()
    assert item.status == Item.DRAFT


def test_a_translation_is_flagged_outdated_when_the_original_changes(editor_client):
    item = _item(language="en")
    editor_client.post(f"/en/desk/items/{item.pk}/translations/es/", {"title": "Abrigos", "body": "Abrigos."})
    translation = Translation.objects.get(item=item, language="es")
    assert translation.status == Translation.CURRENT
    item.body = "Coats and boots for children at the centre."
    item.save()
    page = editor_client.get(f"/en/desk/items/{item.pk}/").content.decode()
    assert 'class="badge outdated"' in page
    assert editor_client.get(f"/en/desk/items/{item.pk}/translations/xx/").status_code == 404


# --- partners ---------------------------------------------------------------------------------------------


def test_a_partner_sees_and_changes_only_its_own_organization(
    partner_client, organization, other_organization
):
    own = _item(organization, title="Our clinic")
    theirs = _item(other_organization, title="Their clinic")
    queue = partner_client.get("/en/desk/").content
    assert b"Our clinic" in queue and b"Their clinic" not in queue
    assert partner_client.get(f"/en/desk/items/{own.pk}/").status_code == 200
    assert partner_client.get(f"/en/desk/items/{theirs.pk}/").status_code == 404
    assert partner_client.post(f"/en/desk/items/{theirs.pk}/", {"item-x": "1"}).status_code == 404
    assert partner_client.post(f"/en/desk/items/{theirs.pk}/approve/").status_code == 403
    assert partner_client.post(f"/en/desk/items/{own.pk}/approve/").status_code == 403
    assert partner_client.get(f"/en/desk/organizations/{other_organization.slug}/").status_code == 404
    theirs.refresh_from_db()
    assert (theirs.title, theirs.status) == ("Their clinic", Item.DRAFT)


def test_a_partner_cannot_open_documents_or_upload(partner_client):
    doc = _document()
    assert partner_client.get(f"/en/desk/documents/{doc.pk}/").status_code == 403
    assert partner_client.get("/en/desk/ingest/upload/").status_code == 403


def test_a_partner_submits_an_item_that_waits_for_review(partner_client, partner, organization):
    response = partner_client.post(
        "/en/desk/submit/",
        {"kind": "event", "title": "Spring potluck", "body": "Bring a dish on April 2.", "language": "en"},
    )
    item = Item.objects.get(title="Spring potluck")
    assert response.status_code == 302
    assert (item.status, item.organization, item.submitted_by) == (Item.DRAFT, organization, partner)
    assert not Item.objects.published().exists()


def test_a_partner_keeps_its_listing_up_to_date(partner_client, partner, organization):
    response = partner_client.post(
        "/en/desk/organization/",
        {
            "description": "Free legal help.", "hours": "Mon-Fri 9-5", "languages": "es, pl",
            "doj_recognized": "on", "contacts-TOTAL_FORMS": "1", "contacts-INITIAL_FORMS": "0",
            "contacts-0-kind": "phone", "contacts-0-value": "+17735550100", "contacts-0-label": "front desk",
        },
    )  # fmt: skip
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.languages == ["es", "pl"] and organization.doj_recognized
    assert (organization.last_verified, organization.verified_by) == (date.today(), partner)
    assert organization.contacts.get().value == "+17735550100"


def test_an_editor_reaches_an_organizations_listing_from_its_item(editor_client, organization):
    item = _item(organization)
    page = editor_client.get(f"/en/desk/items/{item.pk}/").content.decode()
    assert f'href="/en/desk/organizations/{organization.slug}/"' in page
    assert editor_client.get(f"/en/desk/organizations/{organization.slug}/").status_code == 200


def test_a_partners_edit_of_a_published_item_goes_back_to_review(partner_client, organization):
    item = _item(organization, status=Item.PUBLISHED, language="en")
    p = f"item-{item.pk}"
    partner_client.post(
        f"/en/desk/items/{item.pk}/",
        {
            f"{p}-kind": "resource", f"{p}-title": "Coats and boots", f"{p}-body": item.body, f"{p}-language": "en",
            f"ev-{item.pk}-TOTAL_FORMS": "0", f"ev-{item.pk}-INITIAL_FORMS": "0",
            f"ct-{item.pk}-TOTAL_FORMS": "0", f"ct-{item.pk}-INITIAL_FORMS": "0",
        },
    )  # fmt: skip
    item.refresh_from_db()
    assert (item.title, item.status) == ("Coats and boots", Item.DRAFT)


# --- uploads ------------------------------------------------------------------------------------------------------


def test_an_upload_is_stored_and_opens_its_document(editor_client):
    response = editor_client.post(
        "/en/desk/ingest/upload/", {"file": SimpleUploadedFile("l.txt", LETTER.encode())}
    )
    doc = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/desk/documents/{doc.pk}/"
    again = editor_client.post(
        "/en/desk/ingest/upload/", {"file": SimpleUploadedFile("l.txt", LETTER.encode())}
    )
    assert again.status_code == 302 and Document.objects.count() == 1


def test_a_50_mb_upload_is_refused_with_a_clear_message(editor_client):
    _item(title="Already here")
    big = SimpleUploadedFile("huge.txt", b"x" * (50 * 1000 * 1000), content_type="text/plain")
    response = editor_client.post("/en/desk/ingest/upload/", {"file": big})
    assert response.status_code == 400
    assert "This file is 50.0 MB; the limit is 10 MB. Nothing was stored." in response.content.decode()
    assert not Document.objects.exists() and Item.objects.count() == 1


def test_an_upload_needs_the_csrf_token(editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    refused = strict.post("/en/desk/ingest/upload/", {"file": SimpleUploadedFile("l.txt", LETTER.encode())})
    assert refused.status_code == 403 and not Document.objects.exists()


def test_only_the_limit_of_a_big_upload_is_kept_while_it_is_counted(rf, settings):
    from puente.ingest.views import LimitedUploadHandler

    settings.MAX_DOCUMENT_BYTES = 10
    handler = LimitedUploadHandler(rf.post("/"))
    handler.new_file("file", "big.txt", "text/plain", 25)
    for start in (0, 5, 10, 15, 20):
        handler.receive_data_chunk(b"x" * 5, start)
    upload = handler.file_complete(25)
    assert upload.size == 25
    upload.seek(0)
    assert upload.read() == b"x" * 10


# --- languages ----------------------------------------------------------------------------------------------------


def test_the_desk_is_right_to_left_in_arabic(editor_client):
    page = editor_client.get("/ar/desk/").content.decode()
    assert 'dir="rtl"' in page and 'lang="ar"' in page
    assert "review/desk.css" in page


# --- suggested stories ----------------------------------------------------------------------------


def test_the_item_page_suggests_items_that_may_tell_the_same_story(editor_client):
    published = _item(title="Free tax clinic for immigrant families", status=Item.PUBLISHED)
    same_day = _item(title="Community dinner")
    Event.objects.create(item=same_day, start=timezone.make_aware(timezone.datetime(2027, 3, 4, 18)))
    unrelated = _item(title="Winter coats")
    draft = _item(title="Tax clinic for families this Saturday")
    Event.objects.create(item=draft, start=timezone.make_aware(timezone.datetime(2027, 3, 4, 10)))

    page = editor_client.get(f"/en/desk/items/{draft.pk}/").content.decode()

    assert f'name="candidate" value="{published.pk}"' in page
    assert f'name="candidate" value="{same_day.pk}"' in page
    assert f'name="candidate" value="{unrelated.pk}"' not in page

    editor_client.post(f"/en/desk/items/{draft.pk}/merge/", {"target": "", "candidate": published.pk})
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.story_id and draft.story_id == published.story_id
    page = editor_client.get(f"/en/desk/items/{draft.pk}/").content.decode()
    assert f'name="candidate" value="{published.pk}"' not in page  # already one story
