from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .auth import DeskLoginView

app_name = "review"
urlpatterns = [
    path("", views.queue, name="desk"),
    path("login/", DeskLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="review:login"), name="logout"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("documents/<int:pk>/approve/", views.approve_document, name="approve_document"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/translations/<str:language>/", views.translation, name="translation"),
    path("items/<int:pk>/<slug:action>/", views.item_action, name="item_action"),
    path("stories/<int:pk>/", views.story, name="story"),
    path("submit/", views.submit, name="submit"),
    path("organization/", views.organization, name="organization"),
    path("organizations/", views.organizations, name="organizations"),
    path("organizations/<slug:slug>/", views.organization, name="organization_edit"),
    path("organizations/<slug:slug>/merge/", views.merge_organization, name="organization_merge"),
    path("organizations/<slug:slug>/reject/", views.reject_organization, name="organization_reject"),
]
