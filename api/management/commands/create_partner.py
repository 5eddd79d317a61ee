import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from api.models import RESOURCE_TYPES, Partner, PartnerAPIKey
from directory.choices import ServiceArea
from directory.models import TaxonomyTerm


class Command(BaseCommand):
    help = (
        "Create a partner with an API key and print the key, alone, on the last line. "
        "The key is shown only now: it is stored hashed."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--email", default="", help="The partner's contact email.")
        parser.add_argument(
            "--scope-types",
            nargs="+",
            default=[],
            metavar="TYPE",
            help=f"Resource types: {', '.join(code for code, _ in RESOURCE_TYPES)}.",
        )
        parser.add_argument(
            "--scope-terms", nargs="+", default=[], metavar="TERM", help="Term codes or ids."
        )
        parser.add_argument(
            "--scope-areas",
            nargs="+",
            default=[],
            metavar="AREA",
            help=f"Quadrants: {', '.join(ServiceArea.values)}.",
        )
        parser.add_argument(
            "--scope-locales",
            nargs="+",
            default=[],
            metavar="LOCALE",
            help=f"Language codes: {', '.join(c for c, _ in settings.WAGTAIL_CONTENT_LANGUAGES)}.",
        )

    def handle(
        self, *args, name, email, scope_types, scope_terms, scope_areas, scope_locales, **options
    ):
        check("--scope-types", scope_types, [code for code, _ in RESOURCE_TYPES])
        check("--scope-areas", scope_areas, ServiceArea.values)
        check("--scope-locales", scope_locales, [c for c, _ in settings.WAGTAIL_CONTENT_LANGUAGES])
        terms = [find_term(value) for value in scope_terms]
        if Partner.objects.filter(name=name).exists():
            raise CommandError(f"A partner called {name!r} exists already.")
        with transaction.atomic():
            partner = Partner.objects.create(
                name=name,
                contact_email=email,
                scope_types=scope_types,
                scope_areas=scope_areas,
                scope_locales=scope_locales,
            )
            partner.scope_terms.set(terms)
            _key_object, key = PartnerAPIKey.objects.create_key(name=f"{name} key", partner=partner)
        self.stderr.write(f"Created partner {name!r}. Keep this key safe: it is not shown again.")
        self.stdout.write(key)


def check(option: str, values: list[str], known: list[str]) -> None:
    unknown = [value for value in values if value not in known]
    if unknown:
        raise CommandError(
            f"{option}: unknown {', '.join(unknown)}. Choose from {', '.join(known)}."
        )


def find_term(value: str) -> TaxonomyTerm:
    terms = TaxonomyTerm.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    try:
        term = terms.filter(uuid=uuid.UUID(value)).first()
    except ValueError:
        term = terms.filter(code=value).first()
    if term is None:
        raise CommandError(f"--scope-terms: no taxonomy term with code or id {value!r}.")
    return term
