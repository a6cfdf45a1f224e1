"""Partner API tokens: we keep only a SHA-256 of the token, shown once when issued."""

from __future__ import annotations

import hashlib
import secrets

from ninja.security import HttpBearer

from puente.accounts.models import Profile


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(profile: Profile) -> str:
    """A new token for a partner; the previous one stops working."""
    token = secrets.token_urlsafe(32)
    profile.api_token_hash = token_hash(token)
    profile.save(update_fields=["api_token_hash"])
    return token


class PartnerToken(HttpBearer):
    def authenticate(self, request, token: str):
        if not token or len(token) > 200:
            return None
        profile = (
            Profile.objects.select_related("user", "organization")
            .filter(api_token_hash=token_hash(token), role=Profile.PARTNER, user__is_active=True)
            .first()
        )
        return profile.user if profile and profile.organization_id else None
