"""The same story from many sources, merged: MinHash/LSH over word shingles plus event identity.

Two partners forwarding the same announcement rarely send the same bytes: one adds a greeting,
another trims the RSVP line. Word 3-shingles of the normalised text survive that; a Jaccard
threshold of 0.5 keeps rewrites of one announcement together and separate announcements apart.
An event is also the same story when it starts at the same minute at the same place, however
differently it is worded.

The pure part (``signature``, ``event_key``, ``StoryIndex``, ``group``) needs no database; the rest
maps it onto ``Item.story`` and keeps each item's signature so nothing is recomputed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.5
SHINGLE = 3
MIN_WORDS = 8
WORD = re.compile(r"\w+", re.UNICODE)
_SCHEME = "affine32"  # 32-bit hashes: fast, and plenty for a few million shingles
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations  # computed once, shared
_DTYPE = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).hashvalues.dtype
STORY_JOIN_LOCK = 0x5075656E7465  # a PostgreSQL advisory lock key of Puente's own ("Puente")


def _hash32(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=4).digest(), "little")


def words(text: str) -> list[str]:
    """Lower-cased words without accents: "Café" and "cafe" are the same word in a rewrite."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws).encode()} if ws else set()
    return {" ".join(ws[i : i + k]).encode() for i in range(len(ws) - k + 1)}


def signature(text: str) -> MinHash | None:
    """None for texts too short to tell apart ("Read in English", "Donate"): boilerplate is no story."""
    if len(words(text)) < MIN_WORDS:
        return None
    grams = shingles(text)
    m = MinHash(num_perm=NUM_PERM, hashfunc=_hash32, permutations=_PERMUTATIONS, scheme=_SCHEME)
    m.update_batch(grams)
    return m


def to_bytes(m: MinHash | None) -> bytes:
    return b"" if m is None else np.asarray(m.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> MinHash | None:
    if not data or len(data) != NUM_PERM * 4:
        return None  # absent, or made with other parameters: treated as unknown
    values = np.frombuffer(bytes(data), dtype="<u4").astype(_DTYPE)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, permutations=_PERMUTATIONS, scheme=_SCHEME)


def event_key(start: datetime | str | None, location: str | None) -> str | None:
    """Same start minute and same place = the same event. Without a place there is no identity."""
    if not start or not location:
        return None
    when = start if isinstance(start, str) else start.strftime("%Y-%m-%dT%H:%M")
    place = " ".join(words(location)[:4])
    return f"{when[:16]}@{place}" if place else None


