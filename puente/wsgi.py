import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puente.settings")

from puente.public import fastpath  # noqa: E402  (after the settings module is chosen)

# Cached public pages are answered before Django builds a request (puente/public/fastpath.py).
application = fastpath.wrap(get_wsgi_application())
