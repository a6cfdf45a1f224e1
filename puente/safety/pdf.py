"""PDFs rendered in memory with WeasyPrint, never fetching anything from outside the app.

``write_pdf()`` without a target returns bytes: no temporary file ever holds a person's plan.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

STATIC = Path(__file__).resolve().parent / "static" / "safety"


class LocalOnlyFetcher(URLFetcher):
    """Refuses every URL except inline data: and files inside this app's static folder."""

    def fetch(self, url: str, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file://"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if path.is_relative_to(STATIC):
                return super().fetch(url, headers)
        raise ValueError("Puente's PDFs load nothing from outside: refused")


@cache
def stylesheet(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def render_pdf(html: str, stylesheets: tuple[str, ...] = ("pdf.css",)) -> bytes:
    fetcher = LocalOnlyFetcher(allowed_protocols=("data", "file"), allow_redirects=False)
    document = HTML(string=html, base_url=STATIC.as_uri() + "/", url_fetcher=fetcher)
    css = [CSS(string=stylesheet(name), url_fetcher=fetcher) for name in stylesheets]
    return document.write_pdf(stylesheets=css)
