from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated
from rest_framework.permissions import BasePermission
from rest_framework_api_key.permissions import KeyParser

from api.models import PartnerAPIKey

KEYWORD = "Api-Key"


class PartnerKeyAuthentication(BaseAuthentication):
    """`Authorization: Api-Key <key>`. A revoked, expired or unknown key, or one whose
    partner is inactive, is refused on the very next request: keys are checked against
    the database every time, never cached."""

    parser = KeyParser()

    def authenticate(self, request):
        key = self.parser.get(request)
        if not key:
            if request.META.get("HTTP_AUTHORIZATION"):
                raise AuthenticationFailed(f"Send the key as: Authorization: {KEYWORD} <key>")
            return None
        try:
            api_key = PartnerAPIKey.objects.authenticate(key)
        except PartnerAPIKey.DoesNotExist:
            raise AuthenticationFailed("This API key is not valid, or has been revoked.") from None
        api_key.record_use()
        return (None, api_key)

    def authenticate_header(self, request):
        return KEYWORD


class HasPartnerKey(BasePermission):
    def has_permission(self, request, view):
        if not isinstance(request.auth, PartnerAPIKey):
            raise NotAuthenticated(f"Send your partner key as: Authorization: {KEYWORD} <key>")
        return True
