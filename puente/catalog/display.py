"""Which words a reader sees for an item: a translation into their language, or the original.

Used by the public site and by deliveries (digests, feeds). Prefetch ``translations`` on lists so
this costs no query per item.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Localized:
    title: str
    body: str
    language: str  # the language of ``title``/``body`` (may be "" when the original is unknown)
    is_translation: bool
    machine: bool
    outdated: bool

    @property
    def paragraphs(self) -> list[str]:
        """The text split at blank lines; templates escape each one."""
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]


def base_language(code: str) -> str:
    """Codes "zh-hans", "zh_Hans" and "zh" are one language for matching; so are "pt-br" and "pt"."""
    return (code or "").lower().replace("_", "-").split("-")[0]


def same_language(a: str, b: str) -> bool:
    return bool(a) and bool(b) and base_language(a) == base_language(b)


def localized(item, language: str) -> Localized:
    """The reader's language when the item is written in it or translated into it, else the original."""
    original = Localized(item.title, item.body, item.language or "", False, False, False)
    if not language or same_language(item.language, language):
        return original
    for translation in item.translations.all():  # uses the prefetch cache when there is one
        if same_language(translation.language, language):
            return Localized(
                title=translation.title,
                body=translation.body,
                language=translation.language,
                is_translation=True,
                machine=translation.machine,
                outdated=translation.source_hash != item.source_hash,
            )
    return original
