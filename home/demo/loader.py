"""Put the demo content (home/demo/data.py) in place.

Every step looks for what it would create and leaves existing content alone, so running
the loader twice changes nothing. Objects are found by their natural keys: a page by its
slug under its section, an organisation by name, a term by vocabulary and code.
"""

from contextlib import contextmanager
from datetime import datetime, time

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search import index as search_index
from wagtail.search.signal_handlers import post_save_signal_handler as search_index_on_save
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from api.publication.outbox import deferred as publication_deferred
from cms.teams import Team, sync_team_permissions
from directory.models import (
    Cluster,
    ClusterSetting,
    ClusterStaff,
    DirectoryIndexPage,
    Organisation,
    PartnerPage,
    ServiceContact,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
    TaxonomyTerm,
)
from directory.teams import team_for_kind
from guides.models import GuideIndexPage, GuidePage, RelatedGuide
from home.demo import data
from home.models import HomeFeature, HomePage
from tasks.bounces.manual import record_manual_event
from tasks.bounces.models import EventKind
from tasks.django_tasks_backend import call_unless_row_deleted

SITE_NAME = "Essex Local Offer"

# Sections of the tree: (key, model, title, team, parent key or None for the home page).
SECTIONS = [
    ("directory", DirectoryIndexPage, "Directory", "", None),
    ("council-services", DirectoryIndexPage, "Council services", Team.COUNCIL, "directory"),
    ("health-services", DirectoryIndexPage, "Health services", Team.HEALTH, "directory"),
    ("partners", DirectoryIndexPage, "Partners", Team.COUNCIL, "directory"),
    ("guides", GuideIndexPage, "Guides", Team.COUNCIL, None),
    ("health-guides", GuideIndexPage, "Health guides", Team.HEALTH, None),
]
SECTION_TITLES_PL = {
    "Directory": "Katalog usług",
    "Council services": "Usługi rady hrabstwa",
    "Health services": "Usługi zdrowotne",
    "Partners": "Partnerzy",
    "Guides": "Poradniki",
    "Health guides": "Poradniki zdrowotne",
}


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def ensure_home_page(locale: Locale) -> HomePage:
    """The source-language HomePage, replacing Wagtail's placeholder welcome page."""
    home = HomePage.objects.filter(locale=locale).first()
    if home:
        return home
    root = Page.get_first_root_node()
    # The placeholder's Site goes with it; ensure_default_site makes ours.
    for placeholder in root.get_children().exact_type(Page).filter(slug="home"):
        placeholder.delete()
    home = root.add_child(
        instance=HomePage(
            locale=locale,
            title=data.HOME["title"],
            slug="home",
            introduction=data.HOME["introduction_html"],
        )
    )
    home.save_revision().publish()
    return home


def ensure_default_site(home: HomePage) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(
            hostname="localhost", port=80, site_name=SITE_NAME, root_page=home, is_default_site=True
        )
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save(update_fields=["root_page"])
    return site


def child_by_slug(parent: Page, slug: str) -> Page | None:
    child = parent.get_children().filter(slug=slug).first()
    return child.specific if child else None


