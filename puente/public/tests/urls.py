"""Only the public site's routes, as the project mounts them: tests here do not depend on other apps."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [path("i18n/setlang/", set_language, name="set_language")]
urlpatterns += i18n_patterns(
    path("search/", include("puente.search.urls")),
    path("", include("puente.public.urls")),
    prefix_default_language=True,
)
