from django.urls import path

from . import views

app_name = "ingest"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("attachments/<int:pk>/", views.attachment, name="attachment"),
]
