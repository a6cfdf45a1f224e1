"""Calendar words of every language in ``data/dates.<lang>.json``, merged, and the patterns built from them.

Newsletters mix languages ("el sábado 4 de marzo" inside an English issue), so every pattern knows every
language's words; adding a language means adding a file. All patterns are literal alternations with
bounded repeats: no nested quantifiers, so matching stays linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import lexicon
from .lexicon import maybe, trie


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    meridiem: dict[str, str]  # word -> "am" | "pm" | "noon"
    zones: dict[str, str]  # abbreviation or name -> IANA zone
    lists: dict[str, tuple[str, ...]]  # every other word list, merged across languages

    def words(self, key: str) -> tuple[str, ...]:
        return self.lists.get(key, ())


_LIST_KEYS = (
    "relative_anchors",
    "lowercase_is_not_a_month",
    "recurring",
    "day_suffixes",
    "day_month_joiners",
    "year_joiners",
    "articles",
    "not_relative_after",
    "this_weekday",
    "next_weekday",
    "range_joiners",
    "deadline_cues",
    "deadline_words",
    "session_joiners",
    "range_between",
    "range_between_joiners",
    "today_needs_an_hour",
    "date_list_joiners",
    "time_prefixes",
    "past_cues",
    "ongoing_cues",
)


_CUE_KEYS = ("deadline_cues", "deadline_words", "past_cues", "ongoing_cues")


@cache
def vocabulary() -> Vocabulary:
    files = lexicon.per_language("dates").values()
    meridiem: dict[str, str] = {}
    for data in files:
        for half, words in data.get("meridiem", {}).items():
            meridiem.update({w.casefold(): half for w in words})
        meridiem.update({w.casefold(): "noon" for w in data.get("noon", [])})
    return Vocabulary(
        months=_merged_map(files, "months"),
        weekdays=_merged_map(files, "weekdays"),
        relative_days=_merged_map(files, "relative_days"),
        meridiem=meridiem,
        zones={k: v for data in files for k, v in data.get("zones", {}).items()},
        lists={key: tuple(w.lower() for w in lexicon.merged("dates", key)) for key in _LIST_KEYS},
    )


def _merged_map(files, key: str) -> dict[str, int]:
    return {k.casefold(): v for data in files for k, v in data.get(key, {}).items()}


def _meridiem_alt(words) -> str:
    """'a.m.' also matches 'am', 'a. m.', 'AM' and 'a.m': dots and the inner space are optional."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        if re.fullmatch(r"[ap]\.?m\.?", w):
            parts.append(w[0] + r"\.?\s?m\b\.?")
        else:
            parts.append(re.escape(w).replace(r"\ ", r"\s+") + r"\b")
    return "|".join(parts)


@dataclass(frozen=True)
class Patterns:
    # Patterns named "lowered" are case-sensitive, to run over the ``lowered`` text: they find what
    # their case-blind form finds in the text, faster.
    date_lowered: (
        re.Pattern
    )  # "Friday, Oct. 21st", "4 de marzo de 2017", "July 16-19", 2017-03-04, "Sat. 3/4"
    not_months: frozenset[str]  # month words that, written in lowercase, are other words ("may")
    list_before: re.Pattern  # "martes 12 y" before "martes 26 de enero": a day sharing the month after it
    list_after: re.Pattern  # ", 10 and 17" after "March 3": days sharing the month before them
    relative_lowered: re.Pattern  # today, tomorrow, this Saturday, next Tuesday, on Friday
    relative_anchor: re.Pattern  # in the lowered text, a word every relative date contains ("day")
    time: re.Pattern  # one time or a time range, with an optional zone
    time_lowered: re.Pattern  # the same but for a zone, case-sensitive: "et" there may not be "ET"
    cue_before_lowered: dict[str, re.Pattern]  # deadline/past/ongoing cue words ending just before a date
    cue_word: re.Pattern  # in the lowered text, any word of those four patterns
    short_number: re.Pattern
    noon: re.Pattern
    # lowercase, for a quick "is it there at all" before the pattern runs: each noon phrase's longest
    # word ('południe' of 'w południe', whose pattern takes any run of spaces between the words)
    noon_words: tuple[str, ...]
    recurring_lowered: re.Pattern  # "every", "Mondays", "los lunes"
    session_gap: re.Pattern  # "10am and 2pm": what may stand between the hours of two sessions ("2 PM CT /
    # 3 PM ET" is one session written in two zones)
    hours_line_lowered: re.Pattern  # "- Thursday: 3pm – 6pm", "Lunes a viernes: 9–5": opening hours
    not_relative_after: re.Pattern


