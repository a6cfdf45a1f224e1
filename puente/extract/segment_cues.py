"""Segmentation cues, merged from every ``data/segment.<lang>.json``: adding Polish means adding a file.

Phrases become precompiled, anchored or bounded patterns; callers only ever test short prefixes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .phrases import PhraseIndex


@dataclass(frozen=True)
class Cues:
    sign_off: re.Pattern[str]  # the whole line is a closing ('Thank you,', 'In solidarity and action,')
    greeting: re.Pattern[str]  # a letter's salutation at a paragraph's start ('Dear neighbors,')
    page: re.Pattern[str]  # page furniture: the whole line ('Read in English')
    release: re.Pattern[str]  # press-release dateline ('FOR IMMEDIATE RELEASE')
    masthead: re.Pattern[str]  # a short title line holding one of these ('Immigration Quick Update')
    pointer: re.Pattern[str]  # a note pointing elsewhere ('Please, see attached…')
    phrases: PhraseIndex  # found anywhere in a paragraph's start: 'intro' ('Here are some events…'),
    # 'about' (about-us boilerplate: 'Founded in 1973, …'), 'job' ('is hiring', 'Oferta de empleo'),
    # 'footer' ('Unsubscribe'), 'masthead' ('Weekly Update'), 'button' ('Donate here')
    footers: PhraseIndex  # the 'footer' phrases alone, for lines that are asked about nothing else
    jobs: PhraseIndex  # the 'job' phrases alone, for titles
    job_section: frozenset[str]
    section_label: frozenset[str]  # whole headings that only name a section ('Upcoming Events')
    date_words: frozenset[str]  # month and weekday names and their glue ('de', 'of')
    months: frozenset[str]
    calendar: frozenset[str]  # month and weekday names
    month_year: re.Pattern[str]  # an issue name ending in a month and year ('Cuentos…: July 2025')


def _words(key: str) -> list[str]:
    return [w.casefold() for w in lexicon.merged("segment", key)]


def _alt(key: str) -> str:
    """Alternation of a key's phrases; a straight apostrophe also matches a curly one."""
    return lexicon.alternation(_words(key)).replace("'", "['’]")


@cache
def cues() -> Cues:
    end = r"[\s,.:;!¡?¿]*$"
    return Cues(
        sign_off=re.compile(rf"(?:{_alt('sign_offs')})(?:,|[\s,]*$|!$)", re.IGNORECASE),
        greeting=re.compile(rf"[^\w]{{0,3}}(?:{_alt('greetings')})(?!\w)", re.IGNORECASE),
        page=re.compile(rf"(?:{_alt('page')}){end}", re.IGNORECASE),
        release=re.compile(rf"(?:{_alt('release')})(?!\w)", re.IGNORECASE),
        masthead=re.compile(rf"(?<!\w)(?:{_alt('mastheads')})(?!\w)", re.IGNORECASE),
        pointer=re.compile(rf"(?:{_alt('pointers')})(?!\w)", re.IGNORECASE),
        phrases=PhraseIndex(
            [(w, "intro") for w in _words("intros")]
            + [(w, "footer") for w in _words("footers")]
            + [(w, "masthead") for w in _words("mastheads")]
            + [(w, "button") for w in _words("buttons")]
            + [(w, "about") for w in _words("about")]
            + [(w, "job") for w in _words("job_titles")]
        ),
        footers=PhraseIndex([(w, "footer") for w in _words("footers")]),
        jobs=PhraseIndex([(w, "job") for w in _words("job_titles")]),
        job_section=frozenset(_words("job_sections")),
        section_label=frozenset(_words("section_labels")),
        date_words=frozenset(_words("months") + _words("weekdays") + _words("date_glue")),
        months=frozenset(_words("months")),
        calendar=frozenset(_words("months") + _words("weekdays")),
        month_year=re.compile(
            rf"(?<!\w)(?:{_alt('months')})\.?(?:\s+(?:{_alt('date_glue')}))?\s+\d{{4}}\W*$", re.IGNORECASE
        ),
    )
