from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Subscriber, topic_choices


class PreferencesForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=topic_choices, widget=forms.CheckboxSelectMultiple, required=True
    )
    language = forms.ChoiceField(label=_("Language of the messages"), choices=settings.LANGUAGES)
    rhythm = forms.ChoiceField(
        label=_("How often"),
        choices=Subscriber.RHYTHM_CHOICES,
        widget=forms.RadioSelect,
        initial=Subscriber.WEEKLY,
    )


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    field_order = ["email", "topics", "language", "rhythm"]


class ReminderForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