class StoryIndex:
    """An in-memory LSH of recent items: ``candidates()`` finds those telling the same story."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[object, MinHash] = {}
        self.events: dict[str, set[object]] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, key: object, sig: MinHash | None, event_keys: Iterable[str] = ()) -> None:
        if sig is not None and key not in self.signatures:
            self.lsh.insert(key, sig)
            self.signatures[key] = sig
        for ek in event_keys:
            self.events.setdefault(ek, set()).add(key)

    def candidates(self, sig: MinHash | None, event_keys: Iterable[str] = ()) -> list[object]:
        found: set[object] = set()
        if sig is not None:
            # LSH finds likely pairs; the estimated Jaccard confirms them (LSH has false positives).
            found.update(k for k in self.lsh.query(sig) if self.signatures[k].jaccard(sig) >= self.threshold)
        for ek in event_keys:
            found.update(self.events.get(ek, ()))
        return sorted(found, key=str)


def group(entries: Iterable[tuple[object, str, tuple[str, ...]]]) -> list[list[object]]:
    """Group (key, text, event keys) into stories of two or more; near-linear in the number of items."""
    index = StoryIndex()
    parent: dict[object, object] = {}

    def find(k: object) -> object:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key, text, events in entries:
        parent[key] = key
        sig = signature(text)
        for other in index.candidates(sig, events):
            parent[find(other)] = find(key)
        index.add(key, sig, events)
    groups: dict[object, list[object]] = {}
    for key in parent:
        groups.setdefault(find(key), []).append(key)
    return [g for g in groups.values() if len(g) > 1]


# --- the database side -------------------------------------------------------------------------

RECENT_DAYS = 120
MAX_MATCHES = 20


def item_event_keys(item) -> tuple[str, ...]:
    keys = []
    for ev in item.events.all():
        local = ev.start.astimezone(_zone(ev.timezone)) if ev.start else None
        key = event_key(local, ev.location)
        if key:
            keys.append(key)
    return tuple(keys)


def _zone(name: str):
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def load_index(now: datetime | None = None, days: int = RECENT_DAYS) -> StoryIndex:
    """The index of recent items, built from stored signatures (nothing is re-hashed)."""
    from django.utils import timezone

    from puente.catalog.models import Event, Item

    since = (now or timezone.now()) - timedelta(days=days)
    index = StoryIndex()
    recent = Item.objects.filter(created__gte=since).exclude(status=Item.REJECTED)
    for pk, data in recent.values_list("pk", "signature").iterator(chunk_size=2000):
        index.add(pk, from_bytes(data))
    events = Event.objects.filter(item__in=recent).exclude(location="")
    for item_id, start, tz, location in events.values_list("item_id", "start", "timezone", "location"):
        key = event_key(start.astimezone(_zone(tz)), location)
        if key:
            index.add(item_id, None, (key,))
    return index


def attach(item, index: StoryIndex) -> None:
    """Put a newly stored item into the story it shares with earlier items, then index it."""
    from puente.catalog.models import Item

    sig = from_bytes(item.signature)
    events = item_event_keys(item)
    # The most recent matches suffice: older ones are already in the same story as these.
    matches = sorted((pk for pk in index.candidates(sig, events) if pk != item.pk), reverse=True)[
        :MAX_MATCHES
    ]
    others = list(
        Item.objects.filter(pk__in=matches)
        # One newsletter's own items are never one story; a file of several newsletters may repeat one.
        .exclude(
            document_id=item.document_id, extracted__newsletter=(item.extracted or {}).get("newsletter", 0)
        )
        .select_related("story")
        .order_by("created", "pk")
    )
    if others:
        join(item, others)
    index.add(item.pk, sig, events)


def join(item, others: list) -> None:
    """Make ``item`` and ``others`` one story (the oldest existing story wins)."""
    from django.db import transaction

    from puente.catalog.models import Item

    with transaction.atomic():
        _one_join_at_a_time()
        # Read again under the lock: another worker's join may have merged away a story read before.
        others = list(
            Item.objects.filter(pk__in=[o.pk for o in others])
            .select_related("story")
            .order_by("created", "pk")
        )
        if others:
            _join(item, others)


def _one_join_at_a_time() -> None:
    """Two workers' documents joining the same stories at once would merge and delete under each
    other. On PostgreSQL a lock held to the end of the document's transaction takes joins one at a
    time; SQLite's write lock already does (transactions begin IMMEDIATE)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORY_JOIN_LOCK])


def _join(item, others: list) -> None:
    from puente.catalog.models import Item, Story

    stories = list({o.story_id: o.story for o in others if o.story_id}.values())
    story = stories[0] if stories else Story.objects.create(title=others[0].title[:500])
    for extra in stories[1:]:
        Item.objects.filter(story=extra).update(story=story)
        extra.delete()
    pks = [o.pk for o in others if o.story_id != story.pk] + [item.pk]
    Item.objects.filter(pk__in=pks).update(story=story)
    item.story = story
    story.save(update_fields=["updated"])


def split(item) -> None:
    """Take an item out of its story; a story left with one item is no story."""
    story = item.story
    if story is None:
        return
    item.story = None
    item.save(update_fields=["story", "updated"])
    rest = list(story.items.all())
    if len(rest) <= 1:
        for other in rest:
            other.story = None
            other.save(update_fields=["story", "updated"])
        story.delete()


def merge(item, target) -> None:
    """An editor's merge: ``item`` joins ``target``'s story (made if neither has one)."""
    join(item, [target])
