"""What a partner may see: its scope, applied to querysets and to change-log facts.

Taxonomy terms are matched by translation key, so a scope chosen in English covers
the Polish translations too, and a term covers the terms below it.
"""

import hashlib
import json
from functools import cached_property

from django.db import connection
from django.db.models import Q

from directory.models import TaxonomyTerm

# Which scope dimensions apply to which resource type.
TERM_SCOPED = {"services", "guides"}
AREA_SCOPED = {"services", "clusters"}


def json_list_contains(field: str, value: str) -> Q:
    """`field` (a JSON list) contains `value`, on PostgreSQL and SQLite alike."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": json.dumps(value)})  # the JSON text holds "value"


def json_list_has_any(field: str, values) -> Q:
    """`field` (a JSON list of strings) holds any of `values`, on PostgreSQL and SQLite."""
    values = sorted(values)
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__has_any_keys": values})  # `?|`: any array element
    condition = Q(pk__in=[])
    for value in values:
        condition |= json_list_contains(field, value)
    return condition


def keys_with_descendants(roots) -> set:
    """Translation keys of the given terms and of every term below them."""
    roots = list(roots)
    by_parent: dict[int | None, list[TaxonomyTerm]] = {}
    for term in TaxonomyTerm.objects.filter(locale_id__in={root.locale_id for root in roots}):
        by_parent.setdefault(term.parent_id, []).append(term)
    keys, stack, seen = set(), roots, set()
    while stack:
        term = stack.pop()
        if term.pk not in seen:
            seen.add(term.pk)
            keys.add(term.translation_key)
            stack.extend(by_parent.get(term.pk, []))
    return keys


class Scope:
    def __init__(self, partner=None, *, signature: dict | None = None):
        """A partner's scope as it is now, or as a recorded `scope_signature`."""
        self.partner, self.signature = partner, signature
        source = signature or {
            "types": partner.scope_types,
            "areas": partner.scope_areas,
            "locales": partner.scope_locales,
        }
        self.types = set(source["types"])
        self.areas = set(source["areas"])
        self.locales = set(source["locales"])

    @cached_property
    def root_term_keys(self) -> set[str]:
        if self.signature is not None:
            return set(self.signature["terms"])
        return set(scope_signature(self.partner)["terms"])

    @cached_property
    def term_keys(self) -> set[str]:
        """Translation keys of the partner's terms and every term below them."""
        if not self.root_term_keys:
            return set()
        roots = TaxonomyTerm.objects.filter(translation_key__in=self.root_term_keys)
        return {str(key) for key in keys_with_descendants(roots)}

    @cached_property
    def cache_key(self) -> str:
        """A digest of the whole scope, for keys of anything built for it."""
        signature = {
            "types": sorted(self.types),
            "terms": sorted(self.root_term_keys),
            "areas": sorted(self.areas),
            "locales": sorted(self.locales),
        }
        return hashlib.sha256(json.dumps(signature).encode()).hexdigest()[:16]

    def allows_type(self, resource: str) -> bool:
        return not self.types or resource in self.types

    def allows_locale(self, code: str | None) -> bool:
        return not self.locales or code is None or code in self.locales

    def allows(self, facts: dict | None) -> bool:
        """Whether an item with these scope facts is in scope (their shape:
        `api.publication.models.facts_of`)."""
        if not facts:
            return False
        resource = facts["type"]
        if not self.allows_type(resource) or not self.allows_locale(facts.get("locale")):
            return False
        terms_ok = (
            resource not in TERM_SCOPED
            or not self.term_keys
            or bool(self.term_keys & set(facts.get("terms", [])))
        )
        areas_ok = (
            resource not in AREA_SCOPED
            or not self.areas
            or bool(self.areas & set(facts.get("areas", [])))
        )
        return terms_ok and areas_ok

    def filter(self, resource: str, queryset):
        """The queryset narrowed to this scope (type is checked by the caller)."""
        model = queryset.model
        if hasattr(model, "locale") and self.locales:
            queryset = queryset.filter(locale__language_code__in=self.locales)
        if resource in TERM_SCOPED and self.term_keys:
            relations = ["terms"] if resource == "services" else ["audience", "topics"]
            condition = Q()
            for relation in relations:
                condition |= Q(**{f"{relation}__translation_key__in": self.term_keys})
            queryset = queryset.filter(pk__in=model.objects.filter(condition).values("pk"))
        if resource in AREA_SCOPED and self.areas:
            condition = Q()
            for area in self.areas:
                condition |= (
                    json_list_contains("service_areas", area)
                    if resource == "services"
                    else Q(quadrant=area)
                )
            queryset = queryset.filter(condition)
        return queryset


def scope_signature(partner) -> dict:
    """A partner's scope as plain data: comparable, and storable in JSON."""
    return {
        "types": sorted(partner.scope_types),
        "terms": sorted(
            {str(key) for key in partner.scope_terms.values_list("translation_key", flat=True)}
        ),
        "areas": sorted(partner.scope_areas),
        "locales": sorted(partner.scope_locales),
    }
