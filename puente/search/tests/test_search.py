import datetime

import pytest
from django.db import connection

from puente.catalog.models import Item
from puente.public import factories
from puente.search.index import record_miss, reindex, search
from puente.search.models import Entry, MissedSearch

pytestmark = pytest.mark.django_db


def titles(results):
    return {Item.objects.get(pk=e.object_id).title for e in results if e.model == Entry.ITEM}


def test_it_finds_published_items_without_accents_or_case():
    factories.item(title="Asesoría legal gratuita", language="es")
    assert titles(search("ASESORIA", "es", 10)) == {"Asesoría legal gratuita"}
    assert titles(search("asesoría legal", "en", 10)) == {"Asesoría legal gratuita"}


def test_it_matches_word_prefixes():
    factories.item(title="Citizenship workshop")
    assert titles(search("citizen", "en", 10)) == {"Citizenship workshop"}


def test_every_word_is_a_prefix_and_every_word_must_match():
    factories.item(title="Citizenship workshop")
    factories.item(title="Citizenship pantry")
    assert titles(search("citiz works", "en", 10)) == {"Citizenship workshop"}
    assert titles(search("works citiz", "en", 10)) == {"Citizenship workshop"}
    assert titles(search("izenship", "en", 10)) == set()  # a word's start, not any part of it


def test_it_matches_prefixes_of_words_longer_than_the_indexed_prefixes():
    long_word = "arbeitnehmerrechtsberatungsstelle"  # 33 characters; PostgreSQL indexes 24
    factories.item(title=f"{long_word.capitalize()} offen")
    factories.item(title="Arbeitnehmerrechtsberatungsbus")  # the same first 27 characters
    assert titles(search(long_word, "en", 10)) == {f"{long_word.capitalize()} offen"}
    assert titles(search(long_word[:28], "en", 10)) == {f"{long_word.capitalize()} offen"}
    assert titles(search(long_word[:26], "en", 10)) == {
        f"{long_word.capitalize()} offen",
        "Arbeitnehmerrechtsberatungsbus",
    }


def test_below_the_ranking_limit_the_most_relevant_come_first():
    factories.item(title="Eviction help", body="Eviction defense: eviction notices answered.")
    factories.item(
        title="Weekly bulletin", body="Library hours, a choir, a food drive. " * 5 + "Also eviction."
    )
    assert titles(search("eviction", "en", 1)) == {"Eviction help"}  # the newer one mentions it once


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's partial index")
def test_text_without_spaces_is_searched_through_its_partial_index_on_postgres():
    from puente.search.index import SPACELESS

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned anyway
        cursor.execute(f"EXPLAIN SELECT id FROM search_entry WHERE {SPACELESS} AND text LIKE '%%法律%%'")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_spaceless" in plan  # the query's predicate is the index's, word for word


def test_it_does_not_find_drafts_and_forgets_unpublished_items():
    factories.item(title="Draft about vaccines", status=Item.DRAFT)
    shown = factories.item(title="Vaccine clinic")
    assert titles(search("vaccine", "en", 10)) == {"Vaccine clinic"}
    shown.status = Item.ARCHIVED
    shown.save()
    assert search("vaccine", "en", 10) == []


def test_it_forgets_deleted_items():
    gone = factories.item(title="Tenant meeting")
    gone.delete()
    assert search("tenant", "en", 10) == []


def test_it_finds_chinese_text_without_spaces():
    factories.item(title="免费法律咨询服务", body="每周六上午在图书馆", language="zh")
    assert titles(search("法律咨询", "zh-hans", 10)) == {"免费法律咨询服务"}
    assert titles(search("法律", "zh-hans", 10)) == {"免费法律咨询服务"}  # two characters: below a trigram


def test_it_finds_items_by_their_translations():
    it = factories.item(title="Food pantry open Saturday")
    factories.translation(it, "pl", "Bank żywności otwarty w sobotę", "Szczegóły.")
    assert titles(search("zywnosci", "pl", 10)) == {"Food pantry open Saturday"}


def test_it_shows_pages_only_in_the_readers_language():
    factories.page("es", title="Sus derechos en Zarzalandia", slug="derechos-zarzalandia")
    factories.page("en", title="Your rights in Zarzalandia", slug="rights-zarzalandia")
    assert [e.language for e in search("zarzalandia", "es", 10)] == ["es"]
    assert [e.language for e in search("zarzalandia", "en", 10)] == ["en"]


def test_it_indexes_organizations():
    factories.organization(name="Lakeshore Legal Aid", acronym="LLA")
    assert [e.kind for e in search("lakeshore", "en", 10)] == [Entry.ORGANIZATION]


def test_reindex_rebuilds_the_index_from_published_things():
    factories.item(title="Rent relief applications")
    Entry.objects.all().delete()
    assert search("rent", "en", 10) == []
    assert reindex() >= 1
    assert titles(search("rent", "en", 10)) == {"Rent relief applications"}


def test_it_counts_searches_that_found_nothing_per_day_and_words():
    day = datetime.date(2026, 11, 25)
    record_miss("  Notario FRAUDE ", day)
    record_miss("notario fraude", day)
    record_miss("notario fraude", day + datetime.timedelta(days=1))
    assert list(MissedSearch.objects.order_by("day").values_list("words", "count")) == [
        ("notario fraude", 2),
        ("notario fraude", 1),
    ]


def test_the_search_page_groups_results_and_logs_misses(client):
    factories.organization(name="Workers Center North")
    factories.item(title="Workers rights workshop", kind="event")
    factories.item(title="Workers wages statement", kind="statement")
    page = client.get("/en/search/?q=workers").content.decode()
    assert page.index('id="g-organization"') < page.index('id="g-event"') < page.index('id="g-statement"')
    assert "Workers rights workshop" in page and "Workers Center North" in page
    assert "no-store" in client.get("/en/search/?q=workers")["Cache-Control"]
    missed = client.get("/es/search/?q=zzyzx").content.decode()
    assert "zzyzx" in missed
    assert MissedSearch.objects.get().words == "zzyzx"


def test_the_search_page_escapes_the_query(client):
    page = client.get("/en/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in page


def test_when_a_word_is_everywhere_the_newest_come_first(monkeypatch):
    from puente.search import index

    monkeypatch.setattr(index, "RANK_AT_MOST", 2)
    made = [factories.item(title=f"Pantry update {n}") for n in range(4)]
    found = [e.object_id for e in search("pantry", "en", 3)]
    assert found == [made[3].pk, made[2].pk, made[1].pk]
