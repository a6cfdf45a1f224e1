from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from puente.accounts.models import Profile
from puente.api.auth import issue


class Command(BaseCommand):
    help = "Issue a new API token for a partner (shown once; the old one stops working)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        profile = getattr(user, "profile", None) if user else None
        if profile is None or profile.role != Profile.PARTNER or profile.organization_id is None:
            raise CommandError(f"{username} is not a partner with an organization")
        self.stdout.write(issue(profile))
