"""The language an item is written in, and the languages a resource is offered in.

``detect`` tries cheap evidence first (the script; function words of the languages we have data for)
and asks lingua only when that is not decisive, on a bounded prefix: lingua costs about 2 µs per
character, which alone would hold extraction under 1 MB/s on long items.
"""

from __future__ import annotations

import re
from functools import cache
from operator import itemgetter

from . import lexicon

_MIN_LETTERS = 12  # shorter than this, no detector is reliable: the caller falls back to the document's
_MIN_WORDS = 3
_LINGUA_MIN_WORDS = 10  # lingua is worth its cost (~1 ms an item) only on real sentences
_LINGUA_PREFIX = 250
_FUNCTION_WORDS_SAMPLE = 80
_PREFIX = 400  # characters handed to the detectors: enough for lingua, and it costs ~2 µs a character
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")  # runs, counted by length: fewer objects than letters
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
_LINGUA_LANGUAGES = (
    "ENGLISH SPANISH POLISH ARABIC HINDI CHINESE FRENCH PORTUGUESE VIETNAMESE KOREAN RUSSIAN "
    "UKRAINIAN TAGALOG SOMALI PERSIAN URDU JAPANESE"
).split()
_SCRIPTS = (  # (first, last code point, language) for scripts that name one language in our set
    (0x0900, 0x097F, "hi"),
    (0xAC00, 0xD7AF, "ko"),
    (0x3040, 0x30FF, "ja"),
    (0x4E00, 0x9FFF, "zh"),
)
_WORD = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)?+")  # possessive: no backtracking state kept
_TOKEN = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)?+|[,/&]")
_CLAUSE = re.compile(r"[.!?;:\n]+(?:\s|$)|\n")
_CUE_WINDOW = 12  # words before "in Spanish" where an offer ('available', 'information') may stand


def detect(text: str, prior: str | None = None, lingua: bool = True) -> str | None:
    """ISO 639-1 code of the language ``text`` is written in, or None when it is too short to tell.

    ``prior`` is the language of the document around the text: a text whose few function words lean
    that way takes it without asking lingua (about a millisecond a call). With ``lingua=False`` only
    the cheap evidence decides, and a text it leaves open gives None.
    """
    sample = _sample(text)
    words = _WORD.findall(sample)
    letters = sum(map(len, words))
    if letters < _MIN_LETTERS:
        return None
    # Another script (Devanagari, Hangul, Arabic …) when Latin letters are not the majority; without a
    # single other letter they are (apostrophes, counted in words, are at most a third of them). A text
    # in ASCII holds no other letter, and knows it is ASCII without a pass over it.
    if (
        not sample.isascii()
        and _OTHER_LETTER.search(sample)
        and sum(map(len, _LATIN.findall(sample))) * 2 < letters
    ):
        return _by_script(sample, letters) or (_by_lingua(sample[:_LINGUA_PREFIX]) if lingua else None)
    if len(words) < _MIN_WORDS:
        return None
    found, leaning = _by_function_words(words)
    if found or len(words) < _LINGUA_MIN_WORDS or not _sentences(words):
        return found  # a list of names or a few words: the document's language stands
    if prior and leaning == prior:
        return prior
    return _by_lingua(sample[:_LINGUA_PREFIX]) if lingua else None


def _sentences(words: list[str]) -> bool:
    """Mostly lower-case words: running text, where lingua is reliable (not a list of names)."""
    return sum(map(str.islower, map(itemgetter(0), words))) * 2 >= len(words)  # words are never empty


