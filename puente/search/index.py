"""Keep the search index in step with the catalogue, and query it: ``search(query, language, limit)``.

SQLite: FTS5 word table (``unicode61 remove_diacritics 2``) plus a trigram table for text written
without spaces. PostgreSQL: generated ``tsvector`` columns ('simple' configuration): ``prefixes``, every
prefix of every word, with a GIN index to match; ``vector``, the words with their positions, to rank.
Both index text already folded by :func:`puente.search.fold.fold`, so they match the same way.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from puente.catalog.models import Item, Organization, Page
from puente.catalog.topics import label

from .fold import NO_SPACES, fold, without_spaces, words
from .models import Entry, MissedSearch


def item_text(item: Item) -> str:
    parts = [item.title, item.body]
    parts += [f"{t.title}\n{t.body}" for t in item.translations.all()]
    parts += [label(t.slug) for t in item.topics.all()]
    parts += [e.location for e in item.events.all() if e.location]
    if item.organization_id:
        parts += [item.organization.name, item.organization.acronym]
    return "\n".join(p for p in parts if p)


def organization_text(org: Organization) -> str:
    return "\n".join(p for p in (org.name, org.acronym, *org.aliases, org.description, org.address) if p)


def page_text(page: Page) -> str:
    return "\n".join((page.title, page.summary, page.body))


def index_item(item: Item) -> None:
    if item.status != Item.PUBLISHED:
        return unindex(Entry.ITEM, item.pk)
    _store(Entry.ITEM, item.pk, item.kind, "", item_text(item), item.published_at or item.created)


def index_organization(org: Organization) -> None:
    _store(Entry.ORGANIZATION, org.pk, Entry.ORGANIZATION, "", organization_text(org), None)


def index_page(page: Page) -> None:
    if not page.published:
        return unindex(Entry.PAGE, page.pk)
    _store(Entry.PAGE, page.pk, Entry.PAGE, page.language, page_text(page), page.updated)


def _store(model: str, object_id: int, kind: str, language: str, text: str, date) -> None:
    folded = fold(text)
    with transaction.atomic():
        entry, _ = Entry.objects.update_or_create(
            model=model,
            object_id=object_id,
            defaults={"kind": kind, "language": language, "text": folded, "date": date},
        )
        if connection.vendor == "sqlite":
            _sqlite_store(entry.pk, folded, language)


def _sqlite_store(entry_id: int, folded: str, language: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [entry_id])
        cursor.execute(
            "INSERT INTO search_fts (rowid, text, language) VALUES (%s, %s, %s)", [entry_id, folded, language]
        )
        cursor.execute("DELETE FROM search_trigram WHERE rowid = %s", [entry_id])
        if without_spaces(folded):  # only text that needs trigrams pays for them
            cursor.execute("INSERT INTO search_trigram (rowid, text) VALUES (%s, %s)", [entry_id, folded])


def unindex(model: str, object_id: int) -> None:
    with transaction.atomic():
        ids = list(Entry.objects.filter(model=model, object_id=object_id).values_list("pk", flat=True))
        if ids and connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                for table in ("search_fts", "search_trigram"):
                    cursor.execute(f"DELETE FROM {table} WHERE rowid = %s", [ids[0]])
        Entry.objects.filter(pk__in=ids).delete()


def reindex(batch_size: int = 1000) -> int:
    """Rebuild everything from the catalogue in batches; returns how many entries it wrote."""
    with transaction.atomic():
        Entry.objects.all().delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_fts")
                cursor.execute("DELETE FROM search_trigram")
        count = 0
        for batch in _batches(_all_entries(), batch_size):
            _store_batch(batch)
            count += len(batch)
    return count


def _all_entries():
    items = Item.objects.published().select_related("organization").order_by("pk")
    items = items.prefetch_related("translations", "topics", "events")
    for item in items.iterator(chunk_size=1000):
        yield Entry(
            model=Entry.ITEM,
            object_id=item.pk,
            kind=item.kind,
            language="",
            text=fold(item_text(item)),
            date=item.published_at or item.created,
        )
    for org in Organization.objects.all():
        yield Entry(
            model=Entry.ORGANIZATION,
            object_id=org.pk,
            kind=Entry.ORGANIZATION,
            language="",
            text=fold(organization_text(org)),
        )
    for page in Page.objects.filter(published=True):
        yield Entry(
            model=Entry.PAGE,
            object_id=page.pk,
            kind=Entry.PAGE,
            language=page.language,
            text=fold(page_text(page)),
            date=page.updated,
        )


def _batches(entries, size: int):
    batch = []
    for entry in entries:
        batch.append(entry)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _store_batch(batch: list[Entry]) -> None:
    Entry.objects.bulk_create(batch)  # sets primary keys on SQLite and PostgreSQL
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO search_fts (rowid, text, language) VALUES (%s, %s, %s)",
            [(e.pk, e.text, e.language) for e in batch],
        )
        spaceless = [(e.pk, e.text) for e in batch if without_spaces(e.text)]
        if spaceless:
            cursor.executemany("INSERT INTO search_trigram (rowid, text) VALUES (%s, %s)", spaceless)


def search(query: str, language: str, limit: int = 50) -> list[Entry]:
    """Entries matching every word of ``query`` (prefixes too), best first; pages in ``language``."""
    terms = words(query)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        # The matching rows come with their columns: no second round trip to load them by id.
        rows = _postgres_rows(terms, language, limit)
        return [Entry.from_db(connection.alias, ENTRY_COLUMNS, row) for row in rows]
    ids = [row[0] for row in _sqlite_rows(terms, language, limit)]
    found = Entry.objects.defer("text").in_bulk(ids)
    return [found[i] for i in ids if i in found]


# Everything but the text, which can be long and which nothing shows.
ENTRY_COLUMNS = ["id", "model", "object_id", "kind", "language", "date"]


# Ranking every match is what costs time when a word is in a third of everything: past this many
# matches the newest come first instead (rowid order, which FTS5 walks without sorting).
RANK_AT_MOST = 500


def _sqlite_rows(terms: list[str], language: str, limit: int) -> list[tuple]:
    if any(without_spaces(t) for t in terms):
        return _sqlite_trigram_rows(terms, language, limit)
    match = " ".join(f'"{t}"*' for t in terms)
    select = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND (language = '' OR language = %s)"
    return _newest_else_ranked(select, [match, language], "rowid DESC", "rank", [], limit)


def _sqlite_trigram_rows(terms: list[str], language: str, limit: int) -> list[tuple]:
    # The trigram index serves LIKE for pieces of three characters or more; shorter pieces are
    # checked on the entry's own text (SQLite's trigram table finds nothing for them).
    where = " AND ".join(("t.text" if len(t) >= 3 else "e.text") + " LIKE %s" for t in terms)
    sql = (
        "SELECT t.rowid FROM search_trigram t JOIN search_entry e ON e.id = t.rowid "
        f"WHERE {where} AND (e.language = '' OR e.language = %s) ORDER BY t.rowid DESC LIMIT %s"
    )
    return _rows(sql, [f"%{t}%" for t in terms] + [language, limit])


# search_prefixes() in migration 0003 indexes prefixes up to this length; longer words are also
# checked against ``vector`` (rare: the lookup of their first 24 characters finds few entries).
PREFIX_CHARS = 24
# Entries with Chinese, Japanese or Thai text: the same predicate as the partial index, word for word,
# so the planner can use it.
SPACELESS = f"text ~ '{NO_SPACES}'"


def _postgres_rows(terms: list[str], language: str, limit: int) -> list[tuple]:
    columns = ", ".join(ENTRY_COLUMNS)
    if any(without_spaces(t) for t in terms):
        likes = " AND ".join("text LIKE %s" for _ in terms)
        sql = (
            f"SELECT {columns} FROM search_entry WHERE {SPACELESS} AND {likes} "
            "AND (language = '' OR language = %s) ORDER BY id DESC LIMIT %s"
        )
        return _rows(sql, [f"%{t}%" for t in terms] + [language, limit])
    # Each word is looked up as an exact lexeme of ``prefixes`` (every prefix of every word), which
    # the GIN index answers directly and the planner can estimate; plainto_tsquery ANDs the words.
    where, params = "prefixes @@ plainto_tsquery('simple', %s)", [" ".join(t[:PREFIX_CHARS] for t in terms)]
    if longer := [t for t in terms if len(t) > PREFIX_CHARS]:
        where += " AND vector @@ to_tsquery('simple', %s)"
        params.append(" & ".join(f"{t}:*" for t in longer))  # \w+ words only: nothing to escape
    select = f"SELECT {columns} FROM search_entry WHERE {where} AND (language = '' OR language = %s)"
    tsquery = " & ".join(f"{t}:*" for t in terms)
    rank = "ts_rank(vector, to_tsquery('simple', %s)) DESC, id DESC"
    return _newest_else_ranked(select, [*params, language], "id DESC", rank, [tsquery], limit)


def _newest_else_ranked(select: str, params: list, newest: str, rank: str, rank_params: list, limit: int):
    """Past RANK_AT_MOST matches, the newest come first (no sort); below it, the most relevant."""
    found = _rows(f"{select} ORDER BY {newest} LIMIT %s", [*params, RANK_AT_MOST + 1])
    if len(found) > RANK_AT_MOST:
        return found[:limit]
    return _rows(f"{select} ORDER BY {rank} LIMIT %s", [*params, *rank_params, limit])


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def record_miss(query: str, day: datetime.date | None = None) -> None:
    """Count a search that found nothing, by its folded words and the day; nothing about who."""
    key = " ".join(words(query))[:100]
    if not key:
        return
    day = day or timezone.localdate()
    if MissedSearch.objects.filter(day=day, words=key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            MissedSearch.objects.create(day=day, words=key)
    except IntegrityError:  # someone else created it in between
        MissedSearch.objects.filter(day=day, words=key).update(count=F("count") + 1)
