"""Signing in to the desk: Django's views with Puente's templates; django-axes locks out guessing."""

from __future__ import annotations

from django.contrib.auth.views import LoginView


class DeskLoginView(LoginView):
    template_name = "review/login.html"
    redirect_authenticated_user = True