@cache
def patterns() -> Patterns:
    v = vocabulary()
    return Patterns(
        date_lowered=re.compile(_date_regex(v)),
        not_months=frozenset(v.words("lowercase_is_not_a_month")),
        list_before=re.compile(_list_before_regex(v), re.IGNORECASE),
        list_after=re.compile(_list_after_regex(v), re.IGNORECASE),
        relative_lowered=re.compile(_relative_regex(v)),
        relative_anchor=re.compile(trie(_relative_anchors(v))),
        time=re.compile(_time_regex(v), re.IGNORECASE),
        time_lowered=re.compile(_time_regex(v, lowered=True)),
        cue_before_lowered={
            "deadline": _cue_regex(v.words("deadline_cues"), 0),
            # "The deadline to apply is March 3": a strong word may stand a few words before the date
            "deadline_word": _cue_regex(v.words("deadline_words"), 4),
            "past": _cue_regex(v.words("past_cues"), 3),
            "ongoing": _cue_regex(v.words("ongoing_cues"), 2),
        },
        cue_word=re.compile(rf"(?<!\w)(?:{trie(w for key in _CUE_KEYS for w in v.words(key))})(?!\w)"),
        # one or two digits alone: a longer run is a year, a zip code or a phone number, never a day
        # or an hour; the look-behind comes last so that re skips from digit to digit
        short_number=re.compile(r"[0-9][0-9]?(?![0-9])(?<![0-9]{3})"),
        noon=re.compile(rf"(?<!\w)(?:{trie(_noon_words(v))})(?!\w)", re.IGNORECASE),
        noon_words=tuple({max(w.split(), key=len) for w in _noon_words(v)}),
        session_gap=re.compile(
            rf"[\s,;&]*(?:(?:{trie(v.words('session_joiners'))})(?!\w)[\s,;]*)?"
            rf"(?:(?:{trie(v.words('time_prefixes'))})\s+)?",
            re.IGNORECASE,
        ),
        recurring_lowered=re.compile(rf"(?<!\w)(?:{trie(v.words('recurring'))})(?!\w)"),
        hours_line_lowered=re.compile(
            rf"^[\s\-•*·]*(?:{trie(v.weekdays)})\.?(?:\s*(?:[-–—&,]|and|to|a|y|i|do)\s*(?:{trie(v.weekdays)})\.?)*\s*:"
        ),
        not_relative_after=re.compile(
            rf"(?<!\w)(?:{trie(v.words('not_relative_after'))})\s+$", re.IGNORECASE
        ),
    )


def _noon_words(v: Vocabulary) -> tuple[str, ...]:
    return tuple(w for w, half in v.meridiem.items() if half == "noon")


def _relative_anchors(v: Vocabulary) -> tuple[str, ...]:
    """The fewest strings that every relative day word and full weekday name contains: each data file
    may name stems ("day" is in "today" and every English weekday); words no stem covers stand for
    themselves. Abbreviations are left out: too common inside other words, and "this Sat" is rare."""
    stems = set(v.words("relative_anchors"))
    words = {*v.relative_days, *(w for w in v.weekdays if len(w) >= 5)}
    anchors = stems | {w for w in words if not any(s in w for s in stems)}
    return tuple(sorted(a for a in anchors if not any(b != a and b in a for b in anchors)))


