"""Bounce reports read from the bounce mailbox over real IMAP (the loopback test server of ingest)."""

from __future__ import annotations

import socketserver
import threading

import pytest
from django.core.management import call_command

from puente.digests.models import Subscriber
from puente.ingest.tests.test_imap import IMAPHandler, Mailbox

from .helpers import make_subscriber
from .test_dkim_bounces_admin import dsn

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bounce_box():
    mailbox = Mailbox([dsn("rosa@example.net", status) for status in ("4.2.2", "5.1.1", "5.1.1", "5.1.1")])
    handler = type("Handler", (IMAPHandler,), {"box": mailbox})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    mailbox.url = f"imap://bounces:pw@127.0.0.1:{server.server_address[1]}/INBOX"
    yield mailbox
    server.shutdown()
    server.server_close()


def test_hard_bounces_in_the_mailbox_stop_mail_and_are_marked_seen(bounce_box, settings):
    subscriber = make_subscriber("rosa@example.net")
    settings.BOUNCE_IMAP_URL = bounce_box.url
    call_command("process_bounces")
    subscriber.refresh_from_db()
    assert (subscriber.hard_bounces, subscriber.status) == (3, Subscriber.FAILING)
    assert bounce_box.seen == {1, 2, 3, 4}
    assert all("BODY.PEEK[]" in line for line in bounce_box.log if line.startswith("UID FETCH"))

    call_command("process_bounces")  # nothing unseen is left: nothing is counted twice
    subscriber.refresh_from_db()
    assert subscriber.hard_bounces == 3
