import json
from collections import Counter
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from puente.extract import when
from puente.extract.model import Segment
from tests.extract.watchdog import no_hang

from .gold_files import shared_json, shared_text

FEB_9 = date(2017, 2, 9)  # a Thursday
CHICAGO = "America/Chicago"


def seg(text: str) -> Segment:
    return Segment(title="", text=text, start=0, end=len(text))


def starts(text: str, kind: str = "event", reference: date = FEB_9, **kw) -> list[str]:
    return [e.start for e in when.events(seg(text), kind, reference, CHICAGO, None, **kw)]


def test_it_lets_an_explicit_date_win_over_tomorrow():
    assert starts("TOMORROW, February 1 Press Conference and Rally, 4:30pm") == ["2017-02-01T16:30"]


def test_it_resolves_a_yearless_date_to_the_nearest_occurrence():
    assert starts("March 4th ICIRR Leadership Summit") == ["2017-03-04"]
    assert starts("Posada on December 20th", reference=date(2017, 1, 10)) == []  # nearest is past
    assert starts("Gala on January 12", reference=date(2016, 12, 20)) == ["2017-01-12"]
    assert starts("Gala on September 15") == ["2017-09-15"]  # seven months ahead beats five back


def test_it_lets_a_stated_weekday_pick_the_year():
    assert starts("Rally on Friday, Oct. 21", reference=date(2016, 10, 19)) == ["2016-10-21"]
    assert starts("Rally on Friday, January 5", reference=date(2017, 12, 20)) == ["2018-01-05"]


def test_it_resolves_this_and_next_weekday_against_the_reference():
    assert starts("Join us this Saturday!") == ["2017-02-11"]
    assert starts("Clinic next Tuesday at 10am") == ["2017-02-14T10:00"]
    assert starts("Meeting on Friday at 6pm") == ["2017-02-10T18:00"]


def test_it_reads_spanish_dates_and_times():
    text = "Taller el sábado 4 de marzo a las 10 a. m. en la biblioteca"
    assert starts(text) == ["2017-03-04T10:00"]
    found = when.events(seg("Clínica el 15 de marzo de 6 a 8 p. m."), "event", FEB_9, CHICAGO, "es")
    assert [(e.start, e.end) for e in found] == [("2017-03-15T18:00", "2017-03-15T20:00")]


def test_it_reads_polish_dates():
    assert starts("Spotkanie w sobotę 4 marca o 10:00") == ["2017-03-04T10:00"]


def test_it_keeps_a_stated_time_zone_and_the_wall_clock_times():
    text = "On February 1, 2017, from 3 to 4:30 p.m. ET, OJJDP will present a webinar."
    (event,) = when.events(seg(text), "event", FEB_9, CHICAGO, "en")
    assert (event.start, event.end, event.timezone) == (
        "2017-02-01T15:00",
        "2017-02-01T16:30",
        "America/New_York",
    )
    assert event.online


def test_it_uses_the_publishers_zone_when_none_is_stated():
    (event,) = when.events(seg("March 3 from 10am–2pm"), "event", FEB_9, CHICAGO, "en")
    assert (event.start, event.end, event.timezone) == ("2017-03-03T10:00", "2017-03-03T14:00", CHICAGO)


def test_it_reads_the_morning_half_from_the_end_of_a_range():
    found = when.events(seg("March 3, 11 to 1 pm; March 4, 5:00 – 7:00 p.m."), "event", FEB_9, CHICAGO, None)
    assert [(e.start, e.end) for e in found] == [
        ("2017-03-03T11:00", "2017-03-03T13:00"),
        ("2017-03-04T17:00", "2017-03-04T19:00"),
    ]


def test_it_makes_one_event_per_listed_date():
    text = "The clinic meets on October 22, November 19, and December 17, 2025 from 5:00 to 7:00 p.m."
    found = when.events(seg(text), "service", date(2025, 10, 20), CHICAGO, "en")
    assert [(e.start, e.end) for e in found] == [
        ("2025-10-22T17:00", "2025-10-22T19:00"),
        ("2025-11-19T17:00", "2025-11-19T19:00"),
        ("2025-12-17T17:00", "2025-12-17T19:00"),
    ]


