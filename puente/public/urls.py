from django.urls import path

from . import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.choose_language, name="language"),
    path("events/", views.events, name="events"),
    path("events/past/", views.past_events, name="past_events"),
    path("events/month/", views.month, name="month_now"),
    path("events/<int:year>/<int:month>/", views.month, name="month"),
    path("events/<uuid:uid>/", views.event, name="event"),
    path("events/<uuid:uid>.ics", views.event_ics, name="event_ics"),
    path("help/", views.help_index, name="help"),
    path("help/<slug:need>/", views.help_need, name="help_need"),
    path("organizations/", views.organizations, name="organizations"),
    path("organizations/<slug:slug>/", views.organization, name="organization"),
    path("stories/", views.stories, name="stories"),
    path("stories/<slug:slug>/", views.story, name="story"),
    path("get-involved/", views.involved, name="involved"),
    path("items/<uuid:uuid>/", views.item, name="item"),
    path("rights/", views.rights, name="rights"),
    path("rights/<slug:slug>/", views.rights_page, name="rights_page"),
]
