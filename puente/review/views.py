"""The review desk: editors approve what reaches the public; partners keep their own listing.

Every change is recorded with ``puente.catalog.audit.record``; fields an editor corrects are
remembered in ``Item.corrected_fields`` so re-extraction leaves them alone.
"""

from __future__ import annotations

from collections import Counter
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puente.accounts.roles import is_editor, is_partner, partner_organization
from puente.catalog.audit import record, snapshot
from puente.catalog.models import KIND_CHOICES, Document, Item, Organization, Source, Story, Translation
from puente.ingest import stories

from .forms import (
    ZONES,
    EventFormSet,
    ItemContactFormSet,
    ItemForm,
    MergeForm,
    OrganizationContactFormSet,
    OrganizationForm,
    OrganizationMergeForm,
    SubmitForm,
    TranslationForm,
)
from .highlight import Span, clean_html, highlight

PAGE_SIZE = 50
ITEMS_PER_PAGE = 12


def desk_member(view):
    """Signed in as an admin, editor or partner; anyone else is sent to sign in or refused."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (is_editor(request.user) or is_partner(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def editors_only(view):
    @wraps(view)
    @desk_member
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _item_for(request: HttpRequest, pk: int) -> Item:
    """An item the user may work on: a partner only reaches its own organization's (else 404)."""
    return get_object_or_404(Item.objects.visible_to(request.user).select_related("document__source"), pk=pk)


# --- the queue ---------------------------------------------------------------------------------------


