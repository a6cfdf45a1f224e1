import json
import re

import icalendar
import pytest

from puente.catalog.models import Event, Item, Page
from puente.public import factories

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "es", "hi", "zh-hans", "ar", "pl"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_answers_in_every_language(client, site, language):
    for name, path in site.items():
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html, name
        assert html.count('class="langs"') == 1, name


def test_every_page_weighs_under_60_kb_with_its_css_and_js(client, site):
    from django.contrib.staticfiles import finders

    assets = sum(len(open(finders.find(f"puente/{n}"), "rb").read()) for n in ("site.css", "site.js"))
    for language in ("en", "ar"):
        for name, path in site.items():
            size = len(client.get(f"/{language}/{path}").content) + assets
            assert size < 60_000, (name, size)


def test_pages_load_nothing_from_anyone_else(client, site):
    for path in site.values():
        html = client.get(f"/en/{path}").content.decode()
        for tag in re.findall(r"<(?:script|link|img|iframe)[^>]*>", html):
            assert "http" not in tag.replace('type="application/ld+json"', ""), tag


def test_security_headers_are_set(client, site):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_scripts_or_styles(client, site):
    for path in site.values():
        html = client.get(f"/ar/{path}").content.decode()
        assert " style=" not in html
        for script in re.findall(r"<script[^>]*>", html):
            assert "src=" in script or 'type="application/ld+json"' in script, script


def test_home_shows_urgent_updates_first_with_dates_then_events_and_safety_links(client, site):
    html = client.get("/en/").content.decode()
    assert html.index("Urgent updates") < html.index("Upcoming events") < html.index("Latest news")
    assert "Last checked" in html
    for link in ("/en/rights/", "/en/safety/plan/", "/en/safety/cards/"):
        assert f'href="{link}"' in html


def test_list_pages_take_a_fixed_number_of_queries(client, site, django_assert_max_num_queries):
    for _ in range(10):
        factories.item(topics=["legal"], phones=["+13125550111"], kind="service")
        factories.event()
    for path in ("", "events/", "help/", "help/legal/", "get-involved/", "events/month/"):
        with django_assert_max_num_queries(40):
            assert client.get(f"/en/{path}").status_code == 200


