"""Subscribe, confirm, manage and unsubscribe: no passwords, only signed links."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from puente.catalog.display import localized
from puente.catalog.models import Event

from . import tokens
from .forms import PreferencesForm, ReminderForm, SubscribeForm
from .models import Reminder, Subscriber, normalize_email
from .ratelimit import over_limit
from .tasks import deliver_reminder_request, deliver_subscription_request

TOO_MANY = 429


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        email = normalize_email(form.cleaned_data["email"])
        if over_limit(request, email):
            return _too_many(request, form)
        data = form.cleaned_data
        # Same answer whether or not the address is known; the message sent differs, not the page.
        deliver_subscription_request.enqueue(email, data["language"], data["topics"], data["rhythm"])
        return redirect("digests:sent")
    return render(request, "digests/subscribe.html", {"form": form})


def _too_many(request, form):
    message = _("Too many requests from here or for this address. Please try again in an hour.")
    return render(request, "digests/subscribe.html", {"form": form, "error": message}, status=TOO_MANY)


def sent(request):
    return render(request, "digests/sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET only shows a button: mail scanners open links, people press buttons."""
    choices = tokens.read_confirm_token(token)
    if choices is None:
        return render(request, "digests/link_expired.html", status=400)
    if request.method == "GET":
        return render(request, "digests/confirm.html", {"choices": choices})
    subscriber = _apply_confirmation(choices)
    return redirect("digests:manage", token=tokens.make_subscriber_token(subscriber))


def _apply_confirmation(choices: dict) -> Subscriber:
    subscriber = Subscriber.objects.filter(email=choices["e"]).first() or Subscriber(email=choices["e"])
    if subscriber.status != Subscriber.ACTIVE or subscriber.confirmed_at is None:
        subscriber.topics, subscriber.language, subscriber.rhythm = choices["t"], choices["l"], choices["r"]
        subscriber.status, subscriber.hard_bounces = Subscriber.ACTIVE, 0
        subscriber.confirmed_at, subscriber.unsubscribed_at = timezone.now(), None
        try:
            with transaction.atomic():
                subscriber.save()
        except IntegrityError:  # the same link pressed twice at once
            subscriber = Subscriber.objects.get(email=choices["e"])
    return subscriber


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token: str):
    subscriber = tokens.read_subscriber_token(token)
    if subscriber is None or subscriber.status == Subscriber.UNSUBSCRIBED:
        return render(request, "digests/link_expired.html", status=404)
    initial = {"topics": subscriber.topics, "language": subscriber.language, "rhythm": subscriber.rhythm}
    form = PreferencesForm(request.POST or None, initial=initial)
    saved = False
    if request.method == "POST" and form.is_valid():
        subscriber.topics = form.cleaned_data["topics"]
        subscriber.language, subscriber.rhythm = form.cleaned_data["language"], form.cleaned_data["rhythm"]
        subscriber.save()
        saved = True
    unsubscribe = tokens.make_subscriber_token(subscriber, tokens.UNSUBSCRIBE_SALT)
    context = {"form": form, "subscriber": subscriber, "saved": saved, "unsubscribe_token": unsubscribe}
    return render(request, "digests/manage.html", context)


@csrf_exempt  # RFC 8058: the mail client POSTs without our cookie; the signed token is the proof
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    subscriber = tokens.read_subscriber_token(token, tokens.UNSUBSCRIBE_SALT)
    if subscriber is None:
        # Already unsubscribed (the token rotated) or forged: either way nothing will be sent.
        return render(request, "digests/unsubscribed.html", {"unknown": True})
    if request.method == "GET":
        return render(request, "digests/unsubscribe.html", {"subscriber": subscriber})
    subscriber.unsubscribe()
    return render(request, "digests/unsubscribed.html")


@require_http_methods(["GET", "POST"])
def remind(request, uid):
    event = get_object_or_404(Event.objects.published().upcoming().select_related("item"), uid=uid)
    form = ReminderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = normalize_email(form.cleaned_data["email"])
        if over_limit(request, email):
            message = _("Too many requests from here or for this address. Please try again in an hour.")
            context = {
                "form": form,
                "event": event,
                "error": message,
                "text": localized(event.item, get_language()),
            }
            return render(request, "digests/remind.html", context, status=TOO_MANY)
        deliver_reminder_request.enqueue(email, event.pk, get_language())
        return redirect("digests:sent")
    return render(
        request,
        "digests/remind.html",
        {"form": form, "event": event, "text": localized(event.item, get_language())},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def reminder_confirm(request, token: str):
    data = tokens.read_reminder_token(token)
    if data is None:
        return render(request, "digests/link_expired.html", status=400)
    event = Event.objects.published().select_related("item").filter(uid=data["v"]).first()
    if event is None:
        raise Http404
    if request.method == "GET":
        return render(
            request,
            "digests/reminder_confirm.html",
            {"event": event, "text": localized(event.item, data["l"])},
        )
    Reminder.objects.get_or_create(email=data["e"], event=event, defaults={"language": data["l"]})
    return render(
        request, "digests/reminder_set.html", {"event": event, "text": localized(event.item, data["l"])}
    )
