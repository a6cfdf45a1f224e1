"""The plan's structure: one source for the form, the printed plan and the browser's template."""

from __future__ import annotations

from puente.safety.forms import SafetyPlanForm
from puente.safety.plan import SECTIONS, card_rows, plan_sections


def test_it_has_six_steps_whose_fields_all_exist_in_the_form():
    form = SafetyPlanForm()
    assert len(SECTIONS) == 6
    names = [n for section in SECTIONS for n in section.field_names]
    assert len(names) == len(set(names))
    assert set(names) == set(form.fields)


def test_it_keeps_every_row_in_the_browser_template():
    template = plan_sections(None)
    assert [s.key for s in template] == [s.key for s in SECTIONS]
    assert sum(len(s.rows) for s in template) == sum(len(s.rows) for s in SECTIONS)


def test_it_drops_empty_rows_and_sections_from_a_filled_plan():
    sections = plan_sections({"full_name": "Amira", "medicines": "Insulin"})
    assert [s.key for s in sections] == ["people", "health"]
    assert [[p for p in row.parts if p[1]] for s in sections for row in s.rows] == [
        [("full_name", "Amira")],
        [("medicines", "Insulin")],
    ]


def test_it_shows_the_a_number_on_the_card_only_when_asked():
    values = {"full_name": "Amira", "a_number": "A123456789"}
    assert [row.parts[0][0] for row in card_rows(values)] == ["full_name"]
    assert [row.parts[0][0] for row in card_rows(values, show_a_number=True)] == ["full_name", "a_number"]
    assert any(row.only_if == "card_a_number" for row in card_rows(None))
