"""Machine translation against a tiny real LibreTranslate-compatible server running in a thread."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from puente.catalog.models import Translation
from puente.public import factories, translate

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def do_POST(self):
        payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Handler.requests.append(payload)
        if payload["target"] == "xx":
            return self.answer(400, {"error": "unsupported target"})
        self.answer(200, {"translatedText": f"[{payload['target']}] {payload['q'].upper()}"})

    def answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # port 0: a free port for each xdist worker
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Handler.requests = []
    settings.TRANSLATE_URL = f"http://127.0.0.1:{httpd.server_address[1]}/"
    settings.TRANSLATE_API_KEY = "k"
    yield Handler
    httpd.shutdown()
    httpd.server_close()


def test_it_translates_text_through_the_server(server):
    assert translate.translate("hello", "en", "zh-hans") == "[zh] HELLO"
    assert server.requests[0] == {
        "q": "hello",
        "source": "en",
        "target": "zh",
        "format": "text",
        "api_key": "k",
    }


def test_it_reports_a_server_error(server):
    with pytest.raises(translate.TranslationUnavailable, match="unsupported"):
        translate.translate("hello", "en", "xx")


def test_it_is_off_without_a_url(settings):
    settings.TRANSLATE_URL = ""
    assert not translate.enabled()
    with pytest.raises(CommandError, match="PUENTE_TRANSLATE_URL"):
        call_command("translate", "--missing")


def test_the_command_fills_missing_translations_and_keeps_peoples_work(server):
    item = factories.item(title="Clinic", body="Saturday")
    factories.translation(item, "es", "Clínica", "Sábado", machine=False)
    call_command("translate", "--missing", "--language", "es", "--language", "pl")
    assert Translation.objects.get(item=item, language="es").title == "Clínica"
    machine = Translation.objects.get(item=item, language="pl")
    assert (machine.title, machine.body, machine.machine) == ("[pl] CLINIC", "[pl] SATURDAY", True)
    assert machine.source_hash == item.source_hash


def test_it_redoes_outdated_machine_translations_only(server):
    item = factories.item(title="Clinic", body="Saturday")
    call_command("translate", "--missing", "--language", "ar")
    call_command("translate", "--missing", "--language", "ar")
    assert len(server.requests) == 2  # title and body once: the second run had nothing to do
    item.body = "Sunday"
    item.save()
    call_command("translate", "--missing", "--language", "ar")
    assert Translation.objects.get(item=item, language="ar").body == "[ar] SUNDAY"
