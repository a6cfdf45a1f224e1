"""The topic vocabulary shared by extraction, the help directory, subscriptions and feeds.

Slugs match what ``puente.extract.topics`` emits. The first four are the needs of the help
directory (the task force's subcommittees), with know-your-rights beside them.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

NEEDS = ("legal", "community-education", "mental-health", "employers", "know-your-rights")

TOPICS: dict[str, object] = {
    "legal": _("Legal help"),
    "community-education": _("Community outreach and education"),
    "mental-health": _("Mental health and well-being"),
    "employers": _("Employers"),
    "know-your-rights": _("Know your rights"),
    "health": _("Health"),
    "housing": _("Housing"),
    "food": _("Food"),
    "jobs": _("Jobs"),
    "education": _("Education"),
    "citizenship": _("Citizenship"),
    "refugees": _("Refugees"),
    "detention": _("Detention"),
    "daca": _("DACA"),
}


def label(slug: str) -> str:
    return str(TOPICS.get(slug, slug))
