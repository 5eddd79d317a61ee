"""The API's JSON, compressed for clients that accept it (a page of 100 services is
about a tenth of its size gzipped). Only the API: admin pages carry CSRF tokens and
session-bound text, which compression can leak (BREACH)."""

from django.middleware.gzip import GZipMiddleware

JSON_TYPES = ("application/json", "application/x-ndjson", "application/problem+json")


class ApiGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for /api/ JSON only. As Django does, it makes a strong
    ETag weak on a compressed answer; conditional requests match it all the same."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if not request.path_info.startswith("/api/") or content_type not in JSON_TYPES:
            return response
        return super().process_response(request, response)
