"""Hostile and arbitrary input: extraction never raises, readers fail only with a clear ReadError.

No timing assertions: a pathological case that went quadratic would make these tests hang, which
is the signal; the benchmark measures speed.
"""

from __future__ import annotations

import os
import random
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from puente.extract import KINDS, ReadError, extract, read
from puente.extract.html import html_to_text
from puente.extract.normalise import normalise

REFERENCE = date(2026, 11, 25)
# Pieces that steer the generated text into the paths newsletters take: headings, bullets, dates.
PIECES = [
    "\n", "\n\n", "• ", "· ", "- ", "1. ", "IV. ", "a. ", "\u00a0", "Dec. 3", "3 de diciembre", "6–7:30 p.m.",
    "noon", "ET", "(773) 555-0142", "info@example.org", "https://x.example.org/a", "@handle", "(ICE)",
    "Join us", "RSVP", "Donate", "We are hiring", "Tomorrow", "el sábado", "godz. 18:00", "“", "”", ":",
]  # fmt: skip
newsletter_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)


def assert_sane(text: str, items) -> None:
    doc = normalise(text)
    for item in items:
        assert 0 <= item.start <= item.end <= len(doc)
        assert item.text == doc[item.start : item.end].strip()
        assert item.kind in KINDS
        for event in item.events:
            assert event.start is None or date.fromisoformat(event.start[:10])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), newsletter_like))
def test_it_never_raises_on_arbitrary_text_and_keeps_spans_inside_it(text):
    assert_sane(text, extract(text, REFERENCE))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["", "x.txt", "x.html", "x.eml", "x.mbox", "noext"]))
def test_it_reads_arbitrary_bytes_or_raises_read_error_only(data, name):
    try:
        docs = read(data, name)
    except ReadError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(isinstance(d.text, str) for d in docs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["<", ">", "</", "<!--", "-->", "<p>", "<li>", "<a href='http://x'>", "&", "&#"])
                | st.text(max_size=5), max_size=80).map("".join))  # fmt: skip
def test_it_turns_arbitrary_markup_into_text(html):
    text, _ = html_to_text(html)
    assert isinstance(text, str)


@pytest.mark.slow
def test_it_finishes_a_10_mb_single_line():
    rng = random.Random(7)
    words = "neighbors gather every week share food stories advice housing schools work December 3 library".split()
    line = " ".join(rng.choice(words) for _ in range(1_700_000))[: 10 * 1024 * 1024 - 1]
    [doc] = read(line.encode(), "one-line.txt")
    assert_sane(doc.text, extract(doc.text, REFERENCE))


@pytest.mark.parametrize(
    "bomb",
    [
        "<div>" * 100_000 + "deep" + "</div>" * 100_000,
        "<ul><li>" * 50_000 + "deep",
        "<!--" * 100_000,
        "</" * 100_000,
        "<p " * 100_000,
        "<span style='display:none'>" * 100_000 + "hidden",
    ],
    ids=[
        "nested-divs",
        "nested-lists",
        "unclosed-comments",
        "stray-end-tags",
        "unclosed-attributes",
        "hidden",
    ],
)
def test_it_reads_a_deeply_nested_or_broken_html_bomb(bomb):
    [doc] = read(bomb.encode(), "bomb.html")
    assert len(doc.text) <= len(bomb) + 1  # no blow-up of the output either (indentation is capped)


def test_it_reads_nested_html_to_its_text():
    [doc] = read(("<div>" * 100_000 + "deep" + "</div>" * 100_000).encode(), "bomb.html")
    assert doc.text == "deep\n"


def test_it_refuses_a_mime_bomb_in_one_line():
    data = b'From: a@example.org\nSubject: bomb\nContent-Type: multipart/mixed; boundary="b0"\n\n'
    data += b"".join(
        b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i - 1, i) for i in range(1, 3000)
    )
    with pytest.raises(ReadError, match="nest too deeply") as exc:
        read(data + b"--b2999\nContent-Type: text/plain\n\nhello\n", "bomb.eml")
    assert "\n" not in str(exc.value)


def test_it_refuses_binary_junk():
    with pytest.raises(ReadError, match="not text"):
        read(random.Random(1).randbytes(5000), "junk.txt")


def test_it_reads_what_it_can_of_a_malformed_email():
    data = b'Subject: Clinic =?utf-8?b?broken\nFrom: <<<>>>\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n'
    data += b"Content-Type: text/plain\n\nFree clinic on December 12.\n--b\nContent-Type: application/pdf\n"
    data += b"Content-Disposition: attachment; filename=flyer.pdf\nContent-Transfer-Encoding: base64\n\n%%%\n"
    [doc] = read(data, "broken.eml")
    assert "Free clinic on December 12." in doc.text
    assert [a.filename for a in doc.attachments] == ["flyer.pdf"]


def test_it_refuses_oversized_input():
    with pytest.raises(ReadError, match="the limit is"):
        read(b"x" * (10 * 1024 * 1024 + 1), "huge.txt")


def test_it_refuses_oversized_input_by_a_custom_limit():
    with pytest.raises(ReadError, match="1,024"):
        read(os.urandom(2048), "x.bin", max_bytes=1024)