def test_list_queries_do_not_grow_with_the_number_of_items(client, site, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(path: str) -> int:
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            client.get(path)
        return len(ctx.captured_queries)

    before = {p: count(p) for p in ("/en/", "/en/events/", "/en/help/legal/")}
    for _ in range(8):
        factories.item(topics=["legal"], phones=["+13125550111"], kind="service", urgent=True)
        factories.event()
    after = {p: count(p) for p in before}
    assert after == before


def test_the_event_page_shows_its_own_zone_place_map_rsvp_and_json_ld(client, site):
    event = Event.objects.get(location__startswith="Harold")
    html = client.get(f"/en/events/{event.uid}/").content.decode()
    assert "Central" in html  # the zone, named
    assert "https://www.openstreetmap.org/search?query=Harold%20Washington%20Library" in html
    assert 'href="https://partner.example/rsvp"' in html
    assert f'href="/en/events/{event.uid}.ics"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == "Know-your-rights workshop"
    assert data["startDate"].endswith(("-06:00", "-05:00"))


def test_event_times_are_in_the_events_zone(client, db):
    import datetime
    import zoneinfo

    start = datetime.datetime(2030, 3, 4, 18, 30, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    event = factories.event(start=start, title="Evening clinic", timezone="America/New_York")
    html = client.get(f"/en/events/{event.uid}/").content.decode()
    assert "6:30" in html and "Eastern" in html


def test_json_ld_cannot_close_its_script(client, db):
    event = factories.event(title="</script><script>alert(1)</script>")
    html = client.get(f"/en/events/{event.uid}/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and json.loads(block)["name"].startswith("</script>")


def test_the_ics_file_has_a_stable_uid_and_the_event_time(client, site):
    event = Event.objects.get(location__startswith="Harold")
    first = client.get(f"/en/events/{event.uid}.ics")
    second = client.get(f"/es/events/{event.uid}.ics")
    assert first["Content-Type"].startswith("text/calendar")
    one, two = (icalendar.Calendar.from_ical(r.content) for r in (first, second))
    vevent = one.walk("VEVENT")[0]
    assert str(vevent["UID"]) == str(two.walk("VEVENT")[0]["UID"]) == f"{event.uid}@puente"
    assert vevent.decoded("DTSTART") == event.start.replace(microsecond=0)
    assert "Harold Washington Library" in str(vevent["LOCATION"])


def test_events_filter_by_topic_language_date_and_place(client, db):
    import datetime

    from django.utils import timezone

    soon = timezone.now() + datetime.timedelta(days=2)
    factories.event(start=soon, title="Legal clinic in person", topics=["legal"], languages_offered=["es"])
    factories.event(start=soon, title="Online health talk", topics=["health"], online=True)
    factories.event(start=soon + datetime.timedelta(days=30), title="Later legal fair", topics=["legal"])

    def titles(query: str) -> set[str]:
        html = client.get(f"/en/events/?{query}").content.decode()
        return {t for t in ("Legal clinic in person", "Online health talk", "Later legal fair") if t in html}

    assert titles("topic=legal") == {"Legal clinic in person", "Later legal fair"}
    assert titles("language=es") == {"Legal clinic in person"}
    assert titles("mode=online") == {"Online health talk"}
    later = (soon + datetime.timedelta(days=10)).date().isoformat()
    assert titles(f"start={later}") == {"Later legal fair"}


def test_past_events_are_archived_apart(client, db):
    import datetime

    from django.utils import timezone

    factories.event(start=timezone.now() - datetime.timedelta(days=3), title="Last week's forum")
    assert "Last week&#x27;s forum" not in client.get("/en/events/").content.decode()
    assert "Last week&#x27;s forum" in client.get("/en/events/past/").content.decode()


def test_the_month_view_places_events_on_their_day(client, db):
    import datetime
    import zoneinfo

    start = datetime.datetime(2030, 5, 17, 19, 0, tzinfo=zoneinfo.ZoneInfo("America/Chicago"))
    factories.event(start=start, title="Spring potluck")
    html = client.get("/en/events/2030/5/").content.decode()
    assert re.search(r'<td class=" has">\s*<a class="day" href="#d20300517">17<', html)
    day = re.search(r'<section class="day-list" id="d20300517".*?</section>', html, re.S).group(0)
    assert "Spring potluck" in day and "Friday, May 17, 2030" in day
    assert html.count('class="day-list"') == 1
    assert 'href="/en/events/2030/4/"' in html and 'href="/en/events/2030/6/"' in html


def test_help_shows_who_how_languages_and_when_verified(client, site):
    html = client.get("/es/help/legal/").content.decode()
    assert "Free immigration consultations" in html
    assert 'href="tel:+13125550199"' in html
    assert "inglés" in html and "árabe" in html  # language names in the reader's language
    assert "Lakeshore Legal Aid" in html and "Mon–Fri 9:00–17:00" in html
    assert "Última revisión" in html and "Verificado el" in html


def test_organization_profile_lists_flags_contacts_and_what_it_published(client, site):
    html = client.get(f"/en/{site['organization']}").content.decode()
    assert "Recognized by the U.S. Department of Justice" in html and "Nonprofit" in html
    assert 'href="tel:+13125550100"' in html and "mailto:" in html
    assert "Free immigration consultations" in html and "Bail fund drive" in html


def test_a_story_shows_every_source_with_dates(client, site):
    html = client.get(f"/en/{site['story']}").content.decode()
    assert "Told by 2 sources." in html
    assert "Lakeshore Legal Aid" in html and "Northside Workers Center" in html
    assert html.count("<time") >= 2


def test_get_involved_gives_the_script_and_tap_to_call(client, site):
    html = client.get("/en/get-involved/").content.decode()
    assert "Here are ideas for what to tell them" in html
    assert "ask them to fund legal aid" in html
    assert 'href="tel:+12025550123"' in html
    for heading in ("Volunteering and fellowships", "Jobs", "Fundraisers"):
        assert heading in html


def test_an_item_shows_the_readers_translation_with_a_way_back_to_the_original(client, site):
    path = site["item"]
    es = client.get(f"/es/{path}").content.decode()
    assert "El concejo aprueba una ordenanza de bienvenida" in es
    assert 'href="?original=1"' in es
    original = client.get(f"/es/{path}?original=1").content.decode()
    assert "City council passes welcoming ordinance" in original


def test_an_untranslated_item_says_so_and_marks_its_language_and_direction(client, db):
    item = factories.item(title="عيادة قانونية مجانية", body="كل سبت", language="ar")
    html = client.get(f"/en/items/{item.uuid}/").content.decode()
    assert "This is in Arabic; no translation yet." in html
    assert '<div class="text" lang="ar" dir="rtl">' in html


def test_machine_and_outdated_translations_are_labelled(client, db):
    item = factories.item(title="Workshop", body="Old text")
    factories.translation(item, "pl", "Warsztat", "Stary tekst", machine=True)
    item.body = "New text"
    item.save()
    html = client.get(f"/pl/items/{item.uuid}/").content.decode()
    assert "Przetłumaczone maszynowo" in html
    assert "Oryginał zmienił się" in html


def test_item_text_is_escaped_paragraphs(client, db):
    item = factories.item(body="<b>bold</b> claim\n\nSecond <i>para</i>")
    html = client.get(f"/en/items/{item.uuid}/").content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt; claim</p>" in html and "<b>bold" not in html


def test_unpublished_items_are_not_shown(client, db):
    item = factories.item(title="Secret draft", status=Item.DRAFT)
    assert client.get(f"/en/items/{item.uuid}/").status_code == 404
    assert "Secret draft" not in client.get("/en/").content.decode()


def test_share_links_are_plain_links(client, site):
    html = client.get(f"/en/{site['item']}").content.decode()
    assert 'href="mailto:?subject=' in html and 'href="sms:?&amp;body=' in html
    assert 'href="https://wa.me/?text=' in html
    assert re.search(r'<input type="text" readonly value="http[^"]+/en/items/', html)


def test_rights_pages_from_the_migration_exist_in_six_languages_and_await_review():
    keys = Page.objects.filter(
        slug__in=["trustworthy-legal-help", "rights-at-work", "school-for-every-child"]
    )
    assert keys.count() == 18
    assert all(p.needs_legal_review for p in keys)


def test_rights_pages_show_the_readers_version_and_the_review_note(client, db):
    listing = client.get("/ar/rights/").content.decode()
    assert "كيف تجد مساعدة قانونية موثوقة" in listing
    page = client.get("/ar/rights/trustworthy-legal-help/").content.decode()
    assert "بانتظار مراجعة محامٍ" in page
    assert client.get("/es/rights/trustworthy-legal-help/").status_code == 200


def test_the_language_switcher_links_to_the_same_page_and_remembers_the_choice(client, site):
    html = client.get("/en/events/").content.decode()
    assert 'href="/ar/language/?next=/ar/events/"' in html
    response = client.get("/ar/language/?next=/ar/events/")
    assert response.status_code == 302 and response["Location"] == "/ar/events/"
    assert response.cookies["django_language"].value == "ar"
    assert client.get("/ar/language/?next=https://evil.example/")["Location"] == "/ar/"


def test_pages_are_cached_per_language_without_personal_content(client, site):
    first = client.get("/es/events/")
    again = client.get("/es/events/")
    assert again["X-Puente-Cache"] in ("hit", "front") and again.content == first.content
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert not first.cookies
    arabic = client.get("/ar/events/")
    assert "X-Puente-Cache" not in arabic and arabic.content != first.content


def test_a_catalogue_change_shows_at_once(client, site):
    client.get("/en/")
    factories.item(title="Brand new urgent notice", urgent=True)
    assert "Brand new urgent notice" in client.get("/en/").content.decode()


def test_visitors_with_a_session_get_fresh_pages(client, site):
    client.get("/en/")
    client.cookies["sessionid"] = "anything"
    fresh = client.get("/en/")
    assert "X-Puente-Cache" not in fresh and fresh["Cache-Control"] == "private, no-cache"


def test_the_front_cache_serves_finished_pages_with_their_security_headers(client, site, settings):
    settings.MIDDLEWARE = ["puente.public.cache.FrontCacheMiddleware", *settings.MIDDLEWARE]
    first = client.get("/es/events/")
    second = client.get("/es/events/")
    assert second["X-Puente-Cache"] == "front" and second.content == first.content
    for header in ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "Content-Type"):
        assert second[header] == first[header]
    assert client.get("/ar/events/").get("X-Puente-Cache") != "front"
    client.cookies["sessionid"] = "x"
    assert client.get("/es/events/").get("X-Puente-Cache") != "front"


def test_the_front_cache_never_keeps_search_results(client, site, settings):
    settings.MIDDLEWARE = ["puente.public.cache.FrontCacheMiddleware", *settings.MIDDLEWARE]
    client.get("/en/search/?q=workshop")
    assert client.get("/en/search/?q=workshop").get("X-Puente-Cache") is None


def test_an_item_links_the_attachments_it_refers_to(client, db, settings, tmp_path):
    from django.core.files.base import ContentFile

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    from puente.catalog.models import Attachment, Document, Source

    source = Source.objects.create(name="Inbox")
    document = Document.objects.create(source=source, content_hash="f" * 64, raw=b"x")
    attachment = Attachment(
        document=document, filename="flyer.pdf", content_type="application/pdf", size=3, sha256="a" * 64
    )
    attachment.file.save("flyer.pdf", ContentFile(b"pdf"), save=True)
    item = factories.item(document=document, refers_to_attachment=True)
    html = client.get(f"/en/items/{item.uuid}/").content.decode()
    assert f'href="/en/desk/ingest/attachments/{attachment.pk}/"' in html and "flyer.pdf" in html
    item.refers_to_attachment = False
    item.save()
    assert "flyer.pdf" not in client.get(f"/en/items/{item.uuid}/").content.decode()


def test_the_project_urls_mount_the_public_site_and_search(client, site, settings):
    settings.ROOT_URLCONF = "puente.urls"
    for path in ("/es/", f"/es/{site['event']}", "/es/search/?q=taller", "/ar/rights/"):
        assert client.get(path).status_code == 200, path
