"""PDFs are made in memory and never fetch anything, even when a template asks them to."""

from __future__ import annotations

import socket

import pytest

from puente.safety.pdf import STATIC, LocalOnlyFetcher, render_pdf


def test_it_refuses_urls_outside_the_app():
    fetcher = LocalOnlyFetcher()
    for url in ("http://example.org/x.png", "https://127.0.0.1/x.css", "file:///etc/passwd", "ftp://x/y"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_it_allows_inline_data_and_its_own_static_files():
    fetcher = LocalOnlyFetcher()
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    assert fetcher.fetch((STATIC / "pdf.css").as_uri()).read().startswith(b"/*")


def test_it_renders_without_connecting_anywhere():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        port = listener.getsockname()[1]
        html = (
            f'<link rel="stylesheet" href="http://127.0.0.1:{port}/a.css">'
            f'<p>Hola</p><img src="http://127.0.0.1:{port}/b.png">'
            f'<style>@import url("http://127.0.0.1:{port}/c.css");</style>'
        )
        data = render_pdf(html)
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert data.startswith(b"%PDF")
