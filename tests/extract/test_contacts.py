import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from puente.extract import contacts
from puente.extract.model import Handle
from tests.extract.watchdog import no_hang


def test_it_writes_phones_in_e164_and_drops_extensions():
    found = contacts.find("Contact: Sarah Sohn, 212-714-2904 x23 or (212) 966-5932 x 213, 206.695.7639")
    assert found.phones == ("+12127142904", "+12129665932", "+12066957639")


def test_it_rejects_phone_like_numbers_that_are_not_phones():
    text = "Viewed 4.6 Million times on 2017-02-09 and 02/09/2017. Seattle, WA 98144. 13,846 voters."
    assert contacts.find(text).phones == ()


@pytest.mark.parametrize(
    "text",
    [
        "Call (312) 555-0100 today",
        "Hotline: +1 312 555 0100.",
        "Línea: 1-800-555-0102, de lunes a sábado",
        "Text 312.555.0100 or 773-555-0101 x 4",
        "Ring +44 20 7946 0958 or 0800 123 4567 in London",
        "Llame al 312 - 555 - 0100",
        "Numbers 312-555-01000 and A312-555-0100 and 2026/312/555/0100",
    ],
)
def test_the_quick_north_american_path_agrees_with_the_matcher(text):
    slow = []
    for match in phonenumbers.PhoneNumberMatcher(text, "US"):
        slow.append(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
    assert contacts.find(text).phones == tuple(dict.fromkeys(slow))


_DIGITS = st.sampled_from("0123456789" * 6 + "٣٤٥٦")  # now and then an Arabic-Indic digit
_TEN_DIGITS = st.one_of(
    st.lists(_DIGITS, min_size=10, max_size=10),
    st.lists(_DIGITS, min_size=7, max_size=7).map(lambda d: ["0", "1", "1", *d]),  # the dialling-out prefix
)


@given(
    st.sampled_from(["", "1", "1-", "1 ", "1.", "+1", "+1 ", "+1-"]),
    _TEN_DIGITS,
    st.sampled_from(["({}) {}-{}", "({}){}-{}", "{}-{}-{}", "{}.{}.{}", "{} {} {}"]),
)
def test_the_quick_path_reads_a_number_as_phonenumbers_parses_it(prefix, digits, shape):
    candidate = prefix + shape.format("".join(digits[:3]), "".join(digits[3:6]), "".join(digits[6:]))
    assert contacts._NANP.fullmatch(candidate)
    try:  # after '011' may come no country's code
        number = phonenumbers.parse(candidate, "US")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number_for_region(number, "US"):
        assert contacts._us_number(candidate) is None
    else:
        assert contacts._us_number(candidate) == phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.E164
        )


def test_it_finds_a_number_in_a_very_long_line():
    line = "word " * 2000 + "call +1 (312) 555-0100 ext. 7 " + "word " * 2000
    assert contacts.find(line).phones == ("+13125550100",)


def test_money_and_clock_times_are_not_read_as_numbers():
    assert contacts.find("Salary $52,000–$58,000, 12:00–1:00 p.m., 8:00 a 15:00 h").phones == ()


def test_it_keeps_a_number_once_per_item():
    assert contacts.find("Call 503-360-0324, again: 503-360-0324").phones == ("+15033600324",)


def test_it_finds_emails_without_trailing_punctuation():
    found = contacts.find(
        "write votingrights@aaldef.org. or (charleschen.esq@gmail.com) and PUboard@pueblo.org"
    )
    assert found.emails == ("votingrights@aaldef.org", "charleschen.esq@gmail.com", "PUboard@pueblo.org")


def test_it_finds_links_with_scheme_www_and_bare_domains():
    text = "See https://www.rvfb.org/, www.aaldef.net. Learn more at acrs.org and kcba.org."
    assert contacts.find(text).urls == ("https://www.rvfb.org/", "www.aaldef.net", "acrs.org", "kcba.org")


def test_it_does_not_take_email_domains_or_file_names_for_links():
    found = contacts.find("Mail lizaj@acrs.org or open flyer.pdf, e.g. the U.S. form.")
    assert found.urls == ()


def test_it_keeps_a_balanced_bracket_inside_a_link():
    assert contacts.find("(see https://x.org/a_(b))").urls == ("https://x.org/a_(b)",)


def test_it_names_the_network_of_a_handle_when_the_text_says_it():
    found = contacts.find("The police unveiled Twitter in Spanish, @ChicagoPD_Vivo. Mural by @onesevennine.")
    assert found.handles == (Handle("@ChicagoPD_Vivo", "twitter"), Handle("@onesevennine", None))


def test_it_does_not_take_an_email_or_a_spaced_at_sign_for_a_handle():
    assert contacts.find("The Food Bank @ St Mary's, info@bank.org").handles == ()


def test_it_sees_references_to_attachments_in_english_spanish_and_polish():
    assert contacts.refers_to_attachment("Resolution (attached to this email)")
    assert contacts.refers_to_attachment("Ver el documento adjunto.")
    assert contacts.refers_to_attachment("Informacje w załączniku.")


def test_it_does_not_take_a_request_for_files_for_an_attachment():
    assert not contacts.refers_to_attachment("Incluya los siguientes archivos adjuntos: currículum")
    assert not contacts.refers_to_attachment("Call 312-660-1370 to schedule an appointment.")


def test_it_stays_linear_on_pathological_input():
    text = ("a" * 200_000) + ("a." * 50_000) + ("@" * 1000) + ("1-" * 20_000)
    with no_hang(60, "pathological contacts"):
        assert contacts.find(text).phones == ()


@given(st.text())
def test_it_never_raises(text):
    found = contacts.find(text)
    assert all(p.startswith("+") for p in found.phones)
    contacts.refers_to_attachment(text)
