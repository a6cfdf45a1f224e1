"""The shape of a safety plan: its six steps, the rows of the printable plan and of the wallet card.

One structure feeds the form, the server-rendered plan and the ``<template>`` the browser fills in, so
the three never disagree. Nothing here keeps values: a plan exists only while a response is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Row:
    label: object
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    key: str
    title: object
    intro: object
    rows: tuple[Row, ...]
    # Form-only fields (choices about the printout) that are not rows of the plan.
    extra: tuple[str, ...] = ()

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(name for row in self.rows for name in row.fields) + self.extra


def _contact(n: int, prefix: str, label) -> Row:
    return Row(label, (f"{prefix}{n}_name", f"{prefix}{n}_relation", f"{prefix}{n}_phone"))


SECTIONS: tuple[Section, ...] = (
    Section(
        "people",
        _("You and the people to call"),
        _("Who should be called first if something happens to you?"),
        (
            Row(_("This plan belongs to"), ("full_name",)),
            Row(pgettext_lazy("telephone", "My phone"), ("phone",)),
            _contact(1, "contact", _("Emergency contact 1")),
            _contact(2, "contact", _("Emergency contact 2")),
            _contact(3, "contact", _("Emergency contact 3")),
        ),
    ),
    Section(
        "children",
        _("Children"),
        _("Who may pick up your children, and what do their school and caregiver need to know?"),
        (
            Row(_("Children (names, birthdays)"), ("children",)),
            Row(_("School or day care"), ("school_name", "school_phone")),
            Row(
                _("Caregiver who will look after them"),
                ("caregiver_name", "caregiver_phone", "caregiver_address"),
            ),
            _contact(1, "pickup", _("May pick up the children (1)")),
            _contact(2, "pickup", _("May pick up the children (2)")),
            Row(_("Notes for the caregiver"), ("children_notes",)),
        ),
    ),
    Section(
        "health",
        _("Health"),
        _("Medical needs and medicines, for you and your family."),
        (
            Row(_("Medical needs and allergies"), ("medical_needs",)),
            Row(_("Medicines and doses"), ("medicines",)),
            Row(_("Doctor or clinic"), ("doctor_name", "doctor_phone")),
        ),
    ),
    Section(
        "documents",
        _("Important documents"),
        _("Where are passports, birth certificates and immigration papers kept?"),
        (
            Row(_("Where the documents are kept"), ("documents_place",)),
            Row(_("Who has copies"), ("documents_copies",)),
        ),
    ),
    Section(
        "legal",
        _("Legal help"),
        _("Your lawyer or a legal-aid organization, your A-number and your consulate."),
        (
            Row(_("Legal-aid organization"), ("legal_org",)),
            Row(_("Lawyer"), ("lawyer_name", "lawyer_phone")),
            Row(_("A-number"), ("a_number",)),
            Row(_("Consulate"), ("consulate", "consulate_other", "consulate_phone")),
        ),
    ),
    Section(
        "property",
        _("Money and property"),
        _("What should happen with your money, your car and your home?"),
        (
            Row(_("Money and bank accounts"), ("money",)),
            Row(_("Car"), ("car",)),
            Row(_("Lease or home"), ("lease",)),
            Row(_("Other instructions"), ("other",)),
        ),
        extra=("card_a_number",),
    ),
)

CARD_ROWS: tuple[Row, ...] = (
    Row(_("Name"), ("full_name",)),
    Row(_("Emergency contact"), ("contact1_name", "contact1_phone")),
    Row(_("Emergency contact"), ("contact2_name", "contact2_phone")),
    Row(_("Lawyer"), ("lawyer_name", "lawyer_phone")),
    Row(_("Legal aid"), ("legal_org",)),
    Row(_("Consulate"), ("consulate", "consulate_other", "consulate_phone")),
    Row(_("A-number"), ("a_number",)),
)
CARD_OPTIONAL = {"a_number": "card_a_number"}  # a row shown only when its checkbox is ticked


@dataclass
class FilledRow:
    label: object
    parts: list[tuple[str, str]] = field(default_factory=list)  # (field name, display value)
    only_if: str = ""

    @property
    def empty(self) -> bool:
        return not any(value for _, value in self.parts)


@dataclass
class FilledSection:
    key: str
    title: object
    rows: list[FilledRow]


def _fill(row: Row, values: dict[str, str] | None) -> FilledRow:
    parts = [(name, (values or {}).get(name, "")) for name in row.fields]
    only_if = next((CARD_OPTIONAL[n] for n in row.fields if n in CARD_OPTIONAL), "")
    return FilledRow(row.label, parts, only_if)


def plan_sections(values: dict[str, str] | None) -> list[FilledSection]:
    """The printable plan. ``values=None`` keeps every row empty: the browser's template."""
    sections = []
    for section in SECTIONS:
        rows = [_fill(row, values) for row in section.rows]
        if values is not None:
            rows = [row for row in rows if not row.empty]
        if rows:
            sections.append(FilledSection(section.key, section.title, rows))
    return sections


def card_rows(values: dict[str, str] | None, show_a_number: bool = False) -> list[FilledRow]:
    """The wallet card's rows; the A-number only when the person asked for it."""
    rows = [_fill(row, values) for row in CARD_ROWS]
    if values is None:
        return rows
    return [row for row in rows if not row.empty and (not row.only_if or show_a_number)]
