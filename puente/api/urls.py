"""/api/: the JSON API, its OpenAPI description and its documentation page (assets served locally)."""

from django.urls import path

from . import docs, hsds_views
from .api import api

urlpatterns = [
    path("docs/assets/<str:name>", docs.asset, name="api_docs_asset"),
    path("hsds/", hsds_views.index, name="hsds_index"),
    path("hsds/datapackage.zip", hsds_views.csv_package, name="hsds_csv"),
    path("hsds/<str:table>.json", hsds_views.table, name="hsds_table"),
    path("", api.urls),
]
