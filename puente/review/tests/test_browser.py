"""Real Chromium against a live server: an editor signs in, fixes an item's kind and publishes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import need  # the root conftest: skip locally, fail in CI

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LETTER = (
    "Winter coat drive\n\n"
    "Free winter coats for children every Saturday in January at 4750 N Sheridan Rd.\n\n"
    "Volunteer drivers wanted\n\n"
    "Drive families to appointments once a month. Write to rides@example.org.\n"
)


@pytest.mark.parametrize("width", [390, 1280])
def test_an_editor_fixes_a_kind_and_publishes_from_the_document(browser, live_server, editor, width):
    from puente.catalog.models import Document, Item
    from puente.ingest.store import Ingestor

    Ingestor().ingest_bytes(LETTER.encode(), "coats.txt")
    doc = Document.objects.get()
    item = doc.items.order_by("position").first()
    new_kind = "service" if item.kind != "service" else "resource"

    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{live_server.url}/en/desk/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="coats.txt").first.click()
    assert page.url.endswith(f"/en/desk/documents/{doc.pk}/")

    page.click(f"#span-{item.pk} a")  # the marked text leads to the item's form
    card = page.locator(f"#item-{item.pk}")
    card.locator(f"#id_item-{item.pk}-kind").select_option(new_kind)
    card.get_by_role("button", name="Save changes").click()
    assert page.url.endswith(f"#item-{item.pk}")
    assert page.get_by_text("Saved.").is_visible()

    page.locator(f"#item-{item.pk}").get_by_role("button", name="Approve and publish").click()
    card = page.locator(f"#item-{item.pk}")
    assert card.locator(".status").inner_text().strip() == "published"
    item.refresh_from_db()
    assert (item.kind, item.status) == (new_kind, Item.PUBLISHED)
    assert "kind" in item.corrected_fields
    assert Item.objects.published().filter(pk=item.pk).exists()


AXE = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_axe_finds_no_violations_on_the_desk(browser, live_server, editor, language):
    from puente.catalog.models import Document
    from puente.ingest.store import Ingestor

    need(AXE.exists(), "axe-core is not installed: run npm install")
    Ingestor().ingest_bytes(LETTER.encode(), "coats.txt")
    doc = Document.objects.get()
    item = doc.items.first()
    # axe is injected as an inline script, which the site's CSP rightly forbids: bypass it for the audit.
    page = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True).new_page()
    page.goto(f"{live_server.url}/{language}/desk/login/")
    problems = {"desk/login/": _axe(page)}
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "correct horse battery")
    page.locator("form.stack button[type=submit]").click()
    for path in ("desk/", f"desk/documents/{doc.pk}/", f"desk/items/{item.pk}/", "desk/submit/",
                 "desk/ingest/upload/", f"desk/items/{item.pk}/translations/es/"):  # fmt: skip
        page.goto(f"{live_server.url}/{language}/{path}")
        assert "/login/" not in page.url
        problems[path] = _axe(page)
    assert not {path: found for path, found in problems.items() if found}, problems


def _axe(page) -> list:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]
