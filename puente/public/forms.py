"""The events filter: a GET form, so filtered lists are plain links anyone can share."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from puente.catalog.topics import TOPICS

from .text import language_name

# Languages events are commonly offered in; names are shown in the reader's language.
OFFERED = (
    "en",
    "es",
    "ar",
    "zh",
    "hi",
    "pl",
    "fr",
    "pt",
    "ht",
    "vi",
    "ko",
    "ru",
    "uk",
    "so",
    "sw",
    "ne",
    "my",
)


def topic_choices() -> list[tuple[str, str]]:
    return [("", _("Any topic"))] + [(slug, str(name)) for slug, name in TOPICS.items()]


def language_choices() -> list[tuple[str, str]]:
    return [("", _("Any language"))] + [(c, language_name(c, get_language())) for c in OFFERED]


class EventFilter(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=topic_choices)
    language = forms.ChoiceField(label=_("Offered in"), required=False, choices=language_choices)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    mode = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Online or in person")),
            ("online", pgettext_lazy("event", "Online")),
            ("in-person", _("In person")),
        ],
    )

    def apply(self, events):
        data = self.cleaned_data
        if data.get("topic"):
            events = events.filter(item__topics__slug=data["topic"])
        if data.get("start"):
            day = datetime.datetime.combine(data["start"], datetime.time.min, timezone.get_current_timezone())
            events = events.filter(start__gte=day)
        if data.get("mode"):
            events = events.filter(online=data["mode"] == "online")
        if data.get("language"):
            # JSON containment is not portable to SQLite; upcoming lists are short, so filter here.
            code = data["language"]
            events = [e for e in events[:500] if code in (e.item.languages_offered or [])]
        return events
