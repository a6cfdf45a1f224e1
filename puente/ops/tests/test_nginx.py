"""deploy/nginx.conf, run for real in front of a live Puente: public pages cached, personal ones never."""

import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import need

ROOT = Path(__file__).resolve().parents[3]
NGINX = Path("/usr/sbin/nginx")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def proxy(live_server):
    need(NGINX.exists(), "nginx is not installed (apt-get install nginx-light)")
    from benchmarks.site import free_port, proxy_config

    port = free_port()
    # Outside pytest's private tmp folders: nginx's workers run as nobody and write the cache here.
    holder = tempfile.TemporaryDirectory(prefix="puente-nginx-")
    run = Path(holder.name)
    run.chmod(0o777)
    conf = run / "nginx.conf"
    conf.write_text(proxy_config(live_server.url.split("//")[1], port, run))
    proc = subprocess.Popen([str(NGINX), "-p", str(run), "-c", str(conf), "-g", "daemon off;"])  # noqa: S603
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/static/", timeout=1)  # noqa: S310
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    holder.cleanup()


def get(url: str, cookie: str = "") -> tuple[str, dict]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our loopback nginx)
        return response.read().decode(), dict(response.headers)


def test_it_caches_public_pages_for_anonymous_visitors(proxy):
    _, first = get(proxy + "/en/events/")
    _, second = get(proxy + "/en/events/")
    assert first["X-Cache"] in ("MISS", "EXPIRED") and second["X-Cache"] == "HIT"
    assert "unsafe-inline" not in second["Content-Security-Policy"]  # Puente's headers come along
    assert second["Referrer-Policy"] == "no-referrer"


def test_it_never_caches_for_someone_signed_in(proxy):
    get(proxy + "/en/events/")
    _, personal = get(proxy + "/en/events/", cookie="sessionid=abc")
    assert personal["X-Cache"] == "BYPASS"


def test_it_never_caches_search_or_the_safety_plan(proxy):
    for path in ("/en/search/?q=clinic", "/en/safety/plan/"):
        get(proxy + path)
        _, again = get(proxy + path)
        assert again["X-Cache"] != "HIT", path
