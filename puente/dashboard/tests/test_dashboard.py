"""The dashboard: editors and admins only, charts as inline SVG with tables, counts not people."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from puente.catalog.models import Document, Item, Source
from puente.dashboard import charts
from puente.digests.models import Bounce, SendLog
from puente.digests.tests.helpers import make_item, make_subscriber


def test_a_round_axis_top_is_chosen():
    assert [charts.nice_max(v) for v in (0, 1, 3, 7, 11, 260)] == [1, 1, 5, 10, 20, 500]


def test_stacked_bars_stack_and_scale_to_the_axis():
    chart = charts.stacked(["mon", "tue"], ["sent", "failed"], [[4, 1], [0, 0]])
    assert [b.title for b in chart.bars] == ["mon · sent: 4", "mon · failed: 1"]
    sent, failed = chart.bars
    assert failed.y + failed.height == pytest.approx(sent.y)  # failed sits on top of sent
    assert sent.height == pytest.approx(4 * failed.height)
    assert chart.table == [("mon", [4, 1], 5), ("tue", [0, 0], 0)] and not chart.empty
    assert charts.simple([("a", 0)]).empty


@pytest.mark.django_db
def test_only_editors_and_admins_see_it(client, editor, partner, admin_user):
    assert client.get("/en/desk/dashboard/").status_code == 302
    client.force_login(partner)
    assert client.get("/en/desk/dashboard/").status_code == 403
    for user in (editor, admin_user):
        client.force_login(user)
        assert client.get("/en/desk/dashboard/").status_code == 200


@pytest.mark.django_db
def test_it_draws_every_chart_with_a_table_and_no_addresses(client, editor, django_assert_max_num_queries):
    source = Source.objects.create(name="LILC newsletter", kind="email", address="news@lilc.example")
    Document.objects.create(
        source=source, content_hash="a" * 64, raw=b"x", received_at=timezone.now() - timedelta(days=2)
    )
    make_item("Published")
    old_draft = make_item("Waiting", status=Item.DRAFT)
    Item.objects.filter(pk=old_draft.pk).update(created=timezone.now() - timedelta(days=10))
    subscriber = make_subscriber("secret@example.net", language="es", topics=["legal", "urgent"])
    SendLog.objects.create(
        subscriber=subscriber, kind="digest", period="p", status="sent", sent_at=timezone.now()
    )
    Bounce.objects.create(subscriber=subscriber, status="5.1.1", hard=True)
    from puente.search.models import MissedSearch

    MissedSearch.objects.create(day=timezone.localdate(), words="daca renewal", count=4)
    client.force_login(editor)
    with django_assert_max_num_queries(14):
        html = client.get("/en/desk/dashboard/").content.decode()
    assert "secret@example.net" not in html
    assert html.count('<svg class="chart"') == 7 and html.count("<table") == 7
    assert 'style="' not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)  # CSP: nothing inline
    assert "LILC newsletter" in html and "daca renewal" in html
    waiting = re.search(r"<th scope=\"row\">1–2 weeks</th><td>(\d+)</td>", html)
    assert waiting and waiting.group(1) == "1"


@pytest.mark.django_db
def test_numbers_in_the_svg_are_not_localized(client, editor):
    make_item("Published")
    client.force_login(editor)
    html = client.get("/pl/desk/dashboard/").content.decode()
    coordinates = re.findall(r'<rect x="([^"]+)"', html)
    assert coordinates and all("," not in c for c in coordinates)
