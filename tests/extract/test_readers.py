"""Readers: bytes of .txt, .html, .eml and .mbox to SourceDocuments, on the sample files and small cases."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from puente.extract import ReadError, read
from puente.extract.html import html_to_text
from puente.extract.readers import detect

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


# -- plain text -----------------------------------------------------------------------------------


def test_it_reads_utf8_text_as_written():
    [doc] = read("Taller “Conoce tus derechos”\n".encode(), "boletin.txt")
    assert doc.text == "Taller “Conoce tus derechos”\n"
    assert doc.format == "text" and doc.source == "boletin.txt"


def test_it_reads_utf16_with_a_bom():
    [doc] = read("Zażółć gęślą jaźń".encode("utf-16"), "pl.txt")
    assert doc.text == "Zażółć gęślą jaźń"


def test_it_reads_utf16_without_a_bom():
    [doc] = read("Clinic on Dec. 3".encode("utf-16-le"), "note.txt")
    assert doc.text == "Clinic on Dec. 3"


def test_it_falls_back_to_windows_1252():
    [doc] = read("Año “nuevo” – café".encode("cp1252"), "viejo.txt")
    assert doc.text == "Año “nuevo” – café"


def test_it_strips_a_utf8_bom():
    [doc] = read(b"\xef\xbb\xbfHello", "bom.txt")
    assert doc.text == "Hello"


def test_it_refuses_binary_junk_with_nul_bytes():
    with pytest.raises(ReadError, match="not text"):
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "flyer.txt")


def test_it_names_a_pdf_dropped_by_mistake():
    pdf = read(SAMPLES.joinpath("peachtree-immigrant-alliance-2026-11-30.eml").read_bytes(), "x.eml")[
        0
    ].attachments[0]
    with pytest.raises(
        ReadError, match="^flyer.pdf is not text: it is a PDF; Puente reads text, HTML, e-mail and mbox$"
    ):
        read(pdf.data, "flyer.pdf")


def test_it_refuses_control_character_soup_without_nuls():
    junk = bytes(range(1, 32)) * 50
    with pytest.raises(ReadError, match="not text"):
        read(junk, "junk.txt")


def test_it_refuses_oversized_input_with_the_sizes_in_one_line():
    with pytest.raises(ReadError) as exc:
        read(b"a" * 101, "big.txt", max_bytes=100)
    assert str(exc.value) == "big.txt is 101 bytes; the limit is 100"


def test_it_refuses_empty_input():
    with pytest.raises(ReadError, match="empty"):
        read(b"  \n", "blank.txt")


# -- detection ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"<p>hi</p>", "page.HTM", "html"),
        (b"plain words", "note", "text"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "download", "html"),
        (b"From: a@example.org\nSubject: hi\n\nbody", "message", "email"),
        (b"From a@example.org Mon Dec 7 09:30:00 2026\nFrom: a@example.org\nSubject: x\n\nb", "box", "mbox"),
        (b"Subject: only one header\n\nbody", "", "text"),
        (b"From: a@example.org\nSubject: hi\n\nbody", "letter.txt", "text"),
    ],
)
def test_it_detects_the_format_by_name_then_content(data, name, kind):
    assert detect(data, name) == kind


# -- HTML -----------------------------------------------------------------------------------------


def test_it_keeps_headings_on_their_own_lines_between_blank_lines():
    text, _ = html_to_text("<div>Intro text<h2>Lobby Day</h2>Tuesday, January 26</div>")
    assert "Intro text\n\nLobby Day\n\nTuesday, January 26" in text


def test_it_writes_list_items_as_bullets_and_numbers():
    text, _ = html_to_text("<ul><li>one</li><li><p>two</p></li></ul><ol type='I'><li>a</li><li>b</li></ol>")
    assert text == "• one\n• two\n\nI. a\nII. b\n"


def test_it_separates_paragraph_long_list_entries_by_a_blank_line():
    long = "Tracks state legislation on licenses and tuition; meets monthly on Zoom with partners."
    text, _ = html_to_text(
        f"<ol type='i'><li>{long}</li><li>{long}</li></ol><ul><li>short</li><li>fact</li></ul>"
    )
    assert text == f"i. {long}\n\nii. {long}\n\n• short\n• fact\n"


def test_it_keeps_a_link_target_unless_the_text_already_shows_it():
    text, _ = html_to_text(
        '<p><a href="https://x.example.org/rsvp">RSVP here</a>, <a href="https://x.example.org">x.example.org</a>,'
        ' <a href="/about">about</a>, <a href="mailto:hi@x.example.org">write</a></p>'
    )
    assert text == "RSVP here (https://x.example.org/rsvp), x.example.org, about, write (hi@x.example.org)\n"


def test_it_drops_scripts_styles_comments_and_hidden_blocks():
    text, title = html_to_text(
        "<html><head><title>Boletín &amp; más</title><style>p{}</style></head><body>"
        "<script>var a = '<p>no</p>';</script><!-- no --><div style='display: none'>preheader <b>no</b></div>"
        "<p>Sí &mdash; visible&nbsp;text</p></body></html>"
    )
    assert text == "Sí — visible\u00a0text\n"
    assert title == "Boletín & más"


def test_it_reads_the_html_sample_with_its_structure():
    [doc] = read(sample("northstar-refugee-bulletin-2026-12.html"), "northstar-refugee-bulletin-2026-12.html")
    assert doc.format == "html" and doc.html and doc.html.startswith("<!DOCTYPE html>")
    assert doc.subject == "NorthStar Refugee Partnership — Member Bulletin, December 2026"
    assert "\n\nWebinar: Understanding the Asylum Backlog\n\nTuesday, January 12, 2027" in doc.text
    assert "ii. Housing Committee." in doc.text
    assert "Register now (https://northstarrp.example.org/webinar)" in doc.text
    assert "tracking pixel" not in doc.text and "dataLayer" not in doc.text


def test_it_honours_a_declared_charset_in_html():
    html = '<meta charset="windows-1252"><p>Año nuevo</p>'.encode("cp1252")
    [doc] = read(html, "viejo.html")
    assert doc.text == "Año nuevo\n"


# -- e-mail ---------------------------------------------------------------------------------------


def test_it_reads_an_email_with_its_headers_and_pdf_attachment():
    [doc] = read(sample("peachtree-immigrant-alliance-2026-11-30.eml"), "peachtree.eml")
    assert doc.format == "email"
    assert doc.source == "Peachtree Immigrant Alliance <news@peachtreealliance.example.org>"
    assert doc.date == "2026-11-30T10:15:00-05:00"
    assert doc.subject == "Monthly Update: our statement on HB 1105, Lobby Day, Giving Tuesday"
    assert doc.message_id == "2026-11-30.monthly@peachtreealliance.example.org"
    [pdf] = doc.attachments
    assert (pdf.filename, pdf.content_type) == ("lobby-day-2027-flyer.pdf", "application/pdf")
    assert pdf.data.startswith(b"%PDF") and pdf.size == len(pdf.data)


def test_it_prefers_the_plain_text_body_and_keeps_the_html_beside_it():
    [doc] = read(sample("peachtree-immigrant-alliance-2026-11-30.eml"), "peachtree.eml")
    assert doc.text.startswith("Peachtree Immigrant Alliance — Monthly Update")
    assert "<h2>" not in doc.text and doc.html and "<h2>" in doc.html


def test_it_reads_an_html_only_email_through_the_html_reader():
    [doc] = read(sample("frontera-viva-enero-2027.eml"), "frontera.eml")
    assert doc.source == "Frontera Viva Arizona <boletin@fronteraviva.example.org>"
    assert doc.date == "2027-01-04T08:00:00-07:00"
    assert "\n\nFeria de recursos para familias mixtas\n\nSábado 16 de enero" in doc.text
    assert "• Renovación de DACA" in doc.text
    [png] = doc.attachments
    assert png.content_type == "image/png" and png.data.startswith(b"\x89PNG")


def test_it_detects_an_email_without_an_extension():
    [doc] = read(sample("frontera-viva-enero-2027.eml"), "message")
    assert doc.format == "email" and doc.subject.startswith("Noticias de enero")


def test_it_still_reads_a_malformed_email():
    data = (
        b"From: =?utf-8?q?broken <nobody\n"
        b"Date: the day after tomorrow\n"
        b"Subject: Clinic\n"
        b"Content-Type: text/plain; charset=no-such-charset\n"
        b"Content-Transfer-Encoding: base64\n\n"
        b"Q2xpbmljIG9uIERlYy4gMw==!!not base64"
    )
    [doc] = read(data, "broken.eml")
    assert doc.subject == "Clinic" and doc.date is None
    assert "Clinic" in doc.text or doc.text == ""


def test_it_reads_an_email_in_a_legacy_charset():
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "a@example.org", "Año nuevo"
    msg.set_content("Feliz año nuevo – clínica el 16 de enero", charset="windows-1252")
    [doc] = read(bytes(msg), "legacy.eml")
    assert doc.text.strip() == "Feliz año nuevo – clínica el 16 de enero"


def test_it_shows_a_forwarded_newsletter_inline_after_the_note():
    inner = EmailMessage()
    inner["From"], inner["Subject"] = "Casa Luz <news@casaluz.example.org>", "Casa Luz Weekly"
    inner["Date"] = "Mon, 23 Nov 2026 08:00:00 -0600"
    inner.set_content((SAMPLES / "casa-luz-weekly-2026-11-23.txt").read_text(encoding="utf-8"))
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "Ana <ana@partner.example.org>", "Fwd: Casa Luz Weekly"
    outer.set_content("FYI, worth sharing with our families.")
    outer.add_attachment(inner)
    [doc] = read(bytes(outer), "fwd.eml")
    note, forwarded = doc.text.split("---------- Forwarded message ----------\n")
    assert note.strip() == "FYI, worth sharing with our families."
    assert forwarded.startswith("From: Casa Luz <news@casaluz.example.org>\nDate: Mon, 23 Nov 2026")
    assert "\n\nKnow Your Rights Night at Lozano Library\n\n" in forwarded
    assert doc.source == "Ana <ana@partner.example.org>" and doc.attachments == ()


def test_it_refuses_a_binary_file_named_eml():
    with pytest.raises(ReadError, match="not text"):
        read(b"\x00\x01\x02binary", "fake.eml")


# -- mbox -----------------------------------------------------------------------------------------


def test_it_reads_every_message_of_an_mbox():
    docs = read(sample("partner-newsletters-2026-12.mbox"), "partners.mbox")
    assert [d.subject for d in docs] == [
        "Weekly Roundup | Dec. 7, 2026",
        "Noticias y oportunidades — noviembre 2026",
        "Holiday hours and Lunar New Year",
    ]
    assert [d.date[:10] for d in docs] == ["2026-12-07", "2026-11-20", "2026-12-15"]


def test_it_unquotes_from_lines_inside_mbox_bodies():
    hanul = read(sample("partner-newsletters-2026-12.mbox"), "partners.mbox")[2]
    assert "\nFrom January 4 we are open again" in hanul.text
    assert ">From" not in hanul.text


def test_it_decodes_each_mbox_message_in_its_own_charset():
    esperanza = read(sample("partner-newsletters-2026-12.mbox"), "partners.mbox")[1]
    assert "Beca “Raíces” para estudiantes" in esperanza.text


def test_it_does_not_split_an_mbox_on_a_from_line_inside_a_paragraph():
    box = (
        b"From a@example.org Mon Dec  7 09:30:00 2026\nFrom: a@example.org\nSubject: one\n\n"
        b"Hello,\nFrom here we walk to the Capitol.\n\n"
        b"From b@example.org Tue Dec  8 09:30:00 2026\nFrom: b@example.org\nSubject: two\n\nBye\n"
    )
    docs = read(box, "x.mbox")
    assert [d.subject for d in docs] == ["one", "two"]
    assert "From here we walk" in docs[0].text


def test_it_refuses_an_mbox_with_no_messages():
    with pytest.raises(ReadError, match="no messages"):
        read(b"just some words\n", "empty.mbox")
