"""``puente translate --missing``: machine-translate published items into the interface languages."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from puente.public import translate


class Command(BaseCommand):
    help = "Machine-translate published items that have no translation yet (needs PUENTE_TRANSLATE_URL)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--missing", action="store_true", help="translate what has no translation yet")
        parser.add_argument("--language", action="append", help="only these languages (repeatable)")
        parser.add_argument("--limit", type=int, help="stop after this many translations")

    def handle(self, *args, missing: bool, language: list[str] | None, limit: int | None, **options) -> None:
        if not missing:
            raise CommandError("say what to translate: --missing")
        if not translate.enabled():
            raise CommandError("machine translation is off: set PUENTE_TRANSLATE_URL")
        languages = language or [code for code, _ in settings.LANGUAGES]
        try:
            count = translate.translate_missing(languages, limit)
        except translate.TranslationUnavailable as exc:
            raise CommandError(f"the translation server failed: {exc}") from exc
        self.stdout.write(f"machine-translated {count} items")
