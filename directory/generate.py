"""A large synthetic directory for benchmarks, written in bulk.

Pages are inserted straight into Wagtail's tree (paths computed here, as treebeard
would) in batches: a few queries per batch, not one save per page. Text is drawn
from the Local Offer's own vocabulary so field sizes look like real listings.
"""

import random
import uuid
from collections.abc import Callable
from datetime import time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from cms.models import NAMESPACE_LOCAL_OFFER
from directory.choices import ServiceArea
from directory.models import (
    DirectoryIndexPage,
    Organisation,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
    TaxonomyTerm,
)
from directory.teams import team_for_kind

BATCH_SIZE = 500
SECTION_SLUG = "generated-services"

ACTIVITIES = [
    "Sensory play sessions",
    "Parent support group",
    "Speech and language drop-in",
    "Autism family workshop",
    "Youth club",
    "Swimming club",
    "Short breaks scheme",
    "Travel training",
    "Supported internship",
    "Benefits advice clinic",
    "Sleep clinic",
    "Music therapy",
    "Early help hub",
    "Drama group",
    "Wheelchair sports club",
]
PLACES = [
    ("Colchester", "CO1 1JB", 51.8895, 0.8986),
    ("Chelmsford", "CM1 1QH", 51.7356, 0.4685),
    ("Basildon", "SS14 1DL", 51.5761, 0.4887),
    ("Harlow", "CM20 1XA", 51.7727, 0.1023),
    ("Southend-on-Sea", "SS1 1PD", 51.5459, 0.7077),
    ("Clacton-on-Sea", "CO15 1LH", 51.7898, 1.1557),
    ("Braintree", "CM7 9HB", 51.8782, 0.5528),
    ("Brentwood", "CM14 4AB", 51.6215, 0.3057),
    ("Witham", "CM8 2AA", 51.8003, 0.6405),
    ("Harwich", "CO12 3AA", 51.9344, 1.2742),
]
SENTENCES = [
    "Sessions are led by staff trained in supporting children with additional needs.",
    "Families can come along without a referral and stay for as long as they like.",
    "We work closely with schools, health visitors and the local authority SEND teams.",
    "Brothers and sisters are welcome, and there is a quiet space for anyone who needs a break.",
    "Information is available in easy read and can be translated on request.",
    "Young people help plan activities and choose what we do each term.",
    "Our building has step-free access, a changing places toilet and free parking.",
    "Parents can talk to other parents who understand what they are going through.",
    "We can signpost you to other services in the Essex Local Offer.",
    "Places are limited, so please get in touch before your first visit.",
]
ROLES = ["Service lead", "Family support worker", "Bookings", "Team manager"]
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]


def paragraph(rng: random.Random) -> str:
    return "<p>" + " ".join(rng.sample(SENTENCES, 4)) + "</p>"


def ensure_section() -> DirectoryIndexPage:
    existing = DirectoryIndexPage.objects.filter(slug=SECTION_SLUG).first()
    if existing:
        return existing
    from home.models import HomePage

    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        raise RuntimeError("No home page: run `python manage.py load_demo_content` first.")
    section = home.add_child(
        instance=DirectoryIndexPage(title="Generated services", slug=SECTION_SLUG)
    )
    section.save_revision().publish()
    return section


def ensure_terms(locale: Locale) -> list[TaxonomyTerm]:
    terms = list(TaxonomyTerm.objects.filter(locale=locale).select_related("parent"))
    if terms:
        return terms
    from home.demo.loader import ensure_taxonomy

    return list(ensure_taxonomy(locale).values())


def ensure_organisations(locale: Locale, count: int, rng: random.Random) -> list[Organisation]:
    organisations = list(Organisation.objects.filter(locale=locale, name__startswith="Generated "))
    missing = count - len(organisations)
    if missing > 0:
        start = len(organisations)
        created = [
            Organisation(
                locale=locale,
                name=f"Generated provider {start + i + 1}",
                description=" ".join(rng.sample(SENTENCES, 2)),
                kind=rng.choice(Organisation.Kind.values),
                website=f"https://provider-{start + i + 1}.test/",
                email=f"hello@provider-{start + i + 1}.test",
            )
            for i in range(missing)
        ]
        for organisation in created:
            organisation.team = team_for_kind(organisation.kind)
            organisation.uuid = uuid.uuid5(
                NAMESPACE_LOCAL_OFFER, f"{organisation.translation_key}:{locale.language_code}"
            )
        organisations += Organisation.objects.bulk_create(created)
    return organisations


