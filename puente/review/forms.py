"""The desk's forms. Event times are edited in the event's own time zone, never the server's."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from puente.catalog.models import Contact, Event, Item, Organization, Source, Topic, Translation
from puente.catalog.topics import label

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
ZONE_SET = frozenset(zoneinfo.available_timezones())
ZONES = sorted(z for z in ZONE_SET if "/" in z and not z.startswith(("Etc/", "SystemV/", "posix/", "right/")))


class CommaListField(forms.CharField):
    """A short list typed as "es, pl, zh" and kept as a JSON list."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value) or ""
        return [v.strip() for v in text.split(",") if v.strip()]


class TopicChoiceField(forms.ModelMultipleChoiceField):
    """Topics by their translated label: the stored name is English."""

    def label_from_instance(self, obj: Topic) -> str:
        return label(obj.slug)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ItemForm(forms.ModelForm):
    languages_offered = CommaListField(
        label=_("offered in languages"),
        required=False,
        help_text=_("ISO codes separated by commas, e.g. es, pl"),
    )

    class Meta:
        model = Item
        fields = [
            "kind",
            "title",
            "body",
            "language",
            "topics",
            "languages_offered",
            "deadline",
            "urgent",
            "pinned",
            "last_checked",
        ]
        field_classes = {"topics": TopicChoiceField}
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            # Partners write in any language: the browser picks each text's direction.
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "body": forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
            "deadline": DateInput(),
            "last_checked": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.all()
        self.fields["language"].help_text = _("ISO code of the language the text is written in, e.g. en")


class SubmitForm(ItemForm):
    """What a partner fills in: no pinning or urgency, an editor decides those."""

    class Meta(ItemForm.Meta):
        fields = ["kind", "title", "body", "language", "topics", "languages_offered", "deadline"]


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time as typed; the form makes it aware in the event's own zone."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        for fmt in (LOCAL_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
            try:
                return datetime.strptime(value.strip(), fmt)
            except ValueError:
                continue
        raise forms.ValidationError(_("Enter a date and time."), code="invalid")

    def prepare_value(self, value):
        return value.strftime(LOCAL_FORMAT) if isinstance(value, datetime) else value


class EventForm(forms.ModelForm):
    starts = LocalDateTimeField(label=_("starts"))
    ends = LocalDateTimeField(label=_("ends"), required=False)
    # A text box with a shared <datalist>: a select of 400 zones per event would bloat the page.
    timezone = forms.CharField(
        label=_("time zone"), max_length=64, widget=forms.TextInput(attrs={"list": "zones", "size": 18})
    )

    class Meta:
        model = Event
        fields = ["all_day", "timezone", "location", "online", "rsvp_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        zone = event.timezone if event.pk else settings.TIME_ZONE
        self.fields["timezone"].initial = zone
        if event.pk and event.start:
            self.initial["starts"] = event.start.astimezone(_zone(zone)).replace(tzinfo=None)
        if event.pk and event.end:
            self.initial["ends"] = event.end.astimezone(_zone(zone)).replace(tzinfo=None)

    def clean_timezone(self) -> str:
        value = self.cleaned_data["timezone"].strip()
        if value not in ZONE_SET:
            raise forms.ValidationError(_("Enter a time zone such as America/Chicago."), code="invalid")
        return value

    def clean(self):
        data = super().clean()
        zone = _zone(data.get("timezone") or settings.TIME_ZONE)
        if data.get("starts"):
            self.instance.start = data["starts"].replace(tzinfo=zone)
        self.instance.end = data["ends"].replace(tzinfo=zone) if data.get("ends") else None
        if self.instance.end and data.get("starts") and self.instance.end < self.instance.start:
            self.add_error("ends", _("The end is before the start."))
        return data


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        return ZoneInfo(settings.TIME_ZONE)


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["kind", "value", "label"]
        widgets = {
            "value": forms.TextInput(attrs={"dir": "ltr"})
        }  # numbers, addresses and links read left to right


EventFormSet = inlineformset_factory(Item, Event, form=EventForm, extra=1, can_delete=True)
ItemContactFormSet = inlineformset_factory(
    Item, Contact, form=ContactForm, fk_name="item", extra=1, can_delete=True
)
OrganizationContactFormSet = inlineformset_factory(
    Organization, Contact, form=ContactForm, fk_name="organization", extra=1, can_delete=True
)


class TranslationForm(forms.ModelForm):
    class Meta:
        model = Translation
        fields = ["title", "body", "machine"]
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "body": forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        }


class OrganizationForm(forms.ModelForm):
    languages = CommaListField(
        label=_("languages served"), required=False, help_text=_("ISO codes separated by commas, e.g. es, pl")
    )

    class Meta:
        model = Organization
        fields = [
            "description",
            "website",
            "email",
            "phone",
            "address",
            "hours",
            "languages",
            "areas",
            "is_nonprofit",
            "is_free_or_low_cost",
            "doj_recognized",
            "accredited_representatives",
        ]
        field_classes = {"areas": TopicChoiceField}
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
            "hours": forms.TextInput(attrs={"dir": "auto"}),
            "address": forms.TextInput(attrs={"dir": "auto"}),
        }


class OrganizationMergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("the same organization as"),
        queryset=Organization.objects.none(),
        help_text=_("Its items, contacts and names move there; this listing goes."),
    )

    def __init__(self, *args, org: Organization, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Organization.objects.filter(rejected=False).exclude(pk=org.pk)


class MergeForm(forms.Form):
    target = forms.IntegerField(label=_("number of the item to merge with"), min_value=1)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("newsletter file"), help_text=_(".txt, .html, .eml or .mbox"))
    source = forms.ModelChoiceField(
        label=_("source"),
        queryset=Source.objects.all(),
        required=False,
        empty_label=_("(by sender, or Uploads)"),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.MAX_DOCUMENT_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s MB; the limit is %(limit)s MB. Nothing was stored."),
                code="too_large",
                params={"size": f"{upload.size / 1e6:.1f}", "limit": f"{limit / 1e6:.0f}"},
            )
        return upload
