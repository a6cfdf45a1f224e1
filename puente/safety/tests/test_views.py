"""The plan and the rights cards, in six languages, with and without anything to show."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import need
from puente.catalog.models import Organization, Page, Topic
from puente.safety.models import RightsCard

LANGUAGES = ("en", "es", "hi", "zh-hans", "ar", "pl")


@pytest.fixture
def legal_org(db):
    topic, _ = Topic.objects.get_or_create(slug="legal", defaults={"name": "Legal help", "is_need": True})
    org = Organization.objects.create(name="Lakeside Legal Aid", phone="+13125550100", address="1 Main St")
    org.areas.add(topic)
    Organization.objects.create(name="Food Pantry North")
    return org


def _pdf_text(data: bytes, tmp_path) -> str:
    need(
        shutil.which("pdftotext") is not None,
        "poppler-utils is not installed (apt-get install poppler-utils)",
    )
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode()  # noqa: S603,S607


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_shows_the_form_in_every_language(client, db, language):
    response = client.get(f"/{language}/safety/plan/")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == language
    assert body.count("data-step") >= 6 and 'id="plan-template"' in body
    assert "<script>" not in body and " style=" not in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_it_sends_no_store_and_no_referrer_headers(client, db):
    for response in (
        client.get("/en/safety/plan/"),
        client.post("/en/safety/plan/", {"full_name": "Ana", "action": "show"}),
        client.post("/en/safety/plan/", {"full_name": "Ana", "action": "pdf"}),
    ):
        assert "no-store" in response["Cache-Control"]
        assert response["Pragma"] == "no-cache"
        assert response["Referrer-Policy"] == "no-referrer"


def test_it_sends_no_referrer_and_keeps_its_posts_working(client, db):
    # No referrer leaves the plan page; puente.lib.middleware.CsrfViewMiddleware accepts the browser's
    # "Origin: null" same-origin posts (the browser tests post with JavaScript on and off).
    response = client.get("/en/safety/plan/")
    body = response.content.decode()
    metas = [m for m in body.split("<meta ") if m.startswith('name="referrer"')]
    assert metas[-1].startswith('name="referrer" content="no-referrer"')
    assert response["Referrer-Policy"] == "no-referrer"


def test_it_renders_the_plan_without_storing_a_session(client, legal_org):
    from django.contrib.sessions.models import Session

    response = client.post(
        "/en/safety/plan/",
        {"full_name": "Amira Haddad", "legal_org": legal_org.pk, "consulate": "SY", "action": "show"},
    )
    body = response.content.decode()
    assert "Amira Haddad" in body and "Lakeside Legal Aid · +13125550100" in body and "Syria" in body
    assert "Children" not in body  # an empty section is left out
    assert not Session.objects.exists() and "sessionid" not in response.cookies


def test_it_offers_only_legal_organizations(client, legal_org):
    body = client.get("/en/safety/plan/").content.decode()
    assert "Lakeside Legal Aid" in body and "Food Pantry North" not in body


def test_it_returns_the_form_with_the_typed_values_on_a_bad_a_number(client, db):
    response = client.post("/es/safety/plan/", {"full_name": "Ana", "a_number": "12", "action": "pdf"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert 'value="Ana"' in response.content.decode() and 'role="alert"' in response.content.decode()


def test_it_makes_an_arabic_pdf_with_arabic_text(client, db, tmp_path):
    response = client.post(
        "/ar/safety/plan/", {"full_name": "أمل حداد", "medicines": "إنسولين", "action": "pdf"}
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="safety-plan.pdf"'
    text = _pdf_text(response.content, tmp_path)
    assert "خطة أمان العائلة" in text or "أمان" in text
    assert "حداد" in text


@pytest.mark.parametrize("language", ["hi", "zh-hans"])
def test_it_makes_pdfs_whose_fonts_cover_the_language(client, db, tmp_path, language):
    fonts = subprocess.run(["fc-list", ":", "family"], capture_output=True).stdout.decode()  # noqa: S603,S607
    need(
        "Noto Sans CJK SC" in fonts,
        "Noto fonts are not installed (apt-get install fonts-noto-core fonts-noto-cjk)",
    )
    name = {"hi": "सुनीता", "zh-hans": "王小明"}[language]
    response = client.post(f"/{language}/safety/plan/", {"full_name": name, "action": "card-pdf"})
    assert name in _pdf_text(response.content, tmp_path)
    fonts = subprocess.run(["pdffonts", str(tmp_path / "x.pdf")], capture_output=True, check=True).stdout  # noqa: S603,S607
    assert {"hi": b"Noto-Sans-Devanagari", "zh-hans": b"Noto-Sans-CJK-SC"}[language] in fonts


def _card(response) -> str:
    return response.content.decode().split('class="wallet-card"')[1]


def test_it_puts_the_a_number_on_the_card_only_when_asked(client, db):
    data = {"full_name": "Ana", "a_number": "A123456789", "action": "card"}
    assert "A123456789" not in _card(client.post("/en/safety/plan/", data))
    assert "A123456789" in _card(client.post("/en/safety/plan/", {**data, "card_a_number": "on"}))


def test_it_carries_the_plan_in_hidden_fields_to_edit_it_again(client, db):
    first = client.post("/en/safety/plan/", {"full_name": "Ana", "consulate": "MX", "action": "show"})
    assert 'type="hidden" name="full_name" value="Ana"' in first.content.decode()
    again = client.post("/en/safety/plan/", {"full_name": "Ana", "consulate": "MX", "action": "edit"})
    assert 'value="MX" selected' in again.content.decode()


def test_it_seeds_rights_cards_in_six_languages_awaiting_review(db):
    assert sorted(set(RightsCard.objects.values_list("language", flat=True))) == sorted(LANGUAGES)
    assert not RightsCard.objects.filter(needs_legal_review=False).exists()
    for language in LANGUAGES:
        front = RightsCard.objects.get(language=language, for_officer=False)
        assert len(front.lines) == 4


def test_it_seeds_the_ice_raid_guidance_page(db):
    pages = Page.objects.filter(slug="ice-raid-guidance")
    assert sorted(pages.values_list("language", flat=True)) == sorted(LANGUAGES)
    assert len(set(pages.values_list("translation_key", flat=True))) == 1
    assert all(p.published and p.needs_legal_review and p.body.count("\n\n") >= 5 for p in pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_prints_the_rights_cards_in_every_language(client, db, language):
    card = RightsCard.objects.get(language=language, for_officer=False)
    body = client.get(f"/{language}/safety/cards/").content.decode()
    assert body.count(card.title) >= 4 and body.count('class="card-pair"') == 4
    assert body.count('class="review-mark"') == 8


def test_it_shows_an_editors_change_and_drops_the_review_mark(client, db):
    RightsCard.objects.filter(language="es", for_officer=False).update(
        title="Sus derechos", needs_legal_review=False
    )
    RightsCard.objects.filter(language="es", for_officer=True).update(needs_legal_review=False)
    body = client.get("/es/safety/cards/").content.decode()
    assert "Sus derechos" in body and 'class="review-mark"' not in body


def test_it_makes_the_cards_pdf(client, db, tmp_path):
    response = client.get("/ar/safety/cards/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert "اعرف حقوقك" in _pdf_text(response.content, tmp_path)


def test_it_lets_editors_edit_rights_cards_with_an_audit_entry(editor_client):
    from puente.catalog.models import AuditLog

    card = RightsCard.objects.get(language="pl", for_officer=False)
    assert editor_client.get("/en/admin/safety/rightscard/").status_code == 200
    data = {"language": "pl", "title": "Twoje prawa", "body": card.body, "order": 1, "needs_legal_review": ""}
    response = editor_client.post(f"/en/admin/safety/rightscard/{card.pk}/change/", data)
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.title == "Twoje prawa" and not card.needs_legal_review
    entry = AuditLog.objects.get(model="safety.RightsCard")
    assert entry.before["title"] == "Poznaj swoje prawa" and entry.after["title"] == "Twoje prawa"


def test_it_keeps_partners_out_of_the_rights_cards_admin(partner_client):
    assert partner_client.get("/en/admin/safety/rightscard/").status_code in (302, 403)


def test_it_falls_back_to_the_english_cards_when_a_language_has_none(client, db):
    RightsCard.objects.filter(language="pl").delete()
    body = client.get("/pl/safety/cards/").content.decode()
    assert "Know your rights" in body and body.count('class="card-pair"') == 4
