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
            "description": (
                "Your partner key. Every request sends it in the `Authorization` header, "
                "after the word `Api-Key` and a space: `Authorization: Api-Key <key>`. "
                "Here, paste the key alone: this page adds `Api-Key ` for you."
            ),
        }


ERRORS_SCHEMA = {
    "type": "object",
    "required": ["errors"],
    "properties": {
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["message"],
                "properties": {
                    "param": {"type": "string", "description": "The query parameter at fault."},
                    "message": {"type": "string"},
                },
            },
        }
    },
}
ERROR_RESPONSES = {
    "400": "A query parameter is not valid; `param` names it.",
    "401": "No key, or a key that is not valid or has been revoked.",
    "403": "Your key's scope does not include this kind of content.",
    "404": "No such item, or not one your key may see; or a page past the last.",
    "429": "Too many requests: wait the number of seconds in `Retry-After`.",
}
NOT_MODIFIED = {"description": "Not modified since your `If-None-Match` / `If-Modified-Since`."}


def document_errors(result, generator, request, public):
    """drf-spectacular postprocessing hook: every feed operation's error responses,
    and the 304 of conditional requests."""
    result.setdefault("components", {}).setdefault("schemas", {})["Errors"] = ERRORS_SCHEMA
    for path, operations in result.get("paths", {}).items():
        if path in ("/api/v1/",):
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("304", NOT_MODIFIED)
            for status, description in ERROR_RESPONSES.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}
                        },
                    },
                )
    return result
