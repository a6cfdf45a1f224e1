"""Language names, text direction, dates and links as a reader in a given language expects them."""

from __future__ import annotations

import datetime
import functools
import zoneinfo
from urllib.parse import quote

import phonenumbers
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_timezone_name
from django.utils.translation import get_language, to_locale

RTL = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"}


def babel_locale(language: str | None = None) -> Locale:
    return _locale(to_locale(language or get_language() or "en"))


@functools.cache  # six interface languages, and Locale objects keep their loaded data
def _locale(name: str) -> Locale:
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def text_dir(code: str) -> str:
    return "rtl" if (code or "").lower().split("-")[0] in RTL else "ltr"


def language_name(code: str, reader: str | None = None) -> str:
    """The name of language ``code`` in the reader's language ("es" -> "Spanish", "español", "西班牙语")."""
    if not code:
        return ""
    names = babel_locale(reader).languages
    key = to_locale(code)
    return names.get(key) or names.get(key.split("_")[0]) or code


LIST_SEPARATORS = {"ar": "، ", "zh": "、", "ja": "、", "fa": "، ", "ur": "، "}


def join_list(values: list[str], reader: str | None = None) -> str:
    """ "English, Spanish" / "الإنجليزية، الإسبانية" / "英语、西班牙语"."""
    base = (reader or get_language() or "en").split("-")[0]
    return LIST_SEPARATORS.get(base, ", ").join(values)


def phone_display(value: str) -> str:
    """E.164 as people read it: (312) 555-0100 for North American numbers, +48 22 … otherwise."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def local_time(moment: datetime.datetime, zone: str) -> datetime.datetime:
    try:
        return moment.astimezone(zoneinfo.ZoneInfo(zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return moment


def long_date(value: datetime.date, reader: str | None = None) -> str:
    return format_date(value, format="full", locale=babel_locale(reader))


def medium_date(value: datetime.date, reader: str | None = None) -> str:
    return format_date(value, format="medium", locale=babel_locale(reader))


def short_time(value: datetime.datetime, reader: str | None = None) -> str:
    return format_time(value, format="short", locale=babel_locale(reader))


def zone_name(zone: str, reader: str | None = None) -> str:
    """A zone as people say it ("Central Time"), with its IANA id when Babel has no name for it."""
    try:
        return get_timezone_name(zoneinfo.ZoneInfo(zone), width="long", locale=babel_locale(reader))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, LookupError):
        return zone


def share_links(url: str, title: str) -> dict[str, str]:
    """Plain links that load nothing until tapped."""
    text = f"{title} {url}"
    return {
        "email": f"mailto:?subject={quote(title)}&body={quote(url)}",
        "sms": f"sms:?&body={quote(text)}",
        "whatsapp": f"https://wa.me/?text={quote(text)}",
    }


def map_link(place: str) -> str:
    return f"https://www.openstreetmap.org/search?query={quote(place)}"


def date_and_time(value: datetime.datetime, reader: str | None = None) -> str:
    """ "Saturday, November 28, 2026, 6:00 PM" with the reader's own joining punctuation."""
    loc = babel_locale(reader)
    pattern = str(loc.datetime_formats["medium"])
    return pattern.replace("{1}", long_date(value.date(), reader)).replace("{0}", short_time(value, reader))
