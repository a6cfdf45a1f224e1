from django.urls import path

from . import views

app_name = "digests"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("check-your-inbox/", views.sent, name="sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("remind/<uuid:uid>/", views.remind, name="remind"),
    path("remind/confirm/<str:token>/", views.reminder_confirm, name="reminder_confirm"),
]