def build_page(rng: random.Random, number: int, section: Page, locale, organisations, now):
    activity = rng.choice(ACTIVITIES)
    town = rng.choice(PLACES)[0]
    title = f"{activity} in {town} ({number})"
    min_age = rng.randint(0, 18)
    reviewed = now - timedelta(days=rng.randint(0, 600))
    page = ServicePage(
        title=title,
        draft_title=title,
        slug=f"{slugify(activity)}-{number}",
        content_type=ContentType.objects.get_for_model(ServicePage),
        locale=locale,
        live=True,
        has_unpublished_changes=False,
        first_published_at=reviewed,
        last_published_at=reviewed,
        summary=f"{activity} for children and young people with SEND and their families in {town}.",
        description="".join(paragraph(rng) for _ in range(3)),
        organisation=rng.choice(organisations),
        min_age=min_age,
        max_age=rng.randint(min_age, 25),
        eligibility="Children and young people with special educational needs or disabilities.",
        how_to_access=paragraph(rng),
        cost=rng.choice(["free", "free", "paid"]),
        website=f"https://service-{number}.test/",
        languages=["en"] + rng.sample(["pl", "ro", "lt", "bfi"], rng.randint(0, 2)),
        service_areas=rng.sample(ServiceArea.values, rng.randint(1, 2)),
        last_reviewed_at=reviewed,
        last_reviewed_by_name="Generated",
    )
    if page.cost == "paid":
        page.cost_description = f"£{rng.randint(2, 15)} a session"
    page.depth = section.depth + 1
    page.url_path = f"{section.url_path}{page.slug}/"
    page.uuid = uuid.uuid5(NAMESPACE_LOCAL_OFFER, f"{page.translation_key}:{locale.language_code}")
    page.next_review_due = page.compute_next_review_due()
    return page


def build_children(rng: random.Random, page: ServicePage, locale: Locale):
    locations, contacts, schedules = [], [], []
    for order in range(rng.randint(1, 3)):
        town, postcode, lat, lng = rng.choice(PLACES)
        locations.append(
            ServiceLocation(
                page_id=page.pk,
                locale=locale,
                sort_order=order,
                name=f"{town} community centre",
                address_1=f"{rng.randint(1, 200)} High Street",
                town=town,
                postcode=postcode,
                latitude=round(lat + rng.uniform(-0.02, 0.02), 6),
                longitude=round(lng + rng.uniform(-0.02, 0.02), 6),
                accessibility="Step-free access and an accessible toilet.",
            )
        )
    for order in range(rng.randint(1, 3)):
        contacts.append(
            ServiceContact(
                page_id=page.pk,
                locale=locale,
                sort_order=order,
                name=rng.choice(ROLES),
                email=f"contact{order}@service-{page.pk}.test",
                phone=f"020 7946 0{rng.randint(0, 999):03d}",
                is_public=order < 2,
            )
        )
    opens = rng.randint(9, 16)
    schedules.append(
        ServiceSchedule(
            page_id=page.pk,
            locale=locale,
            sort_order=0,
            description="Weekly session",
            frequency="weekly",
            weekday=rng.choice(WEEKDAYS),
            opens_at=time(opens),
            closes_at=time(opens + 2),
        )
    )
    return locations, contacts, schedules


def generate_directory(
    count: int,
    seed: int = 0,
    progress: Callable[[int], None] = lambda done: None,
    index: bool = True,
    on_batch: Callable[[list, dict, Locale], None] = lambda pages, terms, locale: None,
) -> list[int]:
    """Create `count` live services under a "Generated services" section; return their ids.

    `on_batch(pages, terms by page id, locale)` runs in each batch's transaction, for what
    publishing would have done besides (the API's change log: see generate_directory)."""
    rng = random.Random(seed)
    locale = Locale.get_default()
    section = ensure_section()
    terms = ensure_terms(locale)
    # Providers draw from their own generator, so a seed gives the same services
    # whether or not the providers already exist.
    organisations = ensure_organisations(
        locale, max(1, count // 20), random.Random(f"{seed}-organisations")
    )
    page_fields = ServicePage._meta.local_concrete_fields
    term_link = ServicePage.terms.through
    now = timezone.now()
    created_ids: list[int] = []

    for start in range(0, count, BATCH_SIZE):
        size = min(BATCH_SIZE, count - start)
        with transaction.atomic():
            section = Page.objects.select_for_update().get(pk=section.pk)
            pages = []
            for offset in range(size):
                page = build_page(
                    rng, section.numchild + offset + 1, section, locale, organisations, now
                )
                page.path = Page._get_path(section.path, page.depth, section.numchild + offset + 1)
                pages.append(page)
            # Multi-table inheritance: the Page rows first, then each ServicePage row.
            base_rows = Page.objects.bulk_create([Page(**base_fields(page)) for page in pages])
            for page, base in zip(pages, base_rows, strict=True):
                page.pk = page.page_ptr_id = page.id = base.pk
            ServicePage.objects._insert(pages, fields=page_fields)
            Page.objects.filter(pk=section.pk).update(numchild=section.numchild + size)

            locations, contacts, schedules, links, chosen_terms = [], [], [], [], {}
            for page in pages:
                page_locations, page_contacts, page_schedules = build_children(rng, page, locale)
                locations += page_locations
                contacts += page_contacts
                schedules += page_schedules
                chosen = rng.sample(terms, min(len(terms), rng.randint(2, 4)))
                links += [
                    term_link(servicepage_id=page.pk, taxonomyterm_id=term.pk) for term in chosen
                ]
                chosen_terms[page.pk] = chosen
            ServiceLocation.objects.bulk_create(locations)
            ServiceContact.objects.bulk_create(contacts)
            ServiceSchedule.objects.bulk_create(schedules)
            term_link.objects.bulk_create(links)
            on_batch(pages, chosen_terms, locale)
        if index:
            indexed = ServicePage.objects.filter(pk__in=[page.pk for page in pages])
            get_search_backend().add_bulk(ServicePage, indexed)
        created_ids += [page.pk for page in pages]
        progress(size)
    return created_ids


def base_fields(page: ServicePage) -> dict:
    return {field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}
