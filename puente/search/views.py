"""/<lang>/search/?q= : one form, results grouped by kind, no JavaScript needed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from puente.catalog.models import KIND_CHOICES, Item, Organization, Page
from puente.lib.ratelimit import client_ip, hit
from puente.public.views import EDITORS_ONLY

from .index import record_miss, search
from .models import Entry

GROUP_LABELS = {
    Entry.PAGE: _("Know your rights"),
    Entry.ORGANIZATION: _("Organizations"),
    **dict(KIND_CHOICES),
}
GROUP_ORDER = [Entry.PAGE, Entry.ORGANIZATION, *[k for k, _label in KIND_CHOICES]]
MAX_QUERY = 200
RESULTS = 30  # enough for a phone screen; more words narrow it down


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    if query and too_many(request):
        response = render(request, "search/search.html", {"query": query, "limited": True}, status=429)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    groups, total = [], 0
    if query:
        entries = search(query, get_language(), limit=RESULTS)
        total = len(entries)
        groups = group(entries)
        if not entries:
            record_miss(query)
    response = render(request, "search/search.html", {"query": query, "groups": groups, "total": total})
    response["Cache-Control"] = "no-store"  # what someone searched for stays on their phone only
    return response


def too_many(request: HttpRequest) -> bool:
    """Searches per client per minute (PUENTE_SEARCH_RATE_PER_MINUTE; 0 switches the limit off)."""
    limit = settings.SEARCH_RATE_PER_MINUTE
    return bool(limit) and hit(f"search:rate:{client_ip(request)}", limit, 60)


def group(entries: list[Entry]) -> list[tuple[str, list]]:
    """(label, objects) per kind, in a fixed order, each object loaded in one query per model."""
    ids = {
        model: [e.object_id for e in entries if e.model == model]
        for model in (Entry.ITEM, Entry.ORGANIZATION, Entry.PAGE)
    }
    objects = {
        Entry.ITEM: Item.objects.published()
        .defer(*EDITORS_ONLY)
        .select_related("organization")
        .prefetch_related("translations")
        .in_bulk(ids[Entry.ITEM]),
        Entry.ORGANIZATION: Organization.objects.listed().in_bulk(ids[Entry.ORGANIZATION]),
        Entry.PAGE: Page.objects.filter(published=True).in_bulk(ids[Entry.PAGE]),
    }
    by_kind: dict[str, list] = {}
    for entry in entries:
        obj = objects[entry.model].get(entry.object_id)
        if obj is not None:
            by_kind.setdefault(entry.kind, []).append(obj)
    return [(GROUP_LABELS.get(kind, kind), kind, by_kind[kind]) for kind in GROUP_ORDER if kind in by_kind]
