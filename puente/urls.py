"""Top-level routes. Pages for people are under a language prefix (/es/…); machine routes are not."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/", include("puente.api.urls")),
    path("feeds/", include("puente.api.feed_urls")),
]

urlpatterns += i18n_patterns(
    path(f"{settings.ADMIN_PATH}/", admin.site.urls),
    path("desk/ingest/", include("puente.ingest.urls")),
    path("desk/dashboard/", include("puente.dashboard.urls")),
    path("desk/", include("puente.review.urls")),
    path("subscribe/", include("puente.digests.urls")),
    path("safety/", include("puente.safety.urls")),
    path("search/", include("puente.search.urls")),
    path("", include("puente.public.urls")),
    prefix_default_language=True,
)
