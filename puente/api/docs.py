"""Ninja's Swagger page with its assets served by us: no request ever leaves for a CDN."""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path

import ninja
from django.http import FileResponse, Http404
from django.shortcuts import render
from ninja.openapi.docs import Swagger

ASSETS = Path(ninja.__file__).parent / "static" / "ninja"
ALLOWED = {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js", "favicon.png"}


class LocalSwagger(Swagger):
    def render_page(self, request, api, **kwargs):
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings), "api": api}
        return render(request, "api/docs.html", context)


def asset(request, name: str):
    if name not in ALLOWED:
        raise Http404
    response = FileResponse((ASSETS / name).open("rb"), content_type=mimetypes.guess_type(name)[0])
    response["Cache-Control"] = "public, max-age=86400"
    return response
