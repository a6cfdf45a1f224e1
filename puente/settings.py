"""Puente's one settings module. Everything comes from the environment with safe defaults.

Every variable is documented in ``.env.example``; misconfiguration raises a system check
(see ``puente/checks.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from puente.lib import dburl


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in ("1", "true", "yes", "on")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    return [v.strip() for v in env(name, default).split(",") if v.strip()]


BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env("PUENTE_DATA_DIR", str(BASE_DIR / "var"))).resolve()
try:  # the SQLite file, attachments and backups live here
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    (DATA_DIR / "static").mkdir(exist_ok=True)
except OSError:
    pass  # reported by the puente.E003 system check

DEBUG = env_bool("PUENTE_DEBUG", False)
INSECURE_DEV_KEY = "puente-insecure-development-key-change-me"
SECRET_KEY = env("PUENTE_SECRET_KEY", INSECURE_DEV_KEY)
ALLOWED_HOSTS = env_list("PUENTE_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("PUENTE_CSRF_TRUSTED_ORIGINS")
SITE_URL = env("PUENTE_SITE_URL", "http://localhost:8000").rstrip("/")
SITE_NAME = env("PUENTE_SITE_NAME", "Puente")
ADMIN_PATH = env("PUENTE_ADMIN_PATH", "admin").strip("/")

INSTALLED_APPS = [
    "puente.accounts",
    "puente.catalog",
    "puente.ingest",
    "puente.review",
    "puente.search",
    "puente.public",
    "puente.digests",
    "puente.api",
    "puente.safety",
    "puente.dashboard",
    "puente.ops",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    # Finished public pages for anonymous visitors, before any other work (see puente/public/cache.py).
    "puente.public.cache.FrontCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "puente.lib.middleware.SecurityHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "puente.lib.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "puente.lib.middleware.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "puente.urls"
WSGI_APPLICATION = "puente.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "puente" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "puente.lib.context.site",
            ],
        },
    }
]

DATABASES = {
    "default": dburl.parse(env("DATABASE_URL", f"sqlite:///{DATA_DIR / 'puente.sqlite3'}")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": env("PUENTE_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env("PUENTE_CACHE_LOCATION", "puente"),
        "TIMEOUT": env_int("PUENTE_CACHE_SECONDS", 60),
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "review:login"
LOGIN_REDIRECT_URL = "review:desk"
AXES_FAILURE_LIMIT = env_int("PUENTE_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("PUENTE_LOGIN_COOLOFF_HOURS", 1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]

# Interface languages. Content languages are whatever the partners write in.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("hi", _("Hindi")),
    ("zh-hans", _("Simplified Chinese")),
    ("ar", _("Arabic")),
    ("pl", _("Polish")),
]
LANGUAGES_BIDI = ["ar", "he", "fa", "ur"]
LOCALE_PATHS = [BASE_DIR / "puente" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("PUENTE_TIME_ZONE", "America/Chicago")

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "files")},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed file names need `collectstatic` (run by `make run`); before it, in development and tests,
# static files are served as they are from the apps.
if DEBUG or not (STATIC_ROOT / "staticfiles.json").exists():
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    WHITENOISE_USE_FINDERS = True
# A stale manifest (a file added since the last collectstatic) falls back to the plain name.
WHITENOISE_MANIFEST_STRICT = False

# Limits on what partners send us; see README "Limits".
MAX_DOCUMENT_BYTES = env_int("PUENTE_MAX_DOCUMENT_BYTES", 10 * 1024 * 1024)
MAX_ATTACHMENT_BYTES = env_int("PUENTE_MAX_ATTACHMENT_BYTES", 15 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
SEARCH_RATE_PER_MINUTE = env_int("PUENTE_SEARCH_RATE_PER_MINUTE", 60)

# Mail: one mailer (Django 6.1's MAILERS; the EMAIL_* settings are deprecated). The PUENTE_SMTP_*
# variables are the SMTP backend's options; other backends (console, locmem) take none.
MAIL_BACKEND = env("PUENTE_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
SMTP_OPTIONS = {
    "host": env("PUENTE_SMTP_HOST", "localhost"),
    "port": env_int("PUENTE_SMTP_PORT", 25),
    "username": env("PUENTE_SMTP_USER"),
    "password": env("PUENTE_SMTP_PASSWORD"),
    "use_tls": env_bool("PUENTE_SMTP_STARTTLS"),
    "use_ssl": env_bool("PUENTE_SMTP_SSL"),
    "timeout": env_int("PUENTE_SMTP_TIMEOUT", 30),
}
MAILERS = {
    "default": {
        "BACKEND": MAIL_BACKEND,
        "OPTIONS": SMTP_OPTIONS if MAIL_BACKEND.endswith(".smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = env("PUENTE_FROM_EMAIL", "Puente <puente@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
DKIM_SELECTOR = env("PUENTE_DKIM_SELECTOR")
DKIM_DOMAIN = env("PUENTE_DKIM_DOMAIN")
DKIM_KEY_FILE = env("PUENTE_DKIM_KEY_FILE")
BOUNCE_IMAP_URL = env("PUENTE_BOUNCE_IMAP_URL")  # imaps://user:pass@host/INBOX

# The partners' inbox that `puente ingest --imap` reads.
IMAP_URL = env("PUENTE_IMAP_URL")  # imaps://user:password@host:993/INBOX

# Optional machine translation: a LibreTranslate-compatible server. Off unless set.
TRANSLATE_URL = env("PUENTE_TRANSLATE_URL")
TRANSLATE_API_KEY = env("PUENTE_TRANSLATE_API_KEY")

# Security. TLS-only settings switch on when the site is served over https.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
HTTPS = SITE_URL.startswith("https://")
SECURE_SSL_REDIRECT = HTTPS and env_bool("PUENTE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("PUENTE_BEHIND_PROXY") else None
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is a commitment for every subdomain; the deployer opts in.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("PUENTE_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# W003 looks for Django's CSRF middleware by path; Puente's subclass is checked by puente.E005.
SILENCED_SYSTEM_CHECKS.append("security.W003")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("PUENTE_LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies never reach logs: the safety plan must leave no trace.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
# Error mails would carry request data; Puente never sends them.
ADMINS: list = []
DEFAULT_EXCEPTION_REPORTER_FILTER = "puente.lib.reporting.NoRequestDataFilter"

# --- digests (subscriptions, sending, bounces; see .env.example "digests") ---
DIGESTS_CONFIRM_MAX_AGE_HOURS = env_int("PUENTE_DIGESTS_CONFIRM_HOURS", 72)
DIGESTS_SEND_HOUR = env_int("PUENTE_DIGESTS_SEND_HOUR", 7)  # local hour after which the worker sends digests
DIGESTS_RATE_PER_EMAIL = env_int("PUENTE_DIGESTS_RATE_PER_EMAIL", 3)  # requests per hour
DIGESTS_RATE_PER_IP = env_int("PUENTE_DIGESTS_RATE_PER_IP", 20)  # requests per hour
DIGESTS_BATCH_SIZE = env_int("PUENTE_DIGESTS_BATCH_SIZE", 200)  # messages per SMTP connection
DIGESTS_SMTP_RETRIES = env_int("PUENTE_DIGESTS_SMTP_RETRIES", 4)
DIGESTS_RETRY_BASE_SECONDS = float(env("PUENTE_DIGESTS_RETRY_BASE_SECONDS", "1"))
DIGESTS_RETRY_MAX_SECONDS = float(env("PUENTE_DIGESTS_RETRY_MAX_SECONDS", "60"))
DIGESTS_CLAIM_LEASE_SECONDS = env_int("PUENTE_DIGESTS_CLAIM_LEASE_SECONDS", 900)
DIGESTS_MAX_ATTEMPTS = env_int("PUENTE_DIGESTS_MAX_ATTEMPTS", 3)
DIGESTS_HARD_BOUNCE_LIMIT = env_int("PUENTE_DIGESTS_HARD_BOUNCE_LIMIT", 3)
DIGESTS_UNSUBSCRIBE_MAILTO = env("PUENTE_DIGESTS_UNSUBSCRIBE_MAILTO")  # default: the From address
HSDS_COUNTRY = env("PUENTE_HSDS_COUNTRY", "US")  # ISO 3166 country of addresses in the HSDS export
