"""What every /api/oruk/ endpoint shares: anonymous access, CORS, a rate limit per
IP, strict parameters, conditional GETs and a cache of whole responses."""

import hashlib
import json
import uuid

from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from api.conventions import ApiConventions
from api.oruk.pagination import ResultsPage
from api.oruk.params import NoOptions, parse
from api.resources.base import (
    CACHE_CONTROL,
    PAGE_CACHE_SECONDS,
    ClientIPThrottle,
    content_version,
    version_key,
)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    # ETag is not a CORS-safelisted response header: browsers hide it unless named.
    "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit, RateLimit-Policy",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
STREAM_CHUNK = 200


class OrukIPThrottle(ClientIPThrottle):
    scope = "oruk_ip"


class JSONOnly(BaseContentNegotiation):
    """JSON whatever is asked: `format` is the standard's parameter here (json or
    ndjson), not DRF's choice of renderer."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class OrukView(ApiConventions, APIView):
    content_negotiation_class = JSONOnly
    browsable = False
    throttle_classes = [OrukIPThrottle]
    # Described by the standard's openapi.json, not by the partner API's schema.
    schema = None
    options_class = NoOptions
    filterset_class = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            self.params, self.filterset = parse(
                request.query_params, self.options_class, self.filterset_class
            )

    def get(self, request, *args, **kwargs):
        not_modified = self.conditional_response(request)
        if not_modified is not None:
            return not_modified
        # The same URL and content version give the same bytes: a warm 200 skips the
        # database. Any publish makes new ETags, hence new keys; old ones expire.
        key = f"api:oruk:{self.etag}"
        data = cache.get(key)
        if data is None:
            data = self.build(request, *args, **kwargs)
            cache.set(key, data, timeout=PAGE_CACHE_SECONDS)
        return Response(data)

    def build(self, request, *args, **kwargs) -> dict:
        raise NotImplementedError

    def options(self, request, *args, **kwargs):
        """A browser's CORS preflight (sent because of If-None-Match, say)."""
        return HttpResponse(status=204, headers=PREFLIGHT_HEADERS)

    def conditional_response(self, request):
        """A 304 if the client's copy is current, decided before anything is loaded:
        the ETag derives from the change log's latest entry, the latest expiry that has
        passed, and the URL."""
        sequence, modified, lapse = content_version()
        basis = f"oruk|{version_key(sequence, modified)}|{lapse.isoformat() if lapse else ''}|"
        basis += request.build_absolute_uri()
        self.etag = '"' + hashlib.sha256(basis.encode()).hexdigest()[:32] + '"'
        latest = max(filter(None, [modified, lapse]), default=None)
        self.last_modified = int(latest.timestamp()) if latest else None
        return get_conditional_response(
            request._request, etag=self.etag, last_modified=self.last_modified
        )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            if getattr(self, "etag", None):
                response["ETag"] = self.etag
            if getattr(self, "last_modified", None):
                response["Last-Modified"] = http_date(self.last_modified)
            response["Cache-Control"] = CACHE_CONTROL
        return response


class OrukListView(OrukView):
    """A list in the standard's envelope, or every item as NDJSON (`format=ndjson`)."""

    def matching(self):
        """The items, in order: ids from a filtered queryset, or a list."""
        queryset = self.filterset.filter_queryset(self.base_queryset())
        return queryset.values_list("pk", flat=True)

    def base_queryset(self):
        raise NotImplementedError

    def records(self, items) -> list[dict]:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        if self.params.get("format") == "ndjson":
            not_modified = self.conditional_response(request)
            return not_modified or self.stream()
        return super().get(request, *args, **kwargs)

    def build(self, request, *args, **kwargs):
        page = ResultsPage(self.matching(), self.params["page"], self.params["per_page"])
        return page.envelope(self.records(page.items))

    def stream(self):
        """Every match, one record a line, without paging; loaded a chunk at a time."""
        items = list(self.matching())

        def lines():
            for start in range(0, len(items), STREAM_CHUNK):
                for record in self.records(items[start : start + STREAM_CHUNK]):
                    yield json.dumps(record, separators=(",", ":")) + "\n"

        return StreamingHttpResponse(lines(), content_type="application/x-ndjson")


class OrukDetailView(OrukView):
    noun = "item"

    def build(self, request, id):
        try:
            key = uuid.UUID(id.strip())
        except ValueError:
            raise NotFound(f"No such {self.noun}: ids are UUIDs.") from None
        found = self.find(key)
        if found is None:
            raise NotFound(f"No such {self.noun}: {id}.")
        return self.record(found)

    def find(self, key: uuid.UUID):
        """The public item with this id, or None."""
        raise NotImplementedError

    def record(self, found) -> dict:
        raise NotImplementedError


class NotFoundView(OrukView):
    """Any other path under /api/oruk/: a JSON 404 rather than a page."""

    def initial(self, request, *args, **kwargs):
        APIView.initial(self, request, *args, **kwargs)
        raise NotFound("No such endpoint. The API's paths are listed at /api/oruk/.")
