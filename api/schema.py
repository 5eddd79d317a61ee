from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_partner_api(endpoints):
    """drf-spectacular preprocessing hook: document the partner API, not the
    Wagtail admin's internal endpoints that share the URL conf."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


class PartnerKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PartnerKeyAuthentication"
    name = "PartnerKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Your partner key, sent as `Authorization: Api-Key <key>`.",
        }
