"""DKIM signatures verified the way receivers do, bounce reports, and who may see addresses."""

from __future__ import annotations

import json
import subprocess
from email.message import EmailMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from urllib.parse import unquote

import dkim
import pytest
from django.core.management import call_command

from puente.digests import bounces, emails
from puente.digests.models import Bounce, Reminder, SendLog, Subscriber

from .helpers import make_event, make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def dkim_key(tmp_path, settings):
    key = tmp_path / "dkim.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(key), "2048"], check=True, capture_output=True)  # noqa: S603
    public = subprocess.run(  # noqa: S603
        ["openssl", "rsa", "-in", str(key), "-pubout", "-outform", "DER"], check=True, capture_output=True
    ).stdout
    settings.DKIM_KEY_FILE, settings.DKIM_SELECTOR, settings.DKIM_DOMAIN = str(key), "mail", "puente.example"
    import base64

    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)


def test_messages_are_dkim_signed_and_verify_as_received(smtp, dkim_key):
    subscriber = make_subscriber()
    emails.already_subscribed(subscriber).send()
    [raw] = smtp.raw
    assert raw.startswith(b"DKIM-Signature:")

    def dns(name: bytes, timeout: int = 5) -> bytes:
        return dkim_key if name == b"mail._domainkey.puente.example." else b""

    assert dkim.verify(raw, dnsfunc=dns)
    tampered = raw.replace(b"already subscribed", b"already subscribeD")
    assert not dkim.verify(tampered, dnsfunc=dns)


def test_without_dkim_settings_messages_are_unsigned(smtp, settings):
    settings.DKIM_KEY_FILE = ""
    emails.already_subscribed(make_subscriber()).send()
    assert b"DKIM-Signature" not in smtp.raw[0]


def dsn(recipient: str, status: str = "5.1.1", action: str = "failed") -> bytes:
    report = MIMEMultipart("report", report_type="delivery-status")
    report["From"], report["To"], report["Subject"] = (
        "MAILER-DAEMON@mx.example",
        "bounces@puente.example",
        "Undelivered",
    )
    report.attach(MIMEText("Your message could not be delivered."))
    status_part = EmailMessage()
    status_part.set_type("message/delivery-status")
    per_message, per_recipient = EmailMessage(), EmailMessage()
    per_message["Reporting-MTA"] = "dns; mx.example"
    per_recipient["Final-Recipient"] = f"rfc822; {recipient}"
    per_recipient["Action"], per_recipient["Status"] = action, status
    status_part.set_payload([per_message, per_recipient])
    report.attach(status_part)
    return report.as_bytes()


def test_it_reads_the_failed_recipient_of_a_dsn():
    [failure] = bounces.failures(dsn("Rosa@Example.net"))
    assert (failure.recipient, failure.status, failure.hard) == ("rosa@example.net", "5.1.1", True)
    assert bounces.failures(dsn("x@example.net", "4.2.2", "delayed")) == []
    assert bounces.failures(b"Subject: hello\n\nnot a report") == []


def test_three_hard_bounces_stop_mail_but_soft_ones_do_not(tmp_path):
    subscriber = make_subscriber("rosa@example.net")
    files = []
    for n, status in enumerate(["4.2.2", "5.1.1", "5.1.1", "5.1.1"]):
        path = tmp_path / f"{n}.eml"
        path.write_bytes(dsn("rosa@example.net", status))
        files.append(path)
    call_command("process_bounces", *[str(p) for p in files[:3]])
    subscriber.refresh_from_db()
    assert (subscriber.hard_bounces, subscriber.status) == (2, Subscriber.ACTIVE)
    call_command("process_bounces", str(files[3]))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.FAILING
    assert not Subscriber.objects.deliverable().exists()
    assert Bounce.objects.filter(hard=True).count() == 3


def test_editors_cannot_see_subscriber_addresses_but_admins_can(client, editor, admin_user):
    make_subscriber("secret@example.net")
    client.force_login(editor)
    assert client.get("/en/admin/digests/subscriber/").status_code == 403
    client.force_login(admin_user)
    assert "secret@example.net" in client.get("/en/admin/digests/subscriber/").content.decode()


def test_an_admin_exports_then_deletes_one_persons_data(client, admin_user):
    subscriber = make_subscriber("rosa@example.net")
    SendLog.objects.create(subscriber=subscriber, kind="digest", period="2026-11-24", status="sent")
    Reminder.objects.create(email="rosa@example.net", event=make_event())
    make_subscriber("other@example.net")
    client.force_login(admin_user)
    url = "/en/admin/digests/subscriber/"
    response = client.post(url, {"action": "export_json", "_selected_action": [subscriber.pk]})
    [data] = json.loads(response.content)
    assert data["email"] == "rosa@example.net" and data["messages"][0]["period"] == "2026-11-24"
    assert len(data["reminders"]) == 1
    client.post(url, {"action": "delete_with_reminders", "_selected_action": [subscriber.pk]})
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["other@example.net"]
    assert not Reminder.objects.exists() and not SendLog.objects.exists()


def test_a_mail_to_the_unsubscribe_address_unsubscribes(tmp_path):
    subscriber = make_subscriber("rosa@example.net")
    web = emails.list_headers(emails.subscriber_links(subscriber))["List-Unsubscribe"]
    subject = unquote(web.split("?subject=")[1].rstrip(">"))  # as a mail client decodes the mailto:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "rosa@example.net", "news@puente.example", f"Re: {subject}"
    (tmp_path / "unsubscribe.eml").write_bytes(mail.as_bytes())
    call_command("process_bounces", str(tmp_path / "unsubscribe.eml"))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.UNSUBSCRIBED
