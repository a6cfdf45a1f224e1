"""Uploading a newsletter from the desk, and serving kept attachments safely."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from puente.accounts.roles import is_editor
from puente.catalog.models import Attachment, Item
from puente.review.forms import UploadForm
from puente.review.views import editors_only

from .store import Ingestor, TooLarge


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Keeps at most MAX_DOCUMENT_BYTES of an upload on disk but still counts its full size,
    so a 50 MB file is refused with a clear message without 50 MB ever being written."""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > settings.MAX_DOCUMENT_BYTES:
            return None  # dropped; Django still adds the chunk to the file's size
        return super().receive_data_chunk(raw_data, start)


@csrf_exempt  # the token is checked below, once the upload handlers are in place
def upload(request: HttpRequest) -> HttpResponse:
    request.upload_handlers = [LimitedUploadHandler(request)]
    return _upload(request)


@csrf_protect
@editors_only
def _upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = Ingestor(form.cleaned_data["source"]).ingest_bytes(upload.read(), upload.name)
        except TooLarge as exc:
            form.add_error("file", str(exc))
        else:
            if summary.unchanged and not (summary.new or summary.failed or summary.updated):
                messages.info(request, _("This newsletter was already here; nothing changed."))
            else:
                messages.success(
                    request,
                    _("Stored. %(items)d items found; they wait for review.") % {"items": summary.items},
                )
            if len(summary.documents) == 1:
                return redirect("review:document", pk=summary.documents[0])
            return redirect("review:desk")
    context = {"form": form, "limit_mb": settings.MAX_DOCUMENT_BYTES // 1_000_000}
    return render(request, "ingest/upload.html", context, status=400 if form.errors else 200)


def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """A file from a newsletter: only when an item that refers to it is published (or for staff)."""
    att = Attachment.objects.filter(pk=pk).select_related("document").first()
    if att is None:
        raise Http404
    public = Item.objects.published().filter(document_id=att.document_id, refers_to_attachment=True).exists()
    if not (public or is_editor(request.user)):
        raise Http404
    response = FileResponse(att.file.open("rb"), as_attachment=True, filename=att.filename)
    response["Content-Type"] = att.content_type  # sniffed from the bytes when it was stored
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
