"""Signed links: confirm (expiring, carries the choices), manage and unsubscribe (per subscriber)."""

from __future__ import annotations

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "puente.digests.confirm"
MANAGE_SALT = "puente.digests.manage"
UNSUBSCRIBE_SALT = "puente.digests.unsubscribe"
REMINDER_SALT = "puente.digests.reminder"


def confirm_max_age() -> int:
    return getattr(settings, "DIGESTS_CONFIRM_MAX_AGE_HOURS", 72) * 3600


def make_confirm_token(email: str, topics: list[str], language: str, rhythm: str) -> str:
    payload = {"e": email, "t": topics, "l": language, "r": rhythm}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload, compress=True)


def read_confirm_token(token: str) -> dict | None:
    """The choices signed into the link, or None when it is forged or older than the limit."""
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=confirm_max_age())
    except (signing.BadSignature, ValueError):
        return None


def make_subscriber_token(subscriber, salt: str = MANAGE_SALT) -> str:
    return signing.Signer(salt=salt).sign(subscriber.token.hex)


def read_subscriber_token(token: str, salt: str = MANAGE_SALT):
    from .models import Subscriber

    try:
        value = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(token=value).first() if _is_hex(value) else None


def make_reminder_token(email: str, event_uid: str, language: str) -> str:
    payload = {"e": email, "v": str(event_uid), "l": language}
    return signing.TimestampSigner(salt=REMINDER_SALT).sign_object(payload, compress=True)


def read_reminder_token(token: str) -> dict | None:
    try:
        return signing.TimestampSigner(salt=REMINDER_SALT).unsign_object(token, max_age=confirm_max_age())
    except (signing.BadSignature, ValueError):
        return None


def _is_hex(value: str) -> bool:
    return len(value) == 32 and all(c in "0123456789abcdef" for c in value)
