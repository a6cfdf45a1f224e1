"""Bounce reports read from the bounce mailbox over real IMAP (the loopback test server of ingest)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from puente.digests.models import Subscriber
from puente.ingest.tests.test_imap import serving

from .helpers import make_subscriber
from .test_dkim_bounces_admin import dsn

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def bounce_box():
    reports = [dsn("rosa@example.net", status) for status in ("4.2.2", "5.1.1", "5.1.1", "5.1.1")]
    with serving(reports, credentials="bounces:pw") as mailbox:
        yield mailbox


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
