"""The inbox over real IMAP (imaplib against a small IMAP4rev1 server on the loopback).

The server checks, at the moment the client marks a message \\Seen, that the message is already
stored in the database: marking before storing would lose mail if the run died in between.
"""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import re
import socketserver
import threading
from email.message import EmailMessage

import pytest
from django.db import connections

from puente.catalog.models import Document
from puente.ingest import imap
from puente.ingest.store import Ingestor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _message(n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Riverside Workers Alliance <news@rwa.example.org>"
    msg["Subject"] = f"Bulletin {n}"
    msg["Date"] = "Thu, 09 Feb 2017 10:00:00 -0600"
    msg["Message-ID"] = f"<bulletin-{n}@rwa.example.org>"
    msg.set_content(f"Bulletin {n}\n\nKnow-your-rights training number {n} on Saturday at 10am.\n")
    return msg.as_bytes()


class Mailbox:
    def __init__(self, messages: list[bytes]) -> None:
        self.messages = {uid: raw for uid, raw in enumerate(messages, 1)}
        self.seen: set[int] = set()
        self.stored_when_seen: dict[int, bool] = {}
        self.drop_on_store: int | None = None
        self.log: list[str] = []


class IMAPHandler(socketserver.StreamRequestHandler):
    box: Mailbox

    def send(self, line: str | bytes) -> None:
        self.wfile.write(line if isinstance(line, bytes) else line.encode() + b"\r\n")

    def handle(self) -> None:
        self.send("* OK IMAP4rev1 test server ready")
        while line := self.rfile.readline():
            tag, command, *rest = line.decode().rstrip("\r\n").split(" ", 2)
            args = rest[0] if rest else ""
            self.box.log.append(f"{command} {args}".strip())
            if not self.dispatch(tag, command.upper(), args):
                return

    def dispatch(self, tag: str, command: str, args: str) -> bool:
        if command == "CAPABILITY":
            self.send("* CAPABILITY IMAP4rev1")
        elif command == "SELECT":
            self.send(f"* {len(self.box.messages)} EXISTS")
            self.send("* FLAGS (\\Seen)")
        elif command == "UID":
            return self.uid(tag, args)
        elif command == "LOGOUT":
            self.send("* BYE")
        elif command != "LOGIN":
            self.send(f"{tag} BAD unknown command")
            return True
        self.send(f"{tag} OK {command} completed")
        return command != "LOGOUT"

    def uid(self, tag: str, args: str) -> bool:
        sub, _, rest = args.partition(" ")
        sub = sub.upper()
        if sub == "SEARCH":
            unseen = [str(u) for u in self.box.messages if u not in self.box.seen]
            self.send("* SEARCH " + " ".join(unseen))
        elif sub == "FETCH":
            uid = int(rest.split(" ")[0])
            raw = self.box.messages[uid]
            self.send(f"* {uid} FETCH (UID {uid} BODY[] {{{len(raw)}}}".encode() + b"\r\n" + raw + b")\r\n")
        elif sub == "STORE":
            uid = int(rest.split(" ")[0])
            if uid == self.box.drop_on_store:
                return False  # the connection dies between storing and marking
            assert re.search(r"\+FLAGS \(\\Seen\)", rest)
            self.box.stored_when_seen[uid] = _stored(self.box.messages[uid])
            self.box.seen.add(uid)
            self.send(f"* {uid} FETCH (UID {uid} FLAGS (\\Seen))")
        self.send(f"{tag} OK UID {sub} completed")
        return True


def _stored(raw: bytes) -> bool:
    try:
        return Document.objects.filter(content_hash=hashlib.sha256(raw).hexdigest()).exists()
    finally:
        connections.close_all()  # this thread's own connection


@contextlib.contextmanager
def serving(messages: list[bytes], credentials: str = "puente:s%40cret"):
    """A mailbox holding ``messages`` behind the test IMAP server; ``.url`` reaches it."""
    mailbox = Mailbox(messages)
    handler = type("Handler", (IMAPHandler,), {"box": mailbox})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    mailbox.url = f"imap://{credentials}@127.0.0.1:{server.server_address[1]}/INBOX"
    try:
        yield mailbox
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def box():
    with serving([_message(n) for n in (1, 2, 3)]) as mailbox:
        yield mailbox


def test_unseen_messages_are_stored_then_marked_seen(box):
    summary = imap.fetch(box.url, Ingestor())
    assert summary.new + summary.failed == 3
    assert box.seen == {1, 2, 3}
    assert box.stored_when_seen == {1: True, 2: True, 3: True}
    assert any(line.startswith("LOGIN puente") and "s@cret" in line for line in box.log)
    assert all("BODY.PEEK[]" in line for line in box.log if line.startswith("UID FETCH"))

    again = imap.fetch(box.url, Ingestor())
    assert (again.new, again.unchanged) == (0, 0)
    assert Document.objects.count() == 3


def test_a_run_that_dies_before_marking_loses_and_doubles_nothing(box):
    box.drop_on_store = 2
    with pytest.raises(imaplib.IMAP4.abort):
        imap.fetch(box.url, Ingestor())
    assert box.seen == {1}
    assert Document.objects.count() == 2  # message 2 was stored, just not marked

    box.drop_on_store = None
    summary = imap.fetch(box.url, Ingestor())
    assert (summary.unchanged, summary.new + summary.failed) == (1, 1)
    assert box.seen == {1, 2, 3}
    assert Document.objects.count() == 3