def test_it_makes_one_event_per_session_on_a_day():
    text = (
        "Thursday, October 11 - Washington, DC\nCooley LLP\n1299 Pennsylvania Avenue NW, Lunch, 12:30 PM\n\n"
    )
    text += "Blank Rome\n1825 Eye Street NW, Dinner, 6:00 PM"
    assert starts(text, reference=date(2018, 10, 6)) == ["2018-10-11T12:30", "2018-10-11T18:00"]


def test_it_reads_two_times_side_by_side_as_a_range():
    found = when.events(
        seg("Date: Friday, October 20th\nTime: 10:30 a.m. 11:30 a.m."),
        "event",
        date(2006, 10, 19),
        CHICAGO,
        None,
    )
    assert [(e.start, e.end) for e in found] == [("2006-10-20T10:30", "2006-10-20T11:30")]


def test_it_drops_dates_without_hours_when_the_item_gives_hours():
    text = "FOR IMMEDIATE RELEASE\nOctober 20, 2025\n\nThe clinic opens on October 22, 2025 from 5 to 7 p.m."
    assert starts(text, reference=date(2025, 10, 20)) == ["2025-10-22T17:00"]


def test_it_does_not_make_events_of_deadlines():
    text = "Apply by March 3 for the fellowship."
    assert starts(text) == []
    assert when.deadline(seg(text), FEB_9, "en") == "2017-03-03"
    assert when.deadline(seg("Donating 14% of sales through tomorrow!"), FEB_9, "en") == "2017-02-10"
    assert when.deadline(seg("Inscripciones abiertas hasta el 15 de mayo."), FEB_9, "es") == "2017-05-15"
    assert when.deadline(seg("Leadership summit on March 4th."), FEB_9, "en") is None
    assert when.deadline(seg("The deadline to apply is Friday, March 3."), FEB_9, "en") == "2017-03-03"
    assert starts("The deadline to apply is Friday, March 3.") == []


def test_it_does_not_make_events_of_past_happenings():
    text = "Following our January 14th rally, members agreed to hold a summit on March 4th."
    assert starts(text) == ["2017-03-04"]
    assert (
        starts("On January 3, President Trump issued an order at 10am.") == []
    )  # weeks before the send date


def test_it_does_not_make_events_of_a_programme_under_way():
    text = "Running June 23–August 13, Monday–Friday | 9:30 AM–3:30 PM, the camp builds confidence."
    assert starts(text, reference=date(2025, 7, 23)) == []


def test_it_does_not_make_events_of_opening_hours():
    text = "Renewal Food Bank\n- Hours:\n  - Mondays: 12pm – 3pm\n  - Thursday: 3pm – 6pm\n- Every Friday 10am -1pm"
    assert starts(text, "service") == []
    assert starts("Línea abierta los miércoles de 9am a 5pm.", "service") == []


def test_it_needs_an_hour_outside_event_items():
    assert starts("On April 3, 2006, immigrants will speak.", "news", date(2006, 4, 2)) == []
    assert starts("Clinic on April 3, 2006 at 10 am.", "service", date(2006, 4, 2)) == ["2006-04-03T10:00"]
    assert starts("Clinic on April 3, 2006 at 10 am.", "press", date(2006, 4, 2)) == []


def test_it_gives_times_without_a_date_the_day_carried_from_an_earlier_item():
    assert starts("Seattle\nTime: 12 noon PST", carried=date(2006, 4, 3)) == ["2006-04-03T12:00"]
    assert starts("Seattle\nTime: 12 noon PST") == []


def test_it_does_not_read_months_inside_ordinary_words_or_verbs():
    assert starts("We march on Saturday and you may 12 times join.") == []


def seg_texts(gold: dict, text: str):
    positions = [text.find(item["starts_with"]) for item in gold["items"]]
    for i, item in enumerate(gold["items"]):
        end = positions[i + 1] if i + 1 < len(positions) else len(text)
        yield item, text[positions[i] : end].strip()


def gold_pairs():
    yield "seed-newsletters.json", "seed-newsletters.txt"
    for name in (
        "13-aaldef-detention-press-conferences-2006",
        "14-nyuir-march-rally-call-2006",
        "15-iop-razones-ice-jerome-2017",
        "16-aaldef-exit-poll-volunteers-2018",
        "17-pueblo-unido-oferta-empleo-2019",
        "18-pueblo-unido-obtenga-ayuda-2022",
        "19-el-centro-de-la-raza-cuentos-july-2025",
        "20-acrs-rainier-valley-legal-clinic-2025",
        "21-rewa-food-bank-resources-2025",
    ):
        yield f"dev/gold/{name}.json", f"dev/docs/{name}.txt"


