from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from puente.extract import when, where
from puente.extract.model import Segment


def test_it_reads_a_labelled_location_line():
    text = "Contact: Will Coley\nLocation: Federal Building, 300 North Los Angeles Street, Downtown Los Angeles\n"
    assert where.location(text) == "Federal Building, 300 North Los Angeles Street, Downtown Los Angeles"
    assert (
        where.location("Lugar: Asociación Tepeyac, 251 West 14th St.\n")
        == "Asociación Tepeyac, 251 West 14th St"
    )


def test_it_leaves_an_undecided_location_empty():
    assert where.location("Location: Contact Sarah for location details\nTime: 9:30 am") is None
    assert where.location("Location TBD, Dinner, 6:00 PM") is None


def test_it_keeps_the_venue_before_a_street_address_and_cuts_the_sentence_after_it():
    text = (
        "Join us at the Department of Homeland Security Office, 525 W Van Buren St. Check out the event page"
    )
    assert where.location(text) == "Department of Homeland Security Office, 525 W Van Buren St"


def test_it_cuts_an_address_line_before_the_meal_and_the_hour():
    text = "Michigan Law, South Hall Room 0220, 701 South State St, 4:00 PM"
    assert where.location(text) == "Michigan Law, South Hall Room 0220, 701 South State St"
    assert where.location("1825 Eye Street NW, Dinner, 6:00 PM") == "1825 Eye Street NW"


def test_it_reads_a_spanish_place_after_en():
    text = "La junta será el lunes 10 de julio a las 2:00 pm en las oficinas del condado, 300 N Lincoln Ave, Jerome, ID 83338."
    assert where.location(text) == "las oficinas del condado, 300 N Lincoln Ave, Jerome, ID 83338"


def test_it_reads_a_named_venue_after_at():
    assert (
        where.location("March 4th ICIRR Leadership Summit at Chicago Teacher’s Union")
        == "Chicago Teacher’s Union"
    )
    assert where.location("Meet at 10am in the lobby") is None


def test_it_knows_online_events():
    assert where.is_online("Goals of this webinar are to enhance understanding")
    assert where.is_online("Únase a la sesión en línea")
    assert where.is_online("Join us on Zoom")
    assert not where.is_online("Join us at the library")


def test_it_gives_each_event_its_own_place():
    text = (
        "Thursday, October 18 - Philadelphia, PA\nBlank Rome\nOne Logan Square, 130 North 18th Street, Lunch, 12:00 PM"
        "\n\nWednesday, October 24 - Cambridge, MA\nWexner Building\n79 John F. Kennedy St, 6:00 PM"
    )
    found = when.events(Segment("", text, 0, len(text)), "event", date(2018, 10, 6), "America/New_York", "en")
    assert [(e.start, e.location) for e in found] == [
        ("2018-10-18T12:00", "One Logan Square, 130 North 18th Street"),
        ("2018-10-24T18:00", "79 John F. Kennedy St"),
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_it_never_raises(text):
    found = where.location(text)
    assert found is None or (found and len(found) <= 160)
    assert isinstance(where.is_online(text), bool)


def test_it_keeps_a_venue_named_after_the_hour_or_in_a_bracket():
    text = "Eviction defense clinic — Wed. 12/16, 4-7pm, Rainier Beach Community Center, 8825 Rainier Ave S, Seattle."
    assert where.location(text) == "Rainier Beach Community Center, 8825 Rainier Ave S, Seattle"
    assert (
        where.location("Saturday from 10 am to 1 pm in our gym (2310 S Whipple St).")
        == "our gym (2310 S Whipple St)"
    )
    text = "nos reuniremos en Foley Square (Centre St y Worth St, Manhattan) para una vigilia"
    assert where.location(text) == "Foley Square (Centre St y Worth St, Manhattan)"


def test_it_reads_a_bare_online_as_online_only_without_a_place():
    assert where.is_online("Apply online today", placed=False)
    assert not where.is_online("Apply online today", placed=True)
    assert where.is_online("Watch the livestream", placed=True)
    text = "Clinic on March 3 at 10am at 1347 W Erie St. Apply online first."
    (event,) = when.events(
        Segment("", text, 0, len(text)), "event", date(2017, 2, 9), "America/Chicago", "en"
    )
    assert (event.location, event.online) == ("1347 W Erie St", False)


def test_it_tells_both_online_modes_at_once():
    for text in ("Apply online today", "Watch the livestream", "Join us at the library"):
        assert where.online_modes(text) == (where.is_online(text), where.is_online(text, placed=True))
