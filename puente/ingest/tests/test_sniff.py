"""Attachment types come from the bytes, never from the name the sender gave."""

import io
import zipfile

from puente.ingest.sniff import safe_filename, sniff


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name in names:
            z.writestr(name, "x")
    return buffer.getvalue()


def test_it_recognises_documents_and_images_by_magic_bytes():
    assert sniff(b"%PDF-1.7\n...") == "application/pdf"
    assert sniff(b"\x89PNG\r\n\x1a\n\x00\x00") == "image/png"
    assert sniff(b"\xff\xd8\xff\xe0JFIF") == "image/jpeg"
    assert sniff(b"GIF89a\x01\x00") == "image/gif"
    assert sniff(b"RIFF\x10\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff(b"Horario: lunes a viernes\n") == "text/plain"


def test_it_tells_word_files_from_plain_zips():
    assert sniff(_zip("[Content_Types].xml", "word/document.xml")).endswith("wordprocessingml.document")
    assert sniff(_zip("flyer.pdf")) == "application/zip"


def test_it_refuses_executables_whatever_their_name():
    assert sniff(b"MZ\x90\x00\x03") is None
    assert sniff(b"\x7fELF\x02\x01") is None
    assert sniff(b"#!/bin/sh\nrm -rf /\n") is None
    assert sniff(_zip("invoice.pdf.exe")) is None


def test_it_refuses_unknown_binary():
    assert sniff(b"\x00\x01\x02\x03binary") is None
    assert sniff(b"") is None


def test_it_names_downloads_by_what_they_are():
    assert safe_filename("flyer.pdf.exe", "application/pdf") == "flyerpdf.pdf"
    assert safe_filename("../../etc/passwd", "text/plain") == "passwd.txt"