def add_page(parent: Page, page: Page) -> Page:
    """Add and publish a page as an editor would: with a revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_sections(home: HomePage) -> dict[str, Page]:
    sections: dict[str, Page] = {}
    for key, model, title, team, parent_key in SECTIONS:
        parent = sections[parent_key] if parent_key else home
        sections[key] = child_by_slug(parent, key) or add_page(
            parent, model(title=title, slug=key, team=team)
        )
    return sections


def reviewed_at(day: str | None) -> datetime | None:
    if not day:
        return None
    return timezone.make_aware(datetime.combine(datetime.fromisoformat(day).date(), time(10)))


def ensure_organisations(locale: Locale) -> dict[str, Organisation]:
    organisations = {}
    for item in data.ORGANISATIONS:
        fields = {k: v for k, v in item.items() if k not in {"key", "name", "replaced_by"}}
        organisation = Organisation.objects.filter(locale=locale, name=item["name"]).first()
        if organisation is None:
            organisation = Organisation(
                locale=locale,
                name=item["name"],
                team=team_for_kind(item["kind"]),
                live=False,
                **fields,
            )
            if item["replaced_by"]:  # successors come earlier in the data
                organisation.replaced_by = organisations[item["replaced_by"]]
            organisation.full_clean()
            organisation.save()
            organisation.save_revision().publish()
        organisations[item["key"]] = organisation
    return organisations


def ensure_taxonomy(locale: Locale) -> dict[str, TaxonomyTerm]:
    terms: dict[str, TaxonomyTerm] = {}
    for vocabulary, items in data.TAXONOMY.items():
        for order, item in enumerate(items):
            term, _ = TaxonomyTerm.objects.get_or_create(
                locale=locale,
                vocabulary=vocabulary,
                code=item["code"],
                defaults={
                    "name": item["name"],
                    "description": item["description"],
                    "parent": terms.get(item["parent"]) if item["parent"] else None,
                    "sort_order": order,
                },
            )
            terms[item["code"]] = term
    return terms


def build_service(item: dict, organisations, terms) -> ServicePage:
    page = ServicePage(
        title=item["title"],
        slug=item["key"],
        summary=item["summary"],
        description=item["description_html"],
        organisation=organisations[item["organisation"]],
        status=item["status"],
        min_age=item["min_age"],
        max_age=item["max_age"],
        eligibility=item["eligibility"],
        how_to_access=item["how_to_access_html"],
        cost=item["cost"],
        cost_description=item["cost_description"],
        website=item["website"],
        languages=item["languages"],
        service_areas=item["service_areas"],
        last_reviewed_at=reviewed_at(item["last_reviewed"]),
        last_reviewed_by_name="SEND Information Team" if item["last_reviewed"] else "",
    )
    codes = item["categories"] + item["needs"] + item["audiences"]
    page.terms = [terms[code] for code in codes]
    page.locations = [ServiceLocation(**location) for location in item["locations"]]
    page.schedules = [
        ServiceSchedule(
            **{
                **schedule,
                "opens_at": schedule["opens_at"] and time.fromisoformat(schedule["opens_at"]),
                "closes_at": schedule["closes_at"] and time.fromisoformat(schedule["closes_at"]),
            }
        )
        for schedule in item["schedules"]
    ]
    page.contacts = [ServiceContact(**contact) for contact in item["contacts"]]
    return page


def ensure_services(sections, organisations, terms) -> dict[str, ServicePage]:
    services = {}
    for item in data.SERVICES:
        section = sections[f"{item['team']}-services"]
        services[item["key"]] = child_by_slug(section, item["key"]) or add_page(
            section, build_service(item, organisations, terms)
        )
    return services


def stream(blocks: list[dict], services: dict[str, ServicePage]) -> list[dict]:
    """The data's blocks as StreamField raw data, service keys turned into page ids."""
    raw = []
    for block in blocks:
        value = block["value"]
        if block["type"] == "related_services":
            value = {**value, "services": [services[key].pk for key in value["services"]]}
        raw.append({"type": block["type"], "value": value})
    return raw


def ensure_guides(sections, services, terms) -> dict[str, GuidePage]:
    guides = {}
    for item in data.GUIDES:
        section = sections["health-guides" if item["team"] == Team.HEALTH else "guides"]
        guide = child_by_slug(section, item["key"])
        if guide is None:
            guide = GuidePage(
                title=item["title"],
                slug=item["key"],
                introduction=item["introduction"],
                body=stream(item["body"], services),
                min_age=item["min_age"],
                max_age=item["max_age"],
                last_reviewed_at=reviewed_at(item["last_reviewed"]),
            )
            guide.audience = [terms[code] for code in item["audiences"]]
            guide.topics = [terms[code] for code in item["topics"]]
            add_page(section, guide)
        guides[item["key"]] = guide
    for item in data.GUIDES:
        guide = guides[item["key"]]
        if item["related_guides"] and not guide.related_guides.exists():
            guide.related_guides = [
                RelatedGuide(guide=guides[key]) for key in item["related_guides"]
            ]
            guide.save_revision().publish()
    return guides


def ensure_partners(sections, organisations, services) -> dict[str, PartnerPage]:
    partners = {}
    for item in data.PARTNERS:
        section = sections["partners"]
        partners[item["key"]] = child_by_slug(section, item["key"]) or add_page(
            section,
            PartnerPage(
                title=item["title"],
                slug=item["key"],
                organisation=organisations[item["organisation"]],
                introduction=item["introduction"],
                body=stream(item["body"], services),
                links=[{"type": "link", "value": link} for link in item["links"]],
                last_reviewed_at=reviewed_at(item["last_reviewed"]),
            ),
        )
    return partners


def ensure_clusters() -> dict[str, Cluster]:
    clusters = {}
    for item in data.CLUSTERS:
        cluster = Cluster.objects.filter(name=item["name"]).first()
        if cluster is None:
            cluster = Cluster(
                name=item["name"],
                quadrant=item["quadrant"],
                description=item["description"],
                last_reviewed_at=reviewed_at(item["last_reviewed"]),
            )
            cluster.settings = [ClusterSetting(**setting) for setting in item["settings"]]
            cluster.staff = [ClusterStaff(**member) for member in item["staff"]]
            cluster.save()
            cluster.save_revision().publish()
        clusters[item["key"]] = cluster
    return clusters


def ensure_home_features(home: HomePage, services, guides) -> None:
    if home.featured.exists():
        return
    pages = [guides[key] for key in data.HOME["featured_guides"]] + [
        services[key] for key in data.HOME["featured_services"]
    ]
    home.featured = [HomeFeature(page=page) for page in pages]
    home.save_revision().publish()


