"""/api/hsds/: the HSDS export as JSON tables and as a zipped CSV data package."""

from __future__ import annotations

import io
import json
import zipfile

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse

from . import hsds


def index(request):
    tables = {name: request.build_absolute_uri(reverse("hsds_table", args=[name])) for name in hsds.TABLES}
    return JsonResponse(
        {"hsds_version": "3.0", "tables": tables, "csv": request.build_absolute_uri(reverse("hsds_csv"))}
    )


def table(request, table: str):
    if table == "organizations":
        data = hsds.organizations()
    elif table == "services":
        data = hsds.services()
    elif table in hsds.TABLES:
        data = hsds.flat_tables()[table]
    else:
        raise Http404
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


def csv_package(request):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(hsds.datapackage(), indent=1))
        for name, text in hsds.csv_files().items():
            archive.writestr(name, text)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="puente-hsds.zip"'
    return response