def _sample(text: str) -> str:
    """A bounded sample: the start of a short text; four windows spread over a long one, so a
    document is judged by its body and not only by its masthead."""
    if len(text) <= 4 * _PREFIX:
        return text[:_PREFIX]
    step = len(text) // 4
    return " ".join(text[i * step : i * step + _PREFIX // 2] for i in range(4))


def _by_script(sample: str, letters: int) -> str | None:
    counts: dict[str, int] = {}
    for first, last, lang in _SCRIPTS:
        n = len(re.findall(f"[{chr(first)}-{chr(last)}]", sample))
        if n:
            counts[lang] = n
    if not counts:
        return None
    lang, n = max(counts.items(), key=lambda kv: kv[1])
    if lang == "zh" and counts.get("ja"):
        lang = "ja"  # kanji with kana is Japanese
    return lang if n * 2 > letters else None


def _by_function_words(words: list[str]) -> tuple[str | None, str | None]:
    """The language whose function words clearly dominate, and the one they merely lean to (more
    of its words than of any other's), each or None."""
    if len(words) < _MIN_WORDS:
        return None, None
    sample = words[:_FUNCTION_WORDS_SAMPLE]
    hits: dict[str, int] = {}
    for lang in filter(None, map(_function_words().get, map(str.casefold, sample))):
        hits[lang] = hits.get(lang, 0) + 1
    if not hits:
        return None, None
    ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)[:2]  # ties: first seen first
    (lang, best), second = ranked[0], ranked[1][1] if len(ranked) > 1 else 0
    if best >= 2 and best >= 2 * second + 1 and best * 15 >= len(sample):
        return lang, lang
    return None, lang if best > second else None


def _by_lingua(sample: str) -> str | None:
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found else None


@cache
def _function_words() -> dict[str, str]:
    """word -> the one language it is a function word of. Shared words ('de': es, fr, pt) tell the
    languages apart no better than chance, so they are left out."""
    out: dict[str, list[str]] = {}
    for lang, data in lexicon.per_language("languages").items():
        for word in data.get("stopwords", ()):
            out.setdefault(word, []).append(lang)
    return {w: langs[0] for w, langs in out.items() if len(langs) == 1}


@cache
def _detector():  # noqa: ANN202 - lingua's type is only importable at run time
    """Built once, on first need: lingua loads its models lazily, about 0.1 s for this set."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in _LINGUA_LANGUAGES)).build()


def offered(text: str) -> tuple[str, ...]:
    """Languages the text says something is offered in: 'available in English, Spanish and Polish',
    'Twitter in Spanish', 'información en español'. A text merely written in a language offers nothing.
    """
    folded = text.casefold()
    names = _name_starts()
    if names.search(" " + folded) is None:
        return ()  # no language named at all: the common case, decided without listing the words
    found: list[str] = []
    # Folding that keeps the text's length maps letter to letter, so the folded text splits into the
    # same words and is read directly, and only its clauses naming a language are; 'ß' -> 'ss' or
    # 'İ' -> 'i̇' take the word-by-word way.
    if len(folded) == len(text):
        for clause in _CLAUSE.split(folded):
            if names.search(" " + clause):
                found += _offered_in(_TOKEN.findall(clause))
    elif not lexicon.language_words().triggers.isdisjoint(_WORD.findall(folded)):
        for clause in _CLAUSE.split(text):
            found += _offered_in([t.casefold() for t in _TOKEN.findall(clause)])
    return tuple(dict.fromkeys(found))


@cache
def _name_starts() -> re.Pattern[str]:
    """A language name's first word standing whole in folded text with a space put before it.

    A word follows a character that is no letter, so a character other than 'a'-'z' starts the
    match: the regex engine skips the letters between in a tight loop, where listing the words
    made an object of each. A letter outside ASCII may start it too, which only lets a rare text
    through to the reading that decides exactly.
    """
    return re.compile(rf"[^a-z](?:{lexicon.trie(lexicon.language_words().triggers)})(?![^\W\d_])")


def _offered_in(tokens: list[str]) -> list[str]:
    words = lexicon.language_words()
    found, end = [], 0
    # A list of names can only start at a name's first word: the other tokens are skipped unread.
    for i in [i for i, token in enumerate(tokens) if token in words.triggers]:
        if i < end:
            continue  # inside the list just read
        codes, end = _name_list(tokens, i, words)
        if codes and _is_offer(tokens, i, end, words):
            found += codes
    return found


def _name_list(tokens: list[str], i: int, words: lexicon.LanguageWords) -> tuple[list[str], int]:
    """Language names from ``tokens[i]`` on, joined by commas and 'and'/'y'/'i': codes and end index."""
    codes, j = [], i
    while j < len(tokens):
        name, width = _name_at(tokens, j, words)
        if name:
            codes.append(name)
            j += width
        elif codes and tokens[j] in words.connectors:
            j += 1
        else:
            break
    while j > i and tokens[j - 1] in words.connectors:
        j -= 1
    return codes, j


def _name_at(tokens: list[str], j: int, words: lexicon.LanguageWords) -> tuple[str | None, int]:
    pair = " ".join(tokens[j : j + 2])
    if j + 1 < len(tokens) and pair in words.names:
        return words.names[pair], 2
    return words.names.get(tokens[j]), 1


def _is_offer(tokens: list[str], start: int, end: int, words: lexicon.LanguageWords) -> bool:
    k = start
    while k > 0 and tokens[k - 1] in words.fillers:
        k -= 1
    if k == 0 or tokens[k - 1] not in words.prepositions:
        return False
    before = tokens[max(0, k - 1 - _CUE_WINDOW) : k - 1]
    return any(t in words.cues for t in before) or any(t in words.cues for t in tokens[end : end + 3])