def ensure_translation(page: Page, locale: Locale, strings: dict[str, str]) -> Page:
    """Translate `page` into `locale` through wagtail-localize, as an editor would, so
    the translation stays synchronised with its source. Strings without a translation
    keep the source text."""
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing
    translate_with(page, locale, strings)
    return page.get_translation(locale)


def translate_with(instance, locale: Locale, strings: dict[str, str]) -> None:
    """Translate `instance` into `locale` through wagtail-localize, with the translations of
    `strings` (source text → translated text), and publish it."""
    translate_object(instance, [locale])
    translation = Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation.save_target(publish=True)


def translate_taxonomy(locale: Locale, terms: dict[str, TaxonomyTerm]) -> None:
    """Every term in `locale`, so its listings name their categories, needs and audiences
    in that language (a page's terms are the English ones; the API shows their
    translations). Parents first, as the data lists them: a term needs its parent."""
    for code, (name, description) in data.TAXONOMY_POLISH.items():
        term = terms[code]
        translate_with(term, locale, {term.name: name, term.description: description})


def translate_demo_pages(locale: Locale, home, sections, pages: dict[str, Page]) -> None:
    ensure_translation(home, locale, data.POLISH.get("home", {}))
    for key, *_ in SECTIONS:  # parents first: a page needs its parent translated
        section = sections[key]
        ensure_translation(section, locale, {section.title: SECTION_TITLES_PL[section.title]})
    for key, strings in data.POLISH.items():
        if key != "home":
            ensure_translation(pages[key], locale, strings)


@transaction.atomic
def ensure_bouncing_contact() -> None:
    """The seed's warning made real: one cluster's Inclusion Partner address bounces.
    A fixed reference keeps a second run from recording it twice."""
    record_manual_event(
        data.BOUNCING_EMAIL,
        EventKind.HARD_BOUNCE,
        note="550 5.1.1 Mailbox unavailable",
        by="demo content",
        reference="demo",
    )


@contextmanager
def indexed_in_one_pass():
    """Update the search and reference indexes once, at the end, not after every save.

    Loading saves most rows several times (added, revised, published, translated), and
    each save would queue a search-index and a reference-index job: some eight hundred,
    a few for child rows replaced moments later. Meanwhile Wagtail's save handlers stand
    aside (deletions are handled as usual); the rows they would have queued a job for
    are noted, and each of those jobs runs once, here, when everything is in place.
    """
    searchable = {
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    }
    jobs = {}  # ordered and without repeats: (task, app label, model name, pk)

    def note_job(sender, instance, raw=False, **kwargs):
        if raw:  # fixtures, as Wagtail's handlers skip them
            return
        row = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        if sender in searchable:
            jobs[(insert_or_update_object_task, *row)] = None
        if sender in ReferenceIndex.tracked_models:
            jobs[(update_reference_index_task, *row)] = None

    handlers = [(search_index_on_save, model) for model in searchable] + [
        (update_reference_index_on_save, model) for model in ReferenceIndex.tracked_models
    ]
    for handler, model in handlers:
        post_save.disconnect(handler, sender=model)
    post_save.connect(note_job, weak=False)
    try:
        yield
    finally:
        post_save.disconnect(note_job)
        for handler, model in handlers:
            post_save.connect(handler, sender=model)
    with transaction.atomic():
        for task, *args in jobs:
            call_unless_row_deleted(task, args, {})


# Not one transaction: wagtail-localize publishes each translation when the transaction it
# was made in commits, from the page as it was then. Held until the end of the load, that
# page's tree bookkeeping is stale by the time it is saved (its section's child count),
# and the next page added there, such as an editor's first translation, collides.
# Published documents are rendered once at the end too, each item once (every one is
# rendered from the database as it is then, so the order of the saves does not matter).
@publication_deferred()
@indexed_in_one_pass()
def load_demo_content() -> dict[str, object]:
    locales = ensure_locales()
    source = Locale.get_default()
    home = ensure_home_page(source)
    site = ensure_default_site(home)
    sections = ensure_sections(home)

    organisations = ensure_organisations(source)
    terms = ensure_taxonomy(source)
    services = ensure_services(sections, organisations, terms)
    guides = ensure_guides(sections, services, terms)
    partners = ensure_partners(sections, organisations, services)
    clusters = ensure_clusters()
    ensure_bouncing_contact()
    ensure_home_features(home, services, guides)

    if "pl" in locales:
        translate_taxonomy(locales["pl"], terms)
        translate_demo_pages(locales["pl"], home, sections, {**services, **guides, **partners})
    # After the translations: each language's team sections get their editors too.
    sync_team_permissions()
    return {
        "site": site,
        "homes": {
            locale.language_code: home.get_translation(locale) for locale in locales.values()
        },
        "services": services,
        "guides": guides,
        "partners": partners,
        "clusters": clusters,
        "organisations": organisations,
    }