def test_it_finds_the_labelled_events_of_the_gold_items():
    """Given the gold items and kinds, event starts match the labels (F1 >= 0.95)."""
    gold_n = pred_n = hits = 0
    for gold_file, text_file in gold_pairs():
        gold = shared_json(gold_file)
        reference = date.fromisoformat(gold["reference_date"])
        expected, found, carried = Counter(), Counter(), None
        for item, text in seg_texts(gold, shared_text(text_file)):
            events = when.events(seg(text), item["kind"], reference, gold["timezone"], None, carried=carried)
            carried = when.carried_day(events, carried)
            expected.update(e["start"] for e in item["events"])
            found.update(e.start for e in events)
        gold_n, pred_n, hits = (
            gold_n + expected.total(),
            pred_n + found.total(),
            hits + (expected & found).total(),
        )
    precision, recall = hits / pred_n, hits / gold_n
    assert 2 * precision * recall / (precision + recall) >= 0.95


def valid_iso(value: str | None) -> bool:
    if value is None:
        return True
    parse = datetime.fromisoformat if "T" in value else date.fromisoformat
    return parse(value).isoformat()[: len(value)] == value


calendar_text = st.lists(
    st.sampled_from(
        list("0123456789 :.-–,apm\n")
        + [
            "March ",
            "May ",
            "sábado ",
            " de ",
            "tomorrow ",
            "next ",
            "Friday ",
            " ET",
            "noon ",
            "by ",
            "a las ",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | calendar_text, st.sampled_from(["event", "service", "news"]))
def test_it_never_raises_and_writes_valid_iso(text, kind):
    found = when.events(seg(text), kind, FEB_9, CHICAGO, None, carried=FEB_9)
    assert all(valid_iso(e.start) and valid_iso(e.end) for e in found)
    assert valid_iso(when.deadline(seg(text), FEB_9, None))


def test_it_reads_long_and_odd_texts_in_linear_time():
    for unit in ("1 2 3 4 5 am ", "March May June 4 ", "1:" * 5, " " * 10, "October 22, November 19, 2025 "):
        text = unit * 20_000
        with no_hang(60, repr(unit)):
            when.events(seg(text), "event", FEB_9, CHICAGO, None)
            when.deadline(seg(text + " "), FEB_9, None)


def test_it_reads_numeric_dates_in_the_languages_order():
    assert starts("Taller el sábado 18/2 a las 10:00", kind="event") == ["2017-02-18T10:00"]
    found = when.events(seg("Clinic Saturday 3/4 at 10am"), "event", FEB_9, CHICAGO, "en")
    assert [e.start for e in found] == ["2017-03-04T10:00"]
    found = when.events(seg("Taller el sábado 4/3 a las 10:00"), "event", FEB_9, CHICAGO, "es")
    assert [e.start for e in found] == ["2017-03-04T10:00"]
    assert starts("Forum on 2017-03-04 at 6pm") == ["2017-03-04T18:00"]


def test_it_does_not_read_fractions_or_decimals_as_dates():
    assert starts("Add 3/4 cup of rice at 3pm; 1.5 credits; 24/7 hotline") == []


def test_it_reads_the_hours_of_one_gathering_as_one_event():
    text = "Town hall on March 3. Doors open at 6:30 pm; the program begins at 7 pm."
    assert starts(text) == ["2017-03-03T18:30"]
    assert starts("Know your rights sessions on March 3 at 10am and 2pm") == [
        "2017-03-03T10:00",
        "2017-03-03T14:00",
    ]


def test_it_reads_days_that_share_a_month():
    text = "Martes 12 y martes 26 de enero, de 6 a 8 p. m., en la oficina"
    assert starts(text, reference=date(2027, 1, 4)) == ["2027-01-12T18:00", "2027-01-26T18:00"]
    assert starts("Clinics on March 3, 10 and 17 at 6pm") == [
        "2017-03-03T18:00",
        "2017-03-10T18:00",
        "2017-03-17T18:00",
    ]
    assert starts("Rally on October 22, 25 volunteers at 6pm", reference=date(2017, 10, 1)) == [
        "2017-10-22T18:00"
    ]


def test_it_lets_an_explicit_date_win_over_this_weekday():
    text = "Este jueves 3 de diciembre a las 5:30 p. m. nos reuniremos"
    assert starts(text, reference=date(2026, 11, 24)) == ["2026-12-03T17:30"]


def test_it_does_not_make_an_event_of_the_issues_own_date():
    text = "# Monthly Update\n## November 30, 2026 · Atlanta, Georgia\n\nFriends, our statement follows."
    assert starts(text, reference=date(2026, 11, 30)) == []


def test_it_reads_words_that_match_the_data_only_case_blind():
    assert starts("Join us this ſaturday at 10am") == ["2017-02-11T10:00"]  # long s folds to s


def test_it_reads_one_session_written_in_two_zones_once():
    text = "Join our webinar on Tuesday, March 7 at 2 PM CT / 3 PM ET"
    (event,) = when.events(seg(text), "event", FEB_9, CHICAGO, "en")
    assert (event.start, event.timezone, event.location, event.online) == (
        "2017-03-07T14:00",
        CHICAGO,
        None,
        True,
    )


def test_it_reads_every_language_file_in_the_data_folder():
    from importlib import resources

    from puente.extract import datewords

    folder = resources.files("puente.extract").joinpath("data")
    files = [e for e in folder.iterdir() if e.name.startswith("dates.") and e.name.endswith(".json")]
    assert {f.name for f in files} >= {"dates.en.json", "dates.es.json", "dates.pl.json"}
    vocabulary = datewords.vocabulary()
    for entry in files:
        data = json.loads(entry.read_text("utf-8"))
        assert {m.casefold() for m in data["months"]} <= set(vocabulary.months), entry.name
        assert {w.casefold() for w in data["weekdays"]} <= set(vocabulary.weekdays), entry.name


def test_it_never_reads_the_clock():
    import inspect

    from puente.extract import clock, dates, datewords, where

    for module in (when, dates, clock, datewords, where):
        source = inspect.getsource(module)
        assert "today()" not in source and ".now(" not in source and "time.time" not in source, module


def test_it_reads_today_as_a_day_only_with_an_hour_or_a_deadline():
    assert starts("Register today for our March 3 workshop!") == ["2017-03-03"]
    assert starts("Register today!") == []
    assert starts("TODAY at 5pm: rally at Federal Plaza") == ["2017-02-09T17:00"]
    assert when.deadline(seg("Sale through today only"), FEB_9, "en") == "2017-02-09"


def test_it_reads_between_and_as_a_range_only_after_between():
    found = when.events(seg("Open house March 3 between 3 and 5 pm"), "event", FEB_9, CHICAGO, "en")
    assert [(e.start, e.end) for e in found] == [("2017-03-03T15:00", "2017-03-03T17:00")]
    found = when.events(seg("Talleres el 4 de marzo a las 10 am y 2 pm"), "event", FEB_9, CHICAGO, "es")
    assert [(e.start, e.end) for e in found] == [("2017-03-04T10:00", None), ("2017-03-04T14:00", None)]


_ODD_CASE = st.sampled_from(["ſ", "ı", "İ", "K", "ß", "ẞ", "Σ", "ς", "É", "Ñ", "Ł"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ODD_CASE, st.characters()), max_size=40))
def test_the_lowered_text_keeps_every_offset(chars):
    from puente.extract.datewords import lowered

    text = "Saturday, March 4 at 10am " + "".join(chars) + " SEPTEMBER 22"
    assert len(lowered(text)) == len(text)


def test_odd_case_letters_read_as_case_blind_patterns_read_them():
    # 'ſ' (long s) and 'İ' fold like 's' and 'i' in a case-blind regex: the dates stay where they are.
    plain = starts("Saturday, September 23 at 10am, then the 30th")
    assert starts("ſaturday, ſeptember 23 at 10am, then the 30th") == plain
    assert starts("SATURDAY, SEPTEMBER 23 AT 10AM İN the hall") == plain


def test_it_reads_noon_far_from_the_date_however_it_is_spaced_or_cased():
    # Further than a number's window from the date: only the noon look-up brings the hour in.
    polish = (
        "Spotkanie odbędzie się w  południe w sali parafialnej przy kościele św. Jana, w czwartek 3 grudnia."
    )
    found = when.events(seg(polish), "event", date(2026, 11, 25), CHICAGO, "pl")
    assert [e.start for e in found] == ["2026-12-03T12:00"]
    assert starts(
        "The MİDDAY rally for families and friends of detained neighbours will be on February 3."
    ) == ["2017-02-03T12:00"]