def _date_regex(v: Vocabulary) -> str:
    wd = trie(v.weekdays)
    mon = trie(v.months)
    suf = trie(v.words("day_suffixes"))
    art = trie(v.words("articles"))
    join = trie(v.words("day_month_joiners"))
    yjoin = trie(v.words("year_joiners"))
    weekday = maybe(rf"(?P<wd>{wd})\.?,?\s+{maybe(rf'(?:{art})\s+')}")
    day = rf"(?:[0-3]?\d){maybe(suf)}(?![\w:])"
    year = r"(?:1[89]|2[0-9])\d\d(?!\d)"
    year_tail = maybe(rf"\s*{maybe(rf',|\b(?:{yjoin})\b')}\s*(?P<year>{year})")
    # 'October 20th', 'Oct. 21st', 'July 16-19', 'June 23–August 13'
    month_first = rf"(?P<mon_a>{mon})\.?\s+(?P<day_a>{day})" + maybe(
        rf"\s*[-–—]\s*{maybe(rf'(?P<mon_a2>{mon})\.?\s+')}(?P<day_a2>{day})"
    )
    # '4 de marzo', '4th of March', '4 marca', '10-12 de mayo'
    day_first = (
        rf"(?P<day_b>{day}){maybe(rf'\s*[-–—]\s*(?P<day_b2>{day})')}\s+{maybe(rf'(?:{join})\s+')}(?P<mon_b>{mon})\b\.?"
        if join
        else rf"(?P<day_b>{day})\s+(?P<mon_b>{mon})\b\.?"
    )
    # A date begins with a digit, a weekday or a month: the look-ahead turns away the other words
    # after their second letter, before the alternatives below are tried one by one.
    begins = rf"(?=\d|{trie(_first_letters(v.weekdays, v.months))})"
    return rf"(?<![\w/.-]){begins}{weekday}(?:(?:{month_first}|{day_first}){year_tail}|{_numeric_body()})"


def _first_letters(*lists) -> set[str]:
    """The first two letters of every word (one, where a space comes second)."""
    words = {w.lower() for words in lists for w in words if w}
    return {w[:2] if len(w) > 1 and not w[1].isspace() else w[:1] for w in words}


def _numeric_body() -> str:
    """2017-03-04, 3/4/2017, 15.03.2017, 3/4 (read in the language's order by the caller)."""
    iso = r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)"
    written = r"(?P<n1>[0-3]?\d)(?P<sep>[/.])(?P<n2>[0-3]?\d)" + maybe(r"(?P=sep)(?P<ny>(?:19|20)?\d\d)")
    return rf"(?:{iso}|{written})(?![\w/:-]|\.\d)"


def _list_before_regex(v: Vocabulary) -> str:
    wd = trie(v.weekdays)
    joiner = trie(v.words("date_list_joiners"))
    return (
        rf"(?<![\w/.:-])(?:(?P<wd>{wd})\.?,?\s+)?(?P<day>[0-3]?\d)(?:{trie(v.words('day_suffixes'))})?"
        rf"\s*(?:,|&|(?:{joiner})(?!\w))\s*$"
    )


def _list_after_regex(v: Vocabulary) -> str:
    wd = trie(v.weekdays)
    joiner = trie(v.words("date_list_joiners"))
    # the day must end the list: "October 22, 25 volunteers" is no list of dates
    ends = rf"(?=\s*(?:[,;.)!?\n]|$|(?:{joiner}|{trie(v.words('time_prefixes'))})(?!\w)|(?:19|20)\d\d))"
    return (
        rf"\s*(?:,|&|(?:{joiner})(?!\w))\s*(?:(?P<wd>{wd})\.?,?\s+)?"
        rf"(?P<day>[0-3]?\d)(?:{trie(v.words('day_suffixes'))})?(?![\w:/]|\.\d){ends}"
    )


def numeric_order(language: str | None) -> str:
    """'mdy' (3/4 is March 4) or 'dmy' (3/4 is 3 April), as the language writes dates; US English
    by default, the publishers being US organizations."""
    orders = _numeric_orders()
    return orders.get(language or "en", orders.get("en", "mdy"))


@cache
def _numeric_orders() -> dict[str, str]:
    return {lang: data.get("numeric_order", "mdy") for lang, data in lexicon.per_language("dates").items()}


def _relative_regex(v: Vocabulary) -> str:
    wd = trie(v.weekdays)
    this = trie(v.words("this_weekday"))
    nxt = trie(v.words("next_weekday"))
    rel = trie(v.relative_days)
    art = trie(v.words("articles"))
    return (
        rf"(?<!\w)(?:(?P<this>{this})\s+(?P<wd_this>{wd})|(?P<next>{nxt})\s+(?P<wd_next>{wd})"
        rf"|(?P<rel>{rel})|(?:{art})\s+(?P<wd_bare>{wd}))(?!\w)"
    )


