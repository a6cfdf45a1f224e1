"""The safety-plan form. Every field is optional: a partial plan is better than none."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from django import forms
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from puente.catalog.models import Organization
from puente.safety.plan import SECTIONS

DATA = Path(__file__).resolve().parent / "data"
A_NUMBER_DIGITS = re.compile(r"\d")


@cache
def consulate_countries() -> tuple[str, ...]:
    return tuple(json.loads((DATA / "consulates.json").read_text(encoding="utf-8"))["countries"])


def country_name(code: str, language: str | None) -> str:
    try:
        locale = Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale("en")
    return locale.territories.get(code, code)


def consulate_choices() -> list[tuple[str, str]]:
    language = get_language()
    names = sorted(((country_name(c, language), c) for c in consulate_countries()), key=lambda p: p[0])
    return [("", "—")] + [(code, name) for name, code in names]


def legal_organizations():
    return Organization.objects.filter(areas__slug="legal").distinct().order_by("name")


class LegalOrganizationField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return " · ".join(part for part in (obj.name, obj.phone, obj.address) if part)


def text_field(label, max_length: int = 120, **attrs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=False,
        widget=forms.TextInput(attrs={"dir": "auto", **attrs}),
    )


def phone_field(label=None) -> forms.CharField:
    return text_field(label or pgettext_lazy("telephone", "Phone"), 40, type="tel", autocomplete="off")


def long_text_field(label) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"})
    )


def contact_fields(prefix: str, n: int) -> dict[str, forms.Field]:
    return {
        f"{prefix}{n}_name": text_field(_("Name")),
        f"{prefix}{n}_relation": text_field(_("Relationship (sister, neighbour…)"), 60),
        f"{prefix}{n}_phone": phone_field(),
    }


class SafetyPlanForm(forms.Form):
    """Fields are declared from ``plan.SECTIONS`` order; labels live here."""

    full_name = text_field(_("Your name"))
    phone = phone_field(pgettext_lazy("telephone", "Your phone"))
    children = long_text_field(_("Children's names and birthdays"))
    school_name = text_field(_("School or day care"))
    school_phone = phone_field(_("School phone"))
    caregiver_name = text_field(_("Caregiver's name"))
    caregiver_phone = phone_field(_("Caregiver's phone"))
    caregiver_address = text_field(_("Caregiver's address"), 200)
    children_notes = long_text_field(
        _("Notes for the caregiver (allergies, routines, what to tell the children)")
    )
    medical_needs = long_text_field(_("Medical needs and allergies"))
    medicines = long_text_field(_("Medicines and doses"))
    doctor_name = text_field(_("Doctor or clinic"))
    doctor_phone = phone_field(_("Doctor's phone"))
    documents_place = long_text_field(
        _("Where passports, birth certificates and immigration papers are kept")
    )
    documents_copies = long_text_field(_("Who has copies of them"))
    legal_org = LegalOrganizationField(
        queryset=Organization.objects.none(),
        required=False,
        label=_("Legal-aid organization from Puente's directory"),
        empty_label="—",
    )
    lawyer_name = text_field(_("Or type your lawyer or organization"))
    lawyer_phone = phone_field(_("Lawyer's phone"))
    a_number = text_field(
        _("A-number (if you have one)"),
        20,
        inputmode="numeric",
        autocomplete="off",
        pattern=r"\s*[Aa]?[\s\-]*(\d[\s\-]*){8,9}",
    )
    consulate = forms.ChoiceField(
        label=_("Your country's consulate"), required=False, choices=consulate_choices
    )
    consulate_other = text_field(_("Other consulate or its address"), 200)
    consulate_phone = phone_field(_("Consulate phone"))
    money = long_text_field(_("Money and bank accounts: who may use them, where cards are"))
    car = long_text_field(_("Car: who may drive it or sell it, where the keys and papers are"))
    lease = long_text_field(_("Lease or home: landlord, rent, who will pay it"))
    other = long_text_field(_("Anything else"))
    card_a_number = forms.BooleanField(label=_("Show my A-number on the wallet card"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["legal_org"].queryset = legal_organizations()
        for prefix, count in (("contact", 3), ("pickup", 2)):
            for n in range(1, count + 1):
                self.fields.update(contact_fields(prefix, n))
        self.fields["a_number"].help_text = _("8 or 9 digits, on your immigration papers.")

    def clean_a_number(self) -> str:
        value = self.cleaned_data["a_number"].strip()
        digits = "".join(A_NUMBER_DIGITS.findall(value))
        if value and len(digits) not in (8, 9):
            raise forms.ValidationError(_("An A-number has 8 or 9 digits."))
        return value

    def display_values(self) -> dict[str, str]:
        """What the plan shows for each field: choice labels rather than codes."""
        values: dict[str, str] = {}
        for name, value in self.cleaned_data.items():
            if name == "legal_org":
                values[name] = self.fields[name].label_from_instance(value) if value else ""
            elif name == "consulate":
                values[name] = country_name(value, get_language()) if value else ""
            elif isinstance(value, str):
                values[name] = value.strip()
        return values

    def sections(self) -> list[dict]:
        """The form's six steps with their rows of bound fields, for the template."""
        return [
            {
                "key": section.key,
                "title": section.title,
                "intro": section.intro,
                "number": n,
                "rows": [
                    {"label": row.label, "fields": [self[f] for f in row.fields]} for row in section.rows
                ],
                "extra": [self[f] for f in section.extra],
            }
            for n, section in enumerate(SECTIONS, start=1)
        ]
