"""Storing documents: idempotent, whole, failures kept, trust honoured, corrections never lost."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage

import pytest
from django.core.management import call_command

from puente.catalog.models import Document, Event, Item, Source
from puente.extract import model as core
from puente.ingest.store import Ingestor, TooLarge, reextract, split_mbox

pytestmark = pytest.mark.django_db

CLINIC = (
    "Free legal clinic on Saturday\n\n"
    "Volunteer attorneys answer questions about immigration status on Saturday, March 4, 2017 "
    "from 10am to 1pm at 3500 W Lawrence Ave, Chicago. Call (773) 555-0142.\n\n"
    "Food pantry open every Tuesday\n\n"
    "Fresh produce for families every Tuesday at 4pm at 4750 N Sheridan Rd. No ID needed.\n"
)


def _email(subject: str, body: str, sender: str = "news@lilc.example.org", attachments=()) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Lakeside Center <{sender}>"
    msg["To"] = "inbox@puente.example.org"
    msg["Subject"] = subject
    msg["Date"] = "Thu, 09 Feb 2017 10:00:00 -0600"
    msg["Message-ID"] = f"<{abs(hash(subject + body))}@lilc.example.org>"
    msg.set_content(body)
    for name, data, maintype, subtype in attachments:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


@pytest.fixture
def trusted(organization):
    return Source.objects.create(
        name="Lakeside newsletter", kind="email", address="news@lilc.example.org",
        organization=organization, trusted=True,
    )  # fmt: skip


def test_the_seed_newsletters_become_drafts_and_a_second_run_adds_nothing(shared):
    path = shared / "gold" / "seed-newsletters.txt"
    first = Ingestor(today=date(2017, 2, 9)).ingest_path(path)
    assert (first.new, first.failed) == (1, 0)
    assert first.items > 20
    assert Item.objects.count() == first.items
    assert set(Item.objects.values_list("status", flat=True)) == {Item.DRAFT}
    doc = Document.objects.get()
    assert bytes(doc.raw) == path.read_bytes()
    assert all(doc.text[i.span_start : i.span_end].strip() for i in doc.items.all())

    second = Ingestor().ingest_path(path)
    assert (second.new, second.unchanged, second.items) == (0, 1, 0)
    assert Document.objects.count() == 1 and Item.objects.count() == first.items


def test_the_cli_ingests_and_summarises(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(CLINIC)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(CLINIC.replace("Tuesday", "Wednesday"))
    call_command("ingest", str(tmp_path))
    out, err = capsys.readouterr()
    assert "documents: 2 new, 0 updated, 0 unchanged, 0 failed" in out
    assert "2/2" in err  # the progress bar, on stderr
    assert Document.objects.count() == 2


def test_a_document_over_the_limit_is_refused_with_one_line_and_others_are_kept(tmp_path, settings, capsys):
    settings.MAX_DOCUMENT_BYTES = 1000
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    (tmp_path / "small.txt").write_text(CLINIC)
    with pytest.raises(SystemExit) as exit_:
        call_command("ingest", str(tmp_path))
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert "refused: big.txt is 0.0 MB; the limit is 0 MB" in err
    assert list(Document.objects.values_list("filename", flat=True)) == ["small.txt"]


def test_a_50_mb_document_is_refused_before_reading():
    with pytest.raises(TooLarge, match="50.0 MB; the limit is 10 MB"):
        Ingestor().ingest_bytes(b"x" * 50_000_000, "huge.txt")
    assert not Document.objects.exists()


def test_a_malformed_email_is_stored_with_its_error():
    raw = b"From: broken\r\nContent-Type: text/plain\r\n\r\n\xff\xfe\x00\x81 not text at all \xc3\x28"
    summary = Ingestor().ingest_bytes(raw, "broken.eml")
    assert summary.failed == 1
    doc = Document.objects.get()
    assert doc.error and bytes(doc.raw) == raw
    assert not doc.items.exists()
    assert Ingestor().ingest_bytes(raw, "broken.eml").unchanged == 1


def test_html_with_scripts_is_stored_verbatim():
    html = b"<html><body><h1>Clinic</h1><p>Saturday 10am.</p><script>alert('x')</script></body></html>"
    Ingestor().ingest_bytes(html, "letter.html")
    assert bytes(Document.objects.get().raw) == html


def test_a_trusted_source_publishes_except_what_sounds_legal(trusted):
    Ingestor().ingest_bytes(_email("This week", CLINIC), "week.eml")
    items = {i.title: i for i in Item.objects.all()}
    clinic = next(i for t, i in items.items() if "clinic" in t.lower())
    pantry = next(i for t, i in items.items() if "pantry" in t.lower())
    assert clinic.status == Item.DRAFT and "attorneys" in clinic.review_note
    assert pantry.status == Item.PUBLISHED and pantry.published_at
    assert pantry.organization == trusted.organization


def test_an_untrusted_sender_publishes_nothing():
    Ingestor().ingest_bytes(_email("This week", CLINIC, sender="someone@else.example.org"), "w.eml")
    assert not Item.objects.published().exists()
    assert Source.objects.get(kind="email").address == "someone@else.example.org"


def test_events_are_aware_in_their_own_zone():
    Ingestor().ingest_bytes(_email("This week", CLINIC), "week.eml")
    event = Event.objects.filter(item__title__icontains="clinic").first()
    if event is None:
        pytest.skip("the extraction core found no event in the clinic item")
    local = event.start.astimezone(__import__("zoneinfo").ZoneInfo(event.timezone))
    assert (local.year, local.month, local.day, local.hour) == (2017, 3, 4, 10)


def test_reextraction_keeps_what_an_editor_corrected():
    Ingestor().ingest_bytes(CLINIC.encode(), "week.txt")
    item = Item.objects.order_by("position").first()
    item.title, item.kind = "Corrected title", "service"
    item.corrected_fields = ["title"]
    item.save()
    reextract(Document.objects.get())
    item.refresh_from_db()
    assert item.title == "Corrected title"  # kept
    assert item.kind != "service" or item.extracted["kind"] == "service"  # not corrected: refreshed


def test_an_mbox_is_one_document_per_message():
    mbox = b"".join(
        b"From sender@example.org Thu Feb  9 10:00:00 2017\n"
        + _email(f"Issue {n}", CLINIC + f"Issue {n}\n")
        + b"\n"
        for n in (1, 2, 3)
    )
    assert len(split_mbox(mbox)) == 3
    summary = Ingestor().ingest_bytes(mbox, "archive.mbox")
    assert summary.new + summary.failed == 3
    assert Ingestor().ingest_bytes(mbox, "archive.mbox").unchanged == 3


@pytest.fixture
def files_dir(settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}  # fmt: skip
    return tmp_path


def _with_attachments(*attachments: core.Attachment) -> Document:
    Ingestor().ingest_bytes(_email("Flyer", "Please see the attached flyer for the clinic.\n"), "flyer.eml")
    doc = Document.objects.get()
    Ingestor().store_attachments(doc, attachments)
    return doc


def test_attachments_are_kept_by_content_and_executables_refused(files_dir, settings):
    settings.MAX_ATTACHMENT_BYTES = 100
    doc = _with_attachments(
        core.Attachment("flyer.pdf", "application/pdf", 14, b"%PDF-1.4 flyer"),
        core.Attachment("photo.pdf", "application/pdf", 14, b"MZ\x90\x00 not a pdf"),
        core.Attachment("notes.bin", "application/octet-stream", 14, b"plain words, really"),
        core.Attachment("big.pdf", "application/pdf", 200, b"%PDF-" + b"x" * 200),
    )
    kept = sorted(doc.attachments.values_list("filename", "content_type"))
    assert kept == [("flyer.pdf", "application/pdf"), ("notes.txt", "text/plain")]
    stored = doc.attachments.get(content_type="application/pdf")
    assert stored.file.read() == b"%PDF-1.4 flyer"
    assert str(files_dir) in stored.file.path


def test_an_attachment_is_served_only_once_an_item_refers_to_it_and_is_published(files_dir, client, editor):
    doc = _with_attachments(core.Attachment("flyer.pdf", "application/pdf", 14, b"%PDF-1.4 flyer"))
    att = doc.attachments.get()
    url = f"/en/desk/ingest/attachments/{att.pk}/"
    assert client.get(url).status_code == 404
    item = Item.objects.create(
        document=doc, title="Flyer", body="See the attached flyer.", refers_to_attachment=True
    )
    assert client.get(url).status_code == 404  # a draft item does not make it public
    item.publish()
    item.save()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 flyer"
    item.status = Item.DRAFT
    item.save()
    assert client.get(url).status_code == 404
    client.force_login(editor)
    assert client.get(url).status_code == 200


def test_the_cli_reextracts_and_polls_feeds(tmp_path, capsys):
    Ingestor().ingest_bytes(CLINIC.encode(), "week.txt")
    item = Item.objects.order_by("position").first()
    item.title, item.corrected_fields = "Kept by the editor", ["title"]
    item.save()
    call_command("ingest", "--reextract")
    out = capsys.readouterr().out
    assert "items created: 0" in out
    item.refresh_from_db()
    assert item.title == "Kept by the editor"

    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
        "<item><guid>g1</guid><title>Coat drive</title><description>Coats for children every Saturday "
        "in January at the centre.</description></item></channel></rss>"
    )
    call_command("ingest", "--feed", feed.as_uri())
    assert "documents: 1 new" in capsys.readouterr().out
    assert Document.objects.get(source__kind="feed").external_id.endswith("g1")  # feedparser resolves guids


def test_the_cli_says_what_is_missing(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nothing to ingest"):
        call_command("ingest")
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", str(tmp_path / "absent.txt"))