def _time_regex(v: Vocabulary, lowered: bool = False) -> str:
    """``lowered``: for the ``lowered`` text, with the (case-sensitive) zones in lowercase."""
    mer = _meridiem_alt(v.meridiem)
    join = trie(v.words("range_joiners"))
    zones = "|".join(
        re.escape(z) for z in sorted({z.lower() if lowered else z for z in v.zones}, key=len, reverse=True)
    )

    def atom(n: int) -> str:
        return (
            rf"(?:(?P<h{n}>[0-2]?\d){maybe(rf'(?P<sep{n}>[:.])(?P<m{n}>[0-5]\d)')}(?!\d)"
            rf"{maybe(rf'\s?(?P<mer{n}>{mer})')}|(?P<noon{n}>{trie(w for w, h in v.meridiem.items() if h == 'noon')})\b)"
        )

    # "between 3 and 5 pm": "and" joins a range only after "between"
    between = trie(v.words("range_between"))
    between_join = trie(v.words("range_between_joiners"))
    return (
        rf"(?<![\w:./$#-]){maybe(rf'(?P<btw>{between})\s+')}{atom(1)}"
        + maybe(rf"(?P<join>\s*(?:{join})\s*|\s+(?P<btw_join>{between_join})\s+|\s+){atom(2)}")
        + maybe(rf"\s*\(?(?-i:(?P<zone>{zones}))\b\)?")
    )


def _cue_regex(words, gap_words: int) -> re.Pattern:
    """A cue word followed by at most ``gap_words`` other words, at the very end of the looked-at text."""
    gap = rf"(?:[\s:,]+[^\s:,]+){{0,{gap_words}}}"
    return re.compile(rf"(?<!\w)(?:{trie(words)})(?!\w){gap}[\s:,(]*$")


# Around a number, a date or time may reach back to "this Saturday, September 22" and on to
# "23–August 13, 2025" or "3 to 4:30 p.m. Eastern Time".
DIGIT_BEFORE, DIGIT_AFTER = 48, 40


@lru_cache(maxsize=4)  # the dates and the times of one item look in the same places
def number_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around every day or hour number (or 'noon'), merged: the date and time
    patterns only need to look there, which keeps prose, phone numbers and zip codes cheap."""
    p = patterns()
    spans = [m.span() for m in p.short_number.finditer(text)]
    low = lowered(text)  # as the case-blind pattern reads it: 'MİDDAY' is 'midday' there too
    for word in p.noon_words:
        if word in low:
            spans = sorted(spans + [m.span() for m in p.noon.finditer(text)])
            break
    return around(spans, len(text), DIGIT_BEFORE, DIGIT_AFTER)


def around(spans: list[tuple[int, int]], size: int, before: int, after: int) -> list[tuple[int, int]]:
    """The stretches from ``before`` characters ahead of each span (in order of start) to ``after``
    past it, merged where they overlap and kept within a text of ``size`` characters."""
    windows: list[tuple[int, int]] = []
    if not spans:
        return windows
    start, end = max(0, spans[0][0] - before), -1
    for lo, hi in spans:
        if lo - before > end:  # a gap: the open window is done
            if end >= 0:
                windows.append((start, min(size, end)))
            start = max(0, lo - before)
        end = max(end, hi + after)
    windows.append((start, min(size, end)))
    return windows


# re's case-blind matching folds these to 's' and 'i'; str.lower() leaves the first two as they are
# and writes 'İ' in two characters. Every other character folds alike for the letters of the data
# files (checked over all of Unicode when this was written).
_FOLD_AS_RE_DOES = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def lowered(text: str) -> str:
    """``text`` in lowercase, letter for letter: a case-sensitive pattern of lowercase words finds in
    it what the case-blind pattern finds in ``text``, at the same offsets, and is much faster (re
    compares plain letters directly and skips ahead on them)."""
    low = text.lower()
    if text.isascii() or (len(low) == len(text) and "ſ" not in low and "ı" not in low):
        return low
    return text.translate(_FOLD_AS_RE_DOES).lower()


def norm(word: str) -> str:
    """The data's form of a matched word: case folded ('ſeptember', matched case-blind, is
    'september'), spaces single."""
    return " ".join(word.casefold().split())
