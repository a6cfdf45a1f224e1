"""Safety plan and rights cards. The plan is built, shown and forgotten: nothing is stored."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from puente.safety.forms import SafetyPlanForm
from puente.safety.models import RightsCard
from puente.safety.pdf import render_pdf
from puente.safety.plan import card_rows, plan_sections
from puente.safety.privacy import leaves_no_trace

PAGES = {"show": "safety/plan_result.html", "card": "safety/card_result.html"}
PDFS = {
    "pdf": ("safety/plan_pdf.html", "safety-plan.pdf"),
    "card-pdf": ("safety/card_pdf.html", "safety-card.pdf"),
}
CARDS_PER_SHEET = 8


@require_http_methods(["GET"])
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/index.html")


@require_http_methods(["GET", "POST"])
@leaves_no_trace
def plan(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: the plan, the card or their PDF, made from the request and forgotten."""
    if request.method == "GET":
        return _form(request, SafetyPlanForm())
    form = SafetyPlanForm(request.POST)
    action = request.POST.get("action", "show")
    if (action not in PAGES and action not in PDFS) or not form.is_valid():
        return _form(request, form)  # also "edit": the form again, filled in
    context = _plan_context(form)
    if action in PAGES:
        return render(request, PAGES[action], context)
    template, filename = PDFS[action]
    html = render_to_string(template, context, request=request)
    return _pdf(render_pdf(html, ("safety.css", "pdf.css")), filename)


def _form(request: HttpRequest, form: SafetyPlanForm) -> HttpResponse:
    context = {
        "form": form,
        "steps": form.sections(),
        "template_sections": plan_sections(None),
        "template_card": card_rows(None),
    }
    return render(request, "safety/plan_form.html", context)


def _plan_context(form: SafetyPlanForm) -> dict:
    values = form.display_values()
    return {
        "form": form,
        "sections": plan_sections(values),
        "card": card_rows(values, show_a_number=form.cleaned_data["card_a_number"]),
    }


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _cards_context() -> dict:
    cards = list(RightsCard.objects.for_language(get_language()))
    front = [c for c in cards if not c.for_officer] or cards[:1]
    back = [c for c in cards if c.for_officer]
    # Each pair is one wallet card: the rights in the reader's language, the officer's side in English.
    pairs = [(f, back[i % len(back)] if back else None) for i, f in enumerate(front)]
    per_sheet = max(1, CARDS_PER_SHEET // (2 if back else 1) // max(1, len(pairs)))
    return {
        "cards": cards,
        "sheet": pairs * per_sheet,
        "needs_review": any(c.needs_legal_review for c in cards),
    }


@require_http_methods(["GET"])
def cards(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/cards.html", _cards_context())


@require_http_methods(["GET"])
def cards_pdf(request: HttpRequest) -> HttpResponse:
    html = render_to_string("safety/cards_pdf.html", _cards_context(), request=request)
    return _pdf(render_pdf(html, ("cards.css", "pdf.css")), "know-your-rights-cards.pdf")
