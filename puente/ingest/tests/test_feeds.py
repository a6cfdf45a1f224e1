"""Feeds: entries become documents, a changed entry updates its document, and polling is polite."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from puente.catalog.models import Document, Item, Source
from puente.ingest import feeds
from puente.ingest.tasks import claim_due_feeds, enqueue_due_feeds

from .loopback import Loopback, QuietHandler

pytestmark = pytest.mark.django_db

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Riverside Workers Alliance</title><id>urn:rwa</id><updated>2017-02-08T10:00:00Z</updated>
<entry><id>urn:rwa:1</id><title>Wage theft workshop</title><updated>2017-02-08T10:00:00Z</updated>
<published>2017-02-08T10:00:00Z</published>
<content type="html">&lt;p&gt;{workshop}&lt;/p&gt;</content></entry>
<entry><id>urn:rwa:2</id><title>Spring soccer league</title><updated>2017-02-07T10:00:00Z</updated>
<content type="html">&lt;p&gt;Youth soccer sign-ups are open for the spring league at Horner Park.&lt;/p&gt;</content></entry>
</feed>"""


class FeedServer(Loopback):
    """A real HTTP server on the loopback that honours If-None-Match, counting what it serves."""

    def __init__(self) -> None:
        self.body = ATOM.format(workshop="Learn your rights at work on Saturday at 10am at 3410 W Montrose.")
        self.requests: list[tuple[str, int]] = []
        owner = self

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802
                etag = f'"{abs(hash(owner.body))}"'
                if self.headers.get("If-None-Match") == etag:
                    owner.requests.append(("304", 304))
                    self.send_response(304)
                    self.end_headers()
                    return
                owner.requests.append(("200", 200))
                self.send_body(owner.body.encode(), "application/atom+xml", ETag=etag)

        super().__init__(Handler)
        self.url = f"{self.base}/feed.xml"


@pytest.fixture
def server():
    s = FeedServer()
    yield s
    s.close()


def test_each_entry_is_a_document_and_an_unchanged_feed_costs_a_304(server):
    source = feeds.source_for(server.url)
    first = feeds.poll(source)
    assert first.new == 2
    assert Document.objects.filter(source=source).count() == 2
    source.refresh_from_db()
    assert source.etag and source.name == "Riverside Workers Alliance" and source.last_polled

    again = feeds.poll(source)
    assert (again.new, again.updated) == (0, 0)
    assert [code for _, code in server.requests] == [200, 304]


def test_a_changed_entry_updates_its_document_instead_of_duplicating(server):
    source = feeds.source_for(server.url)
    feeds.poll(source)
    server.body = ATOM.format(workshop="Learn your rights at work on Sunday at 2pm at 3410 W Montrose.")
    source.refresh_from_db()
    changed = feeds.poll(source)
    assert (changed.new, changed.updated) == (0, 1)
    assert Document.objects.filter(source=source).count() == 2
    doc = Document.objects.get(external_id="urn:rwa:1")
    assert "Sunday" in doc.text
    assert Item.objects.filter(document=doc, body__contains="Saturday").count() == 0


def test_due_feeds_are_claimed_once_even_by_two_workers():
    now = timezone.now()
    due = Source.objects.create(name="due", kind="feed", address="http://127.0.0.1:9/a", poll_minutes=30,
                                last_polled=now - timedelta(minutes=31))  # fmt: skip
    Source.objects.create(name="fresh", kind="feed", address="http://127.0.0.1:9/b", poll_minutes=30,
                          last_polled=now - timedelta(minutes=5))  # fmt: skip
    Source.objects.create(name="never", kind="feed", address="http://127.0.0.1:9/c")
    Source.objects.create(name="off", kind="feed", address="http://127.0.0.1:9/d", active=False)
    first = claim_due_feeds(now)
    assert sorted(Source.objects.filter(pk__in=first).values_list("name", flat=True)) == ["due", "never"]
    assert claim_due_feeds(now) == []  # a second worker finds nothing left to claim
    due.refresh_from_db()
    assert due.last_polled == now


def test_a_stale_claim_loses_to_the_worker_that_got_there_first():
    now = timezone.now()
    source = Source.objects.create(name="due", kind="feed", address="http://127.0.0.1:9/a")
    from puente.ingest import tasks

    seen = list(tasks.due_feeds(now))  # worker A reads the due list …
    assert tasks.claim_due_feeds(now) == [source.pk]  # … worker B claims first
    stale = Source.objects.filter(pk=seen[0].pk, last_polled__isnull=True).update(last_polled=now)
    assert stale == 0  # A's conditional update finds nothing to claim


def test_claimed_feeds_are_queued_as_tasks():
    from django_tasks_db.models import DBTaskResult

    Source.objects.create(name="never", kind="feed", address="http://127.0.0.1:9/c")
    claimed = enqueue_due_feeds()
    assert len(claimed) == 1
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("poll_feed") and task.args_kwargs["args"] == claimed
