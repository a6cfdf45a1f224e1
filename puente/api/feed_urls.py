"""/feeds/: Atom feeds of published items and iCalendar feeds of events."""

from django.urls import path

from . import feeds

app_name = "feeds"
urlpatterns = [
    path("<str:language>/items.atom", feeds.ItemsFeed(), name="items"),
    path("<str:language>/topics/<slug:topic>.atom", feeds.ItemsFeed(), name="topic"),
    path("<str:language>/kinds/<slug:kind>.atom", feeds.ItemsFeed(), name="kind"),
    path("events.ics", feeds.calendar, name="events_ics"),
    path("topics/<slug:topic>/events.ics", feeds.calendar, name="topic_events_ics"),
]
