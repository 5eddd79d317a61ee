"""What every /api/v1/ resource shares: keys, scope, strict parameters, conditional
GETs, caching headers and rate limits, and reading the store of published documents.

Lists and details are SQL over the store (`api.publication`): the stored documents a
reader's scope covers, filtered and ordered by its columns, each fitted to the reader
by `api.publication.reading.as_read_by`. No serializer runs on the read path; the
resources' serializers are what the writer renders documents with."""

import functools
import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle

from api import rate_limits
from api.authentication import HasPartnerKey, PartnerKeyAuthentication
from api.conventions import ApiConventions
from api.errors import BadParameters
from api.models import ChangeLogEntry
from api.pagination import FeedPagination
from api.public import MODELS, lapse_subqueries, last_lapse, public_queryset
from api.publication.models import PublishedDocument
from api.publication.reading import READ_FIELDS, as_read_by, documents_in_scope
from api.resources.common import ItemContext
from api.resources.filters import STORE_ORDER, FeedFilterBackend
from api.scope import Scope
from cms.client_ip import client_ip
from cms.redis import breaker_for, redis_client

CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=30"
PAGE_CACHE_SECONDS = 60 * 60


class FixedWindowThrottle(BaseThrottle):
    """A request count per client per window, shared by every process.

    On Redis, one script counts the request and starts the window's expiry: one round
    trip, atomic whatever the rate. Without Redis (local runs), the cache's `add` and
    `incr` do the same in two. While Redis is unreachable each process counts on its
    own, to the same limit (cms.redis logs it, once per retry interval). Rates come
    from settings.API_RATE_LIMITS at each request.
    """

    scope: str
    PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    COUNT_SCRIPT = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
        return count
    """

    def identity(self, request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request, view):
        identity = self.identity(request)
        if identity is None:
            return True
        limit, unit = settings.API_RATE_LIMITS[self.scope].split("/")
        period = self.PERIODS[unit[0]]
        now = time.time()
        self.retry_after = period - (now % period)
        key = f"throttle:{self.scope}:{identity}:{int(now // period)}"
        count = self.count(key, period)
        rate_limits.record(
            request,
            self.scope.replace("_", "-"),
            quota=int(limit),
            window=period,
            count=count,
            reset=self.retry_after,
        )
        return count <= int(limit)

    def count(self, key: str, period: int) -> int:
        client = redis_client()
        if client is None:
            return _count_in(cache, key, period)
        return breaker_for(settings.REDIS_URL).run(
            # The cache's key: its prefix and this database's namespace.
            lambda: int(_count_script(client)(keys=[cache.make_key(key)], args=[period + 1])),
            lambda: _count_in(IN_PROCESS_COUNTS, key, period),
        )

    def wait(self):
        return self.retry_after


@functools.cache
def _count_script(client):
    return client.register_script(FixedWindowThrottle.COUNT_SCRIPT)


# Where each process counts while Redis is away: Django's thread-safe local-memory cache.
IN_PROCESS_COUNTS = LocMemCache(
    "throttle-counts", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 100_000}}
)


def _count_in(counts, key: str, period: int) -> int:
    counts.add(key, 0, timeout=period + 1)
    return counts.incr(key)


class PartnerKeyThrottle(FixedWindowThrottle):
    scope = "partner_key"

    def identity(self, request):
        return request.auth.prefix if request.auth is not None else None


class ClientIPThrottle(FixedWindowThrottle):
    scope = "client_ip"

    def identity(self, request):
        return client_ip(request)


def content_version() -> tuple[int, object, object]:
    """The last change to anything published, and the latest expiry passed since
    (`api.public.lapse_subqueries`): either makes every ETag new."""
    # The newest row by primary key: one index probe, however long the log grows.
    latest = (
        ChangeLogEntry.objects.order_by("-id")
        .only("id", "modified")
        .annotate(**lapse_subqueries())
        .first()
    )
    if latest is None:
        return 0, None, None
    return latest.id, latest.modified, last_lapse(latest)


def version_key(sequence: int, modified) -> str:
    """The content version as ETags and cache keys name it: the latest change's id and
    time. Ids repeat once a database is restored from a backup; with the time, nothing
    made before the restore can match. (Databases sharing one Redis are kept apart by
    the namespace cms.cache.make_key puts in every key.)"""
    return f"{sequence}@{modified.isoformat() if modified else '-'}"


class ConditionalGetMixin:
    """Strong ETag and Last-Modified on every GET, decided before any serializing:
    both derive from the change log's latest entry, the partner's scope and the URL."""

    def validators(self, request):
        # Read with the key, in the same query (PartnerAPIKey.objects.authenticate).
        partner_key = request.auth
        sequence, modified = partner_key.content_sequence or 0, partner_key.content_modified
        lapse = last_lapse(partner_key)
        # What any cached item depends on besides its own rows: the log, and expiries.
        self.content_version = (
            f"{version_key(sequence, modified)}:{lapse.timestamp() if lapse else ''}"
        )
        partner = partner_key.partner
        basis = "|".join(
            [
                self.content_version,
                str(partner.pk),
                partner.updated_at.isoformat(),
                request.build_absolute_uri(),  # links in the body name the host
                request.META.get("HTTP_ACCEPT", ""),  # another renderer, other bytes
            ]
        )
        etag = '"' + hashlib.sha256(basis.encode()).hexdigest()[:32] + '"'
        last_modified = max(filter(None, [modified, lapse, partner.updated_at]))
        return etag, last_modified.timestamp()

    def conditional_response(self, request):
        self.etag, self.last_modified = self.validators(request)
        return get_conditional_response(
            request._request, etag=self.etag, last_modified=int(self.last_modified)
        )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            if getattr(self, "etag", None):
                response["ETag"] = self.etag
                response["Last-Modified"] = http_date(self.last_modified)
            response["Cache-Control"] = CACHE_CONTROL
        patch_vary_headers(response, ["Authorization"])
        return response


class FeedViewSet(ApiConventions, ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    resource: str
    filterset_class = None
    lookup_field = "object_id"
    lookup_url_kwarg = "id"
    lookup_value_regex = "[^/]+"  # anything: a malformed id gets a JSON 404, not a page
    authentication_classes = [PartnerKeyAuthentication]
    permission_classes = [HasPartnerKey]
    throttle_classes = [PartnerKeyThrottle, ClientIPThrottle]
    pagination_class = FeedPagination
    filter_backends = [FeedFilterBackend]
    # Parameters every list takes besides its filters.
    common_parameters = {"page", "page_size", "ordering"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.scope = Scope(request.auth.partner)
        if not self.scope.allows_type(self.resource):
            raise PermissionDenied(f"Your key's scope does not include {self.resource}.")
        if self.action == "list":
            self.check_parameters(request)

    def check_parameters(self, request):
        known = set(self.common_parameters)
        if self.filterset_class is not None:
            known |= set(self.filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise BadParameters(
                {
                    param: f"Unknown parameter. Known: {', '.join(sorted(known))}."
                    for param in unknown
                }
            )

    def base_queryset(self):
        """The resource's public items in the reader's scope, from the content models:
        what the writer renders, and what actions on an item (feedback) act on."""
        if getattr(self, "swagger_fake_view", False):  # the schema is being generated
            return MODELS[self.resource].objects.none()
        return self.scope.filter(self.resource, public_queryset(self.resource))

    def source_queryset(self):
        """`base_queryset` with what the serializer reads loaded with it."""
        return self.base_queryset()

    def get_queryset(self):
        """The stored documents the reader's scope covers, in the resource's order."""
        if getattr(self, "swagger_fake_view", False):
            return PublishedDocument.objects.none()
        return documents_in_scope(self.scope, self.resource).order_by(*STORE_ORDER)

    def get_serializer(self, instance=None, *args, **kwargs):
        if instance is not None:
            items = instance if kwargs.get("many") else [instance]
            kwargs.setdefault("context", self.get_serializer_context())
            kwargs["context"]["items"] = ItemContext(self.resource, items, self.scope, self.request)
        return super().get_serializer(instance, *args, **kwargs)

    def item_row(self) -> PublishedDocument:
        value = self.kwargs[self.lookup_url_kwarg]
        try:
            uuid.UUID(value)
        except ValueError:
            raise NotFound("No such item: ids are UUIDs.") from None
        row = self.get_queryset().filter(object_id=value).only(*READ_FIELDS).first()
        if row is None:
            raise NotFound("No such item, or not one your key may see.")
        return row

    def item_pk(self) -> int:
        """The content model's primary key of the item the URL names."""
        return self.item_row().source_pk

    def list(self, request, *args, **kwargs):
        # Parameter names are checked already; an ETag can only match a URL that was
        # answered 200 before, so its values need no second look.
        not_modified = self.conditional_response(request)
        if not_modified is not None:
            return not_modified
        # A whole page of results is cached under its ETag: the same URL, partner and
        # content version give the same bytes, so a warm 200 skips the database.
        page_key = f"api:v1:page:{self.etag}"
        data = cache.get(page_key)
        if data is None:
            rows = self.filter_queryset(self.get_queryset()).only(*READ_FIELDS)
            page = self.paginate_queryset(rows)
            now = timezone.now()
            data = self.get_paginated_response(
                [as_read_by(row, self.scope, now) for row in page]
            ).data
            cache.set(page_key, data, timeout=PAGE_CACHE_SECONDS)
        return Response(data)

    def retrieve(self, request, *args, **kwargs):
        not_modified = self.conditional_response(request)
        if not_modified is not None:
            return not_modified
        return Response(as_read_by(self.item_row(), self.scope))
