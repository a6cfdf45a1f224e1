"""Optional machine translation through a LibreTranslate-compatible server (``PUENTE_TRANSLATE_URL``).

Off when the URL is empty. Results are stored as ``Translation(machine=True)`` and labelled on the
site; a person's translation is never replaced by a machine's.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings

from puente.catalog.display import base_language, same_language
from puente.catalog.models import Item, Translation

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 30


class TranslationUnavailable(Exception):
    pass


def enabled() -> bool:
    return bool(settings.TRANSLATE_URL)


def provider_code(language: str) -> str:
    """LibreTranslate names Simplified Chinese "zh"; everyone else by the base code."""
    return base_language(language)


def translate(text: str, source: str, target: str) -> str:
    if not enabled():
        raise TranslationUnavailable("PUENTE_TRANSLATE_URL is not set")
    payload = {
        "q": text,
        "source": provider_code(source) or "auto",
        "target": provider_code(target),
        "format": "text",
    }
    if settings.TRANSLATE_API_KEY:
        payload["api_key"] = settings.TRANSLATE_API_KEY
    request = urllib.request.Request(
        settings.TRANSLATE_URL.rstrip("/") + "/translate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (admin-set URL)
            answer = json.load(response)
    except urllib.error.HTTPError as exc:  # LibreTranslate explains refusals in a JSON "error"
        raise TranslationUnavailable(_error_of(exc)) from exc
    except (urllib.error.URLError, TimeoutError, ValueError) as exc:
        raise TranslationUnavailable(str(exc)) from exc
    if "translatedText" not in answer:
        raise TranslationUnavailable(answer.get("error", "no translatedText in the answer"))
    return answer["translatedText"]


def _error_of(exc: urllib.error.HTTPError) -> str:
    try:
        return f"{exc.code}: {json.load(exc).get('error', exc.reason)}"
    except ValueError:
        return f"{exc.code}: {exc.reason}"


def translate_item(item: Item, target: str) -> Translation | None:
    """Machine-translate one item into ``target``, unless a person already translated it."""
    existing = item.translations.filter(language=target).first()
    if existing is not None and not existing.machine:
        return None
    title = translate(item.title, item.language, target)
    body = translate(item.body, item.language, target)
    translation, _ = Translation.objects.update_or_create(
        item=item,
        language=target,
        defaults={"title": title, "body": body, "machine": True, "source_hash": item.source_hash},
    )
    return translation


def missing(languages: list[str]):
    """(item, language) pairs of published items with no current translation into an interface language."""
    items = Item.objects.published().prefetch_related("translations")
    for item in items.iterator(chunk_size=200):
        for language in languages:
            if same_language(item.language, language):
                continue
            have = [t for t in item.translations.all() if same_language(t.language, language)]
            if not have or (have[0].machine and have[0].source_hash != item.source_hash):
                yield item, language


def translate_missing(languages: list[str], limit: int | None = None) -> int:
    done = 0
    for item, language in missing(languages):
        if limit is not None and done >= limit:
            break
        if translate_item(item, language) is not None:
            done += 1
    return done
