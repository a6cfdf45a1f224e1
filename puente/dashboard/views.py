"""The staff dashboard: server-drawn charts, each with a table, for editors and admins."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.accounts.roles import is_editor
from puente.catalog import topics as topic_labels
from puente.digests.models import topic_choices

from . import charts, stats


@login_required
def dashboard(request):
    if not is_editor(request.user):
        raise PermissionDenied
    now = timezone.now()
    weeks, sources, per_week = stats.documents_per_week(now)
    if not sources:
        sources, per_week = [_("documents")], [[0] for _week in weeks]
    kinds, statuses, by_kind = stats.items_by_kind_and_status()
    days, per_day = stats.sends_per_day(now)
    topic_names = dict(topic_choices())
    language_names = dict(settings.LANGUAGES)
    backlog_labels = [
        _("under 1 day"),
        _("1–3 days"),
        _("3–7 days"),
        _("1–2 weeks"),
        _("2–4 weeks"),
        _("over 4 weeks"),
    ]
    missed = stats.missed_searches(now)
    context = {
        "documents": charts.stacked(weeks, sources, per_week, label_every=3),
        "items": charts.stacked(kinds, statuses, by_kind),
        "backlog": charts.simple(
            list(zip(backlog_labels, stats.backlog_ages(now), strict=True)), _("drafts")
        ),
        "languages": charts.simple(
            [(str(language_names.get(code, code)), n) for code, n in stats.subscribers_by_language()],
            _("subscribers"),
        ),
        "topics": charts.simple(
            [(str(topic_names.get(s, topic_labels.label(s))), n) for s, n in stats.subscribers_by_topic()],
            _("subscribers"),
        ),
        "sends": charts.stacked(days, [_("sent"), _("failed"), _("bounced")], per_day, label_every=7),
        "missed": missed,
        "missed_chart": charts.simple(missed, _("searches")) if missed else None,
    }
    return render(request, "dashboard/dashboard.html", context)
