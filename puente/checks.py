"""System checks: misconfiguration is reported by `manage.py check`, not discovered in production."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if settings.SECRET_KEY == settings.INSECURE_DEV_KEY:
        return [Error("PUENTE_SECRET_KEY is not set", hint="Set a long random value.", id="puente.E001")]
    return []


@register()
def check_data_dir(app_configs, **kwargs):
    path = settings.DATA_DIR
    if path.exists() and not os.access(path, os.W_OK):
        return [Error(f"PUENTE_DATA_DIR {path} is not writable", id="puente.E003")]
    return []


@register()
def check_site_url(app_configs, **kwargs):
    if not settings.SITE_URL.startswith(("http://", "https://")):
        return [Error("PUENTE_SITE_URL must start with http:// or https://", id="puente.E004")]
    if not settings.DEBUG and settings.SITE_URL.startswith("http://localhost"):
        return [Warning("PUENTE_SITE_URL is localhost: links in e-mails will not work", id="puente.W001")]
    return []


@register(Tags.security)
def check_csrf_middleware(app_configs, **kwargs):
    if "puente.lib.middleware.CsrfViewMiddleware" not in settings.MIDDLEWARE:
        return [Error("Puente's CsrfViewMiddleware is missing from MIDDLEWARE", id="puente.E005")]
    return []


@register()
def check_mail_encryption(app_configs, **kwargs):
    options = settings.MAILERS.get("default", {}).get("OPTIONS", {})
    if options.get("use_tls") and options.get("use_ssl"):
        return [
            Error(
                "PUENTE_SMTP_STARTTLS and PUENTE_SMTP_SSL are both set",
                hint="Choose one: STARTTLS upgrades a plain connection (port 587), SSL starts encrypted (port 465).",
                id="puente.E006",
            )
        ]
    return []
