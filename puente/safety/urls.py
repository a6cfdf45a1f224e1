from django.urls import path

from puente.safety import views

app_name = "safety"
urlpatterns = [
    path("", views.index, name="index"),
    path("plan/", views.plan, name="plan"),
    path("cards/", views.cards, name="cards"),
    path("cards/pdf/", views.cards_pdf, name="cards_pdf"),
]
