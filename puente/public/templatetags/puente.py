"""Template helpers for the public site: the reader's text for an item, language names, dates, links."""

from __future__ import annotations

import datetime

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

from puente.catalog.display import Localized, localized
from puente.catalog.topics import label

from .. import text

register = template.Library()


@register.simple_tag
def localize(item) -> Localized:
    return localized(item, get_language())


@register.filter
def langname(code: str) -> str:
    return text.language_name(code, get_language())


@register.filter
def langnames(codes) -> str:
    return text.join_list([text.language_name(c, get_language()) for c in codes or []])


@register.filter
def textdir(code: str) -> str:
    return text.text_dir(code)


@register.filter
def topic_label(slug: str) -> str:
    return label(slug)


@register.filter
def longdate(value) -> str:
    if isinstance(value, datetime.datetime):
        value = value.date()
    return text.long_date(value, get_language()) if value else ""


@register.filter
def mediumdate(value) -> str:
    if isinstance(value, datetime.datetime):
        value = value.date()
    return text.medium_date(value, get_language()) if value else ""


@register.filter
def shorttime(value) -> str:
    return text.short_time(value, get_language()) if value else ""


@register.filter
def zonename(zone: str) -> str:
    return text.zone_name(zone, get_language())


@register.filter
def maplink(place: str) -> str:
    return text.map_link(place)


@register.inclusion_tag("public/_share.html")
def share(path: str, title: str) -> dict:
    url = settings.SITE_URL + path
    return {"share_url": url, "links": text.share_links(url, title)}


@register.inclusion_tag("public/_contacts.html")
def contacts(contact_list) -> dict:
    return {"contacts": contact_list}


@register.inclusion_tag("_language_links.html", takes_context=True)
def language_links(context) -> dict:
    """Links to this same page in every interface language, each remembering the choice."""
    from urllib.parse import quote

    request = context.get("request")
    full = request.get_full_path() if request else "/"
    codes = {code for code, _ in settings.LANGUAGES}
    parts = full.split("/", 2)
    rest = parts[2] if len(parts) > 2 and parts[1] in codes else full.lstrip("/")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        target = f"/{code}/{rest}"
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "href": f"/{code}/language/?next={quote(target, safe='/')}",
                "current": code == current,
            }
        )
    return {"links": links}


@register.filter
def inzone(moment, zone: str):
    """An event's time as its own time zone shows it (a Chicago event at 6 pm reads 6 pm everywhere)."""
    return text.local_time(moment, zone) if moment else moment


@register.filter
def datetimelong(value) -> str:
    return text.date_and_time(value, get_language()) if value else ""


@register.filter
def phone(value: str) -> str:
    return text.phone_display(value)