@desk_member
def queue(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", Item.DRAFT)
    kind = request.GET.get("kind", "")
    source = request.GET.get("source", "")
    items = Item.objects.visible_to(request.user).select_related("document__source", "organization", "story")
    if status in dict(Item.STATUS_CHOICES):
        items = items.filter(status=status)
    if kind in dict(KIND_CHOICES):
        items = items.filter(kind=kind)
    if source.isdigit():
        items = items.filter(document__source_id=int(source))
    page = Paginator(items.order_by("-created", "position"), PAGE_SIZE).get_page(request.GET.get("page"))
    editor = is_editor(request.user)
    context = {
        "page": page,
        "status": status,
        "kind": kind,
        "source": source,
        "statuses": Item.STATUS_CHOICES,
        "kinds": KIND_CHOICES,
        "sources": list(Source.objects.only("pk", "name")) if editor else [],
        "failed_documents": _failed_documents() if editor else [],
        "documents": _documents_awaiting() if editor else [],
        "organization": partner_organization(request.user),
        "is_editor": editor,
    }
    return render(request, "review/queue.html", context)


def _failed_documents() -> list[Document]:
    return list(Document.objects.exclude(error="").select_related("source").defer("raw")[:20])


def _documents_awaiting() -> list[Document]:
    drafts = Count("items", filter=Q(items__status=Item.DRAFT))
    return list(
        Document.objects.annotate(drafts=drafts)
        .filter(drafts__gt=0)
        .select_related("source")
        .defer("raw", "text")
        .order_by("-received_at")[:20]
    )


# --- a document ------------------------------------------------------------------------------------------


@editors_only
def document(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_object_or_404(Document.objects.select_related("source__organization"), pk=pk)
    items = list(doc.items.only("pk", "span_start", "span_end", "position").order_by("position"))
    # A newsletter can hold a hundred items: the text shows every span, the forms come a page at a time.
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    numbers = {item.pk: n for n, item in enumerate(items, 1)}
    spans = [
        Span(i.pk, i.span_start, i.span_end, str(numbers[i.pk]), _anchor(i, page, n // ITEMS_PER_PAGE + 1))
        for n, i in enumerate(items)
        if i.span_start is not None and i.span_end
    ]
    shown = list(
        Item.objects.filter(pk__in=[i.pk for i in page.object_list])
        .select_related("story")
        .prefetch_related("topics", "events", "contacts")
        .order_by("position")
    )
    topic_choices = list(ItemForm().fields["topics"].choices)
    forms = [(numbers[item.pk], item, *_item_forms(item, topic_choices=topic_choices)) for item in shown]
    html = bytes(doc.raw).decode("utf-8", "replace") if doc.format == "html" else ""
    context = {
        "doc": doc,
        "marked": highlight(doc.text, spans),
        "clean_html": clean_html(html) if html else "",
        "forms": forms,
        "page": page,
        "item_count": len(items),
        "attachments": list(doc.attachments.all()),
        "zones": ZONES,
    }
    return render(request, "review/document.html", context)


def _anchor(item: Item, page, number: int) -> str:
    on_page = number == page.number
    return f"#item-{item.pk}" if on_page else f"?page={number}#item-{item.pk}"


def _item_forms(item: Item, data=None, topic_choices=None) -> tuple:
    """The item's form with its events and contacts formsets (prefixes keep many on one page)."""
    form = ItemForm(data, instance=item, prefix=f"item-{item.pk}")
    events = EventFormSet(data, instance=item, prefix=f"ev-{item.pk}")
    contacts = ItemContactFormSet(data, instance=item, prefix=f"ct-{item.pk}")
    if topic_choices is not None and data is None:
        # Read-only rendering of many forms: reuse one topic list and the prefetched rows.
        form.fields["topics"].widget.choices = topic_choices
        events._queryset = list(item.events.all())
        contacts._queryset = list(item.contacts.all())
    return form, events, contacts


@editors_only
@require_POST
def approve_document(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_object_or_404(Document, pk=pk)
    with transaction.atomic():
        drafts = list(doc.items.select_for_update().filter(status=Item.DRAFT))
        for item in drafts:
            _set_status(request, item, "approve")
    messages.success(request, _("%(count)d items published.") % {"count": len(drafts)})
    return redirect("review:document", pk=doc.pk)


# --- an item ------------------------------------------------------------------------------------------------


@desk_member
def item(request: HttpRequest, pk: int) -> HttpResponse:
    obj = _item_for(request, pk)
    before = snapshot(obj)  # now: validating a ModelForm already writes into the instance
    form, events, contacts = _item_forms(obj, request.POST or None)
    if request.method == "POST" and form.is_valid() and events.is_valid() and contacts.is_valid():
        _save_item(request, before, form, events, contacts)
        messages.success(request, _("Saved."))
        return redirect(_next(request, obj))
    context = {
        "item": obj,
        "form": form,
        "events": events,
        "contacts": contacts,
        "merge": MergeForm(),
        "translations": {t.language: t for t in obj.translations.all()},
        "languages": settings.LANGUAGES,
        "is_editor": is_editor(request.user),
        "zones": ZONES,
        "story_items": list(obj.story.items.exclude(pk=obj.pk).select_related("document__source"))
        if obj.story_id
        else [],
        "same_story_candidates": _same_story_candidates(obj) if is_editor(request.user) else [],
    }
    return render(request, "review/item.html", context, status=400 if request.method == "POST" else 200)


SUGGESTIONS = 5


def _same_story_candidates(obj: Item) -> list[Item]:
    """Items that may tell the same story, for merging with one click: those with a gathering on the
    same day, then published items whose text matches the title's words (the search index)."""
    from puente.search.index import search

    days = {e.start.date() for e in obj.events.all()}
    same_day = (
        Item.objects.filter(events__start__date__in=days).exclude(pk=obj.pk) if days else Item.objects.none()
    )
    found = list(same_day.distinct().order_by("-created")[:SUGGESTIONS])
    # Search matches every word given: ask for the title's longest words one at a time and keep the
    # items more than one of them finds ('Tax clinic for families this Saturday').
    keys = sorted({w for w in obj.title.split() if len(w) >= 5}, key=len, reverse=True)[:3]
    counts = Counter(
        e.object_id for w in keys for e in search(w, obj.language or "en", limit=50) if e.model == "item"
    )
    hits = [pk for pk, n in counts.most_common() if n >= min(2, len(keys))]
    ranked = Item.objects.in_bulk(hits[: SUGGESTIONS * 2])
    found += [ranked[pk] for pk in hits if pk in ranked and pk != obj.pk]
    unique = {i.pk: i for i in found if not (obj.story_id and i.story_id == obj.story_id)}
    return list(unique.values())[:SUGGESTIONS]


def _save_item(request: HttpRequest, before: dict, form, events, contacts) -> None:
    corrected = [f for f in form.changed_data if f in Item.EDITABLE]
    corrected += ["events"] * events.has_changed() + ["contacts"] * contacts.has_changed()
    with transaction.atomic():
        obj = form.save(commit=False)
        obj.corrected_fields = sorted(set(obj.corrected_fields) | set(corrected))
        if is_partner(request.user) and obj.status == Item.PUBLISHED and corrected:
            obj.status = Item.DRAFT  # a partner's change is reviewed like anything else
        obj.save()
        form.save_m2m()
        events.save()
        contacts.save()
        record(request.user, "edit", obj, before, snapshot(obj))


def _back(obj: Item) -> str:
    """The item's form on its document's page (the page of forms it falls on), else its own page."""
    if not obj.document_id:
        return reverse("review:item", args=[obj.pk])
    earlier = Item.objects.filter(document_id=obj.document_id, position__lt=obj.position).count()
    page = earlier // ITEMS_PER_PAGE + 1
    query = f"?page={page}" if page > 1 else ""
    return reverse("review:document", args=[obj.document_id]) + f"{query}#item-{obj.pk}"


ACTIONS = {
    "approve": Item.PUBLISHED,
    "reject": Item.REJECTED,
    "archive": Item.ARCHIVED,
    "draft": Item.DRAFT,
}


@editors_only
@require_POST
def item_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    obj = get_object_or_404(Item, pk=pk)
    if action in ACTIONS:
        _set_status(request, obj, action)
    elif action == "split":
        _story_change(request, obj, "split", lambda: stories.split(obj))
    elif action == "merge":
        data = request.POST.copy()
        if data.get("candidate"):  # one of the suggestions, rather than a number typed in
            data["target"] = data["candidate"]
        form = MergeForm(data)
        target = Item.objects.filter(pk=form.cleaned_data["target"]).first() if form.is_valid() else None
        if target is None or target.pk == obj.pk:
            messages.error(request, _("There is no other item with that number."))
            return redirect(_back(obj))
        _story_change(request, obj, "merge", lambda: stories.merge(obj, target))
    else:
        raise Http404
    return redirect(_next(request, obj))


def _next(request: HttpRequest, obj: Item) -> str:
    """Back where the editor was (only ever a path on this site), else the item's place."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return _back(obj)


def _set_status(request: HttpRequest, obj: Item, action: str) -> None:
    before = snapshot(obj, ("status",))
    obj.status = ACTIONS[action]
    if obj.status == Item.PUBLISHED:
        obj.publish(timezone.now())
        obj.review_note = ""
    obj.save(update_fields=["status", "published_at", "review_note", "updated"])
    record(request.user, action, obj, before, snapshot(obj, ("status",)))


def _story_change(request: HttpRequest, obj: Item, action: str, change) -> None:
    before = {"story": obj.story_id}
    with transaction.atomic():
        change()
        obj.refresh_from_db(fields=["story"])
        record(request.user, action, obj, before, {"story": obj.story_id})


# --- translations -----------------------------------------------------------------------------------------------


@editors_only
def translation(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    obj = _item_for(request, pk)
    if language not in dict(settings.LANGUAGES):
        raise Http404
    existing = Translation.objects.filter(item=obj, language=language).first()
    instance = existing or Translation(item=obj, language=language)
    before = snapshot(existing) if existing else {}
    form = TranslationForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.source_hash, saved.translated_by = obj.source_hash, request.user
        saved.save()
        record(request.user, "translate", saved, before, snapshot(saved))
        messages.success(request, _("Translation saved."))
        return redirect("review:item", pk=obj.pk)
    context = {"item": obj, "form": form, "language": language, "existing": existing}
    return render(request, "review/translation.html", context)


# --- partners ----------------------------------------------------------------------------------------------------


@desk_member
def submit(request: HttpRequest) -> HttpResponse:
    org = partner_organization(request.user)
    if is_partner(request.user) and org is None:
        raise PermissionDenied
    form = SubmitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            obj = form.save(commit=False)
            obj.organization, obj.submitted_by, obj.status = org, request.user, Item.DRAFT
            obj.signature = stories.to_bytes(stories.signature(obj.body))
            obj.save()
            form.save_m2m()
            record(request.user, "submit", obj, {}, snapshot(obj))
        messages.success(request, _("Thank you. An editor will review it before it is published."))
        return redirect("review:item", pk=obj.pk)
    return render(request, "review/submit.html", {"form": form})


@desk_member
def organization(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    org = _organization_for(request, slug)
    before = snapshot(org)
    form = OrganizationForm(request.POST or None, instance=org)
    contacts = OrganizationContactFormSet(request.POST or None, instance=org, prefix="contacts")
    if request.method == "POST" and form.is_valid() and contacts.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.last_verified, saved.verified_by = timezone.localdate(), request.user
            saved.save()
            form.save_m2m()
            contacts.save()
            record(request.user, "verify", saved, before, snapshot(saved))
        messages.success(request, _("Your listing is saved and marked as checked today."))
        return redirect(request.path)
    merge = OrganizationMergeForm(org=org) if is_editor(request.user) else None
    context = {"org": org, "form": form, "contacts": contacts, "merge": merge}
    return render(request, "review/organization.html", context)


@editors_only
def organizations(request: HttpRequest) -> HttpResponse:
    """Names ingestion found and nobody has checked yet (to check, merge or turn down), or all."""
    show_all = request.GET.get("show") == "all"
    orgs = Organization.objects.all() if show_all else Organization.objects.to_check()
    orgs = orgs.annotate(
        item_count=Count("items", distinct=True), mention_count=Count("mentioned_in", distinct=True)
    ).order_by("-mention_count", "name")
    page = Paginator(orgs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "review/organizations.html", {"page": page, "show_all": show_all})


@editors_only
@require_POST
def merge_organization(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organization, slug=slug)
    form = OrganizationMergeForm(request.POST, org=org)
    if not form.is_valid():
        messages.error(request, _("Choose the organization to merge with."))
        return redirect("review:organization_edit", slug=slug)
    target = form.cleaned_data["target"]
    before = snapshot(target)
    with transaction.atomic():
        org.merge_into(target)
        target.refresh_from_db()
        record(request.user, "merge", target, before, {**snapshot(target), "merged": org.name})
    messages.success(
        request, _("%(name)s is now part of %(target)s.") % {"name": org.name, "target": target.name}
    )
    return redirect("review:organization_edit", slug=target.slug)


@editors_only
@require_POST
def reject_organization(request: HttpRequest, slug: str) -> HttpResponse:
    """'Not an organization': nothing links to the name any more, now or when a newsletter names it
    again. Undone from the same page."""
    org = get_object_or_404(Organization, slug=slug)
    before = snapshot(org)
    with transaction.atomic():
        org.rejected = request.POST.get("undo") != "1"
        org.save(update_fields=["rejected", "updated"])
        if org.rejected:
            org.mentioned_in.clear()
        record(request.user, "reject" if org.rejected else "restore", org, before, snapshot(org))
    if org.rejected:
        messages.success(request, _("%(name)s is marked as not an organization.") % {"name": org.name})
    else:
        messages.success(request, _("%(name)s is an organization again.") % {"name": org.name})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("review:organizations")
    return redirect(target)


def _organization_for(request: HttpRequest, slug: str | None) -> Organization:
    own = partner_organization(request.user)
    if slug is None:
        if own is None:
            raise Http404
        return own
    org = get_object_or_404(Organization, slug=slug)
    if is_partner(request.user) and org != own:
        raise Http404  # another organization's listing does not exist for this partner
    return org


@editors_only
def story(request: HttpRequest, pk: int) -> HttpResponse:
    obj = Story.objects.filter(pk=pk).first()
    if obj is None:  # split down to nothing: the story is gone
        return redirect("review:desk")
    items = obj.items.select_related("document__source", "organization").order_by("created")
    return render(request, "review/story.html", {"story": obj, "items": items})
